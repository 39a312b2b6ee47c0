-- 0.1 -> 0.2: a place's name and its other names must be names
-- (is_place_name(), defined by extension/sql/100_model_tables.sql just
-- before this runs).  A database whose rows break the rule stops the update
-- here, naming the constraint: fix or delete those names, then update again.
ALTER TABLE @extschema@.places
  ADD CONSTRAINT places_name_is_a_name CHECK (@extschema@.is_place_name(name));
ALTER TABLE @extschema@.place_names
  ADD CONSTRAINT place_names_name_is_a_name CHECK (@extschema@.is_place_name(name));
