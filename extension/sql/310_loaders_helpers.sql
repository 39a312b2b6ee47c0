-- extension/sql/310_loaders_helpers.sql — small parsers and look-ups shared by the
-- import_* functions (issue #9).  None of them raises on bad input: they return
-- NULL, and the import functions turn that into a row of import_issues.
--
-- loader_value, loader_int and loader_float run several times per staged row.
-- They have no SET clause, so the planner inlines them into the caller's
-- expression (with SET search_path, each call ran a SQL function executor:
-- about a tenth of a load's time).  Their bodies are SQL-standard (RETURN
-- ...), parsed once when the extension is created, so that without the SET
-- clause they still mean the same whatever the caller's search_path.

-- NULL for what the datasets write for "no value": empty, blanks, NA.
CREATE FUNCTION @extschema@.loader_value(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN v IS NULL OR pg_catalog.btrim(v) IN ('', 'NA', 'N/A') THEN NULL ELSE pg_catalog.btrim(v) END;
COMMENT ON FUNCTION @extschema@.loader_value(text) IS
  'The value of a staged text field, trimmed; NULL for an empty field, blanks, NA or N/A (how the datasets write a missing value).';

-- A whole number, or NULL when the text is not one (never an error).
CREATE FUNCTION @extschema@.loader_int(v text) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.btrim(v) ~ '^[+-]?[0-9]{1,18}(\.0+)?$'
            THEN pg_catalog.split_part(pg_catalog.btrim(v), '.', 1)::bigint END;
COMMENT ON FUNCTION @extschema@.loader_int(text) IS
  'A staged field read as a whole number (an optional sign, up to 18 digits, an optional .0); NULL when it is anything else, never an error.';

-- A decimal number, or NULL.
CREATE FUNCTION @extschema@.loader_float(v text) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.btrim(v) ~ '^[+-]?([0-9]{1,15}(\.[0-9]{0,15})?|\.[0-9]{1,15})$'
            THEN pg_catalog.btrim(v)::float8 END;
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
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m text[];
  t text := btrim(v);
  months constant text[] := ARRAY['january', 'february', 'march', 'april', 'may', 'june', 'july',
                                  'august', 'september', 'october', 'november', 'december'];
  mon integer;
BEGIN
  IF t IS NULL THEN
    RETURN NULL;
  END IF;
  m := regexp_match(t, '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$');
  IF m IS NOT NULL THEN
    RETURN @extschema@.loader_make_date(m[1]::integer, m[2]::integer, m[3]::integer);
  END IF;
  m := regexp_match(t, '^([0-9]{4})([0-9]{2})([0-9]{2})$');
  IF m IS NOT NULL THEN
    RETURN @extschema@.loader_make_date(m[1]::integer, m[2]::integer, m[3]::integer);
  END IF;
  m := regexp_match(t, '^([0-9]{1,2}) ([A-Za-z]+) ([0-9]{4})$');
  IF m IS NOT NULL THEN
    mon := array_position(months, lower(m[2]));
    IF mon IS NULL AND length(m[2]) = 3 THEN
      SELECT i INTO mon FROM generate_subscripts(months, 1) i WHERE left(months[i], 3) = lower(m[2]);
    END IF;
    IF mon IS NULL THEN
      RETURN NULL;
    END IF;
    RETURN @extschema@.loader_make_date(m[3]::integer, mon, m[1]::integer);
  END IF;
  RETURN NULL;
END
$$;
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
