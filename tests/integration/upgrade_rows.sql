-- tests/integration/upgrade_rows.sql — every row of every table of sahel_news
-- (shipped and the user's), one line each as JSON (keys by name, so the order
-- of the columns does not matter), and where each identity sequence stands.
-- But for annotate_names_changes and its sequence: the log of this cluster's
-- transactions that changed names (transaction ids, times), which no two
-- databases share and pg_dump does not keep.
SET search_path = pg_catalog;
\pset format unaligned
\pset tuples_only on
SELECT format('SELECT (%L || '' '' || to_jsonb(t)::text) COLLATE "C" FROM %s t ORDER BY 1', c.oid::regclass, c.oid::regclass)
FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
JOIN pg_class c ON c.oid = d.objid
WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND e.extname = 'sahel_news' AND c.relkind IN ('r', 'p') AND c.relname <> 'annotate_names_changes'
ORDER BY c.oid::regclass::text COLLATE "C"
\gexec
SELECT format('SELECT %L || '' '' || last_value || '' '' || is_called FROM %s', c.oid::regclass, c.oid::regclass)
FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
JOIN pg_class c ON c.oid = d.objid
WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND e.extname = 'sahel_news' AND c.relkind = 'S' AND c.relname <> 'annotate_names_changes_seq'
ORDER BY c.oid::regclass::text COLLATE "C"
\gexec
