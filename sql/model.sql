-- model: the data model, its functions, the BI views and the sample report.
-- Everything runs in one transaction that is rolled back at the end, so later
-- tests see the sample as shipped; rows other tests may have left in the
-- model's tables are set aside first, so the answers here are the sample's.
SET search_path = sahel_news, public;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
SET extra_float_digits = 0;

BEGIN;
DELETE FROM event_actors WHERE NOT sample;
DELETE FROM events WHERE NOT sample;
DELETE FROM figures WHERE NOT sample;
DELETE FROM deployments WHERE NOT sample;
DELETE FROM place_names WHERE NOT sample;
DELETE FROM place_countries WHERE NOT sample;
DELETE FROM actor_names WHERE NOT sample;
DELETE FROM places WHERE NOT sample;
DELETE FROM actors WHERE NOT sample;
DELETE FROM sources WHERE NOT sample;

--
-- What CREATE EXTENSION loaded: lookups and the sample, all marked shipped.
--
-- The lookups mark their rows standard, the sample's tables sample.
SELECT t.tab, r.n, r.marked AS shipped
FROM (SELECT l.tab, l.o, 'standard' AS flag
      FROM unnest('{acled_event_types,acled_sub_event_types,acled_actor_types,cameo_codes}'::text[])
           WITH ORDINALITY AS l(tab, o)
      UNION ALL
      SELECT s.tab, 100 + s.o, 'sample'
      FROM unnest('{sources,places,place_names,place_countries,actors,actor_names,events,event_actors,
                    deployments,figures}'::text[]) WITH ORDINALITY AS s(tab, o)) t
CROSS JOIN LATERAL sn_regress.rows_marked(t.tab::regclass, t.flag) r
ORDER BY t.o;

-- CAMEO: 20 roots, every code under its parent; ACLED: 6 types, 25 sub-types.
SELECT level, count(*) FROM cameo_codes GROUP BY level ORDER BY level;
SELECT code, name, goldstein, quad_class FROM cameo_codes
WHERE code IN ('01', '015', '0874', '19', '190', '195', '1951') ORDER BY code;
SELECT event_type, count(*) AS sub_types, string_agg(DISTINCT disorder_type, ' | ') AS disorder
FROM acled_sub_event_types GROUP BY event_type ORDER BY min(hierarchy_rank);

--
-- The sample report, as coded.
--
-- (the address is checked by its host, its dated path and its digest: its
-- last part spells out the publisher's headline)
SELECT id, publisher, split_part(url, '/', 3) AS host, split_part(url, '/', 5) || '/' || split_part(url, '/', 6)
       || '/' || split_part(url, '/', 7) AS dated, md5(url) AS url_md5, published, language, body IS NULL AS no_text
FROM sources;

SELECT e.external_id, e.occurred, sahel_news.precision(e.occurred) AS precision, p.name AS place,
       e.location, e.geo_precision AS gp, e.event_type, e.sub_event_type, e.cameo_code,
       e.fatalities, e.fatalities_claimed AS claimed
FROM events e LEFT JOIN places p ON p.id = e.place_id
ORDER BY e.id;

SELECT e.external_id, string_agg(a.name || ' (' || ea.role || ')', ', ' ORDER BY ea.role, a.name) AS actors
FROM events e JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id
GROUP BY e.id, e.external_id ORDER BY e.id;

SELECT r.external_id AS claim, e.external_id AS claims FROM events r JOIN events e ON e.id = r.related_event_id;

SELECT d.external_id, f.name AS force, d.contributor, d.host, p.name AS place, d.strength, d.as_of,
       d.period, t.external_id AS part_of
FROM deployments d
LEFT JOIN actors f ON f.id = d.force_id
LEFT JOIN places p ON p.id = d.place_id
LEFT JOIN deployments t ON t.id = d.part_of
ORDER BY d.external_id;

SELECT f.external_id, subject, p.name AS place, period, value, unit
FROM figures f LEFT JOIN places p ON p.id = f.place_id ORDER BY f.id;

SELECT p.id, p.name, p.kind, p.country, q.name AS parent, p.location, p.precision_m
FROM places p LEFT JOIN places q ON q.id = p.parent_id ORDER BY p.id;

SELECT p.name, string_agg(c.country::text, ',' ORDER BY c.country::text) AS countries
FROM place_countries c JOIN places p ON p.id = c.place_id GROUP BY p.name ORDER BY p.name;

-- Demonyms map to their country.
SELECT n.name AS demonym, n.lang, p.name AS place, p.country
FROM place_names n JOIN places p ON p.id = n.place_id
WHERE n.is_demonym AND n.name IN ('French', 'Malian', 'Russian', 'Nigerien', 'Chadian', 'Burkinabe', 'malien')
ORDER BY n.name;

-- Names, acronyms and translations of an actor.
SELECT a.name AS actor, n.name, n.lang, n.name_kind
FROM actor_names n JOIN actors a ON a.id = n.actor_id
WHERE a.name = 'JNIM' ORDER BY n.name_kind, n.name;

SELECT a.name, a.kind, a.country, p.name AS part_of, a.active, a.acled_inter, a.cameo_code
FROM actors a LEFT JOIN actors p ON p.id = a.parent_id ORDER BY a.id;

--
-- troop_strength: France in Mali, Niger and Chad on the days the report gives figures for.
--
SELECT troop_strength('FRA', 'MLI', '2022-06-01') AS "France in Mali 2022-06-01",
       troop_strength('FRA', 'MLI', '2022-06-01') = '~2400' AS ok;
SELECT troop_strength('FRA', 'NER', '2022-08-15') AS "France in Niger 2022-08-15",
       troop_strength('FRA', 'NER', '2022-08-15') = '~1000'::estimate + '300..400' AS ok;
SELECT troop_strength('FRA', 'TCD', '2022-08-15') AS "France in Chad 2022-08-15",
       troop_strength('FRA', 'TCD', '2022-08-15') = '700..1000' AS ok;
SELECT troop_strength('FRA', 'MLI', '2022-09-01') AS "France in Mali 2022-09-01",
       troop_strength('FRA', 'MLI', '2022-09-01') = '0' AS ok;
-- The hand-over day: Mali's period ends 2022-08-15, the day the Sahel-wide
-- total after the withdrawal begins; everywhere that day is that total, not
-- the total plus Mali's last figure.  Mali alone still counts the day.
SELECT troop_strength('FRA', NULL, '2022-08-15') AS "France everywhere 2022-08-15",
       troop_strength('FRA', NULL, '2022-08-15') = '~2500' AS ok,
       troop_strength('FRA', 'MLI', '2022-08-15') AS "France in Mali 2022-08-15";

-- Around those days: the first figure, the last day of the period, no data at all.
SELECT d AS day, troop_strength('FRA', 'MLI', d) AS mali, troop_strength('FRA', 'NER', d) AS niger,
       troop_strength('FRA', 'TCD', d) AS chad, troop_strength('FRA', NULL, d) AS everywhere
FROM unnest('{2012-12-31,2013-01-01,2022-01-31,2022-02-01,2022-06-30,2022-07-01,2022-08-14,2022-08-15,2022-08-16,2023-01-01}'::date[]) AS d;
SELECT troop_strength('FRA', 'MRT', '2022-08-15') AS no_data, troop_strength('RUS', 'MLI', '2022-08-15') AS undisclosed,
       troop_strength('FRA', 'MLI', NULL) AS no_day, troop_strength(NULL, 'MLI', '2022-08-15') AS no_contributor;

-- The timelines (step functions).
SELECT * FROM troop_timeline('FRA');
SELECT h AS host, t.* FROM unnest('{MLI,NER,TCD,MRT}'::country[]) AS h, troop_timeline('FRA', h) AS t;
SELECT * FROM troop_strengths('FRA', 'MLI', '{2022-08-16,2022-06-01,NULL,2022-06-01,2015-05-05}');

-- A total replaces its parts, at any depth; parts count when the total has no
-- figure yet or its host differs; successive figures of one deployment.
SAVEPOINT t1;
INSERT INTO actors (id, name, kind, country) VALUES (5001, 'Test army', 'state forces', 'DEU');
INSERT INTO deployments (id, force_id, contributor, host, strength, as_of, period, part_of) VALUES
  (5001, 5001, 'DEU', 'MLI', '1000', '2020-06', NULL, NULL),       -- the total in Mali
  (5002, 5001, 'DEU', 'MLI', '600', '2020-01', NULL, 5001),        -- a part, reported earlier
  (5003, 5001, 'DEU', 'MLI', '~300', '2020-01', NULL, 5002);       -- a part of the part
UPDATE deployments SET place_id = 11 WHERE id = 5002;
UPDATE deployments SET place_id = 14 WHERE id = 5003;
INSERT INTO deployments (id, force_id, contributor, host, place_id, strength, as_of, period) VALUES
  (5004, 5001, 'DEU', 'NER', 16, '100', '2019', '2019/2020-03'),   -- ends
  (5005, 5001, 'DEU', 'NER', 16, '150', '2019-07', NULL);          -- a later figure of the same deployment
SELECT d AS day, troop_strength('DEU', 'MLI', d) AS mali, troop_strength('DEU', 'NER', d) AS niger,
       troop_strength('DEU', NULL, d) AS everywhere
FROM unnest('{2019-01-01,2019-07-01,2020-01-01,2020-04-01,2020-06-01}'::date[]) AS d;
SELECT * FROM troop_timeline('DEU', 'MLI');
-- Hand-over day: a period that ends on the day a figure of another deployment
-- in the same host, or spanning several (host NULL), begins does not count on
-- that day; a figure beginning in another host hands nothing over; a period of
-- one day always counts.
INSERT INTO deployments (id, force_id, contributor, host, place_id, strength, as_of, period) VALUES
  (5006, 5001, 'DEU', 'BFA', NULL, '200', '2021-01', '2021-01/2021-06-30'), -- ends 2021-06-30
  (5007, 5001, 'DEU', NULL, NULL, '~1500', '2021-06-30', NULL),             -- the regional total from then
  (5008, 5001, 'DEU', 'TCD', NULL, '50', '2021-02', '2021-02/2021-03-31'),  -- ends 2021-03-31
  (5009, 5001, 'DEU', 'NER', 23, '40', '2021-03-31', NULL),                 -- begins that day elsewhere
  (5010, 5001, 'DEU', 'MRT', NULL, '10', '2021-05-05', '2021-05-05'),       -- one day
  (5011, 5001, 'DEU', 'MRT', 16, '20', '2021-05-05', NULL);                 -- same host, from that day
SELECT d AS day, troop_strength('DEU', 'BFA', d) AS bfa, troop_strength('DEU', 'TCD', d) AS tcd,
       troop_strength('DEU', 'MRT', d) AS mrt, troop_strength('DEU', NULL, d) AS everywhere
FROM unnest('{2021-03-30,2021-03-31,2021-04-01,2021-05-05,2021-05-06,2021-06-29,2021-06-30,2021-07-01}'::date[]) AS d;
SELECT * FROM troop_timeline('DEU') WHERE valid_from >= '2021-01-01';
ROLLBACK TO SAVEPOINT t1;

--
-- locate(): any name, case-insensitive; demonyms are not place names; a place
-- without coordinates gets its parent's.
--
SELECT n, locate(n) FROM unnest(ARRAY['Bandiagara', 'NIAMEY', 'Tchad', 'Lake Chad', 'Moscou', ' Bamako ',
                                      'Djallo', 'Mopti region']) AS n;
SELECT sn_regress.fails($$SELECT locate('Timbuktu')$$);
SELECT sn_regress.fails($$SELECT locate('Malian')$$);
SELECT sn_regress.fails($$SELECT locate('France')$$);
SAVEPOINT t2;
INSERT INTO places (id, name, kind, country, location) VALUES (5001, 'Bandiagara', 'region', 'MLI', '14.3, -3.5');
SELECT sn_regress.fails($$SELECT locate('bandiagara')$$);
ROLLBACK TO SAVEPOINT t2;
SELECT locate(NULL) IS NULL AS strict;

--
-- events_near(): within a radius, nearest first, optionally during a time.
--
SELECT event_id, round(distance_m) AS metres, occurred, place, event_type, fatalities
FROM events_near(locate('Bandiagara'), 50000);
SELECT event_id, round(distance_m / 1000) AS km, occurred, place
FROM events_near(locate('Bandiagara'), 400000);
SELECT event_id, round(distance_m / 1000) AS km, occurred, place
FROM events_near(locate('Bandiagara'), 400000, '2022');
SELECT event_id, occurred FROM events_near(locate('Paris'), 1000, '2022-08-15');
SELECT event_id FROM events_near(locate('Paris'), 1000, '2021');
SELECT sn_regress.fails($$SELECT * FROM events_near('14.35, -3.61', -1)$$);
SELECT sn_regress.fails($$SELECT * FROM events_near('14.35, -3.61', 'NaN')$$);
SELECT sn_regress.fails($$SELECT * FROM events_near(NULL, 1000)$$);

-- The GiST indexes serve those searches.  Bitmap scans are off too: whether the
-- planner picks a plain or a bitmap index scan depends on when autovacuum last
-- analyzed the tables, and either one shows the index at work.
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM events WHERE dwithin(location, '14.35, -3.61', 50000);
EXPLAIN (COSTS OFF) SELECT id FROM events WHERE occurred && '2022-08'::edtf;
EXPLAIN (COSTS OFF) SELECT id FROM events ORDER BY location <-> '14.35, -3.61' LIMIT 3;
EXPLAIN (COSTS OFF) SELECT id FROM places WHERE dwithin(location, '14.35, -3.61', 50000);
EXPLAIN (COSTS OFF) SELECT id FROM deployments WHERE period && '2022'::edtf;
EXPLAIN (COSTS OFF) SELECT id FROM deployments WHERE period @> '2022-08-15'::date;
EXPLAIN (COSTS OFF) SELECT id FROM deployments WHERE as_of << '2014'::edtf;
EXPLAIN (COSTS OFF) SELECT id FROM figures WHERE period @> '2020'::edtf;
-- The functions' own statements are planned without knowing their arguments
-- (generic plans): events_near() with a time and events_geojson() are written
-- so that such a plan still searches the index on occurred.
SET plan_cache_mode = force_generic_plan;
PREPARE near_during(geopoint, float8, edtf) AS
  SELECT x.id FROM events x WHERE $3 IS NULL AND dwithin(x.location, $1, $2) AND x.deleted_at IS NULL
  UNION ALL
  SELECT x.id FROM events x WHERE $3 IS NOT NULL AND dwithin(x.location, $1, $2) AND x.deleted_at IS NULL
    AND x.occurred && $3;
EXPLAIN (COSTS OFF) EXECUTE near_during('14.35, -3.61', 50000, '2022-08');
PREPARE geojson_events(edtf) AS
  SELECT x.id FROM events x WHERE $1 IS NULL AND x.location IS NOT NULL
  UNION ALL
  SELECT x.id FROM events x WHERE $1 IS NOT NULL AND x.location IS NOT NULL AND x.occurred && $1;
EXPLAIN (COSTS OFF) EXECUTE geojson_events('2022-08');
DEALLOCATE near_during;
DEALLOCATE geojson_events;
RESET plan_cache_mode;
RESET enable_seqscan;
RESET enable_bitmapscan;

--
-- events_geojson(): a FeatureCollection of the located events.
--
SELECT json_typeof(g) AS type, g->>'type' AS collection, json_array_length(g->'features') AS features
FROM events_geojson() AS g;
SELECT f->>'id' AS id, f->'geometry' AS geometry, f->'properties'->>'occurred' AS occurred,
       f->'properties'->>'date_low' AS low, f->'properties'->>'date_high' AS high,
       f->'properties'->>'fatalities' AS fatalities, f->'properties'->>'fatalities_best' AS best,
       f->'properties'->>'country' AS country
FROM json_array_elements((SELECT events_geojson()->'features')) AS f;
SELECT jsonb_pretty(events_geojson('2022-08-13')::jsonb -> 'features' -> 0 #- '{properties,url}');
SELECT f -> 'properties' ->> 'url' = (SELECT url FROM sources WHERE id = 1) AS url_of_its_source
FROM jsonb_array_elements(events_geojson('2022-08-13')::jsonb -> 'features') AS f;
SELECT events_geojson('2030')::text AS none_yet;

--
-- The BI views: only built-in column types (what a JDBC client sees).
--
SELECT c.relname AS view, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'sahel_news' AND c.relname LIKE 'bi\_%' AND c.relkind = 'v' AND a.attnum > 0
  AND a.atttypid NOT IN ('text'::regtype, 'integer'::regtype, 'bigint'::regtype,
                         'double precision'::regtype, 'date'::regtype, 'boolean'::regtype);
SELECT c.relname AS view, count(*) AS columns, string_agg(DISTINCT format_type(a.atttypid, a.atttypmod), ', ') AS types
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'sahel_news' AND c.relname LIKE 'bi\_%' AND c.relkind = 'v' AND a.attnum > 0
GROUP BY c.relname ORDER BY 1;

SELECT event_id, occurred, date_low, date_high, date_precision, year, month, event_type, cameo_name,
       country_iso3, countries, place_name, latitude, longitude, fatalities_low, fatalities_best, fatalities_high,
       actor1, actor2, other_actors, source
FROM bi_events ORDER BY event_id;
SELECT deployment_id, force, contributor_iso3, host_iso3, place_name, strength, strength_low, strength_best,
       strength_high, strength_approximate, as_of_low, as_of_high, period_start, period_end, part_of
FROM bi_deployments ORDER BY deployment_id;
SELECT place_id, name, kind, country_iso3, countries, parent_name, latitude, longitude, precision_m, names, demonyms
FROM bi_places ORDER BY place_id;
SELECT contributor_iso3, host_iso3, min(month) AS first_month, max(month) AS last_month, count(*) AS months
FROM bi_troop_levels GROUP BY 1, 2 ORDER BY 1, 2;
SELECT * FROM bi_troop_levels WHERE month >= '2022-01-01' ORDER BY contributor_iso3, host_iso3, month;

--
-- Constraints keep the data honest.
--
SELECT sn_regress.fails($$INSERT INTO places (name, kind) VALUES ('Gao', 'hamlet')$$);
SELECT sn_regress.fails($$INSERT INTO places (name, kind) VALUES ('', 'town')$$);
SELECT sn_regress.fails($$INSERT INTO places (name, kind, precision_m) VALUES ('Gao', 'town', 1000)$$);
SELECT sn_regress.fails($$INSERT INTO places (name, kind, parent_id) VALUES ('Gao', 'town', 999)$$);
SELECT sn_regress.fails($$INSERT INTO places (name, kind, country) VALUES ('Gao', 'town', 'Malia')$$);
SELECT sn_regress.fails($$INSERT INTO place_names (place_id, name) VALUES (4, 'Mali')$$);
-- a blank name, punctuation, or a word of the grammar is no place name:
-- annotate() would find it everywhere
SELECT sn_regress.fails($$INSERT INTO place_names (place_id, name) VALUES (4, ' ')$$);
SELECT sn_regress.fails($$INSERT INTO place_names (place_id, name) VALUES (4, E'\t')$$);
SELECT sn_regress.fails($$INSERT INTO place_names (place_id, name) VALUES (4, '--')$$);
SELECT sn_regress.fails($$INSERT INTO place_names (place_id, name) VALUES (4, 'the')$$);
SELECT sn_regress.fails($$INSERT INTO place_names (place_id, name) VALUES (4, 'The')$$);
SELECT sn_regress.fails($$INSERT INTO place_names (place_id, name, lang) VALUES (4, 'de', 'fr')$$);
SELECT sn_regress.fails($$INSERT INTO places (name, kind) VALUES (' ', 'town')$$);
SELECT sn_regress.fails($$INSERT INTO places (name, kind) VALUES ('of', 'town')$$);
SELECT is_place_name('Thebes') AS thebes, is_place_name('La Tapoa') AS la_tapoa, is_place_name('Tessalit') AS tessalit;
-- a word of the grammar is a name only written with a capital: villages of
-- Burkina Faso (De, La) and Mali (To); an article or one letter never is
SELECT is_place_name('De') AS "De", is_place_name('Dé') AS "Dé", is_place_name('To') AS "To",
       is_place_name('dé') AS "dé", is_place_name('La') AS "La", is_place_name('A') AS "A";
SELECT sn_regress.fails($$INSERT INTO actors (name, kind) VALUES ('Katiba Macina', 'militia')$$);
SELECT sn_regress.fails($$INSERT INTO actors (name, acled_inter) VALUES ('Katiba Macina', 9)$$);
SELECT sn_regress.fails($$INSERT INTO actors (name, cameo_code) VALUES ('Katiba Macina', 'REBX')$$);
SELECT sn_regress.fails($$INSERT INTO actor_names (actor_id, name, name_kind) VALUES (15, 'Nusrat', 'nickname')$$);
SELECT sn_regress.fails($$INSERT INTO event_actors (event_id, actor_id, role) VALUES (7, 16, 'sponsor')$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred) VALUES (NULL)$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred) VALUES ('2022-13')$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred, event_type) VALUES ('2022', 'Battle')$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred, event_type, sub_event_type) VALUES ('2022', 'Battles', 'Air/drone strike')$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred, sub_event_type) VALUES ('2022', 'Armed clash')$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred, cameo_code) VALUES ('2022', '0999')$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred, geo_precision) VALUES ('2022', 2)$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred, location, geo_precision) VALUES ('2022', '14, -3', 4)$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred, fatalities_claimed) VALUES ('2022', true)$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred, fatalities) VALUES ('2022', '-3')$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred, dataset) VALUES ('2022', 'acled')$$);
SELECT sn_regress.fails($$INSERT INTO events (occurred, dataset, external_id) VALUES ('2022', 'sahel_news_sample', 'E7')$$);
SELECT sn_regress.fails($$INSERT INTO deployments (strength) VALUES ('100')$$);
SELECT sn_regress.fails($$INSERT INTO deployments (contributor, strength, as_of, period) VALUES ('FRA', '100', '2023', '2013/2022')$$);
SELECT sn_regress.fails($$INSERT INTO deployments (contributor, strength) VALUES ('FRA', 'about a thousand')$$);
SELECT sn_regress.fails($$INSERT INTO figures (subject, value) VALUES ('displaced', '5')$$);
SELECT sn_regress.fails($$INSERT INTO sources (publisher, url) VALUES ('x', 'not a url')$$);
SELECT sn_regress.fails($$INSERT INTO sources (publisher, language) VALUES ('x', 'English')$$);
SAVEPOINT t3;
INSERT INTO actors (id, name) VALUES (5001, 'Test group');
INSERT INTO events (id, occurred) VALUES (5001, '2022');
INSERT INTO event_actors (event_id, actor_id, role) VALUES (5001, 5001, 'actor1');
SELECT sn_regress.fails($$DELETE FROM actors WHERE id = 5001$$);
DELETE FROM events WHERE id = 5001;
SELECT count(*) AS actors_left FROM event_actors WHERE actor_id = 5001;
ROLLBACK TO SAVEPOINT t3;

--
-- Shipped rows are guarded: pg_dump leaves them out, so changing them would be
-- undone by a dump and restore.
--
SELECT sn_regress.fails($$UPDATE places SET location = '14.4, -3.6' WHERE name = 'Djallo'$$);
SELECT sn_regress.fails($$DELETE FROM events WHERE external_id = 'E7'$$);
SELECT sn_regress.fails($$INSERT INTO actors (name, sample) VALUES ('x', true)$$);
SELECT sn_regress.fails($$INSERT INTO actors (id, name) VALUES (999, 'x')$$);
SELECT sn_regress.fails($$TRUNCATE event_actors$$);
SELECT sn_regress.fails($$UPDATE cameo_codes SET name = 'x' WHERE code = '190'$$);
SELECT sn_regress.fails($$DELETE FROM place_names WHERE name = 'Malian'$$);
SAVEPOINT t4;
-- the users' own rows are theirs to change
INSERT INTO place_names (place_id, name, lang) VALUES (14, 'Bandiagara cercle', 'en');
UPDATE place_names SET lang = NULL WHERE name = 'Bandiagara cercle';
DELETE FROM place_names WHERE name = 'Bandiagara cercle';
-- and the session can lift the guard knowingly
SET LOCAL sahel_news.allow_sample_changes = on;
UPDATE places SET note = 'changed' WHERE id = 15;
DELETE FROM events WHERE external_id = 'E8';
SELECT note FROM places WHERE id = 15;
ROLLBACK TO SAVEPOINT t4;

-- What pg_dump dumps of the extension's tables: only the users' rows.
SELECT c.relname, x.cond
FROM pg_extension e,
     unnest(e.extconfig, e.extcondition) AS x(oid, cond)
     JOIN pg_class c ON c.oid = x.oid
WHERE e.extname = 'sahel_news' AND c.relname NOT LIKE '%\_raw' AND c.relname NOT LIKE 'import\_%'
ORDER BY c.relname;

-- The user's ids start after the shipped ones.
SAVEPOINT t5;
INSERT INTO sources (publisher) VALUES ('Test wire') RETURNING id > 1000 AS users_range, sample;
INSERT INTO places (name, kind) VALUES ('Sévaré', 'town') RETURNING id > 1000 AS users_range, sample;
ROLLBACK TO SAVEPOINT t5;

ROLLBACK;
