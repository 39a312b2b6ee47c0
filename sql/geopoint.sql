-- geopoint: input forms, canonical output, errors, distance, casts, btree,
-- hash, binary I/O, and the GiST index (KNN and radius search give the same
-- answers as a sequential scan, across the antimeridian and at the poles).
SET search_path = sahel_news, public;
SET extra_float_digits = 0;

-- Errors are shown as SQLSTATE and message.
CREATE FUNCTION pg_temp.try(t text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN t::sahel_news.geopoint::text;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- Every input form of Bamako reads the same point, printed canonically.
SELECT f AS input, pg_temp.try(f) AS geopoint
FROM (VALUES ('12.6392, -8.0029'), ('12.6392,-8.0029'), ('12.6392 -8.0029'),
             ('12.6392N 8.0029W'), ('12.6392n, 8.0029w'), ('8.0029W 12.6392N'),
             ('N12.6392 W8.0029'), ('12.6392°N 8.0029°O'),
             ('12°38′21″N 8°0′10″W'), ('12°38''21"N 8°0''10"W'),
             ('12° 38.352′ N, 8° 0.174′ W'),
             ('POINT(-8.0029 12.6392)'), ('point (-8.0029 12.6392)'),
             ('SRID=4326;POINT(-8.0029 12.6392)'), ('POINT(-8.0029E0 1.26392e1)')) v(f);

-- Edges: the poles, the antimeridian (-180 becomes 180), normalised longitudes,
-- negative zero, tiny values printed without an exponent.
SELECT f AS input, pg_temp.try(f) AS geopoint
FROM (VALUES ('90, 0'), ('-90, 180'), ('0, -180'), ('0N 180W'), ('10, 190'),
             ('10, -359'), ('-0, -0'), ('POINT(1e-7 -1.5e-10)'),
             ('0.1, 0.2'), ('12.639166666666666N 8.002777777777778W'),
             ('23.41923, -3e-05'), ('8E12N')) v(f);

-- Bad input: 22P02 quoting the input, 22003 naming the coordinate.
SELECT f AS input, pg_temp.try(f) AS error
FROM (VALUES (''), ('abc'), ('12.6392'), ('12.6392, -8.0029, 3'), ('12N 8'),
             ('-12N 8W'), ('12N 8S'), ('12.5°30′N 8W'), ('NaN, 0'), ('1,2,3'),
             ('POINT(1 2 3)'), ('POINT EMPTY'), ('LINESTRING(0 0,1 1)'),
             ('SRID=3857;POINT(-8.0029 12.6392)'),
             ('95, 10'), ('10, 400'), ('91N 8W'), ('10N 181W'), ('POINT(-8 95)'),
             ('12°60′N 8W'), ('POINT(1e999 0)')) v(f);

-- The full error, with detail and hint.
SELECT '12.6392 8.0029W'::geopoint;
SELECT '100, 8'::geopoint;

-- Output round-trips exactly: 20000 points with arbitrary doubles.
SELECT count(*) AS mismatches
FROM (SELECT geopoint(asin(2 * ((i * 0.6180339887498949) % 1) - 1) * 180 / pi(),
                      ((i * 0.7548776662466927) % 1) * 360 - 180) AS p
      FROM generate_series(1, 20000) i) s
WHERE p::text::geopoint <> p OR to_wkt(p)::geopoint <> p
   OR lat(p::text::geopoint) <> lat(p) OR lon(p::text::geopoint) <> lon(p);

-- Constructor, accessors, output forms.
SELECT geopoint(13.5116, 2.1254) AS niamey, lat(geopoint(13.5116, 2.1254)),
       lon('13.5116N 2.1254E'::geopoint);
SELECT to_wkt('12.6392N 8.0029W'), to_geojson('12.6392N 8.0029W');
SELECT to_geojson('12.6392N 8.0029W')->'coordinates'->>0 AS lon_from_json;
SELECT geopoint(0, 540);
SELECT geopoint('NaN', 0);
SELECT geopoint(0, 'Infinity');
SELECT geopoint(-91, 0);

-- Casts to and from point: x is longitude, y is latitude.
SELECT '12.6392N 8.0029W'::geopoint::point, point(-8.0029, 12.6392)::geopoint;
SELECT point(0, 95)::geopoint;
SELECT '12.6392N 8.0029W'::point;   -- no implicit cast: an error

-- Distances in metres (rounded to the millimetre), against PROJ's geod.
SELECT round(distance('12.6392, -8.0029', '13.5116, 2.1254')::numeric, 3) AS bamako_niamey,
       round(('48.8566, 2.3522'::geopoint <-> '12.6392, -8.0029')::numeric, 3) AS paris_bamako,
       round(distance('0, 0', '0, 180')::numeric, 3) AS antipodes,
       round(distance('90, 0', '-90, 0')::numeric, 3) AS pole_to_pole,
       round(distance('12, 179.9', '12, -179.9')::numeric, 3) AS across_180,
       distance('90, 0', '90, 123') AS same_pole;
SELECT dwithin('12.6392, -8.0029', '13.5116, 2.1254', 1102580.148) AS just_in,
       dwithin('12.6392, -8.0029', '13.5116, 2.1254', 1102580.146) AS just_out,
       dwithin('0, 0', '0, 0', 0) AS zero, dwithin('0, 0', '0, 1', -1) AS negative,
       dwithin('0, 0', '0, 180', 'Infinity') AS everywhere;
SELECT dwithin('0, 0', '0, 1', 'NaN');
SELECT '0, 0'::geopoint <@ geodisc('0, 1', 111320) AS in_disc,
       '0, 0'::geopoint <@ geodisc('0, 1', 111319) AS not_in_disc;
SELECT '0, 0'::geopoint <@ circle(point(0, 100), 10);

-- btree and hash: ordered by latitude then longitude; equality is exact.
CREATE TEMP TABLE places (name text, p geopoint);
INSERT INTO places VALUES
  ('Bamako', '12.6392, -8.0029'), ('Niamey', '13.5116, 2.1254'),
  ('Bandiagara', '14.35, -3.6104'), ('Paris', '48.8566, 2.3522'),
  ('Moscow', '55.7558, 37.6173'), ('Bamako again', '12°38′21.12″N 8°0′10.44″W'),
  ('North Pole', '90, 0'), ('North Pole 2', '90N 45E');
SELECT name, p FROM places ORDER BY p, name;
SELECT p, count(*) FROM places GROUP BY p HAVING count(*) > 1;
SET enable_sort = off;
SELECT a.name, b.name FROM places a JOIN places b ON a.p = b.p AND a.name < b.name;
RESET enable_sort;
SELECT geopoint_hash('0, 0') = geopoint_hash('-0, -0') AS zero_same,
       geopoint_hash_extended('0, 0', 1) = geopoint_hash_extended('-0, -0', 1) AS zero_same_ext;
CREATE INDEX places_btree ON places (p);
CREATE INDEX places_hash ON places USING hash (p);
SET enable_seqscan = off;
SELECT name FROM places WHERE p = '12.6392N 8.0029W';
RESET enable_seqscan;

-- Nearest places to Bamako, and places within 500 km of it.
SELECT name, round((p <-> '12.6392, -8.0029')::numeric / 1000, 1) AS km
FROM places ORDER BY p <-> '12.6392, -8.0029', name LIMIT 4;
SELECT name FROM places WHERE dwithin(p, '12.6392N 8.0029W', 500000) ORDER BY name;

-- Binary I/O round-trips and validates what it receives.
SELECT sn_regress.binary_round_trip('SELECT p FROM places') AS round_trip;
SELECT geopoint_send('12.6392N 8.0029W');
-- latitude 95; latitude NaN; longitude -Infinity; 8 bytes; 17 bytes; none: 22P03
SELECT what, sn_regress.binary_recv('geopoint', payload) AS result
FROM (VALUES ('valid', float8send(12.5) || float8send(-8)),
             ('latitude 95', float8send(95) || float8send(0)),
             ('latitude NaN', float8send('NaN') || float8send(0)),
             ('longitude -Infinity', float8send(0) || float8send('-Infinity')),
             ('8 bytes', float8send(12)),
             ('17 bytes', float8send(0) || float8send(0) || '\x00'::bytea),
             ('empty', ''::bytea),
             -- a longitude of -180 arrives as 180
             ('longitude -180', float8send(0) || float8send(-180))) AS p(what, payload);

-- ---------------------------------------------------------------------------
-- GiST: a few thousand points spread over the globe, plus clusters at the
-- antimeridian, the poles and in West Africa.
CREATE TEMP TABLE pts (id int PRIMARY KEY, p geopoint NOT NULL);
INSERT INTO pts
SELECT i, geopoint(asin(2 * ((i * 0.6180339887498949) % 1) - 1) * 180 / pi(),
                   ((i * 0.7548776662466927) % 1) * 360 - 180)
FROM generate_series(1, 3000) i;
INSERT INTO pts
SELECT 3000 + i, geopoint(((i * 0.6180339887498949) % 1) * 20 - 10,
                          179.5 + ((i * 0.7548776662466927) % 1))
FROM generate_series(1, 500) i;
INSERT INTO pts
SELECT 3500 + i, geopoint(sign(i - 250.5) * (89 + ((i * 0.6180339887498949) % 1)),
                          ((i * 0.7548776662466927) % 1) * 360 - 180)
FROM generate_series(1, 500) i;
INSERT INTO pts
SELECT 4000 + i, geopoint(4 + ((i * 0.6180339887498949) % 1) * 21,
                          -17 + ((i * 0.7548776662466927) % 1) * 33)
FROM generate_series(1, 1000) i;
INSERT INTO pts VALUES (5001, '90, 0'), (5002, '-90, 0'), (5003, '0, 180'),
                       (5004, '12.6392, -8.0029'), (5005, '12.6392, -8.0029');
CREATE INDEX pts_gist ON pts USING gist (p);
ANALYZE pts;

CREATE TEMP TABLE queries (qid int, q geopoint, r float8);
INSERT INTO queries VALUES
  (1, '12.6392, -8.0029', 50000), (2, '14.35, -3.6104', 300000),
  (3, '0, 180', 200000), (4, '5, -179.9', 150000), (5, '90, 0', 250000),
  (6, '-89.5, 100', 120000), (7, '-12.6392, 171.9971', 1000000),
  (8, '48.8566, 2.3522', 5000000), (9, '0, 0', 20003931.5), (10, '13.5116, 2.1254', 0);

-- The plans use the index.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM pts ORDER BY p <-> '12.6392, -8.0029' LIMIT 10;
EXPLAIN (COSTS OFF) SELECT count(*) FROM pts WHERE dwithin(p, '12.6392, -8.0029', 50000);
EXPLAIN (COSTS OFF) SELECT count(*) FROM pts WHERE dwithin('12.6392, -8.0029', p, 50000);
EXPLAIN (COSTS OFF) SELECT count(*) FROM pts WHERE p <@ geodisc('12.6392, -8.0029', 50000);
-- (the query points as VALUES: a sequential scan of a table, which
-- enable_seqscan = off cannot avoid, is marked "Disabled" on PostgreSQL 18)
EXPLAIN (COSTS OFF)
SELECT qid, ARRAY(SELECT id FROM pts ORDER BY p <-> q LIMIT 10)
FROM (VALUES (1, '12.6392, -8.0029'::geopoint), (2, '14.35, -3.6104'::geopoint)) AS queries (qid, q);
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM pts WHERE dwithin(p, '12.6392, -8.0029', 50000);
RESET enable_bitmapscan;
RESET enable_seqscan;
-- Without forcing: a 50 km search over 5000 rows still takes the index.
EXPLAIN (COSTS OFF) SELECT id FROM pts WHERE dwithin(p, '12.6392, -8.0029', 50000);

-- The ten nearest points to each query point (sorted again by distance and
-- id, so that points at equal distance compare equal) and those within r, by
-- whatever plan the settings when it is read allow.
CREATE TEMP VIEW answers AS
SELECT qid, q, r,
       ARRAY(SELECT id FROM (SELECT id, p <-> q AS d FROM pts ORDER BY p <-> q LIMIT 10) k
             ORDER BY d, id) AS knn,
       ARRAY(SELECT id FROM pts WHERE dwithin(p, q, r) ORDER BY id) AS radius
FROM queries;
-- Answers of the index ...
SET enable_seqscan = off;
CREATE TEMP TABLE by_index AS
SELECT qid, knn, radius, ARRAY(SELECT id FROM pts WHERE dwithin(q, p, r) ORDER BY id) AS radius2
FROM answers;
RESET enable_seqscan;
-- ... and of a sequential scan.
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE by_seqscan AS
SELECT qid, knn, radius, ARRAY(SELECT id FROM pts WHERE distance(p, q) <= r ORDER BY id) AS radius2
FROM answers;
RESET enable_indexscan;
RESET enable_bitmapscan;

SELECT qid, cardinality(s.radius) AS within_r,
       i.knn = s.knn AS knn_same, i.radius = s.radius AS radius_same,
       i.radius2 = s.radius2 AS radius2_same
FROM by_index i JOIN by_seqscan s USING (qid) ORDER BY qid;

-- KNN distances come out in order, and the nearest to Bamako are the two copies.
SELECT knn[1:2] FROM by_index WHERE qid = 1;
SET enable_seqscan = off;
SELECT count(*) AS out_of_order FROM (
  SELECT d, lag(d) OVER (ORDER BY n) AS prev FROM (
    SELECT row_number() OVER () AS n, d FROM (
      SELECT p <-> '-89.5, 100' AS d FROM pts ORDER BY p <-> '-89.5, 100' LIMIT 2000) a) b) c
WHERE d < prev;
RESET enable_seqscan;

-- The index stays right after deletes and updates.
DELETE FROM pts WHERE id % 3 = 0;
UPDATE pts SET p = geopoint(lat(p), lon(p) + 180) WHERE id % 5 = 0;
SET enable_seqscan = off;
SELECT count(*) FROM pts WHERE dwithin(p, '0, 180', 2000000);
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT count(*) FROM pts WHERE dwithin(p, '0, 180', 2000000);
RESET enable_indexscan;
RESET enable_bitmapscan;

-- The GiST key type is internal.
SELECT 'x'::geopoint_gist_key;
