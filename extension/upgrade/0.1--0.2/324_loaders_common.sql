-- 0.1 -> 0.2: an import's state counts the rows it found unchanged
-- (extension/sql/325_loaders_common.sql, import_runs.unchanged).
-- upgrade-covers: 524f177d9093 CREATE TYPE @extschema@.loader_state AS (
ALTER TYPE @extschema@.loader_state ADD ATTRIBUTE unchanged bigint;
