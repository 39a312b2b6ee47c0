-- Included by sql/loaders_gtd_scad.sql once a file imported before is staged
-- again, with the psql variable dataset set (gtd, scad): how many of the
-- dataset's events carry a digest, then, in one transaction, its import
-- (import_<dataset>), how many staged rows it found unchanged without parsing
-- them, and every table it wrote rows to (none is expected but the run's own
-- bookkeeping).
SELECT count(*) FILTER (WHERE load_digest IS NOT NULL) AS with_digest, count(*) AS events
FROM events WHERE dataset = :'dataset';
BEGIN;
CREATE TEMP TABLE gs_writes ON COMMIT DROP AS
SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS n FROM pg_stat_xact_user_tables WHERE schemaname = 'sahel_news';
SELECT rows_read, imported, updated, unchanged, skipped, flagged FROM import_:dataset();
SELECT count(*) AS staged, count(*) FILTER (WHERE same IS NOT NULL) AS unchanged_unparsed FROM pg_temp.loader_staged;
SELECT s.relname, s.n_tup_ins + s.n_tup_upd + s.n_tup_del - b.n AS rows_written
FROM pg_stat_xact_user_tables s JOIN gs_writes b USING (relname)
WHERE s.schemaname = 'sahel_news' AND s.relname NOT IN ('import_runs', 'import_issues')
  AND s.relname NOT LIKE '%\_raw' AND s.n_tup_ins + s.n_tup_upd + s.n_tup_del <> b.n;
COMMIT;
