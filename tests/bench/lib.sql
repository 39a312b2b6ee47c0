-- tests/bench/lib.sql — timing helpers for the benchmark files.
--
-- Times are taken inside the server with clock_timestamp(), so they do not
-- depend on psql or the network.  Each measurement runs the statement several
-- times, alternating ours and the baseline so that both see the same cache
-- state, and keeps the median.

CREATE SCHEMA bench;

CREATE TABLE bench.results (
  seq        serial PRIMARY KEY,
  benchmark  text NOT NULL,
  ours_ms    float8,
  baseline   text,
  base_ms    float8,
  note       text
);

-- Median of an array of float8.
CREATE FUNCTION bench.median(float8[]) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM unnest($1) v
$$;

-- The CPU time this backend has used, in seconds (user + system, from
-- /proc/self/stat; NULL where there is no /proc): on a machine others share,
-- the wall clock also counts the waits for a core.
CREATE FUNCTION bench.cpu_seconds() RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
  f text[];
BEGIN
  f := string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' ');
  RETURN (f[12]::float8 + f[13]::float8) / 100;   -- utime, stime in clock ticks
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- Milliseconds one execution of sql takes (the result is discarded).
CREATE FUNCTION bench.time_once(sql text) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz;
BEGIN
  t0 := clock_timestamp();
  EXECUTE sql;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

-- Compare ours with a baseline: `reps` alternating runs of each, medians kept.
CREATE PROCEDURE bench.compare(benchmark text, ours text, baseline_name text,
                               baseline text, reps int DEFAULT 5, note text DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE a float8[] := '{}'; b float8[] := '{}';
BEGIN
  -- one untimed run of each warms caches and catalogs
  PERFORM bench.time_once(ours);
  PERFORM bench.time_once(baseline);
  FOR i IN 1..reps LOOP
    a := a || bench.time_once(ours);
    b := b || bench.time_once(baseline);
  END LOOP;
  INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note)
  VALUES (benchmark, bench.median(a), baseline_name, bench.median(b), note);
END $$;

-- Compare ours with a baseline by one timed run of each (what cannot run
-- twice, such as building an index).
CREATE PROCEDURE bench.compare_once(benchmark text, ours text, baseline_name text,
                                    baseline text, note text DEFAULT 'one run each')
LANGUAGE plpgsql AS $$
DECLARE a float8; b float8;
BEGIN
  a := bench.time_once(ours);
  b := bench.time_once(baseline);
  INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note)
  VALUES (benchmark, a, baseline_name, b, note);
END $$;

-- Server-side COPY (FORMAT text) of each file into the table.
CREATE PROCEDURE bench.copy_files(tab regclass, files text[])
LANGUAGE plpgsql AS $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY files LOOP
    EXECUTE format('COPY %s FROM %L (FORMAT text)', tab, f);
  END LOOP;
END $$;

-- Stop the benchmark with message unless ok holds: a check of what the
-- timed statements did (psql puts its variables into a CALL, never into a
-- DO block).
CREATE PROCEDURE bench.expect(ok boolean, message text)
LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION '%', message;
  END IF;
END $$;

-- Record a figure that is not a timing (sizes, errors, throughput).
CREATE PROCEDURE bench.note(benchmark text, note text)
LANGUAGE sql AS $$
  INSERT INTO bench.results (benchmark, note) VALUES (benchmark, note)
$$;
