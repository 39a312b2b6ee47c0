#!/usr/bin/env bash
# tests/bench/annotate_changes.sh — annotate() throughput with a large
# gazetteer while the names change: 200,000 place names, 4 pgbench clients
# annotating a short text for 30 s with no change, then 30 s while one name is
# added or removed every second (pgbench -R 1), in the same run.  Reports the
# ratio of the two throughputs, the time of one build, the time a session
# takes to apply one change made elsewhere (a delta) and the memory of the
# gazetteer in a backend.  Run by tests/bench/run (PGDATABASE is set there).
set -uo pipefail
seconds=${SN_CHANGES_SECONDS:-30}
names=${SN_CHANGES_NAMES:-200000}
psql() { "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$PGDATABASE" "$@"; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/sn_changes.XXXXXX"); chmod 755 "$dir"
trap 'rm -rf "$dir"' EXIT

# Names shaped like place names: two syllables of letters, a number.
psql -c "
  INSERT INTO sahel_news.places (name, kind, country)
  SELECT initcap(substr(md5(i::text), 1, 3) || chr(97 + i % 26) || substr(md5(i::text), 4, 3)) || ' ' || i,
         'village', 'MLI'
  FROM generate_series(1, $names) i" || exit 1
build=$(psql -c "SELECT round(build_ms) || ' ms, ' || pg_size_pretty(bytes) || ', ' || names || ' names'
                 FROM sahel_news.annotate_gazetteer_info()")
echo "one build: $build"
# One change applied by a session that keeps its gazetteer: the first call
# builds, the change commits, the next call applies it as a delta.
delta=$(psql -c "SELECT count(*) FROM sahel_news.annotate('Tessit')" \
             -c "INSERT INTO sahel_news.place_names (place_id, name) VALUES (15, 'Tessit')" \
             -c "SELECT count(*) FROM sahel_news.annotate('Tessit')" \
             -c "DELETE FROM sahel_news.place_names WHERE place_id = 15 AND name = 'Tessit'" \
             -c "SELECT count(*) FROM sahel_news.annotate('Tessit')" \
             -c "SELECT 'one change: ' || round(delta_ms::numeric, 2) || ' ms (' || deltas || ' deltas, '
                        || builds || ' build); delta ' || pg_size_pretty(delta_bytes) || ', backend '
                        || pg_size_pretty(backend_bytes)
                 FROM sahel_news.annotate_gazetteer_info()" | tail -n 1)
echo "$delta"

cat >"$dir/read.sql" <<'SQL'
SELECT count(*) FROM sahel_news.annotate('Gunmen attacked Djallo and Niamey on 13 August 2022; about 40 soldiers were killed near the Mali-Niger border.');
SQL
cat >"$dir/change.sql" <<'SQL'
DO $$ BEGIN
  IF EXISTS (SELECT FROM sahel_news.place_names WHERE place_id = 15 AND name = 'Tessit') THEN
    DELETE FROM sahel_news.place_names WHERE place_id = 15 AND name = 'Tessit';
  ELSE
    INSERT INTO sahel_news.place_names (place_id, name) VALUES (15, 'Tessit');
  END IF;
END $$;
SQL

tps() { sed -nE 's/^tps = ([0-9.]+) .*/\1/p' "$1" | head -n 1; }
"$SN_BINDIR/pgbench" -n -c 4 -j 4 -T "$seconds" -f "$dir/read.sql" >"$dir/quiet.log" 2>&1 || { cat "$dir/quiet.log"; exit 1; }
"$SN_BINDIR/pgbench" -n -c 1 -R 1 -T "$seconds" -f "$dir/change.sql" >"$dir/changer.log" 2>&1 &
changer=$!
"$SN_BINDIR/pgbench" -n -c 4 -j 4 -T "$seconds" -f "$dir/read.sql" >"$dir/busy.log" 2>&1 || { cat "$dir/busy.log"; exit 1; }
wait $changer
quiet=$(tps "$dir/quiet.log"); busy=$(tps "$dir/busy.log")
changes=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$dir/changer.log")
ratio=$(awk -v b="$busy" -v q="$quiet" 'BEGIN { printf "%.4f", b / q }')
echo "annotate with $names names: $quiet tps without changes, $busy tps with one change a second ($changes changes); ratio $ratio"
psql -c "INSERT INTO bench.results (benchmark, ours_ms, baseline, base_ms, note) VALUES
  ('annotate, $names names, 4 clients, one name changed per second', 4000.0 / $busy,
   'no changes', 4000.0 / $quiet,
   'throughput ratio $ratio ($busy / $quiet tps); one build: $build; $delta')"
psql -c "DELETE FROM sahel_news.place_names WHERE place_id = 15 AND name = 'Tessit'" \
  -c "DELETE FROM sahel_news.places WHERE id > 1000 AND kind = 'village' AND name ~ ' [0-9]+$'"
