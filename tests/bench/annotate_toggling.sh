#!/usr/bin/env bash
# tests/bench/annotate_toggling.sh — the staleness check of
# tests/integration/annotate_toggling.sh at full length: 4 clients for 60 s,
# the name Tessit toggled every 10 ms; the figure is the number of wrong
# answers (must be 0).  Run by tests/bench/run (PGDATABASE is set there).
set -uo pipefail
. "$SN_ROOT/tests/lib/annotate_toggling.sh"
export PGOPTIONS="-c client_min_messages=warning"
sn_annotate_toggling "$PGDATABASE" "${SN_TOGGLE_SECONDS:-60}" 4 || exit 1
"$SN_BINDIR/psql" -X -q -d "$PGDATABASE" -c "INSERT INTO bench.results (benchmark, note) VALUES
  ('annotate while a name toggles every 10 ms (4 clients, ${SN_TOGGLE_SECONDS:-60} s)',
   '$TOGGLE_WRONG wrong of $TOGGLE_JUDGED judged calls ($TOGGLE_CALLS calls, $TOGGLE_CHANGES changes)')"
[ "$TOGGLE_WRONG" -eq 0 ]
