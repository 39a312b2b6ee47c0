-- extension/sql/000_header.sql
-- The pieces of extension/sql/ are joined in name order by the Makefile into
-- sahel_news--VERSION.sql, followed by the sample data of extension/data/.
-- Every object is qualified with @extschema@; general SQL runs with a fixed
-- search_path (see README, "Conventions").

\echo Use "CREATE EXTENSION sahel_news" to load this file. \quit

COMMENT ON SCHEMA @extschema@ IS
  'sahel_news: types and functions for coding news about armed conflict in the Sahel';
