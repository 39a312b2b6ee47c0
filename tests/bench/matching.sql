-- tests/bench/matching.sql — link_events() against what a user writes by hand.
--
-- Generated data shaped like the real sets: incidents clustered around 2,000
-- towns of a Sahel-sized box (10-20N, 12W-15E) over five years, each row
-- with a short description (a target and an occasion of its incident, each
-- one of 400, among words of its own); dataset
-- bench_a reports each incident in two rows (as ACLED splits a battle and its
-- attack on civilians) with day, week and month precision (80/15/5 %) and geo
-- precision 1-3 (2/25/100 km, the last placed at a region's centre); bench_b
-- reports two incidents in three, a day late in half of them, sometimes as a
-- range of days, with precise, district and province locations.  Three sizes:
-- 30,000 x 10,000, 100,000 x 33,000 and 300,000 x 100,000 events.
--
-- Ours: link_events(a, b) from scratch (state, links and incidents emptied
-- first), with its defaults (1 day, 10 km beyond the radii): candidates,
-- scores, selection, both rows of every pair, incidents.  The note gives the
-- CPU seconds its backend used besides the wall-clock time (on a machine
-- others share, the wall clock also counts the waits for a core).
-- Baseline: the windowed all-pairs join a user writes, counting the pairs
-- within 1 day and 10 km with geopoint's distance():
--   a JOIN b ON abs(day_a - day_b) <= 1 AND distance(a.location, b.location) <= 10000
-- It compares every pair of the two sets, so it is timed at the smallest size
-- and, for the larger ones, on a slice of bench_a (every 10th or 30th row) and
-- scaled up by the slice (the join's cost is linear in each side); the note
-- says so.  A second baseline joins on an indexed day column instead (what a
-- careful user writes), timed in full at 30k and 100k and on every 10th row
-- of bench_a at 300k (its cost is linear in bench_a's rows: each probes the
-- index), scaled by 10.
SET client_min_messages = warning;
SET search_path = sahel_news, public;

INSERT INTO sahel_news.event_taxonomy (dataset, category, level1, level2)
SELECT d, c, l1, l2
FROM unnest(ARRAY['bench_a30', 'bench_a100', 'bench_a300']) d,
     (VALUES ('Armed clash', 'armed clash', 'battle without change of territory'),
             ('Attack', 'violence against civilians', 'attack')) v(c, l1, l2)
UNION ALL
SELECT d, c, l1, l2
FROM unnest(ARRAY['bench_b30', 'bench_b100', 'bench_b300']) d,
     (VALUES ('1', 'armed clash', 'armed clash, unspecified'),
             ('3', 'violence against civilians', 'attack')) v(c, l1, l2);
INSERT INTO sahel_news.matching_datasets (dataset, splits_incidents, date_lag_days)
SELECT d, d LIKE 'bench\_a%', CASE WHEN d LIKE 'bench\_a%' THEN 0 ELSE 1 END
FROM unnest(ARRAY['bench_a30', 'bench_a100', 'bench_a300', 'bench_b30', 'bench_b100', 'bench_b300']) d;

-- the towns drawn from a fixed seed too, so that every run generates the same data
SELECT setseed(0.17);
CREATE TABLE bench_towns AS
SELECT t, 10 + 10 * random() AS lat, -12 + 27 * random() AS lon FROM generate_series(1, 2000) t;

-- incidents: n_a / 2 per size
CREATE FUNCTION bench_generate(size text, n_inc integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM setseed(0.42);
  CREATE TEMP TABLE inc AS
  SELECT i, t.lat + (random() - 0.5) * 0.1 AS lat, t.lon + (random() - 0.5) * 0.1 AS lon,
         (date '2015-01-01' + (random() * 1825)::int) AS day, random() < 0.5 AS clash,
         (random() * 20)::int AS deaths,
         -- what its descriptions name: a target and an occasion, each one of
         -- 400 (so that other incidents of the place and days name them too)
         'target' || (random() * 400)::int AS w1, 'occasion' || (random() * 400)::int AS w2
  FROM generate_series(1, n_inc) i
  JOIN bench_towns t ON t.t = 1 + (i * 7919) % 2000;
  -- bench_a: two rows per incident
  INSERT INTO sahel_news.events (occurred, location, geo_precision, location_precision_m, dataset_category,
                                 fatalities, summary, dataset, external_id)
  SELECT CASE WHEN r.tp < 0.80 THEN (r.day + r.k)::text
              WHEN r.tp < 0.95 THEN (r.day + r.k)::text || '/' || (r.day + r.k + 6)::text
              ELSE to_char(r.day, 'YYYY-MM') END::sahel_news.edtf,
         CASE WHEN r.gp < 0.75 THEN sahel_news.geopoint(r.lat, r.lon)
              WHEN r.gp < 0.95 THEN sahel_news.geopoint(r.lat + (random() - 0.5) * 0.15, r.lon + (random() - 0.5) * 0.15)
              ELSE sahel_news.geopoint(floor(r.lat) + 0.5, floor(r.lon) + 0.5) END,
         CASE WHEN r.gp < 0.75 THEN 1 WHEN r.gp < 0.95 THEN 2 ELSE 3 END,
         CASE WHEN r.gp < 0.75 THEN 2000 WHEN r.gp < 0.95 THEN 25000 ELSE 100000 END,
         CASE WHEN (r.clash AND r.k = 0) OR (NOT r.clash AND r.k = 1) THEN 'Armed clash' ELSE 'Attack' END,
         sahel_news.estimate(r.deaths / 2 + r.k),
         -- a description: two words of the incident (its target and
         -- occasion) among words of the row's own
         format('Armed men attacked the %s near the %s; %s and %s were among those reported, %s',
                r.w1, r.w2, left(md5(random()::text), 6), left(md5(random()::text), 6),
                left(md5(random()::text), 6)),
         'bench_a' || size, format('A%s-%s', r.i, r.k)
  -- the draws in the select list of a join: one per row (random() in an
  -- uncorrelated LATERAL subquery is drawn once, the same for every row)
  FROM (SELECT inc.*, k, random() AS tp, random() AS gp FROM inc CROSS JOIN generate_series(0, 1) k) r;
  -- bench_b: two incidents in three
  INSERT INTO sahel_news.events (occurred, location, location_precision_m, dataset_category, fatalities,
                                 summary, dataset, external_id)
  SELECT CASE WHEN r.tp < 0.85 THEN (r.day + r.lag)::text
              ELSE r.day::text || '/' || (r.day + 1 + (random() * 3)::int)::text END::sahel_news.edtf,
         CASE WHEN r.gp < 0.70 THEN sahel_news.geopoint(r.lat + (random() - 0.5) * 0.02, r.lon + (random() - 0.5) * 0.02)
              WHEN r.gp < 0.90 THEN sahel_news.geopoint(r.lat + (random() - 0.5) * 0.2, r.lon + (random() - 0.5) * 0.2)
              ELSE sahel_news.geopoint(floor(r.lat) + 0.3, floor(r.lon) + 0.7) END,
         CASE WHEN r.gp < 0.70 THEN 2000 WHEN r.gp < 0.90 THEN 25000 ELSE 150000 END,
         CASE WHEN r.clash THEN '1' ELSE '3' END,
         sahel_news.estimate(greatest(r.deaths - 2, 0), r.deaths + 3),
         format('Report of an attack on the %s: %s', CASE WHEN r.gp < 0.5 THEN r.w1 ELSE r.w2 END,
                left(md5(random()::text), 6)),
         'bench_b' || size, format('B%s', r.i)
  FROM (SELECT inc.*, random() AS tp, random() AS gp, (random() < 0.5)::int AS lag FROM inc WHERE inc.i % 3 <> 0) r;
  DROP TABLE inc;
END $$;

SELECT bench_generate('30', 15000);
SELECT bench_generate('100', 50000);
SELECT bench_generate('300', 150000);
ANALYZE sahel_news.events;

-- the plain columns a user's join reads
CREATE TABLE bench_flat AS
SELECT e.id, e.dataset, (lower(e.occurred) - date '2000-01-01') AS day, e.location
FROM sahel_news.events e WHERE e.dataset LIKE 'bench\_%';
CREATE INDEX ON bench_flat (dataset, day);
ANALYZE bench_flat;

CREATE FUNCTION bench_link(a text, b text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; c0 float8;
BEGIN
  TRUNCATE sahel_news.event_links, sahel_news.event_match_state, sahel_news.incidents;
  t0 := clock_timestamp();
  c0 := bench.cpu_seconds();
  PERFORM * FROM sahel_news.link_events(a, b);
  PERFORM set_config('bench.link_cpu_s', (bench.cpu_seconds() - c0)::text, false);
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

-- The baselines: a user's own join of a's events with b's on join_on, in
-- milliseconds, timed on every slice-th row of a and scaled by slice.
CREATE FUNCTION bench_join(a text, b text, slice integer, join_on text) RETURNS float8 LANGUAGE sql AS $$
  SELECT bench.time_once(format(
    'SELECT count(*) FROM bench_flat x JOIN bench_flat y ON %s WHERE x.dataset = %L AND y.dataset = %L AND x.id %% %s = 0',
    join_on, a, b, slice)) * slice
$$;

DO $$
DECLARE
  s record;
  ours float8;
  base float8;
  careful float8;
  pairs bigint;
  links bigint;
BEGIN
  FOR s IN SELECT * FROM (VALUES ('30', '30,000 x 10,000', 1, 1), ('100', '100,000 x 33,000', 10, 1),
                                 ('300', '300,000 x 100,000', 30, 10)) v(size, label, slice, day_slice) LOOP
    ours := bench_link('bench_a' || s.size, 'bench_b' || s.size);
    SELECT count(*) FILTER (WHERE l.rank = 1), count(*) INTO links, pairs
    FROM sahel_news.event_links l WHERE l.dataset = 'bench_a' || s.size;
    -- the user's all-pairs join
    base := bench_join('bench_a' || s.size, 'bench_b' || s.size, s.slice,
                       'abs(x.day - y.day) <= 1 AND sahel_news.distance(x.location, y.location) <= 10000');
    -- the careful user's join on the indexed day column
    careful := bench_join('bench_a' || s.size, 'bench_b' || s.size, s.day_slice,
                          'y.day BETWEEN x.day - 1 AND x.day + 1 AND sahel_news.distance(x.location, y.location) <= 10000');
    INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note)
    VALUES ('link_events ' || s.label, ours, 'all-pairs join (abs(days) <= 1, distance <= 10 km)', base,
            format('%s pairs scored, %s links; link_events used %s s of CPU; baseline %s', pairs, links,
                   round(current_setting('bench.link_cpu_s')::numeric, 1),
                   CASE WHEN s.slice = 1 THEN 'timed in full'
                        ELSE format('timed on every %sth row of bench_a and scaled by %s', s.slice, s.slice) END));
    INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note)
    VALUES ('link_events ' || s.label, ours, 'indexed day-window join, distance <= 10 km', careful,
            'the same pairs found by a btree range scan on the day, then distance(); ' ||
            CASE WHEN s.day_slice = 1 THEN 'timed in full'
                 ELSE format('timed on every %sth row of bench_a and scaled by %s', s.day_slice, s.day_slice) END);
  END LOOP;
END $$;
