-- extension/data/100_acled_taxonomy.sql
-- ACLED's event taxonomy (event types, sub-event types, disorder types and the
-- flags ACLED's own tools derive from them) and its actor types (inter codes),
-- as in the current ACLED codebook.  Written for sahel_news from those facts;
-- events.event_type / sub_event_type and actors.acled_inter refer to them.

-- SET LOCAL, never SET: CREATE EXTENSION restores the settings it saved when
-- the script ends, but a plain SET in the script would outlive it and stay
-- in the caller's session (search_path = sahel_news, the guard lifted).
SET LOCAL search_path = pg_catalog, pg_temp;
SET LOCAL sahel_news.allow_sample_changes = on;

INSERT INTO @extschema@.acled_event_types (event_type, disorder_type, standard) VALUES
  ('Battles',                    'Political violence', true),
  ('Protests',                   'Demonstrations; Political violence', true),
  ('Riots',                      'Demonstrations; Political violence', true),
  ('Explosions/Remote violence', 'Political violence', true),
  ('Violence against civilians', 'Political violence', true),
  ('Strategic developments',     'Strategic developments', true);

INSERT INTO @extschema@.acled_sub_event_types
  (hierarchy_rank, event_type, sub_event_type, disorder_type,
   political_violence, organized_political_violence, demonstrations, standard) VALUES
  ( 1, 'Battles',                    'Government regains territory',        'Political violence',                 true,  true,  false, true),
  ( 2, 'Battles',                    'Non-state actor overtakes territory', 'Political violence',                 true,  true,  false, true),
  ( 3, 'Battles',                    'Armed clash',                         'Political violence',                 true,  true,  false, true),
  ( 4, 'Protests',                   'Excessive force against protesters',  'Political violence; Demonstrations', true,  false, true,  true),
  ( 5, 'Protests',                   'Protest with intervention',           'Demonstrations',                     false, false, true,  true),
  ( 6, 'Protests',                   'Peaceful protest',                    'Demonstrations',                     false, false, true,  true),
  ( 7, 'Riots',                      'Violent demonstration',               'Demonstrations',                     false, false, true,  true),
  ( 8, 'Riots',                      'Mob violence',                        'Political violence',                 true,  false, false, true),
  ( 9, 'Explosions/Remote violence', 'Chemical weapon',                     'Political violence',                 true,  true,  false, true),
  (10, 'Explosions/Remote violence', 'Air/drone strike',                    'Political violence',                 true,  true,  false, true),
  (11, 'Explosions/Remote violence', 'Suicide bomb',                        'Political violence',                 true,  true,  false, true),
  (12, 'Explosions/Remote violence', 'Shelling/artillery/missile attack',   'Political violence',                 true,  true,  false, true),
  (13, 'Explosions/Remote violence', 'Remote explosive/landmine/IED',       'Political violence',                 true,  true,  false, true),
  (14, 'Explosions/Remote violence', 'Grenade',                             'Political violence',                 true,  true,  false, true),
  (15, 'Violence against civilians', 'Sexual violence',                     'Political violence',                 true,  true,  false, true),
  (16, 'Violence against civilians', 'Attack',                              'Political violence',                 true,  true,  false, true),
  (17, 'Violence against civilians', 'Abduction/forced disappearance',      'Political violence',                 true,  true,  false, true),
  (18, 'Strategic developments',     'Agreement',                           'Strategic developments',             false, false, false, true),
  (19, 'Strategic developments',     'Arrests',                             'Strategic developments',             false, false, false, true),
  (20, 'Strategic developments',     'Change to group/activity',            'Strategic developments',             false, false, false, true),
  (21, 'Strategic developments',     'Disrupted weapons use',               'Strategic developments',             false, false, false, true),
  (22, 'Strategic developments',     'Headquarters or base established',    'Strategic developments',             false, false, false, true),
  (23, 'Strategic developments',     'Looting/property destruction',        'Strategic developments',             false, false, false, true),
  (24, 'Strategic developments',     'Non-violent transfer of territory',   'Strategic developments',             false, false, false, true),
  (25, 'Strategic developments',     'Other',                               'Strategic developments',             false, false, false, true);

INSERT INTO @extschema@.acled_actor_types (code, name, standard) VALUES
  (1, 'State forces', true),
  (2, 'Rebel group', true),
  (3, 'Political militia', true),
  (4, 'Identity militia', true),
  (5, 'Rioters', true),
  (6, 'Protesters', true),
  (7, 'Civilians', true),
  (8, 'External/Other forces', true);

SET LOCAL sahel_news.allow_sample_changes = off;
SET LOCAL search_path = @extschema@;
