-- tests/bench/estimate.sql — the estimate type against its nearest built-ins.
--
--  1. text input + output of 1M values, against int8range holding the same
--     ranges (target: ratio <= 1.0);
--  2. sum(estimate) over 10M rows, against sum(bigint) over the same rows
--     (target: ratio <= 1.5);
--  3. storage: pg_column_size of both.
SET search_path = sahel_news, public;
SET max_parallel_workers_per_gather = 0;

-- 1M values in every canonical form, and the same ranges as int8range text
CREATE TABLE bench_estimate_text AS
SELECT CASE i % 5
         WHEN 0 THEN i::text
         WHEN 1 THEN '~' || i
         WHEN 2 THEN i || '..' || (i + 300)
         WHEN 3 THEN i || '..' || (i + 150) || '..' || (i + 300)
         ELSE '>=' || i END AS e,
       CASE i % 5
         WHEN 0 THEN '[' || i || ',' || (i + 1) || ')'
         WHEN 1 THEN '[' || i || ',' || (i + 1) || ')'
         WHEN 2 THEN '[' || i || ',' || (i + 301) || ')'
         WHEN 3 THEN '[' || i || ',' || (i + 301) || ')'
         ELSE '[' || i || ',)' END AS r
FROM generate_series(1, 1000000) AS i;
VACUUM ANALYZE bench_estimate_text;

CALL bench.compare('estimate text in+out, 1M values',
  $$SELECT sum(length(e::sahel_news.estimate::text)) FROM bench_estimate_text$$,
  'int8range text in+out',
  $$SELECT sum(length(r::int8range::text)) FROM bench_estimate_text$$, 5);

CALL bench.compare('estimate text input only, 1M values',
  $$SELECT count(e::sahel_news.estimate) FROM bench_estimate_text$$,
  'int8range text input only',
  $$SELECT count(r::int8range) FROM bench_estimate_text$$, 5);

-- parse_estimate on report phrases, against a regular expression pulling
-- the digits out of the same phrases (a cheap, wrong way to do it)
CREATE TABLE bench_estimate_phrase AS
SELECT (ARRAY['about 1,000 troops', '700 to 1,000', 'more than two million',
              'dozens of civilians', 'an estimated 1,500', 'between 35 and 45',
              'undisclosed', 'fifty-nine', 'up to 400', '1.2 million'])[1 + i % 10] AS p
FROM generate_series(1, 200000) AS i;
CALL bench.compare('parse_estimate, 200k phrases',
  $$SELECT count(sahel_news.parse_estimate(p)) FROM bench_estimate_phrase$$,
  'regexp_match digits',
  $$SELECT count(regexp_match(p, '[0-9][0-9,]*')) FROM bench_estimate_phrase$$, 5);
DROP TABLE bench_estimate_phrase;

DROP TABLE bench_estimate_text;

-- 10M rows: one estimate and one bigint per row, summed from the same scan
CREATE TABLE bench_estimate_sum AS
SELECT CASE i % 4
         WHEN 0 THEN estimate(i % 100000)
         WHEN 1 THEN estimate(i % 100000, i % 100000 + 50, NULL, true)
         WHEN 2 THEN estimate(i % 100000, i % 100000 + 50, i % 100000 + 10)
         ELSE estimate(i % 100000, i % 100000 + 20) END AS e,
       (i % 100000)::bigint AS b
FROM generate_series(1, 10000000) AS i;
VACUUM ANALYZE bench_estimate_sum;
-- warm the table into shared buffers
SELECT count(*) FROM bench_estimate_sum;

CALL bench.compare('sum(estimate), 10M rows',
  $$SELECT sahel_news.sum(e) FROM bench_estimate_sum$$,
  'sum(bigint)',
  $$SELECT sum(b) FROM bench_estimate_sum$$, 3);
CALL bench.compare('min(estimate), 10M rows',
  $$SELECT sahel_news.min(e) FROM bench_estimate_sum$$,
  'min(bigint)',
  $$SELECT min(b) FROM bench_estimate_sum$$, 3);
DROP TABLE bench_estimate_sum;

CALL bench.note('estimate pg_column_size',
  format('estimate %s bytes (any value, fixed length); int8range %s bytes for [700,1001), %s for [2001,); bigint 8',
         pg_column_size('700..850..1000'::estimate),
         pg_column_size('[700,1001)'::int8range),
         pg_column_size('[2001,)'::int8range)));
