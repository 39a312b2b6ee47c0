# tests/lib/clients.sh — shared by tests/integration/clients_*.sh and
# postgis_bridge.sh: the Debian packages a client test needs, the snippets of
# docs/reference/clients.md, a TCP port for clients that speak TCP only (JDBC), a
# database with the sample and a reader who logs in, running a client program
# and the checks of its output that several clients share.
#
# Source it from an integration script (run by tests/run, which exports
# SN_ROOT, SN_BINDIR, SN_TMP, PG_CONFIG and the PG* variables).
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
: "${SN_ROOT:?SN_ROOT must be set (run through tests/run)}"
. "$SN_ROOT/tests/lib/common.sh"

SN_CLIENTS_DOC=$SN_ROOT/docs/reference/clients.md

# sn_client_packages PKG...: install what is missing (as root, through
# sn_install_packages) or exit 77 saying which package is missing.  Files the
# packages add to PostgreSQL's directories (PostGIS's extension) are copied into
# the private installation the cluster runs from.
sn_client_packages() {
  local pkg missing=()
  ( sn_install_packages "$@" ) >/dev/null 2>&1
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "SKIP: Debian package(s) ${missing[*]} not installed and could not be installed (apt-get install ${missing[*]})"
    exit 77
  fi
  local dir
  for dir in "$("$PG_CONFIG" --sharedir)" "$("$PG_CONFIG" --pkglibdir)"; do
    cp -a -n "$dir/." "$SN_TMP/install$dir/"
  done
}

# sn_snippet NAME: the fenced code block that follows "<!-- snippet: NAME -->"
# in docs/reference/clients.md (empty when there is none).
sn_snippet() {
  awk -v name="$1" '
    $0 == "<!-- snippet: " name " -->" { want = 1; next }
    want && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$SN_CLIENTS_DOC"
}

# sn_snippet_to NAME FILE: the snippet, with the demo's connection (127.0.0.1:5433,
# database sahel_demo, password analyst) replaced by this test's; fails when
# the snippet is missing.
sn_snippet_to() {
  local text
  text=$(sn_snippet "$1")
  [ -n "$text" ] || { echo "FAIL: no snippet '$1' in docs/reference/clients.md"; return 1; }
  printf '%s\n' "$text" |
    sed -e "s/127\.0\.0\.1:5433/127.0.0.1:$SN_CLIENT_PORT/g" -e "s/port=5433/port=$SN_CLIENT_PORT/g" \
        -e "s/sahel_demo/$SN_CLIENT_DB/g" > "$2"
}

# sn_client_db NAME: a fresh database with the sample and the login role
# analyst (password analyst, a reader), as tests/demo --tcp makes them;
# dropped when the script exits.  SN_CLIENT_DB names it.
sn_client_db() {
  SN_CLIENT_DB=$1
  "$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d postgres \
    -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $SN_CLIENT_DB" -c "CREATE DATABASE $SN_CLIENT_DB" >/dev/null || return 1
  "$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$SN_CLIENT_DB" -c "CREATE EXTENSION sahel_news" >/dev/null || return 1
  "$SN_BINDIR/psql" -X -q -d postgres -c "CREATE ROLE analyst LOGIN PASSWORD 'analyst' IN ROLE sahel_news_reader" >/dev/null 2>&1
  SN_CLEANUP+=("$SN_BINDIR/psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS $SN_CLIENT_DB' -c 'DROP ROLE IF EXISTS analyst'")
}

# sn_client_run WHAT COMMAND...: run a client program; its output is shown
# indented and kept in SN_OUT; 1 when it fails (after saying so).
sn_client_run() {
  local what=$1 rc
  shift
  SN_OUT=$("$@" 2>&1)
  rc=$?
  printf '%s\n' "$SN_OUT" | sed 's/^/  | /'
  [ $rc -eq 0 ] || { echo "FAILED: $what exited $rc"; return 1; }
}

# sn_expect_day_filter OUTPUT: a date parameter filtered bi_events to the 2
# events of 2022-08-13 (lines "bi_events on 2022-08-13: ...").
sn_expect_day_filter() {
  local n
  n=$(grep -c "^bi_events on 2022-08-13: " <<<"$1")
  [ "$n" = 2 ] && echo "ok: a date parameter filters bi_events (2 events on 2022-08-13)" ||
    { echo "FAILED: $n events on 2022-08-13, expected 2"; SN_FAIL=1; }
}

# sn_expect_views OUTPUT: OUTPUT has a line "view NAME: N rows" for every view
# of sahel_news_bi, N as psql counts it.
sn_expect_views() {
  local view n
  for view in $("$SN_BINDIR/psql" -X -At -d "$SN_CLIENT_DB" -c \
                "SELECT relname FROM pg_class WHERE relnamespace = 'sahel_news_bi'::regnamespace ORDER BY 1"); do
    n=$("$SN_BINDIR/psql" -X -At -d "$SN_CLIENT_DB" -c "SELECT count(*) FROM sahel_news_bi.$view")
    sn_expect "reads $view ($n rows)" "^view $view: $n rows\$" "$1"
  done
}

# sn_client_tcp: a TCP port on 127.0.0.1 relayed to the cluster's Unix socket,
# for clients that speak TCP only (pgjdbc), without restarting the shared
# cluster.  SN_CLIENT_PORT names it; the relay stops when the script exits.
sn_client_tcp() {
  local sock="$PGHOST/.s.PGSQL.$PGPORT"
  SN_CLIENT_PORT=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  /usr/bin/python3 "$SN_ROOT/tests/clients/tcp_relay.py" 127.0.0.1 "$SN_CLIENT_PORT" "$sock" &
  SN_RELAY_PID=$!
  SN_CLEANUP+=("kill $SN_RELAY_PID")
  local i
  for i in $(seq 1 50); do
    /usr/bin/python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 1).close()" "$SN_CLIENT_PORT" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "FAIL: the TCP relay did not start"; return 1
}

SN_CLEANUP=()
sn_client_cleanup() {
  local c
  for c in "${SN_CLEANUP[@]+"${SN_CLEANUP[@]}"}"; do eval "$c" >/dev/null 2>&1; done
}
trap sn_client_cleanup EXIT

# sn_expect LABEL PATTERN TEXT: TEXT has a line matching the extended regexp.
SN_FAIL=0
sn_expect() {
  if grep -Eq -- "$2" <<<"$3"; then echo "ok: $1"; else echo "FAILED: $1: no line matches /$2/"; SN_FAIL=1; fi
}
