-- extension/sql/326_loaders_batch.sql — the one skeleton every event loader
-- runs on: the whole staged batch is parsed in one statement, then stored a
-- chunk at a time in a few set-based statements (internal to the loaders).
--
--   st := loader_start(...);  st.run := loader_begin(...);
--   PERFORM loader_batch_open();              -- the work tables, empty
--   PERFORM loader_batch_same('acled', 'sahel_news.acled_raw', 'event_id_cnty');
--                                              -- rows stored by the very same row: skipped
--   INSERT INTO pg_temp.loader_rows ...        -- the dataset's parse: one row
--   INSERT INTO pg_temp.loader_mentions ...    -- per staged row, actors named
--   PERFORM loader_batch_mark('sahel_news.acled_raw', superseded reason);
--   st := loader_store(st, 'sahel_news.acled_raw', 'events', the events columns it owns);
--   RETURN loader_end(st, 'sahel_news.acled_raw');
--
-- pg_temp.loader_rows holds one row per staged row: its position (rec), its
-- ctid in the staging table (the raw row is read back from there only for the
-- rows listed in import_issues), its external id, its status (ok, header,
-- duplicate, rejected; stored or failed once stored), the reason it was not
-- loaded, the caveats it was loaded with (notes), the place it names
-- (name, kind, country, point, radius, alias) and the event's columns.
-- pg_temp.loader_mentions holds the actors each row names, with the kind,
-- country, ACLED actor type and CAMEO code a new actor would get.
--
-- Places and actors are resolved for a whole chunk at once (320_loaders_resolve.sql);
-- events already stored are found by their key and updated where they differ,
-- new ones inserted with one INSERT ... SELECT; event_actors replaced in
-- bulk; import_issues written in bulk.  Should a chunk's statements fail
-- (a value no check foresaw), the chunk is stored again one row at a time,
-- each in a subtransaction, and the failing rows are rejected with the
-- error's message: no row is lost.

-- The work tables are updated several times per row: with the default 8 MB
-- of temp_buffers a batch of 100,000 rows spills them to disk over and over.
-- temp_buffers can only be raised before the session first touches a
-- temporary table; when it is too late, the load runs with what the session
-- has.
CREATE FUNCTION @extschema@.loader_temp_buffers() RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF current_setting('temp_buffers') <> '1GB' THEN
    BEGIN
      PERFORM set_config('temp_buffers', '1GB', true);
    EXCEPTION WHEN invalid_parameter_value THEN
      NULL;
    END;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_temp_buffers() IS
  'Raises temp_buffers to 1GB for the transaction, when the session has touched no temporary table yet (else leaves it), so that a load''s work tables stay in memory (internal to the loaders).';

-- A load's work tables are temporary tables dropped at commit; a second load
-- in the same transaction, or a step run again for the next chunk or pass,
-- finds the earlier ones and drops them first.  (DROP TABLE IF EXISTS would
-- say so in a NOTICE for each table that is not there.)
CREATE FUNCTION @extschema@.loader_drop_work_tables(VARIADIC names text[]) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY names LOOP
    IF to_regclass('pg_temp.' || quote_ident(t)) IS NOT NULL THEN
      EXECUTE format('DROP TABLE pg_temp.%I', t);
    END IF;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_drop_work_tables(text[]) IS
  'Drops each of the named temporary work tables that exists (in pg_temp), quietly: a load creates them afresh (internal to the loaders).';

CREATE FUNCTION @extschema@.loader_batch_open() RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM @extschema@.loader_temp_buffers();
  PERFORM @extschema@.loader_drop_work_tables('loader_rows', 'loader_mentions');
  CREATE TEMP TABLE loader_rows (
    rec bigint PRIMARY KEY,
    tid tid NOT NULL,
    ext text,
    dup_key text,
    dup_order bigint,
    status text NOT NULL DEFAULT 'ok',
    reason text,
    notes text[] NOT NULL DEFAULT '{}',
    place_name text,
    place_kind text,
    place_country @extschema@.country,
    place_at @extschema@.geopoint,
    place_radius float8,
    place_alias text,
    place_id bigint,
    occurred @extschema@.edtf,
    location @extschema@.geopoint,
    geo_precision smallint,
    location_precision_m float8,
    event_type text,
    sub_event_type text,
    cameo_code text,
    fatalities @extschema@.estimate,
    summary text,
    dataset_category text,
    admin1 text,
    admin2 text,
    admin3 text,
    event_id bigint,
    inserted boolean,
    changed boolean
  ) ON COMMIT DROP;
  CREATE TEMP TABLE loader_mentions (
    rec bigint NOT NULL,
    ord integer NOT NULL,
    role text NOT NULL,
    name text NOT NULL,
    kind text,
    country @extschema@.country,
    acled_inter smallint,
    cameo text,
    actor_id bigint
  ) ON COMMIT DROP;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_batch_open() IS
  'Creates the work tables of one import_* call, pg_temp.loader_rows (one row per staged row) and pg_temp.loader_mentions (the actors each row names), dropped at commit (internal to the loaders).';

-- Whether an event stored with these notes may carry its row's digest: when
-- it has none, or only notes about a place this very row created or gave its
-- point (loader_resolve_places), which the same row loaded again cannot
-- repeat (it then finds that place, by name and at its point).  Every other
-- caveat (a repaired name, a missing count, swapped coordinates, a place
-- taken among several) is found again in every load, so such a row is parsed
-- and flagged each time.
CREATE FUNCTION @extschema@.loader_digest_keeps(notes text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(notes) AS n(note)
                   WHERE n.note NOT LIKE 'new place % km away, more than % km'
                     AND n.note NOT LIKE 'place % had no location: given this row''s point %');
COMMENT ON FUNCTION @extschema@.loader_digest_keeps(text[]) IS
  'Whether an event stored with these notes keeps the digest of the staged row (events.load_digest): no notes, or only those about a place the row itself created or gave its point, which loading the same row again cannot repeat (internal to the loaders).';

-- Before the parse: the staged rows whose event was stored by the very same
-- row.  Each staged row gets a digest (loader_row_digest of the extension's
-- version and every column of the staging table) in pg_temp.loader_staged,
-- in the parse's record order, with its ctid (the event loaders' parses read
-- their record numbers from there, by ctid); a row whose external id appears once in the
-- batch and whose event (dataset, external id) carries that digest in
-- events.load_digest, and was not changed outside an import since
-- (changed_run set), is unchanged: same holds its event, and the parse, the
-- place and actor look-ups and the comparisons skip it.  events.load_digest
-- is written only for an event stored without a caveat that a new load of
-- the row would find again (loader_digest_keeps), so such a row is parsed
-- again and flagged again.  On Citus (events
-- distributed) nothing is skipped: every row is parsed and compared.
CREATE FUNCTION @extschema@.loader_batch_same(dataset text, staging regclass, ext_column text,
                                              ext_suffix_column text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  n bigint;
  version constant text := (SELECT x.extversion FROM pg_catalog.pg_extension x WHERE x.extname = 'sahel_news');
BEGIN
  PERFORM @extschema@.loader_drop_work_tables('loader_staged');
  -- the stored events are looked up only on one node, and when the dataset
  -- has any (not in a first load); on Citus the statement names no
  -- distributed table (it writes a temporary one)
  EXECUTE format($q$
    CREATE TEMP TABLE loader_staged ON COMMIT DROP AS
    SELECT k.rec, k.tid, k.digest, CASE WHEN k.n = 1 THEN %s END AS same
    FROM (SELECT d.rec, d.tid, d.digest, d.ext, count(*) OVER (PARTITION BY d.ext) AS n
          FROM (SELECT row_number() OVER (ORDER BY r.tid) AS rec, r.tid, r.digest, r.ext
                FROM (SELECT t.ctid AS tid, @extschema@.loader_row_digest($2, t) AS digest, %s AS ext
                      FROM %s t
                      OFFSET 0) r) d) k$q$,   -- (digested in the scan: the rows sorted are narrow)
    CASE WHEN NOT @extschema@.model_distributed()
              AND EXISTS (SELECT 1 FROM @extschema@.events e WHERE e.dataset = loader_batch_same.dataset)
         THEN '(SELECT e.id FROM @extschema@.events e
                WHERE e.dataset = $1 AND e.external_id = k.ext AND e.load_digest = k.digest
                  AND e.changed_run IS NOT NULL)'
         ELSE 'NULL::bigint' END,
    CASE WHEN ext_suffix_column IS NULL THEN format('@extschema@.loader_value(t.%I)', ext_column)
         ELSE format('@extschema@.loader_value(t.%1$I) || coalesce(''-'' || @extschema@.loader_value(t.%2$I), '''')',
                     ext_column, ext_suffix_column) END,
    staging)
    USING dataset, version;
  ALTER TABLE pg_temp.loader_staged ADD PRIMARY KEY (rec);
  SELECT count(*) INTO n FROM pg_temp.loader_staged WHERE same IS NOT NULL;
  RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_batch_same(text, regclass, text, text) IS
  'Before the parse of an event loader: the digest of every staged row (pg_temp.loader_staged, in record order) and, for a row whose external id (in ext_column, followed by a hyphen and ext_suffix_column''s value when that is given and has one: SCAD''s eventid-sublocal) appears once in the batch and whose stored event carries that digest in events.load_digest (changed by no one since, changed_run set), that event in same: the row is unchanged and is neither parsed nor compared.  Returns how many rows are so unchanged (internal to the loaders).';

-- After the parse: header lines, and rows that a later row with the same key
-- replaces (the winner: the highest dup_order, then the last row).  A row
-- already rejected by the parse is still a duplicate when a later row has
-- its key, as the row-by-row loaders had it.
CREATE FUNCTION @extschema@.loader_batch_mark(staging regclass, header_reason text, superseded text)
RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  CREATE UNIQUE INDEX ON pg_temp.loader_mentions (rec, ord);   -- a mention's key
  -- statistics of the columns the statements below filter and join on only:
  -- those of the texts (summary, notes, the event's columns) cost more than
  -- the rest of the statistics and steer no plan
  ANALYZE pg_temp.loader_rows (rec, ext, dup_key, status, place_name, place_kind, place_country, place_id);
  ANALYZE pg_temp.loader_mentions (rec, ord, name, actor_id);
  UPDATE pg_temp.loader_rows w
  SET status = 'duplicate', reason = d.winner::text
  FROM (SELECT r.rec, first_value(r.rec) OVER (PARTITION BY r.dup_key ORDER BY r.dup_order DESC NULLS LAST, r.rec DESC) AS winner
        FROM pg_temp.loader_rows r WHERE r.dup_key IS NOT NULL AND r.status <> 'header') d
  WHERE w.rec = d.rec AND d.winner <> d.rec;
  -- the reason of a duplicate: exact, or superseded (the caller's format,
  -- %1$s the winner's record, %2$s and %3$s filled from the two raw rows)
  EXECUTE format($q$
    UPDATE pg_temp.loader_rows w
    SET reason = CASE WHEN to_jsonb(a) = to_jsonb(b) THEN format('exact duplicate of record %%s', w.reason)
                      ELSE %s END
    FROM pg_temp.loader_rows v, %s a, %s b
    WHERE w.status = 'duplicate' AND v.rec = w.reason::bigint AND a.ctid = w.tid AND b.ctid = v.tid$q$,
    superseded, staging, staging);
  UPDATE pg_temp.loader_rows w SET reason = header_reason WHERE w.status = 'header';
END
$$;
COMMENT ON FUNCTION @extschema@.loader_batch_mark(regclass, text, text) IS
  'Marks header lines and the rows a later row with the same key replaces in pg_temp.loader_rows, with the reason each is skipped: an exact duplicate, or the caller''s superseded expression over the winner''s record w.reason and the two staged rows a (this one) and b (the winner) (internal to the loaders).';

-- The statements of a chunk that read the events, event_actors and
-- event_actor_names already stored go through their keys, one index look-up
-- per event of the chunk: joined as sets, the planner would read every event
-- (or every event_actors row) of the dataset once per chunk, and a load or
-- re-import of a million rows, fifty chunks, would turn quadratic.  Their
-- statistics may also be older than the load (taken when the tables were
-- small): these functions run with enable_seqscan off, as the look-ups of
-- 320_loaders_resolve.sql do.

-- The ok rows of records lo..hi whose event (dataset, external id) is
-- stored already: they get its id and are marked stored, not inserted and
-- (so far) unchanged, in one update of the work table; the others are
-- inserted.
CREATE FUNCTION @extschema@.loader_batch_known(dataset text, lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
BEGIN
  IF @extschema@.model_distributed() THEN   -- on Citus, through event_keys (327_loaders_event_keys.sql)
    PERFORM @extschema@.loader_keys_known(dataset, lo, hi);
    RETURN;
  END IF;
  UPDATE pg_temp.loader_rows w SET event_id = f.id, inserted = false, changed = false, status = 'stored'
  FROM (SELECT r.rec, (SELECT e.id FROM @extschema@.events e
                       WHERE e.dataset = loader_batch_known.dataset AND e.external_id = r.ext) AS id
        FROM pg_temp.loader_rows r
        WHERE r.rec BETWEEN lo AND hi AND r.status = 'ok'
        OFFSET 0) f   -- (kept a subquery: each row looks its event up by its key)
  WHERE w.rec = f.rec AND w.rec BETWEEN lo AND hi AND f.id IS NOT NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_batch_known(text, bigint, bigint) IS
  'Gives the ok rows of records lo..hi of pg_temp.loader_rows whose event (dataset, external id) is stored already that event''s id and marks them stored, not inserted, unchanged so far; each event looked up by its key (internal to the loaders).';

-- The rows of records lo..hi whose event was stored before this load
-- (loader_batch_known): the events whose owned columns differ are updated
-- (the provenance and history triggers fire for them) and their rows marked
-- changed; the others are left as they are.  Each event is reached by its id
-- (enable_seqscan off: see above).
CREATE FUNCTION @extschema@.loader_batch_update_known(lo bigint, hi bigint, owned text[]) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  update_set text := (SELECT string_agg(format('%1$I = w.%1$I', c), ', ') FROM unnest(owned) c);
  differs text := (SELECT format('(%s) IS DISTINCT FROM (%s)',
                                 string_agg(format('e.%I::text', c), ', '), string_agg(format('w.%I::text', c), ', '))
                   FROM unnest(owned) c);
BEGIN
  -- (changed_run given as a value: on Citus the shards do not know the run)
  -- (the digest of the row that stored it: loader_batch_same)
  EXECUTE format($q$
    WITH up AS (
      UPDATE @extschema@.events e SET %s, changed_run = $3,
        load_digest = CASE WHEN cardinality(w.notes) = 0 OR @extschema@.loader_digest_keeps(w.notes) THEN x.digest END
      FROM pg_temp.loader_rows w LEFT JOIN pg_temp.loader_staged x ON x.rec = w.rec
      WHERE w.rec BETWEEN $1 AND $2 AND w.status = 'stored' AND NOT w.inserted AND e.id = w.event_id AND %s
      RETURNING e.id)
    UPDATE pg_temp.loader_rows w SET changed = true
    FROM up WHERE w.event_id = up.id AND w.rec BETWEEN $1 AND $2 AND w.status = 'stored' AND NOT w.inserted$q$,
    update_set, differs) USING lo, hi, @extschema@.current_import_run();
END
$$;
COMMENT ON FUNCTION @extschema@.loader_batch_update_known(bigint, bigint, text[]) IS
  'Updates the stored events of the rows of records lo..hi of pg_temp.loader_rows that loader_batch_known found whose owned columns differ, and marks those rows changed (internal to the loaders).';

-- The events of the chunk lo..hi loaded before (pg_temp.loader_old_events): only
-- the event_actors and event_actor_names rows that differ from what the
-- chunk names (pg_temp.loader_event_actors) are deleted or inserted, and an
-- event whose rows differ counts as changed.
CREATE FUNCTION @extschema@.loader_batch_replace_actors(lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  stamped bigint[];
  run constant bigint := @extschema@.current_import_run();  -- a value: on Citus the shards do not know the run
  old_ids bigint[];
  gone_keys text[];
BEGIN
  -- the events whose row was left alone (unchanged) but whose actors differ: each
  -- is stamped with the run first (changed_run, nothing else), which keeps
  -- its version, the actors as they were, in event_history
  -- (event_history_keep, 370_loaders_history.sql)
  SELECT array_agg(o.event_id ORDER BY o.event_id) INTO stamped
  FROM pg_temp.loader_old_events o JOIN pg_temp.loader_rows w ON w.rec = o.rec
  WHERE w.rec BETWEEN lo AND hi AND NOT w.changed
    AND o.event_id IN (
      SELECT x.event_id FROM (
        (SELECT ea.event_id, ea.actor_id, ea.role FROM @extschema@.event_actors ea
         WHERE ea.event_id = ANY (ARRAY(SELECT u.event_id FROM pg_temp.loader_old_events u))
         EXCEPT
         SELECT a.event_id, a.actor_id, a.role FROM pg_temp.loader_event_actors a WHERE NOT a.inserted)
        UNION ALL
        (SELECT a.event_id, a.actor_id, a.role FROM pg_temp.loader_event_actors a WHERE NOT a.inserted
         EXCEPT
         SELECT ea.event_id, ea.actor_id, ea.role FROM @extschema@.event_actors ea
         WHERE ea.event_id = ANY (ARRAY(SELECT u.event_id FROM pg_temp.loader_old_events u)))) x
      UNION
      SELECT y.event_id FROM (
        (SELECT r.event_id, r.role, r.name, r.code, r.actor_id FROM @extschema@.event_actor_names r
         WHERE r.event_id = ANY (ARRAY(SELECT u.event_id FROM pg_temp.loader_old_events u))
         EXCEPT
         (SELECT DISTINCT ON (a.event_id, a.role, a.name) a.event_id, a.role, a.name, a.code, a.actor_id
          FROM pg_temp.loader_event_actors a WHERE NOT a.inserted
          ORDER BY a.event_id, a.role, a.name, a.ord))
        UNION ALL
        ((SELECT DISTINCT ON (a.event_id, a.role, a.name) a.event_id, a.role, a.name, a.code, a.actor_id
          FROM pg_temp.loader_event_actors a WHERE NOT a.inserted
          ORDER BY a.event_id, a.role, a.name, a.ord)
         EXCEPT
         SELECT r.event_id, r.role, r.name, r.code, r.actor_id FROM @extschema@.event_actor_names r
         WHERE r.event_id = ANY (ARRAY(SELECT u.event_id FROM pg_temp.loader_old_events u)))) y);
  IF stamped IS NOT NULL THEN
    -- (its digest, that of the row which stored the actors it had, goes:
    -- that row loaded again is no longer unchanged, loader_batch_same)
    UPDATE @extschema@.events e SET changed_run = run, load_digest = NULL
    WHERE e.id = ANY (stamped);
  END IF;
  -- the stored rows the chunk no longer names are chosen first, then deleted
  -- by their keys (on Citus a DELETE may not read a temporary table)
  old_ids := ARRAY(SELECT o.event_id FROM pg_temp.loader_old_events o);
  gone_keys := ARRAY(SELECT (ea.event_id::text || chr(31) || ea.actor_id::text || chr(31) || ea.role)
                     FROM @extschema@.event_actors ea WHERE ea.event_id = ANY (old_ids));
  gone_keys := ARRAY(SELECT k.k FROM unnest(gone_keys) AS k(k)
                     EXCEPT
                     SELECT (a.event_id::text || chr(31) || a.actor_id::text || chr(31) || a.role)
                     FROM pg_temp.loader_event_actors a WHERE NOT a.inserted);
  WITH gone AS (
    DELETE FROM @extschema@.event_actors ea
    WHERE ea.event_id = ANY (old_ids)
      AND (ea.event_id::text || chr(31) || ea.actor_id::text || chr(31) || ea.role) = ANY (gone_keys)
    RETURNING ea.event_id),
  added AS (
    INSERT INTO @extschema@.event_actors (event_id, actor_id, role)
    SELECT DISTINCT a.event_id, a.actor_id, a.role FROM pg_temp.loader_event_actors a WHERE NOT a.inserted
    ON CONFLICT DO NOTHING
    RETURNING event_id),
  touched AS (SELECT gone.event_id FROM gone UNION SELECT added.event_id FROM added)
  UPDATE pg_temp.loader_rows w SET changed = true
  FROM pg_temp.loader_old_events o JOIN touched t ON t.event_id = o.event_id
  WHERE w.rec = o.rec AND w.rec BETWEEN lo AND hi AND NOT w.changed;
  gone_keys := ARRAY(SELECT (r.event_id::text || chr(31) || r.role || chr(31) || r.name)
                     FROM @extschema@.event_actor_names r WHERE r.event_id = ANY (old_ids));
  gone_keys := ARRAY(SELECT k.k FROM unnest(gone_keys) AS k(k)
                     EXCEPT
                     SELECT (a.event_id::text || chr(31) || a.role || chr(31) || a.name)
                     FROM pg_temp.loader_event_actors a WHERE NOT a.inserted);
  WITH want AS (
    SELECT DISTINCT ON (a.event_id, a.role, a.name) a.event_id, a.role, a.name, a.code, a.actor_id
    FROM pg_temp.loader_event_actors a WHERE NOT a.inserted
    ORDER BY a.event_id, a.role, a.name, a.ord),
  gone AS (
    DELETE FROM @extschema@.event_actor_names r
    WHERE r.event_id = ANY (old_ids)
      AND (r.event_id::text || chr(31) || r.role || chr(31) || r.name) = ANY (gone_keys)
    RETURNING r.event_id),
  added AS (
    INSERT INTO @extschema@.event_actor_names AS r (event_id, role, name, code, actor_id)
    SELECT want.event_id, want.role, want.name, want.code, want.actor_id FROM want
    ON CONFLICT (event_id, role, name) DO UPDATE SET code = excluded.code, actor_id = excluded.actor_id
      WHERE (r.code, r.actor_id) IS DISTINCT FROM (excluded.code, excluded.actor_id)
    RETURNING r.event_id),
  touched AS (SELECT gone.event_id FROM gone UNION SELECT added.event_id FROM added)
  UPDATE pg_temp.loader_rows w SET changed = true
  FROM pg_temp.loader_old_events o JOIN touched t ON t.event_id = o.event_id
  WHERE w.rec = o.rec AND w.rec BETWEEN lo AND hi AND NOT w.changed;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_batch_replace_actors(bigint, bigint) IS
  'For the events of a chunk loaded before (pg_temp.loader_old_events), deletes the event_actors and event_actor_names rows the chunk no longer names and inserts or updates the ones it names (pg_temp.loader_event_actors, the chunk''s mentions of those events), reading the stored rows by event id, and marks the rows whose event so changed (internal to the loaders).';

-- Stores the ok rows of records lo..hi: places, actors, events, event_actors
-- and event_actor_names.
-- owned lists the events columns this dataset writes: an event already loaded
-- gets their new values, and is left alone when none differs (a re-import of
-- an unchanged file writes no event).
CREATE FUNCTION @extschema@.loader_batch_store_range(dataset text, lo bigint, hi bigint, owned text[])
RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM @extschema@.loader_resolve_places(lo, hi);
  PERFORM @extschema@.loader_resolve_actors(lo, hi);
  -- the events: those stored already are found by their key and updated
  -- where they differ; the others are new, inserted without ON CONFLICT
  -- (an upsert of new events cost about half as much again as the insert):
  -- the staging table's lock keeps another load of the dataset out, and
  -- should a row with one of these keys appear meanwhile, the chunk fails
  -- and is stored again row by row, finding it.
  PERFORM @extschema@.loader_batch_known(dataset, lo, hi);
  WITH ins AS (
    INSERT INTO @extschema@.events AS e
      (occurred, place_id, location, geo_precision, location_precision_m, event_type, sub_event_type,
       cameo_code, fatalities, summary, dataset_category, admin1, admin2, admin3, dataset, external_id, load_digest)
    SELECT w.occurred, w.place_id, w.location, w.geo_precision, w.location_precision_m, w.event_type,
           w.sub_event_type, w.cameo_code, w.fatalities, w.summary, w.dataset_category,
           w.admin1, w.admin2, w.admin3, loader_batch_store_range.dataset, w.ext,
           -- (a row without notes, most of them, keeps it without a call)
           CASE WHEN cardinality(w.notes) = 0 OR @extschema@.loader_digest_keeps(w.notes) THEN x.digest END
    FROM pg_temp.loader_rows w LEFT JOIN pg_temp.loader_staged x ON x.rec = w.rec
    WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.event_id IS NULL
    ORDER BY w.rec
    RETURNING e.id, e.external_id)
  UPDATE pg_temp.loader_rows w SET event_id = ins.id, inserted = true, changed = true, status = 'stored'
  FROM ins WHERE w.ext = ins.external_id AND w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.event_id IS NULL;
  IF @extschema@.model_distributed() THEN   -- on Citus, their keys claimed (327_loaders_event_keys.sql)
    PERFORM @extschema@.loader_keys_claim(dataset, lo, hi);
  END IF;
  PERFORM @extschema@.loader_batch_update_known(lo, hi, owned);
  -- the actors of the new events, and the names as the dataset wrote them:
  -- inserted straight from the chunk's rows and mentions, in the order of
  -- the primary key (the new events' ids ascend: each insertion lands on the
  -- index's last page)
  INSERT INTO @extschema@.event_actors (event_id, actor_id, role)
  SELECT DISTINCT w.event_id, m.actor_id, m.role
  FROM pg_temp.loader_rows w JOIN pg_temp.loader_mentions m ON m.rec = w.rec
  WHERE w.rec BETWEEN lo AND hi AND m.rec BETWEEN lo AND hi AND w.status = 'stored' AND w.inserted
    AND m.actor_id IS NOT NULL
  ORDER BY 1, 2, 3;
  INSERT INTO @extschema@.event_actor_names (event_id, role, name, code, actor_id)
  SELECT DISTINCT ON (w.event_id, m.role, m.name) w.event_id, m.role, m.name,
         CASE WHEN m.cameo ~ '^([A-Z0-9]{3})+$' THEN m.cameo END, m.actor_id
  FROM pg_temp.loader_rows w JOIN pg_temp.loader_mentions m ON m.rec = w.rec
  WHERE w.rec BETWEEN lo AND hi AND m.rec BETWEEN lo AND hi AND w.status = 'stored' AND w.inserted
    AND m.actor_id IS NOT NULL
  ORDER BY w.event_id, m.role, m.name, m.ord;
  -- an event loaded before: only the rows that differ are deleted or
  -- inserted, and an event whose rows differ counts as changed
  PERFORM @extschema@.loader_drop_work_tables('loader_old_events');
  CREATE TEMP TABLE loader_old_events ON COMMIT DROP AS
  SELECT w.rec, w.event_id FROM pg_temp.loader_rows w
  WHERE w.rec BETWEEN lo AND hi AND w.status = 'stored' AND NOT w.inserted;
  IF EXISTS (SELECT 1 FROM pg_temp.loader_old_events) THEN
    ANALYZE pg_temp.loader_old_events;
    -- what the chunk names for them
    PERFORM @extschema@.loader_drop_work_tables('loader_event_actors');
    CREATE TEMP TABLE loader_event_actors ON COMMIT DROP AS
    SELECT w.event_id, w.inserted, m.actor_id, m.role, m.name, m.ord,
           CASE WHEN m.cameo ~ '^([A-Z0-9]{3})+$' THEN m.cameo END AS code
    FROM pg_temp.loader_rows w JOIN pg_temp.loader_mentions m ON m.rec = w.rec
    WHERE w.rec BETWEEN lo AND hi AND m.rec BETWEEN lo AND hi AND w.status = 'stored' AND NOT w.inserted
      AND m.actor_id IS NOT NULL;
    ANALYZE pg_temp.loader_event_actors;
    PERFORM @extschema@.loader_batch_replace_actors(lo, hi);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_batch_store_range(text, bigint, bigint, text[]) IS
  'Stores the ok rows of records lo..hi of pg_temp.loader_rows: resolves their places and actors, inserts their new events and updates the stored ones (owned: the events columns the dataset writes; an event whose values are unchanged is not rewritten) and replaces their event_actors and event_actor_names (internal to the loaders).';

-- Stores the ok rows of records lo..hi of a parsed batch: an event loader's
-- (kind events: pg_temp.loader_rows, loader_batch_store_range, owned the
-- events columns the dataset writes) or a peacekeeping loader's (kind
-- deployments: pg_temp.loader_ipi_rows, loader_ipi_store_range or for
-- Geo-PKO loader_geopko_store_range, 350_loaders_peacekeeping.sql).
CREATE FUNCTION @extschema@.loader_store_range(kind text, dataset text, lo bigint, hi bigint, owned text[])
RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF kind = 'events' THEN
    PERFORM @extschema@.loader_batch_store_range(dataset, lo, hi, owned);
  ELSIF dataset = 'geopko' THEN
    PERFORM @extschema@.loader_geopko_store_range(lo, hi);
  ELSE
    PERFORM @extschema@.loader_ipi_store_range(dataset, lo, hi);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_store_range(text, text, bigint, bigint, text[]) IS
  'Stores the ok rows of records lo..hi of the work table of kind (events: pg_temp.loader_rows by loader_batch_store_range; deployments: pg_temp.loader_ipi_rows by loader_ipi_store_range, or loader_geopko_store_range for Geo-PKO) (internal to the loaders).';

-- Stores a parsed batch a chunk at a time (loader_store_range), lists every
-- row not loaded cleanly in import_issues, counts, and reports progress.
-- Should a chunk fail (a value no check foresaw), it is stored again a row
-- at a time, each in a subtransaction, and the failing rows are rejected
-- with the error: no row is lost.  The two kinds differ only in their work
-- table, how a stored row's outcome is kept (events: inserted and changed;
-- deployments: outcome), the raw row of an issue (an event loader's without
-- its NULL columns: a staging table of every layout's columns) and, for
-- events, the rows loader_batch_same found unchanged before the parse.
CREATE FUNCTION @extschema@.loader_store(st @extschema@.loader_state, staging regclass, kind text,
                                         owned text[] DEFAULT NULL)
RETURNS @extschema@.loader_state
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  work constant text := CASE kind WHEN 'events' THEN 'pg_temp.loader_rows' ELSE 'pg_temp.loader_ipi_rows' END;
  outcome constant text[] := CASE kind WHEN 'events'
    THEN ARRAY['w.inserted', 'NOT w.inserted AND w.changed', 'NOT w.inserted AND NOT w.changed']
    ELSE ARRAY['w.outcome = ''imported''', 'w.outcome = ''updated''', 'w.outcome = ''unchanged'''] END;
  chunk constant bigint := least(st.every, 20000);
  lo bigint := 1;
  hi bigint;
  started timestamptz := clock_timestamp();
  last_notice timestamptz := clock_timestamp();
  notice_after constant interval := @extschema@.loader_progress_interval();
  next_every bigint := st.every;
  notice boolean;
  f record;
  n record;
BEGIN
  WHILE lo <= st.total LOOP
    hi := least(lo + chunk - 1, st.total);
    BEGIN
      PERFORM @extschema@.loader_store_range(kind, st.dataset, lo, hi, owned);
    EXCEPTION WHEN OTHERS THEN
      -- one row at a time, each in its own subtransaction
      FOR f IN EXECUTE format('SELECT w.rec FROM %s w WHERE w.rec BETWEEN $1 AND $2 AND w.status = ''ok'' ORDER BY w.rec', work)
               USING lo, hi LOOP
        BEGIN
          PERFORM @extschema@.loader_store_range(kind, st.dataset, f.rec, f.rec, owned);
        EXCEPTION WHEN OTHERS THEN
          EXECUTE format('UPDATE %s w SET status = ''failed'', reason = $1 WHERE w.rec = $2', work)
          USING format('could not be stored: %s (SQLSTATE %s)', SQLERRM, SQLSTATE), f.rec;
        END;
      END LOOP;
    END;
    -- import_issues for the chunk, in record order, each raw row fetched by
    -- its ctid (joined as sets, every chunk hashed the whole staging table)
    EXECUTE format($q$
      INSERT INTO @extschema@.import_issues (run_id, dataset, record, external_id, action, reason, raw)
      SELECT $1, $2, w.rec, CASE WHEN w.status <> 'header' THEN w.ext END,
             CASE WHEN w.status = 'stored' THEN 'kept' WHEN w.status IN ('rejected', 'failed') THEN 'rejected'
                  WHEN w.status IN ('header', 'duplicate', 'skipped') THEN 'skipped' ELSE $5 END,
             CASE WHEN w.status = 'stored' THEN pg_catalog.array_to_string(w.notes, '; ') ELSE w.reason END,
             %s
      FROM %s w CROSS JOIN LATERAL (SELECT t.* FROM %s t WHERE t.ctid = w.tid OFFSET 0) t
      WHERE w.rec BETWEEN $3 AND $4 AND (w.status <> 'stored' OR pg_catalog.cardinality(w.notes) > 0)
      ORDER BY w.rec$q$,
      CASE kind WHEN 'events' THEN 'pg_catalog.jsonb_strip_nulls(pg_catalog.to_jsonb(t))' ELSE 'pg_catalog.to_jsonb(t)' END,
      work, staging)
    USING st.run, st.dataset, lo, hi, CASE kind WHEN 'events' THEN 'rejected' ELSE 'skipped' END;
    EXECUTE format($q$
      SELECT count(*) FILTER (WHERE w.status = 'stored' AND pg_catalog.cardinality(w.notes) = 0 AND %s) AS imported,
             count(*) FILTER (WHERE w.status = 'stored' AND pg_catalog.cardinality(w.notes) = 0 AND %s) AS updated,
             count(*) FILTER (WHERE w.status = 'stored' AND pg_catalog.cardinality(w.notes) = 0 AND %s) AS unchanged,
             count(*) FILTER (WHERE w.status IN ('header', 'duplicate', 'skipped')) AS skipped,
             count(*) FILTER (WHERE w.status IN ('rejected', 'failed')
                                 OR (w.status = 'stored' AND pg_catalog.cardinality(w.notes) > 0)) AS flagged
      FROM %s w WHERE w.rec BETWEEN $1 AND $2$q$, outcome[1], outcome[2], outcome[3], work)
    INTO n USING lo, hi;
    st.rows_read := hi;
    st.imported := st.imported + n.imported;
    st.updated := st.updated + n.updated;
    st.unchanged := st.unchanged + n.unchanged;
    IF kind = 'events' THEN
      -- and the rows loader_batch_same found unchanged before the parse
      st.unchanged := st.unchanged
                      + (SELECT count(*) FROM pg_temp.loader_staged x WHERE x.rec BETWEEN lo AND hi AND x.same IS NOT NULL);
    END IF;
    st.skipped := st.skipped + n.skipped;
    st.flagged := st.flagged + n.flagged;
    notice := hi >= next_every OR clock_timestamp() - last_notice >= notice_after;
    st := @extschema@.loader_report(st, started, notice);
    IF notice THEN
      last_notice := clock_timestamp();
      WHILE next_every <= hi LOOP
        next_every := next_every + st.every;
      END LOOP;
    END IF;
    lo := hi + 1;
  END LOOP;
  RETURN st;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_store(@extschema@.loader_state, regclass, text, text[]) IS
  'Stores a parsed batch a chunk at a time (kind events: pg_temp.loader_rows of an event loader, owned the events columns it writes; kind deployments: pg_temp.loader_ipi_rows of an IPI or Geo-PKO loader); a chunk that fails is stored again row by row, and the failing rows rejected with the error; writes import_issues for every row not loaded cleanly, counts the rows and reports progress (internal to the loaders).';

-- Progress: the run's import_runs row carries the counts so far (the caller's
-- transaction sees it at once, other sessions when the load commits), the
-- session's application_name says how far the load is (pg_stat_activity shows
-- it to other sessions while the load runs; it is set for the transaction
-- only), and when told to, a NOTICE gives the counts, with the rate and the
-- time left in its DETAIL.
CREATE FUNCTION @extschema@.loader_report(st @extschema@.loader_state, started timestamptz, notice boolean)
RETURNS @extschema@.loader_state
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  secs float8 := greatest(extract(epoch FROM clock_timestamp() - started)::float8, 0.001);
  rate float8 := st.rows_read / secs;
  now_at constant timestamptz := clock_timestamp();  -- a value: Citus runs no volatile function in an UPDATE
BEGIN
  UPDATE @extschema@.import_runs
  SET finished_at = now_at, rows_read = st.rows_read, imported = st.imported, updated = st.updated,
      unchanged = st.unchanged, skipped = st.skipped, flagged = st.flagged
  WHERE id = st.run;
  PERFORM set_config('application_name',
                     left(format('%s run %s: %s/%s rows', st.fn, st.run, st.rows_read, st.total), 63), true);
  IF notice THEN
    RAISE NOTICE '%: % of % rows read (% imported, % updated, % unchanged, % skipped, % flagged)',
      st.fn, st.rows_read, st.total, st.imported, st.updated, st.unchanged, st.skipped, st.flagged
      USING DETAIL = format('%s rows/s over %s s; about %s s to go (import_runs.id = %s)',
                            round(rate::numeric), round(secs::numeric, 1),
                            round(((st.total - st.rows_read) / greatest(rate, 0.001))::numeric), st.run);
  END IF;
  RETURN st;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_report(@extschema@.loader_state, timestamptz, boolean) IS
  'Reports an import_* call''s progress: its import_runs row updated with the counts so far, application_name set (for the transaction) to the function, run and rows read so far, and, when notice is true, a NOTICE with the counts and a DETAIL with rows per second and the time left (internal to the loaders).';
