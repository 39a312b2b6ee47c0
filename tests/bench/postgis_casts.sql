-- tests/bench/postgis_casts.sql — sahel_news_postgis's cast geopoint ->
-- geography against building the geography from latitude/longitude columns
-- with ST_MakePoint + ::geography (what one does without the bridge).
--
-- 1M random points over West Africa, stored both as a geopoint and as two
-- float8 columns.  Each side builds every geography (count(expr) evaluates
-- it); a second pair also serialises them (ST_AsBinary) so that a lazily
-- evaluated expression could not look faster than it is.  And the way back:
-- geography -> geopoint against ST_Y/ST_X into two float8.
-- Run by tests/bench/run (which creates sahel_news and postgis).
CREATE EXTENSION IF NOT EXISTS sahel_news_postgis;
\timing off

SELECT setseed(0.7331);
CREATE TABLE bench_cast AS
SELECT i AS id, sahel_news.geopoint(lat, lon) AS p, lat, lon
FROM (SELECT i, 4 + random() * 21 AS lat, -18 + random() * 34 AS lon
      FROM generate_series(1, 1000000) i) s;
VACUUM ANALYZE bench_cast;

CALL bench.compare('geopoint::geography, 1M rows',
  'SELECT count(p::geography) FROM bench_cast',
  'ST_MakePoint(lon, lat)::geography',
  'SELECT count(ST_MakePoint(lon, lat)::geography) FROM bench_cast', 5);

CALL bench.compare('geopoint::geography + ST_AsBinary, 1M rows',
  'SELECT sum(length(ST_AsBinary(p::geography))) FROM bench_cast',
  'ST_MakePoint + ::geography + ST_AsBinary',
  'SELECT sum(length(ST_AsBinary(ST_MakePoint(lon, lat)::geography))) FROM bench_cast', 5);

CALL bench.compare('geopoint::geometry (SRID 4326), 1M rows',
  'SELECT count(p::geometry) FROM bench_cast',
  'ST_SetSRID(ST_MakePoint(lon, lat), 4326)',
  'SELECT count(ST_SetSRID(ST_MakePoint(lon, lat), 4326)) FROM bench_cast', 5);

CREATE TABLE bench_cast_g AS SELECT id, p::geography AS g FROM bench_cast;
VACUUM ANALYZE bench_cast_g;
CALL bench.compare('geography::geopoint, 1M rows',
  'SELECT count(g::sahel_news.geopoint) FROM bench_cast_g',
  'ST_Y(g::geometry), ST_X(g::geometry)',
  'SELECT count(ST_Y(g::geometry)) + count(ST_X(g::geometry)) FROM bench_cast_g', 5);

-- the round trip is exact on every row
DO $$
DECLARE n text;
BEGIN
  SELECT count(*) FILTER (WHERE p::geography::sahel_news.geopoint::text <> p::text) || ' of '
         || count(*) || ' rows differ' INTO n FROM bench_cast;
  CALL bench.note('geopoint -> geography -> geopoint, 1M rows', n);
END $$;

DROP TABLE bench_cast, bench_cast_g;
