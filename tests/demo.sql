-- tests/demo.sql — the tour that tests/demo prints.  Each part of the
-- extension adds its queries here as it lands.
SET search_path = sahel_news, public;

-- What the extension installed.
SELECT extname, extversion FROM pg_extension WHERE extname = 'sahel_news';

-- geopoint: positions as people paste them, geodesic distances.
SELECT '12.6392, -8.0029'::geopoint AS bamako,
       '12°38′21″N 8°0′10″W'::geopoint AS bamako_dms,
       'POINT(2.1254 13.5116)'::geopoint AS niamey_wkt;
SELECT a.name AS from_place, b.name AS to_place,
       round((a.p <-> b.p)::numeric / 1000, 1) AS km
FROM (VALUES ('Bamako', '12.6392N 8.0029W'::geopoint), ('Paris', '48.8566N 2.3522E')) a(name, p)
CROSS JOIN (VALUES ('Niamey', '13.5116N 2.1254E'::geopoint), ('Bandiagara', '14.35N 3.6104W'),
                   ('Moscow', '55.7558N 37.6173E')) b(name, p)
ORDER BY 1, 3;
SELECT to_wkt('14.35N 3.6104W') AS wkt, to_geojson('14.35N 3.6104W') AS geojson;

-- edtf: dates at the precision the report gives, and its date phrases.
SELECT v AS edtf, lower(v), upper(v), sahel_news.precision(v) AS precision
FROM (VALUES ('2022-08-15T11:00:00Z'::edtf), ('2022-02'), ('2013'), ('2013/2022'),
             ('2022-07~'), ('201X'), ('2022-24'), ('../2014')) t(v);
SELECT phrase, resolve_date(phrase, '2022-08-15', lang) AS resolved
FROM (VALUES ('Monday', 'en'), ('Saturday', 'en'), ('last month', 'en'), ('in February', 'en'),
             ('in 2013', 'en'), ('nine years ago', 'en'), ('13 août 2022', 'fr'),
             ('le mois dernier', 'fr')) t(phrase, lang);
SELECT '2022-07'::edtf && '2022-07-14'::date::edtf AS could_be_same_time,
       '2013/2022'::edtf @> '2022-02'::edtf AS within_deployment,
       '2020'::edtf << '2021'::edtf AS first_coup_before_second;

-- annotate: the places, actors, quantities and dates in a text.
SELECT kind, start_pos, surface, place_id, actor_id, country, quantity, date
FROM annotate('BAMAKO, Oct 3 - JNIM fighters ambushed a Malian army convoy near Djallo on '
              'Saturday, killing at least 12 soldiers. About 300 troops were sent from Bandiagara; '
              'the Lake Chad region saw dozens of attacks last month.', '2022-10-03');
SELECT kind, surface, quantity, date
FROM annotate('L’armée malienne a repoussé samedi une attaque du JNIM près de Djallo : '
              'au moins 12 soldats tués, environ 1 000 militaires déployés le mois dernier.',
              '2022-10-03', 'fr');

-- estimate: counts as vague as the report gives them.
SELECT parse_estimate('about 1,000') AS niger, parse_estimate('300 to 400') AS border,
       parse_estimate('700 to 1,000') AS chad, parse_estimate('undisclosed') AS special_forces,
       parse_estimate('about 1,000') + parse_estimate('300 to 400')
         + parse_estimate('700 to 1,000') + parse_estimate('undisclosed') AS in_all;
SELECT phrase, lang, parse_estimate(phrase, lang) AS value,
       lower(parse_estimate(phrase, lang)), upper(parse_estimate(phrase, lang)),
       best(parse_estimate(phrase, lang))
FROM (VALUES ('59 French soldiers', 'en'), ('more than two million civilians', 'en'),
             ('dozens of civilians', 'en'), ('thousands of people', 'en'),
             ('environ 2 400 militaires', 'fr'), ('des dizaines de civils', 'fr')) AS p(phrase, lang);
SELECT v FROM unnest(ARRAY['?', '~1000', '700..1000', '>=2001', '<=400', '2400']::estimate[]) AS v
ORDER BY v;

-- country: one country in every coding conflict data uses.
-- The Sahel in ISO, FIPS (GDELT), Gleditsch-Ward (UCDP) and COW numbers:
SELECT c AS iso3, iso2(c), iso_numeric(c), fips(c), gw_code(c), cow_code(c),
       name(c), name_fr(c), region(c)
FROM unnest('{Mali,Niger,Burkina,Tchad,Mauritanie}'::country[]) c;
-- Two letters are ISO, never FIPS: NG is Nigeria as ISO, Niger as FIPS.
SELECT 'NG'::country AS iso_ng, country_from_fips('NG') AS fips_ng,
       'Ivory Coast'::country, 'Côte d''Ivoire'::country, 'DR Congo'::country;
-- Names that mean several countries are refused; try_country gives NULL.
SELECT try_country('Congo') AS congo, try_country('Atlantis') AS atlantis;

-- ---------------------------------------------------------------------------
-- The data model and the sample report
-- One report (Al Jazeera, 2022-08-15, on the end of France's deployment in
-- Mali) is coded in the tables, every figure as vague as the report left it.
SELECT external_id, occurred, event_type, sub_event_type, fatalities, summary
FROM events ORDER BY id;

-- What the data says France had where: Mali before and after the withdrawal, Niger and Chad.
SELECT troop_strength('FRA', 'MLI', '2022-06-01') AS "Mali, 2022-06-01",
       troop_strength('FRA', 'NER', '2022-08-15') AS "Niger, 2022-08-15",
       troop_strength('FRA', 'TCD', '2022-08-15') AS "Chad, 2022-08-15",
       troop_strength('FRA', 'MLI', '2022-09-01') AS "Mali, 2022-09-01";

-- France's troop timeline: everywhere (the Sahel total of 2022-08-15 replaces
-- its reported parts), then by host country.
SELECT * FROM troop_timeline('FRA');
SELECT host, t.*
FROM unnest('{MLI,NER,TCD}'::country[]) AS host, troop_timeline('FRA', host) AS t;

-- Events within 50 km of Bandiagara, then within 400 km during 2022.
SELECT event_id, round(distance_m / 1000) AS km, occurred, place, event_type, fatalities
FROM events_near(locate('Bandiagara'), 50000);
SELECT event_id, round(distance_m / 1000) AS km, occurred, place, event_type
FROM events_near(locate('Bandiagara'), 400000, '2022');

-- A join with a dataset of one's own: three incident notes with a day and a
-- position, matched to the sample's events that could be the same (the event's
-- date span contains the day, and it lies within 25 km).
CREATE TEMP TABLE my_incidents (ref text, day date, lat float8, lon float8, note text);
INSERT INTO my_incidents VALUES
  ('LOC-1', '2022-08-13', 14.37, -3.59, 'ambush on men on motorcycles east of Bandiagara'),
  ('LOC-2', '2022-08-14', 12.65, -8.00, 'demonstration in Bamako'),
  ('LOC-3', '2021-05-24', 12.64, -7.99, 'soldiers detain the president and prime minister');
SELECT i.ref, i.day, i.note, e.external_id, e.occurred, e.event_type,
       round(distance(e.location, geopoint(i.lat, i.lon))) AS metres
FROM my_incidents i
LEFT JOIN events e ON e.occurred @> i.day AND dwithin(e.location, geopoint(i.lat, i.lon), 25000)
ORDER BY i.ref;

-- The same events as GeoJSON, ready for QGIS, kepler.gl or geojson.io:
-- how many features, and the first one in full.
SELECT json_array_length(events_geojson()->'features') AS features;
SELECT jsonb_pretty(events_geojson('2022-08-13')::jsonb -> 'features' -> 0);

-- What a BI tool sees: flat views of built-in types only.
SELECT event_id, date_low, date_high, year, month, event_type, country_iso3, place_name,
       latitude, longitude, fatalities_low, fatalities_best, fatalities_high, actor1, actor2
FROM bi_events ORDER BY event_id;
SELECT contributor_iso3, host_iso3, month, strength, strength_low, strength_best, strength_high
FROM bi_troop_levels WHERE month >= '2022-01-01' ORDER BY 1, 2, 3;

-- loaders: a file into its staging table, one call moves it into the
-- model; every row not loaded cleanly is listed with its reason.  (The file is
-- one of the test fixtures: invented rows with the quirks real exports have.)
\copy acled_raw (event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp) FROM PROGRAM 'cat "$SN_ROOT/tests/fixtures/loaders/acled.csv"' WITH (FORMAT csv, HEADER MATCH)
SELECT rows_read, imported, updated, skipped, flagged FROM import_acled();
SELECT record, external_id, action, reason FROM import_issues ORDER BY id;
-- The sample report's ambush near Djallo next to ACLED events within 100 km and 30 days.
SELECT a.external_id, a.occurred, a.sub_event_type, a.fatalities, p.name AS place,
       round((distance(a.location, s.location) / 1000)::numeric) AS km
FROM events s
JOIN events a ON a.dataset = 'acled'
             AND dwithin(a.location, s.location, 100000)
             AND a.occurred && format('%s/%s', lower(s.occurred) - 30, upper(s.occurred) + 30)::edtf
JOIN places p ON p.id = a.place_id
WHERE s.dataset = 'sahel_news_sample' AND s.external_id = 'E7'
ORDER BY a.occurred, km;
