#!/usr/bin/env bash
# tests/integration/postgis_bridge.sh — sahel_news_postgis, the second
# extension: it installs beside PostGIS (skipped when Debian's PostGIS cannot
# be installed), sahel_news keeps working without it, the casts geopoint <->
# geography/geometry round-trip exactly, distances agree with PostGIS's
# spheroid distance to < 1 mm, bad geometries are refused with 22023, the map
# layers are registered in geometry_columns, events_in_area() finds what lies
# in a polygon, and the reader/loader rights hold.
set -uo pipefail
. "$SN_ROOT/tests/lib/clients.sh"
sn_client_packages "postgresql-$PG_MAJOR-postgis-3"

db=sn_postgis_bridge
psql_db() { "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
"$SN_BINDIR/psql" -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 1
SN_CLEANUP+=("$SN_BINDIR/psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS $db'")
check() { # check LABEL EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAILED: $1: expected '$2', got '$3'"; SN_FAIL=1; fi
}

# sahel_news alone needs no PostGIS; the bridge needs both
psql_db -c "CREATE EXTENSION sahel_news" || exit 1
got=$(psql_db -c "CREATE EXTENSION sahel_news_postgis" 2>&1)
check "the bridge requires postgis" 'ERROR:  required extension "postgis" is not installed' "$(head -n 1 <<<"$got")"
psql_db -c "CREATE EXTENSION postgis" -c "CREATE EXTENSION sahel_news_postgis" || exit 1
got=$(psql_db -c "SELECT string_agg(r.extname, ',' ORDER BY r.extname) FROM pg_extension e
                  JOIN pg_depend d ON d.objid = e.oid AND d.classid = 'pg_extension'::regclass AND d.refclassid = 'pg_extension'::regclass
                  JOIN pg_extension r ON r.oid = d.refobjid WHERE e.extname = 'sahel_news'")
check "sahel_news depends on no extension" "" "$got"

# Casts round-trip exactly: 100,000 random points of the whole globe with all
# their float8 digits, and the edges (poles, the antimeridian, tiny values).
got=$(psql_db <<'SQL'
SELECT setseed(0.24);
CREATE TEMP TABLE pts AS
SELECT sahel_news.geopoint(-90 + random() * 180, -180 + random() * 360) AS p FROM generate_series(1, 100000)
UNION ALL
SELECT sahel_news.geopoint(lat, lon)
FROM (VALUES (90::float8, 0::float8), (-90, 0), (0, 180), (12.5, 180), (-12.5, -179.99999999999997),
             (1e-300, -1e-300), (5e-324, 5e-324), (0, 0), (13.4540672, -2.0987452), (-0.0, -0.0)) v(lat, lon);
SELECT count(*) FILTER (WHERE p::geography::sahel_news.geopoint::text <> p::text
                          OR sahel_news.lat(p::geography::sahel_news.geopoint) <> sahel_news.lat(p)
                          OR sahel_news.lon(p::geography::sahel_news.geopoint) <> sahel_news.lon(p))
       || ' ' ||
       count(*) FILTER (WHERE p::geometry::sahel_news.geopoint::text <> p::text
                          OR ST_SRID(p::geometry) <> 4326
                          OR ST_Y(p::geometry) <> sahel_news.lat(p) OR ST_X(p::geometry) <> sahel_news.lon(p))
       || ' of ' || count(*)
FROM pts;
SQL
)
got=$(tail -n 1 <<<"$got")
check "geopoint -> geography -> geopoint and geopoint -> geometry -> geopoint return the same value" "0 0 of 100010" "$got"

# Distances agree with PostGIS's spheroid distance to < 1 mm: 100,000 random
# pairs, near and far (nearly antipodal ones included).
got=$(psql_db <<'SQL'
SELECT setseed(0.42);
CREATE TEMP TABLE pairs AS
SELECT sahel_news.geopoint(lat, lon) AS a,
       sahel_news.geopoint(greatest(-90, least(90, lat + d * (random() - 0.5))), lon + d * (random() - 0.5)) AS b
FROM (SELECT -89 + random() * 178 AS lat, -179 + random() * 358 AS lon,
             (ARRAY[0.0001, 0.1, 10, 100, 359])[1 + (i % 5)] AS d
      FROM generate_series(1, 100000) i) s
UNION ALL
SELECT sahel_news.geopoint(lat, lon), sahel_news.geopoint(-lat, lon + 179.5)
FROM (SELECT -60 + random() * 120 AS lat, -179 + random() * 179 AS lon FROM generate_series(1, 1000)) s;
SELECT max(abs(sahel_news.distance(a, b) - ST_Distance(a::geography, b::geography, true)))
FROM pairs \gset
SELECT CASE WHEN :max < 0.001 THEN 'below 1 mm' ELSE 'max ' || :max || ' m' END, :max;
SQL
)
echo "  max |distance - ST_Distance(geography, use_spheroid)| over 101,000 pairs: $(tail -n 1 <<<"$got" | cut -d'|' -f2) m"
check "distances agree with PostGIS's spheroid distance" "below 1 mm" "$(tail -n 1 <<<"$got" | cut -d'|' -f1)"

# What is not one WGS84 point is refused, saying why.
err() { psql_db -c "SELECT ($1)::sahel_news.geopoint" 2>&1 | head -n 1; }
check "a polygon is no geopoint" 'ERROR:  cannot cast geometry to geopoint: "POLYGON((0 0,1 0,1 1,0 0))"' \
  "$(err "ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))', 4326)")"
check "a point in another SRID is no geopoint" 'ERROR:  cannot cast geometry to geopoint: "POINT(500000 1500000)"' \
  "$(err "ST_SetSRID(ST_MakePoint(500000, 1500000), 32630)")"
check "a point without SRID is no geopoint" 'ERROR:  cannot cast geometry to geopoint: "POINT(-2 13)"' \
  "$(err "ST_MakePoint(-2, 13)")"
check "a 3D point is no geopoint" 'ERROR:  cannot cast geometry to geopoint: "POINT Z (-2 13 300)"' \
  "$(err "ST_SetSRID(ST_MakePoint(-2, 13, 300), 4326)")"
got=$(psql_db -c "\\set VERBOSITY verbose" -c "SELECT 'POINT EMPTY'::geography::sahel_news.geopoint" 2>&1 | grep -E '^(ERROR|DETAIL|HINT):')
check "an empty point is refused with 22023, saying why and what would do" "ERROR:  22023: cannot cast geometry to geopoint: \"POINT EMPTY\"
DETAIL:  the point is empty
HINT:  A geopoint is one WGS84 point: a 2D POINT with SRID 4326 (ST_SetSRID, ST_Transform, ST_Force2D, ST_PointOnSurface make one)." "$got"
check "NULL casts to NULL" "t|t|t|t" \
  "$(psql_db -c "SELECT NULL::geometry::sahel_news.geopoint IS NULL, NULL::geography::sahel_news.geopoint IS NULL,
                        NULL::sahel_news.geopoint::geometry IS NULL, NULL::sahel_news.geopoint::geography IS NULL")"
check "a geography point converts" "13.5N 2.1W" \
  "$(psql_db -c "SELECT 'SRID=4326;POINT(-2.1 13.5)'::geography::sahel_news.geopoint")"
got=$(psql_db -c "CREATE TEMP TABLE t (g geography, p sahel_news.geopoint)" \
              -c "INSERT INTO t VALUES ('13.5 -2.1'::sahel_news.geopoint, 'SRID=4326;POINT(-2.1 13.5)'::geography)" \
              -c "SELECT ST_AsText(g) || ' ' || p::text FROM t")
check "the casts apply on assignment" "POINT(-2.1 13.5) 13.5N 2.1W" "$got"

# The map layers: every sahel_news_bi view with latitude/longitude, with geom,
# registered in geometry_columns as POINT 4326, with the rows of the view.
got=$(psql_db -c "SELECT string_agg(f_table_name || ':' || type || ':' || srid, ' ' ORDER BY f_table_name)
                  FROM geometry_columns WHERE f_table_schema = 'sahel_news_postgis'")
check "geometry_columns lists the layers" \
  "admin_areas:MULTIPOLYGON:4326 bi_admin_areas:MULTIPOLYGON:4326 bi_deployments:POINT:4326 bi_events:POINT:4326 bi_incidents:POINT:4326 bi_places:POINT:4326" "$got"
got=$(psql_db -c "SELECT count(*) FILTER (WHERE geom IS NOT NULL) = count(latitude) AND count(*) = (SELECT count(*) FROM sahel_news_bi.bi_events)
                    AND bool_and(ST_Y(geom) = latitude AND ST_X(geom) = longitude OR geom IS NULL)
                  FROM sahel_news_postgis.bi_events")
check "the bi_events layer has the view's rows and their points" "t" "$got"

# events_in_area: a polygon around Bamako (two of the sample's events), one in
# another SRID, one without
got=$(psql_db -c "SELECT count(*) FROM sahel_news_postgis.events_in_area(ST_Buffer(ST_SetSRID(ST_MakePoint(-8.0029, 12.6392), 4326), 1.5)) e
                  WHERE e.sample" \
              -c "SELECT count(*) FROM sahel_news.events e
                  WHERE e.sample AND e.deleted_at IS NULL
                    AND ST_Intersects(ST_Buffer(ST_SetSRID(ST_MakePoint(-8.0029, 12.6392), 4326), 1.5), e.location::geometry)")
check "events_in_area agrees with ST_Intersects over every event (2 around Bamako)" "2
2" "$got"
got=$(psql_db -c "SELECT count(*) FROM sahel_news_postgis.events_in_area(ST_Transform(ST_MakeEnvelope(-20, -40, 60, 40, 4326), 3857)) e WHERE e.sample" \
              -c "SELECT count(*) FROM sahel_news.events e WHERE e.sample AND e.deleted_at IS NULL
                    AND sahel_news.lat(e.location) BETWEEN -40 AND 40 AND sahel_news.lon(e.location) BETWEEN -20 AND 60")
check "events_in_area transforms a polygon of another SRID (the 9 located outside Paris)" "9
9" "$got"
got=$(psql_db -c "SELECT count(*) FROM sahel_news_postgis.events_in_area(ST_MakeEnvelope(-20, -40, 60, 40))" 2>&1 | grep -E '^(ERROR|DETAIL|HINT):')
check "a polygon without SRID is refused" "ERROR:  invalid area: \"POLYGON((-20 -40,-20 40,60 40,60 -40,-20 -40))\"
DETAIL:  the polygon has no SRID: give it one (ST_SetSRID(polygon, 4326) for longitude/latitude)" "$got"

# Rights: a reader reads the layers and may not load boundaries
got=$(psql_db -c "CREATE ROLE sn_gis_reader LOGIN IN ROLE sahel_news_reader" \
              -c "SET ROLE sn_gis_reader" \
              -c "SELECT count(*) > 0 FROM sahel_news_postgis.bi_places" \
              -c "SELECT has_function_privilege('sahel_news_postgis.import_boundaries(jsonb,text,integer,text,text,sahel_news.country)', 'EXECUTE')" \
              -c "RESET ROLE" -c "DROP ROLE sn_gis_reader")
check "a reader reads the layers and may not run import_boundaries" "t
f" "$got"

# The bridge drops alone, and sahel_news works on
got=$(psql_db -c "DROP EXTENSION sahel_news_postgis" -c "DROP EXTENSION postgis" \
              -c "SELECT sahel_news.troop_strength('FRA', 'MLI', '2022-06-01')::text")
check "dropping the bridge and PostGIS leaves sahel_news working" "~2400" "$got"
exit $SN_FAIL
