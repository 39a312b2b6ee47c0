-- extension/sql/890_bi_schema.sql: the schema sahel_news_bi, what a BI tool
-- should see and nothing else.
--
-- A BI tool's schema sync (Metabase, Superset, Tableau) lists every table of
-- the schema it is pointed at; sahel_news holds the model's tables, staging
-- tables, code lists and views whose columns are the extension's own types.
-- sahel_news_bi holds one view per bi_* view of sahel_news, of the same name,
-- columns and comments, reading it: built-in types only.  The views in
-- sahel_news stay where they are, so queries written against sahel_news.bi_*
-- keep working.
--
-- This piece runs after every piece that creates bi_* views (pieces run in
-- name order) and mirrors whatever bi_* views exist by then, so a new bi_*
-- view in an earlier piece appears here without a change to this file
-- (CREATE OR REPLACE: an update script runs it again over the views it made).
-- 900_roles.sql grants sahel_news_reader USAGE on the schema and SELECT on
-- its views, as for every schema of the extension; 910_bi_schema_grants.sql
-- writes those grants out for update scripts.

CREATE SCHEMA sahel_news_bi;
COMMENT ON SCHEMA sahel_news_bi IS
  'sahel_news for BI tools: the bi_* views only (flat, built-in column types); point Metabase, Superset, Tableau or JDBC clients here, as a member of sahel_news_reader';

-- mirror_view(source, target_schema, extra_columns, note): the view of
-- source's name in target_schema that reads every column of the view source
-- (b.*, then extra_columns, an SQL select list over b), with source's
-- comments: the view's, note appended, and each column's.  The loop below
-- makes the views of sahel_news_bi with it, sahel_news_postgis its map layers.
CREATE FUNCTION @extschema@.mirror_view(source pg_catalog.regclass, target_schema pg_catalog.name,
                                        extra_columns pg_catalog.text DEFAULT NULL,
                                        note pg_catalog.text DEFAULT '')
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  target text := format('%I.%I', target_schema, (SELECT c.relname FROM pg_class c WHERE c.oid = source));
  col record;
BEGIN
  EXECUTE format('CREATE OR REPLACE VIEW %s AS SELECT b.*%s FROM %s b', target,
                 coalesce(', ' || extra_columns, ''), source);
  EXECUTE format('COMMENT ON VIEW %s IS %L', target, obj_description(source, 'pg_class') || note);
  FOR col IN
    SELECT a.attname, col_description(source, a.attnum) AS note
    FROM pg_attribute a
    WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped
  LOOP
    EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', target, col.attname, col.note);
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.mirror_view(pg_catalog.regclass, pg_catalog.name, pg_catalog.text, pg_catalog.text) IS
  'Install-script helper: creates or replaces the view of the same name in target_schema reading every column of the view source (then extra_columns, a select list over its row b), with source''s comments (note appended to the view''s)';

DO $bi$
DECLARE
  v record;
BEGIN
  FOR v IN
    SELECT c.oid
    FROM pg_catalog.pg_class c
    WHERE c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
      AND c.relkind OPERATOR(pg_catalog.=) 'v'
      AND c.relname OPERATOR(pg_catalog.~) '^bi_'
    ORDER BY c.relname
  LOOP
    PERFORM @extschema@.mirror_view(v.oid, 'sahel_news_bi');
  END LOOP;
END
$bi$;
