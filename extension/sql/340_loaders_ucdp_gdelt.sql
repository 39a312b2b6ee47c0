-- extension/sql/340_loaders_ucdp_gdelt.sql — import_ucdp_ged() and import_gdelt_events().

-- The shortest EDTF that means exactly the days from first to last: a day, a
-- whole month, a whole year, or else the interval first/last.
CREATE FUNCTION @extschema@.loader_span(first date, last date) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
    WHEN first = last THEN to_char(first, 'YYYY-MM-DD')
    WHEN first = date_trunc('month', first)::date
         AND last = (date_trunc('month', first) + interval '1 month' - interval '1 day')::date
      THEN to_char(first, 'YYYY-MM')
    WHEN first = date_trunc('year', first)::date
         AND last = (date_trunc('year', first) + interval '1 year' - interval '1 day')::date
      THEN to_char(first, 'YYYY')
    ELSE to_char(first, 'YYYY-MM-DD') || '/' || to_char(last, 'YYYY-MM-DD')
  END
$$;
COMMENT ON FUNCTION @extschema@.loader_span(date, date) IS
  'The EDTF text for exactly the days first..last: YYYY-MM-DD for one day, YYYY-MM for a whole month, YYYY for a whole year, else the interval first/last.';

-- UCDP GED: one event per id.
CREATE FUNCTION @extschema@.import_ucdp_ged(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  -- made first: on Citus each of its 999 subtransactions would otherwise
  -- travel to every node the load has reached
  gw constant jsonb := @extschema@.loader_gw_map();
BEGIN
  st := @extschema@.loader_start('ucdp_ged', 'import_ucdp_ged', '@extschema@.ucdp_ged_raw', progress_every);
  -- columns picked by name: GED 1.x-2.0 wrote best_est, low_est, high_est and geom
  PERFORM @extschema@.loader_require_columns('ucdp_ged_raw', st.total, 'id', 'date_start', 'date_end', 'date_prec',
                                             'where_prec', 'country_id or gwno', 'best or best_est');
  st.run := @extschema@.loader_begin('ucdp_ged');
  PERFORM @extschema@.loader_batch_open();
  PERFORM @extschema@.loader_batch_same('ucdp_ged', '@extschema@.ucdp_ged_raw', 'id');

  WITH codes AS MATERIALIZED (SELECT gw AS gw_map),
  s AS MATERIALIZED (   -- (record numbers and unchanged rows: as import_acled)
    SELECT x.rec, t.ctid AS tid,
           t.id, t.date_start, t.date_end, t.date_prec, t.where_prec, t.where_coordinates, t.type_of_violence,
           t.dyad_name, t.source_headline, t.side_a, t.side_b, t.gwnoa, t.gwnob, t.latitude, t.longitude, t.adm_1, t.adm_2,
           coalesce(t.country_id, t.gwno) AS country_id, coalesce(t.geom_wkt, t.geom) AS geom_wkt,
           coalesce(t.best, t.best_est) AS best, coalesce(t.low, t.low_est) AS low,
           coalesce(t.high, t.high_est) AS high
    FROM @extschema@.ucdp_ged_raw t JOIN pg_temp.loader_staged x ON x.tid = t.ctid
    WHERE x.same IS NULL),
  p1 AS (
    SELECT s.*,
           @extschema@.loader_value(s.id) AS ext,
           lower(s.id) = 'id' AND lower(s.date_start) = 'date_start' AS is_header,
           @extschema@.loader_date(s.date_start) AS ds,
           @extschema@.loader_date(s.date_end) AS de,
           @extschema@.loader_int(s.date_prec) AS dp,
           @extschema@.loader_int(s.where_prec) AS wp,
           (codes.gw_map ->> @extschema@.loader_int(s.country_id)::text)::@extschema@.country AS ctry,
           @extschema@.loader_int(s.low) AS lo, @extschema@.loader_int(s.best) AS be, @extschema@.loader_int(s.high) AS hi,
           @extschema@.loader_value(s.where_coordinates) AS wc_raw,
           @extschema@.loader_repair(@extschema@.loader_value(s.where_coordinates)) AS wc_fixed,
           @extschema@.loader_float(s.latitude) AS lat0,
           @extschema@.loader_float(s.longitude) AS lon0,
           regexp_match(s.geom_wkt, '^\s*POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)\s*$', 'i') AS wkt,
           (codes.gw_map ->> btrim(s.gwnoa))::@extschema@.country AS gw_a,
           (codes.gw_map ->> btrim(s.gwnob))::@extschema@.country AS gw_b
    FROM s CROSS JOIN codes),
  p2 AS (
    SELECT p1.*,
           CASE WHEN p1.wp <= 2 THEN 'town' WHEN p1.wp = 6 THEN 'country' WHEN p1.wp = 7 THEN 'sea' ELSE 'region' END AS kind,
           -- "Djibo town", "Boni village": the settlement's own name; regions
           -- keep their kind word ("Mopti region" is not the town of Mopti)
           regexp_replace(p1.wc_fixed, '\s+(town|village|city)$', '', 'i') AS loc_name,
           (p1.lat0 IS NULL AND @extschema@.loader_value(p1.latitude) IS NOT NULL)
             OR (p1.lon0 IS NULL AND @extschema@.loader_value(p1.longitude) IS NOT NULL) AS coords_not_numbers,
           -- geom_wkt (POINT (longitude latitude)) settles which column is which
           (p1.wkt IS NOT NULL AND p1.lat0 IS NOT NULL AND p1.lat0 <> p1.lon0
            AND @extschema@.loader_float(p1.wkt[1]) = p1.lat0 AND @extschema@.loader_float(p1.wkt[2]) = p1.lon0) AS wkt_swapped
    FROM p1),
  p AS MATERIALIZED (
    SELECT p2.*,
           CASE WHEN p2.wkt_swapped THEN @extschema@.loader_float(p2.wkt[2]) ELSE p2.lat0 END AS lat,
           CASE WHEN p2.wkt_swapped THEN @extschema@.loader_float(p2.wkt[1]) ELSE p2.lon0 END AS lon,
           CASE WHEN p2.kind = 'town' THEN p2.loc_name END AS ref_name
    FROM p2),
  refs AS MATERIALIZED (
    SELECT * FROM @extschema@.loader_location_refs(
      ARRAY(SELECT p.ref_name FROM p WHERE p.lat IS NOT NULL OR p.lon IS NOT NULL),
      ARRAY(SELECT p.ctry FROM p WHERE p.lat IS NOT NULL OR p.lon IS NOT NULL))),
  c AS MATERIALIZED (
    SELECT p.*, chk.ok AS loc_ok, chk.location AS loc, chk.note AS loc_note
    FROM p
    LEFT JOIN refs ON coalesce(refs.name, '') = coalesce(p.ref_name, '') AND coalesce(refs.country::text, '') = coalesce(p.ctry::text, '')
    LEFT JOIN LATERAL @extschema@.loader_fix_location(p.lat, p.lon, refs.ref, coalesce(refs.ref_is_place, false), p.ref_name) chk
      ON NOT p.coords_not_numbers),
  f AS (   -- fatalities: low, best, high
    SELECT c.*,
      (@extschema@.loader_value(c.low) IS NOT NULL AND (c.lo IS NULL OR c.lo < 0))
        OR (@extschema@.loader_value(c.best) IS NOT NULL AND (c.be IS NULL OR c.be < 0))
        OR (@extschema@.loader_value(c.high) IS NOT NULL AND (c.hi IS NULL OR c.hi < 0)) AS fat_bad,
      least(coalesce(c.lo, c.be, c.hi), c.be) AS f_lo,
      greatest(coalesce(c.lo, c.be, c.hi), c.be, c.hi) AS f_hi
    FROM c),
  g AS (
    SELECT f.*,
      CASE WHEN f.fat_bad THEN NULL
           WHEN f.lo IS NULL AND f.be IS NULL AND f.hi IS NULL THEN '?'::@extschema@.estimate
           WHEN f.be IS NULL AND f.lo IS NOT NULL AND f.hi IS NOT NULL AND f.lo <= f.hi THEN @extschema@.estimate(f.lo, f.hi)
           WHEN f.lo IS NULL OR f.be IS NULL OR f.hi IS NULL THEN @extschema@.estimate(f.f_lo, f.f_hi, f.be)
           WHEN f.lo <= f.be AND f.be <= f.hi THEN @extschema@.estimate(f.lo, f.hi, f.be)
           -- UCDP's best is the sum of its four death counts; a low or high on
           -- the wrong side of it is kept visible: the stored range is the
           -- narrowest one holding all three reported figures, and the row is
           -- flagged
           ELSE @extschema@.estimate(least(f.lo, f.be, f.hi), greatest(f.lo, f.be, f.hi), f.be) END AS fat
    FROM f),
  rows_in AS (
    INSERT INTO pg_temp.loader_rows
      (rec, tid, ext, dup_key, status, reason, notes, place_name, place_kind, place_country, place_at,
       place_radius, place_alias, occurred, location, location_precision_m, fatalities, summary, dataset_category,
       admin1, admin2)
    SELECT g.rec, g.tid, g.ext, g.ext,
           CASE WHEN g.is_header THEN 'header' WHEN cardinality(g.problems) > 0 THEN 'rejected' ELSE 'ok' END,
           CASE WHEN NOT g.is_header AND cardinality(g.problems) > 0 THEN array_to_string(g.problems, '; ') END,
           g.notes_out, g.loc_name, g.kind, g.ctry, g.loc,
           CASE WHEN g.kind = 'country' THEN 1000000 ELSE 25000 END,
           CASE WHEN g.kind <> 'country' THEN g.wc_raw END,
           CASE WHEN g.ds <= g.de THEN @extschema@.loader_span(g.ds, g.de)::@extschema@.edtf END,
           g.loc,
           CASE WHEN g.loc IS NOT NULL THEN @extschema@.location_precision_m('ucdp_ged', g.wp::integer) END,
           g.fat,
           -- the kind of violence and the dyad, then the headline of the
           -- source (what the matcher reads as the event's description)
           concat_ws('. ', concat_ws(': ', (ARRAY['state-based conflict', 'non-state conflict', 'one-sided violence'])[@extschema@.loader_int(g.type_of_violence)],
                                     @extschema@.loader_value(g.dyad_name)),
                     @extschema@.loader_value(g.source_headline)),
           @extschema@.loader_value(g.type_of_violence),
           @extschema@.loader_repair(@extschema@.loader_value(g.adm_1)),
           @extschema@.loader_repair(@extschema@.loader_value(g.adm_2))
    FROM (
      SELECT g.*,
        CASE WHEN g.is_header THEN '{}'::text[] ELSE array_remove(ARRAY[
          CASE WHEN g.ext IS NULL OR @extschema@.loader_int(g.ext) IS NULL THEN format('id %L is not a number', g.id) END,
          CASE WHEN g.ds IS NULL THEN format('date_start %L is not a date', g.date_start) END,
          CASE WHEN g.de IS NULL THEN format('date_end %L is not a date', g.date_end) END,
          CASE WHEN g.ds > g.de THEN format('date_end %L is before date_start %L', g.date_end, g.date_start) END,
          CASE WHEN g.dp IS NULL OR g.dp NOT BETWEEN 1 AND 5 THEN format('date_prec %L is not 1 to 5', g.date_prec) END,
          CASE WHEN g.wp IS NULL OR g.wp NOT BETWEEN 1 AND 7 THEN format('where_prec %L is not 1 to 7', g.where_prec) END,
          CASE WHEN g.ctry IS NULL THEN format('country_id %L is not a Gleditsch-Ward country code', g.country_id) END,
          CASE WHEN g.fat_bad THEN format('low %L, best %L, high %L are not all counts', g.low, g.best, g.high) END,
          CASE WHEN g.coords_not_numbers THEN format('latitude %L, longitude %L are not numbers', g.latitude, g.longitude)
               WHEN NOT g.loc_ok THEN g.loc_note END], NULL) END AS problems,
        array_remove(ARRAY[
          CASE WHEN g.fat_bad THEN NULL
               WHEN g.lo IS NULL AND g.be IS NULL AND g.hi IS NULL THEN 'low, best and high missing: fatalities stored as unknown (?)'
               WHEN g.be IS NULL AND g.lo IS NOT NULL AND g.hi IS NOT NULL AND g.lo <= g.hi
                 THEN format('best missing: fatalities stored as the range %s..%s without a best value', g.lo, g.hi)
               WHEN g.lo IS NULL OR g.be IS NULL OR g.hi IS NULL
                 THEN format('low %L, best %L, high %L incomplete: fatalities stored as %s', g.low, g.best, g.high, g.fat::text)
               WHEN g.lo <= g.be AND g.be <= g.hi THEN NULL
               ELSE format('low %s, best %s, high %s out of order (best outside [low, high]): fatalities stored as %s, the narrowest range holding all three reported figures',
                           g.lo, g.be, g.hi, g.fat::text) END,
          CASE WHEN g.wc_fixed <> g.wc_raw THEN format('where_coordinates %L repaired to %L (UTF-8 read as Latin-1)', g.where_coordinates, g.wc_fixed) END,
          CASE WHEN g.wkt_swapped AND NOT g.coords_not_numbers
               THEN format('latitude %s and longitude %s swapped (geom_wkt %L says longitude %s, latitude %s): stored as %s, %s',
                           g.lat0, g.lon0, g.geom_wkt, g.wkt[1], g.wkt[2], g.lon0, g.lat0) END,
          CASE WHEN g.loc_ok THEN g.loc_note END], NULL) AS notes_out
      FROM g) g
    ORDER BY g.rec)
  INSERT INTO pg_temp.loader_mentions (rec, ord, role, name, kind, country)
  SELECT g.rec, a.ord, a.role, a.name, a.kind, a.country
  FROM g
  CROSS JOIN LATERAL (
    SELECT 1 AS ord, 'actor1' AS role, @extschema@.loader_value(g.side_a) AS name,
           CASE WHEN g.side_a ~ '^Government of ' THEN 'government' ELSE 'armed group' END AS kind,
           CASE WHEN g.side_a ~ '^Government of ' THEN g.gw_a END AS country
    UNION ALL
    SELECT 2, CASE WHEN g.side_b = 'Civilians' THEN 'victim' ELSE 'actor2' END, @extschema@.loader_value(g.side_b),
           CASE WHEN g.side_b ~ '^Government of ' THEN 'government' WHEN g.side_b = 'Civilians' THEN 'civilians'
                ELSE 'armed group' END,
           CASE WHEN g.side_b ~ '^Government of ' THEN g.gw_b END) a
  WHERE NOT g.is_header AND a.name IS NOT NULL;

  PERFORM @extschema@.loader_batch_mark('@extschema@.ucdp_ged_raw',
    'the file''s header line (copy with HEADER or HEADER MATCH)',
    $$format('superseded by record %s, a later row with the same id', w.reason)$$);
  st := @extschema@.loader_store(st, '@extschema@.ucdp_ged_raw', 'events',
    ARRAY['occurred', 'place_id', 'location', 'location_precision_m', 'fatalities', 'summary', 'dataset_category',
          'admin1', 'admin2']);
  RETURN @extschema@.loader_end(st, '@extschema@.ucdp_ged_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_ucdp_ged(integer) IS
  'Moves the rows staged in ucdp_ged_raw (any layout: columns picked by name) into events, event_actors, places and actors (one event per id; a re-imported id updates its event), records every row not loaded cleanly in import_issues, empties ucdp_ged_raw and returns the import_runs row.  date_start..date_end becomes the edtf of exactly those days (a day, a month, a year or an interval); low/best/high (or low_est/best_est/high_est) become an estimate (best outside [low, high]: the narrowest range holding all three, flagged); country_id (Gleditsch-Ward) becomes a country; geom_wkt settles swapped coordinates; where_prec gives location_precision_m; the kind of violence, dyad_name and source_headline make the summary.  Set-based, NOTICE every progress_every rows.';

-- GDELT 2.0: one event per GLOBALEVENTID.
CREATE FUNCTION @extschema@.import_gdelt_events(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
BEGIN
  st := @extschema@.loader_start('gdelt', 'import_gdelt_events', '@extschema@.gdelt_events_raw', progress_every);
  st.run := @extschema@.loader_begin('gdelt');
  PERFORM @extschema@.loader_batch_open();
  PERFORM @extschema@.loader_batch_same('gdelt', '@extschema@.gdelt_events_raw', 'globaleventid');

  WITH codes AS MATERIALIZED (
    SELECT @extschema@.loader_code_map('fips') AS fips_map, @extschema@.loader_code_map('iso3') AS iso3_map),
  s AS MATERIALIZED (   -- (record numbers and unchanged rows: as import_acled)
    SELECT x.rec, t.ctid AS tid, t.*
    FROM @extschema@.gdelt_events_raw t JOIN pg_temp.loader_staged x ON x.tid = t.ctid
    WHERE x.same IS NULL),
  p1 AS (
    SELECT s.rec, s.tid, s.globaleventid, s.sqldate, s.eventcode, s.eventrootcode, s.goldsteinscale,
           s.actiongeo_type, s.actiongeo_countrycode, s.actiongeo_fullname, s.actiongeo_lat, s.actiongeo_long,
           s.dateadded, s.sourceurl, s.actor1code, s.actor1name, s.actor1type1code, s.actor1countrycode,
           s.actor2code, s.actor2name, s.actor2type1code, s.actor2countrycode, codes.iso3_map,
           @extschema@.loader_value(s.globaleventid) AS ext,
           CASE WHEN s.sqldate ~ '^\s*[0-9]{8}\s*$' THEN @extschema@.loader_date(s.sqldate) END AS d,
           EXISTS (SELECT 1 FROM @extschema@.cameo_codes cc WHERE cc.code = btrim(s.eventcode)) AS cameo_ok,
           @extschema@.loader_float(s.goldsteinscale) AS gold,
           @extschema@.loader_int(s.actiongeo_type) AS gt,
           (codes.fips_map ->> upper(btrim(s.actiongeo_countrycode)))::@extschema@.country AS ctry,
           @extschema@.loader_value(s.actiongeo_fullname) AS name_raw,
           @extschema@.loader_repair(@extschema@.loader_value(s.actiongeo_fullname)) AS name_fixed,
           @extschema@.loader_float(s.actiongeo_lat) AS lat,
           @extschema@.loader_float(s.actiongeo_long) AS lon
    FROM s CROSS JOIN codes),
  p AS MATERIALIZED (
    SELECT p1.*,
           coalesce(p1.gt, 0) <> 0 AS has_geo,
           (p1.lat IS NULL AND @extschema@.loader_value(p1.actiongeo_lat) IS NOT NULL)
             OR (p1.lon IS NULL AND @extschema@.loader_value(p1.actiongeo_long) IS NOT NULL) AS coords_not_numbers
    FROM p1),
  refs AS MATERIALIZED (
    SELECT * FROM @extschema@.loader_location_refs(
      ARRAY(SELECT NULL::text FROM p WHERE p.has_geo AND (p.lat IS NOT NULL OR p.lon IS NOT NULL)),
      ARRAY(SELECT p.ctry FROM p WHERE p.has_geo AND (p.lat IS NOT NULL OR p.lon IS NOT NULL)))),
  c AS MATERIALIZED (
    SELECT p.*, chk.ok AS loc_ok, chk.location AS loc, chk.note AS loc_note
    FROM p
    LEFT JOIN refs ON refs.name IS NULL AND coalesce(refs.country::text, '') = coalesce(p.ctry::text, '')
    LEFT JOIN LATERAL @extschema@.loader_fix_location(p.lat, p.lon, refs.ref, coalesce(refs.ref_is_place, false), NULL) chk
      ON p.has_geo AND NOT p.coords_not_numbers),
  rows_in AS (
    INSERT INTO pg_temp.loader_rows
      (rec, tid, ext, dup_key, dup_order, status, reason, notes, place_name, place_kind, place_country, place_at,
       place_radius, place_alias, occurred, location, location_precision_m, cameo_code, summary, dataset_category)
    SELECT c.rec, c.tid, c.ext, c.ext, @extschema@.loader_int(c.dateadded),
           CASE WHEN cardinality(c.problems) > 0 THEN 'rejected' ELSE 'ok' END,
           CASE WHEN cardinality(c.problems) > 0 THEN array_to_string(c.problems, '; ') END,
           c.notes_out,
           -- FullName is "Ouagadougou, Kadiogo, Burkina Faso": the place is its first part
           CASE WHEN c.has_geo THEN btrim(split_part(c.name_fixed, ',', 1)) END,
           CASE c.gt WHEN 1 THEN 'country' WHEN 3 THEN 'city' WHEN 4 THEN 'city' ELSE 'region' END,
           c.ctry, c.loc,
           CASE WHEN c.gt = 1 THEN 1000000 ELSE 25000 END,
           c.name_fixed,
           to_char(c.d, 'YYYY-MM-DD')::@extschema@.edtf,
           c.loc,
           CASE WHEN c.loc IS NOT NULL THEN @extschema@.location_precision_m('gdelt', c.gt::integer) END,
           btrim(c.eventcode),
           @extschema@.loader_value(c.sourceurl),
           @extschema@.loader_value(c.eventrootcode)
    FROM (
      SELECT c.*,
        array_remove(ARRAY[
          CASE WHEN c.ext IS NULL OR @extschema@.loader_int(c.ext) IS NULL THEN format('GLOBALEVENTID %L is not a number', c.globaleventid) END,
          CASE WHEN c.d IS NULL THEN format('SQLDATE %L is not a date (YYYYMMDD)', c.sqldate) END,
          CASE WHEN NOT c.cameo_ok THEN format('EventCode %L is not a CAMEO event code', c.eventcode) END,
          CASE WHEN @extschema@.loader_value(c.goldsteinscale) IS NOT NULL AND (c.gold IS NULL OR c.gold NOT BETWEEN -10 AND 10)
               THEN format('GoldsteinScale %L is not a score from -10 to 10', c.goldsteinscale) END,
          CASE WHEN @extschema@.loader_value(c.actiongeo_countrycode) IS NOT NULL AND c.ctry IS NULL
               THEN format('ActionGeo_CountryCode %L is not a FIPS 10-4 country code', c.actiongeo_countrycode) END,
          CASE WHEN c.has_geo AND c.gt NOT BETWEEN 1 AND 5 THEN format('ActionGeo_Type %L is not 0 to 5', c.actiongeo_type) END,
          CASE WHEN c.has_geo AND c.coords_not_numbers
                 THEN format('ActionGeo_Lat %L, ActionGeo_Long %L are not numbers', c.actiongeo_lat, c.actiongeo_long)
               WHEN c.has_geo AND NOT c.loc_ok THEN c.loc_note END], NULL) AS problems,
        array_remove(ARRAY[
          CASE WHEN c.has_geo AND c.name_fixed IS DISTINCT FROM c.name_raw
               THEN format('ActionGeo_FullName %L repaired to %L (UTF-8 read as Latin-1)', c.actiongeo_fullname, c.name_fixed) END,
          CASE WHEN c.has_geo AND c.loc_ok THEN c.loc_note END], NULL) AS notes_out
      FROM c) c
    ORDER BY c.rec)
  INSERT INTO pg_temp.loader_mentions (rec, ord, role, name, kind, country, cameo)
  SELECT c.rec, a.ord, a.role, a.name,
         CASE WHEN a.atype = 'GOV' THEN 'government'
              WHEN a.atype IN ('MIL', 'COP', 'SPY') THEN 'state forces'
              WHEN a.atype IN ('REB', 'INS', 'SEP', 'UAF') THEN 'armed group'
              WHEN a.atype = 'CVL' THEN 'civilians'
              WHEN a.atype = 'PKO' THEN 'peacekeeping mission'
              WHEN a.atype IN ('IGO', 'UNO') THEN 'international organisation'
              WHEN a.atype IS NULL AND length(a.acode) = 3 AND c.iso3_map ? a.acode THEN 'state' END,
         (c.iso3_map ->> a.acountry)::@extschema@.country, a.acode
  FROM c
  CROSS JOIN LATERAL (
    SELECT 1 AS ord, 'actor1' AS role, @extschema@.loader_value(c.actor1name) AS name,
           @extschema@.loader_value(c.actor1code) AS acode, @extschema@.loader_value(c.actor1type1code) AS atype,
           @extschema@.loader_value(c.actor1countrycode) AS acountry
    UNION ALL
    SELECT 2, 'actor2', @extschema@.loader_value(c.actor2name), @extschema@.loader_value(c.actor2code),
           @extschema@.loader_value(c.actor2type1code), @extschema@.loader_value(c.actor2countrycode)) a
  WHERE a.name IS NOT NULL;

  PERFORM @extschema@.loader_batch_mark('@extschema@.gdelt_events_raw', NULL,
    $$format('superseded by record %s, a later row with the same GLOBALEVENTID', w.reason)$$);
  st := @extschema@.loader_store(st, '@extschema@.gdelt_events_raw', 'events',
    ARRAY['occurred', 'place_id', 'location', 'location_precision_m', 'cameo_code', 'summary', 'dataset_category']);
  RETURN @extschema@.loader_end(st, '@extschema@.gdelt_events_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_gdelt_events(integer) IS
  'Moves the rows staged in gdelt_events_raw into events, event_actors, places and actors (one event per GLOBALEVENTID; a re-imported id updates its event; syndicated copies with other ids stay separate events), records every row not loaded cleanly in import_issues, empties gdelt_events_raw and returns the import_runs row.  SQLDATE becomes a day; ActionGeo_CountryCode (FIPS 10-4: NG is Niger, UV Burkina Faso, CD Chad) becomes a country; EventCode is checked against the CAMEO table and kept; ActionGeo_Type gives location_precision_m.  Set-based, NOTICE every progress_every rows.';
