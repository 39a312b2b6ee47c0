-- 0.1 -> 0.2: the ACLED and UCDP GED staging tables hold every published
-- layout's columns (extension/sql/300_loaders_staging.sql); the new ones come
-- after the current layout's, as in a fresh install.
--
-- upgrade-covers: 5e9be6d64bc6 CREATE UNLOGGED TABLE @extschema@.acled_raw (
-- upgrade-covers: 2be3d92ff84c CREATE UNLOGGED TABLE @extschema@.ucdp_ged_raw (

ALTER TABLE @extschema@.acled_raw
  ADD COLUMN data_id text,
  ADD COLUMN event_id_no_cnty text,
  ADD COLUMN iso3 text,
  ADD COLUMN gwno text,
  ADD COLUMN ally_actor_1 text,
  ADD COLUMN ally_actor_2 text,
  ADD COLUMN actor1_id text,
  ADD COLUMN actor2_id text,
  ADD COLUMN actor_dyad_id text;

ALTER TABLE @extschema@.ucdp_ged_raw
  ADD COLUMN best_est text,
  ADD COLUMN low_est text,
  ADD COLUMN high_est text,
  ADD COLUMN geom text,
  ADD COLUMN gwno text;
