-- 0.1 -> 0.2: a place's name and its other names must be names
-- (is_place_name(), defined by extension/sql/100_model_tables.sql just
-- before this runs).  A database whose rows break the rule stops the update
-- here, naming the constraint: fix or delete those names, then update again.
ALTER TABLE @extschema@.places
  ADD CONSTRAINT places_name_is_a_name CHECK (@extschema@.is_place_name(name));
ALTER TABLE @extschema@.place_names
  ADD CONSTRAINT place_names_name_is_a_name CHECK (@extschema@.is_place_name(name));

-- The indexes of places.parent_id and events.source_id leave out NULL: the
-- places and events the loaders write have neither, and every load wrote an
-- index entry per row that no query reads.
-- upgrade-covers: 4b47ce58c636 CREATE INDEX places_parent_idx ON @extschema@.places (
-- upgrade-covers: 30fea55a2141 CREATE INDEX events_source_idx ON @extschema@.events (
DROP INDEX @extschema@.places_parent_idx;
CREATE INDEX places_parent_idx ON @extschema@.places (parent_id) WHERE parent_id IS NOT NULL;
DROP INDEX @extschema@.events_source_idx;
CREATE INDEX events_source_idx ON @extschema@.events (source_id) WHERE source_id IS NOT NULL;
