-- tests/demo.sql — the tour that tests/demo prints.  Each part of the
-- extension adds its queries here as it lands.
SET search_path = sahel_news, public;

-- What the extension installed.
SELECT extname, extversion FROM pg_extension WHERE extname = 'sahel_news';
