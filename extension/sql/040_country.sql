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
  'English short name (name(''NER'') with an untyped literal is PostgreSQL''s cast to its type name, not this function: write name_en(''NER'') or name(''NER''::country))';

-- name(c) reads well on a country column, but on an untyped literal
-- PostgreSQL takes name('NER') for a cast to its own type "name" before it
-- looks at functions; name_en() is the same accessor under a name that is
-- no type.
CREATE FUNCTION @extschema@.name_en(@extschema@.country) RETURNS text
  AS 'MODULE_PATHNAME', 'country_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.name_en(@extschema@.country) IS
  'English short name (the same as name(c), also for untyped literals: name_en(''NER'') is Niger)';

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
