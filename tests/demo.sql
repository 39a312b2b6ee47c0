-- tests/demo.sql — the tour that tests/demo prints.  Each part of the
-- extension adds its queries here as it lands.
SET search_path = sahel_news, public;

-- What the extension installed.
SELECT extname, extversion FROM pg_extension WHERE extname = 'sahel_news';

-- geopoint (issue #5): positions as people paste them, geodesic distances.
SELECT '12.6392, -8.0029'::geopoint AS bamako,
       '12°38′21″N 8°0′10″W'::geopoint AS bamako_dms,
       'POINT(2.1254 13.5116)'::geopoint AS niamey_wkt;
SELECT a.name AS from_place, b.name AS to_place,
       round((a.p <-> b.p)::numeric / 1000, 1) AS km
FROM (VALUES ('Bamako', '12.6392N 8.0029W'::geopoint), ('Paris', '48.8566N 2.3522E')) a(name, p)
CROSS JOIN (VALUES ('Niamey', '13.5116N 2.1254E'::geopoint), ('Bandiagara', '14.35N 3.6104W'),
                   ('Moscow', '55.7558N 37.6173E')) b(name, p)
ORDER BY 1, 3;
SELECT to_wkt('14.35N 3.6104W') AS wkt, to_geojson('14.35N 3.6104W') AS geojson;

-- loaders (issue #9): a file into its staging table, one call moves it into the
-- model; every row not loaded cleanly is listed with its reason.  (The file is
-- one of the test fixtures: invented rows with the quirks real exports have.)
\copy acled_raw FROM PROGRAM 'cat "$SN_ROOT/tests/fixtures/loaders/acled.csv"' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, skipped, flagged FROM import_acled();
SELECT record, external_id, action, reason FROM import_issues ORDER BY id;
-- The sample report's ambush near Djallo next to ACLED events within 100 km and 30 days.
SELECT a.external_id, a.occurred, a.sub_event_type, a.fatalities, p.name AS place,
       round((distance(a.location, s.location) / 1000)::numeric) AS km
FROM events s
JOIN events a ON a.dataset = 'acled'
             AND dwithin(a.location, s.location, 100000)
             AND a.occurred && format('%s/%s', lower(s.occurred) - 30, upper(s.occurred) + 30)::edtf
JOIN places p ON p.id = a.place_id
WHERE s.dataset = 'sahel_news_sample' AND s.external_id = 'E7'
ORDER BY a.occurred, km;
