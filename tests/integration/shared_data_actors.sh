#!/usr/bin/env bash
# tests/integration/shared_data_actors.sh — actors across datasets on real
# exports: the ACLED Sahel 2022 extract and the UCDP GED sample of
# $SN_SHARED_DATA/conflict go through their loaders; every actor name of every
# event is kept as written (event_actor_names) and agrees with event_actors;
# the curated names resolve to the curated actors (ACLED's and UCDP's names of
# JNIM, the Islamic State in the Greater Sahara before March 2022 and the Sahel
# Province after, Ansar Dine before the merger); unresolved_actor_names counts
# what a direct count gives; and a mapping added for the most frequent
# unresolved name moves its events.  Exit 77 (skip) without the shared data.
set -uo pipefail
dir=${SN_SHARED_DATA:-}/conflict
. "$SN_ROOT/tests/lib/scratch_db.sh"
sn_require_shared "the actors' real-data test needs ../shared/data/conflict" conflict
sn_scratch_db sn_actors_$$

acled=$(ls "$dir"/acled_*.csv | head -n 1)
ucdp=$(ls "$dir"/ucdp_ged_*.csv | head -n 1)
# the staging tables hold every layout's columns; a file names its own in its header
columns() { head -n 1 "$1" | tr -d '"\r' | tr '[:upper:]' '[:lower:]'; }
"${psql[@]}" <<SQL || { echo "FAIL: loading"; exit 1; }
SET client_min_messages = warning;
CREATE EXTENSION sahel_news;
\\copy sahel_news.acled_raw ($(columns "$acled")) FROM '${acled//\'/\'\'}' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read FROM sahel_news.import_acled();
\\copy sahel_news.ucdp_ged_raw ($(columns "$ucdp")) FROM '${ucdp//\'/\'\'}' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read FROM sahel_news.import_ucdp_ged();
SQL

out=$("${psql[@]}" -At -F ' | ' <<'SQL'
SET search_path = sahel_news, public;
SELECT 'names kept: ' || count(*) || ' on ' || count(DISTINCT event_id) || ' events' FROM event_actor_names;
-- event_actors and event_actor_names agree, both ways
SELECT 'MISMATCH: event_actors row without a name: ' || ea.event_id || ' ' || ea.role
FROM event_actors ea JOIN events e ON e.id = ea.event_id AND NOT e.sample
WHERE NOT EXISTS (SELECT 1 FROM event_actor_names r WHERE r.event_id = ea.event_id AND r.role = ea.role AND r.actor_id = ea.actor_id);
SELECT 'MISMATCH: name without its event_actors row: ' || r.event_id || ' ' || r.role || ' ' || r.name
FROM event_actor_names r
WHERE NOT EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = r.event_id AND ea.role = r.role AND ea.actor_id = r.actor_id);
-- the curated names: each row is dataset | name as written | actor | events
SELECT 'resolved: ' || e.dataset || ' | ' || r.name || ' | ' || a.name || ' | ' || count(*)
FROM event_actor_names r JOIN events e ON e.id = r.event_id JOIN actors a ON a.id = r.actor_id
WHERE r.name IN ('JNIM: Group for Support of Islam and Muslims', 'JNIM', 'Ansar Dine', 'IS',
                 'Islamic State (Sahel)', 'Islamic State (West Africa) - Greater Sahara Faction',
                 'Military Forces of Burkina Faso (2015-)', 'Military Forces of Burkina Faso (2022-)',
                 'Government of Mali', 'VDP: Volunteer for Defense of Homeland')
GROUP BY e.dataset, r.name, a.name ORDER BY 1;
SELECT 'WRONG: ' || r.name || ' on ' || e.occurred::text || ' resolved to ' || a.name
FROM event_actor_names r JOIN events e ON e.id = r.event_id JOIN actors a ON a.id = r.actor_id
WHERE (r.name IN ('JNIM: Group for Support of Islam and Muslims', 'JNIM') AND a.id <> 15)
   OR (r.name = 'Ansar Dine' AND a.id <> 101)
   OR (r.name IN ('Islamic State (Sahel)', 'Islamic State (West Africa) - Greater Sahara Faction') AND a.id <> 105)
   OR (r.name = 'IS' AND a.id <> 17);
-- the view counts what a direct count gives
SELECT 'unresolved: ' || count(*) || ' names on ' || sum(events) || ' event-names' FROM unresolved_actor_names;
SELECT 'COUNT DIFFERS: ' || v.dataset || ' ' || v.name || ' ' || v.events || ' <> ' || coalesce(d.n, 0)
FROM unresolved_actor_names v
LEFT JOIN (SELECT e.dataset, r.name, count(DISTINCT r.event_id) AS n
           FROM event_actor_names r JOIN events e ON e.id = r.event_id JOIN actors a ON a.id = r.actor_id
           WHERE a.provisional GROUP BY 1, 2) d ON d.dataset = v.dataset AND d.name = v.name
WHERE d.n IS DISTINCT FROM v.events;
SELECT 'top: ' || dataset || ' | ' || name || ' | ' || events || ' | ' || first_date || ' | ' || last_date
FROM unresolved_actor_names ORDER BY events DESC, dataset, name LIMIT 8;
SQL
) || { echo "FAIL: queries"; exit 1; }
printf '%s\n' "$out"
fail=0
grep -q '^MISMATCH\|^WRONG\|^COUNT DIFFERS' <<<"$out" && fail=1
grep -q '^resolved: acled | JNIM: Group for Support of Islam and Muslims | JNIM | ' <<<"$out" || { echo "FAIL: ACLED's JNIM not resolved"; fail=1; }
grep -q '^resolved: ucdp_ged | JNIM | JNIM | ' <<<"$out" || { echo "FAIL: UCDP's JNIM not resolved"; fail=1; }

# map the most frequent unresolved name: its events move, the view drops it
top=$("${psql[@]}" -At -c "SELECT name FROM sahel_news.unresolved_actor_names ORDER BY events DESC, dataset, name LIMIT 1")
after=$("${psql[@]}" -At -F ' | ' <<SQL
SET search_path = sahel_news, public;
INSERT INTO actors (name, kind) VALUES ('Curated: ${top//\'/\'\'}', 'civilians');
INSERT INTO actor_names (actor_id, name, name_kind)
SELECT id, '${top//\'/\'\'}', 'alias' FROM actors WHERE name = 'Curated: ${top//\'/\'\'}';
SELECT count(*) FROM unresolved_actor_names WHERE name = '${top//\'/\'\'}';
SELECT count(*) FROM event_actor_names r JOIN actors a ON a.id = r.actor_id
WHERE r.name = '${top//\'/\'\'}' AND a.name <> 'Curated: ${top//\'/\'\'}';
SELECT count(*) FROM actors WHERE provisional AND name = '${top//\'/\'\'}';
SQL
) || { echo "FAIL: mapping $top"; exit 1; }
echo "after mapping '$top' to a curated actor: still unresolved, elsewhere, provisional left: $(tr '\n' ' ' <<<"$after")"
[ "$(tr '\n' ' ' <<<"$after")" = "0 0 0 " ] || { echo "FAIL: the mapping did not move every event of '$top'"; fail=1; }

[ $fail -eq 0 ] || { echo "FAIL: actors across datasets"; exit 1; }
echo "PASS: every loaded actor name kept and resolved; curated names resolve by period; a new mapping moves its events"
