-- extension/sql/135_matching_taxonomy_standin.sql
-- A minimal event_taxonomy and event_categories so that event matching can be
-- built and tested before the full taxonomy (every dataset's categories) is in
-- the install script; it goes when that arrives.  Same shapes and names.

CREATE TABLE @extschema@.event_taxonomy_levels (
  name text PRIMARY KEY,
  specific boolean NOT NULL DEFAULT true,
  standard boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.event_taxonomy_levels IS 'The common event-type levels (stand-in)';
COMMENT ON COLUMN @extschema@.event_taxonomy_levels.name IS 'the level''s name';
COMMENT ON COLUMN @extschema@.event_taxonomy_levels.specific IS 'false for a catch-all level 2 that says no more than its level 1';
COMMENT ON COLUMN @extschema@.event_taxonomy_levels.standard IS 'true for shipped rows';
INSERT INTO @extschema@.event_taxonomy_levels (name, specific, standard) VALUES
  ('armed clash, unspecified', false, true), ('violence against civilians, unspecified', false, true),
  ('type unknown', false, true);

CREATE TABLE @extschema@.event_taxonomy (
  dataset text NOT NULL,
  category text NOT NULL,
  level1 text NOT NULL,
  level2 text NOT NULL,
  standard boolean NOT NULL DEFAULT false,
  PRIMARY KEY (dataset, category)
);
COMMENT ON TABLE @extschema@.event_taxonomy IS 'Each dataset''s event categories mapped onto two common levels (stand-in)';
COMMENT ON COLUMN @extschema@.event_taxonomy.dataset IS 'the dataset';
COMMENT ON COLUMN @extschema@.event_taxonomy.category IS 'its category';
COMMENT ON COLUMN @extschema@.event_taxonomy.level1 IS 'coarse level';
COMMENT ON COLUMN @extschema@.event_taxonomy.level2 IS 'finer level';
COMMENT ON COLUMN @extschema@.event_taxonomy.standard IS 'true for shipped rows';
INSERT INTO @extschema@.event_taxonomy VALUES
  ('acled', 'Battles', 'armed clash', 'armed clash, unspecified', true),
  ('acled', 'Armed clash', 'armed clash', 'battle without change of territory', true),
  ('acled', 'Violence against civilians', 'violence against civilians', 'violence against civilians, unspecified', true),
  ('acled', 'Attack', 'violence against civilians', 'attack', true),
  ('acled', 'Protests', 'protest and riot', 'peaceful protest', true),
  ('acled', 'Peaceful protest', 'protest and riot', 'peaceful protest', true),
  ('ucdp_ged', '1', 'armed clash', 'armed clash, unspecified', true),
  ('ucdp_ged', '2', 'armed clash', 'armed clash, unspecified', true),
  ('ucdp_ged', '3', 'violence against civilians', 'attack', true),
  ('gtd', '1', 'violence against civilians', 'attack', true),
  ('gtd', '2', 'armed clash', 'armed clash, unspecified', true),
  ('gtd', '3', 'remote violence and explosions', 'remote violence and explosions, unspecified', true),
  ('scad', '1', 'protest and riot', 'peaceful protest', true),
  ('scad', '7', 'armed clash', 'armed clash, unspecified', true),
  ('scad', '9', 'violence against civilians', 'violence against civilians, unspecified', true),
  ('gdelt', '19', 'armed clash', 'fight', true),
  ('gdelt', '14', 'protest and riot', 'peaceful protest', true);

CREATE VIEW @extschema@.event_categories AS
SELECT e.id AS event_id,
       coalesce(t1.dataset, t2.dataset, t3.dataset) AS dataset,
       coalesce(CASE WHEN t1.dataset IS NOT NULL THEN e.dataset_category END,
                CASE WHEN t2.dataset IS NOT NULL THEN coalesce(e.sub_event_type, e.event_type) END,
                pg_catalog.left(e.cameo_code, 2)) AS category,
       coalesce(t1.level1, t2.level1, t3.level1) AS level1,
       coalesce(t1.level2, t2.level2, t3.level2) AS level2
FROM @extschema@.events e
LEFT JOIN @extschema@.event_taxonomy t1
  ON t1.dataset = e.dataset AND pg_catalog.lower(t1.category) = pg_catalog.lower(e.dataset_category)
LEFT JOIN @extschema@.event_taxonomy t2
  ON t2.dataset = 'acled' AND pg_catalog.lower(t2.category) = pg_catalog.lower(coalesce(e.sub_event_type, e.event_type))
LEFT JOIN @extschema@.event_taxonomy t3
  ON t3.dataset = 'gdelt' AND t3.category = pg_catalog.left(e.cameo_code, 2);
COMMENT ON VIEW @extschema@.event_categories IS 'Every event''s common levels (stand-in)';
COMMENT ON COLUMN @extschema@.event_categories.event_id IS 'the event';
COMMENT ON COLUMN @extschema@.event_categories.dataset IS 'the coding that gave the levels';
COMMENT ON COLUMN @extschema@.event_categories.category IS 'the category looked up';
COMMENT ON COLUMN @extschema@.event_categories.level1 IS 'coarse level';
COMMENT ON COLUMN @extschema@.event_categories.level2 IS 'finer level';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_taxonomy', 'WHERE NOT standard');
