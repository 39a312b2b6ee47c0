-- tests/bench/edtf.sql — edtf against daterange.
--
-- 1M values over 2000..2024 (60% days, 20% months, 10% years, 10% intervals
-- between two days), the same spans as edtf and as daterange, each with its
-- GiST index:
--   text input + output    txt::edtf::text  vs  rtxt::daterange::text
--   GiST && search         500 query months, count of overlapping rows, index scans
--   GiST @> day search     500 query days
--   sizes                  pg_column_size, table and GiST index sizes
-- Run by tests/bench/run (which creates sahel_news).
SET search_path = sahel_news, public;
\timing off

SELECT setseed(0.2022);
CREATE TABLE bench_edtf AS
SELECT i AS id, k, d1, d2
FROM (SELECT i, random() AS k,
             date '2000-01-01' + (random() * 9131)::int AS d1,
             (random() * 400)::int AS d2
      FROM generate_series(1, 1000000) i) s;
ALTER TABLE bench_edtf ADD COLUMN txt text, ADD COLUMN rtxt text;
UPDATE bench_edtf SET
  txt = CASE WHEN k < 0.6 THEN to_char(d1, 'YYYY-MM-DD')
             WHEN k < 0.8 THEN to_char(d1, 'YYYY-MM')
             WHEN k < 0.9 THEN to_char(d1, 'YYYY')
             ELSE to_char(d1, 'YYYY-MM-DD') || '/' || to_char(d1 + d2, 'YYYY-MM-DD') END;
UPDATE bench_edtf SET rtxt = txt::edtf::daterange::text;
ALTER TABLE bench_edtf ADD COLUMN e edtf, ADD COLUMN r daterange;
UPDATE bench_edtf SET e = txt::edtf, r = rtxt::daterange;
VACUUM FULL bench_edtf;
ANALYZE bench_edtf;

-- Text input and output: every value parsed and printed.
CALL bench.compare('edtf text input+output, 1M values',
  'SELECT count(txt::sahel_news.edtf::text) FROM bench_edtf',
  'daterange text input+output',
  'SELECT count(rtxt::daterange::text) FROM bench_edtf', 5);
CALL bench.compare('edtf text output, 1M values',
  'SELECT count(e::text) FROM bench_edtf',
  'daterange text output',
  'SELECT count(r::text) FROM bench_edtf', 5);

-- Index builds (timed once each).
CALL bench.compare_once('GiST index build, 1M values',
  'CREATE INDEX bench_edtf_e ON bench_edtf USING gist (e)',
  'daterange GiST build',
  'CREATE INDEX bench_edtf_r ON bench_edtf USING gist (r)');
VACUUM ANALYZE bench_edtf;

CREATE TABLE bench_edtf_q AS
SELECT i AS qid, to_char(m, 'YYYY-MM')::edtf AS e, to_char(m, 'YYYY-MM')::edtf::daterange AS r,
       m + 13 AS day
FROM (SELECT i, date_trunc('month', date '2000-01-01' + (random() * 9131)::int)::date AS m
      FROM generate_series(1, 500) i) s;

SET enable_seqscan = off;
SET enable_bitmapscan = on;
EXPLAIN (COSTS OFF) SELECT count(*) FROM bench_edtf WHERE e && '2013-05';
EXPLAIN (COSTS OFF) SELECT count(*) FROM bench_edtf WHERE r && '[2013-05-01,2013-06-01)'::daterange;

-- the answers must agree
SELECT (SELECT sum((SELECT count(*) FROM bench_edtf b WHERE b.e && q.e)) FROM bench_edtf_q q) =
       (SELECT sum((SELECT count(*) FROM bench_edtf b WHERE b.r && q.r)) FROM bench_edtf_q q)
  AS same_answers;

CALL bench.compare('edtf GiST && search, 500 months over 1M rows',
  'SELECT sum((SELECT count(*) FROM bench_edtf b WHERE b.e && q.e)) FROM bench_edtf_q q',
  'daterange GiST && search',
  'SELECT sum((SELECT count(*) FROM bench_edtf b WHERE b.r && q.r)) FROM bench_edtf_q q', 5);
CALL bench.compare('edtf GiST @> day search, 500 days over 1M rows',
  'SELECT sum((SELECT count(*) FROM bench_edtf b WHERE b.e @> q.day)) FROM bench_edtf_q q',
  'daterange GiST @> day search',
  'SELECT sum((SELECT count(*) FROM bench_edtf b WHERE b.r @> q.day)) FROM bench_edtf_q q', 5);
RESET enable_seqscan;

-- Sizes.
DO $$
DECLARE t text;
BEGIN
  SELECT format('pg_column_size: edtf avg %s B (fixed 32), daterange avg %s B; GiST index: edtf %s, daterange %s; table %s',
                round(avg(pg_column_size(e)), 1), round(avg(pg_column_size(r)), 1),
                pg_size_pretty(pg_relation_size('bench_edtf_e')),
                pg_size_pretty(pg_relation_size('bench_edtf_r')),
                pg_size_pretty(pg_relation_size('bench_edtf')))
  INTO t FROM bench_edtf;
  CALL bench.note('edtf sizes', t);
END $$;
