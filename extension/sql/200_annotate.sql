-- extension/sql/200_annotate.sql
-- annotate(): the places, actors, quantities and dates mentioned in a text.

-- The names annotate() looks for, from the model's tables: every name and
-- alias of a place or an actor (their own name included), with the country it
-- belongs to; and, as rows of kind 'country', the place that stands for each
-- country of the country type, so that a country named in a text is that
-- place.  The C code adds the names of the country type itself.
CREATE FUNCTION @extschema@.annotate_names()
RETURNS TABLE (kind text, ref_id bigint, country @extschema@.country, name text,
               demonym boolean, lang text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT 'place', p.id, p.country, p.name, false, NULL::text
    FROM @extschema@.places p
  UNION ALL
  SELECT 'place', n.place_id, p.country, n.name, n.is_demonym, n.lang
    FROM @extschema@.place_names n JOIN @extschema@.places p ON p.id = n.place_id
  UNION ALL
  SELECT 'actor', a.id, a.country, a.name, false, NULL::text
    FROM @extschema@.actors a
  UNION ALL
  SELECT 'actor', n.actor_id, a.country, n.name, false, n.lang
    FROM @extschema@.actor_names n JOIN @extschema@.actors a ON a.id = n.actor_id
  UNION ALL
  SELECT 'country', min(p.id), p.country, NULL::text, false, NULL::text
    FROM @extschema@.places p
   WHERE p.kind = 'country' AND p.country IS NOT NULL
   GROUP BY p.country
$$;

COMMENT ON FUNCTION @extschema@.annotate_names() IS
  'the names annotate() looks for: every name of places, place_names, actors and actor_names with its reference (rows of kind country map a country to its place)';

CREATE FUNCTION @extschema@.annotate(body text, published date DEFAULT NULL, lang text DEFAULT 'en')
RETURNS TABLE (kind text, start_pos integer, length integer, surface text,
               place_id bigint, actor_id bigint, country @extschema@.country,
               quantity @extschema@.estimate, date @extschema@.edtf)
AS 'MODULE_PATHNAME', 'annotate'
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE COST 1000 ROWS 20;

COMMENT ON FUNCTION @extschema@.annotate(text, date, text) IS
  'the mentions of places, actors, quantities and dates in a text, by position (1-based characters): kind, start_pos, length, surface = substr(body, start_pos, length), and what each refers to; relative dates resolve against published; lang is en or fr';

CREATE FUNCTION @extschema@.annotate_gazetteer_info(
  OUT names_read bigint, OUT names bigint, OUT keys bigint, OUT states bigint,
  OUT bytes bigint, OUT builds bigint, OUT build_ms float8, OUT built_at timestamptz,
  OUT per_query boolean, OUT kept integer, OUT backend_bytes bigint)
AS 'MODULE_PATHNAME', 'annotate_gazetteer_info'
LANGUAGE C STABLE PARALLEL RESTRICTED;

COMMENT ON FUNCTION @extschema@.annotate_gazetteer_info() IS
  'this session''s annotate() gazetteer for the current role: names read from the tables, names matched (with the country type''s and inflected forms), distinct keys, automaton states, memory, how many times it was built and how long the last build took; per_query is true when it is built for each query (row-level security applies to the role, or it lacks SELECT on a table); kept and backend_bytes: the gazetteers this session keeps (one per role, at most 4) and their memory';

-- A change to the tables the names come from queues a relcache invalidation
-- of annotate_names_signal, a sequence that holds no numbers anyone uses;
-- every session's annotate() gazetteer listens for it (and for the tables'
-- own invalidations, which DDL and TRUNCATE bring).  Invalidating the tables
-- themselves at each change would also throw away every cached plan over
-- them, the loaders' look-ups and foreign-key checks included.
CREATE SEQUENCE @extschema@.annotate_names_signal;
COMMENT ON SEQUENCE @extschema@.annotate_names_signal IS
  'annotate() internals: the triggers on places, place_names, actors and actor_names invalidate this sequence''s cache entry to tell every session that the names changed; its numbers are not used';

CREATE FUNCTION @extschema@.annotate_invalidate() RETURNS trigger
AS 'MODULE_PATHNAME', 'annotate_invalidate'
LANGUAGE C VOLATILE PARALLEL UNSAFE;

COMMENT ON FUNCTION @extschema@.annotate_invalidate() IS
  'trigger: tells every session that the names annotate() uses have changed';

CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.places FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.place_names FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.actors FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
CREATE TRIGGER annotate_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.actor_names FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.annotate_invalidate();
