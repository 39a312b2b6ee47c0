-- loaders_history: provenance (created_run, changed_run), event_history,
-- ACLED's deleted events and event_changes(): load, edit, delete, re-load.
SET search_path = sahel_news, public;
SET client_min_messages = warning;
CREATE TEMP TABLE h_before AS SELECT * FROM sn_regress.model_now();

-- Run 1: the GTD fixture.  Every event, place and actor it creates records it.
\copy gtd_raw FROM 'tests/fixtures/loaders/gtd.csv' WITH (FORMAT csv, HEADER true)
SELECT id AS run1, rows_read, imported, updated, unchanged, skipped, flagged FROM import_gtd() \gset
SELECT :run1 AS run, :'imported' AS imported, :'unchanged' AS unchanged;
SELECT count(*) AS events, count(*) FILTER (WHERE created_run = :run1 AND changed_run = :run1) AS stamped_by_run1
FROM events WHERE dataset = 'gtd';
SELECT count(*) FILTER (WHERE created_run = :run1) AS places_by_run1 FROM places WHERE id > (SELECT places FROM h_before);
SELECT count(*) FILTER (WHERE created_run = :run1) AS actors_by_run1 FROM actors WHERE id > (SELECT actors FROM h_before);
SELECT count(*) AS history_rows FROM event_history;

-- Run 2: the same file again changes nothing: unchanged, not written, no history.
CREATE TEMP TABLE h_versions AS SELECT id, xmin::text AS version FROM events WHERE dataset = 'gtd';
\copy gtd_raw FROM 'tests/fixtures/loaders/gtd.csv' WITH (FORMAT csv, HEADER true)
SELECT id AS run2, imported, updated, unchanged, skipped, flagged FROM import_gtd() \gset
SELECT :'imported' AS imported, :'updated' AS updated, :'unchanged' AS unchanged, :'flagged' AS flagged;
SELECT count(*) FILTER (WHERE v.version IS DISTINCT FROM e.xmin::text) AS rewritten,
       count(*) FILTER (WHERE e.changed_run = :run2) AS changed_by_run2
FROM events e JOIN h_versions v ON v.id = e.id;
SELECT count(*) AS history_rows FROM event_history;

-- Run 3: a revision: two events change, one is the same, one is new.
\copy gtd_raw FROM 'tests/fixtures/loaders/gtd_revised.csv' WITH (FORMAT csv, HEADER true)
SELECT id AS run3, imported, updated, unchanged, skipped, flagged FROM import_gtd() \gset
SELECT :'imported' AS imported, :'updated' AS updated, :'unchanged' AS unchanged, :'flagged' AS flagged;
SELECT external_id, created_run = :run1 AS created_by_run1, changed_run = :run3 AS changed_by_run3,
       occurred::text, fatalities::text
FROM events WHERE dataset = 'gtd' AND external_id IN ('201401020001', '201402000001', '201403040001', '201406010001')
ORDER BY external_id;
SELECT h.external_id, h.operation, h.replaced_run = :run3 AS by_run3, h.version->>'occurred' AS was_occurred,
       h.version->>'fatalities' AS was_fatalities, (h.version->>'changed_run')::bigint = :run1 AS made_by_run1
FROM event_history h ORDER BY h.replaced_run, h.external_id, h.id;
-- (the actors as names: their ids depend on what the tests before created)
SELECT change, external_id, field,
       CASE WHEN field = 'actors' THEN (SELECT string_agg(a->>'role' || ': ' || (a->>'name'), '; ') FROM jsonb_array_elements(old_value::jsonb) a)
            ELSE old_value END AS old_value,
       CASE WHEN field = 'actors' THEN (SELECT string_agg(a->>'role' || ': ' || (a->>'name'), '; ') FROM jsonb_array_elements(new_value::jsonb) a)
            ELSE new_value END AS new_value
FROM event_changes(:run2, :run3);
SELECT change, count(*) FROM event_changes(0, :run1) GROUP BY change;
SELECT count(*) AS no_change_in_run2 FROM event_changes(:run1, :run2);

-- By hand, outside a run: the change is kept in the history, with no run.
UPDATE events SET summary = 'Edited by hand.' WHERE dataset = 'gtd' AND external_id = '201405030001';
SELECT changed_run IS NULL AS changed_by_hand FROM events WHERE dataset = 'gtd' AND external_id = '201405030001';
SELECT external_id, operation, replaced_run IS NULL AS outside_a_run, version->>'summary' AS was
FROM event_history ORDER BY id DESC LIMIT 1;
-- an editor, who may not write event_history, still has the change kept
SET ROLE sahel_news_editor;
UPDATE events SET summary = 'Edited by an editor.' WHERE dataset = 'gtd' AND external_id = '201405030001';
RESET ROLE;
SELECT external_id, version->>'summary' AS was FROM event_history ORDER BY id DESC LIMIT 1;
-- an update that changes nothing keeps no history
UPDATE events SET summary = summary WHERE dataset = 'gtd';
SELECT count(*) AS history_rows FROM event_history;

-- ACLED takes events back: two loaded events deleted, a repeated deletion
-- (the later time wins), an id never loaded, an unreadable time, no id.
INSERT INTO events (occurred, location, fatalities, summary, dataset, external_id)
VALUES ('2022-08-01', '14.35N 3.61W', '2', 'Fixture: an ACLED event, later deleted.', 'acled', 'MLI8001'),
       ('2022-08-02', '14.35N 3.61W', '0', 'Fixture: an ACLED event, later deleted.', 'acled', 'MLI8002'),
       ('2022-08-03', '14.35N 3.61W', '1', 'Fixture: an ACLED event with an unreadable deletion.', 'acled', 'MLI8003'),
       ('2022-08-04', '14.35N 3.61W', '1', 'Fixture: an ACLED event deleted twice in the file.', 'acled', 'MLI8004'),
       ('2022-08-05', '14.35N 3.61W', '1', 'Fixture: an ACLED event ACLED keeps.', 'acled', 'MLI8005');
SELECT count(*) AS bi_events_before FROM bi_events WHERE dataset = 'acled';
\copy acled_deletions_raw FROM 'tests/fixtures/loaders/acled_deletions.csv' WITH (FORMAT csv, HEADER true)
SELECT id AS run4, rows_read, imported, updated, unchanged, skipped, flagged FROM import_acled_deletions() \gset
SELECT :'rows_read' AS rows_read, :'imported' AS imported, :'updated' AS updated, :'unchanged' AS unchanged,
       :'skipped' AS skipped, :'flagged' AS flagged;
SELECT record, external_id, action, reason FROM import_issues WHERE run_id = :run4 ORDER BY record;
SELECT external_id, deleted_at AT TIME ZONE 'UTC' AS deleted_at_utc, deleted_run = :run4 AS by_run4, changed_run = :run4 AS changed_by_run4
FROM events WHERE dataset = 'acled' ORDER BY external_id;
-- kept, but out of the views and the model functions
SELECT count(*) AS acled_events, count(*) FILTER (WHERE deleted_at IS NULL) AS live FROM events WHERE dataset = 'acled';
SELECT external_id FROM bi_events WHERE dataset = 'acled' ORDER BY external_id;
SELECT e.external_id FROM events_near('14.35N 3.61W', 1000) n JOIN events e ON e.id = n.event_id ORDER BY 1;
SELECT e.external_id FROM events_near('14.35N 3.61W', 1000, '2022-08') n JOIN events e ON e.id = n.event_id ORDER BY 1;
SELECT f->'properties'->>'external_id' AS geojson_acled
FROM json_array_elements(events_geojson('2022-08')->'features') f ORDER BY 1;
SELECT change, external_id FROM event_changes(:run3, :run4) ORDER BY external_id;
-- the same deletions again change nothing
\copy acled_deletions_raw FROM 'tests/fixtures/loaders/acled_deletions.csv' WITH (FORMAT csv, HEADER true)
SELECT imported, updated, unchanged, skipped, flagged FROM import_acled_deletions();
SELECT count(*) AS history_rows FROM event_history WHERE dataset = 'acled';
-- a deletion file of another shape is refused
INSERT INTO acled_deletions_raw VALUES ('deleted', 'yesterday');
SELECT * FROM import_acled_deletions();
TRUNCATE acled_deletions_raw;

-- An event removed from the table keeps its last version in the history.
DELETE FROM events WHERE dataset = 'acled' AND external_id = 'MLI8005';
SELECT external_id, operation, version->>'summary' AS was FROM event_history ORDER BY id DESC LIMIT 1;
SELECT count(*) AS bad_call FROM event_changes(5, 1);

-- GDELT as published: a 15-minute file delivered twice changes nothing the
-- second time (no event version, no history, nothing between the two runs).
\copy gdelt_events_raw FROM 'tests/fixtures/loaders/gdelt_events.tsv' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\b')
SELECT id AS run5 FROM import_gdelt_events() \gset
\copy gdelt_events_raw FROM 'tests/fixtures/loaders/gdelt_events.tsv' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\b')
SELECT id AS run6 FROM import_gdelt_events() \gset
SELECT count(*) AS gdelt_events, count(*) FILTER (WHERE created_run = :run5 AND changed_run = :run5) AS by_first_delivery
FROM events WHERE dataset = 'gdelt';
SELECT count(*) AS gdelt_history FROM event_history WHERE dataset = 'gdelt';
SELECT count(*) AS changes_by_redelivery FROM event_changes(:run5, :run6);

-- A load that changes only an event's actors keeps its version too: the
-- events row is stamped with the run, event_history holds the actors as they
-- were, and event_changes() reports the field actors.  ACLED (the shared
-- loaders' path): the fixture, then the same file with one event's second
-- actor renamed.
\copy acled_raw (event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp) FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT id AS run7 FROM import_acled() \gset
\copy acled_raw (event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp) FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv, HEADER MATCH)
UPDATE acled_raw SET actor2 = 'Unidentified Armed Group (Chad)' WHERE event_id_cnty = 'CHA9005';
SELECT id AS run8, imported, updated, unchanged FROM import_acled() \gset
SELECT :'imported' AS imported, :'updated' AS updated, :'unchanged' AS unchanged;
SELECT external_id, changed_run = :run8 AS changed_by_run8, created_run = :run7 AS created_by_run7
FROM events WHERE dataset = 'acled' AND changed_run = :run8;
SELECT h.external_id, h.operation, h.replaced_run = :run8 AS by_run8, (h.version->>'changed_run')::bigint = :run7 AS made_by_run7,
       h.version->>'summary' = e.summary AS row_as_it_is, a->>'role' AS role, a->>'name' AS name
FROM event_history h JOIN events e ON e.id = h.event_id CROSS JOIN jsonb_array_elements(h.version->'actors') a
WHERE h.replaced_run = :run8 ORDER BY h.id, a->>'role', a->>'name';
SELECT change, external_id, field,
       old_value::jsonb @> '[{"role": "actor2", "name": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"}]' AS was_boko_haram,
       new_value::jsonb @> '[{"role": "actor2", "name": "Unidentified Armed Group (Chad)"}]' AS now_unidentified
FROM event_changes(:run7, :run8);
-- GTD (its own path): the revised file again, one perpetrator renamed
\copy gtd_raw FROM 'tests/fixtures/loaders/gtd_revised.csv' WITH (FORMAT csv, HEADER true)
UPDATE gtd_raw SET gname = 'Al-Mourabitoun' WHERE eventid = '201401020001';
SELECT id AS run9, imported, updated, unchanged FROM import_gtd() \gset
SELECT :'imported' AS imported, :'updated' AS updated, :'unchanged' AS unchanged;
SELECT h.external_id, h.replaced_run = :run9 AS by_run9, a->>'role' AS role, a->>'name' AS was
FROM event_history h CROSS JOIN jsonb_array_elements(h.version->'actors') a WHERE h.replaced_run = :run9;
SELECT change, external_id, field, (SELECT string_agg(a->>'name', '; ') FROM jsonb_array_elements(old_value::jsonb) a) AS old_names,
       (SELECT string_agg(a->>'name', '; ') FROM jsonb_array_elements(new_value::jsonb) a) AS new_names
FROM event_changes(:run8, :run9);

-- A row that stored its event without a caveat it would repeat leaves its
-- digest on the event (load_digest; a new place it created is no such
-- caveat); loaded again, the very same row is unchanged without being
-- parsed: only the rows loaded with such a caveat, rejected, duplicated or
-- changed reach the work table.  CHA9005, whose actors run8 changed, lost
-- its digest there: the original file again puts its actors back (updated).
SELECT e.external_id, e.load_digest IS NOT NULL AS has_digest, i.reason AS caveat_in_run7
FROM events e LEFT JOIN import_issues i ON i.run_id = :run7 AND i.external_id = e.external_id AND i.action = 'kept'
WHERE e.dataset = 'acled' AND e.created_run = :run7 ORDER BY e.external_id;
BEGIN;
\copy acled_raw (event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp) FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, unchanged, skipped, flagged FROM import_acled();
SELECT w.status, cardinality(w.notes) > 0 AS with_caveat, w.changed, count(*) AS parsed,
       string_agg(w.ext, ', ' ORDER BY w.ext) FILTER (WHERE w.status = 'stored' AND cardinality(w.notes) = 0) AS clean
FROM pg_temp.loader_rows w GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
COMMIT;
SELECT ea.name FROM event_actor_names ea JOIN events e ON e.id = ea.event_id
WHERE e.dataset = 'acled' AND e.external_id = 'CHA9005' AND ea.role = 'actor2';
-- An event changed by hand (changed_run NULL) is compared in full: the file
-- again puts the loaded values back, and the event gets its digest again.
UPDATE events SET summary = 'edited by hand' WHERE dataset = 'acled' AND external_id = 'CHA9005';
\copy acled_raw (event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp) FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, unchanged, skipped, flagged FROM import_acled();
SELECT summary <> 'edited by hand' AS restored, load_digest IS NOT NULL AS digest_again FROM events
WHERE dataset = 'acled' AND external_id = 'CHA9005';
-- the digest is none of the event's versions
SELECT count(*) AS versions_with_digest FROM event_history WHERE version ? 'load_digest';
-- Digests written by another version never match (the version salts the
-- digest, and versions before 0.2's loader_row_digest used md5 of the row as
-- text): after ALTER EXTENSION UPDATE the first re-import parses and
-- compares every row once, with the same counts, and leaves the current
-- digests.  Here the events' digests are put back as such a version wrote
-- them (with triggers off, as the update script leaves the rows).
SELECT count(*) FILTER (WHERE load_digest IS NOT NULL) AS with_digest FROM events WHERE dataset = 'acled' \gset
BEGIN;
\copy acled_raw (event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp) FROM 'tests/fixtures/loaders/acled.csv' WITH (FORMAT csv, HEADER MATCH)
SET LOCAL session_replication_role = replica;
UPDATE events e SET load_digest = md5('0.1' || r::text)::uuid
FROM acled_raw r WHERE e.dataset = 'acled' AND e.external_id = r.event_id_cnty AND e.load_digest IS NOT NULL;
UPDATE events e SET load_digest = loader_row_digest('0.1', r)
FROM acled_raw r WHERE e.dataset = 'acled' AND e.external_id = r.event_id_cnty AND e.external_id = 'CHA9004';
SET LOCAL session_replication_role = origin;
SELECT rows_read, imported, updated, unchanged, skipped, flagged FROM import_acled();
SELECT count(*) AS parsed, count(*) FILTER (WHERE w.status = 'stored') AS stored FROM pg_temp.loader_rows w;
COMMIT;
SELECT count(*) FILTER (WHERE load_digest IS NOT NULL) = :with_digest AS digests_again FROM events WHERE dataset = 'acled';
-- Clean up: the model holds the sample data alone again.
SELECT * FROM sn_regress.forget_loads('h_before', '{gtd,acled,gdelt}');
