-- tests/bench/country.sql — reading country names and codes.
--
-- 1M strings drawn from every name the type accepts (English and French,
-- variants) and every ISO alpha-2/alpha-3 code, in their usual case, upper
-- case or lower case: what an analyst's country column holds.
--   ours      s::country            (the cast: folds case, accents and
--                                    punctuation, knows every scheme)
--   baseline  a join with a lookup table on lower(s) (the usual crosswalk
--             table; case-insensitive only, so it does less than the cast)
-- Also: the join of an ISO-coded and a FIPS-coded table through the type
-- against the same join through a text crosswalk table.
-- Run by tests/bench/run.
SET search_path = sahel_news, public;
\timing off

SELECT setseed(0.606);

-- Every unambiguous name and every code, with its country.
CREATE TABLE bench_country_universe AS
SELECT DISTINCT s, c.country
FROM countries() c,
     LATERAL unnest(c.names_en || c.names_fr || ARRAY[c.iso2, c.iso3]) s
WHERE try_country(s) = c.country;

CREATE TABLE bench_country_strings AS
SELECT CASE (random() * 3)::int % 3
         WHEN 0 THEN u.s WHEN 1 THEN upper(u.s) ELSE lower(u.s) END AS s
FROM (SELECT (random() * (SELECT count(*) - 1 FROM bench_country_universe))::int + 1 AS k
      FROM generate_series(1, 1000000)) r
JOIN (SELECT row_number() OVER (ORDER BY s, country) AS k, s FROM bench_country_universe) u
  USING (k);
VACUUM ANALYZE bench_country_strings;

-- The baseline's lookup table: lower-cased name -> ISO alpha-3 code.
CREATE TABLE bench_country_lookup (name_lower text PRIMARY KEY, iso3 text NOT NULL);
INSERT INTO bench_country_lookup
SELECT DISTINCT lower(s), country::text FROM bench_country_universe;
ANALYZE bench_country_lookup;

-- Both read every one of the 1M strings (a miss would show in the counts).
SELECT count(s::country) AS ours_read,
       (SELECT count(l.iso3) FROM bench_country_strings b
          JOIN bench_country_lookup l ON l.name_lower = lower(b.s)) AS baseline_read,
       count(DISTINCT s::country) AS countries
FROM bench_country_strings;

CALL bench.compare('country: cast 1M names/codes',
  'SELECT count(s::sahel_news.country) FROM bench_country_strings',
  'join on lower(name)',
  'SELECT count(l.iso3) FROM bench_country_strings b JOIN bench_country_lookup l ON l.name_lower = lower(b.s)',
  5);

-- ISO numeric (ACLED) against FIPS (GDELT): 200k rows each side, joined.
CREATE TABLE bench_acled AS
SELECT i AS id, iso_numeric(c) AS iso, c
FROM (SELECT i, (SELECT array_agg(country) FROM countries() WHERE iso_numeric IS NOT NULL AND fips IS NOT NULL)
               [1 + (random() * 240)::int] AS c
      FROM generate_series(1, 200000) i) s;
CREATE TABLE bench_gdelt AS
SELECT i AS id, fips(c) AS fips, c
FROM (SELECT i, (SELECT array_agg(country) FROM countries() WHERE iso_numeric IS NOT NULL AND fips IS NOT NULL)
               [1 + (random() * 240)::int] AS c
      FROM generate_series(1, 200) i) s;
CREATE TABLE bench_crosswalk AS SELECT iso_numeric, fips FROM countries() WHERE iso_numeric IS NOT NULL AND fips IS NOT NULL;
ANALYZE bench_acled, bench_gdelt, bench_crosswalk;

CALL bench.compare('country: ACLED x GDELT join via the type',
  'SELECT count(*) FROM bench_acled a JOIN bench_gdelt g ON sahel_news.country(a.iso) = sahel_news.country_from_fips(g.fips)',
  'join via a crosswalk table',
  'SELECT count(*) FROM bench_acled a JOIN bench_crosswalk x ON x.iso_numeric = a.iso JOIN bench_gdelt g ON g.fips = x.fips',
  5);

-- The same join on country columns stored in both tables (what the loaders
-- write): no conversion at each row, whose cost the join above pays twice
-- (a hash join evaluates its condition again on every match).
CALL bench.compare('country: ACLED x GDELT join on stored country columns',
  'SELECT count(*) FROM bench_acled a JOIN bench_gdelt g ON a.c = g.c',
  'join via a crosswalk table',
  'SELECT count(*) FROM bench_acled a JOIN bench_crosswalk x ON x.iso_numeric = a.iso JOIN bench_gdelt g ON g.fips = x.fips',
  5);

SELECT format('country %s bytes, by value; lookup table %s, %s names and codes',
              pg_column_size('MLI'::country),
              pg_size_pretty(pg_total_relation_size('bench_country_lookup')),
              (SELECT count(*) FROM bench_country_lookup)) AS sizes \gset
CALL bench.note('country: sizes', :'sizes');

DROP TABLE bench_country_universe, bench_country_strings, bench_country_lookup,
  bench_acled, bench_gdelt, bench_crosswalk;
