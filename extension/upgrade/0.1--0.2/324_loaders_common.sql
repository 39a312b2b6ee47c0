-- 0.1 -> 0.2: an import's state counts the rows it found unchanged
-- (extension/sql/325_loaders_common.sql, import_runs.unchanged).
-- upgrade-covers: 524f177d9093 CREATE TYPE @extschema@.loader_state AS (
ALTER TYPE @extschema@.loader_state ADD ATTRIBUTE unchanged bigint;

-- A stored row is counted by its outcome (imported, updated or unchanged),
-- progress NOTICEs and the closing of a run count unchanged rows too: the
-- old signatures go (the piece re-creates the functions).
DROP FUNCTION @extschema@.loader_done(@extschema@.loader_state, bigint, text, text[], boolean, jsonb);
DROP FUNCTION @extschema@.loader_progress(text, integer, bigint, bigint, bigint, bigint, bigint, bigint);
DROP FUNCTION @extschema@.loader_finish(bigint, bigint, bigint, bigint, bigint, bigint);
