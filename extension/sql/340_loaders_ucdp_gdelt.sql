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
  needed @extschema@.loader_column[];
  r record;
  problems text[];
  notes text[];
  ext text;
  ds date;
  de date;
  dp bigint;
  wp bigint;
  gw bigint;
  ctry @extschema@.country;
  lat float8;
  lon float8;
  m text[];
  chk record;
  loc @extschema@.geopoint;
  lo bigint;
  be bigint;
  hi bigint;
  fat_est @extschema@.estimate;
  loc_name text;
  kind text;
  place bigint;
  ev bigint;
  inserted boolean;
  a bigint;
  gw_map jsonb;
  violence constant text[] := ARRAY['state-based conflict', 'non-state conflict', 'one-sided violence'];
BEGIN
  st := @extschema@.loader_start('ucdp_ged', 'import_ucdp_ged', '@extschema@.ucdp_ged_raw', progress_every);
  -- columns picked by name: GED 1.x-2.0 wrote best_est, low_est, high_est and geom
  SELECT ARRAY[
    ROW('id', bool_or(t.id IS NOT NULL)),
    ROW('date_start', bool_or(t.date_start IS NOT NULL)),
    ROW('date_end', bool_or(t.date_end IS NOT NULL)),
    ROW('date_prec', bool_or(t.date_prec IS NOT NULL)),
    ROW('where_prec', bool_or(t.where_prec IS NOT NULL)),
    ROW('country_id or gwno', bool_or(coalesce(t.country_id, t.gwno) IS NOT NULL)),
    ROW('best or best_est', bool_or(coalesce(t.best, t.best_est) IS NOT NULL)),
    ROW('latitude', bool_or(t.latitude IS NOT NULL)),
    ROW('longitude', bool_or(t.longitude IS NOT NULL))]::@extschema@.loader_column[] INTO needed
  FROM @extschema@.ucdp_ged_raw t;
  PERFORM @extschema@.loader_require_columns('ucdp_ged_raw', st.total, needed);
  st.run := @extschema@.loader_begin('ucdp_ged');
  gw_map := @extschema@.loader_gw_map();

  FOR r IN
    WITH s AS (
      SELECT row_number() OVER (ORDER BY t.ctid) AS rec, jsonb_strip_nulls(to_jsonb(t)) AS raw,
             t.id, t.date_start, t.date_end, t.date_prec, t.where_prec, t.where_coordinates, t.type_of_violence,
             t.dyad_name, t.side_a, t.side_b, t.gwnoa, t.gwnob, t.latitude, t.longitude,
             coalesce(t.country_id, t.gwno) AS country_id, coalesce(t.geom_wkt, t.geom) AS geom_wkt,
             coalesce(t.best, t.best_est) AS best, coalesce(t.low, t.low_est) AS low,
             coalesce(t.high, t.high_est) AS high
      FROM @extschema@.ucdp_ged_raw t
    )
    SELECT s.*, first_value(s.rec) OVER w AS winner, first_value(s.raw) OVER w AS winner_raw
    FROM s
    WINDOW w AS (PARTITION BY btrim(s.id) ORDER BY s.rec DESC)
    ORDER BY s.rec
  LOOP
    st.rows_read := st.rows_read + 1;
    problems := '{}';
    notes := '{}';
    ext := @extschema@.loader_value(r.id);
    IF lower(r.id) = 'id' AND lower(r.date_start) = 'date_start' THEN
      st := @extschema@.loader_header(st, r.rec, r.raw);
      CONTINUE;
    END IF;
    IF ext IS NOT NULL AND r.winner <> r.rec THEN
      st := @extschema@.loader_duplicate(st, r.rec, ext, r.raw, r.winner, r.winner_raw,
              format('superseded by record %s, a later row with the same id', r.winner));
      CONTINUE;
    END IF;

    IF ext IS NULL OR @extschema@.loader_int(ext) IS NULL THEN
      problems := problems || format('id %L is not a number', r.id);
    END IF;
    ds := @extschema@.loader_date(r.date_start);
    de := @extschema@.loader_date(r.date_end);
    IF ds IS NULL THEN
      problems := problems || format('date_start %L is not a date', r.date_start);
    END IF;
    IF de IS NULL THEN
      problems := problems || format('date_end %L is not a date', r.date_end);
    END IF;
    IF ds > de THEN
      problems := problems || format('date_end %L is before date_start %L', r.date_end, r.date_start);
    END IF;
    dp := @extschema@.loader_int(r.date_prec);
    IF dp IS NULL OR dp NOT BETWEEN 1 AND 5 THEN
      problems := problems || format('date_prec %L is not 1 to 5', r.date_prec);
    END IF;
    wp := @extschema@.loader_int(r.where_prec);
    IF wp IS NULL OR wp NOT BETWEEN 1 AND 7 THEN
      problems := problems || format('where_prec %L is not 1 to 7', r.where_prec);
    END IF;
    gw := @extschema@.loader_int(r.country_id);
    ctry := (gw_map ->> gw::text)::@extschema@.country;
    IF ctry IS NULL THEN
      problems := problems || format('country_id %L is not a Gleditsch-Ward country code', r.country_id);
    END IF;
    -- fatalities: low, best, high
    lo := @extschema@.loader_int(r.low);
    be := @extschema@.loader_int(r.best);
    hi := @extschema@.loader_int(r.high);
    IF (@extschema@.loader_value(r.low) IS NOT NULL AND (lo IS NULL OR lo < 0))
       OR (@extschema@.loader_value(r.best) IS NOT NULL AND (be IS NULL OR be < 0))
       OR (@extschema@.loader_value(r.high) IS NOT NULL AND (hi IS NULL OR hi < 0)) THEN
      problems := problems || format('low %L, best %L, high %L are not all counts', r.low, r.best, r.high);
    ELSIF lo IS NULL AND be IS NULL AND hi IS NULL THEN
      fat_est := '?'::@extschema@.estimate;
      notes := notes || 'low, best and high missing: fatalities stored as unknown (?)'::text;
    ELSIF be IS NULL AND lo IS NOT NULL AND hi IS NOT NULL AND lo <= hi THEN
      fat_est := @extschema@.estimate(lo, hi);
      notes := notes || format('best missing: fatalities stored as the range %s..%s without a best value', lo, hi);
    ELSIF lo IS NULL OR be IS NULL OR hi IS NULL THEN
      lo := coalesce(lo, be, hi);
      hi := greatest(lo, be, hi);
      lo := least(lo, be, hi);
      fat_est := @extschema@.estimate(lo, hi, be);
      notes := notes || format('low %L, best %L, high %L incomplete: fatalities stored as %s', r.low, r.best, r.high, fat_est::text);
    ELSIF lo <= be AND be <= hi THEN
      fat_est := @extschema@.estimate(lo, hi, be);
    ELSE
      -- UCDP's best is the sum of its four death counts; a low or high on the
      -- wrong side of it is kept visible: the stored range is the narrowest
      -- one holding all three reported figures, and the row is flagged.
      fat_est := @extschema@.estimate(least(lo, be, hi), greatest(lo, be, hi), be);
      notes := notes || format('low %s, best %s, high %s out of order (best outside [low, high]): fatalities stored as %s, the narrowest range holding all three reported figures',
                               lo, be, hi, fat_est::text);
    END IF;
    -- the place: where_coordinates without UCDP's trailing kind word
    loc_name := @extschema@.loader_value(r.where_coordinates);
    IF loc_name IS NOT NULL THEN
      loc_name := @extschema@.repair_mojibake(loc_name);
      IF loc_name <> @extschema@.loader_value(r.where_coordinates) THEN
        notes := notes || format('where_coordinates %L repaired to %L (UTF-8 read as Latin-1)', r.where_coordinates, loc_name);
      END IF;
      -- "Djibo town", "Boni village": the settlement's own name; regions keep
      -- their kind word ("Mopti region" is not the town of Mopti)
      loc_name := regexp_replace(loc_name, '\s+(town|village|city)$', '', 'i');
    END IF;
    kind := CASE WHEN wp <= 2 THEN 'town' WHEN wp = 6 THEN 'country' WHEN wp = 7 THEN 'sea' ELSE 'region' END;
    lat := @extschema@.loader_float(r.latitude);
    lon := @extschema@.loader_float(r.longitude);
    IF (lat IS NULL AND @extschema@.loader_value(r.latitude) IS NOT NULL)
       OR (lon IS NULL AND @extschema@.loader_value(r.longitude) IS NOT NULL) THEN
      problems := problems || format('latitude %L, longitude %L are not numbers', r.latitude, r.longitude);
      loc := NULL;
    ELSE
      -- geom_wkt (POINT (longitude latitude)) settles which column is which
      m := regexp_match(r.geom_wkt, '^\s*POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)\s*$', 'i');
      IF m IS NOT NULL AND lat IS NOT NULL AND lat <> lon
         AND @extschema@.loader_float(m[1]) = lat AND @extschema@.loader_float(m[2]) = lon THEN
        notes := notes || format('latitude %s and longitude %s swapped (geom_wkt %L says longitude %s, latitude %s): stored as %s, %s',
                                 lat, lon, r.geom_wkt, m[1], m[2], lon, lat);
        lat := @extschema@.loader_float(m[2]);
        lon := @extschema@.loader_float(m[1]);
      END IF;
      chk := @extschema@.loader_check_location(lat, lon, ctry, CASE WHEN kind = 'town' THEN loc_name END);
      loc := chk.location;
      IF NOT chk.ok THEN
        problems := problems || chk.note;
      ELSIF chk.note IS NOT NULL THEN
        notes := notes || chk.note;
      END IF;
    END IF;

    IF cardinality(problems) > 0 THEN
      st := @extschema@.loader_issue(st, r.rec, ext, 'rejected', array_to_string(problems, '; '), r.raw);
      CONTINUE;
    END IF;

    BEGIN
      IF kind = 'country' THEN
        SELECT p.id INTO place FROM @extschema@.places p WHERE p.kind = 'country' AND p.country OPERATOR(@extschema@.=) ctry ORDER BY p.id LIMIT 1;
        IF place IS NULL THEN
          place := @extschema@.loader_place(loc_name, kind, ctry, loc, 1000000);
        END IF;
      ELSE
        place := @extschema@.loader_place(loc_name, kind, ctry, loc, 25000,
                                          @extschema@.loader_value(r.where_coordinates));
      END IF;
      INSERT INTO @extschema@.events AS e
        (occurred, place_id, location, location_precision_m, fatalities, summary, dataset_category, dataset, external_id)
      VALUES (@extschema@.loader_span(ds, de)::@extschema@.edtf, place, loc,
              CASE WHEN loc IS NOT NULL THEN @extschema@.location_precision_m('ucdp_ged', wp::integer) END, fat_est,
              concat_ws(': ', violence[@extschema@.loader_int(r.type_of_violence)], @extschema@.loader_value(r.dyad_name)),
              @extschema@.loader_value(r.type_of_violence), 'ucdp_ged', ext)
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET occurred = excluded.occurred, place_id = excluded.place_id, location = excluded.location,
            location_precision_m = excluded.location_precision_m, fatalities = excluded.fatalities,
            summary = excluded.summary, dataset_category = excluded.dataset_category
      RETURNING e.id, (e.xmax = 0) INTO ev, inserted;
      IF NOT inserted THEN
        DELETE FROM @extschema@.event_actors WHERE event_id = ev;
      END IF;
      a := @extschema@.loader_actor(@extschema@.loader_value(r.side_a),
                                    CASE WHEN r.side_a ~ '^Government of ' THEN 'government' ELSE 'armed group' END,
                                    CASE WHEN r.side_a ~ '^Government of ' THEN (gw_map ->> btrim(r.gwnoa))::@extschema@.country END);
      IF a IS NOT NULL THEN
        INSERT INTO @extschema@.event_actors (event_id, actor_id, role) VALUES (ev, a, 'actor1') ON CONFLICT DO NOTHING;
      END IF;
      a := @extschema@.loader_actor(@extschema@.loader_value(r.side_b),
                                    CASE WHEN r.side_b ~ '^Government of ' THEN 'government'
                                         WHEN r.side_b = 'Civilians' THEN 'civilians' ELSE 'armed group' END,
                                    CASE WHEN r.side_b ~ '^Government of ' THEN (gw_map ->> btrim(r.gwnob))::@extschema@.country END);
      IF a IS NOT NULL THEN
        INSERT INTO @extschema@.event_actors (event_id, actor_id, role)
        VALUES (ev, a, CASE WHEN r.side_b = 'Civilians' THEN 'victim' ELSE 'actor2' END) ON CONFLICT DO NOTHING;
      END IF;
    EXCEPTION WHEN OTHERS THEN
      st := @extschema@.loader_failed(st, r.rec, ext, r.raw, SQLERRM, SQLSTATE);
      CONTINUE;
    END;

    st := @extschema@.loader_done(st, r.rec, ext, notes, inserted, r.raw);
  END LOOP;

  RETURN @extschema@.loader_end(st, '@extschema@.ucdp_ged_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_ucdp_ged(integer) IS
  'Moves the rows staged in ucdp_ged_raw into events, event_actors, places and actors (one event per id; a re-imported id updates its event), records every row not loaded cleanly in import_issues, empties ucdp_ged_raw and returns the import_runs row.  date_start..date_end becomes the edtf of exactly those days (a day, a month, a year or an interval); low/best/high become an estimate (best outside [low, high]: the narrowest range holding all three, flagged); country_id (Gleditsch-Ward) becomes a country; geom_wkt settles swapped coordinates.';

-- GDELT 2.0: one event per GLOBALEVENTID.
CREATE FUNCTION @extschema@.import_gdelt_events(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  r record;
  problems text[];
  notes text[];
  ext text;
  d date;
  gt bigint;
  ctry @extschema@.country;
  lat float8;
  lon float8;
  chk record;
  loc @extschema@.geopoint;
  gold float8;
  loc_name text;
  kind text;
  place bigint;
  ev bigint;
  inserted boolean;
  a bigint;
  fips_map jsonb;
  iso3_map jsonb;
  i integer;
  acode text;
  aname text;
  atype text;
BEGIN
  st := @extschema@.loader_start('gdelt', 'import_gdelt_events', '@extschema@.gdelt_events_raw', progress_every);
  st.run := @extschema@.loader_begin('gdelt');
  SELECT jsonb_object_agg(c.fips, c.country::text) INTO fips_map
  FROM @extschema@.countries() c WHERE c.fips IS NOT NULL;
  SELECT jsonb_object_agg(c.iso3, c.country::text) INTO iso3_map FROM @extschema@.countries() c;

  FOR r IN
    WITH s AS (
      SELECT row_number() OVER (ORDER BY t.ctid) AS rec, jsonb_strip_nulls(to_jsonb(t)) AS raw, t.*
      FROM @extschema@.gdelt_events_raw t
    )
    SELECT s.*, first_value(s.rec) OVER w AS winner, first_value(s.raw) OVER w AS winner_raw
    FROM s
    WINDOW w AS (PARTITION BY btrim(s.globaleventid) ORDER BY s.dateadded DESC NULLS LAST, s.rec DESC)
    ORDER BY s.rec
  LOOP
    st.rows_read := st.rows_read + 1;
    problems := '{}';
    notes := '{}';
    ext := @extschema@.loader_value(r.globaleventid);
    IF ext IS NOT NULL AND r.winner <> r.rec THEN
      st := @extschema@.loader_duplicate(st, r.rec, ext, r.raw, r.winner, r.winner_raw,
              format('superseded by record %s, a later row with the same GLOBALEVENTID', r.winner));
      CONTINUE;
    END IF;
    IF ext IS NULL OR @extschema@.loader_int(ext) IS NULL THEN
      problems := problems || format('GLOBALEVENTID %L is not a number', r.globaleventid);
    END IF;
    d := CASE WHEN r.sqldate ~ '^\s*[0-9]{8}\s*$' THEN @extschema@.loader_date(r.sqldate) END;
    IF d IS NULL THEN
      problems := problems || format('SQLDATE %L is not a date (YYYYMMDD)', r.sqldate);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM @extschema@.cameo_codes c WHERE c.code = btrim(r.eventcode)) THEN
      problems := problems || format('EventCode %L is not a CAMEO event code', r.eventcode);
    END IF;
    gold := @extschema@.loader_float(r.goldsteinscale);
    IF @extschema@.loader_value(r.goldsteinscale) IS NOT NULL AND (gold IS NULL OR gold NOT BETWEEN -10 AND 10) THEN
      problems := problems || format('GoldsteinScale %L is not a score from -10 to 10', r.goldsteinscale);
    END IF;
    gt := @extschema@.loader_int(r.actiongeo_type);
    ctry := NULL;
    IF @extschema@.loader_value(r.actiongeo_countrycode) IS NOT NULL THEN
      ctry := (fips_map ->> upper(btrim(r.actiongeo_countrycode)))::@extschema@.country;
      IF ctry IS NULL THEN
        problems := problems || format('ActionGeo_CountryCode %L is not a FIPS 10-4 country code', r.actiongeo_countrycode);
      END IF;
    END IF;
    loc := NULL;
    loc_name := NULL;
    IF coalesce(gt, 0) <> 0 THEN
      IF gt NOT BETWEEN 1 AND 5 THEN
        problems := problems || format('ActionGeo_Type %L is not 0 to 5', r.actiongeo_type);
      END IF;
      loc_name := @extschema@.repair_mojibake(@extschema@.loader_value(r.actiongeo_fullname));
      IF loc_name IS DISTINCT FROM @extschema@.loader_value(r.actiongeo_fullname) THEN
        notes := notes || format('ActionGeo_FullName %L repaired to %L (UTF-8 read as Latin-1)', r.actiongeo_fullname, loc_name);
      END IF;
      lat := @extschema@.loader_float(r.actiongeo_lat);
      lon := @extschema@.loader_float(r.actiongeo_long);
      IF (lat IS NULL AND @extschema@.loader_value(r.actiongeo_lat) IS NOT NULL)
         OR (lon IS NULL AND @extschema@.loader_value(r.actiongeo_long) IS NOT NULL) THEN
        problems := problems || format('ActionGeo_Lat %L, ActionGeo_Long %L are not numbers', r.actiongeo_lat, r.actiongeo_long);
      ELSE
        chk := @extschema@.loader_check_location(lat, lon, ctry, NULL);
        loc := chk.location;
        IF NOT chk.ok THEN
          problems := problems || chk.note;
        ELSIF chk.note IS NOT NULL THEN
          notes := notes || chk.note;
        END IF;
      END IF;
    END IF;

    IF cardinality(problems) > 0 THEN
      st := @extschema@.loader_issue(st, r.rec, ext, 'rejected', array_to_string(problems, '; '), r.raw);
      CONTINUE;
    END IF;

    BEGIN
      place := NULL;
      IF gt = 1 THEN
        SELECT p.id INTO place FROM @extschema@.places p WHERE p.kind = 'country' AND p.country OPERATOR(@extschema@.=) ctry ORDER BY p.id LIMIT 1;
      END IF;
      IF place IS NULL AND coalesce(gt, 0) <> 0 THEN
        kind := CASE gt WHEN 1 THEN 'country' WHEN 3 THEN 'city' WHEN 4 THEN 'city' ELSE 'region' END;
        -- FullName is "Ouagadougou, Kadiogo, Burkina Faso": the place is its first part
        place := @extschema@.loader_place(btrim(split_part(loc_name, ',', 1)), kind, ctry, loc,
                                          CASE WHEN gt = 1 THEN 1000000 ELSE 25000 END, loc_name);
      END IF;
      INSERT INTO @extschema@.events AS e
        (occurred, place_id, location, location_precision_m, cameo_code, summary, dataset_category, dataset, external_id)
      VALUES (to_char(d, 'YYYY-MM-DD')::@extschema@.edtf, place, loc,
              CASE WHEN loc IS NOT NULL THEN @extschema@.location_precision_m('gdelt', gt::integer) END,
              btrim(r.eventcode), @extschema@.loader_value(r.sourceurl), @extschema@.loader_value(r.eventrootcode),
              'gdelt', ext)
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET occurred = excluded.occurred, place_id = excluded.place_id, location = excluded.location,
            location_precision_m = excluded.location_precision_m, cameo_code = excluded.cameo_code,
            summary = excluded.summary, dataset_category = excluded.dataset_category
      RETURNING e.id, (e.xmax = 0) INTO ev, inserted;
      IF NOT inserted THEN
        DELETE FROM @extschema@.event_actors WHERE event_id = ev;
      END IF;
      FOR i IN 1..2 LOOP
        acode := @extschema@.loader_value(CASE i WHEN 1 THEN r.actor1code ELSE r.actor2code END);
        aname := @extschema@.loader_value(CASE i WHEN 1 THEN r.actor1name ELSE r.actor2name END);
        atype := @extschema@.loader_value(CASE i WHEN 1 THEN r.actor1type1code ELSE r.actor2type1code END);
        IF aname IS NULL THEN
          CONTINUE;
        END IF;
        a := @extschema@.loader_actor(aname,
               CASE WHEN atype = 'GOV' THEN 'government'
                    WHEN atype IN ('MIL', 'COP', 'SPY') THEN 'state forces'
                    WHEN atype IN ('REB', 'INS', 'SEP', 'UAF') THEN 'armed group'
                    WHEN atype = 'CVL' THEN 'civilians'
                    WHEN atype = 'PKO' THEN 'peacekeeping mission'
                    WHEN atype IN ('IGO', 'UNO') THEN 'international organisation'
                    WHEN atype IS NULL AND length(acode) = 3 AND iso3_map ? acode THEN 'state' END,
               (iso3_map ->> @extschema@.loader_value(CASE i WHEN 1 THEN r.actor1countrycode ELSE r.actor2countrycode END))::@extschema@.country,
               NULL, acode);
        INSERT INTO @extschema@.event_actors (event_id, actor_id, role)
        VALUES (ev, a, CASE i WHEN 1 THEN 'actor1' ELSE 'actor2' END) ON CONFLICT DO NOTHING;
      END LOOP;
    EXCEPTION WHEN OTHERS THEN
      st := @extschema@.loader_failed(st, r.rec, ext, r.raw, SQLERRM, SQLSTATE);
      CONTINUE;
    END;

    st := @extschema@.loader_done(st, r.rec, ext, notes, inserted, r.raw);
  END LOOP;

  RETURN @extschema@.loader_end(st, '@extschema@.gdelt_events_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_gdelt_events(integer) IS
  'Moves the rows staged in gdelt_events_raw into events, event_actors, places and actors (one event per GLOBALEVENTID; a re-imported id updates its event; syndicated copies with other ids stay separate events), records every row not loaded cleanly in import_issues, empties gdelt_events_raw and returns the import_runs row.  SQLDATE becomes a day; ActionGeo_CountryCode (FIPS 10-4: NG is Niger, UV Burkina Faso, CD Chad) becomes a country; EventCode is checked against the CAMEO table and kept.';
