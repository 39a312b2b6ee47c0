-- loaders_gtd_scad: import_gtd() and import_scad() on our own fixture files,
-- one row per quirk of the two datasets.
SET search_path = sahel_news, public;
SET client_min_messages = notice;
CREATE TEMP TABLE gs_before AS SELECT * FROM sn_regress.model_now();

-- GTD: days and months of 0, approxdate, extended, nkill blank, no
-- coordinates, a country of the past, swapped and impossible coordinates,
-- bad codes and dates, a revised and a repeated row, no eventid.
\copy gtd_raw FROM 'tests/fixtures/loaders/gtd.csv' WITH (FORMAT csv, HEADER true)
SELECT rows_read, imported, updated, unchanged, skipped, flagged FROM import_gtd();
SELECT record, external_id, action, reason FROM import_issues WHERE dataset = 'gtd' ORDER BY record;
SELECT e.external_id, e.occurred::text, e.fatalities::text, e.location::text, e.location_precision_m,
       e.dataset_category, p.name AS place, p.kind, p.country::text, e.note
FROM events e LEFT JOIN places p ON p.id = e.place_id
WHERE e.dataset = 'gtd' ORDER BY e.external_id;
SELECT e.external_id, ea.role, a.name, a.kind
FROM events e JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id
WHERE e.dataset = 'gtd' ORDER BY e.external_id, ea.role, a.name;
SELECT count(*) AS staged_after_import FROM gtd_raw;

-- The same file again: the stored rows count as unchanged, and none is written
-- (an event whose values are unchanged keeps its row version).  A row that
-- stored its event without a caveat left its digest on it (load_digest): the
-- very same row, its eventid once in the file, is then unchanged without
-- being parsed; the rows with a caveat, rejected, or sharing their eventid
-- with another row of the file (two of the four clean ones) are read again
-- (and listed again).
CREATE TEMP TABLE gs_versions AS SELECT id, xmin::text AS version FROM events WHERE dataset = 'gtd';
\copy gtd_raw FROM 'tests/fixtures/loaders/gtd.csv' WITH (FORMAT csv, HEADER true)
\set dataset gtd
\ir sql/include/reimport_unchanged.sql
SELECT count(*) AS gtd_events, count(DISTINCT external_id) AS distinct_ids,
       count(*) FILTER (WHERE v.version IS DISTINCT FROM e.xmin::text) AS rewritten
FROM events e LEFT JOIN gs_versions v ON v.id = e.id WHERE e.dataset = 'gtd';
SELECT count(*) AS gao_places FROM places WHERE name = 'Gao';

-- A revised row changes its event, and only it.
INSERT INTO gtd_raw SELECT (jsonb_populate_record(NULL::gtd_raw, raw || '{"nkill": "7"}')).*
FROM import_issues WHERE dataset = 'gtd' AND external_id = '201405030001' ORDER BY id LIMIT 1;
SELECT rows_read, imported, updated, unchanged, skipped, flagged FROM import_gtd();
SELECT e.external_id, e.fatalities::text FROM events e LEFT JOIN gs_versions v ON v.id = e.id
WHERE e.dataset = 'gtd' AND v.version IS DISTINCT FROM e.xmin::text;

-- Copied without HEADER: the header line is skipped and listed.
\copy gtd_raw FROM 'tests/fixtures/loaders/gtd.csv' WITH (FORMAT csv)
SELECT rows_read, imported, updated, unchanged, skipped, flagged FROM import_gtd();
SELECT reason FROM import_issues WHERE dataset = 'gtd' AND raw->>'eventid' = 'eventid';

-- Another file staged as GTD is refused; nothing is loaded.
INSERT INTO gtd_raw (eventid, iyear, imonth) VALUES ('MLI1234', '2014-01-02', 'Battles');
SELECT * FROM import_gtd();
SELECT count(*) AS still_staged FROM gtd_raw;
TRUNCATE gtd_raw;

-- SCAD: a span, -99 and -88 deaths, an event in two towns (one row each,
-- same eventid), a repeated row, bad dates and codes, COW codes it does not
-- know, approximate, regional and nationwide locations, swapped coordinates.
\copy scad_raw FROM 'tests/fixtures/loaders/scad.csv' WITH (FORMAT csv, HEADER true)
SELECT rows_read, imported, updated, unchanged, skipped, flagged FROM import_scad();
SELECT record, external_id, action, reason FROM import_issues WHERE dataset = 'scad' ORDER BY record;
SELECT e.external_id, e.occurred::text, e.fatalities::text, e.location::text, e.location_precision_m,
       e.dataset_category, p.name AS place, p.kind, p.country::text
FROM events e LEFT JOIN places p ON p.id = e.place_id
WHERE e.dataset = 'scad' ORDER BY e.external_id;
SELECT e.external_id, ea.role, a.name
FROM events e JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id
WHERE e.dataset = 'scad' ORDER BY e.external_id, ea.role, a.name;
-- the summary: issuenote, then notes
SELECT external_id, summary FROM events WHERE dataset = 'scad' AND external_id IN ('4320001-1', '4320002-1') ORDER BY 1;
-- The same file again: nothing written, the rows stored cleanly unchanged
-- without being parsed (by their digest, the key being eventid-sublocal;
-- the event repeated in the file is read again).
\copy scad_raw FROM 'tests/fixtures/loaders/scad.csv' WITH (FORMAT csv, HEADER true)
\set dataset scad
\ir sql/include/reimport_unchanged.sql
SELECT count(*) AS scad_events, count(DISTINCT external_id) AS distinct_ids FROM events WHERE dataset = 'scad';

-- The precision codes in metres; a dataset without codes is an error.
SELECT location_precision_m('gtd', c) AS gtd, location_precision_m('scad', c) AS scad FROM generate_series(0, 5) c;
SELECT location_precision_m('nosuch', 1);
SELECT * FROM gtd_attack_types();
SELECT * FROM scad_event_types();

-- Every run balances, and every row not loaded cleanly is listed.
SELECT r.dataset, r.rows_read = r.imported + r.updated + r.unchanged + r.skipped + r.flagged AS balanced,
       r.skipped + r.flagged = (SELECT count(*) FROM import_issues i WHERE i.run_id = r.id) AS all_listed
FROM import_runs r ORDER BY r.id;

-- Clean up: the model holds the sample data alone again.
SELECT * FROM sn_regress.forget_loads('gs_before', '{gtd,scad}');
