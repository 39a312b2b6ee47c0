-- tests/bench/geopoint.sql — geopoint against point and PostGIS geography.
--
-- 1M random points over West Africa (latitude 4..25, longitude -18..16), the
-- same points as geopoint and as geography, each with its GiST index:
--   text input             '12.63921, -8.00292'::geopoint  vs  '(-8.00292,12.63921)'::point
--   text output            geopoint::text vs point::text; to_wkt vs ST_AsText(geography)
--   KNN top-10             1000 random query points, ORDER BY <-> LIMIT 10
--   50 km radius count     100 random query points, dwithin vs ST_DWithin
--   accuracy               max |distance - ST_Distance(geography)| over 100k pairs
--   sizes                  GiST index size, pg_column_size
-- Run by tests/bench/run (which creates sahel_news and postgis).
SET search_path = sahel_news, public;
\timing off

SELECT setseed(0.4242);
CREATE TABLE bench_gp AS
SELECT i AS id, lat, lon
FROM (SELECT i, round((4 + random() * 21)::numeric, 5)::float8 AS lat,
             round((-18 + random() * 34)::numeric, 5)::float8 AS lon
      FROM generate_series(1, 1000000) i) s;
ALTER TABLE bench_gp
  ADD COLUMN p geopoint, ADD COLUMN g geography, ADD COLUMN pt point,
  ADD COLUMN txt text, ADD COLUMN ptxt text;
UPDATE bench_gp SET p = geopoint(lat, lon), pt = point(lon, lat),
                    g = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography,
                    txt = lat || ', ' || lon,
                    ptxt = '(' || lon || ',' || lat || ')';
VACUUM FULL bench_gp;
ANALYZE bench_gp;

CREATE TABLE bench_q AS
SELECT i AS qid, geopoint(lat, lon) AS p, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g
FROM (SELECT i, 4 + random() * 21 AS lat, -18 + random() * 34 AS lon
      FROM generate_series(1, 1000) i) s;

-- Text input: the cast is evaluated for every row (count(expr) needs it).
CALL bench.compare('geopoint text input, 1M rows',
  'SELECT count(txt::sahel_news.geopoint) FROM bench_gp',
  'point text input',
  'SELECT count(ptxt::point) FROM bench_gp', 5);

-- Text output: what a BI tool or an export reads (the points have five
-- decimals, as typed coordinates do).
CALL bench.compare('geopoint text output, 1M rows',
  'SELECT count(p::text) FROM bench_gp',
  'point text output',
  'SELECT count(pt::text) FROM bench_gp', 5);
CALL bench.compare('geopoint to_wkt, 1M rows',
  'SELECT count(sahel_news.to_wkt(p)) FROM bench_gp',
  'geography ST_AsText',
  'SELECT count(ST_AsText(g)) FROM bench_gp', 5);

-- Index builds (timed once each).
CALL bench.compare_once('GiST index build, 1M points',
  'CREATE INDEX bench_gp_p ON bench_gp USING gist (p)',
  'geography GiST build',
  'CREATE INDEX bench_gp_g ON bench_gp USING gist (g)');
VACUUM ANALYZE bench_gp;

-- The plans (both must be index scans).
EXPLAIN (COSTS OFF) SELECT id FROM bench_gp ORDER BY p <-> '12.6392, -8.0029' LIMIT 10;
EXPLAIN (COSTS OFF) SELECT id FROM bench_gp ORDER BY g <-> 'SRID=4326;POINT(-8.0029 12.6392)'::geography LIMIT 10;
EXPLAIN (COSTS OFF) SELECT count(*) FROM bench_gp WHERE dwithin(p, '12.6392, -8.0029', 50000);
EXPLAIN (COSTS OFF) SELECT count(*) FROM bench_gp WHERE ST_DWithin(g, 'SRID=4326;POINT(-8.0029 12.6392)'::geography, 50000);

CALL bench.compare('KNN top-10, 1000 queries',
  'SELECT sum((SELECT count(*) FROM (SELECT 1 FROM bench_gp b ORDER BY b.p OPERATOR(sahel_news.<->) q.p LIMIT 10) s)) FROM bench_q q',
  'geography <-> KNN',
  'SELECT sum((SELECT count(*) FROM (SELECT 1 FROM bench_gp b ORDER BY b.g <-> q.g LIMIT 10) s)) FROM bench_q q', 5);

CALL bench.compare('50 km radius count, 100 queries',
  'SELECT sum((SELECT count(*) FROM bench_gp b WHERE sahel_news.dwithin(b.p, q.p, 50000))) FROM bench_q q WHERE qid <= 100',
  'ST_DWithin geography',
  'SELECT sum((SELECT count(*) FROM bench_gp b WHERE ST_DWithin(b.g, q.g, 50000))) FROM bench_q q WHERE qid <= 100', 5);

-- Same answers (KNN compared as sets of ids with distances rounded to the
-- centimetre; PostGIS orders KNN on a sphere, we on the ellipsoid, so the
-- tenth neighbour may differ: counted, not asserted).
SELECT count(*) FILTER (WHERE a <> b) AS radius_counts_differing
FROM (SELECT (SELECT count(*) FROM bench_gp b WHERE dwithin(b.p, q.p, 50000)) a,
             (SELECT count(*) FROM bench_gp b WHERE ST_DWithin(b.g, q.g, 50000)) b
      FROM bench_q q WHERE qid <= 100) s;
SELECT count(*) FILTER (WHERE a <> b) AS knn_sets_differing
FROM (SELECT ARRAY(SELECT id FROM (SELECT id FROM bench_gp b ORDER BY b.p <-> q.p LIMIT 10) s ORDER BY id) a,
             ARRAY(SELECT id FROM (SELECT id FROM bench_gp b ORDER BY b.g <-> q.g LIMIT 10) s ORDER BY id) b
      FROM bench_q q) s;

-- Our KNN against the exact answer by PostGIS's own spheroid distance
-- (sequential scan, 10 queries): ours must agree everywhere.
SELECT count(*) FILTER (WHERE a <> b) AS knn_vs_st_distance_differing
FROM (SELECT ARRAY(SELECT id FROM (SELECT id FROM bench_gp b ORDER BY b.p <-> q.p LIMIT 10) s ORDER BY id) a,
             ARRAY(SELECT id FROM (SELECT id FROM bench_gp b ORDER BY ST_Distance(b.g, q.g) LIMIT 10) s ORDER BY id) b
      FROM bench_q q WHERE qid <= 10) s;

-- Accuracy against PostGIS's spheroid distance, 100k random pairs.
DO $$
DECLARE r record;
BEGIN
  SELECT max(abs(distance(a.p, b.p) - ST_Distance(a.g, b.g))) AS maxdiff,
         avg(distance(a.p, b.p)) AS mean_m
  INTO r
  FROM bench_gp a JOIN bench_gp b ON b.id = 1000001 - a.id
  WHERE a.id <= 100000;
  CALL bench.note('max |distance - ST_Distance|, 100k pairs',
                  format('%s m (mean pair distance %s km)', r.maxdiff::numeric(20, 9), round(r.mean_m::numeric / 1000)));
END $$;

-- Sizes.
DO $$
DECLARE gp int; gg int; pt int;
BEGIN
  CALL bench.note('GiST index size, 1M points',
    format('geopoint %s, geography %s',
           pg_size_pretty(pg_relation_size('bench_gp_p')), pg_size_pretty(pg_relation_size('bench_gp_g'))));
  SELECT pg_column_size(p), pg_column_size(g), pg_column_size(point(lon, lat))
  INTO gp, gg, pt FROM bench_gp LIMIT 1;
  CALL bench.note('pg_column_size', format('geopoint %s bytes, geography %s bytes, point %s bytes', gp, gg, pt));
END $$;

DROP TABLE bench_gp, bench_q;
