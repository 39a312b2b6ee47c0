-- extension/data/120_event_taxonomy.sql
-- The common event-type levels and the shipped mapping of each dataset's
-- categories onto them (event_taxonomy, event_taxonomy_levels).  Written for
-- sahel_news from the datasets' codebooks and from how the categories are used
-- in real rows; docs/reference/event_taxonomy.md gives the reasons for each choice.

SET LOCAL search_path = pg_catalog, pg_temp;
SET LOCAL sahel_news.allow_sample_changes = on;

INSERT INTO @extschema@.event_taxonomy_levels (level, name, parent, specific, description, standard) VALUES
  (1, 'armed clash', NULL, true,
   'fighting between organised armed groups, state forces among them, including attacks on armed positions', true),
  (1, 'violence against civilians', NULL, true,
   'violence by an organised armed group or a state against unarmed people: killings, abductions, sexual violence', true),
  (1, 'remote violence and explosions', NULL, true,
   'violence at a distance or by explosion, where the target cannot answer: air and drone strikes, shelling, bombs, mines, grenades', true),
  (1, 'protest and riot', NULL, true,
   'demonstrations, strikes and riots by crowds, and the force used against them', true),
  (1, 'strategic development', NULL, true,
   'non-violent moves of armed or political actors that matter to a conflict: agreements, arrests, bases, troop movements, transfers of territory, looting', true),
  (1, 'non-violent interaction', NULL, true,
   'statements, appeals, consultations, cooperation, aid, demands and threats between actors (CAMEO''s verbal and cooperative roots): what news reports of actors but no conflict dataset codes as an event on the ground', true),
  (1, 'other', NULL, false,
   'the dataset says only that something happened, not what (GTD''s unknown attack type)', true),

  (2, 'territory taken by government forces', 'armed clash', true,
   'a battle in which government forces or their allies win back territory', true),
  (2, 'territory taken by a non-state actor', 'armed clash', true,
   'a battle in which a non-state armed group takes territory', true),
  (2, 'battle without change of territory', 'armed clash', true,
   'an armed exchange in which no territory changes hands (or only for less than a day)', true),
  (2, 'armed clash, unspecified', 'armed clash', false,
   'an armed clash of a kind the dataset does not tell apart (any of the above)', true),

  (2, 'attack', 'violence against civilians', true,
   'killing, wounding or beating of unarmed people, an assassination among them', true),
  (2, 'abduction or forced disappearance', 'violence against civilians', true,
   'people taken, held hostage or made to disappear, a hijacking among them', true),
  (2, 'sexual violence', 'violence against civilians', true,
   'rape and other sexual violence against unarmed people', true),
  (2, 'violence against civilians, unspecified', 'violence against civilians', false,
   'violence against civilians of a kind the dataset does not tell apart', true),

  (2, 'air or drone strike', 'remote violence and explosions', true,
   'bombing or firing from aircraft or drones', true),
  (2, 'shelling, artillery or missile attack', 'remote violence and explosions', true,
   'fire from artillery, mortars, rockets or missiles', true),
  (2, 'remote explosive, landmine or IED', 'remote violence and explosions', true,
   'a bomb set off at a distance or by its victim: improvised explosive devices, landmines, car bombs', true),
  (2, 'suicide bomb', 'remote violence and explosions', true,
   'an explosion set off by an attacker who dies in it', true),
  (2, 'grenade', 'remote violence and explosions', true,
   'a grenade thrown or launched', true),
  (2, 'chemical weapon', 'remote violence and explosions', true,
   'use of chemical weapons', true),
  (2, 'remote violence and explosions, unspecified', 'remote violence and explosions', false,
   'remote violence or an explosion of a kind the dataset does not tell apart', true),

  (2, 'peaceful protest', 'protest and riot', true,
   'a demonstration whose participants use no violence and are not dispersed', true),
  (2, 'protest with intervention', 'protest and riot', true,
   'a peaceful demonstration that the authorities break up or hinder without lethal force', true),
  (2, 'excessive force against protesters', 'protest and riot', true,
   'lethal or grave force used against peaceful demonstrators', true),
  (2, 'violent demonstration', 'protest and riot', true,
   'an organised demonstration whose participants use violence (a riot)', true),
  (2, 'mob violence', 'protest and riot', true,
   'violence by a crowd gathered without organisation or a common demand', true),
  (2, 'strike', 'protest and riot', true,
   'a general or limited strike, a boycott or a day of civil disobedience', true),
  (2, 'protest and riot, unspecified', 'protest and riot', false,
   'a protest or riot of a kind the dataset does not tell apart', true),

  (2, 'agreement', 'strategic development', true,
   'an agreement between actors: a ceasefire, a peace deal, a prisoner exchange', true),
  (2, 'arrest', 'strategic development', true,
   'arrests or detentions by state forces or armed groups', true),
  (2, 'change to group or activity', 'strategic development', true,
   'troop movements, deployments, withdrawals, recruitment, a change of leadership or of name, and other non-violent security measures', true),
  (2, 'disrupted weapons use', 'strategic development', true,
   'explosives or weapons found, defused or seized before use', true),
  (2, 'headquarters or base established', 'strategic development', true,
   'an armed group or force sets up a base or headquarters', true),
  (2, 'looting or property destruction', 'strategic development', true,
   'property seized, destroyed or burnt, facilities sabotaged, without violence against people', true),
  (2, 'non-violent transfer of territory', 'strategic development', true,
   'territory handed over or taken without fighting', true),
  (2, 'strategic development, unspecified', 'strategic development', false,
   'a strategic development of a kind the dataset does not tell apart, or one the dataset itself files as "other"', true),

  (2, 'statement or appeal', 'non-violent interaction', true,
   'a public statement, an appeal or an expressed intention to cooperate', true),
  (2, 'consultation or cooperation', 'non-violent interaction', true,
   'talks, visits, diplomatic and material cooperation', true),
  (2, 'aid', 'non-violent interaction', true,
   'economic, military or humanitarian aid, protection or asylum given', true),
  (2, 'investigation', 'non-violent interaction', true,
   'an inquiry into crimes, abuses or wrongdoing', true),
  (2, 'demand, disapproval or rejection', 'non-violent interaction', true,
   'demands, accusations, criticism, refusals', true),
  (2, 'reduced relations', 'non-violent interaction', true,
   'relations cut or scaled down: aid halted, envoys expelled, sanctions, negotiations broken off', true),
  (2, 'threat', 'non-violent interaction', true,
   'a threat of force, sanctions or other harm, an ultimatum', true),

  (2, 'type unknown', 'other', false,
   'the dataset does not know what kind of event it was', true);

INSERT INTO @extschema@.event_taxonomy (dataset, category, level1, level2, standard) VALUES
  -- ACLED event types and sub-event types as the current codebook names them
  -- (also the model's own classification: events.event_type, sub_event_type).
  ('acled', 'Battles',                             'armed clash', 'armed clash, unspecified', true),
  ('acled', 'Government regains territory',        'armed clash', 'territory taken by government forces', true),
  ('acled', 'Non-state actor overtakes territory', 'armed clash', 'territory taken by a non-state actor', true),
  ('acled', 'Armed clash',                         'armed clash', 'battle without change of territory', true),
  ('acled', 'Protests',                            'protest and riot', 'protest and riot, unspecified', true),
  ('acled', 'Excessive force against protesters',  'protest and riot', 'excessive force against protesters', true),
  ('acled', 'Protest with intervention',           'protest and riot', 'protest with intervention', true),
  ('acled', 'Peaceful protest',                    'protest and riot', 'peaceful protest', true),
  ('acled', 'Riots',                               'protest and riot', 'protest and riot, unspecified', true),
  ('acled', 'Violent demonstration',               'protest and riot', 'violent demonstration', true),
  ('acled', 'Mob violence',                        'protest and riot', 'mob violence', true),
  ('acled', 'Explosions/Remote violence',          'remote violence and explosions', 'remote violence and explosions, unspecified', true),
  ('acled', 'Chemical weapon',                     'remote violence and explosions', 'chemical weapon', true),
  ('acled', 'Air/drone strike',                    'remote violence and explosions', 'air or drone strike', true),
  ('acled', 'Suicide bomb',                        'remote violence and explosions', 'suicide bomb', true),
  ('acled', 'Shelling/artillery/missile attack',   'remote violence and explosions', 'shelling, artillery or missile attack', true),
  ('acled', 'Remote explosive/landmine/IED',       'remote violence and explosions', 'remote explosive, landmine or IED', true),
  ('acled', 'Grenade',                             'remote violence and explosions', 'grenade', true),
  ('acled', 'Violence against civilians',          'violence against civilians', 'violence against civilians, unspecified', true),
  ('acled', 'Sexual violence',                     'violence against civilians', 'sexual violence', true),
  ('acled', 'Attack',                              'violence against civilians', 'attack', true),
  ('acled', 'Abduction/forced disappearance',      'violence against civilians', 'abduction or forced disappearance', true),
  ('acled', 'Strategic developments',              'strategic development', 'strategic development, unspecified', true),
  ('acled', 'Agreement',                           'strategic development', 'agreement', true),
  ('acled', 'Arrests',                             'strategic development', 'arrest', true),
  ('acled', 'Change to group/activity',            'strategic development', 'change to group or activity', true),
  ('acled', 'Disrupted weapons use',               'strategic development', 'disrupted weapons use', true),
  ('acled', 'Headquarters or base established',    'strategic development', 'headquarters or base established', true),
  ('acled', 'Looting/property destruction',        'strategic development', 'looting or property destruction', true),
  ('acled', 'Non-violent transfer of territory',   'strategic development', 'non-violent transfer of territory', true),
  ('acled', 'Other',                               'strategic development', 'strategic development, unspecified', true),
  -- ACLED's older spelling of a sub-event type (its legacy codebook).
  ('acled', 'Excessive force against protestors',  'protest and riot', 'excessive force against protesters', true),
  -- ACLED event types before the 2019 codebook (the 2015-era exports have
  -- event types only; "Violence against civilians", "Headquarters or base
  -- established" and "Non-violent transfer of territory" keep their names).
  ('acled', 'Battle-No change of territory',              'armed clash', 'battle without change of territory', true),
  ('acled', 'Battle-Government regains territory',        'armed clash', 'territory taken by government forces', true),
  ('acled', 'Battle-Non-state actor overtakes territory', 'armed clash', 'territory taken by a non-state actor', true),
  ('acled', 'Remote violence',                            'remote violence and explosions', 'remote violence and explosions, unspecified', true),
  ('acled', 'Riots/Protests',                             'protest and riot', 'protest and riot, unspecified', true),
  ('acled', 'Strategic development',                      'strategic development', 'strategic development, unspecified', true),

  -- UCDP GED type_of_violence: 1 state-based, 2 non-state, 3 one-sided.
  -- One-sided violence counts deliberate killings of civilians: ACLED's Attack.
  ('ucdp_ged', '1', 'armed clash', 'armed clash, unspecified', true),
  ('ucdp_ged', '2', 'armed clash', 'armed clash, unspecified', true),
  ('ucdp_ged', '3', 'violence against civilians', 'attack', true),

  -- GTD attacktype1.
  ('gtd', '1', 'violence against civilians', 'attack', true),                    -- Assassination
  ('gtd', '2', 'armed clash', 'armed clash, unspecified', true),                 -- Armed Assault
  ('gtd', '3', 'remote violence and explosions', 'remote violence and explosions, unspecified', true), -- Bombing/Explosion
  ('gtd', '4', 'violence against civilians', 'abduction or forced disappearance', true), -- Hijacking
  ('gtd', '5', 'violence against civilians', 'abduction or forced disappearance', true), -- Hostage Taking (Barricade Incident)
  ('gtd', '6', 'violence against civilians', 'abduction or forced disappearance', true), -- Hostage Taking (Kidnapping)
  ('gtd', '7', 'strategic development', 'looting or property destruction', true), -- Facility/Infrastructure Attack
  ('gtd', '8', 'violence against civilians', 'attack', true),                    -- Unarmed Assault
  ('gtd', '9', 'other', 'type unknown', true),                                   -- Unknown

  -- SCAD etype.
  ('scad', '1',  'protest and riot', 'peaceful protest', true),                 -- organized demonstration
  ('scad', '2',  'protest and riot', 'peaceful protest', true),                 -- spontaneous demonstration
  ('scad', '3',  'protest and riot', 'violent demonstration', true),            -- organized violent riot
  ('scad', '4',  'protest and riot', 'mob violence', true),                     -- spontaneous violent riot
  ('scad', '5',  'protest and riot', 'strike', true),                           -- general strike
  ('scad', '6',  'protest and riot', 'strike', true),                           -- limited strike
  ('scad', '7',  'armed clash', 'armed clash, unspecified', true),              -- pro-government violence
  ('scad', '8',  'armed clash', 'armed clash, unspecified', true),              -- anti-government violence
  ('scad', '9',  'violence against civilians', 'violence against civilians, unspecified', true), -- extra-government violence
  ('scad', '10', 'armed clash', 'armed clash, unspecified', true),              -- intra-government violence

  -- CAMEO root codes, as GDELT's EventRootCode writes them.
  ('gdelt', '01', 'non-violent interaction', 'statement or appeal', true),               -- make public statement
  ('gdelt', '02', 'non-violent interaction', 'statement or appeal', true),               -- appeal
  ('gdelt', '03', 'non-violent interaction', 'statement or appeal', true),               -- express intent to cooperate
  ('gdelt', '04', 'non-violent interaction', 'consultation or cooperation', true),       -- consult
  ('gdelt', '05', 'non-violent interaction', 'consultation or cooperation', true),       -- engage in diplomatic cooperation
  ('gdelt', '06', 'non-violent interaction', 'consultation or cooperation', true),       -- engage in material cooperation
  ('gdelt', '07', 'non-violent interaction', 'aid', true),                               -- provide aid
  ('gdelt', '08', 'strategic development', 'strategic development, unspecified', true), -- yield
  ('gdelt', '09', 'non-violent interaction', 'investigation', true),                     -- investigate
  ('gdelt', '10', 'non-violent interaction', 'demand, disapproval or rejection', true),  -- demand
  ('gdelt', '11', 'non-violent interaction', 'demand, disapproval or rejection', true),  -- disapprove
  ('gdelt', '12', 'non-violent interaction', 'demand, disapproval or rejection', true),  -- reject
  ('gdelt', '13', 'non-violent interaction', 'threat', true),                            -- threaten
  ('gdelt', '14', 'protest and riot', 'protest and riot, unspecified', true),            -- protest
  ('gdelt', '15', 'strategic development', 'change to group or activity', true),        -- exhibit force posture
  ('gdelt', '16', 'non-violent interaction', 'reduced relations', true),                 -- reduce relations
  ('gdelt', '17', 'strategic development', 'strategic development, unspecified', true), -- coerce
  ('gdelt', '18', 'violence against civilians', 'violence against civilians, unspecified', true), -- assault
  ('gdelt', '19', 'armed clash', 'armed clash, unspecified', true),                     -- fight
  ('gdelt', '20', 'violence against civilians', 'violence against civilians, unspecified', true); -- unconventional mass violence

SET LOCAL sahel_news.allow_sample_changes = off;
SET LOCAL search_path = @extschema@;
