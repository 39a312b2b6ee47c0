-- tests/integration/user_rows_0.1.sql — the rows a user of 0.1 had, written
-- with 0.1's columns only, so that the same statements run on 0.1 and on the
-- current version (upgrade.sh); dump_restore.sh starts its user rows with them.
SET search_path = sahel_news, public;
INSERT INTO acled_actor_types (code, name) VALUES (9, 'Unidentified armed group (local coding)');
INSERT INTO cameo_codes (code, parent, level, name, goldstein, quad_class)
  VALUES ('0875', '087', 3, 'Hand over bases (local code)', 8.0, 2);
INSERT INTO sources (publisher, url, published, language, subject)
  VALUES ('Test wire', 'https://example.org/sevare', '2023-01-05', 'en', 'a test report');
INSERT INTO places (name, kind, country, parent_id, location, precision_m)
  VALUES ('Sévaré', 'town', 'MLI', 22, '14.53, -4.10', 5000);
INSERT INTO place_names (place_id, name, lang) VALUES
  ((SELECT id FROM places WHERE name = 'Sévaré'), 'Sevare', NULL), (14, 'Bandiagara cercle', 'en');
INSERT INTO place_countries (place_id, country) VALUES (18, 'NGA');
INSERT INTO actors (name, kind, country, acled_inter) VALUES ('Test militia', 'armed group', 'MLI', 9);
INSERT INTO actor_names (actor_id, name, name_kind) VALUES
  (currval('actors_id_seq'), 'TM', 'acronym'), (15, 'Nusrat al-Islam', 'alias');
INSERT INTO events (source_id, occurred, place_id, location, geo_precision, event_type, sub_event_type,
                    cameo_code, fatalities, summary, dataset, external_id)
  VALUES (currval('sources_id_seq'), '2023-01-04', (SELECT id FROM places WHERE name = 'Sévaré'),
          '14.53, -4.10', 1, 'Battles', 'Armed clash', '190', '~10', 'a test clash', 'test', 'T1');
INSERT INTO events (occurred, cameo_code, related_event_id, dataset, external_id)
  VALUES ('2023-01-05', '015', (SELECT id FROM events WHERE external_id = 'T1'), 'test', 'T2');
INSERT INTO event_actors (event_id, actor_id, role) VALUES
  ((SELECT id FROM events WHERE external_id = 'T1'), currval('actors_id_seq'), 'actor1'),
  ((SELECT id FROM events WHERE external_id = 'T2'), currval('actors_id_seq'), 'claimant');
INSERT INTO deployments (force_id, contributor, host, strength, as_of, dataset, external_id)
  VALUES (2, 'FRA', 'NER', '~1500', '2023-01', 'test', 'total');
INSERT INTO figures (source_id, subject, place_id, period, value, unit)
  VALUES (currval('sources_id_seq'), 'people displaced (test)', 12, '2023', '>=5000', 'people');
