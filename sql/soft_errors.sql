-- soft_errors: on PostgreSQL 16 and later the types' input functions report
-- bad input softly (escontext), so pg_input_is_valid() and
-- pg_input_error_info() answer without raising, with the same SQLSTATE and
-- message as a cast that fails.  PostgreSQL 15 has neither function: there
-- this test says so and stops (its output is expected/soft_errors_1.out).
SELECT current_setting('server_version_num')::int >= 160000 AS has_soft_errors \gset
\if :has_soft_errors
\else
\echo 'PostgreSQL before 16 has no soft input errors (pg_input_is_valid): nothing to test'
\quit
\endif
SET search_path = sahel_news, public;

-- the error a cast of the same text raises
CREATE FUNCTION pg_temp.cast_error(t text, typ text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT %L::%s', t, typ);
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- Bad inputs of each type: not valid, and the soft error is the hard one.
CREATE TEMP TABLE bad_inputs (typ text, input text);
INSERT INTO bad_inputs VALUES
  ('estimate', 'about a thousand'), ('estimate', '1000..700'), ('estimate', '-5'),
  ('estimate', ''), ('estimate', '99999999999999999999'), ('estimate', '~'),
  ('edtf', '2022-13'), ('edtf', '2023-02-29'), ('edtf', '2022-08-15/2022-08-01'),
  ('edtf', ''), ('edtf', 'Y99999999999'), ('edtf', '../..'),
  ('geopoint', '12.6392 8.0029W'), ('geopoint', '100, 8'), ('geopoint', ''),
  ('geopoint', '14.5, 540'),
  ('country', 'Atlantis'), ('country', 'Congo'), ('country', ''), ('country', 'UV');
SELECT b.typ, b.input, pg_input_is_valid(b.input, 'sahel_news.' || b.typ) AS valid,
       e.sql_error_code, e.message, e.detail, e.hint,
       pg_temp.cast_error(b.input, 'sahel_news.' || b.typ)
         = e.sql_error_code || ': ' || e.message AS same_as_cast
FROM bad_inputs b, pg_input_error_info(b.input, 'sahel_news.' || b.typ) e
ORDER BY b.typ, b.input;

-- Good inputs are valid and have no error.
SELECT typ, input, pg_input_is_valid(input, 'sahel_news.' || typ) AS valid,
       (pg_input_error_info(input, 'sahel_news.' || typ)).message
FROM (VALUES ('estimate', '~700..1000'), ('edtf', '2022-08~'), ('geopoint', '14.5, -4.2'),
             ('country', 'Niger')) AS g(typ, input);

-- Arrays pass the soft error on from each element's input.
SELECT pg_input_is_valid('{2022,2022-08}', 'sahel_news.edtf[]') AS good_array,
       pg_input_is_valid('{2022,2022-13}', 'sahel_news.edtf[]') AS bad_array,
       (pg_input_error_info('{MLI,Atlantis}', 'sahel_news.country[]')).message AS bad_country_array;
