-- loaders_places: how the loaders resolve the places rows name.  A name
-- without coordinates never swallows located rows (the Gao case); two places
-- of one name in one country stay apart by distance; a located row gives its
-- point to a place that had none (listed in import_issues); every row whose
-- place was not a clean match says which place it took and why.
SET search_path = sahel_news, public;
SET client_min_messages = warning;
CREATE TEMP TABLE places_before AS SELECT * FROM sn_regress.model_now();

-- ACLED rows staged by name: id, date, place, country, point (or none)
CREATE TEMP TABLE rows_in (id text, day text, location text, iso text, lat text, lon text);
CREATE FUNCTION pg_temp.stage() RETURNS void LANGUAGE sql AS $$
  INSERT INTO sahel_news.acled_raw (event_id_cnty, event_date, year, time_precision, event_type, sub_event_type,
                                    actor1, inter1, iso, country, location, latitude, longitude, geo_precision, fatalities)
  SELECT r.id, r.day, left(r.day, 4), '1', 'Battles', 'Armed clash', 'Placetest Militia (Mali)', '3',
         r.iso, 'Mali', r.location, r.lat, r.lon, '1', '0'
  FROM pg_temp.rows_in r;
  TRUNCATE pg_temp.rows_in;
$$;

-- 1. The Gao case: an event at "Placetest Gao" without coordinates creates a
-- place without a location; a later event there with coordinates gives the
-- place its point (listed), and the place is then found by locate().
INSERT INTO rows_in VALUES ('PLT1', '2022-01-01', 'Placetest Gao', '466', NULL, NULL);
SELECT pg_temp.stage();
SELECT rows_read, imported, flagged FROM import_acled();
INSERT INTO rows_in VALUES ('PLT2', '2022-01-02', 'Placetest Gao', '466', '16.2717', '-0.0447');
SELECT pg_temp.stage();
SELECT rows_read, imported, flagged FROM import_acled();
SELECT external_id, action, regexp_replace(reason, '\(id [0-9]+\)', '(id N)') AS reason
FROM import_issues WHERE external_id LIKE 'PLT%' ORDER BY id;
SELECT count(*) AS places_named_gao, count(location) AS located FROM places WHERE name = 'Placetest Gao';
SELECT locate('Placetest Gao')::text AS gao_is_located;
SELECT count(DISTINCT e.place_id) AS gao_events_share_one_place FROM events e
WHERE e.external_id IN ('PLT1', 'PLT2');

-- 2. Two villages of one name 100 km apart stay two places; each later row
-- joins the nearer one; the second village's row says why it is new.
INSERT INTO rows_in VALUES
  ('PLT3', '2022-01-03', 'Placetest Madina', '466', '14.0000', '-4.0000'),
  ('PLT4', '2022-01-04', 'Placetest Madina', '466', '14.9000', '-4.0000'),
  ('PLT5', '2022-01-05', 'Placetest Madina', '466', '14.0050', '-4.0050'),
  ('PLT6', '2022-01-06', 'Placetest Madina', '466', '14.8950', '-4.0020');
SELECT pg_temp.stage();
SELECT rows_read, imported, flagged FROM import_acled();
SELECT external_id, regexp_replace(reason, '\(id [0-9]+\)', '(id N)') AS reason
FROM import_issues WHERE external_id IN ('PLT3', 'PLT4', 'PLT5', 'PLT6') ORDER BY id;
SELECT p.location::text, string_agg(e.external_id, ', ' ORDER BY e.external_id) AS events
FROM events e JOIN places p ON p.id = e.place_id
WHERE e.external_id IN ('PLT3', 'PLT4', 'PLT5', 'PLT6') GROUP BY p.id, p.location ORDER BY 1;

-- 3. A row without coordinates naming a place of which there are two: it
-- takes the first and says so; the same name in another country is another
-- place.
INSERT INTO rows_in VALUES
  ('PLT7', '2022-01-07', 'Placetest Madina', '466', NULL, NULL),
  ('PLT8', '2022-01-08', 'Placetest Madina', '562', '14.0000', '-4.0000');
SELECT pg_temp.stage();
SELECT rows_read, imported, flagged FROM import_acled();
SELECT external_id, regexp_replace(reason, '(id|\(id) [0-9]+', '\1 N', 'g') AS reason
FROM import_issues WHERE external_id IN ('PLT7', 'PLT8') ORDER BY id;
SELECT count(*) AS madina_places, count(*) FILTER (WHERE country = 'NER'::country) AS in_niger
FROM places WHERE name = 'Placetest Madina';

-- 4. A re-import of all of them changes nothing: the same places, no new one.
INSERT INTO acled_raw SELECT (jsonb_populate_record(NULL::acled_raw, i.raw)).*
FROM (SELECT DISTINCT ON (external_id) raw FROM import_issues WHERE external_id LIKE 'PLT%' ORDER BY external_id, id) i;
INSERT INTO rows_in VALUES ('PLT2', '2022-01-02', 'Placetest Gao', '466', '16.2717', '-0.0447'),
                           ('PLT5', '2022-01-05', 'Placetest Madina', '466', '14.0050', '-4.0050');
SELECT pg_temp.stage();
CREATE TEMP TABLE places_mid AS SELECT count(*) AS n FROM places;
SELECT rows_read, imported, updated + unchanged + flagged AS reloaded FROM import_acled();
SELECT (SELECT count(*) FROM places) - n AS new_places FROM places_mid;

-- 5. A value no check foresaw (here a constraint added for the test) fails
-- the chunk's statements: the chunk is stored again row by row, the failing
-- row is rejected with the error, the others are loaded, and the places of
-- the failed attempt are not left behind.
ALTER TABLE events ADD CONSTRAINT placetest_no_plt9 CHECK (external_id <> 'PLT9');
INSERT INTO rows_in VALUES ('PLT9', '2022-01-09', 'Placetest Kidal', '466', '18.44', '1.41'),
                           ('PLT10', '2022-01-10', 'Placetest Tessit', '466', '15.01', '0.35');
SELECT pg_temp.stage();
SELECT rows_read, imported, flagged FROM import_acled();
SELECT external_id, action, reason FROM import_issues WHERE external_id IN ('PLT9', 'PLT10') ORDER BY id;
SELECT name FROM places WHERE name IN ('Placetest Kidal', 'Placetest Tessit') ORDER BY name;
ALTER TABLE events DROP CONSTRAINT placetest_no_plt9;

-- 6. The admin names a row gives are kept on its event (ACLED admin1 to
-- admin3, UCDP GED adm_1 and adm_2), and put the places the rows created
-- under the administrative areas of those names.
INSERT INTO places (name, kind, country, admin_level, parent_id, feature_code) VALUES
  ('Placetest Region', 'region', 'MLI', 1, (SELECT id FROM places WHERE kind = 'country' AND country = 'MLI'::country ORDER BY id LIMIT 1), 'ADM1');
INSERT INTO places (name, kind, country, admin_level, parent_id, feature_code) VALUES
  ('Placetest Cercle', 'region', 'MLI', 2, (SELECT id FROM places WHERE name = 'Placetest Region'), 'ADM2');
INSERT INTO acled_raw (event_id_cnty, event_date, year, time_precision, event_type, sub_event_type, actor1, inter1,
                       iso, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, fatalities)
VALUES ('PLT11', '2022-01-11', '2022', '1', 'Battles', 'Armed clash', 'Placetest Militia (Mali)', '3', '466', 'Mali',
        'Région de Placetest', ' Placetest Cercle ', 'Placetest Commune', 'Placetest Adminville', '14.50', '-3.50', '1', '0'),
       ('PLT12', '2022-01-12', '2022', '1', 'Battles', 'Armed clash', 'Placetest Militia (Mali)', '3', '466', 'Mali',
        '', '', '', 'Placetest Noadmin', '14.70', '-3.70', '1', '0');
SELECT rows_read, imported, flagged FROM import_acled();
INSERT INTO ucdp_ged_raw (id, date_start, date_end, date_prec, where_prec, where_coordinates, country_id, type_of_violence,
                          best, low, high, adm_1, adm_2, latitude, longitude)
VALUES ('990013', '2022-01-13', '2022-01-13', '1', '1', 'Placetest Ucdpville village', '432', '3', '1', '1', '1',
        'Placetest region', 'Placetest cercle', '14.60', '-3.60');
SELECT rows_read, imported, flagged FROM import_ucdp_ged();
SELECT e.dataset, e.external_id, e.admin1, e.admin2, e.admin3 FROM events e
WHERE e.external_id IN ('PLT11', 'PLT12', '990013') ORDER BY e.external_id;
SELECT attach_places_by_admin_names('acled') AS attached_acled, attach_places_by_admin_names() AS attached_then;
SELECT p.name, a.name AS area, p.parent_basis FROM places p LEFT JOIN places a ON a.id = p.parent_id
WHERE p.name IN ('Placetest Adminville', 'Placetest Noadmin', 'Placetest Ucdpville') ORDER BY p.name;
DELETE FROM events WHERE external_id = '990013';

-- Clean up: the model holds the sample data alone again.
SELECT * FROM sn_regress.forget_loads('places_before', '{acled,ucdp_ged}');
