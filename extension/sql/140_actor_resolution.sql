-- extension/sql/140_actor_resolution.sql
-- The same actor across datasets.  Each dataset names actors its own way
-- (ACLED "JNIM: Group for Support of Islam and Muslims", UCDP "JNIM", GTD
-- "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"), and names change over time
-- (Islamic State in the Greater Sahara became Islamic State Sahel Province in
-- 2022; Ansar Dine merged into JNIM in 2017).  The loaders record every name as
-- the dataset wrote it on each event (event_actor_names) and resolve it to an
-- actor through actor_names, whose rows may carry the period a name was used
-- (actor_names.used).  A name no actor claims gets a provisional actor of its
-- own; unresolved_actor_names lists those names by frequency, and adding the
-- name to a curated actor later re-resolves every event that carries it.
--
-- How a name resolves, for an event of date d (actor_for_name): the claims on
-- the name are the actor_names rows with that name (by name_key(): case,
-- accents, apostrophes and dashes folded) whose
-- period is NULL or overlaps d, the actors whose own name it is (when no
-- actor_names row of theirs repeats it), and, when the dataset gave an actor
-- code (GDELT's CAMEO actor code), the actors with that code.  The best claim
-- wins:
--   1. a curated actor (provisional = false) before a provisional one;
--   2. a claim by name before a claim by code;
--   3. a dated name whose period holds all of d, then an undated name, then a
--      dated name whose period only overlaps d (d straddles the change);
--   4. the lowest actor id.

CREATE TABLE @extschema@.event_actor_names (
  event_id bigint NOT NULL REFERENCES @extschema@.events ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('actor1', 'actor2', 'associate', 'target', 'claimant', 'victim')),
  name text NOT NULL CHECK (name OPERATOR(pg_catalog.<>) ''),
  code text CHECK (code OPERATOR(pg_catalog.<>) ''),
  actor_id bigint REFERENCES @extschema@.actors ON DELETE SET NULL,
  PRIMARY KEY (event_id, role, name)
);
CREATE INDEX event_actor_names_name_key_idx ON @extschema@.event_actor_names (@extschema@.name_key(name));
CREATE INDEX event_actor_names_actor_idx ON @extschema@.event_actor_names (actor_id);
COMMENT ON TABLE @extschema@.event_actor_names IS
  'The actors of each loaded event as its dataset named them, and the actor each name resolves to now: what lets a mapping added later (an alias in actor_names) re-resolve the events (resolve_actor_names); event_actors holds the resolved actors';
COMMENT ON COLUMN @extschema@.event_actor_names.event_id IS 'the event';
COMMENT ON COLUMN @extschema@.event_actor_names.role IS 'the role the dataset gave the actor (as in event_actors)';
COMMENT ON COLUMN @extschema@.event_actor_names.name IS 'the actor''s name exactly as the dataset wrote it';
COMMENT ON COLUMN @extschema@.event_actor_names.code IS 'the dataset''s own code for the actor, when it gives one that names actors across events (GDELT''s CAMEO actor code); NULL otherwise';
COMMENT ON COLUMN @extschema@.event_actor_names.actor_id IS 'the actor the name resolves to at the event''s date (actor_for_name), a provisional one when no curated actor claims it; event_actors holds the same actor in the same role';

-- Every claim an actor makes on a name: its actor_names rows, and its own
-- name when no actor_names row of its repeats it.
CREATE VIEW @extschema@.actor_name_claims AS
SELECT n.actor_id, n.name, n.used, a.provisional
FROM @extschema@.actor_names n JOIN @extschema@.actors a ON a.id = n.actor_id
UNION ALL
SELECT a.id, a.name, NULL::@extschema@.edtf, a.provisional
FROM @extschema@.actors a
WHERE NOT EXISTS (SELECT 1 FROM @extschema@.actor_names n
                  WHERE n.actor_id = a.id AND @extschema@.name_key(n.name) = @extschema@.name_key(a.name));
COMMENT ON VIEW @extschema@.actor_name_claims IS
  'Every name an actor answers to, with the period it was used (NULL: always): its actor_names rows and its own name; what actor_for_name chooses from';
COMMENT ON COLUMN @extschema@.actor_name_claims.actor_id IS 'the actor';
COMMENT ON COLUMN @extschema@.actor_name_claims.name IS 'a name of it, as written';
COMMENT ON COLUMN @extschema@.actor_name_claims.used IS 'when the name stood for it (actor_names.used); NULL when always';
COMMENT ON COLUMN @extschema@.actor_name_claims.provisional IS 'the actor is provisional (created by a loader for an unclaimed name)';

-- The actor a dataset's name (and actor code) stands for at a date, by the
-- rules above; NULL when nothing claims it.
-- The same for many names at once: for each (name, date, code) of the arrays
-- (position i), the actor that claims it, in one statement (the loaders
-- resolve a whole batch through it; actor_for_name is the one-name case).
CREATE FUNCTION @extschema@.actors_for_names(names text[], ats @extschema@.edtf[], codes text[])
RETURNS TABLE (i bigint, actor_id bigint)
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
  WITH q AS MATERIALIZED (
    SELECT u.i, @extschema@.name_key(u.name) AS key, u.at, u.code
    FROM unnest(names, ats, codes) WITH ORDINALITY AS u(name, at, code, i)),
  keys AS MATERIALIZED (SELECT DISTINCT q.key FROM q WHERE q.key IS NOT NULL),
  by_name AS MATERIALIZED (   -- every claim on those names: actor_names rows, and actors' own names
    SELECT k.key, n.actor_id, a.provisional, n.used
    FROM keys k
    JOIN @extschema@.actor_names n ON @extschema@.name_key(n.name) = k.key
    JOIN @extschema@.actors a ON a.id = n.actor_id
    UNION ALL
    SELECT k.key, a.id, a.provisional, NULL::@extschema@.edtf
    FROM keys k
    JOIN @extschema@.actors a ON @extschema@.name_key(a.name) = k.key
    WHERE NOT EXISTS (SELECT 1 FROM @extschema@.actor_names n
                      WHERE n.actor_id = a.id AND @extschema@.name_key(n.name) = k.key)),
  claims AS (
    SELECT q.i, c.actor_id, c.provisional, 0 AS by_code,
           CASE WHEN c.used IS NULL THEN 1
                WHEN q.at IS NULL THEN 2
                WHEN c.used OPERATOR(@extschema@.@>) q.at THEN 0
                ELSE 2 END AS period_rank
    FROM q JOIN by_name c ON c.key = q.key
    WHERE c.used IS NULL OR q.at IS NULL OR c.used OPERATOR(@extschema@.&&) q.at
    UNION ALL
    SELECT q.i, a.id, a.provisional, 1, 1
    FROM q JOIN @extschema@.actors a ON a.cameo_code = q.code
    WHERE q.code IS NOT NULL)
  SELECT q.i, b.actor_id
  FROM q
  LEFT JOIN (SELECT DISTINCT ON (c.i) c.i, c.actor_id
             FROM claims c
             ORDER BY c.i, c.provisional, c.by_code, c.period_rank, c.actor_id) b ON b.i = q.i
$$;
COMMENT ON FUNCTION @extschema@.actors_for_names(text[], @extschema@.edtf[], text[]) IS
  'actor_for_name for many names at once: for each position i of the arrays names, ats and codes (of one length), the actor that the name (by name_key()) and code stand for at that date, by actor_for_name''s rules; actor_id NULL when none claims it';

CREATE FUNCTION @extschema@.actor_for_name(actor_name text, at @extschema@.edtf DEFAULT NULL, code text DEFAULT NULL)
RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
  SELECT r.actor_id FROM @extschema@.actors_for_names(ARRAY[actor_name], ARRAY[at], ARRAY[code]) r
$$;
COMMENT ON FUNCTION @extschema@.actor_for_name(text, @extschema@.edtf, text) IS
  'The actor a dataset''s actor name (compared by name_key()) and actor code stand for at date at: among the actors whose name or actor_names row (its period, actor_names.used, overlapping at) claims the name, or whose CAMEO actor code is code, a curated actor before a provisional one, a name before a code, a period holding all of at before an undated name before a period that only overlaps at, then the lowest id; NULL when none claims it';

-- The events' names resolved again: every event_actor_names row (of the given
-- names, by name_key(); NULL: all) gets the actor actor_for_name gives at
-- its event's date, event_actors follows, a name no actor claims any more gets
-- a new provisional actor, and the provisional actors no longer used by any
-- event, deployment, figure or actor are deleted.  Returns the number of rows
-- whose actor changed.
CREATE FUNCTION @extschema@.resolve_actor_names(names text[] DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  saved text := current_setting('sahel_news.resolving_actor_names', true);
  changed bigint;
  keys text[] := ARRAY(SELECT @extschema@.name_key(x) FROM unnest(names) x);
  ev bigint[];
  roles text[];
  old bigint[];
  used bigint[];
BEGIN
  -- the triggers on actors and actor_names stay quiet while this runs
  PERFORM set_config('sahel_news.resolving_actor_names', 'on', true);

  IF to_regclass('pg_temp.sn_resolved') IS NULL THEN
    CREATE TEMP TABLE sn_resolved (
      event_id bigint, role text, name text, code text, occurred @extschema@.edtf,
      old_actor bigint, new_actor bigint) ON COMMIT DROP;
  ELSE
    TRUNCATE pg_temp.sn_resolved;
  END IF;
  -- the names as stored, then their actors now (in a statement of its own:
  -- on Citus the events are on the workers, where actor_for_name() may not
  -- query the actors, and Citus joins no temporary table to a table of its
  -- own in an UPDATE or DELETE: what changes is passed on by keys)
  INSERT INTO pg_temp.sn_resolved (event_id, role, name, code, occurred, old_actor)
  SELECT r.event_id, r.role, r.name, r.code, e.occurred, r.actor_id
  FROM @extschema@.event_actor_names r JOIN @extschema@.events e ON e.id = r.event_id
  WHERE names IS NULL OR @extschema@.name_key(r.name) = ANY (keys);
  UPDATE pg_temp.sn_resolved s SET new_actor = @extschema@.actor_for_name(s.name, s.occurred, s.code);

  -- a name nothing claims any more: one new provisional actor per name
  WITH orphan AS (
    SELECT DISTINCT ON (@extschema@.name_key(s.name)) s.name
    FROM pg_temp.sn_resolved s WHERE s.new_actor IS NULL
    ORDER BY @extschema@.name_key(s.name), s.name),
  made AS (
    INSERT INTO @extschema@.actors (name, provisional)
    SELECT o.name, true FROM orphan o
    RETURNING id, name)
  INSERT INTO @extschema@.actor_names (actor_id, name) SELECT m.id, m.name FROM made m;
  UPDATE pg_temp.sn_resolved s
  SET new_actor = @extschema@.actor_for_name(s.name, s.occurred, s.code)
  WHERE s.new_actor IS NULL;

  DELETE FROM pg_temp.sn_resolved s WHERE s.new_actor IS NOT DISTINCT FROM s.old_actor;
  SELECT count(*) INTO changed FROM pg_temp.sn_resolved;

  IF changed > 0 THEN
    UPDATE @extschema@.event_actor_names r SET actor_id = s.new_actor
    FROM pg_temp.sn_resolved s
    WHERE r.event_id = s.event_id AND r.role = s.role AND r.name = s.name;
    -- event_actors: the old actor leaves a role no other name of the event still gives it
    SELECT array_agg(s.event_id), array_agg(s.role), array_agg(s.old_actor) INTO ev, roles, old
    FROM pg_temp.sn_resolved s WHERE s.old_actor IS NOT NULL;
    DELETE FROM @extschema@.event_actors ea
    WHERE ea.event_id = ANY (ev)
      AND (ea.event_id, ea.role, ea.actor_id) IN (SELECT u.e, u.r, u.a FROM unnest(ev, roles, old) AS u(e, r, a))
      AND NOT EXISTS (SELECT 1 FROM @extschema@.event_actor_names r
                      WHERE r.event_id = ea.event_id AND r.role = ea.role AND r.actor_id = ea.actor_id);
    INSERT INTO @extschema@.event_actors (event_id, actor_id, role)
    SELECT DISTINCT s.event_id, s.new_actor, s.role FROM pg_temp.sn_resolved s
    ON CONFLICT DO NOTHING;
    -- provisional actors left without any use
    old := ARRAY(SELECT DISTINCT s.old_actor FROM pg_temp.sn_resolved s WHERE s.old_actor IS NOT NULL);
    used := ARRAY(SELECT r.actor_id FROM @extschema@.event_actor_names r WHERE r.actor_id = ANY (old)
                  UNION SELECT ea.actor_id FROM @extschema@.event_actors ea WHERE ea.actor_id = ANY (old)
                  UNION SELECT d.force_id FROM @extschema@.deployments d WHERE d.force_id = ANY (old)
                  UNION SELECT f.actor_id FROM @extschema@.figures f WHERE f.actor_id = ANY (old)
                  UNION SELECT c.parent_id FROM @extschema@.actors c WHERE c.parent_id = ANY (old));
    DELETE FROM @extschema@.actors a
    WHERE a.provisional AND a.id = ANY (old) AND NOT (a.id = ANY (used));
  END IF;

  PERFORM set_config('sahel_news.resolving_actor_names', coalesce(saved, ''), true);
  RETURN changed;
END
$$;
COMMENT ON FUNCTION @extschema@.resolve_actor_names(text[]) IS
  'Resolves the dataset names of events (event_actor_names; only those names, compared by name_key(), or all when NULL) again by actor_for_name at each event''s date, moves event_actors along, gives a name that nothing claims any more a new provisional actor, deletes provisional actors left unused; returns how many names changed actor.  The triggers on actor_names and actors call it for the names a change touches';

-- A change to actor_names or actors re-resolves the events that carry the
-- names it touches.
CREATE FUNCTION @extschema@.actor_names_changed() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  touched text[];
BEGIN
  IF coalesce(current_setting('sahel_news.resolving_actor_names', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'actor_names' THEN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      SELECT array_agg(DISTINCT n.name) INTO touched FROM new_rows n;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      touched := coalesce(touched, '{}') || (SELECT coalesce(array_agg(DISTINCT o.name), '{}') FROM old_rows o);
    END IF;
  ELSE
    -- actors: their own names, and for a change of provisional, every name of theirs
    SELECT array_agg(DISTINCT x) INTO touched
    FROM (SELECT a.name FROM new_rows a
          UNION ALL
          SELECT n.name FROM new_rows a JOIN @extschema@.actor_names n ON n.actor_id = a.id
          WHERE TG_OP = 'UPDATE') AS t(x);
    IF TG_OP = 'UPDATE' THEN
      touched := coalesce(touched, '{}') || (SELECT coalesce(array_agg(DISTINCT o.name), '{}') FROM old_rows o);
    END IF;
  END IF;
  IF cardinality(touched) > 0
     AND EXISTS (SELECT 1 FROM @extschema@.event_actor_names r
                 WHERE @extschema@.name_key(r.name) = ANY (SELECT @extschema@.name_key(x) FROM unnest(touched) x)) THEN
    PERFORM @extschema@.resolve_actor_names(touched);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.actor_names_changed() IS
  'Trigger function (after each statement on actor_names and actors): re-resolves the events whose dataset names the changed rows name (resolve_actor_names)';

CREATE TRIGGER resolve_on_insert AFTER INSERT ON @extschema@.actor_names
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.actor_names_changed();
CREATE TRIGGER resolve_on_update AFTER UPDATE ON @extschema@.actor_names
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.actor_names_changed();
CREATE TRIGGER resolve_on_delete AFTER DELETE ON @extschema@.actor_names
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.actor_names_changed();
CREATE TRIGGER resolve_on_insert AFTER INSERT ON @extschema@.actors
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.actor_names_changed();
CREATE TRIGGER resolve_on_update AFTER UPDATE ON @extschema@.actors
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.actor_names_changed();

SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_actor_names', '');

-- The names an analyst should map next.  A dataset name on an event is
-- unresolved when no curated actor claims it at the event's date: it resolves
-- to a provisional actor (made by a loader for that name alone) or to none.
CREATE VIEW @extschema@.unresolved_actor_names AS
SELECT e.dataset,
       r.name,
       count(DISTINCT r.event_id) AS events,
       min(@extschema@.finite_or_null(@extschema@.lower(e.occurred))) AS first_date,
       max(@extschema@.finite_or_null(@extschema@.upper(e.occurred))) AS last_date
FROM @extschema@.event_actor_names r
JOIN @extschema@.events e ON e.id = r.event_id
LEFT JOIN @extschema@.actors a ON a.id = r.actor_id
WHERE r.actor_id IS NULL OR a.provisional
GROUP BY e.dataset, r.name;
COMMENT ON VIEW @extschema@.unresolved_actor_names IS
  'The actor names of loaded events that no curated actor claims at the event''s date (they resolve to a provisional actor a loader made for the name, or to none), per dataset and name as written, with how many events carry them and over which dates: ORDER BY events DESC is what to map next (add the name to actor_names of the right actor)';
COMMENT ON COLUMN @extschema@.unresolved_actor_names.dataset IS 'the dataset of the events (events.dataset)';
COMMENT ON COLUMN @extschema@.unresolved_actor_names.name IS 'the name as the dataset wrote it';
COMMENT ON COLUMN @extschema@.unresolved_actor_names.events IS 'how many events of that dataset carry it unresolved';
COMMENT ON COLUMN @extschema@.unresolved_actor_names.first_date IS 'the earliest day those events can fall on (NULL when open)';
COMMENT ON COLUMN @extschema@.unresolved_actor_names.last_date IS 'the latest day those events can fall on (NULL when open)';
