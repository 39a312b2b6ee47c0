-- clients: what BI tools and drivers see and send.  The schema sahel_news_bi
-- holds the bi_* views and nothing else; parameters arrive the way pgjdbc,
-- psycopg2 and BI filters send them; the documented forms work without
-- sahel_news in the search_path.  The programs that use real drivers are
-- tests/integration/clients_*.sh.
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
-- a client's default path: the extension's schema is not in it
SET search_path = "$user", public;

--
-- sahel_news_bi: every bi_* view of sahel_news, of the same columns and
-- types, and nothing else (no rows: nothing missing, nothing extra).
--
SELECT 'missing from sahel_news_bi' AS problem, c.relname
FROM pg_class c
WHERE c.relnamespace = 'sahel_news'::regnamespace AND c.relkind = 'v' AND c.relname LIKE 'bi\_%'
  AND NOT EXISTS (SELECT FROM pg_class b WHERE b.relnamespace = 'sahel_news_bi'::regnamespace
                                           AND b.relname = c.relname AND b.relkind = 'v')
UNION ALL
SELECT 'not a bi_* view of sahel_news', c.relname || ' (' || c.relkind::text || ')'
FROM pg_class c
WHERE c.relnamespace = 'sahel_news_bi'::regnamespace
  AND (c.relkind <> 'v' OR NOT EXISTS (SELECT FROM pg_class s WHERE s.relnamespace = 'sahel_news'::regnamespace
                                                                AND s.relname = c.relname AND s.relkind = 'v'
                                                                AND s.relname LIKE 'bi\_%'))
UNION ALL
SELECT 'not a view or table', p.proname FROM pg_proc p WHERE p.pronamespace = 'sahel_news_bi'::regnamespace
UNION ALL
SELECT 'not a view or table', t.typname FROM pg_type t
WHERE t.typnamespace = 'sahel_news_bi'::regnamespace AND t.typrelid = 0 AND t.typelem = 0
ORDER BY 1, 2;

-- the same columns, in the same order, of the same types, with the same comments
SELECT c.relname, a.attnum, a.attname, b.attname AS bi_attname,
       format_type(a.atttypid, a.atttypmod) AS type, format_type(b.atttypid, b.atttypmod) AS bi_type
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_class bc ON bc.relnamespace = 'sahel_news_bi'::regnamespace AND bc.relname = c.relname
FULL JOIN pg_attribute b ON b.attrelid = bc.oid AND b.attnum = a.attnum
WHERE c.relnamespace = 'sahel_news'::regnamespace AND c.relkind = 'v' AND c.relname LIKE 'bi\_%'
  AND (a.attname IS DISTINCT FROM b.attname OR a.atttypid IS DISTINCT FROM b.atttypid
       OR col_description(a.attrelid, a.attnum) IS DISTINCT FROM col_description(b.attrelid, b.attnum)
       OR obj_description(c.oid, 'pg_class') IS DISTINCT FROM obj_description(bc.oid, 'pg_class'));

-- only built-in column types there
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
JOIN pg_type t ON t.oid = a.atttypid
WHERE c.relnamespace = 'sahel_news_bi'::regnamespace AND t.typnamespace <> 'pg_catalog'::regnamespace;

-- what a BI tool's sync lists there (views, with their number of columns)
SELECT c.relname, c.relkind, count(a.*) AS columns
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE c.relnamespace = 'sahel_news_bi'::regnamespace
GROUP BY 1, 2 ORDER BY 1;

-- the sample reads the same through either schema
SELECT (SELECT count(*) FROM sahel_news_bi.bi_events WHERE sample) AS events,
       (SELECT count(*) FROM sahel_news_bi.bi_events WHERE sample)
         = (SELECT count(*) FROM sahel_news.bi_events WHERE sample) AS same_events,
       (SELECT count(*) FROM sahel_news_bi.bi_deployments WHERE sample) AS deployments,
       (SELECT count(*) FROM sahel_news_bi.bi_places WHERE sample) AS places;

-- the reader role may read every view there; PUBLIC may not use the schema
SELECT c.relname,
       has_schema_privilege('sahel_news_reader', 'sahel_news_bi', 'USAGE') AS reader_usage,
       has_table_privilege('sahel_news_reader', c.oid, 'SELECT') AS reader_select,
       has_table_privilege('sahel_news_reader', c.oid, 'INSERT') AS reader_insert,
       has_schema_privilege('public', 'sahel_news_bi', 'USAGE') AS public_usage
FROM pg_class c WHERE c.relnamespace = 'sahel_news_bi'::regnamespace ORDER BY 1;

-- a reader who logs in sees the views and reads them
CREATE ROLE sn_bi_user LOGIN IN ROLE sahel_news_reader;
SET ROLE sn_bi_user;
SELECT count(*) > 0 AS reads_bi_events FROM sahel_news_bi.bi_events;
SELECT count(*) > 0 AS reads_bi_troop_levels FROM sahel_news_bi.bi_troop_levels;
RESET ROLE;
DROP ROLE sn_bi_user;

--
-- edtf against a date parameter, however the driver sends it.
--
-- pgjdbc's setDate: untyped, the JVM's offset appended.  The operator's other
-- side is edtf, so the parameter is read as edtf: the day.
PREPARE jdbc_date(unknown) AS
  SELECT count(*) FROM sahel_news.events e WHERE e.sample AND e.occurred OPERATOR(sahel_news.@>) $1;
EXECUTE jdbc_date('2022-08-13 +00');
EXECUTE jdbc_date('2022-08-13 +02:00');
EXECUTE jdbc_date('2022-08-13');
SELECT sn_regress.fails($$EXECUTE jdbc_date('2022-08-13 10:00:00+00')$$);
DEALLOCATE jdbc_date;
SELECT '2022-08-13 +00'::sahel_news.edtf AS jdbc_day, '2022-08-13 -05:30'::sahel_news.edtf AS jdbc_day_west,
       sn_regress.fails($$SELECT '2022-08-13 +16'::sahel_news.edtf$$) AS bad_offset;
-- psycopg2: a Python date becomes '2022-08-13'::date; BI tools send date too
PREPARE typed_date(date) AS
  SELECT count(*) FROM sahel_news.events e
  WHERE e.sample AND e.occurred OPERATOR(sahel_news.@>) $1
    AND e.occurred OPERATOR(sahel_news.&&) $1;
EXECUTE typed_date('2022-08-13');
DEALLOCATE typed_date;
-- a BI filter on the flat view: plain dates
SELECT count(*) FROM sahel_news_bi.bi_events
WHERE sample AND date_low <= '2022-08-13 +00'::date AND date_high >= '2022-08-13'::date;

--
-- troop_strength with text parameters: pgjdbc's setString sends varchar,
-- setDate an untyped date; psycopg2 sends text literals and a typed date.
--
PREPARE jdbc_strength(varchar, varchar, unknown) AS SELECT sahel_news.troop_strength($1, $2, $3);
EXECUTE jdbc_strength('FRA', 'MLI', '2022-06-01 +00');
EXECUTE jdbc_strength('France', NULL, '2022-08-15 +00');
SELECT sn_regress.fails($$EXECUTE jdbc_strength('Atlantis', 'MLI', '2022-06-01 +00')$$);
DEALLOCATE jdbc_strength;
PREPARE text_strength(text, text, date) AS SELECT sahel_news.troop_strength($1, $2, $3)::text;
EXECUTE text_strength('FRA', 'NER', '2022-08-15');
DEALLOCATE text_strength;
-- the typed call and the untyped one (with sahel_news in the path) answer the same
SELECT sahel_news.troop_strength('FRA'::sahel_news.country, 'TCD'::sahel_news.country, date '2022-08-15')::text AS typed,
       sahel_news.troop_strength('FRA', 'TCD', '2022-08-15')::text AS untyped,
       sahel_news.troop_strength('FRA'::text, 'TCD'::text, date '2022-08-15')::text AS as_text;
SELECT * FROM sahel_news.troop_timeline('FRA'::varchar, 'MLI'::varchar) ORDER BY valid_from LIMIT 3;

--
-- Operators without the search_path: the documented OPERATOR() form.
--
SELECT count(*) AS overlapping FROM sahel_news.events e
WHERE e.sample AND e.occurred OPERATOR(sahel_news.&&) '2022-08'::sahel_news.edtf;
SELECT sn_regress.fails($$SELECT count(*) FROM sahel_news.events e WHERE e.occurred && '2022-08'::sahel_news.edtf$$)
  AS bare_operator_outside_the_path;
