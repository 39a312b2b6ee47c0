-- extension/sql/310_loaders_helpers.sql — small parsers and look-ups shared by the
-- import_* functions.  None of them raises on bad input: they return
-- NULL, and the import functions turn that into a row of import_issues.
--
-- loader_value, loader_int, loader_float and loader_date run several times
-- per staged row, millions of times in a large load: they are C
-- (extension/core/loader_fields.c, unit-tested and fuzzed on their own), plain
-- scans where the regular expressions they replace cost more than the rest
-- of the parse.

-- NULL for what the datasets write for "no value": empty, blanks, NA.
CREATE FUNCTION @extschema@.loader_value(v text) RETURNS text
  AS 'MODULE_PATHNAME', 'loader_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loader_value(text) IS
  'The value of a staged text field, trimmed of spaces; NULL for an empty field, blanks, NA or N/A (how the datasets write a missing value).';

-- A whole number, or NULL when the text is not one (never an error).
CREATE FUNCTION @extschema@.loader_int(v text) RETURNS bigint
  AS 'MODULE_PATHNAME', 'loader_int' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loader_int(text) IS
  'A staged field read as a whole number (an optional sign, up to 18 digits, an optional .0); NULL when it is anything else, never an error.';

-- A decimal number, or NULL.
CREATE FUNCTION @extschema@.loader_float(v text) RETURNS float8
  AS 'MODULE_PATHNAME', 'loader_float' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loader_float(text) IS
  'A staged field read as a decimal number (plain notation, up to 15 digits each side of the point); NULL when it is anything else, never an error.';

-- A calendar date from its parts, or NULL when the parts name no day.
CREATE FUNCTION @extschema@.loader_make_date(y integer, m integer, d integer) RETURNS date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF y < 1 OR y > 9999 OR m < 1 OR m > 12 OR d < 1 THEN
    RETURN NULL;
  END IF;
  IF d > extract(day FROM (pg_catalog.make_date(y, m, 1) + interval '1 month' - interval '1 day'))::integer THEN
    RETURN NULL;
  END IF;
  RETURN pg_catalog.make_date(y, m, d);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_make_date(integer, integer, integer) IS
  'The date with that year (1-9999), month and day, or NULL when there is no such day (30 February), never an error.';

-- The dates the datasets write: 2022-03-26 (ACLED, UCDP, IPI), 20220326 (GDELT),
-- 26 March 2022 (older ACLED exports).  Anything else is NULL.
CREATE FUNCTION @extschema@.loader_date(v text) RETURNS date
  AS 'MODULE_PATHNAME', 'loader_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loader_date(text) IS
  'A staged date field read as a date: YYYY-MM-DD, YYYYMMDD or "26 March 2022" (English month, full or three letters).  NULL for anything else or a day that does not exist, never an error: the loaders flag the row.';

-- UTF-8 text that was once decoded as Latin-1 ("SÃ©gou" for "Ségou"), put right.
-- Only text made entirely of such pairs and triples (and ASCII) is changed, so
-- genuine Latin text such as "Ã©tude" is left alone unless it really is
-- mojibake; text that is not mojibake comes back unchanged.
CREATE FUNCTION @extschema@.repair_mojibake(v text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  seq constant text := '[\u00c2-\u00df][\u0080-\u00bf]|\u00e0[\u00a0-\u00bf][\u0080-\u00bf]|[\u00e1-\u00ec\u00ee\u00ef][\u0080-\u00bf]{2}|\u00ed[\u0080-\u009f][\u0080-\u00bf]|\u00f0[\u0090-\u00bf][\u0080-\u00bf]{2}|[\u00f1-\u00f3][\u0080-\u00bf]{3}|\u00f4[\u0080-\u008f][\u0080-\u00bf]{2}';
BEGIN
  IF pg_catalog.getdatabaseencoding() <> 'UTF8' OR v !~ seq THEN
    RETURN v;
  END IF;
  -- every non-ASCII character must belong to a UTF-8 sequence read as Latin-1
  IF regexp_replace(v, seq, '', 'g') ~ '[^\u0001-\u007f]' THEN
    RETURN v;
  END IF;
  RETURN convert_from(convert_to(v, 'LATIN1'), 'UTF8');
END
$$;
COMMENT ON FUNCTION @extschema@.repair_mojibake(text) IS
  'Repairs UTF-8 text that was decoded as Latin-1 somewhere upstream ("SÃ©gou" becomes "Ségou"); text that is not entirely made of such sequences and ASCII is returned unchanged.  The loaders apply it to names and record each repair in import_issues.';

-- Whether text can be mojibake at all: it holds a character that can begin
-- a UTF-8 sequence read as Latin-1 (U+00C2..U+00F4), in a UTF-8 database (a
-- database's encoding never changes, as repair_mojibake assumes too).
CREATE FUNCTION @extschema@.loader_may_be_mojibake(v text) RETURNS boolean
  AS 'MODULE_PATHNAME', 'loader_may_be_mojibake' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loader_may_be_mojibake(text) IS
  'True when the text holds a character U+00C2..U+00F4 (one that can begin a UTF-8 sequence read as Latin-1) and the database is UTF-8: only then can repair_mojibake change it (internal to the loaders).';

-- repair_mojibake for the loaders' statements: text without any character
-- that can begin a UTF-8 sequence read as Latin-1, nearly every name, is
-- returned without calling the PL/pgSQL function.
CREATE FUNCTION @extschema@.loader_repair(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN @extschema@.loader_may_be_mojibake(v) THEN @extschema@.repair_mojibake(v) ELSE v END;
COMMENT ON FUNCTION @extschema@.loader_repair(text) IS
  'repair_mojibake(v), without the call for text that cannot hold mojibake (no character U+00C2..U+00F4); inlined into the loaders'' statements.';

-- The digest of a whole staged row (events.load_digest): XXH3's 128-bit hash
-- (libxxhash, through extension/core/sn_digest.c) of the salt, then each
-- column's text or NULL, column by column.  Not cryptographic; it tells the very row that
-- stored an event from any other, as md5 of the row as text did before at
-- some twenty times the cost.
CREATE FUNCTION @extschema@.loader_row_digest(salt text, r record) RETURNS uuid
  AS 'MODULE_PATHNAME', 'loader_row_digest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loader_row_digest(text, record) IS
  'A 128-bit digest (not cryptographic) of salt followed by every column of the row, each its text or NULL; the loaders salt it with the extension''s version and keep it in events.load_digest (internal to the loaders).';

-- Gleditsch-Ward number -> ISO alpha-3, for every number country_from_gw()
-- accepts: the countries' own numbers and those of former states it reads as
-- their successor (345, Yugoslavia, which UCDP keeps for Serbia).  Asking
-- country_from_gw() itself keeps the loaders and the function in step.
CREATE FUNCTION @extschema@.loader_gw_map() RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m jsonb := '{}';
  c @extschema@.country;
BEGIN
  FOR n IN 1..999 LOOP
    BEGIN
      c := @extschema@.country_from_gw(n);
      m := m || jsonb_build_object(n::text, c::text);
    EXCEPTION WHEN invalid_text_representation THEN
      NULL;  -- not a number country_from_gw() knows
    END;
  END LOOP;
  RETURN m;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_gw_map() IS
  'A jsonb object from every Gleditsch-Ward number that country_from_gw() accepts (1 to 999, as text) to its country''s alpha-3 code, including former states'' numbers read as their successor (345: SRB); import_ucdp_ged() looks codes up in it without raising.';

-- One of the codings countries() lists (iso3, iso_numeric, fips, cow) -> the
-- country: a jsonb object from each code of that coding to its country's
-- alpha-3 code, in which the loaders look a staged code up without raising.
CREATE FUNCTION @extschema@.loader_code_map(coding text) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT jsonb_object_agg(k.code, k.country) FILTER (WHERE k.code IS NOT NULL)
  FROM (SELECT CASE coding WHEN 'iso3' THEN c.iso3
                           WHEN 'iso_numeric' THEN c.iso_numeric::text
                           WHEN 'fips' THEN c.fips
                           WHEN 'cow' THEN c.cow_code::text END AS code,
               c.country::text AS country
        FROM @extschema@.countries() c) k
$$;
COMMENT ON FUNCTION @extschema@.loader_code_map(text) IS
  'A jsonb object from every code of one coding countries() lists (iso3, iso_numeric, fips or cow) to its country''s alpha-3 code; the loaders look staged codes up in it without raising (internal to the loaders).';

-- How far, in metres, the true site of an event may lie from the point its
-- dataset gives, read from the dataset's own precision code.  One function for
-- every loader, so that events of different datasets compare on one scale
-- (event matching reads it as the radius within which two events may be the
-- same).  The figures are the size of what each code says the point stands
-- for: a town (2 km), the area around a town or a district (25 km), a
-- second-order administrative area (50 km), a first-order one (150 km), a
-- country (1,000 km).
CREATE FUNCTION @extschema@.loader_precision_dataset_unknown(dataset text) RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'location_precision_m has no precision codes for dataset %', coalesce(quote_literal(dataset), 'NULL')
    USING ERRCODE = '22023',
          HINT = 'Datasets with precision codes here: acled (geo_precision 1-3), ucdp_ged (where_prec 1-7), gdelt (ActionGeo_Type 1-5), gtd (specificity 1-5), scad (1-4).';
END
$$;
COMMENT ON FUNCTION @extschema@.loader_precision_dataset_unknown(text) IS
  'Raises the error of location_precision_m for a dataset it does not know (internal).';

CREATE FUNCTION @extschema@.location_precision_m(dataset text, code integer) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE dataset
  -- ACLED geo_precision: 1 the town itself; 2 near the town, or a part of a
  -- region coded at a representative town; 3 only the region is known, coded
  -- at a natural location or its capital
  WHEN 'acled' THEN CASE code WHEN 1 THEN 2000 WHEN 2 THEN 25000 WHEN 3 THEN 100000 END
  -- UCDP GED where_prec: 1 the exact place; 2 the area around it; 3 a
  -- second-order division (ADM2 centroid); 4 a first-order one (ADM1
  -- centroid); 5 a line or area between places, or a part of a country
  -- larger than ADM1; 6 the country; 7 international waters or airspace.
  -- The codebook orders the codes by decreasing accuracy, so 5 is given at
  -- least ADM1's radius: it may mean an area larger than a province, and a
  -- far larger radius would take its points between two places (the other
  -- meaning, which the code does not tell apart) too far from where they are
  WHEN 'ucdp_ged' THEN CASE code WHEN 1 THEN 2000 WHEN 2 THEN 25000 WHEN 3 THEN 50000 WHEN 4 THEN 150000
                                 WHEN 5 THEN 150000 WHEN 6 THEN 1000000 WHEN 7 THEN 1000000 END
  -- GDELT ActionGeo_Type: 1 a country; 2 a US state; 3 a US city; 4 a world
  -- city; 5 a world first-order division (ADM1); 0 no geography (NULL)
  WHEN 'gdelt' THEN CASE code WHEN 1 THEN 1000000 WHEN 2 THEN 300000 WHEN 3 THEN 10000 WHEN 4 THEN 10000
                              WHEN 5 THEN 150000 END
  -- GTD specificity (codebook): 1 the event's own city or town, 2 the
  -- centroid of a smaller region (a district), 3 the centroid of a larger
  -- region or a city given without the town, 4 no second-order region: the
  -- province, 5 no province either (the country, or coordinates missing)
  WHEN 'gtd' THEN CASE code WHEN 1 THEN 2000 WHEN 2 THEN 25000 WHEN 3 THEN 50000 WHEN 4 THEN 150000
                            WHEN 5 THEN 300000 END
  -- SCAD: its exports give location_precision as blank (the coordinates are
  -- the place's own) or "no" (the location is approximate: a district
  -- assigned to its city, a place near the one named), and say in
  -- gislocnum/locnum what kind of place was coded (1 the capital, 2 a large
  -- city, 3 another town or village, 4-5 several towns, each its own row, 6 a
  -- region or rural area, 7-8 nationwide).  import_scad() reads these as one
  -- code (loader_scad_precision_code()): 1 a town or city, 2 an approximate
  -- location, 3 a region, 4 the whole country
  WHEN 'scad' THEN CASE code WHEN 1 THEN 10000 WHEN 2 THEN 50000 WHEN 3 THEN 150000 WHEN 4 THEN 1000000 END
  ELSE @extschema@.loader_precision_dataset_unknown(dataset)
END;
COMMENT ON FUNCTION @extschema@.location_precision_m(text, integer) IS
  'How far, in metres, an event''s true site may lie from its point, from its dataset''s precision code: acled geo_precision 1/2/3 = 2,000/25,000/100,000; ucdp_ged where_prec 1..7 = 2,000/25,000/50,000/150,000/100,000/1,000,000/1,000,000; gdelt ActionGeo_Type 4 or 3 (a city) = 10,000, 5 (ADM1) = 150,000, 2 (US state) = 300,000, 1 (country) = 1,000,000; gtd specificity 1..5 = 2,000/25,000/50,000/150,000/300,000; scad 1 (a town) = 10,000, 2 (approximate) = 50,000, 3 (a region) = 150,000, 4 (nationwide) = 1,000,000 (loader_scad_precision_code reads SCAD''s columns as that code).  NULL for a code outside its dataset''s scale (or NULL); a dataset without codes is an error (22023).  events.location_precision_m holds it.';
