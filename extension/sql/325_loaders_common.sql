-- extension/sql/325_loaders_common.sql — what every import_* function does the
-- same way (internal to the loaders): check its argument, lock and count its
-- staging table, keep an import_runs row and its counts, list the rows it does
-- not load cleanly in import_issues, report progress, and at the end empty the
-- staging table and close the run.
--
-- An import function keeps its state in a loader_state value and hands it to
-- these helpers, which return it updated:
--
--   st := loader_start('acled', 'import_acled', 'sahel_news.acled_raw', progress_every);
--   st.run := loader_begin('acled');
--   FOR r IN ... LOOP
--     st.rows_read := st.rows_read + 1;
--     ... st := loader_issue(st, r.rec, ext, 'rejected', reason, r.raw); CONTINUE; ...
--     st := loader_done(st, r.rec, ext, notes, 'imported', r.raw);  -- or updated, unchanged
--   END LOOP;
--   RETURN loader_end(st, 'sahel_news.acled_raw');

CREATE TYPE @extschema@.loader_state AS (
  dataset   text,     -- import_runs.dataset and import_issues.dataset
  fn        text,     -- the import function, named in progress NOTICEs
  every     integer,  -- a progress NOTICE every so many rows
  total     bigint,   -- rows staged
  run       bigint,   -- import_runs.id
  rows_read bigint,
  imported  bigint,
  updated   bigint,
  skipped   bigint,
  flagged   bigint,
  unchanged bigint    -- rows already stored with these very values (import_runs.unchanged)
);
COMMENT ON TYPE @extschema@.loader_state IS
  'The state of one import_* call: dataset, function, progress interval, rows staged, its import_runs id and its counts so far (internal to the loaders).';

-- The import function is the innermost import_* function on the call stack
-- (every loader calls loader_begin itself); the label is what the caller set
-- in sahel_news.import_label.
CREATE FUNCTION @extschema@.loader_begin(dataset text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  stack text;
  fn text;
  run bigint;
BEGIN
  GET DIAGNOSTICS stack = PG_CONTEXT;
  fn := (regexp_match(stack, 'function (?:[a-z_]+\.)?"?(import_[a-z0-9_]+)'))[1];
  INSERT INTO @extschema@.import_runs (dataset, started_at, finished_at, rows_read, imported, updated, skipped, flagged,
                                       function, label, status)
  VALUES (dataset, clock_timestamp(), clock_timestamp(), 0, 0, 0, 0, 0, fn,
          nullif(current_setting('sahel_news.import_label', true), ''), 'running')
  RETURNING id INTO run;
  -- the run is the transaction's current one (the trigger import_run_opened
  -- says so too, but on Citus it fires on the shards of import_runs)
  PERFORM @extschema@.model_set_local('sahel_news.import_run', run::text);
  RETURN run;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_begin(text) IS
  'Opens an import_runs row for one import_* call (status running, the import function from the call stack, the label from the setting sahel_news.import_label), makes it the transaction''s current import run (on Citus on the workers too: model_set_local()) and returns its id (internal to the loaders).';

CREATE FUNCTION @extschema@.loader_finish(run bigint, n_read bigint, n_imported bigint, n_updated bigint,
                                          n_skipped bigint, n_flagged bigint, n_unchanged bigint DEFAULT 0)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  result @extschema@.import_runs;
  finished constant timestamptz := clock_timestamp();  -- a value: Citus runs no volatile function in an UPDATE
BEGIN
  UPDATE @extschema@.import_runs
  SET finished_at = finished, rows_read = n_read, imported = n_imported,
      updated = n_updated, unchanged = n_unchanged, skipped = n_skipped, flagged = n_flagged, status = 'done'
  WHERE id = run
  RETURNING * INTO result;
  PERFORM @extschema@.model_set_local('sahel_news.import_run', '');  -- the run is over (370_loaders_history.sql)
  RAISE NOTICE '%: % rows read: % imported, % updated, % unchanged, % skipped, % flagged (import_issues.run_id = %)',
    result.dataset, n_read, n_imported, n_updated, n_unchanged, n_skipped, n_flagged, run;
  RETURN result;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_finish(bigint, bigint, bigint, bigint, bigint, bigint, bigint) IS
  'Closes the import_runs row of an import_* call with its counts (n_unchanged: rows already stored with these very values, not written), reports them in a NOTICE and returns the row (internal to the loaders).';

-- A progress NOTICE every so many rows, with the counts so far.
CREATE FUNCTION @extschema@.loader_progress(st @extschema@.loader_state)
RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF st.rows_read % st.every = 0 THEN
    RAISE NOTICE '%: % of % rows read (% imported, % updated, % unchanged, % skipped, % flagged)',
      st.fn, st.rows_read, st.total, st.imported, st.updated, st.unchanged, st.skipped, st.flagged;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_progress(@extschema@.loader_state) IS
  'Reports an import_* call''s progress in a NOTICE every so many rows, with its counts so far (internal to the loaders).';

CREATE FUNCTION @extschema@.loader_check_every(every integer) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF every IS NULL OR every < 1 THEN
    RAISE EXCEPTION 'progress_every must be a positive number of rows, not %', coalesce(every::text, 'NULL')
      USING ERRCODE = '22023';
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_check_every(integer) IS
  'Rejects a progress_every argument that is not a positive number (internal to the loaders).';

-- How long a batch load may go without a progress NOTICE: the setting
-- sahel_news.progress_seconds (a positive number of seconds; 10 when unset).
-- loader_start checks it, so a bad value fails before any row is read.
CREATE FUNCTION @extschema@.loader_progress_interval() RETURNS interval
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v constant text := nullif(btrim(current_setting('sahel_news.progress_seconds', true)), '');
BEGIN
  IF v IS NULL THEN
    RETURN interval '10 s';
  END IF;
  IF v !~ '^[0-9]{1,9}(\.[0-9]+)?$' OR v::numeric <= 0 THEN  -- at most nine digits: an interval holds it
    RAISE EXCEPTION 'sahel_news.progress_seconds must be a positive number of seconds, not "%"', v
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'For example: SET sahel_news.progress_seconds = 60;';
  END IF;
  RETURN make_interval(secs => v::float8);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_progress_interval() IS
  'The longest a batch load goes without a progress NOTICE: the setting sahel_news.progress_seconds in seconds (10 when unset; 22023 for a value that is not a positive number) (internal to the loaders).';

-- Checks progress_every and sahel_news.progress_seconds, locks the staging
-- table against concurrent loads and counts its rows.  The import_runs row is
-- opened by loader_begin afterwards (an import may first refuse the staged
-- file as a whole).
CREATE FUNCTION @extschema@.loader_start(dataset text, fn text, staging regclass, every integer)
RETURNS @extschema@.loader_state
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  st @extschema@.loader_state;
BEGIN
  PERFORM @extschema@.loader_check_every(every);
  PERFORM @extschema@.loader_progress_interval();
  EXECUTE format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', staging);
  st := ROW(dataset, fn, every, 0, NULL, 0, 0, 0, 0, 0, 0)::@extschema@.loader_state;
  EXECUTE format('SELECT count(*) FROM %s', staging) INTO st.total;
  RETURN st;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_start(text, text, regclass, integer) IS
  'Begins an import_* call: rejects a progress_every that is not positive and a bad sahel_news.progress_seconds, locks the staging table (SHARE ROW EXCLUSIVE), counts its rows and returns the call''s loader_state with zero counts and no run yet (internal to the loaders).';

-- Lists a row in import_issues and counts it: skipped rows as skipped, kept
-- and rejected ones as flagged; then reports progress unless told not to.
CREATE FUNCTION @extschema@.loader_issue(st @extschema@.loader_state, rec bigint, ext text, action text,
                                         reason text, raw jsonb, progress boolean DEFAULT true)
RETURNS @extschema@.loader_state
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO @extschema@.import_issues (run_id, dataset, record, external_id, action, reason, raw)
  VALUES (st.run, st.dataset, rec, ext, action, reason, raw);
  IF action = 'skipped' THEN
    st.skipped := st.skipped + 1;
  ELSE
    st.flagged := st.flagged + 1;
  END IF;
  IF progress THEN
    PERFORM @extschema@.loader_progress(st);
  END IF;
  RETURN st;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_issue(@extschema@.loader_state, bigint, text, text, text, jsonb, boolean) IS
  'Records a staged row that was not loaded cleanly in import_issues (action kept, rejected or skipped, with the reason and the raw row), counts it as skipped or flagged and reports progress (internal to the loaders).';

-- The file's header line, staged by a COPY without HEADER: skipped, and (as
-- the loaders always did) without a progress report.
CREATE FUNCTION @extschema@.loader_header(st @extschema@.loader_state, rec bigint, raw jsonb)
RETURNS @extschema@.loader_state
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  SELECT @extschema@.loader_issue(st, rec, NULL, 'skipped',
                                  'the file''s header line (copy with HEADER or HEADER MATCH)', raw, false)
$$;
COMMENT ON FUNCTION @extschema@.loader_header(@extschema@.loader_state, bigint, jsonb) IS
  'Skips a staged copy of the file''s header line, listing it in import_issues (internal to the loaders).';

-- A row with the same key as a later one (the winner): an exact duplicate, or
-- superseded (the caller says by what).
CREATE FUNCTION @extschema@.loader_duplicate(st @extschema@.loader_state, rec bigint, ext text, raw jsonb,
                                             winner bigint, winner_raw jsonb, superseded text)
RETURNS @extschema@.loader_state
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  SELECT @extschema@.loader_issue(st, rec, ext, 'skipped',
                                  CASE WHEN raw = winner_raw THEN format('exact duplicate of record %s', winner)
                                       ELSE superseded END, raw)
$$;
COMMENT ON FUNCTION @extschema@.loader_duplicate(@extschema@.loader_state, bigint, text, jsonb, bigint, jsonb, text) IS
  'Skips a staged row that a later one with the same key replaces: listed in import_issues as an exact duplicate of the later record, or with the given superseded reason (internal to the loaders).';

-- A row whose record could not be written (the statement raised).
CREATE FUNCTION @extschema@.loader_failed(st @extschema@.loader_state, rec bigint, ext text, raw jsonb,
                                          message text, sqlstate text)
RETURNS @extschema@.loader_state
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  SELECT @extschema@.loader_issue(st, rec, ext, 'rejected',
                                  format('could not be stored: %s (SQLSTATE %s)', message, sqlstate), raw)
$$;
COMMENT ON FUNCTION @extschema@.loader_failed(@extschema@.loader_state, bigint, text, jsonb, text, text) IS
  'Rejects a staged row whose record could not be stored, with the error message and SQLSTATE as the reason in import_issues (internal to the loaders).';

-- A row that was stored: kept with its notes (flagged), else counted by its
-- outcome: imported (a new record), updated (its dataset and external id were
-- loaded before, with other values: the record was rewritten) or unchanged
-- (loaded before with these very values: nothing was written).
CREATE FUNCTION @extschema@.loader_done(st @extschema@.loader_state, rec bigint, ext text, notes text[],
                                        outcome text, raw jsonb)
RETURNS @extschema@.loader_state
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF cardinality(notes) > 0 THEN
    RETURN @extschema@.loader_issue(st, rec, ext, 'kept', array_to_string(notes, '; '), raw);
  END IF;
  CASE outcome
    WHEN 'imported' THEN st.imported := st.imported + 1;
    WHEN 'updated' THEN st.updated := st.updated + 1;
    WHEN 'unchanged' THEN st.unchanged := st.unchanged + 1;
    ELSE
      RAISE EXCEPTION 'loader_done: outcome must be imported, updated or unchanged, not %', coalesce(quote_literal(outcome), 'NULL')
        USING ERRCODE = 'invalid_parameter_value';
  END CASE;
  PERFORM @extschema@.loader_progress(st);
  RETURN st;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_done(@extschema@.loader_state, bigint, text, text[], text, jsonb) IS
  'Counts a stored row: flagged and listed in import_issues as kept when it has notes, else by its outcome, imported, updated or unchanged (any other outcome is an error); reports progress (internal to the loaders).';

-- Empties the staging table (TRUNCATE, or DELETE when the calling statement
-- itself still reads it: SELECT count(*), import_...() FROM ..._raw) and
-- closes the run.
CREATE FUNCTION @extschema@.loader_end(st @extschema@.loader_state, staging regclass)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  BEGIN
    EXECUTE format('TRUNCATE %s', staging);
  EXCEPTION WHEN object_in_use THEN
    EXECUTE format('DELETE FROM %s', staging);
  END;
  RETURN @extschema@.loader_finish(st.run, st.rows_read, st.imported, st.updated, st.skipped, st.flagged,
                                   st.unchanged);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_end(@extschema@.loader_state, regclass) IS
  'Ends an import_* call: empties its staging table and closes its import_runs row with the counts (unchanged included), returning it (internal to the loaders).';

-- Refuses a staged batch whose layout lacks a column the loader needs: the
-- staging table holds the union of every layout's columns, a file fills only
-- its own, and a needed column that no staged row fills was in none of them.
-- Each needed item is a column, or a choice of columns written as the error
-- names it ('iso, gwno or country': a value in any of them will do); one scan
-- of the staged rows answers for all of them.
CREATE FUNCTION @extschema@.loader_require_columns(staging text, total bigint, VARIADIC needed text[])
RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  present boolean[];
  missing text;
BEGIN
  IF total = 0 THEN
    RETURN;
  END IF;
  EXECUTE format('SELECT ARRAY[%s] FROM @extschema@.%I t',
                 (SELECT string_agg(format('bool_or(coalesce(%s) IS NOT NULL)',
                                           (SELECT string_agg(format('t.%I', c.col), ', ')
                                            FROM regexp_split_to_table(n.item, ', | or ') AS c(col))),
                                    ', ' ORDER BY n.o)
                  FROM unnest(needed) WITH ORDINALITY AS n(item, o)),
                 staging)
    INTO present;
  SELECT string_agg(n.item, '; ' ORDER BY n.o) INTO missing
  FROM unnest(needed) WITH ORDINALITY AS n(item, o)
  WHERE NOT coalesce(present[n.o], false);
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION '% has no value in a column the loader needs: %', staging, missing
      USING ERRCODE = '22P04',
            DETAIL = format('None of the %s staged rows has a value there: the file''s layout has no such column, or it was copied without naming its columns.', total),
            HINT = format('Copy a file by its own header: \copy sahel_news.%s (<the file''s header, lower-cased>) FROM ''file.csv'' WITH (FORMAT csv, HEADER true); docs/reference/loaders.md builds that list from the file.  Empty the table with TRUNCATE sahel_news.%s.', staging, staging);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_require_columns(text, bigint, text[]) IS
  'Raises 22P04 naming every needed column (or choice of columns, written ''a, b or c'') that no staged row of the staging table fills: the staged file''s layout lacks it (internal to the loaders).';
