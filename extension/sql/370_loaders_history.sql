-- extension/sql/370_loaders_history.sql — where each row came from, what it
-- looked like before, and what a dataset took back.
--
-- Provenance: events, places and actors carry created_run and changed_run,
-- the import_runs rows of the load that created the row and of the last one
-- that changed it.  No loader fills them itself: opening an import_runs row
-- sets the transaction-local setting sahel_news.import_run to its id (a
-- trigger on import_runs), closing it clears the setting (loader_finish),
-- and column defaults (new rows) and a trigger on each table (changed rows)
-- read it.  A row inserted or changed by hand,
-- outside an import, gets NULL.
--
-- History: an UPDATE of an event that changes anything but its provenance
-- columns, and a DELETE, keep the previous version in event_history with the
-- run that replaced it.  An update that changes nothing writes no history;
-- the loaders do not even write such a row.
--
-- Deletions: ACLED publishes the ids of the events it took back.
-- import_acled_deletions() marks them deleted (deleted_at, deleted_run): the
-- events are kept, and the bi_* views, events_near() and events_geojson()
-- leave them out.
--
-- event_changes(run_a, run_b): what the runs after run_a up to run_b did to
-- the events: added, changed (each column with its old and new value) or
-- deleted.

-- ---------------------------------------------------------------------------
-- Provenance

ALTER TABLE @extschema@.events
  ADD CONSTRAINT events_created_run_fkey FOREIGN KEY (created_run) REFERENCES @extschema@.import_runs (id) ON DELETE SET NULL,
  ADD CONSTRAINT events_changed_run_fkey FOREIGN KEY (changed_run) REFERENCES @extschema@.import_runs (id) ON DELETE SET NULL,
  ADD CONSTRAINT events_deleted_run_fkey FOREIGN KEY (deleted_run) REFERENCES @extschema@.import_runs (id) ON DELETE SET NULL;
ALTER TABLE @extschema@.places
  ADD CONSTRAINT places_created_run_fkey FOREIGN KEY (created_run) REFERENCES @extschema@.import_runs (id) ON DELETE SET NULL,
  ADD CONSTRAINT places_changed_run_fkey FOREIGN KEY (changed_run) REFERENCES @extschema@.import_runs (id) ON DELETE SET NULL;
ALTER TABLE @extschema@.actors
  ADD CONSTRAINT actors_created_run_fkey FOREIGN KEY (created_run) REFERENCES @extschema@.import_runs (id) ON DELETE SET NULL,
  ADD CONSTRAINT actors_changed_run_fkey FOREIGN KEY (changed_run) REFERENCES @extschema@.import_runs (id) ON DELETE SET NULL;
-- The digest of the staged row that last stored an event without a caveat
-- (loader_batch_same, 326_loaders_batch.sql): a re-import of that very row is
-- unchanged without being parsed again.  Not part of the event's versions.
ALTER TABLE @extschema@.events ADD COLUMN load_digest uuid;
COMMENT ON COLUMN @extschema@.events.load_digest IS
  'The digest (loader_row_digest, 128 bits) of the staged row (with the extension''s version) that last stored this event without a caveat a new load of it would repeat, set by import_acled, import_ucdp_ged, import_gdelt_events, import_gtd and import_scad: a re-import of the identical row counts as unchanged without being parsed or compared again; NULL for events entered by hand or loaded with such a caveat (those are compared in full)';
CREATE INDEX events_created_run_idx ON @extschema@.events (created_run);
CREATE INDEX events_changed_run_idx ON @extschema@.events (changed_run);
CREATE INDEX events_deleted_run_idx ON @extschema@.events (deleted_run) WHERE deleted_run IS NOT NULL;  -- (live events: NULL)
CREATE INDEX places_created_run_idx ON @extschema@.places (created_run);
CREATE INDEX places_changed_run_idx ON @extschema@.places (changed_run);
CREATE INDEX actors_created_run_idx ON @extschema@.actors (created_run);
CREATE INDEX actors_changed_run_idx ON @extschema@.actors (changed_run);

-- The import run this transaction is in, or NULL.
CREATE FUNCTION @extschema@.current_import_run() RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.current_setting('sahel_news.import_run', true) ~ '^[0-9]+$'
            THEN pg_catalog.current_setting('sahel_news.import_run', true)::bigint END;
COMMENT ON FUNCTION @extschema@.current_import_run() IS
  'The import_runs id of the import this transaction is running (the setting sahel_news.import_run, set when the run''s row is inserted and cleared when it is closed), or NULL outside an import.';

CREATE FUNCTION @extschema@.import_run_opened() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM set_config('sahel_news.import_run', NEW.id::text, true);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.import_run_opened() IS
  'Trigger function: a new import_runs row makes its id the transaction''s current import run (sahel_news.import_run), which the provenance triggers read.';
CREATE TRIGGER import_run_opened AFTER INSERT ON @extschema@.import_runs
  FOR EACH ROW EXECUTE FUNCTION @extschema@.import_run_opened();

-- A new row takes the current run as created_run and changed_run (column
-- defaults: cheaper than a trigger, and a restore's explicit values win); a
-- changed row takes it as changed_run (a trigger).
ALTER TABLE @extschema@.events
  ALTER COLUMN created_run SET DEFAULT @extschema@.current_import_run(),
  ALTER COLUMN changed_run SET DEFAULT @extschema@.current_import_run();
ALTER TABLE @extschema@.places
  ALTER COLUMN created_run SET DEFAULT @extschema@.current_import_run(),
  ALTER COLUMN changed_run SET DEFAULT @extschema@.current_import_run();
ALTER TABLE @extschema@.actors
  ALTER COLUMN created_run SET DEFAULT @extschema@.current_import_run(),
  ALTER COLUMN changed_run SET DEFAULT @extschema@.current_import_run();

-- Whether an update changed a row beyond its provenance columns (the rows
-- compared with those set aside; an update of them alone, such as a run
-- deleted and its id set to NULL, is no change).
CREATE FUNCTION @extschema@.provenance_changed(o record, n record) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  o.created_run := NULL;
  o.changed_run := NULL;
  n.created_run := NULL;
  n.changed_run := NULL;
  RETURN o IS DISTINCT FROM n;
END
$$;
COMMENT ON FUNCTION @extschema@.provenance_changed(record, record) IS
  'Whether the new version of an events, places or actors row differs from the old one in anything but created_run and changed_run (internal to the provenance triggers).';

CREATE FUNCTION @extschema@.provenance_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.changed_run IS NOT DISTINCT FROM OLD.changed_run AND @extschema@.provenance_changed(OLD, NEW) THEN
    NEW.changed_run := @extschema@.current_import_run();
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.provenance_stamp() IS
  'Trigger function: a changed row gets the current import run (NULL outside an import) as changed_run, unless the update sets changed_run itself; an update of the provenance columns alone changes nothing.';
CREATE TRIGGER provenance BEFORE UPDATE ON @extschema@.events
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION @extschema@.provenance_stamp();
CREATE TRIGGER provenance BEFORE UPDATE ON @extschema@.places
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION @extschema@.provenance_stamp();
CREATE TRIGGER provenance BEFORE UPDATE ON @extschema@.actors
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION @extschema@.provenance_stamp();
COMMENT ON TRIGGER provenance ON @extschema@.events IS 'stamps changed_run with the current import run when the event changes';
COMMENT ON TRIGGER provenance ON @extschema@.places IS 'stamps changed_run with the current import run when the place changes';
COMMENT ON TRIGGER provenance ON @extschema@.actors IS 'stamps changed_run with the current import run when the actor changes';

-- ---------------------------------------------------------------------------
-- History

CREATE TABLE @extschema@.event_history (
  id           bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.event_history_id_seq) PRIMARY KEY,
  event_id     bigint NOT NULL,
  dataset      text,
  external_id  text,
  operation    text NOT NULL CHECK (operation IN ('update', 'delete')),
  version      jsonb NOT NULL,
  replaced_run bigint REFERENCES @extschema@.import_runs (id) ON DELETE SET NULL,
  replaced_at  timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE INDEX event_history_event_idx ON @extschema@.event_history (event_id, id);
CREATE INDEX event_history_external_idx ON @extschema@.event_history (dataset, external_id);
CREATE INDEX event_history_run_idx ON @extschema@.event_history (replaced_run);
COMMENT ON TABLE @extschema@.event_history IS
  'Every earlier version of an event: the row as it was before an UPDATE that changed it (anything but its provenance columns) or a DELETE, with the import run that replaced it.  The current version is the events row itself.';
COMMENT ON COLUMN @extschema@.event_history.id IS 'identifier, in the order the versions were replaced';
COMMENT ON COLUMN @extschema@.event_history.event_id IS 'the event (events.id; kept when the event itself was deleted)';
COMMENT ON COLUMN @extschema@.event_history.dataset IS 'the event''s dataset, as it was';
COMMENT ON COLUMN @extschema@.event_history.external_id IS 'the event''s id in its dataset, as it was';
COMMENT ON COLUMN @extschema@.event_history.operation IS 'update (the event was changed) or delete (the row was removed from events)';
COMMENT ON COLUMN @extschema@.event_history.version IS 'the events row as it was, column name to value (jsonb_populate_record(NULL::sahel_news.events, version) gives it back as a row); its changed_run is the run that made this version; an update version also holds the event''s actors as they were (key actors: event_actors_version())';
COMMENT ON COLUMN @extschema@.event_history.replaced_run IS 'the import run that changed or deleted it; NULL when done outside an import';
COMMENT ON COLUMN @extschema@.event_history.replaced_at IS 'when it was replaced';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_history', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_history_id_seq', '');

-- The actors of an event as a version records them: its event_actor_names
-- rows (the names as the dataset wrote them, each with its role, actor and
-- CAMEO code), in the order of role and name.
CREATE FUNCTION @extschema@.event_actors_version(ev bigint) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('role', r.role, 'name', r.name, 'actor_id', r.actor_id, 'code', r.code)
                            ORDER BY r.role, r.name), '[]')
  FROM @extschema@.event_actor_names r WHERE r.event_id = ev
$$;
COMMENT ON FUNCTION @extschema@.event_actors_version(bigint) IS
  'The actors of an event as event_history.version and event_changes() record them: a jsonb array of its event_actor_names rows (role, name, actor_id, code), ordered by role and name; [] when it has none.';

-- SECURITY DEFINER: whoever may change an event (an editor, a loader) gets
-- its history kept, without the right to write event_history itself.
-- An update version also records the event's actors as they were (the
-- loaders bring event_actors and event_actor_names in line after the events
-- row).  A load that changes only an event's actors stamps the row with its
-- run (changed_run, nothing else): that update keeps the version too, so an
-- edit of the actors alone has its history and its run.
CREATE FUNCTION @extschema@.event_history_keep() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  run bigint := @extschema@.current_import_run();
  history text;
  names text;
  actors jsonb;
BEGIN
  IF TG_TABLE_NAME <> 'events' THEN
    -- a shard of events on a Citus worker, which does not know the
    -- coordinator's import run: an update in a run is one that sets
    -- changed_run (the loaders give it as a value), else none
    run := CASE WHEN TG_OP = 'UPDATE' AND NEW.changed_run IS DISTINCT FROM OLD.changed_run THEN NEW.changed_run END;
  END IF;
  IF TG_OP = 'UPDATE' AND NOT @extschema@.provenance_changed(OLD, NEW)
     AND NOT (NEW.changed_run IS DISTINCT FROM OLD.changed_run AND NEW.changed_run = run) THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'events' THEN
    INSERT INTO @extschema@.event_history (event_id, dataset, external_id, operation, version, replaced_run)
    VALUES (OLD.id, OLD.dataset, OLD.external_id, lower(TG_OP),
            CASE WHEN TG_OP = 'UPDATE'
                 THEN (to_jsonb(OLD) - 'load_digest') || jsonb_build_object('actors', @extschema@.event_actors_version(OLD.id))
                 ELSE to_jsonb(OLD) - 'load_digest' END,
            run);
  ELSE
    -- a shard of events on a Citus worker (citus_distribute()): no query on
    -- a distributed table may run from a shard, so the actors are read from
    -- the colocated shard of event_actor_names (as event_actors_version()
    -- reads them) and the version goes to the colocated shard of
    -- event_history, both on this node
    EXECUTE 'SELECT pg_catalog.shard_name($1, pg_catalog.get_shard_id_for_distribution_column($1, $3)), '
            'pg_catalog.shard_name($2, pg_catalog.get_shard_id_for_distribution_column($2, $3))'
      INTO history, names USING '@extschema@.event_history'::regclass, '@extschema@.event_actor_names'::regclass, OLD.id;
    IF TG_OP = 'UPDATE' THEN
      EXECUTE format('SELECT coalesce(jsonb_agg(jsonb_build_object(''role'', r.role, ''name'', r.name, '
                     '''actor_id'', r.actor_id, ''code'', r.code) ORDER BY r.role, r.name), ''[]'') '
                     'FROM %s r WHERE r.event_id = $1', names)
        INTO actors USING OLD.id;
    END IF;
    EXECUTE format('INSERT INTO %s (id, event_id, dataset, external_id, operation, version, replaced_run) '
                   'VALUES (nextval(%L), $1, $2, $3, $4, $5, $6)', history, '@extschema@.event_history_id_seq')
      USING OLD.id, OLD.dataset, OLD.external_id, lower(TG_OP),
            CASE WHEN TG_OP = 'UPDATE' THEN (to_jsonb(OLD) - 'load_digest') || jsonb_build_object('actors', actors)
                 ELSE to_jsonb(OLD) - 'load_digest' END,
            run;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.event_history_keep() IS
  'Trigger function: keeps the previous version of an event in event_history when an UPDATE changes it (beyond its provenance columns, or when an import run stamps it as changed by that run alone: its actors changed) or a DELETE removes it, with the current import run; an update version holds the actors as they were (key actors); on a shard of events (Citus, citus_distribute()) it reads and writes the colocated shards of event_actor_names and event_history.';
CREATE TRIGGER event_history AFTER UPDATE ON @extschema@.events
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION @extschema@.event_history_keep();
CREATE TRIGGER event_history_delete AFTER DELETE ON @extschema@.events
  FOR EACH ROW EXECUTE FUNCTION @extschema@.event_history_keep();
COMMENT ON TRIGGER event_history ON @extschema@.events IS 'keeps the version an UPDATE replaced in event_history';
COMMENT ON TRIGGER event_history_delete ON @extschema@.events IS 'keeps the version a DELETE removed in event_history';
COMMENT ON TRIGGER import_run_opened ON @extschema@.import_runs IS 'makes a new run the transaction''s current import run';

-- ---------------------------------------------------------------------------
-- What changed between two runs

CREATE FUNCTION @extschema@.event_changes(run_a bigint, run_b bigint)
RETURNS TABLE (event_id bigint, dataset text, external_id text, change text, field text,
               old_value text, new_value text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  touched bigint[];
BEGIN
  IF run_a IS NULL OR run_b IS NULL OR run_b < run_a THEN
    RAISE EXCEPTION 'event_changes() needs two import runs, the earlier first, not % and %',
                    coalesce(run_a::text, 'NULL'), coalesce(run_b::text, 'NULL')
      USING ERRCODE = '22023', HINT = 'SELECT id, dataset, started_at FROM sahel_news.import_runs ORDER BY id lists them.';
  END IF;
  -- the events a run in (run_a, run_b] made a version of
  SELECT array_agg(DISTINCT t.ev) INTO touched
  FROM (SELECT e.id AS ev FROM @extschema@.events e WHERE e.changed_run > run_a AND e.changed_run <= run_b
        UNION ALL
        SELECT h.event_id FROM @extschema@.event_history h
        WHERE (h.replaced_run > run_a AND h.replaced_run <= run_b)
           OR ((h.version->>'changed_run')::bigint > run_a AND (h.version->>'changed_run')::bigint <= run_b)) t;
  IF touched IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
  WITH made AS (
    -- every version of those events, in the order they were made: the
    -- replaced ones, the current one, and "gone" after a DELETE
    SELECT h.event_id AS ev, 2 * h.id AS seq, (h.version->>'changed_run')::bigint AS made_by, h.version AS v
    FROM @extschema@.event_history h WHERE h.event_id = ANY (touched)
    UNION ALL
    SELECT h.event_id, 2 * h.id + 1, h.replaced_run, NULL::jsonb
    FROM @extschema@.event_history h WHERE h.event_id = ANY (touched) AND h.operation = 'delete'
    UNION ALL
    SELECT e.id, 9223372036854775807, e.changed_run,
           to_jsonb(e) || jsonb_build_object('actors', @extschema@.event_actors_version(e.id))
    FROM @extschema@.events e WHERE e.id = ANY (touched)
  ),
  versions AS (
    -- a version made outside a run counts from the last run before it (0
    -- when none): an event entered by hand was there before any later run
    SELECT m.ev, m.seq, m.v, coalesce(m.made_by, max(m.made_by) OVER (PARTITION BY m.ev ORDER BY m.seq), 0) AS at_run
    FROM made m
  ),
  states AS (
    SELECT t.ev, a.v AS o, b.v AS n
    FROM unnest(touched) AS t(ev)
    LEFT JOIN (SELECT DISTINCT ON (x.ev) x.ev, x.v FROM versions x WHERE x.at_run <= run_a ORDER BY x.ev, x.seq DESC) a
      ON a.ev = t.ev
    LEFT JOIN (SELECT DISTINCT ON (x.ev) x.ev, x.v FROM versions x WHERE x.at_run <= run_b ORDER BY x.ev, x.seq DESC) b
      ON b.ev = t.ev
  ),
  kinds AS (
    SELECT s.ev, s.o, s.n,
           CASE WHEN (s.n IS NULL OR s.n->>'deleted_at' IS NOT NULL) AND s.o IS NOT NULL AND s.o->>'deleted_at' IS NULL
                THEN 'deleted'
                WHEN (s.o IS NULL OR s.o->>'deleted_at' IS NOT NULL) AND s.n IS NOT NULL AND s.n->>'deleted_at' IS NULL
                THEN 'added'
                WHEN s.o IS NOT NULL AND s.n IS NOT NULL THEN 'changed' END AS change
    FROM states s
  )
  SELECT k.ev, coalesce(k.n, k.o)->>'dataset', coalesce(k.n, k.o)->>'external_id', k.change, NULL::text, NULL::text, NULL::text
  FROM kinds k WHERE k.change IN ('added', 'deleted')
  UNION ALL
  SELECT k.ev, k.n->>'dataset', k.n->>'external_id', 'changed', f.key, k.o->>f.key, k.n->>f.key
  FROM kinds k
  CROSS JOIN LATERAL (SELECT j.key FROM jsonb_object_keys(k.o || k.n) j(key)
                      WHERE j.key NOT IN ('created_run', 'changed_run', 'deleted_at', 'deleted_run', 'load_digest')
                        AND (k.o->j.key) IS DISTINCT FROM (k.n->j.key)
                        -- the actors where both versions record them (a
                        -- deletion's version and those kept before did not)
                        AND (j.key <> 'actors' OR (k.o ? 'actors' AND k.n ? 'actors'))) f
  WHERE k.change = 'changed'
  ORDER BY 1, 4, 5;
END
$$;
COMMENT ON FUNCTION @extschema@.event_changes(bigint, bigint) IS
  'What the import runs after run_a, up to and including run_b, did to the events: one row per event added or deleted (marked deleted, or removed), and one row per column of an event changed, with its value after run_a and after run_b (as text); field actors when its actors changed (event_actors_version(), where both versions record them).  Changes made outside an import run are not reported as changes; they count as made after the run before them.';

-- ---------------------------------------------------------------------------
-- ACLED's deleted events

CREATE UNLOGGED TABLE @extschema@.acled_deletions_raw (
  event_id_cnty text,
  deleted_timestamp text
);
COMMENT ON TABLE @extschema@.acled_deletions_raw IS
  'ACLED''s list of deleted events as downloaded (event_id_cnty, deleted_timestamp: Unix seconds).  Load with \copy ... WITH (FORMAT csv, HEADER true), then SELECT * FROM sahel_news.import_acled_deletions().';
COMMENT ON COLUMN @extschema@.acled_deletions_raw.event_id_cnty IS 'the deleted event''s ACLED id, as text';
COMMENT ON COLUMN @extschema@.acled_deletions_raw.deleted_timestamp IS 'when ACLED deleted it: Unix seconds (or a date, YYYY-MM-DD), as text';

-- When ACLED deleted an event: Unix seconds, or a date or timestamp.
CREATE FUNCTION @extschema@.loader_timestamp(v text) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t text := btrim(v);
  d date;
BEGIN
  IF t ~ '^[0-9]{1,11}(\.0+)?$' THEN
    RETURN to_timestamp(split_part(t, '.', 1)::bigint);
  END IF;
  d := @extschema@.loader_date(t);
  IF d IS NOT NULL THEN
    RETURN d::timestamp AT TIME ZONE 'UTC';
  END IF;
  IF t ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$'
     AND @extschema@.loader_date(left(t, 10)) IS NOT NULL AND substr(t, 12, 2)::integer < 24
     AND substr(t, 15, 2)::integer < 60 AND (length(t) < 19 OR substr(t, 17, 1) <> ':' OR substr(t, 18, 2)::integer < 60) THEN
    RETURN CASE WHEN t ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' THEN t::timestamptz
                ELSE t::timestamp AT TIME ZONE 'UTC' END;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_timestamp(text) IS
  'A staged time read as a timestamptz: Unix seconds (ACLED''s timestamp columns), a date (midnight UTC) or an ISO 8601 date and time (UTC unless an offset is given); NULL for anything else, never an error.';

CREATE FUNCTION @extschema@.import_acled_deletions(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  n record;
  ids bigint[];
  ats timestamptz[];
BEGIN
  st := @extschema@.loader_start('acled_deletions', 'import_acled_deletions', '@extschema@.acled_deletions_raw', progress_every);
  PERFORM @extschema@.loader_check_layout(
    st.total = 0 OR EXISTS (SELECT 1 FROM @extschema@.acled_deletions_raw t
                            WHERE (t.event_id_cnty ~ '^\s*([A-Za-z]{2,4}[0-9]+|[0-9]+[A-Za-z]{2,4})\s*$'
                                   AND @extschema@.loader_timestamp(t.deleted_timestamp) IS NOT NULL)
                               OR t.event_id_cnty = 'event_id_cnty'),
    'ACLED''s deleted events', 'acled_deletions_raw',
    (SELECT left(concat_ws(', ', t.event_id_cnty, t.deleted_timestamp), 80) FROM @extschema@.acled_deletions_raw t LIMIT 1),
    'an ACLED event id such as MLI6442 and a deletion time (Unix seconds)');
  st.run := @extschema@.loader_begin('acled_deletions');

  -- the events named, found by their key (loader_event_ids: on Citus
  -- through event_keys), and when each was marked deleted: read in
  -- statements of their own, and passed on as arrays (Citus joins no table
  -- of PostgreSQL's to a table of its own in one statement)
  CREATE TEMP TABLE sn_deletion_events ON COMMIT DROP AS
  SELECT k.external_id AS ext, k.event_id AS id, NULL::timestamptz AS was_deleted
  FROM @extschema@.loader_event_ids('acled', ARRAY(SELECT DISTINCT @extschema@.loader_value(t.event_id_cnty)
                                                    FROM @extschema@.acled_deletions_raw t)) k;
  ids := ARRAY(SELECT d.id FROM pg_temp.sn_deletion_events d);
  SELECT array_agg(e.id), array_agg(e.deleted_at) INTO ids, ats
  FROM @extschema@.events e WHERE e.id = ANY (ids);
  UPDATE pg_temp.sn_deletion_events d SET was_deleted = u.at FROM unnest(ids, ats) AS u(id, at) WHERE u.id = d.id;

  CREATE TEMP TABLE sn_deletions ON COMMIT DROP AS
  SELECT r.rec, r.raw, v.ext, v.at, e.id AS event_id, e.was_deleted,
         CASE WHEN v.header OR (v.ext IS NOT NULL AND r.winner <> r.rec) THEN 'skipped'
              WHEN v.ext IS NULL OR v.at IS NULL THEN 'rejected'
              WHEN e.id IS NULL THEN 'skipped' END AS action,
         CASE WHEN v.header THEN 'the file''s header line (copy with HEADER true)'
              WHEN v.ext IS NOT NULL AND r.winner <> r.rec AND r.raw = r.winner_raw THEN format('exact duplicate of record %s', r.winner)
              WHEN v.ext IS NOT NULL AND r.winner <> r.rec THEN format('superseded by record %s, a deletion of the same event at a later time', r.winner)
              WHEN v.ext IS NULL THEN 'event_id_cnty is missing'
              WHEN v.at IS NULL THEN format('deleted_timestamp %L is not a time (Unix seconds or a date)', r.deleted_timestamp)
              WHEN e.id IS NULL THEN 'no ACLED event with this id is loaded: nothing to delete' END AS reason
  FROM (SELECT s.*, first_value(s.rec) OVER w AS winner, first_value(s.raw) OVER w AS winner_raw
        FROM (SELECT row_number() OVER (ORDER BY t.ctid) AS rec, to_jsonb(t) AS raw, t.*
              FROM @extschema@.acled_deletions_raw t) s
        WINDOW w AS (PARTITION BY btrim(s.event_id_cnty)
                     ORDER BY @extschema@.loader_timestamp(s.deleted_timestamp) DESC NULLS LAST, s.rec DESC)) r
  CROSS JOIN LATERAL (SELECT @extschema@.loader_value(r.event_id_cnty) AS ext,
                             r.event_id_cnty = 'event_id_cnty' AND r.deleted_timestamp = 'deleted_timestamp' AS header,
                             @extschema@.loader_timestamp(r.deleted_timestamp) AS at) v
  LEFT JOIN pg_temp.sn_deletion_events e ON e.ext = v.ext;

  INSERT INTO @extschema@.import_issues (run_id, dataset, record, external_id, action, reason, raw)
  SELECT st.run, st.dataset, d.rec, d.ext, d.action, d.reason, d.raw
  FROM pg_temp.sn_deletions d WHERE d.action IS NOT NULL ORDER BY d.rec;
  -- the deletion: kept, marked (a deletion already recorded at the same
  -- time changes nothing); changed_run given as a value, the run on one node
  -- as on Citus, where the shards do not know it
  UPDATE @extschema@.events e SET deleted_at = d.at, deleted_run = st.run, changed_run = st.run
  FROM pg_temp.sn_deletions d
  WHERE d.action IS NULL AND e.id = d.event_id AND e.deleted_at IS DISTINCT FROM d.at;

  SELECT count(*) AS rows_read,
         count(*) FILTER (WHERE d.action IS NULL AND d.was_deleted IS NULL) AS imported,
         count(*) FILTER (WHERE d.action IS NULL AND d.was_deleted IS NOT NULL AND d.was_deleted <> d.at) AS updated,
         count(*) FILTER (WHERE d.action IS NULL AND d.was_deleted = d.at) AS unchanged,
         count(*) FILTER (WHERE d.action = 'skipped') AS skipped,
         count(*) FILTER (WHERE d.action = 'rejected') AS flagged
  INTO n FROM pg_temp.sn_deletions d;
  DROP TABLE pg_temp.sn_deletions, pg_temp.sn_deletion_events;
  st.rows_read := n.rows_read;
  st.imported := n.imported;
  st.updated := n.updated;
  st.skipped := n.skipped;
  st.flagged := n.flagged;
  st.unchanged := n.unchanged;
  RETURN @extschema@.loader_end(st, '@extschema@.acled_deletions_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_acled_deletions(integer) IS
  'Reads ACLED''s deleted events staged in acled_deletions_raw and marks those events deleted (deleted_at from deleted_timestamp, deleted_run this run): they stay in events, out of the bi_* views, events_near() and events_geojson().  imported counts events newly marked, updated those whose deletion time changed, unchanged those already marked at that time; ids of events not loaded are skipped, rows without an id or a readable time rejected (all listed in import_issues).  Empties acled_deletions_raw and returns the import_runs row.';
