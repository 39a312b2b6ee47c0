-- tests/bench/loaders.sql — import throughput of import_acled() at 10,000,
-- 100,000 and 1,000,000 rows, against the floor: an INSERT ... SELECT of the
-- same staged rows into a plain table of the same columns.
--
-- The rows are ACLED-shaped and realistic: the 186 rows of the shared 2022
-- Sahel extract ($SN_SHARED_DATA/conflict/acled_sahel_2022h1.csv, current
-- layout), replicated with new event ids and dates moved by whole days; in
-- replica r a row's location becomes variant r mod 250 of it: variant 0 the
-- real place, the others new villages ("Djibo 17") placed within about 50 km
-- of it, each variant always at the same point; every point moved by up to
-- 500 m, so that a variant met again is matched, not created.  One row in ten
-- names a local militia of its own ("Dozo Militia 45 (Mali)", 400 of them).
-- So 10,000 rows create nearly 10,000 places, 100,000 and 1,000,000 rows
-- some 46,000 (as ACLED's full export holds tens of thousands of locations),
-- and 300 to 1,700 actors.
--
-- For each size: the rows are staged (timed apart: the copy), then
-- import_acled() runs on a model without them (first load: every row a new
-- event), then again on the same rows (re-import: every row an update); the
-- floor is measured three times in the same run (median).  After the first
-- load, the rows it wrote are written again by plain INSERT ... SELECT into
-- the model's tables and rolled back: what the model's indexes, checks and
-- foreign keys cost alone, the least any loader of these rows can spend.
-- Each size runs on a freshly created extension.
-- SN_BENCH_LOADER_SIZES (default "10000 100000 1000000") chooses the sizes.
SET client_min_messages = warning;
SET search_path = public;
\getenv shared SN_SHARED_DATA
\getenv sizes SN_BENCH_LOADER_SIZES
SELECT coalesce(nullif(:'sizes', ''), '10000 100000 1000000') AS sizes \gset
SELECT :'shared' || '/conflict/acled_sahel_2022h1.csv' AS acled_file \gset

CREATE TABLE bench_acled_template (LIKE sahel_news.acled_raw);
COPY bench_acled_template (event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type,
  actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country,
  admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags,
  timestamp) FROM :'acled_file' WITH (FORMAT csv, HEADER MATCH);
SELECT count(*) AS template_rows FROM bench_acled_template \gset
ALTER TABLE bench_acled_template ADD COLUMN k serial;

CREATE TABLE bench_acled_src (LIKE sahel_news.acled_raw);
CREATE TABLE bench_acled_floor (LIKE sahel_news.acled_raw);
CREATE TABLE bench_loader_times (size int, what text, ms float8, note text);

-- n rows: replica r = (n - 1) / template_rows of template row k
CREATE PROCEDURE bench_loader_generate(size int) LANGUAGE plpgsql AS $$
DECLARE
  m int := (SELECT count(*) FROM bench_acled_template);
BEGIN
  TRUNCATE bench_acled_src;
  INSERT INTO bench_acled_src
  SELECT left(t.event_id_cnty, 3) || (1000000 + g.n)::text,
         to_char(t.event_date::date + (g.r % 1400) - 700, 'YYYY-MM-DD'),
         to_char(t.event_date::date + (g.r % 1400) - 700, 'YYYY'),
         t.time_precision, t.disorder_type, t.event_type, t.sub_event_type,
         CASE WHEN g.n % 10 = 0 THEN format('Dozo Militia %s (%s)', g.r % 400, t.country) ELSE t.actor1 END,
         t.assoc_actor_1, t.inter1, t.actor2, t.assoc_actor_2, t.inter2, t.interaction, t.civilian_targeting,
         t.iso, t.region, t.country, t.admin1, t.admin2, t.admin3,
         CASE WHEN g.v = 0 THEN t.location ELSE format('%s %s', t.location, g.v) END,
         to_char(t.latitude::float8 + ((g.n * 7919) % 11 - 5) * 0.0008
                 + CASE WHEN g.v = 0 THEN 0 ELSE ((g.v * 7919 + t.k * 104729) % 1001 - 500) * 0.0009 END, 'FM990.0000'),
         to_char(t.longitude::float8 + ((g.n * 6271) % 11 - 5) * 0.0008
                 + CASE WHEN g.v = 0 THEN 0 ELSE ((g.v * 6271 + t.k * 1299709) % 1001 - 500) * 0.0009 END, 'FM9990.0000'),
         t.geo_precision, t.source, t.source_scale, t.notes, t.fatalities, t.tags,
         (1650000000 + g.n)::text
  FROM (SELECT n, ((n - 1) / m)::int AS r, (((n - 1) / m) % 250)::int AS v, ((n - 1) % m + 1)::int AS k
        FROM generate_series(1::bigint, size) AS n) g   -- n bigint: n * 7919 passes 2^31 beyond 271,000 rows
  JOIN bench_acled_template t ON t.k = g.k
  ORDER BY g.n;
END $$;

-- One timed run of import_acled() over the size rows staged, recorded in
-- bench_loader_times as what (first, reimport) with its counts, the places
-- and actors created (the model holds more than places0 and actors0) and its
-- CPU time; returns the run's row.
CREATE FUNCTION bench_import_acled(size int, what text, places0 bigint, actors0 bigint) RETURNS record
LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz := clock_timestamp();
  c0 float8 := bench.cpu_seconds();
  r record;
BEGIN
  SELECT * INTO r FROM sahel_news.import_acled(1000000);
  INSERT INTO bench_loader_times VALUES (size, what, extract(epoch FROM clock_timestamp() - t0) * 1000,
    format('%s imported, %s updated, %s unchanged, %s flagged, %s skipped; %s places and %s actors created; '
           'CPU %s s, %s rows/s of CPU',
           r.imported, r.updated, r.unchanged, r.flagged, r.skipped,
           (SELECT count(*) FROM sahel_news.places) - places0, (SELECT count(*) FROM sahel_news.actors) - actors0,
           round((bench.cpu_seconds() - c0)::numeric, 1), round(size / nullif(bench.cpu_seconds() - c0, 0))));
  RETURN r;
END $$;

CREATE PROCEDURE bench_loader_measure(size int) LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz;
  c0 float8;
  r record;  -- (a record: the extension is dropped and created again between sizes)
  writes_ms float8;
  writes_cpu float8;
  n_places bigint;
  n_events bigint;
  n_actor_rows bigint;
  n_actor_names bigint;
  places0 bigint := (SELECT count(*) FROM sahel_news.places);
  actors0 bigint := (SELECT count(*) FROM sahel_news.actors);
BEGIN
  FOR i IN 1..3 LOOP
    TRUNCATE bench_acled_floor;
    t0 := clock_timestamp();
    c0 := bench.cpu_seconds();
    INSERT INTO bench_acled_floor SELECT * FROM bench_acled_src;
    INSERT INTO bench_loader_times VALUES (size, 'floor', extract(epoch FROM clock_timestamp() - t0) * 1000,
                                           format('CPU %s s', round((bench.cpu_seconds() - c0)::numeric, 2)));
  END LOOP;
  TRUNCATE bench_acled_floor;

  t0 := clock_timestamp();
  INSERT INTO sahel_news.acled_raw SELECT * FROM bench_acled_src;
  INSERT INTO bench_loader_times VALUES (size, 'stage', extract(epoch FROM clock_timestamp() - t0) * 1000);
  r := bench_import_acled(size, 'first', places0, actors0);
  IF r.imported + r.flagged <> size OR r.updated <> 0 THEN
    RAISE EXCEPTION 'first load of % rows: % imported, % updated, % flagged', size, r.imported, r.updated, r.flagged;
  END IF;

  -- The model's own writes: the rows this first load wrote (its places and
  -- their names, its events, event_actors and event_actor_names) written
  -- again by plain INSERT ... SELECT, under ids a billion higher and in the
  -- load's run, in a subtransaction rolled back afterwards.  Every index,
  -- check and foreign key of the model works as it does in the load: what
  -- the loader spends beyond this is its own work (parse, look-ups, checks).
  BEGIN
    PERFORM set_config('sahel_news.import_run', r.id::text, true);
    t0 := clock_timestamp();
    c0 := bench.cpu_seconds();
    INSERT INTO sahel_news.places (id, name, kind, country, location)
    SELECT p.id + 1000000000, p.name, p.kind, p.country, p.location
    FROM sahel_news.places p WHERE p.created_run = r.id ORDER BY p.id;
    GET DIAGNOSTICS n_places = ROW_COUNT;
    INSERT INTO sahel_news.place_names (place_id, name)
    SELECT n.place_id + 1000000000, n.name
    FROM sahel_news.place_names n WHERE n.place_id IN (SELECT p.id FROM sahel_news.places p WHERE p.created_run = r.id)
    ORDER BY n.place_id, n.name;
    INSERT INTO sahel_news.events
      (id, occurred, place_id, location, geo_precision, location_precision_m, event_type, sub_event_type, cameo_code,
       fatalities, summary, dataset_category, admin1, admin2, admin3, dataset, external_id)
    SELECT e.id + 1000000000, e.occurred, e.place_id, e.location, e.geo_precision, e.location_precision_m, e.event_type,
           e.sub_event_type, e.cameo_code, e.fatalities, e.summary, e.dataset_category, e.admin1, e.admin2, e.admin3,
           'bench_copy', e.external_id
    FROM sahel_news.events e WHERE e.created_run = r.id ORDER BY e.id;
    GET DIAGNOSTICS n_events = ROW_COUNT;
    INSERT INTO sahel_news.event_actors (event_id, actor_id, role)
    SELECT a.event_id + 1000000000, a.actor_id, a.role
    FROM sahel_news.event_actors a WHERE a.event_id IN (SELECT e.id FROM sahel_news.events e WHERE e.created_run = r.id)
    ORDER BY a.event_id, a.actor_id, a.role;
    GET DIAGNOSTICS n_actor_rows = ROW_COUNT;
    INSERT INTO sahel_news.event_actor_names (event_id, role, name, code, actor_id)
    SELECT a.event_id + 1000000000, a.role, a.name, a.code, a.actor_id
    FROM sahel_news.event_actor_names a WHERE a.event_id IN (SELECT e.id FROM sahel_news.events e WHERE e.created_run = r.id)
    ORDER BY a.event_id, a.role, a.name;
    GET DIAGNOSTICS n_actor_names = ROW_COUNT;
    writes_ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    writes_cpu := bench.cpu_seconds() - c0;
    RAISE EXCEPTION 'bench: roll the copies back';
  EXCEPTION WHEN raise_exception THEN
    NULL;
  END;
  INSERT INTO bench_loader_times VALUES (size, 'writes', writes_ms,
    format('%s places (and their names), %s events, %s event_actors and %s event_actor_names rows; CPU %s s',
           n_places, n_events, n_actor_rows, n_actor_names, round(writes_cpu::numeric, 1)));

  INSERT INTO sahel_news.acled_raw SELECT * FROM bench_acled_src;
  r := bench_import_acled(size, 'reimport', places0, actors0);
  IF r.imported <> 0 OR r.updated <> 0 THEN
    RAISE EXCEPTION 're-import of % identical rows imported % and updated % events', size, r.imported, r.updated;
  END IF;
END $$;

-- Each size on a fresh extension (what a size left behind is dropped with it:
-- deleting 100,000 events and their places row by row costs more than the
-- load), each step its own transaction.
SELECT q FROM regexp_split_to_table(btrim(:'sizes'), '\s+') WITH ORDINALITY AS s(size, o),
LATERAL (VALUES (1, 'DROP EXTENSION sahel_news CASCADE'), (2, 'CREATE EXTENSION sahel_news'),
                (3, format('CALL bench_loader_generate(%s)', size)), (4, 'VACUUM ANALYZE bench_acled_src'),
                (5, format('CALL bench_loader_measure(%s)', size))) AS v(k, q)
ORDER BY s.o, v.k \gexec

INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note)
SELECT format('import_acled %s rows (%s)', t.size, CASE t.what WHEN 'first' THEN 'first load' ELSE 're-import' END),
       t.ms, 'INSERT ... SELECT of the staged rows into a plain table', f.ms,
       format('%s rows/s against %s rows/s; %s', round(t.size / (t.ms / 1000)), round(t.size / (f.ms / 1000)), t.note)
FROM bench_loader_times t
JOIN (SELECT size, bench.median(array_agg(ms)) AS ms FROM bench_loader_times WHERE what = 'floor' GROUP BY size) f
  ON f.size = t.size
WHERE t.what IN ('first', 'reimport')
ORDER BY t.size, t.what;
-- the first load against the model's own writes of the same rows (CPU time)
INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note)
SELECT format('import_acled %s rows (first load) against its writes', t.size), t.ms,
       'the same rows written by INSERT ... SELECT into the model''s tables', w.ms,
       format('CPU: the load %s s, the writes alone %s s (%s times); the writes: %s',
              substring(t.note FROM 'CPU ([0-9.]+) s'), substring(w.note FROM 'CPU ([0-9.]+) s'),
              round((substring(t.note FROM 'CPU ([0-9.]+) s')::numeric
                     / nullif(substring(w.note FROM 'CPU ([0-9.]+) s')::numeric, 0)), 2), w.note)
FROM bench_loader_times t JOIN bench_loader_times w ON w.size = t.size AND w.what = 'writes'
WHERE t.what = 'first'
ORDER BY t.size;
INSERT INTO bench.results (benchmark, note)
SELECT format('import_acled: staging %s rows (INSERT into acled_raw)', size), format('%s ms', round(ms::numeric))
FROM bench_loader_times WHERE what = 'stage' ORDER BY size;
INSERT INTO bench.results (benchmark, note)
SELECT format('import_acled: the floor, %s rows, three runs', size),
       string_agg(format('%s ms (%s)', round(ms::numeric), note), ', ')
FROM bench_loader_times WHERE what = 'floor' GROUP BY size ORDER BY size;

DROP PROCEDURE bench_loader_generate(int), bench_loader_measure(int);
DROP TABLE bench_acled_template, bench_acled_src, bench_acled_floor, bench_loader_times;
