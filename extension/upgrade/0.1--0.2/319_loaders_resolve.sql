-- 0.1 -> 0.2: loader_actor() takes the event's date as a sixth argument
-- (extension/sql/320_loaders_resolve.sql): drop the five-argument form.
DROP FUNCTION @extschema@.loader_actor(text, text, @extschema@.country, smallint, text);
