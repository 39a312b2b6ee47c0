-- extension/sql/350_loaders_peacekeeping.sql — troop figures from the IPI
-- Peacekeeping Database and Geo-PKO into deployments.

-- IPI peacekeeping files: the opening every staged row goes through (IPI
-- contributions and mission totals alike): counted as read; a copied header
-- line and a row a later one with the same key replaces (key: what they
-- share, for the reason) are skipped (skip);
-- else its Date read into d and its Mission into mission, each missing one a
-- problem.
CREATE FUNCTION @extschema@.loader_ipi_row(INOUT st @extschema@.loader_state, rec bigint, raw jsonb, ext text,
                                           winner bigint, winner_raw jsonb, key text,
                                           OUT skip boolean, OUT d date, OUT mission text, OUT problems text[])
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  st.rows_read := st.rows_read + 1;
  problems := '{}';
  skip := true;
  IF raw ->> 'Date' = 'Date' AND raw ->> 'Mission' = 'Mission' THEN
    st := @extschema@.loader_header(st, rec, raw);
    RETURN;
  END IF;
  IF winner <> rec THEN
    st := @extschema@.loader_duplicate(st, rec, ext, raw, winner, winner_raw,
                                       format('superseded by record %s, a later row for %s', winner, key));
    RETURN;
  END IF;
  skip := false;
  d := @extschema@.loader_date(raw ->> 'Date');
  IF d IS NULL THEN
    problems := problems || format('Date %L is not a date', raw ->> 'Date');
  END IF;
  mission := @extschema@.loader_value(raw ->> 'Mission');
  IF mission IS NULL THEN
    problems := problems || 'Mission is missing'::text;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_ipi_row(@extschema@.loader_state, bigint, jsonb, text, bigint, jsonb, text) IS
  'The opening of a staged row of an IPI file: counts it read, skips a header line or a row the later record winner with the same key replaces (key says what the key is: the same month and mission, ...), else reads its Date and Mission, a missing one being a problem (internal to the loaders).';

-- IPI contributions: one deployment per contributor, mission and month (troops only).
CREATE FUNCTION @extschema@.import_ipi_contributions(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  r record;
  problems text[];
  opening record;
  d date;
  troops bigint;
  contributor @extschema@.country;
  host @extschema@.country;
  mission text;
  force bigint;
  dep bigint;
  inserted boolean;
  outcome text;
  iso3_map jsonb;
BEGIN
  st := @extschema@.loader_start('ipi_contributions', 'import_ipi_contributions', '@extschema@.ipi_contributions_raw', progress_every);
  st.run := @extschema@.loader_begin('ipi_contributions');
  SELECT jsonb_object_agg(c.iso3, c.country::text) INTO iso3_map FROM @extschema@.countries() c;

  FOR r IN
    WITH s AS (
      SELECT row_number() OVER (ORDER BY t.ctid) AS rec, to_jsonb(t) AS raw,
             concat_ws('|', btrim(t."Date"), btrim(t."Mission"), btrim(t."Contributor_ISO-3")) AS ext, t.*
      FROM @extschema@.ipi_contributions_raw t
    )
    SELECT s.*, first_value(s.rec) OVER w AS winner, first_value(s.raw) OVER w AS winner_raw
    FROM s
    WINDOW w AS (PARTITION BY s.ext ORDER BY s.rec DESC)
    ORDER BY s.rec
  LOOP
    opening := @extschema@.loader_ipi_row(st, r.rec, r.raw, r.ext, r.winner, r.winner_raw, 'the same month, mission and contributor');
    st := opening.st;
    CONTINUE WHEN opening.skip;
    SELECT opening.d, opening.mission, opening.problems INTO d, mission, problems;
    contributor := (iso3_map ->> upper(@extschema@.loader_value(r."Contributor_ISO-3")))::@extschema@.country;
    IF contributor IS NULL THEN
      problems := problems || format('Contributor_ISO-3 %L (%s) is not an ISO 3166 alpha-3 code', r."Contributor_ISO-3", r."Contributor");
    END IF;
    host := (iso3_map ->> upper(@extschema@.loader_value(r."Mission_Country_ISO-3")))::@extschema@.country;
    IF host IS NULL AND @extschema@.loader_value(r."Mission_Country_ISO-3") IS NOT NULL THEN
      problems := problems || format('Mission_Country_ISO-3 %L is not an ISO 3166 alpha-3 code', r."Mission_Country_ISO-3");
    END IF;
    troops := @extschema@.loader_int(r."Troops");
    IF @extschema@.loader_value(r."Troops") IS NOT NULL AND (troops IS NULL OR troops < 0) THEN
      problems := problems || format('Troops %L is not a count', r."Troops");
    END IF;

    IF cardinality(problems) > 0 THEN
      st := @extschema@.loader_issue(st, r.rec, r.ext, 'rejected', array_to_string(problems, '; '), r.raw);
      CONTINUE;
    END IF;
    IF troops IS NULL THEN
      st := @extschema@.loader_issue(st, r.rec, r.ext, 'skipped',
              format('no troops (Troops NA): %s sends only police, experts or observers to %s', r."Contributor", mission),
              r.raw);
      CONTINUE;
    END IF;

    BEGIN
      force := @extschema@.loader_actor(mission, 'peacekeeping mission', NULL);
      INSERT INTO @extschema@.deployments AS x
        (force_id, contributor, host, strength, as_of, dataset, external_id)
      VALUES (force, contributor, host, @extschema@.estimate(troops, troops), to_char(d, 'YYYY-MM')::@extschema@.edtf,
              'ipi_contributions', r.ext)
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET force_id = excluded.force_id, contributor = excluded.contributor, host = excluded.host,
            strength = excluded.strength, as_of = excluded.as_of
        WHERE (x.force_id, x.contributor::text, x.host::text, x.strength::text, x.as_of::text)
              IS DISTINCT FROM (excluded.force_id, excluded.contributor::text, excluded.host::text,
                                excluded.strength::text, excluded.as_of::text)
      RETURNING x.id, (x.xmax = 0) INTO dep, inserted;
      -- no row back: stored already with these very values, not rewritten
      outcome := CASE WHEN NOT FOUND THEN 'unchanged' WHEN inserted THEN 'imported' ELSE 'updated' END;
    EXCEPTION WHEN OTHERS THEN
      st := @extschema@.loader_failed(st, r.rec, r.ext, r.raw, SQLERRM, SQLSTATE);
      CONTINUE;
    END;
    st := @extschema@.loader_done(st, r.rec, r.ext, '{}', outcome, r.raw);
  END LOOP;

  RETURN @extschema@.loader_end(st, '@extschema@.ipi_contributions_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_ipi_contributions(integer) IS
  'Moves the rows staged in ipi_contributions_raw into deployments: one per month, mission and contributing country with its Troops as an exact estimate, as_of the month, contributor and host (Mission_Country_ISO-3) as countries, the mission as the force (an actor).  Rows without troops (police or experts only) are skipped and listed in import_issues, as is every row not loaded cleanly; a re-imported row updates its deployment where a value differs and is counted unchanged, not rewritten, where none does.  Empties ipi_contributions_raw and returns the import_runs row.';

-- IPI mission totals: one deployment per mission and month (all contributors together).
CREATE FUNCTION @extschema@.import_ipi_mission_totals(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  r record;
  problems text[];
  opening record;
  notes text[];
  d date;
  troops bigint;
  host @extschema@.country;
  mission text;
  force bigint;
  dep bigint;
  inserted boolean;
  outcome text;
  chk record;
  lat float8;
  lon float8;
  iso3_map jsonb;
BEGIN
  st := @extschema@.loader_start('ipi_mission_totals', 'import_ipi_mission_totals', '@extschema@.ipi_mission_totals_raw', progress_every);
  st.run := @extschema@.loader_begin('ipi_mission_totals');
  SELECT jsonb_object_agg(c.iso3, c.country::text) INTO iso3_map FROM @extschema@.countries() c;

  FOR r IN
    WITH s AS (
      SELECT row_number() OVER (ORDER BY t.ctid) AS rec, to_jsonb(t) AS raw,
             concat_ws('|', btrim(t."Date"), btrim(t."Mission")) AS ext, t.*
      FROM @extschema@.ipi_mission_totals_raw t
    )
    SELECT s.*, first_value(s.rec) OVER w AS winner, first_value(s.raw) OVER w AS winner_raw
    FROM s
    WINDOW w AS (PARTITION BY s.ext ORDER BY s.rec DESC)
    ORDER BY s.rec
  LOOP
    notes := '{}';
    opening := @extschema@.loader_ipi_row(st, r.rec, r.raw, r.ext, r.winner, r.winner_raw, 'the same month and mission');
    st := opening.st;
    CONTINUE WHEN opening.skip;
    SELECT opening.d, opening.mission, opening.problems INTO d, mission, problems;
    host := (iso3_map ->> upper(@extschema@.loader_value(r."Country of Mission ISO-3")))::@extschema@.country;
    IF host IS NULL THEN
      problems := problems || format('Country of Mission ISO-3 %L is not an ISO 3166 alpha-3 code', r."Country of Mission ISO-3");
    END IF;
    troops := @extschema@.loader_int(r."Troops");
    IF @extschema@.loader_value(r."Troops") IS NOT NULL AND (troops IS NULL OR troops < 0) THEN
      problems := problems || format('Troops %L is not a count', r."Troops");
    END IF;
    -- the headquarters' coordinates are checked (later rows of the published
    -- file have them swapped) though a mission total has no single place
    lat := @extschema@.loader_float(r."Mission HQ Latitude");
    lon := @extschema@.loader_float(r."Mission HQ Longitude");
    IF lat IS NOT NULL AND lon IS NOT NULL AND host IS NOT NULL THEN
      chk := @extschema@.loader_check_location(lat, lon, host, @extschema@.loader_value(r."Mission HQ"));
      IF chk.note IS NOT NULL THEN
        notes := notes || ('Mission HQ (its position is not stored with a mission total): ' || chk.note);
      END IF;
    END IF;

    IF cardinality(problems) > 0 THEN
      st := @extschema@.loader_issue(st, r.rec, r.ext, 'rejected', array_to_string(problems, '; '), r.raw);
      CONTINUE;
    END IF;
    IF troops IS NULL THEN
      st := @extschema@.loader_issue(st, r.rec, r.ext, 'skipped', format('no troops (Troops NA) in %s that month', mission),
                                     r.raw);
      CONTINUE;
    END IF;

    BEGIN
      force := @extschema@.loader_actor(mission, 'peacekeeping mission', NULL);
      INSERT INTO @extschema@.deployments AS x
        (force_id, contributor, host, strength, as_of, dataset, external_id)
      VALUES (force, NULL, host, @extschema@.estimate(troops, troops), to_char(d, 'YYYY-MM')::@extschema@.edtf,
              'ipi_mission_totals', r.ext)
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET force_id = excluded.force_id, host = excluded.host, strength = excluded.strength, as_of = excluded.as_of
        WHERE (x.force_id, x.host::text, x.strength::text, x.as_of::text)
              IS DISTINCT FROM (excluded.force_id, excluded.host::text, excluded.strength::text, excluded.as_of::text)
      RETURNING x.id, (x.xmax = 0) INTO dep, inserted;
      IF FOUND THEN
        outcome := CASE WHEN inserted THEN 'imported' ELSE 'updated' END;
      ELSE
        -- stored already with these very values, not rewritten
        outcome := 'unchanged';
        SELECT x.id INTO STRICT dep FROM @extschema@.deployments x
        WHERE x.dataset = 'ipi_mission_totals' AND x.external_id = r.ext;
      END IF;
      -- the month's contributions already loaded are parts of this total
      -- (linking one that was loaded after the total changes the total's row)
      UPDATE @extschema@.deployments p SET part_of = dep
      WHERE p.dataset = 'ipi_contributions' AND p.force_id = force AND p.as_of OPERATOR(@extschema@.=) to_char(d, 'YYYY-MM')::@extschema@.edtf
        AND p.part_of IS DISTINCT FROM dep;
      IF FOUND AND outcome = 'unchanged' THEN
        outcome := 'updated';
      END IF;
    EXCEPTION WHEN OTHERS THEN
      st := @extschema@.loader_failed(st, r.rec, r.ext, r.raw, SQLERRM, SQLSTATE);
      CONTINUE;
    END;
    st := @extschema@.loader_done(st, r.rec, r.ext, notes, outcome, r.raw);
  END LOOP;

  RETURN @extschema@.loader_end(st, '@extschema@.ipi_mission_totals_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_ipi_mission_totals(integer) IS
  'Moves the rows staged in ipi_mission_totals_raw (IPI data_mission.csv) into deployments: one per mission and month with its Troops as an exact estimate, as_of the month, host country, no single contributor; the month''s contributions already loaded by import_ipi_contributions become its parts (part_of).  A re-imported row whose values are stored already (and whose parts are linked) is counted unchanged and not rewritten.  Swapped headquarters coordinates are flagged.  Empties ipi_mission_totals_raw and returns the import_runs row.';

-- Geo-PKO: one deployment per site, map month and troop-contributing country.
CREATE FUNCTION @extschema@.import_geopko(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  r record;
  problems text[];
  notes text[];
  y bigint;
  mo bigint;
  host @extschema@.country;
  loc_name text;
  lat float8;
  lon float8;
  chk record;
  loc @extschema@.geopoint;
  mission text;
  force bigint;
  place bigint;
  dep bigint;
  inserted boolean;
  any_new boolean;
  any_changed boolean;
  i integer;
  tcc_name text;
  tcc_n text;
  tcc_code bigint;
  by_code @extschema@.country;
  by_name @extschema@.country;
  tccs @extschema@.country[];
  counts bigint[];
  k integer;
  cow_map jsonb;
BEGIN
  st := @extschema@.loader_start('geopko', 'import_geopko', '@extschema@.geopko_raw', progress_every);
  st.run := @extschema@.loader_begin('geopko');
  SELECT jsonb_object_agg(c.cow_code::text, c.country::text) INTO cow_map
  FROM @extschema@.countries() c WHERE c.cow_code IS NOT NULL;

  FOR r IN
    WITH s AS (
      SELECT row_number() OVER (ORDER BY t.ctid) AS rec, to_jsonb(t) AS raw,
             concat_ws('|', btrim(t."Mission"), btrim(t."Source"), btrim(t.year), btrim(t.month), btrim(t.location),
                       btrim(t.latitude), btrim(t.longitude)) AS ext, t.*
      FROM @extschema@.geopko_raw t
    )
    SELECT s.*, first_value(s.rec) OVER w AS winner, first_value(s.raw) OVER w AS winner_raw
    FROM s
    WINDOW w AS (PARTITION BY s.ext ORDER BY s.rec DESC)
    ORDER BY s.rec
  LOOP
    st.rows_read := st.rows_read + 1;
    problems := '{}';
    notes := '{}';
    IF r."Source" = 'Source' AND r."Mission" = 'Mission' THEN
      st := @extschema@.loader_header(st, r.rec, r.raw);
      CONTINUE;
    END IF;
    IF r.winner <> r.rec THEN
      st := @extschema@.loader_duplicate(st, r.rec, r.ext, r.raw, r.winner, r.winner_raw,
              format('superseded by record %s, a later row for the same map, month and site', r.winner));
      CONTINUE;
    END IF;
    mission := @extschema@.loader_value(r."Mission");
    IF mission IS NULL THEN
      problems := problems || 'Mission is missing'::text;
    END IF;
    y := @extschema@.loader_int(r.year);
    mo := @extschema@.loader_int(r.month);
    IF y IS NULL OR y NOT BETWEEN 1 AND 9999 OR mo IS NULL OR mo NOT BETWEEN 1 AND 12 THEN
      problems := problems || format('year %L, month %L are not a month', r.year, r.month);
    END IF;
    host := @extschema@.try_country(@extschema@.repair_mojibake(@extschema@.loader_value(r.country)));
    IF host IS NULL THEN
      host := (cow_map ->> btrim(r.cow_code))::@extschema@.country;
    END IF;
    IF host IS NULL THEN
      problems := problems || format('country %L (cow_code %L) is not a known country', r.country, r.cow_code);
    END IF;
    loc_name := @extschema@.loader_value(r.location);
    IF loc_name IS NOT NULL AND @extschema@.repair_mojibake(loc_name) <> loc_name THEN
      notes := notes || format('location %L repaired to %L (UTF-8 read as Latin-1)', loc_name, @extschema@.repair_mojibake(loc_name));
      loc_name := @extschema@.repair_mojibake(loc_name);
    END IF;
    IF loc_name IS NULL THEN
      problems := problems || 'location is missing'::text;
    END IF;
    lat := @extschema@.loader_float(r.latitude);
    lon := @extschema@.loader_float(r.longitude);
    loc := NULL;
    IF (lat IS NULL AND @extschema@.loader_value(r.latitude) IS NOT NULL)
       OR (lon IS NULL AND @extschema@.loader_value(r.longitude) IS NOT NULL) THEN
      problems := problems || format('latitude %L, longitude %L are not numbers', r.latitude, r.longitude);
    ELSE
      chk := @extschema@.loader_check_location(lat, lon, host, loc_name);
      loc := chk.location;
      IF NOT chk.ok THEN
        problems := problems || chk.note;
      ELSIF chk.note IS NOT NULL THEN
        notes := notes || chk.note;
      END IF;
    END IF;
    -- the contingents: name.of.TCCn, No.troops.per.TCCn and TCCn (a COW code)
    tccs := '{}';
    counts := '{}';
    FOR i IN 1..14 LOOP
      tcc_name := @extschema@.repair_mojibake(@extschema@.loader_value(r.raw ->> ('name.of.TCC' || i)));
      tcc_n := @extschema@.loader_value(r.raw ->> ('No.troops.per.TCC' || i));
      tcc_code := @extschema@.loader_int(r.raw ->> ('TCC' || i));
      IF tcc_name IS NULL AND tcc_n IS NULL AND tcc_code IS NULL THEN
        CONTINUE;
      END IF;
      by_code := (cow_map ->> tcc_code::text)::@extschema@.country;
      by_name := @extschema@.try_country(tcc_name);
      IF by_code IS NOT NULL AND by_name IS NOT NULL AND by_code OPERATOR(@extschema@.<>) by_name THEN
        problems := problems || format('contingent %s: name %L and COW code %s name different countries', i, tcc_name, tcc_code);
        CONTINUE;
      ELSIF by_code IS NULL AND by_name IS NULL THEN
        problems := problems || format('contingent %s: neither name %L nor COW code %L is a known country', i, tcc_name, r.raw ->> ('TCC' || i));
        CONTINUE;
      ELSIF by_code IS NULL THEN
        notes := notes || format('contingent %s: COW code %L unknown, country taken from its name %L', i, r.raw ->> ('TCC' || i), tcc_name);
      END IF;
      IF lower(tcc_n) IN ('unknown', 'unk', '?') THEN
        notes := notes || format('contingent %s (%s): troop number %L, stored as unknown (?)', i, tcc_name, tcc_n);
        tcc_n := NULL;
      ELSIF tcc_n IS NOT NULL AND (@extschema@.loader_int(tcc_n) IS NULL OR @extschema@.loader_int(tcc_n) < 0) THEN
        problems := problems || format('contingent %s: troops %L is not a count', i, tcc_n);
        CONTINUE;
      ELSIF tcc_n IS NULL THEN
        notes := notes || format('contingent %s (%s): troop number missing, stored as unknown (?)', i, tcc_name);
      END IF;
      tccs := tccs || coalesce(by_code, by_name);
      counts := counts || @extschema@.loader_int(tcc_n);
    END LOOP;

    IF cardinality(problems) > 0 THEN
      st := @extschema@.loader_issue(st, r.rec, r.ext, 'rejected', array_to_string(problems, '; '), r.raw);
      CONTINUE;
    END IF;
    IF cardinality(tccs) = 0 THEN
      st := @extschema@.loader_issue(st, r.rec, r.ext, 'skipped',
              format('no troop contingent at %s (police, observers or headquarters only)', loc_name), r.raw);
      CONTINUE;
    END IF;

    BEGIN
      force := @extschema@.loader_actor(mission, 'peacekeeping mission', NULL);
      place := @extschema@.loader_place(loc_name, 'base', host, loc);
      any_new := false;
      any_changed := false;
      FOR k IN 1..cardinality(tccs) LOOP
        -- Geo-PKO counts units on a UN map at standard unit sizes: approximate
        INSERT INTO @extschema@.deployments AS x
          (force_id, contributor, host, place_id, strength, as_of, dataset, external_id)
        VALUES (force, tccs[k], host, place,
                CASE WHEN counts[k] IS NULL THEN '?'::@extschema@.estimate
                     ELSE @extschema@.estimate(counts[k], counts[k], NULL, true) END,
                format('%s-%s', lpad(y::text, 4, '0'), lpad(mo::text, 2, '0'))::@extschema@.edtf,
                'geopko', r.ext || '|' || tccs[k]::text)
        ON CONFLICT (dataset, external_id) DO UPDATE
          SET force_id = excluded.force_id, contributor = excluded.contributor, host = excluded.host,
              place_id = excluded.place_id, strength = excluded.strength, as_of = excluded.as_of
          WHERE (x.force_id, x.contributor::text, x.host::text, x.place_id, x.strength::text, x.as_of::text)
                IS DISTINCT FROM (excluded.force_id, excluded.contributor::text, excluded.host::text,
                                  excluded.place_id, excluded.strength::text, excluded.as_of::text)
        RETURNING x.id, (x.xmax = 0) INTO dep, inserted;
        -- no row back: that contingent is stored already with these very values
        any_new := any_new OR (FOUND AND inserted);
        any_changed := any_changed OR (FOUND AND NOT inserted);
      END LOOP;
    EXCEPTION WHEN OTHERS THEN
      st := @extschema@.loader_failed(st, r.rec, r.ext, r.raw, SQLERRM, SQLSTATE);
      CONTINUE;
    END;
    st := @extschema@.loader_done(st, r.rec, r.ext, notes,
                                  CASE WHEN any_new THEN 'imported' WHEN any_changed THEN 'updated' ELSE 'unchanged' END,
                                  r.raw);
  END LOOP;

  RETURN @extschema@.loader_end(st, '@extschema@.geopko_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_geopko(integer) IS
  'Moves the rows staged in geopko_raw (Geo-PKO v2.0) into deployments: one per site, map month and troop-contributing country (name.of.TCCn with its COW code TCCn), strength approximate (~N: Geo-PKO counts units on UN maps at standard unit sizes), as_of the month, place the site (matched or created, kind base).  Sites without troops are skipped and listed in import_issues, as is every row not loaded cleanly; a re-imported row whose contingents are stored already with these values is counted unchanged and not rewritten.  Empties geopko_raw and returns the import_runs row.';
