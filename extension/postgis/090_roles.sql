-- extension/postgis/090_roles.sql: the roles of sahel_news (900_roles.sql
-- there) on this extension's objects: readers read everything, loaders load
-- boundaries, nobody else does.
GRANT USAGE ON SCHEMA @extschema@ TO sahel_news_reader, sahel_news_editor, sahel_news_loader;
GRANT SELECT ON ALL TABLES IN SCHEMA @extschema@ TO sahel_news_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.admin_areas TO sahel_news_loader;
REVOKE EXECUTE ON FUNCTION @extschema@.import_boundaries(jsonb, text, integer, text, text, sahel_news.country) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @extschema@.import_boundaries(jsonb, text, integer, text, text, sahel_news.country) TO sahel_news_loader;
