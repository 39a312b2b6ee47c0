#!/usr/bin/env bash
# tests/integration/demo_tcp.sh — `tests/demo --keep --tcp=PORT` leaves a demo
# cluster listening on 127.0.0.1:PORT: the login role analyst connects over
# TCP with its password and reads sahel_news_bi (what the JDBC URL it prints
# does), a wrong password and the superuser are refused over TCP, and the
# printed stop command stops it.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
: "${SN_ROOT:?SN_ROOT must be set (run through tests/run)}"
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
. "$SN_ROOT/tests/lib/check.sh"

out=$(env -u PGHOST -u PGPORT -u PGDATABASE -u SN_TMP "$SN_ROOT/tests/demo" --keep --tcp="$port" </dev/null 2>&1)
rc=$?
stop=$(sed -n 's/^stop: *//p' <<<"$out")
trap '[ -n "$stop" ] && eval "$stop" >/dev/null 2>&1' EXIT
[ $rc -eq 0 ] || { tail -n 20 <<<"$out"; echo "FAILED: tests/demo --keep --tcp=$port exited $rc"; exit 1; }
grep -F "JDBC:    jdbc:postgresql://127.0.0.1:$port/sahel_demo?currentSchema=sahel_news_bi,sahel_news&user=analyst&password=analyst" <<<"$out" >/dev/null &&
  echo "ok: the demo prints its JDBC URL" || { echo "FAILED: no JDBC URL printed"; fail=1; }

tcp() { "$SN_BINDIR/psql" -X -q -At -h 127.0.0.1 -p "$port" -d sahel_demo "$@" 2>&1; }
check "analyst reads sahel_news_bi over TCP" "t" \
  "$(PGPASSWORD=analyst tcp -U analyst -c "SET search_path = sahel_news_bi, sahel_news" -c "SELECT count(*) >= 12 FROM bi_events")"
got=$(PGPASSWORD=wrong tcp -U analyst -c "SELECT 1")
check "a wrong password is refused" "password authentication failed" "$(grep -o 'password authentication failed' <<<"$got" | head -n 1)"
got=$(PGPASSWORD= tcp -U postgres -w -c "SELECT 1")
check "the superuser cannot log in over TCP" "fe_sendauth: no password supplied" "$(grep -o 'fe_sendauth: no password supplied' <<<"$got" | head -n 1)"

eval "$stop" >/dev/null 2>&1; stop=
got=$(PGPASSWORD=analyst tcp -U analyst -c "SELECT 1" | grep -c 'Connection refused')
check "the printed stop command stops it" "1" "$got"
exit $fail
