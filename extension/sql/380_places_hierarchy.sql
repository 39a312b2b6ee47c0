-- extension/sql/380_places_hierarchy.sql — the administrative hierarchy:
-- country -> admin1 -> admin2 -> (admin3) -> locality as places.parent_id
-- chains, built from GeoNames' admin codes (geonames_build_hierarchy), from
-- the admin names datasets give (place_attach_admin), or from the admin codes
-- of the nearest GeoNames localities (attach_places); and the questions it
-- answers: places_within() and events_within().  Reference: docs/reference/places.md.

CREATE INDEX places_admin_codes_idx ON @extschema@.places (country, admin_level, admin1_code, admin2_code)
  WHERE admin_level IS NOT NULL;

-- The administrative areas GeoNames' codes name, one per code: a current
-- division (ADM1, not ADM1H) before a historical one, the last modified first.
-- (PL/pgSQL, as country_places(): never inlined into a query that names no
-- table of Citus, which would read the coordinator's emptied copy of places.)
CREATE FUNCTION @extschema@.geonames_areas(countries @extschema@.country[])
RETURNS TABLE (id bigint, name text, country @extschema@.country, level smallint,
               a1 text, a2 text, a3 text, a4 text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
  SELECT DISTINCT ON (p.country, p.admin_level, p.admin1_code, p.admin2_code, p.admin3_code, p.admin4_code)
         p.id, p.name, p.country, p.admin_level, p.admin1_code, p.admin2_code, p.admin3_code, p.admin4_code
  FROM @extschema@.places p
  WHERE p.country OPERATOR(@extschema@.=) ANY (countries) AND p.admin_level BETWEEN 1 AND 4
    AND p.admin1_code IS NOT NULL
  ORDER BY p.country, p.admin_level, p.admin1_code, p.admin2_code, p.admin3_code, p.admin4_code,
           (p.feature_code NOT LIKE '%H') DESC, p.geonames_modified DESC NULLS LAST, p.id;
END
$$;
COMMENT ON FUNCTION @extschema@.geonames_areas(@extschema@.country[]) IS
  'The administrative areas of these countries by their GeoNames codes (level 1 to 4 and the codes down to it), one place per code: a current division before a historical one (ADM1H), the last modified first (internal to the hierarchy)';

-- The place that stands for each country (a GeoNames PCL* first, else the
-- first place of kind country).
CREATE FUNCTION @extschema@.country_places(countries @extschema@.country[])
RETURNS TABLE (country @extschema@.country, id bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
  SELECT DISTINCT ON (p.country) p.country, p.id
  FROM @extschema@.places p
  WHERE p.kind = 'country' AND p.country OPERATOR(@extschema@.=) ANY (countries)
  ORDER BY p.country, (p.feature_code LIKE 'PCL%') DESC NULLS LAST, p.id;
END
$$;
COMMENT ON FUNCTION @extschema@.country_places(@extschema@.country[]) IS
  'The place that stands for each of these countries: the one GeoNames calls the country (PCL*), else the first of kind country (internal to the hierarchy)';

-- Where GeoNames' codes put each place of pg_temp.sn_gh_input (id, name,
-- country, parent_id, dataset, feature_class, feature_code, lvl (admin
-- level, 5 for a place that is no area), a1, a2, a3, a4): fills
-- pg_temp.sn_gh_plan (id, old_parent, dataset, new_parent, note, basis).
-- The input may be stored places or rows about to be inserted, so that an
-- import gives new places their parent as it inserts them.
CREATE FUNCTION @extschema@.geonames_plan_parents(countries @extschema@.country[])
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  CREATE TEMP TABLE sn_gh_areas AS
  SELECT a.*, @extschema@.admin_name_key(a.name) AS akey FROM @extschema@.geonames_areas(countries) a;
  CREATE INDEX ON sn_gh_areas (country, level, a1, a2);
  ANALYZE sn_gh_areas;
  CREATE TEMP TABLE sn_gh_countries AS SELECT * FROM @extschema@.country_places(countries);

  ANALYZE sn_gh_input;
  CREATE TEMP TABLE sn_gh_plan AS
  WITH q AS (
    SELECT * FROM sn_gh_input WHERE lvl > 0
  ), resolved AS MATERIALIZED (
    SELECT q.*,
           c.id AS country_place,
           x1.id AS ar1, x1.name AS ar1_name,
           x2.id AS ar2,
           -- an admin2 listed under another admin1 in the code file (a
           -- cercle of a region carved out of the old one)
           CASE WHEN x2.id IS NULL AND q.a2 IS NOT NULL AND q.lvl > 2 THEN
             (SELECT CASE WHEN count(*) = 1 THEN min(m.id) END FROM sn_gh_areas m
              WHERE m.country OPERATOR(@extschema@.=) q.country AND m.level = 2 AND m.a2 = q.a2) END AS ar2_moved,
           x3.id AS ar3, x4.id AS ar4,
           -- the seat of an admin1 named like it, under another code (an
           -- older dump: N'Djamena was admin1 15 in 2012, 21 in 2020)
           CASE WHEN q.feature_class = 'P' AND q.feature_code IN ('PPLC', 'PPLA') THEN
             (SELECT CASE WHEN count(*) = 1 THEN min(s.id) END FROM sn_gh_areas s
              WHERE s.country OPERATOR(@extschema@.=) q.country AND s.level = 1
                AND s.akey = @extschema@.admin_name_key(q.name)) END AS seat_of
    FROM q
    LEFT JOIN sn_gh_countries c ON c.country OPERATOR(@extschema@.=) q.country
    LEFT JOIN sn_gh_areas x1 ON q.lvl > 1 AND x1.country OPERATOR(@extschema@.=) q.country AND x1.level = 1
                            AND x1.a1 = q.a1
    LEFT JOIN sn_gh_areas x2 ON q.lvl > 2 AND x2.country OPERATOR(@extschema@.=) q.country AND x2.level = 2
                            AND x2.a1 = q.a1 AND x2.a2 = q.a2
    LEFT JOIN sn_gh_areas x3 ON q.lvl > 3 AND x3.country OPERATOR(@extschema@.=) q.country AND x3.level = 3
                            AND x3.a1 = q.a1 AND coalesce(x3.a2, '') = coalesce(q.a2, '') AND x3.a3 = q.a3
    LEFT JOIN sn_gh_areas x4 ON q.lvl > 4 AND x4.country OPERATOR(@extschema@.=) q.country AND x4.level = 4
                            AND x4.a1 = q.a1 AND coalesce(x4.a2, '') = coalesce(q.a2, '')
                            AND coalesce(x4.a3, '') = coalesce(q.a3, '') AND x4.a4 = q.a4
  )
  SELECT r.id, r.parent_id AS old_parent, r.dataset, r.country_place,
         CASE
           WHEN r.seat_of IS NOT NULL AND r.seat_of IS DISTINCT FROM r.ar1 THEN r.seat_of
           ELSE coalesce(r.ar4, r.ar3, r.ar2, r.ar2_moved, r.ar1, r.country_place)
         END AS new_parent,
         concat_ws('; ',
           CASE WHEN r.seat_of IS NOT NULL AND r.seat_of IS DISTINCT FROM r.ar1 THEN
             format('seat of admin1 %s (%s): placed in it, not in admin1 %s%s of its record', r.seat_of,
                    (SELECT s.name FROM sn_gh_areas s WHERE s.id = r.seat_of), coalesce(r.a1, 'none'),
                    coalesce(' (' || r.ar1_name || ')', '')) END,
           CASE WHEN r.lvl > 1 AND r.ar1 IS NULL AND r.seat_of IS NULL THEN
             CASE WHEN r.a1 IS NULL THEN 'no admin1 code: placed by the areas of its nearest localities (attach_places), else in the country'
                  ELSE format('admin1 code %s is not in the admin1 code file: placed by the areas of its nearest localities (attach_places), else in the country', r.a1) END END,
           CASE WHEN r.lvl > 2 AND r.a2 IS NOT NULL AND r.ar2 IS NULL AND r.ar2_moved IS NOT NULL THEN
             format('admin2 %s is listed under admin1 %s in the code file, not %s: placed in it', r.a2,
                    (SELECT m.a1 FROM sn_gh_areas m WHERE m.id = r.ar2_moved), coalesce(r.a1, 'none')) END,
           CASE WHEN r.lvl > 2 AND r.a2 IS NOT NULL AND r.ar2 IS NULL AND r.ar2_moved IS NULL AND r.ar1 IS NOT NULL THEN
             format('admin2 code %s.%s is not in the admin2 code file: placed in admin1 %s', r.a1, r.a2, r.a1) END
         ) AS note,
         format('GeoNames admin codes %s', concat_ws('.', @extschema@.iso2(r.country), r.a1, r.a2, r.a3, r.a4)) AS basis
  FROM resolved r;
  DROP TABLE sn_gh_areas, sn_gh_countries;
END
$$;
COMMENT ON FUNCTION @extschema@.geonames_plan_parents(@extschema@.country[]) IS
  'Where GeoNames'' admin codes put the places of the temporary table sn_gh_input (stored places, or rows an import is about to insert): a locality under its admin4, admin3, admin2 or admin1 area (the deepest known), an area under the one above, an admin1 under its country, with the corrections and notes geonames_build_hierarchy() describes; written to the temporary table sn_gh_plan (internal to the hierarchy)';

-- GeoNames' places of these countries under their administrative areas.
CREATE FUNCTION @extschema@.geonames_build_hierarchy(countries @extschema@.country[])
RETURNS TABLE (place_id bigint, note text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  plan jsonb;
BEGIN
  CREATE TEMP TABLE sn_gh_input AS
  SELECT p.id, p.name, p.country, p.parent_id, p.dataset, p.feature_class, p.feature_code,
         coalesce(p.admin_level, 5)::smallint AS lvl, p.admin1_code AS a1, p.admin2_code AS a2,
         p.admin3_code AS a3, p.admin4_code AS a4
  FROM @extschema@.places p
  WHERE p.geonames_id IS NOT NULL AND p.country OPERATOR(@extschema@.=) ANY (countries);
  PERFORM @extschema@.geonames_plan_parents(countries);

  -- GeoNames' own places take the parent their codes give; a place linked to
  -- GeoNames (a sample or dataset place) only moves down from its country.
  -- (the plan passed as a value: on Citus an UPDATE of a reference table
  -- may read no temporary table)
  plan := coalesce((SELECT jsonb_agg(jsonb_build_object('id', g.id, 'new_parent', g.new_parent, 'basis', g.basis,
                                                        'dataset', g.dataset, 'country_place', g.country_place))
                    FROM sn_gh_plan g), '[]');
  UPDATE @extschema@.places p SET parent_id = g.new_parent, parent_basis = g.basis
  FROM jsonb_to_recordset(plan) AS g(id bigint, new_parent bigint, basis text, dataset text, country_place bigint)
  WHERE g.id = p.id AND g.new_parent IS NOT NULL AND g.new_parent <> p.id
    AND p.parent_id IS DISTINCT FROM g.new_parent
    AND (g.dataset = 'geonames' OR p.parent_id IS NULL OR p.parent_id = g.country_place)
    -- a place whose codes say no more than its country keeps the area
    -- attach_places() found for it
    AND NOT (g.new_parent = g.country_place
             AND coalesce(p.parent_basis, '') LIKE 'areas of the nearest GeoNames localities%');
  RETURN QUERY SELECT g.id, g.note FROM sn_gh_plan g WHERE g.note <> '';
  DROP TABLE sn_gh_input, sn_gh_plan;
END
$$;
COMMENT ON FUNCTION @extschema@.geonames_build_hierarchy(@extschema@.country[]) IS
  'Sets parent_id of the GeoNames places of these countries from their admin codes: a locality under its admin4, admin3, admin2 or admin1 area (the deepest known), an area under the one above, an admin1 under its country; codes missing from the code files (ML 00, BF x17) leave the place in its country (attach_places() then places it by distance and this keeps that); an admin2 listed under another admin1 (Mali''s new regions) and the seat of an admin1 recorded under an older code (N''Djamena) are put right.  Places linked to GeoNames but not loaded from it only move down from their country.  Returns a note for each place whose codes needed one (import_geonames() lists them in import_issues)';

-- ---------------------------------------------------------------------------
-- Attaching the places datasets create to the administrative areas

-- By the admin names a dataset gives (ACLED's and UCDP's admin1 and admin2):
-- the admin1 area of the place's country whose name or alias has that admin
-- name (admin_name_key: "Region de Mopti" = "Mopti"), then the admin2 area of
-- that name inside it; the place goes under the deepest one found, unless it
-- already lies deeper in that area or in another admin area.
CREATE FUNCTION @extschema@.place_attach_admin(place_id bigint, admin1 text, admin2 text DEFAULT NULL,
                                               dataset text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p @extschema@.places;
  area1 bigint;
  area2 bigint;
  target bigint;
BEGIN
  SELECT * INTO p FROM @extschema@.places q WHERE q.id = place_attach_admin.place_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no place with id %', place_id USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p.country IS NULL OR admin1 IS NULL OR p.admin_level IS NOT NULL THEN
    RETURN NULL;
  END IF;
  SELECT a.id INTO area1
  FROM @extschema@.places a
  WHERE a.country OPERATOR(@extschema@.=) p.country AND a.admin_level = 1
    AND (@extschema@.admin_name_key(a.name) = @extschema@.admin_name_key(admin1)
         OR EXISTS (SELECT 1 FROM @extschema@.place_names n
                    WHERE n.place_id = a.id AND @extschema@.admin_name_key(n.name) = @extschema@.admin_name_key(admin1)))
  ORDER BY (a.feature_code NOT LIKE '%H') DESC NULLS LAST, a.id
  LIMIT 1;
  IF area1 IS NULL THEN
    RETURN NULL;
  END IF;
  IF admin2 IS NOT NULL THEN
    SELECT a.id INTO area2
    FROM @extschema@.places a
    WHERE a.parent_id = area1 AND a.admin_level = 2
      AND (@extschema@.admin_name_key(a.name) = @extschema@.admin_name_key(admin2)
           OR EXISTS (SELECT 1 FROM @extschema@.place_names n
                      WHERE n.place_id = a.id AND @extschema@.admin_name_key(n.name) = @extschema@.admin_name_key(admin2)))
    ORDER BY (a.feature_code NOT LIKE '%H') DESC NULLS LAST, a.id
    LIMIT 1;
  END IF;
  target := coalesce(area2, area1);
  -- already in it (or deeper), or already under an admin area: left alone
  IF p.parent_id IS NOT NULL AND (p.parent_id = target OR EXISTS (
       WITH RECURSIVE up(id, depth) AS (
         SELECT p.parent_id, 0
         UNION ALL
         SELECT q.parent_id, u.depth + 1 FROM up u JOIN @extschema@.places q ON q.id = u.id
         WHERE q.parent_id IS NOT NULL AND u.depth < 100)
       SELECT 1 FROM up u JOIN @extschema@.places q ON q.id = u.id WHERE q.admin_level >= 1)) THEN
    RETURN NULL;
  END IF;
  UPDATE @extschema@.places q SET parent_id = target,
         parent_basis = format('admin names of %s: %s', coalesce(place_attach_admin.dataset, 'its dataset'), concat_ws(' / ', admin1, admin2))
  WHERE q.id = p.id;
  RETURN target;
END
$$;
COMMENT ON FUNCTION @extschema@.place_attach_admin(bigint, text, text, text) IS
  'Puts a place under the administrative area a dataset names for it (ACLED''s and UCDP''s admin1 and admin2 columns): the admin1 area of its country with that name or alias compared by admin_name_key(), then the admin2 area of that name inside it.  Returns the area, or NULL when nothing was changed (no such area, or the place already lies under an admin area).  parent_basis says which names decided';

-- By distance, for places with a point that lie in no area (their parent is
-- none, their country or a wider region): the area of the GeoNames
-- populated places nearest to it.  The five
-- nearest within radius vote by their deepest area (admin2, else admin1),
-- nearer ones counting more (1 / (distance + 1 km)); the place goes under the
-- winning area.  Places farther than radius from every GeoNames locality stay
-- where they are.
CREATE FUNCTION @extschema@.attach_places(radius float8 DEFAULT 50000, in_country @extschema@.country DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  n bigint;
  plan jsonb;
BEGIN
  IF radius IS NULL OR NOT (radius > 0 AND radius <= 1000000) THEN
    RAISE EXCEPTION 'radius % is not a distance in metres between 0 and 1,000,000', radius
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- the parents chosen first, then written (passed as a value: on Citus an
  -- UPDATE of a reference table calls no STABLE function over its columns)
  WITH loose AS (
    -- places with a point and a country that lie in no area: their parent
    -- is none, a country, or a wider region (a continent, the Sahel)
    SELECT p.id, p.country, p.location FROM @extschema@.places p LEFT JOIN @extschema@.places q ON q.id = p.parent_id
    WHERE p.location IS NOT NULL AND p.country IS NOT NULL AND p.admin_level IS NULL AND NOT p.sample
      AND (in_country IS NULL OR p.country OPERATOR(@extschema@.=) in_country)
      AND p.kind NOT IN ('country', 'continent', 'supranational region', 'border area', 'sea', 'lake region')
      AND (q.id IS NULL OR q.admin_level = 0
           OR q.kind IN ('country', 'continent', 'supranational region', 'border area', 'sea', 'lake region'))
  ), votes AS (
    SELECT l.id, v.area, sum(1.0 / (v.metres + 1000)) AS weight, min(v.metres) AS nearest,
           (array_agg(v.via ORDER BY v.metres))[1] AS via
    FROM loose l
    CROSS JOIN LATERAL (
      SELECT k.parent_id AS area, @extschema@.distance(k.location, l.location) AS metres, k.name AS via
      FROM @extschema@.places k
      JOIN @extschema@.places a ON a.id = k.parent_id AND a.admin_level >= 1
      WHERE k.feature_class = 'P' AND k.country OPERATOR(@extschema@.=) l.country AND k.id <> l.id
        AND @extschema@.dwithin(k.location, l.location, radius)
      ORDER BY k.location OPERATOR(@extschema@.<->) l.location
      LIMIT 5) v
    GROUP BY l.id, v.area
  ), winner AS (
    SELECT DISTINCT ON (v.id) v.id, v.area, v.nearest, v.via FROM votes v ORDER BY v.id, v.weight DESC, v.nearest
  )
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'id', w.id, 'area', w.area,
           'basis', format('areas of the nearest GeoNames localities (%s, %s km)', w.via,
                           round((w.nearest / 1000)::numeric, 1)))), '[]')
  INTO plan
  FROM winner w WHERE w.area <> w.id;
  UPDATE @extschema@.places p SET parent_id = w.area, parent_basis = w.basis
  FROM jsonb_to_recordset(plan) AS w(id bigint, area bigint, basis text)
  WHERE w.id = p.id;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.attach_places(float8, @extschema@.country) IS
  'Puts the places that have a point but lie in no area (their parent is none, their country or a wider region: those datasets create, not the shipped sample''s, GeoNames features whose codes are unknown) under the area of the GeoNames populated places nearest to them: the 5 nearest of the same country within radius metres (default 50 km) vote for their area, weighted by 1 / (distance + 1 km).  Only places of in_country when given.  Returns how many places were attached; parent_basis names the nearest locality and its distance';

-- ---------------------------------------------------------------------------
-- What lies in a place

CREATE FUNCTION @extschema@.places_within(place_id bigint)
RETURNS SETOF @extschema@.places
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 1000
SET search_path = pg_catalog, pg_temp
AS $$
  WITH RECURSIVE sub(id, depth) AS (
    SELECT p.id, 0 FROM @extschema@.places p WHERE p.id = $1
    UNION ALL
    SELECT c.id, s.depth + 1 FROM sub s JOIN @extschema@.places c ON c.parent_id = s.id
    WHERE s.depth < 100
  )
  SELECT p.* FROM sub s JOIN @extschema@.places p ON p.id = s.id
$$;
COMMENT ON FUNCTION @extschema@.places_within(bigint) IS
  'The place and every place that lies in it, at any depth of parent_id (the Ménaka region: its cercles, their communes, localities, and the places datasets attached to them); no rows for an unknown id';

-- Events in a place: those whose place lies in it (places_within), and those
-- with only a point, or with a place that lies in no area (its parent is
-- none, a country or a wider region), when the GeoNames populated place
-- nearest to their point (within 25 km) lies in it.  Without polygons this is
-- how a point is put in an area; see docs/reference/places.md.  Events without a place
-- are found through their own index.
CREATE INDEX events_unplaced_location_idx ON @extschema@.events USING gist (location) WHERE place_id IS NULL;
COMMENT ON INDEX @extschema@.events_unplaced_location_idx IS
  'the points of events that have no place, which events_within() puts in areas through their nearest locality';

CREATE FUNCTION @extschema@.events_within(place_id bigint, during @extschema@.edtf DEFAULT NULL)
RETURNS SETOF @extschema@.events
LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 1000
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  centre @extschema@.geopoint;
  reach float8;
  found boolean;
BEGIN
  IF place_id IS NULL THEN
    RETURN;
  END IF;
  -- the circle that holds the area's localities, and 25 km more
  centre := @extschema@.place_location(place_id);
  SELECT count(*) > 0,
         max(@extschema@.distance(w.location, centre)) FILTER (WHERE w.feature_class = 'P') + 25000
    INTO found, reach
  FROM @extschema@.places_within(place_id) w;
  IF NOT found THEN
    RAISE EXCEPTION 'no place with id %', place_id USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN QUERY
    WITH area AS MATERIALIZED (
      SELECT w.id FROM @extschema@.places_within(events_within.place_id) w
    ), loose AS (
      -- places near the area that lie in no area
      SELECT p.id FROM @extschema@.places p LEFT JOIN @extschema@.places q ON q.id = p.parent_id
      WHERE reach IS NOT NULL AND @extschema@.dwithin(p.location, centre, reach) AND p.admin_level IS NULL
        AND (q.id IS NULL OR q.admin_level = 0
             OR q.kind IN ('country', 'continent', 'supranational region', 'border area', 'sea', 'lake region'))
        AND p.id NOT IN (SELECT area.id FROM area)
    ), candidates AS (
      SELECT e.* FROM @extschema@.events e
      WHERE reach IS NOT NULL AND e.place_id IS NULL AND @extschema@.dwithin(e.location, centre, reach)
        AND (during IS NULL OR e.occurred OPERATOR(@extschema@.&&) during)
      UNION ALL
      SELECT e.* FROM @extschema@.events e
      WHERE e.place_id IN (SELECT loose.id FROM loose) AND e.location IS NOT NULL
        AND (during IS NULL OR e.occurred OPERATOR(@extschema@.&&) during)
    )
    SELECT e.* FROM @extschema@.events e
    WHERE e.place_id IN (SELECT area.id FROM area)
      AND (during IS NULL OR e.occurred OPERATOR(@extschema@.&&) during)
    UNION ALL
    SELECT c.* FROM candidates c
    WHERE (SELECT k.id FROM @extschema@.places k
           WHERE k.feature_class = 'P' AND @extschema@.dwithin(k.location, c.location, 25000)
           ORDER BY k.location OPERATOR(@extschema@.<->) c.location LIMIT 1) IN (SELECT area.id FROM area);
END
$$;
COMMENT ON FUNCTION @extschema@.events_within(bigint, @extschema@.edtf) IS
  'Events in a place: those whose place lies in it at any depth (places_within), and those with only a point, or whose place lies in no area, when the GeoNames populated place nearest to their point (within 25 km) lies in it; optionally only those that may have happened during the given time (occurred && during).  Points are put in areas through the nearest locality because the extension keeps no polygons (docs/reference/places.md)';
