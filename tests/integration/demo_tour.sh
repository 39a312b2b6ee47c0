#!/usr/bin/env bash
# tests/integration/demo_tour.sh — the tour that `tests/demo` prints runs
# without an error on a fresh database, so the demo cannot rot unnoticed.
# Spot checks: a GeoJSON feature of the sample, a date found by annotate().
set -uo pipefail
SN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
db=sn_demo_tour_$$
psql=("$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1)
trap '"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
"${psql[@]}" -d postgres -c "CREATE DATABASE $db" || { echo "FAIL: cannot create $db"; exit 1; }
"${psql[@]}" -d "$db" -c "CREATE EXTENSION sahel_news" || { echo "FAIL: CREATE EXTENSION"; exit 1; }
out=$("${psql[@]}" -d "$db" -f "$SN_ROOT/tests/demo.sql" 2>&1) || {
  echo "$out" | tail -n 20
  echo "FAIL: tests/demo.sql stopped on an error"
  exit 1
}
grep -q '"type": "Feature"' <<<"$out" ||
  { echo "FAIL: the tour printed no GeoJSON feature"; exit 1; }
grep -q 'on Saturday' <<<"$out" ||
  { echo "FAIL: the tour's annotate block found no date"; exit 1; }
echo "PASS: tests/demo.sql ran on a fresh database ($(grep -c '' <<<"$out") lines of output)"
