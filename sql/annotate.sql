-- annotate: the places, actors, quantities and dates of a report's text.
-- The paragraphs are written for this test in the style of a wire report.
SET search_path = sahel_news, public;

-- An English paragraph, published on Monday 3 October 2022.
CREATE TEMP TABLE report AS SELECT
  'NIAMEY, Oct 3 (Wire Service) - Gunmen from JNIM ambushed a patrol of Nigerien soldiers '
  'near the Mali-Niger border on Saturday, killing about 20 of them, Niger''s defence ministry '
  'said. The al-Qaeda-linked group (JNIM) also claimed an attack in Nigeria. Between 300 and '
  '400 French troops remain near Niamey, down from some 2,400 in February. Dozens of civilians '
  'fled toward the Lake Chad region last month, the UN said at 13:00 GMT; 40% of them were '
  'children, and 2 of the 1st convoy''s trucks were lost. Burkina''s army and Malian forces met '
  'in Bamako in 2021 and 2022.'::text AS body;

SELECT kind, start_pos, length, surface, place_id, actor_id, country, quantity, date
FROM report, annotate(body, '2022-10-03');

-- Every surface is exactly substr(body, start_pos, length).
SELECT count(*) AS mentions, bool_and(substr(body, start_pos, length) = surface) AS positions_exact
FROM report, annotate(body, '2022-10-03');

-- Without a publication date, relative dates are not read; absolute ones are.
SELECT kind, surface, date FROM report, annotate(body) WHERE kind = 'date';

-- A French paragraph: accents, elisions, no-break spaces in numbers,
-- feminine and plural demonyms, French names of places and actors.
SELECT kind, start_pos, length, surface, place_id, actor_id, country, quantity, date
FROM annotate(
  'BAMAKO, 3 octobre — L’armée malienne et le groupe Wagner ont repoussé samedi une attaque '
  'du JNIM près de Djallo, dans le centre du Mali. Au moins 12 soldats maliens ont été tués '
  'et une trentaine de civils blessés, selon l’état-major. Environ 1 000 militaires français '
  'restent au Tchad et plusieurs centaines au Niger, a indiqué l’Élysée le mois dernier. '
  'Une grenade a explosé à 8 h, lors d’une réunion au Burkina.',
  '2022-10-03', 'fr');

SELECT count(*) AS mentions, bool_and(substr(b, start_pos, length) = surface) AS positions_exact
FROM (SELECT 'L’armée malienne et le groupe Wagner ont repoussé samedi une attaque près de Djallo.'::text AS b) t,
     annotate(b, '2022-10-03', 'fr');

-- Word boundaries, longest matches, possessives, brackets, acronyms.
SELECT kind, surface, place_id, actor_id, country
FROM annotate('Nigeria is not Niger; Nigerians are not Nigeriens. Lake Chad, the Lake Chad region '
              'and Chad. Mali’s junta; MALI’S ARMY; (MINUSMA); ISIL-linked; us, US, un, UN; '
              'Somalia and Malibu are not Mali.');

-- Years, times, percentages, ordinals, durations and distances are not quantities.
SELECT kind, surface, quantity, date
FROM annotate('In 2013, 59 soldiers died; by 2020-2021 nine years had passed. At 9 a.m. and 13:00, '
              '10% and 40 percent; the 2nd and 3rd convoys drove 579 kilometres for 48 hours. '
              'More than two million people fled; an undisclosed number of troops stayed.',
              '2022-08-15');

-- "Unknown" before a noun says who is unknown, not how many: no quantity in
-- "unknown gunmen" or "an unspecified location"; "casualties unknown" and
-- "an unknown number of" are counts nobody knows.
SELECT kind, surface, quantity
FROM annotate('Unknown gunmen attacked a post at an unspecified location; casualties unknown. '
              'An unknown number of soldiers were wounded.')
WHERE kind = 'quantity';

-- A number word where the counted noun would be is a list of numbers, not
-- one quantity: annotate() reports none of "one two" (which parse_estimate
-- refuses), and still reads "two hundred soldiers" and "one soldier".
SELECT kind, surface, quantity
FROM annotate('They counted one two three, then one two soldiers left; two hundred soldiers '
              'and one soldier stayed.', NULL, 'en')
WHERE kind = 'quantity';
SELECT kind, surface, quantity FROM annotate('trois quatre soldats, puis deux cents soldats', NULL, 'fr')
WHERE kind = 'quantity';

-- Dates as conflict datasets write them when unsure: an approximate day
-- (not the count "around 17"), and spans of days.
SELECT kind, surface, quantity, date
FROM annotate('Around 17 February 2022 (between 17 - 22 February), gunmen held about 40 herders; '
              'from 3 to 5 March, and 31 March - 2 April, the army searched the area.',
              '2022-04-10');
SELECT kind, surface, date
FROM annotate('Vers le 17 février 2022, des hommes armés ont enlevé une trentaine de bergers; '
              'du 3 au 5 mars, l''armée a fouillé la zone.', '2022-04-10', 'fr');

-- A change to place_names is seen by the next call in this session
-- (the integration tests check another session).
INSERT INTO place_names (place_id, name, lang) VALUES (15, 'Tessit', NULL);
SELECT surface, place_id FROM annotate('Fighting near Tessit and Djallo.');
DELETE FROM place_names WHERE name = 'Tessit';
SELECT surface, place_id FROM annotate('Fighting near Tessit and Djallo.');
-- and a rolled-back change leaves nothing behind
BEGIN;
INSERT INTO place_names (place_id, name, lang) VALUES (15, 'Tessit', NULL);
SELECT surface FROM annotate('Tessit');
ROLLBACK;
SELECT surface FROM annotate('Tessit');

-- Edge cases and errors.
SELECT count(*) FROM annotate(NULL);
SELECT count(*) FROM annotate('');
SELECT count(*) FROM annotate(repeat('a', 100000) || ' Mali ' || repeat('9', 5000));
\set VERBOSITY terse
SELECT * FROM annotate('Mali', NULL, 'de');
SELECT * FROM annotate('Mali', NULL, NULL);
SELECT * FROM annotate('Mali', 'infinity');
SELECT annotate('Mali');
\set VERBOSITY default

-- The gazetteer of this session.
SELECT names_read > 200 AS from_tables, names > names_read AS with_countries_and_forms,
       keys > 0 AS keys, builds >= 1 AS built
FROM annotate_gazetteer_info();

-- The worked example of docs/reference/annotate.md, as written there: store a short report of our
-- own, annotate it, code it as an event (rolled back afterwards).
BEGIN;
INSERT INTO sources (publisher, title, published, language, body)
VALUES ('Wire Service', 'Ambush near Djallo', '2022-10-03', 'en',
        'BAMAKO, Oct 3 - JNIM fighters ambushed a Malian army convoy near Djallo on Saturday, '
        'killing at least 12 soldiers, the army said. About 300 troops were sent from Bandiagara.')
RETURNING id AS source_id \gset

SELECT kind, start_pos AS pos, surface, place_id, actor_id, country, quantity, date
FROM sources s, annotate(s.body, lower(s.published), s.language) a
WHERE s.id = :source_id;

WITH m AS (
  SELECT a.* FROM sources s, annotate(s.body, lower(s.published), s.language) a
  WHERE s.id = :source_id),
e AS (
  INSERT INTO events (source_id, occurred, place_id, event_type, sub_event_type, fatalities, summary)
  SELECT :source_id,
         (SELECT date FROM m WHERE kind = 'date' AND surface LIKE 'on %'),
         (SELECT m.place_id FROM m JOIN places p ON p.id = m.place_id WHERE p.kind = 'village'),
         'Battles', 'Armed clash',
         (SELECT quantity FROM m WHERE kind = 'quantity' ORDER BY start_pos LIMIT 1),
         'JNIM ambush on a Malian army convoy near Djallo'
  RETURNING id)
INSERT INTO event_actors (event_id, actor_id, role)
SELECT e.id, m.actor_id, CASE WHEN m.surface = 'JNIM' THEN 'actor1' ELSE 'actor2' END
FROM e, m WHERE m.kind = 'actor' AND m.surface IN ('JNIM', 'Malian army')
RETURNING event_id, actor_id, role;

SELECT e.occurred, p.name AS place, e.fatalities, string_agg(a.name || ' (' || ea.role || ')', ', ') AS actors
FROM events e JOIN places p ON p.id = e.place_id
JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id
WHERE e.source_id = :source_id GROUP BY e.id, p.name;
ROLLBACK;
