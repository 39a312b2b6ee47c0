-- extension/sql/370_geonames.sql — the GeoNames gazetteer: staging tables in
-- GeoNames' own layouts, the mapping of feature codes to places.kind, and
-- import_geonames(), which stores every row as a place with its names and
-- builds the administrative hierarchy (country -> admin1 -> admin2 -> admin3
-- -> locality) from the admin codes.  Reference: docs/reference/places.md.
--
--   \copy sahel_news.geonames_raw FROM 'ML.txt' (FORMAT text)
--   \copy sahel_news.geonames_admin1_raw FROM 'admin1CodesASCII.txt' (FORMAT text)
--   \copy sahel_news.geonames_admin2_raw FROM 'admin2Codes.txt' (FORMAT text)
--   \copy sahel_news.geonames_alternate_names_raw FROM 'alternateNamesV2.txt' (FORMAT text)
--   SELECT * FROM sahel_news.import_geonames();
--
-- The import is set-based: a handful of statements over the whole staged batch
-- (temporary tables sn_gn_*), never a loop over rows, so that the full
-- GeoNames dump (millions of rows) loads at the speed of joins.

CREATE UNLOGGED TABLE @extschema@.geonames_raw (
  geonameid text,
  name text,
  asciiname text,
  alternatenames text,
  latitude text,
  longitude text,
  feature_class text,
  feature_code text,
  country_code text,
  cc2 text,
  admin1_code text,
  admin2_code text,
  admin3_code text,
  admin4_code text,
  population text,
  elevation text,
  dem text,
  timezone text,
  modification_date text
);
COMMENT ON TABLE @extschema@.geonames_raw IS
  'GeoNames per-country dumps, allCountries.txt or citiesNNNN.txt as downloaded (19 tab-separated columns, no header). Load with \copy ... (FORMAT text), then SELECT * FROM sahel_news.import_geonames().';

CREATE UNLOGGED TABLE @extschema@.geonames_admin1_raw (
  code text,
  name text,
  asciiname text,
  geonameid text
);
COMMENT ON TABLE @extschema@.geonames_admin1_raw IS
  'GeoNames admin1CodesASCII.txt as downloaded (code such as ML.04, name, ASCII name, geonameid). Load with \copy ... (FORMAT text) before import_geonames().';

-- admin2Codes.txt has the layout of admin1CodesASCII.txt
CREATE UNLOGGED TABLE @extschema@.geonames_admin2_raw (LIKE @extschema@.geonames_admin1_raw);
COMMENT ON TABLE @extschema@.geonames_admin2_raw IS
  'GeoNames admin2Codes.txt as downloaded (code such as ML.04.7701484, name, ASCII name, geonameid). Load with \copy ... (FORMAT text) before import_geonames().';

CREATE UNLOGGED TABLE @extschema@.geonames_alternate_names_raw (
  alternatenameid text,
  geonameid text,
  isolanguage text,
  alternate_name text,
  is_preferred_name text,
  is_short_name text,
  is_colloquial text,
  is_historic text,
  from_period text,
  to_period text
);
COMMENT ON TABLE @extschema@.geonames_alternate_names_raw IS
  'GeoNames alternateNamesV2.txt as downloaded (10 columns: alternateNameId, geonameid, isolanguage, alternate name, isPreferredName, isShortName, isColloquial, isHistoric, from, to); the older alternateNames.txt has the first 8 (copy it with that column list). Names of places not in the gazetteer are skipped: filter the file to the countries you load.';

DO $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT t.tbl, t.col, t.descr FROM (VALUES
      ('geonames_raw', 'geonameid', 'integer id of the record in GeoNames'),
      ('geonames_raw', 'name', 'name of the feature (UTF-8)'),
      ('geonames_raw', 'asciiname', 'name in plain ASCII'),
      ('geonames_raw', 'alternatenames', 'other names, comma-separated, without their languages'),
      ('geonames_raw', 'latitude', 'latitude in decimal degrees (WGS84)'),
      ('geonames_raw', 'longitude', 'longitude in decimal degrees (WGS84)'),
      ('geonames_raw', 'feature_class', 'feature class: A, H, L, P, R, S, T, U or V'),
      ('geonames_raw', 'feature_code', 'feature code (PPL, ADM1, WLL, ...)'),
      ('geonames_raw', 'country_code', 'ISO 3166-1 alpha-2 country code'),
      ('geonames_raw', 'cc2', 'other countries the feature extends into, comma-separated alpha-2 codes'),
      ('geonames_raw', 'admin1_code', 'first-level division code (admin1CodesASCII.txt, without the country)'),
      ('geonames_raw', 'admin2_code', 'second-level division code (admin2Codes.txt, without country and admin1)'),
      ('geonames_raw', 'admin3_code', 'third-level division code'),
      ('geonames_raw', 'admin4_code', 'fourth-level division code'),
      ('geonames_raw', 'population', 'population (0 when unknown)'),
      ('geonames_raw', 'elevation', 'elevation in metres'),
      ('geonames_raw', 'dem', 'elevation from the digital elevation model, in metres'),
      ('geonames_raw', 'timezone', 'IANA time zone'),
      ('geonames_raw', 'modification_date', 'date of the last change of the record (YYYY-MM-DD)'),
      ('geonames_admin1_raw', 'code', 'country and admin1 code, ML.04'),
      ('geonames_admin1_raw', 'name', 'name of the division'),
      ('geonames_admin1_raw', 'asciiname', 'name in plain ASCII'),
      ('geonames_admin1_raw', 'geonameid', 'geonameid of the division'),
      ('geonames_admin2_raw', 'code', 'country, admin1 and admin2 code, ML.04.7701484'),
      ('geonames_admin2_raw', 'name', 'name of the division'),
      ('geonames_admin2_raw', 'asciiname', 'name in plain ASCII'),
      ('geonames_admin2_raw', 'geonameid', 'geonameid of the division'),
      ('geonames_alternate_names_raw', 'alternatenameid', 'id of the alternate name'),
      ('geonames_alternate_names_raw', 'geonameid', 'geonameid of the feature it names'),
      ('geonames_alternate_names_raw', 'isolanguage', 'ISO 639 language code, or a pseudo code (post, link, iata, icao, faac, abbr, wkdt, unlc)'),
      ('geonames_alternate_names_raw', 'alternate_name', 'the name'),
      ('geonames_alternate_names_raw', 'is_preferred_name', '1 when it is the official or preferred name in its language'),
      ('geonames_alternate_names_raw', 'is_short_name', '1 for a short name'),
      ('geonames_alternate_names_raw', 'is_colloquial', '1 for a colloquial name'),
      ('geonames_alternate_names_raw', 'is_historic', '1 for a name no longer used'),
      ('geonames_alternate_names_raw', 'from_period', 'from when the name was used'),
      ('geonames_alternate_names_raw', 'to_period', 'until when the name was used')) AS t(tbl, col, descr)
  LOOP
    EXECUTE format('COMMENT ON COLUMN @extschema@.%I.%I IS %L', c.tbl, c.col, c.descr);
  END LOOP;
END
$$;

-- ---------------------------------------------------------------------------
-- Feature codes -> places.kind and admin_level (docs/reference/places.md has the table)

CREATE FUNCTION @extschema@.geonames_kind(feature_class text, feature_code text, population bigint)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN feature_class = 'A' AND feature_code LIKE 'PCL%' THEN 'country'
  WHEN feature_class = 'A' AND feature_code LIKE 'ADM%' THEN 'region'
  WHEN feature_class = 'A' THEN 'area'
  WHEN feature_class = 'P' AND feature_code = 'PPLX' THEN 'locality'
  WHEN feature_class = 'P' AND (feature_code IN ('PPLC', 'PPLA', 'PPLG') OR coalesce(population, 0) >= 100000) THEN 'city'
  WHEN feature_class = 'P' AND (feature_code IN ('PPLA2', 'PPLA3') OR coalesce(population, 0) >= 10000) THEN 'town'
  WHEN feature_class = 'P' THEN 'village'
  WHEN feature_class = 'S' AND feature_code IN ('INSM', 'MILB', 'CMPMLY') THEN 'base'
  WHEN feature_class = 'S' THEN 'site'
  WHEN feature_class = 'H' THEN 'water feature'
  WHEN feature_class = 'T' THEN 'landform'
  WHEN feature_class = 'L' AND feature_code = 'LCTY' THEN 'locality'
  WHEN feature_class = 'L' THEN 'area'
  WHEN feature_class = 'R' THEN 'road'
  WHEN feature_class = 'V' THEN 'vegetation'
  WHEN feature_class = 'U' THEN 'undersea feature'
END;
COMMENT ON FUNCTION @extschema@.geonames_kind(text, text, bigint) IS
  'places.kind of a GeoNames feature: PCL* country; ADM* region; other A area; PPLC, PPLA, PPLG or 100,000 people and more city; PPLA2, PPLA3 or 10,000 and more town; PPLX locality; other P village; S INSM, MILB base, other S site; H water feature; T landform; L LCTY locality, other L area; R road; V vegetation; U undersea feature; NULL for an unknown class';

CREATE FUNCTION @extschema@.geonames_admin_level(feature_class text, feature_code text)
RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN feature_class <> 'A' THEN NULL
  WHEN feature_code LIKE 'PCL%' THEN 0
  WHEN feature_code IN ('ADM1', 'ADM1H') THEN 1
  WHEN feature_code IN ('ADM2', 'ADM2H') THEN 2
  WHEN feature_code IN ('ADM3', 'ADM3H') THEN 3
  WHEN feature_code IN ('ADM4', 'ADM4H', 'ADM5', 'ADM5H') THEN 4
END::smallint;
COMMENT ON FUNCTION @extschema@.geonames_admin_level(text, text) IS
  'places.admin_level of a GeoNames feature: 0 for PCL* (a country), 1 to 4 for ADM1 to ADM4 (and their historical H forms; ADM5 counts as 4), NULL otherwise (ADMD, a division of unknown level, included)';

-- The name of an administrative area without the words for its kind, as
-- datasets write it: "Région de Mopti", "Mopti Region" and "Mopti" are all
-- "mopti"; "Cercle d’Abeïbara" and "Abeibara" are "abeibara"; "Province du
-- Yatenga" and "Yatenga" are "yatenga".  An elided article ("d’", "l’")
-- is a word here, so that it can be dropped; other apostrophes vanish as in
-- name_key() (N’Djaména: ndjamena).  Core: sn_admin_name_key in
-- extension/core/matcher.c.
CREATE FUNCTION @extschema@.admin_name_key(name text) RETURNS text
  AS 'MODULE_PATHNAME', 'admin_name_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.admin_name_key(text) IS
  'name_key() of an administrative area''s name without the word for its kind and its article (Région de Mopti, Mopti Region, Mopti -> mopti; Cercle d’Abeïbara -> abeibara; Province du Yatenga -> yatenga): how admin names of datasets and gazetteers are compared';

-- ---------------------------------------------------------------------------
-- import_geonames()

CREATE FUNCTION @extschema@.import_geonames() RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  run bigint;
  n_read bigint := 0;
  n_imported bigint := 0;
  n_updated bigint := 0;
  n_unchanged bigint := 0;
  n_skipped bigint := 0;
  n_flagged bigint := 0;
  n bigint;
  guard text := current_setting('sahel_news.allow_sample_changes', true);
  mojibake constant text := '[\u00c2-\u00f4][\u0080-\u00bf]';
  ids bigint[];
  gids bigint[];
  batch jsonb;
BEGIN
  LOCK TABLE @extschema@.geonames_raw, @extschema@.geonames_admin1_raw, @extschema@.geonames_admin2_raw,
             @extschema@.geonames_alternate_names_raw IN SHARE ROW EXCLUSIVE MODE;
  run := @extschema@.loader_begin('geonames');

  CREATE TEMP TABLE sn_gn_issues (source text, rec bigint, ext text, action text, reason text, raw jsonb, tid tid);

  -- 1. The dump rows, read.  ISO alpha-2 codes through the country table
  --    (not try_country: NG is Nigeria in ISO, Niger in FIPS).  A row is
  --    found again in the staging table by its ctid (the table is locked):
  --    its raw values are made into jsonb only for the rows listed in
  --    import_issues.
  CREATE TEMP TABLE sn_gn_rows AS
  WITH staged AS (
    SELECT row_number() OVER () AS rec, r.ctid AS tid, r AS raw_row FROM @extschema@.geonames_raw r
  ), iso AS (
    SELECT c.iso2, c.country FROM @extschema@.countries() c WHERE c.iso2 IS NOT NULL
  ), parsed AS (
    SELECT s.rec, s.tid, md5(s.raw_row::text) AS rowhash,
           (s.raw_row).geonameid AS raw_gid, (s.raw_row).latitude AS raw_lat, (s.raw_row).longitude AS raw_lon,
           (s.raw_row).feature_class AS raw_fclass, (s.raw_row).country_code AS raw_cc,
           @extschema@.loader_int((s.raw_row).geonameid) AS gid,
           CASE WHEN (s.raw_row).name ~ mojibake THEN @extschema@.repair_mojibake(btrim((s.raw_row).name))
                ELSE btrim((s.raw_row).name) END AS name,
           btrim((s.raw_row).name) AS name_as_given,
           nullif(btrim((s.raw_row).asciiname), '') AS asciiname,
           nullif(btrim((s.raw_row).alternatenames), '') AS alternatenames,
           @extschema@.loader_float((s.raw_row).latitude) AS lat,
           @extschema@.loader_float((s.raw_row).longitude) AS lon,
           nullif(btrim((s.raw_row).feature_class), '') AS fclass,
           nullif(btrim((s.raw_row).feature_code), '') AS fcode,
           i.country AS ctry,
           nullif(btrim((s.raw_row).admin1_code), '') AS a1,
           nullif(btrim((s.raw_row).admin2_code), '') AS a2,
           nullif(btrim((s.raw_row).admin3_code), '') AS a3,
           nullif(btrim((s.raw_row).admin4_code), '') AS a4,
           nullif(@extschema@.loader_int((s.raw_row).population), 0) AS pop,
           -- YYYY-MM-DD, checked here rather than by loader_date() (a
           -- PL/pgSQL call per row would be most of the import's time)
           CASE WHEN d.md ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' AND d.md >= '0001'
                     AND substr(d.md, 9, 2)::integer
                         <= extract(day FROM make_date(substr(d.md, 1, 4)::integer, substr(d.md, 6, 2)::integer, 1)
                                             + interval '1 month' - interval '1 day')
                THEN d.md::date END AS modified
    FROM staged s
    CROSS JOIN LATERAL (SELECT btrim((s.raw_row).modification_date) AS md) d
    LEFT JOIN iso i ON i.iso2 = upper(btrim((s.raw_row).country_code))
  )
  SELECT p.*,
         CASE
           WHEN p.gid IS NULL OR p.gid <= 0 THEN format('geonameid %L is not a positive whole number', p.raw_gid)
           WHEN p.name IS NULL OR p.name = '' THEN 'no name'
           WHEN NOT @extschema@.is_place_name(p.name)
             THEN format('name %L is no place name the gazetteer keeps (an article, a preposition or punctuation: annotate() would find it everywhere)', p.name)
           WHEN p.lat IS NULL OR p.lon IS NULL OR abs(p.lat) > 90 OR abs(p.lon) > 180
             THEN format('impossible coordinates: latitude %L, longitude %L', p.raw_lat, p.raw_lon)
           WHEN p.fclass IS NULL OR p.fclass !~ '^[AHLPRSTUV]$' THEN format('unknown feature class %L', p.raw_fclass)
           WHEN p.fcode IS NOT NULL AND p.fcode !~ '^[A-Z0-9]{1,10}$' THEN format('malformed feature code %L', p.fcode)
           WHEN p.ctry IS NULL THEN format('unknown country code %L', p.raw_cc)
         END AS problem,
         ARRAY[]::text[] AS notes,
         NULL::bigint AS place_id,
         false AS inserted
  FROM parsed p;

  INSERT INTO sn_gn_issues (source, rec, ext, action, reason, tid)
  SELECT 'dump', rec, raw_gid, 'rejected', problem, tid FROM sn_gn_rows WHERE problem IS NOT NULL;
  DELETE FROM sn_gn_rows WHERE problem IS NOT NULL;

  -- the same record twice in the batch (a country dump and a cities file):
  -- the one last modified wins, then the later one staged
  WITH ranked AS (
    SELECT rec, tid, gid, modified, rowhash,
           first_value(rec) OVER w AS winner, first_value(rowhash) OVER w AS winner_hash,
           first_value(modified) OVER w AS winner_modified, row_number() OVER w AS rn
    FROM sn_gn_rows
    WINDOW w AS (PARTITION BY gid ORDER BY modified DESC NULLS LAST, rec DESC)
  ), dropped AS (
    DELETE FROM sn_gn_rows g USING ranked k WHERE k.rec = g.rec AND k.rn > 1
    RETURNING k.*
  )
  INSERT INTO sn_gn_issues (source, rec, ext, action, reason, tid)
  SELECT 'dump', d.rec, d.gid::text, 'skipped',
         CASE WHEN d.rowhash = d.winner_hash THEN format('exact duplicate of record %s', d.winner)
              ELSE format('geonameid %s again: record %s (modified %s) is newer or later', d.gid, d.winner,
                          coalesce(to_char(d.winner_modified, 'YYYY-MM-DD'), 'no date')) END,
         d.tid
  FROM dropped d;

  -- The gazetteer as stored, read in statements of their own: on Citus
  -- places and place_names are reference tables, which Citus joins to no
  -- temporary table in an UPDATE or a DELETE (docs/reference/citus.md).
  -- The places with a geonameid, and those a row may be linked to.
  CREATE TEMP TABLE sn_gn_stored AS
  SELECT p.id, p.geonames_id, p.geonames_modified FROM @extschema@.places p WHERE p.geonames_id IS NOT NULL;
  CREATE INDEX ON sn_gn_stored (geonames_id);
  CREATE TEMP TABLE sn_gn_linkable AS
  SELECT p.id, p.name, p.kind, p.country, p.location, p.dataset, p.sample FROM @extschema@.places p
  WHERE p.geonames_id IS NULL AND p.country IS NOT NULL;
  CREATE TEMP TABLE sn_gn_linkable_names AS
  SELECT n.place_id, n.name FROM @extschema@.place_names n
  WHERE NOT n.is_demonym AND n.place_id IN (SELECT p.id FROM @extschema@.places p
                                            WHERE p.geonames_id IS NULL AND p.country IS NOT NULL AND p.kind <> 'country');

  -- a record older than the one already stored (dumps of different years):
  -- the stored one stays
  WITH older AS (
    DELETE FROM sn_gn_rows g USING sn_gn_stored p
    WHERE p.geonames_id = g.gid AND p.geonames_modified IS NOT NULL
      AND (g.modified IS NULL OR g.modified < p.geonames_modified)
    RETURNING g.rec, g.gid, g.modified, g.tid, p.geonames_modified AS stored
  )
  INSERT INTO sn_gn_issues (source, rec, ext, action, reason, tid)
  SELECT 'dump', o.rec, o.gid::text, 'skipped',
         format('older than the stored record of geonameid %s (modified %s, stored %s): the stored one is kept',
                o.gid, coalesce(to_char(o.modified, 'YYYY-MM-DD'), 'no date'), to_char(o.stored, 'YYYY-MM-DD')), o.tid
  FROM older o;

  UPDATE sn_gn_rows SET notes = notes || format('name %L repaired to %L (UTF-8 read as Latin-1)', name_as_given, name)
  WHERE name <> name_as_given;
  CREATE INDEX ON sn_gn_rows (gid);
  ANALYZE sn_gn_rows;

  -- 2. The admin code files: one row per division, with its code split.
  CREATE TEMP TABLE sn_gn_codes AS
  WITH staged AS (
    SELECT 1 AS level, row_number() OVER () AS rec, to_jsonb(r) AS raw, r.code, r.name, r.asciiname, r.geonameid
    FROM @extschema@.geonames_admin1_raw r
    UNION ALL
    SELECT 2, row_number() OVER (), to_jsonb(r), r.code, r.name, r.asciiname, r.geonameid
    FROM @extschema@.geonames_admin2_raw r
  ), iso AS (
    SELECT c.iso2, c.country FROM @extschema@.countries() c WHERE c.iso2 IS NOT NULL
  )
  SELECT s.level, s.rec, s.raw, split_part(btrim(s.code), '.', 1) AS cc, i.country AS ctry,
         nullif(split_part(btrim(s.code), '.', 2), '') AS a1,
         CASE WHEN s.level = 2 THEN nullif(split_part(btrim(s.code), '.', 3), '') END AS a2,
         CASE WHEN btrim(s.name) ~ mojibake THEN @extschema@.repair_mojibake(btrim(s.name)) ELSE btrim(s.name) END AS name,
         btrim(s.name) AS name_as_given,
         nullif(btrim(s.asciiname), '') AS asciiname,
         @extschema@.loader_int(s.geonameid) AS gid,
         NULL::bigint AS place_id,
         false AS inserted
  FROM staged s LEFT JOIN iso i ON i.iso2 = split_part(btrim(s.code), '.', 1);
  CREATE INDEX ON sn_gn_codes (gid);
  WITH bad AS (
    DELETE FROM sn_gn_codes
    WHERE ctry IS NULL OR a1 IS NULL OR (level = 2 AND a2 IS NULL) OR gid IS NULL OR gid <= 0
       OR name IS NULL OR NOT @extschema@.is_place_name(name) OR btrim(raw ->> 'code') !~ ('^[A-Z]{2}(\.[^.]+){' || level || '}$')
    RETURNING *
  )
  INSERT INTO sn_gn_issues (source, rec, ext, action, reason, raw)
  SELECT 'admin' || b.level, b.rec, b.raw ->> 'geonameid', 'rejected',
         format('admin%s code line not understood: code %L, geonameid %L, name %L', b.level, b.raw ->> 'code',
                b.raw ->> 'geonameid', b.raw ->> 'name'), b.raw
  FROM bad b;

  -- 3. Existing places a dump row is the same place as, when not yet linked
  --    to GeoNames: the country place of its country for a PCL*, a region of
  --    the same country with the same admin name for an ADM*, and a place of
  --    the same country with the same name within 25 km for anything else
  --    (nearest first, each place and each row at most once).
  CREATE TEMP TABLE sn_gn_match AS
  WITH linkable AS (
    SELECT l.id, l.name, l.kind, l.country, l.location FROM sn_gn_linkable l
  ), countries AS (
    SELECT DISTINCT ON (g.rec) g.rec, l.id, 0::float8 AS metres
    FROM sn_gn_rows g JOIN linkable l ON l.kind = 'country' AND l.country OPERATOR(@extschema@.=) g.ctry
    WHERE g.fclass = 'A' AND g.fcode LIKE 'PCL%' AND g.fcode <> 'PCLH'
    ORDER BY g.rec, l.id
  ), place_keys AS MATERIALIZED (
    SELECT l.id, l.kind, l.country, l.location, @extschema@.name_key(l.name) AS k,
           @extschema@.admin_name_key(l.name) AS ak FROM linkable l WHERE l.kind <> 'country'
    UNION
    SELECT l.id, l.kind, l.country, l.location, @extschema@.name_key(n.name), @extschema@.admin_name_key(n.name)
    FROM linkable l JOIN sn_gn_linkable_names n ON n.place_id = l.id
    WHERE l.kind <> 'country'
  ), areas AS (
    -- an ADM* row and a region of the same admin name (its names and those
    -- the code files give it)
    SELECT g.rec, k.id, coalesce(@extschema@.distance(k.location, @extschema@.geopoint(g.lat, g.lon)), 0) AS metres
    FROM sn_gn_rows g
    CROSS JOIN LATERAL (SELECT g.name UNION SELECT g.asciiname
                        UNION SELECT c.name FROM sn_gn_codes c WHERE c.gid = g.gid) n(name)
    JOIN place_keys k ON k.ak = @extschema@.admin_name_key(n.name) AND k.country OPERATOR(@extschema@.=) g.ctry
    WHERE g.fclass = 'A' AND g.fcode LIKE 'ADM%' AND k.kind = 'region'
  ), others AS (
    -- any other row and a place of the same name (or ASCII name) within 25 km
    SELECT g.rec, k.id, @extschema@.distance(k.location, @extschema@.geopoint(g.lat, g.lon)) AS metres
    FROM sn_gn_rows g
    CROSS JOIN LATERAL (VALUES (g.name), (g.asciiname)) n(name)
    JOIN place_keys k ON k.k = @extschema@.name_key(n.name) AND k.country OPERATOR(@extschema@.=) g.ctry
    WHERE NOT (g.fclass = 'A' AND (g.fcode LIKE 'ADM%' OR g.fcode LIKE 'PCL%'))
      AND k.kind NOT IN ('region', 'country', 'continent', 'supranational region', 'border area')
      AND k.location IS NOT NULL AND @extschema@.distance(k.location, @extschema@.geopoint(g.lat, g.lon)) <= 25000
  ), pairs AS (
    SELECT * FROM countries UNION ALL SELECT * FROM areas UNION ALL SELECT * FROM others
  ), best_for_place AS (
    SELECT DISTINCT ON (id) rec, id, metres FROM pairs ORDER BY id, metres, rec
  )
  SELECT DISTINCT ON (rec) rec, id, metres FROM best_for_place ORDER BY rec, metres, id;

  -- 4. The places: existing ones by geonameid updated, linked ones given
  --    their GeoNames identity, the rest inserted.  Shipped sample places
  --    may be linked (their geonameid, codes and population); the guard on
  --    them is lifted for this statement's transaction and put back below.
  PERFORM @extschema@.model_set_local('sahel_news.allow_sample_changes', 'on');
  UPDATE sn_gn_rows g SET place_id = p.id FROM sn_gn_stored p WHERE p.geonames_id = g.gid;
  UPDATE sn_gn_rows g SET place_id = m.id,
         notes = g.notes || format('the same place as place %s %L (%s%s): linked to it', m.id, p.name,
                                   coalesce(p.dataset, CASE WHEN p.sample THEN 'sample' ELSE 'entered by hand' END),
                                   CASE WHEN m.metres > 0 THEN format(', %s km away', round((m.metres / 1000)::numeric, 1)) ELSE '' END)
  FROM sn_gn_match m JOIN sn_gn_linkable p ON p.id = m.id
  WHERE m.rec = g.rec AND g.place_id IS NULL;

  -- the canonical admin codes of an admin area: those of the code file when
  -- it lists the area's geonameid (Mali's Ménaka: 12070577, not Gao's 09)
  UPDATE sn_gn_rows g SET a1 = c.a1, a2 = coalesce(c.a2, CASE WHEN c.level = 1 THEN NULL ELSE g.a2 END),
         notes = g.notes || format('admin codes %s.%s of the dump replaced by %s of the code file',
                                   g.a1, coalesce(g.a2, ''), c.raw ->> 'code')
  FROM sn_gn_codes c
  WHERE c.gid = g.gid AND (g.a1 IS DISTINCT FROM c.a1 OR (c.level = 2 AND g.a2 IS DISTINCT FROM c.a2));

  -- (the rows passed as a value: on Citus an UPDATE of a reference table
  -- may read no temporary table)
  batch := coalesce((SELECT jsonb_agg(jsonb_build_object('place_id', r.place_id, 'name', r.name, 'fclass', r.fclass,
                                                         'fcode', r.fcode, 'pop', r.pop, 'ctry', r.ctry, 'lat', r.lat,
                                                         'lon', r.lon, 'gid', r.gid, 'a1', r.a1, 'a2', r.a2, 'a3', r.a3,
                                                         'a4', r.a4, 'modified', r.modified))
                     FROM sn_gn_rows r WHERE r.place_id IS NOT NULL), '[]');
  UPDATE @extschema@.places p SET
    name = CASE WHEN p.dataset = 'geonames' THEN g.name ELSE p.name END,
    kind = CASE WHEN p.dataset = 'geonames' THEN @extschema@.geonames_kind(g.fclass, g.fcode, g.pop) ELSE p.kind END,
    country = CASE WHEN p.dataset = 'geonames' THEN g.ctry ELSE p.country END,
    location = CASE WHEN p.dataset = 'geonames' OR p.location IS NULL THEN @extschema@.geopoint(g.lat, g.lon)
                    ELSE p.location END,
    geonames_id = g.gid, feature_class = g.fclass, feature_code = g.fcode, population = g.pop,
    admin_level = @extschema@.geonames_admin_level(g.fclass, g.fcode),
    admin1_code = g.a1, admin2_code = g.a2, admin3_code = g.a3, admin4_code = g.a4,
    geonames_modified = g.modified
  FROM jsonb_to_recordset(batch)
       AS g(place_id bigint, name text, fclass text, fcode text, pop bigint, ctry @extschema@.country, lat float8,
            lon float8, gid bigint, a1 text, a2 text, a3 text, a4 text, modified date)
  WHERE g.place_id = p.id
    -- a record stored with these very values is not written again (no new
    -- row version, changed_run untouched): it counts as unchanged
    AND (CASE WHEN p.dataset = 'geonames' THEN g.name ELSE p.name END,
         CASE WHEN p.dataset = 'geonames' THEN @extschema@.geonames_kind(g.fclass, g.fcode, g.pop) ELSE p.kind END,
         CASE WHEN p.dataset = 'geonames' THEN g.ctry::text ELSE p.country::text END,
         CASE WHEN p.dataset = 'geonames' OR p.location IS NULL THEN @extschema@.geopoint(g.lat, g.lon)::text
              ELSE p.location::text END,
         g.gid, g.fclass, g.fcode, g.pop, @extschema@.geonames_admin_level(g.fclass, g.fcode), g.a1, g.a2, g.a3, g.a4,
         g.modified)
        IS DISTINCT FROM
        (p.name, p.kind, p.country::text, p.location::text, p.geonames_id, p.feature_class, p.feature_code,
         p.population, p.admin_level, p.admin1_code, p.admin2_code, p.admin3_code, p.admin4_code, p.geonames_modified);

  -- new areas first (countries, divisions), then the code files' divisions
  -- that no dump row gave (places without a point: the dump of their country
  -- is missing, or older than the file), so that every other new place can
  -- be inserted with its parent
  WITH ins AS (
    INSERT INTO @extschema@.places (name, kind, country, location, geonames_id, feature_class, feature_code,
                                    population, admin_level, admin1_code, admin2_code, admin3_code, admin4_code,
                                    geonames_modified, dataset, external_id)
    SELECT g.name, @extschema@.geonames_kind(g.fclass, g.fcode, g.pop), g.ctry, @extschema@.geopoint(g.lat, g.lon),
           g.gid, g.fclass, g.fcode, g.pop, @extschema@.geonames_admin_level(g.fclass, g.fcode),
           g.a1, g.a2, g.a3, g.a4, g.modified, 'geonames', g.gid::text
    FROM sn_gn_rows g
    WHERE g.place_id IS NULL AND @extschema@.geonames_admin_level(g.fclass, g.fcode) IS NOT NULL
    ON CONFLICT (dataset, external_id) DO NOTHING
    RETURNING id, geonames_id
  )
  UPDATE sn_gn_rows g SET place_id = ins.id, inserted = true FROM ins WHERE ins.geonames_id = g.gid;
  SELECT array_agg(p.id), array_agg(p.geonames_id) INTO ids, gids
  FROM @extschema@.places p WHERE p.geonames_id = ANY (ARRAY(SELECT c.gid FROM sn_gn_codes c));
  UPDATE sn_gn_codes c SET place_id = u.id FROM unnest(ids, gids) AS u(id, gid) WHERE u.gid = c.gid;
  WITH ins AS (
    INSERT INTO @extschema@.places (name, kind, country, geonames_id, feature_class, feature_code, admin_level,
                                    admin1_code, admin2_code, dataset, external_id)
    SELECT c.name, 'region', c.ctry, c.gid, 'A', 'ADM' || c.level, c.level, c.a1, c.a2, 'geonames', c.gid::text
    FROM sn_gn_codes c WHERE c.place_id IS NULL
    ON CONFLICT (dataset, external_id) DO NOTHING
    RETURNING id, geonames_id
  )
  UPDATE sn_gn_codes c SET place_id = ins.id, inserted = true FROM ins WHERE ins.geonames_id = c.gid;
  -- a division already stored (from an earlier dump or code file): the code
  -- file's codes are the current ones
  batch := coalesce((SELECT jsonb_agg(jsonb_build_object('place_id', r.place_id, 'level', r.level, 'a1', r.a1, 'a2', r.a2))
                     FROM sn_gn_codes r WHERE r.place_id IS NOT NULL AND NOT r.inserted), '[]');
  UPDATE @extschema@.places p SET admin_level = c.level, admin1_code = c.a1, admin2_code = c.a2,
         feature_class = coalesce(p.feature_class, 'A'), feature_code = coalesce(p.feature_code, 'ADM' || c.level)
  FROM jsonb_to_recordset(batch) AS c(place_id bigint, level integer, a1 text, a2 text)
  WHERE c.place_id = p.id
    AND (p.admin_level IS DISTINCT FROM c.level::smallint OR p.admin1_code IS DISTINCT FROM c.a1
         OR p.admin2_code IS DISTINCT FROM c.a2);
  -- the rest, each with the parent its codes give (geonames_plan_parents)
  CREATE TEMP TABLE sn_gh_input AS
  SELECT -g.rec AS id, g.name, g.ctry AS country, NULL::bigint AS parent_id, 'geonames'::text AS dataset,
         g.fclass AS feature_class, g.fcode AS feature_code,
         coalesce(@extschema@.geonames_admin_level(g.fclass, g.fcode), 5)::smallint AS lvl,
         g.a1, g.a2, g.a3, g.a4
  FROM sn_gn_rows g WHERE g.place_id IS NULL;
  PERFORM @extschema@.geonames_plan_parents(
    ARRAY(SELECT DISTINCT ctry FROM sn_gn_rows UNION SELECT DISTINCT ctry FROM sn_gn_codes));
  WITH ins AS (
    INSERT INTO @extschema@.places (name, kind, country, parent_id, parent_basis, location, geonames_id,
                                    feature_class, feature_code, population, admin_level, admin1_code, admin2_code,
                                    admin3_code, admin4_code, geonames_modified, dataset, external_id)
    SELECT g.name, @extschema@.geonames_kind(g.fclass, g.fcode, g.pop), g.ctry, h.new_parent, h.basis,
           @extschema@.geopoint(g.lat, g.lon), g.gid, g.fclass, g.fcode, g.pop,
           @extschema@.geonames_admin_level(g.fclass, g.fcode), g.a1, g.a2, g.a3, g.a4, g.modified,
           'geonames', g.gid::text
    FROM sn_gn_rows g LEFT JOIN sn_gh_plan h ON h.id = -g.rec
    WHERE g.place_id IS NULL
    ON CONFLICT (dataset, external_id) DO NOTHING
    RETURNING id, geonames_id
  )
  UPDATE sn_gn_rows g SET place_id = ins.id, inserted = true FROM ins WHERE ins.geonames_id = g.gid;
  DROP TABLE sn_gh_input, sn_gh_plan;
  -- 5. Names: the name, the ASCII name, the alternate names of the dump (no
  --    language) and of the code files, and the alternateNames file (with
  --    its language).
  INSERT INTO @extschema@.place_names (place_id, name)
  SELECT DISTINCT g.place_id, n.name
  FROM sn_gn_rows g
  CROSS JOIN LATERAL (
    SELECT g.name
    UNION ALL SELECT g.asciiname
    UNION ALL SELECT CASE WHEN a ~ mojibake THEN @extschema@.repair_mojibake(btrim(a)) ELSE btrim(a) END
              FROM unnest(string_to_array(g.alternatenames, ',')) a) n(name)
  WHERE n.name IS NOT NULL AND @extschema@.is_place_name(n.name)
  UNION
  SELECT c.place_id, n.name
  FROM sn_gn_codes c CROSS JOIN LATERAL (VALUES (c.name), (c.asciiname)) n(name)
  WHERE n.name IS NOT NULL AND @extschema@.is_place_name(n.name)
  ON CONFLICT DO NOTHING;

  CREATE TEMP TABLE sn_gn_alt AS
  SELECT row_number() OVER () AS rec, r.ctid AS tid, r.alternatenameid AS raw_id, r.geonameid AS raw_gid,
         r.isolanguage AS raw_lang, r.alternate_name AS raw_name,
         @extschema@.loader_int(r.geonameid) AS gid,
         lower(nullif(btrim(r.isolanguage), '')) AS lang,
         CASE WHEN btrim(r.alternate_name) ~ mojibake THEN @extschema@.repair_mojibake(btrim(r.alternate_name))
              ELSE btrim(r.alternate_name) END AS name,
         btrim(r.alternate_name) AS name_as_given,
         NULL::bigint AS place_id, NULL::text AS outcome
  FROM @extschema@.geonames_alternate_names_raw r;
  SELECT array_agg(p.id), array_agg(p.geonames_id) INTO ids, gids
  FROM @extschema@.places p WHERE p.geonames_id = ANY (ARRAY(SELECT DISTINCT a.gid FROM sn_gn_alt a WHERE a.gid IS NOT NULL));
  UPDATE sn_gn_alt a SET place_id = u.id FROM unnest(ids, gids) AS u(id, gid) WHERE u.gid = a.gid;
  UPDATE sn_gn_alt SET outcome = CASE
      WHEN gid IS NULL OR name IS NULL OR name = '' THEN 'rejected'
      WHEN lang IN ('link', 'wkdt', 'post', 'iata', 'icao', 'faac', 'unlc', 'tcid', 'phon', 'piny')
           OR NOT @extschema@.is_place_name(name) THEN 'not a name'
      WHEN place_id IS NULL THEN 'no place'
    END;
  INSERT INTO sn_gn_issues (source, rec, ext, action, reason, tid)
  SELECT 'alternate', rec, raw_id, 'rejected',
         format('alternate name line not understood: geonameid %L, name %L', raw_gid, raw_name), tid
  FROM sn_gn_alt WHERE outcome = 'rejected'
  UNION ALL
  SELECT 'alternate', rec, raw_id, 'skipped',
         CASE WHEN @extschema@.is_place_name(name)
              THEN format('not a name: isolanguage %L (a code, postal code or link)', raw_lang)
              ELSE format('%L is no place name the gazetteer keeps (an article, a preposition or punctuation)', name) END,
         tid
  FROM sn_gn_alt WHERE outcome = 'not a name';
  -- names of places not in the gazetteer: one import_issues row for them all (the
  -- worldwide file holds millions), with the first of them as its raw row
  INSERT INTO sn_gn_issues (source, rec, ext, action, reason, tid)
  SELECT 'alternate', min(rec), NULL, 'skipped',
         format('%s alternate names of %s geonameids that are not in the gazetteer (load their dump first, or filter the file to the countries loaded)',
                count(*), count(DISTINCT gid)),
         (array_agg(tid ORDER BY rec))[1]
  FROM sn_gn_alt WHERE outcome = 'no place' HAVING count(*) > 0;
  n_skipped := n_skipped + coalesce((SELECT count(*) - 1 FROM sn_gn_alt WHERE outcome = 'no place' HAVING count(*) > 0), 0);
  UPDATE sn_gn_alt SET outcome = 'repaired' WHERE outcome IS NULL AND name <> name_as_given;
  INSERT INTO sn_gn_issues (source, rec, ext, action, reason, tid)
  SELECT 'alternate', rec, raw_id, 'kept',
         format('name %L repaired to %L (UTF-8 read as Latin-1)', name_as_given, name), tid
  FROM sn_gn_alt WHERE outcome = 'repaired';
  WITH ins AS (
    INSERT INTO @extschema@.place_names (place_id, name, lang)
    SELECT DISTINCT ON (a.place_id, a.name) a.place_id, a.name,
           CASE WHEN a.lang ~ '^[a-z]{2,3}(-[a-z0-9]{1,8})*$' THEN a.lang END
    FROM sn_gn_alt a WHERE a.outcome IS NULL OR a.outcome = 'repaired'
    ORDER BY a.place_id, a.name, a.lang NULLS LAST
    -- a name the place has already (its own name, from the dump without a
    -- language) keeps what it had: the same in every language
    ON CONFLICT (place_id, name) DO NOTHING
    RETURNING place_id, name
  )
  UPDATE sn_gn_alt a SET outcome = 'imported'
  FROM ins WHERE ins.place_id = a.place_id AND ins.name = a.name AND a.outcome IS NULL;
  -- names the place had, or the same name twice in the file: nothing written
  UPDATE sn_gn_alt SET outcome = 'unchanged' WHERE outcome IS NULL;

  -- 6. The hierarchy of the countries in the batch, from the admin codes.
  UPDATE sn_gn_rows g SET notes = g.notes || h.notes
  FROM (SELECT b.place_id, array_agg(b.note) AS notes
        FROM @extschema@.geonames_build_hierarchy(
               ARRAY(SELECT DISTINCT ctry FROM sn_gn_rows UNION SELECT DISTINCT ctry FROM sn_gn_codes)) b
        GROUP BY b.place_id) h
  WHERE h.place_id = g.place_id;

  -- the GeoNames identity of the shipped sample places: the user's rows of
  -- place_geonames_links, which pg_dump keeps and a restore puts back on the
  -- sample rows it recreates (place_geonames_link_apply)
  INSERT INTO @extschema@.place_geonames_links AS l
         (place_id, geonames_id, feature_class, feature_code, population, admin_level, admin1_code,
          admin2_code, admin3_code, admin4_code, geonames_modified, location, parent_id, parent_basis)
  SELECT p.id, p.geonames_id, p.feature_class, p.feature_code, p.population, p.admin_level, p.admin1_code,
         p.admin2_code, p.admin3_code, p.admin4_code, p.geonames_modified, p.location, p.parent_id, p.parent_basis
  FROM @extschema@.places p
  WHERE p.sample AND p.geonames_id IS NOT NULL
  ON CONFLICT (place_id) DO UPDATE SET
    geonames_id = EXCLUDED.geonames_id, feature_class = EXCLUDED.feature_class,
    feature_code = EXCLUDED.feature_code, population = EXCLUDED.population,
    admin_level = EXCLUDED.admin_level, admin1_code = EXCLUDED.admin1_code,
    admin2_code = EXCLUDED.admin2_code, admin3_code = EXCLUDED.admin3_code,
    admin4_code = EXCLUDED.admin4_code, geonames_modified = EXCLUDED.geonames_modified,
    location = EXCLUDED.location, parent_id = EXCLUDED.parent_id, parent_basis = EXCLUDED.parent_basis
  WHERE (l.geonames_id, l.feature_class, l.feature_code, l.population, l.admin_level, l.admin1_code,
         l.admin2_code, l.admin3_code, l.admin4_code, l.geonames_modified, l.location::text, l.parent_id,
         l.parent_basis)
        IS DISTINCT FROM
        (EXCLUDED.geonames_id, EXCLUDED.feature_class, EXCLUDED.feature_code, EXCLUDED.population,
         EXCLUDED.admin_level, EXCLUDED.admin1_code, EXCLUDED.admin2_code, EXCLUDED.admin3_code,
         EXCLUDED.admin4_code, EXCLUDED.geonames_modified, EXCLUDED.location::text, EXCLUDED.parent_id,
         EXCLUDED.parent_basis);

  PERFORM @extschema@.model_set_local('sahel_news.allow_sample_changes', guard);
  -- places the codes left in their country (unknown codes, places of the
  -- datasets): under the areas of their nearest localities
  PERFORM @extschema@.attach_places(50000, c)
  FROM (SELECT DISTINCT ctry FROM sn_gn_rows UNION SELECT DISTINCT ctry FROM sn_gn_codes) AS b(c);

  -- 7. The counts and the import_issues rows.
  INSERT INTO sn_gn_issues (source, rec, ext, action, reason, tid)
  SELECT 'dump', g.rec, g.gid::text, 'kept', array_to_string(g.notes, '; '), g.tid
  FROM sn_gn_rows g WHERE cardinality(g.notes) > 0;
  INSERT INTO @extschema@.import_issues (run_id, dataset, record, external_id, action, reason, raw)
  SELECT run, 'geonames', i.rec, i.ext, i.action,
         CASE i.source WHEN 'dump' THEN i.reason ELSE i.source || ' file: ' || i.reason END,
         coalesce(i.raw, CASE i.source
           WHEN 'dump' THEN (SELECT to_jsonb(r) FROM @extschema@.geonames_raw r WHERE r.ctid = i.tid)
           WHEN 'alternate' THEN (SELECT to_jsonb(r) FROM @extschema@.geonames_alternate_names_raw r WHERE r.ctid = i.tid)
         END)
  FROM sn_gn_issues i ORDER BY i.source, i.rec;

  SELECT count(*) INTO n FROM @extschema@.geonames_raw;
  n_read := n;
  SELECT count(*) INTO n FROM sn_gn_codes;
  n_read := n_read + n + (SELECT count(*) FROM sn_gn_issues WHERE source LIKE 'admin%');
  n_read := n_read + (SELECT count(*) FROM sn_gn_alt);
  n_skipped := n_skipped + (SELECT count(*) FROM sn_gn_issues WHERE action = 'skipped');
  n_flagged := (SELECT count(*) FROM sn_gn_issues WHERE action <> 'skipped');
  n_imported := (SELECT count(*) FROM sn_gn_rows WHERE inserted AND cardinality(notes) = 0)
              + (SELECT count(*) FROM sn_gn_codes WHERE inserted)
              + (SELECT count(*) FROM sn_gn_alt WHERE outcome = 'imported');
  -- a dump or code-file row whose place was stored before this run and that
  -- this run did not change (the provenance trigger stamps changed_run only
  -- on a real change), and an alternate name the place had: unchanged; the
  -- rest (their place created or changed by this run) updated
  ids := ARRAY(SELECT p.id FROM @extschema@.places p WHERE p.changed_run = run OR p.created_run = run);
  n_unchanged := (SELECT count(*) FROM sn_gn_rows
                  WHERE NOT inserted AND cardinality(notes) = 0 AND place_id <> ALL (ids))
               + (SELECT count(*) FROM sn_gn_codes WHERE NOT inserted AND place_id <> ALL (ids))
               + (SELECT count(*) FROM sn_gn_alt WHERE outcome = 'unchanged');
  n_updated := n_read - n_imported - n_unchanged - n_skipped - n_flagged;

  TRUNCATE @extschema@.geonames_raw, @extschema@.geonames_admin1_raw, @extschema@.geonames_admin2_raw,
           @extschema@.geonames_alternate_names_raw;
  DROP TABLE pg_temp.sn_gn_rows, pg_temp.sn_gn_codes, pg_temp.sn_gn_alt, pg_temp.sn_gn_match, pg_temp.sn_gn_issues,
             pg_temp.sn_gn_stored, pg_temp.sn_gn_linkable, pg_temp.sn_gn_linkable_names;
  RETURN @extschema@.loader_finish(run, n_read, n_imported, n_updated, n_skipped, n_flagged, n_unchanged);
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_geonames() IS
  'Imports the staged GeoNames files (geonames_raw, geonames_admin1_raw, geonames_admin2_raw, geonames_alternate_names_raw) into places and place_names, set-based: one place per geonameid (a re-import updates it where a value differs, else counts it unchanged and writes nothing; an older record than the stored one is skipped), linked to an existing place that is the same (the country, an area of the same admin name, a place of the same name within 25 km); every name, ASCII name and alternate name (with its language from the alternateNames file); then the administrative hierarchy of the countries loaded (geonames_build_hierarchy).  Returns the import_runs row; quirks are listed in import_issues.  Empties the staging tables.';

-- ---------------------------------------------------------------------------
-- The GeoNames identity of the shipped sample places, as the user's rows.
--
-- import_geonames() links a shipped sample place (Mali, the Mopti region...)
-- to its GeoNames record: its geonameid, feature, population, admin codes,
-- a point when it had none, its parent in the hierarchy.  Those are columns
-- of a shipped row, which pg_dump leaves out and CREATE EXTENSION recreates
-- as shipped; so the link is also written here, a table of the user's rows
-- that pg_dump keeps, and a trigger puts each row back on its sample place
-- when it is inserted or changed, as a restore does.  Deleting a row leaves
-- the place as it is until the next dump and restore.
CREATE TABLE @extschema@.place_geonames_links (
  place_id bigint PRIMARY KEY REFERENCES @extschema@.places (id) ON DELETE CASCADE,
  geonames_id bigint NOT NULL CHECK (geonames_id > 0),
  feature_class text,
  feature_code text,
  population bigint,
  admin_level smallint,
  admin1_code text,
  admin2_code text,
  admin3_code text,
  admin4_code text,
  geonames_modified date,
  location @extschema@.geopoint,
  parent_id bigint,
  parent_basis text
);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.place_geonames_links', '');
COMMENT ON TABLE @extschema@.place_geonames_links IS
  'The GeoNames identity given to shipped sample places by import_geonames(), kept as the user''s rows (pg_dump keeps them; inserting or changing a row puts it on its place, as a restore does)';
COMMENT ON COLUMN @extschema@.place_geonames_links.place_id IS 'the shipped sample place';
COMMENT ON COLUMN @extschema@.place_geonames_links.geonames_id IS 'its geonameid (places.geonames_id)';
COMMENT ON COLUMN @extschema@.place_geonames_links.feature_class IS 'GeoNames feature class (places.feature_class)';
COMMENT ON COLUMN @extschema@.place_geonames_links.feature_code IS 'GeoNames feature code (places.feature_code)';
COMMENT ON COLUMN @extschema@.place_geonames_links.population IS 'population (places.population)';
COMMENT ON COLUMN @extschema@.place_geonames_links.admin_level IS 'administrative level (places.admin_level)';
COMMENT ON COLUMN @extschema@.place_geonames_links.admin1_code IS 'GeoNames admin1 code (places.admin1_code)';
COMMENT ON COLUMN @extschema@.place_geonames_links.admin2_code IS 'GeoNames admin2 code (places.admin2_code)';
COMMENT ON COLUMN @extschema@.place_geonames_links.admin3_code IS 'GeoNames admin3 code (places.admin3_code)';
COMMENT ON COLUMN @extschema@.place_geonames_links.admin4_code IS 'GeoNames admin4 code (places.admin4_code)';
COMMENT ON COLUMN @extschema@.place_geonames_links.geonames_modified IS 'modification date of the GeoNames record (places.geonames_modified)';
COMMENT ON COLUMN @extschema@.place_geonames_links.location IS 'the place''s point when linked: given to the place only when it has none';
COMMENT ON COLUMN @extschema@.place_geonames_links.parent_id IS 'its parent in the hierarchy (places.parent_id); NULL leaves the shipped parent';
COMMENT ON COLUMN @extschema@.place_geonames_links.parent_basis IS 'why that parent (places.parent_basis)';

CREATE FUNCTION @extschema@.place_geonames_link_apply() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  guard text := current_setting('sahel_news.allow_sample_changes', true);
  target text := '@extschema@.places';
BEGIN
  IF TG_TABLE_NAME <> 'place_geonames_links' THEN
    -- a copy of the reference table on a node of Citus (citus_distribute()):
    -- no query on a table of Citus may run from there, so the update goes
    -- to that node's copy of places, as the one on every other node does
    EXECUTE 'SELECT pg_catalog.shard_name($1, pg_catalog.get_shard_id_for_distribution_column($1))'
      INTO target USING '@extschema@.places'::regclass;
  END IF;
  PERFORM set_config('sahel_news.allow_sample_changes', 'on', true);
  EXECUTE format($u$
  UPDATE %s p SET
    geonames_id = $1.geonames_id, feature_class = $1.feature_class, feature_code = $1.feature_code,
    population = $1.population, admin_level = $1.admin_level, admin1_code = $1.admin1_code,
    admin2_code = $1.admin2_code, admin3_code = $1.admin3_code, admin4_code = $1.admin4_code,
    geonames_modified = $1.geonames_modified, location = coalesce(p.location, $1.location),
    parent_id = coalesce($1.parent_id, p.parent_id),
    parent_basis = CASE WHEN $1.parent_id IS NULL THEN p.parent_basis ELSE $1.parent_basis END
  WHERE p.id = $1.place_id AND p.sample
    AND (p.geonames_id, p.feature_class, p.feature_code, p.population, p.admin_level, p.admin1_code,
         p.admin2_code, p.admin3_code, p.admin4_code, p.geonames_modified, p.location::text,
         p.parent_id, p.parent_basis)
        IS DISTINCT FROM
        ($1.geonames_id, $1.feature_class, $1.feature_code, $1.population, $1.admin_level,
         $1.admin1_code, $1.admin2_code, $1.admin3_code, $1.admin4_code, $1.geonames_modified,
         coalesce(p.location, $1.location)::text, coalesce($1.parent_id, p.parent_id),
         CASE WHEN $1.parent_id IS NULL THEN p.parent_basis ELSE $1.parent_basis END)$u$, target) USING NEW;
  PERFORM set_config('sahel_news.allow_sample_changes', coalesce(guard, ''), true);
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.place_geonames_link_apply() IS
  'Trigger of place_geonames_links: puts a row''s GeoNames identity on its shipped sample place (the guard on shipped rows lifted for that update alone), as after a restore; on Citus (citus_distribute()) it runs on every node''s copy of the reference table and updates that node''s copy of places';
CREATE TRIGGER place_geonames_link_apply AFTER INSERT OR UPDATE ON @extschema@.place_geonames_links
  FOR EACH ROW EXECUTE FUNCTION @extschema@.place_geonames_link_apply();
