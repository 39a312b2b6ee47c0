-- extension/sql/350_loaders_peacekeeping.sql — troop figures from the IPI
-- Peacekeeping Database and Geo-PKO into deployments.

-- IPI peacekeeping files (contributions and mission totals) and Geo-PKO: the
-- whole staged batch is parsed in one statement into pg_temp.loader_ipi_rows
-- (one row per staged row: its position rec, its ctid, its key ext, the
-- record of the last row with that key, the values read and the problems
-- found), marked (header lines and rows a later one with the same key
-- replaces are skipped, rows with problems rejected, rows without troops
-- skipped), then stored a chunk at a time (loader_store,
-- 326_loaders_batch.sql): the missions (and Geo-PKO's sites) resolved once
-- each, the deployments written
-- with one INSERT ... ON CONFLICT, the month's contributions linked to a
-- mission total with one UPDATE, import_issues written in bulk.  Should a
-- chunk fail (a value no check foresaw), it is stored again a row at a time,
-- each in a subtransaction, and the failing rows are rejected with the
-- error: no row is lost.  The model is read and written through arrays of
-- keys and values, never by a statement that joins it to a temporary table
-- (Citus refuses those on its tables: docs/reference/citus.md).
CREATE FUNCTION @extschema@.loader_ipi_open(dataset text, fn text, staging regclass, every integer)
RETURNS @extschema@.loader_state
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  st @extschema@.loader_state;
BEGIN
  st := @extschema@.loader_start(dataset, fn, staging, every);
  st.run := @extschema@.loader_begin(dataset);
  PERFORM @extschema@.loader_temp_buffers();
  PERFORM @extschema@.loader_drop_work_tables('loader_ipi_rows');
  CREATE TEMP TABLE loader_ipi_rows (
    rec bigint PRIMARY KEY,
    tid tid NOT NULL,
    ext text,
    winner bigint,          -- the last record with this key
    header boolean NOT NULL,
    status text NOT NULL DEFAULT 'ok',  -- ok, header, duplicate, rejected, skipped; stored or failed
    reason text,
    problems text[] NOT NULL,
    no_troops text,           -- a row without troops: the reason it is skipped
    notes text[] NOT NULL DEFAULT '{}',
    d date,
    mission text,
    contributor @extschema@.country,
    host @extschema@.country,
    troops bigint,
    force bigint,
    dep bigint,
    outcome text,             -- imported, updated or unchanged
    site text,                -- Geo-PKO: the site (a place of kind base), its point,
    at @extschema@.geopoint,
    tccs @extschema@.country[],  -- its contingents' countries, in the file's order,
    counts bigint[]           -- and their troops (NULL: unknown)
  ) ON COMMIT DROP;
  RETURN st;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_ipi_open(text, text, regclass, integer) IS
  'Starts an IPI or Geo-PKO import (loader_start: the staging table locked and counted; loader_begin: its import_runs row) and creates its work table, pg_temp.loader_ipi_rows (one row per staged row: its key, the values read, the problems found, its status and outcome), dropped at commit; returns the import''s state (internal to the loaders).';

-- After the parse: the status of every row, in the order the row-by-row
-- loaders checked them: a copied header line, a row a later one with the
-- same key replaces (an exact duplicate, or superseded: key says what the
-- key is), a row with problems (rejected), a row without troops (skipped,
-- no_troops saying why).
CREATE FUNCTION @extschema@.loader_ipi_mark(staging regclass, key text) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  ANALYZE pg_temp.loader_ipi_rows (rec, tid, ext, winner, mission);
  UPDATE pg_temp.loader_ipi_rows w
  SET status = CASE WHEN w.header THEN 'header'
                    WHEN w.winner <> w.rec THEN 'duplicate'
                    WHEN cardinality(w.problems) > 0 THEN 'rejected'
                    ELSE 'skipped' END,
      reason = CASE WHEN w.header THEN 'the file''s header line (copy with HEADER or HEADER MATCH)'
                    WHEN w.winner <> w.rec THEN NULL
                    WHEN cardinality(w.problems) > 0 THEN array_to_string(w.problems, '; ')
                    ELSE w.no_troops END
  WHERE w.header OR w.winner <> w.rec OR cardinality(w.problems) > 0 OR w.no_troops IS NOT NULL;
  EXECUTE format($q$
    UPDATE pg_temp.loader_ipi_rows w
    SET reason = CASE WHEN pg_catalog.to_jsonb(a) = pg_catalog.to_jsonb(b) THEN pg_catalog.format('exact duplicate of record %%s', w.winner)
                      ELSE pg_catalog.format('superseded by record %%s, a later row for %%s', w.winner, $1) END
    FROM pg_temp.loader_ipi_rows v, %s a, %s b
    WHERE w.status = 'duplicate' AND v.rec = w.winner AND a.ctid = w.tid AND b.ctid = v.tid$q$, staging, staging)
  USING key;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_ipi_mark(regclass, text) IS
  'Sets the status and reason of every row of pg_temp.loader_ipi_rows: header line, duplicate (exact, or superseded by the later record with the same key, key saying what that is), rejected with its problems, skipped without troops, else ok (internal to the loaders).';

-- Stores the ok rows of records lo..hi as deployments of into_dataset
-- (ipi_contributions or ipi_mission_totals) and sets their outcome.
CREATE FUNCTION @extschema@.loader_ipi_store_range(into_dataset text, lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m record;
  force_of jsonb := '{}';   -- mission -> its actor
  w_ext text[];
  w_force bigint[];
  w_contributor text[];
  w_host text[];
  w_troops bigint[];
  w_month text[];
  existed jsonb;            -- the keys stored before, as sets (key -> true)
  written jsonb;
  dep_of jsonb := '{}';     -- a total's key -> its deployment
  part_ids bigint[];
  part_deps bigint[];
  relinked jsonb := '{}';
BEGIN
  -- the missions, each resolved once (a new one created as a provisional
  -- actor), in the order the rows first name them
  FOR m IN SELECT w.mission FROM pg_temp.loader_ipi_rows w
           WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' GROUP BY w.mission ORDER BY min(w.rec) LOOP
    force_of := force_of || jsonb_build_object(m.mission, @extschema@.loader_actor(m.mission, 'peacekeeping mission', NULL));
  END LOOP;
  SELECT array_agg(w.ext ORDER BY w.rec), array_agg((force_of ->> w.mission)::bigint ORDER BY w.rec),
         array_agg(w.contributor::text ORDER BY w.rec), array_agg(w.host::text ORDER BY w.rec),
         array_agg(w.troops ORDER BY w.rec), array_agg(to_char(w.d, 'YYYY-MM') ORDER BY w.rec)
  INTO w_ext, w_force, w_contributor, w_host, w_troops, w_month
  FROM pg_temp.loader_ipi_rows w WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok';
  IF w_ext IS NULL THEN
    RETURN;
  END IF;
  SELECT coalesce(jsonb_object_agg(x.external_id, true), '{}') INTO existed
  FROM unnest(w_ext) AS k(ext) JOIN @extschema@.deployments x ON x.dataset = into_dataset AND x.external_id = k.ext;
  -- a deployment stored already with these very values is not rewritten
  IF into_dataset = 'ipi_contributions' THEN
    WITH up AS (
      INSERT INTO @extschema@.deployments AS x (force_id, contributor, host, strength, as_of, dataset, external_id)
      SELECT u.force, u.contributor::@extschema@.country, u.host::@extschema@.country,
             @extschema@.estimate(u.troops, u.troops), u.month::@extschema@.edtf, 'ipi_contributions', u.ext
      FROM unnest(w_ext, w_force, w_contributor, w_host, w_troops, w_month) WITH ORDINALITY
           AS u(ext, force, contributor, host, troops, month, n)
      ORDER BY u.n
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET force_id = excluded.force_id, contributor = excluded.contributor, host = excluded.host,
            strength = excluded.strength, as_of = excluded.as_of
        WHERE (x.force_id, x.contributor::text, x.host::text, x.strength::text, x.as_of::text)
              IS DISTINCT FROM (excluded.force_id, excluded.contributor::text, excluded.host::text,
                                excluded.strength::text, excluded.as_of::text)
      RETURNING x.external_id)
    SELECT coalesce(jsonb_object_agg(up.external_id, true), '{}') INTO written FROM up;
  ELSE
    WITH up AS (
      INSERT INTO @extschema@.deployments AS x (force_id, contributor, host, strength, as_of, dataset, external_id)
      SELECT u.force, NULL, u.host::@extschema@.country,
             @extschema@.estimate(u.troops, u.troops), u.month::@extschema@.edtf, 'ipi_mission_totals', u.ext
      FROM unnest(w_ext, w_force, w_host, w_troops, w_month) WITH ORDINALITY AS u(ext, force, host, troops, month, n)
      ORDER BY u.n
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET force_id = excluded.force_id, host = excluded.host, strength = excluded.strength, as_of = excluded.as_of
        WHERE (x.force_id, x.host::text, x.strength::text, x.as_of::text)
              IS DISTINCT FROM (excluded.force_id, excluded.host::text, excluded.strength::text, excluded.as_of::text)
      RETURNING x.external_id)
    SELECT coalesce(jsonb_object_agg(up.external_id, true), '{}') INTO written FROM up;
    -- a total: the month's contributions already loaded are its parts (the
    -- last total of a mission and month in the file, should there be two);
    -- linking a part changes the total's row.  The candidates are read by
    -- their missions in one statement, matched to the totals by mission and
    -- month, and relinked by id.
    SELECT coalesce(jsonb_object_agg(x.external_id, x.id), '{}') INTO dep_of
    FROM unnest(w_ext) AS k(ext) JOIN @extschema@.deployments x ON x.dataset = 'ipi_mission_totals' AND x.external_id = k.ext;
    -- (the deployments of the missions read first, by mission alone: a
    -- plan that also used the dataset's index would read every contribution
    -- once per total)
    WITH c AS MATERIALIZED (
      SELECT p.id, p.force_id, p.as_of, p.part_of, p.dataset FROM @extschema@.deployments p
      WHERE p.force_id = ANY (ARRAY(SELECT DISTINCT f.force FROM unnest(w_force) AS f(force))))
    SELECT array_agg(c.id), array_agg(t.dep) INTO part_ids, part_deps
    FROM (SELECT DISTINCT ON (u.force, u.month) (dep_of ->> u.ext)::bigint AS dep, u.force, u.month::@extschema@.edtf AS month
          FROM unnest(w_ext, w_force, w_month) WITH ORDINALITY AS u(ext, force, month, n)
          ORDER BY u.force, u.month, u.n DESC) t
    JOIN c ON c.force_id = t.force AND c.as_of OPERATOR(@extschema@.=) t.month
    WHERE c.dataset = 'ipi_contributions' AND c.part_of IS DISTINCT FROM t.dep;
    IF part_ids IS NOT NULL THEN
      UPDATE @extschema@.deployments p SET part_of = u.dep
      FROM unnest(part_ids, part_deps) AS u(id, dep) WHERE p.id = u.id;
      SELECT jsonb_object_agg(d.dep, true) INTO relinked FROM (SELECT DISTINCT unnest(part_deps) AS dep) d;
    END IF;
  END IF;
  -- imported, unless stored before: then updated if written (or, a total,
  -- given parts), else unchanged
  UPDATE pg_temp.loader_ipi_rows w
  SET status = 'stored', force = (force_of ->> w.mission)::bigint, dep = (dep_of ->> w.ext)::bigint,
      outcome = CASE WHEN NOT existed ? w.ext THEN 'imported'
                     WHEN written ? w.ext OR relinked ? (dep_of ->> w.ext) THEN 'updated'
                     ELSE 'unchanged' END
  WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok';
END
$$;
COMMENT ON FUNCTION @extschema@.loader_ipi_store_range(text, bigint, bigint) IS
  'Stores the ok rows of records lo..hi of pg_temp.loader_ipi_rows as deployments of into_dataset (ipi_contributions or ipi_mission_totals): resolves their missions once each, inserts the new deployments and updates those stored with other values (one with these very values is not rewritten: unchanged), and for mission totals links the month''s contributions to the total (part_of; a total whose parts so change is updated) (internal to the loaders).';

-- IPI contributions: one deployment per contributor, mission and month (troops only).
CREATE FUNCTION @extschema@.import_ipi_contributions(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  iso3_map constant jsonb := @extschema@.loader_code_map('iso3');
BEGIN
  st := @extschema@.loader_ipi_open('ipi_contributions', 'import_ipi_contributions', '@extschema@.ipi_contributions_raw', progress_every);
  INSERT INTO pg_temp.loader_ipi_rows (rec, tid, ext, winner, header, problems, no_troops, d, mission, contributor, host, troops)
  SELECT s.rec, s.tid, s.ext, max(s.rec) OVER (PARTITION BY s.ext), s.header,
         array_remove(ARRAY[
           CASE WHEN p.d IS NULL THEN format('Date %L is not a date', s."Date") END,
           CASE WHEN p.mission IS NULL THEN 'Mission is missing' END,
           CASE WHEN p.contributor IS NULL
                THEN format('Contributor_ISO-3 %L (%s) is not an ISO 3166 alpha-3 code', s."Contributor_ISO-3", s."Contributor") END,
           CASE WHEN p.host IS NULL AND @extschema@.loader_value(s."Mission_Country_ISO-3") IS NOT NULL
                THEN format('Mission_Country_ISO-3 %L is not an ISO 3166 alpha-3 code', s."Mission_Country_ISO-3") END,
           CASE WHEN @extschema@.loader_value(s."Troops") IS NOT NULL AND (p.troops IS NULL OR p.troops < 0)
                THEN format('Troops %L is not a count', s."Troops") END], NULL),
         CASE WHEN p.troops IS NULL
              THEN format('no troops (Troops NA): %s sends only police, experts or observers to %s', s."Contributor", p.mission) END,
         p.d, p.mission, p.contributor, p.host, p.troops
  FROM (SELECT row_number() OVER (ORDER BY t.ctid) AS rec, t.ctid AS tid,
               concat_ws('|', btrim(t."Date"), btrim(t."Mission"), btrim(t."Contributor_ISO-3")) AS ext,
               coalesce(t."Date" = 'Date' AND t."Mission" = 'Mission', false) AS header,
               t."Date", t."Mission", t."Contributor", t."Contributor_ISO-3", t."Mission_Country_ISO-3", t."Troops"
        FROM @extschema@.ipi_contributions_raw t) s,
  LATERAL (SELECT @extschema@.loader_date(s."Date") AS d, @extschema@.loader_value(s."Mission") AS mission,
                  (iso3_map ->> upper(@extschema@.loader_value(s."Contributor_ISO-3")))::@extschema@.country AS contributor,
                  (iso3_map ->> upper(@extschema@.loader_value(s."Mission_Country_ISO-3")))::@extschema@.country AS host,
                  @extschema@.loader_int(s."Troops") AS troops) p;
  PERFORM @extschema@.loader_ipi_mark('@extschema@.ipi_contributions_raw', 'the same month, mission and contributor');
  st := @extschema@.loader_store(st, '@extschema@.ipi_contributions_raw', 'deployments');
  RETURN @extschema@.loader_end(st, '@extschema@.ipi_contributions_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_ipi_contributions(integer) IS
  'Moves the rows staged in ipi_contributions_raw into deployments: one per month, mission and contributing country with its Troops as an exact estimate, as_of the month, contributor and host (Mission_Country_ISO-3) as countries, the mission as the force (an actor).  Rows without troops (police or experts only) are skipped and listed in import_issues, as is every row not loaded cleanly; a re-imported row updates its deployment where a value differs and is counted unchanged, not rewritten, where none does.  The batch is parsed and stored set-wise.  Empties ipi_contributions_raw and returns the import_runs row.';

-- IPI mission totals: one deployment per mission and month (all contributors together).
CREATE FUNCTION @extschema@.import_ipi_mission_totals(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  iso3_map constant jsonb := @extschema@.loader_code_map('iso3');
BEGIN
  st := @extschema@.loader_ipi_open('ipi_mission_totals', 'import_ipi_mission_totals', '@extschema@.ipi_mission_totals_raw', progress_every);
  -- the headquarters' coordinates are checked (later rows of the published
  -- file have them swapped) though a mission total has no single place:
  -- once per headquarters, country and point
  WITH s AS MATERIALIZED (
    SELECT s0.*, @extschema@.loader_date(s0."Date") AS d, @extschema@.loader_value(s0."Mission") AS mission,
           (iso3_map ->> upper(@extschema@.loader_value(s0."Country of Mission ISO-3")))::@extschema@.country AS host,
           @extschema@.loader_int(s0."Troops") AS troops,
           @extschema@.loader_value(s0."Mission HQ") AS hq, @extschema@.loader_float(s0."Mission HQ Latitude") AS hq_lat,
           @extschema@.loader_float(s0."Mission HQ Longitude") AS hq_lon
    FROM (SELECT row_number() OVER (ORDER BY t.ctid) AS rec, t.ctid AS tid,
                 concat_ws('|', btrim(t."Date"), btrim(t."Mission")) AS ext,
                 coalesce(t."Date" = 'Date' AND t."Mission" = 'Mission', false) AS header,
                 t."Date", t."Mission", t."Country of Mission ISO-3", t."Troops", t."Mission HQ",
                 t."Mission HQ Latitude", t."Mission HQ Longitude"
          FROM @extschema@.ipi_mission_totals_raw t) s0),
  hq AS MATERIALIZED (
    SELECT c.hq, c.hq_lat, c.hq_lon, c.host, (@extschema@.loader_check_location(c.hq_lat, c.hq_lon, c.host, c.hq)).note
    FROM (SELECT DISTINCT s.hq, s.hq_lat, s.hq_lon, s.host FROM s
          WHERE s.hq_lat IS NOT NULL AND s.hq_lon IS NOT NULL AND s.host IS NOT NULL) c)
  INSERT INTO pg_temp.loader_ipi_rows (rec, tid, ext, winner, header, problems, no_troops, notes, d, mission, host, troops)
  SELECT s.rec, s.tid, s.ext, max(s.rec) OVER (PARTITION BY s.ext), s.header,
         array_remove(ARRAY[
           CASE WHEN s.d IS NULL THEN format('Date %L is not a date', s."Date") END,
           CASE WHEN s.mission IS NULL THEN 'Mission is missing' END,
           CASE WHEN s.host IS NULL
                THEN format('Country of Mission ISO-3 %L is not an ISO 3166 alpha-3 code', s."Country of Mission ISO-3") END,
           CASE WHEN @extschema@.loader_value(s."Troops") IS NOT NULL AND (s.troops IS NULL OR s.troops < 0)
                THEN format('Troops %L is not a count', s."Troops") END], NULL),
         CASE WHEN s.troops IS NULL THEN format('no troops (Troops NA) in %s that month', s.mission) END,
         CASE WHEN hq.note IS NOT NULL THEN ARRAY['Mission HQ (its position is not stored with a mission total): ' || hq.note]
              ELSE '{}' END,
         s.d, s.mission, s.host, s.troops
  FROM s LEFT JOIN hq ON coalesce(hq.hq, '') = coalesce(s.hq, '') AND hq.hq_lat = s.hq_lat AND hq.hq_lon = s.hq_lon
                       AND hq.host OPERATOR(@extschema@.=) s.host;
  PERFORM @extschema@.loader_ipi_mark('@extschema@.ipi_mission_totals_raw', 'the same month and mission');
  st := @extschema@.loader_store(st, '@extschema@.ipi_mission_totals_raw', 'deployments');
  RETURN @extschema@.loader_end(st, '@extschema@.ipi_mission_totals_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_ipi_mission_totals(integer) IS
  'Moves the rows staged in ipi_mission_totals_raw (IPI data_mission.csv) into deployments: one per mission and month with its Troops as an exact estimate, as_of the month, host country, no single contributor; the month''s contributions already loaded by import_ipi_contributions become its parts (part_of).  A re-imported row whose values are stored already (and whose parts are linked) is counted unchanged and not rewritten.  Swapped headquarters coordinates are flagged.  The batch is parsed and stored set-wise.  Empties ipi_mission_totals_raw and returns the import_runs row.';

-- Stores the ok Geo-PKO rows of records lo..hi as deployments, one per
-- contingent, and sets their outcome.  A site row may name one country in
-- two contingents: the row-by-row loader wrote the later over the earlier,
-- so the later one is the deployment written (at the earlier one's place in
-- the insertion order), and one INSERT ... ON CONFLICT never meets a key
-- twice.
CREATE FUNCTION @extschema@.loader_geopko_store_range(lo bigint, hi bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m record;
  force_of jsonb := '{}';   -- mission -> its actor
  place_of jsonb := '{}';   -- [site, host, point] -> its place
  w_ext text[];
  w_force bigint[];
  w_contributor text[];
  w_host text[];
  w_place bigint[];
  w_troops bigint[];
  w_month text[];
  existed jsonb;            -- the keys stored before, as sets (key -> true)
  written jsonb;
BEGIN
  -- the missions, then the sites, each resolved once (a new mission
  -- created as a provisional actor, a new site as a place of kind base), in
  -- the order the rows first name them
  FOR m IN SELECT w.mission FROM pg_temp.loader_ipi_rows w
           WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok' GROUP BY w.mission ORDER BY min(w.rec) LOOP
    force_of := force_of || jsonb_build_object(m.mission, @extschema@.loader_actor(m.mission, 'peacekeeping mission', NULL));
  END LOOP;
  FOR m IN SELECT s.key, s.site, s.host, s.at
           FROM (SELECT DISTINCT ON (k.key) k.key, k.site, k.host, k.at, k.rec
                 FROM (SELECT jsonb_build_array(w.site, w.host::text, w.at::text)::text AS key, w.site, w.host, w.at, w.rec
                       FROM pg_temp.loader_ipi_rows w WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok') k
                 ORDER BY k.key, k.rec) s
           ORDER BY s.rec LOOP
    place_of := place_of || jsonb_build_object(m.key, @extschema@.loader_place(m.site, 'base', m.host, m.at));
  END LOOP;
  -- one deployment per row and country: the last contingent of that
  -- country, in the order of its first
  SELECT array_agg(c.ext ORDER BY c.rec, c.first), array_agg(c.force ORDER BY c.rec, c.first),
         array_agg(c.contributor ORDER BY c.rec, c.first), array_agg(c.host ORDER BY c.rec, c.first),
         array_agg(c.place ORDER BY c.rec, c.first), array_agg(c.troops ORDER BY c.rec, c.first),
         array_agg(c.month ORDER BY c.rec, c.first)
  INTO w_ext, w_force, w_contributor, w_host, w_place, w_troops, w_month
  FROM (SELECT DISTINCT ON (w.rec, t.contributor::text)
               w.rec, min(t.k) OVER (PARTITION BY w.rec, t.contributor::text) AS first,
               w.ext || '|' || t.contributor::text AS ext, (force_of ->> w.mission)::bigint AS force,
               t.contributor::text AS contributor, w.host::text AS host,
               (place_of ->> jsonb_build_array(w.site, w.host::text, w.at::text)::text)::bigint AS place,
               t.troops, to_char(w.d, 'YYYY-MM') AS month
        FROM pg_temp.loader_ipi_rows w CROSS JOIN LATERAL unnest(w.tccs, w.counts) WITH ORDINALITY AS t(contributor, troops, k)
        WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok'
        ORDER BY w.rec, t.contributor::text, t.k DESC) c;
  IF w_ext IS NOT NULL THEN
    SELECT coalesce(jsonb_object_agg(x.external_id, true), '{}') INTO existed
    FROM unnest(w_ext) AS k(ext) JOIN @extschema@.deployments x ON x.dataset = 'geopko' AND x.external_id = k.ext;
    -- Geo-PKO counts units on a UN map at standard unit sizes: approximate;
    -- a deployment stored already with these very values is not rewritten
    WITH up AS (
      INSERT INTO @extschema@.deployments AS x (force_id, contributor, host, place_id, strength, as_of, dataset, external_id)
      SELECT u.force, u.contributor::@extschema@.country, u.host::@extschema@.country, u.place,
             CASE WHEN u.troops IS NULL THEN '?'::@extschema@.estimate
                  ELSE @extschema@.estimate(u.troops, u.troops, NULL, true) END,
             u.month::@extschema@.edtf, 'geopko', u.ext
      FROM unnest(w_ext, w_force, w_contributor, w_host, w_place, w_troops, w_month) WITH ORDINALITY
           AS u(ext, force, contributor, host, place, troops, month, n)
      ORDER BY u.n
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET force_id = excluded.force_id, contributor = excluded.contributor, host = excluded.host,
            place_id = excluded.place_id, strength = excluded.strength, as_of = excluded.as_of
        WHERE (x.force_id, x.contributor::text, x.host::text, x.place_id, x.strength::text, x.as_of::text)
              IS DISTINCT FROM (excluded.force_id, excluded.contributor::text, excluded.host::text,
                                excluded.place_id, excluded.strength::text, excluded.as_of::text)
      RETURNING x.external_id)
    SELECT coalesce(jsonb_object_agg(up.external_id, true), '{}') INTO written FROM up;
  END IF;
  -- imported when a contingent is new, else updated when one was written,
  -- else unchanged
  UPDATE pg_temp.loader_ipi_rows w
  SET status = 'stored', force = (force_of ->> w.mission)::bigint,
      outcome = CASE WHEN EXISTS (SELECT 1 FROM unnest(w.tccs) AS t(c) WHERE NOT existed ? (w.ext || '|' || t.c::text))
                     THEN 'imported'
                     WHEN EXISTS (SELECT 1 FROM unnest(w.tccs) AS t(c) WHERE written ? (w.ext || '|' || t.c::text))
                     THEN 'updated'
                     ELSE 'unchanged' END
  WHERE w.rec BETWEEN lo AND hi AND w.status = 'ok';
END
$$;
COMMENT ON FUNCTION @extschema@.loader_geopko_store_range(bigint, bigint) IS
  'Stores the ok Geo-PKO rows of records lo..hi of pg_temp.loader_ipi_rows as deployments, one per contingent (a country named twice in a row: the later contingent): resolves their missions and sites once each, inserts the new deployments and updates those stored with other values (one with these very values is not rewritten), and counts a row imported when a contingent is new, else updated when one was written, else unchanged (internal to the loaders).';

-- Geo-PKO: one deployment per site, map month and troop-contributing country.
CREATE FUNCTION @extschema@.import_geopko(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  cow_map constant jsonb := @extschema@.loader_code_map('cow');
BEGIN
  st := @extschema@.loader_ipi_open('geopko', 'import_geopko', '@extschema@.geopko_raw', progress_every);
  -- the problems and the notes of a row in the order the row-by-row loader
  -- found them: mission, month, country, location, coordinates, then each
  -- contingent (name.of.TCCn, No.troops.per.TCCn and TCCn, a COW code).
  -- The coordinates are checked against the gazetteer as it was before the
  -- load, except where the row-by-row loader had a place of this batch to
  -- check them against: a site no place is named after in that country,
  -- created by its first row stored at that row's point; its later rows are
  -- checked against that point, as they were (f.first_ok, f.first_at).
  INSERT INTO pg_temp.loader_ipi_rows (rec, tid, ext, winner, header, problems, no_troops, notes, d, mission, host,
                                       site, at, tccs, counts)
  SELECT f.rec, f.tid, f.ext, f.winner, f.header,
         f.site_problems
         || array_remove(ARRAY[CASE WHEN f.not_numbers THEN format('latitude %L, longitude %L are not numbers', f.latitude, f.longitude)
                                    WHEN NOT coalesce(r.ok, f.chk_ok) THEN coalesce(r.note, f.chk_note) END], NULL)
         || f.tcc_problems,
         CASE WHEN cardinality(f.tccs) = 0
              THEN format('no troop contingent at %s (police, observers or headquarters only)', f.site) END,
         f.site_notes
         || array_remove(ARRAY[CASE WHEN NOT f.not_numbers AND coalesce(r.ok, f.chk_ok)
                                    THEN CASE WHEN r.ok IS NOT NULL THEN r.note ELSE f.chk_note END END], NULL)
         || f.tcc_notes,
         f.d, f.mission, f.host, f.site,
         CASE WHEN NOT f.not_numbers THEN CASE WHEN r.ok IS NOT NULL THEN r.location ELSE f.chk_at END END, f.tccs, f.counts
  FROM (SELECT o.*, min(o.rec) FILTER (WHERE o.ok) OVER k AS first_ok,
               first_value(o.chk_at) OVER (k ORDER BY NOT o.ok, o.rec) AS first_at
        FROM (SELECT p.*, NOT p.header AND p.winner = p.rec AND NOT p.not_numbers AND p.chk_ok AND cardinality(p.tccs) > 0
                          AND cardinality(p.site_problems) + cardinality(p.tcc_problems) = 0 AS ok
              FROM (
  SELECT s.rec, s.tid, s.ext, max(s.rec) OVER (PARTITION BY s.ext) AS winner, s.header, s.latitude, s.longitude,
         array_remove(ARRAY[
           CASE WHEN v.mission IS NULL THEN 'Mission is missing' END,
           CASE WHEN v.y IS NULL OR v.y NOT BETWEEN 1 AND 9999 OR v.mo IS NULL OR v.mo NOT BETWEEN 1 AND 12
                THEN format('year %L, month %L are not a month', s.year, s.month) END,
           CASE WHEN v.host IS NULL THEN format('country %L (cow_code %L) is not a known country', s.country, s.cow_code) END,
           CASE WHEN v.site IS NULL THEN 'location is missing' END], NULL) AS site_problems,
         tcc.problems AS tcc_problems,
         array_remove(ARRAY[
           CASE WHEN v.loc_name IS NOT NULL AND v.site <> v.loc_name
                THEN format('location %L repaired to %L (UTF-8 read as Latin-1)', v.loc_name, v.site) END], NULL) AS site_notes,
         tcc.notes AS tcc_notes,
         v.not_numbers, v.lat, v.lon, chk.ok AS chk_ok, chk.location AS chk_at, chk.note AS chk_note,
         CASE WHEN v.y BETWEEN 1 AND 9999 AND v.mo BETWEEN 1 AND 12 THEN make_date(v.y::integer, v.mo::integer, 1) END AS d,
         v.mission, v.host, v.site, tcc.tccs, tcc.counts
  FROM (SELECT row_number() OVER (ORDER BY t.ctid) AS rec, t.ctid AS tid,
               concat_ws('|', btrim(t."Mission"), btrim(t."Source"), btrim(t.year), btrim(t.month), btrim(t.location),
                         btrim(t.latitude), btrim(t.longitude)) AS ext,
               coalesce(t."Source" = 'Source' AND t."Mission" = 'Mission', false) AS header,
               t."Mission", t.year, t.month, t.country, t.cow_code, t.location, t.latitude, t.longitude,
               ARRAY[t."name.of.TCC1", t."name.of.TCC2", t."name.of.TCC3", t."name.of.TCC4", t."name.of.TCC5",
               t."name.of.TCC6", t."name.of.TCC7", t."name.of.TCC8", t."name.of.TCC9", t."name.of.TCC10",
               t."name.of.TCC11", t."name.of.TCC12", t."name.of.TCC13", t."name.of.TCC14"] AS tcc_names,
               ARRAY[t."No.troops.per.TCC1", t."No.troops.per.TCC2", t."No.troops.per.TCC3",
               t."No.troops.per.TCC4", t."No.troops.per.TCC5", t."No.troops.per.TCC6", t."No.troops.per.TCC7",
               t."No.troops.per.TCC8", t."No.troops.per.TCC9", t."No.troops.per.TCC10", t."No.troops.per.TCC11",
               t."No.troops.per.TCC12", t."No.troops.per.TCC13", t."No.troops.per.TCC14"] AS tcc_troops,
               ARRAY[t."TCC1", t."TCC2", t."TCC3", t."TCC4", t."TCC5", t."TCC6", t."TCC7", t."TCC8", t."TCC9",
               t."TCC10", t."TCC11", t."TCC12", t."TCC13", t."TCC14"] AS tcc_codes
        FROM @extschema@.geopko_raw t) s
  CROSS JOIN LATERAL (
    SELECT @extschema@.loader_value(s."Mission") AS mission,
           @extschema@.loader_int(s.year) AS y, @extschema@.loader_int(s.month) AS mo,
           coalesce(@extschema@.try_country(@extschema@.loader_repair(@extschema@.loader_value(s.country))),
                    (cow_map ->> btrim(s.cow_code))::@extschema@.country) AS host,
           @extschema@.loader_value(s.location) AS loc_name,
           @extschema@.loader_repair(@extschema@.loader_value(s.location)) AS site,
           @extschema@.loader_float(s.latitude) AS lat, @extschema@.loader_float(s.longitude) AS lon,
           (@extschema@.loader_float(s.latitude) IS NULL AND @extschema@.loader_value(s.latitude) IS NOT NULL)
           OR (@extschema@.loader_float(s.longitude) IS NULL AND @extschema@.loader_value(s.longitude) IS NOT NULL) AS not_numbers) v
  CROSS JOIN LATERAL @extschema@.loader_check_location(CASE WHEN NOT v.not_numbers THEN v.lat END,
                                                       CASE WHEN NOT v.not_numbers THEN v.lon END, v.host, v.site) chk
  CROSS JOIN LATERAL (
    -- (two rows per contingent, one per note it may have: the others are
    -- taken from the first)
    SELECT coalesce(array_agg(c.problem ORDER BY c.i) FILTER (WHERE n.o = 1 AND c.problem IS NOT NULL), '{}') AS problems,
           coalesce(array_agg(n.note ORDER BY c.i, n.o) FILTER (WHERE c.problem IS NULL AND n.note IS NOT NULL), '{}') AS notes,
           coalesce(array_agg(c.tcc ORDER BY c.i) FILTER (WHERE n.o = 1 AND c.problem IS NULL), '{}') AS tccs,
           coalesce(array_agg(c.troops ORDER BY c.i) FILTER (WHERE n.o = 1 AND c.problem IS NULL), '{}') AS counts
    FROM (SELECT x.i, x.name, x.n, x.code, x.by_code, x.by_name,
                 coalesce(x.by_code, x.by_name) AS tcc,
                 CASE WHEN lower(x.n) IN ('unknown', 'unk', '?') THEN NULL ELSE @extschema@.loader_int(x.n) END AS troops,
                 CASE WHEN x.by_code IS NOT NULL AND x.by_name IS NOT NULL AND x.by_code OPERATOR(@extschema@.<>) x.by_name
                      THEN format('contingent %s: name %L and COW code %s name different countries', x.i, x.name, x.code)
                      WHEN x.by_code IS NULL AND x.by_name IS NULL
                      THEN format('contingent %s: neither name %L nor COW code %L is a known country', x.i, x.name, x.code_raw)
                      WHEN lower(x.n) IN ('unknown', 'unk', '?') THEN NULL
                      WHEN x.n IS NOT NULL AND (@extschema@.loader_int(x.n) IS NULL OR @extschema@.loader_int(x.n) < 0)
                      THEN format('contingent %s: troops %L is not a count', x.i, x.n) END AS problem,
                 CASE WHEN x.by_code IS NULL AND x.by_name IS NOT NULL
                      THEN format('contingent %s: COW code %L unknown, country taken from its name %L', x.i, x.code_raw, x.name) END
                   AS note_code,
                 CASE WHEN lower(x.n) IN ('unknown', 'unk', '?')
                      THEN format('contingent %s (%s): troop number %L, stored as unknown (?)', x.i, x.name, x.n)
                      WHEN x.n IS NULL THEN format('contingent %s (%s): troop number missing, stored as unknown (?)', x.i, x.name) END
                   AS note_n
          FROM (SELECT y.i, y.name, y.n, y.code, y.code_raw, (cow_map ->> y.code::text)::@extschema@.country AS by_code,
                       @extschema@.try_country(y.name) AS by_name
                FROM (SELECT u.i, @extschema@.loader_repair(@extschema@.loader_value(u.name)) AS name,
                             @extschema@.loader_value(u.n) AS n, @extschema@.loader_int(u.code) AS code, u.code AS code_raw
                      FROM unnest(s.tcc_names, s.tcc_troops, s.tcc_codes) WITH ORDINALITY AS u(name, n, code, i)) y
                WHERE y.name IS NOT NULL OR y.n IS NOT NULL OR y.code IS NOT NULL) x) c
    CROSS JOIN LATERAL (VALUES (1, c.note_code), (2, c.note_n)) AS n(o, note)) tcc
              ) p) o
        WINDOW k AS (PARTITION BY @extschema@.loader_name_key(o.site), o.host::text)) f
  -- a later row of a site its first stored row created: checked again
  LEFT JOIN LATERAL (
    SELECT x.ok, x.location, x.note FROM @extschema@.loader_fix_location(f.lat, f.lon, f.first_at, true, f.site) x
    WHERE f.rec > f.first_ok AND f.first_at IS NOT NULL AND f.site IS NOT NULL AND f.host IS NOT NULL
      AND NOT f.header AND f.winner = f.rec AND NOT f.not_numbers
      AND NOT EXISTS (SELECT 1 FROM @extschema@.loader_places_named(f.site) n
                      WHERE n.country OPERATOR(@extschema@.=) f.host)) r ON true;
  PERFORM @extschema@.loader_ipi_mark('@extschema@.geopko_raw', 'the same map, month and site');
  st := @extschema@.loader_store(st, '@extschema@.geopko_raw', 'deployments');
  RETURN @extschema@.loader_end(st, '@extschema@.geopko_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_geopko(integer) IS
  'Moves the rows staged in geopko_raw (Geo-PKO v2.0) into deployments: one per site, map month and troop-contributing country (name.of.TCCn with its COW code TCCn), strength approximate (~N: Geo-PKO counts units on UN maps at standard unit sizes), as_of the month, place the site (matched or created, kind base); a country named in two contingents of a row gets the later one.  Sites without troops are skipped and listed in import_issues, as is every row not loaded cleanly; a re-imported row whose contingents are stored already with these values is counted unchanged and not rewritten.  The batch is parsed and stored set-wise.  Empties geopko_raw and returns the import_runs row.';
