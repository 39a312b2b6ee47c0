-- 0.1 -> 0.2: annotate_gazetteer_info() returns more columns (per_query,
-- kept, backend_bytes; delta_added, delta_removed, delta_bytes, deltas,
-- delta_ms); a function's result type cannot be replaced in place.
DROP FUNCTION @extschema@.annotate_gazetteer_info();
