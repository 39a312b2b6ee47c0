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

-- ACLED: one event per event_id_cnty.
CREATE FUNCTION @extschema@.import_acled(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  needed @extschema@.loader_column[];
  r record;
  problems text[];
  notes text[];
  ext text;
  d date;
  y bigint;
  tp bigint;
  gp bigint;
  iso bigint;
  ctry @extschema@.country;
  lat float8;
  lon float8;
  chk record;
  loc @extschema@.geopoint;
  fat bigint;
  fat_est @extschema@.estimate;
  loc_name text;
  fixed text;
  occurred text;
  place bigint;
  ev bigint;
  inserted boolean;
  a bigint;
  assoc text;
  inter1 smallint;
  inter2 smallint;
  iso_map jsonb;
  etype text;
  esub text;
  gw_map jsonb;
  inter_text constant text[] := ARRAY['state forces', 'rebel group', 'political militia', 'identity militia',
                                      'rioters', 'protesters', 'civilians', 'external/other forces'];
  actor_kind constant text[] := ARRAY['state forces', 'armed group', 'armed group', 'armed group',
                                      NULL, NULL, 'civilians', NULL];
BEGIN
  st := @extschema@.loader_start('acled', 'import_acled', '@extschema@.acled_raw', progress_every);

  -- Columns are picked by name, whatever the file's layout: a column that
  -- every layout of the staged rows leaves empty was not in the file(s).
  SELECT ARRAY[
    ROW('event_id_cnty', bool_or(t.event_id_cnty IS NOT NULL)),
    ROW('event_date', bool_or(t.event_date IS NOT NULL)),
    ROW('time_precision', bool_or(t.time_precision IS NOT NULL)),
    ROW('event_type', bool_or(t.event_type IS NOT NULL)),
    ROW('iso, gwno or country', bool_or(coalesce(t.iso, t.gwno, t.country) IS NOT NULL)),
    ROW('latitude', bool_or(t.latitude IS NOT NULL)),
    ROW('longitude', bool_or(t.longitude IS NOT NULL)),
    ROW('fatalities', bool_or(t.fatalities IS NOT NULL))]::@extschema@.loader_column[] INTO needed
  FROM @extschema@.acled_raw t;
  PERFORM @extschema@.loader_require_columns('acled_raw', st.total, needed);

  st.run := @extschema@.loader_begin('acled');
  SELECT jsonb_object_agg(c.iso_numeric::text, c.country::text) INTO iso_map
  FROM @extschema@.countries() c WHERE c.iso_numeric IS NOT NULL;
  gw_map := @extschema@.loader_gw_map();

  FOR r IN
    WITH s AS (
      SELECT row_number() OVER (ORDER BY t.ctid) AS rec, jsonb_strip_nulls(to_jsonb(t)) AS raw, t.*
      FROM @extschema@.acled_raw t
    )
    SELECT s.*,
           first_value(s.rec) OVER w AS winner,
           first_value(s.raw) OVER w AS winner_raw
    FROM s
    WINDOW w AS (PARTITION BY btrim(s.event_id_cnty)
                 ORDER BY @extschema@.loader_int(s.timestamp) DESC NULLS LAST, s.rec DESC)
    ORDER BY s.rec
  LOOP
    st.rows_read := st.rows_read + 1;
    problems := '{}';
    notes := '{}';
    ext := @extschema@.loader_value(r.event_id_cnty);

    IF lower(r.event_id_cnty) = 'event_id_cnty' AND lower(r.event_date) = 'event_date' THEN
      st := @extschema@.loader_header(st, r.rec, r.raw);
      CONTINUE;
    END IF;
    IF ext IS NOT NULL AND r.winner <> r.rec THEN
      st := @extschema@.loader_duplicate(st, r.rec, ext, r.raw, r.winner, r.winner_raw,
              format('superseded by record %s, a version of the same event with timestamp %s (this one: %s)',
                     r.winner, coalesce(r.winner_raw->>'timestamp', 'none'), coalesce(r.timestamp, 'none')));
      CONTINUE;
    END IF;

    IF ext IS NULL THEN
      problems := problems || 'event_id_cnty is missing'::text;
    END IF;
    d := @extschema@.loader_date(r.event_date);
    y := @extschema@.loader_int(r.year);
    IF d IS NULL THEN
      problems := problems || format('event_date %L is not a date', r.event_date);
    ELSIF y IS NOT NULL AND y <> extract(year FROM d) THEN
      problems := problems || format('event_date %L disagrees with year %L', r.event_date, r.year);
    END IF;
    tp := @extschema@.loader_int(r.time_precision);
    IF tp IS NULL OR tp NOT BETWEEN 1 AND 3 THEN
      problems := problems || format('time_precision %L is not 1, 2 or 3', r.time_precision);
    END IF;
    etype := r.event_type;
    esub := r.sub_event_type;
    IF r.gwno IS NOT NULL AND esub IS NULL THEN
      -- a 2015 export: one event-type column, its names mapped onto today's
      SELECT m.event_type, m.sub_event_type INTO etype, esub
      FROM @extschema@.loader_acled_legacy_types() m WHERE m.legacy = btrim(r.event_type);
      IF NOT FOUND THEN
        problems := problems || format('event type %L is not in ACLED''s 2015 or current taxonomy', r.event_type);
      END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM @extschema@.acled_sub_event_types et
                      WHERE et.event_type = r.event_type AND et.sub_event_type = r.sub_event_type) THEN
      problems := problems || format('event type %L with sub-event type %L is not in ACLED''s taxonomy',
                                     r.event_type, r.sub_event_type);
    END IF;
    -- the country: iso (ISO numeric), else gwno (Gleditsch-Ward, 2015
    -- exports), else the country's name
    IF r.iso IS NOT NULL THEN
      iso := @extschema@.loader_int(r.iso);
      ctry := (iso_map ->> iso::text)::@extschema@.country;
      IF ctry IS NULL THEN
        problems := problems || format('iso %L is not an ISO 3166 numeric country code', r.iso);
      END IF;
    ELSIF r.gwno IS NOT NULL THEN
      ctry := (gw_map ->> @extschema@.loader_int(r.gwno)::text)::@extschema@.country;
      IF ctry IS NULL THEN
        problems := problems || format('gwno %L is not a Gleditsch-Ward country code', r.gwno);
      END IF;
    ELSE
      ctry := @extschema@.try_country(@extschema@.loader_value(r.country));
      IF ctry IS NULL THEN
        problems := problems || format('country %L is not a country name (and iso and gwno are missing)', r.country);
      END IF;
    END IF;
    gp := @extschema@.loader_int(r.geo_precision);
    IF @extschema@.loader_value(r.geo_precision) IS NOT NULL AND (gp IS NULL OR gp NOT BETWEEN 1 AND 3) THEN
      problems := problems || format('geo_precision %L is not 1, 2 or 3', r.geo_precision);
    ELSIF gp IS NULL THEN
      notes := notes || 'geo_precision missing'::text;
    END IF;
    fat := @extschema@.loader_int(r.fatalities);
    IF @extschema@.loader_value(r.fatalities) IS NULL THEN
      fat_est := '?'::@extschema@.estimate;
      notes := notes || 'fatalities missing: stored as unknown (?)'::text;
    ELSIF fat IS NULL OR fat < 0 THEN
      problems := problems || format('fatalities %L is not a count', r.fatalities);
    ELSE
      fat_est := @extschema@.estimate(fat, fat);
    END IF;
    inter1 := CASE WHEN r.inter1 ~ '^\s*[0-8]\s*$' THEN btrim(r.inter1)::smallint
                   ELSE array_position(inter_text, lower(btrim(r.inter1)))::smallint END;
    inter2 := CASE WHEN r.inter2 ~ '^\s*[0-8]\s*$' THEN btrim(r.inter2)::smallint
                   ELSE array_position(inter_text, lower(btrim(r.inter2)))::smallint END;
    IF @extschema@.loader_value(r.inter1) IS NOT NULL AND inter1 IS NULL THEN
      problems := problems || format('inter1 %L is not an ACLED actor type', r.inter1);
    END IF;
    IF @extschema@.loader_value(r.inter2) IS NOT NULL AND inter2 IS NULL THEN
      problems := problems || format('inter2 %L is not an ACLED actor type', r.inter2);
    END IF;
    loc_name := @extschema@.loader_value(r.location);
    IF loc_name IS NOT NULL THEN
      fixed := @extschema@.repair_mojibake(loc_name);
      IF fixed <> loc_name THEN
        notes := notes || format('location %L repaired to %L (UTF-8 read as Latin-1)', loc_name, fixed);
        loc_name := fixed;
      END IF;
    END IF;
    lat := @extschema@.loader_float(r.latitude);
    lon := @extschema@.loader_float(r.longitude);
    IF (lat IS NULL AND @extschema@.loader_value(r.latitude) IS NOT NULL)
       OR (lon IS NULL AND @extschema@.loader_value(r.longitude) IS NOT NULL) THEN
      problems := problems || format('latitude %L, longitude %L are not numbers', r.latitude, r.longitude);
      loc := NULL;
    ELSE
      chk := @extschema@.loader_check_location(lat, lon, ctry, loc_name);
      loc := chk.location;
      IF NOT chk.ok THEN
        problems := problems || chk.note;
      ELSIF chk.note IS NOT NULL THEN
        notes := notes || chk.note;
      ELSIF lat IS NULL THEN
        notes := notes || format('coordinates missing: event stored without a location%s',
                                 CASE WHEN gp IS NOT NULL THEN format(' (geo_precision %s kept in import_issues only)', gp) ELSE '' END);
        gp := NULL;
      END IF;
    END IF;

    IF cardinality(problems) > 0 THEN
      st := @extschema@.loader_issue(st, r.rec, ext, 'rejected', array_to_string(problems, '; '), r.raw);
      CONTINUE;
    END IF;

    occurred := CASE tp
                  WHEN 1 THEN to_char(d, 'YYYY-MM-DD')
                  WHEN 2 THEN to_char(d - 3, 'YYYY-MM-DD') || '/' || to_char(d + 3, 'YYYY-MM-DD')
                  ELSE to_char(d, 'YYYY-MM') END;
    BEGIN
      place := @extschema@.loader_place(loc_name, 'town', ctry, loc);
      INSERT INTO @extschema@.events AS e
        (occurred, place_id, location, geo_precision, location_precision_m, event_type, sub_event_type,
         dataset_category, fatalities, summary, dataset, external_id)
      VALUES (occurred::@extschema@.edtf, place, loc, gp,
              CASE WHEN loc IS NOT NULL THEN @extschema@.location_precision_m('acled', gp::integer) END,
              etype, esub,
              coalesce(@extschema@.loader_value(r.sub_event_type), @extschema@.loader_value(r.event_type)),
              fat_est, @extschema@.loader_value(r.notes), 'acled', ext)
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET occurred = excluded.occurred, place_id = excluded.place_id, location = excluded.location,
            geo_precision = excluded.geo_precision, location_precision_m = excluded.location_precision_m,
            event_type = excluded.event_type, sub_event_type = excluded.sub_event_type,
            dataset_category = excluded.dataset_category, fatalities = excluded.fatalities, summary = excluded.summary
      RETURNING e.id, (e.xmax = 0) INTO ev, inserted;
      IF NOT inserted THEN
        DELETE FROM @extschema@.event_actors WHERE event_id = ev;
      END IF;
      a := @extschema@.loader_actor(@extschema@.loader_value(r.actor1), actor_kind[inter1],
                                    @extschema@.loader_actor_country(r.actor1), inter1);
      IF a IS NOT NULL THEN
        INSERT INTO @extschema@.event_actors (event_id, actor_id, role) VALUES (ev, a, 'actor1') ON CONFLICT DO NOTHING;
      END IF;
      a := @extschema@.loader_actor(@extschema@.loader_value(r.actor2), actor_kind[inter2],
                                    @extschema@.loader_actor_country(r.actor2), inter2);
      IF a IS NOT NULL THEN
        INSERT INTO @extschema@.event_actors (event_id, actor_id, role) VALUES (ev, a, 'actor2') ON CONFLICT DO NOTHING;
      END IF;
      FOREACH assoc IN ARRAY coalesce(string_to_array(concat_ws(';', @extschema@.loader_value(coalesce(r.assoc_actor_1, r.ally_actor_1)),
                                                                     @extschema@.loader_value(coalesce(r.assoc_actor_2, r.ally_actor_2))), ';'), '{}')
      LOOP
        a := @extschema@.loader_actor(@extschema@.loader_value(assoc), NULL,
                                      @extschema@.loader_actor_country(btrim(assoc)));
        IF a IS NOT NULL THEN
          INSERT INTO @extschema@.event_actors (event_id, actor_id, role) VALUES (ev, a, 'associate') ON CONFLICT DO NOTHING;
        END IF;
      END LOOP;
    EXCEPTION WHEN OTHERS THEN
      st := @extschema@.loader_failed(st, r.rec, ext, r.raw, SQLERRM, SQLSTATE);
      CONTINUE;
    END;

    st := @extschema@.loader_done(st, r.rec, ext, notes, inserted, r.raw);
  END LOOP;

  RETURN @extschema@.loader_end(st, '@extschema@.acled_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_acled(integer) IS
  'Moves the rows staged in acled_raw into events, event_actors, places and actors (one event per event_id_cnty; a re-imported id updates its event), records every row not loaded cleanly in import_issues, empties acled_raw and returns the import_runs row.  event_date with time_precision 1 is a day, 2 the week around it (an interval of seven days), 3 its month; fatalities become an exact estimate; iso becomes a country.  NOTICE every progress_every rows.';
