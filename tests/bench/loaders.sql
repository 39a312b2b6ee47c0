-- tests/bench/loaders.sql — import throughput of import_acled() (issue #9).
--
-- 100,000 generated rows in ACLED's 31-column layout (5 Sahel countries,
-- 2,000 locations, 300 actors, every sub-event type, the three time
-- precisions), staged in acled_raw, then moved into the model by
-- import_acled().  Baseline: a plain INSERT ... SELECT of the same rows into a
-- table of 31 text columns, which is what staging alone costs.  The ratio is
-- the loader's whole overhead: per row it validates every field, resolves the
-- place and up to four actors by name, converts date, precision, fatalities
-- and coordinates to the extension's types, upserts the event on (dataset,
-- external_id), rewrites its event_actors and runs in its own subtransaction
-- (a row that fails is recorded, never aborts the load).
SET client_min_messages = warning;
SET search_path = public;

CREATE TABLE bench_acled_src (LIKE sahel_news.acled_raw);
CREATE TABLE bench_acled_text (LIKE sahel_news.acled_raw);

INSERT INTO bench_acled_src
SELECT format('%s%s', c.prefix, 100000 + n),                                     -- event_id_cnty
       to_char(date '2021-01-01' + (n % 730), 'YYYY-MM-DD'),                       -- event_date
       to_char(date '2021-01-01' + (n % 730), 'YYYY'),                             -- year
       (CASE WHEN n % 20 = 0 THEN 2 WHEN n % 97 = 0 THEN 3 ELSE 1 END)::text,      -- time_precision
       t.disorder, t.event_type, t.sub_event_type,
       format('Armed group %s (%s)', n % 300, c.name), '',                         -- actor1, assoc_actor_1
       '2',
       CASE WHEN n % 3 = 0 THEN '' ELSE format('Military Forces of %s (2021-)', c.name) END,
       CASE WHEN n % 10 = 0 THEN format('Civilians (%s)', c.name) ELSE '' END,    -- assoc_actor_2
       CASE WHEN n % 3 = 0 THEN '0' ELSE '1' END,                                  -- inter2
       CASE WHEN n % 3 = 0 THEN '20' ELSE '12' END,                                -- interaction
       '',
       c.iso, c.region, c.name,
       format('Region %s', n % 8), format('District %s', n % 40), '',
       format('Location %s', n % 2000),                                            -- location
       to_char(c.lat + ((n % 2000) / 40) * 0.05, 'FM990.0000'),                    -- latitude
       to_char(c.lon + ((n % 2000) % 40) * 0.05, 'FM9990.0000'),                   -- longitude
       (1 + n % 3)::text,
       'Generated source', 'National',
       format('Generated event %s: a sentence of about the length ACLED notes have, to make the rows realistic in size.', n),
       (n % 7)::text, '', (1640000000 + n)::text
FROM generate_series(1, 100000) AS n
CROSS JOIN LATERAL (SELECT * FROM (VALUES
   (0, 'MLI', '466', 'Mali', 'Western Africa', 12.0, -8.0),
   (1, 'BFO', '854', 'Burkina Faso', 'Western Africa', 10.5, -4.5),
   (2, 'NIR', '562', 'Niger', 'Western Africa', 13.0, 1.0),
   (3, 'CHA', '148', 'Chad', 'Middle Africa', 10.0, 16.0),
   (4, 'MAA', '478', 'Mauritania', 'Western Africa', 16.0, -12.0)) AS v(k, prefix, iso, name, region, lat, lon)
   WHERE v.k = n % 5) AS c
CROSS JOIN LATERAL (SELECT * FROM (VALUES
   (0, 'Political violence', 'Battles', 'Armed clash'),
   (1, 'Political violence', 'Violence against civilians', 'Attack'),
   (2, 'Political violence', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'),
   (3, 'Political violence', 'Explosions/Remote violence', 'Air/drone strike'),
   (4, 'Demonstrations', 'Protests', 'Peaceful protest'),
   (5, 'Strategic developments', 'Strategic developments', 'Looting/property destruction'),
   (6, 'Political violence', 'Violence against civilians', 'Abduction/forced disappearance')) AS v(k, disorder, event_type, sub_event_type)
   WHERE v.k = n % 7) AS t;
ANALYZE bench_acled_src;

-- The baseline three times (median), then one fresh import of the 100,000
-- rows (every row a new event; its places and actors created on the way) and
-- one re-import of the same rows (every row an update).  One run each: a run
-- takes minutes, and the second has nothing left to create.
CREATE TABLE bench_loader_times (run int, what text, ms float8);
DO $$
DECLARE
  t0 timestamptz;
  run_no int;
  r sahel_news.import_runs;
BEGIN
  FOR run_no IN 1..3 LOOP
    TRUNCATE bench_acled_text;
    t0 := clock_timestamp();
    INSERT INTO bench_acled_text SELECT * FROM bench_acled_src;
    INSERT INTO bench_loader_times VALUES (run_no, 'insert-select', extract(epoch FROM clock_timestamp() - t0) * 1000);
  END LOOP;

  t0 := clock_timestamp();
  INSERT INTO sahel_news.acled_raw SELECT * FROM bench_acled_src;
  r := sahel_news.import_acled(1000000);
  INSERT INTO bench_loader_times VALUES (1, 'import', extract(epoch FROM clock_timestamp() - t0) * 1000);
  IF r.imported <> 100000 THEN
    RAISE EXCEPTION 'fresh import loaded % of 100000 rows (% flagged)', r.imported, r.flagged;
  END IF;

  t0 := clock_timestamp();
  INSERT INTO sahel_news.acled_raw SELECT * FROM bench_acled_src;
  r := sahel_news.import_acled(1000000);
  INSERT INTO bench_loader_times VALUES (1, 'reimport', extract(epoch FROM clock_timestamp() - t0) * 1000);
  IF r.updated <> 100000 THEN
    RAISE EXCEPTION 're-import updated % of 100000 rows', r.updated;
  END IF;
END $$;

INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note)
SELECT 'import_acled 100k rows (new events)',
       bench.median(array_agg(ms) FILTER (WHERE what = 'import')),
       'INSERT ... SELECT into 31 text columns',
       bench.median(array_agg(ms) FILTER (WHERE what = 'insert-select')),
       format('%s rows/s against %s rows/s',
              round(100000 / (bench.median(array_agg(ms) FILTER (WHERE what = 'import')) / 1000)),
              round(100000 / (bench.median(array_agg(ms) FILTER (WHERE what = 'insert-select')) / 1000)))
FROM bench_loader_times;
INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note)
SELECT 'import_acled 100k rows (re-import: updates)',
       bench.median(array_agg(ms) FILTER (WHERE what = 'reimport')),
       'INSERT ... SELECT into 31 text columns',
       bench.median(array_agg(ms) FILTER (WHERE what = 'insert-select')),
       format('%s rows/s', round(100000 / (bench.median(array_agg(ms) FILTER (WHERE what = 'reimport')) / 1000)))
FROM bench_loader_times;
SELECT format('%s places and %s actors created; the copy into acled_raw is part of the import time',
              (SELECT count(*) FROM sahel_news.places p WHERE p.name LIKE 'Location %'),
              (SELECT count(*) FROM sahel_news.actors a WHERE a.name LIKE 'Armed group %'
                 OR a.name LIKE 'Military Forces of %' OR a.name LIKE 'Civilians (%')) AS note \gset
CALL bench.note('import_acled 100k rows (new events)', :'note');

DROP TABLE bench_acled_src, bench_acled_text, bench_loader_times;
