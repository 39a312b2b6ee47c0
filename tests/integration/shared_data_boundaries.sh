#!/usr/bin/env bash
# tests/integration/shared_data_boundaries.sh — sahel_news_postgis with real
# boundaries: geoBoundaries' Chad outline (ADM0), provinces (ADM1) and
# departments (ADM2) from $SN_SHARED_DATA/places (read there, never copied),
# loaded by import_boundaries(); the hierarchy, events_in_area() and
# events_by_area() on them.  Skipped when the data or PostGIS is absent.
set -uo pipefail
. "$SN_ROOT/tests/lib/clients.sh"
dir=$SN_SHARED_DATA/places
for f in geoBoundaries-TCD-ADM0_simplified.geojson geoBoundaries-TCD-ADM1_simplified.geojson geoBoundaries-TCD-ADM2.geojson; do
  [ -r "$dir/$f" ] || { echo "SKIP: $dir/$f not found (set SN_SHARED_DATA to the shared data directory)"; exit 77; }
done
sn_client_packages "postgresql-$PG_MAJOR-postgis-3"

db=sn_boundaries
psql_db() { "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
"$SN_BINDIR/psql" -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 1
SN_CLEANUP+=("$SN_BINDIR/psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS $db'")
check() { if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAILED: $1: expected '$2', got '$3'"; SN_FAIL=1; fi; }
psql_db -c "CREATE EXTENSION sahel_news" -c "CREATE EXTENSION postgis" -c "CREATE EXTENSION sahel_news_postgis" || exit 1

# loaded as the documentation says, by a loader
got=$(psql_db <<SQL
CREATE ROLE sn_boundary_loader LOGIN IN ROLE sahel_news_loader;
SET ROLE sn_boundary_loader;
\\set adm0 \`cat "$dir/geoBoundaries-TCD-ADM0_simplified.geojson"\`
\\set adm1 \`cat "$dir/geoBoundaries-TCD-ADM1_simplified.geojson"\`
\\set adm2 \`cat "$dir/geoBoundaries-TCD-ADM2.geojson"\`
SELECT sahel_news_postgis.import_boundaries(:'adm2'::jsonb)
    || ' ' || sahel_news_postgis.import_boundaries(:'adm1'::jsonb)
    || ' ' || sahel_news_postgis.import_boundaries(:'adm0'::jsonb);
-- loading again changes nothing
SELECT sahel_news_postgis.import_boundaries(:'adm1'::jsonb);
RESET ROLE;
DROP ROLE sn_boundary_loader;
SQL
)
check "70 departments, 23 provinces, 1 country loaded (then 23 again)" "70 23 1
23" "$got"
got=$(psql_db -c "SELECT level || ':' || count(*) || ':' || count(parent_id) || ':' || count(*) FILTER (WHERE country::text = 'TCD')
                  FROM sahel_news_postgis.admin_areas GROUP BY level ORDER BY level")
check "per level: areas, with a parent, in Chad" "0:1:0:1
1:23:23:23
2:70:70:70" "$got"
# every department's parent province covers most of it
got=$(psql_db -c "SELECT count(*) FROM sahel_news_postgis.admin_areas c JOIN sahel_news_postgis.admin_areas p ON p.id = c.parent_id
                  WHERE c.level = 2 AND ST_Area(ST_Intersection(p.geom, c.geom)) < 0.5 * ST_Area(c.geom)")
check "every department lies mostly in its province" "0" "$got"
got=$(psql_db -c "SELECT p.name FROM sahel_news_postgis.admin_areas c JOIN sahel_news_postgis.admin_areas p ON p.id = c.parent_id
                  WHERE c.level = 1 AND c.name = 'Tibesti'")
check "a province's parent is the country" "Chad" "$got"

# events in an area: three events placed in N'Djamena, Abéché and Faya-Largeau
got=$(psql_db <<'SQL'
BEGIN;
INSERT INTO sahel_news.events (occurred, location, fatalities, dataset, external_id, summary)
VALUES ('2023-02-01', '12.1348 15.0557', '3', 'sn_test', 'T1', 'a test event in the capital'),
       ('2023-02-02', '13.8292 20.8324', '2..5', 'sn_test', 'T2', 'a test event in the east'),
       ('2023-03-01', '17.9257 19.1043', '?', 'sn_test', 'T3', 'a test event in the north'),
       ('2023-03-02', '13.5 2.1', '1', 'sn_test', 'T4', 'a test event in Niger');
SELECT string_agg(e.external_id, ',' ORDER BY e.external_id)
FROM sahel_news_postgis.admin_areas a, sahel_news_postgis.events_in_area(a.id) e
WHERE a.level = 0 AND e.dataset = 'sn_test';
SELECT string_agg(a.name || '=' || string_agg, ' ' ORDER BY a.name) FROM (
  SELECT a.name, string_agg(e.external_id, ',' ORDER BY e.external_id)
  FROM sahel_news_postgis.admin_areas a, sahel_news_postgis.events_in_area(a.geom) e
  WHERE a.level = 1 AND e.dataset = 'sn_test' GROUP BY a.name) a;
SELECT string_agg(b.name || ':' || b.events || ':' || coalesce(b.fatalities::text, '-'), ' ' ORDER BY b.name)
FROM sahel_news_postgis.events_by_area(1) b WHERE b.events > 0;
SELECT string_agg(b.name || ':' || b.events, ' ' ORDER BY b.name)
FROM sahel_news_postgis.events_by_area(1, '2023-02') b WHERE b.events > 0;
SELECT count(*) || ' ' || sum(events) FROM sahel_news_postgis.bi_admin_areas WHERE level = 2;
ROLLBACK;
SQL
)
check "events_in_area(Chad) holds the three events in Chad, not the one in Niger" "T1,T2,T3" "$(sed -n 1p <<<"$got")"
check "events by province" "Borkou=T3 N'Djamena Region=T1 Ouaddaï=T2" "$(sed -n 2p <<<"$got")"
check "events_by_area sums fatalities as estimates" "Borkou:1:? N'Djamena Region:1:3 Ouaddaï:1:2..5" "$(sed -n 3p <<<"$got")"
check "events_by_area with a period" "N'Djamena Region:1 Ouaddaï:1" "$(sed -n 4p <<<"$got")"
check "the choropleth layer has every department and the three events" "70 3" "$(sed -n 5p <<<"$got")"

# a feature import_boundaries cannot read is refused, saying which
got=$(psql_db -c "SELECT sahel_news_postgis.import_boundaries('{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"shapeName\": \"Nowhere\", \"shapeID\": \"X1\", \"shapeType\": \"ADM1\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2]}}]}')" 2>&1 | head -n 1)
check "a point is no boundary" 'ERROR:  invalid boundary feature: {"shapeID": "X1", "shapeName": "Nowhere", "shapeType": "ADM1"}' "$got"
exit $SN_FAIL
