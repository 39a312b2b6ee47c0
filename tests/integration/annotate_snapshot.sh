#!/usr/bin/env bash
# tests/integration/annotate_snapshot.sh — annotate()'s gazetteer is never
# left stale by a transaction whose snapshot predates a change.
#
# Session A opens a REPEATABLE READ transaction and takes its snapshot;
# session B adds the name Tessit and commits; A then receives B's
# invalidation (at its next lock) and calls annotate().  A gazetteer built
# under A's snapshot would lack Tessit and, marked valid, keep lacking it in
# A's later transactions, until the next change.  The same with a READ
# COMMITTED transaction of several statements, and for a removed name.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
db=sn_annotate_snapshot
. "$SN_ROOT/tests/lib/session.sh"
sn_session_db "$db" "CREATE TABLE other (x int)" || exit 1

sn_session_open "$db"
. "$SN_ROOT/tests/lib/check.sh"
query="SELECT string_agg(surface || '=' || coalesce(place_id::text, '-'), ' ' ORDER BY start_pos) FROM sahel_news.annotate('Fighters were seen near Tessit and Djallo.') WHERE kind = 'place';"

# step_a SQL LABEL EXPECTED: session A runs SQL (the test ends if it does
# not answer), then its annotate() finds the places EXPECTED.
step_a() { in_a "$1" >/dev/null || exit 1; check_a "$2" "$3" "$query"; }

check_a "A before any change" "Djallo=15" "$query"

# REPEATABLE READ: A's snapshot is taken, then B adds the name.
in_a "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1;" >/dev/null || exit 1
sql "$db" -c "INSERT INTO sahel_news.place_names (place_id, name) VALUES (15, 'Tessit')" || exit 1
# a first lock in A's transaction takes B's invalidation
step_a "SELECT count(*) FROM other;" \
  "A in its REPEATABLE READ transaction: the gazetteer has every committed name" "Tessit=15 Djallo=15"
step_a "COMMIT;" "A after that transaction still sees the name B added" "Tessit=15 Djallo=15"

# The same for a removal, in a READ COMMITTED transaction of several
# statements (A holds its locks already: nothing else makes it read B's
# invalidation before annotate() does).
step_a "BEGIN; SELECT count(*) FROM other;" "A in a new transaction" "Tessit=15 Djallo=15"
sql "$db" -c "DELETE FROM sahel_news.place_names WHERE name = 'Tessit'" || exit 1
check_a "A, later in the same READ COMMITTED transaction, no longer sees the removed name" \
  "Djallo=15" "$query"
step_a "COMMIT;" "A after it" "Djallo=15"

# A's own uncommitted change is seen in its transaction, and forgotten when
# it rolls back.
step_a "BEGIN; INSERT INTO sahel_news.place_names (place_id, name) VALUES (15, 'Tessit');" \
  "A sees its own uncommitted name" "Tessit=15 Djallo=15"
step_a "ROLLBACK;" "and not after rolling it back" "Djallo=15"
exit $fail
