-- extension/sql/355_location_precision.sql — how far, in metres, an event's
-- true site may lie from its coordinates, read from its dataset's own
-- precision code (events.location_precision_m).
--
-- GTD specificity (codebook): 1 the event's own city or town, 2 the centroid
-- of a smaller region (a district), 3 the centroid of a larger region or a
-- city given without the town, 4 no second-order region: the province, 5 no
-- province either (the country, or coordinates missing).
-- SCAD: its exports give location_precision as blank (the coordinates are the
-- place's own) or "no" (the location is approximate: a district assigned to its
-- city, a place near the one named), and say in gislocnum/locnum what kind of
-- place was coded (1 the capital, 2 a large city, 3 another town or village,
-- 4-5 several towns, each its own row, 6 a region or rural area, 7-8
-- nationwide).  import_scad() reads these as one code: 1 a town or city, 2 an
-- approximate location, 3 a region, 4 the whole country (see
-- loader_scad_precision_code()).
CREATE FUNCTION @extschema@.location_precision_m(dataset text, code integer) RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF dataset IS NULL OR dataset NOT IN ('gtd', 'scad') THEN
    RAISE EXCEPTION 'location_precision_m has no precision codes for dataset %', coalesce(quote_literal(dataset), 'NULL')
      USING ERRCODE = '22023', HINT = 'Datasets with precision codes here: gtd (specificity 1-5), scad (1-4).';
  END IF;
  RETURN CASE dataset
           WHEN 'gtd' THEN CASE code WHEN 1 THEN 2000 WHEN 2 THEN 25000 WHEN 3 THEN 50000
                                     WHEN 4 THEN 150000 WHEN 5 THEN 300000 END
           WHEN 'scad' THEN CASE code WHEN 1 THEN 10000 WHEN 2 THEN 50000 WHEN 3 THEN 150000
                                      WHEN 4 THEN 1000000 END
         END;
END
$$;
COMMENT ON FUNCTION @extschema@.location_precision_m(text, integer) IS
  'Metres the true site of an event may lie from its coordinates, from its dataset''s precision code: gtd specificity 1 = 2 km, 2 = 25 km, 3 = 50 km, 4 = 150 km, 5 = 300 km; scad 1 (a town) = 10 km, 2 (approximate) = 50 km, 3 (a region) = 150 km, 4 (nationwide) = 1,000 km.  NULL for a code the dataset does not define; an error (22023) for a dataset without codes here.';
