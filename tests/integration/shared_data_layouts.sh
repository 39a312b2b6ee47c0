#!/usr/bin/env bash
# tests/integration/shared_data_layouts.sh — the loaders read ACLED and UCDP GED
# in every layout they were published in, picking columns by name:
#  1. the 2015-era files of $SN_SHARED_DATA/matching (ACLED's upper-case
#     28-column layout with GWNO and no iso, UCDP GED's 42-column layout) load
#     with the counts below, no row lost, every event in its country (the
#     flagged rows are kept: UCDP's best outside [low, high], and rows that
#     created a place beside another of its name more than 25 km away, such as
#     Adok, Maban or Nhialdiu in South Sudan);
#  2. the shared 2022 ACLED extract gives the same events whether it is loaded
#     in its own (current) layout or rewritten by this test into the 2015
#     layout (GWNO for iso, ALLY_ACTOR_1/2 for assoc_actor_1/2, EVENT_TYPE
#     alone without sub_event_type, no timestamp), each file copied by the
#     column list its own header line gives.
# Exit 77 (skip) without the shared data.
set -uo pipefail
if [ -z "${SN_SHARED_DATA:-}" ] || [ ! -d "$SN_SHARED_DATA/matching" ] || [ ! -f "$SN_SHARED_DATA/conflict/acled_sahel_2022h1.csv" ]; then
  echo "SKIP: no shared data (SN_SHARED_DATA=${SN_SHARED_DATA:-unset}); the layouts test needs ../shared/data/matching and conflict/acled_sahel_2022h1.csv"
  exit 77
fi
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
db=sn_layouts_$$
tmp=$(mktemp -d)
psql() { PGOPTIONS="-c client_min_messages=warning" "$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  "$SN_BINDIR/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS ${db}_a" -c "DROP DATABASE IF EXISTS ${db}_b" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
psql -d postgres -c "CREATE DATABASE ${db}_a" -c "CREATE DATABASE ${db}_b" || exit 1
psql -d "${db}_a" -c "CREATE EXTENSION sahel_news" || exit 1
psql -d "${db}_b" -c "CREATE EXTENSION sahel_news" || exit 1

# the column list of a file: its header line, lower-cased (as docs/reference/loaders.md shows)
columns() { head -n 1 "$1" | tr -d '"\r' | tr '[:upper:]' '[:lower:]'; }
fail=0

# 1. the 2015-era files: read, imported, updated, skipped, flagged
check_load() { # check_load DB TABLE FUNCTION FILE EXPECTED
  local out
  out=$(psql -At -F ' ' -d "$1" <<SQL
\\copy sahel_news.$2 ($(columns "$4")) FROM '${4//\'/\'\'}' WITH (FORMAT csv, HEADER true)
SELECT rows_read, imported, updated, skipped, flagged FROM sahel_news.$3();
SQL
) || { echo "FAIL: loading $(basename "$4")"; fail=1; return; }
  if [ "$out" != "$5" ]; then
    echo "FAIL: $(basename "$4"): read, imported, updated, skipped, flagged = $out; expected $5"
    fail=1
  else
    echo "$(basename "$4"): $out (read, imported, updated, skipped, flagged)"
  fi
}
m=$SN_SHARED_DATA/matching
check_load "${db}_a" acled_raw import_acled "$m/acled_libya2014.csv" "1369 1369 0 0 0"
check_load "${db}_a" acled_raw import_acled "$m/acled_ssudan2015.csv" "854 847 0 0 7"
check_load "${db}_a" ucdp_ged_raw import_ucdp_ged "$m/ucdp_libya2014.csv" "103 103 0 0 0"
check_load "${db}_a" ucdp_ged_raw import_ucdp_ged "$m/ucdp_ssudan2015.csv" "98 92 0 0 6"

out=$(psql -At -d "${db}_a" <<'SQL'
SET search_path = sahel_news;
-- every event in the country of its file (GWNO 620 Libya, 626 South Sudan)
SELECT format('FAIL: %s %s stored in %s', e.dataset, e.external_id, coalesce(p.country::text, 'no country'))
FROM events e LEFT JOIN places p ON p.id = e.place_id
WHERE e.dataset IN ('acled', 'ucdp_ged') AND p.country IS DISTINCT FROM 'LBY'::country
  AND p.country IS DISTINCT FROM 'SSD'::country;
-- the ids as written (2015 ACLED: the number first)
SELECT 'FAIL: ACLED id 1755LIB not loaded as written'
WHERE NOT EXISTS (SELECT 1 FROM events WHERE dataset = 'acled' AND external_id = '1755LIB');
-- the two facts event matching reads, on every located event
SELECT format('FAIL: %s %s has a location but no location_precision_m or dataset_category', dataset, external_id)
FROM events WHERE dataset IN ('acled', 'ucdp_ged') AND location IS NOT NULL
  AND (location_precision_m IS NULL OR dataset_category IS NULL);
-- the old event types mapped: every 2015 name but Riots/Protests gives a current type
SELECT format('FAIL: ACLED %s of type %L has no current event type', external_id, dataset_category)
FROM events WHERE dataset = 'acled' AND event_type IS NULL AND dataset_category <> 'Riots/Protests';
-- UCDP's five rows with best outside [low, high] flagged, kept
SELECT format('FAIL: %s UCDP rows flagged out of order, expected 5', count(*))
FROM import_issues WHERE dataset = 'ucdp_ged' AND action = 'kept' AND reason LIKE '%out of order%' HAVING count(*) <> 5;
SQL
) || { echo "FAIL: the checks did not run"; exit 1; }
[ -n "$out" ] && { printf '%s\n' "$out" | head -n 20; fail=1; }

# 2. the 2022 extract, current layout (database a) and rewritten into the 2015
# layout (database b)
f=$SN_SHARED_DATA/conflict/acled_sahel_2022h1.csv
check_load "${db}_a" acled_raw import_acled "$f" "186 185 0 0 1"
psql -d "${db}_b" <<SQL || { echo "FAIL: rewriting the 2022 extract into the 2015 layout"; exit 1; }
CREATE TEMP TABLE cur (LIKE sahel_news.acled_raw);
\\copy cur ($(columns "$f")) FROM '${f//\'/\'\'}' WITH (FORMAT csv, HEADER true)
\\copy (SELECT sahel_news.gw_code(sahel_news.country(iso::integer)) AS "GWNO", event_id_cnty AS "EVENT_ID_CNTY", NULL AS "EVENT_ID_NO_CNTY", event_date AS "EVENT_DATE", year AS "YEAR", time_precision AS "TIME_PRECISION", event_type AS "EVENT_TYPE", actor1 AS "ACTOR1", assoc_actor_1 AS "ALLY_ACTOR_1", inter1 AS "INTER1", NULL AS "ACTOR1_ID", actor2 AS "ACTOR2", assoc_actor_2 AS "ALLY_ACTOR_2", inter2 AS "INTER2", NULL AS "ACTOR2_ID", interaction AS "INTERACTION", NULL AS "ACTOR_DYAD_ID", country AS "COUNTRY", admin1 AS "ADMIN1", admin2 AS "ADMIN2", admin3 AS "ADMIN3", location AS "LOCATION", latitude AS "LATITUDE", longitude AS "LONGITUDE", geo_precision AS "GEO_PRECISION", source AS "SOURCE", notes AS "NOTES", fatalities AS "FATALITIES" FROM cur) TO '$tmp/acled_2015_layout.csv' WITH (FORMAT csv, HEADER true, FORCE_QUOTE *)
SQL
head -n 1 "$tmp/acled_2015_layout.csv" | grep -q "^GWNO,EVENT_ID_CNTY," || { echo "FAIL: the rewritten file has no 2015 header"; exit 1; }
check_load "${db}_b" acled_raw import_acled "$tmp/acled_2015_layout.csv" "186 185 0 0 1"

# the same events: id, date, point, precision, type, deaths, notes, place and
# country, actors and roles (sub_event_type and dataset_category differ by
# design: the 2015 layout has no sub-event type)
cat > "$tmp/events.sql" <<'SQL'
SELECT e.external_id, e.occurred::text, e.location::text, e.geo_precision, e.location_precision_m, e.event_type,
       e.fatalities::text, md5(e.summary), p.name, p.country::text,
       (SELECT string_agg(ea.role || '=' || a.name || '/' || coalesce(a.country::text, '-'), '; ' ORDER BY ea.role, a.name)
        FROM sahel_news.event_actors ea JOIN sahel_news.actors a ON a.id = ea.actor_id WHERE ea.event_id = e.id)
FROM sahel_news.events e LEFT JOIN sahel_news.places p ON p.id = e.place_id
WHERE e.dataset = 'acled' AND e.external_id !~ '^[0-9]' ORDER BY 1
SQL
psql -At -d "${db}_a" -f "$tmp/events.sql" > "$tmp/current.txt" || exit 1
psql -At -d "${db}_b" -f "$tmp/events.sql" > "$tmp/2015.txt" || exit 1
n=$(wc -l < "$tmp/current.txt")
if [ "$n" -ne 186 ]; then
  echo "FAIL: $n events from the current layout, expected 186"; fail=1
elif ! diff "$tmp/current.txt" "$tmp/2015.txt" > "$tmp/diff.txt"; then
  echo "FAIL: the 2015 layout gives other events than the current one:"; head -n 20 "$tmp/diff.txt"; fail=1
else
  echo "acled_sahel_2022h1.csv: the same 186 events from the current and the 2015 layout"
fi

if [ $fail -ne 0 ]; then echo "shared_data_layouts: FAILED"; exit 1; fi
echo "shared_data_layouts: every layout loaded"
