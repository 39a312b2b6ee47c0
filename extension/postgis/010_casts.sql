-- extension/postgis/010_casts.sql: geopoint <-> PostGIS geography and geometry.
--
-- sahel_news_postgis is a second extension (requires sahel_news and postgis),
-- so that sahel_news itself never depends on PostGIS.  Its install script runs
-- with the search_path PostgreSQL sets for extension scripts: this schema,
-- then sahel_news, then PostGIS's schema.  Every function here has an
-- SQL-standard body, whose names are bound when the function is created: the
-- PostGIS functions it calls are the ones found now, in PostGIS's own schema,
-- whatever schema PostGIS was installed in and whatever search_path a later
-- caller has.  sahel_news's own objects are named with their schema.
--
-- A geopoint holds latitude and longitude as float8; a PostGIS point holds
-- x = longitude, y = latitude as float8, SRID 4326 (WGS84): the casts copy the
-- two numbers, so geopoint -> geography -> geopoint returns the same value.

-- The one error of this extension's refused values (22023, with why as its
-- detail): the functions below word it for what was refused.
CREATE FUNCTION @extschema@.raise_invalid_parameter(message pg_catalog.text, why pg_catalog.text,
                                                    hint pg_catalog.text DEFAULT NULL)
RETURNS pg_catalog.text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF hint IS NULL THEN
    RAISE EXCEPTION USING MESSAGE = message, ERRCODE = 'invalid_parameter_value', DETAIL = why;
  END IF;
  RAISE EXCEPTION USING MESSAGE = message, ERRCODE = 'invalid_parameter_value', DETAIL = why, HINT = hint;
END
$$;
COMMENT ON FUNCTION @extschema@.raise_invalid_parameter(text, text, text) IS
  'raises the error 22023 (invalid_parameter_value) with message, why as its detail and hint (used by not_a_geopoint, bad_boundary and bad_area)';

CREATE FUNCTION @extschema@.not_a_geopoint(what pg_catalog.text, value pg_catalog.text, why pg_catalog.text)
RETURNS sahel_news.geopoint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.raise_invalid_parameter(
  pg_catalog.format('cannot cast %s to geopoint: "%s"', what, pg_catalog.left(value, 200)), why,
  'A geopoint is one WGS84 point: a 2D POINT with SRID 4326 (ST_SetSRID, ST_Transform, ST_Force2D, ST_PointOnSurface make one).'
)::sahel_news.geopoint;
COMMENT ON FUNCTION @extschema@.not_a_geopoint(text, text, text) IS
  'raises the error (22023) of a geometry or geography that is no geopoint: what type, the value as text, why (used by the casts)';

CREATE FUNCTION @extschema@.geography(sahel_news.geopoint) RETURNS geography
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN geography(st_makepoint(sahel_news.lon($1), sahel_news.lat($1)));
COMMENT ON FUNCTION @extschema@.geography(sahel_news.geopoint) IS
  'the geopoint as a PostGIS geography POINT(lon lat), SRID 4326 (also the cast geopoint::geography)';

CREATE FUNCTION @extschema@.geometry(sahel_news.geopoint) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN st_setsrid(st_makepoint(sahel_news.lon($1), sahel_news.lat($1)), 4326);
COMMENT ON FUNCTION @extschema@.geometry(sahel_news.geopoint) IS
  'the geopoint as a PostGIS geometry POINT(lon lat), SRID 4326 (also the cast geopoint::geometry)';

-- Not STRICT, so that the planner inlines the CASE into the calling query (a
-- STRICT SQL function is inlined only when its body is strict, which a CASE is
-- not); a NULL still gives NULL (every test is NULL, then geopoint(NULL, NULL)).
CREATE FUNCTION @extschema@.geopoint(geometry) RETURNS sahel_news.geopoint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN geometrytype($1) OPERATOR(pg_catalog.<>) 'POINT'
    THEN @extschema@.not_a_geopoint('geometry', st_astext($1), 'it is a ' || geometrytype($1) || ', not a POINT')
  WHEN st_isempty($1)
    THEN @extschema@.not_a_geopoint('geometry', st_astext($1), 'the point is empty')
  WHEN st_srid($1) OPERATOR(pg_catalog.<>) 4326
    THEN @extschema@.not_a_geopoint('geometry', st_astext($1),
           'its SRID is ' || st_srid($1)::text || ', not 4326 (WGS84 longitude/latitude)')
  WHEN st_ndims($1) OPERATOR(pg_catalog.<>) 2
    THEN @extschema@.not_a_geopoint('geometry', st_astext($1), 'it has ' || st_ndims($1)::text || ' dimensions, not 2')
  ELSE sahel_news.geopoint(st_y($1), st_x($1)) END;
COMMENT ON FUNCTION @extschema@.geopoint(geometry) IS
  'the geopoint of a 2D POINT of SRID 4326 (also the cast geometry::geopoint); anything else is an error (22023) saying why';

CREATE FUNCTION @extschema@.geopoint(geography) RETURNS sahel_news.geopoint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.geopoint(geometry($1));
COMMENT ON FUNCTION @extschema@.geopoint(geography) IS
  'the geopoint of a 2D geography POINT of SRID 4326 (also the cast geography::geopoint); anything else is an error (22023) saying why';

-- Assignment casts: explicit in expressions (location::geography), implicit
-- when a value is stored into a column of the other type.  None is implicit
-- in expressions: a geopoint passed to a PostGIS function that exists for
-- both geometry and geography (ST_AsText, ST_Distance) would be ambiguous.
CREATE CAST (sahel_news.geopoint AS geography) WITH FUNCTION @extschema@.geography(sahel_news.geopoint) AS ASSIGNMENT;
CREATE CAST (sahel_news.geopoint AS geometry) WITH FUNCTION @extschema@.geometry(sahel_news.geopoint) AS ASSIGNMENT;
CREATE CAST (geography AS sahel_news.geopoint) WITH FUNCTION @extschema@.geopoint(geography) AS ASSIGNMENT;
CREATE CAST (geometry AS sahel_news.geopoint) WITH FUNCTION @extschema@.geopoint(geometry) AS ASSIGNMENT;
