-- extension/sql/130_event_taxonomy.sql
-- One vocabulary of event types for every dataset.  Each conflict dataset
-- codes what happened its own way (ACLED event and sub-event types, UCDP's
-- type of violence, GTD's attack type, SCAD's event type, CAMEO root codes in
-- GDELT); event_taxonomy maps each dataset's categories onto two common levels
-- (level 1 coarse: armed clash, violence against civilians, ...; level 2 finer,
-- always under one level 1), so that events of different datasets can be
-- compared by type.  event_taxonomy_levels holds that vocabulary, and
-- event_categories gives every event its levels.
--
-- The shipped rows (standard = true, extension/data/120_event_taxonomy.sql) are
-- guarded like the other shipped lookups.  A user's own rows (standard = false)
-- are kept by pg_dump.  A user may also change a shipped mapping: the row then
-- becomes the user's own (standard turns false), pg_dump keeps it, and on a
-- restore it replaces the shipped row that CREATE EXTENSION brought back (see
-- event_taxonomy_user_row below).  docs/reference/event_taxonomy.md explains the choices.

CREATE TABLE @extschema@.event_taxonomy_levels (
  name text PRIMARY KEY CHECK (name OPERATOR(pg_catalog.<>) ''),
  level smallint NOT NULL CHECK (level IN (1, 2)),
  parent text,
  parent_level smallint GENERATED ALWAYS AS (CASE WHEN parent IS NOT NULL THEN 1 END) STORED,
  specific boolean NOT NULL DEFAULT true,
  description text NOT NULL CHECK (description OPERATOR(pg_catalog.<>) ''),
  standard boolean NOT NULL DEFAULT false,
  CONSTRAINT event_taxonomy_levels_parent_iff_level2 CHECK ((level = 2) = (parent IS NOT NULL)),
  UNIQUE (name, level),
  UNIQUE (parent, name),
  FOREIGN KEY (parent, parent_level) REFERENCES @extschema@.event_taxonomy_levels (name, level)
);
COMMENT ON TABLE @extschema@.event_taxonomy_levels IS
  'The common event-type vocabulary that event_taxonomy maps every dataset''s categories onto: level 1 (armed clash, violence against civilians, remote violence and explosions, protest and riot, strategic development, and two catch-alls) and level 2, each level 2 under one level 1';
COMMENT ON COLUMN @extschema@.event_taxonomy_levels.name IS 'the level''s name (lower case; unique over both levels)';
COMMENT ON COLUMN @extschema@.event_taxonomy_levels.level IS '1 coarse, 2 finer';
COMMENT ON COLUMN @extschema@.event_taxonomy_levels.parent IS 'for a level 2, the level 1 it belongs to; NULL for a level 1';
COMMENT ON COLUMN @extschema@.event_taxonomy_levels.parent_level IS 'the level of parent (1 when there is a parent): with the foreign key on (parent, parent_level) it makes every parent a level 1';
COMMENT ON COLUMN @extschema@.event_taxonomy_levels.specific IS 'false for a catch-all ("armed clash, unspecified", "type unknown"): a dataset category mapped there says no more than its level 1 (or nothing), so two events that share it share only what its parent says; true otherwise';
COMMENT ON COLUMN @extschema@.event_taxonomy_levels.description IS 'what falls under it, in our words';
COMMENT ON COLUMN @extschema@.event_taxonomy_levels.standard IS 'true for the rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.event_taxonomy (
  dataset text NOT NULL CHECK (dataset OPERATOR(pg_catalog.<>) ''),
  category text NOT NULL CHECK (category OPERATOR(pg_catalog.<>) ''),
  level1 text NOT NULL,
  level2 text NOT NULL,
  standard boolean NOT NULL DEFAULT false,
  PRIMARY KEY (dataset, category),
  FOREIGN KEY (level1, level2) REFERENCES @extschema@.event_taxonomy_levels (parent, name) ON UPDATE CASCADE
);
-- One mapping per category whatever its case: ACLED has written the same type
-- with different capitals ("Strategic developments", "Strategic Developments").
CREATE UNIQUE INDEX event_taxonomy_lower_category_idx ON @extschema@.event_taxonomy (dataset, lower(category));
CREATE INDEX event_taxonomy_levels_idx ON @extschema@.event_taxonomy (level1, level2);
COMMENT ON TABLE @extschema@.event_taxonomy IS
  'Each dataset''s own event categories mapped onto the common levels of event_taxonomy_levels: every ACLED event and sub-event type (2015-era names too), UCDP type_of_violence, GTD attacktype1, SCAD etype, CAMEO root code (GDELT); categories match case-insensitively; event_categories applies it to events';
COMMENT ON COLUMN @extschema@.event_taxonomy.dataset IS 'the dataset whose coding this is, as events.dataset names it (acled, ucdp_ged, gtd, scad, gdelt); ACLED''s rows also classify the event_type and sub_event_type of every event';
COMMENT ON COLUMN @extschema@.event_taxonomy.category IS 'the category as the dataset writes it (events.dataset_category): an ACLED type or sub-event type name, UCDP ''1''..''3'', GTD ''1''..''9'', SCAD ''1''..''10'', a CAMEO root code ''01''..''20''; unique per dataset regardless of case';
COMMENT ON COLUMN @extschema@.event_taxonomy.level1 IS 'the coarse common level (event_taxonomy_levels, level 1)';
COMMENT ON COLUMN @extschema@.event_taxonomy.level2 IS 'the finer common level, one of level1''s (event_taxonomy_levels, level 2)';
COMMENT ON COLUMN @extschema@.event_taxonomy.standard IS 'true for the rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them); a shipped row that a user changes becomes the user''s (false)';

-- A user's row for a category takes the place of the shipped row of that
-- category: changing a shipped row makes it the user's, and inserting a user
-- row for a shipped category (what a restore does, after CREATE EXTENSION has
-- brought the shipped row back) removes the shipped row first.  Inserting or
-- marking a row as shipped, renaming a shipped row's category, deleting a
-- shipped row and truncating stay guarded (sample_guard).
CREATE FUNCTION @extschema@.event_taxonomy_user_row() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  saved text;
BEGIN
  IF coalesce(current_setting('sahel_news.allow_sample_changes', true), '') IN ('on', 'true', '1') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    -- NEW is a user row (the trigger fires only for those).
    saved := current_setting('sahel_news.allow_sample_changes', true);
    PERFORM set_config('sahel_news.allow_sample_changes', 'on', true);
    DELETE FROM @extschema@.event_taxonomy t
    WHERE t.standard AND t.dataset = NEW.dataset AND lower(t.category) = lower(NEW.category);
    PERFORM set_config('sahel_news.allow_sample_changes', coalesce(saved, ''), true);
    RETURN NEW;
  END IF;
  -- UPDATE
  IF NOT OLD.standard THEN
    RAISE EXCEPTION 'cannot mark the row for % category % as shipped with the extension', NEW.dataset, pg_catalog.quote_literal(NEW.category)
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = 'Rows with standard = true are not dumped by pg_dump, so this row would be lost by a dump and restore.',
            HINT = 'Leave standard false.';
  END IF;
  IF NEW.dataset IS DISTINCT FROM OLD.dataset OR NEW.category IS DISTINCT FROM OLD.category THEN
    RAISE EXCEPTION 'cannot change the dataset or category of the shipped row for % category %', OLD.dataset, pg_catalog.quote_literal(OLD.category)
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = 'CREATE EXTENSION recreates the shipped row, so a dump and restore would bring the old category back beside the new one.',
            HINT = 'Insert a row of your own for the new category, and change only level1 and level2 of the shipped one.';
  END IF;
  NEW.standard := false;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.event_taxonomy_user_row() IS
  'Trigger function of event_taxonomy: a user''s row replaces the shipped row of its category (changing a shipped row''s levels makes it the user''s, standard = false, which pg_dump keeps; inserting a user row for a shipped category, as a restore does, removes the shipped row); marking a row shipped or renaming a shipped row''s category is an error; SET sahel_news.allow_sample_changes = on lifts it';

CREATE TRIGGER user_row_insert BEFORE INSERT ON @extschema@.event_taxonomy
  FOR EACH ROW WHEN (NOT NEW.standard) EXECUTE FUNCTION @extschema@.event_taxonomy_user_row();
CREATE TRIGGER user_row_update BEFORE UPDATE ON @extschema@.event_taxonomy
  FOR EACH ROW WHEN (OLD.standard OR NEW.standard) EXECUTE FUNCTION @extschema@.event_taxonomy_user_row();
CREATE TRIGGER shipped_rows_insert BEFORE INSERT ON @extschema@.event_taxonomy
  FOR EACH ROW WHEN (NEW.standard) EXECUTE FUNCTION @extschema@.sample_guard('standard');
CREATE TRIGGER shipped_rows_delete BEFORE DELETE ON @extschema@.event_taxonomy
  FOR EACH ROW WHEN (OLD.standard) EXECUTE FUNCTION @extschema@.sample_guard('standard');
CREATE TRIGGER shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.event_taxonomy
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.sample_guard('standard');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_taxonomy', 'WHERE NOT standard');

SELECT @extschema@.guard_shipped_rows('@extschema@.event_taxonomy_levels', 'standard');

-- Every event with its common levels.  The category is looked up, in this
-- order, as
--   1. events.dataset_category under events.dataset (the dataset's own coding),
--   2. coalesce(sub_event_type, event_type) under 'acled' (the model's own
--      classification: hand-entered events, the sample report, older loads),
--   3. the CAMEO root code, left(cameo_code, 2), under 'gdelt';
-- the first of these with a row in event_taxonomy gives the levels.  When none
-- has a row, dataset and category are the first of them the event has, with
-- NULL levels (so that WHERE level1 IS NULL lists what is left to map), and
-- both are NULL when the event has none of them.
CREATE VIEW @extschema@.event_categories AS
SELECT e.id AS event_id,
       CASE WHEN t1.dataset IS NOT NULL THEN t1.dataset
            WHEN t2.dataset IS NOT NULL THEN t2.dataset
            WHEN t3.dataset IS NOT NULL THEN t3.dataset
            WHEN e.dataset IS NOT NULL AND e.dataset_category IS NOT NULL THEN e.dataset
            WHEN coalesce(e.sub_event_type, e.event_type) IS NOT NULL THEN 'acled'
            WHEN e.cameo_code IS NOT NULL THEN 'gdelt' END AS dataset,
       CASE WHEN t1.dataset IS NOT NULL THEN e.dataset_category
            WHEN t2.dataset IS NOT NULL THEN coalesce(e.sub_event_type, e.event_type)
            WHEN t3.dataset IS NOT NULL THEN pg_catalog.left(e.cameo_code, 2)
            WHEN e.dataset IS NOT NULL AND e.dataset_category IS NOT NULL THEN e.dataset_category
            ELSE coalesce(e.sub_event_type, e.event_type, pg_catalog.left(e.cameo_code, 2)) END AS category,
       coalesce(t1.level1, t2.level1, t3.level1) AS level1,
       coalesce(t1.level2, t2.level2, t3.level2) AS level2
FROM @extschema@.events e
LEFT JOIN @extschema@.event_taxonomy t1
  ON t1.dataset = e.dataset AND pg_catalog.lower(t1.category) = pg_catalog.lower(e.dataset_category)
LEFT JOIN @extschema@.event_taxonomy t2
  ON t2.dataset = 'acled' AND pg_catalog.lower(t2.category) = pg_catalog.lower(coalesce(e.sub_event_type, e.event_type))
LEFT JOIN @extschema@.event_taxonomy t3
  ON t3.dataset = 'gdelt' AND t3.category = pg_catalog.left(e.cameo_code, 2);
COMMENT ON VIEW @extschema@.event_categories IS
  'Every event with its common event-type levels (event_taxonomy): its dataset_category under its dataset, else its ACLED sub-event or event type under acled, else its CAMEO root code under gdelt; levels NULL when none of these is mapped';
COMMENT ON COLUMN @extschema@.event_categories.event_id IS 'the event (events.id)';
COMMENT ON COLUMN @extschema@.event_categories.dataset IS 'the dataset whose coding gave the levels (acled also for the model''s own ACLED types, gdelt for a CAMEO code); when nothing is mapped, the first coding the event has; NULL when it has none';
COMMENT ON COLUMN @extschema@.event_categories.category IS 'the category looked up in that coding (events.dataset_category, the ACLED sub-event or event type, or the CAMEO root code)';
COMMENT ON COLUMN @extschema@.event_categories.level1 IS 'the coarse common level; NULL when the category is not in event_taxonomy';
COMMENT ON COLUMN @extschema@.event_categories.level2 IS 'the finer common level, under level1; NULL when the category is not in event_taxonomy';
