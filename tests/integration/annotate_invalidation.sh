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

before=$(in_a "$query") || exit 1
builds_before=$(in_a "SELECT builds FROM sahel_news.annotate_gazetteer_info();") || exit 1
check "session A before the change" "Djallo=15" "$(printf '%s' "$before" | tr -d '\n')"

# Session B adds a name, in a transaction of its own that commits.
sql "$db" -c "INSERT INTO sahel_news.place_names (place_id, name, lang) VALUES (15, 'Tessit', NULL)" || exit 1
after=$(in_a "$query") || exit 1
check "session A sees the name session B added" "Tessit=15 Djallo=15" "$(printf '%s' "$after" | tr -d '\n')"
builds_after=$(in_a "SELECT builds || ' ' || deltas || ' ' || delta_added FROM sahel_news.annotate_gazetteer_info();") || exit 1
check "session A applied the change as a delta, without a rebuild" "$builds_before 1 1" "$(printf '%s' "$builds_after" | tr -d '\n')"

# An uncommitted change is not seen; a rolled-back one never is.
sql "$db" -c "BEGIN; DELETE FROM sahel_news.place_names WHERE name = 'Tessit'; SELECT pg_sleep(0); ROLLBACK;" >/dev/null || exit 1
again=$(in_a "$query") || exit 1
check "a rolled-back delete changes nothing" "Tessit=15 Djallo=15" "$(printf '%s' "$again" | tr -d '\n')"

# Session B removes it again.
sql "$db" -c "DELETE FROM sahel_news.place_names WHERE name = 'Tessit'" || exit 1
gone=$(in_a "$query") || exit 1
check "session A no longer sees the removed name" "Djallo=15" "$(printf '%s' "$gone" | tr -d '\n')"

# Without changes, the gazetteer is not rebuilt.
b1=$(in_a "SELECT builds FROM sahel_news.annotate_gazetteer_info();") || exit 1
in_a "$query" >/dev/null || exit 1
b2=$(in_a "SELECT builds FROM sahel_news.annotate_gazetteer_info();") || exit 1
check "no rebuild without a change" "$b1" "$b2"
exit $fail
