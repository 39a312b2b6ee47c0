#!/usr/bin/env bash
# tests/chart/incident.sh — draw one incident as link_events() sees it: a map of
# its events with each one's precision radius, and a timeline of the days each
# can mean, one row per event; the events it holds in colour, the contenders
# (events scored against them but not selected) in grey.
#
#   tests/chart/incident.sh DATASET:EXTERNAL_ID [OUT.png]   (default: docs/matching_incident.png)
#
# Reads the database PGDATABASE (PGHOST, SN_BINDIR set), which must hold the
# events and the links: docs/reference/matching.md shows how the picture in docs/ was
# made from the shared extracts.  Exit 77 without gnuplot or without the event.
set -euo pipefail
SN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
key=${1:?usage: tests/chart/incident.sh DATASET:EXTERNAL_ID [OUT.png]}
out=${2:-$SN_ROOT/docs/matching_incident.png}
case "$out" in /*) ;; *) out=$PWD/$out ;; esac
command -v gnuplot >/dev/null || { echo "gnuplot is not installed (apt-get install gnuplot-nox)" >&2; exit 77; }
: "${SN_BINDIR:?SN_BINDIR must be set}"
psql() { "$SN_BINDIR/psql" -X -v ON_ERROR_STOP=1 -q "$@"; }
ds=${key%%:*}; ext=${key#*:}
work=$(mktemp -d "${TMPDIR:-/tmp}/sn_incident.XXXXXX")
trap 'rm -rf "$work"' EXIT

# one line per event: member (1) or contender (0), label, lon, lat, radius in
# km, first day and the day after the last (from the earliest shown), row
# number on the timeline, the earliest day shown
psql -At -F ' ' -v ds="$ds" -v ext="$ext" > "$work/events.dat" <<'SQL'
SET search_path = sahel_news, public;
WITH me AS (SELECT e.id FROM events e WHERE e.dataset = :'ds' AND e.external_id = :'ext'),
members AS (
  SELECT i2.event_id AS id FROM incidents i JOIN incidents i2 USING (incident_id) WHERE i.event_id = (SELECT id FROM me)
  UNION SELECT id FROM me),
contenders AS (
  SELECT DISTINCT l.other_event_id AS id FROM event_links l
  WHERE l.event_id IN (SELECT id FROM members) AND l.rank > 1
    AND l.other_event_id NOT IN (SELECT id FROM members) AND l.days_apart <= 1 AND l.km_apart <= 10),
shown AS (SELECT id, 1 AS member FROM members UNION ALL SELECT id, 0 FROM contenders)
SELECT s.member, e.dataset || ':' || e.external_id, lon(e.location), lat(e.location),
       coalesce(e.location_precision_m, 0) / 1000,
       lower(e.occurred) - min(lower(e.occurred)) OVER (), upper(e.occurred) - min(lower(e.occurred)) OVER () + 1,
       row_number() OVER (ORDER BY s.member, e.dataset, lower(e.occurred), e.external_id),
       min(lower(e.occurred)) OVER ()
FROM shown s JOIN events e ON e.id = s.id
ORDER BY 8;
SQL
[ -s "$work/events.dat" ] || { echo "no event $key with links in ${PGDATABASE:-the database}" >&2; exit 77; }
awk '$1 == 1' "$work/events.dat" > "$work/members.dat"
awk '$1 == 0' "$work/events.dat" > "$work/contenders.dat"
n=$(wc -l < "$work/events.dat")
read -r lat0 < <(awk '$1 == 1 { s += $4; k++ } END { print s / k }' "$work/events.dat")
day0=$(awk 'NR == 1 { print $9 }' "$work/events.dat")
xmax=$(awk '{ if ($7 > m) m = $7 } END { print m + 8 }' "$work/events.dat")
labels=$(awk '{ printf "%s%s", (NR > 1 ? " " : ""), $2 }' "$work/members.dat")
# the map shows every event's point and the members' radii (up to 1.5 degrees)
read -r x0 x1 y0 y1 < <(awk -v c="$lat0" '
  BEGIN { x0 = 1e9; x1 = -1e9; y0 = 1e9; y1 = -1e9 }
  { r = ($1 == 1 ? $5 / 111.32 : 0.05); if (r > 1.5) r = 1.5; if (r < 0.05) r = 0.05
            if ($3 - r < x0) x0 = $3 - r; if ($3 + r > x1) x1 = $3 + r
            if ($4 - r < y0) y0 = $4 - r; if ($4 + r > y1) y1 = $4 + r }
  END { print x0, x1, y0, y1 }' "$work/events.dat")

gnuplot <<GP
set terminal pngcairo size 1200,900 font "DejaVu Sans,11" noenhanced
set output "$out"
set multiplot layout 2,1 title "Incident of $key: its events (colour) and contenders (grey), as linked by link_events()"
set size ratio -1
set xlabel "longitude"
set ylabel "latitude"
set key outside right
set grid
kmdeg = 111.32 * cos($lat0 * pi / 180)
set xrange [$x0:$x1]
set yrange [$y0:$y1]
labels = "$labels"
plot "$work/contenders.dat" using 3:4:(\$5 / kmdeg) with circles lc rgb "#bbbbbb" fs transparent solid 0.10 title "contenders' radii", \
     "$work/members.dat" using 3:4:(\$5 / kmdeg) with circles lc rgb "#1f77b4" fs transparent solid 0.12 title "radii of the incident's events", \
     "$work/contenders.dat" using 3:4 with points pt 7 ps 0.8 lc rgb "#888888" title "contenders", \
     for [k=1:words(labels)] "$work/members.dat" every ::(k-1)::(k-1) using 3:4 with points pt (4 + 2 * k) ps 2 lw 2 lc k title word(labels, k)
set size noratio
unset key
set xlabel "days from $day0 (each bar: the days the event's date can mean)"
set ylabel ""
set xrange [0:$xmax]
set yrange [0:$n + 1]
set ytics ("" 0)
set grid xtics
set xtics 1
plot "$work/contenders.dat" using ((\$6 + \$7) / 2):8:6:7:(\$8 - 0.25):(\$8 + 0.25) with boxxyerror fs solid 0.5 lc rgb "#bbbbbb", \
     "$work/members.dat" using ((\$6 + \$7) / 2):8:6:7:(\$8 - 0.25):(\$8 + 0.25) with boxxyerror fs solid 0.6 lc rgb "#1f77b4", \
     "$work/contenders.dat" using 7:8:2 with labels left offset 1,0 font ",9" tc rgb "#888888", \
     "$work/members.dat" using 7:8:2 with labels left offset 1,0 font ",9"
unset multiplot
GP
echo "wrote $out"
