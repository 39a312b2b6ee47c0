#!/usr/bin/env bash
# tests/compare/meltt.sh — the real meltt (the R package of Donnay and Dunford,
# the reference method for matching events across datasets) and link_events(),
# scored side by side on the hand-labelled incidents of tests/fixtures/matching/.
#
# Run by hand (not by tests/run nor CI): it needs R and meltt, which no Debian
# package ships; docs/reference/matching.md ("Against the real meltt") says how
# meltt was installed and what this script measured.
#
#   SN_SHARED_DATA=/path/to/shared/data tests/compare/meltt.sh
#
# Loads the four extracts of $SN_SHARED_DATA/matching (ACLED, UCDP GED, GTD
# and SCAD for South Sudan 2015 and Libya 2014) through the loaders, links
# them with link_events() and its defaults, exports every event with what a
# meltt user takes from these datasets (the dataset's own date and end date,
# its coordinates, its event type placed in the event taxonomy), runs meltt
# through tests/compare/meltt.R for each country-year at twindow = 1 day and
# spatwindow = 3 km (the paper's setting) and 50 km (the paper's alternative
# for Libya and South Sudan), turns each group of events meltt merged into
# links (every two events of different datasets in it), and scores every
# method with tests/fixtures/matching/score.sql, the definitions the
# integration test uses.  Exit 77 (skip) without R, meltt or the shared data.
set -uo pipefail
SN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export SN_ROOT
. "$SN_ROOT/tests/lib/common.sh"
m=$SN_SHARED_DATA/matching
fixtures=$SN_ROOT/tests/fixtures/matching
SPATWINDOWS=${SPATWINDOWS:-3 50}
TWINDOW=${TWINDOW:-1}

if [ ! -d "$m" ]; then
  echo "SKIP: no shared matching data in $m (set SN_SHARED_DATA)"
  exit 77
fi
if ! command -v Rscript >/dev/null; then
  echo "SKIP: no Rscript (apt-get install r-base-core, then meltt: docs/reference/matching.md)"
  exit 77
fi
if ! meltt_version=$(Rscript -e 'suppressPackageStartupMessages(library(meltt)); cat(as.character(packageVersion("meltt")))' 2>/dev/null); then
  echo "SKIP: the R package meltt is not installed (docs/reference/matching.md says how it was installed)"
  exit 77
fi

sn_pick_postgres
sn_install_build_dependencies
sn_build || exit 1
trap 'sn_cluster_stop' EXIT
sn_cluster_start || exit 1
work=$SN_TMP/meltt
mkdir -p "$work" && chmod 777 "$work"

db=sn_meltt
psql() { PGOPTIONS="-c client_min_messages=warning" "$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
"$SN_BINDIR/psql" -X -q -d postgres -c "CREATE DATABASE $db" || exit 1
psql -c "CREATE EXTENSION sahel_news" || exit 1
. "$fixtures/load.sh"
load_matching_extracts "$m" || exit 1

sn_say "link_events with the defaults"
psql -c "SELECT d AS dataset, r.* FROM unnest(ARRAY['acled', 'ucdp_ged', 'gtd', 'scad']) d, sahel_news.link_events(d) r" || exit 1
(cd "$fixtures" && psql -f score.sql) || exit 1

# The extracts' own date columns, as a meltt user reads them: ACLED's
# EVENT_DATE (its week or month precision is not a range in the file), UCDP's
# date_start and date_end, GTD's iyear-imonth-iday, SCAD's startdate and enddate.
psql -c "CREATE SCHEMA mx" || exit 1
for f in acled gtd scad ucdp; do
  cols=$(matching_columns "$m/${f}_ssudan2015.csv" | sed 's/[^,]*/"&" text/g')
  psql -c "CREATE TABLE mx.raw_$f ($cols)" || exit 1
  for c in ssudan2015 libya2014; do
    psql -c "\\copy mx.raw_$f FROM '$m/${f}_$c.csv' WITH (FORMAT csv, HEADER true)" || exit 1
  done
done
psql <<'SQL' || exit 1
SET search_path = sahel_news, public;
CREATE TABLE mx.own_dates AS
SELECT 'acled' AS dataset, btrim(event_id_cnty) AS external_id, event_date::date AS date, event_date::date AS enddate FROM mx.raw_acled
UNION ALL
SELECT 'ucdp_ged', btrim(id), date_start::date, date_end::date FROM mx.raw_ucdp
UNION ALL
SELECT 'gtd', btrim(eventid), d, d FROM mx.raw_gtd,
  LATERAL (SELECT CASE WHEN imonth::int > 0 AND iday::int > 0 THEN make_date(iyear::int, imonth::int, iday::int) END) v(d)
UNION ALL
SELECT 'scad', CASE WHEN btrim(sublocal) = '' OR sublocal IS NULL THEN btrim(eventid) ELSE btrim(eventid) || '-' || btrim(sublocal) END,
       startdate::date, enddate::date FROM mx.raw_scad;
-- what meltt is given: every event scored (mt.ev: the four datasets, with
-- coordinates), the dataset's own dates (the EDTF range's bounds where the
-- file has none), its coordinates, its event type and levels
CREATE TABLE mx.export AS
SELECT v.cy, v.dataset, v.id AS event_id, v.external_id,
       coalesce(o.date, lower(e.occurred)) AS date,
       coalesce(o.enddate, o.date, upper(e.occurred)) AS enddate,
       lower(e.occurred) AS edtf_first, upper(e.occurred) AS edtf_last,
       lat(e.location) AS latitude, lon(e.location) AS longitude,
       coalesce(c.category, 'none') AS category,
       coalesce(c.level2, 'unmapped ' || v.dataset || ' category') AS level2,
       coalesce(c.level1, 'unmapped ' || v.dataset || ' category') AS level1,
       o.dataset IS NULL AS no_own_date
FROM mt.ev v JOIN events e ON e.id = v.id
LEFT JOIN event_categories c ON c.event_id = v.id
LEFT JOIN mx.own_dates o ON o.dataset = v.dataset AND o.external_id = v.external_id;
SQL
sn_say "what meltt is given"
psql -c "SELECT cy, dataset, count(*) AS events,
                count(*) FILTER (WHERE enddate > date) AS with_enddate,
                count(*) FILTER (WHERE (date, enddate) IS DISTINCT FROM (edtf_first, edtf_last)) AS dates_not_the_edtf_bounds,
                count(*) FILTER (WHERE no_own_date) AS not_found_in_the_file,
                count(DISTINCT category) AS categories
         FROM mx.export GROUP BY 1, 2 ORDER BY 1 DESC, array_position(ARRAY['acled', 'ucdp_ged', 'gtd', 'scad'], dataset)" || exit 1
psql -c "\\copy (SELECT cy, dataset, event_id, date, enddate, latitude, longitude, category, level2, level1 FROM mx.export ORDER BY event_id) TO '$work/events.csv' WITH (FORMAT csv, HEADER true)" || exit 1

psql -c "CREATE TABLE mx.groups (method text, cy text, kind text, cluster int, dataset text, event_id bigint)" \
     -c "CREATE TABLE mx.flags (method text, cy text, dataset text, event_id bigint, episode_dataset text, episode_id bigint)" || exit 1
for sw in $SPATWINDOWS; do
  method="meltt $meltt_version ${TWINDOW} d ${sw} km"
  sn_say "$method"
  Rscript "$SN_ROOT/tests/compare/meltt.R" "$work/events.csv" "$work/groups_$sw.csv" "$work/flags_$sw.csv" "$TWINDOW" "$sw" || exit 1
  psql <<SQL || exit 1
CREATE TEMP TABLE g (cy text, kind text, cluster int, dataset text, event_id bigint);
\\copy g FROM '$work/groups_$sw.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO mx.groups SELECT '$method', * FROM g;
CREATE TEMP TABLE f (cy text, dataset text, event_id bigint, episode_dataset text, episode_id bigint);
\\copy f FROM '$work/flags_$sw.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO mx.flags SELECT '$method', * FROM f;
-- meltt's result: every two events of different datasets in one group it
-- merged, both ways
INSERT INTO mt.methods VALUES ('$method');
INSERT INTO mt.sel SELECT x.method, x.event_id, y.event_id FROM mx.groups x JOIN mx.groups y
  ON (y.method, y.cy, y.kind, y.cluster) = (x.method, x.cy, x.kind, x.cluster) AND y.dataset <> x.dataset
WHERE x.method = '$method';
-- for information, what a user who accepted every episode-to-event match
-- meltt flags for review would have: those links added (an event may then
-- hold two links into one dataset)
INSERT INTO mt.methods VALUES ('$method, flags accepted');
INSERT INTO mt.sel SELECT '$method, flags accepted', a, b FROM mt.sel WHERE method = '$method'
UNION SELECT '$method, flags accepted', event_id, episode_id FROM mx.flags WHERE method = '$method'
UNION SELECT '$method, flags accepted', episode_id, event_id FROM mx.flags WHERE method = '$method';
SQL
done

sn_say "checks: groups hold one event per dataset; linked events are within the windows meltt was given"
psql -c "SELECT method, kind, count(DISTINCT (cy, cluster)) AS groups, count(*) AS events,
                count(*) - count(DISTINCT (cy, kind, cluster, dataset)) AS second_event_of_a_dataset
         FROM mx.groups GROUP BY 1, 2 ORDER BY 1, 2" || exit 1
psql -c "SELECT s.method, count(*) / 2 AS links,
                max(abs(x.date - y.date)) AS max_days_apart,
                round(max(sahel_news.distance(e.location, f.location))::numeric / 1000, 2) AS max_km_apart
         FROM mt.sel s JOIN mx.export x ON x.event_id = s.a JOIN mx.export y ON y.event_id = s.b
         JOIN sahel_news.events e ON e.id = s.a JOIN sahel_news.events f ON f.id = s.b
         WHERE s.method NOT LIKE '%flags accepted'
         GROUP BY 1 ORDER BY 1 DESC" || exit 1
psql -c "SELECT method, count(*) AS episode_event_flags, count(DISTINCT episode_id) AS episodes,
                count(DISTINCT event_id) AS events
         FROM mx.flags GROUP BY 1 ORDER BY 1" || exit 1

sn_say "per country-year and dataset pair (selected, correct: precision; true matches, found: recall)"
psql -c "SELECT cy, pair, method, coalesce(p.selected, 0) AS selected, coalesce(p.correct, 0) AS correct,
                r.true_matches, r.found
         FROM mt.rec r LEFT JOIN mt.prec p USING (method, cy, pair) ORDER BY cy DESC, pair, method DESC" || exit 1
sn_say "per country-year"
psql -c "SELECT * FROM mt.measures_cy ORDER BY cy DESC, method DESC" || exit 1
sn_say "overall (the scope of tests/integration/shared_data_matching.sh)"
psql -c "SELECT * FROM mt.measures ORDER BY method DESC" || exit 1

# How many true matches meltt could find at all: those with a true
# counterpart that its rules compare (both one-day events or both episodes,
# starts and ends within the time window, within the distance, the event
# type's coarser level shared), and those whose counterparts all form a pair
# with an episode (multi-day event), which meltt only flags.
sn_say "true matches meltt can compare (per true match: is one of its true pairs within meltt's rules)"
psql <<SQL || exit 1
SET search_path = sahel_news, public;
CREATE TABLE mx.true_pairs AS
SELECT x.unit, x.cy, x.dataset, y.dataset AS other, a.date AS da, a.enddate AS ea, b.date AS db, b.enddate AS eb,
       a.level1 = b.level1 AS type_shared, distance(e.location, f.location) / 1000 AS km
FROM mt.truepairs t JOIN mt.ev x ON x.id = t.a JOIN mt.ev y ON y.id = t.b
JOIN mx.export a ON a.event_id = t.a JOIN mx.export b ON b.event_id = t.b
JOIN events e ON e.id = t.a JOIN events f ON f.id = t.b
WHERE EXISTS (SELECT 1 FROM mt.scope c WHERE c.cy = x.cy AND c.d1 = x.dataset AND c.d2 = y.dataset);
SELECT w.km AS spatwindow, m.cy, count(*) AS true_matches,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM mx.true_pairs p WHERE (p.unit, p.other) = (m.unit, m.other)
         AND (p.da = p.ea) = (p.db = p.eb) AND abs(p.da - p.db) <= $TWINDOW AND abs(p.ea - p.eb) <= $TWINDOW
         AND p.km <= w.km AND p.type_shared)) AS comparable,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM mx.true_pairs p WHERE (p.unit, p.other) = (m.unit, m.other)
         AND p.da = p.ea AND p.db = p.eb)) AS only_with_an_episode
FROM (SELECT DISTINCT unit, cy, other FROM mx.true_pairs) m
CROSS JOIN unnest('{$(echo $SPATWINDOWS | tr ' ' ',')}'::float8[]) w(km)
GROUP BY 1, ROLLUP (2) ORDER BY 1, 2 DESC NULLS LAST;
SQL

# The wider scope, for information, as in the integration test: Libya's SCAD
# against ACLED and GTD, less the pairs of seven SCAD episodes with GTD.
(cd "$fixtures" && psql -f score_wider.sql) || exit 1
sn_say "with Libya's SCAD x ACLED and SCAD x GTD as well: per country-year, overall"
psql -c "SELECT * FROM mt.measures_cy WHERE cy = 'libya2014' ORDER BY method DESC" -c "SELECT * FROM mt.measures ORDER BY method DESC" || exit 1
