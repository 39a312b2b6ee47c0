-- extension/postgis/020_bi_layers.sql: the BI views with a geometry column,
-- for live map layers (QGIS, GDAL/OGR, Superset's deck.gl charts).
--
-- One view per view of sahel_news_bi that has latitude and longitude columns,
-- of the same name, with every column of it and geom, a geometry(Point, 4326)
-- made of those two (NULL where they are).  The typed column puts the views
-- in PostGIS's geometry_columns, where map clients find the geometry type and
-- SRID.  sahel_news_bi itself keeps built-in types only.

DO $layers$
DECLARE
  v record;
  gis name := (SELECT e.extnamespace::pg_catalog.regnamespace::pg_catalog.name
               FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'postgis');
BEGIN
  FOR v IN
    SELECT c.oid, c.relname
    FROM pg_catalog.pg_class c
    WHERE c.relnamespace OPERATOR(pg_catalog.=) 'sahel_news_bi'::pg_catalog.regnamespace
      AND c.relkind OPERATOR(pg_catalog.=) 'v'
      AND EXISTS (SELECT FROM pg_catalog.pg_attribute a WHERE a.attrelid OPERATOR(pg_catalog.=) c.oid
                    AND a.attname OPERATOR(pg_catalog.=) 'latitude')
      AND EXISTS (SELECT FROM pg_catalog.pg_attribute a WHERE a.attrelid OPERATOR(pg_catalog.=) c.oid
                    AND a.attname OPERATOR(pg_catalog.=) 'longitude')
    ORDER BY c.relname
  LOOP
    PERFORM sahel_news.mirror_view(v.oid, '@extschema@',
      pg_catalog.format('%1$I.st_setsrid(%1$I.st_makepoint(b.longitude, b.latitude), 4326)::%1$I.geometry(Point, 4326) AS geom', gis),
      ', with geom: the point of latitude and longitude (geometry(Point, 4326)) for map layers');
    EXECUTE pg_catalog.format('COMMENT ON COLUMN @extschema@.%I.geom IS %L', v.relname,
      'latitude and longitude as a PostGIS point, SRID 4326 (NULL when they are)');
  END LOOP;
END
$layers$;
