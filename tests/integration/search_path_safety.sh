#!/usr/bin/env bash
# tests/integration/search_path_safety.sh — the usage the README documents
# cannot be hijacked through a schema others can write.
#
# A role with CREATE on public (the default before PostgreSQL 15, and still
# common) plants public.troop_strength(text, text, text).  With public in the
# search_path, the untyped literals of troop_strength('FRA', 'MLI',
# '2022-06-01') match the planted text version exactly and it runs as the
# caller.  The README says SET search_path = sahel_news: then the extension's
# function runs.  The README and docs must not recommend public in the path.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
: "${SN_ROOT:?SN_ROOT must be set (run through tests/run)}"
db=sn_search_path
su() { "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  su -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null
  su -d postgres -c "DROP ROLE IF EXISTS sn_planter" 2>/dev/null
}
cleanup
trap cleanup EXIT
. "$SN_ROOT/tests/lib/check.sh"

su -d postgres -c "CREATE DATABASE $db" -c "CREATE ROLE sn_planter LOGIN" || exit 1
su -d "$db" -c "CREATE EXTENSION sahel_news" -c "GRANT CREATE ON SCHEMA public TO sn_planter" || exit 1
"$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -U sn_planter -d "$db" <<'SQL' || exit 1
CREATE FUNCTION public.troop_strength(text, text, text) RETURNS text
LANGUAGE sql AS $$ SELECT 'planted code ran as ' || current_user $$;
SQL

# The README's usage, as a superuser would type it.
got=$(su -d "$db" -c "SET search_path = sahel_news" \
        -c "SELECT troop_strength('FRA', 'MLI', '2022-06-01') || ' ' || pg_typeof(troop_strength('FRA', 'MLI', '2022-06-01'))")
check "the documented usage runs the extension's troop_strength" "~2400 estimate" "$got"

# The control: with public in the path the planted function wins (why the
# README must not put it there).  It only reports who ran it.
got=$(su -d "$db" -c "SET search_path = sahel_news, public" -c "SELECT troop_strength('FRA', 'MLI', '2022-06-01')")
check "with public in the search_path the planted function would run" "planted code ran as postgres" "$got"

# Typed or qualified calls are safe whatever the path.
got=$(su -d "$db" -c "SET search_path = public, sahel_news" \
        -c "SELECT sahel_news.troop_strength('FRA'::sahel_news.country, 'MLI'::sahel_news.country, date '2022-06-01')")
check "a qualified, typed call runs the extension's function" "~2400" "$got"

# What drivers send (docs/reference/clients.md): pgjdbc's setString is varchar, its
# setDate an untyped date; the documented calls are qualified.  The planter
# adds the overloads that would match those parameters best, and an
# operator on edtf: with public first in the path, the documented calls still
# run the extension's code.  (The planter is a colleague who reads the data.)
su -d "$db" -c "GRANT sahel_news_reader TO sn_planter" || exit 1
"$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -U sn_planter -d "$db" <<'SQL' || exit 1
CREATE FUNCTION public.troop_strength(varchar, varchar, text) RETURNS text
LANGUAGE sql AS $$ SELECT 'planted code ran as ' || current_user $$;
CREATE FUNCTION public.planted_overlaps(sahel_news.edtf, text) RETURNS boolean
LANGUAGE sql AS $$ SELECT true $$;
CREATE OPERATOR public.&& (LEFTARG = sahel_news.edtf, RIGHTARG = text, FUNCTION = public.planted_overlaps);
SQL
got=$(su -d "$db" -c "SET search_path = public, sahel_news" \
        -c "PREPARE q(varchar, varchar, unknown) AS SELECT sahel_news.troop_strength(\$1, \$2, \$3)" \
        -c "EXECUTE q('FRA', 'MLI', '2022-06-01 +00')")
check "pgjdbc's parameters to the qualified troop_strength run the extension's" "~2400" "$got"
got=$(su -d "$db" -c "SET search_path = public" \
        -c "PREPARE q(unknown) AS SELECT count(*) FROM sahel_news.events e WHERE e.sample AND e.occurred OPERATOR(sahel_news.&&) \$1" \
        -c "EXECUTE q('2022-08-13 +00')")
check "the documented OPERATOR(sahel_news.&&) is the extension's" "3" "$got"
got=$(su -d "$db" -c "SET search_path = public" \
        -c "SELECT count(*) FROM sahel_news.events e WHERE e.sample AND e.occurred && '2022-08-13 +00'")
check "the control: a bare && with public in the path finds the planted operator" "12" "$got"

# No documentation recommends public in the search_path.
hits=$(grep -rn "search_path *= *sahel_news, *public\|search_path *TO *sahel_news, *public" "$SN_ROOT/README.md" "$SN_ROOT/docs" 2>/dev/null | wc -l)
check "README and docs never put public in the search_path" 0 "$hits"
exit $fail
