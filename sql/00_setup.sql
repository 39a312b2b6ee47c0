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
