-- 00_setup: the extension installs, and what it installs is well formed.
-- Runs first (pg_regress runs sql/ in name order); later tests rely on it.
CREATE EXTENSION sahel_news;

-- The install script's own settings end with it: the session keeps its
-- search_path, and the guard on shipped rows is not left lifted.
SHOW search_path;
SELECT coalesce(current_setting('sahel_news.allow_sample_changes', true), '') NOT IN ('on', 'true', '1')
       AS shipped_rows_guarded;

-- The schema is fixed and the extension is not relocatable.
SELECT extname, extversion, nspname AS schema, extrelocatable
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE extname = 'sahel_news';

-- Every operator class the extension defines passes amvalidate (no output
-- rows means every one is valid).
SELECT opc.opcname, am.amname
FROM pg_opclass opc
JOIN pg_am am ON am.oid = opc.opcmethod
JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = opc.oid
 AND d.refclassid = 'pg_extension'::regclass
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'sahel_news'
WHERE NOT amvalidate(opc.oid)
ORDER BY 1, 2;

-- Every function is labelled: C functions are never left VOLATILE by
-- accident or PARALLEL UNSAFE without a reason.  Listed are the exceptions.
SELECT p.oid::regprocedure AS function, p.provolatile, p.proparallel
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
 AND d.refclassid = 'pg_extension'::regclass
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'sahel_news'
WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
  AND (p.provolatile = 'v' OR p.proparallel = 'u')
  -- annotate_invalidate() is a trigger whose point is a side effect (it queues
  -- a cache invalidation), so VOLATILE and PARALLEL UNSAFE.
  AND p.oid <> 'sahel_news.annotate_invalidate()'::regprocedure
  -- event matching's four internal functions run the queries they are given
  -- (through SPI, over temporary tables link_events() fills): VOLATILE and
  -- PARALLEL UNSAFE.
  AND p.oid NOT IN ('sahel_news.event_match_pairs(text,text,float8,integer)'::regprocedure,
                    'sahel_news.event_match_select(text,boolean,boolean,float8,integer,float8)'::regprocedure,
                    'sahel_news.event_match_clusters(text,text[])'::regprocedure,
                    'sahel_news.event_match_link(text,text,text,text,text,text,boolean,boolean,float8,integer,float8,text)'::regprocedure)
ORDER BY 1::text;

-- Every type, function, table and view of the extension has a comment.
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS uncommented
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'sahel_news'
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.deptype = 'e'
  AND d.classid IN ('pg_type'::regclass, 'pg_proc'::regclass, 'pg_class'::regclass)
  AND obj_description(d.objid, d.classid::regclass::text) IS NULL
  AND NOT (d.classid = 'pg_type'::regclass
           AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = d.objid AND (t.typelem <> 0 OR t.typrelid <> 0)))
  AND NOT (d.classid = 'pg_class'::regclass
           AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = d.objid AND c.relkind IN ('S', 'i')))
ORDER BY 1;

-- Binary send/recv checks for every type, through COPY (FORMAT binary):
-- a file in the cluster's own data directory (an absolute path the server
-- may write), one per backend.  Kept in schema sn_regress, with
-- fails() below, for later tests.
CREATE SCHEMA sn_regress;
-- fails(stmt): run stmt; 'no error', or its SQLSTATE, message, detail and
-- hint.  A "Failing row contains" detail is left out: it holds generated ids.
CREATE FUNCTION sn_regress.fails(stmt text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; hin text;
BEGIN
  EXECUTE stmt;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                          det = PG_EXCEPTION_DETAIL, hin = PG_EXCEPTION_HINT;
  IF det LIKE 'Failing row contains%' THEN det := NULL; END IF;
  RETURN st || ': ' || msg || coalesce(E'\nDETAIL: ' || nullif(det, ''), '')
         || coalesce(E'\nHINT: ' || nullif(hin, ''), '');
END $$;
-- binary_round_trip(query): send every row of query and receive it again;
-- the rows' text forms must come back identical.
CREATE FUNCTION sn_regress.binary_round_trip(query text) RETURNS text
LANGUAGE plpgsql SET client_min_messages = warning AS $$
DECLARE
  f text := current_setting('data_directory') || '/sn_regress_binary_' || pg_backend_pid() || '.bin';
  n bigint;
  differ bigint;
BEGIN
  DROP TABLE IF EXISTS pg_temp.sn_binary_sent, pg_temp.sn_binary_received;
  EXECUTE format('CREATE TEMP TABLE sn_binary_sent AS %s', query);
  CREATE TEMP TABLE sn_binary_received (LIKE pg_temp.sn_binary_sent);
  EXECUTE format('COPY pg_temp.sn_binary_sent TO %L (FORMAT binary)', f);
  EXECUTE format('COPY pg_temp.sn_binary_received FROM %L (FORMAT binary)', f);
  SELECT count(*) INTO n FROM pg_temp.sn_binary_sent;
  SELECT count(*) INTO differ FROM (
    (SELECT s::text FROM pg_temp.sn_binary_sent s EXCEPT ALL SELECT r::text FROM pg_temp.sn_binary_received r)
    UNION ALL
    (SELECT r::text FROM pg_temp.sn_binary_received r EXCEPT ALL SELECT s::text FROM pg_temp.sn_binary_sent s)) d;
  RETURN format('%s rows sent, %s received, %s differ', n,
                (SELECT count(*) FROM pg_temp.sn_binary_received), differ);
END $$;
-- binary_recv(type, payload): hand payload to type's receive function as
-- one field of a binary COPY; the value received as text, or the error.
CREATE FUNCTION sn_regress.binary_recv(typ regtype, payload bytea) RETURNS text
LANGUAGE plpgsql SET client_min_messages = warning AS $$
DECLARE
  f text := current_setting('data_directory') || '/sn_regress_binary_' || pg_backend_pid() || '.bin';
  v text;
BEGIN
  DROP TABLE IF EXISTS pg_temp.sn_binary_received;
  EXECUTE format('CREATE TEMP TABLE sn_binary_received (v %s)', typ);
  EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', payload, f);
  BEGIN
    EXECUTE format('COPY pg_temp.sn_binary_received FROM %L (FORMAT binary)', f);
  EXCEPTION WHEN OTHERS THEN
    DECLARE d text;
    BEGIN
      GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
      RETURN SQLSTATE || ': ' || SQLERRM || CASE WHEN d <> '' THEN ' (' || d || ')' ELSE '' END;
    END;
  END;
  SELECT s.v::text INTO v FROM pg_temp.sn_binary_received s;
  RETURN v;
END $$;
-- model_now(): what the model holds, for a test that loads data and must
-- leave the model as it found it (CREATE TEMP TABLE x_before AS SELECT * FROM
-- sn_regress.model_now()): the highest place and actor ids (what a load adds
-- is above them) and the rows of events, deployments, places, actors and
-- bi_events.
CREATE FUNCTION sn_regress.model_now()
RETURNS TABLE (places bigint, actors bigint, events bigint, deployments bigint,
               n_places bigint, n_actors bigint, bi_events bigint)
LANGUAGE sql AS $$
SELECT (SELECT coalesce(max(id), 0) FROM sahel_news.places), (SELECT coalesce(max(id), 0) FROM sahel_news.actors),
       (SELECT count(*) FROM sahel_news.events), (SELECT count(*) FROM sahel_news.deployments),
       (SELECT count(*) FROM sahel_news.places), (SELECT count(*) FROM sahel_news.actors),
       (SELECT count(*) FROM sahel_news.bi_events)
$$;
-- forget_loads(before, datasets): remove what loads of the datasets added
-- since before (a table holding a row of model_now()): their deployments
-- (parts first) and events, the places and actors above before's ids, every
-- import run and event history, and start the ids of runs, issues and history
-- at 1 again; then whether each count is the one before holds.
CREATE FUNCTION sn_regress.forget_loads(before regclass, datasets text[])
RETURNS TABLE (events_as_before boolean, deployments_as_before boolean, places_as_before boolean,
               actors_as_before boolean, bi_events_as_before boolean)
LANGUAGE plpgsql AS $$
DECLARE b record;
BEGIN
  EXECUTE format('SELECT * FROM %s', before) INTO STRICT b;
  DELETE FROM sahel_news.deployments d WHERE d.dataset = ANY (datasets) AND d.part_of IS NOT NULL;
  DELETE FROM sahel_news.deployments d WHERE d.dataset = ANY (datasets);
  DELETE FROM sahel_news.events e WHERE e.dataset = ANY (datasets);
  DELETE FROM sahel_news.places p WHERE p.id > b.places;
  DELETE FROM sahel_news.actors a WHERE a.id > b.actors;
  DELETE FROM sahel_news.event_history;
  DELETE FROM sahel_news.import_runs;
  ALTER SEQUENCE sahel_news.import_runs_id_seq RESTART;
  ALTER SEQUENCE sahel_news.import_issues_id_seq RESTART;
  ALTER SEQUENCE sahel_news.event_history_id_seq RESTART;
  RETURN QUERY
  SELECT n.events = b.events, n.deployments = b.deployments, n.n_places = b.n_places,
         n.n_actors = b.n_actors, n.bi_events = b.bi_events
  FROM sn_regress.model_now() n;
END $$;
-- rows_marked(tab, flag): how many rows the table holds, and whether its
-- boolean column flag (standard, sample) is true in every one of them.
CREATE FUNCTION sn_regress.rows_marked(tab regclass, flag name, OUT n bigint, OUT marked boolean)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT count(*), bool_and(%I) FROM %s', flag, tab) INTO n, marked;
END $$;
SELECT sn_regress.binary_round_trip($$SELECT 1::int AS i, 'x'::text AS t$$) AS helper_works;
SELECT sn_regress.binary_recv('int4', '\x00000001') AS recv_works;
