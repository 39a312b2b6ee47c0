-- extension/sql/000_header.sql
-- The pieces of extension/sql/ are joined in name order by the Makefile into
-- sahel_news--VERSION.sql, followed by the sample data of extension/data/.
-- Every object is qualified with @extschema@; general SQL runs with a fixed
-- search_path (see README, "Conventions").

\echo Use "CREATE EXTENSION sahel_news" to load this file. \quit

COMMENT ON SCHEMA @extschema@ IS
  'sahel_news: types and functions for coding news about armed conflict in the Sahel';

-- CREATE EXTENSION uses a schema named sahel_news that already exists instead
-- of creating it.  If someone other than a superuser made it, its owner could
-- have planted functions or operators there that this script would then call
-- with superuser rights (the CVE-2022-2625 class).  Refuse such a schema.
DO $guard$
DECLARE
  owner_is_superuser boolean;
BEGIN
  SELECT r.rolsuper INTO owner_is_superuser
  FROM pg_catalog.pg_namespace n
  JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) n.nspowner
  WHERE n.nspname OPERATOR(pg_catalog.=) '@extschema@';
  IF NOT owner_is_superuser THEN
    RAISE EXCEPTION 'schema "@extschema@" already exists and is not owned by a superuser'
      USING ERRCODE = '42501',
            HINT = 'Drop or rename that schema (or make a superuser its owner after checking what it holds), then run CREATE EXTENSION sahel_news again.';
  END IF;
END
$guard$;
-- extension/sql/010_estimate.sql
-- The estimate type: a count as vague as the news reports it (issue #3).
-- C code: extension/core/estimate.c (value), extension/core/estimate_phrase.c
-- (phrase reader), extension/pg/estimate.c (glue).

CREATE TYPE @extschema@.estimate;

CREATE FUNCTION @extschema@.estimate_in(cstring) RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_out(@extschema@.estimate) RETURNS cstring
  AS 'MODULE_PATHNAME', 'estimate_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_recv(internal) RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_send(@extschema@.estimate) RETURNS bytea
  AS 'MODULE_PATHNAME', 'estimate_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.estimate (
  INPUT = @extschema@.estimate_in,
  OUTPUT = @extschema@.estimate_out,
  RECEIVE = @extschema@.estimate_recv,
  SEND = @extschema@.estimate_send,
  INTERNALLENGTH = 24,
  ALIGNMENT = double,
  STORAGE = plain
);

-- Accessors and constructor

CREATE FUNCTION @extschema@.lower(@extschema@.estimate) RETURNS bigint
  AS 'MODULE_PATHNAME', 'estimate_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.upper(@extschema@.estimate) RETURNS bigint
  AS 'MODULE_PATHNAME', 'estimate_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.best(@extschema@.estimate) RETURNS bigint
  AS 'MODULE_PATHNAME', 'estimate_best' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.is_approximate(@extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_is_approximate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.is_exact(@extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_is_exact' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.estimate(low bigint, high bigint, best bigint DEFAULT NULL,
                                     approximate boolean DEFAULT false)
  RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_make' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- Casts

CREATE FUNCTION @extschema@.estimate(bigint) RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_from_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate(integer) RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_from_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.int8(@extschema@.estimate) RETURNS bigint
  AS 'MODULE_PATHNAME', 'estimate_to_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.int8range(@extschema@.estimate) RETURNS int8range
  AS 'MODULE_PATHNAME', 'estimate_to_int8range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (bigint AS @extschema@.estimate)
  WITH FUNCTION @extschema@.estimate(bigint) AS IMPLICIT;
CREATE CAST (integer AS @extschema@.estimate)
  WITH FUNCTION @extschema@.estimate(integer) AS IMPLICIT;
CREATE CAST (@extschema@.estimate AS bigint)
  WITH FUNCTION @extschema@.int8(@extschema@.estimate);
CREATE CAST (@extschema@.estimate AS int8range)
  WITH FUNCTION @extschema@.int8range(@extschema@.estimate);

-- Comparison functions (the total order of estimate.h) and hashing

CREATE FUNCTION @extschema@.estimate_eq(@extschema@.estimate, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.estimate_ne(@extschema@.estimate, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.estimate_lt(@extschema@.estimate, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.estimate_le(@extschema@.estimate, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.estimate_gt(@extschema@.estimate, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.estimate_ge(@extschema@.estimate, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.estimate_cmp(@extschema@.estimate, @extschema@.estimate) RETURNS integer
  AS 'MODULE_PATHNAME', 'estimate_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.estimate_sortsupport(internal) RETURNS void
  AS 'MODULE_PATHNAME', 'estimate_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_hash(@extschema@.estimate) RETURNS integer
  AS 'MODULE_PATHNAME', 'estimate_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.estimate_hash_extended(@extschema@.estimate, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'estimate_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.estimate_smaller(@extschema@.estimate, @extschema@.estimate)
  RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_larger(@extschema@.estimate, @extschema@.estimate)
  RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Containment, overlap, arithmetic

CREATE FUNCTION @extschema@.estimate_contains(@extschema@.estimate, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_contained_by(@extschema@.estimate, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_contained_by' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_contains(@extschema@.estimate, bigint) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_contains_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_contains(@extschema@.estimate, integer) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_contains_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_contained_by(bigint, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_int8_contained_by' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_contained_by(integer, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_int4_contained_by' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_overlaps(@extschema@.estimate, @extschema@.estimate) RETURNS boolean
  AS 'MODULE_PATHNAME', 'estimate_overlaps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_add(@extschema@.estimate, @extschema@.estimate)
  RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_mul(@extschema@.estimate, bigint) RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_mul' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_mul(bigint, @extschema@.estimate) RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_int8_mul' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.estimate_sum_accum(@extschema@.estimate, @extschema@.estimate)
  RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'estimate_sum_accum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Reading phrases

CREATE FUNCTION @extschema@.parse_estimate(phrase text, lang text DEFAULT 'en')
  RETURNS @extschema@.estimate
  AS 'MODULE_PATHNAME', 'parse_estimate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Operators

CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.estimate, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_eq,
  COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
  LEFTARG = @extschema@.estimate, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_ne,
  COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
  LEFTARG = @extschema@.estimate, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_lt,
  COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
  LEFTARG = @extschema@.estimate, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_le,
  COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
  RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
  LEFTARG = @extschema@.estimate, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_gt,
  COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
  LEFTARG = @extschema@.estimate, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_ge,
  COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
  RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR @extschema@.@> (
  LEFTARG = @extschema@.estimate, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_contains,
  COMMUTATOR = OPERATOR(@extschema@.<@),
  RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
  LEFTARG = @extschema@.estimate, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_contained_by,
  COMMUTATOR = OPERATOR(@extschema@.@>),
  RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR @extschema@.@> (
  LEFTARG = @extschema@.estimate, RIGHTARG = bigint,
  FUNCTION = @extschema@.estimate_contains,
  COMMUTATOR = OPERATOR(@extschema@.<@),
  RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
  LEFTARG = bigint, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_contained_by,
  COMMUTATOR = OPERATOR(@extschema@.@>),
  RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR @extschema@.@> (
  LEFTARG = @extschema@.estimate, RIGHTARG = integer,
  FUNCTION = @extschema@.estimate_contains,
  COMMUTATOR = OPERATOR(@extschema@.<@),
  RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
  LEFTARG = integer, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_contained_by,
  COMMUTATOR = OPERATOR(@extschema@.@>),
  RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR @extschema@.&& (
  LEFTARG = @extschema@.estimate, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_overlaps,
  COMMUTATOR = OPERATOR(@extschema@.&&),
  RESTRICT = areasel, JOIN = areajoinsel
);
CREATE OPERATOR @extschema@.+ (
  LEFTARG = @extschema@.estimate, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_add,
  COMMUTATOR = OPERATOR(@extschema@.+)
);
CREATE OPERATOR @extschema@.* (
  LEFTARG = @extschema@.estimate, RIGHTARG = bigint,
  FUNCTION = @extschema@.estimate_mul,
  COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
  LEFTARG = bigint, RIGHTARG = @extschema@.estimate,
  FUNCTION = @extschema@.estimate_mul,
  COMMUTATOR = OPERATOR(@extschema@.*)
);

-- Operator classes: btree (the total order) and hash (joins, GROUP BY,
-- hash partitioning, Citus distribution)

CREATE OPERATOR CLASS @extschema@.estimate_ops
  DEFAULT FOR TYPE @extschema@.estimate USING btree AS
    OPERATOR 1 @extschema@.< ,
    OPERATOR 2 @extschema@.<= ,
    OPERATOR 3 @extschema@.= ,
    OPERATOR 4 @extschema@.>= ,
    OPERATOR 5 @extschema@.> ,
    FUNCTION 1 @extschema@.estimate_cmp(@extschema@.estimate, @extschema@.estimate),
    FUNCTION 2 @extschema@.estimate_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.estimate_hash_ops
  DEFAULT FOR TYPE @extschema@.estimate USING hash AS
    OPERATOR 1 @extschema@.= ,
    FUNCTION 1 @extschema@.estimate_hash(@extschema@.estimate),
    FUNCTION 2 @extschema@.estimate_hash_extended(@extschema@.estimate, bigint);

-- Aggregates: the state is an estimate (no serialisation; partial
-- aggregation runs in parallel workers and on Citus workers)

CREATE AGGREGATE @extschema@.sum(@extschema@.estimate) (
  SFUNC = @extschema@.estimate_sum_accum,
  STYPE = @extschema@.estimate,
  COMBINEFUNC = @extschema@.estimate_sum_accum,
  PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.min(@extschema@.estimate) (
  SFUNC = @extschema@.estimate_smaller,
  STYPE = @extschema@.estimate,
  COMBINEFUNC = @extschema@.estimate_smaller,
  SORTOP = OPERATOR(@extschema@.<),
  PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.max(@extschema@.estimate) (
  SFUNC = @extschema@.estimate_larger,
  STYPE = @extschema@.estimate,
  COMBINEFUNC = @extschema@.estimate_larger,
  SORTOP = OPERATOR(@extschema@.>),
  PARALLEL = SAFE
);

-- Comments

COMMENT ON TYPE @extschema@.estimate IS
  'A count as vague as reports give it: [low, high] (high may be unbounded), an optional best value, an approximate flag. Text: 2400, ~1000, 700..1000, 700..850..1000, >=2001, <=400, ?';
COMMENT ON FUNCTION @extschema@.estimate_in(cstring) IS 'estimate text input (canonical forms, with optional spaces and thousands separators)';
COMMENT ON FUNCTION @extschema@.estimate_out(@extschema@.estimate) IS 'estimate canonical text output';
COMMENT ON FUNCTION @extschema@.estimate_recv(internal) IS 'estimate binary input (validated like text input)';
COMMENT ON FUNCTION @extschema@.estimate_send(@extschema@.estimate) IS 'estimate binary output: version byte, flag byte, low, high, best as int8';
COMMENT ON FUNCTION @extschema@.lower(@extschema@.estimate) IS 'lower bound of an estimate';
COMMENT ON FUNCTION @extschema@.upper(@extschema@.estimate) IS 'upper bound of an estimate, NULL when unbounded';
COMMENT ON FUNCTION @extschema@.best(@extschema@.estimate) IS 'best value of an estimate: the stated one, else the midpoint of a closed range rounded half up, else NULL';
COMMENT ON FUNCTION @extschema@.is_approximate(@extschema@.estimate) IS 'true when the estimate was given as approximate ("about")';
COMMENT ON FUNCTION @extschema@.is_exact(@extschema@.estimate) IS 'true when the estimate is one known number (not approximate, low = high)';
COMMENT ON FUNCTION @extschema@.estimate(bigint, bigint, bigint, boolean) IS 'build an estimate from low, high (NULL: unbounded), best (NULL: none) and the approximate flag; a NULL low is 0';
COMMENT ON FUNCTION @extschema@.estimate(bigint) IS 'the exact estimate of a bigint (implicit cast)';
COMMENT ON FUNCTION @extschema@.estimate(integer) IS 'the exact estimate of an integer (implicit cast)';
COMMENT ON FUNCTION @extschema@.int8(@extschema@.estimate) IS 'the best value of an estimate as bigint (explicit cast); an error when it has none';
COMMENT ON FUNCTION @extschema@.int8range(@extschema@.estimate) IS 'the range [low, high] of an estimate as int8range (explicit cast); unbounded gives an open upper end';
COMMENT ON FUNCTION @extschema@.estimate_eq(@extschema@.estimate, @extschema@.estimate) IS 'implementation of = for estimate (identical values)';
COMMENT ON FUNCTION @extschema@.estimate_ne(@extschema@.estimate, @extschema@.estimate) IS 'implementation of <> for estimate';
COMMENT ON FUNCTION @extschema@.estimate_lt(@extschema@.estimate, @extschema@.estimate) IS 'implementation of < for estimate';
COMMENT ON FUNCTION @extschema@.estimate_le(@extschema@.estimate, @extschema@.estimate) IS 'implementation of <= for estimate';
COMMENT ON FUNCTION @extschema@.estimate_gt(@extschema@.estimate, @extschema@.estimate) IS 'implementation of > for estimate';
COMMENT ON FUNCTION @extschema@.estimate_ge(@extschema@.estimate, @extschema@.estimate) IS 'implementation of >= for estimate';
COMMENT ON FUNCTION @extschema@.estimate_cmp(@extschema@.estimate, @extschema@.estimate) IS 'total order of estimates: lower bound, upper bound (unbounded last), stated best (none last), exact before approximate';
COMMENT ON FUNCTION @extschema@.estimate_sortsupport(internal) IS 'btree sort support for estimate';
COMMENT ON FUNCTION @extschema@.estimate_hash(@extschema@.estimate) IS 'hash of an estimate (architecture independent)';
COMMENT ON FUNCTION @extschema@.estimate_hash_extended(@extschema@.estimate, bigint) IS 'seeded 64-bit hash of an estimate (hash partitioning)';
COMMENT ON FUNCTION @extschema@.estimate_smaller(@extschema@.estimate, @extschema@.estimate) IS 'the smaller of two estimates (min state function)';
COMMENT ON FUNCTION @extschema@.estimate_larger(@extschema@.estimate, @extschema@.estimate) IS 'the larger of two estimates (max state function)';
COMMENT ON FUNCTION @extschema@.estimate_contains(@extschema@.estimate, @extschema@.estimate) IS 'implementation of @>: the first range contains the second';
COMMENT ON FUNCTION @extschema@.estimate_contained_by(@extschema@.estimate, @extschema@.estimate) IS 'implementation of <@: the first range lies within the second';
COMMENT ON FUNCTION @extschema@.estimate_contains(@extschema@.estimate, bigint) IS 'implementation of @>: the count lies in the estimate''s range';
COMMENT ON FUNCTION @extschema@.estimate_contains(@extschema@.estimate, integer) IS 'implementation of @>: the count lies in the estimate''s range';
COMMENT ON FUNCTION @extschema@.estimate_contained_by(bigint, @extschema@.estimate) IS 'implementation of <@: the count lies in the estimate''s range';
COMMENT ON FUNCTION @extschema@.estimate_contained_by(integer, @extschema@.estimate) IS 'implementation of <@: the count lies in the estimate''s range';
COMMENT ON FUNCTION @extschema@.estimate_overlaps(@extschema@.estimate, @extschema@.estimate) IS 'implementation of &&: the ranges overlap';
COMMENT ON FUNCTION @extschema@.estimate_add(@extschema@.estimate, @extschema@.estimate) IS 'implementation of +: bounds and bests add, unbounded absorbs, approximate if either is';
COMMENT ON FUNCTION @extschema@.estimate_mul(@extschema@.estimate, bigint) IS 'implementation of *: an estimate times a non-negative integer';
COMMENT ON FUNCTION @extschema@.estimate_mul(bigint, @extschema@.estimate) IS 'implementation of *: a non-negative integer times an estimate';
COMMENT ON FUNCTION @extschema@.estimate_sum_accum(@extschema@.estimate, @extschema@.estimate) IS 'state and combine function of sum(estimate)';
COMMENT ON FUNCTION @extschema@.parse_estimate(text, text) IS
  'read a quantity as reports write it, in English (''en'') or French (''fr''): "about 1,000", "700 to 1,000", "more than two million", "dozens", "environ 1 000", "une centaine", "undisclosed"; trailing nouns are ignored';
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.estimate) IS 'sum of estimates: bounds and bests add, unbounded absorbs, approximate if any is';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.estimate) IS 'smallest estimate under the total order';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.estimate) IS 'largest estimate under the total order';
COMMENT ON OPERATOR @extschema@.= (@extschema@.estimate, @extschema@.estimate) IS 'identical estimates';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.estimate, @extschema@.estimate) IS 'different estimates';
COMMENT ON OPERATOR @extschema@.< (@extschema@.estimate, @extschema@.estimate) IS 'less than, under the total order';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.estimate, @extschema@.estimate) IS 'less than or equal, under the total order';
COMMENT ON OPERATOR @extschema@.> (@extschema@.estimate, @extschema@.estimate) IS 'greater than, under the total order';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.estimate, @extschema@.estimate) IS 'greater than or equal, under the total order';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.estimate, @extschema@.estimate) IS 'contains';
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.estimate, @extschema@.estimate) IS 'is contained by';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.estimate, bigint) IS 'contains the count';
COMMENT ON OPERATOR @extschema@.<@ (bigint, @extschema@.estimate) IS 'count is contained by';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.estimate, integer) IS 'contains the count';
COMMENT ON OPERATOR @extschema@.<@ (integer, @extschema@.estimate) IS 'count is contained by';
COMMENT ON OPERATOR @extschema@.&& (@extschema@.estimate, @extschema@.estimate) IS 'the ranges overlap';
COMMENT ON OPERATOR @extschema@.+ (@extschema@.estimate, @extschema@.estimate) IS 'sum of two estimates';
COMMENT ON OPERATOR @extschema@.* (@extschema@.estimate, bigint) IS 'estimate times a non-negative integer';
COMMENT ON OPERATOR @extschema@.* (bigint, @extschema@.estimate) IS 'non-negative integer times an estimate';
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
-- extension/sql/040_country.sql
-- The country type: one country or territory, read and written in every
-- coding conflict data uses (ISO 3166-1 alpha-2/alpha-3/numeric, FIPS 10-4,
-- Gleditsch-Ward, Correlates of War, English and French names).
-- Stored as 2 bytes by value: the ISO alpha-3 code packed into an int2, so
-- order is alpha-3 order and comparison and hashing are the int2 functions.

CREATE TYPE @extschema@.country;

CREATE FUNCTION @extschema@.country_in(cstring) RETURNS @extschema@.country
  AS 'MODULE_PATHNAME', 'country_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_out(@extschema@.country) RETURNS cstring
  AS 'MODULE_PATHNAME', 'country_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_recv(internal) RETURNS @extschema@.country
  AS 'MODULE_PATHNAME', 'country_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_send(@extschema@.country) RETURNS bytea
  AS 'MODULE_PATHNAME', 'country_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.country (
  INPUT = @extschema@.country_in,
  OUTPUT = @extschema@.country_out,
  RECEIVE = @extschema@.country_recv,
  SEND = @extschema@.country_send,
  INTERNALLENGTH = 2,
  PASSEDBYVALUE,
  ALIGNMENT = int2,
  STORAGE = plain
);

COMMENT ON TYPE @extschema@.country IS
  'a country or territory with an ISO 3166-1 code, or Kosovo; reads ISO alpha-2/alpha-3/numeric codes and English or French names, writes ISO alpha-3';
COMMENT ON FUNCTION @extschema@.country_in(cstring) IS
  'text input of country: ISO 3166-1 code (two letters are always alpha-2, never FIPS) or English/French name, case-, accent- and punctuation-insensitive';
COMMENT ON FUNCTION @extschema@.country_out(@extschema@.country) IS
  'text output of country: the ISO 3166-1 alpha-3 code';
COMMENT ON FUNCTION @extschema@.country_recv(internal) IS
  'binary input of country: the three upper-case letters of an ISO alpha-3 code in the table';
COMMENT ON FUNCTION @extschema@.country_send(@extschema@.country) IS
  'binary output of country: the three letters of its ISO alpha-3 code';

-- Constructors -------------------------------------------------------------

CREATE FUNCTION @extschema@.country(text) RETURNS @extschema@.country
  AS 'MODULE_PATHNAME', 'country_from_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country(text) IS
  'the country a code or name means (as the text input; also the cast from text); unknown or ambiguous text is an error (22P02)';

CREATE FUNCTION @extschema@.try_country(text) RETURNS @extschema@.country
  AS 'MODULE_PATHNAME', 'country_try_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.try_country(text) IS
  'like country(text), but NULL for unknown, ambiguous or empty text: for cleaning data';

CREATE FUNCTION @extschema@.country(integer) RETURNS @extschema@.country
  AS 'MODULE_PATHNAME', 'country_from_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country(integer) IS
  'the country of an ISO 3166-1 numeric code (ACLED''s iso column: 466 = Mali); unknown codes are an error (22P02)';

CREATE FUNCTION @extschema@.country_from_fips(text) RETURNS @extschema@.country
  AS 'MODULE_PATHNAME', 'country_from_fips' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_from_fips(text) IS
  'the country of a FIPS 10-4 code as GDELT uses it (NG = Niger, CD = Chad, UV = Burkina Faso); unknown codes are an error (22P02)';

CREATE FUNCTION @extschema@.country_from_gw(integer) RETURNS @extschema@.country
  AS 'MODULE_PATHNAME', 'country_from_gw' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_from_gw(integer) IS
  'the country of a Gleditsch-Ward number as UCDP uses it (432 = Mali); 345, Yugoslavia (1918-2006), which UCDP keeps for Serbia after 2006, reads as Serbia (SRB), the state that continues it: Yugoslav-era events map to Serbia (gw_code(''SRB'') stays 340); numbers of other former states and unknown numbers are an error (22P02)';

CREATE FUNCTION @extschema@.country_from_cow(integer) RETURNS @extschema@.country
  AS 'MODULE_PATHNAME', 'country_from_cow' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_from_cow(integer) IS
  'the country of a Correlates of War number (255 = Germany, 345 = Serbia); numbers of former states and unknown numbers are an error (22P02)';

-- Accessors ----------------------------------------------------------------

CREATE FUNCTION @extschema@.iso2(@extschema@.country) RETURNS text
  AS 'MODULE_PATHNAME', 'country_iso2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.iso2(@extschema@.country) IS
  'ISO 3166-1 alpha-2 code (XK for Kosovo)';

CREATE FUNCTION @extschema@.iso3(@extschema@.country) RETURNS text
  AS 'MODULE_PATHNAME', 'country_iso3' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.iso3(@extschema@.country) IS
  'ISO 3166-1 alpha-3 code (XKX for Kosovo); also the cast to text';

CREATE FUNCTION @extschema@.iso_numeric(@extschema@.country) RETURNS integer
  AS 'MODULE_PATHNAME', 'country_iso_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.iso_numeric(@extschema@.country) IS
  'ISO 3166-1 numeric code as an integer; NULL for Kosovo, which has none';

CREATE FUNCTION @extschema@.fips(@extschema@.country) RETURNS text
  AS 'MODULE_PATHNAME', 'country_fips' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fips(@extschema@.country) IS
  'FIPS 10-4 code as GDELT uses it; NULL where there is none (Caribbean Netherlands, Aland Islands, US Minor Outlying Islands)';

CREATE FUNCTION @extschema@.gw_code(@extschema@.country) RETURNS integer
  AS 'MODULE_PATHNAME', 'country_gw_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gw_code(@extschema@.country) IS
  'Gleditsch-Ward state number (UCDP); NULL for territories and the microstates the main list leaves out';

CREATE FUNCTION @extschema@.cow_code(@extschema@.country) RETURNS integer
  AS 'MODULE_PATHNAME', 'country_cow_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cow_code(@extschema@.country) IS
  'Correlates of War state number; NULL for territories';

CREATE FUNCTION @extschema@.name(@extschema@.country) RETURNS text
  AS 'MODULE_PATHNAME', 'country_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.name(@extschema@.country) IS
  'English short name';

CREATE FUNCTION @extschema@.name_fr(@extschema@.country) RETURNS text
  AS 'MODULE_PATHNAME', 'country_name_fr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.name_fr(@extschema@.country) IS
  'French short name';

CREATE FUNCTION @extschema@.region(@extschema@.country) RETURNS text
  AS 'MODULE_PATHNAME', 'country_region' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.region(@extschema@.country) IS
  'UN M49 sub-region, the intermediate region where M49 has one (Western Africa, Middle Africa, Caribbean); NULL for Antarctica';

CREATE FUNCTION @extschema@.continent(@extschema@.country) RETURNS text
  AS 'MODULE_PATHNAME', 'country_continent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.continent(@extschema@.country) IS
  'continent: the UN M49 region (Africa, Americas, Asia, Europe, Oceania), or Antarctica';

CREATE FUNCTION @extschema@.countries(
    OUT country @extschema@.country, OUT iso2 text, OUT iso3 text, OUT iso_numeric integer,
    OUT fips text, OUT gw_code integer, OUT cow_code integer,
    OUT name text, OUT name_fr text, OUT region text, OUT continent text,
    OUT names_en text[], OUT names_fr text[])
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'country_countries' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 250;
COMMENT ON FUNCTION @extschema@.countries() IS
  'one row per country of the type, with every code and name (names_en, names_fr: every name input accepts), for joins and BI tools';

-- Casts ------------------------------------------------------------------

CREATE CAST (text AS @extschema@.country) WITH FUNCTION @extschema@.country(text);
CREATE CAST (@extschema@.country AS text) WITH FUNCTION @extschema@.iso3(@extschema@.country);
CREATE CAST (integer AS @extschema@.country) WITH FUNCTION @extschema@.country(integer);

-- Comparison: the int2 functions, since the representation is an int2 -------

CREATE FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) RETURNS boolean
  AS 'int2eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) RETURNS boolean
  AS 'int2ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) RETURNS boolean
  AS 'int2lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) RETURNS boolean
  AS 'int2le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) RETURNS boolean
  AS 'int2gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) RETURNS boolean
  AS 'int2ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_cmp(@extschema@.country, @extschema@.country) RETURNS integer
  AS 'btint2cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_sortsupport(internal) RETURNS void
  AS 'btint2sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_hash(@extschema@.country) RETURNS integer
  AS 'hashint2' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_hash_extended(@extschema@.country, bigint) RETURNS bigint
  AS 'hashint2extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) IS 'same country';
COMMENT ON FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) IS 'different countries';
COMMENT ON FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) IS 'before, in ISO alpha-3 order';
COMMENT ON FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) IS 'before or same, in ISO alpha-3 order';
COMMENT ON FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) IS 'after, in ISO alpha-3 order';
COMMENT ON FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) IS 'after or same, in ISO alpha-3 order';
COMMENT ON FUNCTION @extschema@.country_cmp(@extschema@.country, @extschema@.country) IS 'btree comparison in ISO alpha-3 order';
COMMENT ON FUNCTION @extschema@.country_sortsupport(internal) IS 'btree sort support (int2 comparator)';
COMMENT ON FUNCTION @extschema@.country_hash(@extschema@.country) IS 'hash support';
COMMENT ON FUNCTION @extschema@.country_hash_extended(@extschema@.country, bigint) IS 'extended (seeded) hash support';

CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
  FUNCTION = @extschema@.country_eq, COMMUTATOR = OPERATOR(@extschema@.=),
  NEGATOR = OPERATOR(@extschema@.<>), RESTRICT = eqsel, JOIN = eqjoinsel,
  HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (
  LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
  FUNCTION = @extschema@.country_ne, COMMUTATOR = OPERATOR(@extschema@.<>),
  NEGATOR = OPERATOR(@extschema@.=), RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (
  LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
  FUNCTION = @extschema@.country_lt, COMMUTATOR = OPERATOR(@extschema@.>),
  NEGATOR = OPERATOR(@extschema@.>=), RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
  LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
  FUNCTION = @extschema@.country_le, COMMUTATOR = OPERATOR(@extschema@.>=),
  NEGATOR = OPERATOR(@extschema@.>), RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
  LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
  FUNCTION = @extschema@.country_gt, COMMUTATOR = OPERATOR(@extschema@.<),
  NEGATOR = OPERATOR(@extschema@.<=), RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
  LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
  FUNCTION = @extschema@.country_ge, COMMUTATOR = OPERATOR(@extschema@.<=),
  NEGATOR = OPERATOR(@extschema@.<), RESTRICT = scalargesel, JOIN = scalargejoinsel);

COMMENT ON OPERATOR @extschema@.= (@extschema@.country, @extschema@.country) IS 'same country';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.country, @extschema@.country) IS 'different countries';
COMMENT ON OPERATOR @extschema@.< (@extschema@.country, @extschema@.country) IS 'before, in ISO alpha-3 order';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.country, @extschema@.country) IS 'before or same, in ISO alpha-3 order';
COMMENT ON OPERATOR @extschema@.> (@extschema@.country, @extschema@.country) IS 'after, in ISO alpha-3 order';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.country, @extschema@.country) IS 'after or same, in ISO alpha-3 order';

CREATE OPERATOR CLASS @extschema@.country_btree_ops
  DEFAULT FOR TYPE @extschema@.country USING btree AS
    OPERATOR 1 @extschema@.<,
    OPERATOR 2 @extschema@.<=,
    OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=,
    OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.country_cmp(@extschema@.country, @extschema@.country),
    FUNCTION 2 @extschema@.country_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.country_hash_ops
  DEFAULT FOR TYPE @extschema@.country USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.country_hash(@extschema@.country),
    FUNCTION 2 @extschema@.country_hash_extended(@extschema@.country, bigint);

COMMENT ON OPERATOR CLASS @extschema@.country_btree_ops USING btree IS
  'btree order of country: ISO alpha-3 order';
COMMENT ON OPERATOR CLASS @extschema@.country_hash_ops USING hash IS
  'hashing of country, for hash joins, GROUP BY and hash partitioning';
-- extension/sql/100_model_tables.sql
-- The data model (issue #7): sources, places and their names, actors and their
-- names, events and their actors, troop deployments, figures, and the ACLED and
-- CAMEO lookup tables they refer to.
--
-- Rows shipped with the extension (the lookup codes and the sample report of
-- extension/data/) carry standard = true or sample = true and ids up to 1000;
-- the users' own rows carry false and ids from 1001 on.  Every table is a
-- configuration table of the extension (pg_extension_config_dump, at the end of
-- this file) whose filter dumps only the users' rows, so that pg_dump keeps
-- them and a restore does not duplicate the shipped ones (CREATE EXTENSION
-- recreates those).  Shipped rows are guarded by triggers: changing one would be
-- silently undone by a dump and restore, so it is an error unless the session
-- sets sahel_news.allow_sample_changes = on.

-- ---------------------------------------------------------------------------
-- The guard on shipped rows

CREATE FUNCTION @extschema@.sample_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  flag text := TG_ARGV[0];
  has_shipped boolean;
BEGIN
  IF coalesce(current_setting('sahel_news.allow_sample_changes', true), '') IN ('on', 'true', '1') THEN
    IF TG_LEVEL = 'STATEMENT' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE %I)', TG_TABLE_SCHEMA, TG_TABLE_NAME, flag)
      INTO has_shipped;
    IF NOT has_shipped THEN RETURN NULL; END IF;
    RAISE EXCEPTION 'cannot truncate %.%: it holds rows shipped with the extension', TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Rows with %s = true come with CREATE EXTENSION and are not dumped by pg_dump.', flag),
            HINT = format('Delete your own rows with DELETE ... WHERE NOT %s, or SET sahel_news.allow_sample_changes = on to remove the shipped rows as well (a dump and restore brings them back).', flag);
  END IF;
  IF TG_OP = 'INSERT' THEN
    RAISE EXCEPTION 'cannot insert a row with % = true into %.%', flag, TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Rows with %s = true belong to the extension: pg_dump leaves them out, so this row would be lost by a dump and restore.', flag),
            HINT = format('Insert it with %s = false (the default).', flag);
  END IF;
  RAISE EXCEPTION 'cannot % a row shipped with the extension in %.%', lower(TG_OP), TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'object_not_in_prerequisite_state',
          DETAIL = format('Rows with %s = true come with CREATE EXTENSION and are not dumped by pg_dump, so the change would be undone by a dump and restore.', flag),
          HINT = 'Add your own row (ids from 1001 on) instead, or SET sahel_news.allow_sample_changes = on to change it anyway.';
END
$$;
COMMENT ON FUNCTION @extschema@.sample_guard() IS
  'Trigger function: rejects inserting, changing, deleting or truncating the rows shipped with the extension (sample or standard = true), which pg_dump leaves out and CREATE EXTENSION recreates; SET sahel_news.allow_sample_changes = on lifts the guard for a session';

-- ---------------------------------------------------------------------------
-- Lookup tables

CREATE TABLE @extschema@.acled_event_types (
  event_type text PRIMARY KEY,
  disorder_type text NOT NULL,
  standard boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.acled_event_types IS
  'ACLED''s six event types (Battles, Protests, Riots, Explosions/Remote violence, Violence against civilians, Strategic developments)';
COMMENT ON COLUMN @extschema@.acled_event_types.event_type IS 'ACLED event type, spelled as ACLED exports it';
COMMENT ON COLUMN @extschema@.acled_event_types.disorder_type IS 'ACLED disorder type(s) its sub-event types fall under (Political violence; Demonstrations; Strategic developments)';
COMMENT ON COLUMN @extschema@.acled_event_types.standard IS 'true for the rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.acled_sub_event_types (
  sub_event_type text PRIMARY KEY,
  event_type text NOT NULL REFERENCES @extschema@.acled_event_types ON UPDATE CASCADE,
  disorder_type text NOT NULL,
  hierarchy_rank smallint UNIQUE CHECK (hierarchy_rank > 0),
  political_violence boolean NOT NULL,
  organized_political_violence boolean NOT NULL,
  demonstrations boolean NOT NULL,
  standard boolean NOT NULL DEFAULT false,
  UNIQUE (event_type, sub_event_type)
);
COMMENT ON TABLE @extschema@.acled_sub_event_types IS
  'ACLED''s 25 sub-event types, each under one event type; events.sub_event_type refers to it together with its event type';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.sub_event_type IS 'ACLED sub-event type, spelled as ACLED exports it';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.event_type IS 'the event type it belongs to';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.disorder_type IS 'ACLED disorder type(s) of this sub-event type, as ACLED writes them ("Political violence; Demonstrations" for excessive force against protesters)';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.hierarchy_rank IS 'ACLED''s order of precedence when an event fits several sub-event types (1 first)';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.political_violence IS 'counted as political violence';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.organized_political_violence IS 'counted as organised political violence (excludes mob violence and violence against protesters)';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.demonstrations IS 'counted as demonstrations';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.standard IS 'true for the rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.acled_actor_types (
  code smallint PRIMARY KEY CHECK (code BETWEEN 1 AND 9),
  name text NOT NULL UNIQUE,
  standard boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.acled_actor_types IS
  'ACLED''s actor types, the inter1/inter2 codes of its exports (1 State forces ... 8 External/Other forces)';
COMMENT ON COLUMN @extschema@.acled_actor_types.code IS 'ACLED inter code';
COMMENT ON COLUMN @extschema@.acled_actor_types.name IS 'the actor type as ACLED''s current codebook names it';
COMMENT ON COLUMN @extschema@.acled_actor_types.standard IS 'true for the rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.cameo_codes (
  code text PRIMARY KEY CHECK (code OPERATOR(pg_catalog.~) '^[0-9]{2,4}$'),
  parent text REFERENCES @extschema@.cameo_codes,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  name text NOT NULL,
  goldstein float8 CHECK (goldstein BETWEEN -10 AND 10),
  quad_class smallint CHECK (quad_class BETWEEN 1 AND 4),
  standard boolean NOT NULL DEFAULT false,
  CONSTRAINT cameo_codes_root_has_no_parent CHECK ((level = 1) = (parent IS NULL)),
  CONSTRAINT cameo_codes_code_extends_parent CHECK (parent IS NULL OR code OPERATOR(pg_catalog.^@) parent)
);
CREATE INDEX cameo_codes_parent_idx ON @extschema@.cameo_codes (parent);
COMMENT ON TABLE @extschema@.cameo_codes IS
  'CAMEO event codes (version 1.1b3, as GDELT uses them): 20 root codes, their base codes and sub-codes, with Goldstein scale and quad class';
COMMENT ON COLUMN @extschema@.cameo_codes.code IS 'CAMEO event code: 2 digits (root), 3 (base) or 4 (sub-code), leading zero kept';
COMMENT ON COLUMN @extschema@.cameo_codes.parent IS 'the code one level up (NULL for a root code)';
COMMENT ON COLUMN @extschema@.cameo_codes.level IS '1 root, 2 base code, 3 sub-code';
COMMENT ON COLUMN @extschema@.cameo_codes.name IS 'what the code means';
COMMENT ON COLUMN @extschema@.cameo_codes.goldstein IS 'Goldstein conflict-cooperation score, -10 (most conflictual) to +10, as GDELT assigns it';
COMMENT ON COLUMN @extschema@.cameo_codes.quad_class IS '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict';
COMMENT ON COLUMN @extschema@.cameo_codes.standard IS 'true for the rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Sources

CREATE TABLE @extschema@.sources (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.sources_id_seq START WITH 1001) PRIMARY KEY,
  publisher text NOT NULL,
  title text,
  url text CHECK (url OPERATOR(pg_catalog.~) '^[A-Za-z][A-Za-z0-9+.-]*://[^[:space:]]+$'),
  published @extschema@.edtf,
  language text CHECK (language OPERATOR(pg_catalog.~) '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
  subject text,
  body text,
  retrieved timestamptz,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT sources_shipped_ids CHECK (sample = (id <= 1000))
);
CREATE UNIQUE INDEX sources_url_idx ON @extschema@.sources (url);
COMMENT ON TABLE @extschema@.sources IS
  'Where facts come from: a news report, a press release, a dataset''s documentation';
COMMENT ON COLUMN @extschema@.sources.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.sources.publisher IS 'who published it (outlet, agency, organisation)';
COMMENT ON COLUMN @extschema@.sources.title IS 'its title or headline';
COMMENT ON COLUMN @extschema@.sources.url IS 'its web address (unique)';
COMMENT ON COLUMN @extschema@.sources.published IS 'when it was published, at the precision known (edtf); relative dates in it resolve against this';
COMMENT ON COLUMN @extschema@.sources.language IS 'its language, as a BCP 47 tag (en, fr)';
COMMENT ON COLUMN @extschema@.sources.subject IS 'what it is about, in our own words';
COMMENT ON COLUMN @extschema@.sources.body IS 'its full text, when the user may store it (NULL for the shipped sample: the project keeps facts, never a report''s sentences); annotate() reads it';
COMMENT ON COLUMN @extschema@.sources.retrieved IS 'when the text or the facts were taken from it';
COMMENT ON COLUMN @extschema@.sources.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Places and their names

CREATE TABLE @extschema@.places (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.places_id_seq START WITH 1001) PRIMARY KEY,
  name text NOT NULL CHECK (name OPERATOR(pg_catalog.<>) ''),
  kind text NOT NULL CHECK (kind IN ('country', 'region', 'city', 'town', 'village', 'base', 'border area',
                                      'sea', 'lake region', 'supranational region', 'continent')),
  country @extschema@.country,
  parent_id bigint REFERENCES @extschema@.places,
  location @extschema@.geopoint,
  precision_m float8 CHECK (precision_m >= 0 AND precision_m <= 20037509),
  geonames_id bigint UNIQUE CHECK (geonames_id > 0),
  note text,
  dataset text,
  external_id text,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT places_shipped_ids CHECK (sample = (id <= 1000)),
  CONSTRAINT places_not_own_parent CHECK (parent_id <> id),
  CONSTRAINT places_precision_needs_location CHECK (precision_m IS NULL OR location IS NOT NULL),
  CONSTRAINT places_dataset_and_external_id CHECK ((dataset IS NULL) = (external_id IS NULL)),
  UNIQUE (dataset, external_id)
);
CREATE INDEX places_lower_name_idx ON @extschema@.places (lower(name));
CREATE INDEX places_location_idx ON @extschema@.places USING gist (location);
CREATE INDEX places_parent_idx ON @extschema@.places (parent_id);
CREATE INDEX places_country_idx ON @extschema@.places (country);
COMMENT ON TABLE @extschema@.places IS
  'Places named in reports or datasets, from villages to continents, each with its country, the place it lies in, and a location as precise as known';
COMMENT ON COLUMN @extschema@.places.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.places.name IS 'its usual English name (every other name and alias is in place_names)';
COMMENT ON COLUMN @extschema@.places.kind IS 'country, region, city, town, village, base, border area, sea, lake region, supranational region or continent';
COMMENT ON COLUMN @extschema@.places.country IS 'the country it lies in; NULL when it spans several (see place_countries) or none';
COMMENT ON COLUMN @extschema@.places.parent_id IS 'the place it lies in (Djallo in the Bandiagara area, Bamako in Mali)';
COMMENT ON COLUMN @extschema@.places.location IS 'a representative point (WGS84); NULL when not known, then locate() uses the nearest enclosing place that has one';
COMMENT ON COLUMN @extschema@.places.precision_m IS 'how vague the location is: roughly the radius in metres of the area the name covers, or of the uncertainty of the point';
COMMENT ON COLUMN @extschema@.places.geonames_id IS 'GeoNames identifier, when known (unique)';
COMMENT ON COLUMN @extschema@.places.note IS 'remarks in our own words (why the location is vague, what the name covers)';
COMMENT ON COLUMN @extschema@.places.dataset IS 'the dataset the place was loaded from (NULL when entered by hand)';
COMMENT ON COLUMN @extschema@.places.external_id IS 'its identifier in that dataset (unique with dataset)';
COMMENT ON COLUMN @extschema@.places.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.place_names (
  place_id bigint NOT NULL REFERENCES @extschema@.places ON DELETE CASCADE,
  name text NOT NULL CHECK (name OPERATOR(pg_catalog.<>) ''),
  lang text CHECK (lang OPERATOR(pg_catalog.~) '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
  is_demonym boolean NOT NULL DEFAULT false,
  sample boolean NOT NULL DEFAULT false,
  PRIMARY KEY (place_id, name)
);
CREATE INDEX place_names_lower_name_idx ON @extschema@.place_names (lower(name));
COMMENT ON TABLE @extschema@.place_names IS
  'Every name of a place: its usual name, aliases, spellings, translations, and demonyms (Malian -> Mali); annotate() and locate() read it';
COMMENT ON COLUMN @extschema@.place_names.place_id IS 'the place';
COMMENT ON COLUMN @extschema@.place_names.name IS 'the name as written';
COMMENT ON COLUMN @extschema@.place_names.lang IS 'the language it belongs to (en, fr); NULL when it is the same in every language';
COMMENT ON COLUMN @extschema@.place_names.is_demonym IS 'true for a demonym or adjective (French, Malian, malien): a mention of the place''s people or state, not a place name; locate() ignores these';
COMMENT ON COLUMN @extschema@.place_names.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.place_countries (
  place_id bigint NOT NULL REFERENCES @extschema@.places ON DELETE CASCADE,
  country @extschema@.country NOT NULL,
  sample boolean NOT NULL DEFAULT false,
  PRIMARY KEY (place_id, country)
);
CREATE INDEX place_countries_country_idx ON @extschema@.place_countries (country);
COMMENT ON TABLE @extschema@.place_countries IS
  'The countries of a place that spans several (the Mali-Niger border area, the Lake Chad region); places.country is NULL for these';
COMMENT ON COLUMN @extschema@.place_countries.place_id IS 'the place';
COMMENT ON COLUMN @extschema@.place_countries.country IS 'one country it extends into';
COMMENT ON COLUMN @extschema@.place_countries.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Actors and their names

CREATE TABLE @extschema@.actors (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.actors_id_seq START WITH 1001) PRIMARY KEY,
  name text NOT NULL CHECK (name OPERATOR(pg_catalog.<>) ''),
  kind text CHECK (kind IN ('state', 'government', 'state forces', 'person', 'armed group',
                            'private military company', 'military operation', 'international organisation',
                            'peacekeeping mission', 'civilians')),
  country @extschema@.country,
  parent_id bigint REFERENCES @extschema@.actors,
  active @extschema@.edtf,
  acled_inter smallint REFERENCES @extschema@.acled_actor_types,
  cameo_code text CHECK (cameo_code OPERATOR(pg_catalog.~) '^([A-Z0-9]{3})+$'),
  note text,
  dataset text,
  external_id text,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT actors_shipped_ids CHECK (sample = (id <= 1000)),
  CONSTRAINT actors_not_own_parent CHECK (parent_id <> id),
  CONSTRAINT actors_dataset_and_external_id CHECK ((dataset IS NULL) = (external_id IS NULL)),
  UNIQUE (dataset, external_id)
);
CREATE INDEX actors_lower_name_idx ON @extschema@.actors (lower(name));
CREATE INDEX actors_parent_idx ON @extschema@.actors (parent_id);
CREATE INDEX actors_country_idx ON @extschema@.actors (country);
COMMENT ON TABLE @extschema@.actors IS
  'Who acts in events and deployments: states, governments, armed forces, operations, armed groups, companies, organisations, missions, people, civilians';
COMMENT ON COLUMN @extschema@.actors.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.actors.name IS 'its usual English name (acronyms, other names and translations are in actor_names)';
COMMENT ON COLUMN @extschema@.actors.kind IS 'state, government, state forces, person, armed group, private military company, military operation, international organisation, peacekeeping mission or civilians; NULL when not known';
COMMENT ON COLUMN @extschema@.actors.country IS 'the country it belongs to or acts for; NULL for international or stateless actors';
COMMENT ON COLUMN @extschema@.actors.parent_id IS 'the actor it is part of (Operation Barkhane within the French armed forces, MINUSMA within the United Nations)';
COMMENT ON COLUMN @extschema@.actors.active IS 'when it existed or acted, at the precision known (edtf; 2014/2022 for Barkhane)';
COMMENT ON COLUMN @extschema@.actors.acled_inter IS 'ACLED actor type (inter code 1-8, see acled_actor_types)';
COMMENT ON COLUMN @extschema@.actors.cameo_code IS 'CAMEO actor code as GDELT writes it: three-letter blocks, country or group then role (FRAMIL, MLIGOV, IGOUNO)';
COMMENT ON COLUMN @extschema@.actors.note IS 'remarks in our own words';
COMMENT ON COLUMN @extschema@.actors.dataset IS 'the dataset the actor was loaded from (NULL when entered by hand)';
COMMENT ON COLUMN @extschema@.actors.external_id IS 'its identifier in that dataset (unique with dataset)';
COMMENT ON COLUMN @extschema@.actors.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.actor_names (
  actor_id bigint NOT NULL REFERENCES @extschema@.actors ON DELETE CASCADE,
  name text NOT NULL CHECK (name OPERATOR(pg_catalog.<>) ''),
  lang text CHECK (lang OPERATOR(pg_catalog.~) '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
  name_kind text NOT NULL DEFAULT 'name' CHECK (name_kind IN ('name', 'acronym', 'translation', 'alias')),
  sample boolean NOT NULL DEFAULT false,
  PRIMARY KEY (actor_id, name)
);
CREATE INDEX actor_names_lower_name_idx ON @extschema@.actor_names (lower(name));
COMMENT ON TABLE @extschema@.actor_names IS
  'Every name of an actor: its usual name, acronyms, transliterations and translations (JNIM, GSIM, Support Group for Islam and Muslims); annotate() reads it';
COMMENT ON COLUMN @extschema@.actor_names.actor_id IS 'the actor';
COMMENT ON COLUMN @extschema@.actor_names.name IS 'the name as written';
COMMENT ON COLUMN @extschema@.actor_names.lang IS 'the language it belongs to (en, fr, ar); NULL when the same in every language';
COMMENT ON COLUMN @extschema@.actor_names.name_kind IS 'name, acronym, translation or alias (a name used for the actor, such as a capital for its government)';
COMMENT ON COLUMN @extschema@.actor_names.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Events and their actors

CREATE TABLE @extschema@.events (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.events_id_seq START WITH 1001) PRIMARY KEY,
  source_id bigint REFERENCES @extschema@.sources,
  occurred @extschema@.edtf NOT NULL,
  place_id bigint REFERENCES @extschema@.places,
  location @extschema@.geopoint,
  geo_precision smallint CHECK (geo_precision BETWEEN 1 AND 3),
  event_type text REFERENCES @extschema@.acled_event_types ON UPDATE CASCADE,
  sub_event_type text,
  cameo_code text REFERENCES @extschema@.cameo_codes ON UPDATE CASCADE,
  fatalities @extschema@.estimate,
  fatalities_claimed boolean NOT NULL DEFAULT false,
  summary text,
  related_event_id bigint REFERENCES @extschema@.events ON DELETE SET NULL,
  note text,
  dataset text,
  external_id text,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT events_shipped_ids CHECK (sample = (id <= 1000)),
  CONSTRAINT events_not_own_related CHECK (related_event_id <> id),
  CONSTRAINT events_sub_event_needs_type CHECK (sub_event_type IS NULL OR event_type IS NOT NULL),
  CONSTRAINT events_precision_needs_location CHECK (geo_precision IS NULL OR location IS NOT NULL),
  CONSTRAINT events_claim_needs_fatalities CHECK (NOT fatalities_claimed OR fatalities IS NOT NULL),
  CONSTRAINT events_dataset_and_external_id CHECK ((dataset IS NULL) = (external_id IS NULL)),
  FOREIGN KEY (event_type, sub_event_type) REFERENCES @extschema@.acled_sub_event_types (event_type, sub_event_type)
    ON UPDATE CASCADE,
  UNIQUE (dataset, external_id)
);
CREATE INDEX events_location_idx ON @extschema@.events USING gist (location);
CREATE INDEX events_occurred_idx ON @extschema@.events USING gist (occurred);
CREATE INDEX events_place_idx ON @extschema@.events (place_id);
CREATE INDEX events_source_idx ON @extschema@.events (source_id);
COMMENT ON TABLE @extschema@.events IS
  'What happened, where, when and how many died, coded with ACLED''s event taxonomy and CAMEO, from a source or a dataset';
COMMENT ON COLUMN @extschema@.events.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.events.source_id IS 'the source that reports it';
COMMENT ON COLUMN @extschema@.events.occurred IS 'when it happened, exactly as precise as known (edtf: 2013, 2022-02, 2022-08-13, 2013/2022, ../2022-08-15)';
COMMENT ON COLUMN @extschema@.events.place_id IS 'where it happened, the most precise place named';
COMMENT ON COLUMN @extschema@.events.location IS 'the point the event is mapped to (WGS84), usually its place''s; events_near() and the GiST index search it';
COMMENT ON COLUMN @extschema@.events.geo_precision IS 'ACLED geo-precision of the location: 1 the place itself, 2 near it or in its district, 3 only the region is known';
COMMENT ON COLUMN @extschema@.events.event_type IS 'ACLED event type (acled_event_types)';
COMMENT ON COLUMN @extschema@.events.sub_event_type IS 'ACLED sub-event type, one of its event type''s (acled_sub_event_types)';
COMMENT ON COLUMN @extschema@.events.cameo_code IS 'CAMEO event code (cameo_codes)';
COMMENT ON COLUMN @extschema@.events.fatalities IS 'deaths, as vague as reported (estimate: 4, ~50, 24..99, ?); NULL when the question does not arise';
COMMENT ON COLUMN @extschema@.events.fatalities_claimed IS 'true when the figure is an actor''s claim (the claimant in event_actors), not an independent count';
COMMENT ON COLUMN @extschema@.events.summary IS 'what happened, in our own words';
COMMENT ON COLUMN @extschema@.events.related_event_id IS 'the event this one is about (a claim of responsibility points at the attack it claims)';
COMMENT ON COLUMN @extschema@.events.note IS 'remarks in our own words (such as a finer real-world date than the source gives)';
COMMENT ON COLUMN @extschema@.events.dataset IS 'the dataset it came from (acled, ucdp_ged, gdelt, sahel_news_sample); NULL when entered by hand';
COMMENT ON COLUMN @extschema@.events.external_id IS 'its identifier in that dataset (unique with dataset)';
COMMENT ON COLUMN @extschema@.events.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.event_actors (
  event_id bigint NOT NULL REFERENCES @extschema@.events ON DELETE CASCADE,
  actor_id bigint NOT NULL REFERENCES @extschema@.actors,
  role text NOT NULL CHECK (role IN ('actor1', 'actor2', 'associate', 'target', 'claimant', 'victim')),
  sample boolean NOT NULL DEFAULT false,
  PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor_idx ON @extschema@.event_actors (actor_id);
COMMENT ON TABLE @extschema@.event_actors IS
  'Who took part in an event, and how';
COMMENT ON COLUMN @extschema@.event_actors.event_id IS 'the event';
COMMENT ON COLUMN @extschema@.event_actors.actor_id IS 'the actor';
COMMENT ON COLUMN @extschema@.event_actors.role IS 'actor1 (the initiator, ACLED''s actor 1), actor2 (the other side), associate (fights alongside), target, claimant (claims it), victim';
COMMENT ON COLUMN @extschema@.event_actors.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Deployments

CREATE TABLE @extschema@.deployments (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.deployments_id_seq START WITH 1001) PRIMARY KEY,
  source_id bigint REFERENCES @extschema@.sources,
  force_id bigint REFERENCES @extschema@.actors,
  contributor @extschema@.country,
  host @extschema@.country,
  place_id bigint REFERENCES @extschema@.places,
  strength @extschema@.estimate NOT NULL DEFAULT '?',
  as_of @extschema@.edtf,
  period @extschema@.edtf,
  part_of bigint REFERENCES @extschema@.deployments,
  note text,
  dataset text,
  external_id text,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT deployments_shipped_ids CHECK (sample = (id <= 1000)),
  CONSTRAINT deployments_not_own_part CHECK (part_of <> id),
  CONSTRAINT deployments_force_or_contributor CHECK (force_id IS NOT NULL OR contributor IS NOT NULL),
  CONSTRAINT deployments_as_of_within_period CHECK (as_of IS NULL OR period IS NULL OR as_of OPERATOR(@extschema@.&&) period),
  CONSTRAINT deployments_dataset_and_external_id CHECK ((dataset IS NULL) = (external_id IS NULL)),
  UNIQUE (dataset, external_id)
);
CREATE INDEX deployments_contributor_idx ON @extschema@.deployments (contributor, host);
CREATE INDEX deployments_host_idx ON @extschema@.deployments (host);
CREATE INDEX deployments_force_idx ON @extschema@.deployments (force_id);
CREATE INDEX deployments_part_of_idx ON @extschema@.deployments (part_of);
CREATE INDEX deployments_period_idx ON @extschema@.deployments USING gist (period);
CREATE INDEX deployments_as_of_idx ON @extschema@.deployments USING gist (as_of);
COMMENT ON TABLE @extschema@.deployments IS
  'Troop strength figures: a force a country contributes to a host country (or place), how strong as of when, while the deployment ran. Rows with the same force, contributor, host and place are successive figures of one deployment; part_of links a reported part to its reported total';
COMMENT ON COLUMN @extschema@.deployments.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.deployments.source_id IS 'the source of the figure';
COMMENT ON COLUMN @extschema@.deployments.force_id IS 'the force deployed (an actor: an army, an operation, a mission, a company)';
COMMENT ON COLUMN @extschema@.deployments.contributor IS 'the country whose troops they are; NULL for a multinational force counted as a whole';
COMMENT ON COLUMN @extschema@.deployments.host IS 'the country they are deployed in; NULL when the figure spans several countries or the country is not given';
COMMENT ON COLUMN @extschema@.deployments.place_id IS 'where within the host (a city, a base, a border area); NULL for the host as a whole';
COMMENT ON COLUMN @extschema@.deployments.strength IS 'how many troops, as vague as reported (estimate: 2400, ~1000, 700..1000, ? when undisclosed or not given)';
COMMENT ON COLUMN @extschema@.deployments.as_of IS 'when the figure held (edtf); troop_strength() uses a figure from the first day of as_of on';
COMMENT ON COLUMN @extschema@.deployments.period IS 'when the deployment ran (edtf interval); NULL when not given: then the figure holds from as_of until a later figure of the same deployment';
COMMENT ON COLUMN @extschema@.deployments.part_of IS 'the reported total this figure is part of; troop_strength() counts a total instead of, never in addition to, its parts';
COMMENT ON COLUMN @extschema@.deployments.note IS 'remarks in our own words (equipment, tasks, a finer date known elsewhere)';
COMMENT ON COLUMN @extschema@.deployments.dataset IS 'the dataset the figure came from (ipi_contributions, geopko, sahel_news_sample); NULL when entered by hand';
COMMENT ON COLUMN @extschema@.deployments.external_id IS 'its identifier in that dataset (unique with dataset)';
COMMENT ON COLUMN @extschema@.deployments.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Figures

CREATE TABLE @extschema@.figures (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.figures_id_seq START WITH 1001) PRIMARY KEY,
  source_id bigint REFERENCES @extschema@.sources,
  subject text NOT NULL CHECK (subject OPERATOR(pg_catalog.<>) ''),
  actor_id bigint REFERENCES @extschema@.actors,
  place_id bigint REFERENCES @extschema@.places,
  period @extschema@.edtf,
  value @extschema@.estimate NOT NULL,
  unit text NOT NULL CHECK (unit OPERATOR(pg_catalog.<>) ''),
  note text,
  dataset text,
  external_id text,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT figures_shipped_ids CHECK (sample = (id <= 1000)),
  CONSTRAINT figures_dataset_and_external_id CHECK ((dataset IS NULL) = (external_id IS NULL)),
  UNIQUE (dataset, external_id)
);
CREATE INDEX figures_place_idx ON @extschema@.figures (place_id);
CREATE INDEX figures_period_idx ON @extschema@.figures USING gist (period);
COMMENT ON TABLE @extschema@.figures IS
  'Statistics that are not single events: totals over a period (soldiers killed over nine years, people displaced)';
COMMENT ON COLUMN @extschema@.figures.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.figures.source_id IS 'the source of the figure';
COMMENT ON COLUMN @extschema@.figures.subject IS 'what is counted, in our own words (French soldiers killed, civilians displaced)';
COMMENT ON COLUMN @extschema@.figures.actor_id IS 'the actor the figure is about, when there is one (the French armed forces for their dead)';
COMMENT ON COLUMN @extschema@.figures.place_id IS 'where';
COMMENT ON COLUMN @extschema@.figures.period IS 'the period it covers (edtf: 2013/2022, ../2022-08)';
COMMENT ON COLUMN @extschema@.figures.value IS 'the number, as vague as reported (estimate: 59, 2000..9999, >=2000001)';
COMMENT ON COLUMN @extschema@.figures.unit IS 'what one unit of value is (people, soldiers, deaths)';
COMMENT ON COLUMN @extschema@.figures.note IS 'remarks in our own words';
COMMENT ON COLUMN @extschema@.figures.dataset IS 'the dataset the figure came from; NULL when entered by hand';
COMMENT ON COLUMN @extschema@.figures.external_id IS 'its identifier in that dataset (unique with dataset)';
COMMENT ON COLUMN @extschema@.figures.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Guards on shipped rows, and what pg_dump dumps

DO $guard$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('acled_event_types', 'standard'), ('acled_sub_event_types', 'standard'),
      ('acled_actor_types', 'standard'), ('cameo_codes', 'standard'),
      ('sources', 'sample'), ('places', 'sample'), ('place_names', 'sample'),
      ('place_countries', 'sample'), ('actors', 'sample'), ('actor_names', 'sample'),
      ('events', 'sample'), ('event_actors', 'sample'), ('deployments', 'sample'),
      ('figures', 'sample')) AS v(tab, flag)
  LOOP
    EXECUTE pg_catalog.format(
      'CREATE TRIGGER shipped_rows_insert BEFORE INSERT ON %1$I.%2$I FOR EACH ROW WHEN (NEW.%3$I) '
      'EXECUTE FUNCTION %1$I.sample_guard(%3$L)', '@extschema@', t.tab, t.flag);
    EXECUTE pg_catalog.format(
      'CREATE TRIGGER shipped_rows_update BEFORE UPDATE ON %1$I.%2$I FOR EACH ROW WHEN (OLD.%3$I OR NEW.%3$I) '
      'EXECUTE FUNCTION %1$I.sample_guard(%3$L)', '@extschema@', t.tab, t.flag);
    EXECUTE pg_catalog.format(
      'CREATE TRIGGER shipped_rows_delete BEFORE DELETE ON %1$I.%2$I FOR EACH ROW WHEN (OLD.%3$I) '
      'EXECUTE FUNCTION %1$I.sample_guard(%3$L)', '@extschema@', t.tab, t.flag);
    EXECUTE pg_catalog.format(
      'CREATE TRIGGER shipped_rows_truncate BEFORE TRUNCATE ON %1$I.%2$I FOR EACH STATEMENT '
      'EXECUTE FUNCTION %1$I.sample_guard(%3$L)', '@extschema@', t.tab, t.flag);
    PERFORM pg_catalog.pg_extension_config_dump(
      pg_catalog.format('%I.%I', '@extschema@', t.tab)::pg_catalog.regclass,
      pg_catalog.format('WHERE NOT %I', t.flag));
  END LOOP;
  FOR t IN SELECT * FROM (VALUES ('sources_id_seq'), ('places_id_seq'), ('actors_id_seq'),
                                 ('events_id_seq'), ('deployments_id_seq'), ('figures_id_seq')) AS v(seq)
  LOOP
    PERFORM pg_catalog.pg_extension_config_dump(
      pg_catalog.format('%I.%I', '@extschema@', t.seq)::pg_catalog.regclass, '');
  END LOOP;
END
$guard$;
-- extension/sql/110_model_functions.sql
-- Functions analysts ask the model questions with (issue #7): troop strength at
-- a date and its timeline, a place's location by name, events near a point,
-- and events as GeoJSON.
--
-- Every function runs with search_path = pg_catalog, pg_temp and names the
-- extension's objects (types, functions, operators, aggregates) with
-- @extschema@, so a caller's search_path cannot change what they mean.

-- ---------------------------------------------------------------------------
-- Troop strength
--
-- deployments holds figures.  Rows with the same force, contributor, host and
-- place are successive figures of one deployment.  On a day t:
--   * a row is live while its period runs (lower(period) <= t <= upper(period));
--     without a period it is live from the first day of as_of on; an unknown
--     start falls back to as_of, an unknown end is read like an open one;
--   * a deployment counts with its latest figure as of t (the row with the
--     greatest lower(as_of) <= t) when that row is live; when some row is live
--     but none has a figure yet (or the latest one has ended while an older one
--     runs), it counts as '?' (deployed, strength unknown);
--   * a deployment that is part (part_of, at any depth) of a reported total
--     that counts with a figure on t is left out: a total replaces its parts;
--   * hand-over day: a period that ends on day e (and began before it) does not
--     count on e when, among the rows asked about, another deployment of the
--     contributor has a figure from e on (its as_of begins on e, it runs on e)
--     and that deployment is in the same host or spans several (host NULL).
--     That figure already describes e: the troops that left are among those
--     it counts, or have gone.  (France's deployment in Mali ends 2022-08-15,
--     the day the report's Sahel-wide total after the withdrawal begins;
--     France everywhere that day is that total, not the total plus Mali's last
--     figure.  Asked about Mali alone, the day still counts: the last troops
--     left Mali during it.)
--   * the result is the estimate sum of what counts, '0' when the contributor
--     has rows for that host but none counts on t, NULL when it has none at all.
-- Finding the latest figure as of a day needs every figure of a deployment,
-- however old, so these functions read the contributor's rows through the
-- btree index on (contributor, host), not the GiST indexes on period/as_of.
-- The functions run with jit = off: their queries are small, but the planner's
-- generic estimates for them can pass jit_above_cost, and compiling would then
-- cost seconds for a millisecond's work.

CREATE FUNCTION @extschema@.troop_strengths(contributor @extschema@.country, host @extschema@.country,
                                            days date[])
RETURNS TABLE (day date, strength @extschema@.estimate)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
WITH RECURSIVE
rows_asked AS (
  SELECT d.id, d.part_of, d.strength, d.host,
         concat_ws('|', coalesce(d.force_id::text, '-'), coalesce(d.host::text, '-'),
                   coalesce(d.place_id::text, '-')) AS series,
         coalesce(@extschema@.lower(d.period), @extschema@.lower(d.as_of), '-infinity'::date) AS a_from,
         CASE WHEN d.period IS NULL THEN 'infinity'::date
              ELSE coalesce(@extschema@.upper(d.period), 'infinity'::date) END AS a_to,
         coalesce(@extschema@.lower(d.as_of), @extschema@.lower(d.period), '-infinity'::date) AS f
  FROM @extschema@.deployments d
  WHERE d.contributor OPERATOR(@extschema@.=) $1
    AND ($2 IS NULL OR d.host OPERATOR(@extschema@.=) $2)
),
-- a row is live from a_from to a_to, its last day left out on a hand-over day
cand AS (
  SELECT r.id, r.part_of, r.strength, r.series, r.a_from, r.f,
         CASE WHEN r.a_to > r.a_from
                   AND EXISTS (SELECT 1 FROM rows_asked n
                               WHERE n.series <> r.series AND n.f = r.a_to AND n.a_from <= r.a_to
                                 AND (n.host IS NULL OR n.host OPERATOR(@extschema@.=) r.host))
              THEN r.a_to - 1 ELSE r.a_to END AS a_to
  FROM rows_asked r
),
-- the days asked for, distinct and sorted: width_bucket() finds by binary
-- search which of them fall in an interval
wanted AS (
  SELECT ARRAY(SELECT DISTINCT w.day FROM unnest($3) AS w(day) WHERE w.day IS NOT NULL ORDER BY 1) AS ds
),
-- every (row, enclosing total) pair, through part_of chains of any depth
up(id, anc) AS (
  SELECT c.id, c.part_of FROM cand c WHERE c.part_of IS NOT NULL
  UNION
  SELECT up.id, d.part_of
  FROM up JOIN @extschema@.deployments d ON d.id = up.anc
  WHERE d.part_of IS NOT NULL
),
-- deployment (series) s is part of deployment t
series_in AS (
  SELECT DISTINCT c.series AS part, t.series AS total
  FROM up JOIN cand c ON c.id = up.id JOIN cand t ON t.id = up.anc
  WHERE c.series <> t.series
),
-- a row's figure holds from its as_of until the next figure of its
-- deployment, and counts on the days within that span when the row is live
held AS (
  SELECT c.series, c.strength, greatest(c.f, c.a_from) AS s,
         least(coalesce(lead(c.f) OVER (PARTITION BY c.series ORDER BY c.f, c.id) - 1, 'infinity'::date),
               c.a_to) AS e
  FROM cand c
),
figured AS (
  SELECT w.ds[i] AS day, h.series, h.strength
  FROM held h CROSS JOIN wanted w
  CROSS JOIN LATERAL generate_series(width_bucket(h.s - 1, w.ds) + 1, width_bucket(h.e, w.ds)) AS i
  WHERE h.s <= h.e
),
-- the days a deployment runs: its rows' live spans, merged
spans AS (
  SELECT c.series, c.a_from, c.a_to,
         max(c.a_to) OVER (PARTITION BY c.series ORDER BY c.a_from, c.a_to
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
  FROM cand c
),
islands AS (
  SELECT sp.series, sp.a_from, sp.a_to,
         sum(CASE WHEN sp.before IS NULL OR sp.a_from > sp.before + 1 THEN 1 ELSE 0 END)
           OVER (PARTITION BY sp.series ORDER BY sp.a_from, sp.a_to) AS island
  FROM spans sp
),
running AS (
  SELECT w.ds[i] AS day, m.series
  FROM (SELECT x.series, min(x.a_from) AS s, max(x.a_to) AS e
        FROM islands x GROUP BY x.series, x.island) m
  CROSS JOIN wanted w
  CROSS JOIN LATERAL generate_series(width_bucket(m.s - 1, w.ds) + 1, width_bucket(m.e, w.ds)) AS i
),
-- a deployment that runs on the day without a figure that holds: '?'
unknown AS (
  SELECT r.day, r.series FROM running r
  EXCEPT
  SELECT f.day, f.series FROM figured f
),
counted AS (
  SELECT f.day, f.series, f.strength FROM figured f
  UNION ALL
  SELECT u.day, u.series, '?'::@extschema@.estimate FROM unknown u
),
-- a total with a figure on the day replaces its parts
kept AS (
  SELECT k.day, k.strength
  FROM counted k
  WHERE NOT EXISTS (SELECT 1
                    FROM series_in si JOIN figured t ON t.series = si.total AND t.day = k.day
                    WHERE si.part = k.series)
),
sums AS (
  SELECT k.day, @extschema@.sum(k.strength) AS strength FROM kept k GROUP BY k.day
)
SELECT d.day,
       CASE WHEN NOT EXISTS (SELECT 1 FROM cand) THEN NULL
            ELSE coalesce(s.strength, '0'::@extschema@.estimate) END
FROM wanted w CROSS JOIN LATERAL unnest(w.ds) AS d(day)
LEFT JOIN sums s ON s.day = d.day
ORDER BY d.day
$$;
COMMENT ON FUNCTION @extschema@.troop_strengths(@extschema@.country, @extschema@.country, date[]) IS
  'troop_strength() on each of several days at once (one row per distinct day, in order): what the deployments table says the contributor had in the host country (NULL host: everywhere), each deployment with its latest figure while its period runs, a reported total replacing its parts; on a hand-over day (a period ends on the day another deployment in the same host or spanning several has a figure from) the ending one no longer counts';

CREATE FUNCTION @extschema@.troop_strength(contributor @extschema@.country, host @extschema@.country, at date)
RETURNS @extschema@.estimate
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
SELECT t.strength FROM @extschema@.troop_strengths($1, $2, ARRAY[$3]) AS t
$$;
COMMENT ON FUNCTION @extschema@.troop_strength(@extschema@.country, @extschema@.country, date) IS
  'What the data says the contributor had in the host country on that day (host NULL: everywhere): each deployment counts with its latest figure as of that day while its period runs (? when running without a figure yet), a reported total replaces and is never added to its reported parts; 0 when all its deployments there had ended or not begun, NULL when there are none. Hand-over day: a period that ends on the day on which another deployment of the contributor asked about, in the same host or spanning several (host NULL), has a figure from that day on does not count that day (that figure already covers it), so France everywhere on 2022-08-15 is the Sahel total after the withdrawal, not that total plus Mali''s last figure; France in Mali alone still counts it';

CREATE FUNCTION @extschema@.troop_timeline(contributor @extschema@.country, host @extschema@.country DEFAULT NULL)
RETURNS TABLE (valid_from date, valid_to date, strength @extschema@.estimate)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
WITH cand AS (
  SELECT coalesce(@extschema@.lower(d.period), @extschema@.lower(d.as_of), '-infinity'::date) AS a_from,
         CASE WHEN d.period IS NULL THEN 'infinity'::date
              ELSE coalesce(@extschema@.upper(d.period), 'infinity'::date) END AS a_to,
         coalesce(@extschema@.lower(d.as_of), @extschema@.lower(d.period), '-infinity'::date) AS f
  FROM @extschema@.deployments d
  WHERE d.contributor OPERATOR(@extschema@.=) $1
    AND ($2 IS NULL OR d.host OPERATOR(@extschema@.=) $2)
),
-- the days on which the answer can change
changes AS (
  SELECT DISTINCT b.day
  FROM cand c CROSS JOIN LATERAL (VALUES (c.a_from), (c.f), (c.a_to + 1)) AS b(day)
  WHERE b.day <> 'infinity'::date
),
steps AS (
  SELECT t.day, t.strength, lag(t.strength::text) OVER (ORDER BY t.day) AS before
  FROM @extschema@.troop_strengths($1, $2, ARRAY(SELECT c.day FROM changes c)) AS t
),
starts AS (
  SELECT s.day, s.strength
  FROM steps s
  WHERE s.before IS DISTINCT FROM s.strength::text
    AND s.day >= (SELECT min(z.day) FROM steps z WHERE z.strength::text <> '0')
)
SELECT s.day, lead(s.day) OVER (ORDER BY s.day) - 1, s.strength
FROM starts s
ORDER BY s.day
$$;
COMMENT ON FUNCTION @extschema@.troop_timeline(@extschema@.country, @extschema@.country) IS
  'The step function of troop_strength(contributor, host, day): one row per period of constant strength, valid_from to valid_to inclusive (valid_to NULL: still so at the end of the data), from the first day anything is known';

-- ---------------------------------------------------------------------------
-- Places by name

CREATE FUNCTION @extschema@.locate(name text) RETURNS @extschema@.geopoint
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  wanted text := lower(btrim(name));
  found bigint[];
  candidates text;
  loc @extschema@.geopoint;
BEGIN
  SELECT array_agg(p.id ORDER BY p.id) INTO found
  FROM @extschema@.places p
  WHERE lower(p.name) = wanted
     OR p.id IN (SELECT n.place_id FROM @extschema@.place_names n
                 WHERE lower(n.name) = wanted AND NOT n.is_demonym);
  IF found IS NULL THEN
    RAISE EXCEPTION 'unknown place "%"', name
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'locate() knows the names in places and place_names (demonyms excepted); add the place or an alias there.';
  END IF;
  IF cardinality(found) > 1 THEN
    SELECT string_agg(format('%s (id %s, %s%s)', p.name, p.id, p.kind,
                             coalesce(', ' || (p.country::text), '')), '; ' ORDER BY p.id)
      INTO candidates
    FROM @extschema@.places p WHERE p.id = ANY (found);
    RAISE EXCEPTION 'place name "%" is ambiguous', name
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('It names %s places: %s.', cardinality(found), candidates),
            HINT = 'Select the location from places by id instead.';
  END IF;
  -- the place's own location, else that of the nearest enclosing place
  WITH RECURSIVE chain(id, location, depth) AS (
    SELECT p.id, p.location, 0 FROM @extschema@.places p WHERE p.id = found[1]
    UNION ALL
    SELECT q.id, q.location, c.depth + 1
    FROM chain c JOIN @extschema@.places p ON p.id = c.id JOIN @extschema@.places q ON q.id = p.parent_id
    WHERE c.location IS NULL AND c.depth < 100
  )
  SELECT c.location INTO loc FROM chain c WHERE c.location IS NOT NULL ORDER BY c.depth LIMIT 1;
  IF loc IS NULL THEN
    RAISE EXCEPTION 'place "%" has no known location', name
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Neither it nor any place it lies in (parent_id) has a location.';
  END IF;
  RETURN loc;
END
$$;
COMMENT ON FUNCTION @extschema@.locate(text) IS
  'The location of the place with this name or alias (case-insensitive; demonyms excepted); a place without a location of its own gets that of the nearest place it lies in. Unknown or ambiguous names are errors (22023), the latter listing the candidates';

-- ---------------------------------------------------------------------------
-- Events near a point

CREATE FUNCTION @extschema@.events_near(centre @extschema@.geopoint, metres float8,
                                        during @extschema@.edtf DEFAULT NULL)
RETURNS TABLE (event_id bigint, distance_m float8, occurred @extschema@.edtf, place text,
               event_type text, sub_event_type text, fatalities @extschema@.estimate, summary text)
LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 50
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF centre IS NULL OR metres IS NULL THEN
    RAISE EXCEPTION 'events_near() needs a centre and a radius'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF NOT (metres >= 0 AND metres < 'infinity'::float8) THEN
    RAISE EXCEPTION 'radius % is not a distance in metres', metres
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Give a finite radius of 0 metres or more.';
  END IF;
  -- Two statements rather than "during IS NULL OR occurred && during": a
  -- cached generic plan of the OR could not use the index on occurred.
  IF during IS NULL THEN
    RETURN QUERY
      SELECT e.id, @extschema@.distance(e.location, centre), e.occurred, p.name,
             e.event_type, e.sub_event_type, e.fatalities, e.summary
      FROM @extschema@.events e
      LEFT JOIN @extschema@.places p ON p.id = e.place_id
      WHERE @extschema@.dwithin(e.location, centre, metres)
      ORDER BY 2, e.id;
  ELSE
    RETURN QUERY
      SELECT e.id, @extschema@.distance(e.location, centre), e.occurred, p.name,
             e.event_type, e.sub_event_type, e.fatalities, e.summary
      FROM @extschema@.events e
      LEFT JOIN @extschema@.places p ON p.id = e.place_id
      WHERE @extschema@.dwithin(e.location, centre, metres)
        AND e.occurred OPERATOR(@extschema@.&&) during
      ORDER BY 2, e.id;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.events_near(@extschema@.geopoint, float8, @extschema@.edtf) IS
  'Events whose location lies within metres (geodesic, WGS84) of centre, nearest first, optionally only those that may have happened during the given time (occurred && during); uses the GiST indexes on events.location and events.occurred';

-- ---------------------------------------------------------------------------
-- GeoJSON

CREATE FUNCTION @extschema@.events_geojson(during @extschema@.edtf DEFAULT NULL) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT json_build_object(
  'type', 'FeatureCollection',
  'features', coalesce(json_agg(f.feature ORDER BY f.id), '[]'::json))
FROM (
  SELECT e.id, json_build_object(
    'type', 'Feature',
    'id', e.id,
    'geometry', @extschema@.to_geojson(e.location),
    'properties', json_build_object(
      'event_id', e.id,
      'occurred', e.occurred::text,
      'date_low', CASE WHEN isfinite(@extschema@.lower(e.occurred)) THEN @extschema@.lower(e.occurred) END,
      'date_high', CASE WHEN isfinite(@extschema@.upper(e.occurred)) THEN @extschema@.upper(e.occurred) END,
      'date_precision', @extschema@.precision(e.occurred),
      'event_type', e.event_type,
      'sub_event_type', e.sub_event_type,
      'cameo_code', e.cameo_code,
      'cameo_name', c.name,
      'place', p.name,
      'country', coalesce(p.country::text, pc.countries),
      'geo_precision', e.geo_precision,
      'fatalities', e.fatalities::text,
      'fatalities_low', @extschema@.lower(e.fatalities),
      'fatalities_best', @extschema@.best(e.fatalities),
      'fatalities_high', @extschema@.upper(e.fatalities),
      'fatalities_claimed', e.fatalities_claimed,
      'actors', a.actors,
      'summary', e.summary,
      'source', s.publisher,
      'url', s.url,
      'dataset', e.dataset,
      'external_id', e.external_id)) AS feature
  -- the located events (all, or those that may have happened during $1): two
  -- branches, each skipped by a one-time test of $1, so that the plan, made
  -- without knowing $1, can still search the GiST index on occurred
  FROM (SELECT x.* FROM @extschema@.events x
        WHERE $1 IS NULL AND x.location IS NOT NULL
        UNION ALL
        SELECT x.* FROM @extschema@.events x
        WHERE $1 IS NOT NULL AND x.location IS NOT NULL
          AND x.occurred OPERATOR(@extschema@.&&) $1) e
  LEFT JOIN @extschema@.places p ON p.id = e.place_id
  LEFT JOIN @extschema@.cameo_codes c ON c.code = e.cameo_code
  LEFT JOIN @extschema@.sources s ON s.id = e.source_id
  LEFT JOIN LATERAL (
    SELECT string_agg(x.country::text, ',' ORDER BY x.country::text) AS countries
    FROM @extschema@.place_countries x WHERE x.place_id = e.place_id) pc ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('actor_id', ea.actor_id, 'name', ac.name, 'role', ea.role)
                    ORDER BY ea.role, ac.name) AS actors
    FROM @extschema@.event_actors ea JOIN @extschema@.actors ac ON ac.id = ea.actor_id
    WHERE ea.event_id = e.id) a ON true
) f
$$;
COMMENT ON FUNCTION @extschema@.events_geojson(@extschema@.edtf) IS
  'The events that have a location (optionally only those that may have happened during the given time) as a GeoJSON FeatureCollection (RFC 7946: Point geometries, [longitude, latitude]) with their date bounds, ACLED and CAMEO types, place, country, fatalities, actors and source as properties; QGIS, kepler.gl and geojson.io open it as it is';
-- extension/sql/120_bi_views.sql
-- Flat views for BI tools (issue #7).  Every column has a built-in type (text,
-- integer, bigint, float8, date, boolean), so a tool that knows nothing of the
-- extension's types (JDBC, ODBC, Metabase, Superset, Tableau, QGIS) reads them
-- as they are.  Open or unknown date bounds are NULL here (never infinity); the
-- exact value is in the column of the same name as text (occurred, strength).

CREATE VIEW @extschema@.bi_events AS
SELECT e.id AS event_id,
       e.occurred::text AS occurred,
       CASE WHEN pg_catalog.isfinite(@extschema@.lower(e.occurred)) THEN @extschema@.lower(e.occurred) END AS date_low,
       CASE WHEN pg_catalog.isfinite(@extschema@.upper(e.occurred)) THEN @extschema@.upper(e.occurred) END AS date_high,
       @extschema@.precision(e.occurred) AS date_precision,
       CASE WHEN pg_catalog.date_part('year', @extschema@.lower(e.occurred))
                 = pg_catalog.date_part('year', @extschema@.upper(e.occurred))
            THEN pg_catalog.date_part('year', @extschema@.lower(e.occurred))::integer END AS year,
       CASE WHEN pg_catalog.date_trunc('month', @extschema@.lower(e.occurred)::timestamp)
                 = pg_catalog.date_trunc('month', @extschema@.upper(e.occurred)::timestamp)
            THEN pg_catalog.date_part('month', @extschema@.lower(e.occurred))::integer END AS month,
       e.event_type,
       e.sub_event_type,
       st.disorder_type,
       e.cameo_code,
       cc.name AS cameo_name,
       p.country::text AS country_iso3,
       @extschema@.name(p.country) AS country_name,
       coalesce(p.country::text, pc.countries) AS countries,
       e.place_id,
       p.name AS place_name,
       @extschema@.lat(e.location) AS latitude,
       @extschema@.lon(e.location) AS longitude,
       e.geo_precision::integer AS geo_precision,
       e.fatalities::text AS fatalities,
       @extschema@.lower(e.fatalities) AS fatalities_low,
       @extschema@.best(e.fatalities) AS fatalities_best,
       @extschema@.upper(e.fatalities) AS fatalities_high,
       e.fatalities_claimed,
       ea.actor1,
       ea.actor2,
       ea.other_actors,
       e.summary,
       s.publisher AS source,
       s.url,
       e.dataset,
       e.external_id,
       e.sample
FROM @extschema@.events e
LEFT JOIN @extschema@.places p ON p.id = e.place_id
LEFT JOIN @extschema@.acled_sub_event_types st ON st.sub_event_type = e.sub_event_type
LEFT JOIN @extschema@.cameo_codes cc ON cc.code = e.cameo_code
LEFT JOIN @extschema@.sources s ON s.id = e.source_id
LEFT JOIN LATERAL (
  SELECT pg_catalog.string_agg(x.country::text, ',' ORDER BY x.country::text) AS countries
  FROM @extschema@.place_countries x WHERE x.place_id = e.place_id) pc ON true
LEFT JOIN LATERAL (
  SELECT pg_catalog.string_agg(a.name, '; ' ORDER BY a.name) FILTER (WHERE r.role = 'actor1') AS actor1,
         pg_catalog.string_agg(a.name, '; ' ORDER BY a.name) FILTER (WHERE r.role = 'actor2') AS actor2,
         pg_catalog.string_agg(a.name || ' (' || r.role || ')', '; ' ORDER BY r.role, a.name)
           FILTER (WHERE r.role NOT IN ('actor1', 'actor2')) AS other_actors
  FROM @extschema@.event_actors r JOIN @extschema@.actors a ON a.id = r.actor_id
  WHERE r.event_id = e.id) ea ON true;

COMMENT ON VIEW @extschema@.bi_events IS
  'One row per event, flat and in built-in types only, for BI tools: dates as low/high days with their precision, ACLED and CAMEO types, country, place and coordinates, fatalities as low/best/high, actors, source';
COMMENT ON COLUMN @extschema@.bi_events.event_id IS 'events.id';
COMMENT ON COLUMN @extschema@.bi_events.occurred IS 'when it happened, as EDTF text (2022-08-13, 2013/2022, ../2022-08-15)';
COMMENT ON COLUMN @extschema@.bi_events.date_low IS 'earliest day it can have happened (NULL when open or unknown)';
COMMENT ON COLUMN @extschema@.bi_events.date_high IS 'latest day it can have happened (NULL when open or unknown)';
COMMENT ON COLUMN @extschema@.bi_events.date_precision IS 'precision of the date: year, month, day, second, interval, ...';
COMMENT ON COLUMN @extschema@.bi_events.year IS 'the year, when the whole date lies in one year (else NULL)';
COMMENT ON COLUMN @extschema@.bi_events.month IS 'the month (1-12), when the whole date lies in one month (else NULL)';
COMMENT ON COLUMN @extschema@.bi_events.event_type IS 'ACLED event type';
COMMENT ON COLUMN @extschema@.bi_events.sub_event_type IS 'ACLED sub-event type';
COMMENT ON COLUMN @extschema@.bi_events.disorder_type IS 'ACLED disorder type of the sub-event type';
COMMENT ON COLUMN @extschema@.bi_events.cameo_code IS 'CAMEO event code';
COMMENT ON COLUMN @extschema@.bi_events.cameo_name IS 'what the CAMEO code means';
COMMENT ON COLUMN @extschema@.bi_events.country_iso3 IS 'ISO 3166-1 alpha-3 code of the country of the place (NULL when it spans several)';
COMMENT ON COLUMN @extschema@.bi_events.country_name IS 'English name of that country';
COMMENT ON COLUMN @extschema@.bi_events.countries IS 'every country of the place, ISO alpha-3, comma-separated';
COMMENT ON COLUMN @extschema@.bi_events.place_id IS 'places.id of where it happened';
COMMENT ON COLUMN @extschema@.bi_events.place_name IS 'name of where it happened';
COMMENT ON COLUMN @extschema@.bi_events.latitude IS 'latitude of the event''s location, degrees north (WGS84)';
COMMENT ON COLUMN @extschema@.bi_events.longitude IS 'longitude of the event''s location, degrees east (WGS84)';
COMMENT ON COLUMN @extschema@.bi_events.geo_precision IS 'ACLED geo-precision: 1 exact place, 2 near it, 3 region only';
COMMENT ON COLUMN @extschema@.bi_events.fatalities IS 'deaths as reported, estimate text (4, 24..99, ?)';
COMMENT ON COLUMN @extschema@.bi_events.fatalities_low IS 'fewest deaths the report allows';
COMMENT ON COLUMN @extschema@.bi_events.fatalities_best IS 'best single figure (stated, or the middle of a closed range; NULL when open-ended)';
COMMENT ON COLUMN @extschema@.bi_events.fatalities_high IS 'most deaths the report allows (NULL when open-ended)';
COMMENT ON COLUMN @extschema@.bi_events.fatalities_claimed IS 'the figure is an actor''s claim';
COMMENT ON COLUMN @extschema@.bi_events.actor1 IS 'actor 1 (the initiator), names joined by "; "';
COMMENT ON COLUMN @extschema@.bi_events.actor2 IS 'actor 2 (the other side), names joined by "; "';
COMMENT ON COLUMN @extschema@.bi_events.other_actors IS 'associates, targets, claimants and victims, each with its role';
COMMENT ON COLUMN @extschema@.bi_events.summary IS 'what happened, in our own words';
COMMENT ON COLUMN @extschema@.bi_events.source IS 'publisher of the source';
COMMENT ON COLUMN @extschema@.bi_events.url IS 'web address of the source';
COMMENT ON COLUMN @extschema@.bi_events.dataset IS 'dataset the event came from';
COMMENT ON COLUMN @extschema@.bi_events.external_id IS 'its identifier in that dataset';
COMMENT ON COLUMN @extschema@.bi_events.sample IS 'part of the sample shipped with the extension';

CREATE VIEW @extschema@.bi_deployments AS
SELECT d.id AS deployment_id,
       f.name AS force,
       f.kind AS force_kind,
       d.contributor::text AS contributor_iso3,
       @extschema@.name(d.contributor) AS contributor_name,
       d.host::text AS host_iso3,
       @extschema@.name(d.host) AS host_name,
       d.place_id,
       p.name AS place_name,
       @extschema@.lat(p.location) AS latitude,
       @extschema@.lon(p.location) AS longitude,
       d.strength::text AS strength,
       @extschema@.lower(d.strength) AS strength_low,
       @extschema@.best(d.strength) AS strength_best,
       @extschema@.upper(d.strength) AS strength_high,
       @extschema@.is_approximate(d.strength) AS strength_approximate,
       d.as_of::text AS as_of,
       CASE WHEN pg_catalog.isfinite(@extschema@.lower(d.as_of)) THEN @extschema@.lower(d.as_of) END AS as_of_low,
       CASE WHEN pg_catalog.isfinite(@extschema@.upper(d.as_of)) THEN @extschema@.upper(d.as_of) END AS as_of_high,
       d.period::text AS period,
       CASE WHEN pg_catalog.isfinite(@extschema@.lower(d.period)) THEN @extschema@.lower(d.period) END AS period_start,
       CASE WHEN pg_catalog.isfinite(@extschema@.upper(d.period)) THEN @extschema@.upper(d.period) END AS period_end,
       d.part_of,
       s.publisher AS source,
       s.url,
       d.note,
       d.dataset,
       d.external_id,
       d.sample
FROM @extschema@.deployments d
LEFT JOIN @extschema@.actors f ON f.id = d.force_id
LEFT JOIN @extschema@.places p ON p.id = d.place_id
LEFT JOIN @extschema@.sources s ON s.id = d.source_id;

COMMENT ON VIEW @extschema@.bi_deployments IS
  'One row per troop strength figure, flat and in built-in types only, for BI tools: force, contributor and host countries, place, strength as low/best/high, when it held and when the deployment ran';
COMMENT ON COLUMN @extschema@.bi_deployments.deployment_id IS 'deployments.id';
COMMENT ON COLUMN @extschema@.bi_deployments.force IS 'name of the force deployed';
COMMENT ON COLUMN @extschema@.bi_deployments.force_kind IS 'kind of that actor (state forces, military operation, peacekeeping mission, ...)';
COMMENT ON COLUMN @extschema@.bi_deployments.contributor_iso3 IS 'ISO alpha-3 code of the country whose troops they are';
COMMENT ON COLUMN @extschema@.bi_deployments.contributor_name IS 'English name of that country';
COMMENT ON COLUMN @extschema@.bi_deployments.host_iso3 IS 'ISO alpha-3 code of the country they are in (NULL when several)';
COMMENT ON COLUMN @extschema@.bi_deployments.host_name IS 'English name of that country';
COMMENT ON COLUMN @extschema@.bi_deployments.place_id IS 'places.id of where within the host';
COMMENT ON COLUMN @extschema@.bi_deployments.place_name IS 'name of where within the host';
COMMENT ON COLUMN @extschema@.bi_deployments.latitude IS 'latitude of that place, degrees north (WGS84)';
COMMENT ON COLUMN @extschema@.bi_deployments.longitude IS 'longitude of that place, degrees east (WGS84)';
COMMENT ON COLUMN @extschema@.bi_deployments.strength IS 'troops as reported, estimate text (~2400, 700..1000, ?)';
COMMENT ON COLUMN @extschema@.bi_deployments.strength_low IS 'fewest troops the report allows';
COMMENT ON COLUMN @extschema@.bi_deployments.strength_best IS 'best single figure (NULL when open-ended or unknown)';
COMMENT ON COLUMN @extschema@.bi_deployments.strength_high IS 'most troops the report allows (NULL when open-ended or unknown)';
COMMENT ON COLUMN @extschema@.bi_deployments.strength_approximate IS 'the figure was given as approximate ("about")';
COMMENT ON COLUMN @extschema@.bi_deployments.as_of IS 'when the figure held, EDTF text';
COMMENT ON COLUMN @extschema@.bi_deployments.as_of_low IS 'first day of as_of';
COMMENT ON COLUMN @extschema@.bi_deployments.as_of_high IS 'last day of as_of';
COMMENT ON COLUMN @extschema@.bi_deployments.period IS 'when the deployment ran, EDTF text';
COMMENT ON COLUMN @extschema@.bi_deployments.period_start IS 'first day of the period (NULL when open, unknown or not given)';
COMMENT ON COLUMN @extschema@.bi_deployments.period_end IS 'last day of the period (NULL when open, unknown or not given)';
COMMENT ON COLUMN @extschema@.bi_deployments.part_of IS 'deployment_id of the reported total this figure is part of';
COMMENT ON COLUMN @extschema@.bi_deployments.source IS 'publisher of the source';
COMMENT ON COLUMN @extschema@.bi_deployments.url IS 'web address of the source';
COMMENT ON COLUMN @extschema@.bi_deployments.note IS 'remarks in our own words';
COMMENT ON COLUMN @extschema@.bi_deployments.dataset IS 'dataset the figure came from';
COMMENT ON COLUMN @extschema@.bi_deployments.external_id IS 'its identifier in that dataset';
COMMENT ON COLUMN @extschema@.bi_deployments.sample IS 'part of the sample shipped with the extension';

CREATE VIEW @extschema@.bi_places AS
SELECT p.id AS place_id,
       p.name,
       p.kind,
       p.country::text AS country_iso3,
       @extschema@.name(p.country) AS country_name,
       coalesce(p.country::text, pc.countries) AS countries,
       p.parent_id,
       q.name AS parent_name,
       @extschema@.lat(p.location) AS latitude,
       @extschema@.lon(p.location) AS longitude,
       p.precision_m,
       p.geonames_id,
       n.names,
       n.demonyms,
       p.note,
       p.dataset,
       p.external_id,
       p.sample
FROM @extschema@.places p
LEFT JOIN @extschema@.places q ON q.id = p.parent_id
LEFT JOIN LATERAL (
  SELECT pg_catalog.string_agg(x.country::text, ',' ORDER BY x.country::text) AS countries
  FROM @extschema@.place_countries x WHERE x.place_id = p.id) pc ON true
LEFT JOIN LATERAL (
  SELECT pg_catalog.string_agg(m.name, '; ' ORDER BY m.name) FILTER (WHERE NOT m.is_demonym) AS names,
         pg_catalog.string_agg(m.name, '; ' ORDER BY m.name) FILTER (WHERE m.is_demonym) AS demonyms
  FROM @extschema@.place_names m WHERE m.place_id = p.id) n ON true;

COMMENT ON VIEW @extschema@.bi_places IS
  'One row per place, flat and in built-in types only, for BI tools and maps: kind, country, enclosing place, coordinates and how vague they are, every name';
COMMENT ON COLUMN @extschema@.bi_places.place_id IS 'places.id';
COMMENT ON COLUMN @extschema@.bi_places.name IS 'usual English name';
COMMENT ON COLUMN @extschema@.bi_places.kind IS 'country, region, city, town, village, base, border area, sea, lake region, supranational region or continent';
COMMENT ON COLUMN @extschema@.bi_places.country_iso3 IS 'ISO alpha-3 code of its country (NULL when it spans several or none)';
COMMENT ON COLUMN @extschema@.bi_places.country_name IS 'English name of that country';
COMMENT ON COLUMN @extschema@.bi_places.countries IS 'every country it lies in, ISO alpha-3, comma-separated';
COMMENT ON COLUMN @extschema@.bi_places.parent_id IS 'place_id of the place it lies in';
COMMENT ON COLUMN @extschema@.bi_places.parent_name IS 'name of the place it lies in';
COMMENT ON COLUMN @extschema@.bi_places.latitude IS 'latitude, degrees north (WGS84); NULL when not known';
COMMENT ON COLUMN @extschema@.bi_places.longitude IS 'longitude, degrees east (WGS84); NULL when not known';
COMMENT ON COLUMN @extschema@.bi_places.precision_m IS 'how vague the location is, in metres';
COMMENT ON COLUMN @extschema@.bi_places.geonames_id IS 'GeoNames identifier';
COMMENT ON COLUMN @extschema@.bi_places.names IS 'every name and alias, joined by "; "';
COMMENT ON COLUMN @extschema@.bi_places.demonyms IS 'its demonyms and adjectives, joined by "; "';
COMMENT ON COLUMN @extschema@.bi_places.note IS 'remarks in our own words';
COMMENT ON COLUMN @extschema@.bi_places.dataset IS 'dataset the place came from';
COMMENT ON COLUMN @extschema@.bi_places.external_id IS 'its identifier in that dataset';
COMMENT ON COLUMN @extschema@.bi_places.sample IS 'part of the sample shipped with the extension';

CREATE VIEW @extschema@.bi_troop_levels AS
WITH days AS (
  SELECT d.contributor, d.host, v.day
  FROM @extschema@.deployments d
  CROSS JOIN LATERAL (VALUES (@extschema@.lower(d.as_of)), (@extschema@.lower(d.period)),
                             (@extschema@.upper(d.period))) AS v(day)
  WHERE d.contributor IS NOT NULL AND v.day IS NOT NULL AND pg_catalog.isfinite(v.day)
),
pairs AS (
  SELECT x.contributor, x.host, pg_catalog.min(x.day) AS first_day
  FROM days x WHERE x.host IS NOT NULL
  GROUP BY x.contributor, x.host
),
horizon AS (
  SELECT x.contributor, pg_catalog.max(x.day) AS last_day
  FROM days x
  GROUP BY x.contributor
)
SELECT p.contributor::text AS contributor_iso3,
       @extschema@.name(p.contributor) AS contributor_name,
       p.host::text AS host_iso3,
       @extschema@.name(p.host) AS host_name,
       t.day AS month,
       pg_catalog.date_part('year', t.day)::integer AS year,
       t.strength::text AS strength,
       @extschema@.lower(t.strength) AS strength_low,
       @extschema@.best(t.strength) AS strength_best,
       @extschema@.upper(t.strength) AS strength_high,
       @extschema@.is_approximate(t.strength) AS approximate
FROM pairs p
JOIN horizon h ON h.contributor OPERATOR(@extschema@.=) p.contributor
CROSS JOIN LATERAL @extschema@.troop_strengths(
  p.contributor, p.host,
  ARRAY(SELECT pg_catalog.generate_series(pg_catalog.date_trunc('month', p.first_day::timestamp),
                                          pg_catalog.date_trunc('month', h.last_day::timestamp),
                                          interval '1 month')::date)) AS t;

COMMENT ON VIEW @extschema@.bi_troop_levels IS
  'One row per contributor, host country and month: troop_strength() on the first day of the month as low/best/high, from the month of the pair''s first figure or period start to the last month the contributor''s deployments mention. Figures spanning several hosts (host NULL) are left out here; troop_strength(contributor, NULL, day) counts them';
COMMENT ON COLUMN @extschema@.bi_troop_levels.contributor_iso3 IS 'ISO alpha-3 code of the contributing country';
COMMENT ON COLUMN @extschema@.bi_troop_levels.contributor_name IS 'English name of the contributing country';
COMMENT ON COLUMN @extschema@.bi_troop_levels.host_iso3 IS 'ISO alpha-3 code of the host country';
COMMENT ON COLUMN @extschema@.bi_troop_levels.host_name IS 'English name of the host country';
COMMENT ON COLUMN @extschema@.bi_troop_levels.month IS 'first day of the month';
COMMENT ON COLUMN @extschema@.bi_troop_levels.year IS 'year of the month';
COMMENT ON COLUMN @extschema@.bi_troop_levels.strength IS 'troop strength on that day, estimate text (0 when no deployment ran, ? when deployed in unknown strength)';
COMMENT ON COLUMN @extschema@.bi_troop_levels.strength_low IS 'fewest troops the data allows';
COMMENT ON COLUMN @extschema@.bi_troop_levels.strength_best IS 'best single figure (NULL when open-ended or unknown)';
COMMENT ON COLUMN @extschema@.bi_troop_levels.strength_high IS 'most troops the data allows (NULL when open-ended or unknown)';
COMMENT ON COLUMN @extschema@.bi_troop_levels.approximate IS 'the strength rests on approximate figures';
-- extension/sql/200_annotate.sql
-- annotate(): the places, actors, quantities and dates mentioned in a text.

-- The names annotate() looks for, from the model's tables: every name and
-- alias of a place or an actor (their own name included), with the country it
-- belongs to; and, as rows of kind 'country', the place that stands for each
-- country of the country type, so that a country named in a text is that
-- place.  The C code adds the names of the country type itself.
CREATE FUNCTION @extschema@.annotate_names()
RETURNS TABLE (kind text, ref_id bigint, country @extschema@.country, name text,
               demonym boolean, lang text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT 'place', p.id, p.country, p.name, false, NULL::text
    FROM @extschema@.places p
  UNION ALL
  SELECT 'place', n.place_id, p.country, n.name, n.is_demonym, n.lang
    FROM @extschema@.place_names n JOIN @extschema@.places p ON p.id = n.place_id
  UNION ALL
  SELECT 'actor', a.id, a.country, a.name, false, NULL::text
    FROM @extschema@.actors a
  UNION ALL
  SELECT 'actor', n.actor_id, a.country, n.name, false, n.lang
    FROM @extschema@.actor_names n JOIN @extschema@.actors a ON a.id = n.actor_id
  UNION ALL
  SELECT 'country', min(p.id), p.country, NULL::text, false, NULL::text
    FROM @extschema@.places p
   WHERE p.kind = 'country' AND p.country IS NOT NULL
   GROUP BY p.country
$$;

COMMENT ON FUNCTION @extschema@.annotate_names() IS
  'the names annotate() looks for: every name of places, place_names, actors and actor_names with its reference (rows of kind country map a country to its place)';

CREATE FUNCTION @extschema@.annotate(body text, published date DEFAULT NULL, lang text DEFAULT 'en')
RETURNS TABLE (kind text, start_pos integer, length integer, surface text,
               place_id bigint, actor_id bigint, country @extschema@.country,
               quantity @extschema@.estimate, date @extschema@.edtf)
AS 'MODULE_PATHNAME', 'annotate'
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE COST 1000 ROWS 20;

COMMENT ON FUNCTION @extschema@.annotate(text, date, text) IS
  'the mentions of places, actors, quantities and dates in a text, by position (1-based characters): kind, start_pos, length, surface = substr(body, start_pos, length), and what each refers to; relative dates resolve against published; lang is en or fr';

CREATE FUNCTION @extschema@.annotate_gazetteer_info(
  OUT names_read bigint, OUT names bigint, OUT keys bigint, OUT states bigint,
  OUT bytes bigint, OUT builds bigint, OUT build_ms float8, OUT built_at timestamptz)
AS 'MODULE_PATHNAME', 'annotate_gazetteer_info'
LANGUAGE C STABLE PARALLEL RESTRICTED;

COMMENT ON FUNCTION @extschema@.annotate_gazetteer_info() IS
  'this session''s annotate() gazetteer: names read from the tables, names matched (with the country type''s and inflected forms), distinct keys, automaton states, memory, how many times it was built and how long the last build took';

-- A change to the tables the names come from queues a relcache invalidation
-- of annotate_names_signal, a sequence that holds no numbers anyone uses;
-- every session's annotate() gazetteer listens for it (and for the tables'
-- own invalidations, which DDL and TRUNCATE bring).  Invalidating the tables
-- themselves at each change would also throw away every cached plan over
-- them, the loaders' look-ups and foreign-key checks included.
CREATE SEQUENCE @extschema@.annotate_names_signal;
COMMENT ON SEQUENCE @extschema@.annotate_names_signal IS
  'annotate() internals: the triggers on places, place_names, actors and actor_names invalidate this sequence''s cache entry to tell every session that the names changed; its numbers are not used';

CREATE FUNCTION @extschema@.annotate_invalidate() RETURNS trigger
AS 'MODULE_PATHNAME', 'annotate_invalidate'
LANGUAGE C VOLATILE PARALLEL UNSAFE;

COMMENT ON FUNCTION @extschema@.annotate_invalidate() IS
  'trigger: tells every session that the names annotate() uses have changed';

CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.places FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.place_names FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.actors FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.actor_names FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
-- extension/sql/300_loaders_staging.sql - staging tables for the loaders (issue #9).
--
-- One table per file layout, every column text, in the file's exact column
-- order and with the file's exact header names, so that
--     \copy sahel_news.acled_raw FROM 'export.csv' WITH (FORMAT csv, HEADER MATCH)
-- loads a file as it is (plain HEADER works too; HEADER MATCH, new in
-- PostgreSQL 15, also refuses a file whose header differs from ours, naming the
-- first column that differs).  Nothing is parsed here: the import_* functions
-- (310_loaders.sql) read these rows, move them into the model, record every row
-- they could not load cleanly in import_issues, and empty the staging table.
--
-- The staging tables are UNLOGGED: they hold a file for the minutes between
-- COPY and import, a crash empties them, and the file can be copied again.

CREATE UNLOGGED TABLE @extschema@.acled_raw (
  event_id_cnty text,
  event_date text,
  year text,
  time_precision text,
  disorder_type text,
  event_type text,
  sub_event_type text,
  actor1 text,
  assoc_actor_1 text,
  inter1 text,
  actor2 text,
  assoc_actor_2 text,
  inter2 text,
  interaction text,
  civilian_targeting text,
  iso text,
  region text,
  country text,
  admin1 text,
  admin2 text,
  admin3 text,
  location text,
  latitude text,
  longitude text,
  geo_precision text,
  source text,
  source_scale text,
  notes text,
  fatalities text,
  tags text,
  timestamp text
);
COMMENT ON TABLE @extschema@.acled_raw IS
  'ACLED export as downloaded (31 columns, current layout: event_id_cnty ... timestamp; inter codes numeric or text). Load with \copy ... WITH (FORMAT csv, HEADER MATCH), then SELECT * FROM sahel_news.import_acled().';

CREATE UNLOGGED TABLE @extschema@.ucdp_ged_raw (
  id text,
  relid text,
  year text,
  active_year text,
  code_status text,
  type_of_violence text,
  conflict_dset_id text,
  conflict_new_id text,
  conflict_name text,
  dyad_dset_id text,
  dyad_new_id text,
  dyad_name text,
  side_a_dset_id text,
  side_a_new_id text,
  side_a text,
  side_b_dset_id text,
  side_b_new_id text,
  side_b text,
  number_of_sources text,
  source_article text,
  source_office text,
  source_date text,
  source_headline text,
  source_original text,
  where_prec text,
  where_coordinates text,
  where_description text,
  adm_1 text,
  adm_2 text,
  latitude text,
  longitude text,
  geom_wkt text,
  priogrid_gid text,
  country text,
  country_id text,
  region text,
  event_clarity text,
  date_prec text,
  date_start text,
  date_end text,
  deaths_a text,
  deaths_b text,
  deaths_civilians text,
  deaths_unknown text,
  best text,
  high text,
  low text,
  gwnoa text,
  gwnob text
);
COMMENT ON TABLE @extschema@.ucdp_ged_raw IS
  'UCDP Georeferenced Event Dataset as downloaded (49 columns, id ... gwnob). Load with \copy ... WITH (FORMAT csv, HEADER MATCH), then SELECT * FROM sahel_news.import_ucdp_ged().';

CREATE UNLOGGED TABLE @extschema@.gdelt_events_raw (
  globaleventid text,
  sqldate text,
  monthyear text,
  year text,
  fractiondate text,
  actor1code text,
  actor1name text,
  actor1countrycode text,
  actor1knowngroupcode text,
  actor1ethniccode text,
  actor1religion1code text,
  actor1religion2code text,
  actor1type1code text,
  actor1type2code text,
  actor1type3code text,
  actor2code text,
  actor2name text,
  actor2countrycode text,
  actor2knowngroupcode text,
  actor2ethniccode text,
  actor2religion1code text,
  actor2religion2code text,
  actor2type1code text,
  actor2type2code text,
  actor2type3code text,
  isrootevent text,
  eventcode text,
  eventbasecode text,
  eventrootcode text,
  quadclass text,
  goldsteinscale text,
  nummentions text,
  numsources text,
  numarticles text,
  avgtone text,
  actor1geo_type text,
  actor1geo_fullname text,
  actor1geo_countrycode text,
  actor1geo_adm1code text,
  actor1geo_adm2code text,
  actor1geo_lat text,
  actor1geo_long text,
  actor1geo_featureid text,
  actor2geo_type text,
  actor2geo_fullname text,
  actor2geo_countrycode text,
  actor2geo_adm1code text,
  actor2geo_adm2code text,
  actor2geo_lat text,
  actor2geo_long text,
  actor2geo_featureid text,
  actiongeo_type text,
  actiongeo_fullname text,
  actiongeo_countrycode text,
  actiongeo_adm1code text,
  actiongeo_adm2code text,
  actiongeo_lat text,
  actiongeo_long text,
  actiongeo_featureid text,
  dateadded text,
  sourceurl text
);
COMMENT ON TABLE @extschema@.gdelt_events_raw IS
  'GDELT 2.0 event file as downloaded (61 tab-separated columns, no header line; names are the codebook''s, lower-cased). Load with \copy ... WITH (FORMAT csv, DELIMITER E''\t'', QUOTE E''\b'') (GDELT never quotes; a backspace as quote character keeps CSV from reading its quotes and text format from reading its backslashes), then SELECT * FROM sahel_news.import_gdelt_events().';

CREATE UNLOGGED TABLE @extschema@.ipi_contributions_raw (
  "Date" text,
  "Contributor" text,
  "Contributor_ISO-3" text,
  "Contributor_Capital" text,
  "Contributor_Capital_Latitude" text,
  "Contributor_Capital_Longitude" text,
  "Contributor_Continent" text,
  "Contributor_Region" text,
  "Contributor UN_Bloc" text,
  "Contributor_P5G4A3" text,
  "Contributor_NAM" text,
  "Contributor_G77" text,
  "Contributor_AU" text,
  "Contributor_Arab_League" text,
  "Contributor_OIC" text,
  "Contributor_CIS" text,
  "Contributor_G20" text,
  "Contributor_EU" text,
  "Contributor_NATO" text,
  "Contributor_G8" text,
  "Contributor_OECD" text,
  "Contributor_ASEAN" text,
  "Contributor_OAS" text,
  "Contributor_Shanghai" text,
  "Contributor_GCC" text,
  "Contributor_UMA" text,
  "Contributor_COMESA" text,
  "Contributor_CENSAD" text,
  "Contributor_EAC" text,
  "Contributor_ECCAS" text,
  "Contributor_ECOWAS" text,
  "Contributor_IGAD" text,
  "Contributor_SADC" text,
  "Mission" text,
  "Mission_Country" text,
  "Mission_Country_ISO-3" text,
  "Mission_HQ" text,
  "Mission_HQ_Longitude" text,
  "Mission_HQ_Latitude" text,
  "Mission_Continent" text,
  "Mission_Region" text,
  "Mission_UN_Bloc" text,
  "Mission_P5G4A3" text,
  "Mission_NAM" text,
  "Mission_G77" text,
  "Mission_AU" text,
  "Mission_Arab_League" text,
  "Mission_OIC" text,
  "Mission_CIS" text,
  "Mission_G20" text,
  "Mission_EU" text,
  "Mission_NATO" text,
  "Mission_G8" text,
  "Mission_OECD" text,
  "Mission_ASEAN" text,
  "Mission_OAS" text,
  "Mission_Shanghai" text,
  "Mission_GCC" text,
  "Mission_UMA" text,
  "Mission_COMESA" text,
  "Mission_CENSAD" text,
  "Mission_EAC" text,
  "Mission_ECCAS" text,
  "Mission_ECOWAS" text,
  "Mission_IGAD" text,
  "Mission_SADC" text,
  "Experts_on_Mission" text,
  "Formed_Police_Units" text,
  "Inidividual_Police" text,
  "Civilian_Police" text,
  "Troops" text,
  "Observers" text,
  "Total" text
);
COMMENT ON TABLE @extschema@.ipi_contributions_raw IS
  'IPI Peacekeeping Database contributions (73 columns, Date ... Total: one row per contributing country, mission and month; NA = none). Load with \copy ... WITH (FORMAT csv, HEADER MATCH), then SELECT * FROM sahel_news.import_ipi_contributions().';

CREATE UNLOGGED TABLE @extschema@.ipi_mission_totals_raw (
  "Date" text,
  "Mission" text,
  "Country of Mission" text,
  "Country of Mission ISO-3" text,
  "Mission HQ" text,
  "Mission HQ Longitude" text,
  "Mission HQ Latitude" text,
  "Mission Continent" text,
  "Mission Region" text,
  "Mission - NAM" text,
  "Mission - G77" text,
  "Mission - AU" text,
  "Mission - Arab League" text,
  "Mission - OIC" text,
  "Mission - CIS" text,
  "Mission - G20" text,
  "Mission - EU" text,
  "Number of Contributors" text,
  "Troops" text,
  "Police" text,
  "Observers" text,
  "Total" text
);
COMMENT ON TABLE @extschema@.ipi_mission_totals_raw IS
  'IPI Peacekeeping Database mission totals (data_mission.csv layout, 22 columns, Date ... Total: one row per mission and month). Load with \copy ... WITH (FORMAT csv, HEADER MATCH), then SELECT * FROM sahel_news.import_ipi_mission_totals().';

CREATE UNLOGGED TABLE @extschema@.geopko_raw (
  "Source" text,
  "Mission" text,
  year text,
  month text,
  location text,
  country text,
  latitude text,
  longitude text,
  "No.troops" text,
  "RPF" text,
  "RPF_No" text,
  "RES" text,
  "RES_No" text,
  "FP" text,
  "FP_No" text,
  "No.TCC" text,
  "name.of.TCC1" text,
  "No.troops.per.TCC1" text,
  "name.of.TCC2" text,
  "No.troops.per.TCC2" text,
  "name.of.TCC3" text,
  "No.troops.per.TCC3" text,
  "name.of.TCC4" text,
  "No.troops.per.TCC4" text,
  "name.of.TCC5" text,
  "No.troops.per.TCC5" text,
  "name.of.TCC6" text,
  "No.troops.per.TCC6" text,
  "name.of.TCC7" text,
  "No.troops.per.TCC7" text,
  "name.of.TCC8" text,
  "No.troops.per.TCC8" text,
  "name.of.TCC9" text,
  "No.troops.per.TCC9" text,
  "name.of.TCC10" text,
  "No.troops.per.TCC10" text,
  "name.of.TCC11" text,
  "No.troops.per.TCC11" text,
  "name.of.TCC12" text,
  "No.troops.per.TCC12" text,
  "name.of.TCC13" text,
  "No.troops.per.TCC13" text,
  "name.of.TCC14" text,
  "No.troops.per.TCC14" text,
  "UNPOL..dummy." text,
  "UNMO..dummy." text,
  "HQ" text,
  "LO" text,
  comments text,
  cow_code text,
  gwno text,
  name text,
  "TCC1" text,
  "TCC2" text,
  "TCC3" text,
  "TCC4" text,
  "TCC5" text,
  "TCC6" text,
  "TCC7" text,
  "TCC8" text,
  "TCC9" text,
  "TCC10" text,
  "TCC11" text,
  "TCC12" text,
  "TCC13" text,
  "TCC14" text,
  "ADM1_id" text,
  "ADM1_name" text,
  "ADM2_id" text,
  "ADM2_name" text,
  "PRIOID" text
);
COMMENT ON TABLE @extschema@.geopko_raw IS
  'Geo-PKO v2.0 deployment sites (71 columns, Source ... PRIOID: one row per mission, map month and site, up to 14 contributor/troop pairs). Load with \copy ... WITH (FORMAT csv, HEADER MATCH), then SELECT * FROM sahel_news.import_geopko().';

-- One row per call of an import_* function: what it read and what became of it.
-- Every row read is counted in exactly one of imported, updated, skipped and
-- flagged, so rows_read = imported + updated + skipped + flagged always holds.
CREATE TABLE @extschema@.import_runs (
  id          bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.import_runs_id_seq) PRIMARY KEY,
  dataset     text NOT NULL,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  rows_read   bigint NOT NULL,
  imported    bigint NOT NULL,
  updated     bigint NOT NULL,
  skipped     bigint NOT NULL,
  flagged     bigint NOT NULL,
  CONSTRAINT import_runs_dataset_check
    CHECK (dataset IN ('acled', 'ucdp_ged', 'gdelt', 'ipi_contributions', 'ipi_mission_totals', 'geopko')),
  CONSTRAINT import_runs_counts_check
    CHECK (rows_read = imported + updated + skipped + flagged
           AND imported >= 0 AND updated >= 0 AND skipped >= 0 AND flagged >= 0)
);
COMMENT ON TABLE @extschema@.import_runs IS
  'One row per import_* call: rows read from the staging table, and how many were imported (new), updated (same dataset and external id as a row already loaded), skipped (not loaded on purpose: duplicates, header lines, rows without a figure; listed in import_issues) and flagged (loaded with a caveat, or rejected; listed in import_issues).  rows_read = imported + updated + skipped + flagged.';
COMMENT ON COLUMN @extschema@.import_runs.dataset IS 'acled, ucdp_ged, gdelt, ipi_contributions, ipi_mission_totals or geopko';
COMMENT ON COLUMN @extschema@.import_runs.rows_read IS 'rows found in the staging table';
COMMENT ON COLUMN @extschema@.import_runs.imported IS 'rows that created a new record (event or deployment)';
COMMENT ON COLUMN @extschema@.import_runs.updated IS 'rows whose dataset and external id were already loaded: the record was rewritten with the new values';
COMMENT ON COLUMN @extschema@.import_runs.skipped IS 'rows not loaded on purpose (see import_issues, action skipped)';
COMMENT ON COLUMN @extschema@.import_runs.flagged IS 'rows loaded with a caveat (action kept) or not loaded because they are wrong (action rejected); see import_issues';

-- Every row that was not imported or updated cleanly, with its raw values.
CREATE TABLE @extschema@.import_issues (
  id          bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.import_issues_id_seq) PRIMARY KEY,
  run_id      bigint NOT NULL REFERENCES @extschema@.import_runs (id) ON DELETE CASCADE,
  dataset     text NOT NULL,
  record      bigint NOT NULL,
  external_id text,
  action      text NOT NULL,
  reason      text NOT NULL,
  raw         jsonb NOT NULL,
  CONSTRAINT import_issues_action_check CHECK (action IN ('kept', 'rejected', 'skipped'))
);
CREATE INDEX import_issues_run_idx ON @extschema@.import_issues (run_id);
CREATE INDEX import_issues_external_idx ON @extschema@.import_issues (dataset, external_id);
COMMENT ON TABLE @extschema@.import_issues IS
  'Rows of a staged file that the import_* functions did not load cleanly: kept (loaded, with a caveat: a repaired encoding, swapped coordinates put right, UCDP best outside [low, high], a missing count), rejected (not loaded: unparseable date, impossible coordinates, unknown code) or skipped (not loaded on purpose: a duplicate, a header line, a row without a troop figure).  raw holds the staged row as it was.';
COMMENT ON COLUMN @extschema@.import_issues.run_id IS 'the import_runs row of the call that met this row';
COMMENT ON COLUMN @extschema@.import_issues.record IS 'the row''s position in the staging table (1 = first data row of the file when it was copied into an empty table)';
COMMENT ON COLUMN @extschema@.import_issues.external_id IS 'the row''s id in its dataset (event_id_cnty, id, GLOBALEVENTID, ...), when it has one';
COMMENT ON COLUMN @extschema@.import_issues.action IS 'kept (loaded with a caveat), rejected (not loaded) or skipped (not loaded on purpose)';
COMMENT ON COLUMN @extschema@.import_issues.reason IS 'what is wrong, in words, quoting the offending value';
COMMENT ON COLUMN @extschema@.import_issues.raw IS 'the staged row, column name to text value, exactly as copied from the file';

-- Both tables hold the user's history of loads: pg_dump keeps them.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_runs', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_issues', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_runs_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_issues_id_seq', '');
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
-- extension/sql/320_loaders_resolve.sql — how the loaders find (or create) the
-- places and actors a dataset row names, and how they check its coordinates.

-- The loaders look names up case-insensitively, once or more per row, through
-- indexes (the model indexes lower(name) of places, place_names, actors and
-- actor_names, and places.country; the CAMEO actor code is ours to index).
-- PL/pgSQL keeps a generic plan of each query for the rest of the load.  Made
-- at the start, when places and actors may be nearly empty, such a plan would
-- scan them sequentially, and go on doing so as they grow inside the load's
-- one transaction: the load would turn quadratic.  The lookup functions
-- therefore run with enable_seqscan off, which makes every plan of theirs,
-- generic ones included, an index plan (each query has an index to use).
-- Planning each query afresh on every call (plan_cache_mode =
-- force_custom_plan) is the other cure, and it took most of a load's
-- time: about 0.2 ms per query, four queries per ACLED row.
--
-- A place is looked up by name first: the places of that name (or alias),
-- with their country and point, are gathered in a MATERIALIZED CTE, and only
-- those few are then filtered by country and distance.  Joined straight to
-- places, the planner (on statistics taken before the load) would rather scan
-- every place of the country and compute its distance to the row's point,
-- hundreds of distances per row.
CREATE INDEX actors_cameo_code_idx ON @extschema@.actors (cameo_code);

-- The places a name or alias names (case-insensitively), with their country
-- and point: what loader_place and loader_check_location choose from.  Its
-- callers gather them in a MATERIALIZED CTE and only then filter by country
-- and distance (see above).  A SQL-standard body without a SET clause, so the
-- planner inlines it into the caller's query: parsed when the extension is
-- created, it means the same whatever the caller's search_path.
CREATE FUNCTION @extschema@.loader_places_named(place_name text)
RETURNS TABLE (id bigint, country @extschema@.country, location @extschema@.geopoint)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.id, q.country, q.location FROM @extschema@.places q WHERE lower(q.name) = lower(place_name)
  UNION ALL
  SELECT p.id, p.country, p.location
  FROM @extschema@.place_names n JOIN @extschema@.places p ON p.id = n.place_id
  WHERE lower(n.name) = lower(place_name);
END;
COMMENT ON FUNCTION @extschema@.loader_places_named(text) IS
  'The places a name or alias names (case-insensitive match on places.name and place_names.name), with their country and point; a place may come twice, once by its name and once by an alias.';

-- Coordinates as given, or put right when latitude and longitude were swapped.
-- ok is false when the pair is impossible (or missing one half); note says what
-- was changed.  A swap is detected when the pair is impossible as given but
-- possible swapped, or when the swapped point lies where the data says the
-- place is and the given one does not: within 25 km of a known place of that
-- name and country while the given point is more than 100 km from it, or within
-- 2,000 km of the country's own location while the given point is farther.
CREATE FUNCTION @extschema@.loader_check_location(
    lat float8, lon float8, in_country @extschema@.country, place_name text,
    OUT ok boolean, OUT location @extschema@.geopoint, OUT note text)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  valid boolean;
  valid_swapped boolean;
  ref @extschema@.geopoint;
  ref_is_place boolean := false;
  d0 float8;
  d1 float8;
BEGIN
  ok := true;
  IF lat IS NULL AND lon IS NULL THEN
    RETURN;
  END IF;
  IF lat IS NULL OR lon IS NULL OR lat = 'NaN' OR lon = 'NaN' THEN
    ok := false;
    note := 'latitude or longitude missing';
    RETURN;
  END IF;
  valid := abs(lat) <= 90 AND abs(lon) <= 180;
  valid_swapped := abs(lon) <= 90 AND abs(lat) <= 180;
  -- where the data says this place is: a known place of that name, else the country
  IF place_name IS NOT NULL AND in_country IS NOT NULL THEN
    WITH named AS MATERIALIZED (SELECT * FROM @extschema@.loader_places_named(place_name))
    SELECT named.location INTO ref
    FROM named
    WHERE named.country OPERATOR(@extschema@.=) in_country AND named.location IS NOT NULL
    ORDER BY named.id
    LIMIT 1;
    ref_is_place := ref IS NOT NULL;
  END IF;
  IF ref IS NULL AND in_country IS NOT NULL THEN
    SELECT p.location INTO ref
    FROM @extschema@.places p
    WHERE p.country OPERATOR(@extschema@.=) in_country AND p.kind = 'country' AND p.location IS NOT NULL
    LIMIT 1;
  END IF;
  IF NOT valid THEN
    IF valid_swapped AND (ref IS NULL OR @extschema@.distance(@extschema@.geopoint(lon, lat), ref)
                                         <= CASE WHEN ref_is_place THEN 25000 ELSE 2000000 END) THEN
      location := @extschema@.geopoint(lon, lat);
      note := format('latitude %s and longitude %s swapped (impossible as given): stored as %s, %s', lat, lon, lon, lat);
    ELSE
      ok := false;
      note := format('impossible coordinates: latitude %s, longitude %s', lat, lon);
    END IF;
    RETURN;
  END IF;
  location := @extschema@.geopoint(lat, lon);
  IF ref IS NOT NULL AND valid_swapped THEN
    d0 := @extschema@.distance(location, ref);
    d1 := @extschema@.distance(@extschema@.geopoint(lon, lat), ref);
    IF (ref_is_place AND d0 > 100000 AND d1 <= 25000)
       OR (NOT ref_is_place AND d0 > 2000000 AND d1 <= 2000000) THEN
      location := @extschema@.geopoint(lon, lat);
      note := format('latitude %s and longitude %s swapped (%s km from %s as given, %s km swapped): stored as %s, %s',
                     lat, lon, round((d0 / 1000)::numeric), coalesce(CASE WHEN ref_is_place THEN place_name END, 'the country'),
                     round((d1 / 1000)::numeric), lon, lat);
    END IF;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_check_location(float8, float8, @extschema@.country, text) IS
  'The loaders'' coordinate check: the point as given, or swapped back when latitude and longitude were exchanged (impossible as given but possible swapped, or the swapped point matches a known place of that name or the country while the given one does not); ok is false for impossible coordinates; note says what was changed.';

-- The place a dataset row names: an existing place with that name (or alias) in
-- that country within radius metres of the row's point (the nearest one), else
-- a new place, with its name also written to place_names.
CREATE FUNCTION @extschema@.loader_place(
    place_name text, place_kind text, in_country @extschema@.country,
    at @extschema@.geopoint, radius float8 DEFAULT 25000, alias text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  found bigint;
BEGIN
  IF place_name IS NULL THEN
    RETURN NULL;
  END IF;
  WITH named AS MATERIALIZED (SELECT * FROM @extschema@.loader_places_named(place_name))
  SELECT named.id INTO found
  FROM named
  WHERE (named.country OPERATOR(@extschema@.=) in_country OR (named.country IS NULL AND in_country IS NULL))
    AND (at IS NULL OR named.location IS NULL OR @extschema@.distance(named.location, at) <= radius)
  ORDER BY CASE WHEN at IS NULL OR named.location IS NULL THEN 1 ELSE 0 END,
           CASE WHEN at IS NULL OR named.location IS NULL THEN 0 ELSE @extschema@.distance(named.location, at) END,
           named.id
  LIMIT 1;
  IF found IS NOT NULL THEN
    RETURN found;
  END IF;
  INSERT INTO @extschema@.places (name, kind, country, location)
  VALUES (place_name, place_kind, in_country, at)
  RETURNING id INTO found;
  INSERT INTO @extschema@.place_names (place_id, name) VALUES (found, place_name);
  IF alias IS NOT NULL AND lower(alias) <> lower(place_name) THEN
    INSERT INTO @extschema@.place_names (place_id, name) VALUES (found, alias);
  END IF;
  RETURN found;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_place(text, text, @extschema@.country, @extschema@.geopoint, float8, text) IS
  'The place a dataset row names: the nearest existing place with that name or alias (case-insensitive) in that country within radius metres (default 25 km) of the point, else a new place of that kind, its name (and alias) added to place_names.';

-- The actor a dataset row names: an existing actor with that name or alias
-- (case-insensitive), or with that CAMEO code when one is given, else a new one.
CREATE FUNCTION @extschema@.loader_actor(
    actor_name text, actor_kind text, in_country @extschema@.country,
    acled_type smallint DEFAULT NULL, cameo text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
  found bigint;
BEGIN
  IF actor_name IS NULL THEN
    RETURN NULL;
  END IF;
  WITH named AS MATERIALIZED (
    SELECT b.id FROM @extschema@.actors b WHERE lower(b.name) = lower(actor_name)
    UNION
    SELECT n.actor_id FROM @extschema@.actor_names n WHERE lower(n.name) = lower(actor_name))
  SELECT named.id INTO found
  FROM named
  ORDER BY named.id
  LIMIT 1;
  IF found IS NULL AND cameo IS NOT NULL THEN
    SELECT a.id INTO found FROM @extschema@.actors a WHERE a.cameo_code = cameo ORDER BY a.id LIMIT 1;
  END IF;
  IF found IS NOT NULL THEN
    RETURN found;
  END IF;
  INSERT INTO @extschema@.actors (name, kind, country, acled_inter, cameo_code)
  VALUES (actor_name, actor_kind, in_country, nullif(acled_type, 0),
          CASE WHEN cameo ~ '^([A-Z0-9]{3})+$' THEN cameo END)
  RETURNING id INTO found;
  INSERT INTO @extschema@.actor_names (actor_id, name) VALUES (found, actor_name);
  RETURN found;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_actor(text, text, @extschema@.country, smallint, text) IS
  'The actor a dataset row names: the first existing actor with that name or alias (case-insensitive), else with that CAMEO actor code, else a new actor of that kind (name added to actor_names).';

-- The country a dataset's actor name carries: "Civilians (Mali)",
-- "Military Forces of Burkina Faso (2022-)", "Police Forces of Niger (2021-) Gendarmerie".
CREATE FUNCTION @extschema@.loader_actor_country(actor_name text) RETURNS @extschema@.country
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m text[];
BEGIN
  m := regexp_match(actor_name, ' of ([^()]+?) \([0-9]{4}-');
  IF m IS NULL THEN
    m := regexp_match(actor_name, '\(([^()0-9]+)\)\s*$');
  END IF;
  IF m IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN @extschema@.try_country(m[1]);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_actor_country(text) IS
  'The country an ACLED-style actor name carries ("Civilians (Mali)", "Military Forces of Mali (2021-)"), through try_country; NULL when it names none.';
-- extension/sql/325_loaders_common.sql — what every import_* function does the
-- same way (internal to the loaders): check its argument, lock and count its
-- staging table, keep an import_runs row and its counts, list the rows it does
-- not load cleanly in import_issues, report progress, and at the end empty the
-- staging table and close the run.
--
-- An import function keeps its state in a loader_state value and hands it to
-- these helpers, which return it updated:
--
--   st := loader_start('acled', 'import_acled', 'sahel_news.acled_raw', progress_every);
--   st.run := loader_begin('acled');
--   FOR r IN ... LOOP
--     st.rows_read := st.rows_read + 1;
--     ... st := loader_issue(st, r.rec, ext, 'rejected', reason, r.raw); CONTINUE; ...
--     st := loader_done(st, r.rec, ext, notes, inserted, r.raw);
--   END LOOP;
--   RETURN loader_end(st, 'sahel_news.acled_raw');

CREATE TYPE @extschema@.loader_state AS (
  dataset   text,     -- import_runs.dataset and import_issues.dataset
  fn        text,     -- the import function, named in progress NOTICEs
  every     integer,  -- a progress NOTICE every so many rows
  total     bigint,   -- rows staged
  run       bigint,   -- import_runs.id
  rows_read bigint,
  imported  bigint,
  updated   bigint,
  skipped   bigint,
  flagged   bigint
);
COMMENT ON TYPE @extschema@.loader_state IS
  'The state of one import_* call: dataset, function, progress interval, rows staged, its import_runs id and its counts so far (internal to the loaders).';

CREATE FUNCTION @extschema@.loader_begin(dataset text) RETURNS bigint
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO @extschema@.import_runs (dataset, started_at, finished_at, rows_read, imported, updated, skipped, flagged)
  VALUES (dataset, clock_timestamp(), clock_timestamp(), 0, 0, 0, 0, 0)
  RETURNING id
$$;
COMMENT ON FUNCTION @extschema@.loader_begin(text) IS
  'Opens an import_runs row for one import_* call and returns its id (internal to the loaders).';

CREATE FUNCTION @extschema@.loader_finish(run bigint, n_read bigint, n_imported bigint, n_updated bigint,
                                          n_skipped bigint, n_flagged bigint)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  result @extschema@.import_runs;
BEGIN
  UPDATE @extschema@.import_runs
  SET finished_at = clock_timestamp(), rows_read = n_read, imported = n_imported,
      updated = n_updated, skipped = n_skipped, flagged = n_flagged
  WHERE id = run
  RETURNING * INTO result;
  RAISE NOTICE '%: % rows read: % imported, % updated, % skipped, % flagged (import_issues.run_id = %)',
    result.dataset, n_read, n_imported, n_updated, n_skipped, n_flagged, run;
  RETURN result;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_finish(bigint, bigint, bigint, bigint, bigint, bigint) IS
  'Closes the import_runs row of an import_* call with its counts, reports them in a NOTICE and returns the row (internal to the loaders).';

CREATE FUNCTION @extschema@.loader_progress(dataset text, every integer, n_read bigint, n_imported bigint,
                                            n_updated bigint, n_skipped bigint, n_flagged bigint, n_total bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF n_read % every = 0 THEN
    RAISE NOTICE '%: % of % rows read (% imported, % updated, % skipped, % flagged)',
      dataset, n_read, n_total, n_imported, n_updated, n_skipped, n_flagged;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_progress(text, integer, bigint, bigint, bigint, bigint, bigint, bigint) IS
  'Reports an import_* call''s progress in a NOTICE every so many rows (internal to the loaders).';

CREATE FUNCTION @extschema@.loader_check_every(every integer) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF every IS NULL OR every < 1 THEN
    RAISE EXCEPTION 'progress_every must be a positive number of rows, not %', coalesce(every::text, 'NULL')
      USING ERRCODE = '22023';
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_check_every(integer) IS
  'Rejects a progress_every argument that is not a positive number (internal to the loaders).';

-- Checks progress_every, locks the staging table against concurrent loads and
-- counts its rows.  The import_runs row is opened by loader_begin afterwards
-- (an import may first refuse the staged file as a whole).
CREATE FUNCTION @extschema@.loader_start(dataset text, fn text, staging regclass, every integer)
RETURNS @extschema@.loader_state
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  st @extschema@.loader_state;
BEGIN
  PERFORM @extschema@.loader_check_every(every);
  EXECUTE format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', staging);
  st := ROW(dataset, fn, every, 0, NULL, 0, 0, 0, 0, 0)::@extschema@.loader_state;
  EXECUTE format('SELECT count(*) FROM %s', staging) INTO st.total;
  RETURN st;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_start(text, text, regclass, integer) IS
  'Begins an import_* call: rejects a progress_every that is not positive, locks the staging table (SHARE ROW EXCLUSIVE), counts its rows and returns the call''s loader_state with zero counts and no run yet (internal to the loaders).';

-- Lists a row in import_issues and counts it: skipped rows as skipped, kept
-- and rejected ones as flagged; then reports progress unless told not to.
CREATE FUNCTION @extschema@.loader_issue(st @extschema@.loader_state, rec bigint, ext text, action text,
                                         reason text, raw jsonb, progress boolean DEFAULT true)
RETURNS @extschema@.loader_state
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO @extschema@.import_issues (run_id, dataset, record, external_id, action, reason, raw)
  VALUES (st.run, st.dataset, rec, ext, action, reason, raw);
  IF action = 'skipped' THEN
    st.skipped := st.skipped + 1;
  ELSE
    st.flagged := st.flagged + 1;
  END IF;
  IF progress THEN
    PERFORM @extschema@.loader_progress(st.fn, st.every, st.rows_read, st.imported, st.updated,
                                        st.skipped, st.flagged, st.total);
  END IF;
  RETURN st;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_issue(@extschema@.loader_state, bigint, text, text, text, jsonb, boolean) IS
  'Records a staged row that was not loaded cleanly in import_issues (action kept, rejected or skipped, with the reason and the raw row), counts it as skipped or flagged and reports progress (internal to the loaders).';

-- The file's header line, staged by a COPY without HEADER: skipped, and (as
-- the loaders always did) without a progress report.
CREATE FUNCTION @extschema@.loader_header(st @extschema@.loader_state, rec bigint, raw jsonb)
RETURNS @extschema@.loader_state
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  SELECT @extschema@.loader_issue(st, rec, NULL, 'skipped',
                                  'the file''s header line (copy with HEADER or HEADER MATCH)', raw, false)
$$;
COMMENT ON FUNCTION @extschema@.loader_header(@extschema@.loader_state, bigint, jsonb) IS
  'Skips a staged copy of the file''s header line, listing it in import_issues (internal to the loaders).';

-- A row with the same key as a later one (the winner): an exact duplicate, or
-- superseded (the caller says by what).
CREATE FUNCTION @extschema@.loader_duplicate(st @extschema@.loader_state, rec bigint, ext text, raw jsonb,
                                             winner bigint, winner_raw jsonb, superseded text)
RETURNS @extschema@.loader_state
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  SELECT @extschema@.loader_issue(st, rec, ext, 'skipped',
                                  CASE WHEN raw = winner_raw THEN format('exact duplicate of record %s', winner)
                                       ELSE superseded END, raw)
$$;
COMMENT ON FUNCTION @extschema@.loader_duplicate(@extschema@.loader_state, bigint, text, jsonb, bigint, jsonb, text) IS
  'Skips a staged row that a later one with the same key replaces: listed in import_issues as an exact duplicate of the later record, or with the given superseded reason (internal to the loaders).';

-- A row whose record could not be written (the statement raised).
CREATE FUNCTION @extschema@.loader_failed(st @extschema@.loader_state, rec bigint, ext text, raw jsonb,
                                          message text, sqlstate text)
RETURNS @extschema@.loader_state
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  SELECT @extschema@.loader_issue(st, rec, ext, 'rejected',
                                  format('could not be stored: %s (SQLSTATE %s)', message, sqlstate), raw)
$$;
COMMENT ON FUNCTION @extschema@.loader_failed(@extschema@.loader_state, bigint, text, jsonb, text, text) IS
  'Rejects a staged row whose record could not be stored, with the error message and SQLSTATE as the reason in import_issues (internal to the loaders).';

-- A row that was stored: kept with its notes (flagged), else imported (a new
-- record) or updated (its dataset and external id were loaded before).
CREATE FUNCTION @extschema@.loader_done(st @extschema@.loader_state, rec bigint, ext text, notes text[],
                                        inserted boolean, raw jsonb)
RETURNS @extschema@.loader_state
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF cardinality(notes) > 0 THEN
    RETURN @extschema@.loader_issue(st, rec, ext, 'kept', array_to_string(notes, '; '), raw);
  END IF;
  IF inserted THEN
    st.imported := st.imported + 1;
  ELSE
    st.updated := st.updated + 1;
  END IF;
  PERFORM @extschema@.loader_progress(st.fn, st.every, st.rows_read, st.imported, st.updated,
                                      st.skipped, st.flagged, st.total);
  RETURN st;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_done(@extschema@.loader_state, bigint, text, text[], boolean, jsonb) IS
  'Counts a stored row: flagged and listed in import_issues as kept when it has notes, else imported or updated; reports progress (internal to the loaders).';

-- Empties the staging table (TRUNCATE, or DELETE when the calling statement
-- itself still reads it: SELECT count(*), import_...() FROM ..._raw) and
-- closes the run.
CREATE FUNCTION @extschema@.loader_end(st @extschema@.loader_state, staging regclass)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  BEGIN
    EXECUTE format('TRUNCATE %s', staging);
  EXCEPTION WHEN object_in_use THEN
    EXECUTE format('DELETE FROM %s', staging);
  END;
  RETURN @extschema@.loader_finish(st.run, st.rows_read, st.imported, st.updated, st.skipped, st.flagged);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_end(@extschema@.loader_state, regclass) IS
  'Ends an import_* call: empties its staging table and closes its import_runs row with the counts, returning it (internal to the loaders).';
-- extension/sql/330_loaders_acled.sql — import_acled() (run bookkeeping: 325_loaders_common.sql).

-- ACLED: one event per event_id_cnty.
CREATE FUNCTION @extschema@.import_acled(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
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
  inter_text constant text[] := ARRAY['state forces', 'rebel group', 'political militia', 'identity militia',
                                      'rioters', 'protesters', 'civilians', 'external/other forces'];
  actor_kind constant text[] := ARRAY['state forces', 'armed group', 'armed group', 'armed group',
                                      NULL, NULL, 'civilians', NULL];
BEGIN
  st := @extschema@.loader_start('acled', 'import_acled', '@extschema@.acled_raw', progress_every);

  -- A file of another layout with the same number of columns (the older
  -- exports begin data_id, iso, event_id_cnty, ...) would be misread: refuse it.
  IF st.total > 0 AND NOT EXISTS (
       SELECT 1 FROM @extschema@.acled_raw t
       WHERE t.event_id_cnty ~ '^[A-Za-z]{2,4}[0-9]+$' AND t.time_precision ~ '^\s*[0-9]\s*$'
          OR t.event_id_cnty = 'event_id_cnty') THEN
    RAISE EXCEPTION 'acled_raw does not hold ACLED''s current export layout'
      USING ERRCODE = '22P04',
            DETAIL = format('No staged row has an event id such as MLI6442 in its first column and a time precision in its fourth; the first row begins %s.',
                            (SELECT left(concat_ws(', ', t.event_id_cnty, t.event_date, t.year, t.time_precision), 80)
                             FROM @extschema@.acled_raw t LIMIT 1)),
            HINT = 'acled_raw takes the 31 columns event_id_cnty, event_date, year, time_precision, ..., tags, timestamp in that order; copy with WITH (FORMAT csv, HEADER MATCH) to have COPY check the header, and empty the table with TRUNCATE sahel_news.acled_raw.';
  END IF;

  st.run := @extschema@.loader_begin('acled');
  SELECT jsonb_object_agg(c.iso_numeric::text, c.country::text) INTO iso_map
  FROM @extschema@.countries() c WHERE c.iso_numeric IS NOT NULL;

  FOR r IN
    WITH s AS (
      SELECT row_number() OVER (ORDER BY t.ctid) AS rec, to_jsonb(t) AS raw, t.*
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

    IF r.event_id_cnty = 'event_id_cnty' AND r.event_date = 'event_date' THEN
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
    IF NOT EXISTS (SELECT 1 FROM @extschema@.acled_sub_event_types et
                   WHERE et.event_type = r.event_type AND et.sub_event_type = r.sub_event_type) THEN
      problems := problems || format('event type %L with sub-event type %L is not in ACLED''s taxonomy',
                                     r.event_type, r.sub_event_type);
    END IF;
    iso := @extschema@.loader_int(r.iso);
    ctry := (iso_map ->> iso::text)::@extschema@.country;
    IF ctry IS NULL THEN
      problems := problems || format('iso %L is not an ISO 3166 numeric country code', r.iso);
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
        (occurred, place_id, location, geo_precision, event_type, sub_event_type, fatalities, summary, dataset, external_id)
      VALUES (occurred::@extschema@.edtf, place, loc, gp, r.event_type, r.sub_event_type, fat_est,
              @extschema@.loader_value(r.notes), 'acled', ext)
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET occurred = excluded.occurred, place_id = excluded.place_id, location = excluded.location,
            geo_precision = excluded.geo_precision, event_type = excluded.event_type,
            sub_event_type = excluded.sub_event_type, fatalities = excluded.fatalities, summary = excluded.summary
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
      FOREACH assoc IN ARRAY coalesce(string_to_array(concat_ws(';', @extschema@.loader_value(r.assoc_actor_1),
                                                                     @extschema@.loader_value(r.assoc_actor_2)), ';'), '{}')
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
  st.run := @extschema@.loader_begin('ucdp_ged');
  gw_map := @extschema@.loader_gw_map();

  FOR r IN
    WITH s AS (
      SELECT row_number() OVER (ORDER BY t.ctid) AS rec, to_jsonb(t) AS raw, t.*
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
    IF r.id = 'id' AND r.relid = 'relid' THEN
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
        (occurred, place_id, location, fatalities, summary, dataset, external_id)
      VALUES (@extschema@.loader_span(ds, de)::@extschema@.edtf, place, loc, fat_est,
              concat_ws(': ', violence[@extschema@.loader_int(r.type_of_violence)], @extschema@.loader_value(r.dyad_name)),
              'ucdp_ged', ext)
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET occurred = excluded.occurred, place_id = excluded.place_id, location = excluded.location,
            fatalities = excluded.fatalities, summary = excluded.summary
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
      SELECT row_number() OVER (ORDER BY t.ctid) AS rec, to_jsonb(t) AS raw, t.*
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
        (occurred, place_id, location, cameo_code, summary, dataset, external_id)
      VALUES (to_char(d, 'YYYY-MM-DD')::@extschema@.edtf, place, loc, btrim(r.eventcode),
              @extschema@.loader_value(r.sourceurl), 'gdelt', ext)
      ON CONFLICT (dataset, external_id) DO UPDATE
        SET occurred = excluded.occurred, place_id = excluded.place_id, location = excluded.location,
            cameo_code = excluded.cameo_code, summary = excluded.summary
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
-- extension/sql/350_loaders_peacekeeping.sql — troop figures from the IPI
-- Peacekeeping Database and Geo-PKO into deployments.

-- IPI contributions: one deployment per contributor, mission and month (troops only).
CREATE FUNCTION @extschema@.import_ipi_contributions(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  r record;
  problems text[];
  d date;
  troops bigint;
  contributor @extschema@.country;
  host @extschema@.country;
  mission text;
  force bigint;
  dep bigint;
  inserted boolean;
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
    st.rows_read := st.rows_read + 1;
    problems := '{}';
    IF r."Date" = 'Date' AND r."Mission" = 'Mission' THEN
      st := @extschema@.loader_header(st, r.rec, r.raw);
      CONTINUE;
    END IF;
    IF r.winner <> r.rec THEN
      st := @extschema@.loader_duplicate(st, r.rec, r.ext, r.raw, r.winner, r.winner_raw,
              format('superseded by record %s, a later row for the same month, mission and contributor', r.winner));
      CONTINUE;
    END IF;
    d := @extschema@.loader_date(r."Date");
    IF d IS NULL THEN
      problems := problems || format('Date %L is not a date', r."Date");
    END IF;
    mission := @extschema@.loader_value(r."Mission");
    IF mission IS NULL THEN
      problems := problems || 'Mission is missing'::text;
    END IF;
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
      RETURNING x.id, (x.xmax = 0) INTO dep, inserted;
    EXCEPTION WHEN OTHERS THEN
      st := @extschema@.loader_failed(st, r.rec, r.ext, r.raw, SQLERRM, SQLSTATE);
      CONTINUE;
    END;
    st := @extschema@.loader_done(st, r.rec, r.ext, '{}', inserted, r.raw);
  END LOOP;

  RETURN @extschema@.loader_end(st, '@extschema@.ipi_contributions_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_ipi_contributions(integer) IS
  'Moves the rows staged in ipi_contributions_raw into deployments: one per month, mission and contributing country with its Troops as an exact estimate, as_of the month, contributor and host (Mission_Country_ISO-3) as countries, the mission as the force (an actor).  Rows without troops (police or experts only) are skipped and listed in import_issues, as is every row not loaded cleanly; a re-imported row updates its deployment.  Empties ipi_contributions_raw and returns the import_runs row.';

-- IPI mission totals: one deployment per mission and month (all contributors together).
CREATE FUNCTION @extschema@.import_ipi_mission_totals(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  r record;
  problems text[];
  notes text[];
  d date;
  troops bigint;
  host @extschema@.country;
  mission text;
  force bigint;
  dep bigint;
  inserted boolean;
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
    st.rows_read := st.rows_read + 1;
    problems := '{}';
    notes := '{}';
    IF r."Date" = 'Date' AND r."Mission" = 'Mission' THEN
      st := @extschema@.loader_header(st, r.rec, r.raw);
      CONTINUE;
    END IF;
    IF r.winner <> r.rec THEN
      st := @extschema@.loader_duplicate(st, r.rec, r.ext, r.raw, r.winner, r.winner_raw,
              format('superseded by record %s, a later row for the same month and mission', r.winner));
      CONTINUE;
    END IF;
    d := @extschema@.loader_date(r."Date");
    IF d IS NULL THEN
      problems := problems || format('Date %L is not a date', r."Date");
    END IF;
    mission := @extschema@.loader_value(r."Mission");
    IF mission IS NULL THEN
      problems := problems || 'Mission is missing'::text;
    END IF;
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
      RETURNING x.id, (x.xmax = 0) INTO dep, inserted;
      -- the month's contributions already loaded are parts of this total
      UPDATE @extschema@.deployments p SET part_of = dep
      WHERE p.dataset = 'ipi_contributions' AND p.force_id = force AND p.as_of OPERATOR(@extschema@.=) to_char(d, 'YYYY-MM')::@extschema@.edtf
        AND p.part_of IS DISTINCT FROM dep;
    EXCEPTION WHEN OTHERS THEN
      st := @extschema@.loader_failed(st, r.rec, r.ext, r.raw, SQLERRM, SQLSTATE);
      CONTINUE;
    END;
    st := @extschema@.loader_done(st, r.rec, r.ext, notes, inserted, r.raw);
  END LOOP;

  RETURN @extschema@.loader_end(st, '@extschema@.ipi_mission_totals_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_ipi_mission_totals(integer) IS
  'Moves the rows staged in ipi_mission_totals_raw (IPI data_mission.csv) into deployments: one per mission and month with its Troops as an exact estimate, as_of the month, host country, no single contributor; the month''s contributions already loaded by import_ipi_contributions become its parts (part_of).  Swapped headquarters coordinates are flagged.  Empties ipi_mission_totals_raw and returns the import_runs row.';

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
        RETURNING x.id, (x.xmax = 0) INTO dep, inserted;
        any_new := any_new OR inserted;
      END LOOP;
    EXCEPTION WHEN OTHERS THEN
      st := @extschema@.loader_failed(st, r.rec, r.ext, r.raw, SQLERRM, SQLSTATE);
      CONTINUE;
    END;
    st := @extschema@.loader_done(st, r.rec, r.ext, notes, any_new, r.raw);
  END LOOP;

  RETURN @extschema@.loader_end(st, '@extschema@.geopko_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_geopko(integer) IS
  'Moves the rows staged in geopko_raw (Geo-PKO v2.0) into deployments: one per site, map month and troop-contributing country (name.of.TCCn with its COW code TCCn), strength approximate (~N: Geo-PKO counts units on UN maps at standard unit sizes), as_of the month, place the site (matched or created, kind base).  Sites without troops are skipped and listed in import_issues, as is every row not loaded cleanly.  Empties geopko_raw and returns the import_runs row.';
-- extension/data/100_acled_taxonomy.sql
-- ACLED's event taxonomy (event types, sub-event types, disorder types and the
-- flags ACLED's own tools derive from them) and its actor types (inter codes),
-- as in the current ACLED codebook.  Written for sahel_news from those facts;
-- events.event_type / sub_event_type and actors.acled_inter refer to them.

-- SET LOCAL, never SET: CREATE EXTENSION restores the settings it saved when
-- the script ends, but a plain SET in the script would outlive it and stay
-- in the caller's session (search_path = sahel_news, the guard lifted).
SET LOCAL search_path = pg_catalog, pg_temp;
SET LOCAL sahel_news.allow_sample_changes = on;

INSERT INTO @extschema@.acled_event_types (event_type, disorder_type, standard) VALUES
  ('Battles',                    'Political violence', true),
  ('Protests',                   'Demonstrations; Political violence', true),
  ('Riots',                      'Demonstrations; Political violence', true),
  ('Explosions/Remote violence', 'Political violence', true),
  ('Violence against civilians', 'Political violence', true),
  ('Strategic developments',     'Strategic developments', true);

INSERT INTO @extschema@.acled_sub_event_types
  (hierarchy_rank, event_type, sub_event_type, disorder_type,
   political_violence, organized_political_violence, demonstrations, standard) VALUES
  ( 1, 'Battles',                    'Government regains territory',        'Political violence',                 true,  true,  false, true),
  ( 2, 'Battles',                    'Non-state actor overtakes territory', 'Political violence',                 true,  true,  false, true),
  ( 3, 'Battles',                    'Armed clash',                         'Political violence',                 true,  true,  false, true),
  ( 4, 'Protests',                   'Excessive force against protesters',  'Political violence; Demonstrations', true,  false, true,  true),
  ( 5, 'Protests',                   'Protest with intervention',           'Demonstrations',                     false, false, true,  true),
  ( 6, 'Protests',                   'Peaceful protest',                    'Demonstrations',                     false, false, true,  true),
  ( 7, 'Riots',                      'Violent demonstration',               'Demonstrations',                     false, false, true,  true),
  ( 8, 'Riots',                      'Mob violence',                        'Political violence',                 true,  false, false, true),
  ( 9, 'Explosions/Remote violence', 'Chemical weapon',                     'Political violence',                 true,  true,  false, true),
  (10, 'Explosions/Remote violence', 'Air/drone strike',                    'Political violence',                 true,  true,  false, true),
  (11, 'Explosions/Remote violence', 'Suicide bomb',                        'Political violence',                 true,  true,  false, true),
  (12, 'Explosions/Remote violence', 'Shelling/artillery/missile attack',   'Political violence',                 true,  true,  false, true),
  (13, 'Explosions/Remote violence', 'Remote explosive/landmine/IED',       'Political violence',                 true,  true,  false, true),
  (14, 'Explosions/Remote violence', 'Grenade',                             'Political violence',                 true,  true,  false, true),
  (15, 'Violence against civilians', 'Sexual violence',                     'Political violence',                 true,  true,  false, true),
  (16, 'Violence against civilians', 'Attack',                              'Political violence',                 true,  true,  false, true),
  (17, 'Violence against civilians', 'Abduction/forced disappearance',      'Political violence',                 true,  true,  false, true),
  (18, 'Strategic developments',     'Agreement',                           'Strategic developments',             false, false, false, true),
  (19, 'Strategic developments',     'Arrests',                             'Strategic developments',             false, false, false, true),
  (20, 'Strategic developments',     'Change to group/activity',            'Strategic developments',             false, false, false, true),
  (21, 'Strategic developments',     'Disrupted weapons use',               'Strategic developments',             false, false, false, true),
  (22, 'Strategic developments',     'Headquarters or base established',    'Strategic developments',             false, false, false, true),
  (23, 'Strategic developments',     'Looting/property destruction',        'Strategic developments',             false, false, false, true),
  (24, 'Strategic developments',     'Non-violent transfer of territory',   'Strategic developments',             false, false, false, true),
  (25, 'Strategic developments',     'Other',                               'Strategic developments',             false, false, false, true);

INSERT INTO @extschema@.acled_actor_types (code, name, standard) VALUES
  (1, 'State forces', true),
  (2, 'Rebel group', true),
  (3, 'Political militia', true),
  (4, 'Identity militia', true),
  (5, 'Rioters', true),
  (6, 'Protesters', true),
  (7, 'Civilians', true),
  (8, 'External/Other forces', true);

SET LOCAL sahel_news.allow_sample_changes = off;
SET LOCAL search_path = @extschema@;
-- extension/data/110_cameo_codes.sql
-- CAMEO event codes (Conflict and Mediation Event Observations, version
-- 1.1b3, as GDELT codes events): the 20 root codes, their base codes and
-- sub-codes, with GDELT's Goldstein score (NULL for the few later codes GDELT
-- gives none) and quad class.  Written for sahel_news from the codebook's
-- facts; events.cameo_code refers to this table.

-- SET LOCAL, never SET: CREATE EXTENSION restores the settings it saved when
-- the script ends, but a plain SET in the script would outlive it and stay
-- in the caller's session (search_path = sahel_news, the guard lifted).
SET LOCAL search_path = pg_catalog, pg_temp;
SET LOCAL sahel_news.allow_sample_changes = on;

INSERT INTO @extschema@.cameo_codes (code, parent, level, name, goldstein, quad_class, standard) VALUES
  ('01', NULL, 1, 'Make public statement', 0.0, 1, true),
  ('010', '01', 2, 'Make statement, not specified below', 0.0, 1, true),
  ('011', '01', 2, 'Decline comment', -0.1, 1, true),
  ('012', '01', 2, 'Make pessimistic comment', -0.4, 1, true),
  ('013', '01', 2, 'Make optimistic comment', 0.4, 1, true),
  ('014', '01', 2, 'Consider policy option', 0.0, 1, true),
  ('015', '01', 2, 'Acknowledge or claim responsibility', 0.0, 1, true),
  ('016', '01', 2, 'Deny responsibility', -2.0, 1, true),
  ('017', '01', 2, 'Engage in symbolic act', 0.0, 1, true),
  ('018', '01', 2, 'Make empathetic comment', 3.4, 1, true),
  ('019', '01', 2, 'Express accord', 3.4, 1, true),
  ('02', NULL, 1, 'Appeal', 3.0, 1, true),
  ('020', '02', 2, 'Make an appeal or request, not specified below', 3.0, 1, true),
  ('021', '02', 2, 'Appeal for material cooperation, not specified below', 3.4, 1, true),
  ('0211', '021', 3, 'Appeal for economic cooperation', 3.4, 1, true),
  ('0212', '021', 3, 'Appeal for military cooperation', 3.4, 1, true),
  ('0213', '021', 3, 'Appeal for judicial cooperation', 3.4, 1, true),
  ('0214', '021', 3, 'Appeal for intelligence', 3.4, 1, true),
  ('022', '02', 2, 'Appeal for diplomatic cooperation (such as policy support)', 3.2, 1, true),
  ('023', '02', 2, 'Appeal for aid, not specified below', 3.4, 1, true),
  ('0231', '023', 3, 'Appeal for economic aid', 3.4, 1, true),
  ('0232', '023', 3, 'Appeal for military aid', 3.4, 1, true),
  ('0233', '023', 3, 'Appeal for humanitarian aid', 3.4, 1, true),
  ('0234', '023', 3, 'Appeal for military protection or peacekeeping', 3.4, 1, true),
  ('024', '02', 2, 'Appeal for political reform, not specified below', -0.3, 1, true),
  ('0241', '024', 3, 'Appeal for change in leadership', -0.3, 1, true),
  ('0242', '024', 3, 'Appeal for policy change', -0.3, 1, true),
  ('0243', '024', 3, 'Appeal for rights', -0.3, 1, true),
  ('0244', '024', 3, 'Appeal for change in institutions, regime', -0.3, 1, true),
  ('025', '02', 2, 'Appeal to yield, not specified below', -0.3, 1, true),
  ('0251', '025', 3, 'Appeal for easing of administrative sanctions', -0.3, 1, true),
  ('0252', '025', 3, 'Appeal for easing of political dissent', -0.3, 1, true),
  ('0253', '025', 3, 'Appeal for release of persons or property', -0.3, 1, true),
  ('0254', '025', 3, 'Appeal for easing of economic sanctions, boycott, or embargo', -0.3, 1, true),
  ('0255', '025', 3, 'Appeal for target to allow international involvement (non-mediation)', -0.3, 1, true),
  ('0256', '025', 3, 'Appeal for de-escalation of military engagement', -0.3, 1, true),
  ('026', '02', 2, 'Appeal to others to meet or negotiate', 4.0, 1, true),
  ('027', '02', 2, 'Appeal to others to settle dispute', 4.0, 1, true),
  ('028', '02', 2, 'Appeal to engage in or accept mediation', 4.0, 1, true),
  ('03', NULL, 1, 'Express intent to cooperate', 4.0, 1, true),
  ('030', '03', 2, 'Express intent to cooperate, not specified below', 4.0, 1, true),
  ('031', '03', 2, 'Express intent to engage in material cooperation, not specified below', 5.2, 1, true),
  ('0311', '031', 3, 'Express intent to cooperate economically', 5.2, 1, true),
  ('0312', '031', 3, 'Express intent to cooperate militarily', 5.2, 1, true),
  ('0313', '031', 3, 'Express intent to cooperate on judicial matters', 5.2, 1, true),
  ('0314', '031', 3, 'Express intent to cooperate on intelligence', 5.2, 1, true),
  ('032', '03', 2, 'Express intent to engage in diplomatic cooperation (such as policy support)', 4.5, 1, true),
  ('033', '03', 2, 'Express intent to provide material aid, not specified below', 5.2, 1, true),
  ('0331', '033', 3, 'Express intent to provide economic aid', 5.2, 1, true),
  ('0332', '033', 3, 'Express intent to provide military aid', 5.2, 1, true),
  ('0333', '033', 3, 'Express intent to provide humanitarian aid', 5.2, 1, true),
  ('0334', '033', 3, 'Express intent to provide military protection or peacekeeping', 6.0, 1, true),
  ('034', '03', 2, 'Express intent to institute political reform, not specified below', 7.0, 1, true),
  ('0341', '034', 3, 'Express intent to change leadership', 7.0, 1, true),
  ('0342', '034', 3, 'Express intent to change policy', 7.0, 1, true),
  ('0343', '034', 3, 'Express intent to provide rights', 7.0, 1, true),
  ('0344', '034', 3, 'Express intent to change institutions, regime', 7.0, 1, true),
  ('035', '03', 2, 'Express intent to yield, not specified below', 7.0, 1, true),
  ('0351', '035', 3, 'Express intent to ease administrative sanctions', 7.0, 1, true),
  ('0352', '035', 3, 'Express intent to ease popular dissent', 7.0, 1, true),
  ('0353', '035', 3, 'Express intent to release persons or property', 7.0, 1, true),
  ('0354', '035', 3, 'Express intent to ease economic sanctions, boycott, or embargo', 7.0, 1, true),
  ('0355', '035', 3, 'Express intent to allow international involvement (non-mediation)', 7.0, 1, true),
  ('0356', '035', 3, 'Express intent to de-escalate military engagement', 7.0, 1, true),
  ('036', '03', 2, 'Express intent to meet or negotiate', 4.0, 1, true),
  ('037', '03', 2, 'Express intent to settle dispute', 5.0, 1, true),
  ('038', '03', 2, 'Express intent to accept mediation', 7.0, 1, true),
  ('039', '03', 2, 'Express intent to mediate', 5.0, 1, true),
  ('04', NULL, 1, 'Consult', 1.0, 1, true),
  ('040', '04', 2, 'Consult, not specified below', 1.0, 1, true),
  ('041', '04', 2, 'Discuss by telephone', 1.0, 1, true),
  ('042', '04', 2, 'Make a visit', 1.9, 1, true),
  ('043', '04', 2, 'Host a visit', 2.8, 1, true),
  ('044', '04', 2, 'Meet at a ”third” location', 2.5, 1, true),
  ('045', '04', 2, 'Mediate', 5.0, 1, true),
  ('046', '04', 2, 'Engage in negotiation', 7.0, 1, true),
  ('05', NULL, 1, 'Engage in diplomatic cooperation', 3.5, 1, true),
  ('050', '05', 2, 'Engage in diplomatic cooperation, not specified below', 3.5, 1, true),
  ('051', '05', 2, 'Praise or endorse', 3.4, 1, true),
  ('052', '05', 2, 'Defend verbally', 3.5, 1, true),
  ('053', '05', 2, 'Rally support on behalf of', 3.8, 1, true),
  ('054', '05', 2, 'Grant diplomatic recognition', 6.0, 1, true),
  ('055', '05', 2, 'Apologize', 7.0, 1, true),
  ('056', '05', 2, 'Forgive', 7.0, 1, true),
  ('057', '05', 2, 'Sign formal agreement', 8.0, 1, true),
  ('06', NULL, 1, 'Engage in material cooperation', 6.0, 2, true),
  ('060', '06', 2, 'Engage in material cooperation, not specified below', 6.0, 2, true),
  ('061', '06', 2, 'Cooperate economically', 6.4, 2, true),
  ('062', '06', 2, 'Cooperate militarily', 7.4, 2, true),
  ('063', '06', 2, 'Engage in judicial cooperation', 7.4, 2, true),
  ('064', '06', 2, 'Share intelligence or information', 7.0, 2, true),
  ('07', NULL, 1, 'Provide aid', 7.0, 2, true),
  ('070', '07', 2, 'Provide aid, not specified below', 7.0, 2, true),
  ('071', '07', 2, 'Provide economic aid', 7.4, 2, true),
  ('072', '07', 2, 'Provide military aid', 8.3, 2, true),
  ('073', '07', 2, 'Provide humanitarian aid', 7.4, 2, true),
  ('074', '07', 2, 'Provide military protection or peacekeeping', 8.5, 2, true),
  ('075', '07', 2, 'Grant asylum', 7.0, 2, true),
  ('08', NULL, 1, 'Yield', 5.0, 2, true),
  ('080', '08', 2, 'Yield, not specified below', 5.0, 2, true),
  ('081', '08', 2, 'Ease administrative sanctions, not specified below', 5.0, 2, true),
  ('0811', '081', 3, 'Ease restrictions on political freedoms', 5.0, 2, true),
  ('0812', '081', 3, 'Ease ban on political parties or politicians', 5.0, 2, true),
  ('0813', '081', 3, 'Ease curfew', 5.0, 2, true),
  ('0814', '081', 3, 'Ease state of emergency or martial law', 5.0, 2, true),
  ('082', '08', 2, 'Ease political dissent', 5.0, 2, true),
  ('083', '08', 2, 'Accede to requests or demands for political reform, not specified below', 5.0, 2, true),
  ('0831', '083', 3, 'Accede to demands for change in leadership', 5.0, 2, true),
  ('0832', '083', 3, 'Accede to demands for change in policy', 5.0, 2, true),
  ('0833', '083', 3, 'Accede to demands for rights', 5.0, 2, true),
  ('0834', '083', 3, 'Accede to demands for change in institutions, regime', 5.0, 2, true),
  ('084', '08', 2, 'Return, release, not specified below', 7.0, 2, true),
  ('0841', '084', 3, 'Return, release person(s)', 7.0, 2, true),
  ('0842', '084', 3, 'Return, release property', 7.0, 2, true),
  ('085', '08', 2, 'Ease economic sanctions, boycott, embargo', 7.0, 2, true),
  ('086', '08', 2, 'Allow international involvement, not specified below', 9.0, 2, true),
  ('0861', '086', 3, 'Receive deployment of peacekeepers', 9.0, 2, true),
  ('0862', '086', 3, 'Receive inspectors', 9.0, 2, true),
  ('0863', '086', 3, 'Allow humanitarian access', 9.0, 2, true),
  ('087', '08', 2, 'De-escalate military engagement', 9.0, 2, true),
  ('0871', '087', 3, 'Declare truce, ceasefire', 9.0, 2, true),
  ('0872', '087', 3, 'Ease military blockade', 9.0, 2, true),
  ('0873', '087', 3, 'Demobilize armed forces', 9.0, 2, true),
  ('0874', '087', 3, 'Retreat or surrender militarily', 10.0, 2, true),
  ('09', NULL, 1, 'Investigate', -2.0, 2, true),
  ('090', '09', 2, 'Investigate, not specified below', -2.0, 2, true),
  ('091', '09', 2, 'Investigate crime, corruption', -2.0, 2, true),
  ('092', '09', 2, 'Investigate human rights abuses', -2.0, 2, true),
  ('093', '09', 2, 'Investigate military action', -2.0, 2, true),
  ('094', '09', 2, 'Investigate war crimes', -2.0, 2, true),
  ('10', NULL, 1, 'Demand', -5.0, 3, true),
  ('100', '10', 2, 'Demand, not specified below', -5.0, 3, true),
  ('101', '10', 2, 'Demand material cooperation, not specified below', -5.0, 3, true),
  ('1011', '101', 3, 'Demand economic cooperation', -5.0, 3, true),
  ('1012', '101', 3, 'Demand military cooperation', -5.0, 3, true),
  ('1013', '101', 3, 'Demand judicial cooperation', -5.0, 3, true),
  ('1014', '101', 3, 'Demand intelligence cooperation', -5.0, 3, true),
  ('102', '10', 2, 'Demand diplomatic cooperation (such as policy support)', -5.0, 3, true),
  ('103', '10', 2, 'Demand material aid, not specified below', -5.0, 3, true),
  ('1031', '103', 3, 'Demand economic aid', -5.0, 3, true),
  ('1032', '103', 3, 'Demand military aid', -5.0, 3, true),
  ('1033', '103', 3, 'Demand humanitarian aid', -5.0, 3, true),
  ('1034', '103', 3, 'Demand military protection or peacekeeping', -5.0, 3, true),
  ('104', '10', 2, 'Demand political reform, not specified below', -5.0, 3, true),
  ('1041', '104', 3, 'Demand change in leadership', -5.0, 3, true),
  ('1042', '104', 3, 'Demand policy change', -5.0, 3, true),
  ('1043', '104', 3, 'Demand rights', -5.0, 3, true),
  ('1044', '104', 3, 'Demand change in institutions, regime', -5.0, 3, true),
  ('105', '10', 2, 'Demand that target yields, not specified below', -5.0, 3, true),
  ('1051', '105', 3, 'Demand easing of administrative sanctions', -5.0, 3, true),
  ('1052', '105', 3, 'Demand easing of political dissent', -5.0, 3, true),
  ('1053', '105', 3, 'Demand release of persons or property', -5.0, 3, true),
  ('1054', '105', 3, 'Demand easing of economic sanctions, boycott, or embargo', -5.0, 3, true),
  ('1055', '105', 3, 'Demand that target allows international involvement (non-mediation)', -5.0, 3, true),
  ('1056', '105', 3, 'Demand de-escalation of military engagement', -5.0, 3, true),
  ('106', '10', 2, 'Demand meeting, negotiation', -5.0, 3, true),
  ('107', '10', 2, 'Demand settling of dispute', -5.0, 3, true),
  ('108', '10', 2, 'Demand mediation', -5.0, 3, true),
  ('11', NULL, 1, 'Disapprove', -2.0, 3, true),
  ('110', '11', 2, 'Disapprove, not specified below', -2.0, 3, true),
  ('111', '11', 2, 'Criticize or denounce', -2.0, 3, true),
  ('112', '11', 2, 'Accuse, not specified below', -2.0, 3, true),
  ('1121', '112', 3, 'Accuse of crime, corruption', -2.0, 3, true),
  ('1122', '112', 3, 'Accuse of human rights abuses', -2.0, 3, true),
  ('1123', '112', 3, 'Accuse of aggression', -2.0, 3, true),
  ('1124', '112', 3, 'Accuse of war crimes', -2.0, 3, true),
  ('1125', '112', 3, 'Accuse of espionage, treason', -2.0, 3, true),
  ('113', '11', 2, 'Rally opposition against', -2.0, 3, true),
  ('114', '11', 2, 'Complain officially', -2.0, 3, true),
  ('115', '11', 2, 'Bring lawsuit against', -2.0, 3, true),
  ('116', '11', 2, 'Find guilty or liable (legally)', -2.0, 3, true),
  ('12', NULL, 1, 'Reject', -4.0, 3, true),
  ('120', '12', 2, 'Reject, not specified below', -4.0, 3, true),
  ('121', '12', 2, 'Reject material cooperation', -4.0, 3, true),
  ('1211', '121', 3, 'Reject economic cooperation', -4.0, 3, true),
  ('1212', '121', 3, 'Reject military cooperation', -4.0, 3, true),
  ('122', '12', 2, 'Reject request or demand for material aid, not specified below', -4.0, 3, true),
  ('1221', '122', 3, 'Reject request for economic aid', -4.0, 3, true),
  ('1222', '122', 3, 'Reject request for military aid', -4.0, 3, true),
  ('1223', '122', 3, 'Reject request for humanitarian aid', -4.0, 3, true),
  ('1224', '122', 3, 'Reject request for military protection or peacekeeping', -4.0, 3, true),
  ('123', '12', 2, 'Reject request or demand for political reform, not specified below', -4.0, 3, true),
  ('1231', '123', 3, 'Reject request for change in leadership', -4.0, 3, true),
  ('1232', '123', 3, 'Reject request for policy change', -4.0, 3, true),
  ('1233', '123', 3, 'Reject request for rights', -4.0, 3, true),
  ('1234', '123', 3, 'Reject request for change in institutions, regime', -4.0, 3, true),
  ('124', '12', 2, 'Refuse to yield, not specified below', -4.0, 3, true),
  ('1241', '124', 3, 'Refuse to ease administrative sanctions', -4.0, 3, true),
  ('1242', '124', 3, 'Refuse to ease popular dissent', -4.0, 3, true),
  ('1243', '124', 3, 'Refuse to release persons or property', -4.0, 3, true),
  ('1244', '124', 3, 'Refuse to ease economic sanctions, boycott, or embargo', -4.0, 3, true),
  ('1245', '124', 3, 'Refuse to allow international involvement (non mediation)', -4.0, 3, true),
  ('1246', '124', 3, 'Refuse to de-escalate military engagement', -4.0, 3, true),
  ('125', '12', 2, 'Reject proposal to meet, discuss, or negotiate', -5.0, 3, true),
  ('126', '12', 2, 'Reject mediation', -5.0, 3, true),
  ('127', '12', 2, 'Reject plan, agreement to settle dispute', -5.0, 3, true),
  ('128', '12', 2, 'Defy norms, law', -5.0, 3, true),
  ('129', '12', 2, 'Veto', -5.0, 3, true),
  ('13', NULL, 1, 'Threaten', -6.0, 3, true),
  ('130', '13', 2, 'Threaten, not specified below', -4.4, 3, true),
  ('131', '13', 2, 'Threaten non-force, not specified below', -5.8, 3, true),
  ('1311', '131', 3, 'Threaten to reduce or stop aid', -5.8, 3, true),
  ('1312', '131', 3, 'Threaten with sanctions, boycott, embargo', -5.8, 3, true),
  ('1313', '131', 3, 'Threaten to reduce or break relations', -5.8, 3, true),
  ('132', '13', 2, 'Threaten with administrative sanctions, not specified below', -5.8, 3, true),
  ('1321', '132', 3, 'Threaten with restrictions on political freedoms', -5.8, 3, true),
  ('1322', '132', 3, 'Threaten to ban political parties or politicians', -5.8, 3, true),
  ('1323', '132', 3, 'Threaten to impose curfew', -5.8, 3, true),
  ('1324', '132', 3, 'Threaten to impose state of emergency or martial law', -5.8, 3, true),
  ('133', '13', 2, 'Threaten with political dissent, protest', -5.8, 3, true),
  ('134', '13', 2, 'Threaten to halt negotiations', -5.8, 3, true),
  ('135', '13', 2, 'Threaten to halt mediation', -5.8, 3, true),
  ('136', '13', 2, 'Threaten to halt international involvement (non-mediation)', -7.0, 3, true),
  ('137', '13', 2, 'Threaten with repression', -7.0, 3, true),
  ('138', '13', 2, 'Threaten with military force, not specified below', -7.0, 3, true),
  ('1381', '138', 3, 'Threaten blockade', -7.0, 3, true),
  ('1382', '138', 3, 'Threaten occupation', -7.0, 3, true),
  ('1383', '138', 3, 'Threaten unconventional violence', -7.0, 3, true),
  ('1384', '138', 3, 'Threaten conventional attack', -7.0, 3, true),
  ('1385', '138', 3, 'Threaten attack with WMD', -7.0, 3, true),
  ('139', '13', 2, 'Give ultimatum', -7.0, 3, true),
  ('14', NULL, 1, 'Protest', -6.5, 3, true),
  ('140', '14', 2, 'Engage in political dissent, not specified below', -6.5, 3, true),
  ('141', '14', 2, 'Demonstrate or rally, not specified below', -6.5, 3, true),
  ('1411', '141', 3, 'Demonstrate for leadership change', -6.5, 3, true),
  ('1412', '141', 3, 'Demonstrate for policy change', -6.5, 3, true),
  ('1413', '141', 3, 'Demonstrate for rights', -6.5, 3, true),
  ('1414', '141', 3, 'Demonstrate for change in institutions, regime', -6.5, 3, true),
  ('142', '14', 2, 'Conduct hunger strike, not specified below', -6.5, 3, true),
  ('1421', '142', 3, 'Conduct hunger strike for leadership change', -6.5, 3, true),
  ('1422', '142', 3, 'Conduct hunger strike for policy change', -6.5, 3, true),
  ('1423', '142', 3, 'Conduct hunger strike for rights', -6.5, 3, true),
  ('1424', '142', 3, 'Conduct hunger strike for change in institutions, regime', -6.5, 3, true),
  ('143', '14', 2, 'Conduct strike or boycott, not specified below', -6.5, 3, true),
  ('1431', '143', 3, 'Conduct strike or boycott for leadership change', -6.5, 3, true),
  ('1432', '143', 3, 'Conduct strike or boycott for policy change', -6.5, 3, true),
  ('1433', '143', 3, 'Conduct strike or boycott for rights', -6.5, 3, true),
  ('1434', '143', 3, 'Conduct strike or boycott for change in institutions, regime', -6.5, 3, true),
  ('144', '14', 2, 'Obstruct passage, block, not specified below', -7.5, 3, true),
  ('1441', '144', 3, 'Obstruct passage to demand leadership change', -7.5, 3, true),
  ('1442', '144', 3, 'Obstruct passage to demand policy change', -7.5, 3, true),
  ('1443', '144', 3, 'Obstruct passage to demand rights', -7.5, 3, true),
  ('1444', '144', 3, 'Obstruct passage to demand change in institutions, regime', -7.5, 3, true),
  ('145', '14', 2, 'Protest violently, riot, not specified below', -7.5, 3, true),
  ('1451', '145', 3, 'Engage in violent protest for leadership change', -7.5, 3, true),
  ('1452', '145', 3, 'Engage in violent protest for policy change', -7.5, 3, true),
  ('1453', '145', 3, 'Engage in violent protest for rights', -7.5, 3, true),
  ('1454', '145', 3, 'Engage in violent protest for change in institutions, regime', -7.5, 3, true),
  ('15', NULL, 1, 'Exhibit force posture', -7.2, 4, true),
  ('150', '15', 2, 'Demonstrate military or police power, not specified below', -7.2, 4, true),
  ('151', '15', 2, 'Increase police alert status', -7.2, 4, true),
  ('152', '15', 2, 'Increase military alert status', -7.2, 4, true),
  ('153', '15', 2, 'Mobilize or increase police power', -7.2, 4, true),
  ('154', '15', 2, 'Mobilize or increase armed forces', -7.2, 4, true),
  ('155', '15', 2, 'Mobilize or increase cyber-forces', NULL, 4, true),
  ('16', NULL, 1, 'Reduce relations', -4.0, 4, true),
  ('160', '16', 2, 'Reduce relations, not specified below', -4.0, 4, true),
  ('161', '16', 2, 'Reduce or break diplomatic relations', -4.0, 4, true),
  ('162', '16', 2, 'Reduce or stop material aid, not specified below', -5.6, 4, true),
  ('1621', '162', 3, 'Reduce or stop economic assistance', -5.6, 4, true),
  ('1622', '162', 3, 'Reduce or stop military assistance', -5.6, 4, true),
  ('1623', '162', 3, 'Reduce or stop humanitarian assistance', -5.6, 4, true),
  ('163', '16', 2, 'Impose embargo, boycott, or sanctions', -8.0, 4, true),
  ('164', '16', 2, 'Halt negotiations', -7.0, 4, true),
  ('165', '16', 2, 'Halt mediation', -6.5, 4, true),
  ('166', '16', 2, 'Expel or withdraw, not specified below', -7.0, 4, true),
  ('1661', '166', 3, 'Expel or withdraw peacekeepers', -7.0, 4, true),
  ('1662', '166', 3, 'Expel or withdraw inspectors, observers', -7.0, 4, true),
  ('1663', '166', 3, 'Expel or withdraw aid agencies', -7.0, 4, true),
  ('17', NULL, 1, 'Coerce', -7.0, 4, true),
  ('170', '17', 2, 'Coerce, not specified below', -7.0, 4, true),
  ('171', '17', 2, 'Seize or damage property, not specified below', -9.2, 4, true),
  ('1711', '171', 3, 'Confiscate property', -9.2, 4, true),
  ('1712', '171', 3, 'Destroy property', -9.2, 4, true),
  ('172', '17', 2, 'Impose administrative sanctions, not specified below', -5.0, 4, true),
  ('1721', '172', 3, 'Impose restrictions on political freedoms', -5.0, 4, true),
  ('1722', '172', 3, 'Ban political parties or politicians', -5.0, 4, true),
  ('1723', '172', 3, 'Impose curfew', -5.0, 4, true),
  ('1724', '172', 3, 'Impose state of emergency or martial law', -5.0, 4, true),
  ('173', '17', 2, 'Arrest, detain, or charge with legal action', -5.0, 4, true),
  ('174', '17', 2, 'Expel or deport individuals', -5.0, 4, true),
  ('175', '17', 2, 'Use tactics of violent repression', -9.0, 4, true),
  ('176', '17', 2, 'Attack cybernetically', NULL, 4, true),
  ('18', NULL, 1, 'Assault', -9.0, 4, true),
  ('180', '18', 2, 'Use unconventional violence, not specified below', -9.0, 4, true),
  ('181', '18', 2, 'Abduct, hijack, or take hostage', -9.0, 4, true),
  ('182', '18', 2, 'Physically assault, not specified below', -9.5, 4, true),
  ('1821', '182', 3, 'Sexually assault', -9.0, 4, true),
  ('1822', '182', 3, 'Torture', -9.0, 4, true),
  ('1823', '182', 3, 'Kill by physical assault', -10.0, 4, true),
  ('183', '18', 2, 'Conduct suicide, car, or other non-military bombing, not specified below', -10.0, 4, true),
  ('1831', '183', 3, 'Carry out suicide bombing', -10.0, 4, true),
  ('1832', '183', 3, 'Carry out vehicular bombing', -10.0, 4, true),
  ('1833', '183', 3, 'Carry out roadside bombing', -10.0, 4, true),
  ('1834', '183', 3, 'Carry out location bombing', NULL, 4, true),
  ('184', '18', 2, 'Use as human shield', -8.0, 4, true),
  ('185', '18', 2, 'Attempt to assassinate', -8.0, 4, true),
  ('186', '18', 2, 'Assassinate', -10.0, 4, true),
  ('19', NULL, 1, 'Fight', -10.0, 4, true),
  ('190', '19', 2, 'Use conventional military force, not specified below', -10.0, 4, true),
  ('191', '19', 2, 'Impose blockade, restrict movement', -9.5, 4, true),
  ('192', '19', 2, 'Occupy territory', -9.5, 4, true),
  ('193', '19', 2, 'Fight with small arms and light weapons', -10.0, 4, true),
  ('194', '19', 2, 'Fight with artillery and tanks', -10.0, 4, true),
  ('195', '19', 2, 'Employ aerial weapons, not specified below', -10.0, 4, true),
  ('1951', '195', 3, 'Employ precision-guided aerial munitions', NULL, 4, true),
  ('1952', '195', 3, 'Employ remotely piloted aerial munitions', NULL, 4, true),
  ('196', '19', 2, 'Violate ceasefire', -9.5, 4, true),
  ('20', NULL, 1, 'Use unconventional mass violence', -10.0, 4, true),
  ('200', '20', 2, 'Use unconventional mass violence, not specified below', -10.0, 4, true),
  ('201', '20', 2, 'Engage in mass expulsion', -9.5, 4, true),
  ('202', '20', 2, 'Engage in mass killings', -10.0, 4, true),
  ('203', '20', 2, 'Engage in ethnic cleansing', -10.0, 4, true),
  ('204', '20', 2, 'Use weapons of mass destruction, not specified below', -10.0, 4, true),
  ('2041', '204', 3, 'Use chemical, biological, or radiological weapons', -10.0, 4, true),
  ('2042', '204', 3, 'Detonate nuclear weapons', -10.0, 4, true);

SET LOCAL sahel_news.allow_sample_changes = off;
SET LOCAL search_path = @extschema@;
-- extension/data/190_sample_report.sql
-- The sample: one news report (Al Jazeera with news agencies, 2022-08-15, on
-- the end of France's military deployment in Mali) coded into the model.
-- Only facts, in our own words; the report's text is not part of sahel_news
-- (sources.body stays NULL).  Every value is exactly as uncertain as the report
-- leaves it: a year stays a year, "about" stays approximate (~), an undisclosed
-- number stays unknown (?), a vague plural follows parse_estimate's convention
-- (dozens = 24..99, thousands = 2000..9999, more than two million =
-- >=2000001).  Where the real-world date is known more precisely than the
-- report says, the data keeps the report's precision and the finer date is in a
-- comment here.
--
-- Rows carry sample = true and ids 1..1000 (see 100_model_tables.sql): pg_dump
-- leaves them out and CREATE EXTENSION recreates them.  Relative dates of the
-- report resolve against its publication day, Monday 2022-08-15 ("Saturday" =
-- 2022-08-13, "last month" = 2022-07, "in February" = 2022-02).
--
-- The ACLED and CAMEO types of the events, the ACLED actor types, the
-- precision radii of places and the geo-precision codes are our coding, not
-- ACLED's or GDELT's.  A place's precision_m is the radius of a disc of the
-- area its name covers (a country's from its surface area), rounded.

-- SET LOCAL, never SET: CREATE EXTENSION restores the settings it saved when
-- the script ends, but a plain SET in the script would outlive it and stay
-- in the caller's session (search_path = sahel_news, the guard lifted).
SET LOCAL search_path = pg_catalog, pg_temp;
SET LOCAL sahel_news.allow_sample_changes = on;

-- ---------------------------------------------------------------------------
-- The source

INSERT INTO @extschema@.sources (id, publisher, title, url, published, language, subject, body, retrieved, sample) VALUES
  (1, 'Al Jazeera (with news agencies)', NULL,
   'https://www.aljazeera.com/news/2022/8/15/last-french-troops-leave-mali-ending-nine-year-deployment',
   '2022-08-15', 'en',
   'The end of France''s military deployment in Mali (2013-2022): the last troops leave, what remains in the Sahel, the record of the nine years',
   NULL, NULL, true);

-- ---------------------------------------------------------------------------
-- Places
--  1-2 continents, 3 the Sahel, 4-10 countries, 11-16 in Mali and Niger,
--  17-19 cross-border areas, 20-21 capitals abroad, 22-24 areas named only
--  in passing (no coordinates given: location NULL, locate() uses the parent)

INSERT INTO @extschema@.places (id, name, kind, country, parent_id, location, precision_m, note, sample) VALUES
  ( 1, 'Africa', 'continent', NULL, NULL, NULL, NULL, 'the continent; no coordinates in the sample', true),
  ( 2, 'Europe', 'continent', NULL, NULL, NULL, NULL, 'the continent; no coordinates in the sample', true),
  ( 3, 'Sahel', 'supranational region', NULL, 1, '15.0, 0.0', 1000000,
       'the semi-arid belt south of the Sahara; point approximate, the name covers some 3 million km2', true),
  ( 4, 'Mali', 'country', 'MLI', 3, '17.57, -3.99', 630000, 'point approximate (centre of the country)', true),
  ( 5, 'Niger', 'country', 'NER', 3, '17.61, 8.08', 635000, 'point approximate (centre of the country)', true),
  ( 6, 'Chad', 'country', 'TCD', 3, '15.45, 18.73', 640000, 'point approximate (centre of the country)', true),
  ( 7, 'Burkina Faso', 'country', 'BFA', 3, '12.24, -1.56', 295000, 'point approximate (centre of the country)', true),
  ( 8, 'Mauritania', 'country', 'MRT', 3, '21.01, -10.94', 575000, 'point approximate (centre of the country)', true),
  ( 9, 'France', 'country', 'FRA', 2, NULL, NULL, 'named through Paris and the French actors; no coordinates in the sample', true),
  (10, 'Russia', 'country', 'RUS', NULL, NULL, NULL, 'named through Moscow and the Russian actors; no coordinates in the sample', true),
  (11, 'Bamako', 'city', 'MLI', 4, '12.6392, -8.0029', 10000, 'capital of Mali', true),
  (12, 'central Mali', 'region', 'MLI', 4, '14.5, -4.2', 200000, 'vague region (the Mopti and Segou area); point approximate', true),
  (13, 'northern Mali', 'region', 'MLI', 4, '18.5, -2.0', 500000, 'vague region (the north and north-east of the country); point approximate', true),
  (14, 'Bandiagara', 'town', 'MLI', 22, '14.3500, -3.6104', 25000, 'the town; its name also covers the surrounding area', true),
  (15, 'Djallo', 'village', 'MLI', 14, NULL, NULL, 'a village in the Bandiagara area; exact location not known', true),
  (16, 'Niamey', 'city', 'NER', 5, '13.5116, 2.1254', 10000, 'capital of Niger', true),
  (17, 'Mali-Niger border', 'border area', NULL, 3, '15.0, 3.5', 400000,
       'the border area between Mali and Niger; point approximate', true),
  (18, 'Gulf of Guinea', 'sea', NULL, 1, '2.0, 2.0', 860000, 'sea region of the Atlantic off West and Central Africa; point approximate', true),
  (19, 'Lake Chad region', 'lake region', NULL, 1, '13.0, 14.0', 200000,
       'the lake basin region shared by Chad, Niger, Nigeria and Cameroon; point approximate', true),
  (20, 'Paris', 'city', 'FRA', 9, '48.8566, 2.3522', 6000, 'capital of France', true),
  (21, 'Moscow', 'city', 'RUS', 10, '55.7558, 37.6173', 28000, 'capital of Russia', true),
  (22, 'Mopti region', 'region', 'MLI', 12, NULL, NULL, 'administrative region of central Mali that holds Bandiagara', true),
  (23, 'Niger''s border regions with Burkina Faso and Mali', 'border area', 'NER', 5, NULL, NULL,
       'the west of Niger along its borders with Burkina Faso and Mali', true),
  (24, 'Mali''s border regions with Niger and Burkina Faso', 'border area', 'MLI', 4, NULL, NULL,
       'the east of Mali along its borders with Niger and Burkina Faso', true);

INSERT INTO @extschema@.place_countries (place_id, country, sample) VALUES
  (17, 'MLI', true), (17, 'NER', true),
  (19, 'TCD', true), (19, 'NER', true), (19, 'NGA', true), (19, 'CMR', true);

INSERT INTO @extschema@.place_names (place_id, name, lang, is_demonym, sample) VALUES
  ( 1, 'Africa', 'en', false, true), ( 1, 'Afrique', 'fr', false, true),
  ( 2, 'Europe', NULL, false, true),
  ( 3, 'Sahel', NULL, false, true), ( 3, 'Sahel region', 'en', false, true),
  ( 3, 'Sahelian', 'en', true, true), ( 3, 'sahélien', 'fr', true, true), ( 3, 'sahélienne', 'fr', true, true),
  ( 4, 'Mali', NULL, false, true),
  ( 4, 'Malian', 'en', true, true), ( 4, 'Malians', 'en', true, true),
  ( 4, 'malien', 'fr', true, true), ( 4, 'malienne', 'fr', true, true),
  ( 4, 'maliens', 'fr', true, true), ( 4, 'maliennes', 'fr', true, true),
  ( 5, 'Niger', NULL, false, true),
  ( 5, 'Nigerien', 'en', true, true), ( 5, 'Nigeriens', 'en', true, true),
  ( 5, 'nigérien', 'fr', true, true), ( 5, 'nigérienne', 'fr', true, true),
  ( 5, 'nigériens', 'fr', true, true), ( 5, 'nigériennes', 'fr', true, true),
  ( 6, 'Chad', 'en', false, true), ( 6, 'Tchad', 'fr', false, true),
  ( 6, 'Chadian', 'en', true, true), ( 6, 'Chadians', 'en', true, true),
  ( 6, 'tchadien', 'fr', true, true), ( 6, 'tchadienne', 'fr', true, true),
  ( 6, 'tchadiens', 'fr', true, true), ( 6, 'tchadiennes', 'fr', true, true),
  ( 7, 'Burkina Faso', NULL, false, true), ( 7, 'Burkina', NULL, false, true),
  ( 7, 'Burkinabe', 'en', true, true), ( 7, 'Burkinabes', 'en', true, true),
  ( 7, 'burkinabè', 'fr', true, true), ( 7, 'burkinabés', 'fr', true, true),
  ( 8, 'Mauritania', 'en', false, true), ( 8, 'Mauritanie', 'fr', false, true),
  ( 8, 'Mauritanian', 'en', true, true), ( 8, 'Mauritanians', 'en', true, true),
  ( 8, 'mauritanien', 'fr', true, true), ( 8, 'mauritanienne', 'fr', true, true),
  ( 9, 'France', NULL, false, true),
  ( 9, 'French', 'en', true, true),
  ( 9, 'français', 'fr', true, true), ( 9, 'française', 'fr', true, true), ( 9, 'françaises', 'fr', true, true),
  (10, 'Russia', 'en', false, true), (10, 'Russie', 'fr', false, true),
  (10, 'Russian', 'en', true, true), (10, 'Russians', 'en', true, true),
  (10, 'russe', 'fr', true, true), (10, 'russes', 'fr', true, true),
  (11, 'Bamako', NULL, false, true),
  (12, 'central Mali', 'en', false, true), (12, 'centre du Mali', 'fr', false, true),
  (13, 'northern Mali', 'en', false, true), (13, 'nord du Mali', 'fr', false, true),
  (14, 'Bandiagara', NULL, false, true),
  (15, 'Djallo', NULL, false, true),
  (16, 'Niamey', NULL, false, true),
  (17, 'Mali-Niger border', 'en', false, true), (17, 'Mali–Niger border', 'en', false, true),
  (17, 'frontière entre le Mali et le Niger', 'fr', false, true),
  (18, 'Gulf of Guinea', 'en', false, true), (18, 'golfe de Guinée', 'fr', false, true),
  (19, 'Lake Chad region', 'en', false, true), (19, 'Lake Chad basin', 'en', false, true),
  (19, 'Lake Chad', 'en', false, true), (19, 'lac Tchad', 'fr', false, true),
  (19, 'bassin du lac Tchad', 'fr', false, true),
  (20, 'Paris', NULL, false, true),
  (21, 'Moscow', 'en', false, true), (21, 'Moscou', 'fr', false, true),
  (22, 'Mopti region', 'en', false, true), (22, 'région de Mopti', 'fr', false, true),
  (23, 'Niger''s border regions with Burkina Faso and Mali', 'en', false, true),
  (24, 'Mali''s border regions with Niger and Burkina Faso', 'en', false, true);

-- ---------------------------------------------------------------------------
-- Actors
--  1-4 France, 5-7 operations, 8-9 Mali, 10-11 Russia, 12-14 organisations,
--  15-18 armed groups, 19-20 Niger's forces and civilians, 21 French special
--  forces (D5), 22-26 the five Sahel states (E4)

INSERT INTO @extschema@.actors (id, name, kind, country, parent_id, active, acled_inter, cameo_code, note, sample) VALUES
  ( 1, 'France', 'state', 'FRA', NULL, NULL, NULL, 'FRA', NULL, true),
  ( 2, 'French armed forces', 'state forces', 'FRA', 1, NULL, 8, 'FRAMIL',
       'in the Sahel ACLED counts them as external forces (inter 8)', true),
  ( 3, 'French Presidency', 'government', 'FRA', 1, NULL, NULL, 'FRAGOV', 'the Elysee, office of the President of France', true),
  ( 4, 'Emmanuel Macron', 'person', 'FRA', 3, NULL, NULL, NULL, 'President of France', true),
  -- Serval: 2013-01-11 to 2014-07-31; Barkhane: 2014-08-01 to 2022-11-09 (the report gives years)
  ( 5, 'Operation Serval', 'military operation', 'FRA', 2, '2013/2014', 8, NULL,
       'the French intervention in Mali, at the Malian government''s request', true),
  ( 6, 'Operation Barkhane', 'military operation', 'FRA', 2, '2014/2022', 8, NULL,
       'France''s counter-insurgency operation across the Sahel, with Burkina Faso, Chad, Mali, Mauritania and Niger', true),
  -- Takuba: 2020-03 to 2022-06-30 (the report gives years)
  ( 7, 'Takuba', 'military operation', NULL, 12, '2020/2022', 8, NULL,
       'French-led multinational task force of European forces, ended by the withdrawal from Mali', true),
  ( 8, 'Malian government', 'government', 'MLI', NULL, NULL, NULL, 'MLIGOV',
       'military-led since the coups of 2020 and 2021; reports also name it by its capital, Bamako', true),
  ( 9, 'Malian armed forces', 'state forces', 'MLI', NULL, NULL, 1, 'MLIMIL', NULL, true),
  (10, 'Russia', 'state', 'RUS', NULL, NULL, NULL, 'RUS', 'reports also name its government by its capital, Moscow', true),
  (11, 'Wagner Group', 'private military company', 'RUS', NULL, NULL, 8, NULL,
       'Russian private military company; Mali''s government speaks of Russian trainers and denies mercenaries are deployed', true),
  (12, 'European Union', 'international organisation', NULL, NULL, NULL, NULL, NULL, NULL, true),
  (13, 'United Nations', 'international organisation', NULL, NULL, NULL, NULL, 'IGOUNO', NULL, true),
  -- MINUSMA: 2013-04-25 to 2023-12-31 (not in the report)
  (14, 'MINUSMA', 'peacekeeping mission', NULL, 13, NULL, 8, NULL,
       'the UN peacekeeping mission in Mali, widely called the most dangerous UN mission', true),
  (15, 'JNIM', 'armed group', NULL, 16, NULL, 2, NULL, 'al-Qaeda affiliate active in Mali and the Sahel', true),
  (16, 'al-Qaeda', 'armed group', NULL, NULL, NULL, 2, NULL, NULL, true),
  (17, 'ISIS/ISIL-linked groups', 'armed group', NULL, NULL, NULL, 2, NULL, 'groups linked to the Islamic State active in the Sahel', true),
  (18, 'Tuareg separatist movement', 'armed group', 'MLI', NULL, NULL, 2, NULL,
       'ethnic-Tuareg separatists whose 2012-2013 offensive, allied with an al-Qaeda affiliate, preceded the French intervention', true),
  (19, 'Niger''s armed forces', 'state forces', 'NER', NULL, NULL, 1, 'NERMIL', NULL, true),
  (20, 'Civilians (Mali)', 'civilians', 'MLI', NULL, NULL, 7, NULL, NULL, true),
  (21, 'French special forces', 'state forces', 'FRA', 2, NULL, 8, NULL, NULL, true),
  (22, 'Mali', 'state', 'MLI', NULL, NULL, NULL, 'MLI', NULL, true),
  (23, 'Niger', 'state', 'NER', NULL, NULL, NULL, 'NER', NULL, true),
  (24, 'Chad', 'state', 'TCD', NULL, NULL, NULL, 'TCD', NULL, true),
  (25, 'Burkina Faso', 'state', 'BFA', NULL, NULL, NULL, 'BFA', NULL, true),
  (26, 'Mauritania', 'state', 'MRT', NULL, NULL, NULL, 'MRT', NULL, true);

INSERT INTO @extschema@.actor_names (actor_id, name, lang, name_kind, sample) VALUES
  ( 1, 'France', NULL, 'name', true),
  ( 2, 'French armed forces', 'en', 'name', true), ( 2, 'French army', 'en', 'alias', true),
  ( 2, 'French military', 'en', 'alias', true), ( 2, 'French troops', 'en', 'alias', true),
  ( 2, 'French forces', 'en', 'alias', true), ( 2, 'Military Forces of France', 'en', 'alias', true),
  ( 2, 'armée française', 'fr', 'translation', true), ( 2, 'forces armées françaises', 'fr', 'translation', true),
  ( 3, 'French Presidency', 'en', 'name', true), ( 3, 'Elysee', NULL, 'alias', true),
  ( 3, 'Élysée', 'fr', 'alias', true), ( 3, 'présidence française', 'fr', 'translation', true),
  ( 4, 'Emmanuel Macron', NULL, 'name', true), ( 4, 'Macron', NULL, 'alias', true),
  ( 5, 'Operation Serval', 'en', 'name', true), ( 5, 'Serval', NULL, 'alias', true),
  ( 5, 'opération Serval', 'fr', 'translation', true),
  ( 6, 'Operation Barkhane', 'en', 'name', true), ( 6, 'Barkhane', NULL, 'alias', true),
  ( 6, 'opération Barkhane', 'fr', 'translation', true),
  ( 7, 'Takuba', NULL, 'name', true), ( 7, 'Task Force Takuba', 'en', 'alias', true),
  ( 7, 'task force Takuba', 'fr', 'translation', true),
  ( 8, 'Malian government', 'en', 'name', true), ( 8, 'Bamako', NULL, 'alias', true),
  ( 8, 'Malian military government', 'en', 'alias', true), ( 8, 'Malian junta', 'en', 'alias', true),
  ( 8, 'gouvernement malien', 'fr', 'translation', true), ( 8, 'junte malienne', 'fr', 'translation', true),
  ( 9, 'Malian armed forces', 'en', 'name', true), ( 9, 'Malian army', 'en', 'alias', true),
  ( 9, 'Malian military', 'en', 'alias', true), ( 9, 'Military Forces of Mali', 'en', 'alias', true),
  ( 9, 'FAMa', NULL, 'acronym', true), ( 9, 'Forces armées maliennes', 'fr', 'translation', true),
  (10, 'Russia', 'en', 'name', true), (10, 'Moscow', 'en', 'alias', true),
  (10, 'Russie', 'fr', 'translation', true), (10, 'Moscou', 'fr', 'alias', true),
  (11, 'Wagner Group', 'en', 'name', true), (11, 'Wagner', NULL, 'alias', true),
  (11, 'groupe Wagner', 'fr', 'translation', true),
  (12, 'European Union', 'en', 'name', true), (12, 'EU', 'en', 'acronym', true),
  (12, 'Union européenne', 'fr', 'translation', true), (12, 'UE', 'fr', 'acronym', true),
  (13, 'United Nations', 'en', 'name', true), (13, 'UN', 'en', 'acronym', true),
  (13, 'Nations unies', 'fr', 'translation', true), (13, 'ONU', 'fr', 'acronym', true),
  (14, 'MINUSMA', NULL, 'acronym', true),
  (14, 'United Nations Multidimensional Integrated Stabilization Mission in Mali', 'en', 'name', true),
  (14, 'Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au Mali', 'fr', 'translation', true),
  (15, 'JNIM', NULL, 'acronym', true),
  (15, 'Jama''at Nusrat al-Islam wal-Muslimin', 'ar', 'name', true),
  (15, 'Support Group for Islam and Muslims', 'en', 'translation', true),
  (15, 'Group for Support of Islam and Muslims', 'en', 'translation', true),
  (15, 'JNIM: Group for Support of Islam and Muslims', 'en', 'alias', true),
  (15, 'GSIM', 'fr', 'acronym', true),
  (15, 'Groupe de soutien à l''islam et aux musulmans', 'fr', 'translation', true),
  (16, 'al-Qaeda', 'en', 'name', true), (16, 'al-Qaida', 'en', 'alias', true),
  (16, 'Al Qaeda', 'en', 'alias', true), (16, 'Al-Qaïda', 'fr', 'translation', true),
  (17, 'ISIS/ISIL-linked groups', 'en', 'name', true), (17, 'ISIS', 'en', 'acronym', true),
  (17, 'ISIL', 'en', 'acronym', true), (17, 'Islamic State', 'en', 'alias', true),
  (17, 'État islamique', 'fr', 'translation', true), (17, 'EI', 'fr', 'acronym', true),
  (18, 'Tuareg separatist movement', 'en', 'name', true),
  (18, 'ethnic-Tuareg separatist movement', 'en', 'alias', true),
  (18, 'Tuareg separatists', 'en', 'alias', true), (18, 'séparatistes touareg', 'fr', 'translation', true),
  (19, 'Niger''s armed forces', 'en', 'name', true), (19, 'Nigerien armed forces', 'en', 'alias', true),
  (19, 'Nigerien army', 'en', 'alias', true), (19, 'Military Forces of Niger', 'en', 'alias', true),
  (19, 'Forces armées nigériennes', 'fr', 'translation', true), (19, 'FAN', 'fr', 'acronym', true),
  (20, 'Civilians (Mali)', 'en', 'name', true), (20, 'civilians', 'en', 'alias', true),
  (20, 'civils', 'fr', 'translation', true),
  (21, 'French special forces', 'en', 'name', true), (21, 'forces spéciales françaises', 'fr', 'translation', true),
  (22, 'Mali', NULL, 'name', true),
  (23, 'Niger', NULL, 'name', true),
  (24, 'Chad', 'en', 'name', true), (24, 'Tchad', 'fr', 'translation', true),
  (25, 'Burkina Faso', NULL, 'name', true),
  (26, 'Mauritania', 'en', 'name', true), (26, 'Mauritanie', 'fr', 'translation', true);

-- ---------------------------------------------------------------------------
-- Events (dataset sahel_news_sample, external ids E1..E12 as in FACTS.md)

INSERT INTO @extschema@.events
  (id, source_id, occurred, place_id, location, geo_precision, event_type, sub_event_type, cameo_code,
   fatalities, fatalities_claimed, summary, related_event_id, note, dataset, external_id, sample) VALUES
  -- 13:00 Paris time (UTC+2)
  ( 1, 1, '2022-08-15T11:00:00Z', 17, '15.0, 3.5', 3, 'Strategic developments', 'Change to group/activity', '0874',
    NULL, false,
    'The last Barkhane contingent left in Mali crosses the border into Niger, completing the French pull-out from Mali; the French army calls the departure orderly and safe.',
    NULL, 'withdrawal of forces', 'sahel_news_sample', 'E1', true),
  -- announced on 2022-02-17
  ( 2, 1, '2022-02', 4, '17.57, -3.99', 3, 'Strategic developments', 'Change to group/activity', '0356',
    NULL, false,
    'France announces that it will pull its forces out of Mali, which also ends the French-led European task force Takuba.',
    NULL, 'the decision was taken in Paris', 'sahel_news_sample', 'E2', true),
  -- Serval began on 2013-01-11
  ( 3, 1, '2013', 13, '18.5, -2.0', 3, 'Strategic developments', 'Change to group/activity', '190',
    NULL, false,
    'France intervenes militarily in northern Mali (Operation Serval), asked by the Malian government, against Tuareg separatists allied with an al-Qaeda affiliate.',
    NULL, NULL, 'sahel_news_sample', 'E3', true),
  -- Barkhane began on 2014-08-01
  ( 4, 1, '2014', 3, '15.0, 0.0', 3, 'Strategic developments', 'Change to group/activity', '062',
    NULL, false,
    'France and Burkina Faso, Chad, Mali, Mauritania and Niger launch Operation Barkhane across the Sahel while armed groups spread in central Mali.',
    NULL, NULL, 'sahel_news_sample', 'E4', true),
  -- 2020-08-18
  ( 5, 1, '2020', 11, '12.6392, -8.0029', 1, 'Strategic developments', 'Other', NULL,
    NULL, false, 'Mali''s military seizes power in a coup.',
    NULL, NULL, 'sahel_news_sample', 'E5', true),
  -- 2021-05-24
  ( 6, 1, '2021', 11, '12.6392, -8.0029', 1, 'Strategic developments', 'Other', NULL,
    NULL, false, 'Mali''s military stages a second coup.',
    NULL, NULL, 'sahel_news_sample', 'E6', true),
  ( 7, 1, '2022-08-13', 15, '14.3500, -3.6104', 2, 'Battles', 'Armed clash', '190',
    '4', true,
    'JNIM fighters ambush Wagner Group fighters travelling on motorcycles near the village of Djallo in the Bandiagara area; JNIM says it killed four of them.',
    NULL, 'location: the Bandiagara area (Djallo''s own position is not known); the death toll is JNIM''s claim of 2022-08-15 (E8)',
    'sahel_news_sample', 'E7', true),
  ( 8, 1, '2022-08-15', NULL, NULL, NULL, NULL, NULL, '015',
    NULL, false, 'JNIM issues a statement claiming the Djallo ambush (E7).',
    7, NULL, 'sahel_news_sample', 'E8', true),
  ( 9, 1, '2013/2022', 4, '17.57, -3.99', 3, 'Explosions/Remote violence', 'Air/drone strike', '195',
    '24..99', false,
    'A UN investigation finds that French air strikes killed dozens of civilians.',
    NULL, 'date and place not given beyond Mali and the years of the deployment', 'sahel_news_sample', 'E9', true),
  (10, 1, '2022-08-15', 20, '48.8566, 2.3522', 1, NULL, NULL, '010',
    NULL, false,
    'Statement of the French presidency: its counter-terrorism engagement continues in three theatres (Lake Chad basin, Gulf of Guinea, Sahel).',
    NULL, NULL, 'sahel_news_sample', 'E10', true),
  (11, 1, '2022-08-15', 20, '48.8566, 2.3522', 1, NULL, NULL, '010',
    NULL, false,
    'President Macron calls the involvement in Mali a success: it kept armed groups from founding a territorial caliphate, and most of their senior leaders were neutralised.',
    NULL, NULL, 'sahel_news_sample', 'E11', true),
  (12, 1, '../2022-08-15', 4, '17.57, -3.99', 3, NULL, NULL, '010',
    NULL, false,
    'Mali''s military government denies that Russian mercenaries are deployed and says it invited Russian trainers.',
    NULL, 'undated: before the report', 'sahel_news_sample', 'E12', true);

INSERT INTO @extschema@.event_actors (event_id, actor_id, role, sample) VALUES
  ( 1,  2, 'actor1', true), ( 1,  6, 'associate', true),
  ( 2,  1, 'actor1', true), ( 2,  7, 'associate', true),
  ( 3,  2, 'actor1', true), ( 3,  5, 'associate', true), ( 3,  8, 'associate', true), ( 3, 18, 'actor2', true),
  ( 4,  1, 'actor1', true), ( 4,  6, 'associate', true),
  ( 4, 22, 'associate', true), ( 4, 23, 'associate', true), ( 4, 24, 'associate', true),
  ( 4, 25, 'associate', true), ( 4, 26, 'associate', true),
  ( 5,  9, 'actor1', true),
  ( 6,  9, 'actor1', true),
  ( 7, 15, 'actor1', true), ( 7, 15, 'claimant', true), ( 7, 11, 'actor2', true),
  ( 8, 15, 'actor1', true),
  ( 9,  2, 'actor1', true), ( 9, 20, 'victim', true),
  (10,  3, 'actor1', true),
  (11,  4, 'actor1', true),
  (12,  8, 'actor1', true);

-- ---------------------------------------------------------------------------
-- Figures that are not single events

INSERT INTO @extschema@.figures (id, source_id, subject, actor_id, place_id, period, value, unit, note, dataset, external_id, sample) VALUES
  (1, 1, 'French soldiers killed during the involvement in Mali', 2, 4, '2013/2022', '59', 'soldiers',
      'over the nine years of the deployment', 'sahel_news_sample', 'F1', true),
  (2, 1, 'people killed in the insecurity', NULL, 12, '../2022-08', '2000..9999', 'people',
      'thousands, up to the time of the report', 'sahel_news_sample', 'F2', true),
  (3, 1, 'civilians displaced', NULL, 12, '../2022-08', '>=2000001', 'people',
      'more than two million, up to the time of the report', 'sahel_news_sample', 'F3', true);

-- ---------------------------------------------------------------------------
-- Troop deployments (D1..D9 as in FACTS.md).  D6, the reported total of French
-- troops in the Sahel after the withdrawal, is entered first: D2-D5 are its
-- reported parts (part_of = 6), so troop_strength() counts either the total or
-- the parts, never both.

INSERT INTO @extschema@.deployments
  (id, source_id, force_id, contributor, host, place_id, strength, as_of, period, part_of, note, dataset, external_id, sample) VALUES
  (6, 1, 2, 'FRA', NULL, 3, '~2500', '2022-08-15', NULL, NULL,
      'all French troops in the Sahel region after the withdrawal from Mali', 'sahel_news_sample', 'D6', true),
  -- the deployment in Mali began with Operation Serval (2013-01-11) and ended on 2022-08-15
  (1, 1, 6, 'FRA', 'MLI', NULL, '~2400', '2022-02', '2013/2022-08-15', NULL,
      'with several bases in the country', 'sahel_news_sample', 'D1', true),
  (2, 1, 2, 'FRA', 'NER', 16, '~1000', '2022-07', NULL, 6,
      'with fighter jets, drones and helicopters; figure from officials; Niger becomes France''s hub in the Sahel',
      'sahel_news_sample', 'D2', true),
  (3, 1, 2, 'FRA', 'NER', 23, '300..400', '2022-07', NULL, 6,
      'special operations alongside Niger''s armed forces', 'sahel_news_sample', 'D3', true),
  (4, 1, 2, 'FRA', 'TCD', NULL, '700..1000', '2022-07', NULL, 6,
      NULL, 'sahel_news_sample', 'D4', true),
  (5, 1, 21, 'FRA', NULL, NULL, '?', '2022-07', NULL, 6,
      'elsewhere in the region; number undisclosed', 'sahel_news_sample', 'D5', true),
  -- Takuba ran from 2020-03 to 2022-06-30
  (7, 1, 7, NULL, 'MLI', 24, '?', '2020/2022', '2020/2022', NULL,
      'strength not given; ended with the French withdrawal', 'sahel_news_sample', 'D7', true),
  (8, 1, 14, NULL, 'MLI', 12, '?', '2022-08', NULL, NULL,
      'strength not given', 'sahel_news_sample', 'D8', true),
  (9, 1, 11, 'RUS', 'MLI', 14, '?', '2022-08', NULL, NULL,
      'strength not given; Mali''s government speaks of Russian trainers', 'sahel_news_sample', 'D9', true);

SET LOCAL sahel_news.allow_sample_changes = off;
SET LOCAL search_path = @extschema@;
