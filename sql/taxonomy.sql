-- taxonomy: the common event-type levels (event_taxonomy_levels), each
-- dataset's categories mapped onto them (event_taxonomy), and every event's
-- levels (event_categories).
-- Everything runs in one transaction that is rolled back at the end.
SET search_path = sahel_news, public;

BEGIN;

--
-- What CREATE EXTENSION ships: rows per dataset, all marked shipped.
--
SELECT dataset, count(*) AS categories, bool_and(standard) AS shipped
FROM event_taxonomy GROUP BY dataset ORDER BY dataset;
SELECT level, count(*) AS names, count(*) FILTER (WHERE NOT specific) AS catch_alls, bool_and(standard) AS shipped
FROM event_taxonomy_levels GROUP BY level ORDER BY level;
SELECT name, description FROM event_taxonomy_levels WHERE level = 1 ORDER BY name;

--
-- Every category of the shipped lookups has a row (no rows: none missing):
-- ACLED's event and sub-event types (the model's own classification) and
-- CAMEO's root codes.
--
SELECT 'acled' AS dataset, event_type AS missing FROM acled_event_types
WHERE NOT EXISTS (SELECT 1 FROM event_taxonomy t WHERE t.dataset = 'acled' AND lower(t.category) = lower(event_type))
UNION ALL
SELECT 'acled', sub_event_type FROM acled_sub_event_types
WHERE NOT EXISTS (SELECT 1 FROM event_taxonomy t WHERE t.dataset = 'acled' AND lower(t.category) = lower(sub_event_type))
UNION ALL
SELECT 'gdelt', code FROM cameo_codes WHERE level = 1
  AND NOT EXISTS (SELECT 1 FROM event_taxonomy t WHERE t.dataset = 'gdelt' AND t.category = code);
-- and no shipped gdelt row names a code that is not a CAMEO root code
SELECT category AS not_a_cameo_root FROM event_taxonomy
WHERE dataset = 'gdelt' AND category NOT IN (SELECT code FROM cameo_codes WHERE level = 1);

--
-- Every value the real extracts carry has a row (no rows: none missing).
-- These are the distinct values of the category columns of the real files
-- (ACLED EVENT_TYPE of the 2015-era Libya and South Sudan extracts and
-- event_type/sub_event_type of the 2022 Sahel extract; UCDP GED
-- type_of_violence; GTD attacktype1 with its attacktype1_txt; SCAD etype),
-- as the datasets write them; tests/integration/shared_data_taxonomy.sh reads
-- the files themselves.
--
SELECT v.dataset, v.category AS missing
FROM (VALUES
  ('acled', 'Battle-No change of territory'), ('acled', 'Battle-Government regains territory'),
  ('acled', 'Battle-Non-state actor overtakes territory'), ('acled', 'Violence against civilians'),
  ('acled', 'Remote violence'), ('acled', 'Riots/Protests'), ('acled', 'Headquarters or base established'),
  ('acled', 'Non-violent transfer of territory'), ('acled', 'Strategic development'),
  ('acled', 'Strategic developments'), ('acled', 'Battles'), ('acled', 'Explosions/Remote violence'),
  ('acled', 'Protests'), ('acled', 'Riots'), ('acled', 'Armed clash'), ('acled', 'Looting/property destruction'),
  ('acled', 'Attack'), ('acled', 'Peaceful protest'), ('acled', 'Abduction/forced disappearance'),
  ('acled', 'Air/drone strike'), ('acled', 'Other'), ('acled', 'Remote explosive/landmine/IED'),
  ('acled', 'Shelling/artillery/missile attack'), ('acled', 'Disrupted weapons use'),
  ('acled', 'Protest with intervention'), ('acled', 'Violent demonstration'),
  ('acled', 'Excessive force against protesters'), ('acled', 'Mob violence'),
  -- spellings of ACLED's legacy codebook
  ('acled', 'Strategic Developments'), ('acled', 'Excessive force against protestors'),
  ('ucdp_ged', '1'), ('ucdp_ged', '2'), ('ucdp_ged', '3'),
  ('gtd', '1'), ('gtd', '2'), ('gtd', '3'), ('gtd', '4'), ('gtd', '5'), ('gtd', '6'), ('gtd', '7'),
  ('gtd', '8'), ('gtd', '9'),
  ('scad', '1'), ('scad', '2'), ('scad', '4'), ('scad', '5'), ('scad', '6'), ('scad', '7'), ('scad', '8'),
  ('scad', '9'), ('scad', '10')) AS v(dataset, category)
WHERE NOT EXISTS (SELECT 1 FROM event_taxonomy t WHERE t.dataset = v.dataset AND lower(t.category) = lower(v.category));

--
-- Levels are consistent (no rows: none wrong): every level 2 of a mapping is
-- one of its level 1's, every level 2 has a level 1 as parent.
--
SELECT t.dataset, t.category, t.level1, t.level2 AS not_under_level1
FROM event_taxonomy t LEFT JOIN event_taxonomy_levels l ON l.name = t.level2
WHERE l.parent IS DISTINCT FROM t.level1 OR l.level <> 2;
SELECT c.name AS level2, c.parent AS parent_not_a_level1
FROM event_taxonomy_levels c LEFT JOIN event_taxonomy_levels p ON p.name = c.parent
WHERE c.level = 2 AND (p.level IS DISTINCT FROM 1::smallint);
-- every level is used by some shipped mapping
SELECT l.level, l.name AS unused FROM event_taxonomy_levels l
WHERE NOT EXISTS (SELECT 1 FROM event_taxonomy t WHERE t.level1 = l.name OR t.level2 = l.name)
ORDER BY 1, 2;
-- the constraints refuse an inconsistent row
SELECT sn_regress.fails($$INSERT INTO event_taxonomy (dataset, category, level1, level2)
                       VALUES ('mine', 'x', 'armed clash', 'peaceful protest')$$);
SELECT sn_regress.fails($$INSERT INTO event_taxonomy (dataset, category, level1, level2)
                       VALUES ('mine', 'x', 'armed clash', 'armed clash')$$);
SELECT sn_regress.fails($$INSERT INTO event_taxonomy_levels (level, name, parent, description)
                       VALUES (2, 'ambush', 'battle without change of territory', 'a level 2 under a level 2')$$);
SELECT sn_regress.fails($$INSERT INTO event_taxonomy_levels (level, name, description)
                       VALUES (2, 'ambush', 'a level 2 without a parent')$$);
SELECT sn_regress.fails($$INSERT INTO event_taxonomy_levels (level, name, parent, description)
                       VALUES (1, 'ambush', 'armed clash', 'a level 1 with a parent')$$);

--
-- The guard: shipped rows cannot be added, deleted or truncated; changing a
-- shipped mapping makes it the user's own row (kept by pg_dump); a user row
-- for a shipped category replaces the shipped row.
--
SELECT sn_regress.fails($$INSERT INTO event_taxonomy VALUES ('mine', 'x', 'armed clash', 'armed clash, unspecified', true)$$);
SELECT sn_regress.fails($$DELETE FROM event_taxonomy WHERE dataset = 'scad' AND category = '7'$$);
SELECT sn_regress.fails($$TRUNCATE event_taxonomy$$);
SELECT sn_regress.fails($$TRUNCATE event_taxonomy_levels, event_taxonomy$$);
SELECT sn_regress.fails($$UPDATE event_taxonomy SET category = '7a' WHERE dataset = 'scad' AND category = '7'$$);
SELECT sn_regress.fails($$UPDATE event_taxonomy_levels SET description = 'x' WHERE name = 'strike'$$);
SELECT sn_regress.fails($$DELETE FROM event_taxonomy_levels WHERE name = 'strike'$$);
SELECT sn_regress.fails($$INSERT INTO event_taxonomy_levels (level, name, description, standard) VALUES (1, 'x', 'x', true)$$);
SAVEPOINT edits;
-- an analyst who reads SCAD's pro-government violence as repression of civilians
UPDATE event_taxonomy SET level1 = 'violence against civilians', level2 = 'attack'
WHERE dataset = 'scad' AND category = '7'
RETURNING dataset, category, level1, level2, standard;
SELECT sn_regress.fails($$UPDATE event_taxonomy SET standard = true WHERE dataset = 'scad' AND category = '7'$$);
-- their own level 2 and a row for a category of their own
INSERT INTO event_taxonomy_levels (level, name, parent, description)
VALUES (2, 'ambush', 'armed clash', 'an attack from a concealed position');
INSERT INTO event_taxonomy (dataset, category, level1, level2) VALUES ('my_reports', 'ambush', 'armed clash', 'ambush');
UPDATE event_taxonomy SET level2 = 'armed clash, unspecified' WHERE dataset = 'my_reports' RETURNING standard;
-- a user row for a shipped category takes its place (what a restore does)
INSERT INTO event_taxonomy (dataset, category, level1, level2)
VALUES ('gtd', '9', 'armed clash', 'armed clash, unspecified');
SELECT dataset, category, level1, level2, standard FROM event_taxonomy WHERE dataset = 'gtd' AND category = '9';
-- one mapping per category, whatever its case
SELECT sn_regress.fails($$INSERT INTO event_taxonomy (dataset, category, level1, level2)
                       VALUES ('my_reports', 'AMBUSH', 'armed clash', 'ambush')$$);
SELECT count(*) AS user_rows FROM event_taxonomy WHERE NOT standard;
-- the session can lift the guard knowingly: then a shipped row stays shipped
SET LOCAL sahel_news.allow_sample_changes = on;
UPDATE event_taxonomy SET level2 = 'battle without change of territory' WHERE dataset = 'gtd' AND category = '2' RETURNING standard;
ROLLBACK TO SAVEPOINT edits;

-- what pg_dump keeps: the users' rows of both tables
SELECT c.relname, x.cond
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond) JOIN pg_class c ON c.oid = x.oid
WHERE e.extname = 'sahel_news' AND c.relname LIKE 'event\_taxonomy%'
ORDER BY c.relname;

--
-- event_categories: one row per event; the dataset's own category first, then
-- the ACLED type, then the CAMEO root code.
--
SELECT (SELECT count(*) FROM event_categories) = (SELECT count(*) FROM events) AS one_row_per_event;
-- every event of the sample report has levels (through its ACLED type or CAMEO code)
SELECT count(*) AS sample_events, count(level1) AS with_levels
FROM event_categories c JOIN events e ON e.id = c.event_id WHERE e.sample;
SAVEPOINT view_cases;
INSERT INTO events (occurred, dataset, external_id, dataset_category, event_type, sub_event_type, cameo_code, summary) VALUES
  ('2014-05-16', 'ucdp_ged', 'U1', '3',   NULL, NULL, NULL, 'own category'),
  ('2014-05-16', 'scad', 'S1', '8', 'Riots', 'Mob violence', '145', 'own category wins over the ACLED type'),
  ('2015-01-03', 'acled', 'A1', 'BATTLE-NO CHANGE OF TERRITORY', NULL, NULL, NULL, 'case does not matter'),
  ('2014-05-16', 'gtd', 'G1', '42', 'Battles', 'Armed clash', NULL, 'unmapped own category: ACLED type'),
  ('2014-05-16', 'gdelt', 'D1', '99', NULL, NULL, '1823', 'unmapped own category: CAMEO root'),
  ('2014-05-16', 'my_reports', 'M1', 'ambush', NULL, NULL, NULL, 'unmapped own category, nothing else'),
  ('2014-05-16', NULL, NULL, NULL, 'Violence against civilians', NULL, '190', 'by hand: ACLED event type wins over CAMEO'),
  ('2014-05-16', NULL, NULL, NULL, NULL, NULL, '145', 'by hand: CAMEO root'),
  ('2014-05-16', 'gdelt', 'D2', NULL, NULL, NULL, '0874', 'older gdelt load: CAMEO root'),
  ('2014-05-16', NULL, NULL, NULL, NULL, NULL, NULL, 'nothing to classify by');
SELECT e.summary, c.dataset, c.category, c.level1, c.level2
FROM events e JOIN event_categories c ON c.event_id = e.id
WHERE NOT e.sample ORDER BY e.id;
-- what is left to map
SELECT c.dataset, c.category, count(*) AS events
FROM event_categories c WHERE c.level1 IS NULL GROUP BY 1, 2 ORDER BY 1, 2;
-- a mapping added later applies at once (the view reads the table)
INSERT INTO event_taxonomy (dataset, category, level1, level2) VALUES ('my_reports', 'ambush', 'armed clash', 'armed clash, unspecified');
SELECT c.dataset, c.category, c.level1, c.level2
FROM events e JOIN event_categories c ON c.event_id = e.id WHERE e.external_id = 'M1';
ROLLBACK TO SAVEPOINT view_cases;

ROLLBACK;
