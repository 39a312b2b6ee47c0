-- extension/sql/010_estimate.sql
-- The estimate type: a count as vague as the news reports it.
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
