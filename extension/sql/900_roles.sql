-- extension/sql/900_roles.sql: the three roles of a shared database, and what
-- each may do.  This piece is the last of the install script (pieces run in
-- name order), so the rules below cover every object the pieces before it
-- created: they grant by kind of object and by name, not object by object.
--
--   sahel_news_reader   query everything: every table and view (the BI views
--                       included), every function but the loaders'
--   sahel_news_editor   a reader who also edits the gazetteer and the facts:
--                       places, actors, their names, events, their actors,
--                       sources, deployments, figures, and the links between
--                       events (runs link_events, gives verdicts, maps
--                       categories in the taxonomy tables); never the shipped
--                       code lists
--   sahel_news_loader   a reader who runs the loaders (import_*; their
--                       internals loader_* run inside them), writes the
--                       staging tables (*_raw) and the tables loaders fill
--
-- The roles are NOLOGIN groups: grant them to login roles
-- (GRANT sahel_news_reader TO alice).  Roles belong to the whole cluster, not
-- to a database: CREATE EXTENSION creates each one that does not exist yet
-- and reuses one that does (a second database with the extension, or roles
-- an administrator made beforehand); DROP EXTENSION removes the grants with
-- the objects but never the roles, which other databases may still use.
--
-- PUBLIC keeps EXECUTE on the functions of the types and on the query
-- functions (they read only what the caller may read), but not on the
-- loaders and their internals, which only sahel_news_loader may run.

DO $roles$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['sahel_news_reader', 'sahel_news_editor', 'sahel_news_loader'] LOOP
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) r) THEN
      EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
      EXECUTE pg_catalog.format('COMMENT ON ROLE %I IS %L', r, CASE r
        WHEN 'sahel_news_reader' THEN 'sahel_news: may query every table, view and function of the extension but the loaders'
        WHEN 'sahel_news_editor' THEN 'sahel_news: a reader who may also edit places, actors, their names, events, sources, deployments, figures and links'
        ELSE 'sahel_news: a reader who may also run the loaders (import_*) and write the staging tables' END);
    END IF;
  END LOOP;
  -- editors and loaders read everything a reader does
  FOREACH r IN ARRAY ARRAY['sahel_news_editor', 'sahel_news_loader'] LOOP
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_auth_members m
                   WHERE m.roleid OPERATOR(pg_catalog.=) 'sahel_news_reader'::pg_catalog.regrole
                     AND m.member OPERATOR(pg_catalog.=) r::pg_catalog.regrole) THEN
      EXECUTE pg_catalog.format('GRANT sahel_news_reader TO %I', r);
    END IF;
  END LOOP;
END
$roles$;

DO $grants$
DECLARE
  o record;
  -- the tables an editor writes (and a loader too), by name
  -- (event matching: link_events() writes the links, incidents, its runs and
  -- state as its caller; analysts record verdicts in event_link_reviews and
  -- map categories in the taxonomy tables, matching_datasets and
  -- actor_match_aliases, whose
  -- shipped rows stay guarded by triggers)
  edited constant text := '^(places|place_names|place_countries|actors|actor_names|events|event_actors|event_actor_names|sources|deployments|figures|.*links?|incidents?|event_link_reviews|link_runs|event_match_state|event_taxonomy|event_taxonomy_levels|matching_datasets|actor_match_aliases)$';
  -- the tables a loader writes besides those: staging tables and run bookkeeping
  loaded constant text := '^(.*_raw|import_runs|import_issues|event_keys)$';
BEGIN
  -- every schema of the extension: @extschema@ and any other it created
  FOR o IN
    SELECT n.nspname FROM pg_catalog.pg_namespace n
    WHERE n.oid OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
       OR EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_namespace'::pg_catalog.regclass
                    AND d.objid OPERATOR(pg_catalog.=) n.oid
                    AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
                    AND d.refobjid OPERATOR(pg_catalog.=) (SELECT e.oid FROM pg_catalog.pg_extension e
                                                            WHERE e.extname OPERATOR(pg_catalog.=) 'sahel_news'))
  LOOP
    EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA %I TO sahel_news_reader, sahel_news_editor, sahel_news_loader',
                              o.nspname);
    EXECUTE pg_catalog.format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO sahel_news_reader', o.nspname);
  END LOOP;

  -- tables, by name, and the sequences of those tables (identity columns
  -- need none, but a user's own nextval() does): what an editor may change,
  -- the editor and the loader; what only loaders write, the loader
  FOR o IN
    SELECT pg_catalog.format('TABLE %s', c.oid::pg_catalog.regclass) AS obj, c.relname,
           'INSERT, UPDATE, DELETE' AS edit, 'INSERT, UPDATE, DELETE, TRUNCATE' AS load
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
     AND d.objid OPERATOR(pg_catalog.=) c.oid AND d.deptype OPERATOR(pg_catalog.=) 'e'
    JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid
     AND e.extname OPERATOR(pg_catalog.=) 'sahel_news'
    WHERE c.relkind IN ('r', 'p')
    UNION ALL
    SELECT pg_catalog.format('SEQUENCE %s', s.oid::pg_catalog.regclass), t.relname, 'USAGE', 'USAGE'
    FROM pg_catalog.pg_class s
    JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
     AND d.objid OPERATOR(pg_catalog.=) s.oid AND d.deptype IN ('a', 'i')
     AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
    JOIN pg_catalog.pg_class t ON t.oid OPERATOR(pg_catalog.=) d.refobjid
    WHERE s.relkind OPERATOR(pg_catalog.=) 'S'
      AND t.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
  LOOP
    IF o.relname OPERATOR(pg_catalog.~) edited THEN
      EXECUTE pg_catalog.format('GRANT %s ON %s TO sahel_news_editor, sahel_news_loader', o.edit, o.obj);
    ELSIF o.relname OPERATOR(pg_catalog.~) loaded THEN
      EXECUTE pg_catalog.format('GRANT %s ON %s TO sahel_news_loader', o.load, o.obj);
    END IF;
  END LOOP;

  -- the incidents' ids come from a sequence of its own (no table owns it)
  GRANT USAGE ON SEQUENCE @extschema@.incidents_id_seq TO sahel_news_editor, sahel_news_loader;

  -- the loaders and their internals: sahel_news_loader only
  FOR o IN
    SELECT p.oid::pg_catalog.regprocedure AS fn
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
     AND d.objid OPERATOR(pg_catalog.=) p.oid AND d.deptype OPERATOR(pg_catalog.=) 'e'
    JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid
     AND e.extname OPERATOR(pg_catalog.=) 'sahel_news'
    WHERE p.proname OPERATOR(pg_catalog.~) '^(loader_|import_)'
      AND p.prokind OPERATOR(pg_catalog.=) 'f'
  LOOP
    EXECUTE pg_catalog.format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', o.fn);
    EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %s TO sahel_news_loader', o.fn);
  END LOOP;
  -- the log of name changes may hold names row-level security hides: its owner's only
  EXECUTE pg_catalog.format('REVOKE ALL ON %I.annotate_names_changes FROM sahel_news_reader, sahel_news_editor, sahel_news_loader',
                            '@extschema@');
END
$grants$;
