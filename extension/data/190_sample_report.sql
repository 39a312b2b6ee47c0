-- extension/data/190_sample_report.sql
-- The sample: one news report (Al Jazeera with news agencies, 2022-08-15, on
-- the end of France's military deployment in Mali) coded into the model.
-- Only facts, in our own words; the report's text is not part of sahel_news
-- (sources.body stays NULL).  Every value is exactly as uncertain as the report
-- leaves it: a year stays a year, "about" stays approximate (~), an undisclosed
-- number stays unknown (?), a vague plural follows parse_estimate's convention
-- (dozens = 24..99, thousands = 2000..9999, more than two million =
-- >=2000001).  Where the real-world date is known more precisely than the
-- report says, the data keeps the report's precision and the finer date is in a
-- comment here.
--
-- Rows carry sample = true and ids 1..1000 (see 100_model_tables.sql): pg_dump
-- leaves them out and CREATE EXTENSION recreates them.  Relative dates of the
-- report resolve against its publication day, Monday 2022-08-15 ("Saturday" =
-- 2022-08-13, "last month" = 2022-07, "in February" = 2022-02).
--
-- The ACLED and CAMEO types of the events, the ACLED actor types, the
-- precision radii of places and the geo-precision codes are our coding, not
-- ACLED's or GDELT's.  A place's precision_m is the radius of a disc of the
-- area its name covers (a country's from its surface area), rounded.

-- SET LOCAL, never SET: CREATE EXTENSION restores the settings it saved when
-- the script ends, but a plain SET in the script would outlive it and stay
-- in the caller's session (search_path = sahel_news, the guard lifted).
SET LOCAL search_path = pg_catalog, pg_temp;
SET LOCAL sahel_news.allow_sample_changes = on;

-- ---------------------------------------------------------------------------
-- The source

INSERT INTO @extschema@.sources (id, publisher, title, url, published, language, subject, body, retrieved, sample) VALUES
  (1, 'Al Jazeera (with news agencies)', NULL,
   'https://www.aljazeera.com/news/2022/8/15/last-french-troops-leave-mali-ending-nine-year-deployment',
   '2022-08-15', 'en',
   'The end of France''s military deployment in Mali (2013-2022): the last troops leave, what remains in the Sahel, the record of the nine years',
   NULL, NULL, true);

-- ---------------------------------------------------------------------------
-- Places
--  1-2 continents, 3 the Sahel, 4-10 countries, 11-16 in Mali and Niger,
--  17-19 cross-border areas, 20-21 capitals abroad, 22-24 areas named only
--  in passing (no coordinates given: location NULL, locate() uses the parent)

INSERT INTO @extschema@.places (id, name, kind, country, parent_id, location, precision_m, note, sample) VALUES
  ( 1, 'Africa', 'continent', NULL, NULL, NULL, NULL, 'the continent; no coordinates in the sample', true),
  ( 2, 'Europe', 'continent', NULL, NULL, NULL, NULL, 'the continent; no coordinates in the sample', true),
  ( 3, 'Sahel', 'supranational region', NULL, 1, '15.0, 0.0', 1000000,
       'the semi-arid belt south of the Sahara; point approximate, the name covers some 3 million km2', true),
  ( 4, 'Mali', 'country', 'MLI', 3, '17.57, -3.99', 630000, 'point approximate (centre of the country)', true),
  ( 5, 'Niger', 'country', 'NER', 3, '17.61, 8.08', 635000, 'point approximate (centre of the country)', true),
  ( 6, 'Chad', 'country', 'TCD', 3, '15.45, 18.73', 640000, 'point approximate (centre of the country)', true),
  ( 7, 'Burkina Faso', 'country', 'BFA', 3, '12.24, -1.56', 295000, 'point approximate (centre of the country)', true),
  ( 8, 'Mauritania', 'country', 'MRT', 3, '21.01, -10.94', 575000, 'point approximate (centre of the country)', true),
  ( 9, 'France', 'country', 'FRA', 2, NULL, NULL, 'named through Paris and the French actors; no coordinates in the sample', true),
  (10, 'Russia', 'country', 'RUS', NULL, NULL, NULL, 'named through Moscow and the Russian actors; no coordinates in the sample', true),
  (11, 'Bamako', 'city', 'MLI', 4, '12.6392, -8.0029', 10000, 'capital of Mali', true),
  (12, 'central Mali', 'region', 'MLI', 4, '14.5, -4.2', 200000, 'vague region (the Mopti and Segou area); point approximate', true),
  (13, 'northern Mali', 'region', 'MLI', 4, '18.5, -2.0', 500000, 'vague region (the north and north-east of the country); point approximate', true),
  (14, 'Bandiagara', 'town', 'MLI', 22, '14.3500, -3.6104', 25000, 'the town; its name also covers the surrounding area', true),
  (15, 'Djallo', 'village', 'MLI', 14, NULL, NULL, 'a village in the Bandiagara area; exact location not known', true),
  (16, 'Niamey', 'city', 'NER', 5, '13.5116, 2.1254', 10000, 'capital of Niger', true),
  (17, 'Mali-Niger border', 'border area', NULL, 3, '15.0, 3.5', 400000,
       'the border area between Mali and Niger; point approximate', true),
  (18, 'Gulf of Guinea', 'sea', NULL, 1, '2.0, 2.0', 860000, 'sea region of the Atlantic off West and Central Africa; point approximate', true),
  (19, 'Lake Chad region', 'lake region', NULL, 1, '13.0, 14.0', 200000,
       'the lake basin region shared by Chad, Niger, Nigeria and Cameroon; point approximate', true),
  (20, 'Paris', 'city', 'FRA', 9, '48.8566, 2.3522', 6000, 'capital of France', true),
  (21, 'Moscow', 'city', 'RUS', 10, '55.7558, 37.6173', 28000, 'capital of Russia', true),
  (22, 'Mopti region', 'region', 'MLI', 12, NULL, NULL, 'administrative region of central Mali that holds Bandiagara', true),
  (23, 'Niger''s border regions with Burkina Faso and Mali', 'border area', 'NER', 5, NULL, NULL,
       'the west of Niger along its borders with Burkina Faso and Mali', true),
  (24, 'Mali''s border regions with Niger and Burkina Faso', 'border area', 'MLI', 4, NULL, NULL,
       'the east of Mali along its borders with Niger and Burkina Faso', true);

INSERT INTO @extschema@.place_countries (place_id, country, sample) VALUES
  (17, 'MLI', true), (17, 'NER', true),
  (19, 'TCD', true), (19, 'NER', true), (19, 'NGA', true), (19, 'CMR', true);

INSERT INTO @extschema@.place_names (place_id, name, lang, is_demonym, sample) VALUES
  ( 1, 'Africa', 'en', false, true), ( 1, 'Afrique', 'fr', false, true),
  ( 2, 'Europe', NULL, false, true),
  ( 3, 'Sahel', NULL, false, true), ( 3, 'Sahel region', 'en', false, true),
  ( 3, 'Sahelian', 'en', true, true), ( 3, 'sahélien', 'fr', true, true), ( 3, 'sahélienne', 'fr', true, true),
  ( 4, 'Mali', NULL, false, true),
  ( 4, 'Malian', 'en', true, true), ( 4, 'Malians', 'en', true, true),
  ( 4, 'malien', 'fr', true, true), ( 4, 'malienne', 'fr', true, true),
  ( 4, 'maliens', 'fr', true, true), ( 4, 'maliennes', 'fr', true, true),
  ( 5, 'Niger', NULL, false, true),
  ( 5, 'Nigerien', 'en', true, true), ( 5, 'Nigeriens', 'en', true, true),
  ( 5, 'nigérien', 'fr', true, true), ( 5, 'nigérienne', 'fr', true, true),
  ( 5, 'nigériens', 'fr', true, true), ( 5, 'nigériennes', 'fr', true, true),
  ( 6, 'Chad', 'en', false, true), ( 6, 'Tchad', 'fr', false, true),
  ( 6, 'Chadian', 'en', true, true), ( 6, 'Chadians', 'en', true, true),
  ( 6, 'tchadien', 'fr', true, true), ( 6, 'tchadienne', 'fr', true, true),
  ( 6, 'tchadiens', 'fr', true, true), ( 6, 'tchadiennes', 'fr', true, true),
  ( 7, 'Burkina Faso', NULL, false, true), ( 7, 'Burkina', NULL, false, true),
  ( 7, 'Burkinabe', 'en', true, true), ( 7, 'Burkinabes', 'en', true, true),
  ( 7, 'burkinabè', 'fr', true, true), ( 7, 'burkinabés', 'fr', true, true),
  ( 8, 'Mauritania', 'en', false, true), ( 8, 'Mauritanie', 'fr', false, true),
  ( 8, 'Mauritanian', 'en', true, true), ( 8, 'Mauritanians', 'en', true, true),
  ( 8, 'mauritanien', 'fr', true, true), ( 8, 'mauritanienne', 'fr', true, true),
  ( 9, 'France', NULL, false, true),
  ( 9, 'French', 'en', true, true),
  ( 9, 'français', 'fr', true, true), ( 9, 'française', 'fr', true, true), ( 9, 'françaises', 'fr', true, true),
  (10, 'Russia', 'en', false, true), (10, 'Russie', 'fr', false, true),
  (10, 'Russian', 'en', true, true), (10, 'Russians', 'en', true, true),
  (10, 'russe', 'fr', true, true), (10, 'russes', 'fr', true, true),
  (11, 'Bamako', NULL, false, true),
  (12, 'central Mali', 'en', false, true), (12, 'centre du Mali', 'fr', false, true),
  (13, 'northern Mali', 'en', false, true), (13, 'nord du Mali', 'fr', false, true),
  (14, 'Bandiagara', NULL, false, true),
  (15, 'Djallo', NULL, false, true),
  (16, 'Niamey', NULL, false, true),
  (17, 'Mali-Niger border', 'en', false, true), (17, 'Mali–Niger border', 'en', false, true),
  (17, 'frontière entre le Mali et le Niger', 'fr', false, true),
  (18, 'Gulf of Guinea', 'en', false, true), (18, 'golfe de Guinée', 'fr', false, true),
  (19, 'Lake Chad region', 'en', false, true), (19, 'Lake Chad basin', 'en', false, true),
  (19, 'Lake Chad', 'en', false, true), (19, 'lac Tchad', 'fr', false, true),
  (19, 'bassin du lac Tchad', 'fr', false, true),
  (20, 'Paris', NULL, false, true),
  (21, 'Moscow', 'en', false, true), (21, 'Moscou', 'fr', false, true),
  (22, 'Mopti region', 'en', false, true), (22, 'région de Mopti', 'fr', false, true),
  (23, 'Niger''s border regions with Burkina Faso and Mali', 'en', false, true),
  (24, 'Mali''s border regions with Niger and Burkina Faso', 'en', false, true);

-- ---------------------------------------------------------------------------
-- Actors
--  1-4 France, 5-7 operations, 8-9 Mali, 10-11 Russia, 12-14 organisations,
--  15-18 armed groups, 19-20 Niger's forces and civilians, 21 French special
--  forces (D5), 22-26 the five Sahel states (E4)

INSERT INTO @extschema@.actors (id, name, kind, country, parent_id, active, acled_inter, cameo_code, note, sample) VALUES
  ( 1, 'France', 'state', 'FRA', NULL, NULL, NULL, 'FRA', NULL, true),
  ( 2, 'French armed forces', 'state forces', 'FRA', 1, NULL, 8, 'FRAMIL',
       'in the Sahel ACLED counts them as external forces (inter 8)', true),
  ( 3, 'French Presidency', 'government', 'FRA', 1, NULL, NULL, 'FRAGOV', 'the Elysee, office of the President of France', true),
  ( 4, 'Emmanuel Macron', 'person', 'FRA', 3, NULL, NULL, NULL, 'President of France', true),
  -- Serval: 2013-01-11 to 2014-07-31; Barkhane: 2014-08-01 to 2022-11-09 (the report gives years)
  ( 5, 'Operation Serval', 'military operation', 'FRA', 2, '2013/2014', 8, NULL,
       'the French intervention in Mali, at the Malian government''s request', true),
  ( 6, 'Operation Barkhane', 'military operation', 'FRA', 2, '2014/2022', 8, NULL,
       'France''s counter-insurgency operation across the Sahel, with Burkina Faso, Chad, Mali, Mauritania and Niger', true),
  -- Takuba: 2020-03 to 2022-06-30 (the report gives years)
  ( 7, 'Takuba', 'military operation', NULL, 12, '2020/2022', 8, NULL,
       'French-led multinational task force of European forces, ended by the withdrawal from Mali', true),
  ( 8, 'Malian government', 'government', 'MLI', NULL, NULL, NULL, 'MLIGOV',
       'military-led since the coups of 2020 and 2021; reports also name it by its capital, Bamako', true),
  ( 9, 'Malian armed forces', 'state forces', 'MLI', NULL, NULL, 1, 'MLIMIL', NULL, true),
  (10, 'Russia', 'state', 'RUS', NULL, NULL, NULL, 'RUS', 'reports also name its government by its capital, Moscow', true),
  (11, 'Wagner Group', 'private military company', 'RUS', NULL, NULL, 8, NULL,
       'Russian private military company; Mali''s government speaks of Russian trainers and denies mercenaries are deployed', true),
  (12, 'European Union', 'international organisation', NULL, NULL, NULL, NULL, NULL, NULL, true),
  (13, 'United Nations', 'international organisation', NULL, NULL, NULL, NULL, 'IGOUNO', NULL, true),
  -- MINUSMA: 2013-04-25 to 2023-12-31 (not in the report)
  (14, 'MINUSMA', 'peacekeeping mission', NULL, 13, NULL, 8, NULL,
       'the UN peacekeeping mission in Mali, widely called the most dangerous UN mission', true),
  (15, 'JNIM', 'armed group', NULL, 16, NULL, 2, NULL, 'al-Qaeda affiliate active in Mali and the Sahel', true),
  (16, 'al-Qaeda', 'armed group', NULL, NULL, NULL, 2, NULL, NULL, true),
  (17, 'ISIS/ISIL-linked groups', 'armed group', NULL, NULL, NULL, 2, NULL, 'groups linked to the Islamic State active in the Sahel', true),
  (18, 'Tuareg separatist movement', 'armed group', 'MLI', NULL, NULL, 2, NULL,
       'ethnic-Tuareg separatists whose 2012-2013 offensive, allied with an al-Qaeda affiliate, preceded the French intervention', true),
  (19, 'Niger''s armed forces', 'state forces', 'NER', NULL, NULL, 1, 'NERMIL', NULL, true),
  (20, 'Civilians (Mali)', 'civilians', 'MLI', NULL, NULL, 7, NULL, NULL, true),
  (21, 'French special forces', 'state forces', 'FRA', 2, NULL, 8, NULL, NULL, true),
  (22, 'Mali', 'state', 'MLI', NULL, NULL, NULL, 'MLI', NULL, true),
  (23, 'Niger', 'state', 'NER', NULL, NULL, NULL, 'NER', NULL, true),
  (24, 'Chad', 'state', 'TCD', NULL, NULL, NULL, 'TCD', NULL, true),
  (25, 'Burkina Faso', 'state', 'BFA', NULL, NULL, NULL, 'BFA', NULL, true),
  (26, 'Mauritania', 'state', 'MRT', NULL, NULL, NULL, 'MRT', NULL, true);

INSERT INTO @extschema@.actor_names (actor_id, name, lang, name_kind, sample) VALUES
  ( 1, 'France', NULL, 'name', true),
  ( 2, 'French armed forces', 'en', 'name', true), ( 2, 'French army', 'en', 'alias', true),
  ( 2, 'French military', 'en', 'alias', true), ( 2, 'French troops', 'en', 'alias', true),
  ( 2, 'French forces', 'en', 'alias', true), ( 2, 'Military Forces of France', 'en', 'alias', true),
  ( 2, 'armée française', 'fr', 'translation', true), ( 2, 'forces armées françaises', 'fr', 'translation', true),
  ( 3, 'French Presidency', 'en', 'name', true), ( 3, 'Elysee', NULL, 'alias', true),
  ( 3, 'Élysée', 'fr', 'alias', true), ( 3, 'présidence française', 'fr', 'translation', true),
  ( 4, 'Emmanuel Macron', NULL, 'name', true), ( 4, 'Macron', NULL, 'alias', true),
  ( 5, 'Operation Serval', 'en', 'name', true), ( 5, 'Serval', NULL, 'alias', true),
  ( 5, 'opération Serval', 'fr', 'translation', true),
  ( 6, 'Operation Barkhane', 'en', 'name', true), ( 6, 'Barkhane', NULL, 'alias', true),
  ( 6, 'opération Barkhane', 'fr', 'translation', true),
  ( 7, 'Takuba', NULL, 'name', true), ( 7, 'Task Force Takuba', 'en', 'alias', true),
  ( 7, 'task force Takuba', 'fr', 'translation', true),
  ( 8, 'Malian government', 'en', 'name', true), ( 8, 'Bamako', NULL, 'alias', true),
  ( 8, 'Malian military government', 'en', 'alias', true), ( 8, 'Malian junta', 'en', 'alias', true),
  ( 8, 'gouvernement malien', 'fr', 'translation', true), ( 8, 'junte malienne', 'fr', 'translation', true),
  ( 9, 'Malian armed forces', 'en', 'name', true), ( 9, 'Malian army', 'en', 'alias', true),
  ( 9, 'Malian military', 'en', 'alias', true), ( 9, 'Military Forces of Mali', 'en', 'alias', true),
  ( 9, 'FAMa', NULL, 'acronym', true), ( 9, 'Forces armées maliennes', 'fr', 'translation', true),
  (10, 'Russia', 'en', 'name', true), (10, 'Moscow', 'en', 'alias', true),
  (10, 'Russie', 'fr', 'translation', true), (10, 'Moscou', 'fr', 'alias', true),
  (11, 'Wagner Group', 'en', 'name', true), (11, 'Wagner', NULL, 'alias', true),
  (11, 'groupe Wagner', 'fr', 'translation', true),
  (12, 'European Union', 'en', 'name', true), (12, 'EU', 'en', 'acronym', true),
  (12, 'Union européenne', 'fr', 'translation', true), (12, 'UE', 'fr', 'acronym', true),
  (13, 'United Nations', 'en', 'name', true), (13, 'UN', 'en', 'acronym', true),
  (13, 'Nations unies', 'fr', 'translation', true), (13, 'ONU', 'fr', 'acronym', true),
  (14, 'MINUSMA', NULL, 'acronym', true),
  (14, 'United Nations Multidimensional Integrated Stabilization Mission in Mali', 'en', 'name', true),
  (14, 'Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au Mali', 'fr', 'translation', true),
  (15, 'JNIM', NULL, 'acronym', true),
  (15, 'Jama''at Nusrat al-Islam wal-Muslimin', 'ar', 'name', true),
  (15, 'Support Group for Islam and Muslims', 'en', 'translation', true),
  (15, 'Group for Support of Islam and Muslims', 'en', 'translation', true),
  (15, 'JNIM: Group for Support of Islam and Muslims', 'en', 'alias', true),
  (15, 'GSIM', 'fr', 'acronym', true),
  (15, 'Groupe de soutien à l''islam et aux musulmans', 'fr', 'translation', true),
  (16, 'al-Qaeda', 'en', 'name', true), (16, 'al-Qaida', 'en', 'alias', true),
  (16, 'Al Qaeda', 'en', 'alias', true), (16, 'Al-Qaïda', 'fr', 'translation', true),
  (17, 'ISIS/ISIL-linked groups', 'en', 'name', true), (17, 'ISIS', 'en', 'acronym', true),
  (17, 'ISIL', 'en', 'acronym', true), (17, 'Islamic State', 'en', 'alias', true),
  (17, 'État islamique', 'fr', 'translation', true), (17, 'EI', 'fr', 'acronym', true),
  (18, 'Tuareg separatist movement', 'en', 'name', true),
  (18, 'ethnic-Tuareg separatist movement', 'en', 'alias', true),
  (18, 'Tuareg separatists', 'en', 'alias', true), (18, 'séparatistes touareg', 'fr', 'translation', true),
  (19, 'Niger''s armed forces', 'en', 'name', true), (19, 'Nigerien armed forces', 'en', 'alias', true),
  (19, 'Nigerien army', 'en', 'alias', true), (19, 'Military Forces of Niger', 'en', 'alias', true),
  (19, 'Forces armées nigériennes', 'fr', 'translation', true), (19, 'FAN', 'fr', 'acronym', true),
  (20, 'Civilians (Mali)', 'en', 'name', true), (20, 'civilians', 'en', 'alias', true),
  (20, 'civils', 'fr', 'translation', true),
  (21, 'French special forces', 'en', 'name', true), (21, 'forces spéciales françaises', 'fr', 'translation', true),
  (22, 'Mali', NULL, 'name', true),
  (23, 'Niger', NULL, 'name', true),
  (24, 'Chad', 'en', 'name', true), (24, 'Tchad', 'fr', 'translation', true),
  (25, 'Burkina Faso', NULL, 'name', true),
  (26, 'Mauritania', 'en', 'name', true), (26, 'Mauritanie', 'fr', 'translation', true);

-- ---------------------------------------------------------------------------
-- Events (dataset sahel_news_sample, external ids E1..E12 as in FACTS.md)

INSERT INTO @extschema@.events
  (id, source_id, occurred, place_id, location, geo_precision, event_type, sub_event_type, cameo_code,
   fatalities, fatalities_claimed, summary, related_event_id, note, dataset, external_id, sample) VALUES
  -- 13:00 Paris time (UTC+2)
  ( 1, 1, '2022-08-15T11:00:00Z', 17, '15.0, 3.5', 3, 'Strategic developments', 'Change to group/activity', '0874',
    NULL, false,
    'The last Barkhane contingent left in Mali crosses the border into Niger, completing the French pull-out from Mali; the French army calls the departure orderly and safe.',
    NULL, 'withdrawal of forces', 'sahel_news_sample', 'E1', true),
  -- announced on 2022-02-17
  ( 2, 1, '2022-02', 4, '17.57, -3.99', 3, 'Strategic developments', 'Change to group/activity', '0356',
    NULL, false,
    'France announces that it will pull its forces out of Mali, which also ends the French-led European task force Takuba.',
    NULL, 'the decision was taken in Paris', 'sahel_news_sample', 'E2', true),
  -- Serval began on 2013-01-11
  ( 3, 1, '2013', 13, '18.5, -2.0', 3, 'Strategic developments', 'Change to group/activity', '190',
    NULL, false,
    'France intervenes militarily in northern Mali (Operation Serval), asked by the Malian government, against Tuareg separatists allied with an al-Qaeda affiliate.',
    NULL, NULL, 'sahel_news_sample', 'E3', true),
  -- Barkhane began on 2014-08-01
  ( 4, 1, '2014', 3, '15.0, 0.0', 3, 'Strategic developments', 'Change to group/activity', '062',
    NULL, false,
    'France and Burkina Faso, Chad, Mali, Mauritania and Niger launch Operation Barkhane across the Sahel while armed groups spread in central Mali.',
    NULL, NULL, 'sahel_news_sample', 'E4', true),
  -- 2020-08-18
  ( 5, 1, '2020', 11, '12.6392, -8.0029', 1, 'Strategic developments', 'Other', NULL,
    NULL, false, 'Mali''s military seizes power in a coup.',
    NULL, NULL, 'sahel_news_sample', 'E5', true),
  -- 2021-05-24
  ( 6, 1, '2021', 11, '12.6392, -8.0029', 1, 'Strategic developments', 'Other', NULL,
    NULL, false, 'Mali''s military stages a second coup.',
    NULL, NULL, 'sahel_news_sample', 'E6', true),
  ( 7, 1, '2022-08-13', 15, '14.3500, -3.6104', 2, 'Battles', 'Armed clash', '190',
    '4', true,
    'JNIM fighters ambush Wagner Group fighters travelling on motorcycles near the village of Djallo in the Bandiagara area; JNIM says it killed four of them.',
    NULL, 'location: the Bandiagara area (Djallo''s own position is not known); the death toll is JNIM''s claim of 2022-08-15 (E8)',
    'sahel_news_sample', 'E7', true),
  ( 8, 1, '2022-08-15', NULL, NULL, NULL, NULL, NULL, '015',
    NULL, false, 'JNIM issues a statement claiming the Djallo ambush (E7).',
    7, NULL, 'sahel_news_sample', 'E8', true),
  ( 9, 1, '2013/2022', 4, '17.57, -3.99', 3, 'Explosions/Remote violence', 'Air/drone strike', '195',
    '24..99', false,
    'A UN investigation finds that French air strikes killed dozens of civilians.',
    NULL, 'date and place not given beyond Mali and the years of the deployment', 'sahel_news_sample', 'E9', true),
  (10, 1, '2022-08-15', 20, '48.8566, 2.3522', 1, NULL, NULL, '010',
    NULL, false,
    'Statement of the French presidency: its counter-terrorism engagement continues in three theatres (Lake Chad basin, Gulf of Guinea, Sahel).',
    NULL, NULL, 'sahel_news_sample', 'E10', true),
  (11, 1, '2022-08-15', 20, '48.8566, 2.3522', 1, NULL, NULL, '010',
    NULL, false,
    'President Macron calls the involvement in Mali a success: it kept armed groups from founding a territorial caliphate, and most of their senior leaders were neutralised.',
    NULL, NULL, 'sahel_news_sample', 'E11', true),
  (12, 1, '../2022-08-15', 4, '17.57, -3.99', 3, NULL, NULL, '010',
    NULL, false,
    'Mali''s military government denies that Russian mercenaries are deployed and says it invited Russian trainers.',
    NULL, 'undated: before the report', 'sahel_news_sample', 'E12', true);

INSERT INTO @extschema@.event_actors (event_id, actor_id, role, sample) VALUES
  ( 1,  2, 'actor1', true), ( 1,  6, 'associate', true),
  ( 2,  1, 'actor1', true), ( 2,  7, 'associate', true),
  ( 3,  2, 'actor1', true), ( 3,  5, 'associate', true), ( 3,  8, 'associate', true), ( 3, 18, 'actor2', true),
  ( 4,  1, 'actor1', true), ( 4,  6, 'associate', true),
  ( 4, 22, 'associate', true), ( 4, 23, 'associate', true), ( 4, 24, 'associate', true),
  ( 4, 25, 'associate', true), ( 4, 26, 'associate', true),
  ( 5,  9, 'actor1', true),
  ( 6,  9, 'actor1', true),
  ( 7, 15, 'actor1', true), ( 7, 15, 'claimant', true), ( 7, 11, 'actor2', true),
  ( 8, 15, 'actor1', true),
  ( 9,  2, 'actor1', true), ( 9, 20, 'victim', true),
  (10,  3, 'actor1', true),
  (11,  4, 'actor1', true),
  (12,  8, 'actor1', true);

-- ---------------------------------------------------------------------------
-- Figures that are not single events

INSERT INTO @extschema@.figures (id, source_id, subject, actor_id, place_id, period, value, unit, note, dataset, external_id, sample) VALUES
  (1, 1, 'French soldiers killed during the involvement in Mali', 2, 4, '2013/2022', '59', 'soldiers',
      'over the nine years of the deployment', 'sahel_news_sample', 'F1', true),
  (2, 1, 'people killed in the insecurity', NULL, 12, '../2022-08', '2000..9999', 'people',
      'thousands, up to the time of the report', 'sahel_news_sample', 'F2', true),
  (3, 1, 'civilians displaced', NULL, 12, '../2022-08', '>=2000001', 'people',
      'more than two million, up to the time of the report', 'sahel_news_sample', 'F3', true);

-- ---------------------------------------------------------------------------
-- Troop deployments (D1..D9 as in FACTS.md).  D6, the reported total of French
-- troops in the Sahel after the withdrawal, is entered first: D2-D5 are its
-- reported parts (part_of = 6), so troop_strength() counts either the total or
-- the parts, never both.

INSERT INTO @extschema@.deployments
  (id, source_id, force_id, contributor, host, place_id, strength, as_of, period, part_of, note, dataset, external_id, sample) VALUES
  (6, 1, 2, 'FRA', NULL, 3, '~2500', '2022-08-15', NULL, NULL,
      'all French troops in the Sahel region after the withdrawal from Mali', 'sahel_news_sample', 'D6', true),
  -- the deployment in Mali began with Operation Serval (2013-01-11) and ended on 2022-08-15
  (1, 1, 6, 'FRA', 'MLI', NULL, '~2400', '2022-02', '2013/2022-08-15', NULL,
      'with several bases in the country', 'sahel_news_sample', 'D1', true),
  (2, 1, 2, 'FRA', 'NER', 16, '~1000', '2022-07', NULL, 6,
      'with fighter jets, drones and helicopters; figure from officials; Niger becomes France''s hub in the Sahel',
      'sahel_news_sample', 'D2', true),
  (3, 1, 2, 'FRA', 'NER', 23, '300..400', '2022-07', NULL, 6,
      'special operations alongside Niger''s armed forces', 'sahel_news_sample', 'D3', true),
  (4, 1, 2, 'FRA', 'TCD', NULL, '700..1000', '2022-07', NULL, 6,
      NULL, 'sahel_news_sample', 'D4', true),
  (5, 1, 21, 'FRA', NULL, NULL, '?', '2022-07', NULL, 6,
      'elsewhere in the region; number undisclosed', 'sahel_news_sample', 'D5', true),
  -- Takuba ran from 2020-03 to 2022-06-30
  (7, 1, 7, NULL, 'MLI', 24, '?', '2020/2022', '2020/2022', NULL,
      'strength not given; ended with the French withdrawal', 'sahel_news_sample', 'D7', true),
  (8, 1, 14, NULL, 'MLI', 12, '?', '2022-08', NULL, NULL,
      'strength not given', 'sahel_news_sample', 'D8', true),
  (9, 1, 11, 'RUS', 'MLI', 14, '?', '2022-08', NULL, NULL,
      'strength not given; Mali''s government speaks of Russian trainers', 'sahel_news_sample', 'D9', true);

SET LOCAL sahel_news.allow_sample_changes = off;
SET LOCAL search_path = @extschema@;
