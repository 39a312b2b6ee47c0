-- extension/sql/300_loaders_staging.sql - staging tables for the loaders.
--
-- One table per dataset, every column text.  ACLED and UCDP GED changed their
-- column sets over the years; their staging tables hold the union of every
-- published layout's column names, lower-cased, the current layout's columns
-- first and in its order, so that any layout's file loads by naming its own
-- columns (its header line, lower-cased):
--     \copy sahel_news.acled_raw (<the file's header, lower-cased>) FROM 'export.csv' WITH (FORMAT csv, HEADER true)
-- and the loaders pick the columns by name (docs/reference/loaders.md gives a one-line
-- shell command that builds the list from a file's first line).  With HEADER
-- MATCH (new in PostgreSQL 15) COPY also checks the file's header against the
-- list, which a current-layout file (lower-case names) passes.  The other
-- staging tables hold one layout each, in the file's exact column order, and
-- load without a column list.  Nothing is parsed here: the import_* functions
-- read these rows, move them into the model, record every row they could not
-- load cleanly in import_issues, and empty the staging table.
--
-- The staging tables are UNLOGGED: they hold a file for the minutes between
-- COPY and import, a crash empties them, and the file can be copied again.

CREATE UNLOGGED TABLE @extschema@.acled_raw (
  event_id_cnty text,
  event_date text,
  year text,
  time_precision text,
  disorder_type text,
  event_type text,
  sub_event_type text,
  actor1 text,
  assoc_actor_1 text,
  inter1 text,
  actor2 text,
  assoc_actor_2 text,
  inter2 text,
  interaction text,
  civilian_targeting text,
  iso text,
  region text,
  country text,
  admin1 text,
  admin2 text,
  admin3 text,
  location text,
  latitude text,
  longitude text,
  geo_precision text,
  source text,
  source_scale text,
  notes text,
  fatalities text,
  tags text,
  timestamp text,
  -- 2019-2022 exports (data_id, iso, event_id_cnty, event_id_no_cnty, ..., timestamp, iso3)
  data_id text,
  event_id_no_cnty text,
  iso3 text,
  -- 2015-era exports, upper-case (GWNO, EVENT_ID_CNTY, EVENT_ID_NO_CNTY, EVENT_DATE, YEAR,
  -- TIME_PRECISION, EVENT_TYPE, ACTOR1, ALLY_ACTOR_1, INTER1, [ACTOR1_ID,] ACTOR2, ALLY_ACTOR_2,
  -- INTER2, [ACTOR2_ID,] INTERACTION, [ACTOR_DYAD_ID,] COUNTRY, ADMIN1, ADMIN2, ADMIN3,
  -- LOCATION, LATITUDE, LONGITUDE, GEO_PRECISION, SOURCE, NOTES, FATALITIES)
  gwno text,
  ally_actor_1 text,
  ally_actor_2 text,
  actor1_id text,
  actor2_id text,
  actor_dyad_id text
);
COMMENT ON TABLE @extschema@.acled_raw IS
  'ACLED export as downloaded, any published layout: the union of their column names, lower-cased (the current 31 columns event_id_cnty ... timestamp first, then data_id, event_id_no_cnty, iso3 of the 2019-2022 exports and gwno, ally_actor_1/2, actor1_id, actor2_id, actor_dyad_id of the 2015 ones).  Load with \copy sahel_news.acled_raw (<the file''s header, lower-cased>) FROM ''file.csv'' WITH (FORMAT csv, HEADER true), then SELECT * FROM sahel_news.import_acled().';
COMMENT ON COLUMN @extschema@.acled_raw.event_id_cnty IS 'the event id (MLI6442 today, 2871NIG in 2015 exports: taken as written)';
COMMENT ON COLUMN @extschema@.acled_raw.iso IS 'ISO 3166 numeric country code (2019 and current layouts)';
COMMENT ON COLUMN @extschema@.acled_raw.gwno IS 'Gleditsch-Ward country number (2015 layouts, which have no iso column)';
COMMENT ON COLUMN @extschema@.acled_raw.ally_actor_1 IS 'the 2015 name of assoc_actor_1';
COMMENT ON COLUMN @extschema@.acled_raw.ally_actor_2 IS 'the 2015 name of assoc_actor_2';
COMMENT ON COLUMN @extschema@.acled_raw.sub_event_type IS 'ACLED sub-event type (2019 and current layouts; 2015 exports had one event-type column with names such as Battle-No change of territory)';

CREATE UNLOGGED TABLE @extschema@.ucdp_ged_raw (
  id text,
  relid text,
  year text,
  active_year text,
  code_status text,
  type_of_violence text,
  conflict_dset_id text,
  conflict_new_id text,
  conflict_name text,
  dyad_dset_id text,
  dyad_new_id text,
  dyad_name text,
  side_a_dset_id text,
  side_a_new_id text,
  side_a text,
  side_b_dset_id text,
  side_b_new_id text,
  side_b text,
  number_of_sources text,
  source_article text,
  source_office text,
  source_date text,
  source_headline text,
  source_original text,
  where_prec text,
  where_coordinates text,
  where_description text,
  adm_1 text,
  adm_2 text,
  latitude text,
  longitude text,
  geom_wkt text,
  priogrid_gid text,
  country text,
  country_id text,
  region text,
  event_clarity text,
  date_prec text,
  date_start text,
  date_end text,
  deaths_a text,
  deaths_b text,
  deaths_civilians text,
  deaths_unknown text,
  best text,
  high text,
  low text,
  gwnoa text,
  gwnob text,
  -- GED 1.x-2.0 names (best_est, low_est, high_est for best, low, high; geom for geom_wkt)
  best_est text,
  low_est text,
  high_est text,
  geom text,
  gwno text
);
COMMENT ON TABLE @extschema@.ucdp_ged_raw IS
  'UCDP Georeferenced Event Dataset as downloaded, any published layout: the union of their column names, lower-cased (the current 49 columns id ... gwnob first, then best_est, low_est, high_est, geom and gwno of the GED 1.x-2.0 files; the 42-column files of 2015 use a subset of the current names).  Load with \copy sahel_news.ucdp_ged_raw (<the file''s header, lower-cased>) FROM ''file.csv'' WITH (FORMAT csv, HEADER true), then SELECT * FROM sahel_news.import_ucdp_ged().';
COMMENT ON COLUMN @extschema@.ucdp_ged_raw.best_est IS 'the GED 1.x-2.0 name of best';
COMMENT ON COLUMN @extschema@.ucdp_ged_raw.low_est IS 'the GED 1.x-2.0 name of low';
COMMENT ON COLUMN @extschema@.ucdp_ged_raw.high_est IS 'the GED 1.x-2.0 name of high';
COMMENT ON COLUMN @extschema@.ucdp_ged_raw.geom IS 'the GED 1.x-2.0 point (read when it is WKT, POINT (longitude latitude), as geom_wkt is)';
COMMENT ON COLUMN @extschema@.ucdp_ged_raw.gwno IS 'the Gleditsch-Ward number of the event''s country in GED 1.x files (read when country_id is absent)';

CREATE UNLOGGED TABLE @extschema@.gdelt_events_raw (
  globaleventid text,
  sqldate text,
  monthyear text,
  year text,
  fractiondate text,
  actor1code text,
  actor1name text,
  actor1countrycode text,
  actor1knowngroupcode text,
  actor1ethniccode text,
  actor1religion1code text,
  actor1religion2code text,
  actor1type1code text,
  actor1type2code text,
  actor1type3code text,
  actor2code text,
  actor2name text,
  actor2countrycode text,
  actor2knowngroupcode text,
  actor2ethniccode text,
  actor2religion1code text,
  actor2religion2code text,
  actor2type1code text,
  actor2type2code text,
  actor2type3code text,
  isrootevent text,
  eventcode text,
  eventbasecode text,
  eventrootcode text,
  quadclass text,
  goldsteinscale text,
  nummentions text,
  numsources text,
  numarticles text,
  avgtone text,
  actor1geo_type text,
  actor1geo_fullname text,
  actor1geo_countrycode text,
  actor1geo_adm1code text,
  actor1geo_adm2code text,
  actor1geo_lat text,
  actor1geo_long text,
  actor1geo_featureid text,
  actor2geo_type text,
  actor2geo_fullname text,
  actor2geo_countrycode text,
  actor2geo_adm1code text,
  actor2geo_adm2code text,
  actor2geo_lat text,
  actor2geo_long text,
  actor2geo_featureid text,
  actiongeo_type text,
  actiongeo_fullname text,
  actiongeo_countrycode text,
  actiongeo_adm1code text,
  actiongeo_adm2code text,
  actiongeo_lat text,
  actiongeo_long text,
  actiongeo_featureid text,
  dateadded text,
  sourceurl text
);
COMMENT ON TABLE @extschema@.gdelt_events_raw IS
  'GDELT 2.0 event file as downloaded (61 tab-separated columns, no header line; names are the codebook''s, lower-cased). Load with \copy ... WITH (FORMAT csv, DELIMITER E''\t'', QUOTE E''\b'') (GDELT never quotes; a backspace as quote character keeps CSV from reading its quotes and text format from reading its backslashes), then SELECT * FROM sahel_news.import_gdelt_events().';

CREATE UNLOGGED TABLE @extschema@.ipi_contributions_raw (
  "Date" text,
  "Contributor" text,
  "Contributor_ISO-3" text,
  "Contributor_Capital" text,
  "Contributor_Capital_Latitude" text,
  "Contributor_Capital_Longitude" text,
  "Contributor_Continent" text,
  "Contributor_Region" text,
  "Contributor UN_Bloc" text,
  "Contributor_P5G4A3" text,
  "Contributor_NAM" text,
  "Contributor_G77" text,
  "Contributor_AU" text,
  "Contributor_Arab_League" text,
  "Contributor_OIC" text,
  "Contributor_CIS" text,
  "Contributor_G20" text,
  "Contributor_EU" text,
  "Contributor_NATO" text,
  "Contributor_G8" text,
  "Contributor_OECD" text,
  "Contributor_ASEAN" text,
  "Contributor_OAS" text,
  "Contributor_Shanghai" text,
  "Contributor_GCC" text,
  "Contributor_UMA" text,
  "Contributor_COMESA" text,
  "Contributor_CENSAD" text,
  "Contributor_EAC" text,
  "Contributor_ECCAS" text,
  "Contributor_ECOWAS" text,
  "Contributor_IGAD" text,
  "Contributor_SADC" text,
  "Mission" text,
  "Mission_Country" text,
  "Mission_Country_ISO-3" text,
  "Mission_HQ" text,
  "Mission_HQ_Longitude" text,
  "Mission_HQ_Latitude" text,
  "Mission_Continent" text,
  "Mission_Region" text,
  "Mission_UN_Bloc" text,
  "Mission_P5G4A3" text,
  "Mission_NAM" text,
  "Mission_G77" text,
  "Mission_AU" text,
  "Mission_Arab_League" text,
  "Mission_OIC" text,
  "Mission_CIS" text,
  "Mission_G20" text,
  "Mission_EU" text,
  "Mission_NATO" text,
  "Mission_G8" text,
  "Mission_OECD" text,
  "Mission_ASEAN" text,
  "Mission_OAS" text,
  "Mission_Shanghai" text,
  "Mission_GCC" text,
  "Mission_UMA" text,
  "Mission_COMESA" text,
  "Mission_CENSAD" text,
  "Mission_EAC" text,
  "Mission_ECCAS" text,
  "Mission_ECOWAS" text,
  "Mission_IGAD" text,
  "Mission_SADC" text,
  "Experts_on_Mission" text,
  "Formed_Police_Units" text,
  "Inidividual_Police" text,
  "Civilian_Police" text,
  "Troops" text,
  "Observers" text,
  "Total" text
);
COMMENT ON TABLE @extschema@.ipi_contributions_raw IS
  'IPI Peacekeeping Database contributions (73 columns, Date ... Total: one row per contributing country, mission and month; NA = none). Load with \copy ... WITH (FORMAT csv, HEADER MATCH), then SELECT * FROM sahel_news.import_ipi_contributions().';

CREATE UNLOGGED TABLE @extschema@.ipi_mission_totals_raw (
  "Date" text,
  "Mission" text,
  "Country of Mission" text,
  "Country of Mission ISO-3" text,
  "Mission HQ" text,
  "Mission HQ Longitude" text,
  "Mission HQ Latitude" text,
  "Mission Continent" text,
  "Mission Region" text,
  "Mission - NAM" text,
  "Mission - G77" text,
  "Mission - AU" text,
  "Mission - Arab League" text,
  "Mission - OIC" text,
  "Mission - CIS" text,
  "Mission - G20" text,
  "Mission - EU" text,
  "Number of Contributors" text,
  "Troops" text,
  "Police" text,
  "Observers" text,
  "Total" text
);
COMMENT ON TABLE @extschema@.ipi_mission_totals_raw IS
  'IPI Peacekeeping Database mission totals (data_mission.csv layout, 22 columns, Date ... Total: one row per mission and month). Load with \copy ... WITH (FORMAT csv, HEADER MATCH), then SELECT * FROM sahel_news.import_ipi_mission_totals().';

CREATE UNLOGGED TABLE @extschema@.geopko_raw (
  "Source" text,
  "Mission" text,
  year text,
  month text,
  location text,
  country text,
  latitude text,
  longitude text,
  "No.troops" text,
  "RPF" text,
  "RPF_No" text,
  "RES" text,
  "RES_No" text,
  "FP" text,
  "FP_No" text,
  "No.TCC" text,
  "name.of.TCC1" text,
  "No.troops.per.TCC1" text,
  "name.of.TCC2" text,
  "No.troops.per.TCC2" text,
  "name.of.TCC3" text,
  "No.troops.per.TCC3" text,
  "name.of.TCC4" text,
  "No.troops.per.TCC4" text,
  "name.of.TCC5" text,
  "No.troops.per.TCC5" text,
  "name.of.TCC6" text,
  "No.troops.per.TCC6" text,
  "name.of.TCC7" text,
  "No.troops.per.TCC7" text,
  "name.of.TCC8" text,
  "No.troops.per.TCC8" text,
  "name.of.TCC9" text,
  "No.troops.per.TCC9" text,
  "name.of.TCC10" text,
  "No.troops.per.TCC10" text,
  "name.of.TCC11" text,
  "No.troops.per.TCC11" text,
  "name.of.TCC12" text,
  "No.troops.per.TCC12" text,
  "name.of.TCC13" text,
  "No.troops.per.TCC13" text,
  "name.of.TCC14" text,
  "No.troops.per.TCC14" text,
  "UNPOL..dummy." text,
  "UNMO..dummy." text,
  "HQ" text,
  "LO" text,
  comments text,
  cow_code text,
  gwno text,
  name text,
  "TCC1" text,
  "TCC2" text,
  "TCC3" text,
  "TCC4" text,
  "TCC5" text,
  "TCC6" text,
  "TCC7" text,
  "TCC8" text,
  "TCC9" text,
  "TCC10" text,
  "TCC11" text,
  "TCC12" text,
  "TCC13" text,
  "TCC14" text,
  "ADM1_id" text,
  "ADM1_name" text,
  "ADM2_id" text,
  "ADM2_name" text,
  "PRIOID" text
);
COMMENT ON TABLE @extschema@.geopko_raw IS
  'Geo-PKO v2.0 deployment sites (71 columns, Source ... PRIOID: one row per mission, map month and site, up to 14 contributor/troop pairs). Load with \copy ... WITH (FORMAT csv, HEADER MATCH), then SELECT * FROM sahel_news.import_geopko().';

-- One row per call of an import_* function: what it read and what became of it.
-- Every row read is counted in exactly one of imported, updated, skipped and
-- flagged, so rows_read = imported + updated + skipped + flagged always holds.
CREATE TABLE @extschema@.import_runs (
  id          bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.import_runs_id_seq) PRIMARY KEY,
  dataset     text NOT NULL,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  rows_read   bigint NOT NULL,
  imported    bigint NOT NULL,
  updated     bigint NOT NULL,
  skipped     bigint NOT NULL,
  flagged     bigint NOT NULL,
  CONSTRAINT import_runs_dataset_check
    CHECK (dataset IN ('acled', 'ucdp_ged', 'gdelt', 'ipi_contributions', 'ipi_mission_totals', 'geopko')),
  CONSTRAINT import_runs_counts_check
    CHECK (rows_read = imported + updated + skipped + flagged
           AND imported >= 0 AND updated >= 0 AND skipped >= 0 AND flagged >= 0)
);
COMMENT ON TABLE @extschema@.import_runs IS
  'One row per import_* call: rows read from the staging table, and how many were imported (new), updated (same dataset and external id as a row already loaded), skipped (not loaded on purpose: duplicates, header lines, rows without a figure; listed in import_issues) and flagged (loaded with a caveat, or rejected; listed in import_issues).  rows_read = imported + updated + skipped + flagged.';
COMMENT ON COLUMN @extschema@.import_runs.dataset IS 'acled, ucdp_ged, gdelt, ipi_contributions, ipi_mission_totals or geopko';
COMMENT ON COLUMN @extschema@.import_runs.rows_read IS 'rows found in the staging table';
COMMENT ON COLUMN @extschema@.import_runs.imported IS 'rows that created a new record (event or deployment)';
COMMENT ON COLUMN @extschema@.import_runs.updated IS 'rows whose dataset and external id were already loaded: the record was rewritten with the new values';
COMMENT ON COLUMN @extschema@.import_runs.skipped IS 'rows not loaded on purpose (see import_issues, action skipped)';
COMMENT ON COLUMN @extschema@.import_runs.flagged IS 'rows loaded with a caveat (action kept) or not loaded because they are wrong (action rejected); see import_issues';

-- Which function ran, on what, and whether it is still running.
ALTER TABLE @extschema@.import_runs
  ADD COLUMN function text,
  ADD COLUMN label text,
  ADD COLUMN status text NOT NULL DEFAULT 'done'
    CONSTRAINT import_runs_status_check CHECK (status IN ('running', 'done'));
COMMENT ON COLUMN @extschema@.import_runs.function IS
  'the function that ran (import_acled, import_gtd, import_geonames, ...)';
COMMENT ON COLUMN @extschema@.import_runs.label IS
  'what the caller said was loaded (the setting sahel_news.import_label when the run began: a file name, a release); NULL when not set';
COMMENT ON COLUMN @extschema@.import_runs.status IS
  'running while the import runs (seen by its own transaction; other sessions see the row once the load commits, and the load''s progress in pg_stat_activity.application_name meanwhile), done when it finished; a load that fails is rolled back and leaves no row';

-- Every row that was not imported or updated cleanly, with its raw values.
CREATE TABLE @extschema@.import_issues (
  id          bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.import_issues_id_seq) PRIMARY KEY,
  run_id      bigint NOT NULL REFERENCES @extschema@.import_runs (id) ON DELETE CASCADE,
  dataset     text NOT NULL,
  record      bigint NOT NULL,
  external_id text,
  action      text NOT NULL,
  reason      text NOT NULL,
  raw         jsonb NOT NULL,
  CONSTRAINT import_issues_action_check CHECK (action IN ('kept', 'rejected', 'skipped'))
);
CREATE INDEX import_issues_run_idx ON @extschema@.import_issues (run_id);
CREATE INDEX import_issues_external_idx ON @extschema@.import_issues (dataset, external_id);
COMMENT ON TABLE @extschema@.import_issues IS
  'Rows of a staged file that the import_* functions did not load cleanly: kept (loaded, with a caveat: a repaired encoding, swapped coordinates put right, UCDP best outside [low, high], a missing count), rejected (not loaded: unparseable date, impossible coordinates, unknown code) or skipped (not loaded on purpose: a duplicate, a header line, a row without a troop figure).  raw holds the staged row as it was.';
COMMENT ON COLUMN @extschema@.import_issues.run_id IS 'the import_runs row of the call that met this row';
COMMENT ON COLUMN @extschema@.import_issues.record IS 'the row''s position in the staging table (1 = first data row of the file when it was copied into an empty table)';
COMMENT ON COLUMN @extschema@.import_issues.external_id IS 'the row''s id in its dataset (event_id_cnty, id, GLOBALEVENTID, ...), when it has one';
COMMENT ON COLUMN @extschema@.import_issues.action IS 'kept (loaded with a caveat), rejected (not loaded) or skipped (not loaded on purpose)';
COMMENT ON COLUMN @extschema@.import_issues.reason IS 'what is wrong, in words, quoting the offending value';
COMMENT ON COLUMN @extschema@.import_issues.raw IS 'the staged row, column name to text value, exactly as copied from the file';

-- Both tables hold the user's history of loads: pg_dump keeps them.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_runs', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_issues', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_runs_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_issues_id_seq', '');
