#!/usr/bin/env bash
# tests/integration/upgrade.sh — a database made with the released version 0.1
# and holding a user's rows, brought forward with ALTER EXTENSION sahel_news
# UPDATE, is the same as a fresh install of the current version given the same
# rows, the way PostGIS tests its upgrades:
#   - the catalog (upgrade_catalog.sql): every member object, the whole
#     definition of every function, table, column, constraint, index, trigger,
#     policy, view, type, operator, operator class and cast, every comment,
#     owner and privilege (also pg_init_privs, which pg_dump reads), and the
#     tables pg_dump dumps with their filters;
#   - the rows (upgrade_rows.sql): every row of every table, shipped and the
#     user's, and where each sequence stands.
# Then a planted change (a column added to events in a copy of the install
# pieces, with no hand-written migration) must make the generated update fail:
# the check that the rule of docs/internals/upgrades.md is enforced, not just documented.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
: "${SN_ROOT:?SN_ROOT must be set}"
here=$(cd "$(dirname "$0")" && pwd)
psql() { "$SN_BINDIR/psql" -X -v ON_ERROR_STOP=1 -q "$@"; }

old=sn_upgrade_old new=sn_upgrade_new planted=sn_upgrade_planted
extdir=$("$SN_BINDIR/pg_config" --sharedir)/extension
planted_script=$extdir/sahel_news--0.1--0.2-planted.sql
work=
cleanup() {
  for db in $old $new $planted; do psql -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null; done
  rm -f "$planted_script"
  [ -n "$work" ] && rm -rf "$work"
}
cleanup
work=$(mktemp -d "${TMPDIR:-/tmp}/sn_upgrade.XXXXXX")
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The rows a user of 0.1 had (user_rows_0.1.sql).
user_rows() {
  psql -d "$1" -f "$SN_ROOT/tests/integration/user_rows_0.1.sql"
}

# 0.1 with the user's rows, updated
psql -d postgres -c "CREATE DATABASE $old" || fail "cannot create $old"
psql -d $old -c "CREATE EXTENSION sahel_news VERSION '0.1'" || fail "CREATE EXTENSION sahel_news VERSION '0.1'"
user_rows $old || fail "inserting the user's rows under 0.1"
path=$(psql -d $old -At -c "SELECT path FROM pg_extension_update_paths('sahel_news') WHERE source = '0.1' AND target = (SELECT default_version FROM pg_available_extensions WHERE name = 'sahel_news')")
[ -n "$path" ] || fail "no update path from 0.1 to the default version"
echo "update path: $path"
psql -d $old -c "ALTER EXTENSION sahel_news UPDATE" || fail "ALTER EXTENSION sahel_news UPDATE from 0.1"

# a fresh install with the same rows
psql -d postgres -c "CREATE DATABASE $new" || fail "cannot create $new"
psql -d $new -c "CREATE EXTENSION sahel_news" || fail "CREATE EXTENSION sahel_news"
user_rows $new || fail "inserting the user's rows under the current version"

status=0
for what in catalog rows; do
  for db in $old $new; do
    psql -d $db -f "$here/upgrade_$what.sql" >"$work/$what.$db" || fail "upgrade_$what.sql on $db"
  done
  n=$(wc -l <"$work/$what.$new")
  if diff -u --label "updated from 0.1" --label "fresh install" "$work/$what.$old" "$work/$what.$new" >"$work/$what.diff"; then
    echo "ok: the $what of the updated database and of a fresh install are the same ($n lines)"
  else
    echo "FAIL: the $what of the updated database differ from a fresh install's (- updated, + fresh):"
    head -n 200 "$work/$what.diff"
    status=1
  fi
done
[ $status -eq 0 ] || exit 1

# the user's rows came through the update and still work
psql -d $old -At -c "SELECT count(*) FROM sahel_news.events_near('14.53, -4.10', 10000) e WHERE e.summary = 'a test clash'" \
  >"$work/near" || fail "events_near() after the update"
[ "$(cat "$work/near")" = 1 ] || fail "events_near() after the update finds $(cat "$work/near") user events, not 1"
echo "ok: the user's event is found by events_near() after the update"

# A planted change with no migration: a column added to events in a copy of
# the pieces.  The generated update then re-creates events and fails.
mkdir -p "$work/sql" "$work/migrations"
cp "$SN_ROOT"/extension/sql/*.sql "$work/sql/"
cp "$SN_ROOT"/extension/upgrade/0.1--0.2/*.sql "$work/migrations/" 2>/dev/null
grep -q '^  summary text,$' "$work/sql/100_model_tables.sql" || fail "the planted change's anchor (events.summary) is gone: update this test"
sed -i 's/^  summary text,$/  summary text,\n  planted_column text,/' "$work/sql/100_model_tables.sql"
if gen=$(perl "$SN_ROOT/extension/upgrade/generate" "$SN_ROOT/extension/upgrade/sahel_news--0.1.sql" "$work/migrations" \
       $(LC_ALL=C ls "$work"/sql/*.sql) $(LC_ALL=C ls "$SN_ROOT"/extension/data/*.sql) 2>&1 >"$planted_script"); then
  # generated: then the update itself must fail
  psql -d postgres -c "CREATE DATABASE $planted" || fail "cannot create $planted"
  psql -d $planted -c "CREATE EXTENSION sahel_news VERSION '0.1'" || fail "CREATE EXTENSION VERSION '0.1' ($planted)"
  if out=$(psql -d $planted -c "ALTER EXTENSION sahel_news UPDATE TO '0.2-planted'" 2>&1); then
    fail "a column planted in CREATE TABLE events without a migration went through the update unnoticed"
  fi
  echo "ok: a planted change without a migration stops the update: $out"
else
  printf '%s\n' "$gen" | grep -q 'CREATE TABLE @extschema@.events (' ||
    fail "generating the planted update failed, but not on events: $gen"
  echo "ok: a planted change without a migration stops the build of the update script:"
  printf '%s\n' "$gen" | sed 's/^/    /'
fi
exit 0
