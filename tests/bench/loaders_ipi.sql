-- tests/bench/loaders_ipi.sql — import throughput of import_ipi_contributions()
-- and import_ipi_mission_totals(), first load and re-import, against the
-- floor: an INSERT ... SELECT of the same staged rows into a plain table of
-- the same columns.
--
-- The rows are IPI-shaped: the contributions of the shared file
-- ($SN_SHARED_DATA/conflict/ipi_contributions_2014-03-31.csv, one month,
-- every mission and contributor) replicated month after month (replica r is
-- r months later), and the MINUSMA monthly totals
-- (ipi_minusma_monthly.csv) replicated over 500 missions ("MINUSMA 17") and
-- shifted by whole spans of their months.  SN_BENCH_IPI_ROWS (default 50000)
-- chooses how many rows of each.  The contributions are loaded first, so the
-- totals of the real missions find their parts.
SET client_min_messages = warning;
SET search_path = public;
\getenv shared SN_SHARED_DATA
\getenv rows SN_BENCH_IPI_ROWS
SELECT coalesce(nullif(:'rows', ''), '50000')::int AS rows \gset
SELECT :'shared' || '/conflict/ipi_contributions_2014-03-31.csv' AS contrib_file,
       :'shared' || '/conflict/ipi_minusma_monthly.csv' AS totals_file \gset

CREATE TABLE bench_ipi_c_template (LIKE sahel_news.ipi_contributions_raw);
COPY bench_ipi_c_template FROM :'contrib_file' WITH (FORMAT csv, HEADER MATCH);
ALTER TABLE bench_ipi_c_template ADD COLUMN k serial;
CREATE TABLE bench_ipi_t_template (LIKE sahel_news.ipi_mission_totals_raw);
COPY bench_ipi_t_template FROM :'totals_file' WITH (FORMAT csv, HEADER MATCH);
ALTER TABLE bench_ipi_t_template ADD COLUMN k serial;

-- the last day of the month n months after the date d (as IPI dates its rows)
CREATE FUNCTION bench_ipi_month(d text, n int) RETURNS text LANGUAGE sql IMMUTABLE
RETURN to_char(date_trunc('month', d::date) + make_interval(months => n + 1) - interval '1 day', 'YYYY-MM-DD');

-- size rows of a staging table from its template: column "Date" moved by
-- months(r) months, column "Mission" renamed by mission(r) (SQL over r, the
-- replica), the other columns as they are
CREATE PROCEDURE bench_ipi_generate(staging regclass, template regclass, size int, months text, mission text)
LANGUAGE plpgsql AS $$
DECLARE
  cols text;
BEGIN
  SELECT string_agg(CASE a.attname WHEN 'Date' THEN format('bench_ipi_month(t."Date", %s)', months)
                                   WHEN 'Mission' THEN mission
                                   ELSE format('t.%I', a.attname) END, ', ' ORDER BY a.attnum)
  INTO cols
  FROM pg_attribute a WHERE a.attrelid = staging AND a.attnum > 0 AND NOT a.attisdropped;
  EXECUTE format('INSERT INTO %s SELECT %s
                  FROM (SELECT n, ((n - 1) / m)::int AS r, ((n - 1) %% m + 1)::int AS k
                        FROM (SELECT count(*) AS m FROM %s) c, generate_series(1, %s) AS n) g
                  JOIN %s t ON t.k = g.k ORDER BY g.n', staging, cols, template, size, template);
END $$;

CREATE TABLE bench_ipi_c_src (LIKE sahel_news.ipi_contributions_raw);
CALL bench_ipi_generate('bench_ipi_c_src', 'bench_ipi_c_template', :rows, 'g.r', 't."Mission"');
CREATE TABLE bench_ipi_t_src (LIKE sahel_news.ipi_mission_totals_raw);
CALL bench_ipi_generate('bench_ipi_t_src', 'bench_ipi_t_template', :rows,
                        '(g.r / 500) * (SELECT count(*) FROM bench_ipi_t_template)::int',
                        'CASE WHEN g.r % 500 = 0 THEN t."Mission" ELSE format(''%s %s'', t."Mission", g.r % 500) END');
CREATE TABLE bench_ipi_floor (LIKE sahel_news.ipi_contributions_raw);
VACUUM ANALYZE bench_ipi_c_src;
VACUUM ANALYZE bench_ipi_t_src;

CREATE TABLE bench_ipi_times (what text, ms float8, note text);

-- One timed load: the source rows staged, then fn() run; recorded with its
-- counts and CPU time.
CREATE PROCEDURE bench_ipi_load(what text, src regclass, staging regclass, fn text)
LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz;
  c0 float8;
  r record;
  n bigint;
BEGIN
  EXECUTE format('INSERT INTO %s SELECT * FROM %s', staging, src);
  GET DIAGNOSTICS n = ROW_COUNT;
  t0 := clock_timestamp();
  c0 := bench.cpu_seconds();
  EXECUTE format('SELECT * FROM sahel_news.%I(1000000)', fn) INTO r;
  INSERT INTO bench_ipi_times VALUES (what, extract(epoch FROM clock_timestamp() - t0) * 1000,
    format('%s rows: %s imported, %s updated, %s unchanged, %s skipped, %s flagged; CPU %s s, %s rows/s of CPU',
           n, r.imported, r.updated, r.unchanged, r.skipped, r.flagged,
           round((bench.cpu_seconds() - c0)::numeric, 1), round(n / nullif(bench.cpu_seconds() - c0, 0))));
  IF r.rows_read <> n OR r.imported + r.updated + r.unchanged + r.skipped + r.flagged <> n THEN
    RAISE EXCEPTION '%: % rows staged, % read, the counts add up to %', what, n, r.rows_read,
      r.imported + r.updated + r.unchanged + r.skipped + r.flagged;
  END IF;
END $$;

CREATE PROCEDURE bench_ipi_floor() LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz;
BEGIN
  FOR i IN 1..3 LOOP
    TRUNCATE bench_ipi_floor;
    t0 := clock_timestamp();
    INSERT INTO bench_ipi_floor SELECT * FROM bench_ipi_c_src;
    INSERT INTO bench_ipi_times VALUES ('floor', extract(epoch FROM clock_timestamp() - t0) * 1000);
  END LOOP;
END $$;

CALL bench_ipi_floor();
CALL bench_ipi_load('import_ipi_contributions (first load)', 'bench_ipi_c_src', 'sahel_news.ipi_contributions_raw',
                    'import_ipi_contributions');
CALL bench_ipi_load('import_ipi_contributions (re-import)', 'bench_ipi_c_src', 'sahel_news.ipi_contributions_raw',
                    'import_ipi_contributions');
CALL bench_ipi_load('import_ipi_mission_totals (first load)', 'bench_ipi_t_src', 'sahel_news.ipi_mission_totals_raw',
                    'import_ipi_mission_totals');
CALL bench_ipi_load('import_ipi_mission_totals (re-import)', 'bench_ipi_t_src', 'sahel_news.ipi_mission_totals_raw',
                    'import_ipi_mission_totals');

INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note)
SELECT t.what, t.ms, 'INSERT ... SELECT of the staged contributions into a plain table', f.ms, t.note
FROM bench_ipi_times t,
     (SELECT bench.median(array_agg(ms)) AS ms FROM bench_ipi_times WHERE what = 'floor') f
WHERE t.what <> 'floor';

DROP PROCEDURE bench_ipi_generate(regclass, regclass, int, text, text), bench_ipi_load(text, regclass, regclass, text),
               bench_ipi_floor();
DROP FUNCTION bench_ipi_month(text, int);
DROP TABLE bench_ipi_c_template, bench_ipi_t_template, bench_ipi_c_src, bench_ipi_t_src, bench_ipi_floor,
           bench_ipi_times;
