-- loaders: staging tables, import functions and the quirks they record in import_issues.
-- Fixture files are our own, in tests/fixtures/loaders/ (pg_regress runs psql
-- in the repository root, so the paths are relative to it).
SET search_path = sahel_news, public;
SET client_min_messages = notice;

-- The staging tables take the files as they are; HEADER MATCH checks the header.
\copy acled_raw (event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp) FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv, HEADER MATCH)
\copy ucdp_ged_raw (id, relid, year, active_year, code_status, type_of_violence, conflict_dset_id, conflict_new_id, conflict_name, dyad_dset_id, dyad_new_id, dyad_name, side_a_dset_id, side_a_new_id, side_a, side_b_dset_id, side_b_new_id, side_b, number_of_sources, source_article, source_office, source_date, source_headline, source_original, where_prec, where_coordinates, where_description, adm_1, adm_2, latitude, longitude, geom_wkt, priogrid_gid, country, country_id, region, event_clarity, date_prec, date_start, date_end, deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, high, low, gwnoa, gwnob) FROM 'tests/fixtures/loaders/ucdp_ged.csv' WITH (FORMAT csv, HEADER MATCH)
\copy gdelt_events_raw FROM 'tests/fixtures/loaders/gdelt_events.tsv' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\b')
\copy ipi_contributions_raw FROM 'tests/fixtures/loaders/ipi_contributions.csv' WITH (FORMAT csv, HEADER MATCH)
\copy ipi_mission_totals_raw FROM 'tests/fixtures/loaders/ipi_mission_totals.csv' WITH (FORMAT csv, HEADER MATCH)
\copy geopko_raw FROM 'tests/fixtures/loaders/geopko.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT 'acled_raw' AS staged, count(*) FROM acled_raw
UNION ALL SELECT 'ucdp_ged_raw', count(*) FROM ucdp_ged_raw
UNION ALL SELECT 'gdelt_events_raw', count(*) FROM gdelt_events_raw
UNION ALL SELECT 'ipi_contributions_raw', count(*) FROM ipi_contributions_raw
UNION ALL SELECT 'ipi_mission_totals_raw', count(*) FROM ipi_mission_totals_raw
UNION ALL SELECT 'geopko_raw', count(*) FROM geopko_raw;

-- Column counts are the files' own.
SELECT c.relname, count(*) AS columns, bool_and(a.atttypid = 'text'::regtype) AS all_text
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relnamespace = 'sahel_news'::regnamespace AND c.relname LIKE '%\_raw'
  AND a.attnum > 0 AND NOT a.attisdropped
GROUP BY 1 ORDER BY 1;

-- A quoted field with a newline and doubled quotes arrives whole.
SELECT notes FROM acled_raw WHERE event_id_cnty = 'MLI9001' ORDER BY timestamp LIMIT 1;
SELECT source_article FROM ucdp_ged_raw WHERE id = '900002' LIMIT 1;

-- A file of another layout is refused by COPY, naming the difference.
\copy ucdp_ged_raw (id, relid, year, active_year, code_status, type_of_violence, conflict_dset_id, conflict_new_id, conflict_name, dyad_dset_id, dyad_new_id, dyad_name, side_a_dset_id, side_a_new_id, side_a, side_b_dset_id, side_b_new_id, side_b, number_of_sources, source_article, source_office, source_date, source_headline, source_original, where_prec, where_coordinates, where_description, adm_1, adm_2, latitude, longitude, geom_wkt, priogrid_gid, country, country_id, region, event_clarity, date_prec, date_start, date_end, deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, high, low, gwnoa, gwnob) FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv, HEADER MATCH)
\copy ipi_contributions_raw FROM 'tests/fixtures/loaders/ipi_mission_totals.csv' WITH (FORMAT csv, HEADER MATCH)
-- Same number of columns, other names (an older ACLED export): HEADER MATCH
-- names the first difference.
\copy acled_raw (event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp) FROM 'tests/fixtures/loaders/acled_legacy_layout.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT count(*) AS still_staged FROM acled_raw;

-- Helpers the loaders read staged text with: never an error, NULL when unreadable.
SELECT v, loader_value(v) AS value, loader_int(v) AS int, loader_float(v) AS float, loader_date(v) AS date
FROM (VALUES ('2022-03-26'), (' 20140218 '), ('26 March 2022'), ('7 Feb 2022'), ('2022-02-30'),
             ('20140231'), ('0000-01-01'), ('15 Brumaire 2022'), ('12'), ('-3.5'), ('12.0'), ('1e5'),
             ('NA'), ('N/A'), ('  '), (''), (NULL), ('9999999999999999999'), ('.5'), ('1.')) AS t(v);
SELECT loader_make_date(2024, 2, 29) AS leap, loader_make_date(2023, 2, 29) AS not_leap,
       loader_make_date(2022, 13, 1) AS month_13, loader_make_date(10000, 1, 1) AS year_10000;

-- Mojibake (UTF-8 read as Latin-1) is repaired; anything else is left as it is.
SELECT v, repair_mojibake(v) AS repaired, repair_mojibake(v) <> v AS changed
FROM (VALUES ('SÃ©gou'), ('MÃ©naka'), ('NiafunkÃ©'), ('LerÃ©'), (E'CÃ´te dâ\u0080\u0099Ivoire'),
             ('Ségou'), ('Bandiagara'), ('Ã'), ('Ã© and é'), (E'Ã\u00a0 Gao'), ('')) AS t(v);

TRUNCATE acled_raw, ucdp_ged_raw, gdelt_events_raw, ipi_contributions_raw, ipi_mission_totals_raw, geopko_raw;
