-- citus: citus_distribute() on a server without Citus, and the trigger of
-- the names log as citus_distribute() makes it on Citus's shards.  The
-- distributed model itself is tested on a local cluster by
-- tests/integration/citus_model.sh.
SET search_path = sahel_news, public;

-- Without the citus extension the function refuses, with 55000 (the code,
-- then the message).
\set VERBOSITY sqlstate
SELECT * FROM citus_distribute();
\set VERBOSITY default
SELECT * FROM citus_distribute();

-- It changed nothing: the tables keep their keys and triggers.
SELECT conname FROM pg_constraint
WHERE conname IN ('cameo_codes_parent_fkey', 'events_place_id_fkey', 'event_actors_event_id_fkey') ORDER BY 1;
SELECT conname FROM pg_constraint WHERE conrelid = 'sahel_news.events'::regclass AND contype = 'u';
SELECT tgname FROM pg_trigger WHERE tgrelid = 'sahel_news.sources'::regclass AND NOT tgisinternal ORDER BY 1;

-- Only a superuser (or whom one grants it to) may call it.
SELECT has_function_privilege('public', 'sahel_news.citus_distribute()', 'EXECUTE') AS public_may_call,
       has_function_privilege('sahel_news_loader', 'sahel_news.citus_distribute()', 'EXECUTE') AS loader_may_call;

-- The log's trigger with the argument 'rebuild' (what runs on a shard) logs
-- that every session must build its gazetteer anew, not a delta.
BEGIN;
CREATE TRIGGER citus_log_test AFTER INSERT ON places
  FOR EACH STATEMENT EXECUTE FUNCTION annotate_names_log('rebuild');
INSERT INTO places (name, kind, country) VALUES ('Dianwely', 'village', 'ML');
SELECT op, kind, name FROM annotate_names_changes WHERE xid = pg_current_xact_id() ORDER BY seq;
ROLLBACK;
