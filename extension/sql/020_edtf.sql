-- extension/sql/020_edtf.sql
-- edtf: a date or interval at the precision a report gives, in the Extended
-- Date/Time Format (Library of Congress EDTF; ISO 8601-2): levels 0 and 1,
-- and level 2 as far as one value holds it.  32 bytes; every value knows its
-- earliest and latest day.  C code: extension/pg/edtf.c, edtf_gist.c over
-- extension/core/edtf.c, edtf_phrase.c.

-- ---------------------------------------------------------------------------
-- The type

CREATE TYPE @extschema@.edtf;

CREATE FUNCTION @extschema@.edtf_in(pg_catalog.cstring) RETURNS @extschema@.edtf
  AS 'MODULE_PATHNAME', 'edtf_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf_out(@extschema@.edtf) RETURNS pg_catalog.cstring
  AS 'MODULE_PATHNAME', 'edtf_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf_recv(internal) RETURNS @extschema@.edtf
  AS 'MODULE_PATHNAME', 'edtf_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf_send(@extschema@.edtf) RETURNS pg_catalog.bytea
  AS 'MODULE_PATHNAME', 'edtf_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.edtf (
  INTERNALLENGTH = 32,
  INPUT = @extschema@.edtf_in,
  OUTPUT = @extschema@.edtf_out,
  RECEIVE = @extschema@.edtf_recv,
  SEND = @extschema@.edtf_send,
  ALIGNMENT = double,
  STORAGE = plain
);

-- ---------------------------------------------------------------------------
-- Accessors

CREATE FUNCTION @extschema@.lower(@extschema@.edtf) RETURNS pg_catalog.date
  AS 'MODULE_PATHNAME', 'edtf_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.upper(@extschema@.edtf) RETURNS pg_catalog.date
  AS 'MODULE_PATHNAME', 'edtf_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.precision(@extschema@.edtf) RETURNS pg_catalog.text
  AS 'MODULE_PATHNAME', 'edtf_precision' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_level(@extschema@.edtf) RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'edtf_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.is_uncertain(@extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_is_uncertain' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.is_approximate(@extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_is_approximate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.is_interval(@extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_is_interval' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

-- ---------------------------------------------------------------------------
-- Casts

CREATE FUNCTION @extschema@.edtf(pg_catalog.date) RETURNS @extschema@.edtf
  AS 'MODULE_PATHNAME', 'edtf_from_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf(pg_catalog.timestamptz) RETURNS @extschema@.edtf
  AS 'MODULE_PATHNAME', 'edtf_from_timestamptz' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.daterange(@extschema@.edtf) RETURNS pg_catalog.daterange
  AS 'MODULE_PATHNAME', 'edtf_to_daterange' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (pg_catalog.date AS @extschema@.edtf)
  WITH FUNCTION @extschema@.edtf(pg_catalog.date) AS IMPLICIT;
CREATE CAST (pg_catalog.timestamptz AS @extschema@.edtf)
  WITH FUNCTION @extschema@.edtf(pg_catalog.timestamptz);
CREATE CAST (@extschema@.edtf AS pg_catalog.daterange)
  WITH FUNCTION @extschema@.daterange(@extschema@.edtf);

-- ---------------------------------------------------------------------------
-- Order: lower, then upper, then canonical text

CREATE FUNCTION @extschema@.edtf_cmp(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'edtf_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_lt(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_le(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_eq(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_ne(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_ge(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_gt(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_hash(@extschema@.edtf) RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'edtf_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_hash_extended(@extschema@.edtf, pg_catalog.int8) RETURNS pg_catalog.int8
  AS 'MODULE_PATHNAME', 'edtf_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.< (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_lt,
  COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_le,
  COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
  RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_eq,
  COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_ne,
  COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
  RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.>= (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_ge,
  COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
  RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR @extschema@.> (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_gt,
  COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

CREATE OPERATOR CLASS @extschema@.edtf_ops
  DEFAULT FOR TYPE @extschema@.edtf USING btree AS
  OPERATOR 1 @extschema@.<,
  OPERATOR 2 @extschema@.<=,
  OPERATOR 3 @extschema@.=,
  OPERATOR 4 @extschema@.>=,
  OPERATOR 5 @extschema@.>,
  FUNCTION 1 @extschema@.edtf_cmp(@extschema@.edtf, @extschema@.edtf);

CREATE OPERATOR CLASS @extschema@.edtf_ops
  DEFAULT FOR TYPE @extschema@.edtf USING hash AS
  OPERATOR 1 @extschema@.=,
  FUNCTION 1 @extschema@.edtf_hash(@extschema@.edtf),
  FUNCTION 2 @extschema@.edtf_hash_extended(@extschema@.edtf, pg_catalog.int8);

-- ---------------------------------------------------------------------------
-- Span operators: on the days a value can mean, an unknown end counting as open

CREATE FUNCTION @extschema@.edtf_overlaps(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_overlaps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_contains(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_contained(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_contained' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_contains_date(@extschema@.edtf, pg_catalog.date) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_contains_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_date_contained(pg_catalog.date, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_date_contained' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_before(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_before' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.edtf_after(@extschema@.edtf, @extschema@.edtf) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_after' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.&& (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_overlaps,
  COMMUTATOR = OPERATOR(@extschema@.&&),
  RESTRICT = areasel, JOIN = areajoinsel);
CREATE OPERATOR @extschema@.@> (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_contains,
  COMMUTATOR = OPERATOR(@extschema@.<@),
  RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.<@ (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_contained,
  COMMUTATOR = OPERATOR(@extschema@.@>),
  RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.@> (
  LEFTARG = @extschema@.edtf, RIGHTARG = pg_catalog.date, FUNCTION = @extschema@.edtf_contains_date,
  COMMUTATOR = OPERATOR(@extschema@.<@),
  RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.<@ (
  LEFTARG = pg_catalog.date, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_date_contained,
  COMMUTATOR = OPERATOR(@extschema@.@>),
  RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.<< (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_before,
  COMMUTATOR = OPERATOR(@extschema@.>>),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.>> (
  LEFTARG = @extschema@.edtf, RIGHTARG = @extschema@.edtf, FUNCTION = @extschema@.edtf_after,
  COMMUTATOR = OPERATOR(@extschema@.<<),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

-- ---------------------------------------------------------------------------
-- GiST: the key is the span [lower, upper] of days, the first 16 bytes of an
-- edtf datum (leaf keys are the values themselves, so index-only scans work)

CREATE FUNCTION @extschema@.edtf_gist_consistent(internal, @extschema@.edtf, pg_catalog.int2, pg_catalog.oid, internal)
  RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'edtf_gist_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf_gist_union(internal, internal) RETURNS @extschema@.edtf
  AS 'MODULE_PATHNAME', 'edtf_gist_union' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf_gist_compress(internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'edtf_gist_compress' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf_gist_fetch(internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'edtf_gist_fetch' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf_gist_penalty(internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'edtf_gist_penalty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf_gist_picksplit(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'edtf_gist_picksplit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf_gist_same(@extschema@.edtf, @extschema@.edtf, internal)
  RETURNS internal
  AS 'MODULE_PATHNAME', 'edtf_gist_same' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.edtf_gist_sortsupport(internal) RETURNS pg_catalog.void
  AS 'MODULE_PATHNAME', 'edtf_gist_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR CLASS @extschema@.edtf_gist_ops
  DEFAULT FOR TYPE @extschema@.edtf USING gist AS
  OPERATOR 1 @extschema@.<< (@extschema@.edtf, @extschema@.edtf),
  OPERATOR 3 @extschema@.&& (@extschema@.edtf, @extschema@.edtf),
  OPERATOR 5 @extschema@.>> (@extschema@.edtf, @extschema@.edtf),
  OPERATOR 7 @extschema@.@> (@extschema@.edtf, @extschema@.edtf),
  OPERATOR 8 @extschema@.<@ (@extschema@.edtf, @extschema@.edtf),
  OPERATOR 16 @extschema@.@> (@extschema@.edtf, pg_catalog.date),
  FUNCTION 1 @extschema@.edtf_gist_consistent(internal, @extschema@.edtf, pg_catalog.int2, pg_catalog.oid, internal),
  FUNCTION 2 @extschema@.edtf_gist_union(internal, internal),
  FUNCTION 3 @extschema@.edtf_gist_compress(internal),
  FUNCTION 5 @extschema@.edtf_gist_penalty(internal, internal, internal),
  FUNCTION 6 @extschema@.edtf_gist_picksplit(internal, internal),
  FUNCTION 7 @extschema@.edtf_gist_same(@extschema@.edtf, @extschema@.edtf, internal),
  FUNCTION 9 @extschema@.edtf_gist_fetch(internal),
  FUNCTION 11 @extschema@.edtf_gist_sortsupport(internal);

-- ---------------------------------------------------------------------------
-- resolve_date: a date phrase of a report, relative to its publication day

CREATE FUNCTION @extschema@.resolve_date(phrase pg_catalog.text, reference pg_catalog.date,
                                         lang pg_catalog.text DEFAULT 'en')
  RETURNS @extschema@.edtf
  AS 'MODULE_PATHNAME', 'edtf_resolve_date' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- ---------------------------------------------------------------------------
-- Comments

COMMENT ON TYPE @extschema@.edtf IS
  'A date or interval at the precision a report gives, in the Extended Date/Time Format (EDTF, ISO 8601-2): levels 0 and 1 and single-value level 2 (no sets); knows its earliest and latest day';
COMMENT ON FUNCTION @extschema@.edtf_in(pg_catalog.cstring) IS 'edtf text input (EDTF; errors 22007/22008 say what is wrong and where)';
COMMENT ON FUNCTION @extschema@.edtf_out(@extschema@.edtf) IS 'edtf text output: the canonical EDTF text';
COMMENT ON FUNCTION @extschema@.edtf_recv(internal) IS 'edtf binary input: version byte 1, then EDTF text, validated as text input';
COMMENT ON FUNCTION @extschema@.edtf_send(@extschema@.edtf) IS 'edtf binary output: version byte 1, then the canonical EDTF text';
COMMENT ON FUNCTION @extschema@.lower(@extschema@.edtf) IS 'Earliest day the value can mean; -infinity for an open start (..), NULL for an unknown start; -infinity/infinity beyond the range of date';
COMMENT ON FUNCTION @extschema@.upper(@extschema@.edtf) IS 'Latest day the value can mean; infinity for an open end (..), NULL for an unknown end; -infinity/infinity beyond the range of date';
COMMENT ON FUNCTION @extschema@.precision(@extschema@.edtf) IS 'year, season, quarter, quadrimester, semester, month, day, second, decade/century/millennium (unspecified or significant digits) or interval';
COMMENT ON FUNCTION @extschema@.edtf_level(@extschema@.edtf) IS 'EDTF conformance level (0, 1 or 2) of the canonical text';
COMMENT ON FUNCTION @extschema@.is_uncertain(@extschema@.edtf) IS 'Whether any part is qualified uncertain (? or %)';
COMMENT ON FUNCTION @extschema@.is_approximate(@extschema@.edtf) IS 'Whether any part is qualified approximate (~ or %)';
COMMENT ON FUNCTION @extschema@.is_interval(@extschema@.edtf) IS 'Whether the value is an interval (start/end)';
COMMENT ON FUNCTION @extschema@.edtf(pg_catalog.date) IS 'The day as an edtf (implicit cast); infinite dates are refused (22008)';
COMMENT ON FUNCTION @extschema@.edtf(pg_catalog.timestamptz) IS 'The instant as an edtf date-time in UTC, to the second (fractions dropped)';
COMMENT ON FUNCTION @extschema@.daterange(@extschema@.edtf) IS 'The days the value can mean as [lower, upper + 1); open or unknown ends unbounded; 22008 beyond the range of date';
COMMENT ON FUNCTION @extschema@.edtf_cmp(@extschema@.edtf, @extschema@.edtf) IS 'btree order of edtf: lower, then upper, then canonical text';
COMMENT ON FUNCTION @extschema@.edtf_lt(@extschema@.edtf, @extschema@.edtf) IS 'implementation of < for edtf';
COMMENT ON FUNCTION @extschema@.edtf_le(@extschema@.edtf, @extschema@.edtf) IS 'implementation of <= for edtf';
COMMENT ON FUNCTION @extschema@.edtf_eq(@extschema@.edtf, @extschema@.edtf) IS 'implementation of = for edtf (same canonical text)';
COMMENT ON FUNCTION @extschema@.edtf_ne(@extschema@.edtf, @extschema@.edtf) IS 'implementation of <> for edtf';
COMMENT ON FUNCTION @extschema@.edtf_ge(@extschema@.edtf, @extschema@.edtf) IS 'implementation of >= for edtf';
COMMENT ON FUNCTION @extschema@.edtf_gt(@extschema@.edtf, @extschema@.edtf) IS 'implementation of > for edtf';
COMMENT ON FUNCTION @extschema@.edtf_hash(@extschema@.edtf) IS 'hash of an edtf (hash joins, GROUP BY, partitioning)';
COMMENT ON FUNCTION @extschema@.edtf_hash_extended(@extschema@.edtf, pg_catalog.int8) IS 'seeded 64-bit hash of an edtf';
COMMENT ON FUNCTION @extschema@.edtf_overlaps(@extschema@.edtf, @extschema@.edtf) IS 'implementation of &&: the spans share a day (they could be the same time)';
COMMENT ON FUNCTION @extschema@.edtf_contains(@extschema@.edtf, @extschema@.edtf) IS 'implementation of @>: the first span holds every day of the second';
COMMENT ON FUNCTION @extschema@.edtf_contained(@extschema@.edtf, @extschema@.edtf) IS 'implementation of <@: every day of the first span is in the second';
COMMENT ON FUNCTION @extschema@.edtf_contains_date(@extschema@.edtf, pg_catalog.date) IS 'implementation of @> (edtf, date): the day is in the span';
COMMENT ON FUNCTION @extschema@.edtf_date_contained(pg_catalog.date, @extschema@.edtf) IS 'implementation of <@ (date, edtf): the day is in the span';
COMMENT ON FUNCTION @extschema@.edtf_before(@extschema@.edtf, @extschema@.edtf) IS 'implementation of <<: the first span ends before the second starts';
COMMENT ON FUNCTION @extschema@.edtf_after(@extschema@.edtf, @extschema@.edtf) IS 'implementation of >>: the first span starts after the second ends';
COMMENT ON FUNCTION @extschema@.resolve_date(pg_catalog.text, pg_catalog.date, pg_catalog.text) IS
  'A date phrase of a report as an edtf, relative to the publication day (reference; NULL: absolute dates only): English or French (lang ''en''/''fr''); "last month", "on Saturday", "in February", "13 août 2022", "early July", "nine years ago", EDTF text; 22007 for a phrase it cannot read';
COMMENT ON FUNCTION @extschema@.edtf_gist_consistent(internal, @extschema@.edtf, pg_catalog.int2, pg_catalog.oid, internal) IS 'GiST consistent for edtf (<<, &&, >>, @>, <@, @> date)';
COMMENT ON FUNCTION @extschema@.edtf_gist_union(internal, internal) IS 'GiST union for edtf: the hull of the spans';
COMMENT ON FUNCTION @extschema@.edtf_gist_fetch(internal) IS 'GiST fetch for edtf: a leaf key is the value (index-only scans)';
COMMENT ON FUNCTION @extschema@.edtf_gist_sortsupport(internal) IS 'GiST sorted build for edtf: by the centre of the span';
COMMENT ON FUNCTION @extschema@.edtf_gist_compress(internal) IS 'GiST compress for edtf: a leaf key is the value itself, whose first 16 bytes are its span of days';
COMMENT ON FUNCTION @extschema@.edtf_gist_penalty(internal, internal, internal) IS 'GiST penalty for edtf: growth of the span';
COMMENT ON FUNCTION @extschema@.edtf_gist_picksplit(internal, internal) IS 'GiST picksplit for edtf: halves by span centre';
COMMENT ON FUNCTION @extschema@.edtf_gist_same(@extschema@.edtf, @extschema@.edtf, internal) IS 'GiST same for edtf keys';
