-- 0.1 -> 0.2: annotate_gazetteer_info() returns three more columns (per_query,
-- kept, backend_bytes); a function's result type cannot be replaced in place.
DROP FUNCTION @extschema@.annotate_gazetteer_info();
