-- extension/sql/000_header.sql
-- The pieces of extension/sql/ are joined in name order by the Makefile into
-- sahel_news--VERSION.sql, followed by the sample data of extension/data/.
-- Every object is qualified with @extschema@; general SQL runs with a fixed
-- search_path (see docs/internals/conventions.md).

\echo Use "CREATE EXTENSION sahel_news" to load this file. \quit

COMMENT ON SCHEMA @extschema@ IS
  'sahel_news: types and functions for coding news about armed conflict in the Sahel';

-- CREATE EXTENSION uses a schema named sahel_news that already exists instead
-- of creating it.  If someone other than a superuser made it, its owner could
-- have planted functions or operators there that this script would then call
-- with superuser rights (the CVE-2022-2625 class).  Refuse such a schema.
DO $guard$
DECLARE
  owner_is_superuser boolean;
BEGIN
  SELECT r.rolsuper INTO owner_is_superuser
  FROM pg_catalog.pg_namespace n
  JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) n.nspowner
  WHERE n.nspname OPERATOR(pg_catalog.=) '@extschema@';
  IF NOT owner_is_superuser THEN
    RAISE EXCEPTION 'schema "@extschema@" already exists and is not owned by a superuser'
      USING ERRCODE = '42501',
            HINT = 'Drop or rename that schema (or make a superuser its owner after checking what it holds), then run CREATE EXTENSION sahel_news again.';
  END IF;
END
$guard$;
