-- extension/sql/320_loaders_resolve.sql — how the loaders find (or create) the
-- places and actors a dataset row names, and how they check its coordinates.

-- The loaders look names up case-insensitively, once or more per row, through
-- indexes (the model indexes name_key(name) of places and place_names, lower(name) of actors and
-- actor_names, and places.country; the CAMEO actor code is ours to index).
-- PL/pgSQL keeps a generic plan of each query for the rest of the load.  Made
-- at the start, when places and actors may be nearly empty, such a plan would
-- scan them sequentially, and go on doing so as they grow inside the load's
-- one transaction: the load would turn quadratic.  The lookup functions
-- therefore run with enable_seqscan off, which makes every plan of theirs,
-- generic ones included, an index plan (each query has an index to use).
-- Planning each query afresh on every call (plan_cache_mode =
-- force_custom_plan) is the other cure, and it took most of a load's
-- time: about 0.2 ms per query, four queries per ACLED row.
--
-- A place is looked up by name first: the places of that name (or alias),
-- with their country and point, are gathered in a MATERIALIZED CTE, and only
-- those few are then filtered by country and distance.  Joined straight to
-- places, the planner (on statistics taken before the load) would rather scan
-- every place of the country and compute its distance to the row's point,
-- hundreds of distances per row.
CREATE INDEX actors_cameo_code_idx ON @extschema@.actors (cameo_code);

-- The places a name or alias names (by name_key()), with their country
-- and point: what loader_place and loader_check_location choose from.  Its
-- callers gather them in a MATERIALIZED CTE and only then filter by country
-- and distance (see above).  PL/pgSQL, never inlined: on Citus a body
-- inlined into a query that names no table of Citus is planned by
-- PostgreSQL alone, and would read the coordinator's own (emptied) copies of
-- places and place_names instead of the reference tables.
CREATE FUNCTION @extschema@.loader_places_named(place_name text)
RETURNS TABLE (id bigint, country @extschema@.country, location @extschema@.geopoint)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RETURN QUERY
  SELECT q.id, q.country, q.location FROM @extschema@.places q
  WHERE @extschema@.name_key(q.name) = @extschema@.name_key(place_name)
  UNION ALL
  SELECT p.id, p.country, p.location
  FROM @extschema@.place_names n JOIN @extschema@.places p ON p.id = n.place_id
  WHERE @extschema@.name_key(n.name) = @extschema@.name_key(place_name);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_places_named(text) IS
  'The places a name or alias names (places.name and place_names.name compared by name_key(): case, accents, apostrophes and dashes folded), with their country and point; a place may come twice, once by its name and once by an alias.';

-- Coordinates as given, or put right when latitude and longitude were swapped.
-- ok is false when the pair is impossible (or missing one half); note says what
-- was changed.  A swap is detected when the pair is impossible as given but
-- possible swapped, or when the swapped point lies where the data says the
-- place is and the given one does not: within 25 km of a known place of that
-- name and country while the given point is more than 100 km from it, or within
-- 2,000 km of the country's own location while the given point is farther.
CREATE FUNCTION @extschema@.loader_check_location(
    lat float8, lon float8, in_country @extschema@.country, place_name text,
    OUT ok boolean, OUT location @extschema@.geopoint, OUT note text)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  valid boolean;
  valid_swapped boolean;
  ref @extschema@.geopoint;
  ref_is_place boolean := false;
  d0 float8;
  d1 float8;
BEGIN
  ok := true;
  IF lat IS NULL AND lon IS NULL THEN
    RETURN;
  END IF;
  IF lat IS NULL OR lon IS NULL OR lat = 'NaN' OR lon = 'NaN' THEN
    ok := false;
    note := 'latitude or longitude missing';
    RETURN;
  END IF;
  valid := abs(lat) <= 90 AND abs(lon) <= 180;
  valid_swapped := abs(lon) <= 90 AND abs(lat) <= 180;
  -- where the data says this place is: a known place of that name, else the country
  IF place_name IS NOT NULL AND in_country IS NOT NULL THEN
    WITH named AS MATERIALIZED (SELECT * FROM @extschema@.loader_places_named(place_name))
    SELECT named.location INTO ref
    FROM named
    WHERE named.country OPERATOR(@extschema@.=) in_country AND named.location IS NOT NULL
    ORDER BY named.id
    LIMIT 1;
    ref_is_place := ref IS NOT NULL;
  END IF;
  IF ref IS NULL AND in_country IS NOT NULL THEN
    SELECT p.location INTO ref
    FROM @extschema@.places p
    WHERE p.country OPERATOR(@extschema@.=) in_country AND p.kind = 'country' AND p.location IS NOT NULL
    LIMIT 1;
  END IF;
  IF NOT valid THEN
    IF valid_swapped AND (ref IS NULL OR @extschema@.distance(@extschema@.geopoint(lon, lat), ref)
                                         <= CASE WHEN ref_is_place THEN 25000 ELSE 2000000 END) THEN
      location := @extschema@.geopoint(lon, lat);
      note := format('latitude %s and longitude %s swapped (impossible as given): stored as %s, %s', lat, lon, lon, lat);
    ELSE
      ok := false;
      note := format('impossible coordinates: latitude %s, longitude %s', lat, lon);
    END IF;
    RETURN;
  END IF;
  location := @extschema@.geopoint(lat, lon);
  IF ref IS NOT NULL AND valid_swapped THEN
    d0 := @extschema@.distance(location, ref);
    d1 := @extschema@.distance(@extschema@.geopoint(lon, lat), ref);
    IF (ref_is_place AND d0 > 100000 AND d1 <= 25000)
       OR (NOT ref_is_place AND d0 > 2000000 AND d1 <= 2000000) THEN
      location := @extschema@.geopoint(lon, lat);
      note := format('latitude %s and longitude %s swapped (%s km from %s as given, %s km swapped): stored as %s, %s',
                     lat, lon, round((d0 / 1000)::numeric), coalesce(CASE WHEN ref_is_place THEN place_name END, 'the country'),
                     round((d1 / 1000)::numeric), lon, lat);
    END IF;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_check_location(float8, float8, @extschema@.country, text) IS
  'The loaders'' coordinate check: the point as given, or swapped back when latitude and longitude were exchanged (impossible as given but possible swapped, or the swapped point matches a known place of that name or the country while the given one does not); ok is false for impossible coordinates; note says what was changed.';

-- The place a dataset row names: an existing place with that name (or alias) in
-- that country within radius metres of the row's point (the nearest one), else
-- a new place, with its name also written to place_names.
CREATE FUNCTION @extschema@.loader_place(
    place_name text, place_kind text, in_country @extschema@.country,
    at @extschema@.geopoint, radius float8 DEFAULT 25000, alias text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  found bigint;
BEGIN
  IF place_name IS NULL THEN
    RETURN NULL;
  END IF;
  -- looked up, and when not found looked up again under the loaders'
  -- gazetteer lock, which a load in another session holds while it creates
  -- places until it commits: then its place is found, not made twice
  LOOP
    WITH named AS MATERIALIZED (SELECT * FROM @extschema@.loader_places_named(place_name))
    SELECT named.id INTO found
    FROM named
    WHERE (named.country OPERATOR(@extschema@.=) in_country OR (named.country IS NULL AND in_country IS NULL))
      AND (at IS NULL OR named.location IS NULL OR @extschema@.distance(named.location, at) <= radius)
    ORDER BY CASE WHEN at IS NULL OR named.location IS NULL THEN 1 ELSE 0 END,
             CASE WHEN at IS NULL OR named.location IS NULL THEN 0 ELSE @extschema@.distance(named.location, at) END,
             named.id
    LIMIT 1;
    IF found IS NOT NULL THEN
      RETURN found;
    END IF;
    EXIT WHEN NOT @extschema@.loader_take_gazetteer_lock();
  END LOOP;
  INSERT INTO @extschema@.places (name, kind, country, location)
  VALUES (place_name, place_kind, in_country, at)
  RETURNING id INTO found;
  INSERT INTO @extschema@.place_names (place_id, name) VALUES (found, place_name);
  IF alias IS NOT NULL AND lower(alias) <> lower(place_name) THEN
    INSERT INTO @extschema@.place_names (place_id, name) VALUES (found, alias);
  END IF;
  RETURN found;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_place(text, text, @extschema@.country, @extschema@.geopoint, float8, text) IS
  'The place a dataset row names: the nearest existing place with that name or alias (case-insensitive) in that country within radius metres (default 25 km) of the point, else a new place of that kind, its name (and alias) added to place_names; created under loader_lock_gazetteer() after a second look-up.';

-- The actor a dataset row names at the event's date: the actor that claims
-- the name (or the CAMEO actor code) by actor_for_name's rules, else a new
-- provisional actor of that name (name added to actor_names).
CREATE FUNCTION @extschema@.loader_actor(
    actor_name text, actor_kind text, in_country @extschema@.country,
    acled_type smallint DEFAULT NULL, cameo text DEFAULT NULL, at @extschema@.edtf DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  found bigint;
BEGIN
  IF actor_name IS NULL THEN
    RETURN NULL;
  END IF;
  -- looked up again under the gazetteer lock before creating, as loader_place
  LOOP
    found := @extschema@.actor_for_name(actor_name, at, cameo);
    IF found IS NOT NULL THEN
      RETURN found;
    END IF;
    EXIT WHEN NOT @extschema@.loader_take_gazetteer_lock();
  END LOOP;
  INSERT INTO @extschema@.actors (name, kind, country, acled_inter, cameo_code, provisional)
  VALUES (actor_name, actor_kind, in_country, nullif(acled_type, 0),
          CASE WHEN cameo ~ '^([A-Z0-9]{3})+$' THEN cameo END, true)
  RETURNING id INTO found;
  INSERT INTO @extschema@.actor_names (actor_id, name) VALUES (found, actor_name);
  -- on Citus no trigger re-resolves the events stored with this name
  -- (actor_names_changed): done here, as on one node
  IF @extschema@.model_distributed() THEN
    PERFORM @extschema@.resolve_actor_names(ARRAY[actor_name]);
  END IF;
  RETURN found;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_actor(text, text, @extschema@.country, smallint, text, @extschema@.edtf) IS
  'The actor a dataset row names at date at: actor_for_name(actor_name, at, cameo) (a curated actor before a provisional one, by name or alias in its period, else by CAMEO actor code), else a new provisional actor of that kind (name added to actor_names), created under loader_lock_gazetteer() after a second look-up.';

-- One actor of a loaded event: resolved by loader_actor at the event's date,
-- put in event_actors, and its name as the dataset wrote it kept in
-- event_actor_names (so that a mapping added later re-resolves it).
CREATE FUNCTION @extschema@.loader_event_actor(
    ev bigint, actor_role text, actor_name text, actor_kind text, in_country @extschema@.country,
    at @extschema@.edtf, acled_type smallint DEFAULT NULL, cameo text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  a bigint;
BEGIN
  a := @extschema@.loader_actor(actor_name, actor_kind, in_country, acled_type, cameo, at);
  IF a IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO @extschema@.event_actors (event_id, actor_id, role) VALUES (ev, a, actor_role) ON CONFLICT DO NOTHING;
  INSERT INTO @extschema@.event_actor_names (event_id, role, name, code, actor_id)
  VALUES (ev, actor_role, actor_name, CASE WHEN cameo ~ '^([A-Z0-9]{3})+$' THEN cameo END, a)
  ON CONFLICT (event_id, role, name) DO UPDATE SET code = excluded.code, actor_id = excluded.actor_id;
  RETURN a;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_event_actor(bigint, text, text, text, @extschema@.country, @extschema@.edtf, smallint, text) IS
  'One actor of a loaded event: loader_actor at the event''s date, the actor added to event_actors in that role, the name as written (and the CAMEO actor code) kept in event_actor_names; returns the actor (NULL for a NULL name).';

-- The country a dataset's actor name carries: "Civilians (Mali)",
-- "Military Forces of Burkina Faso (2022-)", "Police Forces of Niger (2021-) Gendarmerie".
CREATE FUNCTION @extschema@.loader_actor_country(actor_name text) RETURNS @extschema@.country
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m text[];
BEGIN
  m := regexp_match(actor_name, ' of ([^()]+?) \([0-9]{4}-');
  IF m IS NULL THEN
    m := regexp_match(actor_name, '\(([^()0-9]+)\)\s*$');
  END IF;
  IF m IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN @extschema@.try_country(m[1]);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_actor_country(text) IS
  'The country an ACLED-style actor name carries ("Civilians (Mali)", "Military Forces of Mali (2021-)"), through try_country; NULL when it names none.';

-- ---------------------------------------------------------------------------
-- Set-based resolution: the places and actors of a whole chunk of staged
-- rows (pg_temp.loader_rows and pg_temp.loader_mentions, 326_loaders_batch.sql)
-- in a few statements: the distinct names are looked up once, the rows join
-- the result, and only the names left over create places or actors.
--
-- Creating places and actors is serialised: a transaction-scoped advisory
-- lock (loader_lock_gazetteer) is taken before any is created, then the names
-- left over are looked up again (a new statement sees what other loads
-- committed meanwhile), so two loads run in parallel sessions never create the
-- same place or actor twice.  The lock is held to the end of the load's
-- transaction (PostgreSQL releases transaction-scoped advisory locks only
-- then): parallel loads look up in parallel and create one after the other.
-- Under REPEATABLE READ or SERIALIZABLE a load cannot see what another
-- committed after it began; run loads in READ COMMITTED (the default).

-- How the loaders compare names: the one key their look-ups and indexes share.
CREATE FUNCTION @extschema@.loader_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.name_key(name);
COMMENT ON FUNCTION @extschema@.loader_name_key(text) IS
  'The key the loaders compare place and actor names by: name_key() (case, accents, apostrophes and dashes folded), the rule locate() and annotate() follow; the model''s indexes on name_key(name) serve it.';

CREATE FUNCTION @extschema@.loader_lock_gazetteer() RETURNS void
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('sahel_news.gazetteer'))
$$;

-- Whether this transaction holds that lock already (an earlier chunk of the
-- load took it): then there is no point in looking names up twice.
CREATE FUNCTION @extschema@.loader_gazetteer_locked() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l
                 WHERE l.locktype = 'advisory' AND l.pid = pg_catalog.pg_backend_pid() AND l.granted
                   AND l.objsubid = 1
                   AND l.classid = ((pg_catalog.hashtext('sahel_news.gazetteer')::bigint >> 32) & 4294967295)::oid
                   AND l.objid = (pg_catalog.hashtext('sahel_news.gazetteer')::bigint & 4294967295)::oid)
$$;
COMMENT ON FUNCTION @extschema@.loader_gazetteer_locked() IS
  'True when this session holds the loaders'' gazetteer lock (loader_lock_gazetteer), taken by an earlier chunk of the same load (internal to the loaders).';
COMMENT ON FUNCTION @extschema@.loader_lock_gazetteer() IS
  'Takes the transaction-scoped advisory lock under which the loaders create places and actors (and give a place its first location), so that loads in parallel sessions never create the same one twice; anything else that creates places or actors in bulk should take it too.';

-- For a creation after a look-up that found nothing: takes the gazetteer
-- lock when this transaction does not hold it yet and says so (true: look
-- again, another load may have committed the name meanwhile; false: the lock
-- was held already, so the look-up was made under it and creating is safe).
CREATE FUNCTION @extschema@.loader_take_gazetteer_lock() RETURNS boolean
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF @extschema@.loader_gazetteer_locked() THEN
    RETURN false;
  END IF;
  PERFORM @extschema@.loader_lock_gazetteer();
  RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_take_gazetteer_lock() IS
  'Takes the loaders'' gazetteer lock (loader_lock_gazetteer) unless this transaction holds it already; true when it took it now, so that a name not found is looked up again before it is created (internal to the loaders).';

-- The places named (or aliased) as each key says: key|country, the name
-- key and the country's code (empty for none).  Run with sequential scans
-- off: places and place_names grow during a load, their statistics (taken
-- before) would have the planner scan them whole for each key, and the load
-- would turn quadratic; each look-up is an index scan on name_key(name)
-- (bitmap scans off too: for the one or two rows of a key, a bitmap of
-- place_names cost some 3 us more a key, and a load looks up every name of
-- its rows two or three times).
CREATE FUNCTION @extschema@.loader_lookup_places(keys text[])
RETURNS TABLE (key text, country @extschema@.country, id bigint, location @extschema@.geopoint, sample boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off SET enable_bitmapscan = off AS $$
  WITH k AS (SELECT split_part(u, '|', 1) AS key, split_part(u, '|', 2) AS country FROM unnest(keys) AS u)
  SELECT DISTINCT k.key, c.country, c.id, c.location, c.sample
  FROM k
  CROSS JOIN LATERAL (
    SELECT q.id, q.country, q.location, q.sample FROM @extschema@.places q
    WHERE @extschema@.loader_name_key(q.name) = k.key AND coalesce(q.country::text, '') = k.country
    UNION ALL   -- (the DISTINCT above takes a place named and aliased once)
    SELECT p.id, p.country, p.location, p.sample FROM @extschema@.place_names n JOIN @extschema@.places p ON p.id = n.place_id
    WHERE @extschema@.loader_name_key(n.name) = k.key AND coalesce(p.country::text, '') = k.country) c
$$;
COMMENT ON FUNCTION @extschema@.loader_lookup_places(text[]) IS
  'The places (id, country, point, shipped or not) whose name or alias has the given key in the given country, for keys written key|country (internal to the loaders).';

-- The first actor (lowest id) with each name key, by name or alias; with
-- sequential scans off, as loader_lookup_places.
CREATE FUNCTION @extschema@.loader_lookup_actors(keys text[])
RETURNS TABLE (key text, id bigint)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
  SELECT k.key, (SELECT min(x.id) FROM (
                   SELECT a.id FROM @extschema@.actors a WHERE @extschema@.loader_name_key(a.name) = k.key
                   UNION ALL
                   SELECT n.actor_id FROM @extschema@.actor_names n WHERE @extschema@.loader_name_key(n.name) = k.key) x)
  FROM unnest(keys) AS k(key)
$$;
COMMENT ON FUNCTION @extschema@.loader_lookup_actors(text[]) IS
  'For each name key, the first actor (lowest id) with that name or alias, or NULL (internal to the loaders).';

-- The first actor (lowest id) with each CAMEO actor code.
CREATE FUNCTION @extschema@.loader_lookup_cameo_actors(codes text[])
RETURNS TABLE (cameo text, id bigint)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
  SELECT c.cameo, (SELECT min(a.id) FROM @extschema@.actors a WHERE a.cameo_code = c.cameo)
  FROM unnest(codes) AS c(cameo)
$$;
COMMENT ON FUNCTION @extschema@.loader_lookup_cameo_actors(text[]) IS
  'For each CAMEO actor code, the first actor (lowest id) with that code, or NULL (internal to the loaders).';

-- The places of pg_temp.loader_seeds created (with their names and aliases
-- in place_names), in record order, and added to pg_temp.loader_candidates;
-- pg_temp.loader_created lists them.  On Citus, places and place_names are
-- reference tables: the seeds are read by a query of their own, the places
-- written from arrays, and the temporary tables written from what came back
-- (no statement both writes a temporary table and reads or writes a table of
-- Citus: Citus 13 sends it to the other nodes, where the temporary table is not).
CREATE FUNCTION @extschema@.loader_create_places(located boolean) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  seeds_name text[];
  seeds_kind text[];
  seeds_country text[];
  seeds_at @extschema@.geopoint[];
  seeds_alias text[];
  made_id bigint[];
  made_name text[];
  made_country text[];
  made_at @extschema@.geopoint[];
BEGIN
  SELECT array_agg(s.place_name ORDER BY s.rec), array_agg(s.place_kind ORDER BY s.rec),
         array_agg(s.place_country::text ORDER BY s.rec), array_agg(s.place_at ORDER BY s.rec),
         array_agg(s.place_alias ORDER BY s.rec)
  INTO seeds_name, seeds_kind, seeds_country, seeds_at, seeds_alias
  FROM pg_temp.loader_seeds s;
  PERFORM @extschema@.loader_drop_work_tables('loader_created');
  CREATE TEMP TABLE loader_created (id bigint) ON COMMIT DROP;
  IF seeds_name IS NULL THEN
    RETURN;
  END IF;
  WITH created AS (
    INSERT INTO @extschema@.places (name, kind, country, location)
    SELECT u.name, u.kind, u.country::@extschema@.country, CASE WHEN located THEN u.at END
    FROM unnest(seeds_name, seeds_kind, seeds_country, seeds_at) WITH ORDINALITY AS u(name, kind, country, at, n)
    ORDER BY u.n
    RETURNING id, name, country, location),
  named AS (
    INSERT INTO @extschema@.place_names (place_id, name)
    SELECT c.id, c.name FROM created c
    UNION
    SELECT c.id, u.alias FROM created c JOIN unnest(seeds_name, seeds_country, seeds_alias) AS u(name, country, alias)
      ON u.name = c.name AND coalesce(u.country, '') = coalesce(c.country::text, '')
    WHERE u.alias IS NOT NULL AND lower(u.alias) <> lower(u.name))
  SELECT array_agg(c.id ORDER BY c.id), array_agg(c.name ORDER BY c.id), array_agg(c.country::text ORDER BY c.id),
         array_agg(c.location ORDER BY c.id)
  INTO made_id, made_name, made_country, made_at
  FROM created c;
  INSERT INTO pg_temp.loader_created (id) SELECT unnest(made_id);
  INSERT INTO pg_temp.loader_candidates (key, country, id, location, sample)
  SELECT @extschema@.loader_name_key(u.name), u.country::@extschema@.country, u.id, u.at, false
  FROM unnest(made_id, made_name, made_country, made_at) AS u(id, name, country, at);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_create_places(boolean) IS
  'Creates a place (located: at the seed''s point, else without a location) for each row of pg_temp.loader_seeds, in record order, with its name and alias in place_names, lists them in pg_temp.loader_created and adds them to pg_temp.loader_candidates (internal to the loaders).';

-- The places of the rows lo..hi still without one, in this order:
--  0. a country named as a whole (kind country): the country's own place;
--  1. a row with a point: the nearest place of that name (or alias) and
--     country that has a location within the row's radius; a place without a
--     location never takes a located row by name alone (it would swallow
--     every row of that name however far away);
--  2. a row with a point and no such place, where a place of that name and
--     country has no location: the first such row gives the place its point
--     (noted on the row: listed in import_issues as kept), and the rows within
--     the radius of it join it;
--  3. else new places: the first row of each name and country seeds one at
--     its point, the rows within the radius join it, and so on until every
--     row has a place (different villages of one name stay apart);
--  4. a row without a point: a place of that name and country (the first
--     created, when there are several), else a new one without a location.
CREATE FUNCTION @extschema@.loader_resolve_places(lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  locked boolean := @extschema@.loader_gazetteer_locked();
  n bigint;
  countries text[];
  ids bigint[];
  names text[];
  recs bigint[];
  ats @extschema@.geopoint[];
  given bigint[];
BEGIN
  -- 0. countries (their places read into variables first: on Citus, an
  -- UPDATE of a temporary table whose subquery reads a reference table is
  -- sent to the reference table's other nodes, where the temporary table is not)
  SELECT array_agg(c.country), array_agg(c.id) INTO countries, ids
  FROM (SELECT p.country::text AS country, min(p.id) AS id FROM @extschema@.places p
        WHERE p.kind = 'country' GROUP BY 1) c;
  UPDATE pg_temp.loader_rows w
  SET place_id = c.id
  FROM unnest(countries, ids) AS c(country, id)
  WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.place_id IS NULL AND w.place_kind = 'country'
    AND w.place_country IS NOT NULL AND c.country = w.place_country::text;

  <<passes>>
  LOOP
    -- the candidates: every place named (or aliased) as a row still without one
    PERFORM @extschema@.loader_drop_work_tables('loader_candidates');
    CREATE TEMP TABLE loader_candidates ON COMMIT DROP AS
    SELECT c.key, c.country, c.id, c.location, c.sample
    FROM @extschema@.loader_lookup_places(
      ARRAY(SELECT DISTINCT @extschema@.loader_name_key(w.place_name) || '|' || coalesce(w.place_country::text, '')
            FROM pg_temp.loader_rows w
            WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.place_id IS NULL AND w.place_name IS NOT NULL)) c;
    CREATE INDEX ON pg_temp.loader_candidates (key);
    ANALYZE pg_temp.loader_candidates;

    -- 1. located rows: the nearest located place within the radius
    PERFORM @extschema@.loader_match_located(lo, hi);
    -- 4 (matching only). rows without a point: a place of that name
    PERFORM @extschema@.loader_match_unlocated(lo, hi);

    IF NOT EXISTS (SELECT 1 FROM pg_temp.loader_rows w
                   WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.place_id IS NULL
                     AND w.place_name IS NOT NULL) THEN
      RETURN;
    END IF;
    EXIT passes WHEN locked;
    -- places must be created: under the lock, look again
    PERFORM @extschema@.loader_lock_gazetteer();
    locked := true;
  END LOOP;

  -- 2. a place of that name without a location gets the first row's point;
  -- one shipped with the extension cannot be changed: the rows take it by
  -- name, and say so
  SELECT array_agg(p.id), array_agg(p.name) INTO ids, names
  FROM @extschema@.places p
  WHERE p.id IN (SELECT c.id FROM pg_temp.loader_candidates c WHERE c.location IS NULL AND c.sample);
  UPDATE pg_temp.loader_rows w
  SET place_id = c.id,
      notes = w.notes || format('place %L (id %s, shipped with the extension without a location) taken by name: no place of that name in %s has a point',
                                c.name, c.id, coalesce(w.place_country::text, 'no country'))
  FROM (SELECT DISTINCT ON (c.key, c.country) c.key, c.country, c.id, p.name
        FROM pg_temp.loader_candidates c JOIN unnest(ids, names) AS p(id, name) ON p.id = c.id
        WHERE c.location IS NULL AND c.sample ORDER BY c.key, c.country, c.id) c
  WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.place_id IS NULL AND w.place_at IS NOT NULL
    AND c.key = @extschema@.loader_name_key(w.place_name)
    AND coalesce(c.country::text, '') = coalesce(w.place_country::text, '')
    AND NOT EXISTS (SELECT 1 FROM pg_temp.loader_candidates o
                    WHERE o.key = c.key AND o.location IS NULL AND NOT o.sample
                      AND coalesce(o.country::text, '') = coalesce(c.country::text, ''));
  -- (on Citus no statement may read a temporary table and write a
  -- reference table, or the other way round: the rows go through arrays)
  SELECT array_agg(o.rec ORDER BY o.rec), array_agg(o.id ORDER BY o.rec), array_agg(o.place_at ORDER BY o.rec),
         array_agg(o.place_name ORDER BY o.rec)
  INTO recs, ids, ats, names
  FROM (SELECT DISTINCT ON (f.rec) f.* FROM (   -- one place per name and country, the first created
          SELECT DISTINCT ON (c.id) c.id, w.rec, w.place_at, w.place_name
          FROM pg_temp.loader_rows w
          JOIN pg_temp.loader_candidates c
            ON c.key = @extschema@.loader_name_key(w.place_name) AND c.location IS NULL AND NOT c.sample
           AND coalesce(c.country::text, '') = coalesce(w.place_country::text, '')
          WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.place_id IS NULL AND w.place_at IS NOT NULL
          ORDER BY c.id, w.rec) f
        ORDER BY f.rec, f.id) o;
  IF recs IS NOT NULL THEN
    WITH located AS (
      UPDATE @extschema@.places p SET location = o.place_at, changed_run = @extschema@.current_import_run()
      FROM unnest(ids, ats) AS o(id, place_at) WHERE p.id = o.id AND p.location IS NULL
      RETURNING p.id)
    SELECT array_agg(l.id) INTO given FROM located l;
    UPDATE pg_temp.loader_rows w
    SET place_id = o.id,
        notes = w.notes || format('place %L (id %s) had no location: given this row''s point %s',
                                  o.place_name, o.id, o.place_at::text)
    FROM unnest(recs, ids, ats, names) AS o(rec, id, place_at, place_name)
    WHERE w.rec = o.rec AND w.rec BETWEEN lo AND hi AND o.id = ANY (given);
    UPDATE pg_temp.loader_candidates c SET location = o.place_at
    FROM unnest(ids, ats) AS o(id, place_at) WHERE c.id = o.id AND o.id = ANY (given);
    -- the rows near a place given its point join it (only then did the
    -- candidates change: else step 1 found for these rows all there is)
    IF given IS NOT NULL THEN
      PERFORM @extschema@.loader_match_located(lo, hi);
    END IF;
  END IF;

  -- 3. new located places, seeded by the first row of each name and country
  -- (the seeds a table of their own: on Citus no statement may both write a
  -- temporary table and the model)
  LOOP
    PERFORM @extschema@.loader_drop_work_tables('loader_seeds');
    CREATE TEMP TABLE loader_seeds ON COMMIT DROP AS
    SELECT DISTINCT ON (@extschema@.loader_name_key(w.place_name), w.place_country)
           w.rec, w.place_name, w.place_kind, w.place_country, w.place_at, w.place_alias, w.place_radius
    FROM pg_temp.loader_rows w
    WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.place_id IS NULL AND w.place_name IS NOT NULL
      AND w.place_at IS NOT NULL
    ORDER BY @extschema@.loader_name_key(w.place_name), w.place_country, w.rec;
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
    -- a new place beside others of its name: say how far the nearest is
    UPDATE pg_temp.loader_rows w
    SET notes = w.notes || format('new place %L: the nearest place of that name in %s (id %s) is %s km away, more than %s km',
                                  n.place_name, coalesce(n.place_country::text, 'no country'), n.id,
                                  round((n.d / 1000)::numeric), round((n.place_radius / 1000)::numeric))
    FROM (SELECT DISTINCT ON (s.rec) s.rec, s.place_name, s.place_country, s.place_radius, c.id,
                 @extschema@.distance(c.location, s.place_at) AS d
          FROM pg_temp.loader_seeds s
          JOIN pg_temp.loader_candidates c
            ON c.key = @extschema@.loader_name_key(s.place_name) AND c.location IS NOT NULL
           AND coalesce(c.country::text, '') = coalesce(s.place_country::text, '')
          ORDER BY s.rec, 6, c.id) n
    WHERE w.rec = n.rec AND w.rec BETWEEN lo AND hi;
    PERFORM @extschema@.loader_create_places(true);
    ANALYZE pg_temp.loader_candidates;
    PERFORM @extschema@.loader_match_located(lo, hi);
  END LOOP;

  -- 4. rows without a point: a place of that name (created above, perhaps),
  -- else one new place without a location per name and country
  PERFORM @extschema@.loader_match_unlocated(lo, hi);
  PERFORM @extschema@.loader_drop_work_tables('loader_seeds');
  CREATE TEMP TABLE loader_seeds ON COMMIT DROP AS
  SELECT DISTINCT ON (@extschema@.loader_name_key(w.place_name), w.place_country)
         w.rec, w.place_name, w.place_kind, w.place_country, NULL::@extschema@.geopoint AS place_at, w.place_alias
  FROM pg_temp.loader_rows w
  WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.place_id IS NULL AND w.place_name IS NOT NULL
  ORDER BY @extschema@.loader_name_key(w.place_name), w.place_country, w.rec;
  PERFORM @extschema@.loader_create_places(false);
  UPDATE pg_temp.loader_rows w SET place_id = c.id
  FROM pg_temp.loader_candidates c
  WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.place_id IS NULL AND w.place_name IS NOT NULL
    AND c.key = @extschema@.loader_name_key(w.place_name) AND c.location IS NULL AND NOT c.sample
    AND coalesce(w.place_country::text, '') = coalesce(c.country::text, '')
    AND c.id IN (SELECT x.id FROM pg_temp.loader_created x);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_resolve_places(bigint, bigint) IS
  'Gives every ok row of records lo..hi of pg_temp.loader_rows its place: the country''s own place for a country; the nearest located place of that name and country within the row''s radius; a place of that name without a location given the first row''s point (noted); else new places seeded row by row in record order, so that same-named places farther apart than the radius stay apart; rows without a point take a place of that name or a new one.  Creation happens under loader_lock_gazetteer() after a second look-up (internal to the loaders).';

-- Step 1 of loader_resolve_places: located rows still without a place take
-- the nearest located candidate within their radius.
CREATE FUNCTION @extschema@.loader_match_located(lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  WITH m AS MATERIALIZED (
        SELECT r.rec,
               (SELECT c.id FROM pg_temp.loader_candidates c
                WHERE c.key = @extschema@.loader_name_key(r.place_name) AND c.location IS NOT NULL
                  AND coalesce(c.country::text, '') = coalesce(r.place_country::text, '')
                  AND @extschema@.distance(c.location, r.place_at) <= r.place_radius
                ORDER BY @extschema@.distance(c.location, r.place_at), c.id LIMIT 1) AS id
        FROM pg_temp.loader_rows r
        WHERE r.rec BETWEEN lo AND hi AND r.status = 'ok' AND r.place_id IS NULL
          AND r.place_name IS NOT NULL AND r.place_at IS NOT NULL)
  UPDATE pg_temp.loader_rows w
  SET place_id = m.id
  FROM m
  WHERE m.id IS NOT NULL AND w.rec = m.rec AND w.rec BETWEEN lo AND hi;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_match_located(bigint, bigint) IS
  'Gives the located ok rows of records lo..hi still without a place the nearest located candidate of their name and country within their radius (internal to the loaders).';

-- The mentions of the ok rows lo..hi still without an actor get the one
-- actor_for_name gives, all at once (actors_for_names).  The event's date
-- only matters for a name some actor_names row claims for a period
-- (actor_names.used): every other name is resolved once per (name, code),
-- the dated ones once per (name, code, date).  The keys are plain values
-- (coalesce, not IS NOT DISTINCT FROM) so that the joins hash.
CREATE FUNCTION @extschema@.loader_assign_actors(lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM @extschema@.loader_drop_work_tables('loader_actor_keys');
  CREATE TEMP TABLE loader_actor_keys ON COMMIT DROP AS
  WITH m AS MATERIALIZED (
    SELECT m.rec, m.ord, m.name, coalesce(m.cameo, '') AS cameo, coalesce(w.occurred::text, '') AS occ
    FROM pg_temp.loader_mentions m JOIN pg_temp.loader_rows w ON w.rec = m.rec
    WHERE m.rec BETWEEN lo AND hi AND w.rec BETWEEN lo AND hi AND w.status = 'ok' AND m.actor_id IS NULL),
  dated AS MATERIALIZED (
    SELECT d.name
    FROM (SELECT DISTINCT m.name FROM m) d
    WHERE EXISTS (SELECT 1 FROM @extschema@.actor_names n
                  WHERE @extschema@.name_key(n.name) = @extschema@.name_key(d.name) AND n.used IS NOT NULL))
  SELECT m.rec, m.ord, m.name, m.cameo, x.occ,
         concat_ws(chr(31), m.name, m.cameo, x.occ) AS key   -- one column: the joins estimate it right
  FROM m CROSS JOIN LATERAL (
    SELECT CASE WHEN m.name IN (SELECT dated.name FROM dated) THEN m.occ ELSE '' END AS occ) x;
  ANALYZE pg_temp.loader_actor_keys;
  PERFORM @extschema@.loader_drop_work_tables('loader_actor_found');
  CREATE TEMP TABLE loader_actor_found ON COMMIT DROP AS
  WITH k AS MATERIALIZED (
    SELECT row_number() OVER () AS i, d.key, d.name, d.cameo, d.occ
    FROM (SELECT DISTINCT ON (k.key) k.key, k.name, k.cameo, k.occ FROM pg_temp.loader_actor_keys k) d)
  SELECT k.key, f.actor_id
  FROM @extschema@.actors_for_names(ARRAY(SELECT k.name FROM k ORDER BY k.i),
                                    ARRAY(SELECT nullif(k.occ, '')::@extschema@.edtf FROM k ORDER BY k.i),
                                    ARRAY(SELECT nullif(k.cameo, '') FROM k ORDER BY k.i)) f
  JOIN k ON k.i = f.i
  WHERE f.actor_id IS NOT NULL;
  ANALYZE pg_temp.loader_actor_found;
  UPDATE pg_temp.loader_mentions m
  SET actor_id = r.actor_id
  FROM pg_temp.loader_actor_keys x JOIN pg_temp.loader_actor_found r ON r.key = x.key
  WHERE m.rec = x.rec AND m.ord = x.ord AND m.rec BETWEEN lo AND hi;   -- (by key, not ctid: a join by ctid reads one row at a time)
END
$$;
COMMENT ON FUNCTION @extschema@.loader_assign_actors(bigint, bigint) IS
  'Gives the mentions of the ok rows of records lo..hi still without an actor the one actor_for_name gives at the event''s date, in one call of actors_for_names over the distinct names and codes (and dates, for the names some actor_names row claims for a period) (internal to the loaders).';

-- The actors the ok rows of records lo..hi name (pg_temp.loader_mentions):
-- the actor that claims the name or the CAMEO actor code at the event's date
-- (actor_for_name: a curated actor before a provisional one, an alias only in
-- its period, 140_actor_resolution.sql), else a new provisional actor with the kind, country, ACLED actor type
-- and CAMEO code of the first row naming it (one new actor per CAMEO code:
-- GDELT names one code several ways); a new actor without a country from its
-- row gets the one its name carries ("Civilians (Mali)").
CREATE FUNCTION @extschema@.loader_resolve_actors(lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  locked boolean := @extschema@.loader_gazetteer_locked();
  quiet text;
  made text[];
  made_all text[] := '{}';
  unresolved bigint;
  before bigint;
BEGIN
  LOOP
    -- each distinct name, CAMEO code and event date: the actor that claims
    -- it then (actor_for_name: curated before provisional, periods respected)
    PERFORM @extschema@.loader_assign_actors(lo, hi);
    EXIT WHEN locked OR NOT EXISTS (
      SELECT 1 FROM pg_temp.loader_mentions m JOIN pg_temp.loader_rows w ON w.rec = m.rec
      WHERE m.rec BETWEEN lo AND hi AND w.rec BETWEEN lo AND hi AND w.status = 'ok' AND m.actor_id IS NULL);
    IF NOT locked THEN
      -- actors must be created: under the lock, look again
      PERFORM @extschema@.loader_lock_gazetteer();
      locked := true;
      CONTINUE;
    END IF;
  END LOOP;
  -- Create actors in rounds until every mention has one.  A round makes one
  -- actor per name and per CAMEO code, so a name whose first mention's code
  -- went to another name's new actor ("ZAMBIA" as ZMB, after "LUSAKA" as
  -- ZMB) waits for a later round if another of its mentions finds nothing
  -- ("ZAMBIA" as ZMBJUD): without it, that mention would be written without
  -- its name.
  LOOP
    SELECT count(*) INTO unresolved
    FROM pg_temp.loader_mentions m JOIN pg_temp.loader_rows w ON w.rec = m.rec
    WHERE m.rec BETWEEN lo AND hi AND w.rec BETWEEN lo AND hi AND w.status = 'ok' AND m.actor_id IS NULL;
    -- none left; or the last round found none an actor (a name with no key
    -- and no well-formed code, which no actor can claim): stop
    EXIT WHEN unresolved = 0 OR unresolved = before;
    before := unresolved;
    -- The triggers on actors and actor_names re-resolve the events that carry
    -- a new name (actor_names_changed); here they stay quiet, and the events
    -- stored with a new actor's name are resolved again below, once.
    quiet := coalesce(current_setting('sahel_news.resolving_actor_names', true), '');
    PERFORM set_config('sahel_news.resolving_actor_names', 'on', true);
    WITH firsts AS (   -- the first mention of each name
      SELECT DISTINCT ON (@extschema@.loader_name_key(m.name)) m.*
      FROM pg_temp.loader_mentions m JOIN pg_temp.loader_rows w ON w.rec = m.rec
      WHERE m.rec BETWEEN lo AND hi AND w.rec BETWEEN lo AND hi AND w.status = 'ok' AND m.actor_id IS NULL
      ORDER BY @extschema@.loader_name_key(m.name), m.rec, m.ord),
    creators AS (      -- and of those, the first of each CAMEO code
      SELECT f.* FROM firsts f
      WHERE f.cameo IS NULL OR NOT EXISTS (
        SELECT 1 FROM firsts g WHERE g.cameo = f.cameo AND (g.rec, g.ord) < (f.rec, f.ord))),
    created AS (
      INSERT INTO @extschema@.actors (name, kind, country, acled_inter, cameo_code, provisional)
      SELECT c.name, c.kind, coalesce(c.country, @extschema@.loader_actor_country(c.name)), nullif(c.acled_inter, 0),
             CASE WHEN c.cameo ~ '^([A-Z0-9]{3})+$' THEN c.cameo END, true
      FROM creators c ORDER BY c.rec, c.ord
      RETURNING id, name),
    named AS (
      INSERT INTO @extschema@.actor_names (actor_id, name) SELECT c.id, c.name FROM created c
      RETURNING name)
    SELECT array_agg(n.name) INTO made FROM named n;
    PERFORM set_config('sahel_news.resolving_actor_names', quiet, true);
    made_all := made_all || coalesce(made, '{}');
    -- a name outranks a code: the chunk's mentions of a new actor's name that
    -- an earlier round gave to a code's actor look again, with the others
    -- (only a mention with a code can have been given one; the new names are
    -- joined by hash: compared one by one, a first chunk naming 1,700 new
    -- actors in 50,000 mentions took seconds)
    UPDATE pg_temp.loader_mentions m SET actor_id = NULL
    FROM (SELECT DISTINCT @extschema@.loader_name_key(x) AS k FROM unnest(made) x) n
    WHERE m.rec BETWEEN lo AND hi AND m.actor_id IS NOT NULL AND m.cameo IS NOT NULL
      AND @extschema@.loader_name_key(m.name) = n.k;
    PERFORM @extschema@.loader_assign_actors(lo, hi);
  END LOOP;
  -- Events stored before (earlier chunks, earlier loads) that carry a new
  -- actor's name had it from a CAMEO code: resolved again, as the triggers
  -- would have, so that a second load of the same rows changes nothing.
  IF cardinality(made_all) > 0 AND EXISTS (
       SELECT 1 FROM @extschema@.event_actor_names r
       WHERE @extschema@.name_key(r.name) = ANY (SELECT @extschema@.name_key(x) FROM unnest(made_all) x)) THEN
    PERFORM @extschema@.resolve_actor_names(made_all);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_resolve_actors(bigint, bigint) IS
  'Gives every actor named by the ok rows of records lo..hi (pg_temp.loader_mentions) its actor at the event''s date: actor_for_name (curated before provisional, name or alias in its period before CAMEO code), else a new provisional one (kind, country, ACLED type and CAMEO code of the first mention; one per name and CAMEO code in each round, rounds until every mention has an actor), created under loader_lock_gazetteer() after a second look-up; stored events carrying a new actor''s name are resolved again (internal to the loaders).';

-- Steps 4 of loader_resolve_places: rows without a point take a place of
-- their name and country (the first created); when there are several, the
-- row says which it took.
CREATE FUNCTION @extschema@.loader_match_unlocated(lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE pg_temp.loader_rows w
  SET place_id = m.id,
      notes = CASE WHEN m.n > 1
                   THEN w.notes || format('no coordinates: place id %s taken, the first of %s places named %L in %s',
                                          m.id, m.n, w.place_name, coalesce(w.place_country::text, 'no country'))
                   ELSE w.notes END
  FROM (SELECT c.key, c.country, min(c.id) AS id, count(DISTINCT c.id) AS n
        FROM pg_temp.loader_candidates c GROUP BY c.key, c.country) m
  WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' AND w.place_id IS NULL AND w.place_name IS NOT NULL
    AND w.place_at IS NULL AND m.key = @extschema@.loader_name_key(w.place_name)
    AND coalesce(m.country::text, '') = coalesce(w.place_country::text, '');
END
$$;
COMMENT ON FUNCTION @extschema@.loader_match_unlocated(bigint, bigint) IS
  'Gives the ok rows of records lo..hi without a point and still without a place the first place of their name and country among the candidates, noting it when there were several (internal to the loaders).';
