-- extension/sql/385_places_admin_names.sql — the administrative areas a
-- dataset names for each event (ACLED's admin1, admin2 and admin3, UCDP
-- GED's adm_1 and adm_2), kept as written on the event, and the places the
-- loaders created put under those areas (place_attach_admin, 380).

ALTER TABLE @extschema@.events
  ADD COLUMN admin1 text CHECK (admin1 OPERATOR(pg_catalog.<>) ''),
  ADD COLUMN admin2 text CHECK (admin2 OPERATOR(pg_catalog.<>) ''),
  ADD COLUMN admin3 text CHECK (admin3 OPERATOR(pg_catalog.<>) '');
COMMENT ON COLUMN @extschema@.events.admin1 IS
  'the first-level administrative area the dataset names for the event, as written (ACLED admin1, UCDP GED adm_1: "Mopti", "Tombouctou region"); NULL when it names none';
COMMENT ON COLUMN @extschema@.events.admin2 IS
  'the second-level administrative area the dataset names for the event, as written (ACLED admin2, UCDP GED adm_2); NULL when it names none';
COMMENT ON COLUMN @extschema@.events.admin3 IS
  'the third-level administrative area the dataset names for the event, as written (ACLED admin3); NULL when it names none';

-- Each place that events point to and that lies in no administrative area
-- yet goes under the area its events name: the admin1 and admin2 pair most
-- of its events (of that dataset, or of any) give, ties broken by name.
CREATE FUNCTION @extschema@.attach_places_by_admin_names(in_dataset text DEFAULT NULL)
RETURNS bigint
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  WITH votes AS (
    SELECT e.place_id, e.admin1, e.admin2, min(e.dataset) AS dataset, count(*) AS n
    FROM @extschema@.events e JOIN @extschema@.places p ON p.id = e.place_id
    WHERE e.admin1 IS NOT NULL AND (in_dataset IS NULL OR e.dataset = in_dataset)
      AND p.admin_level IS NULL AND p.kind <> 'country'
    GROUP BY e.place_id, e.admin1, e.admin2),
  best AS (
    SELECT DISTINCT ON (v.place_id) v.place_id, v.admin1, v.admin2, v.dataset
    FROM votes v ORDER BY v.place_id, v.n DESC, v.admin1, v.admin2 NULLS LAST)
  SELECT count(*) FROM best b
  WHERE @extschema@.place_attach_admin(b.place_id, b.admin1, b.admin2, b.dataset) IS NOT NULL
$$;
COMMENT ON FUNCTION @extschema@.attach_places_by_admin_names(text) IS
  'Puts each place that events (of in_dataset, or of every dataset when NULL) point to, and that lies in no administrative area yet, under the area those events name (events.admin1 and admin2, the pair most of them give) through place_attach_admin(); returns how many places it moved.  Run it after loading ACLED or UCDP GED files and the GeoNames areas of their countries (import_geonames)';
