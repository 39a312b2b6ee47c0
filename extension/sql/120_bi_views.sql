-- extension/sql/120_bi_views.sql
-- Flat views for BI tools.  Every column has a built-in type (text,
-- integer, bigint, float8, date, boolean), so a tool that knows nothing of the
-- extension's types (JDBC, ODBC, Metabase, Superset, Tableau, QGIS) reads them
-- as they are.  Open or unknown date bounds are NULL here (never infinity); the
-- exact value is in the column of the same name as text (occurred, strength).

CREATE VIEW @extschema@.bi_events AS
SELECT e.id AS event_id,
       e.occurred::text AS occurred,
       @extschema@.finite_or_null(@extschema@.lower(e.occurred)) AS date_low,
       @extschema@.finite_or_null(@extschema@.upper(e.occurred)) AS date_high,
       @extschema@.precision(e.occurred) AS date_precision,
       CASE WHEN pg_catalog.date_part('year', @extschema@.lower(e.occurred))
                 = pg_catalog.date_part('year', @extschema@.upper(e.occurred))
            THEN pg_catalog.date_part('year', @extschema@.lower(e.occurred))::integer END AS year,
       CASE WHEN pg_catalog.date_trunc('month', @extschema@.lower(e.occurred)::timestamp)
                 = pg_catalog.date_trunc('month', @extschema@.upper(e.occurred)::timestamp)
            THEN pg_catalog.date_part('month', @extschema@.lower(e.occurred))::integer END AS month,
       e.event_type,
       e.sub_event_type,
       st.disorder_type,
       e.cameo_code,
       cc.name AS cameo_name,
       p.country::text AS country_iso3,
       @extschema@.name(p.country) AS country_name,
       coalesce(p.country::text, pc.countries) AS countries,
       e.place_id,
       p.name AS place_name,
       @extschema@.lat(e.location) AS latitude,
       @extschema@.lon(e.location) AS longitude,
       e.geo_precision::integer AS geo_precision,
       e.fatalities::text AS fatalities,
       @extschema@.lower(e.fatalities) AS fatalities_low,
       @extschema@.best(e.fatalities) AS fatalities_best,
       @extschema@.upper(e.fatalities) AS fatalities_high,
       e.fatalities_claimed,
       ea.actor1,
       ea.actor2,
       ea.other_actors,
       e.summary,
       s.publisher AS source,
       s.url,
       e.dataset,
       e.external_id,
       e.sample
FROM @extschema@.events e
LEFT JOIN @extschema@.places p ON p.id = e.place_id
LEFT JOIN @extschema@.acled_sub_event_types st ON st.sub_event_type = e.sub_event_type
LEFT JOIN @extschema@.cameo_codes cc ON cc.code = e.cameo_code
LEFT JOIN @extschema@.sources s ON s.id = e.source_id
LEFT JOIN LATERAL (
  SELECT pg_catalog.string_agg(x.country::text, ',' ORDER BY x.country::text) AS countries
  FROM @extschema@.place_countries x WHERE x.place_id = e.place_id) pc ON true
LEFT JOIN LATERAL (
  SELECT pg_catalog.string_agg(a.name, '; ' ORDER BY a.name) FILTER (WHERE r.role = 'actor1') AS actor1,
         pg_catalog.string_agg(a.name, '; ' ORDER BY a.name) FILTER (WHERE r.role = 'actor2') AS actor2,
         pg_catalog.string_agg(a.name || ' (' || r.role || ')', '; ' ORDER BY r.role, a.name)
           FILTER (WHERE r.role NOT IN ('actor1', 'actor2')) AS other_actors
  FROM @extschema@.event_actors r JOIN @extschema@.actors a ON a.id = r.actor_id
  WHERE r.event_id = e.id) ea ON true
WHERE e.deleted_at IS NULL;

COMMENT ON VIEW @extschema@.bi_events IS
  'One row per event (deleted events left out), flat and in built-in types only, for BI tools: dates as low/high days with their precision, ACLED and CAMEO types, country, place and coordinates, fatalities as low/best/high, actors, source';
COMMENT ON COLUMN @extschema@.bi_events.event_id IS 'events.id';
COMMENT ON COLUMN @extschema@.bi_events.occurred IS 'when it happened, as EDTF text (2022-08-13, 2013/2022, ../2022-08-15)';
COMMENT ON COLUMN @extschema@.bi_events.date_low IS 'earliest day it can have happened (NULL when open or unknown)';
COMMENT ON COLUMN @extschema@.bi_events.date_high IS 'latest day it can have happened (NULL when open or unknown)';
COMMENT ON COLUMN @extschema@.bi_events.date_precision IS 'precision of the date: year, month, day, second, interval, ...';
COMMENT ON COLUMN @extschema@.bi_events.year IS 'the year, when the whole date lies in one year (else NULL)';
COMMENT ON COLUMN @extschema@.bi_events.month IS 'the month (1-12), when the whole date lies in one month (else NULL)';
COMMENT ON COLUMN @extschema@.bi_events.event_type IS 'ACLED event type';
COMMENT ON COLUMN @extschema@.bi_events.sub_event_type IS 'ACLED sub-event type';
COMMENT ON COLUMN @extschema@.bi_events.disorder_type IS 'ACLED disorder type of the sub-event type';
COMMENT ON COLUMN @extschema@.bi_events.cameo_code IS 'CAMEO event code';
COMMENT ON COLUMN @extschema@.bi_events.cameo_name IS 'what the CAMEO code means';
COMMENT ON COLUMN @extschema@.bi_events.country_iso3 IS 'ISO 3166-1 alpha-3 code of the country of the place (NULL when it spans several)';
COMMENT ON COLUMN @extschema@.bi_events.country_name IS 'English name of that country';
COMMENT ON COLUMN @extschema@.bi_events.countries IS 'every country of the place, ISO alpha-3, comma-separated';
COMMENT ON COLUMN @extschema@.bi_events.place_id IS 'places.id of where it happened';
COMMENT ON COLUMN @extschema@.bi_events.place_name IS 'name of where it happened';
COMMENT ON COLUMN @extschema@.bi_events.latitude IS 'latitude of the event''s location, degrees north (WGS84)';
COMMENT ON COLUMN @extschema@.bi_events.longitude IS 'longitude of the event''s location, degrees east (WGS84)';
COMMENT ON COLUMN @extschema@.bi_events.geo_precision IS 'ACLED geo-precision: 1 exact place, 2 near it, 3 region only';
COMMENT ON COLUMN @extschema@.bi_events.fatalities IS 'deaths as reported, estimate text (4, 24..99, ?)';
COMMENT ON COLUMN @extschema@.bi_events.fatalities_low IS 'fewest deaths the report allows';
COMMENT ON COLUMN @extschema@.bi_events.fatalities_best IS 'best single figure (stated, or the middle of a closed range; NULL when open-ended)';
COMMENT ON COLUMN @extschema@.bi_events.fatalities_high IS 'most deaths the report allows (NULL when open-ended)';
COMMENT ON COLUMN @extschema@.bi_events.fatalities_claimed IS 'the figure is an actor''s claim';
COMMENT ON COLUMN @extschema@.bi_events.actor1 IS 'actor 1 (the initiator), names joined by "; "';
COMMENT ON COLUMN @extschema@.bi_events.actor2 IS 'actor 2 (the other side), names joined by "; "';
COMMENT ON COLUMN @extschema@.bi_events.other_actors IS 'associates, targets, claimants and victims, each with its role';
COMMENT ON COLUMN @extschema@.bi_events.summary IS 'what happened, in our own words';
COMMENT ON COLUMN @extschema@.bi_events.source IS 'publisher of the source';
COMMENT ON COLUMN @extschema@.bi_events.url IS 'web address of the source';
COMMENT ON COLUMN @extschema@.bi_events.dataset IS 'dataset the event came from';
COMMENT ON COLUMN @extschema@.bi_events.external_id IS 'its identifier in that dataset';
COMMENT ON COLUMN @extschema@.bi_events.sample IS 'part of the sample shipped with the extension';

CREATE VIEW @extschema@.bi_deployments AS
SELECT d.id AS deployment_id,
       f.name AS force,
       f.kind AS force_kind,
       d.contributor::text AS contributor_iso3,
       @extschema@.name(d.contributor) AS contributor_name,
       d.host::text AS host_iso3,
       @extschema@.name(d.host) AS host_name,
       d.place_id,
       p.name AS place_name,
       @extschema@.lat(p.location) AS latitude,
       @extschema@.lon(p.location) AS longitude,
       d.strength::text AS strength,
       @extschema@.lower(d.strength) AS strength_low,
       @extschema@.best(d.strength) AS strength_best,
       @extschema@.upper(d.strength) AS strength_high,
       @extschema@.is_approximate(d.strength) AS strength_approximate,
       d.as_of::text AS as_of,
       @extschema@.finite_or_null(@extschema@.lower(d.as_of)) AS as_of_low,
       @extschema@.finite_or_null(@extschema@.upper(d.as_of)) AS as_of_high,
       d.period::text AS period,
       @extschema@.finite_or_null(@extschema@.lower(d.period)) AS period_start,
       @extschema@.finite_or_null(@extschema@.upper(d.period)) AS period_end,
       d.part_of,
       s.publisher AS source,
       s.url,
       d.note,
       d.dataset,
       d.external_id,
       d.sample
FROM @extschema@.deployments d
LEFT JOIN @extschema@.actors f ON f.id = d.force_id
LEFT JOIN @extschema@.places p ON p.id = d.place_id
LEFT JOIN @extschema@.sources s ON s.id = d.source_id;

COMMENT ON VIEW @extschema@.bi_deployments IS
  'One row per troop strength figure, flat and in built-in types only, for BI tools: force, contributor and host countries, place, strength as low/best/high, when it held and when the deployment ran';
COMMENT ON COLUMN @extschema@.bi_deployments.deployment_id IS 'deployments.id';
COMMENT ON COLUMN @extschema@.bi_deployments.force IS 'name of the force deployed';
COMMENT ON COLUMN @extschema@.bi_deployments.force_kind IS 'kind of that actor (state forces, military operation, peacekeeping mission, ...)';
COMMENT ON COLUMN @extschema@.bi_deployments.contributor_iso3 IS 'ISO alpha-3 code of the country whose troops they are';
COMMENT ON COLUMN @extschema@.bi_deployments.contributor_name IS 'English name of that country';
COMMENT ON COLUMN @extschema@.bi_deployments.host_iso3 IS 'ISO alpha-3 code of the country they are in (NULL when several)';
COMMENT ON COLUMN @extschema@.bi_deployments.host_name IS 'English name of that country';
COMMENT ON COLUMN @extschema@.bi_deployments.place_id IS 'places.id of where within the host';
COMMENT ON COLUMN @extschema@.bi_deployments.place_name IS 'name of where within the host';
COMMENT ON COLUMN @extschema@.bi_deployments.latitude IS 'latitude of that place, degrees north (WGS84)';
COMMENT ON COLUMN @extschema@.bi_deployments.longitude IS 'longitude of that place, degrees east (WGS84)';
COMMENT ON COLUMN @extschema@.bi_deployments.strength IS 'troops as reported, estimate text (~2400, 700..1000, ?)';
COMMENT ON COLUMN @extschema@.bi_deployments.strength_low IS 'fewest troops the report allows';
COMMENT ON COLUMN @extschema@.bi_deployments.strength_best IS 'best single figure (NULL when open-ended or unknown)';
COMMENT ON COLUMN @extschema@.bi_deployments.strength_high IS 'most troops the report allows (NULL when open-ended or unknown)';
COMMENT ON COLUMN @extschema@.bi_deployments.strength_approximate IS 'the figure was given as approximate ("about")';
COMMENT ON COLUMN @extschema@.bi_deployments.as_of IS 'when the figure held, EDTF text';
COMMENT ON COLUMN @extschema@.bi_deployments.as_of_low IS 'first day of as_of';
COMMENT ON COLUMN @extschema@.bi_deployments.as_of_high IS 'last day of as_of';
COMMENT ON COLUMN @extschema@.bi_deployments.period IS 'when the deployment ran, EDTF text';
COMMENT ON COLUMN @extschema@.bi_deployments.period_start IS 'first day of the period (NULL when open, unknown or not given)';
COMMENT ON COLUMN @extschema@.bi_deployments.period_end IS 'last day of the period (NULL when open, unknown or not given)';
COMMENT ON COLUMN @extschema@.bi_deployments.part_of IS 'deployment_id of the reported total this figure is part of';
COMMENT ON COLUMN @extschema@.bi_deployments.source IS 'publisher of the source';
COMMENT ON COLUMN @extschema@.bi_deployments.url IS 'web address of the source';
COMMENT ON COLUMN @extschema@.bi_deployments.note IS 'remarks in our own words';
COMMENT ON COLUMN @extschema@.bi_deployments.dataset IS 'dataset the figure came from';
COMMENT ON COLUMN @extschema@.bi_deployments.external_id IS 'its identifier in that dataset';
COMMENT ON COLUMN @extschema@.bi_deployments.sample IS 'part of the sample shipped with the extension';

CREATE VIEW @extschema@.bi_places AS
SELECT p.id AS place_id,
       p.name,
       p.kind,
       p.country::text AS country_iso3,
       @extschema@.name(p.country) AS country_name,
       coalesce(p.country::text, pc.countries) AS countries,
       p.parent_id,
       q.name AS parent_name,
       @extschema@.lat(p.location) AS latitude,
       @extschema@.lon(p.location) AS longitude,
       p.precision_m,
       p.geonames_id,
       n.names,
       n.demonyms,
       p.note,
       p.dataset,
       p.external_id,
       p.sample
FROM @extschema@.places p
LEFT JOIN @extschema@.places q ON q.id = p.parent_id
LEFT JOIN LATERAL (
  SELECT pg_catalog.string_agg(x.country::text, ',' ORDER BY x.country::text) AS countries
  FROM @extschema@.place_countries x WHERE x.place_id = p.id) pc ON true
LEFT JOIN LATERAL (
  SELECT pg_catalog.string_agg(m.name, '; ' ORDER BY m.name) FILTER (WHERE NOT m.is_demonym) AS names,
         pg_catalog.string_agg(m.name, '; ' ORDER BY m.name) FILTER (WHERE m.is_demonym) AS demonyms
  FROM @extschema@.place_names m WHERE m.place_id = p.id) n ON true;

COMMENT ON VIEW @extschema@.bi_places IS
  'One row per place, flat and in built-in types only, for BI tools and maps: kind, country, enclosing place, coordinates and how vague they are, every name';
COMMENT ON COLUMN @extschema@.bi_places.place_id IS 'places.id';
COMMENT ON COLUMN @extschema@.bi_places.name IS 'usual English name';
COMMENT ON COLUMN @extschema@.bi_places.kind IS 'country, region, city, town, village, base, border area, sea, lake region, supranational region or continent';
COMMENT ON COLUMN @extschema@.bi_places.country_iso3 IS 'ISO alpha-3 code of its country (NULL when it spans several or none)';
COMMENT ON COLUMN @extschema@.bi_places.country_name IS 'English name of that country';
COMMENT ON COLUMN @extschema@.bi_places.countries IS 'every country it lies in, ISO alpha-3, comma-separated';
COMMENT ON COLUMN @extschema@.bi_places.parent_id IS 'place_id of the place it lies in';
COMMENT ON COLUMN @extschema@.bi_places.parent_name IS 'name of the place it lies in';
COMMENT ON COLUMN @extschema@.bi_places.latitude IS 'latitude, degrees north (WGS84); NULL when not known';
COMMENT ON COLUMN @extschema@.bi_places.longitude IS 'longitude, degrees east (WGS84); NULL when not known';
COMMENT ON COLUMN @extschema@.bi_places.precision_m IS 'how vague the location is, in metres';
COMMENT ON COLUMN @extschema@.bi_places.geonames_id IS 'GeoNames identifier';
COMMENT ON COLUMN @extschema@.bi_places.names IS 'every name and alias, joined by "; "';
COMMENT ON COLUMN @extschema@.bi_places.demonyms IS 'its demonyms and adjectives, joined by "; "';
COMMENT ON COLUMN @extschema@.bi_places.note IS 'remarks in our own words';
COMMENT ON COLUMN @extschema@.bi_places.dataset IS 'dataset the place came from';
COMMENT ON COLUMN @extschema@.bi_places.external_id IS 'its identifier in that dataset';
COMMENT ON COLUMN @extschema@.bi_places.sample IS 'part of the sample shipped with the extension';

CREATE VIEW @extschema@.bi_troop_levels AS
WITH days AS (
  SELECT d.contributor, d.host, v.day
  FROM @extschema@.deployments d
  CROSS JOIN LATERAL (VALUES (@extschema@.lower(d.as_of)), (@extschema@.lower(d.period)),
                             (@extschema@.upper(d.period))) AS v(day)
  WHERE d.contributor IS NOT NULL AND v.day IS NOT NULL AND pg_catalog.isfinite(v.day)
),
pairs AS (
  SELECT x.contributor, x.host, pg_catalog.min(x.day) AS first_day
  FROM days x WHERE x.host IS NOT NULL
  GROUP BY x.contributor, x.host
),
horizon AS (
  SELECT x.contributor, pg_catalog.max(x.day) AS last_day
  FROM days x
  GROUP BY x.contributor
)
SELECT p.contributor::text AS contributor_iso3,
       @extschema@.name(p.contributor) AS contributor_name,
       p.host::text AS host_iso3,
       @extschema@.name(p.host) AS host_name,
       t.day AS month,
       pg_catalog.date_part('year', t.day)::integer AS year,
       t.strength::text AS strength,
       @extschema@.lower(t.strength) AS strength_low,
       @extschema@.best(t.strength) AS strength_best,
       @extschema@.upper(t.strength) AS strength_high,
       @extschema@.is_approximate(t.strength) AS approximate
FROM pairs p
JOIN horizon h ON h.contributor OPERATOR(@extschema@.=) p.contributor
CROSS JOIN LATERAL @extschema@.troop_strengths(
  p.contributor, p.host,
  ARRAY(SELECT pg_catalog.generate_series(pg_catalog.date_trunc('month', p.first_day::timestamp),
                                          pg_catalog.date_trunc('month', h.last_day::timestamp),
                                          interval '1 month')::date)) AS t;

COMMENT ON VIEW @extschema@.bi_troop_levels IS
  'One row per contributor, host country and month: troop_strength() on the first day of the month as low/best/high, from the month of the pair''s first figure or period start to the last month the contributor''s deployments mention. Figures spanning several hosts (host NULL) are left out here; troop_strength(contributor, NULL, day) counts them';
COMMENT ON COLUMN @extschema@.bi_troop_levels.contributor_iso3 IS 'ISO alpha-3 code of the contributing country';
COMMENT ON COLUMN @extschema@.bi_troop_levels.contributor_name IS 'English name of the contributing country';
COMMENT ON COLUMN @extschema@.bi_troop_levels.host_iso3 IS 'ISO alpha-3 code of the host country';
COMMENT ON COLUMN @extschema@.bi_troop_levels.host_name IS 'English name of the host country';
COMMENT ON COLUMN @extschema@.bi_troop_levels.month IS 'first day of the month';
COMMENT ON COLUMN @extschema@.bi_troop_levels.year IS 'year of the month';
COMMENT ON COLUMN @extschema@.bi_troop_levels.strength IS 'troop strength on that day, estimate text (0 when no deployment ran, ? when deployed in unknown strength)';
COMMENT ON COLUMN @extschema@.bi_troop_levels.strength_low IS 'fewest troops the data allows';
COMMENT ON COLUMN @extschema@.bi_troop_levels.strength_best IS 'best single figure (NULL when open-ended or unknown)';
COMMENT ON COLUMN @extschema@.bi_troop_levels.strength_high IS 'most troops the data allows (NULL when open-ended or unknown)';
COMMENT ON COLUMN @extschema@.bi_troop_levels.approximate IS 'the strength rests on approximate figures';
