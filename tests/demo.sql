-- tests/demo.sql — the tour that tests/demo prints.  Each part of the
-- extension adds its queries here as it lands.
SET search_path = sahel_news, public;

-- What the extension installed.
SELECT extname, extversion FROM pg_extension WHERE extname = 'sahel_news';

-- country (issue #6): one country in every coding conflict data uses.
-- The Sahel in ISO, FIPS (GDELT), Gleditsch-Ward (UCDP) and COW numbers:
SELECT c AS iso3, iso2(c), iso_numeric(c), fips(c), gw_code(c), cow_code(c),
       name(c), name_fr(c), region(c)
FROM unnest('{Mali,Niger,Burkina,Tchad,Mauritanie}'::country[]) c;
-- Two letters are ISO, never FIPS: NG is Nigeria as ISO, Niger as FIPS.
SELECT 'NG'::country AS iso_ng, country_from_fips('NG') AS fips_ng,
       'Ivory Coast'::country, 'Côte d''Ivoire'::country, 'DR Congo'::country;
-- Names that mean several countries are refused; try_country gives NULL.
SELECT try_country('Congo') AS congo, try_country('Atlantis') AS atlantis;
