-- extension/sql/100_model_tables.sql
-- The data model: sources, places and their names, actors and their
-- names, events and their actors, troop deployments, figures, and the ACLED and
-- CAMEO lookup tables they refer to.
--
-- Rows shipped with the extension (the lookup codes and the sample report of
-- extension/data/) carry standard = true or sample = true and ids up to 1000;
-- the users' own rows carry false and ids from 1001 on.  Every table is a
-- configuration table of the extension (pg_extension_config_dump, at the end of
-- this file) whose filter dumps only the users' rows, so that pg_dump keeps
-- them and a restore does not duplicate the shipped ones (CREATE EXTENSION
-- recreates those).  Shipped rows are guarded by triggers: changing one would be
-- silently undone by a dump and restore, so it is an error unless the session
-- sets sahel_news.allow_sample_changes = on.

-- ---------------------------------------------------------------------------
-- The guard on shipped rows

CREATE FUNCTION @extschema@.sample_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  flag text := TG_ARGV[0];
  has_shipped boolean;
BEGIN
  IF coalesce(current_setting('sahel_news.allow_sample_changes', true), '') IN ('on', 'true', '1') THEN
    IF TG_LEVEL = 'STATEMENT' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE %I)', TG_TABLE_SCHEMA, TG_TABLE_NAME, flag)
      INTO has_shipped;
    IF NOT has_shipped THEN RETURN NULL; END IF;
    RAISE EXCEPTION 'cannot truncate %.%: it holds rows shipped with the extension', TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Rows with %s = true come with CREATE EXTENSION and are not dumped by pg_dump.', flag),
            HINT = format('Delete your own rows with DELETE ... WHERE NOT %s, or SET sahel_news.allow_sample_changes = on to remove the shipped rows as well (a dump and restore brings them back).', flag);
  END IF;
  IF TG_OP = 'INSERT' THEN
    RAISE EXCEPTION 'cannot insert a row with % = true into %.%', flag, TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Rows with %s = true belong to the extension: pg_dump leaves them out, so this row would be lost by a dump and restore.', flag),
            HINT = format('Insert it with %s = false (the default).', flag);
  END IF;
  RAISE EXCEPTION 'cannot % a row shipped with the extension in %.%', lower(TG_OP), TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'object_not_in_prerequisite_state',
          DETAIL = format('Rows with %s = true come with CREATE EXTENSION and are not dumped by pg_dump, so the change would be undone by a dump and restore.', flag),
          HINT = 'Add your own row (ids from 1001 on) instead, or SET sahel_news.allow_sample_changes = on to change it anyway.';
END
$$;
COMMENT ON FUNCTION @extschema@.sample_guard() IS
  'Trigger function: rejects inserting, changing, deleting or truncating the rows shipped with the extension (sample or standard = true), which pg_dump leaves out and CREATE EXTENSION recreates; SET sahel_news.allow_sample_changes = on lifts the guard for a session';

-- ---------------------------------------------------------------------------
-- Lookup tables

CREATE TABLE @extschema@.acled_event_types (
  event_type text PRIMARY KEY,
  disorder_type text NOT NULL,
  standard boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.acled_event_types IS
  'ACLED''s six event types (Battles, Protests, Riots, Explosions/Remote violence, Violence against civilians, Strategic developments)';
COMMENT ON COLUMN @extschema@.acled_event_types.event_type IS 'ACLED event type, spelled as ACLED exports it';
COMMENT ON COLUMN @extschema@.acled_event_types.disorder_type IS 'ACLED disorder type(s) its sub-event types fall under (Political violence; Demonstrations; Strategic developments)';
COMMENT ON COLUMN @extschema@.acled_event_types.standard IS 'true for the rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.acled_sub_event_types (
  sub_event_type text PRIMARY KEY,
  event_type text NOT NULL REFERENCES @extschema@.acled_event_types ON UPDATE CASCADE,
  disorder_type text NOT NULL,
  hierarchy_rank smallint UNIQUE CHECK (hierarchy_rank > 0),
  political_violence boolean NOT NULL,
  organized_political_violence boolean NOT NULL,
  demonstrations boolean NOT NULL,
  standard boolean NOT NULL DEFAULT false,
  UNIQUE (event_type, sub_event_type)
);
COMMENT ON TABLE @extschema@.acled_sub_event_types IS
  'ACLED''s 25 sub-event types, each under one event type; events.sub_event_type refers to it together with its event type';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.sub_event_type IS 'ACLED sub-event type, spelled as ACLED exports it';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.event_type IS 'the event type it belongs to';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.disorder_type IS 'ACLED disorder type(s) of this sub-event type, as ACLED writes them ("Political violence; Demonstrations" for excessive force against protesters)';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.hierarchy_rank IS 'ACLED''s order of precedence when an event fits several sub-event types (1 first)';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.political_violence IS 'counted as political violence';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.organized_political_violence IS 'counted as organised political violence (excludes mob violence and violence against protesters)';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.demonstrations IS 'counted as demonstrations';
COMMENT ON COLUMN @extschema@.acled_sub_event_types.standard IS 'true for the rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.acled_actor_types (
  code smallint PRIMARY KEY CHECK (code BETWEEN 1 AND 9),
  name text NOT NULL UNIQUE,
  standard boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.acled_actor_types IS
  'ACLED''s actor types, the inter1/inter2 codes of its exports (1 State forces ... 8 External/Other forces)';
COMMENT ON COLUMN @extschema@.acled_actor_types.code IS 'ACLED inter code';
COMMENT ON COLUMN @extschema@.acled_actor_types.name IS 'the actor type as ACLED''s current codebook names it';
COMMENT ON COLUMN @extschema@.acled_actor_types.standard IS 'true for the rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.cameo_codes (
  code text PRIMARY KEY CHECK (code OPERATOR(pg_catalog.~) '^[0-9]{2,4}$'),
  parent text REFERENCES @extschema@.cameo_codes,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  name text NOT NULL,
  goldstein float8 CHECK (goldstein BETWEEN -10 AND 10),
  quad_class smallint CHECK (quad_class BETWEEN 1 AND 4),
  standard boolean NOT NULL DEFAULT false,
  CONSTRAINT cameo_codes_root_has_no_parent CHECK ((level = 1) = (parent IS NULL)),
  CONSTRAINT cameo_codes_code_extends_parent CHECK (parent IS NULL OR code OPERATOR(pg_catalog.^@) parent)
);
CREATE INDEX cameo_codes_parent_idx ON @extschema@.cameo_codes (parent);
COMMENT ON TABLE @extschema@.cameo_codes IS
  'CAMEO event codes (version 1.1b3, as GDELT uses them): 20 root codes, their base codes and sub-codes, with Goldstein scale and quad class';
COMMENT ON COLUMN @extschema@.cameo_codes.code IS 'CAMEO event code: 2 digits (root), 3 (base) or 4 (sub-code), leading zero kept';
COMMENT ON COLUMN @extschema@.cameo_codes.parent IS 'the code one level up (NULL for a root code)';
COMMENT ON COLUMN @extschema@.cameo_codes.level IS '1 root, 2 base code, 3 sub-code';
COMMENT ON COLUMN @extschema@.cameo_codes.name IS 'what the code means';
COMMENT ON COLUMN @extschema@.cameo_codes.goldstein IS 'Goldstein conflict-cooperation score, -10 (most conflictual) to +10, as GDELT assigns it';
COMMENT ON COLUMN @extschema@.cameo_codes.quad_class IS '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict';
COMMENT ON COLUMN @extschema@.cameo_codes.standard IS 'true for the rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Sources

CREATE TABLE @extschema@.sources (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.sources_id_seq START WITH 1001) PRIMARY KEY,
  publisher text NOT NULL,
  title text,
  url text CHECK (url OPERATOR(pg_catalog.~) '^[A-Za-z][A-Za-z0-9+.-]*://[^[:space:]]+$'),
  published @extschema@.edtf,
  language text CHECK (language OPERATOR(pg_catalog.~) '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
  subject text,
  body text,
  retrieved timestamptz,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT sources_shipped_ids CHECK (sample = (id <= 1000))
);
CREATE UNIQUE INDEX sources_url_idx ON @extschema@.sources (url);
COMMENT ON TABLE @extschema@.sources IS
  'Where facts come from: a news report, a press release, a dataset''s documentation';
COMMENT ON COLUMN @extschema@.sources.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.sources.publisher IS 'who published it (outlet, agency, organisation)';
COMMENT ON COLUMN @extschema@.sources.title IS 'its title or headline';
COMMENT ON COLUMN @extschema@.sources.url IS 'its web address (unique)';
COMMENT ON COLUMN @extschema@.sources.published IS 'when it was published, at the precision known (edtf); relative dates in it resolve against this';
COMMENT ON COLUMN @extschema@.sources.language IS 'its language, as a BCP 47 tag (en, fr)';
COMMENT ON COLUMN @extschema@.sources.subject IS 'what it is about, in our own words';
COMMENT ON COLUMN @extschema@.sources.body IS 'its full text, when the user may store it (NULL for the shipped sample: the project keeps facts, never a report''s sentences); annotate() reads it';
COMMENT ON COLUMN @extschema@.sources.retrieved IS 'when the text or the facts were taken from it';
COMMENT ON COLUMN @extschema@.sources.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Places and their names

-- What may be a place's name.  annotate() finds every name of places and
-- place_names in running text, so a blank name or a word of the grammar
-- would make a place of every occurrence of that word.  The rule
-- (extension/core/matcher.c, sn_is_place_name) refuses a name with no letter
-- or digit, an article (a, an, the) and a single letter; a preposition, a
-- conjunction or a French article (of, to, for, de, la, le, les, du...) is a
-- name only written as a proper noun, with a capital ("De" and "La" are
-- villages of Burkina Faso, "To" one of Mali, "de" is no name), and annotate()
-- finds such a name only so written and not where a sentence begins.
CREATE FUNCTION @extschema@.is_place_name(name text) RETURNS boolean
  AS 'MODULE_PATHNAME', 'is_place_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_place_name(text) IS
  'true when a text may be the name of a place: some letter or digit; not an article (a, an, the) nor a single letter; a preposition, conjunction or French article (of, to, de, la, ...) only written with a capital, as villages are named (De, La, To), since annotate() would otherwise find the word everywhere';

CREATE TABLE @extschema@.places (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.places_id_seq START WITH 1001) PRIMARY KEY,
  name text NOT NULL CONSTRAINT places_name_is_a_name CHECK (@extschema@.is_place_name(name)),
  kind text NOT NULL CHECK (kind IN ('country', 'region', 'city', 'town', 'village', 'base', 'border area',
                                      'sea', 'lake region', 'supranational region', 'continent',
                                      'locality', 'water feature', 'landform', 'site', 'area', 'road',
                                      'vegetation', 'undersea feature')),
  country @extschema@.country,
  parent_id bigint REFERENCES @extschema@.places,
  location @extschema@.geopoint,
  precision_m float8 CHECK (precision_m >= 0 AND precision_m <= 20037509),
  geonames_id bigint UNIQUE CHECK (geonames_id > 0),
  feature_class text CHECK (feature_class IN ('A', 'H', 'L', 'P', 'R', 'S', 'T', 'U', 'V')),
  feature_code text CHECK (feature_code OPERATOR(pg_catalog.~) '^[A-Z0-9]{1,10}$'),
  population bigint CHECK (population >= 0),
  admin_level smallint CHECK (admin_level BETWEEN 0 AND 4),
  admin1_code text,
  admin2_code text,
  admin3_code text,
  admin4_code text,
  geonames_modified date,
  parent_basis text,
  note text,
  dataset text,
  external_id text,
  created_run bigint,
  changed_run bigint,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT places_shipped_ids CHECK (sample = (id <= 1000)),
  CONSTRAINT places_not_own_parent CHECK (parent_id <> id),
  CONSTRAINT places_precision_needs_location CHECK (precision_m IS NULL OR location IS NOT NULL),
  CONSTRAINT places_dataset_and_external_id CHECK ((dataset IS NULL) = (external_id IS NULL)),
  UNIQUE (dataset, external_id)
);
CREATE INDEX places_name_key_idx ON @extschema@.places (@extschema@.name_key(name));
CREATE INDEX places_location_idx ON @extschema@.places USING gist (location);
-- (partial: the places the loaders create lie in no place yet, and a NULL
-- would cost every such insertion an index entry no query reads; the look-ups
-- by parent, and the check of a deleted parent, name a parent)
CREATE INDEX places_parent_idx ON @extschema@.places (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX places_country_idx ON @extschema@.places (country);
COMMENT ON TABLE @extschema@.places IS
  'Places named in reports or datasets, from villages to continents, each with its country, the place it lies in, and a location as precise as known';
COMMENT ON COLUMN @extschema@.places.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.places.name IS 'its usual English name (every other name and alias is in place_names)';
COMMENT ON COLUMN @extschema@.places.kind IS 'country, region, city, town, village, base, border area, sea, lake region, supranational region or continent; for GeoNames features also locality, water feature, landform, site, area, road, vegetation or undersea feature (mapping from feature codes: docs/reference/places.md)';
COMMENT ON COLUMN @extschema@.places.country IS 'the country it lies in; NULL when it spans several (see place_countries) or none';
COMMENT ON COLUMN @extschema@.places.parent_id IS 'the place it lies in (Djallo in the Bandiagara area, Bamako in Mali)';
COMMENT ON COLUMN @extschema@.places.location IS 'a representative point (WGS84); NULL when not known, then locate() uses the nearest enclosing place that has one';
COMMENT ON COLUMN @extschema@.places.precision_m IS 'how vague the location is: roughly the radius in metres of the area the name covers, or of the uncertainty of the point';
COMMENT ON COLUMN @extschema@.places.geonames_id IS 'GeoNames identifier, when known (unique)';
COMMENT ON COLUMN @extschema@.places.feature_class IS 'GeoNames feature class: A administrative area, P populated place, H water, T landform, L area, S site or building, R road, V vegetation, U undersea; NULL for places not from GeoNames';
COMMENT ON COLUMN @extschema@.places.feature_code IS 'GeoNames feature code (PCLI, ADM1, ADM2, PPL, PPLA, PPLC, WLL, ...); kind is derived from it (docs/reference/places.md)';
COMMENT ON COLUMN @extschema@.places.population IS 'population as GeoNames gives it; NULL when unknown (GeoNames writes 0)';
COMMENT ON COLUMN @extschema@.places.admin_level IS 'for an administrative area: 0 country, 1 first-level division (region, province), 2 second level (cercle, department), 3 and 4 below; NULL for other places';
COMMENT ON COLUMN @extschema@.places.admin1_code IS 'GeoNames admin1 code of the place (ML 04 for Mopti; Mali''s newer regions use a geonameid, 12070577 for Ménaka), as its row gives it';
COMMENT ON COLUMN @extschema@.places.admin2_code IS 'GeoNames admin2 code, as its row gives it';
COMMENT ON COLUMN @extschema@.places.admin3_code IS 'GeoNames admin3 code, as its row gives it';
COMMENT ON COLUMN @extschema@.places.admin4_code IS 'GeoNames admin4 code, as its row gives it';
COMMENT ON COLUMN @extschema@.places.geonames_modified IS 'modification date of the GeoNames record stored; import_geonames() skips an older record of the same geonameid';
COMMENT ON COLUMN @extschema@.places.parent_basis IS 'how parent_id was decided when a function set it: GeoNames admin codes, a dataset''s admin names, or the admin codes of the nearest GeoNames localities (with the distance); NULL when entered by hand';
COMMENT ON COLUMN @extschema@.places.note IS 'remarks in our own words (why the location is vague, what the name covers)';
COMMENT ON COLUMN @extschema@.places.dataset IS 'the dataset the place was loaded from (NULL when entered by hand)';
COMMENT ON COLUMN @extschema@.places.external_id IS 'its identifier in that dataset (unique with dataset)';
COMMENT ON COLUMN @extschema@.places.created_run IS 'the import run (import_runs) that created it; NULL when entered by hand or shipped';
COMMENT ON COLUMN @extschema@.places.changed_run IS 'the import run that last changed it (its creating run until then); NULL when last changed by hand';
COMMENT ON COLUMN @extschema@.places.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.place_names (
  place_id bigint NOT NULL REFERENCES @extschema@.places ON DELETE CASCADE,
  name text NOT NULL CONSTRAINT place_names_name_is_a_name CHECK (@extschema@.is_place_name(name)),
  lang text CHECK (lang OPERATOR(pg_catalog.~) '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
  is_demonym boolean NOT NULL DEFAULT false,
  sample boolean NOT NULL DEFAULT false,
  PRIMARY KEY (place_id, name)
);
CREATE INDEX place_names_name_key_idx ON @extschema@.place_names (@extschema@.name_key(name));
COMMENT ON TABLE @extschema@.place_names IS
  'Every name of a place: its usual name, aliases, spellings, translations, and demonyms (Malian -> Mali); annotate() and locate() read it';
COMMENT ON COLUMN @extschema@.place_names.place_id IS 'the place';
COMMENT ON COLUMN @extschema@.place_names.name IS 'the name as written';
COMMENT ON COLUMN @extschema@.place_names.lang IS 'the language it belongs to (en, fr); NULL when it is the same in every language';
COMMENT ON COLUMN @extschema@.place_names.is_demonym IS 'true for a demonym or adjective (French, Malian, malien): a mention of the place''s people or state, not a place name; locate() ignores these';
COMMENT ON COLUMN @extschema@.place_names.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.place_countries (
  place_id bigint NOT NULL REFERENCES @extschema@.places ON DELETE CASCADE,
  country @extschema@.country NOT NULL,
  sample boolean NOT NULL DEFAULT false,
  PRIMARY KEY (place_id, country)
);
CREATE INDEX place_countries_country_idx ON @extschema@.place_countries (country);
COMMENT ON TABLE @extschema@.place_countries IS
  'The countries of a place that spans several (the Mali-Niger border area, the Lake Chad region); places.country is NULL for these';
COMMENT ON COLUMN @extschema@.place_countries.place_id IS 'the place';
COMMENT ON COLUMN @extschema@.place_countries.country IS 'one country it extends into';
COMMENT ON COLUMN @extschema@.place_countries.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Actors and their names

CREATE TABLE @extschema@.actors (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.actors_id_seq START WITH 1001) PRIMARY KEY,
  name text NOT NULL CHECK (name OPERATOR(pg_catalog.<>) ''),
  kind text CHECK (kind IN ('state', 'government', 'state forces', 'person', 'armed group',
                            'private military company', 'military operation', 'international organisation',
                            'peacekeeping mission', 'civilians')),
  country @extschema@.country,
  parent_id bigint REFERENCES @extschema@.actors,
  active @extschema@.edtf,
  acled_inter smallint REFERENCES @extschema@.acled_actor_types,
  cameo_code text CHECK (cameo_code OPERATOR(pg_catalog.~) '^([A-Z0-9]{3})+$'),
  note text,
  dataset text,
  external_id text,
  provisional boolean NOT NULL DEFAULT false,
  created_run bigint,
  changed_run bigint,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT actors_shipped_ids CHECK (sample = (id <= 1000)),
  CONSTRAINT actors_shipped_not_provisional CHECK (NOT (sample AND provisional)),
  CONSTRAINT actors_not_own_parent CHECK (parent_id <> id),
  CONSTRAINT actors_dataset_and_external_id CHECK ((dataset IS NULL) = (external_id IS NULL)),
  UNIQUE (dataset, external_id)
);
CREATE INDEX actors_lower_name_idx ON @extschema@.actors (lower(name));
CREATE INDEX actors_name_key_idx ON @extschema@.actors (@extschema@.name_key(name));
CREATE INDEX actors_parent_idx ON @extschema@.actors (parent_id);
CREATE INDEX actors_country_idx ON @extschema@.actors (country);
COMMENT ON TABLE @extschema@.actors IS
  'Who acts in events and deployments: states, governments, armed forces, operations, armed groups, companies, organisations, missions, people, civilians';
COMMENT ON COLUMN @extschema@.actors.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.actors.name IS 'its usual English name (acronyms, other names and translations are in actor_names)';
COMMENT ON COLUMN @extschema@.actors.kind IS 'state, government, state forces, person, armed group, private military company, military operation, international organisation, peacekeeping mission or civilians; NULL when not known';
COMMENT ON COLUMN @extschema@.actors.country IS 'the country it belongs to or acts for; NULL for international or stateless actors';
COMMENT ON COLUMN @extschema@.actors.parent_id IS 'the actor it is part of (Operation Barkhane within the French armed forces, MINUSMA within the United Nations)';
COMMENT ON COLUMN @extschema@.actors.active IS 'when it existed or acted, at the precision known (edtf; 2014/2022 for Barkhane)';
COMMENT ON COLUMN @extschema@.actors.acled_inter IS 'ACLED actor type (inter code 1-8, see acled_actor_types)';
COMMENT ON COLUMN @extschema@.actors.cameo_code IS 'CAMEO actor code as GDELT writes it: three-letter blocks, country or group then role (FRAMIL, MLIGOV, IGOUNO)';
COMMENT ON COLUMN @extschema@.actors.note IS 'remarks in our own words';
COMMENT ON COLUMN @extschema@.actors.dataset IS 'the dataset the actor was loaded from (NULL when entered by hand)';
COMMENT ON COLUMN @extschema@.actors.external_id IS 'its identifier in that dataset (unique with dataset)';
COMMENT ON COLUMN @extschema@.actors.provisional IS 'true for an actor a loader created for a name that no actor claimed (it stands for that name until an analyst maps the name to a curated actor, see unresolved_actor_names); false for the shipped actors and those entered or confirmed by hand';
COMMENT ON COLUMN @extschema@.actors.created_run IS 'the import run (import_runs) that created it; NULL when entered by hand or shipped';
COMMENT ON COLUMN @extschema@.actors.changed_run IS 'the import run that last changed it (its creating run until then); NULL when last changed by hand';
COMMENT ON COLUMN @extschema@.actors.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.actor_names (
  actor_id bigint NOT NULL REFERENCES @extschema@.actors ON DELETE CASCADE,
  name text NOT NULL CHECK (name OPERATOR(pg_catalog.<>) ''),
  lang text CHECK (lang OPERATOR(pg_catalog.~) '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
  name_kind text NOT NULL DEFAULT 'name' CHECK (name_kind IN ('name', 'acronym', 'translation', 'alias')),
  used @extschema@.edtf,
  sample boolean NOT NULL DEFAULT false,
  PRIMARY KEY (actor_id, name)
);
CREATE INDEX actor_names_lower_name_idx ON @extschema@.actor_names (lower(name));
CREATE INDEX actor_names_name_key_idx ON @extschema@.actor_names (@extschema@.name_key(name));
COMMENT ON TABLE @extschema@.actor_names IS
  'Every name of an actor: its usual name, acronyms, transliterations and translations (JNIM, GSIM, Support Group for Islam and Muslims); annotate() reads it';
COMMENT ON COLUMN @extschema@.actor_names.actor_id IS 'the actor';
COMMENT ON COLUMN @extschema@.actor_names.name IS 'the name as written';
COMMENT ON COLUMN @extschema@.actor_names.lang IS 'the language it belongs to (en, fr, ar); NULL when the same in every language';
COMMENT ON COLUMN @extschema@.actor_names.name_kind IS 'name, acronym, translation or alias (a name used for the actor, such as a capital for its government)';
COMMENT ON COLUMN @extschema@.actor_names.used IS 'when the name stood for this actor (edtf: ../2017-03-01, 2022-03/..); NULL when always.  A dataset''s name on an event resolves through this row only if the event''s date overlaps it (actor_for_name)';
COMMENT ON COLUMN @extschema@.actor_names.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Events and their actors

CREATE TABLE @extschema@.events (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.events_id_seq START WITH 1001) PRIMARY KEY,
  source_id bigint REFERENCES @extschema@.sources,
  occurred @extschema@.edtf NOT NULL,
  place_id bigint REFERENCES @extschema@.places,
  location @extschema@.geopoint,
  geo_precision smallint CHECK (geo_precision BETWEEN 1 AND 3),
  location_precision_m float8 CHECK (location_precision_m >= 0 AND location_precision_m <= 20037509),
  event_type text REFERENCES @extschema@.acled_event_types ON UPDATE CASCADE,
  sub_event_type text,
  cameo_code text REFERENCES @extschema@.cameo_codes ON UPDATE CASCADE,
  fatalities @extschema@.estimate,
  fatalities_claimed boolean NOT NULL DEFAULT false,
  summary text,
  dataset_category text,
  related_event_id bigint REFERENCES @extschema@.events ON DELETE SET NULL,
  note text,
  dataset text,
  external_id text,
  created_run bigint,
  changed_run bigint,
  deleted_at timestamptz,
  deleted_run bigint,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT events_shipped_ids CHECK (sample = (id <= 1000)),
  CONSTRAINT events_not_own_related CHECK (related_event_id <> id),
  CONSTRAINT events_sub_event_needs_type CHECK (sub_event_type IS NULL OR event_type IS NOT NULL),
  CONSTRAINT events_precision_needs_location CHECK (geo_precision IS NULL OR location IS NOT NULL),
  CONSTRAINT events_precision_m_needs_location CHECK (location_precision_m IS NULL OR location IS NOT NULL),
  CONSTRAINT events_claim_needs_fatalities CHECK (NOT fatalities_claimed OR fatalities IS NOT NULL),
  CONSTRAINT events_dataset_and_external_id CHECK ((dataset IS NULL) = (external_id IS NULL)),
  CONSTRAINT events_deleted_run_needs_deleted_at CHECK (deleted_run IS NULL OR deleted_at IS NOT NULL),
  FOREIGN KEY (event_type, sub_event_type) REFERENCES @extschema@.acled_sub_event_types (event_type, sub_event_type)
    ON UPDATE CASCADE,
  UNIQUE (dataset, external_id)
);
CREATE INDEX events_location_idx ON @extschema@.events USING gist (location);
CREATE INDEX events_occurred_idx ON @extschema@.events USING gist (occurred);
CREATE INDEX events_place_idx ON @extschema@.events (place_id);
-- (partial: loaded events have no source, and a NULL entry per event would be
-- written by every load and read by no query; the check of a deleted source
-- and the look-ups by source name one)
CREATE INDEX events_source_idx ON @extschema@.events (source_id) WHERE source_id IS NOT NULL;
COMMENT ON TABLE @extschema@.events IS
  'What happened, where, when and how many died, coded with ACLED''s event taxonomy and CAMEO, from a source or a dataset';
COMMENT ON COLUMN @extschema@.events.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.events.source_id IS 'the source that reports it';
COMMENT ON COLUMN @extschema@.events.occurred IS 'when it happened, exactly as precise as known (edtf: 2013, 2022-02, 2022-08-13, 2013/2022, ../2022-08-15)';
COMMENT ON COLUMN @extschema@.events.place_id IS 'where it happened, the most precise place named';
COMMENT ON COLUMN @extschema@.events.location IS 'the point the event is mapped to (WGS84), usually its place''s; events_near() and the GiST index search it';
COMMENT ON COLUMN @extschema@.events.geo_precision IS 'ACLED geo-precision of the location: 1 the place itself, 2 near it or in its district, 3 only the region is known';
COMMENT ON COLUMN @extschema@.events.location_precision_m IS 'how far, in metres, the true site may lie from location, read from the dataset''s own precision code (ACLED geo_precision, UCDP where_prec, GTD specificity, SCAD location_precision, GDELT geo type); NULL when the dataset gives none';
COMMENT ON COLUMN @extschema@.events.event_type IS 'ACLED event type (acled_event_types)';
COMMENT ON COLUMN @extschema@.events.sub_event_type IS 'ACLED sub-event type, one of its event type''s (acled_sub_event_types)';
COMMENT ON COLUMN @extschema@.events.cameo_code IS 'CAMEO event code (cameo_codes)';
COMMENT ON COLUMN @extschema@.events.fatalities IS 'deaths, as vague as reported (estimate: 4, ~50, 24..99, ?); NULL when the question does not arise';
COMMENT ON COLUMN @extschema@.events.fatalities_claimed IS 'true when the figure is an actor''s claim (the claimant in event_actors), not an independent count';
COMMENT ON COLUMN @extschema@.events.summary IS 'what happened, in our own words';
COMMENT ON COLUMN @extschema@.events.dataset_category IS 'the event''s category in its dataset''s own coding, as the dataset writes it (ACLED sub-event type, UCDP type_of_violence, GTD attacktype1, SCAD etype, GDELT EventRootCode); event_taxonomy maps it onto common levels';
COMMENT ON COLUMN @extschema@.events.related_event_id IS 'the event this one is about (a claim of responsibility points at the attack it claims)';
COMMENT ON COLUMN @extschema@.events.note IS 'remarks in our own words (such as a finer real-world date than the source gives)';
COMMENT ON COLUMN @extschema@.events.dataset IS 'the dataset it came from (acled, ucdp_ged, gdelt, sahel_news_sample); NULL when entered by hand';
COMMENT ON COLUMN @extschema@.events.external_id IS 'its identifier in that dataset (unique with dataset)';
COMMENT ON COLUMN @extschema@.events.created_run IS 'the import run (import_runs) that created it; NULL when entered by hand or shipped';
COMMENT ON COLUMN @extschema@.events.changed_run IS 'the import run that last changed it (its creating run until then); NULL when last changed by hand';
COMMENT ON COLUMN @extschema@.events.deleted_at IS 'when its dataset deleted it (ACLED''s deleted events); a deleted event is kept, and left out of the bi_* views, events_near() and events_geojson(); NULL for a live event';
COMMENT ON COLUMN @extschema@.events.deleted_run IS 'the import run that marked it deleted';
COMMENT ON COLUMN @extschema@.events.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.event_actors (
  event_id bigint NOT NULL REFERENCES @extschema@.events ON DELETE CASCADE,
  actor_id bigint NOT NULL REFERENCES @extschema@.actors,
  role text NOT NULL CHECK (role IN ('actor1', 'actor2', 'associate', 'target', 'claimant', 'victim')),
  sample boolean NOT NULL DEFAULT false,
  PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor_idx ON @extschema@.event_actors (actor_id);
COMMENT ON TABLE @extschema@.event_actors IS
  'Who took part in an event, and how';
COMMENT ON COLUMN @extschema@.event_actors.event_id IS 'the event';
COMMENT ON COLUMN @extschema@.event_actors.actor_id IS 'the actor';
COMMENT ON COLUMN @extschema@.event_actors.role IS 'actor1 (the initiator, ACLED''s actor 1), actor2 (the other side), associate (fights alongside), target, claimant (claims it), victim';
COMMENT ON COLUMN @extschema@.event_actors.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Deployments

CREATE TABLE @extschema@.deployments (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.deployments_id_seq START WITH 1001) PRIMARY KEY,
  source_id bigint REFERENCES @extschema@.sources,
  force_id bigint REFERENCES @extschema@.actors,
  contributor @extschema@.country,
  host @extschema@.country,
  place_id bigint REFERENCES @extschema@.places,
  strength @extschema@.estimate NOT NULL DEFAULT '?',
  as_of @extschema@.edtf,
  period @extschema@.edtf,
  part_of bigint REFERENCES @extschema@.deployments,
  note text,
  dataset text,
  external_id text,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT deployments_shipped_ids CHECK (sample = (id <= 1000)),
  CONSTRAINT deployments_not_own_part CHECK (part_of <> id),
  CONSTRAINT deployments_force_or_contributor CHECK (force_id IS NOT NULL OR contributor IS NOT NULL),
  CONSTRAINT deployments_as_of_within_period CHECK (as_of IS NULL OR period IS NULL OR as_of OPERATOR(@extschema@.&&) period),
  CONSTRAINT deployments_dataset_and_external_id CHECK ((dataset IS NULL) = (external_id IS NULL)),
  UNIQUE (dataset, external_id)
);
CREATE INDEX deployments_contributor_idx ON @extschema@.deployments (contributor, host);
CREATE INDEX deployments_host_idx ON @extschema@.deployments (host);
CREATE INDEX deployments_force_idx ON @extschema@.deployments (force_id);
CREATE INDEX deployments_part_of_idx ON @extschema@.deployments (part_of);
CREATE INDEX deployments_period_idx ON @extschema@.deployments USING gist (period);
CREATE INDEX deployments_as_of_idx ON @extschema@.deployments USING gist (as_of);
COMMENT ON TABLE @extschema@.deployments IS
  'Troop strength figures: a force a country contributes to a host country (or place), how strong as of when, while the deployment ran. Rows with the same force, contributor, host and place are successive figures of one deployment; part_of links a reported part to its reported total';
COMMENT ON COLUMN @extschema@.deployments.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.deployments.source_id IS 'the source of the figure';
COMMENT ON COLUMN @extschema@.deployments.force_id IS 'the force deployed (an actor: an army, an operation, a mission, a company)';
COMMENT ON COLUMN @extschema@.deployments.contributor IS 'the country whose troops they are; NULL for a multinational force counted as a whole';
COMMENT ON COLUMN @extschema@.deployments.host IS 'the country they are deployed in; NULL when the figure spans several countries or the country is not given';
COMMENT ON COLUMN @extschema@.deployments.place_id IS 'where within the host (a city, a base, a border area); NULL for the host as a whole';
COMMENT ON COLUMN @extschema@.deployments.strength IS 'how many troops, as vague as reported (estimate: 2400, ~1000, 700..1000, ? when undisclosed or not given)';
COMMENT ON COLUMN @extschema@.deployments.as_of IS 'when the figure held (edtf); troop_strength() uses a figure from the first day of as_of on';
COMMENT ON COLUMN @extschema@.deployments.period IS 'when the deployment ran (edtf interval); NULL when not given: then the figure holds from as_of until a later figure of the same deployment';
COMMENT ON COLUMN @extschema@.deployments.part_of IS 'the reported total this figure is part of; troop_strength() counts a total instead of, never in addition to, its parts';
COMMENT ON COLUMN @extschema@.deployments.note IS 'remarks in our own words (equipment, tasks, a finer date known elsewhere)';
COMMENT ON COLUMN @extschema@.deployments.dataset IS 'the dataset the figure came from (ipi_contributions, geopko, sahel_news_sample); NULL when entered by hand';
COMMENT ON COLUMN @extschema@.deployments.external_id IS 'its identifier in that dataset (unique with dataset)';
COMMENT ON COLUMN @extschema@.deployments.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Figures

CREATE TABLE @extschema@.figures (
  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME @extschema@.figures_id_seq START WITH 1001) PRIMARY KEY,
  source_id bigint REFERENCES @extschema@.sources,
  subject text NOT NULL CHECK (subject OPERATOR(pg_catalog.<>) ''),
  actor_id bigint REFERENCES @extschema@.actors,
  place_id bigint REFERENCES @extschema@.places,
  period @extschema@.edtf,
  value @extschema@.estimate NOT NULL,
  unit text NOT NULL CHECK (unit OPERATOR(pg_catalog.<>) ''),
  note text,
  dataset text,
  external_id text,
  sample boolean NOT NULL DEFAULT false,
  CONSTRAINT figures_shipped_ids CHECK (sample = (id <= 1000)),
  CONSTRAINT figures_dataset_and_external_id CHECK ((dataset IS NULL) = (external_id IS NULL)),
  UNIQUE (dataset, external_id)
);
CREATE INDEX figures_place_idx ON @extschema@.figures (place_id);
CREATE INDEX figures_period_idx ON @extschema@.figures USING gist (period);
COMMENT ON TABLE @extschema@.figures IS
  'Statistics that are not single events: totals over a period (soldiers killed over nine years, people displaced)';
COMMENT ON COLUMN @extschema@.figures.id IS 'identifier; 1 to 1000 are reserved for the rows shipped with the extension';
COMMENT ON COLUMN @extschema@.figures.source_id IS 'the source of the figure';
COMMENT ON COLUMN @extschema@.figures.subject IS 'what is counted, in our own words (French soldiers killed, civilians displaced)';
COMMENT ON COLUMN @extschema@.figures.actor_id IS 'the actor the figure is about, when there is one (the French armed forces for their dead)';
COMMENT ON COLUMN @extschema@.figures.place_id IS 'where';
COMMENT ON COLUMN @extschema@.figures.period IS 'the period it covers (edtf: 2013/2022, ../2022-08)';
COMMENT ON COLUMN @extschema@.figures.value IS 'the number, as vague as reported (estimate: 59, 2000..9999, >=2000001)';
COMMENT ON COLUMN @extschema@.figures.unit IS 'what one unit of value is (people, soldiers, deaths)';
COMMENT ON COLUMN @extschema@.figures.note IS 'remarks in our own words';
COMMENT ON COLUMN @extschema@.figures.dataset IS 'the dataset the figure came from; NULL when entered by hand';
COMMENT ON COLUMN @extschema@.figures.external_id IS 'its identifier in that dataset (unique with dataset)';
COMMENT ON COLUMN @extschema@.figures.sample IS 'true for the sample rows shipped with the extension (not dumped by pg_dump; CREATE EXTENSION recreates them)';

-- ---------------------------------------------------------------------------
-- Guards on shipped rows, and what pg_dump dumps

-- guard_shipped_rows(tab, flag): the guard of the rows of table tab shipped
-- with the extension (those whose boolean column flag is true): sample_guard
-- triggers on insert, update, delete and truncate, and pg_dump told to dump
-- the other rows only.  Run again, it leaves everything as it was.
CREATE FUNCTION @extschema@.guard_shipped_rows(tab pg_catalog.regclass, flag pg_catalog.name)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  EXECUTE format('CREATE OR REPLACE TRIGGER shipped_rows_insert BEFORE INSERT ON %1$s FOR EACH ROW WHEN (NEW.%2$I) '
                 'EXECUTE FUNCTION %3$I.sample_guard(%2$L)', tab, flag, '@extschema@');
  EXECUTE format('CREATE OR REPLACE TRIGGER shipped_rows_update BEFORE UPDATE ON %1$s FOR EACH ROW WHEN (OLD.%2$I OR NEW.%2$I) '
                 'EXECUTE FUNCTION %3$I.sample_guard(%2$L)', tab, flag, '@extschema@');
  EXECUTE format('CREATE OR REPLACE TRIGGER shipped_rows_delete BEFORE DELETE ON %1$s FOR EACH ROW WHEN (OLD.%2$I) '
                 'EXECUTE FUNCTION %3$I.sample_guard(%2$L)', tab, flag, '@extschema@');
  EXECUTE format('CREATE OR REPLACE TRIGGER shipped_rows_truncate BEFORE TRUNCATE ON %1$s FOR EACH STATEMENT '
                 'EXECUTE FUNCTION %3$I.sample_guard(%2$L)', tab, flag, '@extschema@');
  PERFORM pg_extension_config_dump(tab, format('WHERE NOT %I', flag));
END
$$;
COMMENT ON FUNCTION @extschema@.guard_shipped_rows(pg_catalog.regclass, pg_catalog.name) IS
  'Install-script helper: puts the sample_guard triggers (shipped_rows_insert, _update, _delete, _truncate) on a table whose rows with flag = true are shipped with the extension, and has pg_dump dump only its other rows';

DO $guard$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('acled_event_types', 'standard'), ('acled_sub_event_types', 'standard'),
      ('acled_actor_types', 'standard'), ('cameo_codes', 'standard'),
      ('sources', 'sample'), ('places', 'sample'), ('place_names', 'sample'),
      ('place_countries', 'sample'), ('actors', 'sample'), ('actor_names', 'sample'),
      ('events', 'sample'), ('event_actors', 'sample'), ('deployments', 'sample'),
      ('figures', 'sample')) AS v(tab, flag)
  LOOP
    PERFORM @extschema@.guard_shipped_rows(pg_catalog.format('%I.%I', '@extschema@', t.tab)::pg_catalog.regclass, t.flag);
  END LOOP;
  FOR t IN SELECT * FROM (VALUES ('sources_id_seq'), ('places_id_seq'), ('actors_id_seq'),
                                 ('events_id_seq'), ('deployments_id_seq'), ('figures_id_seq')) AS v(seq)
  LOOP
    PERFORM pg_catalog.pg_extension_config_dump(
      pg_catalog.format('%I.%I', '@extschema@', t.seq)::pg_catalog.regclass, '');
  END LOOP;
END
$guard$;
