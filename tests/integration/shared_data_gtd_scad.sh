#!/usr/bin/env bash
# tests/integration/shared_data_gtd_scad.sh — the shared GTD and SCAD extracts
# ($SN_SHARED_DATA/matching/gtd_*.csv, scad_*.csv) through import_gtd() and
# import_scad(): the counts documented in docs/reference/loaders_gtd_scad.md, no row
# lost, every flagged row listed with its reason, the countries right (GTD by
# name, SCAD by Correlates of War code), SCAD's events of several towns one
# event per town, and a second load of the same files writing nothing.
# Exit 77 (skip) without the shared data.
set -uo pipefail
dir=${SN_SHARED_DATA:-}/matching
. "$SN_ROOT/tests/lib/scratch_db.sh"
sn_require_shared "this test needs ../shared/data/matching" matching/gtd_libya2014.csv matching/scad_libya2014.csv
sn_scratch_db sn_gtd_scad_$$

"${psql[@]}" -c "CREATE EXTENSION sahel_news" -c "CREATE TABLE staged (pass int, file text, rows bigint, run_id bigint)" || exit 1

load() { # load PASS TABLE FUNCTION FILE
  local path=${4//\'/\'\'}
  "${psql[@]}" <<SQL || { echo "FAIL: loading $(basename "$4")"; exit 1; }
SET client_min_messages = warning;
\\copy sahel_news.$2 FROM '$path' WITH (FORMAT csv, HEADER true)
WITH n AS (SELECT count(*) AS rows FROM sahel_news.$2), r AS (SELECT * FROM sahel_news.$3())
INSERT INTO staged SELECT $1, '$(basename "$4")', n.rows, r.id FROM n, r;
SQL
}
for pass in 1 2; do
  [ $pass -eq 2 ] && "${psql[@]}" -c "CREATE TABLE versions AS SELECT id, xmin::text AS v FROM sahel_news.events WHERE dataset IN ('gtd', 'scad')"
  for f in gtd_libya2014 gtd_ssudan2015; do load $pass gtd_raw import_gtd "$dir/$f.csv"; done
  for f in scad_libya2014 scad_ssudan2015; do load $pass scad_raw import_scad "$dir/$f.csv"; done
done

out=$("${psql[@]}" -At <<'SQL'
SET search_path = sahel_news, public;
-- 1. the counts of each file, first load and second (docs/reference/loaders_gtd_scad.md)
WITH want (pass, file, rows_read, imported, updated, unchanged, skipped, flagged) AS (VALUES
  (1, 'gtd_libya2014.csv', 727, 542, 0, 0, 0, 185), (1, 'gtd_ssudan2015.csv', 54, 39, 0, 0, 0, 15),
  (1, 'scad_libya2014.csv', 183, 178, 0, 0, 0, 5), (1, 'scad_ssudan2015.csv', 21, 13, 0, 0, 0, 8),
  (2, 'gtd_libya2014.csv', 727, 0, 0, 542, 0, 185), (2, 'gtd_ssudan2015.csv', 54, 0, 0, 39, 0, 15),
  (2, 'scad_libya2014.csv', 183, 0, 0, 178, 0, 5), (2, 'scad_ssudan2015.csv', 21, 0, 0, 13, 0, 8))
SELECT format('FAIL: %s (load %s): read %s, imported %s, updated %s, unchanged %s, skipped %s, flagged %s; expected %s, %s, %s, %s, %s, %s',
              w.file, w.pass, r.rows_read, r.imported, r.updated, r.unchanged, r.skipped, r.flagged,
              w.rows_read, w.imported, w.updated, w.unchanged, w.skipped, w.flagged)
FROM want w LEFT JOIN staged s ON s.pass = w.pass AND s.file = w.file LEFT JOIN import_runs r ON r.id = s.run_id
WHERE (r.rows_read, r.imported, r.updated, r.unchanged, r.skipped, r.flagged) IS DISTINCT FROM
      (w.rows_read, w.imported, w.updated, w.unchanged, w.skipped, w.flagged);
-- 2. no row lost
SELECT format('FAIL: %s: %s rows staged, %s read', s.file, s.rows, r.rows_read)
FROM staged s JOIN import_runs r ON r.id = s.run_id WHERE r.rows_read <> s.rows;
SELECT format('FAIL: run %s: %s skipped + flagged, %s in import_issues', r.id, r.skipped + r.flagged, count(i.id))
FROM import_runs r LEFT JOIN import_issues i ON i.run_id = r.id
GROUP BY r.id HAVING r.skipped + r.flagged <> count(i.id);
SELECT format('FAIL: %s events of GTD, %s of SCAD (expected 781 and 204)',
              count(*) FILTER (WHERE dataset = 'gtd'), count(*) FILTER (WHERE dataset = 'scad'))
FROM events HAVING count(*) FILTER (WHERE dataset = 'gtd') <> 781 OR count(*) FILTER (WHERE dataset = 'scad') <> 204;
SELECT format('FAIL: %s rows rejected or skipped', count(*)) FROM import_issues WHERE action <> 'kept' HAVING count(*) > 0;
-- 3. why rows are flagged (first load): the quirks of these files, and no other
WITH want (dataset, reason, n) AS (VALUES
  ('gtd', 'extended 1 (the incident lasted more than 24 hours) without a resolution date', 114),
  ('gtd', 'nkill blank (deaths unknown)', 88),
  ('gtd', 'approxdate (the coded date itself) kept', 49),
  ('gtd', 'approxdate gives a span', 3),
  ('gtd', 'coordinates missing', 5),
  ('scad', 'ndeath -99 (deaths unknown)', 12),
  ('scad', 'ndeath -88', 1)),
got AS (
  SELECT i.dataset,
         CASE WHEN x LIKE 'extended 1 % without a resolution date%' THEN 'extended 1 (the incident lasted more than 24 hours) without a resolution date'
              WHEN x LIKE 'nkill blank%' THEN 'nkill blank (deaths unknown)'
              WHEN x LIKE 'approxdate % (the coded date itself) kept%' THEN 'approxdate (the coded date itself) kept'
              WHEN x ~ '^approxdate .*: stored as [0-9-]+/[0-9-]+, the span' THEN 'approxdate gives a span'
              WHEN x LIKE 'coordinates missing%' THEN 'coordinates missing'
              WHEN x LIKE 'ndeath -99%' THEN 'ndeath -99 (deaths unknown)'
              WHEN x LIKE 'ndeath -88%' THEN 'ndeath -88'
              ELSE x END AS reason, count(*) AS n
  FROM import_issues i JOIN staged s ON s.run_id = i.run_id AND s.pass = 1
  CROSS JOIN LATERAL unnest(string_to_array(i.reason, '; ')) x
  GROUP BY 1, 2)
SELECT format('FAIL: %s flagged %s times for: %s (expected %s)', coalesce(g.dataset, w.dataset), coalesce(g.n, 0),
              coalesce(g.reason, w.reason), coalesce(w.n, 0))
FROM want w FULL JOIN got g ON g.dataset = w.dataset AND g.reason = w.reason
WHERE g.n IS DISTINCT FROM w.n;
-- 4. countries and codes
SELECT format('FAIL: GTD event %s is in %s', e.external_id, coalesce(p.country::text, 'no country'))
FROM events e LEFT JOIN places p ON p.id = e.place_id
WHERE e.dataset = 'gtd' AND e.location IS NOT NULL
  AND p.country::text IS DISTINCT FROM CASE WHEN e.external_id LIKE '2014%' THEN 'LBY' ELSE 'SSD' END;
SELECT format('FAIL: SCAD event %s is in %s', e.external_id, coalesce(p.country::text, 'no country'))
FROM events e LEFT JOIN places p ON p.id = e.place_id
WHERE e.dataset = 'scad' AND p.id IS NOT NULL
  AND p.country::text IS DISTINCT FROM CASE WHEN e.external_id LIKE '620%' THEN 'LBY' ELSE 'SSD' END;
SELECT format('FAIL: %s GTD events without an attack type in dataset_category, %s SCAD without an etype',
              count(*) FILTER (WHERE dataset = 'gtd' AND dataset_category !~ '^[1-9]$'),
              count(*) FILTER (WHERE dataset = 'scad' AND dataset_category !~ '^([1-9]|10)$'))
FROM events WHERE dataset IN ('gtd', 'scad')
HAVING count(*) FILTER (WHERE dataset = 'gtd' AND dataset_category !~ '^[1-9]$') > 0
    OR count(*) FILTER (WHERE dataset = 'scad' AND dataset_category !~ '^([1-9]|10)$') > 0;
SELECT format('FAIL: %s located events without a precision in metres', count(*))
FROM events WHERE dataset IN ('gtd', 'scad') AND location IS NOT NULL AND location_precision_m IS NULL HAVING count(*) > 0;
-- 5. SCAD 6200428 took place in five towns: five events, one per town
SELECT format('FAIL: SCAD 6200428 gave %s events in %s places', count(*), count(DISTINCT place_id))
FROM events WHERE dataset = 'scad' AND external_id LIKE '6200428-%' HAVING count(*) <> 5 OR count(DISTINCT place_id) <> 5;
-- 6. the second load wrote nothing
SELECT format('FAIL: the second load of the same files rewrote %s events (%s)', count(*), string_agg(e.external_id, ', '))
FROM events e JOIN versions v ON v.id = e.id WHERE v.v <> e.xmin::text HAVING count(*) > 0;
SELECT format('FAIL: the second load left %s versions in event_history', count(*)) FROM event_history HAVING count(*) > 0;
SELECT format('FAIL: %s events not stamped by their first load', count(*))
FROM events e WHERE e.dataset IN ('gtd', 'scad')
  AND NOT EXISTS (SELECT 1 FROM staged s WHERE s.pass = 1 AND s.run_id = e.created_run AND s.run_id = e.changed_run)
HAVING count(*) > 0;
-- 7. GTD perpetrators: named groups are actors, Unknown is none
SELECT format('FAIL: %s GTD perpetrator links (expected 235), %s to an actor named Unknown', count(*), count(*) FILTER (WHERE lower(a.name) = 'unknown'))
FROM event_actors ea JOIN events e ON e.id = ea.event_id JOIN actors a ON a.id = ea.actor_id
WHERE e.dataset = 'gtd' HAVING count(*) <> 235 OR count(*) FILTER (WHERE lower(a.name) = 'unknown') > 0;
SQL
) || { echo "FAIL: the checks did not run"; exit 1; }
if [ -n "$out" ]; then
  printf '%s\n' "$out"
  exit 1
fi
echo "GTD: 781 rows of 2 files, 781 events (200 flagged, kept); SCAD: 204 rows, 204 events (13 flagged, kept); a second load wrote nothing (all unchanged)"
