# tests/lib/annotate_toggling.sh — annotate() against a name that keeps
# changing, as a team's database sees it: CLIENTS pgbench clients call
# annotate() on a text naming Tessit while one more client adds and removes
# the name Tessit for place 15 every 10 ms, for SECONDS seconds.  Sourced by
# tests/integration/annotate_toggling.sh (a short run) and
# tests/bench/annotate_toggling.sh (60 s).
#
# Each change bumps a version in the same transaction (odd: the name is
# there).  A reader reads the version, calls annotate(), reads the version
# again, each a statement and transaction of its own (or, in half the calls,
# the first two in one REPEATABLE READ transaction); when both versions are
# equal no change committed around the call, so its answer is known: Tessit
# found exactly when the version is odd.  Any other answer is wrong.  Calls
# that a change overlapped are counted but not judged.
#
# sn_annotate_toggling DB SECONDS CLIENTS: prints the figures; sets
# TOGGLE_WRONG, TOGGLE_JUDGED, TOGGLE_CALLS, TOGGLE_CHANGES.
sn_annotate_toggling() {
  local db=$1 seconds=$2 clients=$3 dir out
  dir=$(mktemp -d "${TMPDIR:-/tmp}/sn_toggle.XXXXXX")
  chmod 755 "$dir"
  "$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL' || return 1
DROP TABLE IF EXISTS toggle_state, toggle_calls;
CREATE TABLE toggle_state (version bigint NOT NULL);
INSERT INTO toggle_state VALUES (0);
CREATE UNLOGGED TABLE toggle_calls (client int, v1 bigint, v2 bigint, found int);
DELETE FROM sahel_news.place_names WHERE place_id = 15 AND name = 'Tessit';
CREATE OR REPLACE FUNCTION toggle_tessit() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE v bigint;
BEGIN
  UPDATE toggle_state SET version = version + 1 RETURNING version INTO v;
  IF v % 2 = 1 THEN
    INSERT INTO sahel_news.place_names (place_id, name) VALUES (15, 'Tessit');
  ELSE
    DELETE FROM sahel_news.place_names WHERE place_id = 15 AND name = 'Tessit';
  END IF;
  RETURN v;
END $$;
SQL
  cat >"$dir/toggle.sql" <<'SQL'
SELECT toggle_tessit();
SQL
  # half the calls in a statement of their own, half inside a REPEATABLE READ
  # transaction whose snapshot is taken 2 ms before the call (a change may
  # commit in between)
  cat >"$dir/read.sql" <<'SQL'
SELECT version AS v1 FROM toggle_state \gset
SELECT count(*) AS found FROM sahel_news.annotate('Fighters were seen near Tessit and Djallo.') WHERE place_id = 15 AND surface = 'Tessit' \gset
SELECT version AS v2 FROM toggle_state \gset
INSERT INTO toggle_calls VALUES (:client_id, :v1, :v2, :found);
SQL
  cat >"$dir/read_rr.sql" <<'SQL'
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT 1;
\sleep 2 ms
SELECT version AS v1 FROM toggle_state \gset
SELECT count(*) AS found FROM sahel_news.annotate('Fighters were seen near Tessit and Djallo.') WHERE place_id = 15 AND surface = 'Tessit' \gset
COMMIT;
SELECT version AS v2 FROM toggle_state \gset
INSERT INTO toggle_calls VALUES (:client_id, :v1, :v2, :found);
SQL
  "$SN_BINDIR/pgbench" -n -d "$db" -c 1 -R 100 -T "$seconds" -f "$dir/toggle.sql" >"$dir/toggle.log" 2>&1 &
  local toggler=$!
  "$SN_BINDIR/pgbench" -n -d "$db" -c "$clients" -j "$clients" -T "$seconds" -f "$dir/read.sql" -f "$dir/read_rr.sql" >"$dir/read.log" 2>&1
  local rc=$?
  wait "$toggler" || rc=1
  if [ $rc -ne 0 ]; then cat "$dir/toggle.log" "$dir/read.log"; rm -rf "$dir"; return 1; fi
  out=$("$SN_BINDIR/psql" -X -At -F ' ' -d "$db" -c "
    SELECT count(*) FILTER (WHERE v1 = v2 AND found <> (v1 % 2)),
           count(*) FILTER (WHERE v1 = v2), count(*), (SELECT version FROM toggle_state)
    FROM toggle_calls") || { rm -rf "$dir"; return 1; }
  read -r TOGGLE_WRONG TOGGLE_JUDGED TOGGLE_CALLS TOGGLE_CHANGES <<<"$out"
  echo "annotate() calls: $TOGGLE_CALLS by $clients clients in $seconds s; judged (no change around the call): $TOGGLE_JUDGED; wrong: $TOGGLE_WRONG; name changes: $TOGGLE_CHANGES"
  grep -E "^tps" "$dir/read.log" | head -1
  "$SN_BINDIR/psql" -X -q -d "$db" -c "DELETE FROM sahel_news.place_names WHERE place_id = 15 AND name = 'Tessit'" \
    -c "DROP TABLE toggle_state, toggle_calls" -c "DROP FUNCTION toggle_tessit()"
  rm -rf "$dir"
}
