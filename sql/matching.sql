-- matching: link_events() on small hand-made cases, one per rule of
-- docs/reference/matching.md.  The datasets are named m_acled, m_ucdp, m_gtd, m_gdelt so
-- that the events other tests load stay out of the way; their settings and
-- categories are a user's own rows, as an analyst would add for a new dataset.
SET search_path = sahel_news, public;
SET extra_float_digits = 0;

INSERT INTO matching_datasets (dataset, splits_incidents, date_lag_days) VALUES
  ('m_acled', true, 0), ('m_ucdp', false, 1), ('m_gtd', false, 1), ('m_gdelt', true, 1);
INSERT INTO event_taxonomy (dataset, category, level1, level2) VALUES
  ('m_acled', 'Armed clash', 'armed clash', 'battle without change of territory'),
  ('m_acled', 'Attack', 'violence against civilians', 'attack'),
  ('m_acled', 'Peaceful protest', 'protest and riot', 'peaceful protest'),
  ('m_ucdp', '1', 'armed clash', 'armed clash, unspecified'),
  ('m_ucdp', '3', 'violence against civilians', 'attack'),
  ('m_gtd', '1', 'violence against civilians', 'attack'),
  ('m_gdelt', '19', 'armed clash', 'armed clash, unspecified');

-- A helper for the tests: an event in one line.
CREATE FUNCTION pg_temp.ev(ds text, ext text, occurred text, lat float8, lon float8, prec_m float8,
                           cat text, deaths text DEFAULT NULL, source_url text DEFAULT NULL) RETURNS bigint
LANGUAGE sql AS $$
  INSERT INTO sahel_news.events (occurred, location, location_precision_m, dataset_category, fatalities,
                                 dataset, external_id, source_id)
  VALUES (occurred::sahel_news.edtf, sahel_news.geopoint(lat, lon), prec_m, cat, deaths::sahel_news.estimate,
          ds, ext, (SELECT id FROM sahel_news.sources WHERE url = source_url))
  RETURNING id $$;

-- The links of one dataset pair, readable.
CREATE FUNCTION pg_temp.links(a text, b text) RETURNS TABLE (event text, other text, rank integer, status text,
                                                          shared boolean, days bigint, km_apart numeric, score numeric)
LANGUAGE sql AS $$
  SELECT ea.external_id, eb.external_id, l.rank, l.status, l.shared, l.days_apart,
         round(l.km_apart::numeric, 1), round(l.score::numeric, 3)
  FROM sahel_news.event_links l
  JOIN sahel_news.events ea ON ea.id = l.event_id
  JOIN sahel_news.events eb ON eb.id = l.other_event_id
  WHERE l.dataset = a AND l.other_dataset = b
  ORDER BY 1, 3, 2 $$;

-- ---------------------------------------------------------------------------
-- 1. Time: overlap of edtf bounds, not day equality.
--    A month-precision row (2015-03) overlaps a day of that month; a UCDP
--    range of three days is one day from the ACLED day after it; two days is
--    beyond the window.  (The linked pairs agree on the deaths: a vague date
--    with nothing but the broad type in common stays below the least score.)
SELECT pg_temp.ev('m_acled', 'A-month', '2015-03', 9.00, 31.00, 2000, 'Armed clash', '5') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-day20', '2015-03-20', 9.00, 31.00, 2000, '1', '5') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_acled', 'A-apr21', '2015-04-21', 9.50, 31.50, 2000, 'Armed clash', '5') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-range', '2015-04-18/2015-04-20', 9.50, 31.50, 2000, '1', '4..6') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_acled', 'A-may10', '2015-05-10', 9.70, 31.70, 2000, 'Armed clash') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-may08', '2015-05-08', 9.70, 31.70, 2000, '1') IS NOT NULL AS ok;

SELECT pairs_considered, links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp');

-- ---------------------------------------------------------------------------
-- 2. Space: each side's precision radius widens the window.
--    A-capital is placed at a state capital (exact place unknown: 100 km
--    radius); U-village is a precise village 40 km away: linked.  The other
--    way round too (U-state at a capital with 150 km, A-village precise).  A
--    precise pair 40 km apart is not linked (the window is 10 km).
SELECT pg_temp.ev('m_acled', 'A-capital', '2015-06-01', 7.00, 30.00, 100000, 'Armed clash', '3') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-village', '2015-06-01', 7.36, 30.00, 2000, '1', '2..5') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_acled', 'A-village', '2015-06-05', 6.36, 29.00, 2000, 'Armed clash', '10') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-state', '2015-06-05', 6.00, 29.00, 150000, '1', '8..12') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_acled', 'A-far', '2015-06-09', 5.36, 28.00, 0, 'Armed clash') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-far', '2015-06-09', 5.00, 28.00, 0, '1') IS NOT NULL AS ok;

-- ... and an imprecise row does not swallow the province: A-capital2 (100 km
-- radius) and A-town2 (precise, at U-town2's place) both reach U-town2; the
-- precise one is selected, A-capital2 keeps U-town2 as a contender and takes
-- U-other2 (40 km off, the only one left for it).
SELECT pg_temp.ev('m_acled', 'A-capital2', '2015-07-01', 4.00, 33.00, 100000, 'Armed clash', '5') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_acled', 'A-town2', '2015-07-01', 4.27, 33.00, 2000, 'Armed clash', '5') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-town2', '2015-07-01', 4.27, 33.00, 2000, '1', '5') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-other2', '2015-07-01', 3.64, 33.00, 2000, '1', '4..6') IS NOT NULL AS ok;

SELECT pairs_considered, links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event LIKE 'A-%' AND (event ~ 'capital|village|far|town');
SELECT * FROM pg_temp.links('m_ucdp', 'm_acled') WHERE event IN ('U-town2', 'U-other2', 'U-far');

-- The reasons explain each link.
SELECT reasons - 'parts' AS reasons, reasons -> 'parts' AS parts FROM event_links l
JOIN events a ON a.id = l.event_id JOIN events b ON b.id = l.other_event_id
WHERE a.external_id = 'A-capital' AND b.external_id = 'U-village';

-- A pair within the windows that agrees on little (a protest and an attack on
-- civilians, a day apart, 8 km off) is a contender, not a link, unless the
-- least score is lowered.
SELECT pg_temp.ev('m_acled', 'A-weak', '2015-07-20', 2.00, 34.00, 2000, 'Peaceful protest') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-weak', '2015-07-21', 2.07, 34.00, 2000, '3') IS NOT NULL AS ok;
SELECT pairs_considered, links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event = 'A-weak';
SET sahel_news.link_min_score = 0.3;
SELECT pairs_considered, links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event = 'A-weak';
SET sahel_news.link_min_score = 'high';
\set VERBOSITY terse
SELECT pairs_considered FROM link_events('m_acled', 'm_ucdp');
\set VERBOSITY default
RESET sahel_news.link_min_score;
DELETE FROM events WHERE external_id IN ('A-weak', 'U-weak');

-- ---------------------------------------------------------------------------
-- 3. Re-running changes nothing: no pair scored again, no row added.
SELECT count(*) AS rows_before FROM event_links WHERE dataset LIKE 'm\_%';
SELECT pairs_considered, links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT count(*) AS rows_after, count(DISTINCT (event_id, other_event_id)) AS distinct_pairs
FROM event_links WHERE dataset LIKE 'm\_%';

-- A changed event is compared again (and only it): U-far moves next to A-far.
UPDATE events SET location = '5.36, 28.00' WHERE external_id = 'U-far' AND dataset = 'm_ucdp';
SELECT pairs_considered, links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event = 'A-far';

-- ---------------------------------------------------------------------------
-- 4. Deterministic ties: two GTD rows alike in every part; the lower event id
--    wins, run after run.
SELECT pg_temp.ev('m_gtd', 'G-tie-1', '2015-08-01', 8.00, 27.00, 2000, '1') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_gtd', 'G-tie-2', '2015-08-01', 8.00, 27.00, 2000, '1') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-tie', '2015-08-01', 8.00, 27.00, 2000, '3') IS NOT NULL AS ok;
SELECT pairs_considered, links, contenders FROM link_events('m_ucdp', 'm_gtd');
SELECT * FROM pg_temp.links('m_ucdp', 'm_gtd');
-- GTD does not split incidents: the second row is no part of the incident
SELECT e.external_id, i.incident_id IS NOT NULL AS in_incident
FROM events e LEFT JOIN incidents i ON i.event_id = e.id
WHERE e.external_id LIKE '%tie%' ORDER BY 1;

-- ---------------------------------------------------------------------------
-- 5. Verdicts hold across re-runs and re-imports.
--    Reject A-town2 / U-town2 and re-run: that pair is never proposed again,
--    and U-town2 goes to A-capital2.  Accept A-month / U-range (outside the
--    windows: 18 days apart): it becomes a link of its own.
UPDATE event_links l SET status = 'rejected'
FROM events a, events b
WHERE a.id = l.event_id AND b.id = l.other_event_id AND a.external_id = 'A-town2' AND b.external_id = 'U-town2';
SELECT dataset, external_id, other_dataset, other_external_id, status FROM event_link_reviews ORDER BY 1, 2;
INSERT INTO event_link_reviews (dataset, external_id, other_dataset, other_external_id, status, note)
VALUES ('m_acled', 'A-month', 'm_ucdp', 'U-range', 'accepted', 'the same fighting, by the notes');
SELECT pairs_considered, links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event IN ('A-town2', 'A-capital2', 'A-month');
SELECT * FROM pg_temp.links('m_ucdp', 'm_acled') WHERE event IN ('U-town2', 'U-range');

-- A re-import that deletes and inserts U-town2 again (a new id): the verdict holds.
DELETE FROM events WHERE dataset = 'm_ucdp' AND external_id = 'U-town2';
SELECT pg_temp.ev('m_ucdp', 'U-town2', '2015-07-01', 4.27, 33.00, 2000, '1', '5') IS NOT NULL AS ok;
SELECT pairs_considered > 0 AS compared_again, links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event IN ('A-town2', 'A-capital2');

-- Setting a verdict back to proposed removes it.
UPDATE event_links l SET status = 'proposed'
FROM events a, events b
WHERE a.id = l.event_id AND b.id = l.other_event_id AND a.external_id = 'A-town2' AND b.external_id = 'U-town2';
SELECT count(*) AS reviews_left FROM event_link_reviews;
SELECT links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event IN ('A-town2', 'A-capital2');

-- review_link() gives a verdict by a function (the way to give one on Citus,
-- where a trigger reaches neither the pair's other row nor the reviews):
-- both rows of the pair, the review with its note and who gave it; the
-- verdict taken back from the other side of the pair.
SELECT review_link(l.event_id, l.other_event_id, 'accepted', 'one attack, two coders')
FROM event_links l JOIN events e ON e.id = l.event_id
WHERE e.external_id = 'A-town2' AND l.rank = 1;
SELECT e.external_id AS event, o.external_id AS other, l.status, l.rank
FROM event_links l JOIN events e ON e.id = l.event_id JOIN events o ON o.id = l.other_event_id
WHERE l.status = 'accepted' ORDER BY 1;
SELECT dataset, external_id, other_dataset, other_external_id, status, note, reviewed_by = session_user AS by_this_user
FROM event_link_reviews;
SELECT review_link(l.other_event_id, l.event_id, 'proposed')
FROM event_links l JOIN events e ON e.id = l.event_id
WHERE e.external_id = 'A-town2' AND l.status = 'accepted';
SELECT count(*) AS reviews_left, (SELECT count(*) FROM event_links WHERE status <> 'proposed') AS verdicts_left
FROM event_link_reviews;
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event IN ('A-town2', 'A-capital2');
-- a verdict that is none of the three, an event that does not exist, an
-- event paired with itself: refused
SELECT sn_regress.fails($$SELECT sahel_news.review_link(e.id, e.id + 1, 'maybe') FROM sahel_news.events e WHERE e.external_id = 'A-town2'$$) AS maybe;
SELECT sn_regress.fails($$SELECT sahel_news.review_link(e.id, -1, 'accepted') FROM sahel_news.events e WHERE e.external_id = 'A-town2'$$) AS unknown;
SELECT regexp_replace(sn_regress.fails($$SELECT sahel_news.review_link(e.id, e.id, 'rejected') FROM sahel_news.events e WHERE e.external_id = 'A-town2'$$),
                      'event [0-9]+', 'event <id>') AS itself;

-- ---------------------------------------------------------------------------
-- 6. Split rows: ACLED's battle row and attack-on-civilians row of one
--    incident share their UCDP counterpart, and the incident holds all three.
--    The two rows are as near the UCDP event in time and place, so the
--    second needs evidence of its own to share it: with UCDP's 8..12 deaths
--    against its 6, another type and no actors named, it has none and stays
--    a contender; once UCDP's range holds its count (a revision: 6..12), it
--    shares the counterpart.
SELECT pg_temp.ev('m_acled', 'A-battle', '2015-09-01', 10.00, 32.00, 2000, 'Armed clash', '4') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_acled', 'A-civilians', '2015-09-01', 10.00, 32.00, 2000, 'Attack', '6') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-split', '2015-09-01', 10.01, 32.01, 2000, '1', '8..12') IS NOT NULL AS ok;
SELECT links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event IN ('A-battle', 'A-civilians');
UPDATE events SET fatalities = '6..12' WHERE external_id = 'U-split' AND dataset = 'm_ucdp';
SELECT links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event IN ('A-battle', 'A-civilians');
SELECT occurred, round(latitude::numeric, 2) AS lat, fatalities, fatalities_low, fatalities_best, fatalities_high,
       datasets, external_ids, sources, events
FROM bi_incidents WHERE external_ids LIKE '%U-split%';

-- Declared not to split, ACLED keeps one row per incident: the second row is
-- a contender only.
INSERT INTO matching_datasets (dataset, splits_incidents) VALUES ('m_acled_nosplit', false);
UPDATE matching_datasets SET splits_incidents = false WHERE dataset = 'm_acled' AND NOT standard;
SELECT links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event IN ('A-battle', 'A-civilians');
SELECT count(*) AS acled_rows_in_split_incident FROM incidents i JOIN events e ON e.id = i.event_id
WHERE e.external_id IN ('A-battle', 'A-civilians');
UPDATE matching_datasets SET splits_incidents = true WHERE dataset = 'm_acled' AND NOT standard;

-- Split rows placed near a town (ACLED geo_precision 2: a 25 km radius) are
-- at the same place when they are within within_km beyond both radii: the
-- second row, 22 km from the first, shares their UCDP counterpart.  Two rows
-- known to the town (2 km), 22 km apart, are two places: the second stays a
-- contender.
SELECT count(pg_temp.ev(ds, ext, day, lat, lon, radius_m, cat, deaths)) AS events
FROM (VALUES ('m_acled', 'A-near-1', '2015-10-01', 11.00, 33.00, 25000, 'Armed clash', '5'),
             ('m_acled', 'A-near-2', '2015-10-01', 11.20, 33.00, 25000, 'Armed clash', '3'),
             ('m_ucdp', 'U-near', '2015-10-01', 11.10, 33.00, 25000, '1', '3..8'),
             ('m_acled', 'A-town-1', '2015-10-05', 12.00, 34.00, 2000, 'Armed clash', '5'),
             ('m_acled', 'A-town-2', '2015-10-05', 12.20, 34.00, 2000, 'Armed clash', '3'),
             ('m_ucdp', 'U-town', '2015-10-05', 12.10, 34.00, 2000, '1', '3..8')) v(ds, ext, day, lat, lon, radius_m, cat, deaths);
SELECT links, contenders FROM link_events('m_acled', 'm_ucdp');
SELECT * FROM pg_temp.links('m_acled', 'm_ucdp') WHERE event IN ('A-near-1', 'A-near-2', 'A-town-1', 'A-town-2');

-- ---------------------------------------------------------------------------
-- 7. Duplicates within one dataset (GDELT's syndicated copies): the same
--    source URL, or the same actors, root code, day and place.
INSERT INTO sources (publisher, url) VALUES ('Wire', 'https://example.org/wire/1');
INSERT INTO actors (name, kind) VALUES ('m test army', 'state forces'), ('m test rebels', 'armed group');
SELECT pg_temp.ev('m_gdelt', 'D-1', '2015-10-01', 11.00, 30.00, 10000, '19', NULL, 'https://example.org/wire/1') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_gdelt', 'D-2', '2015-10-01', 11.00, 30.00, 10000, '19', NULL, 'https://example.org/wire/1') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_gdelt', 'D-3', '2015-10-01', 11.00, 30.00, 10000, '19') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_gdelt', 'D-4', '2015-10-01', 11.00, 30.00, 10000, '19') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_gdelt', 'D-5-next-day', '2015-10-02', 11.00, 30.00, 10000, '19') IS NOT NULL AS ok;
INSERT INTO event_actors (event_id, actor_id, role)
SELECT e.id, a.id, CASE a.name WHEN 'm test army' THEN 'actor1' ELSE 'actor2' END
FROM events e, actors a
WHERE e.external_id IN ('D-3', 'D-4', 'D-5-next-day') AND a.name IN ('m test army', 'm test rebels');
SELECT pairs_considered, links, contenders FROM link_events('m_gdelt', 'm_gdelt');
SELECT event, other, rank, status FROM pg_temp.links('m_gdelt', 'm_gdelt');

-- ---------------------------------------------------------------------------
-- 8. Every dataset at once; incidents and their views.
SELECT links > 0 AS has_links FROM link_events('m_ucdp');
SELECT count(*) AS incidents, count(*) FILTER (WHERE sources > 1) AS seen_by_several FROM bi_incidents
WHERE datasets LIKE '%m\_%';
-- incident ids are kept by a re-run
CREATE TEMP TABLE ids_before AS SELECT * FROM incidents;
SELECT links > 0 AS has_links FROM link_events('m_acled');
SELECT count(*) AS moved FROM incidents i JOIN ids_before b USING (event_id) WHERE i.incident_id <> b.incident_id;
SELECT event_id IS NOT NULL AS ok, dataset, external_id, other_dataset, other_external_id, rank, selected, status,
       days_apart, taxonomy_level, actors, fatalities
FROM bi_event_links WHERE external_id = 'A-civilians' ORDER BY other_external_id;

-- An event its dataset deleted (events.deleted_at, as ACLED's deletion list
-- sets it) is compared no more: the BI views leave it out at once, and the
-- next run drops its links, its state and its place in an incident.  Marked
-- live again, it is compared again.
UPDATE events SET deleted_at = '2026-01-01' WHERE external_id = 'A-civilians' AND dataset = 'm_acled';
SELECT count(*) AS bi_links_of_deleted FROM bi_event_links WHERE external_id = 'A-civilians' OR other_external_id = 'A-civilians';
SELECT links > 0 AS has_links FROM link_events('m_acled');
SELECT (SELECT count(*) FROM event_links l JOIN events e ON e.id IN (l.event_id, l.other_event_id)
        WHERE e.external_id = 'A-civilians') AS links_of_deleted,
       (SELECT count(*) FROM incidents i JOIN events e ON e.id = i.event_id WHERE e.external_id = 'A-civilians') AS in_incident,
       (SELECT count(*) FROM event_match_state s JOIN events e ON e.id = s.event_id WHERE e.external_id = 'A-civilians') AS state,
       (SELECT count(*) FROM bi_incidents WHERE external_ids LIKE '%A-civilians%') AS bi_incidents;
UPDATE events SET deleted_at = NULL WHERE external_id = 'A-civilians' AND dataset = 'm_acled';
SELECT pairs_considered > 0 AS compared_again FROM link_events('m_acled');
SELECT other_external_id, rank, selected FROM bi_event_links WHERE external_id = 'A-civilians' AND rank = 1
ORDER BY other_external_id;

-- ---------------------------------------------------------------------------
-- 10. Actors across datasets: each dataset's names resolve to actors of its
--     own, so the matcher compares an actor by what it is: a named group by
--     its folded name or an alias row, a state's forces by country, civilians,
--     crowds; an unidentified actor says nothing.
SELECT n AS name, actor_match_key(n) AS key
FROM (VALUES ('Zintan Ethnic Militia (Libya)'), ('Zintan Brigades'), ('Zintan militia'),
             ('BRSC: Shura Council of Benghazi Revolutionaries'), ('Benghazi Revolutionaries Shura Council'),
             ('Lord''s Resistance Army (LRA)'), ('LRA: Lords Resistance Army'), ('The Militia'),
             ('Islamic State (Greater Sahara)'), ('Islamic State (West Africa)'), ('Islamic State (Libya)'),
             ('Misratah Communal Militia (Libya) (2011-)')) v(n);
SELECT n AS name, actor_match_class(n, k, i::smallint) AS class, actor_match_identity(n, k, i::smallint, c) AS identity
FROM (VALUES ('Military Forces of South Sudan (2011-)', 'state forces', 1, 'SSD'),
             ('Government of South Sudan', 'government', NULL, 'SSD'),
             ('Police Forces of South Sudan (2011-)', NULL, NULL, 'SSD'),
             ('soldiers', NULL, NULL, NULL),
             ('Military Forces of Uganda (1986-)', NULL, 8, 'UGA'),
             ('Former Military Forces of Libya (1969-2011)', NULL, NULL, 'LBY'),
             ('Civilians (South Sudan)', 'civilians', 7, 'SSD'),
             ('residents', NULL, NULL, NULL),
             ('Protesters (Libya)', NULL, 6, 'LBY'),
             ('Unidentified Armed Group (South Sudan)', 'armed group', 3, 'SSD'),
             ('unknown gunmen', NULL, NULL, NULL),
             ('SPLA/M-In Opposition: Sudanese Peoples Liberation Army/Movement-In Opposition', 'armed group', 2, NULL),
             ('SPLM/A In Opposition', 'armed group', NULL, NULL),
             ('Sudan People''s Liberation Movement in Opposition (SPLM-IO)', 'armed group', NULL, NULL),
             ('Military Forces of Libya (2014-) Haftar Faction', 'state forces', 1, 'LBY'),
             ('Forces of the House of Representatives', 'armed group', NULL, NULL),
             ('Fajr Libya', NULL, NULL, NULL),
             ('Operation Libya Dawn', 'armed group', 3, NULL)) v(n, k, i, c);
-- A user's alias (kept by pg_dump) wins over the folded name; shipped rows are guarded.
INSERT INTO actor_match_aliases (name, same_as, note) VALUES ('m test Machar''s fighters', 'SPLM-IO', 'a spelling of our sources');
SELECT actor_match_identity('m test Machar''s fighters', 'armed group', NULL, NULL) AS identity;
SELECT count(*) AS user_rows FROM actor_match_aliases WHERE NOT standard;
\set VERBOSITY terse
UPDATE actor_match_aliases SET same_as = 'someone else' WHERE name = 'Haftar Militia';
\set VERBOSITY default

-- In link_events: ACLED's and UCDP's names of one militia are one group (on
-- swapped sides here), their names of the state's forces one class; a class
-- in common alone scores as unknown (0.5), none in common 0.25.
INSERT INTO actors (name, kind, acled_inter, country) VALUES
  ('m test Military Forces of Southland (2011-)', 'state forces', 1, 'SSD'),
  ('m test Government of Southland', 'government', NULL, 'SSD'),
  ('m test Civilians (Southland)', 'civilians', 7, 'SSD'),
  ('m test Zintan Ethnic Militia (Libya)', 'armed group', 4, NULL),
  ('m test Zintan Brigades', 'armed group', NULL, NULL),
  ('m test Protesters (Southland)', NULL, 6, 'SSD'),
  ('Unidentified Armed Group (m test Southland)', 'armed group', 3, 'SSD');
CREATE FUNCTION pg_temp.act(ext text, a1 text, a2 text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO sahel_news.event_actors (event_id, actor_id, role)
  SELECT e.id, a.id, CASE WHEN a.name IN ('m test ' || a1, a1) THEN 'actor1' ELSE 'actor2' END
  FROM sahel_news.events e, sahel_news.actors a
  WHERE e.external_id = ext AND a.name IN ('m test ' || a1, 'm test ' || a2, a1, a2) $$;
-- split rows of one day and place: the militia's battle with the army holds
-- the UCDP event; its attack on civilians shares it (a group in common); the
-- army's attack on civilians there does not (only classes in common: another
-- incident), though it scores above the least score.
SELECT pg_temp.ev('m_acled', 'A-s-battle', '2016-02-01', 20.00, 20.00, 2000, 'Armed clash', '4') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_acled', 'A-s-militia-civ', '2016-02-01', 20.00, 20.00, 2000, 'Attack', '2') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_acled', 'A-s-army-civ', '2016-02-01', 20.00, 20.00, 2000, 'Attack', '10') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-s', '2016-02-01', 20.00, 20.00, 2000, '1', '8..12') IS NOT NULL AS ok;
-- the least score: a protest and a clash in one town on one day, no actor in
-- common, deaths 0 against 10, stay apart; an unidentified attacker says nothing
SELECT pg_temp.ev('m_acled', 'A-t-protest', '2016-03-01', 21.00, 21.00, 2000, 'Peaceful protest', '0') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-t', '2016-03-01', 21.00, 21.00, 2000, '1', '10') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_acled', 'A-u-unidentified', '2016-04-01', 22.00, 22.00, 2000, 'Armed clash') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_ucdp', 'U-u', '2016-04-01', 22.00, 22.00, 2000, '1') IS NOT NULL AS ok;
SELECT pg_temp.act('A-s-battle', 'Military Forces of Southland (2011-)', 'Zintan Ethnic Militia (Libya)'),
       pg_temp.act('A-s-militia-civ', 'Zintan Ethnic Militia (Libya)', 'Civilians (Southland)'),
       pg_temp.act('A-s-army-civ', 'Military Forces of Southland (2011-)', 'Civilians (Southland)'),
       pg_temp.act('U-s', 'Government of Southland', 'Zintan Brigades'),
       pg_temp.act('A-t-protest', 'Protesters (Southland)', NULL),
       pg_temp.act('U-t', 'Zintan Brigades', NULL),
       pg_temp.act('A-u-unidentified', 'Unidentified Armed Group (m test Southland)', NULL),
       pg_temp.act('U-u', 'Zintan Brigades', NULL);
SELECT links > 0 AS has_links FROM link_events('m_acled', 'm_ucdp');
SELECT ea.external_id AS event, eb.external_id AS other, l.rank, l.shared, round(l.score::numeric, 3) AS score,
       l.reasons ->> 'actors' AS actors, l.reasons -> 'parts' ->> 'actors' AS actors_part
FROM event_links l JOIN events ea ON ea.id = l.event_id JOIN events eb ON eb.id = l.other_event_id
WHERE l.dataset = 'm_acled' AND l.other_dataset = 'm_ucdp'
  AND ea.external_id IN ('A-s-battle', 'A-s-militia-civ', 'A-s-army-civ', 'A-t-protest', 'A-u-unidentified')
ORDER BY 1, 2;
-- what an actor is compared by is in the fingerprint: an alias added later
-- makes the next run compare the events that carry that name again (U-s,
-- U-t and U-u against the ACLED rows near them), and so does its removal
INSERT INTO actor_match_aliases (name, same_as) VALUES ('m test Zintan Brigades', 'm test Zintan Brigades of the west');
SELECT pairs_considered FROM link_events('m_acled', 'm_ucdp');
DELETE FROM actor_match_aliases WHERE name = 'm test Zintan Brigades';
SELECT pairs_considered FROM link_events('m_acled', 'm_ucdp');

-- ---------------------------------------------------------------------------
-- 11. A crowded place and day, and lone pairs.
--     U-c has two GTD rows of its town and day, alike in time and place; it
--     agrees with neither on the type (a clash against attacks on civilians)
--     nor on the deaths, and no actor is named: though both score above the
--     least score, neither is linked.  When GTD revises G-c2's count into
--     range (2..4 against 3), that is evidence, and G-c2 is linked.
SELECT pg_temp.ev('m_ucdp', 'U-c', '2016-05-01', 23.00, 23.00, 2000, '1', '3') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_gtd', 'G-c1', '2016-05-01', 23.00, 23.00, 2000, '1', '7') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_gtd', 'G-c2', '2016-05-01', 23.00, 23.00, 2000, '1', '9') IS NOT NULL AS ok;
SELECT links, contenders FROM link_events('m_ucdp', 'm_gtd');
SELECT * FROM pg_temp.links('m_ucdp', 'm_gtd') WHERE event = 'U-c';
UPDATE events SET fatalities = '2..4' WHERE external_id = 'G-c2' AND dataset = 'm_gtd';
SELECT links, contenders FROM link_events('m_ucdp', 'm_gtd');
SELECT * FROM pg_temp.links('m_ucdp', 'm_gtd') WHERE event = 'U-c';
--     U-l and G-l are each other's only candidate: types and deaths disagree
--     (UCDP's state-based violence against a GTD attack; 10 against 4) and
--     the pair scores under the least score, but no other event of either
--     dataset is near, so they are linked (a lone pair: 0.5 or more, every
--     other candidate 0.15 lower).  A second GTD row of the next day at the
--     same place (G-l2, 0.52) is a rival within 0.15: both stay contenders.
SELECT pg_temp.ev('m_ucdp', 'U-l', '2016-06-01', 24.00, 24.00, 2000, '1', '10') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_gtd', 'G-l', '2016-06-01', 24.05, 24.00, 2000, '1', '4') IS NOT NULL AS ok;
SELECT links, contenders FROM link_events('m_ucdp', 'm_gtd');
SELECT * FROM pg_temp.links('m_ucdp', 'm_gtd') WHERE event = 'U-l';
SELECT pg_temp.ev('m_gtd', 'G-l2', '2016-06-02', 24.00, 24.00, 2000, '1') IS NOT NULL AS ok;
SELECT links, contenders FROM link_events('m_ucdp', 'm_gtd');
SELECT * FROM pg_temp.links('m_ucdp', 'm_gtd') WHERE event = 'U-l';

-- ---------------------------------------------------------------------------
-- 12. Descriptions: the content words two descriptions share (not those of
--     the place's name, nor the words every report uses, nor those of a group
--     both events name: the actor part compares it).
--     U-d has two GTD rows of its town and day, alike in time and place, with
--     no type, actor or deaths in common: neither is linked (as U-c).  Then
--     their descriptions come: U-d's headline and G-d2's summary both speak
--     of Egyptian Christians taken from their homes, G-d1's of a car bomb the
--     Shura Council claimed, a group of U-d's dyad that GTD names too (a
--     group in common: evidence, but its words are no text in common).  Three
--     words in common raise G-d2's score by 0.1 and are evidence: G-d2 is
--     linked, and its reasons list the words; G-d1, no word in common, loses
--     0.025.
SELECT pg_temp.ev('m_ucdp', 'U-d', '2016-07-01', 25.00, 25.00, 2000, '1') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_gtd', 'G-d1', '2016-07-01', 25.00, 25.00, 2000, '1') IS NOT NULL AS ok;
SELECT pg_temp.ev('m_gtd', 'G-d2', '2016-07-01', 25.00, 25.00, 2000, '1') IS NOT NULL AS ok;
INSERT INTO actors (name, kind) VALUES ('m test Shura Council', 'armed group'), ('m test Dawn Brigades', 'armed group');
SELECT pg_temp.act('U-d', 'm test Shura Council', 'm test Dawn Brigades');
SELECT links, contenders FROM link_events('m_ucdp', 'm_gtd');
SELECT * FROM pg_temp.links('m_ucdp', 'm_gtd') WHERE event = 'U-d';
SELECT pg_temp.act('G-d1', 'm test Shura Council', NULL);
UPDATE events SET summary = CASE external_id
  WHEN 'U-d' THEN 'non-state conflict: m test Shura Council - m test Dawn Brigades. Gunmen seize Egyptian Christians from their homes'
  WHEN 'G-d1' THEN 'A car bomb exploded outside a bank; the Shura Council claimed it'
  WHEN 'G-d2' THEN 'Assailants abducted seven Egyptian Christians from their homes; their bodies were found later' END
WHERE dataset IN ('m_ucdp', 'm_gtd') AND external_id IN ('U-d', 'G-d1', 'G-d2');
SELECT links, contenders FROM link_events('m_ucdp', 'm_gtd');
SELECT * FROM pg_temp.links('m_ucdp', 'm_gtd') WHERE event = 'U-d';
SELECT eb.external_id AS other, l.reasons -> 'words' AS words, l.reasons -> 'parts' ->> 'text' AS text_part
FROM event_links l JOIN events ea ON ea.id = l.event_id JOIN events eb ON eb.id = l.other_event_id
WHERE ea.external_id = 'U-d' AND ea.dataset = 'm_ucdp' ORDER BY 1;

-- ---------------------------------------------------------------------------
-- 9. Bad arguments.
\set VERBOSITY terse
SELECT * FROM link_events('no_such_dataset');
\set VERBOSITY default
SELECT * FROM link_events('m_acled', 'm_ucdp', -1);
SELECT * FROM link_events('m_acled', 'm_ucdp', 'NaN');
SELECT * FROM link_events('m_acled', 'm_ucdp', 5, -2);
SELECT * FROM link_events(NULL);
UPDATE event_links SET status = 'maybe' WHERE false;
\set VERBOSITY terse
UPDATE event_links SET status = 'maybe' WHERE dataset = 'm_acled';
\set VERBOSITY default

-- ---------------------------------------------------------------------------
-- Leave the database as found for the tests that follow.
DELETE FROM events WHERE dataset LIKE 'm\_%';
DELETE FROM actors WHERE name LIKE 'm test %' OR name LIKE '%(m test %';
DELETE FROM actor_match_aliases WHERE name LIKE 'm test %';
DELETE FROM sources WHERE url = 'https://example.org/wire/1';
DELETE FROM event_link_reviews WHERE dataset LIKE 'm\_%';
DELETE FROM event_taxonomy WHERE dataset LIKE 'm\_%';
DELETE FROM matching_datasets WHERE dataset LIKE 'm\_%' AND NOT standard;
DELETE FROM link_runs WHERE dataset LIKE 'm\_%';
DELETE FROM event_match_state WHERE other_dataset LIKE 'm\_%';
SELECT (SELECT count(*) FROM event_links) AS links_left, (SELECT count(*) FROM incidents) AS incidents_left,
       (SELECT count(*) FROM event_match_state) AS state_left;
