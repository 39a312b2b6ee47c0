-- security: the install script cannot be hijacked through a planted schema.
-- CREATE EXTENSION reuses an existing schema called sahel_news; one made by an
-- ordinary user could hold functions or operators that the script would call
-- as superuser.  The extension refuses such a schema.  Run in a database of
-- its own so that the regression database keeps its extension.
SELECT current_database() AS regress_db \gset
SET client_min_messages = warning;
CREATE DATABASE sahel_news_security;
CREATE ROLE sahel_news_mallory LOGIN;
GRANT CREATE ON DATABASE sahel_news_security TO sahel_news_mallory;
RESET client_min_messages;
\c sahel_news_security
SET ROLE sahel_news_mallory;
CREATE SCHEMA sahel_news;
-- a hostile text equality that would run with the installer's rights
CREATE FUNCTION sahel_news.hostile_eq(text, text) RETURNS boolean
  LANGUAGE sql AS $$ SELECT pg_catalog.texteq($1, $2) $$;
CREATE OPERATOR sahel_news.= (LEFTARG = text, RIGHTARG = text, FUNCTION = sahel_news.hostile_eq);
RESET ROLE;
-- (where the error was raised is left out: PostgreSQL 18 also names the
-- statement of the install script, 15 does not)
\set SHOW_CONTEXT never
CREATE EXTENSION sahel_news;
\set SHOW_CONTEXT errors
SELECT count(*) AS installed FROM pg_extension WHERE extname = 'sahel_news';
-- once the planted schema is gone, the extension installs
DROP SCHEMA sahel_news CASCADE;
CREATE EXTENSION sahel_news;
SELECT extname, nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE extname = 'sahel_news';
-- a schema a superuser made beforehand is accepted
DROP EXTENSION sahel_news;
DROP SCHEMA sahel_news;
CREATE SCHEMA sahel_news;
CREATE EXTENSION sahel_news;
SELECT count(*) AS installed FROM pg_extension WHERE extname = 'sahel_news';
\c :regress_db
SET client_min_messages = warning;
DROP DATABASE sahel_news_security;
DROP ROLE sahel_news_mallory;
-- The functions that run with the extension owner's rights: each pins its
-- search_path, and only the trigger functions (which cannot be called
-- directly) keep PUBLIC's EXECUTE.  A new SECURITY DEFINER function shows
-- up here and must be justified in docs/reference/shared_database.md.
SELECT p.oid::regprocedure AS security_definer_function,
       p.prorettype = 'trigger'::regtype AS is_trigger,
       p.proconfig AS settings,
       EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
               WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_may_execute
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'sahel_news'
WHERE p.prosecdef
ORDER BY p.oid::regprocedure::text;
