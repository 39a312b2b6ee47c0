-- estimate: counts as vague as the news reports them.
SET search_path = sahel_news, public;

-- An input that fails shows its SQLSTATE and message (one row per input).
CREATE FUNCTION pg_temp.try_estimate(t text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  RETURN t::sahel_news.estimate::text;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

--
-- Canonical text: every form round-trips exactly.
--
SELECT t, t::estimate AS value, t::estimate::text = t AS round_trips
FROM unnest(ARRAY['2400', '0', '~1000', '700..1000', '700..850..1000', '~700..1000',
                  '~700..850..1000', '>=2001', '~>=2001', '<=400', '~<=400', '?',
                  '2001..2500..', '0..0..400', '9223372036854775807',
                  '>=9223372036854775807', '<=9223372036854775807']) AS t;

--
-- Accepted variants and how they normalise.
--
SELECT t, t::estimate AS value
FROM unnest(ARRAY['2,400', '2 400', E'2\u00a0400', E'1\u202f000\u202f000', '1,000,000',
                  '  ~ 700 .. 1,000  ', E'\t42\n', '007', '>2000', '< 401', '>= 0',
                  '~>=0', '<=0', '2001..', '..400', '0..400', '5..5', '5..5..5',
                  '~5', '12,345..67 890', '0..9223372036854775807']) AS t;

--
-- Accessors.
--
SELECT v, lower(v), upper(v), best(v), is_approximate(v), is_exact(v)
FROM (SELECT t::estimate AS v
      FROM unnest(ARRAY['2400', '~1000', '700..1000', '700..850..1000', '~700..1000',
                        '>=2001', '<=400', '?', '0..1', '0..2', '2001..2500..',
                        '0..9223372036854775807']) AS t) s;

--
-- The constructor: NULL high is unbounded, NULL best is none, NULL low is 0.
--
SELECT estimate(700, 1000) AS a, estimate(700, 1000, 850) AS b,
       estimate(700, 1000, approximate => true) AS c, estimate(2001, NULL) AS d,
       estimate(NULL, 400) AS e, estimate(NULL, NULL) AS f, estimate(5, 5) AS g,
       estimate(2001, NULL, 2500, true) AS h, estimate(0, NULL, NULL, true) AS i;
SELECT sn_regress.fails($$SELECT estimate(1000, 700)$$);
SELECT sn_regress.fails($$SELECT estimate(700, 1000, 1200)$$);
SELECT sn_regress.fails($$SELECT estimate(700, NULL, 600)$$);
SELECT sn_regress.fails($$SELECT estimate(-1, 10)$$);
SELECT sn_regress.fails($$SELECT estimate(1, 10, NULL, NULL)$$);

--
-- Casts: integers in (implicit), bigint out through best, int8range out.
--
CREATE TEMP TABLE counts (c estimate);
INSERT INTO counts VALUES (59), (59::bigint), ('~1000');
SELECT c FROM counts;
SELECT '700..850..1000'::estimate::bigint AS best_stated, '700..1000'::estimate::bigint AS midpoint,
       '~1000'::estimate::bigint AS about, '0..1'::estimate::bigint AS half_up;
SELECT t::estimate::int8range AS r
FROM unnest(ARRAY['2400', '700..1000', '>=2001', '<=400', '?', '9223372036854775806']) AS t;
SELECT sn_regress.fails($$SELECT '>=2001'::estimate::bigint$$);
SELECT sn_regress.fails($$SELECT '9223372036854775807'::estimate::int8range$$);
SELECT sn_regress.fails($$SELECT (-5)::estimate$$);

--
-- The total order: lower bound, then upper (unbounded last), then stated best
-- (none last), then exact before approximate.
--
SELECT v
FROM unnest(ARRAY['?', '~700..1000', '700..1000', '700..850..1000', '700..800..1000',
                  '~700..800..1000', '>=700', '700..700..', '700', '~700', '<=400',
                  '0', '~1000', '1000', '<=9223372036854775807',
                  '9223372036854775807']::estimate[]) AS v
ORDER BY v;
SELECT a, b, a < b AS lt, a <= b AS le, a = b AS eq, a <> b AS ne, a >= b AS ge,
       a > b AS gt, estimate_cmp(a, b) AS cmp
FROM (VALUES ('700'::estimate, '~700'::estimate), ('700..1000', '700..850..1000'),
             ('>=5', '5..9223372036854775807'), ('1000', '1000'),
             ('2 400', '2400'), ('~5', '5')) AS p(a, b);
SELECT min(v), max(v)
FROM unnest(ARRAY['700..1000', '?', '~1000', '<=400', '>=2001']::estimate[]) AS v;

--
-- Containment and overlap.
--
SELECT '700..1000'::estimate @> 850 AS int4, '700..1000'::estimate @> 1001::bigint AS int8,
       850 <@ '700..1000'::estimate AS int4_in, 699::bigint <@ '700..1000'::estimate AS int8_in,
       '>=2001'::estimate @> 9223372036854775807 AS unbounded,
       '700..1000'::estimate @> '800..900'::estimate AS range_in,
       '700..1000'::estimate @> '~800..1001'::estimate AS range_out,
       '800..900'::estimate <@ '?'::estimate AS in_unknown,
       '700..1000'::estimate && '1000..2000'::estimate AS touching,
       '700..1000'::estimate && '>=1001'::estimate AS apart,
       '<=400'::estimate && '>=2001'::estimate AS disjoint;

--
-- Arithmetic.
--
SELECT a, b, a + b AS sum
FROM (VALUES ('700..1000'::estimate, '300..400'::estimate),
             ('700..850..1000', '300..350..400'), ('700..850..1000', '300..400'),
             ('~1000', '2400'), ('>=2001', '1000'), ('?', '59'), ('?', '?'),
             ('<=400', '<=400'), ('2001..2500..', '1')) AS p(a, b);
SELECT '700..850..1000'::estimate * 3 AS times3, 2 * '~1000'::estimate AS twice,
       '>=2001'::estimate * 0 AS times0, '>=2001'::estimate * 2 AS unbounded;
SELECT sn_regress.fails($$SELECT '9223372036854775807'::estimate + 1$$);
SELECT sn_regress.fails($$SELECT '>=9223372036854775807'::estimate + '1..2'$$);
SELECT sn_regress.fails($$SELECT '4611686018427387904'::estimate * 2$$);
SELECT sn_regress.fails($$SELECT '700..1000'::estimate * (-1)$$);

--
-- Hashing agrees with equality, and is the same on every platform.
--
SELECT estimate_hash('2,400') = estimate_hash('2400') AS same,
       estimate_hash('~2400') = estimate_hash('2400') AS approx_differs,
       estimate_hash_extended('2400', 0) = estimate_hash_extended('2400', 1) AS seeded;
SELECT estimate_hash('700..850..1000') AS h1, estimate_hash_extended('?', 42) AS h2;

--
-- Binary send and receive: COPY round trip, then damaged input.
--
SELECT estimate_send('~700..850..1000') AS bytes;
SELECT sn_regress.binary_round_trip($$
  SELECT t::estimate AS v
  FROM unnest(ARRAY['2400', '~1000', '700..1000', '700..850..1000', '>=2001', '<=400', '?',
                    '2001..2500..', '9223372036854775807', '~700..850..1000']) AS t$$) AS round_trip;
-- damaged payloads: each refused with 22P03 (invalid binary representation)
SELECT what, sn_regress.binary_recv('estimate', payload) AS result
FROM (VALUES
  ('valid', '\x0107000000000000000a0000000000000014000000000000000f'::bytea),
  ('version 2', '\x0207000000000000000a0000000000000014000000000000000f'),
  ('unknown flag', '\x0108000000000000000a00000000000000140000000000000000'),
  ('low > high', '\x01020000000000000014000000000000000a0000000000000000'),
  ('best outside', '\x0106000000000000000a00000000000000140000000000000015'),
  ('negative low', '\x0100ffffffffffffffff00000000000000000000000000000000'),
  ('absent high not 0', '\x0100000000000000000a00000000000000010000000000000000'),
  ('truncated', '\x0107000000000000000a'),
  ('one byte', '\x01'),
  ('empty', ''),
  ('trailing byte', '\x0107000000000000000a0000000000000014000000000000000f00')
) AS p(what, payload);

--
-- Indexes: btree for = and range comparisons, hash for =, hash join on =.
--
CREATE TABLE reports AS
SELECT i, CASE i % 4
            WHEN 0 THEN estimate(i)
            WHEN 1 THEN estimate(i, i + 100, NULL, true)
            WHEN 2 THEN estimate(i, i + 50, i + 10)
            ELSE estimate(i, NULL) END AS strength
FROM generate_series(1, 10000) AS i;
CREATE INDEX reports_strength ON reports (strength);
ANALYZE reports;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM reports WHERE strength = '~5001..5101';
SELECT * FROM reports WHERE strength = '~5001..5101';
EXPLAIN (COSTS OFF) SELECT count(*) FROM reports WHERE strength >= '9990' AND strength < '9995..';
SELECT strength FROM reports WHERE strength >= '9990' AND strength < '9995..' ORDER BY strength;
EXPLAIN (COSTS OFF) SELECT strength FROM reports ORDER BY strength LIMIT 3;
DROP INDEX reports_strength;
CREATE INDEX reports_strength_hash ON reports USING hash (strength);
EXPLAIN (COSTS OFF) SELECT * FROM reports WHERE strength = '8000';
SELECT * FROM reports WHERE strength = '8000';
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM reports a JOIN reports b ON a.strength = b.strength;
SELECT count(*) FROM reports a JOIN reports b ON a.strength = b.strength;
RESET enable_mergejoin;
RESET enable_nestloop;
SELECT count(DISTINCT strength) AS distinct_values, count(*) AS rows FROM reports;

--
-- Aggregates, serially and in parallel (the state is an estimate, combined
-- by the same function).
--
SELECT sum(v), min(v), max(v)
FROM unnest(ARRAY['700..850..1000', '300..400', '~1000', '59']::estimate[]) AS v;
SELECT sum(v) FROM unnest(ARRAY['700..850..1000', '300..350..400', '59']::estimate[]) AS v;
SELECT sum(v) FROM unnest(ARRAY['2400', '>=2001', NULL]::estimate[]) AS v;
SELECT sum(v) IS NULL AS empty_is_null FROM unnest(ARRAY[]::estimate[]) AS v;
SELECT sn_regress.fails($$SELECT sum(v) FROM unnest(ARRAY['9223372036854775807', '1']::estimate[]) AS v$$);
SELECT sum(strength) AS total, min(strength), max(strength) FROM reports;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END,
                  'on', false) IS NOT NULL AS forced;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
ALTER TABLE reports SET (parallel_workers = 2);
EXPLAIN (COSTS OFF) SELECT sum(strength), min(strength), max(strength) FROM reports;
SELECT sum(strength) AS total, min(strength), max(strength) FROM reports;
SELECT i % 3 AS g, sum(strength), min(strength), max(strength) FROM reports GROUP BY 1 ORDER BY 1;
SELECT sum(strength) AS with_best, sum(best(strength)) AS sum_of_bests
FROM reports WHERE i % 4 IN (0, 2);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END,
                  'off', false) IS NOT NULL AS reset;

--
-- parse_estimate: quantities as reports write them.
--
SELECT phrase, parse_estimate(phrase) AS value
FROM unnest(ARRAY[
  'about 1,000', 'around 1000', 'some 200', 'an estimated 1,500', 'nearly 3,000',
  '700 to 1,000', 'between 35 and 45', '300-400', 'more than two million', 'over 2,000',
  'at least 12', 'up to 400', 'fewer than 10', '59', 'four', 'fifty-nine', 'two million',
  '1.2 million', 'a dozen', 'undisclosed', 'unknown', 'about 1,000 troops',
  'dozens of civilians', 'several', 'hundreds', 'thousands', 'tens of thousands',
  'millions', 'several hundred', 'two to three million', '1,000 or more',
  'an undisclosed number of special forces', 'more than a dozen', '700..850..1000', '?'
]) AS phrase;
SELECT phrase, parse_estimate(phrase, 'fr') AS value
FROM unnest(ARRAY[
  'environ 1 000', 'entre 700 et 1 000', 'plus de 2 millions', 'au moins 12',
  'jusqu''à 400', 'quatre', 'cinquante-neuf', 'une centaine', 'des dizaines', 'plusieurs',
  'une vingtaine de soldats', 'des centaines', 'des milliers de morts',
  'des dizaines de milliers', 'près d''un millier', '2,5 millions de déplacés',
  'quatre-vingt-dix-neuf', 'inconnu', 'un nombre indéterminé de soldats', 'moins de 10'
]) AS phrase;
-- hedged counts: the figure given stays the best value; a bound on a collective is round
SELECT phrase, parse_estimate(phrase) AS value
FROM unnest(ARRAY[
  'could exceed 60 dead', 'may exceed 1,000', 'as many as 300', 'up to 300',
  'at least a dozen', 'more than a hundred'
]) AS phrase;
SELECT phrase, parse_estimate(phrase, 'fr') AS value
FROM unnest(ARRAY[
  'pourrait dépasser les 60 morts', 'plus d''une centaine', 'au moins une dizaine'
]) AS phrase;
-- the facts of the sample report, as the report words them
SELECT parse_estimate('about 1,000') + parse_estimate('300 to 400') + parse_estimate('700 to 1,000')
       + parse_estimate('undisclosed') AS french_troops_outside_mali_2022_07,
       parse_estimate('59') AS french_soldiers_killed,
       parse_estimate('more than two million') AS displaced;
-- a phrase it cannot read is an error, never a guess
SELECT phrase, lang, sn_regress.fails(format('SELECT sahel_news.parse_estimate(%L, %L)', phrase, lang)) AS result
FROM (VALUES ('many', 'en'), ('1.5', 'en'), ('10km', 'en'), ('40%', 'en'), ('59 and 60', 'en'),
             ('1,000 troops or more', 'en'), ('1,000 to 700', 'en'), ('more than dozens', 'en'),
             ('', 'en'), ('1,000', 'fr'), ('beaucoup', 'fr'),
             ('99999999999999999999 troops', 'en'), ('fewer than 0', 'en'),
             ('about 1,000', 'de')) AS p(phrase, lang);
SELECT parse_estimate(NULL) IS NULL AS strict;

--
-- Storage: 24 bytes, fixed.
--
SELECT pg_column_size('700..850..1000'::estimate) AS bytes, typlen, typalign, typbyval
FROM pg_type WHERE oid = 'estimate'::regtype;

--
-- Bad input: every string is refused with its SQLSTATE (22P02 malformed,
-- 22003 out of range).
--
SELECT t AS input, pg_temp.try_estimate(t) AS result
FROM unnest(ARRAY[
  '', ' ', 'abc', '-5', '+5', '1.5', '1e3', '0x10', '~', '~?', '??', '? 5',
  '1000..700', '700..1200..1000', '700..600..1000', '2001..1000..', '..', '...',
  '700...1000', '700..850..1000..2000', '..400..', '>=', '>= -1',
  '=>5', '>=?', '<', '<=>5', '~~5', '5~', '1,00', '1,0000', '12,34', '1234,567',
  '1,000,00', '1 0000', '700 1000', '1,000 000', '2.400', '1_000',
  'about 1000', 'ten', '1000 troops', '5..6..7..8',
  '9223372036854775808', '99999999999999999999999', '>9223372036854775807', '<0',
  '~9223372036854775808', '0..9223372036854775808', '1,000,000,000,000,000,000,000'
]) AS t;
-- the complete report of a few of them
SELECT sn_regress.fails($$SELECT 'about 1000'::estimate$$);
SELECT sn_regress.fails($$SELECT '1000..700'::estimate$$);
SELECT sn_regress.fails($$SELECT '9223372036854775808'::estimate$$);
SELECT sn_regress.fails($$SELECT '<0'::estimate$$);

DROP TABLE reports;
