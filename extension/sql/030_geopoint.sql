-- extension/sql/030_geopoint.sql
-- geopoint: a WGS84 position (latitude, longitude in degrees, 16 bytes) with
-- geodesic distance in metres and a GiST index for nearest-neighbour (<->)
-- and radius (dwithin) search.  C code: extension/pg/geopoint.c,
-- geopoint_gist.c over extension/core/geopoint.c, geopoint_index.c.

-- ---------------------------------------------------------------------------
-- The type

CREATE TYPE @extschema@.geopoint;

CREATE FUNCTION @extschema@.geopoint_in(pg_catalog.cstring) RETURNS @extschema@.geopoint
  AS 'MODULE_PATHNAME', 'geopoint_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_out(@extschema@.geopoint) RETURNS pg_catalog.cstring
  AS 'MODULE_PATHNAME', 'geopoint_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_recv(internal) RETURNS @extschema@.geopoint
  AS 'MODULE_PATHNAME', 'geopoint_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_send(@extschema@.geopoint) RETURNS pg_catalog.bytea
  AS 'MODULE_PATHNAME', 'geopoint_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.geopoint (
  INTERNALLENGTH = 16,
  INPUT = @extschema@.geopoint_in,
  OUTPUT = @extschema@.geopoint_out,
  RECEIVE = @extschema@.geopoint_recv,
  SEND = @extschema@.geopoint_send,
  ALIGNMENT = double,
  STORAGE = plain
);

-- ---------------------------------------------------------------------------
-- Constructors, accessors, output forms, casts

CREATE FUNCTION @extschema@.geopoint(lat pg_catalog.float8, lon pg_catalog.float8)
  RETURNS @extschema@.geopoint
  AS 'MODULE_PATHNAME', 'geopoint_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.lat(@extschema@.geopoint) RETURNS pg_catalog.float8
  AS 'MODULE_PATHNAME', 'geopoint_lat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.lon(@extschema@.geopoint) RETURNS pg_catalog.float8
  AS 'MODULE_PATHNAME', 'geopoint_lon' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.to_geojson(@extschema@.geopoint) RETURNS pg_catalog.json
  AS 'MODULE_PATHNAME', 'geopoint_to_geojson' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.to_wkt(@extschema@.geopoint) RETURNS pg_catalog.text
  AS 'MODULE_PATHNAME', 'geopoint_to_wkt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.point(@extschema@.geopoint) RETURNS pg_catalog.point
  AS 'MODULE_PATHNAME', 'geopoint_to_point' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint(pg_catalog.point) RETURNS @extschema@.geopoint
  AS 'MODULE_PATHNAME', 'geopoint_from_point' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (@extschema@.geopoint AS pg_catalog.point)
  WITH FUNCTION @extschema@.point(@extschema@.geopoint);
CREATE CAST (pg_catalog.point AS @extschema@.geopoint)
  WITH FUNCTION @extschema@.geopoint(pg_catalog.point);

-- ---------------------------------------------------------------------------
-- Distance and radius search

CREATE FUNCTION @extschema@.distance(@extschema@.geopoint, @extschema@.geopoint)
  RETURNS pg_catalog.float8
  AS 'MODULE_PATHNAME', 'geopoint_distance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 20;

CREATE OPERATOR @extschema@.<-> (
  LEFTARG = @extschema@.geopoint, RIGHTARG = @extschema@.geopoint,
  FUNCTION = @extschema@.distance, COMMUTATOR = OPERATOR(@extschema@.<->)
);

CREATE FUNCTION @extschema@.geodisc(centre @extschema@.geopoint, metres pg_catalog.float8)
  RETURNS pg_catalog.circle
  AS 'MODULE_PATHNAME', 'geopoint_disc' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_in_disc(@extschema@.geopoint, pg_catalog.circle)
  RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'geopoint_in_disc' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 20;

CREATE OPERATOR @extschema@.<@ (
  LEFTARG = @extschema@.geopoint, RIGHTARG = pg_catalog.circle,
  FUNCTION = @extschema@.geopoint_in_disc,
  RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);

CREATE FUNCTION @extschema@.geopoint_dwithin_support(internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'geopoint_dwithin_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.dwithin(@extschema@.geopoint, @extschema@.geopoint, metres pg_catalog.float8)
  RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'geopoint_dwithin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 20
  SUPPORT @extschema@.geopoint_dwithin_support;

-- ---------------------------------------------------------------------------
-- btree and hash: ordered by latitude, then longitude

CREATE FUNCTION @extschema@.geopoint_cmp(@extschema@.geopoint, @extschema@.geopoint) RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'geopoint_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.geopoint_lt(@extschema@.geopoint, @extschema@.geopoint) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'geopoint_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.geopoint_le(@extschema@.geopoint, @extschema@.geopoint) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'geopoint_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.geopoint_eq(@extschema@.geopoint, @extschema@.geopoint) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'geopoint_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.geopoint_ne(@extschema@.geopoint, @extschema@.geopoint) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'geopoint_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.geopoint_ge(@extschema@.geopoint, @extschema@.geopoint) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'geopoint_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.geopoint_gt(@extschema@.geopoint, @extschema@.geopoint) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'geopoint_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.geopoint_hash(@extschema@.geopoint) RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'geopoint_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.geopoint_hash_extended(@extschema@.geopoint, pg_catalog.int8) RETURNS pg_catalog.int8
  AS 'MODULE_PATHNAME', 'geopoint_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.< (
  LEFTARG = @extschema@.geopoint, RIGHTARG = @extschema@.geopoint, FUNCTION = @extschema@.geopoint_lt,
  COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
  RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
  LEFTARG = @extschema@.geopoint, RIGHTARG = @extschema@.geopoint, FUNCTION = @extschema@.geopoint_le,
  COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
  RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.geopoint, RIGHTARG = @extschema@.geopoint, FUNCTION = @extschema@.geopoint_eq,
  COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
  RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
  LEFTARG = @extschema@.geopoint, RIGHTARG = @extschema@.geopoint, FUNCTION = @extschema@.geopoint_ne,
  COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
  RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.>= (
  LEFTARG = @extschema@.geopoint, RIGHTARG = @extschema@.geopoint, FUNCTION = @extschema@.geopoint_ge,
  COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
  RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.> (
  LEFTARG = @extschema@.geopoint, RIGHTARG = @extschema@.geopoint, FUNCTION = @extschema@.geopoint_gt,
  COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
  RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);

CREATE OPERATOR CLASS @extschema@.geopoint_ops
  DEFAULT FOR TYPE @extschema@.geopoint USING btree AS
  OPERATOR 1 @extschema@.<,
  OPERATOR 2 @extschema@.<=,
  OPERATOR 3 @extschema@.=,
  OPERATOR 4 @extschema@.>=,
  OPERATOR 5 @extschema@.>,
  FUNCTION 1 @extschema@.geopoint_cmp(@extschema@.geopoint, @extschema@.geopoint);

CREATE OPERATOR CLASS @extschema@.geopoint_ops
  DEFAULT FOR TYPE @extschema@.geopoint USING hash AS
  OPERATOR 1 @extschema@.=,
  FUNCTION 1 @extschema@.geopoint_hash(@extschema@.geopoint),
  FUNCTION 2 @extschema@.geopoint_hash_extended(@extschema@.geopoint, pg_catalog.int8);

-- ---------------------------------------------------------------------------
-- GiST: keys are boxes in earth-centred 3-D space (geopoint_index.h)

CREATE TYPE @extschema@.geopoint_gist_key;
CREATE FUNCTION @extschema@.geopoint_gist_key_in(pg_catalog.cstring) RETURNS @extschema@.geopoint_gist_key
  AS 'MODULE_PATHNAME', 'geopoint_gist_key_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_gist_key_out(@extschema@.geopoint_gist_key) RETURNS pg_catalog.cstring
  AS 'MODULE_PATHNAME', 'geopoint_gist_key_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.geopoint_gist_key (
  INTERNALLENGTH = 24,
  INPUT = @extschema@.geopoint_gist_key_in,
  OUTPUT = @extschema@.geopoint_gist_key_out,
  ALIGNMENT = int4,
  STORAGE = plain
);

CREATE FUNCTION @extschema@.geopoint_gist_consistent(internal, @extschema@.geopoint, pg_catalog.int2, pg_catalog.oid, internal)
  RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'geopoint_gist_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_gist_union(internal, internal) RETURNS @extschema@.geopoint_gist_key
  AS 'MODULE_PATHNAME', 'geopoint_gist_union' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_gist_compress(internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'geopoint_gist_compress' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_gist_penalty(internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'geopoint_gist_penalty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_gist_picksplit(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'geopoint_gist_picksplit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_gist_same(@extschema@.geopoint_gist_key, @extschema@.geopoint_gist_key, internal)
  RETURNS internal
  AS 'MODULE_PATHNAME', 'geopoint_gist_same' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.geopoint_gist_distance(internal, @extschema@.geopoint, pg_catalog.int2, pg_catalog.oid, internal)
  RETURNS pg_catalog.float8
  AS 'MODULE_PATHNAME', 'geopoint_gist_distance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR CLASS @extschema@.geopoint_gist_ops
  DEFAULT FOR TYPE @extschema@.geopoint USING gist AS
  OPERATOR 8 @extschema@.<@ (@extschema@.geopoint, pg_catalog.circle),
  OPERATOR 15 @extschema@.<-> (@extschema@.geopoint, @extschema@.geopoint) FOR ORDER BY pg_catalog.float_ops,
  FUNCTION 1 @extschema@.geopoint_gist_consistent(internal, @extschema@.geopoint, pg_catalog.int2, pg_catalog.oid, internal),
  FUNCTION 2 @extschema@.geopoint_gist_union(internal, internal),
  FUNCTION 3 @extschema@.geopoint_gist_compress(internal),
  FUNCTION 5 @extschema@.geopoint_gist_penalty(internal, internal, internal),
  FUNCTION 6 @extschema@.geopoint_gist_picksplit(internal, internal),
  FUNCTION 7 @extschema@.geopoint_gist_same(@extschema@.geopoint_gist_key, @extschema@.geopoint_gist_key, internal),
  FUNCTION 8 @extschema@.geopoint_gist_distance(internal, @extschema@.geopoint, pg_catalog.int2, pg_catalog.oid, internal),
  STORAGE @extschema@.geopoint_gist_key;

-- Sorted index build (GiST support function 11) exists from PostgreSQL 14;
-- 13 refuses it, so it is added only where the server has it.
CREATE FUNCTION @extschema@.geopoint_gist_sortsupport(internal) RETURNS void
  AS 'MODULE_PATHNAME', 'geopoint_gist_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
DO $$
BEGIN
  IF pg_catalog.current_setting('server_version_num')::pg_catalog.int4 >= 140000 THEN
    ALTER OPERATOR FAMILY @extschema@.geopoint_gist_ops USING gist
      ADD FUNCTION 11 (@extschema@.geopoint) @extschema@.geopoint_gist_sortsupport(internal);
  END IF;
END $$;

-- ---------------------------------------------------------------------------
-- Comments

COMMENT ON TYPE @extschema@.geopoint IS
  'A WGS84 position: latitude and longitude in degrees (16 bytes). Reads "12.6392, -8.0029" (latitude first), "12.6392N 8.0029W", degrees-minutes-seconds, WKT and EWKT (SRID 4326); prints "12.6392N 8.0029W" exactly.';
COMMENT ON FUNCTION @extschema@.geopoint_in(pg_catalog.cstring) IS 'Text input of geopoint';
COMMENT ON FUNCTION @extschema@.geopoint_out(@extschema@.geopoint) IS 'Text output of geopoint: shortest exact decimals with hemisphere letters';
COMMENT ON FUNCTION @extschema@.geopoint_recv(internal) IS 'Binary input of geopoint (latitude, longitude as float8), validated';
COMMENT ON FUNCTION @extschema@.geopoint_send(@extschema@.geopoint) IS 'Binary output of geopoint (latitude, longitude as float8)';
COMMENT ON FUNCTION @extschema@.geopoint(pg_catalog.float8, pg_catalog.float8) IS
  'The geopoint at latitude lat and longitude lon (degrees; longitude brought into (-180, 180])';
COMMENT ON FUNCTION @extschema@.lat(@extschema@.geopoint) IS 'Latitude in degrees north, -90 to 90';
COMMENT ON FUNCTION @extschema@.lon(@extschema@.geopoint) IS 'Longitude in degrees east, (-180, 180]';
COMMENT ON FUNCTION @extschema@.to_geojson(@extschema@.geopoint) IS 'A GeoJSON Point (RFC 7946): coordinates are [longitude, latitude]';
COMMENT ON FUNCTION @extschema@.to_wkt(@extschema@.geopoint) IS
  'WKT POINT(longitude latitude); ST_GeogFromText(to_wkt(p)) hands the point to PostGIS';
COMMENT ON FUNCTION @extschema@.point(@extschema@.geopoint) IS 'Cast to point: x = longitude, y = latitude';
COMMENT ON FUNCTION @extschema@.geopoint(pg_catalog.point) IS 'Cast from point: x = longitude, y = latitude, validated';
COMMENT ON FUNCTION @extschema@.distance(@extschema@.geopoint, @extschema@.geopoint) IS
  'Geodesic distance on the WGS84 ellipsoid in metres (Karney''s algorithm, PROJ)';
COMMENT ON OPERATOR @extschema@.<-> (@extschema@.geopoint, @extschema@.geopoint) IS
  'Geodesic distance in metres; ORDER BY col <-> point LIMIT k is a GiST nearest-neighbour search';
COMMENT ON FUNCTION @extschema@.geodisc(@extschema@.geopoint, pg_catalog.float8) IS
  'The disc of points within metres of centre, as a circle centred on (longitude, latitude) for the operator <@';
COMMENT ON FUNCTION @extschema@.geopoint_in_disc(@extschema@.geopoint, pg_catalog.circle) IS
  'Is the point within the geodisc (geodesic distance to its centre at most its radius in metres)?';
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.geopoint, pg_catalog.circle) IS
  'Point within a geodisc: p <@ geodisc(c, r) is dwithin(p, c, r); GiST-indexable';
COMMENT ON FUNCTION @extschema@.geopoint_dwithin_support(internal) IS
  'Planner support for dwithin: turns it into a GiST index search and estimates its selectivity';
COMMENT ON FUNCTION @extschema@.dwithin(@extschema@.geopoint, @extschema@.geopoint, pg_catalog.float8) IS
  'Is the geodesic distance at most metres? Uses a geopoint GiST index on either argument';
COMMENT ON FUNCTION @extschema@.geopoint_cmp(@extschema@.geopoint, @extschema@.geopoint) IS 'btree order of geopoint: latitude, then longitude';
COMMENT ON FUNCTION @extschema@.geopoint_lt(@extschema@.geopoint, @extschema@.geopoint) IS 'geopoint < (latitude, then longitude)';
COMMENT ON FUNCTION @extschema@.geopoint_le(@extschema@.geopoint, @extschema@.geopoint) IS 'geopoint <= (latitude, then longitude)';
COMMENT ON FUNCTION @extschema@.geopoint_eq(@extschema@.geopoint, @extschema@.geopoint) IS 'geopoint equality: same latitude and longitude';
COMMENT ON FUNCTION @extschema@.geopoint_ne(@extschema@.geopoint, @extschema@.geopoint) IS 'geopoint inequality';
COMMENT ON FUNCTION @extschema@.geopoint_ge(@extschema@.geopoint, @extschema@.geopoint) IS 'geopoint >= (latitude, then longitude)';
COMMENT ON FUNCTION @extschema@.geopoint_gt(@extschema@.geopoint, @extschema@.geopoint) IS 'geopoint > (latitude, then longitude)';
COMMENT ON FUNCTION @extschema@.geopoint_hash(@extschema@.geopoint) IS 'Hash of a geopoint';
COMMENT ON FUNCTION @extschema@.geopoint_hash_extended(@extschema@.geopoint, pg_catalog.int8) IS 'Seeded 64-bit hash of a geopoint';
COMMENT ON OPERATOR CLASS @extschema@.geopoint_ops USING btree IS 'Orders geopoints by latitude, then longitude (not a geographic order)';
COMMENT ON OPERATOR CLASS @extschema@.geopoint_ops USING hash IS 'Hashes geopoints (joins, GROUP BY, hash partitioning)';
COMMENT ON TYPE @extschema@.geopoint_gist_key IS 'Key of the geopoint GiST index: a box in earth-centred 3-D space, in metres (internal)';
COMMENT ON FUNCTION @extschema@.geopoint_gist_key_in(pg_catalog.cstring) IS 'Refuses text input: geopoint_gist_key is internal';
COMMENT ON FUNCTION @extschema@.geopoint_gist_key_out(@extschema@.geopoint_gist_key) IS 'Shows a geopoint GiST key (for pageinspect)';
COMMENT ON FUNCTION @extschema@.geopoint_gist_consistent(internal, @extschema@.geopoint, pg_catalog.int2, pg_catalog.oid, internal) IS 'GiST support for geopoint: consistent';
COMMENT ON FUNCTION @extschema@.geopoint_gist_union(internal, internal) IS 'GiST support for geopoint: union';
COMMENT ON FUNCTION @extschema@.geopoint_gist_compress(internal) IS 'GiST support for geopoint: compress';
COMMENT ON FUNCTION @extschema@.geopoint_gist_penalty(internal, internal, internal) IS 'GiST support for geopoint: penalty';
COMMENT ON FUNCTION @extschema@.geopoint_gist_picksplit(internal, internal) IS 'GiST support for geopoint: picksplit';
COMMENT ON FUNCTION @extschema@.geopoint_gist_same(@extschema@.geopoint_gist_key, @extschema@.geopoint_gist_key, internal) IS 'GiST support for geopoint: same';
COMMENT ON FUNCTION @extschema@.geopoint_gist_distance(internal, @extschema@.geopoint, pg_catalog.int2, pg_catalog.oid, internal) IS
  'GiST support for geopoint: a lower bound of the geodesic distance (nearest-neighbour search)';
COMMENT ON FUNCTION @extschema@.geopoint_gist_sortsupport(internal) IS
  'GiST support for geopoint: sorted index build in Hilbert order of the points'' 3-D positions';
COMMENT ON OPERATOR CLASS @extschema@.geopoint_gist_ops USING gist IS
  'Nearest-neighbour (<->) and radius (dwithin, <@ geodisc) search over geopoints, correct across the antimeridian and at the poles';
