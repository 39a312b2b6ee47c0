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
