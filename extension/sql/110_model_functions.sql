-- extension/sql/110_model_functions.sql
-- Functions analysts ask the model questions with: troop strength at
-- a date and its timeline, a place's location by name, events near a point,
-- and events as GeoJSON.
--
-- Every function runs with search_path = pg_catalog, pg_temp and names the
-- extension's objects (types, functions, operators, aggregates) with
-- @extschema@, so a caller's search_path cannot change what they mean.

-- ---------------------------------------------------------------------------
-- Troop strength
--
-- deployments holds figures.  Rows with the same force, contributor, host and
-- place are successive figures of one deployment.  On a day t:
--   * a row is live while its period runs (lower(period) <= t <= upper(period));
--     without a period it is live from the first day of as_of on; an unknown
--     start falls back to as_of, an unknown end is read like an open one;
--   * a deployment counts with its latest figure as of t (the row with the
--     greatest lower(as_of) <= t) when that row is live; when some row is live
--     but none has a figure yet (or the latest one has ended while an older one
--     runs), it counts as '?' (deployed, strength unknown);
--   * a deployment that is part (part_of, at any depth) of a reported total
--     that counts with a figure on t is left out: a total replaces its parts;
--   * hand-over day: a period that ends on day e (and began before it) does not
--     count on e when, among the rows asked about, another deployment of the
--     contributor has a figure from e on (its as_of begins on e, it runs on e)
--     and that deployment is in the same host or spans several (host NULL).
--     That figure already describes e: the troops that left are among those
--     it counts, or have gone.  (France's deployment in Mali ends 2022-08-15,
--     the day the report's Sahel-wide total after the withdrawal begins;
--     France everywhere that day is that total, not the total plus Mali's last
--     figure.  Asked about Mali alone, the day still counts: the last troops
--     left Mali during it.)
--   * the result is the estimate sum of what counts, '0' when the contributor
--     has rows for that host but none counts on t, NULL when it has none at all.
-- Finding the latest figure as of a day needs every figure of a deployment,
-- however old, so these functions read the contributor's rows through the
-- btree index on (contributor, host), not the GiST indexes on period/as_of.
-- The functions run with jit = off: their queries are small, but the planner's
-- generic estimates for them can pass jit_above_cost, and compiling would then
-- cost seconds for a millisecond's work.

-- The rows of deployments a question about the contributor in the host (NULL:
-- everywhere) reads, with the days each is live (live_from to live_to, before
-- any hand-over day is taken off), the day its figure holds from
-- (figure_from), and its series: the deployment (force, host and place) it is
-- a figure of.  One definition for troop_strengths() and troop_timeline().
CREATE FUNCTION @extschema@.troop_rows(contributor @extschema@.country, host @extschema@.country)
RETURNS TABLE (id bigint, part_of bigint, strength @extschema@.estimate, in_host @extschema@.country,
               series text, live_from date, live_to date, figure_from date)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT d.id, d.part_of, d.strength, d.host,
       concat_ws('|', coalesce(d.force_id::text, '-'), coalesce(d.host::text, '-'),
                 coalesce(d.place_id::text, '-')),
       coalesce(@extschema@.lower(d.period), @extschema@.lower(d.as_of), '-infinity'::date),
       CASE WHEN d.period IS NULL THEN 'infinity'::date
            ELSE coalesce(@extschema@.upper(d.period), 'infinity'::date) END,
       coalesce(@extschema@.lower(d.as_of), @extschema@.lower(d.period), '-infinity'::date)
FROM @extschema@.deployments d
WHERE d.contributor OPERATOR(@extschema@.=) $1
  AND ($2 IS NULL OR d.host OPERATOR(@extschema@.=) $2)
$$;
COMMENT ON FUNCTION @extschema@.troop_rows(@extschema@.country, @extschema@.country) IS
  'The deployments rows of the contributor in the host (NULL: everywhere) that troop_strengths() and troop_timeline() read: each with its series (force|host|place), the first and last day it is live (from its period, else from as_of on; an unknown end is open) and the day its figure holds from (lower(as_of), else the start of its period)';

CREATE FUNCTION @extschema@.troop_strengths(contributor @extschema@.country, host @extschema@.country,
                                            days date[])
RETURNS TABLE (day date, strength @extschema@.estimate)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
WITH RECURSIVE
rows_asked AS (
  SELECT r.id, r.part_of, r.strength, r.in_host AS host, r.series, r.live_from AS a_from, r.live_to AS a_to,
         r.figure_from AS f
  FROM @extschema@.troop_rows($1, $2) AS r
),
-- a row is live from a_from to a_to, its last day left out on a hand-over day
cand AS (
  SELECT r.id, r.part_of, r.strength, r.series, r.a_from, r.f,
         CASE WHEN r.a_to > r.a_from
                   AND EXISTS (SELECT 1 FROM rows_asked n
                               WHERE n.series <> r.series AND n.f = r.a_to AND n.a_from <= r.a_to
                                 AND (n.host IS NULL OR n.host OPERATOR(@extschema@.=) r.host))
              THEN r.a_to - 1 ELSE r.a_to END AS a_to
  FROM rows_asked r
),
-- the days asked for, distinct and sorted: width_bucket() finds by binary
-- search which of them fall in an interval
wanted AS (
  SELECT ARRAY(SELECT DISTINCT w.day FROM unnest($3) AS w(day) WHERE w.day IS NOT NULL ORDER BY 1) AS ds
),
-- every (row, enclosing total) pair, through part_of chains of any depth
up(id, anc) AS (
  SELECT c.id, c.part_of FROM cand c WHERE c.part_of IS NOT NULL
  UNION
  SELECT up.id, d.part_of
  FROM up JOIN @extschema@.deployments d ON d.id = up.anc
  WHERE d.part_of IS NOT NULL
),
-- deployment (series) s is part of deployment t
series_in AS (
  SELECT DISTINCT c.series AS part, t.series AS total
  FROM up JOIN cand c ON c.id = up.id JOIN cand t ON t.id = up.anc
  WHERE c.series <> t.series
),
-- a row's figure holds from its as_of until the next figure of its
-- deployment, and counts on the days within that span when the row is live
held AS (
  SELECT c.series, c.strength, greatest(c.f, c.a_from) AS s,
         least(coalesce(lead(c.f) OVER (PARTITION BY c.series ORDER BY c.f, c.id) - 1, 'infinity'::date),
               c.a_to) AS e
  FROM cand c
),
figured AS (
  SELECT w.ds[i] AS day, h.series, h.strength
  FROM held h CROSS JOIN wanted w
  CROSS JOIN LATERAL generate_series(width_bucket(h.s - 1, w.ds) + 1, width_bucket(h.e, w.ds)) AS i
  WHERE h.s <= h.e
),
-- the days a deployment runs: its rows' live spans, merged
spans AS (
  SELECT c.series, c.a_from, c.a_to,
         max(c.a_to) OVER (PARTITION BY c.series ORDER BY c.a_from, c.a_to
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
  FROM cand c
),
islands AS (
  SELECT sp.series, sp.a_from, sp.a_to,
         sum(CASE WHEN sp.before IS NULL OR sp.a_from > sp.before + 1 THEN 1 ELSE 0 END)
           OVER (PARTITION BY sp.series ORDER BY sp.a_from, sp.a_to) AS island
  FROM spans sp
),
running AS (
  SELECT w.ds[i] AS day, m.series
  FROM (SELECT x.series, min(x.a_from) AS s, max(x.a_to) AS e
        FROM islands x GROUP BY x.series, x.island) m
  CROSS JOIN wanted w
  CROSS JOIN LATERAL generate_series(width_bucket(m.s - 1, w.ds) + 1, width_bucket(m.e, w.ds)) AS i
),
-- a deployment that runs on the day without a figure that holds: '?'
unknown AS (
  SELECT r.day, r.series FROM running r
  EXCEPT
  SELECT f.day, f.series FROM figured f
),
counted AS (
  SELECT f.day, f.series, f.strength FROM figured f
  UNION ALL
  SELECT u.day, u.series, '?'::@extschema@.estimate FROM unknown u
),
-- a total with a figure on the day replaces its parts
kept AS (
  SELECT k.day, k.strength
  FROM counted k
  WHERE NOT EXISTS (SELECT 1
                    FROM series_in si JOIN figured t ON t.series = si.total AND t.day = k.day
                    WHERE si.part = k.series)
),
sums AS (
  SELECT k.day, @extschema@.sum(k.strength) AS strength FROM kept k GROUP BY k.day
)
SELECT d.day,
       CASE WHEN NOT EXISTS (SELECT 1 FROM cand) THEN NULL
            ELSE coalesce(s.strength, '0'::@extschema@.estimate) END
FROM wanted w CROSS JOIN LATERAL unnest(w.ds) AS d(day)
LEFT JOIN sums s ON s.day = d.day
ORDER BY d.day
$$;
COMMENT ON FUNCTION @extschema@.troop_strengths(@extschema@.country, @extschema@.country, date[]) IS
  'troop_strength() on each of several days at once (one row per distinct day, in order): what the deployments table says the contributor had in the host country (NULL host: everywhere), each deployment with its latest figure while its period runs, a reported total replacing its parts; on a hand-over day (a period ends on the day another deployment in the same host or spanning several has a figure from) the ending one no longer counts';

CREATE FUNCTION @extschema@.troop_strength(contributor @extschema@.country, host @extschema@.country, at date)
RETURNS @extschema@.estimate
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
SELECT t.strength FROM @extschema@.troop_strengths($1, $2, ARRAY[$3]) AS t
$$;
COMMENT ON FUNCTION @extschema@.troop_strength(@extschema@.country, @extschema@.country, date) IS
  'What the data says the contributor had in the host country on that day (host NULL: everywhere): each deployment counts with its latest figure as of that day while its period runs (? when running without a figure yet), a reported total replaces and is never added to its reported parts; 0 when all its deployments there had ended or not begun, NULL when there are none. Hand-over day: a period that ends on the day on which another deployment of the contributor asked about, in the same host or spanning several (host NULL), has a figure from that day on does not count that day (that figure already covers it), so France everywhere on 2022-08-15 is the Sahel total after the withdrawal, not that total plus Mali''s last figure; France in Mali alone still counts it';

CREATE FUNCTION @extschema@.troop_timeline(contributor @extschema@.country, host @extschema@.country DEFAULT NULL)
RETURNS TABLE (valid_from date, valid_to date, strength @extschema@.estimate)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
WITH
-- the days on which the answer can change
changes AS (
  SELECT DISTINCT b.day
  FROM @extschema@.troop_rows($1, $2) AS r
  CROSS JOIN LATERAL (VALUES (r.live_from), (r.figure_from), (r.live_to + 1)) AS b(day)
  WHERE b.day <> 'infinity'::date
),
steps AS (
  SELECT t.day, t.strength, lag(t.strength::text) OVER (ORDER BY t.day) AS before
  FROM @extschema@.troop_strengths($1, $2, ARRAY(SELECT c.day FROM changes c)) AS t
),
starts AS (
  SELECT s.day, s.strength
  FROM steps s
  WHERE s.before IS DISTINCT FROM s.strength::text
    AND s.day >= (SELECT min(z.day) FROM steps z WHERE z.strength::text <> '0')
)
SELECT s.day, lead(s.day) OVER (ORDER BY s.day) - 1, s.strength
FROM starts s
ORDER BY s.day
$$;
COMMENT ON FUNCTION @extschema@.troop_timeline(@extschema@.country, @extschema@.country) IS
  'The step function of troop_strength(contributor, host, day): one row per period of constant strength, valid_from to valid_to inclusive (valid_to NULL: still so at the end of the data), from the first day anything is known';

-- The same with the countries as text (any code or name country() reads), for
-- clients that send parameters as text or varchar: pgjdbc's setString, BI
-- tools' filters.  Qualified calls (sahel_news.troop_strength(?, ?, ?)) find
-- them whatever the search_path.
CREATE FUNCTION @extschema@.troop_strength(contributor text, host text, at date)
RETURNS @extschema@.estimate
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT @extschema@.troop_strength(@extschema@.country($1), @extschema@.country($2), $3)
$$;
COMMENT ON FUNCTION @extschema@.troop_strength(text, text, date) IS
  'troop_strength(country, country, date) with the contributor and host given as text (ISO, FIPS, Gleditsch-Ward code or name, as country() reads them; host NULL: everywhere), for drivers that send parameters as text or varchar; unknown text is an error (22P02)';

CREATE FUNCTION @extschema@.troop_timeline(contributor text, host text DEFAULT NULL)
RETURNS TABLE (valid_from date, valid_to date, strength @extschema@.estimate)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT t.valid_from, t.valid_to, t.strength
FROM @extschema@.troop_timeline(@extschema@.country($1), @extschema@.country($2)) AS t
$$;
COMMENT ON FUNCTION @extschema@.troop_timeline(text, text) IS
  'troop_timeline(country, country) with the contributor and host given as text (as country() reads them; host NULL: everywhere), for drivers that send parameters as text or varchar';

-- ---------------------------------------------------------------------------
-- Places by name

-- A place's point: its own location, else that of the nearest place it lies in.
CREATE FUNCTION @extschema@.place_location(place_id bigint) RETURNS @extschema@.geopoint
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  WITH RECURSIVE chain(id, location, depth) AS (
    SELECT p.id, p.location, 0 FROM @extschema@.places p WHERE p.id = $1
    UNION ALL
    SELECT q.id, q.location, c.depth + 1
    FROM chain c JOIN @extschema@.places p ON p.id = c.id JOIN @extschema@.places q ON q.id = p.parent_id
    WHERE c.location IS NULL AND c.depth < 100
  )
  SELECT c.location FROM chain c WHERE c.location IS NOT NULL ORDER BY c.depth LIMIT 1
$$;
COMMENT ON FUNCTION @extschema@.place_location(bigint) IS
  'The point of a place: its own location, else that of the nearest place it lies in (parent_id chain); NULL when none has one';

-- Where a place lies, for people: "Ménaka Cercle, Ménaka, Mali" (its enclosing
-- administrative areas, else its enclosing places, nearest first).
CREATE FUNCTION @extschema@.place_admin_path(place_id bigint) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  WITH RECURSIVE up(id, depth) AS (
    SELECT p.parent_id, 1 FROM @extschema@.places p WHERE p.id = $1 AND p.parent_id IS NOT NULL
    UNION ALL
    SELECT p.parent_id, u.depth + 1
    FROM up u JOIN @extschema@.places p ON p.id = u.id
    WHERE p.parent_id IS NOT NULL AND u.depth < 100
  )
  SELECT string_agg(p.name, ', ' ORDER BY u.depth)
  FROM up u JOIN @extschema@.places p ON p.id = u.id
  WHERE p.kind NOT IN ('continent', 'supranational region')
$$;
COMMENT ON FUNCTION @extschema@.place_admin_path(bigint) IS
  'The places a place lies in, nearest first, as text ("Ménaka, Mali" for the town of Ménaka), continents and supranational regions left out; NULL for a place with no parent';

CREATE FUNCTION @extschema@.locate(name text, near @extschema@.geopoint DEFAULT NULL,
                                   country @extschema@.country DEFAULT NULL)
RETURNS @extschema@.geopoint
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  wanted text;
  all_ids bigint[];
  ids bigint[];
  best float8;
  second float8;
  candidates text;
  loc @extschema@.geopoint;
BEGIN
  IF name IS NULL THEN
    RETURN NULL;
  END IF;
  wanted := @extschema@.name_key(name);
  SELECT array_agg(DISTINCT f.id) INTO all_ids
  FROM (SELECT p.id FROM @extschema@.places p WHERE @extschema@.name_key(p.name) = wanted
        UNION
        SELECT n.place_id FROM @extschema@.place_names n
        WHERE @extschema@.name_key(n.name) = wanted AND NOT n.is_demonym) f;
  IF all_ids IS NULL THEN
    RAISE EXCEPTION 'unknown place "%"', name
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'locate() knows the names in places and place_names (demonyms excepted), compared by name_key(); add the place or an alias there.';
  END IF;
  -- narrowed to the country asked for
  ids := all_ids;
  IF country IS NOT NULL THEN
    SELECT array_agg(p.id) INTO ids
    FROM @extschema@.places p
    WHERE p.id = ANY (all_ids)
      AND (p.country OPERATOR(@extschema@.=) locate.country
           OR EXISTS (SELECT 1 FROM @extschema@.place_countries c
                      WHERE c.place_id = p.id AND c.country OPERATOR(@extschema@.=) locate.country));
    IF ids IS NULL THEN
      RAISE EXCEPTION 'no place "%" in %', name, @extschema@.name(country)
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = format('The name is known in: %s.',
                              (SELECT string_agg(DISTINCT coalesce(@extschema@.name(p.country), 'no single country'), ', ')
                               FROM @extschema@.places p WHERE p.id = ANY (all_ids)));
    END IF;
  END IF;
  -- settlements and administrative areas before other features of the same
  -- name (a well, a wadi, a hill named after the village)
  SELECT array_agg(p.id) INTO ids
  FROM @extschema@.places p
  WHERE p.id = ANY (ids)
    AND (p.feature_class IS NULL OR p.feature_class IN ('A', 'P')
         OR NOT EXISTS (SELECT 1 FROM @extschema@.places q
                        WHERE q.id = ANY (ids) AND (q.feature_class IS NULL OR q.feature_class IN ('A', 'P'))));
  -- an area and a place inside it of the same name (the Gao region and the
  -- town of Gao): the inner one, whose point lies in both
  IF cardinality(ids) > 1 THEN
    WITH RECURSIVE up(start, id, depth) AS (
      SELECT p.id, p.parent_id, 1 FROM @extschema@.places p WHERE p.id = ANY (ids) AND p.parent_id IS NOT NULL
      UNION ALL
      SELECT u.start, p.parent_id, u.depth + 1
      FROM up u JOIN @extschema@.places p ON p.id = u.id
      WHERE p.parent_id IS NOT NULL AND u.depth < 100
    )
    SELECT array_agg(i) INTO ids
    FROM unnest(ids) i
    WHERE NOT EXISTS (SELECT 1 FROM up u WHERE u.id = i AND u.start = ANY (ids));
  END IF;
  -- the one nearest to where the caller expects it
  IF near IS NOT NULL AND cardinality(ids) > 1 THEN
    SELECT min(d.m) FILTER (WHERE d.r = 1), min(d.m) FILTER (WHERE d.r = 2) INTO best, second
    FROM (SELECT x.m, row_number() OVER (ORDER BY x.m) AS r
          FROM (SELECT @extschema@.distance(@extschema@.place_location(i), near) AS m FROM unnest(ids) i) x
          WHERE x.m IS NOT NULL) d;
    IF best IS NOT NULL AND (second IS NULL OR second > best) THEN
      SELECT array_agg(i) INTO ids FROM unnest(ids) i
      WHERE @extschema@.distance(@extschema@.place_location(i), near) = best;
    END IF;
  END IF;
  IF cardinality(ids) > 1 THEN
    SELECT string_agg(format('%s (id %s, %s%s%s)', c.name, c.id, c.kind,
                             coalesce(', ' || c.path, coalesce(', ' || (c.country::text), '')),
                             coalesce(', at ' || (c.loc::text), '')), '; ' ORDER BY c.rn)
      INTO candidates
    FROM (SELECT p.id, p.name, p.kind, p.country, @extschema@.place_admin_path(p.id) AS path,
                 @extschema@.place_location(p.id) AS loc,
                 row_number() OVER (ORDER BY p.population DESC NULLS LAST, p.name,
                                    @extschema@.place_admin_path(p.id), p.id) AS rn
          FROM @extschema@.places p WHERE p.id = ANY (ids)) c
    WHERE c.rn <= 10;
    RAISE EXCEPTION 'place name "%" is ambiguous', name
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('It names %s places%s: %s%s.', cardinality(ids),
                            CASE WHEN country IS NOT NULL THEN ' in ' || @extschema@.name(country) ELSE '' END,
                            candidates,
                            CASE WHEN cardinality(ids) > 10 THEN format('; and %s more', cardinality(ids) - 10) ELSE '' END),
            HINT = 'Narrow it with locate(name, near => a point where you expect it, country => its country), or select the place by id.';
  END IF;
  loc := @extschema@.place_location(ids[1]);
  IF loc IS NULL THEN
    RAISE EXCEPTION 'place "%" has no known location', name
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Neither it nor any place it lies in (parent_id) has a location.';
  END IF;
  RETURN loc;
END
$$;
COMMENT ON FUNCTION @extschema@.locate(text, @extschema@.geopoint, @extschema@.country) IS
  'The location of the place with this name or alias, compared by name_key() (case, accents, apostrophes and dashes folded; demonyms excepted); a place without a location of its own gets that of the nearest place it lies in.  When the name is shared: only places of country if given; settlements and administrative areas before other GeoNames features; a place before the area of the same name that holds it (the town of Gao, not the Gao region); the one nearest to near if given.  Unknown or still ambiguous names are errors (22023), the latter listing the candidates with the areas they lie in';

-- ---------------------------------------------------------------------------
-- Events near a point

CREATE FUNCTION @extschema@.events_near(centre @extschema@.geopoint, metres float8,
                                        during @extschema@.edtf DEFAULT NULL)
RETURNS TABLE (event_id bigint, distance_m float8, occurred @extschema@.edtf, place text,
               event_type text, sub_event_type text, fatalities @extschema@.estimate, summary text)
LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 50
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF centre IS NULL OR metres IS NULL THEN
    RAISE EXCEPTION 'events_near() needs a centre and a radius'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF NOT (metres >= 0 AND metres < 'infinity'::float8) THEN
    RAISE EXCEPTION 'radius % is not a distance in metres', metres
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Give a finite radius of 0 metres or more.';
  END IF;
  -- the events within the radius (all, or those that may have happened
  -- during the time given): two branches, each skipped by a one-time test of
  -- during, rather than "during IS NULL OR occurred && during", so that a
  -- cached generic plan can still search the index on occurred
  RETURN QUERY
    SELECT e.id, @extschema@.distance(e.location, centre), e.occurred, p.name,
           e.event_type, e.sub_event_type, e.fatalities, e.summary
    FROM (SELECT x.* FROM @extschema@.events x
          WHERE during IS NULL AND @extschema@.dwithin(x.location, centre, metres) AND x.deleted_at IS NULL
          UNION ALL
          SELECT x.* FROM @extschema@.events x
          WHERE during IS NOT NULL AND @extschema@.dwithin(x.location, centre, metres) AND x.deleted_at IS NULL
            AND x.occurred OPERATOR(@extschema@.&&) during) e
    LEFT JOIN @extschema@.places p ON p.id = e.place_id
    ORDER BY 2, e.id;
END
$$;
COMMENT ON FUNCTION @extschema@.events_near(@extschema@.geopoint, float8, @extschema@.edtf) IS
  'Events whose location lies within metres (geodesic, WGS84) of centre, nearest first, optionally only those that may have happened during the given time (occurred && during), deleted events left out; uses the GiST indexes on events.location and events.occurred';

-- A date bound as a tool without the extension's types can show it: NULL for
-- an open or unknown end (infinity).  Inlined where it is called.
CREATE FUNCTION @extschema@.finite_or_null(d date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.isfinite(d) THEN d END;
COMMENT ON FUNCTION @extschema@.finite_or_null(date) IS
  'The date, or NULL when it is infinity (an open or unknown bound), as BI views and GeoJSON give date bounds.';

-- ---------------------------------------------------------------------------
-- GeoJSON

CREATE FUNCTION @extschema@.events_geojson(during @extschema@.edtf DEFAULT NULL) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT json_build_object(
  'type', 'FeatureCollection',
  'features', coalesce(json_agg(f.feature ORDER BY f.id), '[]'::json))
FROM (
  SELECT e.id, json_build_object(
    'type', 'Feature',
    'id', e.id,
    'geometry', @extschema@.to_geojson(e.location),
    'properties', json_build_object(
      'event_id', e.id,
      'occurred', e.occurred::text,
      'date_low', @extschema@.finite_or_null(@extschema@.lower(e.occurred)),
      'date_high', @extschema@.finite_or_null(@extschema@.upper(e.occurred)),
      'date_precision', @extschema@.precision(e.occurred),
      'event_type', e.event_type,
      'sub_event_type', e.sub_event_type,
      'cameo_code', e.cameo_code,
      'cameo_name', c.name,
      'place', p.name,
      'country', coalesce(p.country::text, pc.countries),
      'geo_precision', e.geo_precision,
      'fatalities', e.fatalities::text,
      'fatalities_low', @extschema@.lower(e.fatalities),
      'fatalities_best', @extschema@.best(e.fatalities),
      'fatalities_high', @extschema@.upper(e.fatalities),
      'fatalities_claimed', e.fatalities_claimed,
      'actors', a.actors,
      'summary', e.summary,
      'source', s.publisher,
      'url', s.url,
      'dataset', e.dataset,
      'external_id', e.external_id)) AS feature
  -- the located events (all, or those that may have happened during $1): two
  -- branches, each skipped by a one-time test of $1, so that the plan, made
  -- without knowing $1, can still search the GiST index on occurred
  FROM (SELECT x.* FROM @extschema@.events x
        WHERE $1 IS NULL AND x.location IS NOT NULL AND x.deleted_at IS NULL
        UNION ALL
        SELECT x.* FROM @extschema@.events x
        WHERE $1 IS NOT NULL AND x.location IS NOT NULL AND x.deleted_at IS NULL
          AND x.occurred OPERATOR(@extschema@.&&) $1) e
  LEFT JOIN @extschema@.places p ON p.id = e.place_id
  LEFT JOIN @extschema@.cameo_codes c ON c.code = e.cameo_code
  LEFT JOIN @extschema@.sources s ON s.id = e.source_id
  LEFT JOIN LATERAL (
    SELECT string_agg(x.country::text, ',' ORDER BY x.country::text) AS countries
    FROM @extschema@.place_countries x WHERE x.place_id = e.place_id) pc ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('actor_id', ea.actor_id, 'name', ac.name, 'role', ea.role)
                    ORDER BY ea.role, ac.name) AS actors
    FROM @extschema@.event_actors ea JOIN @extschema@.actors ac ON ac.id = ea.actor_id
    WHERE ea.event_id = e.id) a ON true
) f
$$;
COMMENT ON FUNCTION @extschema@.events_geojson(@extschema@.edtf) IS
  'The events that have a location and are not deleted (optionally only those that may have happened during the given time) as a GeoJSON FeatureCollection (RFC 7946: Point geometries, [longitude, latitude]) with their date bounds, ACLED and CAMEO types, place, country, fatalities, actors and source as properties; QGIS, kepler.gl and geojson.io open it as it is';
