-- extension/sql/320_loaders_resolve.sql — how the loaders find (or create) the
-- places and actors a dataset row names, and how they check its coordinates.

-- The loaders look names up case-insensitively, once or more per row, through
-- indexes (the model indexes lower(name) of places, place_names, actors and
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

-- The places a name or alias names (case-insensitively), with their country
-- and point: what loader_place and loader_check_location choose from.  Its
-- callers gather them in a MATERIALIZED CTE and only then filter by country
-- and distance (see above).  A SQL-standard body without a SET clause, so the
-- planner inlines it into the caller's query: parsed when the extension is
-- created, it means the same whatever the caller's search_path.
CREATE FUNCTION @extschema@.loader_places_named(place_name text)
RETURNS TABLE (id bigint, country @extschema@.country, location @extschema@.geopoint)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.id, q.country, q.location FROM @extschema@.places q WHERE lower(q.name) = lower(place_name)
  UNION ALL
  SELECT p.id, p.country, p.location
  FROM @extschema@.place_names n JOIN @extschema@.places p ON p.id = n.place_id
  WHERE lower(n.name) = lower(place_name);
END;
COMMENT ON FUNCTION @extschema@.loader_places_named(text) IS
  'The places a name or alias names (case-insensitive match on places.name and place_names.name), with their country and point; a place may come twice, once by its name and once by an alias.';

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
  'The place a dataset row names: the nearest existing place with that name or alias (case-insensitive) in that country within radius metres (default 25 km) of the point, else a new place of that kind, its name (and alias) added to place_names.';

-- The actor a dataset row names: an existing actor with that name or alias
-- (case-insensitive), or with that CAMEO code when one is given, else a new one.
CREATE FUNCTION @extschema@.loader_actor(
    actor_name text, actor_kind text, in_country @extschema@.country,
    acled_type smallint DEFAULT NULL, cameo text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  found bigint;
BEGIN
  IF actor_name IS NULL THEN
    RETURN NULL;
  END IF;
  WITH named AS MATERIALIZED (
    SELECT b.id FROM @extschema@.actors b WHERE lower(b.name) = lower(actor_name)
    UNION
    SELECT n.actor_id FROM @extschema@.actor_names n WHERE lower(n.name) = lower(actor_name))
  SELECT named.id INTO found
  FROM named
  ORDER BY named.id
  LIMIT 1;
  IF found IS NULL AND cameo IS NOT NULL THEN
    SELECT a.id INTO found FROM @extschema@.actors a WHERE a.cameo_code = cameo ORDER BY a.id LIMIT 1;
  END IF;
  IF found IS NOT NULL THEN
    RETURN found;
  END IF;
  INSERT INTO @extschema@.actors (name, kind, country, acled_inter, cameo_code)
  VALUES (actor_name, actor_kind, in_country, nullif(acled_type, 0),
          CASE WHEN cameo ~ '^([A-Z0-9]{3})+$' THEN cameo END)
  RETURNING id INTO found;
  INSERT INTO @extschema@.actor_names (actor_id, name) VALUES (found, actor_name);
  RETURN found;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_actor(text, text, @extschema@.country, smallint, text) IS
  'The actor a dataset row names: the first existing actor with that name or alias (case-insensitive), else with that CAMEO actor code, else a new actor of that kind (name added to actor_names).';

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
