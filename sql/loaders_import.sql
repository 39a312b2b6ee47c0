-- loaders_import: the import_* functions on our own fixtures (issue #9).
SET search_path = sahel_news, public;
SET client_min_messages = notice;
-- what the model held before: the test removes everything it adds, so that
-- the tests after it see the sample data alone
CREATE TEMP TABLE loaders_before AS
SELECT (SELECT coalesce(max(id), 0) FROM places) AS places, (SELECT coalesce(max(id), 0) FROM actors) AS actors,
       (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM deployments) AS deployments,
       (SELECT count(*) FROM places) AS n_places, (SELECT count(*) FROM actors) AS n_actors;

-- ACLED: duplicates, a revised version, mojibake, swapped and impossible
-- coordinates, missing values, bad dates and codes; NOTICE every 5 rows.
\copy acled_raw FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, skipped, flagged FROM import_acled(5);
SELECT record, external_id, action, reason FROM import_issues WHERE dataset = 'acled' ORDER BY record;
SELECT e.external_id, e.occurred::text, sahel_news.precision(e.occurred) AS precision, e.geo_precision,
       e.fatalities::text, p.name AS place, p.country::text, e.location::text
FROM events e LEFT JOIN places p ON p.id = e.place_id
WHERE e.dataset = 'acled' ORDER BY e.external_id;
SELECT e.external_id, ea.role, a.name, a.kind, a.country::text, a.acled_inter
FROM events e JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id
WHERE e.dataset = 'acled' ORDER BY e.external_id, ea.role, a.name;
SELECT count(*) AS staged_after_import FROM acled_raw;

-- The same file again: every loaded row is an update, nothing is duplicated.
\copy acled_raw FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, skipped, flagged FROM import_acled();
SELECT count(*) AS acled_events, count(DISTINCT external_id) AS distinct_ids FROM events WHERE dataset = 'acled';
SELECT count(*) AS djallo_places FROM places WHERE name = 'Djallo';

-- A revision of one event (newer timestamp) updates it in place.
INSERT INTO acled_raw SELECT (jsonb_populate_record(NULL::acled_raw,
  raw || '{"fatalities": "6", "timestamp": "1660800000"}')).*
FROM import_issues WHERE dataset = 'acled' AND external_id = 'MLI9001' ORDER BY id LIMIT 1;
SELECT rows_read, imported, updated, skipped, flagged FROM import_acled();
SELECT fatalities::text FROM events WHERE dataset = 'acled' AND external_id = 'MLI9001';

-- A file copied without HEADER: its header line is skipped and listed.
\copy acled_raw FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv)
SELECT rows_read, imported, updated, skipped, flagged FROM import_acled();
SELECT reason FROM import_issues WHERE dataset = 'acled' AND raw->>'event_id_cnty' = 'event_id_cnty';

-- Another layout read as this one (plain HEADER) is refused, nothing is loaded.
\copy acled_raw FROM 'tests/fixtures/loaders/acled_legacy_layout.csv' WITH (FORMAT csv, HEADER)
SELECT * FROM import_acled();
SELECT count(*) AS still_staged FROM acled_raw;
TRUNCATE acled_raw;
SELECT * FROM import_acled(0);

-- UCDP GED: date_prec 1-5, best outside [low, high], low > high, swapped
-- coordinates settled by geom_wkt, unknown GW code, dates out of order.
\copy ucdp_ged_raw FROM 'tests/fixtures/loaders/ucdp_ged.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, skipped, flagged FROM import_ucdp_ged();
SELECT record, external_id, action, reason FROM import_issues WHERE dataset = 'ucdp_ged' ORDER BY record;
SELECT e.external_id, e.occurred::text, sahel_news.precision(e.occurred) AS precision, e.fatalities::text,
       lower(e.fatalities) AS low, best(e.fatalities) AS best, upper(e.fatalities) AS high,
       p.name AS place, p.kind, p.country::text, e.location::text, e.summary
FROM events e LEFT JOIN places p ON p.id = e.place_id
WHERE e.dataset = 'ucdp_ged' ORDER BY e.external_id;

-- GDELT: FIPS codes (NG is Niger, CD is Chad, UV is Burkina Faso), CAMEO codes,
-- no geography, a duplicate id, syndicated copies, bad date and codes.
\copy gdelt_events_raw FROM 'tests/fixtures/loaders/gdelt_events.tsv' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\b')
SELECT rows_read, imported, updated, skipped, flagged FROM import_gdelt_events();
SELECT record, external_id, action, reason FROM import_issues WHERE dataset = 'gdelt' ORDER BY record;
SELECT e.external_id, e.occurred::text, e.cameo_code, c.goldstein, p.name AS place, p.kind, p.country::text,
       e.location::text, string_agg(a.name || ' (' || ea.role || ')', ', ' ORDER BY ea.role) AS actors
FROM events e LEFT JOIN places p ON p.id = e.place_id LEFT JOIN cameo_codes c ON c.code = e.cameo_code
LEFT JOIN event_actors ea ON ea.event_id = e.id LEFT JOIN actors a ON a.id = ea.actor_id
WHERE e.dataset = 'gdelt' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY e.external_id;

-- IPI: troops per contributor and month; mission totals with swapped
-- headquarters coordinates; the month's contributions become parts of its total.
\copy ipi_contributions_raw FROM 'tests/fixtures/loaders/ipi_contributions.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, skipped, flagged FROM import_ipi_contributions();
\copy ipi_mission_totals_raw FROM 'tests/fixtures/loaders/ipi_mission_totals.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, skipped, flagged FROM import_ipi_mission_totals();
SELECT dataset, record, external_id, action, reason FROM import_issues
WHERE dataset IN ('ipi_contributions', 'ipi_mission_totals') ORDER BY dataset, record;
SELECT d.dataset, d.external_id, f.name AS force, d.contributor::text, d.host::text, d.strength::text,
       d.as_of::text, t.external_id AS part_of
FROM deployments d JOIN actors f ON f.id = d.force_id LEFT JOIN deployments t ON t.id = d.part_of
WHERE d.dataset LIKE 'ipi%' ORDER BY d.dataset, d.external_id;

-- Geo-PKO: one deployment per site and contingent, approximate strengths.
\copy geopko_raw FROM 'tests/fixtures/loaders/geopko.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, skipped, flagged FROM import_geopko();
SELECT record, action, reason FROM import_issues WHERE dataset = 'geopko' ORDER BY record;
SELECT p.name AS site, p.kind, d.contributor::text, d.host::text, d.strength::text, d.as_of::text, p.location::text
FROM deployments d JOIN places p ON p.id = d.place_id
WHERE d.dataset = 'geopko' ORDER BY d.as_of::text, p.name, d.contributor::text;
\copy geopko_raw FROM 'tests/fixtures/loaders/geopko.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, skipped, flagged FROM import_geopko();
SELECT count(*) AS geopko_deployments FROM deployments WHERE dataset = 'geopko';

-- Every run balances, and every row not loaded cleanly is listed.
SELECT r.dataset, r.rows_read = r.imported + r.updated + r.skipped + r.flagged AS balanced,
       r.skipped + r.flagged = (SELECT count(*) FROM import_issues i WHERE i.run_id = r.id) AS all_listed
FROM import_runs r ORDER BY r.id;

-- Clean up: the model holds the sample data alone again.
DELETE FROM deployments WHERE dataset IN ('ipi_contributions', 'ipi_mission_totals', 'geopko') AND part_of IS NOT NULL;
DELETE FROM deployments WHERE dataset IN ('ipi_contributions', 'ipi_mission_totals', 'geopko');
DELETE FROM events WHERE dataset IN ('acled', 'ucdp_ged', 'gdelt');
DELETE FROM places WHERE id > (SELECT places FROM loaders_before);
DELETE FROM actors WHERE id > (SELECT actors FROM loaders_before);
DELETE FROM import_runs;
SELECT (SELECT count(*) FROM events) = b.events AS events_as_before,
       (SELECT count(*) FROM deployments) = b.deployments AS deployments_as_before,
       (SELECT count(*) FROM places) = b.n_places AS places_as_before,
       (SELECT count(*) FROM actors) = b.n_actors AS actors_as_before
FROM loaders_before b;
