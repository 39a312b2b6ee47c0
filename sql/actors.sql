-- actors: the same actor across datasets.  Names with the period they were
-- used (actor_names.used), the names each dataset wrote on each event
-- (event_actor_names), how a name resolves (actor_for_name), the names left to
-- map (unresolved_actor_names), and re-resolution when a mapping changes.
-- Everything runs in one transaction that is rolled back at the end.
SET search_path = sahel_news, public;
SET datestyle = 'ISO, YMD';
-- the identity sequences are put back at the end, so that the ids later
-- tests see do not depend on this one
SELECT e.last_value AS ev_last, e.is_called AS ev_called, a.last_value AS ac_last, a.is_called AS ac_called
FROM sahel_news.events_id_seq e, sahel_news.actors_id_seq a \gset

BEGIN;
-- rows other tests may have left are set aside
DELETE FROM event_actor_names;
DELETE FROM event_actors WHERE NOT sample;
DELETE FROM events WHERE NOT sample;

--
-- The curated actors shipped: Sahel armed groups and state forces with the
-- names ACLED, UCDP GED and GTD give them.
--
SELECT count(*) AS actors FROM actors WHERE id BETWEEN 101 AND 199;
SELECT count(*) AS names, count(used) AS with_period FROM actor_names WHERE sample;
SELECT a.name AS actor, n.name, n.used::text
FROM actor_names n JOIN actors a ON a.id = n.actor_id
WHERE n.used IS NOT NULL AND a.id IN (15, 101, 105) ORDER BY a.id, n.used::text, n.name;
-- no shipped actor is provisional
SELECT count(*) AS provisional_shipped FROM actors WHERE sample AND provisional;

--
-- actor_for_name: periods are respected.
--
SELECT x.name, x.at, a.name AS actor
FROM (VALUES
  ('Ansar Dine', '2015-06-27'),          -- before the merger: Ansar Dine
  ('Ansar Dine', '2017-03-01'),
  ('Ansar Dine', '2017-03-02'),          -- from the merger on: JNIM
  ('ansar dine', '2018-01-11'),          -- case does not matter
  ('Ansar Dine', '2017-03'),             -- a month that straddles the change: the name's both periods
                                         -- only overlap it, the lowest id wins
  ('Islamic State (West Africa) - Greater Sahara Faction', '2022-02-19'),
  ('Islamic State (Sahel)', '2022-03-17'),
  ('Islamic State (Sahel)', '2021-06-01'), -- not yet that name: nothing claims it
  ('Islamic State (Sahel)', NULL),          -- no date: any period
  ('JNIM: Group for Support of Islam and Muslims', '2022-01-08'),
  ('JNIM', '2022-03-07'),
  ('Jamaat Nusrat al-Islam wal Muslimin (JNIM)', '2019-07-25'),
  ('IS', '2020-08-22'),
  ('Government of Mali', '2015-06-27'),
  ('Military Forces of Burkina Faso (2015-)', '2022-04-08'),
  ('Katiba Serma', '2022-05-01')) AS x(name, at)
LEFT JOIN actors a ON a.id = actor_for_name(x.name, x.at::edtf)
ORDER BY x.name, x.at NULLS LAST;
-- by CAMEO actor code when no name claims it
SELECT a.name FROM actors a WHERE a.id = actor_for_name('MALIAN SOLDIER', '2020-01-01', 'MLIMIL');

--
-- Loading: each name as written is kept with the actor it resolved to; a name
-- nobody claims gets one provisional actor.
--
CREATE TEMP TABLE ev AS
SELECT * FROM (VALUES ('X1', '2015-06-27'), ('X2', '2018-01-11'), ('X3', '2021-06-01'), ('X4', '2022-04-02'),
                      ('X5', '2022-05-01'), ('X6', '2019-05-01')) AS v(ext, at);
INSERT INTO events (occurred, dataset, external_id)
SELECT at::edtf, 'test', ext FROM ev;
CREATE TEMP TABLE mentions AS
SELECT * FROM (VALUES ('X1', 'actor1', 'Government of Mali'), ('X1', 'actor2', 'Ansar Dine'),
             ('X2', 'actor1', 'Ansar Dine'), ('X2', 'actor2', 'Government of Mali'),
             ('X3', 'actor1', 'Islamic State (Sahel)'),
             ('X4', 'actor1', 'Islamic State (Sahel)'), ('X4', 'actor2', 'Katiba Serma'),
             ('X5', 'actor1', 'Katiba Serma'), ('X5', 'actor2', 'katiba serma'),
             ('X6', 'actor1', 'Katiba Serma'), ('X6', 'associate', 'JNIM')) AS x(ext, role, name);
DO $$
DECLARE m record;
BEGIN
  FOR m IN SELECT x.*, e.id, e.occurred FROM mentions x JOIN sahel_news.events e ON e.dataset = 'test' AND e.external_id = x.ext
           ORDER BY x.ext, x.role LOOP
    PERFORM sahel_news.loader_event_actor(m.id, m.role, m.name, 'armed group', NULL, m.occurred);
  END LOOP;
END $$;
SELECT e.external_id, r.role, r.name, a.name AS actor, a.provisional
FROM event_actor_names r JOIN events e ON e.id = r.event_id JOIN actors a ON a.id = r.actor_id
ORDER BY e.external_id, r.role;
SELECT e.external_id, ea.role, a.name AS actor
FROM event_actors ea JOIN events e ON e.id = ea.event_id JOIN actors a ON a.id = ea.actor_id
WHERE e.dataset = 'test' ORDER BY e.external_id, ea.role, a.name;
-- one provisional actor per name
SELECT name, count(*) AS actors FROM actors
WHERE provisional AND lower(name) IN (SELECT lower(name) FROM mentions) GROUP BY name ORDER BY name;

-- What is left to map, by frequency: the names no curated actor claims at
-- their events' dates (Islamic State (Sahel) in 2021 is one of them).
SELECT * FROM unresolved_actor_names ORDER BY events DESC, name;

--
-- A mapping added later re-resolves the events that carry the name, in its
-- period only; event_actors follows; the provisional actor left unused goes.
--
INSERT INTO actor_names (actor_id, name, name_kind, used) VALUES (15, 'Katiba Serma', 'alias', '2020/..');
SELECT e.external_id, r.role, r.name, a.name AS actor, a.provisional
FROM event_actor_names r JOIN events e ON e.id = r.event_id JOIN actors a ON a.id = r.actor_id
WHERE lower(r.name) = 'katiba serma' ORDER BY e.external_id, r.role;
SELECT e.external_id, ea.role, a.name AS actor
FROM event_actors ea JOIN events e ON e.id = ea.event_id JOIN actors a ON a.id = ea.actor_id
WHERE e.dataset = 'test' ORDER BY e.external_id, ea.role, a.name;
SELECT * FROM unresolved_actor_names ORDER BY events DESC, name;
-- the period widened: the 2019 event follows, and its provisional actor goes
UPDATE actor_names SET used = '2019/..' WHERE actor_id = 15 AND name = 'Katiba Serma';
SELECT * FROM unresolved_actor_names ORDER BY events DESC, name;
SELECT count(*) AS provisional_katiba_serma FROM actors WHERE provisional AND lower(name) = 'katiba serma';
-- nothing left to do: a second resolution changes nothing
SELECT resolve_actor_names() AS changed;
-- the mapping removed: the events fall back to a new provisional actor
DELETE FROM actor_names WHERE actor_id = 15 AND name = 'Katiba Serma';
SELECT * FROM unresolved_actor_names ORDER BY events DESC, name;
SELECT e.external_id, ea.role, a.name AS actor, a.provisional
FROM event_actors ea JOIN events e ON e.id = ea.event_id JOIN actors a ON a.id = ea.actor_id
WHERE e.external_id IN ('X4', 'X5', 'X6') ORDER BY e.external_id, ea.role, a.name;
-- a new curated actor whose own name is the dataset's name claims it too
INSERT INTO actors (name, kind) VALUES ('Katiba Serma', 'armed group');
SELECT * FROM unresolved_actor_names ORDER BY events DESC, name;
-- confirming a provisional actor as curated resolves its names
UPDATE actors SET provisional = false WHERE provisional AND name = 'Islamic State (Sahel)';
SELECT * FROM unresolved_actor_names ORDER BY events DESC, name;

--
-- Re-importing an event replaces its names (the loaders delete them with its actors).
--
DELETE FROM events WHERE external_id = 'X5';
SELECT count(*) AS names_of_deleted_event FROM event_actor_names r
WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = r.event_id);

-- what pg_dump keeps of event_actor_names: every row
SELECT c.relname, x.cond
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond) JOIN pg_class c ON c.oid = x.oid
WHERE e.extname = 'sahel_news' AND c.relname = 'event_actor_names';

ROLLBACK;
SELECT setval('sahel_news.events_id_seq', :ev_last, :'ev_called'::boolean) AS ev,
       setval('sahel_news.actors_id_seq', :ac_last, :'ac_called'::boolean) AS ac \gset
