-- tests/bench/places.sql — the gazetteer: import_geonames() throughput and
-- events_within() against a hand-written radius query.
--
-- 1. The four GeoNames country dumps and cities15000 of $SN_SHARED_DATA/places
--    (68,711 lines with the admin code files) staged and imported into an
--    empty gazetteer; baseline: COPY of the same files into a table of 19
--    text columns, which is what staging alone costs.
-- 2. events_within(an admin1 area) over 1,000,000 generated events placed at
--    random GeoNames populated places of the four countries; baseline: the
--    radius query a user would write without the hierarchy (events within
--    the distance from the area's point to its farthest locality).  The
--    counts differ (a circle is not a region): both are noted.
-- 3. The dumps replicated 15 times (new geonameids, points shifted) to about
--    1,000,000 rows, imported into the gazetteer of step 1.
-- Without the shared data the file records a note and stops.
SET client_min_messages = warning;
SET search_path = public;
\getenv shared SN_SHARED_DATA
\if :{?shared}
\else
CALL bench.note('import_geonames', 'skipped: SN_SHARED_DATA is not set');
\quit
\endif
\set d :shared '/places/'
\set f_ml :d 'ML.txt'
\set f_ne :d 'NE.txt'
\set f_bf :d 'BF.txt'
\set f_mr :d 'MR.txt'
\set f_ci :d 'cities15000_sahel.txt'
\set f_a1 :d 'admin1CodesASCII_sahel.txt'
\set f_a2 :d 'admin2Codes_sahel.txt'

SELECT ARRAY[:'f_ml', :'f_ne', :'f_bf', :'f_mr', :'f_ci'] AS files \gset

-- the files once, kept for the replicated run
CREATE TABLE bench_gn_src (LIKE sahel_news.geonames_raw);
CALL bench.copy_files('bench_gn_src', :'files');
CREATE TABLE bench_gn_text (LIKE sahel_news.geonames_raw);
CREATE TABLE bench_gn_times (what text, ms float8, rows bigint);

-- baseline: staging the files alone (into bench_gn_text, emptied first)
CREATE PROCEDURE bench_gn_time_copy(files text[])
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz;
BEGIN
  TRUNCATE bench_gn_text;
  t0 := clock_timestamp();
  CALL bench.copy_files('bench_gn_text', files);
  INSERT INTO bench_gn_times
  SELECT 'copy', extract(epoch FROM clock_timestamp() - t0) * 1000, count(*) FROM bench_gn_text;
END $$;
-- three times
CALL bench_gn_time_copy(:'files');
CALL bench_gn_time_copy(:'files');
CALL bench_gn_time_copy(:'files');

-- ours: staging and import_geonames(), once (a second run would update)
SELECT clock_timestamp() AS t0 \gset
CALL bench.copy_files('sahel_news.geonames_raw', :'files');
COPY sahel_news.geonames_admin1_raw FROM :'f_a1' (FORMAT text);
COPY sahel_news.geonames_admin2_raw FROM :'f_a2' (FORMAT text);
CREATE TABLE bench_gn_run AS SELECT * FROM sahel_news.import_geonames();
INSERT INTO bench_gn_times
SELECT 'import', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000, r.rows_read FROM bench_gn_run r;

INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note)
SELECT 'import_geonames 4 dumps + cities (68,711 lines)',
       (SELECT ms FROM bench_gn_times WHERE what = 'import'),
       'COPY into 19 text columns',
       (SELECT bench.median(array_agg(ms)) FROM bench_gn_times WHERE what = 'copy'),
       format('%s rows/s against %s rows/s; %s imported, %s updated, %s skipped, %s flagged; %s places, %s names',
              round((SELECT rows / (ms / 1000) FROM bench_gn_times WHERE what = 'import')),
              round((SELECT bench.median(array_agg(rows / (ms / 1000))) FROM bench_gn_times WHERE what = 'copy')),
              r.imported, r.updated, r.skipped, r.flagged,
              (SELECT count(*) FROM sahel_news.places), (SELECT count(*) FROM sahel_news.place_names))
FROM bench_gn_run r;

-- 2. events_within() over 1,000,000 events at random populated places
CREATE TABLE bench_gn_localities AS
SELECT row_number() OVER (ORDER BY p.id) AS k, p.id, p.location
FROM sahel_news.places p WHERE p.feature_class = 'P' AND p.location IS NOT NULL;
INSERT INTO sahel_news.events (occurred, place_id, location, dataset, external_id)
SELECT ('2022-01-01'::date + (n % 365))::text::sahel_news.edtf, l.id, l.location, 'bench', n::text
FROM generate_series(1, 1000000) AS n
JOIN bench_gn_localities l ON l.k = 1 + (hashint4(n) & 2147483647) % (SELECT count(*) FROM bench_gn_localities);
ANALYZE sahel_news.events;
ANALYZE sahel_news.places;

SELECT p.id AS area, sahel_news.place_location(p.id) AS centre
FROM sahel_news.places p WHERE p.geonames_id = 2453347 \gset
SELECT max(sahel_news.distance(w.location, :'centre')) AS reach
FROM sahel_news.places_within(:area) w WHERE w.feature_class = 'P' \gset
CALL bench.compare('events_within(Mopti region), 1M events',
  format('SELECT count(*) FROM sahel_news.events_within(%s)', :area),
  'events within the farthest locality''s distance of its point',
  format('SELECT count(*) FROM sahel_news.events e WHERE sahel_news.dwithin(e.location, %L, %s)', :'centre', :reach),
  3);
CALL bench.compare('events_within(Mopti region, 2022-03), 1M events',
  format('SELECT count(*) FROM sahel_news.events_within(%s, %L)', :area, '2022-03'),
  'the radius query with occurred && 2022-03',
  format('SELECT count(*) FROM sahel_news.events e WHERE sahel_news.dwithin(e.location, %L, %s) AND e.occurred OPERATOR(sahel_news.&&) %L',
         :'centre', :reach, '2022-03'),
  3);
SELECT format('%s events in the Mopti region through the hierarchy, %s in the circle of %s km around its point',
              (SELECT count(*) FROM sahel_news.events_within(:area)),
              (SELECT count(*) FROM sahel_news.events e WHERE sahel_news.dwithin(e.location, :'centre', :reach)),
              round(:reach / 1000)) AS note \gset
CALL bench.note('events_within(Mopti region), 1M events', :'note');
-- (deleting a million events checks events.related_event_id for each: an
-- index for the while makes that a look-up instead of a scan)
CREATE INDEX bench_events_related_idx ON sahel_news.events (related_event_id);
DELETE FROM sahel_news.events WHERE dataset = 'bench';
DROP INDEX sahel_news.bench_events_related_idx;

-- 3. About 1,000,000 rows: the dumps 15 times over, each copy with its own
--    geonameids and its points moved 0.01 degree further north-east.
INSERT INTO sahel_news.geonames_raw
SELECT (s.geonameid::bigint + k * 100000000)::text, s.name, s.asciiname, s.alternatenames,
       (s.latitude::float8 + k * 0.01)::text, (s.longitude::float8 + k * 0.01)::text,
       s.feature_class, s.feature_code, s.country_code, s.cc2, s.admin1_code, s.admin2_code, s.admin3_code,
       s.admin4_code, s.population, s.elevation, s.dem, s.timezone, s.modification_date
FROM bench_gn_src s CROSS JOIN generate_series(1, 15) AS k
WHERE s.feature_code IS DISTINCT FROM 'PCLI';
SELECT count(*) AS big_rows FROM sahel_news.geonames_raw \gset
-- the growth: places and place_names with their indexes, before and after
SELECT pg_total_relation_size('sahel_news.places') AS places_before,
       pg_total_relation_size('sahel_news.place_names') AS names_before,
       (SELECT count(*) FROM sahel_news.places) AS places_n_before,
       (SELECT count(*) FROM sahel_news.place_names) AS names_n_before \gset
SELECT clock_timestamp() AS t0 \gset
CREATE TABLE bench_gn_big AS SELECT * FROM sahel_news.import_geonames();
INSERT INTO bench.results (benchmark, ours_ms, note)
SELECT format('import_geonames %s rows (dumps x 15)', r.rows_read),
       extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000,
       format('%s rows/s; %s imported, %s flagged; %s places in all; places %s -> %s rows, %s -> %s; place_names %s -> %s rows, %s -> %s (tables with their indexes)',
              round(r.rows_read / extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)),
              r.imported, r.flagged, (SELECT count(*) FROM sahel_news.places),
              :places_n_before, (SELECT count(*) FROM sahel_news.places),
              pg_size_pretty(:places_before::bigint), pg_size_pretty(pg_total_relation_size('sahel_news.places')),
              :names_n_before, (SELECT count(*) FROM sahel_news.place_names),
              pg_size_pretty(:names_before::bigint), pg_size_pretty(pg_total_relation_size('sahel_news.place_names')))
FROM bench_gn_big r;

DROP PROCEDURE bench_gn_time_copy(text[]);
DROP TABLE bench_gn_src, bench_gn_text, bench_gn_times, bench_gn_run, bench_gn_localities, bench_gn_big;
