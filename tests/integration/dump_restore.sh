#!/usr/bin/env bash
# tests/integration/dump_restore.sh — the users' rows in the extension's tables
# survive pg_dump and a restore into a fresh database, and the rows shipped
# with the extension (lookups and the sample report) are not duplicated.
#
# A database gets the extension and user rows in every table of the model (some
# pointing at shipped rows, some at each other); it is dumped in custom format
# (restored with pg_restore) and in plain format (restored with psql); each
# copy must hold exactly the same rows, shipped and user, with the identity
# sequences where they were, and must go on working.
#
# pg_dump warns about "circular foreign-key constraints" on places, actors,
# events, deployments and cameo_codes: each refers to itself (a parent place, a
# part of a total), and pg_dump orders the data of configuration tables by
# their foreign keys.  A table's rows are restored by one COPY, whose key checks
# run at its end, so the warning is harmless; it is shown, not hidden.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
psql() { "$SN_BINDIR/psql" -X -v ON_ERROR_STOP=1 -q "$@"; }

src=sn_dump_src dst_custom=sn_dump_custom dst_plain=sn_dump_plain
drop_databases() {
  for db in $src $dst_custom $dst_plain; do psql -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null; done
}
drop_databases
work=$(mktemp -d "${TMPDIR:-/tmp}/sn_dump.XXXXXX")
trap 'drop_databases; rm -rf "$work"' EXIT

fail() { echo "FAIL: $*"; exit 1; }

psql -d postgres -c "CREATE DATABASE $src" || fail "cannot create $src"
psql -d $src -c "CREATE EXTENSION sahel_news" || fail "CREATE EXTENSION"

# User rows in every table: those of a user of 0.1 (user_rows_0.1.sql: new
# lookups, a source, a place under a shipped place, aliases of shipped places
# and actors, an actor, events with actors, a claim pointing at an event, a
# deployment, a figure), and more: a user place under a user place, an event
# of a user's own event type, deployments with a total and its parts, a
# shipped sample place linked to GeoNames.
{ cat "$SN_ROOT/tests/integration/user_rows_0.1.sql"; cat <<'SQL'; } | psql -d $src || fail "inserting user rows"
INSERT INTO acled_event_types (event_type, disorder_type) VALUES ('Withdrawals (local coding)', 'Strategic developments');
INSERT INTO acled_sub_event_types (sub_event_type, event_type, disorder_type, political_violence,
                                   organized_political_violence, demonstrations)
  VALUES ('Foreign forces leave', 'Withdrawals (local coding)', 'Strategic developments', false, false, false);
INSERT INTO places (name, kind, country, parent_id)
  VALUES ('Sévaré airport', 'base', 'MLI', (SELECT id FROM places WHERE name = 'Sévaré'));
INSERT INTO place_countries (place_id, country) VALUES (18, 'GHA');
INSERT INTO events (occurred, place_id, event_type, sub_event_type, dataset, external_id)
  VALUES ('2023-02', 4, 'Withdrawals (local coding)', 'Foreign forces leave', 'test', 'T3');
INSERT INTO event_actors (event_id, actor_id, role) VALUES
  ((SELECT id FROM events WHERE external_id = 'T1'), 9, 'actor2'),
  (7, 20, 'victim');
INSERT INTO deployments (force_id, contributor, host, place_id, strength, as_of, part_of, dataset, external_id)
  VALUES (2, 'FRA', 'NER', 16, '~1200', '2023-01', (SELECT id FROM deployments WHERE external_id = 'total'), 'test', 'part');
-- the event taxonomy: a level of the user's own, a mapping using it, and a
-- shipped mapping the user changed (it becomes theirs and must replace the
-- shipped row that CREATE EXTENSION brings back)
INSERT INTO event_taxonomy_levels (level, name, parent, description)
  VALUES (2, 'ambush (test)', 'armed clash', 'an attack from a concealed position');
INSERT INTO event_taxonomy (dataset, category, level1, level2) VALUES ('test', 'ambush', 'armed clash', 'ambush (test)');
UPDATE event_taxonomy SET level1 = 'violence against civilians', level2 = 'attack' WHERE dataset = 'scad' AND category = '7';
-- actors across datasets: a name with a period, the names a dataset wrote on
-- an event (one resolved through it, one to a provisional actor)
INSERT INTO actor_names (actor_id, name, name_kind, used)
  SELECT id, 'Test militia (2023-)', 'alias', '2023/..' FROM actors WHERE name = 'Test militia';
DO $$
BEGIN
  PERFORM sahel_news.loader_event_actor(id, 'actor1', 'Test militia (2023-)', 'armed group', NULL, occurred)
  FROM sahel_news.events WHERE external_id = 'T1';
  PERFORM sahel_news.loader_event_actor(id, 'actor2', 'Unmapped band', 'armed group', NULL, occurred)
  FROM sahel_news.events WHERE external_id = 'T2';
END $$;
-- event matching: a second dataset's report of the T1 clash, linked, and an
-- analyst's verdicts (one accepted in event_links, one rejected by hand)
INSERT INTO matching_datasets (dataset, splits_incidents, date_lag_days) VALUES ('test2', false, 1);
INSERT INTO actor_match_aliases (name, same_as, note) VALUES ('Machar''s fighters', 'SPLM-IO', 'our sources'' spelling');
INSERT INTO events (occurred, location, location_precision_m, fatalities, dataset, external_id)
  VALUES ('2023-01-05', '14.54, -4.11', 2000, '8..12', 'test2', 'U1');
SELECT links FROM link_events('test', 'test2');
UPDATE event_links l SET status = 'accepted'
FROM events e WHERE e.id = l.event_id AND e.external_id = 'T1' AND l.other_dataset = 'test2';
INSERT INTO event_link_reviews (dataset, external_id, other_dataset, other_external_id, status, note)
  VALUES ('test', 'T2', 'test2', 'U1', 'rejected', 'a claim, not the clash');
-- GeoNames: the shipped sample place of Mali linked to its record (its
-- identity is the user's, kept in place_geonames_links, and must come back
-- on the sample row that the restore recreates)
INSERT INTO geonames_raw VALUES ('2453866', 'Republic of Mali', 'Republic of Mali', 'Mali,Republique du Mali',
  '17', '-4', 'A', 'PCLI', 'ML', '', '00', '', '', '', '19077690', '', '274', 'Africa/Bamako', '2023-01-01');
SELECT imported, updated, flagged FROM import_geonames();
SQL

# The tables that hold user rows, each with the column that marks its shipped
# rows (- for a table that ships none).
user_tables="
  acled_event_types:standard acled_sub_event_types:standard
  acled_actor_types:standard cameo_codes:standard sources:sample places:sample
  place_names:sample place_countries:sample actors:sample actor_names:sample
  events:sample event_actors:sample deployments:sample figures:sample
  event_actor_names:- event_taxonomy:standard event_taxonomy_levels:standard
  matching_datasets:standard actor_match_aliases:standard event_links:-
  event_link_reviews:- incidents:- link_runs:- place_geonames_links:-
"

# A fingerprint of a database: per table, the number of shipped and of user rows
# and a hash of the user rows; the identity sequences; two answers of the
# functions that read the user rows.
fingerprint() {
  local tf t shipped per_table=()
  for tf in $user_tables; do
    t=${tf%:*} shipped=${tf#*:}
    [ "$shipped" = - ] && shipped=false
    per_table+=("SELECT '$t' t, count(*) FILTER (WHERE $shipped) shipped, count(*) FILTER (WHERE NOT $shipped) users,
         coalesce(string_agg(x::text, '|' ORDER BY x::text) FILTER (WHERE NOT $shipped), '') rows FROM $t x")
  done
  { echo "SET search_path = sahel_news, public;"
    echo "SELECT format('%-22s shipped %4s  user %2s  %s', t, shipped, users, md5(rows)) FROM ("
    printf '%s\n' "${per_table[0]}"
    printf '  UNION ALL %s\n' "${per_table[@]:1}"
    echo ") f ORDER BY t;"
    cat <<'SQL'
SELECT format('sample place %s (%s): geonameid %s, %s, population %s', id, name, geonames_id, feature_code, population)
FROM places WHERE sample AND geonames_id IS NOT NULL ORDER BY id;
SELECT format('%-22s last_value %s', sequencename, last_value) FROM pg_sequences
WHERE schemaname = 'sahel_news'
  AND sequencename IN ('sources_id_seq', 'places_id_seq', 'actors_id_seq', 'events_id_seq', 'deployments_id_seq', 'figures_id_seq')
ORDER BY sequencename;
SELECT 'troop_strength(FRA, NER, 2023-02-01) = ' || troop_strength('FRA', 'NER', '2023-02-01');
SELECT 'locate(Sevare) = ' || locate('Sevare');
SELECT 'unresolved ' || name || ' ' || events FROM unresolved_actor_names;
SELECT 'event T1 ' || level1 || ' / ' || level2 FROM event_categories c JOIN events e ON e.id = c.event_id WHERE e.external_id = 'T1';
SQL
  } | psql -d "$1" -At
}

fingerprint $src > "$work/src.txt" || fail "fingerprint of $src"
echo "the source database:"
sed 's/^/  /' "$work/src.txt"
grep -q 'user  0' "$work/src.txt" && fail "a table got no user row"

echo "pg_dump (custom format) and pg_restore into a fresh database:"
"$SN_BINDIR/pg_dump" -Fc -f "$work/db.dump" $src 2>"$work/dump.err" || { cat "$work/dump.err"; fail "pg_dump"; }
sed 's/^/  /' "$work/dump.err"
psql -d postgres -c "CREATE DATABASE $dst_custom" || fail "cannot create $dst_custom"
"$SN_BINDIR/pg_restore" --exit-on-error -d $dst_custom "$work/db.dump" 2>"$work/restore.err" ||
  { cat "$work/restore.err"; fail "pg_restore"; }
[ -s "$work/restore.err" ] && { cat "$work/restore.err"; fail "pg_restore printed messages"; }

echo "pg_dump (plain SQL) and psql into a fresh database:"
"$SN_BINDIR/pg_dump" -Fp -f "$work/db.sql" $src 2>/dev/null || fail "pg_dump plain"
psql -d postgres -c "CREATE DATABASE $dst_plain" || fail "cannot create $dst_plain"
psql -d $dst_plain -f "$work/db.sql" >"$work/plain.out" 2>&1 || { cat "$work/plain.out"; fail "psql restore"; }

status=0
for db in $dst_custom $dst_plain; do
  fingerprint $db > "$work/$db.txt" || fail "fingerprint of $db"
  if diff -u "$work/src.txt" "$work/$db.txt"; then
    echo "  $db: every shipped and user row, the sequences and the answers are as in the source"
  else
    echo "  $db: differs from the source (diff above)"; status=1
  fi
  # the copy goes on working: new rows get new ids, shipped rows stay guarded
  out=$(psql -d $db -At -c "INSERT INTO sahel_news.places (name, kind) VALUES ('After restore', 'town') RETURNING id" 2>&1) ||
    { echo "  $db: cannot add a place after the restore: $out"; status=1; }
  last=$(grep '^places_id_seq' "$work/src.txt" | awk '{print $3}')
  [ "$out" -gt "$last" ] 2>/dev/null || { echo "  $db: the new place got id $out, not after $last"; status=1; }
  # linking again keeps the analyst's verdict: the accepted pair stays rank 1
  out=$(psql -d $db -At -c "SELECT links FROM sahel_news.link_events('test', 'test2')" \
            -c "SELECT l.status || ' ' || l.rank FROM sahel_news.event_links l JOIN sahel_news.events e ON e.id = l.event_id
                WHERE e.external_id = 'T1' AND l.other_dataset = 'test2'" 2>&1)
  [ "$(echo "$out" | tail -n 1)" = "accepted 1" ] || { echo "  $db: after link_events the accepted link reads: $out"; status=1; }
  if psql -d $db -c "DELETE FROM sahel_news.events WHERE external_id = 'E7'" 2>/dev/null; then
    echo "  $db: a shipped row could be deleted after the restore"; status=1
  fi
done
[ $status -eq 0 ] || fail "dump and restore lost, changed or duplicated rows"
echo "PASS: user rows survive pg_dump/pg_restore and psql restores; shipped rows are not duplicated"
