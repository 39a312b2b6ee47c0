#!/usr/bin/env bash
# tests/integration/clients_ogrinfo.sh — GDAL's ogrinfo (Debian gdal-bin) on
# the PostGIS bridge's layers over a PostgreSQL connection string (the PG:
# driver QGIS uses too), running the commands of docs/reference/clients.md: the layers
# and their geometry, bi_events as a point layer, filtered by a date, and
# troop_strength through the same connection.  Skipped when PostGIS or GDAL
# cannot be installed.
set -uo pipefail
. "$SN_ROOT/tests/lib/clients.sh"
sn_client_packages "postgresql-$PG_MAJOR-postgis-3" gdal-bin

sn_client_db sn_clients_ogr || exit 1
"$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$SN_CLIENT_DB" \
  -c "CREATE EXTENSION postgis" -c "CREATE EXTENSION sahel_news_postgis" || exit 1
sn_client_tcp || exit 1
dir=$(mktemp -d); SN_CLEANUP+=("rm -rf $dir")
sn_snippet_to ogrinfo.sh "$dir/ogrinfo.sh" || exit 1

sn_client_run "the ogrinfo commands" env -C "$dir" bash -e ogrinfo.sh || exit 1
out=$SN_OUT
grep -q "^ERROR" <<<"$out" && { echo "FAILED: ogrinfo reported an error"; SN_FAIL=1; }

for layer in bi_deployments bi_events bi_incidents bi_places; do
  sn_expect "geometry_columns lists $layer as POINT 4326" "f_table_name \(String\) = $layer$" "$out"
done
sn_expect "bi_events is a point layer" "^Geometry: Point$" "$out"
n=$("$SN_BINDIR/psql" -X -At -d "$SN_CLIENT_DB" -c "SELECT count(*) FROM sahel_news_bi.bi_events")
sn_expect "bi_events has the view's $n features" "^Feature Count: $n$" "$out"
sn_expect "in WGS84" 'ID\["EPSG",4326\]' "$out"
sn_expect "with the view's columns" "^date_low: Date" "$out"
n=$(grep -c "^OGRFeature(sahel_news_postgis.bi_events)" <<<"$out")
m=$(grep -c "^  POINT (" <<<"$out")
[ "$n" = 2 ] && [ "$m" = 2 ] && echo "ok: the 2 events of 2022-08-13, with their points" ||
  { echo "FAILED: expected the 2 events of 2022-08-13 with points, got $n features, $m points"; SN_FAIL=1; }
sn_expect "troop_strength through the connection" "strength \(String\) = ~2400" "$out"
exit $SN_FAIL
