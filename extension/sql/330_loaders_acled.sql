-- extension/sql/330_loaders_acled.sql — import_acled() (run bookkeeping: 325_loaders_common.sql).

-- ACLED's event types of the 2015 exports, one column of nine names, mapped
-- onto today's event and sub-event types (ACLED's own crosswalk of 2019):
-- the three battle kinds became the Battles sub-event types; Remote violence
-- became Explosions/Remote violence and the two strategic kinds Strategic
-- developments sub-events.  Riots/Protests has no single current type (the
-- two were split): its event_type stays empty, dataset_category keeps it.
-- Today's event type names, written in a 2015-layout file, map to themselves.
CREATE FUNCTION @extschema@.loader_acled_legacy_types()
RETURNS TABLE (legacy text, event_type text, sub_event_type text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.legacy, v.event_type, v.sub_event_type FROM (VALUES
    ('Battle-No change of territory', 'Battles', 'Armed clash'),
    ('Battle-Government regains territory', 'Battles', 'Government regains territory'),
    ('Battle-Non-state actor overtakes territory', 'Battles', 'Non-state actor overtakes territory'),
    ('Violence against civilians', 'Violence against civilians', NULL),
    ('Remote violence', 'Explosions/Remote violence', NULL),
    ('Riots/Protests', NULL, NULL),
    ('Strategic development', 'Strategic developments', NULL),
    ('Headquarters or base established', 'Strategic developments', 'Headquarters or base established'),
    ('Non-violent transfer of territory', 'Strategic developments', 'Non-violent transfer of territory'),
    ('Battles', 'Battles', NULL),
    ('Protests', 'Protests', NULL),
    ('Riots', 'Riots', NULL),
    ('Explosions/Remote violence', 'Explosions/Remote violence', NULL),
    ('Strategic developments', 'Strategic developments', NULL)) AS v (legacy, event_type, sub_event_type);
END;
COMMENT ON FUNCTION @extschema@.loader_acled_legacy_types() IS
  'ACLED''s 2015 event types (Battle-No change of territory, Remote violence, Riots/Protests, ...) and today''s event type names, each with the event type and sub-event type import_acled() stores for it (NULL where the old name fixes none; Riots/Protests fixes neither).';

-- Coordinates as given, or put right when latitude and longitude were swapped,
-- judged against a reference point: where the data says the place is (a
-- known place of that name and country, ref_is_place) or the country's own
-- location.  ok is false when the pair is impossible (or missing one half);
-- note says what was changed.  A swap is detected when the pair is impossible
-- as given but possible swapped (and the swapped point is near the
-- reference), or when the swapped point lies near the reference and the given
-- one does not: within 25 km of the place while the given point is more than
-- 100 km from it, or within 2,000 km of the country while the given point is
-- farther.  No look-up: the set-based loaders find the reference points of a
-- whole batch at once (loader_check_location does it for one row).
CREATE FUNCTION @extschema@.loader_fix_location(
    lat float8, lon float8, ref @extschema@.geopoint, ref_is_place boolean, place_name text)
RETURNS TABLE (ok boolean, location @extschema@.geopoint, note text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
-- (one SQL statement, which the planner inlines into the parse: in PL/pgSQL
-- the call of each row cost more than the check; the verdict is worked out
-- once, in a subquery kept apart by OFFSET 0, then read three times)
BEGIN ATOMIC
  SELECT c.k NOT IN ('missing', 'impossible'),
         CASE c.k WHEN 'as given' THEN @extschema@.geopoint(lat, lon)
                  WHEN 'swapped' THEN @extschema@.geopoint(lon, lat)
                  WHEN 'swapped, impossible' THEN @extschema@.geopoint(lon, lat) END,
         CASE c.k WHEN 'missing' THEN 'latitude or longitude missing'
                  WHEN 'impossible' THEN format('impossible coordinates: latitude %s, longitude %s', lat, lon)
                  WHEN 'swapped, impossible'
                    THEN format('latitude %s and longitude %s swapped (impossible as given): stored as %s, %s', lat, lon, lon, lat)
                  WHEN 'swapped'
                    THEN format('latitude %s and longitude %s swapped (%s km from %s as given, %s km swapped): stored as %s, %s',
                                lat, lon, round((@extschema@.distance(@extschema@.geopoint(lat, lon), ref) / 1000)::numeric),
                                coalesce(CASE WHEN ref_is_place THEN place_name END, 'the country'),
                                round((@extschema@.distance(@extschema@.geopoint(lon, lat), ref) / 1000)::numeric), lon, lat) END
  FROM (SELECT CASE
          WHEN lat IS NULL AND lon IS NULL THEN 'none'
          WHEN lat IS NULL OR lon IS NULL OR lat = 'NaN' OR lon = 'NaN' THEN 'missing'
          WHEN NOT (abs(lat) <= 90 AND abs(lon) <= 180) THEN
            CASE WHEN NOT (abs(lon) <= 90 AND abs(lat) <= 180) THEN 'impossible'
                 WHEN ref IS NULL THEN 'swapped, impossible'
                 WHEN @extschema@.distance(@extschema@.geopoint(lon, lat), ref)
                        <= CASE WHEN ref_is_place THEN 25000 ELSE 2000000 END THEN 'swapped, impossible'
                 ELSE 'impossible' END
          WHEN ref IS NULL OR NOT (abs(lon) <= 90 AND abs(lat) <= 180) THEN 'as given'
          WHEN @extschema@.distance(@extschema@.geopoint(lat, lon), ref)
                 <= CASE WHEN ref_is_place THEN 100000 ELSE 2000000 END THEN 'as given'
          WHEN @extschema@.distance(@extschema@.geopoint(lon, lat), ref)
                 <= CASE WHEN ref_is_place THEN 25000 ELSE 2000000 END THEN 'swapped'
          ELSE 'as given' END AS k
        OFFSET 0) c;
END;
COMMENT ON FUNCTION @extschema@.loader_fix_location(float8, float8, @extschema@.geopoint, boolean, text) IS
  'The loaders'' coordinate check against a reference point (a known place of that name, ref_is_place, or the country): the point as given, or swapped back when latitude and longitude were exchanged; ok is false for impossible coordinates; note says what was changed (internal to the loaders).';

-- The reference points of a batch: for each place name and country a row
-- names, where the data says the place is (the first located place of that
-- name or alias and country) or else where the country is.
CREATE FUNCTION @extschema@.loader_location_refs(names text[], countries @extschema@.country[])
RETURNS TABLE (name text, country @extschema@.country, ref @extschema@.geopoint, ref_is_place boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
  -- the places of every name at once (loader_lookup_places, one index
  -- look-up per key in one statement): one call of loader_places_named per
  -- distinct name took a sixth of a load, 26,000 calls for 30,000 rows
  WITH k AS MATERIALIZED (
    SELECT d.name, d.country, @extschema@.loader_name_key(d.name) || '|' || d.country::text AS key
    FROM (SELECT DISTINCT u.name, u.country FROM unnest(names, countries) AS u(name, country)) d),
  cl AS MATERIALIZED (SELECT DISTINCT ON (p.country::text) p.country::text AS country, p.location
         FROM @extschema@.places p
         WHERE p.kind = 'country' AND p.location IS NOT NULL
           AND p.country::text IN (SELECT k.country::text FROM k)
         ORDER BY p.country::text, p.id),
  pl AS MATERIALIZED (
    SELECT DISTINCT ON (l.key, l.country::text) l.key || '|' || l.country::text AS key, l.location
    FROM @extschema@.loader_lookup_places(
           ARRAY(SELECT DISTINCT k.key FROM k WHERE k.name IS NOT NULL AND k.country IS NOT NULL)) l
    WHERE l.location IS NOT NULL
    ORDER BY l.key, l.country::text, l.id)
  SELECT k.name, k.country, coalesce(pl.location, cl.location), pl.location IS NOT NULL
  FROM k
  LEFT JOIN pl ON pl.key = k.key
  LEFT JOIN cl ON cl.country = k.country::text
$$;
COMMENT ON FUNCTION @extschema@.loader_location_refs(text[], @extschema@.country[]) IS
  'For each distinct (name, country) pair given, the point loader_fix_location checks coordinates against: the first located place of that name or alias in that country (ref_is_place), else the country''s own place (internal to the loaders).';

-- ACLED: one event per event_id_cnty.
CREATE FUNCTION @extschema@.import_acled(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  -- made first: on Citus each of its 999 subtransactions would otherwise
  -- travel to every node the load has reached
  gw constant jsonb := @extschema@.loader_gw_map();
BEGIN
  st := @extschema@.loader_start('acled', 'import_acled', '@extschema@.acled_raw', progress_every);
  -- Columns are picked by name, whatever the file's layout: a column that
  -- every layout of the staged rows leaves empty was not in the file(s).
  PERFORM @extschema@.loader_require_columns('acled_raw', st.total, 'event_id_cnty', 'event_date', 'time_precision',
                                             'event_type', 'iso, gwno or country', 'fatalities');
  st.run := @extschema@.loader_begin('acled');
  PERFORM @extschema@.loader_batch_open();
  PERFORM @extschema@.loader_batch_same('acled', '@extschema@.acled_raw', 'event_id_cnty');

  -- The parse: every staged row, its checks (problems reject it, notes keep
  -- it with a caveat), its event, its place and the actors it names.
  WITH codes AS MATERIALIZED (
    SELECT @extschema@.loader_code_map('iso_numeric') AS iso_map, gw AS gw_map),
  s AS (   -- the columns read below, not t.*: notes, source and tags are long; each row's
           -- record number from loader_staged, by ctid (not sorting the rows again), and
           -- not the rows stored by this very row before (unchanged, not parsed)
    SELECT x.rec, t.ctid AS tid,
           t.event_id_cnty, t.event_date, t.year, t.time_precision, t.event_type, t.sub_event_type, t.iso, t.gwno,
           t.country, t.geo_precision, t.fatalities, t.inter1, t.inter2, t.latitude, t.longitude, t.notes,
           t.timestamp, t.location, t.admin1, t.admin2, t.admin3, t.assoc_actor_1, t.assoc_actor_2,
           t.ally_actor_1, t.ally_actor_2, t.actor1, t.actor2
    FROM @extschema@.acled_raw t JOIN pg_temp.loader_staged x ON x.tid = t.ctid
    WHERE x.same IS NULL),
  p1 AS (
    SELECT s.rec, s.tid, s.event_id_cnty, s.event_date, s.year, s.time_precision, s.event_type, s.sub_event_type,
           s.iso, s.gwno, s.country, s.geo_precision, s.fatalities, s.inter1, s.inter2, s.latitude, s.longitude,
           s.notes, s.timestamp, s.location, s.admin1, s.admin2, s.admin3,
           @extschema@.loader_value(s.event_id_cnty) AS ext,
           lower(s.event_id_cnty) = 'event_id_cnty' AND lower(s.event_date) = 'event_date' AS is_header,
           @extschema@.loader_date(s.event_date) AS d,
           @extschema@.loader_int(s.year) AS y,
           @extschema@.loader_int(s.time_precision) AS tp,
           @extschema@.loader_int(s.geo_precision) AS gp,
           @extschema@.loader_int(s.fatalities) AS fat,
           @extschema@.loader_float(s.latitude) AS lat,
           @extschema@.loader_float(s.longitude) AS lon,
           CASE WHEN s.iso IS NOT NULL THEN (codes.iso_map ->> @extschema@.loader_int(s.iso)::text)::@extschema@.country
                WHEN s.gwno IS NOT NULL THEN (codes.gw_map ->> @extschema@.loader_int(s.gwno)::text)::@extschema@.country
                ELSE @extschema@.try_country(@extschema@.loader_value(s.country)) END AS ctry,
           CASE WHEN s.inter1 ~ '^\s*[0-8]\s*$' THEN btrim(s.inter1)::smallint
                ELSE array_position(ARRAY['state forces', 'rebel group', 'political militia', 'identity militia',
                                          'rioters', 'protesters', 'civilians', 'external/other forces'],
                                    lower(btrim(s.inter1)))::smallint END AS i1,
           CASE WHEN s.inter2 ~ '^\s*[0-8]\s*$' THEN btrim(s.inter2)::smallint
                ELSE array_position(ARRAY['state forces', 'rebel group', 'political militia', 'identity militia',
                                          'rioters', 'protesters', 'civilians', 'external/other forces'],
                                    lower(btrim(s.inter2)))::smallint END AS i2,
           @extschema@.loader_value(s.location) AS loc_raw,
           @extschema@.loader_repair(@extschema@.loader_value(s.location)) AS loc_name,
           lt.event_type AS legacy_type, lt.sub_event_type AS legacy_sub, lt.legacy IS NOT NULL AS legacy_known,
           (s.gwno IS NOT NULL AND s.sub_event_type IS NULL) AS legacy_layout,
           EXISTS (SELECT 1 FROM @extschema@.acled_sub_event_types et
                   WHERE et.event_type = s.event_type AND et.sub_event_type = s.sub_event_type) AS taxonomy_ok,
           s.assoc_actor_1, s.assoc_actor_2, s.ally_actor_1, s.ally_actor_2, s.actor1, s.actor2
    FROM s CROSS JOIN codes
    LEFT JOIN @extschema@.loader_acled_legacy_types() lt ON lt.legacy = btrim(s.event_type)),
  p AS MATERIALIZED (
    SELECT p1.*,
           (p1.lat IS NULL AND @extschema@.loader_value(p1.latitude) IS NOT NULL)
             OR (p1.lon IS NULL AND @extschema@.loader_value(p1.longitude) IS NOT NULL) AS coords_not_numbers,
           coalesce(p1.loc_name, '') || chr(31) || coalesce(p1.ctry::text, '') AS ref_key
    FROM p1),
  refs AS MATERIALIZED (   -- one join key: the rows join it by hash, not by sorting the whole batch
    SELECT coalesce(r.name, '') || chr(31) || coalesce(r.country::text, '') AS ref_key, r.ref, r.ref_is_place
    FROM @extschema@.loader_location_refs(
      ARRAY(SELECT p.loc_name FROM p WHERE p.lat IS NOT NULL OR p.lon IS NOT NULL),
      ARRAY(SELECT p.ctry FROM p WHERE p.lat IS NOT NULL OR p.lon IS NOT NULL)) r),
  c AS MATERIALIZED (
    SELECT p.*, chk.ok AS loc_ok, chk.location AS loc, chk.note AS loc_note
    FROM p
    LEFT JOIN refs ON refs.ref_key = p.ref_key
    LEFT JOIN LATERAL @extschema@.loader_fix_location(p.lat, p.lon, refs.ref, coalesce(refs.ref_is_place, false), p.loc_name) chk
      ON NOT p.coords_not_numbers),
  rows_in AS (
    INSERT INTO pg_temp.loader_rows
      (rec, tid, ext, dup_key, dup_order, status, reason, notes, place_name, place_kind, place_country, place_at,
       place_radius, occurred, location, geo_precision, location_precision_m, event_type, sub_event_type,
       fatalities, summary, dataset_category, admin1, admin2, admin3)
    SELECT c.rec, c.tid, c.ext, c.ext, @extschema@.loader_int(c.timestamp),
           CASE WHEN c.is_header THEN 'header' WHEN cardinality(c.problems) > 0 THEN 'rejected' ELSE 'ok' END,
           CASE WHEN NOT c.is_header AND cardinality(c.problems) > 0 THEN array_to_string(c.problems, '; ') END,
           c.notes_out, c.loc_name, 'town', c.ctry, c.loc, 25000,
           CASE c.tp WHEN 1 THEN to_char(c.d, 'YYYY-MM-DD')
                     WHEN 2 THEN to_char(c.d - 3, 'YYYY-MM-DD') || '/' || to_char(c.d + 3, 'YYYY-MM-DD')
                     ELSE to_char(c.d, 'YYYY-MM') END::@extschema@.edtf,
           c.loc, c.gp_out,
           CASE WHEN c.loc IS NOT NULL THEN @extschema@.location_precision_m('acled', c.gp_out::integer) END,
           CASE WHEN c.legacy_layout THEN c.legacy_type ELSE c.event_type END,
           CASE WHEN c.legacy_layout THEN c.legacy_sub ELSE c.sub_event_type END,
           CASE WHEN @extschema@.loader_value(c.fatalities) IS NULL THEN '?'::@extschema@.estimate
                WHEN c.fat >= 0 THEN @extschema@.estimate(c.fat, c.fat) END,
           @extschema@.loader_value(c.notes),
           coalesce(@extschema@.loader_value(c.sub_event_type), @extschema@.loader_value(c.event_type)),
           @extschema@.loader_repair(@extschema@.loader_value(c.admin1)),
           @extschema@.loader_repair(@extschema@.loader_value(c.admin2)),
           @extschema@.loader_repair(@extschema@.loader_value(c.admin3))
    FROM (
      SELECT c.*,
        CASE WHEN c.is_header THEN '{}'::text[] ELSE array_remove(ARRAY[
          CASE WHEN c.ext IS NULL THEN 'event_id_cnty is missing' END,
          CASE WHEN c.d IS NULL THEN format('event_date %L is not a date', c.event_date)
               WHEN c.y IS NOT NULL AND c.y <> extract(year FROM c.d) THEN format('event_date %L disagrees with year %L', c.event_date, c.year) END,
          CASE WHEN c.tp IS NULL OR c.tp NOT BETWEEN 1 AND 3 THEN format('time_precision %L is not 1, 2 or 3', c.time_precision) END,
          CASE WHEN c.legacy_layout AND NOT c.legacy_known
                 THEN format('event type %L is not in ACLED''s 2015 or current taxonomy', c.event_type)
               WHEN NOT c.legacy_layout AND NOT c.taxonomy_ok
                 THEN format('event type %L with sub-event type %L is not in ACLED''s taxonomy', c.event_type, c.sub_event_type) END,
          CASE WHEN c.ctry IS NULL THEN
            CASE WHEN c.iso IS NOT NULL THEN format('iso %L is not an ISO 3166 numeric country code', c.iso)
                 WHEN c.gwno IS NOT NULL THEN format('gwno %L is not a Gleditsch-Ward country code', c.gwno)
                 ELSE format('country %L is not a country name (and iso and gwno are missing)', c.country) END END,
          CASE WHEN @extschema@.loader_value(c.geo_precision) IS NOT NULL AND (c.gp IS NULL OR c.gp NOT BETWEEN 1 AND 3)
               THEN format('geo_precision %L is not 1, 2 or 3', c.geo_precision) END,
          CASE WHEN @extschema@.loader_value(c.fatalities) IS NOT NULL AND (c.fat IS NULL OR c.fat < 0)
               THEN format('fatalities %L is not a count', c.fatalities) END,
          CASE WHEN @extschema@.loader_value(c.inter1) IS NOT NULL AND c.i1 IS NULL
               THEN format('inter1 %L is not an ACLED actor type', c.inter1) END,
          CASE WHEN @extschema@.loader_value(c.inter2) IS NOT NULL AND c.i2 IS NULL
               THEN format('inter2 %L is not an ACLED actor type', c.inter2) END,
          CASE WHEN c.coords_not_numbers THEN format('latitude %L, longitude %L are not numbers', c.latitude, c.longitude)
               WHEN NOT c.loc_ok THEN c.loc_note END], NULL) END AS problems,
        array_remove(ARRAY[
          CASE WHEN @extschema@.loader_value(c.geo_precision) IS NULL THEN 'geo_precision missing' END,
          CASE WHEN @extschema@.loader_value(c.fatalities) IS NULL THEN 'fatalities missing: stored as unknown (?)' END,
          CASE WHEN c.loc_name <> c.loc_raw THEN format('location %L repaired to %L (UTF-8 read as Latin-1)', c.loc_raw, c.loc_name) END,
          CASE WHEN c.loc_ok AND c.loc_note IS NOT NULL THEN c.loc_note
               WHEN c.loc_ok AND c.lat IS NULL THEN format('coordinates missing: event stored without a location%s',
                    CASE WHEN c.gp IS NOT NULL THEN format(' (geo_precision %s kept in import_issues only)', c.gp) ELSE '' END) END],
          NULL) AS notes_out,
        CASE WHEN c.loc IS NULL THEN NULL ELSE c.gp END::smallint AS gp_out
      FROM c) c
    ORDER BY c.rec)
  -- the actors each row names: actor1, actor2, then its associates
  INSERT INTO pg_temp.loader_mentions (rec, ord, role, name, kind, country, acled_inter)
  SELECT c.rec, a.ord, a.role, a.name,
         CASE WHEN a.role <> 'associate' THEN (ARRAY['state forces', 'armed group', 'armed group', 'armed group',
                                                     NULL, NULL, 'civilians', NULL])[a.inter] END,
         NULL, a.inter   -- a new actor's country: from its name (loader_resolve_actors)
  FROM c
  CROSS JOIN LATERAL (
    SELECT 1 AS ord, 'actor1' AS role, @extschema@.loader_value(c.actor1) AS name, c.i1 AS inter
    UNION ALL
    SELECT 2, 'actor2', @extschema@.loader_value(c.actor2), c.i2
    UNION ALL
    SELECT 2 + x.n, 'associate', @extschema@.loader_value(x.name), NULL::smallint
    FROM unnest(string_to_array(concat_ws(';', @extschema@.loader_value(coalesce(c.assoc_actor_1, c.ally_actor_1)),
                                               @extschema@.loader_value(coalesce(c.assoc_actor_2, c.ally_actor_2))), ';'))
         WITH ORDINALITY AS x(name, n)) a
  WHERE NOT c.is_header AND a.name IS NOT NULL;

  PERFORM @extschema@.loader_batch_mark('@extschema@.acled_raw',
    'the file''s header line (copy with HEADER or HEADER MATCH)',
    $$format('superseded by record %s, a version of the same event with timestamp %s (this one: %s)',
             w.reason, coalesce(b.timestamp, 'none'), coalesce(a.timestamp, 'none'))$$);
  st := @extschema@.loader_store(st, '@extschema@.acled_raw', 'events',
    ARRAY['occurred', 'place_id', 'location', 'geo_precision', 'location_precision_m', 'event_type',
          'sub_event_type', 'dataset_category', 'fatalities', 'summary', 'admin1', 'admin2', 'admin3']);
  RETURN @extschema@.loader_end(st, '@extschema@.acled_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_acled(integer) IS
  'Moves the rows staged in acled_raw (any layout: columns picked by name) into events, event_actors, places and actors (one event per event_id_cnty; a re-imported id updates its event), records every row not loaded cleanly in import_issues, empties acled_raw and returns the import_runs row.  event_date with time_precision 1 is a day, 2 the week around it (an interval of seven days), 3 its month; fatalities become an exact estimate; iso (else gwno, else the country name) becomes a country; geo_precision gives location_precision_m.  Set-based: the batch is parsed in one statement and stored a chunk at a time; NOTICE every progress_every rows.'
;
