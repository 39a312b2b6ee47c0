-- extension/sql/360_loaders_gtd_scad.sql — import_gtd() and import_scad(): the
-- Global Terrorism Database and the Social Conflict Analysis Database, from
-- their standard CSV exports, into events, places, actors and event_actors.
--
-- Both are set-based: one statement reads and checks the whole staged batch
-- into a temporary table (pg_temp.sn_batch), and loader_store_batch() then
-- lists the rows not loaded cleanly in import_issues, resolves the places and
-- actors of the batch once per distinct name, finds the events stored
-- already by their key (loader_event_ids), updates those that changed with
-- one UPDATE and inserts the new ones with one INSERT, and brings the event
-- actors in line with one DELETE and one INSERT.  An event whose values are
-- those already stored is not written again.  The same statements run on
-- Citus (citus_distribute(), docs/reference/citus.md).  Run bookkeeping (lock, import_runs row, emptying the staging table)
-- is 325_loaders_common.sql's.

-- The datasets' own columns, lower-cased, in their files' order, all text:
--     \copy sahel_news.gtd_raw FROM 'gtd.csv' WITH (FORMAT csv, HEADER true)
CREATE UNLOGGED TABLE @extschema@.gtd_raw (
  eventid text,
  iyear text,
  imonth text,
  iday text,
  approxdate text,
  extended text,
  resolution text,
  country text,
  country_txt text,
  region text,
  region_txt text,
  provstate text,
  city text,
  latitude text,
  longitude text,
  specificity text,
  vicinity text,
  location text,
  summary text,
  crit1 text,
  crit2 text,
  crit3 text,
  doubtterr text,
  alternative text,
  alternative_txt text,
  multiple text,
  success text,
  suicide text,
  attacktype1 text,
  attacktype1_txt text,
  attacktype2 text,
  attacktype2_txt text,
  attacktype3 text,
  attacktype3_txt text,
  targtype1 text,
  targtype1_txt text,
  targsubtype1 text,
  targsubtype1_txt text,
  corp1 text,
  target1 text,
  natlty1 text,
  natlty1_txt text,
  targtype2 text,
  targtype2_txt text,
  targsubtype2 text,
  targsubtype2_txt text,
  corp2 text,
  target2 text,
  natlty2 text,
  natlty2_txt text,
  targtype3 text,
  targtype3_txt text,
  targsubtype3 text,
  targsubtype3_txt text,
  corp3 text,
  target3 text,
  natlty3 text,
  natlty3_txt text,
  gname text,
  gsubname text,
  gname2 text,
  gsubname2 text,
  gname3 text,
  gsubname3 text,
  motive text,
  guncertain1 text,
  guncertain2 text,
  guncertain3 text,
  individual text,
  nperps text,
  nperpcap text,
  claimed text,
  claimmode text,
  claimmode_txt text,
  claim2 text,
  claimmode2 text,
  claimmode2_txt text,
  claim3 text,
  claimmode3 text,
  claimmode3_txt text,
  compclaim text,
  weaptype1 text,
  weaptype1_txt text,
  weapsubtype1 text,
  weapsubtype1_txt text,
  weaptype2 text,
  weaptype2_txt text,
  weapsubtype2 text,
  weapsubtype2_txt text,
  weaptype3 text,
  weaptype3_txt text,
  weapsubtype3 text,
  weapsubtype3_txt text,
  weaptype4 text,
  weaptype4_txt text,
  weapsubtype4 text,
  weapsubtype4_txt text,
  weapdetail text,
  nkill text,
  nkillus text,
  nkillter text,
  nwound text,
  nwoundus text,
  nwoundte text,
  property text,
  propextent text,
  propextent_txt text,
  propvalue text,
  propcomment text,
  ishostkid text,
  nhostkid text,
  nhostkidus text,
  nhours text,
  ndays text,
  divert text,
  kidhijcountry text,
  ransom text,
  ransomamt text,
  ransomamtus text,
  ransompaid text,
  ransompaidus text,
  ransomnote text,
  hostkidoutcome text,
  hostkidoutcome_txt text,
  nreleased text,
  addnotes text,
  scite1 text,
  scite2 text,
  scite3 text,
  dbsource text,
  int_log text,
  int_ideo text,
  int_misc text,
  int_any text,
  related text,
  date_precision text,
  event_date text
);
COMMENT ON TABLE @extschema@.gtd_raw IS
  'Global Terrorism Database export as downloaded (137 columns, eventid ... related, date_precision, event_date; names lower-cased, INT_LOG ... INT_ANY included).  Load with \copy ... WITH (FORMAT csv, HEADER true), then SELECT * FROM sahel_news.import_gtd().';

CREATE UNLOGGED TABLE @extschema@.scad_raw (
  eventid text,
  id text,
  ccode text,
  countryname text,
  startdate text,
  enddate text,
  duration text,
  stday text,
  stmo text,
  styr text,
  eday text,
  emo text,
  eyr text,
  etype text,
  escalation text,
  actor1 text,
  actor2 text,
  actor3 text,
  target1 text,
  target2 text,
  cgovtarget text,
  rgovtarget text,
  npart text,
  ndeath text,
  repress text,
  elocal text,
  ilocal text,
  sublocal text,
  locnum text,
  gislocnum text,
  issue1 text,
  issue2 text,
  issue3 text,
  issuenote text,
  nsource text,
  notes text,
  coder text,
  acd_questionable text,
  latitude text,
  longitude text,
  geo_comments text,
  location_precision text,
  year text
);
COMMENT ON TABLE @extschema@.scad_raw IS
  'Social Conflict Analysis Database export as downloaded (43 columns, eventid ... location_precision, year).  Load with \copy ... WITH (FORMAT csv, HEADER true), then SELECT * FROM sahel_news.import_scad().';

-- Each staged column holds the file's column of that name, as text.
DO $comments$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT a.attrelid::pg_catalog.regclass AS tab, a.attname
           FROM pg_catalog.pg_attribute a
           WHERE a.attrelid IN ('@extschema@.gtd_raw'::pg_catalog.regclass, '@extschema@.scad_raw'::pg_catalog.regclass)
             AND a.attnum > 0 AND NOT a.attisdropped
  LOOP
    EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L', c.tab, c.attname,
                              pg_catalog.format('the file''s %s column, as text (not parsed)', c.attname));
  END LOOP;
END
$comments$;

-- The two datasets in import_runs.
ALTER TABLE @extschema@.import_runs DROP CONSTRAINT import_runs_dataset_check;
ALTER TABLE @extschema@.import_runs ADD CONSTRAINT import_runs_dataset_check
  CHECK (dataset IN ('acled', 'ucdp_ged', 'gdelt', 'ipi_contributions', 'ipi_mission_totals', 'geopko', 'gtd', 'scad', 'acled_deletions', 'geonames'));
COMMENT ON COLUMN @extschema@.import_runs.dataset IS
  'acled, ucdp_ged, gdelt, ipi_contributions, ipi_mission_totals, geopko, gtd, scad, acled_deletions (import_acled_deletions) or geonames (import_geonames)';

-- ---------------------------------------------------------------------------
-- Counting rows that change nothing

-- A row identical to what is stored is neither imported nor updated: it is
-- unchanged, and not written (no new row version, no history).
ALTER TABLE @extschema@.import_runs ADD COLUMN unchanged bigint NOT NULL DEFAULT 0;
COMMENT ON COLUMN @extschema@.import_runs.unchanged IS
  'rows whose record was already stored with exactly these values: nothing was written';
ALTER TABLE @extschema@.import_runs DROP CONSTRAINT import_runs_counts_check;
ALTER TABLE @extschema@.import_runs ADD CONSTRAINT import_runs_counts_check
  CHECK (rows_read = imported + updated + unchanged + skipped + flagged
         AND imported >= 0 AND updated >= 0 AND unchanged >= 0 AND skipped >= 0 AND flagged >= 0);
COMMENT ON TABLE @extschema@.import_runs IS
  'One row per import_* call: rows read from the staging table, and how many were imported (new), updated (same dataset and external id as a row already loaded, with other values), unchanged (already loaded with these very values: not written), skipped (not loaded on purpose: duplicates, header lines, rows without a figure; listed in import_issues) and flagged (loaded with a caveat, or rejected; listed in import_issues).  rows_read = imported + updated + unchanged + skipped + flagged.';

-- ---------------------------------------------------------------------------
-- The datasets' codes

CREATE FUNCTION @extschema@.gtd_attack_types(OUT code smallint, OUT name text)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 9
BEGIN ATOMIC
  SELECT v.code::smallint, v.name
  FROM (VALUES (1, 'Assassination'), (2, 'Armed Assault'), (3, 'Bombing/Explosion'), (4, 'Hijacking'),
               (5, 'Hostage Taking (Barricade Incident)'), (6, 'Hostage Taking (Kidnapping)'),
               (7, 'Facility/Infrastructure Attack'), (8, 'Unarmed Assault'), (9, 'Unknown')) AS v(code, name)
  ORDER BY v.code;
END;
COMMENT ON FUNCTION @extschema@.gtd_attack_types() IS
  'GTD''s attack types (attacktype1-3 and their _txt names, GTD codebook): 1 Assassination ... 9 Unknown.  import_gtd() stores attacktype1 in events.dataset_category.';

CREATE FUNCTION @extschema@.scad_event_types(OUT code smallint, OUT name text)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 10
BEGIN ATOMIC
  SELECT v.code::smallint, v.name
  FROM (VALUES (1, 'Organized Demonstration'), (2, 'Spontaneous Demonstration'), (3, 'Organized Violent Riot'),
               (4, 'Spontaneous Violent Riot'), (5, 'General Strike'), (6, 'Limited Strike'),
               (7, 'Pro-Government Violence (Repression)'), (8, 'Anti-Government Violence'),
               (9, 'Extra-government Violence'), (10, 'Intra-government Violence')) AS v(code, name)
  ORDER BY v.code;
END;
COMMENT ON FUNCTION @extschema@.scad_event_types() IS
  'SCAD''s event types (etype, SCAD codebook): 1 Organized Demonstration ... 10 Intra-government Violence.  import_scad() stores etype in events.dataset_category.';

-- ---------------------------------------------------------------------------
-- Reading the datasets' dates

-- A calendar month named in English, full or three letters: its number.
CREATE FUNCTION @extschema@.loader_month(v text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (SELECT m.n FROM pg_catalog.unnest(ARRAY['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
                                                'september', 'october', 'november', 'december']) WITH ORDINALITY AS m(name, n)
        WHERE m.name = pg_catalog.lower(pg_catalog.btrim(v))
           OR (pg_catalog.length(pg_catalog.btrim(v)) = 3 AND pg_catalog.left(m.name, 3) = pg_catalog.lower(pg_catalog.btrim(v)))
           OR (pg_catalog.lower(pg_catalog.btrim(v)) = 'sept' AND m.n = 9));
COMMENT ON FUNCTION @extschema@.loader_month(text) IS
  'The number of a month named in English (March, Mar, Sept), NULL for anything else.';

-- GTD's approxdate, free text, as an edtf string: "March 1-8, 2014" and
-- "August 16-22, 2015" (a span within a month), "March 28 - April 2, 2014",
-- "March 28, 2014 - April 2, 2015", "March 2014", "March 4, 2014", and the
-- plain day 2014-03-04 (with a time of 00:00:00, as some conversions of the
-- files write it).  NULL for anything else or a day that does not exist.
CREATE FUNCTION @extschema@.loader_gtd_approxdate(v text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t text := regexp_replace(btrim(v), '\s+', ' ', 'g');
  m text[];
  d1 date;
  d2 date;
BEGIN
  IF t IS NULL OR t = '' THEN
    RETURN NULL;
  END IF;
  m := regexp_match(t, '^([0-9]{4})-([0-9]{2})-([0-9]{2})( 00:00(:00)?)?$');
  IF m IS NOT NULL THEN
    RETURN to_char(@extschema@.loader_make_date(m[1]::integer, m[2]::integer, m[3]::integer), 'YYYY-MM-DD');
  END IF;
  m := regexp_match(t, '^([A-Za-z]+)\.? ([0-9]{1,2}) ?(-|to|through) ?([0-9]{1,2}),? ([0-9]{4})$');
  IF m IS NOT NULL THEN
    d1 := @extschema@.loader_make_date(m[5]::integer, @extschema@.loader_month(m[1]), m[2]::integer);
    d2 := @extschema@.loader_make_date(m[5]::integer, @extschema@.loader_month(m[1]), m[4]::integer);
  END IF;
  IF m IS NULL THEN
    m := regexp_match(t, '^([A-Za-z]+)\.? ([0-9]{1,2}) ?(-|to|through) ?([A-Za-z]+)\.? ([0-9]{1,2}),? ([0-9]{4})$');
    IF m IS NOT NULL THEN
      d1 := @extschema@.loader_make_date(m[6]::integer, @extschema@.loader_month(m[1]), m[2]::integer);
      d2 := @extschema@.loader_make_date(m[6]::integer, @extschema@.loader_month(m[4]), m[5]::integer);
    END IF;
  END IF;
  IF m IS NULL THEN
    m := regexp_match(t, '^([A-Za-z]+)\.? ([0-9]{1,2}),? ([0-9]{4}) ?(-|to|through) ?([A-Za-z]+)\.? ([0-9]{1,2}),? ([0-9]{4})$');
    IF m IS NOT NULL THEN
      d1 := @extschema@.loader_make_date(m[3]::integer, @extschema@.loader_month(m[1]), m[2]::integer);
      d2 := @extschema@.loader_make_date(m[7]::integer, @extschema@.loader_month(m[5]), m[6]::integer);
    END IF;
  END IF;
  IF m IS NOT NULL THEN
    IF d1 IS NULL OR d2 IS NULL OR d2 < d1 THEN
      RETURN NULL;
    END IF;
    IF d1 = d2 THEN
      RETURN to_char(d1, 'YYYY-MM-DD');
    END IF;
    RETURN to_char(d1, 'YYYY-MM-DD') || '/' || to_char(d2, 'YYYY-MM-DD');
  END IF;
  m := regexp_match(t, '^([A-Za-z]+)\.? ([0-9]{1,2}),? ([0-9]{4})$');
  IF m IS NOT NULL THEN
    RETURN to_char(@extschema@.loader_make_date(m[3]::integer, @extschema@.loader_month(m[1]), m[2]::integer), 'YYYY-MM-DD');
  END IF;
  m := regexp_match(t, '^([A-Za-z]+),? ([0-9]{4})$');
  IF m IS NOT NULL AND @extschema@.loader_month(m[1]) IS NOT NULL THEN
    RETURN m[2] || '-' || lpad(@extschema@.loader_month(m[1])::text, 2, '0');
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_gtd_approxdate(text) IS
  'GTD''s approxdate text read as an edtf string: "March 1-8, 2014" -> 2014-03-01/2014-03-08, "March 28 - April 2, 2014", "March 2014" -> 2014-03, "2014-03-04" -> 2014-03-04; NULL for text in no such form or naming no real day, never an error.';

-- When a GTD incident happened, from iyear, imonth, iday (0 when unknown),
-- approxdate and extended/resolution: occurred (an edtf string) or problem
-- (why the row cannot be loaded), and notes (what was made of its quirks).
CREATE FUNCTION @extschema@.loader_gtd_date(
    iyear text, imonth text, iday text, approxdate text, extended text, resolution text,
    OUT occurred text, OUT problem text, OUT notes text[], OUT event_note text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  y bigint := @extschema@.loader_int(iyear);
  mo bigint := @extschema@.loader_int(imonth);
  d bigint := @extschema@.loader_int(iday);
  ex bigint := @extschema@.loader_int(extended);
  ad text := @extschema@.loader_value(approxdate);
  res date := @extschema@.loader_date(resolution);
  span text;
  coded text;
BEGIN
  notes := '{}';
  IF y IS NULL OR y NOT BETWEEN 1 AND 9999 THEN
    problem := format('iyear %L is not a year', iyear);
  ELSIF mo IS NULL OR mo NOT BETWEEN 0 AND 12 THEN
    problem := format('imonth %L is not a month (1-12, or 0 when unknown)', imonth);
  ELSIF d IS NULL OR d NOT BETWEEN 0 AND 31 THEN
    problem := format('iday %L is not a day (1-31, or 0 when unknown)', iday);
  ELSIF mo = 0 AND d <> 0 THEN
    problem := format('iday %s with imonth 0: a day of no known month', d);
  ELSIF d > 0 AND @extschema@.loader_make_date(y::integer, mo::integer, d::integer) IS NULL THEN
    problem := format('iyear %s, imonth %s, iday %s is not a day of the calendar', y, mo, d);
  ELSIF @extschema@.loader_value(extended) IS NOT NULL AND (ex IS NULL OR ex NOT IN (0, 1)) THEN
    problem := format('extended %L is not 0 or 1', extended);
  END IF;
  IF problem IS NOT NULL THEN
    RETURN;
  END IF;
  IF mo = 0 THEN
    coded := lpad(y::text, 4, '0');
    notes := notes || format('imonth 0 and iday 0 (month and day unknown): stored as the year %s', coded);
  ELSIF d = 0 THEN
    coded := lpad(y::text, 4, '0') || '-' || lpad(mo::text, 2, '0');
    notes := notes || format('iday 0 (day unknown): stored as the month %s', coded);
  ELSE
    coded := to_char(make_date(y::integer, mo::integer, d::integer), 'YYYY-MM-DD');
  END IF;
  occurred := coded;
  IF ad IS NOT NULL THEN
    span := @extschema@.loader_gtd_approxdate(ad);
    IF span IS NULL THEN
      notes := notes || format('approxdate %L (not a date this loader reads) kept in the event''s note', ad);
    ELSIF span = coded THEN
      notes := notes || format('approxdate %L (the coded date itself) kept in the event''s note', ad);
    ELSIF span::@extschema@.edtf OPERATOR(@extschema@.&&) coded::@extschema@.edtf THEN
      occurred := span;
      notes := notes || format('approxdate %L: stored as %s, the span it gives around the coded date %s', ad, span, coded);
    ELSE
      notes := notes || format('approxdate %L disagrees with the coded date %s: coded date stored, approxdate kept in the event''s note', ad, coded);
    END IF;
  END IF;
  IF ad IS NOT NULL THEN
    event_note := format('GTD approxdate: %s', ad);
  END IF;
  IF ex = 1 AND occurred = coded THEN
    IF res IS NOT NULL AND res > @extschema@.upper(coded::@extschema@.edtf) THEN
      occurred := coded || '/' || to_char(res, 'YYYY-MM-DD');
    ELSIF res IS NULL OR res < @extschema@.lower(coded::@extschema@.edtf) THEN
      -- An open end (2014-01-18/) would put the incident in every later
      -- period; the start is what GTD dates, and the note says it went on.
      event_note := concat_ws('; ', event_note, 'GTD extended: the incident lasted more than 24 hours, end not given');
      notes := notes || format('extended 1 (the incident lasted more than 24 hours) %s: stored as its start %s, the duration in the event''s note',
                               CASE WHEN @extschema@.loader_value(resolution) IS NULL THEN 'without a resolution date'
                                    ELSE format('with resolution %L, not a date after the start', resolution) END,
                               coded);
    END IF;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_gtd_date(text, text, text, text, text, text) IS
  'A GTD row''s date as an edtf string: the day, or its month (iday 0) or year (imonth 0) when unknown; the span approxdate gives when it is one around the coded day; from the day to resolution when extended is 1 (the start day alone when resolution is not given).  problem says why there is no date; notes list what was read from the quirks; event_note keeps approxdate and an unbounded extended for events.note (internal to import_gtd).';

-- When a SCAD event happened: startdate to enddate (YYYY-MM-DD), or from the
-- parts styr/stmo/stday, eyr/emo/eday when the dates are missing.
CREATE FUNCTION @extschema@.loader_scad_date(
    startdate text, enddate text, styr text, stmo text, stday text, eyr text, emo text, eday text, duration text,
    OUT occurred text, OUT problem text, OUT notes text[])
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  s date := @extschema@.loader_date(startdate);
  e date := @extschema@.loader_date(enddate);
  sp date := @extschema@.loader_make_date(@extschema@.loader_int(styr)::integer, @extschema@.loader_int(stmo)::integer,
                                          @extschema@.loader_int(stday)::integer);
  ep date := @extschema@.loader_make_date(@extschema@.loader_int(eyr)::integer, @extschema@.loader_int(emo)::integer,
                                          @extschema@.loader_int(eday)::integer);
  dur bigint := @extschema@.loader_int(duration);
BEGIN
  notes := '{}';
  IF s IS NULL AND sp IS NOT NULL THEN
    s := sp;
    notes := notes || format('startdate %L is not a date: read from styr, stmo, stday as %s', startdate, sp);
  ELSIF s IS NOT NULL AND sp IS NOT NULL AND s <> sp THEN
    notes := notes || format('startdate %s disagrees with styr, stmo, stday (%s): startdate stored', s, sp);
  END IF;
  IF e IS NULL AND ep IS NOT NULL THEN
    e := ep;
    notes := notes || format('enddate %L is not a date: read from eyr, emo, eday as %s', enddate, ep);
  ELSIF e IS NOT NULL AND ep IS NOT NULL AND e <> ep THEN
    notes := notes || format('enddate %s disagrees with eyr, emo, eday (%s): enddate stored', e, ep);
  END IF;
  IF s IS NULL THEN
    problem := format('startdate %L is not a date (nor are styr, stmo, stday)', startdate);
    RETURN;
  END IF;
  IF e IS NULL THEN
    e := s;
    notes := notes || format('enddate %L is not a date: stored as the start day', enddate);
  END IF;
  IF e < s THEN
    problem := format('enddate %s is before startdate %s', e, s);
    RETURN;
  END IF;
  IF dur IS NOT NULL AND dur <> e - s + 1 THEN
    notes := notes || format('duration %s disagrees with startdate %s to enddate %s (%s days): the dates stored', dur, s, e, e - s + 1);
  END IF;
  occurred := CASE WHEN e = s THEN to_char(s, 'YYYY-MM-DD')
                   ELSE to_char(s, 'YYYY-MM-DD') || '/' || to_char(e, 'YYYY-MM-DD') END;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_scad_date(text, text, text, text, text, text, text, text, text) IS
  'A SCAD row''s date as an edtf string: startdate, or the span startdate/enddate; the day parts when a date is missing.  problem says why there is none; notes list disagreements (internal to import_scad).';

-- SCAD's precision, as location_precision_m('scad', code) reads it: 1 a town
-- or city, 2 an approximate location, 3 a region or rural area, 4 the whole
-- country.  A location_precision of 1-4 is that code; otherwise "no" (the
-- location is approximate) gives 2, and gislocnum (else locnum) the kind of
-- place: 6 a region, 7 or 8 nationwide.
CREATE FUNCTION @extschema@.loader_scad_precision_code(location_precision text, gislocnum text, locnum text, place text)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN pg_catalog.btrim(location_precision) ~ '^[1-4]$' THEN pg_catalog.btrim(location_precision)::integer
  WHEN pg_catalog.lower(pg_catalog.btrim(place)) = 'nationwide'
       OR coalesce(@extschema@.loader_int(gislocnum), @extschema@.loader_int(locnum)) = 7 THEN 4
  WHEN coalesce(@extschema@.loader_int(gislocnum), @extschema@.loader_int(locnum)) = 6 THEN 3
  WHEN pg_catalog.lower(pg_catalog.btrim(location_precision)) = 'no' THEN 2
  WHEN coalesce(@extschema@.loader_int(gislocnum), @extschema@.loader_int(locnum)) IN (1, 2, 3, 4, 5, 8) THEN 1
END;
COMMENT ON FUNCTION @extschema@.loader_scad_precision_code(text, text, text, text) IS
  'A SCAD row''s location precision as one code (1 a town, 2 approximate, 3 a region, 4 nationwide) from location_precision (1-4, or "no" for approximate), gislocnum/locnum (6 region, 7-8 nationwide) and the place name; NULL when none says (internal to import_scad).';

-- ---------------------------------------------------------------------------
-- The staged batch, read and checked, and how it is stored

-- pg_temp.sn_batch: one row per staged row.  action is NULL for a row loaded
-- cleanly, kept (loaded, with the caveats in reason), rejected or skipped.
CREATE FUNCTION @extschema@.loader_batch_create() RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  -- left over when an earlier import of this transaction failed and was caught
  PERFORM @extschema@.loader_drop_work_tables('sn_batch', 'sn_batch_places', 'sn_batch_actors',
                                               'sn_batch_named', 'sn_batch_stored', 'sn_batch_stored_actors');
  CREATE TEMP TABLE sn_batch (
    rec         bigint PRIMARY KEY,
    ext         text,
    raw         jsonb NOT NULL,
    action      text,
    reason      text,
    occurred    @extschema@.edtf,
    place_name  text,
    place_kind  text,
    country     @extschema@.country,
    location    @extschema@.geopoint,
    precision_m float8,
    fatalities  @extschema@.estimate,
    summary     text,
    category    text,
    note        text,
    actors      jsonb NOT NULL DEFAULT '[]',
    existed     boolean NOT NULL DEFAULT false,
    written     boolean NOT NULL DEFAULT false,
    place_key   text,
    place_id    bigint,
    event_id    bigint,
    digest      uuid        -- the staged row's (loader_batch_same): events.load_digest of a row loaded cleanly
  ) ON COMMIT DROP;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_batch_create() IS
  'Creates (afresh) the temporary table pg_temp.sn_batch that a set-based import fills with its staged rows, read and checked, before loader_store_batch() stores them (internal to the loaders).';

-- Stores pg_temp.sn_batch: import_issues for every row with an action; the
-- places and actors named, resolved once per distinct name; the events (new,
-- or changed: an event whose values are already those stored is left alone);
-- the event actors.  Returns the state with the counts.
CREATE FUNCTION @extschema@.loader_store_batch(st @extschema@.loader_state, staging regclass)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  unchanged bigint;
  run constant bigint := @extschema@.current_import_run();  -- a value: on Citus the shards do not know the run
  exts text[];
  ids bigint[];
  place_ids bigint[];
  stored bigint[];
  stamped bigint[];
  actor_ids bigint[];
  roles text[];
  names text[];
  digests uuid[];
  same bigint;
BEGIN
  INSERT INTO @extschema@.import_issues (run_id, dataset, record, external_id, action, reason, raw)
  SELECT st.run, st.dataset, b.rec, b.ext, b.action, b.reason, b.raw
  FROM pg_temp.sn_batch b WHERE b.action IS NOT NULL ORDER BY b.rec;

  -- The events stored already, found by their key (loader_event_ids: on
  -- Citus through event_keys).  Statements that write the model read
  -- the work tables, and the model is read in statements of its own, its
  -- rows passed on as arrays: Citus joins no temporary table to a table of
  -- its own in an UPDATE or a DELETE (docs/reference/citus.md).
  exts := ARRAY(SELECT b.ext FROM pg_temp.sn_batch b
                WHERE b.ext IS NOT NULL AND b.action IS DISTINCT FROM 'rejected' AND b.action IS DISTINCT FROM 'skipped');
  SELECT array_agg(k.external_id), array_agg(k.event_id) INTO exts, ids
  FROM @extschema@.loader_event_ids(st.dataset, exts) k;
  UPDATE pg_temp.sn_batch b SET existed = true, event_id = u.id
  FROM unnest(exts, ids) AS u(ext, id)
  WHERE b.ext = u.ext AND b.action IS DISTINCT FROM 'rejected' AND b.action IS DISTINCT FROM 'skipped';
  stored := ARRAY(SELECT b.event_id FROM pg_temp.sn_batch b WHERE b.existed);

  -- places and actors: loader_place and loader_actor create a name only under
  -- the loaders' gazetteer lock, after looking it up again in a statement of
  -- their own, so a GTD or SCAD load beside another load never creates the
  -- same place or actor twice
  -- places: one loader_place() call per distinct name, kind, country and point
  UPDATE pg_temp.sn_batch b
  SET place_key = concat_ws('|', b.place_name, b.place_kind, b.country::text, b.location::text)
  WHERE b.place_name IS NOT NULL AND b.action IS DISTINCT FROM 'rejected' AND b.action IS DISTINCT FROM 'skipped';
  CREATE TEMP TABLE sn_batch_places ON COMMIT DROP AS
  SELECT k.place_key,
         @extschema@.loader_place(k.place_name, k.place_kind, k.country, k.location) AS place_id
  FROM (SELECT DISTINCT ON (b.place_key) b.place_key, b.place_name, b.place_kind, b.country, b.location, b.rec
        FROM pg_temp.sn_batch b WHERE b.place_key IS NOT NULL
        ORDER BY b.place_key, b.rec) k
  ORDER BY k.rec;
  UPDATE pg_temp.sn_batch b SET place_id = p.place_id
  FROM pg_temp.sn_batch_places p WHERE p.place_key = b.place_key;
  -- A re-imported event keeps its place while that place still fits the row
  -- (same name or alias, same country, within 25 km): the nearest place of
  -- the name may be one created after the event first came in.
  SELECT array_agg(e.id), array_agg(e.place_id) INTO ids, place_ids
  FROM @extschema@.events e WHERE e.id = ANY (stored) AND e.place_id IS NOT NULL;
  UPDATE pg_temp.sn_batch b SET place_id = u.place_id
  FROM unnest(ids, place_ids) AS u(id, place_id)
  WHERE b.event_id = u.id AND b.existed AND b.place_key IS NOT NULL AND u.place_id <> b.place_id
    AND EXISTS (SELECT 1 FROM @extschema@.loader_places_named(b.place_name) n
                WHERE n.id = u.place_id
                  AND (n.country OPERATOR(@extschema@.=) b.country OR (n.country IS NULL AND b.country IS NULL))
                  AND (b.location IS NULL OR n.location IS NULL
                       OR @extschema@.distance(n.location, b.location) <= 25000));

  -- events: the stored ones updated when something changed (changed_run
  -- given as a value: on Citus the shards do not know the run), the new
  -- ones inserted, their keys claimed (on Citus)
  WITH up AS (
    UPDATE @extschema@.events e
    SET occurred = b.occurred, place_id = b.place_id, location = b.location,
        location_precision_m = b.precision_m, fatalities = b.fatalities, summary = b.summary,
        dataset_category = b.category, note = b.note, changed_run = run,
        load_digest = CASE WHEN b.action IS NULL THEN b.digest END
    FROM pg_temp.sn_batch b
    WHERE b.existed AND e.id = b.event_id
      AND (e.occurred::text, e.place_id, e.location::text, e.location_precision_m, e.fatalities::text,
           e.summary, e.dataset_category, e.note)
          IS DISTINCT FROM
          (b.occurred::text, b.place_id, b.location::text, b.precision_m, b.fatalities::text,
           b.summary, b.category, b.note)
    RETURNING e.id)
  UPDATE pg_temp.sn_batch b SET written = true FROM up WHERE up.id = b.event_id AND b.existed;
  WITH ins AS (
    INSERT INTO @extschema@.events AS e
      (occurred, place_id, location, location_precision_m, fatalities, summary, dataset_category, note, dataset, external_id,
       load_digest)
    SELECT b.occurred, b.place_id, b.location, b.precision_m, b.fatalities, b.summary, b.category, b.note, st.dataset, b.ext,
           CASE WHEN b.action IS NULL THEN b.digest END
    FROM pg_temp.sn_batch b
    WHERE NOT b.existed AND b.action IS DISTINCT FROM 'rejected' AND b.action IS DISTINCT FROM 'skipped'
    ORDER BY b.rec
    RETURNING e.id, e.external_id)
  UPDATE pg_temp.sn_batch b SET written = true, event_id = ins.id
  FROM ins
  WHERE ins.external_id = b.ext AND NOT b.existed
    AND b.action IS DISTINCT FROM 'rejected' AND b.action IS DISTINCT FROM 'skipped';
  SELECT array_agg(b.ext ORDER BY b.rec), array_agg(b.event_id ORDER BY b.rec) INTO exts, ids
  FROM pg_temp.sn_batch b WHERE NOT b.existed AND b.event_id IS NOT NULL;
  PERFORM @extschema@.loader_keys_claim_ids(st.dataset, exts, ids);

  -- actors: one loader_actor() call per distinct name and date (a name may
  -- stand for another actor at another date, actor_names.used), then the
  -- links that differ from those stored are deleted or added (an event whose
  -- links change is updated, even when its own row is not), and the names
  -- as written kept in event_actor_names
  CREATE TEMP TABLE sn_batch_actors ON COMMIT DROP AS
  SELECT k.name, k.occurred, @extschema@.loader_actor(k.name, k.kind, NULL, NULL, NULL, k.occurred::@extschema@.edtf) AS actor_id
  FROM (SELECT DISTINCT ON (x->>'name', b.occurred::text) x->>'name' AS name, x->>'kind' AS kind, b.occurred::text AS occurred, b.rec
        FROM pg_temp.sn_batch b CROSS JOIN LATERAL jsonb_array_elements(b.actors) x
        WHERE b.event_id IS NOT NULL
        ORDER BY x->>'name', b.occurred::text, b.rec) k
  ORDER BY k.rec;
  -- what the batch names for each event, and what is stored for the events
  -- loaded before
  CREATE TEMP TABLE sn_batch_named ON COMMIT DROP AS
  SELECT b.event_id, x->>'role' AS role, x->>'name' AS name, a.actor_id, b.existed, b.written
  FROM pg_temp.sn_batch b CROSS JOIN LATERAL jsonb_array_elements(b.actors) x
  JOIN pg_temp.sn_batch_actors a ON a.name = x->>'name' AND a.occurred = b.occurred::text
  WHERE b.event_id IS NOT NULL;
  CREATE TEMP TABLE sn_batch_stored ON COMMIT DROP AS
  SELECT r.event_id, r.role, r.name, r.actor_id FROM @extschema@.event_actor_names r WHERE r.event_id = ANY (stored);
  CREATE TEMP TABLE sn_batch_stored_actors ON COMMIT DROP AS
  SELECT ea.event_id, ea.actor_id, ea.role FROM @extschema@.event_actors ea WHERE ea.event_id = ANY (stored);
  -- an event loaded before whose row is left alone but whose actors differ
  -- is stamped with the run first (changed_run, and the row's digest): that keeps
  -- its version, the actors as they were, in event_history
  -- (event_history_keep, 370_loaders_history.sql)
  stamped := ARRAY(
    SELECT z.event_id FROM (
      (SELECT r.event_id, r.role, r.name, r.actor_id
       FROM pg_temp.sn_batch_stored r JOIN pg_temp.sn_batch b ON b.event_id = r.event_id
       WHERE b.existed AND NOT b.written
       EXCEPT
       SELECT n.event_id, n.role, n.name, n.actor_id FROM pg_temp.sn_batch_named n WHERE n.existed AND NOT n.written)
      UNION ALL
      (SELECT n.event_id, n.role, n.name, n.actor_id FROM pg_temp.sn_batch_named n WHERE n.existed AND NOT n.written
       EXCEPT
       SELECT r.event_id, r.role, r.name, r.actor_id
       FROM pg_temp.sn_batch_stored r JOIN pg_temp.sn_batch b ON b.event_id = r.event_id
       WHERE b.existed AND NOT b.written)) z);
  -- (the row's digest with it: the event now holds what this row gives)
  IF cardinality(stamped) > 0 THEN
    SELECT array_agg(b.event_id), array_agg(CASE WHEN b.action IS NULL THEN b.digest END) INTO ids, digests
    FROM pg_temp.sn_batch b WHERE b.event_id = ANY (stamped) AND b.existed;
    UPDATE @extschema@.events e SET changed_run = run, load_digest = u.digest
    FROM unnest(ids, digests) AS u(id, digest) WHERE e.id = u.id;
  END IF;
  -- the links the batch no longer names, chosen first, then deleted by
  -- their keys
  SELECT array_agg(s.event_id), array_agg(s.actor_id), array_agg(s.role) INTO ids, actor_ids, roles
  FROM pg_temp.sn_batch_stored_actors s
  WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sn_batch_named n
                    WHERE n.event_id = s.event_id AND n.actor_id = s.actor_id AND n.role = s.role);
  WITH gone AS (
    DELETE FROM @extschema@.event_actors ea
    WHERE ea.event_id = ANY (ids)
      AND (ea.event_id, ea.actor_id, ea.role) IN (SELECT u.e, u.a, u.r FROM unnest(ids, actor_ids, roles) AS u(e, a, r))
    RETURNING ea.event_id)
  UPDATE pg_temp.sn_batch b SET written = true FROM gone WHERE gone.event_id = b.event_id;
  WITH added AS (
    INSERT INTO @extschema@.event_actors (event_id, actor_id, role)
    SELECT DISTINCT n.event_id, n.actor_id, n.role FROM pg_temp.sn_batch_named n
    ON CONFLICT DO NOTHING
    RETURNING event_id)
  UPDATE pg_temp.sn_batch b SET written = true FROM added WHERE added.event_id = b.event_id;
  SELECT array_agg(s.event_id), array_agg(s.role), array_agg(s.name) INTO ids, roles, names
  FROM pg_temp.sn_batch_stored s JOIN pg_temp.sn_batch b ON b.event_id = s.event_id
  WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(b.actors) x WHERE x->>'name' = s.name AND x->>'role' = s.role);
  DELETE FROM @extschema@.event_actor_names r
  WHERE r.event_id = ANY (ids)
    AND (r.event_id, r.role, r.name) IN (SELECT u.e, u.r, u.n FROM unnest(ids, roles, names) AS u(e, r, n));
  INSERT INTO @extschema@.event_actor_names AS r (event_id, role, name, actor_id)
  SELECT DISTINCT n.event_id, n.role, n.name, n.actor_id FROM pg_temp.sn_batch_named n
  ON CONFLICT (event_id, role, name) DO UPDATE SET actor_id = excluded.actor_id
    WHERE r.actor_id IS DISTINCT FROM excluded.actor_id;

  SELECT count(*),
         count(*) FILTER (WHERE b.action IS NULL AND NOT b.existed),
         count(*) FILTER (WHERE b.action IS NULL AND b.existed AND b.written),
         count(*) FILTER (WHERE b.action = 'skipped'),
         count(*) FILTER (WHERE b.action IN ('kept', 'rejected')),
         count(*) FILTER (WHERE b.action IS NULL AND b.existed AND NOT b.written)
  INTO st.rows_read, st.imported, st.updated, st.skipped, st.flagged, unchanged
  FROM pg_temp.sn_batch b;
  -- and the rows loader_batch_same found stored by the very same row: not parsed
  SELECT count(*) INTO same FROM pg_temp.loader_staged x WHERE x.same IS NOT NULL;
  st.rows_read := st.rows_read + same;
  unchanged := unchanged + same;
  DROP TABLE pg_temp.sn_batch, pg_temp.sn_batch_places, pg_temp.sn_batch_actors, pg_temp.sn_batch_named,
             pg_temp.sn_batch_stored, pg_temp.sn_batch_stored_actors;
  st.unchanged := unchanged;
  RETURN @extschema@.loader_end(st, staging);
END
$$;
COMMENT ON FUNCTION @extschema@.loader_store_batch(@extschema@.loader_state, regclass) IS
  'Stores the rows of pg_temp.sn_batch for one import run and ends it: import_issues for every row not loaded cleanly, places and actors resolved once per distinct name, events inserted or updated (not written when nothing changed: such rows count as unchanged), event_actors brought in line; empties the staging table and returns the closed import_runs row (internal to the loaders).';

-- The actors a row names, as sn_batch.actors: names in the given role, without
-- blanks and the datasets' words for none (Unknown, -99).
CREATE FUNCTION @extschema@.loader_actor_list(names text[], kind text, role text) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('name', v.name, 'kind', kind, 'role', role)
                                             ORDER BY v.n), '[]')
        FROM (SELECT @extschema@.loader_value(x.name) AS name, x.n
              FROM pg_catalog.unnest(names) WITH ORDINALITY AS x(name, n)) v
        WHERE v.name IS NOT NULL AND pg_catalog.lower(v.name) NOT IN ('unknown', '-99', '-88'));
COMMENT ON FUNCTION @extschema@.loader_actor_list(text[], text, text) IS
  'The actor names of a staged row as a jsonb array of {name, kind, role}, leaving out blanks and Unknown, -99, -88 (internal to the loaders).';

-- Refuses a staged file of another layout: no row has the dataset's id and
-- date where they belong.
CREATE FUNCTION @extschema@.loader_check_layout(ok boolean, dataset text, staging text, first_row text, expected text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT ok THEN
    RAISE EXCEPTION '% does not hold % export layout', staging, dataset
      USING ERRCODE = '22P04',
            DETAIL = format('No staged row has %s; the first row begins %s.', expected, coalesce(first_row, '(nothing)')),
            HINT = format('Copy the export with \copy sahel_news.%s FROM ''file.csv'' WITH (FORMAT csv, HEADER true), after emptying the table with TRUNCATE sahel_news.%s.', staging, staging);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.loader_check_layout(boolean, text, text, text, text) IS
  'Raises 22P04 naming what was expected and how the staged rows begin when a staged file is not of the dataset''s layout (internal to the loaders).';

-- ---------------------------------------------------------------------------
-- What becomes of a staged row of GTD or SCAD, and why: the file's header
-- line and a row a later one with the same key replaces are skipped (an
-- exact duplicate, or superseded: the caller's reason), a row with problems
-- rejected, one with notes kept; NULL (loaded cleanly) otherwise.
CREATE FUNCTION @extschema@.loader_row_verdict(header boolean, dup boolean, exact boolean, winner bigint,
                                               superseded text, problems text[], notes text[],
                                               OUT action text, OUT reason text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT CASE WHEN header OR dup THEN 'skipped' WHEN cardinality(problems) > 0 THEN 'rejected'
              WHEN cardinality(notes) > 0 THEN 'kept' END,
         CASE WHEN header THEN 'the file''s header line (copy with HEADER true)'
              WHEN dup AND exact THEN format('exact duplicate of record %s', winner)
              WHEN dup THEN superseded
              WHEN cardinality(problems) > 0 THEN array_to_string(problems, '; ')
              WHEN cardinality(notes) > 0 THEN array_to_string(notes, '; ') END;
END;
COMMENT ON FUNCTION @extschema@.loader_row_verdict(boolean, boolean, boolean, bigint, text, text[], text[]) IS
  'What import_gtd and import_scad do with a staged row and why: skipped (the header line, an exact duplicate of the later record winner, or superseded by it: the superseded reason), rejected (its problems), kept (its notes), or NULL for a row loaded cleanly (internal to the loaders).';

-- A GTD or SCAD row's problem with its coordinates, if it has one: a
-- latitude or longitude (lat_text, lon_text as staged) that is not a number
-- (lat, lon: as read, NULL when unreadable), else the coordinate check's
-- verdict (ok and note of loader_check_location).
CREATE FUNCTION @extschema@.loader_coords_problem(lat float8, lon float8, lat_text text, lon_text text,
                                                  ok boolean, note text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE WHEN (lat IS NULL AND @extschema@.loader_value(lat_text) IS NOT NULL)
              OR (lon IS NULL AND @extschema@.loader_value(lon_text) IS NOT NULL)
            THEN format('latitude %L, longitude %L are not numbers', lat_text, lon_text)
            WHEN NOT ok THEN note END;
COMMENT ON FUNCTION @extschema@.loader_coords_problem(float8, float8, text, text, boolean, text) IS
  'The problem a staged row''s coordinates give, if any: latitude or longitude text that is not a number, else the coordinate check''s note when it refused them (internal to the GTD and SCAD loaders).';

-- GTD: one event per eventid.
CREATE FUNCTION @extschema@.import_gtd(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
BEGIN
  st := @extschema@.loader_start('gtd', 'import_gtd', '@extschema@.gtd_raw', progress_every);
  PERFORM @extschema@.loader_check_layout(
    st.total = 0 OR EXISTS (SELECT 1 FROM @extschema@.gtd_raw t
                            WHERE (t.eventid ~ '^\s*[0-9]{9,13}\s*$' AND t.iyear ~ '^\s*[0-9]{4}\s*$')
                               OR t.eventid = 'eventid'),
    'the Global Terrorism Database''s', 'gtd_raw',
    (SELECT left(concat_ws(', ', t.eventid, t.iyear, t.imonth, t.iday), 80) FROM @extschema@.gtd_raw t LIMIT 1),
    'an eventid such as 201401020030 in its first column and a year in its second');
  st.run := @extschema@.loader_begin('gtd');
  PERFORM @extschema@.loader_batch_create();
  PERFORM @extschema@.loader_batch_same('gtd', '@extschema@.gtd_raw', 'eventid');

  INSERT INTO pg_temp.sn_batch (rec, ext, raw, action, reason, occurred, place_name, place_kind, country, location,
                                precision_m, fatalities, summary, category, note, actors, digest)
  SELECT r.rec, v.ext, r.raw, o.action, o.reason,
         CASE WHEN p.ok THEN dt.occurred::@extschema@.edtf END,
         CASE WHEN p.ok THEN v.place_name END, v.place_kind, v.ctry,
         CASE WHEN p.ok THEN chk.location END,
         CASE WHEN p.ok AND chk.location IS NOT NULL THEN @extschema@.location_precision_m('gtd', v.spec::integer) END,
         CASE WHEN p.ok THEN coalesce(@extschema@.estimate(v.nkill, v.nkill), '?'::@extschema@.estimate) END,
         @extschema@.loader_value(r.summary), @extschema@.loader_value(r.attacktype1),
         dt.event_note,
         @extschema@.loader_actor_list(ARRAY[r.gname, r.gname2, r.gname3], 'armed group', 'actor1'),
         r.digest
  -- (the rows stored by this very row before: unchanged, not parsed)
  FROM (SELECT s.*, first_value(s.rec) OVER w AS winner, first_value(s.raw) OVER w AS winner_raw
        FROM (SELECT n.*, x.digest
              FROM (SELECT row_number() OVER (ORDER BY t.ctid) AS rec, to_jsonb(t) AS raw, t.* FROM @extschema@.gtd_raw t) n
              JOIN pg_temp.loader_staged x ON x.rec = n.rec
              WHERE x.same IS NULL) s
        WINDOW w AS (PARTITION BY btrim(s.eventid) ORDER BY s.rec DESC)) r
  CROSS JOIN LATERAL (
    SELECT @extschema@.loader_value(r.eventid) AS ext,
           r.eventid = 'eventid' AND r.iyear = 'iyear' AS header,
           @extschema@.loader_value(r.eventid) IS NOT NULL AND r.winner <> r.rec AS dup,
           @extschema@.try_country(@extschema@.loader_value(r.country_txt)) AS ctry,
           @extschema@.loader_float(r.latitude) AS lat, @extschema@.loader_float(r.longitude) AS lon,
           @extschema@.loader_int(r.specificity) AS spec,
           @extschema@.loader_int(r.attacktype1) AS attack,
           (SELECT a.name FROM @extschema@.gtd_attack_types() a WHERE a.code = @extschema@.loader_int(r.attacktype1)) AS attack_name,
           @extschema@.loader_int(r.nkill) AS nkill,
           CASE WHEN lower(@extschema@.loader_value(r.city)) <> 'unknown' THEN @extschema@.loader_value(r.city)
                WHEN lower(@extschema@.loader_value(r.provstate)) <> 'unknown' THEN @extschema@.loader_value(r.provstate) END AS place_name,
           CASE WHEN lower(@extschema@.loader_value(r.city)) <> 'unknown' THEN 'town'
                WHEN lower(@extschema@.loader_value(r.provstate)) <> 'unknown' THEN 'region' END AS place_kind) v
  CROSS JOIN LATERAL @extschema@.loader_gtd_date(r.iyear, r.imonth, r.iday, r.approxdate, r.extended, r.resolution) dt
  CROSS JOIN LATERAL @extschema@.loader_check_location(v.lat, v.lon, v.ctry, v.place_name) chk
  CROSS JOIN LATERAL (
    SELECT x.problems, x.notes, NOT (v.header OR v.dup) AND cardinality(x.problems) = 0 AS ok
    FROM (SELECT array_remove(ARRAY[
                   CASE WHEN v.ext IS NULL THEN 'eventid is missing' END,
                   dt.problem,
                   CASE WHEN v.attack_name IS NULL
                        THEN format('attacktype1 %L is not a GTD attack type (1-9)', r.attacktype1) END,
                   CASE WHEN v.nkill < 0 OR (v.nkill IS NULL AND @extschema@.loader_value(r.nkill) IS NOT NULL)
                        THEN format('nkill %L is not a count', r.nkill) END,
                   @extschema@.loader_coords_problem(v.lat, v.lon, r.latitude, r.longitude, chk.ok, chk.note)], NULL) AS problems,
                 array_remove(dt.notes || ARRAY[
                   CASE WHEN v.ctry IS NULL
                        THEN format('country_txt %L (GTD country %s) is not a country this extension knows: stored without a country',
                                    r.country_txt, coalesce(@extschema@.loader_value(r.country), 'missing')) END,
                   CASE WHEN v.attack_name IS NOT NULL AND @extschema@.loader_value(r.attacktype1_txt) IS NOT NULL
                             AND lower(@extschema@.loader_value(r.attacktype1_txt)) <> lower(v.attack_name)
                        THEN format('attacktype1_txt %L is not the name of attack type %s (%s)', r.attacktype1_txt, v.attack, v.attack_name) END,
                   CASE WHEN @extschema@.loader_value(r.nkill) IS NULL THEN 'nkill blank (deaths unknown): stored as ?' END,
                   CASE WHEN chk.ok AND chk.note IS NOT NULL THEN chk.note END,
                   CASE WHEN chk.ok AND v.lat IS NULL AND v.lon IS NULL
                        THEN format('coordinates missing: event stored without a location (specificity %s)', coalesce(r.specificity, 'missing')) END,
                   CASE WHEN chk.location IS NOT NULL AND (v.spec IS NULL OR v.spec NOT BETWEEN 1 AND 5)
                        THEN format('specificity %L is not 1-5: location stored without a precision', r.specificity) END], NULL) AS notes) x
  ) p
  CROSS JOIN LATERAL @extschema@.loader_row_verdict(v.header, v.dup, r.raw = r.winner_raw, r.winner,
    format('superseded by record %s, a later row with the same eventid', r.winner), p.problems, p.notes) o;

  RETURN @extschema@.loader_store_batch(st, '@extschema@.gtd_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_gtd(integer) IS
  'Moves the rows staged in gtd_raw into events, event_actors, places and actors (one event per eventid; a re-imported id updates its event only when something changed), records every row not loaded cleanly in import_issues, empties gtd_raw and returns the import_runs row.  iyear/imonth/iday become the day, or its month or year when GTD writes 0 for unknown; approxdate is kept in the note (and its span stored when it gives one around the coded day); extended 1 makes the date a span to resolution (without one: the start day, the note saying it went on); nkill blank is ? (unknown); country_txt gives the country; city (else provstate) the place; specificity the location_precision_m; attacktype1 the dataset_category; gname, gname2, gname3 the perpetrators (actor1; Unknown is none).  progress_every is checked as by the other loaders.';

-- ---------------------------------------------------------------------------
-- SCAD: one event per eventid and sub-location.  An event that took place in
-- several towns is one row per town, each with the same eventid (and id), its
-- town in ilocal and its number in sublocal (1, 2, ...): the external id is
-- eventid-sublocal (6200428-3), and eventid alone when sublocal is blank.

CREATE FUNCTION @extschema@.import_scad(progress_every integer DEFAULT 10000)
RETURNS @extschema@.import_runs
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  st @extschema@.loader_state;
  cow_map constant jsonb := @extschema@.loader_code_map('cow');
BEGIN
  st := @extschema@.loader_start('scad', 'import_scad', '@extschema@.scad_raw', progress_every);
  PERFORM @extschema@.loader_check_layout(
    st.total = 0 OR EXISTS (SELECT 1 FROM @extschema@.scad_raw t
                            WHERE (t.eventid ~ '^\s*[0-9]+\s*$' AND @extschema@.loader_date(t.startdate) IS NOT NULL)
                               OR t.eventid = 'eventid'),
    'the Social Conflict Analysis Database''s', 'scad_raw',
    (SELECT left(concat_ws(', ', t.eventid, t.id, t.ccode, t.countryname, t.startdate), 80) FROM @extschema@.scad_raw t LIMIT 1),
    'an eventid such as 6200396 in its first column and a date (YYYY-MM-DD) in its fifth, startdate');
  st.run := @extschema@.loader_begin('scad');
  PERFORM @extschema@.loader_batch_create();
  PERFORM @extschema@.loader_batch_same('scad', '@extschema@.scad_raw', 'eventid', 'sublocal');

  INSERT INTO pg_temp.sn_batch (rec, ext, raw, action, reason, occurred, place_name, place_kind, country, location,
                                precision_m, fatalities, summary, category, note, actors, digest)
  SELECT r.rec, v.ext, r.raw, o.action, o.reason,
         CASE WHEN p.ok THEN dt.occurred::@extschema@.edtf END,
         CASE WHEN p.ok AND v.prec <> 4 THEN v.place_name END,
         CASE WHEN v.prec = 3 THEN 'region' ELSE 'town' END, v.ctry,
         CASE WHEN p.ok THEN chk.location END,
         CASE WHEN p.ok AND chk.location IS NOT NULL THEN @extschema@.location_precision_m('scad', v.prec) END,
         CASE WHEN p.ok THEN CASE WHEN v.ndeath >= 0 THEN @extschema@.estimate(v.ndeath, v.ndeath)
                                  ELSE '?'::@extschema@.estimate END END,
         -- issuenote (what happened, in a sentence), then the coder's notes
         nullif(concat_ws('. ', @extschema@.loader_value(r.issuenote), @extschema@.loader_value(r.notes)), ''),
         @extschema@.loader_value(r.etype),
         NULL,
         @extschema@.loader_actor_list(ARRAY[r.actor1, r.actor2, r.actor3], NULL, 'actor1')
           || @extschema@.loader_actor_list(ARRAY[r.target1, r.target2], NULL, 'target'),
         r.digest
  -- (the rows stored by this very row before: unchanged, not parsed)
  FROM (SELECT s.*, first_value(s.rec) OVER w AS winner, first_value(s.raw) OVER w AS winner_raw
        FROM (SELECT n.*, x.digest
              FROM (SELECT row_number() OVER (ORDER BY t.ctid) AS rec, to_jsonb(t) AS raw, t.* FROM @extschema@.scad_raw t) n
              JOIN pg_temp.loader_staged x ON x.rec = n.rec
              WHERE x.same IS NULL) s
        WINDOW w AS (PARTITION BY btrim(s.eventid), btrim(s.sublocal) ORDER BY s.rec DESC)) r
  CROSS JOIN LATERAL (
    SELECT CASE WHEN @extschema@.loader_value(r.sublocal) IS NULL THEN @extschema@.loader_value(r.eventid)
                ELSE @extschema@.loader_value(r.eventid) || '-' || @extschema@.loader_value(r.sublocal) END AS ext,
           r.eventid = 'eventid' AND r.startdate = 'startdate' AS header,
           @extschema@.loader_value(r.eventid) IS NOT NULL AND r.winner <> r.rec AS dup,
           coalesce((cow_map ->> @extschema@.loader_int(r.ccode)::text)::@extschema@.country,
                    @extschema@.try_country(@extschema@.loader_value(r.countryname))) AS ctry,
           (cow_map ->> @extschema@.loader_int(r.ccode)::text) IS NULL AS ccode_unknown,
           @extschema@.loader_float(r.latitude) AS lat, @extschema@.loader_float(r.longitude) AS lon,
           @extschema@.loader_scad_precision_code(r.location_precision, r.gislocnum, r.locnum,
                                                  coalesce(@extschema@.loader_value(r.ilocal), r.elocal)) AS prec,
           @extschema@.loader_int(r.etype) AS etype,
           @extschema@.loader_int(r.ndeath) AS ndeath,
           coalesce(@extschema@.loader_value(r.ilocal), @extschema@.loader_value(r.elocal)) AS place_name) v
  CROSS JOIN LATERAL @extschema@.loader_scad_date(r.startdate, r.enddate, r.styr, r.stmo, r.stday,
                                                  r.eyr, r.emo, r.eday, r.duration) dt
  CROSS JOIN LATERAL @extschema@.loader_check_location(v.lat, v.lon, v.ctry,
                                                       CASE WHEN v.prec <> 4 THEN v.place_name END) chk
  CROSS JOIN LATERAL (
    SELECT x.problems, x.notes, NOT (v.header OR v.dup) AND cardinality(x.problems) = 0 AS ok
    FROM (SELECT array_remove(ARRAY[
                   CASE WHEN @extschema@.loader_value(r.eventid) IS NULL THEN 'eventid is missing' END,
                   dt.problem,
                   CASE WHEN NOT EXISTS (SELECT 1 FROM @extschema@.scad_event_types() et WHERE et.code = v.etype)
                        THEN format('etype %L is not a SCAD event type (1-10)', r.etype) END,
                   CASE WHEN (v.ndeath < 0 AND v.ndeath NOT IN (-99, -88))
                          OR (v.ndeath IS NULL AND @extschema@.loader_value(r.ndeath) IS NOT NULL)
                        THEN format('ndeath %L is not a count', r.ndeath) END,
                   @extschema@.loader_coords_problem(v.lat, v.lon, r.latitude, r.longitude, chk.ok, chk.note)], NULL) AS problems,
                 array_remove(dt.notes || ARRAY[
                   CASE WHEN v.ctry IS NULL
                        THEN format('ccode %L (countryname %L) is not a Correlates of War country code this extension knows: stored without a country',
                                    r.ccode, r.countryname)
                        WHEN v.ccode_unknown
                        THEN format('ccode %L is not a Correlates of War country code this extension knows: country read from countryname %L',
                                    r.ccode, r.countryname) END,
                   CASE WHEN @extschema@.loader_value(r.sublocal) IS NULL THEN 'sublocal blank: the event is identified by its eventid alone' END,
                   CASE WHEN v.ndeath = -99 THEN 'ndeath -99 (deaths unknown): stored as ?'
                        WHEN v.ndeath = -88 THEN 'ndeath -88 (not coded: no count given): stored as ?'
                        WHEN @extschema@.loader_value(r.ndeath) IS NULL THEN 'ndeath blank: stored as ?' END,
                   CASE WHEN chk.ok AND chk.note IS NOT NULL THEN chk.note END,
                   CASE WHEN chk.ok AND v.lat IS NULL AND v.lon IS NULL
                        THEN 'coordinates missing: event stored without a location' END,
                   CASE WHEN chk.location IS NOT NULL AND v.prec IS NULL
                        THEN format('location_precision %L, gislocnum %L, locnum %L give no precision: location stored without one',
                                    r.location_precision, r.gislocnum, r.locnum) END], NULL) AS notes) x
  ) p
  CROSS JOIN LATERAL @extschema@.loader_row_verdict(v.header, v.dup, r.raw = r.winner_raw, r.winner,
    format('superseded by record %s, a later row with the same eventid and sublocal', r.winner), p.problems, p.notes) o;

  RETURN @extschema@.loader_store_batch(st, '@extschema@.scad_raw');
END
$fn$;
COMMENT ON FUNCTION @extschema@.import_scad(integer) IS
  'Moves the rows staged in scad_raw into events, event_actors, places and actors (one event per eventid and sublocal, the external id eventid-sublocal; a re-imported id updates its event only when something changed), records every row not loaded cleanly in import_issues, empties scad_raw and returns the import_runs row.  startdate/enddate become the day or the span; ndeath -99 (and -88) is ? (unknown); ccode (Correlates of War) gives the country; ilocal (else elocal) the place; location_precision with gislocnum the location_precision_m; etype the dataset_category; issuenote then notes the summary; actor1-3 the actors (actor1) and target1-2 the targets (Unknown is none).';
