-- places: the name key, locate() with its narrowing, GeoNames, the
-- administrative hierarchy, places_within() and events_within().
-- Everything runs in one transaction that is rolled back at the end.
SET search_path = sahel_news, public;
SET extra_float_digits = 0;

-- A statement that fails shows its SQLSTATE, message, detail and hint.
CREATE FUNCTION pg_temp.fails(stmt text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; hin text;
BEGIN
  EXECUTE stmt;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                          det = PG_EXCEPTION_DETAIL, hin = PG_EXCEPTION_HINT;
  RETURN st || ': ' || msg || coalesce(E'\nDETAIL: ' || nullif(det, ''), '')
         || coalesce(E'\nHINT: ' || nullif(hin, ''), '');
END $$;

BEGIN;

--
-- name_key(): one rule for locate(), the loaders and annotate().
--
SELECT n, name_key(n) FROM unnest(ARRAY[
  'Ménaka', 'MENAKA', E'Me\u0301naka', 'N’Djaména', 'N''Djamena', 'NDjamena', 'Fada N''Gourma',
  'Cercle d’Abeïbara', 'Mayo-Kebbi Est', E'Mayo\u2013Kebbi\u00a0Est', 'ʿrq alawqat', '’Elb', 'Ségou',
  'Œuvre', 'ɲɔgɛn', 'Ḥāssi', '(Gao)', 'St. Louis', 'تمبكتو', '--']) AS n;
SELECT name_key(NULL) IS NULL AS strict;
-- the key does not repair mojibake: the loaders do, before they store a name
SELECT name_key('MÃ©naka') AS raw_key, repair_mojibake('MÃ©naka') AS repaired,
       name_key(repair_mojibake('MÃ©naka')) = name_key('Ménaka') AS repaired_key_matches;
-- the indexes on places and place_names are on the key
SELECT indexrelid::regclass AS index, pg_get_indexdef(indexrelid) LIKE '%name_key(name)%' AS on_key
FROM pg_index WHERE indrelid IN ('places'::regclass, 'place_names'::regclass)
  AND pg_get_indexdef(indexrelid) LIKE '%name%' ORDER BY 1::text;

--
-- locate() and annotate() agree on every spelling of a name.
--
INSERT INTO places (id, name, kind, country, parent_id, location, admin_level) VALUES
  (9001, 'Ménaka', 'region', 'MLI', 4, NULL, 1),
  (9002, 'Ménaka', 'town', 'MLI', 9001, '15.9182, 2.4022', NULL),
  (9003, 'N’Djaména', 'city', 'TCD', 6, '12.1067, 15.0444', NULL);
INSERT INTO place_names (place_id, name) VALUES (9001, 'Ménaka'), (9002, 'Ménaka'), (9003, 'N’Djaména');
SELECT s AS spelling, locate(s) AS located,
       (SELECT string_agg(a.surface || '=' || a.place_id, ' ')
        FROM annotate('Gunmen attacked ' || s || ' on Monday.') a WHERE a.kind = 'place') AS annotated
FROM unnest(ARRAY['Ménaka', 'Menaka', 'MENAKA', E'Me\u0301naka', 'N’Djaména', 'N''Djamena',
                  'NDjamena', 'Ndjamena']) AS s;
-- mojibake is no spelling of the name: neither finds it
SELECT pg_temp.fails($$SELECT locate('MÃ©naka')$$);
SELECT count(*) AS annotated FROM annotate('Gunmen attacked MÃ©naka on Monday.') a WHERE a.kind = 'place';

--
-- locate(name, near, country): narrowing a shared name.
--
-- The region and the town of Ménaka: the town, whose point lies in both.
SELECT locate('Menaka') = '15.9182, 2.4022'::geopoint AS the_town;
-- Two villages of one name 100 km apart, in two regions, and one in Niger.
INSERT INTO places (id, name, kind, country, parent_id, location, admin_level) VALUES
  (9010, 'Koulikoro', 'region', 'MLI', 4, '13.0, -7.5', 1),
  (9011, 'Ségou', 'region', 'MLI', 4, '13.5, -6.0', 1),
  (9012, 'Sirakoro', 'village', 'MLI', 9010, '12.60, -7.90', NULL),
  (9013, 'Sirakoro', 'village', 'MLI', 9011, '13.10, -7.10', NULL),
  (9014, 'Sirakoro', 'village', 'NER', 5, '13.50, 2.00', NULL),
  (9015, 'Sirakoro', 'water feature', 'MLI', 9010, '12.61, -7.91', NULL);
UPDATE places SET feature_class = 'H', feature_code = 'WLL' WHERE id = 9015;
SELECT round((distance('12.60, -7.90', '13.10, -7.10') / 1000)::numeric) AS km_apart;
SELECT pg_temp.fails($$SELECT locate('Sirakoro')$$);
SELECT pg_temp.fails($$SELECT locate('sirakoro', country => 'MLI')$$);
SELECT locate('Sirakoro', near => '12.7, -7.8') AS near_koulikoro,
       locate('Sirakoro', near => '13.0, -7.0', country => 'MLI') AS near_segou,
       locate('Sirakoro', country => 'NER') AS in_niger;
SELECT pg_temp.fails($$SELECT locate('Sirakoro', country => 'BFA')$$);
-- the well of the same name counts only when no settlement has the name
DELETE FROM places WHERE id IN (9012, 9013, 9014);
SELECT locate('Sirakoro') AS the_well;
SELECT pg_temp.fails($$SELECT locate('Nowhere at all')$$);
SELECT locate(NULL) IS NULL AS null_name, locate(NULL, '12.0, -8.0') IS NULL AS null_name_near;
-- where a place lies, as the candidates list shows it
SELECT place_admin_path(9002) AS menaka_town, place_admin_path(4) AS mali, place_admin_path(1) AS africa;

ROLLBACK;
