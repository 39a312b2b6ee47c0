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

DO $bi$
DECLARE
  v record;
  col record;
BEGIN
  FOR v IN
    SELECT c.oid, c.relname
    FROM pg_catalog.pg_class c
    WHERE c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
      AND c.relkind OPERATOR(pg_catalog.=) 'v'
      AND c.relname OPERATOR(pg_catalog.~) '^bi_'
    ORDER BY c.relname
  LOOP
    EXECUTE pg_catalog.format('CREATE OR REPLACE VIEW sahel_news_bi.%I AS SELECT * FROM @extschema@.%I',
                              v.relname, v.relname);
    EXECUTE pg_catalog.format('COMMENT ON VIEW sahel_news_bi.%I IS %L', v.relname,
                              pg_catalog.obj_description(v.oid, 'pg_class'));
    FOR col IN
      SELECT a.attname, pg_catalog.col_description(v.oid, a.attnum) AS note
      FROM pg_catalog.pg_attribute a
      WHERE a.attrelid OPERATOR(pg_catalog.=) v.oid AND a.attnum OPERATOR(pg_catalog.>) 0
        AND NOT a.attisdropped
    LOOP
      EXECUTE pg_catalog.format('COMMENT ON COLUMN sahel_news_bi.%I.%I IS %L', v.relname, col.attname, col.note);
    END LOOP;
  END LOOP;
END
$bi$;
