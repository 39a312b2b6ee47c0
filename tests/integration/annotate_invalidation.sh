#!/usr/bin/env bash
# tests/integration/annotate_invalidation.sh — annotate() in one session sees,
# at its next call, a name that another session added to place_names (and no
# longer sees it once removed), without reconnecting: the gazetteer cached in
# the first session is invalidated by the other session's commit.
set -uo pipefail
db=sn_annotate_invalidation
. "$SN_ROOT/tests/lib/session.sh"
sn_session_db "$db" || exit 1

# Session A: one psql kept open for the whole test.
sn_session_open "$db"

text="Fighters were seen near Tessit and Djallo."
query="SELECT string_agg(surface || '=' || coalesce(place_id::text, '-'), ' ' ORDER BY start_pos) FROM sahel_news.annotate('$text');"
. "$SN_ROOT/tests/lib/check.sh"

check_a "session A before the change" "Djallo=15" "$query"
builds_before=$(a_line "SELECT builds FROM sahel_news.annotate_gazetteer_info();") || exit 1

# Session B adds a name, in a transaction of its own that commits.
sql "$db" -c "INSERT INTO sahel_news.place_names (place_id, name, lang) VALUES (15, 'Tessit', NULL)" || exit 1
check_a "session A sees the name session B added" "Tessit=15 Djallo=15" "$query"
check_a "session A applied the change as a delta, without a rebuild" "$builds_before 1 1" \
  "SELECT builds || ' ' || deltas || ' ' || delta_added FROM sahel_news.annotate_gazetteer_info();"

# An uncommitted change is not seen; a rolled-back one never is.
sql "$db" -c "BEGIN; DELETE FROM sahel_news.place_names WHERE name = 'Tessit'; SELECT pg_sleep(0); ROLLBACK;" >/dev/null || exit 1
check_a "a rolled-back delete changes nothing" "Tessit=15 Djallo=15" "$query"

# Session B removes it again.
sql "$db" -c "DELETE FROM sahel_news.place_names WHERE name = 'Tessit'" || exit 1
check_a "session A no longer sees the removed name" "Djallo=15" "$query"

# Without changes, the gazetteer is not rebuilt.
b1=$(a_line "SELECT builds FROM sahel_news.annotate_gazetteer_info();") || exit 1
in_a "$query" >/dev/null || exit 1
check_a "no rebuild without a change" "$b1" "SELECT builds FROM sahel_news.annotate_gazetteer_info();"
exit $fail
