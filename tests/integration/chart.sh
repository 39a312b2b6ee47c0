#!/usr/bin/env bash
# tests/integration/chart.sh — the chart script of docs/reference/model.md draws from the sample:
# tests/chart/troop_strength.sh writes a PNG of the expected size into a
# temporary file (the committed docs/troop_strength.png is not touched).
set -uo pipefail
SN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export SN_ROOT
. "$SN_ROOT/tests/lib/common.sh"
# gnuplot comes from Debian's gnuplot-nox, installed here when we are root
command -v gnuplot >/dev/null || ( sn_install_packages gnuplot-nox ) >/dev/null 2>&1
command -v gnuplot >/dev/null || { echo "SKIP: gnuplot is not installed (apt-get install gnuplot-nox)"; exit 77; }
out=$(mktemp "${TMPDIR:-/tmp}/sn_chart.XXXXXX.png")
trap 'rm -f "$out"' EXIT
PGDATABASE=postgres "$SN_ROOT/tests/chart/troop_strength.sh" "$out" 2>&1 | grep -v 'Skipping data file with no valid points' || true
[ -s "$out" ] || { echo "FAIL: no chart written"; exit 1; }
magic=$(head -c 8 "$out" | od -An -tx1 | tr -d ' \n')
[ "$magic" = 89504e470d0a1a0a ] || { echo "FAIL: $out is not a PNG ($magic)"; exit 1; }
size=$(od -An -tu1 -j16 -N8 "$out" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
[ "$size" = 1200x900 ] || { echo "FAIL: the chart is $size, not 1200x900"; exit 1; }
echo "PASS: tests/chart/troop_strength.sh drew a 1200x900 PNG from the sample"
