-- 0.1 -> 0.2: columns, constraints and indexes that the model's tables gained
-- or lost since 0.1 (extension/sql/100_model_tables.sql).  Runs before that
-- piece, whose new indexes and comments then apply to these columns; the
-- constraints that call is_place_name(), which that piece defines, are in
-- 101_model_constraints.sql.  New columns come last in an updated table, where
-- a fresh install has them in the middle: write column lists, not SELECT *.
--
-- upgrade-covers: 34752cee4dd7 CREATE TABLE @extschema@.places (
-- upgrade-covers: 32432fc30de7 CREATE TABLE @extschema@.place_names (
-- upgrade-covers: cb13e221d64d CREATE TABLE @extschema@.actors (
-- upgrade-covers: 56a48853fa45 CREATE TABLE @extschema@.actor_names (
-- upgrade-covers: 76c17ea6fda8 CREATE TABLE @extschema@.events (

ALTER TABLE @extschema@.places
  DROP CONSTRAINT places_name_check,
  DROP CONSTRAINT places_kind_check,
  ADD CONSTRAINT places_kind_check
    CHECK (kind IN ('country', 'region', 'city', 'town', 'village', 'base', 'border area',
                    'sea', 'lake region', 'supranational region', 'continent',
                    'locality', 'water feature', 'landform', 'site', 'area', 'road',
                    'vegetation', 'undersea feature')),
  ADD COLUMN feature_class text CHECK (feature_class IN ('A', 'H', 'L', 'P', 'R', 'S', 'T', 'U', 'V')),
  ADD COLUMN feature_code text CHECK (feature_code OPERATOR(pg_catalog.~) '^[A-Z0-9]{1,10}$'),
  ADD COLUMN population bigint CHECK (population >= 0),
  ADD COLUMN admin_level smallint CHECK (admin_level BETWEEN 0 AND 4),
  ADD COLUMN admin1_code text,
  ADD COLUMN admin2_code text,
  ADD COLUMN admin3_code text,
  ADD COLUMN admin4_code text,
  ADD COLUMN geonames_modified date,
  ADD COLUMN parent_basis text,
  ADD COLUMN created_run bigint,
  ADD COLUMN changed_run bigint;
DROP INDEX @extschema@.places_lower_name_idx;

ALTER TABLE @extschema@.place_names DROP CONSTRAINT place_names_name_check;
DROP INDEX @extschema@.place_names_lower_name_idx;

ALTER TABLE @extschema@.actors
  ADD COLUMN provisional boolean NOT NULL DEFAULT false,
  ADD COLUMN created_run bigint,
  ADD COLUMN changed_run bigint,
  ADD CONSTRAINT actors_shipped_not_provisional CHECK (NOT (sample AND provisional));

ALTER TABLE @extschema@.actor_names ADD COLUMN used @extschema@.edtf;

ALTER TABLE @extschema@.events
  ADD COLUMN location_precision_m float8
    CHECK (location_precision_m >= 0 AND location_precision_m <= 20037509),
  ADD COLUMN dataset_category text,
  ADD COLUMN created_run bigint,
  ADD COLUMN changed_run bigint,
  ADD COLUMN deleted_at timestamptz,
  ADD COLUMN deleted_run bigint,
  ADD CONSTRAINT events_precision_m_needs_location
    CHECK (location_precision_m IS NULL OR location IS NOT NULL),
  ADD CONSTRAINT events_deleted_run_needs_deleted_at
    CHECK (deleted_run IS NULL OR deleted_at IS NOT NULL);
