#!/usr/bin/env bash
# tests/integration/annotate_privileges.sh — annotate() returns only what the
# calling role may read, in one session whose role changes (SET ROLE, as a
# pooler or security-definer code does):
#   - a row-level security policy hides a place and a name from a role:
#     annotate() as that role finds neither, while the superuser, before and
#     after, finds both (the cache of one role never serves another);
#   - a role without SELECT on the tables gets PostgreSQL's 42501;
#   - a role whose membership in sahel_news_reader is revoked loses access at
#     once, although its gazetteer was cached.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
db=sn_annotate_privileges
roles=(sn_analyst_rls sn_outsider sn_revoked)
. "$SN_ROOT/tests/lib/session.sh"
cleanup() {
  sql postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  for r in "${roles[@]}"; do sql postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1; done
}
cleanup
trap cleanup EXIT
sql postgres -c "CREATE DATABASE $db" || exit 1
sql "$db" <<'SQL' || exit 1
CREATE EXTENSION sahel_news;
CREATE ROLE sn_analyst_rls IN ROLE sahel_news_reader;
CREATE ROLE sn_outsider;
GRANT USAGE ON SCHEMA sahel_news TO sn_outsider;
CREATE ROLE sn_revoked IN ROLE sahel_news_reader;
-- Tessit is a name of Djallo (15) that sn_analyst_rls may not see, and the
-- place Niamey (16) is hidden from it altogether.
INSERT INTO sahel_news.place_names (place_id, name) VALUES (15, 'Tessit');
ALTER TABLE sahel_news.place_names ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone ON sahel_news.place_names FOR SELECT USING (current_user <> 'sn_analyst_rls' OR name <> 'Tessit');
ALTER TABLE sahel_news.places ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone ON sahel_news.places FOR SELECT USING (current_user <> 'sn_analyst_rls' OR id <> 16);
SQL

. "$SN_ROOT/tests/lib/check.sh"
text="Fighters left Tessit for Niamey and Djallo."
q="SELECT coalesce(string_agg(surface || '=' || coalesce(place_id::text, '-'), ' ' ORDER BY start_pos), '') FROM sahel_news.annotate('$text') WHERE kind = 'place';"
info="SELECT per_query FROM sahel_news.annotate_gazetteer_info();"

# The statements of the standard input in one new session: each answer a
# line of the array a.
answers() {
  local out
  out=$(sql "$db" 2>&1) || { echo "$out"; exit 1; }
  mapfile -t a <<<"$out"
}

# One session for the whole sequence.
answers <<SQL
$q
SET ROLE sn_analyst_rls;
$q
$info
RESET ROLE;
$q
$info
SET ROLE sn_analyst_rls;
$q
RESET ROLE;
SQL
check "superuser: every name" "Tessit=15 Niamey=16 Djallo=15" "${a[0]}"
check "role under row-level security: no hidden name nor hidden place" "Djallo=15" "${a[1]}"
check "its gazetteer is built for each query, not kept" "t" "${a[2]}"
check "superuser again: the restricted gazetteer did not replace its own" "Tessit=15 Niamey=16 Djallo=15" "${a[3]}"
check "the superuser's gazetteer is kept" "f" "${a[4]}"
check "role under row-level security again" "Djallo=15" "${a[5]}"

# A gazetteer first built by a role that sees less never serves the superuser.
answers <<SQL
SET ROLE sn_analyst_rls;
$q
RESET ROLE;
$q
SQL
check "new session, restricted role first" "Djallo=15" "${a[0]}"
check "then the superuser gets every name" "Tessit=15 Niamey=16 Djallo=15" "${a[1]}"

# No SELECT on the tables: PostgreSQL's own error, in whatever order.
out=$(sql "$db" -v VERBOSITY=verbose 2>&1 <<SQL
$q
SET ROLE sn_outsider;
$q
SQL
)
case "$out" in
  *42501*"permission denied for "*) echo "ok: a role that may not read the tables gets 42501" ;;
  *) echo "FAILED: a role without SELECT: $out"; fail=1 ;;
esac

# Revoked membership: the cached gazetteer no longer answers.
sql "$db" -c "ALTER TABLE sahel_news.place_names DISABLE ROW LEVEL SECURITY" \
  -c "ALTER TABLE sahel_news.places DISABLE ROW LEVEL SECURITY" || exit 1
coproc S { stdbuf -oL "$SN_BINDIR/psql" -X -q -At -v VERBOSITY=verbose -d "$db" 2>&1; }
in_s() { sn_session_ask "${S[1]}" "${S[0]}" "$1"; }
in_s "SET ROLE sn_revoked;" >/dev/null
got=$(in_s "$q")
got=${got%%$'\n'*}
check "a reader's answer, cached" "Tessit=15 Niamey=16 Djallo=15" "$got"
sql "$db" -c "REVOKE sahel_news_reader FROM sn_revoked" || exit 1
got=$(in_s "$q")
case "$got" in
  *42501*) echo "ok: after REVOKE the same session gets 42501" ;;
  *) echo "FAILED: after REVOKE: $got"; fail=1 ;;
esac
exec {S[1]}>&-
wait
exit $fail
