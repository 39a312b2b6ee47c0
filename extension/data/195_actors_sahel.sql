-- extension/data/195_actors_sahel.sql
-- Curated Sahel armed groups and state forces, with the names the conflict
-- datasets give them (ACLED, UCDP GED, GTD) and, where a name stood for the
-- actor only for a time, the period (actor_names.used).  Written for
-- sahel_news from public facts about these groups; the dataset spellings were
-- checked against real exports.  Ids 101..199; the sample report's actors
-- (1..26) get the datasets' names of theirs here too.  docs/reference/actors.md.

SET LOCAL search_path = pg_catalog, pg_temp;
SET LOCAL sahel_news.allow_sample_changes = on;

INSERT INTO @extschema@.actors (id, name, kind, country, parent_id, active, acled_inter, cameo_code, note, sample) VALUES
  (101, 'Ansar Dine', 'armed group', 'MLI', NULL, '2012/2017-03', 2, NULL,
        'jihadist group led by Iyad Ag Ghaly, founded in 2012; merged into JNIM in March 2017', true),
  (102, 'al-Mourabitoun', 'armed group', NULL, 16, '2013-08/2017-03', 2, NULL,
        'jihadist group formed in 2013 by Mokhtar Belmokhtar''s battalion and MUJAO; pledged to al-Qaeda, merged into JNIM in March 2017', true),
  (103, 'al-Qaeda in the Islamic Maghreb', 'armed group', NULL, 16, '2007/..', 2, NULL,
        'al-Qaeda''s North African branch (from the Algerian GSPC, 2007); its Sahara branch joined JNIM in 2017', true),
  (104, 'Katiba Macina', 'armed group', 'MLI', 15, '2015/..', 2, NULL,
        'jihadist group of central Mali led by Amadou Koufa, founded in 2015; part of JNIM since 2017', true),
  (105, 'Islamic State Sahel Province', 'armed group', NULL, 17, '2015-05/..', 2, NULL,
        'founded in 2015 as the Islamic State in the Greater Sahara by Adnan Abu Walid al-Sahrawi; named a province of the Islamic State in March 2022', true),
  (106, 'Islamic State West Africa Province', 'armed group', NULL, 17, '2015-03/..', 2, NULL,
        'the Islamic State''s Lake Chad branch, from the part of Boko Haram that pledged to it in 2015 and split in 2016', true),
  (107, 'Boko Haram (JAS)', 'armed group', 'NGA', NULL, NULL, 2, NULL,
        'Jama''atu Ahlis Sunna Lidda''awati wal-Jihad, the faction that kept the name Boko Haram after the 2016 split; active around Lake Chad', true),
  (108, 'National Movement for the Liberation of Azawad', 'armed group', 'MLI', NULL, '2011-10/..', 2, NULL,
        'Tuareg separatist movement that led the 2012 rebellion in northern Mali', true),
  (109, 'Ansarul Islam', 'armed group', 'BFA', NULL, '2016/..', 2, NULL,
        'jihadist group of northern Burkina Faso founded in 2016 by Ibrahim Malam Dicko', true),
  (110, 'Burkinabe armed forces', 'state forces', 'BFA', NULL, NULL, 1, 'BFAMIL', NULL, true),
  (111, 'Chadian armed forces', 'state forces', 'TCD', NULL, NULL, 1, 'TCDMIL', NULL, true),
  (112, 'Volunteers for the Defence of the Homeland', 'armed group', 'BFA', NULL, '2020-01/..', NULL, NULL,
        'civilian auxiliaries of Burkina Faso''s army, created by law in January 2020', true),
  (113, 'Koglweogo', 'armed group', 'BFA', NULL, NULL, NULL, NULL,
        'self-defence groups of rural Burkina Faso', true),
  (114, 'Dan Na Ambassagou', 'armed group', 'MLI', NULL, '2016/..', NULL, NULL,
        'Dogon militia of central Mali', true),
  (115, 'GATIA', 'armed group', 'MLI', NULL, '2014/..', NULL, NULL,
        'Imghad Tuareg and allies self-defence group, on the government''s side in northern Mali', true),
  (116, 'Movement for the Salvation of Azawad', 'armed group', 'MLI', NULL, '2016/..', NULL, NULL,
        'armed movement of the Ménaka region formed in 2016', true);

INSERT INTO @extschema@.actor_names (actor_id, name, lang, name_kind, used, sample) VALUES
  -- Ansar Dine: its names stand for it until the merger into JNIM (2 March
  -- 2017); from then on a report of "Ansar Dine" is of JNIM.
  (101, 'Ansar Dine', NULL, 'name', '../2017-03-01', true),
  (101, 'Ansar Eddine', NULL, 'alias', '../2017-03-01', true),
  (101, 'Ansar al-Din', NULL, 'alias', '../2017-03-01', true),
  (101, 'Ansar al-Dine (Mali)', NULL, 'alias', '../2017-03-01', true),
  ( 15, 'Ansar Dine', NULL, 'alias', '2017-03-02/..', true),
  ( 15, 'Jamaat Nusrat al-Islam wal Muslimin (JNIM)', NULL, 'alias', '2017-03/..', true),
  (102, 'al-Mourabitoun', NULL, 'name', NULL, true),
  (102, 'al-Murabitun', NULL, 'alias', NULL, true),
  (103, 'al-Qaeda in the Islamic Maghreb', 'en', 'name', NULL, true),
  (103, 'AQIM', 'en', 'acronym', NULL, true),
  (103, 'AQIM: Al Qaeda in the Islamic Maghreb', 'en', 'alias', NULL, true),
  (103, 'Al-Qaida in the Islamic Maghreb (AQIM)', 'en', 'alias', NULL, true),
  (103, 'Al-Qaïda au Maghreb islamique', 'fr', 'translation', NULL, true),
  (103, 'AQMI', 'fr', 'acronym', NULL, true),
  (104, 'Katiba Macina', NULL, 'name', NULL, true),
  (104, 'Macina Liberation Front', 'en', 'alias', NULL, true),
  (104, 'Macina Liberation Front (FLM)', 'en', 'alias', NULL, true),
  (104, 'Front de libération du Macina', 'fr', 'translation', NULL, true),
  -- Islamic State in the Greater Sahara until March 2022, Sahel Province since
  (105, 'Islamic State in the Greater Sahara', 'en', 'name', '../2022-03', true),
  (105, 'ISGS', 'en', 'acronym', '../2022-03', true),
  (105, 'Islamic State (Greater Sahara)', 'en', 'alias', '../2022-03', true),
  (105, 'Islamic State in the Greater Sahara (ISGS)', 'en', 'alias', '../2022-03', true),
  (105, 'Islamic State (West Africa) - Greater Sahara Faction', 'en', 'alias', '../2022-03', true),
  (105, 'État islamique au Grand Sahara', 'fr', 'translation', '../2022-03', true),
  (105, 'EIGS', 'fr', 'acronym', '../2022-03', true),
  (105, 'Islamic State Sahel Province', 'en', 'name', '2022-03/..', true),
  (105, 'ISSP', 'en', 'acronym', '2022-03/..', true),
  (105, 'IS-Sahel', 'en', 'alias', '2022-03/..', true),
  (105, 'Islamic State (Sahel)', 'en', 'alias', '2022-03/..', true),
  (105, 'État islamique au Sahel', 'fr', 'translation', '2022-03/..', true),
  (106, 'Islamic State West Africa Province', 'en', 'name', NULL, true),
  (106, 'ISWAP', 'en', 'acronym', NULL, true),
  (106, 'Islamic State West Africa Province (ISWAP)', 'en', 'alias', NULL, true),
  (106, 'Islamic State (West Africa) - Lake Chad Faction', 'en', 'alias', NULL, true),
  (107, 'Boko Haram (JAS)', 'en', 'name', NULL, true),
  (107, 'Boko Haram', NULL, 'alias', NULL, true),
  (107, 'Jama''atu Ahlis Sunna Lidda''awati wal-Jihad', NULL, 'name', NULL, true),
  (107, 'Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad', NULL, 'alias', NULL, true),
  (107, 'JAS', NULL, 'acronym', NULL, true),
  (108, 'National Movement for the Liberation of Azawad', 'en', 'name', NULL, true),
  (108, 'MNLA', NULL, 'acronym', NULL, true),
  (108, 'MNLA: National Movement for the Liberation of Azawad', 'en', 'alias', NULL, true),
  (108, 'National Movement for the Liberation of Azawad (MNLA)', 'en', 'alias', NULL, true),
  (108, 'Mouvement national de libération de l''Azawad', 'fr', 'translation', NULL, true),
  (109, 'Ansarul Islam', NULL, 'name', NULL, true),
  (109, 'Ansaroul Islam', NULL, 'alias', NULL, true),
  (109, 'Ansar ul Islam', NULL, 'alias', NULL, true),
  -- State forces.  ACLED names a state's forces by the period of a regime,
  -- "(2015-)"; its names keep being used after the regime ends while ACLED
  -- recodes, so the period is the one the name gives, open-ended.  UCDP GED
  -- names the government side of a state-based conflict "Government of X":
  -- its armed forces do the fighting, so it is an alias of them here.
  (110, 'Burkinabe armed forces', 'en', 'name', NULL, true),
  (110, 'Burkinabe army', 'en', 'alias', NULL, true),
  (110, 'Forces armées burkinabè', 'fr', 'translation', NULL, true),
  (110, 'Military Forces of Burkina Faso (2015-)', 'en', 'alias', '2015/..', true),
  (110, 'Military Forces of Burkina Faso (2022-)', 'en', 'alias', '2022/..', true),
  (110, 'Government of Burkina Faso', 'en', 'alias', NULL, true),
  (111, 'Chadian armed forces', 'en', 'name', NULL, true),
  (111, 'Chadian army', 'en', 'alias', NULL, true),
  (111, 'Forces armées tchadiennes', 'fr', 'translation', NULL, true),
  (111, 'Military Forces of Chad (2021-)', 'en', 'alias', '2021/..', true),
  (111, 'Government of Chad', 'en', 'alias', NULL, true),
  (  9, 'Military Forces of Mali (2021-)', 'en', 'alias', '2021/..', true),
  (  9, 'Government of Mali', 'en', 'alias', NULL, true),
  ( 19, 'Military Forces of Niger (2021-)', 'en', 'alias', '2021/..', true),
  ( 19, 'Government of Niger', 'en', 'alias', NULL, true),
  (  2, 'Military Forces of France (2017-)', 'en', 'alias', '2017/..', true),
  ( 14, 'MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2021-)', 'en', 'alias', '2021/..', true),
  -- UCDP GED names every Islamic State branch "IS"
  ( 17, 'IS', 'en', 'acronym', NULL, true),
  (112, 'Volunteers for the Defence of the Homeland', 'en', 'name', NULL, true),
  (112, 'VDP', NULL, 'acronym', NULL, true),
  (112, 'VDP: Volunteer for Defense of Homeland', 'en', 'alias', NULL, true),
  (112, 'Volontaires pour la défense de la patrie', 'fr', 'translation', NULL, true),
  (113, 'Koglweogo', NULL, 'name', NULL, true),
  (113, 'Koglweogo Militia', 'en', 'alias', NULL, true),
  (114, 'Dan Na Ambassagou', NULL, 'name', NULL, true),
  (114, 'Dana Ambassagou', NULL, 'alias', NULL, true),
  (115, 'GATIA', NULL, 'acronym', NULL, true),
  (115, 'GATIA: Imghad Tuareg and Allies Self-Defense Group', 'en', 'alias', NULL, true),
  (115, 'Imghad Tuareg and Allies Self-Defense Group', 'en', 'name', NULL, true),
  (116, 'Movement for the Salvation of Azawad', 'en', 'name', NULL, true),
  (116, 'MSA: Movement for Azawad Salvation', 'en', 'alias', NULL, true),
  (116, 'Mouvement pour le salut de l''Azawad', 'fr', 'translation', NULL, true);

SET LOCAL sahel_news.allow_sample_changes = off;
SET LOCAL search_path = @extschema@;
