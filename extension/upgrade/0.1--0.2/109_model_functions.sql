-- 0.1 -> 0.2: locate(name) became locate(name, near, in_country) with
-- defaults (extension/sql/110_model_functions.sql); the old signature would
-- make every one-argument call ambiguous.
DROP FUNCTION @extschema@.locate(text);
