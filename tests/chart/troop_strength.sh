#!/usr/bin/env bash
# tests/chart/troop_strength.sh — draw French troop strength by host country,
# 2013-2022, from the sample data, with gnuplot.
#
#   tests/chart/troop_strength.sh [OUT.png]      (default: docs/troop_strength.png)
#
# With PGHOST and SN_BINDIR set (inside tests/run or tests/demo --keep) it reads
# the database PGDATABASE (default: a fresh one it creates and drops); without
# them it builds the extension, starts a throwaway cluster, draws and stops it.
#
# Every value comes from troop_timeline('FRA', host): the line is the best
# value (the stated one, or the middle of a range), the band the low-high range
# the reports allow, and a hatched strip along the bottom marks periods when a
# deployment ran but no figure was reported (strength '?').  The lower panel
# enlarges 2022, when almost all of the sample's figures fall.
set -euo pipefail
SN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export SN_ROOT
out=${1:-$SN_ROOT/docs/troop_strength.png}
case "$out" in /*) ;; *) out=$PWD/$out ;; esac

command -v gnuplot >/dev/null || { echo "gnuplot is not installed (apt-get install gnuplot-nox)" >&2; exit 77; }

own_cluster=false
if [ -z "${PGHOST:-}" ] || [ -z "${SN_BINDIR:-}" ]; then
  . "$SN_ROOT/tests/lib/common.sh"
  sn_pick_postgres
  sn_build >/dev/null
  trap 'sn_cluster_stop' EXIT
  sn_cluster_start >/dev/null
  own_cluster=true
fi
psql() { "$SN_BINDIR/psql" -X -v ON_ERROR_STOP=1 -q "$@"; }

db=${PGDATABASE:-postgres}
made_db=false
if $own_cluster || ! psql -d "$db" -Atc "SELECT 1 FROM pg_extension WHERE extname = 'sahel_news'" | grep -q 1; then
  db=sn_chart_$$
  psql -d postgres -c "CREATE DATABASE $db"
  psql -d $db -c "CREATE EXTENSION sahel_news"
  made_db=true
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sn_chart.XXXXXX")
cleanup_chart() {
  rm -rf "$work"
  if $made_db; then psql -d postgres -c "DROP DATABASE IF EXISTS $db" || true; fi
}
trap 'cleanup_chart; $own_cluster && sn_cluster_stop || true' EXIT

# One file per host: the steps of the timeline clipped to 2013-2022, as corner
# points (day, low, best, high) for the band and the line; and the periods
# without a figure.
for host in MLI NER TCD; do
  psql -d $db -At -F ' ' > "$work/$host.dat" <<SQL
SET search_path = sahel_news, public;
WITH t AS (
  SELECT greatest(valid_from, date '2013-01-01') AS a,
         least(coalesce(valid_to, date '2022-12-31'), date '2022-12-31') + 1 AS b,
         strength
  FROM troop_timeline('FRA', '$host')
  WHERE valid_from <= date '2022-12-31' AND coalesce(valid_to, date '2022-12-31') >= date '2013-01-01'
    AND upper(strength) IS NOT NULL
)
SELECT d, lower(strength), best(strength), upper(strength)
FROM t, LATERAL (VALUES (a), (b)) AS v(d)
ORDER BY d, a;
SQL
  psql -d $db -At -F ' ' > "$work/$host.unknown" <<SQL
SET search_path = sahel_news, public;
SELECT greatest(valid_from, date '2013-01-01'),
       least(coalesce(valid_to, date '2022-12-31'), date '2022-12-31') + 1
FROM troop_timeline('FRA', '$host')
WHERE upper(strength) IS NULL
  AND valid_from <= date '2022-12-31' AND coalesce(valid_to, date '2022-12-31') >= date '2013-01-01'
ORDER BY 1;
SQL
  psql -d $db -At -F ' ' > "$work/$host.labels" <<SQL
SET search_path = sahel_news, public;
SELECT greatest(valid_from, date '2022-01-01')
         + (least(coalesce(valid_to, date '2022-12-31'), date '2022-12-31') - greatest(valid_from, date '2022-01-01')) / 2,
       coalesce(best(strength) + 80, 180), strength
FROM troop_timeline('FRA', '$host')
WHERE coalesce(valid_to, date '2022-12-31') >= date '2022-01-01' AND valid_from <= date '2022-12-31'
ORDER BY 1;
SQL
done
total=$(psql -d $db -At -c "SELECT sahel_news.troop_strength('FRA', NULL, '2022-08-16')")

# The plot commands, for the files that have data.
declare -A name=([MLI]=Mali [NER]=Niger [TCD]=Chad) colour=([MLI]='#1f77b4' [NER]='#d62728' [TCD]='#2ca02c')
declare -A pattern=([MLI]=4 [NER]=5 [TCD]=6)
plots() { # plots top|zoom
  local host sep='' cmd=''
  for host in MLI NER TCD; do
    if [ -s "$work/$host.unknown" ]; then
      local t="title '${name[$host]}: deployed, strength not reported'"; [ "$1" = zoom ] && t=notitle
      cmd+="$sep'$work/$host.unknown' using 1:(60):1:2:(0):(120) with boxxyerror fs pattern ${pattern[$host]} lc rgb '${colour[$host]}' $t"; sep=', '
    fi
    if [ -s "$work/$host.dat" ]; then
      cmd+="$sep'$work/$host.dat' using 1:2:4 with filledcurves lc rgb '${colour[$host]}' notitle"; sep=', '
      cmd+="$sep'$work/$host.dat' using 1:3 with lines lw 2 lc rgb '${colour[$host]}' title '${name[$host]}'"
    fi
    if [ "$1" = zoom ] && [ -s "$work/$host.labels" ]; then
      cmd+="$sep'$work/$host.labels' using 1:2:3 with labels noenhanced font ',10' tc rgb '${colour[$host]}' notitle"
    fi
  done
  printf '%s\n' "$cmd"
}

mkdir -p "$(dirname "$out")"
cat > "$work/chart.gp" <<GP
set terminal pngcairo size 1200,900 font 'DejaVu Sans,11' noenhanced
set output '$out'
set xdata time
set timefmt '%Y-%m-%d'
set style fill transparent solid 0.25 noborder
set key top left box opaque
set grid ytics lc rgb '#dddddd'
set ylabel 'troops'
set yrange [0:3000]
set ytics 500
set multiplot layout 2,1 title "French troop strength by host country, 2013-2022\nfrom the sahel_news sample (one report, 2022-08-15): troop_timeline('FRA', host); line: best value, band: low-high range"
set format x '%Y'
set xrange ['2013-01-01':'2023-01-01']
set xtics '2013-01-01', 31557600
plot $(plots top)
set format x '%b'
set xrange ['2022-01-01':'2023-01-01']
set xtics '2022-01-01', 2629800
set xlabel "2022, enlarged, with the reported estimates.  All hosts together after the withdrawal from Mali (from 2022-08-16): $total"
plot $(plots zoom)
unset multiplot
GP
gnuplot "$work/chart.gp"
echo "wrote $out"
