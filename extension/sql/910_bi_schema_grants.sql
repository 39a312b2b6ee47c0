-- extension/sql/910_bi_schema_grants.sql: the roles' rights on sahel_news_bi
-- (890_bi_schema.sql), after 900_roles.sql has made the roles.  900_roles.sql
-- grants the same on every schema of the extension; written out here because
-- an update script does not run 900_roles.sql's blocks again when they have
-- not changed, and a database updated from 0.1 must get them too.
GRANT USAGE ON SCHEMA sahel_news_bi TO sahel_news_reader, sahel_news_editor, sahel_news_loader;
GRANT SELECT ON ALL TABLES IN SCHEMA sahel_news_bi TO sahel_news_reader;
