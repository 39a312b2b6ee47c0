-- edtf: EDTF dates and intervals, their bounds, order, casts and operators.
SET search_path = sahel_news, public;
SET datestyle = ISO;
-- precision is an SQL keyword: call it qualified (sahel_news.precision) or quoted.

-- Level 0 and 1: what a report says, with the days it can mean.
SELECT v::text AS canonical, lower(v), upper(v), sahel_news.precision(v),
       is_uncertain(v) AS unc, is_approximate(v) AS approx, is_interval(v) AS intv,
       edtf_level(v) AS lvl
FROM (VALUES ('2022'::edtf), ('2022-08'), ('2022-02'), ('2024-02'), ('2022-08-13'),
             ('2022-08-15T11:00:00Z'), ('2022-08-15T13:00:00+02:00'), ('2022-08-15T11:00:00'),
             ('2013/2022'), ('2022-02/2022-08-15'), ('../2014'), ('2014/..'),
             ('/2022'), ('2013-01-11/'), ('2022-07~'), ('2022?'), ('2022-08-13%'),
             ('201X'), ('20XX'), ('2022-XX'), ('2022-08-XX'), ('2022-XX-XX'),
             ('2022-21'), ('2022-22'), ('2022-23'), ('2022-24'), ('2023-24'),
             ('-0044-03-15'), ('0000'), ('1984?/2004~')) t(v);

-- Level 2 as far as one value holds it.
SELECT v::text AS canonical, lower(v), upper(v), sahel_news.precision(v), edtf_level(v) AS lvl
FROM (VALUES ('2004-06-~11'::edtf), ('?2004-06'), ('~2021?'), ('156X-12-25'),
             ('XXXX-02-29'), ('1984-1X'), ('2022-33'), ('2022-34'), ('2022-37'),
             ('2022-40'), ('2022-41'), ('2022-25'), ('2022-29'), ('2022-30'),
             ('1950S2'), ('Y-20E2S3'), ('Y20E2'), ('2004?-06-~11')) t(v);

-- Years beyond PostgreSQL's date: bounds become -infinity/infinity (order kept).
SELECT v::text, lower(v), upper(v)
FROM (VALUES ('Y170000002'::edtf), ('Y-170000002'), ('Y17E7'), ('-9999')) t(v);

-- Canonical text round-trips exactly.
SELECT v, v::edtf::text AS canonical, v::edtf::text::edtf = v::edtf AS round_trips
FROM (VALUES ('2004-06-11%'), ('?2004-?06-?11'), ('%-2011-06-13'), ('2004-06~-01?'),
             ('Y-17101E3S3'), ('2016-05-02T16:54:59-12'), ('/1985'), ('1985-04-12/..')) t(v);

-- Invalid strings: 22007 (or 22008 out of range), quoting the input, saying what and where.
\set VERBOSITY default
SELECT '2022-13'::edtf;
SELECT '2023-02-29'::edtf;
SELECT '2022-08-15/2022-08-01'::edtf;
SELECT '199u'::edtf;
SELECT '2022-00'::edtf;
SELECT '1900-02-29'::edtf;
SELECT ' 2022'::edtf;
SELECT '2004?~'::edtf;
SELECT 'Y2022'::edtf;
SELECT '12345'::edtf;
SELECT '-0000'::edtf;
SELECT '2022-08-15T24:00:00'::edtf;
SELECT '2022-08-15T11:00'::edtf;
SELECT '2022-08-15T11:00:00Z/2023'::edtf;
SELECT '2022/2023/2024'::edtf;
SELECT '../..'::edtf;
SELECT '/'::edtf;
SELECT '[1667,1668]'::edtf;
SELECT '{1960,1961-12}'::edtf;
SELECT '156X-11-31'::edtf;
SELECT ''::edtf;
SELECT 'Y99999999999'::edtf;
SELECT 'Y3E10'::edtf;
\set VERBOSITY terse
-- the SQLSTATEs
DO $$
DECLARE s text; st text;
BEGIN
  FOREACH s IN ARRAY ARRAY['2022-13', '2023-02-29', '2022-08-15/2022-08-01', '199u', 'Y99999999999'] LOOP
    BEGIN
      PERFORM s::sahel_news.edtf;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
      RAISE NOTICE '% -> %', s, st;
    END;
  END LOOP;
END $$;
\set VERBOSITY default

-- The total order: lower, then upper, then canonical text.
SELECT v::text FROM (VALUES ('2013-01-11/..'::edtf), ('2013?'), ('Y170000002'), ('2013'),
  ('../2014'), ('/2014'), ('2013-01'), ('2022-08-15T11:00:00Z'), ('2022-08-15'),
  ('2013/2022'), ('2013-01-11/')) t(v) ORDER BY v;
SELECT '2013'::edtf < '2013?'::edtf AS lt, '2013'::edtf = '2013'::edtf AS eq,
       '?2004-06'::edtf = '2004?-06'::edtf AS same_meaning_same_value,
       '2004'::edtf <> '2004~'::edtf AS ne, '2022-08'::edtf >= '2022-08-01'::edtf AS ge;

-- btree and hash: DISTINCT, GROUP BY, joins on edtf.
CREATE TEMP TABLE t_edtf (id int, d edtf);
INSERT INTO t_edtf SELECT i, (ARRAY['2013','2014','2022-02','2022-07','2022-08-13','2022-08-15',
  '2013/2022','2020/2022','2022-07~','../2014'])[1 + i % 10]::edtf FROM generate_series(1, 200) i;
SET enable_sort = off;
SELECT d, count(*) FROM t_edtf GROUP BY d ORDER BY d;
RESET enable_sort;
SET enable_mergejoin = off; SET enable_nestloop = off;
SELECT count(*) FROM t_edtf a JOIN t_edtf b USING (d);
RESET enable_mergejoin; RESET enable_nestloop;
CREATE INDEX t_edtf_btree ON t_edtf (d);
SET enable_seqscan = off;
SELECT count(*) FROM t_edtf WHERE d = '2022-07~';
SELECT count(*) FROM t_edtf WHERE d < '2014';
RESET enable_seqscan;

-- Casts.
SELECT '2022-08-13'::date::edtf AS from_date, '2022-08-15 13:00:00+02'::timestamptz::edtf AS from_ts,
       '2022'::edtf::daterange AS year, '2022-08-13'::edtf::daterange AS day,
       '../2014'::edtf::daterange AS open_start, '2013-01-11/'::edtf::daterange AS unknown_end;
SELECT 'infinity'::date::edtf;
SELECT 'Y170000002'::edtf::daterange;
SELECT '10000-01-01'::date::edtf;
-- implicit cast from date
SELECT '2022'::edtf @> '2022-08-13'::date AS contains_day, upper('2022-08-13'::date) AS upper_of_date;

-- Span operators (unknown ends count as open).
SELECT a, b, a::edtf && b::edtf AS overlaps, a::edtf @> b::edtf AS contains,
       a::edtf <@ b::edtf AS contained, a::edtf << b::edtf AS before, a::edtf >> b::edtf AS after
FROM (VALUES ('2022', '2022-08-13'), ('2022-08', '2022-07'), ('2013/2022', '2020'),
             ('2013', '2014'), ('2014', '2013'), ('2022-24', '2023-02'), ('1985/', '2000'),
             ('/1960', '1961'), ('../2014', '2014/..'), ('2022-07~', '2022-07')) t(a, b);
SELECT '2022-08-13'::date <@ '2022-08'::edtf AS in_month, '2022-08'::edtf @> '2022-09-01'::date AS not_in,
       '2014/..'::edtf @> 'infinity'::date AS open_holds_infinity;

-- Binary send/recv: version byte 1 and the canonical text; recv reads it back.
SELECT edtf_send('2004-06~-01?'::edtf);
SELECT sn_regress.binary_round_trip('SELECT d FROM t_edtf') AS round_trip;
-- damaged payloads: each refused with 22P03; a byte that is not printable
-- ASCII is shown by its code, never copied into the message
SELECT what, sn_regress.binary_recv('edtf', payload) AS result
FROM (VALUES ('valid', '\x01323032322d3038'::bytea),
             ('version 2', '\x02323032322d3038'),
             ('not a date', '\x01323032322d3133'),
             ('invalid UTF-8', '\x01323032ff'),
             ('control character', '\x013230320a'),
             ('version only', '\x01'),
             ('empty', '')) AS p(what, payload);

SELECT pg_column_size('2022-08-13'::edtf) AS bytes, pg_column_size('Y-17101E3S3'::edtf) AS bytes_large;

-- GiST: the default operator class; index answers equal sequential answers.
CREATE TEMP TABLE t_gist (id int, d edtf);
INSERT INTO t_gist
SELECT i, CASE i % 7
  WHEN 0 THEN (date '2000-01-01' + (i * 37) % 9000)::edtf
  WHEN 1 THEN to_char(date '2000-01-01' + (i * 53) % 9000, 'YYYY-MM')::edtf
  WHEN 2 THEN to_char(date '2000-01-01' + (i * 11) % 9000, 'YYYY')::edtf
  WHEN 3 THEN (to_char(date '2000-01-01' + (i * 17) % 9000, 'YYYY') || '/' ||
               to_char(date '2000-01-01' + (i * 17) % 9000 + 400 + i % 900, 'YYYY-MM'))::edtf
  WHEN 4 THEN (to_char(date '2000-01-01' + (i * 29) % 9000, 'YYYY') || '/..')::edtf
  WHEN 5 THEN ('/' || to_char(date '2000-01-01' + (i * 31) % 9000, 'YYYY-MM-DD'))::edtf
  ELSE (to_char(date '2000-01-01' + (i * 13) % 9000, 'YYYY') || '-2' || (1 + i % 4)::text)::edtf
  END
FROM generate_series(1, 3000) i;
CREATE TEMP TABLE t_gist_queries (q edtf, day date);
INSERT INTO t_gist_queries VALUES ('2022-07', '2022-07-14'), ('2013/2014', '2013-06-01'),
  ('../2001', '2001-01-01'), ('2020-24', '2021-01-15'), ('2005-08-13', '2005-08-13'), ('2030/..', '2024-12-31');
CREATE TEMP TABLE t_gist_seq AS
SELECT q, 'overlaps' AS op, count(*) FILTER (WHERE d && q) AS n FROM t_gist, t_gist_queries GROUP BY q
UNION ALL SELECT q, 'contains', count(*) FILTER (WHERE d @> q) FROM t_gist, t_gist_queries GROUP BY q
UNION ALL SELECT q, 'contained', count(*) FILTER (WHERE d <@ q) FROM t_gist, t_gist_queries GROUP BY q
UNION ALL SELECT q, 'before', count(*) FILTER (WHERE d << q) FROM t_gist, t_gist_queries GROUP BY q
UNION ALL SELECT q, 'after', count(*) FILTER (WHERE d >> q) FROM t_gist, t_gist_queries GROUP BY q
UNION ALL SELECT q, 'contains_day', count(*) FILTER (WHERE d @> day) FROM t_gist, t_gist_queries GROUP BY q;
CREATE INDEX t_gist_idx ON t_gist USING gist (d);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM t_gist WHERE d && '2022-07';
EXPLAIN (COSTS OFF) SELECT count(*) FROM t_gist WHERE d @> '2022-07-14'::date;
CREATE FUNCTION pg_temp.gist_count(q edtf, day date, op text) RETURNS bigint LANGUAGE plpgsql AS $f$
DECLARE n bigint;
BEGIN
  EXECUTE format('SELECT count(*) FROM t_gist WHERE d %s $1',
                 CASE op WHEN 'overlaps' THEN '&&' WHEN 'contains' THEN '@>' WHEN 'contained' THEN '<@'
                         WHEN 'before' THEN '<<' WHEN 'after' THEN '>>' ELSE '@>' END)
    INTO n USING CASE WHEN op = 'contains_day' THEN NULL ELSE q END;
  IF op = 'contains_day' THEN
    SELECT count(*) INTO n FROM t_gist WHERE d @> day;
  END IF;
  RETURN n;
END $f$;
SELECT s.q, s.op, s.n AS seqscan, pg_temp.gist_count(s.q, g.day, s.op) AS index
FROM t_gist_seq s JOIN t_gist_queries g USING (q)
WHERE s.n IS DISTINCT FROM pg_temp.gist_count(s.q, g.day, s.op);
SELECT op, sum(n) AS total_matches FROM t_gist_seq GROUP BY op ORDER BY op;
RESET enable_seqscan;

-- resolve_date: phrases of a report, relative to its publication day (Monday 2022-08-15).
SELECT phrase, resolve_date(phrase, '2022-08-15') AS en
FROM (VALUES ('Monday'), ('Saturday'), ('on Saturday'), ('last month'), ('in February'),
             ('in 2013'), ('13 August 2022'), ('August 13'), ('2022-08-13'), ('today'),
             ('yesterday'), ('last week'), ('this month'), ('earlier this month'), ('last year'),
             ('nine years ago'), ('early July'), ('mid-July'), ('late July'), ('the 1990s'),
             ('since 2013'), ('from 2013 to 2022'), ('summer 2022')) t(phrase);
SELECT phrase, resolve_date(phrase, '2022-08-15', 'fr') AS fr
FROM (VALUES ('lundi'), ('samedi'), ('hier'), ('le mois dernier'), ('en février'),
             ('l''an dernier'), ('13 août 2022'), ('début juillet'), ('mi-juillet'),
             ('fin juillet'), ('il y a neuf ans'), ('les années 1990'), ('ce mois-ci')) t(phrase);
-- without a reference: absolute dates only
SELECT resolve_date('13 August 2022', NULL) AS absolute, resolve_date(NULL, '2022-08-15') AS null_phrase;
SELECT resolve_date('last month', NULL);
SELECT resolve_date('the other day', '2022-08-15');
SELECT resolve_date('in 2013 and 2014', '2022-08-15');
SELECT resolve_date('Monday 13 August 2022', '2022-08-15');
SELECT resolve_date('last month', '2022-08-15', 'de');
SELECT resolve_date('last month', 'infinity');
-- spans of years as analysts write them; EDTF text alone is read as the edtf type reads it
SELECT phrase, resolve_date(phrase, '2022-08-15') AS en
FROM (VALUES ('in 2021-22'), ('in 2011-12'), ('during 2015-18'), ('1852 - 1860'),
             ('2013 – 2022'), ('2011-12'), ('2021-22'), ('in 2022-08')) t(phrase);
SELECT resolve_date('in 2022-19', '2022-08-15');
