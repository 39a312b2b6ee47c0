-- country: one country, every coding conflict data uses.
SET search_path = sahel_news, public;
SET client_min_messages = notice;

-- Text input: ISO alpha-2, alpha-3, numeric, names in English and French,
-- any case, accents and punctuation.  Output is ISO alpha-3.
SELECT v, v::country AS country
FROM (VALUES ('ML'), ('mli'), ('466'), ('004'), ('4'), ('Mali'), (' MALI '),
             ('Côte d''Ivoire'), ('Cote d''Ivoire'), ('COTE D IVOIRE'), ('Côte d’Ivoire'),
             ('Ivory Coast'), ('Russian Federation'), ('Burkina'), ('DR Congo'),
             ('D.R. Congo'), ('Tchad'), ('Guinea'), ('Guinée'), ('Guinea-Bissau'),
             ('The Gambia'), ('Gambia, The'), ('Korea, Republic of'), ('Niger (the)'),
             ('Congo (la République démocratique du)'), ('St. Kitts & Nevis'),
             ('Saint-Vincent-et-les-Grenadines'), ('u.s.'), ('UK'), ('U.K.'),
             ('XK'), ('Kosovo'), ('Türkiye'), ('République centrafricaine'),
             ('Falkland Islands (the) [Malvinas]'), ('Falkland (les Îles)/Malouines (les Îles)')) t(v);

-- The Sahel countries in every scheme, and back.
SELECT c, iso2(c), iso3(c), iso_numeric(c), fips(c), gw_code(c), cow_code(c),
       name(c), name_fr(c), region(c), continent(c)
FROM unnest('{Mali,Niger,Burkina Faso,Chad,Mauritania,Nigeria,Senegal,Algeria}'::country[]) c
ORDER BY c;

-- The English name of an untyped literal: name_en('NER') is the accessor;
-- name('NER') is PostgreSQL's cast to its type "name" (no function is
-- consulted for type_name('literal')), so it gives the literal back.
SELECT name_en('NER') AS name_en, name_en('MLI'::country) = name('MLI'::country) AS same_as_name,
       name('NER') AS name_of_literal, pg_typeof(name('NER')) AS is_a_cast_to;

-- GW 345, Yugoslavia (1918-2006), which UCDP keeps for Serbia after 2006,
-- reads as Serbia; Serbia's own GW number stays 340.
SELECT country_from_gw(345) AS gw_345, country_from_gw(340) AS gw_340,
       gw_code('SRB') AS serbia_gw, cow_code('SRB') AS serbia_cow;

SELECT c,
       country(iso_numeric(c)) = c AS by_numeric,
       country_from_fips(fips(c)) = c AS by_fips,
       country_from_gw(gw_code(c)) = c AS by_gw,
       country_from_cow(cow_code(c)) = c AS by_cow,
       iso2(c)::country = c AS by_iso2,
       name(c)::country = c AS by_name,
       name_fr(c)::country = c AS by_name_fr
FROM unnest('{MLI,NER,BFA,TCD,MRT,NGA,SEN,DZA,LBY,SDN,CIV,GIN}'::country[]) c
ORDER BY c;

-- Two letters are ISO alpha-2, never FIPS: NG is Nigeria, CD is DR Congo;
-- the FIPS readings need country_from_fips.
SELECT 'NG'::country AS iso_ng, country_from_fips('NG') AS fips_ng,
       'CD'::country AS iso_cd, country_from_fips('CD') AS fips_cd,
       'NE'::country AS iso_ne, country_from_fips('NE') AS fips_ne,
       country_from_fips('UV') AS fips_uv, country_from_fips(' od ') AS fips_od,
       country_from_fips('GZ') AS fips_gz, fips('PSE') AS fips_pse;

-- The known gaps of the usual crosswalks are right here.
SELECT 'SSD'::country AS c, fips('SSD') UNION ALL
SELECT 'CUW', fips('CUW') UNION ALL SELECT 'SXM', fips('SXM') UNION ALL
SELECT 'MAF', fips('MAF');
SELECT gw_code('VNM') AS vietnam_gw, cow_code('VNM') AS vietnam_cow,
       gw_code('YEM') AS yemen_gw, cow_code('YEM') AS yemen_cow,
       gw_code('SRB') AS serbia_gw, cow_code('SRB') AS serbia_cow,
       gw_code('DEU') AS germany_gw, cow_code('DEU') AS germany_cow;
SELECT c, iso2(c), iso_numeric(c), fips(c), gw_code(c), cow_code(c), region(c), continent(c)
FROM unnest('{XKX,ATA,TWN,PSE}'::country[]) c;

-- Ambiguous names are errors that list the candidates; unknown input is 22P02.
\set VERBOSITY default
SELECT 'Congo'::country;
SELECT 'korea'::country;
SELECT 'Virgin Islands'::country;
SELECT 'Atlantis'::country;
SELECT 'Mauritanya'::country;
SELECT 'UV'::country;
SELECT '999'::country;
SELECT ''::country;
SELECT country_from_fips('XX');
SELECT country_from_fips('NT');
SELECT country_from_fips('ML '), country_from_fips('BF');
SELECT country_from_fips('USA');
SELECT country_from_gw(265);
SELECT country_from_gw(815);
SELECT country_from_cow(678);
SELECT country_from_cow(-1);
SELECT country(0);
SELECT country(383);
SELECT country('Gondwana'::text);
\set VERBOSITY terse

-- SQLSTATEs, and try_country for cleaning.
DO $$
DECLARE v text;
BEGIN
  FOREACH v IN ARRAY ARRAY['Congo', 'Atlantis', 'UV', '', '12345', 'ZZZ'] LOOP
    BEGIN
      PERFORM v::sahel_news.country;
    EXCEPTION WHEN others THEN
      RAISE NOTICE '% -> %', v, SQLSTATE;
    END;
  END LOOP;
END $$;
SELECT v, try_country(v) FROM (VALUES ('Mali'), ('Congo'), ('Atlantis'), (''), ('UV'), ('uv')) t(v);

-- Casts: text both ways (to text is the alpha-3 code), integer (ISO numeric).
SELECT 'Niger'::text::country, 'Niger'::country::text, 562::country, 'ne'::varchar::country;
SELECT pg_typeof('MLI'::country::text), length('MLI'::country::text);

-- Stored in 2 bytes, passed by value; the order is ISO alpha-3 order.
SELECT typlen, typbyval, typalign FROM pg_type WHERE typname = 'country';
SELECT pg_column_size('MLI'::country);
SELECT array_agg(c ORDER BY c) FROM unnest('{ZWE,AFG,XKX,MLI,ABW,NER,NGA}'::country[]) c;
SELECT 'MLI'::country < 'NER'::country, 'NER' > 'NGA'::country, 'MLI'::country = 'Mali',
       'MLI'::country <> 'ML', 'ABW'::country <= 'ABW', 'ZWE'::country >= 'XKX';

-- Binary send/recv round trips and validates.
SELECT country_send('TCD');
SELECT sn_regress.binary_round_trip($$SELECT c::country AS c FROM unnest('{Mali,Niger,Kosovo,ABW,ZWE}'::text[]) c$$) AS round_trip;
SELECT sn_regress.binary_round_trip($$SELECT country FROM countries()$$) AS every_country;
-- a lower-case code, a wrong length, a code of no country, nothing: 22P03
SELECT what, sn_regress.binary_recv('country', payload) AS result
FROM (VALUES ('valid', 'MLI'::bytea), ('lower case', 'mli'), ('four bytes', 'MLIX'),
             ('no such country', 'AAA'), ('two bytes', 'ML'), ('empty', '')) AS p(what, payload);

-- countries(): one row per country, with every code and name.
SELECT count(*), count(DISTINCT iso2), count(DISTINCT iso3), count(iso_numeric),
       count(fips), count(gw_code), count(cow_code), count(DISTINCT region), count(DISTINCT continent)
FROM countries();
SELECT country, iso2, iso3, iso_numeric, fips, gw_code, cow_code, name, name_fr, region,
       continent, names_en, names_fr
FROM countries() WHERE region = 'Western Africa' ORDER BY country;
-- every name countries() lists reads back as its own country, except the
-- names shared on purpose (they are ambiguous)
SELECT DISTINCT c.iso3, n AS name_that_fails
FROM countries() c, unnest(c.names_en || c.names_fr) n
WHERE try_country(n) IS DISTINCT FROM c.country
ORDER BY 1, 2;
-- every code reads back
SELECT count(*) FILTER (WHERE iso2::country <> country) AS iso2_bad,
       count(*) FILTER (WHERE iso3::country <> country) AS iso3_bad,
       count(*) FILTER (WHERE country(iso_numeric) <> country) AS numeric_bad,
       count(*) FILTER (WHERE country_from_fips(fips) <> country) AS fips_bad,
       count(*) FILTER (WHERE country_from_gw(gw_code) <> country) AS gw_bad,
       count(*) FILTER (WHERE country_from_cow(cow_code) <> country) AS cow_bad,
       count(*) FILTER (WHERE country::text <> iso3) AS out_bad
FROM countries();

-- Hash join of an ISO-coded table (ACLED style: numeric codes) with a
-- FIPS-coded one (GDELT style) through country_from_fips.
CREATE TEMP TABLE acled_like (event_id text, iso integer);
INSERT INTO acled_like VALUES ('MLI1', 466), ('NIR1', 562), ('NIG1', 566), ('CHA1', 148),
  ('BFO1', 854), ('MAA1', 478), ('DRC1', 180);
CREATE TEMP TABLE gdelt_like (globaleventid bigint, actiongeo_countrycode text);
INSERT INTO gdelt_like VALUES (1, 'ML'), (2, 'NG'), (3, 'NI'), (4, 'CD'), (5, 'UV'),
  (6, 'MR'), (7, 'CG'), (8, 'UV');
ANALYZE acled_like, gdelt_like;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF)
SELECT * FROM acled_like a JOIN gdelt_like g
  ON country(a.iso) = country_from_fips(g.actiongeo_countrycode);
SELECT a.event_id, g.globaleventid, country(a.iso) AS country
FROM acled_like a JOIN gdelt_like g
  ON country(a.iso) = country_from_fips(g.actiongeo_countrycode)
ORDER BY 1, 2;
RESET enable_mergejoin;
RESET enable_nestloop;

-- GROUP BY uses the hash opclass too.
SELECT country_from_fips(actiongeo_countrycode) AS c, count(*)
FROM gdelt_like GROUP BY 1 ORDER BY 1;

-- Index use: btree for equality and ranges, hash for equality.
CREATE TEMP TABLE events (id serial, c country);
INSERT INTO events (c) SELECT country FROM countries(), generate_series(1, 20);
CREATE INDEX events_c ON events (c);
ANALYZE events;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM events WHERE c = 'Mali';
SELECT count(*) FROM events WHERE c = 'Mali';
EXPLAIN (COSTS OFF) SELECT count(*) FROM events WHERE c BETWEEN 'MLI' AND 'NER';
SELECT count(*) FROM events WHERE c BETWEEN 'MLI' AND 'NER';
EXPLAIN (COSTS OFF) SELECT c FROM events ORDER BY c LIMIT 3;
SELECT c FROM events ORDER BY c LIMIT 3;
DROP INDEX events_c;
CREATE INDEX events_c_hash ON events USING hash (c);
EXPLAIN (COSTS OFF) SELECT count(*) FROM events WHERE c = 'Niger';
SELECT count(*) FROM events WHERE c = 'Niger';
RESET enable_seqscan;

-- Hash partitioning works on the type (extended hash function).
CREATE TEMP TABLE parts (c country) PARTITION BY HASH (c);
CREATE TEMP TABLE parts0 PARTITION OF parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TEMP TABLE parts1 PARTITION OF parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO parts SELECT country FROM countries();
SELECT count(*) FROM parts;

RESET search_path;

-- The example of docs/reference/country.md: GDELT, ACLED and UCDP GED counted per country and
-- month, each read in its own coding.
SET search_path = sahel_news, public;
CREATE TEMP TABLE gdelt_events (actiongeo_countrycode text, sqldate integer);
INSERT INTO gdelt_events VALUES ('ML', 20220813), ('ML', 20220815), ('NG', 20220815),
  ('UV', 20220801), ('CD', 20220802), ('', 20220803), ('NI', 20220801);
CREATE TEMP TABLE acled_events (iso integer, event_date date);
INSERT INTO acled_events VALUES (466, '2022-08-13'), (562, '2022-08-02'), (854, '2022-08-20'),
  (148, '2022-07-30'), (478, '2022-08-01');
CREATE TEMP TABLE ucdp_ged (country_id integer, date_start date, best integer);
INSERT INTO ucdp_ged VALUES (432, '2022-08-13', 4), (432, '2022-08-20', 7), (439, '2022-08-05', 12),
  (436, '2022-08-09', 3), (475, '2022-08-01', 9);
WITH g AS (   -- GDELT 2.0: FIPS 10-4 codes
  SELECT country_from_fips(actiongeo_countrycode) AS c,
         date_trunc('month', to_date(sqldate::text, 'YYYYMMDD')) AS month, count(*) AS gdelt
  FROM gdelt_events WHERE actiongeo_countrycode <> '' GROUP BY 1, 2),
a AS (        -- ACLED: ISO numeric codes
  SELECT country(iso) AS c, date_trunc('month', event_date) AS month, count(*) AS acled
  FROM acled_events GROUP BY 1, 2),
u AS (        -- UCDP GED: Gleditsch-Ward numbers
  SELECT country_from_gw(country_id) AS c, date_trunc('month', date_start) AS month,
         count(*) AS ucdp, sum(best) AS ucdp_deaths
  FROM ucdp_ged GROUP BY 1, 2)
SELECT c, name(c), region(c), to_char(month, 'YYYY-MM') AS month, gdelt, acled, ucdp, ucdp_deaths
FROM g FULL JOIN a USING (c, month) FULL JOIN u USING (c, month)
WHERE c IN ('Mali', 'Niger', 'Burkina Faso', 'Chad', 'Mauritania')
ORDER BY c, month;
RESET search_path;
