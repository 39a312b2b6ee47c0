#!/usr/bin/env bash
# tests/integration/roles.sh — the three roles CREATE EXTENSION makes
# (sahel_news_reader, sahel_news_editor, sahel_news_loader): a login role
# granted each connects and is checked for what it can and cannot do; a role
# granted none can do nothing, and even with USAGE on the schema cannot run
# the loaders or their internals.  Then the roles across two databases: a
# second CREATE EXTENSION reuses them, and DROP EXTENSION in one database
# leaves them (and the other database's grants) in place.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
: "${SN_ROOT:?SN_ROOT must be set (run through tests/run)}"
db=sn_roles db2=sn_roles_second
logins=(sn_alice_reader sn_bob_editor sn_carol_loader sn_mallory)
su() { "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  for d in $db $db2; do su -d postgres -c "DROP DATABASE IF EXISTS $d" 2>/dev/null; done
  for r in "${logins[@]}"; do su -d postgres -c "DROP ROLE IF EXISTS $r" 2>/dev/null; done
}
cleanup
trap cleanup EXIT

su -d postgres -c "CREATE DATABASE $db" || exit 1
su -d "$db" -c "SET client_min_messages = warning; CREATE EXTENSION sahel_news" || exit 1
su -d postgres -c "CREATE ROLE sn_alice_reader LOGIN IN ROLE sahel_news_reader" \
  -c "CREATE ROLE sn_bob_editor LOGIN IN ROLE sahel_news_editor" \
  -c "CREATE ROLE sn_carol_loader LOGIN IN ROLE sahel_news_loader" \
  -c "CREATE ROLE sn_mallory LOGIN" || exit 1

fail=0
# can USER SQL [DB]: the statements succeed when run by USER (logged in as USER)
can() {
  local user=$1 stmt=$2 out
  if out=$(cd "$SN_ROOT" && printf 'SET search_path = sahel_news;\n%s\n' "$stmt" |
             "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -U "$user" -d "${3:-$db}" -f - 2>&1); then
    echo "ok: $user can: $stmt"
  else
    echo "FAILED: $user cannot: $stmt"; echo "$out" | sed 's/^/    /'; fail=1
  fi
}
# cannot USER SQL [DB]: the statements fail with 42501 (insufficient privilege)
cannot() {
  local user=$1 stmt=$2 out
  if out=$(cd "$SN_ROOT" && printf 'SET search_path = sahel_news;\n%s\n' "$stmt" |
             "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -U "$user" -d "${3:-$db}" -f - 2>&1); then
    echo "FAILED: $user can, and should not: $stmt"; fail=1
  elif grep -q '42501' <<<"$out"; then
    echo "ok: $user cannot: $stmt"
  else
    echo "FAILED: $user: expected 42501 for: $stmt"; echo "$out" | sed 's/^/    /'; fail=1
  fi
}

# -- reader: queries everything, changes nothing
r=sn_alice_reader
can $r "SELECT count(*) FROM places; SELECT count(*) FROM place_names; SELECT count(*) FROM events"
can $r "SELECT count(*) FROM bi_events; SELECT count(*) FROM bi_places; SELECT count(*) FROM bi_troop_levels"
can $r "SELECT count(*) FROM acled_raw; SELECT count(*) FROM import_runs"
can $r "SELECT troop_strength('FRA', 'MLI', '2022-06-01'::date)"
can $r "SELECT * FROM annotate('JNIM fighters attacked Djallo on 13 August 2022.')"
can $r "SELECT locate('Djallo'), parse_estimate('about 1,000'), '2022-08'::edtf, 'Mali'::country"
cannot $r "INSERT INTO place_names (place_id, name) VALUES (15, 'Djalo')"
cannot $r "UPDATE events SET occurred = occurred"
cannot $r "DELETE FROM actor_names WHERE NOT sample"
cannot $r "INSERT INTO acled_raw DEFAULT VALUES"
cannot $r "SELECT import_acled()"
cannot $r "SELECT loader_int('1')"
cannot $r "UPDATE cameo_codes SET name = name"

# -- editor: edits the gazetteer and the facts, not the code lists nor the loaders
e=sn_bob_editor
can $e "SELECT count(*) FROM bi_events"
can $e "BEGIN; INSERT INTO places (name, kind, country) VALUES ('Boulkessi', 'town', 'MLI');
        INSERT INTO place_names (place_id, name) SELECT id, 'Boulkessy' FROM places WHERE name = 'Boulkessi';
        UPDATE places SET note = 'a camp' WHERE name = 'Boulkessi';
        INSERT INTO actors (name, kind) VALUES ('Katiba Serma', 'armed group');
        INSERT INTO actor_names (actor_id, name) SELECT id, 'Serma' FROM actors WHERE name = 'Katiba Serma';
        INSERT INTO sources (publisher, title) VALUES ('a newspaper', 'an article');
        INSERT INTO events (occurred, place_id) SELECT '2022-09', id FROM places WHERE name = 'Boulkessi';
        INSERT INTO event_actors (event_id, actor_id, role)
          SELECT (SELECT max(id) FROM events), id, 'actor1' FROM actors WHERE name = 'Katiba Serma';
        DELETE FROM event_actors WHERE event_id = (SELECT max(id) FROM events);
        DELETE FROM events WHERE id = (SELECT max(id) FROM events);
        DELETE FROM place_names WHERE name = 'Boulkessy';
        COMMIT"
# links between events: the editor links two datasets, gives verdicts, maps
# categories and sets a dataset's matching rules (user rows)
can $e "INSERT INTO matching_datasets (dataset, splits_incidents, date_lag_days) VALUES ('r_bulletin', false, 7);
        INSERT INTO event_taxonomy (dataset, category, level1, level2) VALUES
          ('r_bulletin', 'ambush', 'armed clash', 'armed clash, unspecified'),
          ('r_wire', 'ambush', 'armed clash', 'armed clash, unspecified');
        UPDATE event_taxonomy SET category = 'Ambush' WHERE dataset = 'r_wire';
        INSERT INTO events (occurred, location, location_precision_m, dataset_category, dataset, external_id) VALUES
          ('2022-09-01', geopoint(14.1, -0.9), 2000, 'ambush', 'r_bulletin', 'b1'),
          ('2022-09-02', geopoint(14.1, -0.9), 2000, 'ambush', 'r_wire', 'w1')"
can $e "SELECT links = 1 FROM link_events('r_bulletin', 'r_wire')"
can $e "UPDATE event_links SET status = 'accepted' WHERE dataset = 'r_bulletin';
        INSERT INTO event_link_reviews (dataset, external_id, other_dataset, other_external_id, status, note)
          VALUES ('r_bulletin', 'b1', 'r_wire', 'w9', 'rejected', 'another ambush');
        DELETE FROM event_link_reviews WHERE other_external_id = 'w9'"
can $e "SELECT count(*) FROM link_events('r_bulletin')"
got=$(su -d "$db" -c "SELECT string_agg(l.status || ':' || l.rank || ':' || r.reviewed_by, ',')
                      FROM sahel_news.event_links l JOIN sahel_news.event_link_reviews r ON r.dataset = l.dataset
                      WHERE l.dataset = 'r_bulletin' AND l.other_dataset = 'r_wire'")
[ "$got" = "accepted:1:sn_bob_editor" ] && echo "ok: the editor's verdict holds after a re-run" ||
  { echo "FAILED: the editor's verdict: $got"; fail=1; }
# the reader reads what matching made, and cannot run it
can $r "SELECT count(*) FROM event_links; SELECT count(*) FROM incidents; SELECT count(*) FROM event_link_reviews;
        SELECT count(*) FROM bi_event_links; SELECT count(*) FROM bi_incidents WHERE datasets LIKE '%r_wire%'"
cannot $r "SELECT * FROM link_events('r_bulletin')"
cannot $r "UPDATE event_links SET status = 'rejected'"
cannot $r "INSERT INTO event_taxonomy (dataset, category, level1) VALUES ('r_x', 'x', 'armed clash')"
got=$(su -d "$db" -c "SELECT count(*) FROM sahel_news.incidents i JOIN sahel_news.events e ON e.id = i.event_id
                      WHERE e.dataset IN ('r_bulletin', 'r_wire')")
[ "$got" = 2 ] && echo "ok: the editor's run made an incident of the two events" ||
  { echo "FAILED: $got events of the editor's datasets in incidents"; fail=1; }
cannot $e "UPDATE cameo_codes SET name = name"
cannot $e "DELETE FROM acled_event_types WHERE false"
cannot $e "TRUNCATE place_names"
cannot $e "INSERT INTO acled_raw DEFAULT VALUES"
cannot $e "SELECT import_acled()"
cannot $e "SELECT loader_int('1')"
cannot $e "INSERT INTO import_runs DEFAULT VALUES"

# -- loader: stages a file and imports it
l=sn_carol_loader
can $l "\\copy acled_raw (event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp) FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read > 0 FROM import_acled()"
can $l "SELECT count(*) FROM events WHERE dataset = 'acled'"
can $l "TRUNCATE acled_raw"
cannot $l "UPDATE cameo_codes SET name = name"
cannot $l "DELETE FROM acled_sub_event_types WHERE false"
got=$(su -d "$db" -c "SELECT count(*) > 0 FROM sahel_news.events WHERE dataset = 'acled'")
[ "$got" = t ] && echo "ok: the loader's import is in the tables" || { echo "FAILED: no ACLED events after the loader's import"; fail=1; }

# -- no role at all: not even the schema
m=sn_mallory
cannot $m "SELECT count(*) FROM sahel_news.places"
cannot $m "SELECT sahel_news.parse_estimate('about 1,000')"
# with USAGE on the schema (a user's own grant), still no loader functions,
# while the types' functions work
su -d "$db" -c "GRANT USAGE ON SCHEMA sahel_news TO sn_mallory" || exit 1
can $m "SELECT parse_estimate('about 1,000')"
cannot $m "SELECT count(*) FROM places"
cannot $m "SELECT loader_int('1')"
cannot $m "SELECT import_ucdp_ged()"
got=$(su -d "$db" -c "SELECT count(*) FROM pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                      WHERE p.pronamespace = 'sahel_news'::regnamespace AND p.proname ~ '^(loader_|import_)'
                        AND a.grantee = 0 AND a.privilege_type = 'EXECUTE'")
[ "$got" = 0 ] && echo "ok: no loader_* or import_* function is EXECUTE to PUBLIC" ||
  { echo "FAILED: $got loader functions are EXECUTE to PUBLIC"; fail=1; }
su -d "$db" -c "REVOKE USAGE ON SCHEMA sahel_news FROM sn_mallory" || exit 1

# -- the roles are NOLOGIN groups
got=$(su -d postgres -c "SELECT string_agg(rolname || ':' || rolcanlogin || ':' || rolsuper, ' ' ORDER BY rolname)
                         FROM pg_roles WHERE rolname LIKE 'sahel\\_news\\_%'")
[ "$got" = "sahel_news_editor:false:false sahel_news_loader:false:false sahel_news_reader:false:false" ] &&
  echo "ok: three NOLOGIN roles" || { echo "FAILED: roles: $got"; fail=1; }

# -- a second database: the roles are reused; DROP EXTENSION there keeps them
su -d postgres -c "CREATE DATABASE $db2" || exit 1
su -d "$db2" -c "CREATE EXTENSION sahel_news" || exit 1
got=$(su -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'sahel\\_news\\_%'")
[ "$got" = 3 ] && echo "ok: the second CREATE EXTENSION reuses the three roles" || { echo "FAILED: $got roles"; fail=1; }
can sn_alice_reader "SELECT count(*) FROM places" $db2
cannot sn_alice_reader "DELETE FROM place_names WHERE NOT sample" $db2
su -d "$db2" -c "DROP EXTENSION sahel_news" || exit 1
got=$(su -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname IN ('sahel_news_reader', 'sahel_news_editor', 'sahel_news_loader')")
[ "$got" = 3 ] && echo "ok: DROP EXTENSION leaves the roles" || { echo "FAILED: $got roles left after DROP EXTENSION"; fail=1; }
can sn_alice_reader "SELECT count(*) FROM places"
cannot sn_alice_reader "INSERT INTO place_names (place_id, name) VALUES (15, 'Djalo')"
exit $fail
