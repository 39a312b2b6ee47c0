-- extension/sql/200_annotate.sql
-- annotate(): the places, actors, quantities and dates mentioned in a text.

-- The names annotate() looks for, from the model's tables: every name and
-- alias of a place or an actor (their own name included), with the country it
-- belongs to; and, as rows of kind 'country', the place that stands for each
-- country of the country type, so that a country named in a text is that
-- place.  The C code adds the names of the country type itself.
CREATE FUNCTION @extschema@.annotate_names()
RETURNS TABLE (kind text, ref_id bigint, country @extschema@.country, name text,
               demonym boolean, lang text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT 'place', p.id, p.country, p.name, false, NULL::text
    FROM @extschema@.places p
  UNION ALL
  SELECT 'place', n.place_id, p.country, n.name, n.is_demonym, n.lang
    FROM @extschema@.place_names n JOIN @extschema@.places p ON p.id = n.place_id
  UNION ALL
  SELECT 'actor', a.id, a.country, a.name, false, NULL::text
    FROM @extschema@.actors a
  UNION ALL
  SELECT 'actor', n.actor_id, a.country, n.name, false, n.lang
    FROM @extschema@.actor_names n JOIN @extschema@.actors a ON a.id = n.actor_id
  UNION ALL
  SELECT 'country', min(p.id), p.country, NULL::text, false, NULL::text
    FROM @extschema@.places p
   WHERE p.kind = 'country' AND p.country IS NOT NULL
   GROUP BY p.country
$$;

COMMENT ON FUNCTION @extschema@.annotate_names() IS
  'the names annotate() looks for: every name of places, place_names, actors and actor_names with its reference (rows of kind country map a country to its place)';

CREATE FUNCTION @extschema@.annotate(body text, published date DEFAULT NULL, lang text DEFAULT 'en')
RETURNS TABLE (kind text, start_pos integer, length integer, surface text,
               place_id bigint, actor_id bigint, country @extschema@.country,
               quantity @extschema@.estimate, date @extschema@.edtf)
AS 'MODULE_PATHNAME', 'annotate'
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE COST 1000 ROWS 20;

COMMENT ON FUNCTION @extschema@.annotate(text, date, text) IS
  'the mentions of places, actors, quantities and dates in a text, by position (1-based characters): kind, start_pos, length, surface = substr(body, start_pos, length), and what each refers to; relative dates resolve against published; lang is en or fr';

CREATE FUNCTION @extschema@.annotate_gazetteer_info(
  OUT names_read bigint, OUT names bigint, OUT keys bigint, OUT states bigint,
  OUT bytes bigint, OUT builds bigint, OUT build_ms float8, OUT built_at timestamptz,
  OUT per_query boolean, OUT kept integer, OUT backend_bytes bigint,
  OUT delta_added bigint, OUT delta_removed bigint, OUT delta_bytes bigint, OUT deltas bigint,
  OUT delta_ms float8)
AS 'MODULE_PATHNAME', 'annotate_gazetteer_info'
LANGUAGE C STABLE PARALLEL RESTRICTED;

COMMENT ON FUNCTION @extschema@.annotate_gazetteer_info() IS
  'this session''s annotate() gazetteer for the current role: names read from the tables, names matched (with the country type''s and inflected forms), distinct keys, automaton states, memory, how many times it was built and how long the last build took; per_query is true when it is built for each query (row-level security applies to the role, or it lacks SELECT on a table); kept and backend_bytes: the gazetteers this session keeps (one per role, at most 4) and their memory; delta_added, delta_removed and delta_bytes: the names added and removed since the last build, applied as a delta (see annotate_names_changes), and its memory; deltas: how many times a delta was made since the last build, delta_ms how long the last one took';

-- A change to the tables the names come from queues a relcache invalidation
-- of annotate_names_signal, a sequence that holds no numbers anyone uses;
-- every session's annotate() gazetteer listens for it (and for the tables'
-- own invalidations, which DDL and TRUNCATE bring).  Invalidating the tables
-- themselves at each change would also throw away every cached plan over
-- them, the loaders' look-ups and foreign-key checks included.
CREATE SEQUENCE @extschema@.annotate_names_signal;
COMMENT ON SEQUENCE @extschema@.annotate_names_signal IS
  'annotate() internals: the triggers on places, place_names, actors and actor_names invalidate this sequence''s cache entry to tell every session that the names changed; its numbers are not used';

CREATE FUNCTION @extschema@.annotate_invalidate() RETURNS trigger
AS 'MODULE_PATHNAME', 'annotate_invalidate'
LANGUAGE C VOLATILE PARALLEL UNSAFE;

COMMENT ON FUNCTION @extschema@.annotate_invalidate() IS
  'trigger: tells every session that the names annotate() uses have changed';

CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.places FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.place_names FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.actors FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.actor_names FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();

-- The names added and removed, so that each session applies a change to the
-- gazetteer it keeps as a small delta instead of building every name again.
-- The triggers below write one row per name of annotate_names() a change adds
-- or removes, with the writing transaction's id; a session that built its
-- gazetteer under snapshot S reads, under a fresh snapshot, the rows whose
-- transaction S does not see, and applies them (extension/pg/annotate_gazetteer.c).
-- A change it cannot apply so (TRUNCATE, a place or actor changing country
-- or id, a place of kind country: the country type's names point to it) is a
-- row of op 'rebuild'.  Rows older than an hour are pruned now and then
-- (annotate_names_prune), leaving a row of op 'pruned' that sends a session
-- whose snapshot is older than the pruned rows to a full build.
-- Not dumped by pg_dump: transaction ids mean nothing in another cluster,
-- and every session builds its gazetteer anew there.  Unlogged, for the
-- same reason: after a crash every session is new and builds anew, so the
-- log need not survive one, and a change of names writes no WAL for it.
-- Readable by no role but the owner (it holds names row-level security may
-- hide); annotate() reads it only for roles that may read every row of the
-- four tables.
CREATE UNLOGGED TABLE @extschema@.annotate_names_changes (
  seq bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME @extschema@.annotate_names_changes_seq) PRIMARY KEY,
  xid xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
  logged_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  op text NOT NULL CHECK (op IN ('add', 'remove', 'rebuild', 'pruned')),
  kind text CHECK (kind IN ('place', 'actor')),
  ref_id bigint,
  country @extschema@.country,
  name text,
  demonym boolean,
  lang text,
  pruned_max xid8,
  CHECK ((op IN ('add', 'remove')) = (kind IS NOT NULL AND ref_id IS NOT NULL AND name IS NOT NULL
                                      AND demonym IS NOT NULL)),
  CHECK ((op = 'pruned') = (pruned_max IS NOT NULL))
);
CREATE INDEX annotate_names_changes_xid_idx ON @extschema@.annotate_names_changes (xid, seq);
CREATE INDEX annotate_names_changes_logged_at_idx ON @extschema@.annotate_names_changes (logged_at);
COMMENT ON TABLE @extschema@.annotate_names_changes IS
  'annotate() internals: the names of annotate_names() added and removed, by transaction, so that each session updates its gazetteer with a small delta; written by triggers, pruned after an hour';
COMMENT ON COLUMN @extschema@.annotate_names_changes.seq IS 'the order rows were written in';
COMMENT ON COLUMN @extschema@.annotate_names_changes.xid IS 'the transaction that wrote the row (a session applies the rows of transactions its gazetteer''s snapshot does not see)';
COMMENT ON COLUMN @extschema@.annotate_names_changes.logged_at IS 'when (the transaction''s start): rows older than the retention are pruned';
COMMENT ON COLUMN @extschema@.annotate_names_changes.op IS 'add or remove a name; rebuild: a change only a full build applies; pruned: rows up to pruned_max were deleted';
COMMENT ON COLUMN @extschema@.annotate_names_changes.kind IS 'place or actor, as annotate_names().kind';
COMMENT ON COLUMN @extschema@.annotate_names_changes.ref_id IS 'the place or actor';
COMMENT ON COLUMN @extschema@.annotate_names_changes.country IS 'add: the country of the place or actor (NULL: none); remove: NULL (the entry of that name and reference is removed whatever its country)';
COMMENT ON COLUMN @extschema@.annotate_names_changes.name IS 'the name';
COMMENT ON COLUMN @extschema@.annotate_names_changes.demonym IS 'as annotate_names().demonym';
COMMENT ON COLUMN @extschema@.annotate_names_changes.lang IS 'as annotate_names().lang';
COMMENT ON COLUMN @extschema@.annotate_names_changes.pruned_max IS 'op pruned: the greatest transaction id among the rows deleted';

CREATE FUNCTION @extschema@.annotate_names_prune(keep interval DEFAULT '1 hour')
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  gone bigint;
BEGIN
  IF keep IS NULL OR keep < interval '0' THEN
    RAISE EXCEPTION 'the retention of annotate_names_prune() must be a positive interval, not %',
      coalesce(keep::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
  END IF;
  WITH d AS (DELETE FROM @extschema@.annotate_names_changes WHERE logged_at < now() - keep RETURNING xid),
       m AS (SELECT count(*) AS n, max(xid) AS x FROM d),
       i AS (INSERT INTO @extschema@.annotate_names_changes (op, pruned_max)
             SELECT 'pruned', x FROM m WHERE n > 0)
  SELECT n INTO gone FROM m;
  RETURN gone;
END
$$;
REVOKE EXECUTE ON FUNCTION @extschema@.annotate_names_prune(interval) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.annotate_names_prune(interval) IS
  'annotate() internals: delete the rows of annotate_names_changes older than keep (sessions whose gazetteer needs them build it anew); returns how many; run by the triggers every 1000 rows';

CREATE FUNCTION @extschema@.annotate_names_log() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  n bigint := 0;
  k bigint;
  last bigint;
  rebuild boolean;
BEGIN
  -- with the argument 'rebuild' (the triggers citus_distribute() makes on
  -- Citus's shards), every change asks for a full build
  IF TG_OP = 'TRUNCATE' OR (TG_NARGS > 0 AND TG_ARGV[0] = 'rebuild') THEN
    INSERT INTO @extschema@.annotate_names_changes (op) VALUES ('rebuild');
    n := 1;
  ELSIF TG_TABLE_NAME = 'place_names' THEN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      INSERT INTO @extschema@.annotate_names_changes (op, kind, ref_id, name, demonym, lang)
      SELECT 'remove', 'place', o.place_id, o.name, o.is_demonym, o.lang FROM old_rows o;
      GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO @extschema@.annotate_names_changes (op, kind, ref_id, country, name, demonym, lang)
      SELECT 'add', 'place', r.place_id, p.country, r.name, r.is_demonym, r.lang
        FROM new_rows r JOIN @extschema@.places p ON p.id = r.place_id;
      GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
    END IF;
  ELSIF TG_TABLE_NAME = 'actor_names' THEN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      INSERT INTO @extschema@.annotate_names_changes (op, kind, ref_id, name, demonym, lang)
      SELECT 'remove', 'actor', o.actor_id, o.name, false, o.lang FROM old_rows o;
      GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO @extschema@.annotate_names_changes (op, kind, ref_id, country, name, demonym, lang)
      SELECT 'add', 'actor', r.actor_id, a.country, r.name, false, r.lang
        FROM new_rows r JOIN @extschema@.actors a ON a.id = r.actor_id;
      GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
    END IF;
  ELSIF TG_TABLE_NAME IN ('places', 'actors') THEN
    -- a change of id or country changes the reference of every name of the
    -- row; a place of kind country is what the country type's names point to
    IF TG_OP = 'UPDATE' THEN
      rebuild := EXISTS (SELECT FROM old_rows o FULL JOIN new_rows r ON r.id = o.id
                          WHERE o.id IS NULL OR r.id IS NULL
                             OR o.country::text IS DISTINCT FROM r.country::text)
                 OR (TG_TABLE_NAME = 'places' AND EXISTS (SELECT FROM old_rows o JOIN new_rows r ON r.id = o.id
                                                          WHERE (o.kind = 'country') IS DISTINCT FROM (r.kind = 'country')));
    ELSIF TG_OP = 'INSERT' THEN
      rebuild := TG_TABLE_NAME = 'places' AND EXISTS (SELECT FROM new_rows r WHERE r.kind = 'country');
    ELSE
      rebuild := TG_TABLE_NAME = 'places' AND EXISTS (SELECT FROM old_rows o WHERE o.kind = 'country');
    END IF;
    IF rebuild THEN
      INSERT INTO @extschema@.annotate_names_changes (op) VALUES ('rebuild');
      n := 1;
    ELSE
      -- (an update that keeps a row's name, as most do, changes no name)
      IF TG_OP = 'DELETE' THEN
        INSERT INTO @extschema@.annotate_names_changes (op, kind, ref_id, name, demonym)
        SELECT 'remove', CASE TG_TABLE_NAME WHEN 'places' THEN 'place' ELSE 'actor' END,
               o.id, o.name, false FROM old_rows o;
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
      ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO @extschema@.annotate_names_changes (op, kind, ref_id, name, demonym)
        SELECT 'remove', CASE TG_TABLE_NAME WHEN 'places' THEN 'place' ELSE 'actor' END,
               o.id, o.name, false
        FROM old_rows o JOIN new_rows r ON r.id = o.id WHERE r.name IS DISTINCT FROM o.name;
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        INSERT INTO @extschema@.annotate_names_changes (op, kind, ref_id, country, name, demonym)
        SELECT 'add', CASE TG_TABLE_NAME WHEN 'places' THEN 'place' ELSE 'actor' END,
               r.id, r.country, r.name, false
        FROM old_rows o JOIN new_rows r ON r.id = o.id WHERE r.name IS DISTINCT FROM o.name;
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
      ELSE
        INSERT INTO @extschema@.annotate_names_changes (op, kind, ref_id, country, name, demonym)
        SELECT 'add', CASE TG_TABLE_NAME WHEN 'places' THEN 'place' ELSE 'actor' END,
               r.id, r.country, r.name, false FROM new_rows r;
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
      END IF;
    END IF;
  END IF;
  -- now and then, the rows older than the retention go
  IF n > 0 THEN
    last := currval('@extschema@.annotate_names_changes_seq');
    IF last / 1000 <> (last - n) / 1000 THEN
      PERFORM @extschema@.annotate_names_prune();
    END IF;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.annotate_names_log() IS
  'trigger: writes the names a change to places, place_names, actors or actor_names adds or removes to annotate_names_changes; with the argument rebuild (on Citus''s shards) it writes that a full build is needed';

DO $log$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['places', 'place_names', 'actors', 'actor_names'] LOOP
    EXECUTE format('CREATE TRIGGER annotate_log_insert AFTER INSERT ON %I.%I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I.annotate_names_log()', '@extschema@', t, '@extschema@');
    EXECUTE format('CREATE TRIGGER annotate_log_update AFTER UPDATE ON %I.%I '
                   'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I.annotate_names_log()', '@extschema@', t, '@extschema@');
    EXECUTE format('CREATE TRIGGER annotate_log_delete AFTER DELETE ON %I.%I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I.annotate_names_log()', '@extschema@', t, '@extschema@');
    EXECUTE format('CREATE TRIGGER annotate_log_truncate AFTER TRUNCATE ON %I.%I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I.annotate_names_log()', '@extschema@', t, '@extschema@');
  END LOOP;
END
$log$;
