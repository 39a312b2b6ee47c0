#!/usr/bin/env bash
# tests/integration/annotate_toggling.sh — annotate() is never stale while a
# name changes every 10 ms: 4 pgbench clients call it for 10 s, and not one
# answer may be wrong (tests/lib/annotate_toggling.sh says how answers are
# judged).  tests/bench/annotate_toggling.sh runs the same for 60 s.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
: "${SN_ROOT:?SN_ROOT must be set (run through tests/run)}"
. "$SN_ROOT/tests/lib/annotate_toggling.sh"
db=sn_annotate_toggling
psql() { "$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 1
trap 'psql -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
psql -d "$db" -c "CREATE EXTENSION sahel_news" || exit 1
export PGOPTIONS="-c client_min_messages=warning"

sn_annotate_toggling "$db" "${SN_TOGGLE_SECONDS:-10}" 4 || exit 1
[ "$TOGGLE_JUDGED" -gt 100 ] || { echo "FAILED: only $TOGGLE_JUDGED calls could be judged"; exit 1; }
[ "$TOGGLE_CHANGES" -gt 100 ] || { echo "FAILED: only $TOGGLE_CHANGES name changes"; exit 1; }
[ "$TOGGLE_WRONG" -eq 0 ] || { echo "FAILED: $TOGGLE_WRONG wrong answers"; exit 1; }
echo "ok: 0 wrong answers"
