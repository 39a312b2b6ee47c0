-- extension/sql/920_citus.sql
-- The data model on a Citus cluster: citus_distribute(), run once on the
-- coordinator after CREATE EXTENSION citus and CREATE EXTENSION sahel_news,
-- makes the gazetteer, the lookups, deployments and figures reference tables
-- and distributes events and what hangs off each event by the event's id
-- (docs/reference/citus.md says why, and what changes on Citus).
--
-- Nothing here changes a single-node install: the tables keep their keys,
-- guards and triggers until citus_distribute() is called, and the function
-- refuses to run where Citus is not.

-- Whether citus_distribute() has distributed the model (the loaders ask).
CREATE FUNCTION @extschema@.model_distributed() RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  distributed boolean := false;
BEGIN
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
    EXECUTE 'SELECT EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1)'
      INTO distributed USING '@extschema@.events'::regclass;
  END IF;
  RETURN distributed;
END
$$;
COMMENT ON FUNCTION @extschema@.model_distributed() IS
  'Whether the model runs distributed on Citus (citus_distribute() has made events a distributed table); false on one node.';

-- A setting of the transaction (SET LOCAL) that the triggers read, made on
-- every node: on one node set_config(name, value, true); on the distributed
-- model Citus is also told to pass it on (citus.propagate_set_commands =
-- 'local', for this statement alone), so that the shards on the workers,
-- written over the coordinator's connections, see it too: the current import
-- run the provenance triggers stamp (sahel_news.import_run), the guard on
-- shipped rows lifted by a loader that links them
-- (sahel_news.allow_sample_changes).  Citus passes on a SET LOCAL run in a
-- DO block (a command of a transaction of several statements), not
-- set_config().
CREATE FUNCTION @extschema@.model_set_local(name text, value text) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  propagate text;
BEGIN
  IF name IS NULL OR name !~ '^sahel_news\.[a-z_]+$' THEN
    RAISE EXCEPTION 'model_set_local() sets settings of sahel_news only, not %', coalesce(name, 'NULL')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_catalog.set_config(name, coalesce(value, ''), true);
  IF @extschema@.model_distributed() THEN
    propagate := pg_catalog.current_setting('citus.propagate_set_commands');
    PERFORM pg_catalog.set_config('citus.propagate_set_commands', 'local', true);
    EXECUTE format('DO %L', format('BEGIN SET LOCAL %s = %L; END', name, coalesce(value, '')));
    PERFORM pg_catalog.set_config('citus.propagate_set_commands', propagate, true);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.model_set_local(text, text) IS
  'Sets a setting of sahel_news for the rest of the transaction (as set_config(name, value, true)), on the distributed model also in the transaction''s connections to the workers (a SET LOCAL Citus passes on), so that triggers on the shards read the same value (internal: the loaders'' current import run, the guard on shipped rows).';

-- On a shard of events (citus_distribute()): what event_links_forget does
-- on one node for a deleted event, as far as it lies on this node: its rows
-- of event_match_state, incidents and event_links (the colocated shards of
-- the event's id).  No query on a distributed table may run from a shard,
-- so the shards are named and written directly, as event_history_keep()
-- does.  The rows of other events that link to it (event_links.other_event_id)
-- lie on their own shards: the next link_events() drops them.
CREATE FUNCTION @extschema@.event_links_forget_shard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t text;
  shard text;
BEGIN
  FOREACH t IN ARRAY ARRAY['event_match_state', 'incidents', 'event_links'] LOOP
    EXECUTE 'SELECT pg_catalog.shard_name($1, pg_catalog.get_shard_id_for_distribution_column($1, $2))'
      INTO shard USING format('@extschema@.%I', t)::regclass, OLD.id;
    EXECUTE format('DELETE FROM %s x WHERE x.event_id = $1', shard) USING OLD.id;
  END LOOP;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.event_links_forget_shard() IS
  'Trigger function on the shards of events on Citus (citus_distribute() puts it in place of event_links_forget): removes the matching state, incident membership and links of a deleted event from the colocated shards on the same node; the links of other events to it go at the next link_events().';

CREATE FUNCTION @extschema@.citus_distribute()
RETURNS TABLE (relation regclass, distribution text, note text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
  s constant text := '@extschema@';
  -- small tables every query joins: a copy on every node
  reference_tables constant text[] := ARRAY[
    'acled_event_types', 'acled_sub_event_types', 'acled_actor_types', 'cameo_codes',
    'sources', 'import_runs', 'places', 'place_names', 'place_countries', 'place_geonames_links',
    'actors', 'actor_names', 'event_taxonomy_levels', 'event_taxonomy', 'matching_datasets',
    'deployments', 'figures', 'link_runs', 'event_link_reviews'];
  -- events and the tables keyed by an event, on the shard of their event
  event_tables constant text[][] := ARRAY[
    ['events', 'id'], ['event_actors', 'event_id'], ['event_actor_names', 'event_id'],
    ['event_links', 'event_id'], ['event_match_state', 'event_id'], ['incidents', 'event_id'],
    ['event_history', 'event_id']];
  -- large tables of their own: import_issues, and the keys of the events
  -- loaded from datasets (327_loaders_event_keys.sql), by the key's
  -- external id (their primary key holds it)
  other_tables constant text[][] := ARRAY[['import_issues', 'id'], ['event_keys', 'external_id']];
  -- triggers whose work is their own row (or a signal to the node they run
  -- on): kept, and run on every shard
  kept_triggers constant text[] := ARRAY[
    'shipped_rows_insert', 'shipped_rows_update', 'shipped_rows_delete', 'shipped_rows_truncate',
    'user_row_insert', 'user_row_update', 'import_run_opened',
    -- changed_run of a changed row: the current import run, which the
    -- loaders pass on to the workers (model_set_local()), NULL outside one
    'provenance',
    -- a shipped place's GeoNames identity: on each node's copy of
    -- place_geonames_links, written to that node's copy of places
    'place_geonames_link_apply',
    -- the history of events: on a shard, event_history_keep() writes to
    -- the colocated shard of event_history
    'event_history', 'event_history_delete',
    -- a verdict's rank on its own row (event_links_status() before the
    -- update touches nothing else; its after part is not put back)
    'event_links_status_before'];
  all_tables text[];
  t text;
  pair text[];
  r record;
  fkeys text[] := '{}';
  fkey_names text[] := '{}';
  triggers text[] := '{}';
  dropped_triggers text[] := '{}';
  worker_sql text := 'SET sahel_news.allow_sample_changes = on';
  is_coordinator boolean;
  i integer;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
    RAISE EXCEPTION 'citus_distribute() needs the Citus extension in this database'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = 'The extension "citus" is not installed in this database.',
            HINT = 'On a Citus coordinator run CREATE EXTENSION citus first (docs/reference/citus.md).';
  END IF;
  EXECUTE 'SELECT pg_catalog.citus_is_coordinator()' INTO is_coordinator;
  IF NOT is_coordinator THEN
    RAISE EXCEPTION 'citus_distribute() must run on the coordinator, not on a worker'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = 'This node is a worker of a Citus cluster.',
            HINT = 'Connect to the coordinator (the node of citus_set_coordinator_host()) and call it there.';
  END IF;
  IF EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = format('%I.events', s)::regclass) THEN
    RAISE EXCEPTION 'the tables of sahel_news are distributed already'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('%I.events is in Citus''s metadata (pg_dist_partition).', s);
  END IF;

  -- one connection per node: the tables refer to reference tables
  SET LOCAL citus.multi_shard_modify_mode = 'sequential';
  all_tables := reference_tables;
  FOR i IN 1 .. array_length(event_tables, 1) LOOP all_tables := all_tables || event_tables[i][1]; END LOOP;
  FOR i IN 1 .. array_length(other_tables, 1) LOOP all_tables := all_tables || other_tables[i][1]; END LOOP;

  -- 1. The foreign keys among the tables and their triggers are taken off
  -- (Citus distributes neither a table with triggers nor one a local table
  -- refers to) and remembered, to be put back once every table is Citus's.
  FOR r IN
    SELECT c.conrelid::regclass AS rel, c.conname, pg_catalog.pg_get_constraintdef(c.oid) AS def
    FROM pg_catalog.pg_constraint c
    WHERE c.contype = 'f' AND c.conrelid IN (SELECT format('%I.%I', s, x)::regclass FROM unnest(all_tables) x)
    ORDER BY c.conrelid, c.conname
  LOOP
    fkey_names := fkey_names || format('%s.%I', r.rel, r.conname);
    IF r.conname = 'events_related_event_id_fkey' THEN
      -- Citus keeps no foreign key between two distributed rows that need
      -- not be on one shard
      relation := r.rel; distribution := 'foreign key dropped'; note := r.conname || ': ' || r.def; RETURN NEXT;
    ELSE
      fkeys := fkeys || format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.rel, r.conname, r.def);
    END IF;
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, r.conname);
    worker_sql := worker_sql || format('; ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', r.rel, r.conname);
  END LOOP;
  FOR r IN
    SELECT g.tgrelid::regclass AS rel, c.relname, g.tgname, pg_catalog.pg_get_triggerdef(g.oid) AS def
    FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid
    WHERE NOT g.tgisinternal AND g.tgrelid IN (SELECT format('%I.%I', s, x)::regclass FROM unnest(all_tables) x)
    ORDER BY g.tgrelid, g.tgname
  LOOP
    IF r.tgname = 'event_links_forget' THEN
      -- on the shards, row by row, what lies on the shard's node
      -- (event_links_forget_shard(): the links of other events to the
      -- deleted one are dropped by the next link_events())
      triggers := triggers || format(
        'CREATE TRIGGER event_links_forget AFTER DELETE ON %s FOR EACH ROW EXECUTE FUNCTION %I.event_links_forget_shard()',
        r.rel, s);
      relation := r.rel; distribution := 'trigger changed'; note := 'event_links_forget: row by row on the shards (event_links_forget_shard)';
      RETURN NEXT;
    ELSIF r.tgname = 'annotate_invalidate' THEN
      -- Citus puts no trigger that fires on TRUNCATE on the shards: the
      -- signal of a row change runs on the shards (every node's sessions
      -- hear it), the one of a TRUNCATE on the coordinator's table
      triggers := triggers || format(
        'CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH STATEMENT EXECUTE FUNCTION %I.annotate_invalidate()',
        r.rel, s) || format(
        'CREATE TRIGGER annotate_invalidate_truncate AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION %I.annotate_invalidate()',
        r.rel, s);
    ELSIF r.tgname = ANY (kept_triggers) THEN
      triggers := triggers || r.def;
    ELSIF r.tgname LIKE 'annotate\_log\_%' THEN
      -- the log of names: each change asks for a full build, since the
      -- trigger runs on a shard where the delta's look-ups cannot
      triggers := triggers || format(
        'CREATE TRIGGER %I AFTER %s ON %s FOR EACH STATEMENT EXECUTE FUNCTION %I.annotate_names_log(%L)',
        r.tgname, upper(split_part(r.tgname, '_', 3)), r.rel, s, 'rebuild');
    ELSE
      dropped_triggers := dropped_triggers || format('%s %s', r.rel, r.tgname);
      relation := r.rel; distribution := 'trigger dropped'; note := r.tgname; RETURN NEXT;
    END IF;
    EXECUTE format('DROP TRIGGER %I ON %s', r.tgname, r.rel);
    worker_sql := worker_sql || format('; DROP TRIGGER IF EXISTS %I ON %s', r.tgname, r.rel);
  END LOOP;

  -- (The workers' own copies of the identity sequences are moved on at the
  -- end: citus_prepare_workers().)

  -- 2. The workers' own copies of the tables (CREATE EXTENSION ran there
  -- too) become the empty shells Citus expects: without their keys and
  -- triggers, and without the shipped rows, which from now on are read from
  -- the coordinator's rows on the shards.
  worker_sql := worker_sql || format('; TRUNCATE %s',
    (SELECT string_agg(format('%I.%I', s, x), ', ') FROM unnest(all_tables) x));
  FOR r IN EXECUTE 'SELECT nodename, nodeport, success, result FROM pg_catalog.run_command_on_workers($1)' USING
      'DO $w$ BEGIN ' || worker_sql || '; END $w$'
  LOOP
    IF NOT r.success THEN
      RAISE EXCEPTION 'cannot prepare the copy of sahel_news on worker %:%', r.nodename, r.nodeport
        USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = r.result;
    END IF;
  END LOOP;

  -- The key of every event loaded from a dataset, through which the
  -- loaders will find and claim events.
  EXECUTE format('DELETE FROM %1$I.event_keys; INSERT INTO %1$I.event_keys (dataset, external_id, event_id) '
                 'SELECT e.dataset, e.external_id, e.id FROM %1$I.events e '
                 'WHERE e.dataset IS NOT NULL AND e.external_id IS NOT NULL', s);

  -- 3. Unique keys of a distributed table must hold its distribution
  -- column; one that does not is kept as a plain index (on Citus the key
  -- is checked by the loaders' look-ups, see docs/reference/citus.md).
  FOREACH pair SLICE 1 IN ARRAY event_tables || other_tables LOOP
    FOR r IN
      SELECT x.indexrelid::regclass AS idx, x.indexrelid::regclass::text AS idxname, x.indrelid::regclass AS rel, co.conname,
             pg_catalog.pg_get_indexdef(x.indexrelid) AS def
      FROM pg_catalog.pg_index x
      LEFT JOIN pg_catalog.pg_constraint co ON co.conindid = x.indexrelid AND co.contype IN ('u', 'p')
      WHERE x.indrelid = format('%I.%I', s, pair[1])::regclass AND x.indisunique
        AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                        WHERE a.attrelid = x.indrelid AND a.attname = pair[2] AND a.attnum = ANY (x.indkey))
    LOOP
      IF r.conname IS NOT NULL THEN
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, r.conname);
      ELSE
        EXECUTE format('DROP INDEX %s', r.idx);
      END IF;
      EXECUTE regexp_replace(r.def, '^CREATE UNIQUE INDEX', 'CREATE INDEX');
      relation := r.rel; distribution := 'unique key kept as an index';
      note := pg_catalog.pg_get_indexdef(r.idxname::regclass); RETURN NEXT;
    END LOOP;
  END LOOP;

  -- 4. The tables become Citus's: reference tables first (the others refer
  -- to them), then events and its colocated tables, then the rest.
  FOREACH t IN ARRAY reference_tables LOOP
    PERFORM pg_catalog.create_reference_table(format('%I.%I', s, t)::regclass);
    relation := format('%I.%I', s, t)::regclass; distribution := 'reference'; note := NULL; RETURN NEXT;
  END LOOP;
  FOR i IN 1 .. array_length(event_tables, 1) LOOP
    PERFORM pg_catalog.create_distributed_table(format('%I.%I', s, event_tables[i][1])::regclass, event_tables[i][2],
                                                colocate_with => CASE WHEN i = 1 THEN 'default' ELSE format('%I.events', s) END);
    relation := format('%I.%I', s, event_tables[i][1])::regclass;
    distribution := 'distributed by ' || event_tables[i][2]; note := CASE WHEN i > 1 THEN 'colocated with events' END;
    RETURN NEXT;
  END LOOP;
  FOR i IN 1 .. array_length(other_tables, 1) LOOP
    PERFORM pg_catalog.create_distributed_table(format('%I.%I', s, other_tables[i][1])::regclass, other_tables[i][2],
                                                colocate_with => 'none');
    relation := format('%I.%I', s, other_tables[i][1])::regclass;
    distribution := 'distributed by ' || other_tables[i][2]; note := NULL; RETURN NEXT;
  END LOOP;
  -- the coordinator's own copies are emptied: the rows are on the shards
  FOREACH t IN ARRAY all_tables LOOP
    PERFORM pg_catalog.truncate_local_data_after_distributing_table(format('%I.%I', s, t)::regclass);
  END LOOP;

  -- 5. The keys and the triggers come back, on every shard.
  FOREACH t IN ARRAY fkeys LOOP EXECUTE t; END LOOP;
  SET LOCAL citus.enable_unsafe_triggers = on;
  FOREACH t IN ARRAY triggers LOOP EXECUTE t; END LOOP;
  -- 6. The workers' own identity sequences: ids of their own ranges.
  PERFORM @extschema@.citus_prepare_workers();
  RETURN;
END
$fn$;
REVOKE EXECUTE ON FUNCTION @extschema@.citus_distribute() FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.citus_distribute() IS
  'On a Citus coordinator (after CREATE EXTENSION citus and sahel_news): makes the gazetteer, the lookups, deployments and figures reference tables and distributes events, event_actors, event_actor_names, event_links, event_match_state, incidents and event_history by event id (colocated), import_issues by its id; the foreign keys and the guards of shipped rows come back on the shards; returns what it did to each table, the unique keys kept as plain indexes and the triggers that do not run on Citus (docs/reference/citus.md)';

-- A worker's own copies of the extension's identity sequences give ids from
-- (the node's group id) << 48 on, as Citus does for its own sequences: a row
-- inserted on a worker (a query run there, a trigger) never takes an id the
-- coordinator, or another worker, gives.  citus_distribute() does it for
-- the workers it finds; a worker added later (citus_add_node()) gets
-- CREATE EXTENSION sahel_news from Citus with sequences that start at 1,
-- and needs this call once (docs/reference/citus.md).  A sequence already
-- past its node's start is left alone: the call may be repeated.
CREATE FUNCTION @extschema@.citus_prepare_workers()
RETURNS TABLE (node text, first_id bigint, sequences integer)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
  seqs text[];
  worker_sql text;
  r record;
BEGIN
  IF NOT @extschema@.model_distributed() THEN
    RAISE EXCEPTION 'the tables of sahel_news are not distributed'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'Run SELECT * FROM sahel_news.citus_distribute() on the Citus coordinator first (docs/reference/citus.md).';
  END IF;
  seqs := ARRAY(
    SELECT pg_catalog.pg_get_serial_sequence(a.attrelid::regclass::text, a.attname)
    FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    WHERE a.attidentity <> '' AND c.relnamespace = '@extschema@'::regnamespace AND c.relkind = 'r'
    ORDER BY 1);
  worker_sql := format($w$DO $d$ DECLARE
      start bigint := (SELECT groupid FROM pg_catalog.pg_dist_local_group)::bigint << 48;
      seq text;
    BEGIN
      FOREACH seq IN ARRAY %L::text[] LOOP
        IF coalesce(pg_catalog.pg_sequence_last_value(seq::regclass), 0) < start THEN
          PERFORM pg_catalog.setval(seq, start, false);
        END IF;
      END LOOP;
    END $d$$w$, seqs);
  FOR r IN EXECUTE 'SELECT nodename, nodeport, success, result FROM pg_catalog.run_command_on_workers($1)' USING worker_sql LOOP
    IF NOT r.success THEN
      RAISE EXCEPTION 'cannot set the identity sequences of sahel_news on worker %:%', r.nodename, r.nodeport
        USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = r.result;
    END IF;
  END LOOP;
  FOR r IN EXECUTE 'SELECT nodename, nodeport, result FROM pg_catalog.run_command_on_workers($1) ORDER BY nodename, nodeport'
      USING 'SELECT (groupid::bigint << 48) FROM pg_catalog.pg_dist_local_group' LOOP
    node := format('%s:%s', r.nodename, r.nodeport); first_id := r.result::bigint; sequences := cardinality(seqs);
    RETURN NEXT;
  END LOOP;
END
$fn$;
REVOKE EXECUTE ON FUNCTION @extschema@.citus_prepare_workers() FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.citus_prepare_workers() IS
  'On the coordinator of a Citus cluster whose model citus_distribute() has distributed: sets each worker''s own copies of the extension''s identity sequences to give ids from the node''s group id shifted by 48 bits on (unless already past it), so that rows inserted on a worker never take ids of another node; run it once after adding a worker (citus_add_node); returns each worker with its first id (docs/reference/citus.md).';
