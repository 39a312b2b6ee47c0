-- extension/sql/327_loaders_event_keys.sql — the key of each event loaded
-- from a dataset, on Citus (internal to the loaders).
--
-- On one node, events' own UNIQUE (dataset, external_id) keeps one event per
-- key, and the loaders find the stored events through it
-- (loader_batch_known, 326_loaders_batch.sql).  On Citus (citus_distribute(),
-- 920_citus.sql) events are distributed by id, and no unique key of theirs
-- can hold (dataset, external_id) (Citus keeps a unique key only when it
-- holds the distribution column).  The key's uniqueness moves to event_keys,
-- distributed by external_id with the key as its primary key: a loader finds
-- the stored events of a chunk there, and claims the key of every event it
-- inserts; a key another load claimed meanwhile fails the chunk (which is
-- then stored again row by row, finding it).

CREATE TABLE @extschema@.event_keys (
  dataset     text NOT NULL,
  external_id text NOT NULL,
  event_id    bigint NOT NULL,
  PRIMARY KEY (dataset, external_id)
);
COMMENT ON TABLE @extschema@.event_keys IS
  'On a Citus cluster (after citus_distribute()): the dataset and external id of every event that has them, with its id, the key through which the loaders find stored events and which they claim for the events they insert, so that no key is loaded twice (events'' own unique key cannot hold on Citus).  Empty, and unused, on one node, where events'' UNIQUE (dataset, external_id) does that.';
COMMENT ON COLUMN @extschema@.event_keys.dataset IS 'the event''s dataset (events.dataset)';
COMMENT ON COLUMN @extschema@.event_keys.external_id IS 'the event''s id in that dataset (events.external_id); the distribution column on Citus';
COMMENT ON COLUMN @extschema@.event_keys.event_id IS 'the event (events.id) that holds this key';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_keys', '');

-- The events of a dataset that hold the given external ids, each with its
-- id: on one node found in events by their unique key; on Citus through
-- event_keys, a key an event holds without a claim (an event entered by hand
-- with a dataset and external id) claimed for that event first.  Citus joins
-- no temporary table to a table of its own in an UPDATE: the loaders pass the
-- keys as an array and join what comes back to their work tables.
CREATE FUNCTION @extschema@.loader_event_ids(dataset text, exts text[], OUT external_id text, OUT event_id bigint)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  missing text[];
BEGIN
  IF NOT @extschema@.model_distributed() THEN
    RETURN QUERY SELECT e.external_id, e.id FROM @extschema@.events e
                 WHERE e.dataset = loader_event_ids.dataset AND e.external_id = ANY (exts);
    RETURN;
  END IF;
  missing := ARRAY(SELECT x.ext FROM unnest(exts) AS x(ext) WHERE x.ext IS NOT NULL
                   EXCEPT
                   SELECT k.external_id FROM @extschema@.event_keys k
                   WHERE k.dataset = loader_event_ids.dataset AND k.external_id = ANY (exts));
  IF cardinality(missing) > 0 THEN
    INSERT INTO @extschema@.event_keys (dataset, external_id, event_id)
    SELECT e.dataset, e.external_id, min(e.id) FROM @extschema@.events e
    WHERE e.dataset = loader_event_ids.dataset AND e.external_id = ANY (missing)
    GROUP BY e.dataset, e.external_id
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN QUERY SELECT k.external_id, k.event_id FROM @extschema@.event_keys k
               WHERE k.dataset = loader_event_ids.dataset AND k.external_id = ANY (exts);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_event_ids(text, text[]) IS
  'The stored events of a dataset that hold the given external ids, with their ids: on one node by events'' unique key; on Citus (citus_distribute()) through event_keys, first claiming the keys events hold without a claim (internal to the loaders).';

-- On Citus: claims the keys of events a load inserted (external ids and
-- event ids, in the same order); a key claimed meanwhile by another load
-- fails the load's statement (unique_violation).  On one node there is
-- nothing to claim: events' own unique key did it.
CREATE FUNCTION @extschema@.loader_keys_claim_ids(dataset text, exts text[], ids bigint[]) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  claimed bigint;
BEGIN
  IF coalesce(cardinality(exts), 0) = 0 OR NOT @extschema@.model_distributed() THEN
    RETURN;
  END IF;
  WITH c AS (
    INSERT INTO @extschema@.event_keys (dataset, external_id, event_id)
    SELECT loader_keys_claim_ids.dataset, u.ext, u.id FROM unnest(exts, ids) AS u(ext, id)
    ON CONFLICT DO NOTHING
    RETURNING 1)
  SELECT count(*) INTO claimed FROM c;
  IF claimed < cardinality(exts) THEN
    RAISE EXCEPTION 'a key of dataset % was claimed by another load meanwhile', dataset
      USING ERRCODE = 'unique_violation';
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_keys_claim_ids(text, text[], bigint[]) IS
  'On Citus: claims in event_keys the dataset''s external ids exts for the events ids (same order) a load inserted, and fails (23505) when another load claimed one meanwhile; does nothing on one node (internal to the loaders).';

-- On Citus: the ok rows of records lo..hi whose key is claimed get its event
-- and are marked stored, not inserted, unchanged so far (as loader_batch_known
-- marks them on one node).
CREATE FUNCTION @extschema@.loader_keys_known(dataset text, lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  exts text[];
  ids bigint[];
BEGIN
  exts := ARRAY(SELECT w.ext FROM pg_temp.loader_rows w
                WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.event_id IS NULL);
  IF cardinality(exts) = 0 THEN
    RETURN;
  END IF;
  SELECT array_agg(k.external_id), array_agg(k.event_id) INTO exts, ids
  FROM @extschema@.loader_event_ids(dataset, exts) k;
  UPDATE pg_temp.loader_rows w SET event_id = u.id, inserted = false, changed = false, status = 'stored'
  FROM unnest(exts, ids) AS u(ext, id)
  WHERE w.ext = u.ext AND w.rec BETWEEN lo AND hi AND w.status = 'ok';
END
$$;
COMMENT ON FUNCTION @extschema@.loader_keys_known(text, bigint, bigint) IS
  'On Citus: gives the ok rows of records lo..hi of pg_temp.loader_rows whose dataset and external id are claimed in event_keys that event''s id and marks them stored, not inserted, unchanged so far, first claiming the keys events hold without a claim (internal to the loaders).';

-- On Citus: claims the keys of the events the chunk lo..hi inserted; a key
-- claimed meanwhile by another load fails the chunk (unique_violation).
CREATE FUNCTION @extschema@.loader_keys_claim(dataset text, lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  exts text[];
  ids bigint[];
BEGIN
  SELECT array_agg(w.ext ORDER BY w.rec), array_agg(w.event_id ORDER BY w.rec) INTO exts, ids
  FROM pg_temp.loader_rows w
  WHERE w.rec BETWEEN lo AND hi AND w.status = 'stored' AND w.inserted;
  PERFORM @extschema@.loader_keys_claim_ids(dataset, exts, ids);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_keys_claim(text, bigint, bigint) IS
  'On Citus: claims in event_keys the dataset and external id of the events the chunk lo..hi of pg_temp.loader_rows inserted, and fails (23505) when another load claimed one meanwhile (internal to the loaders).';
