# tests/lib/session.sh — for integration tests that keep a psql session open
# while other sessions change the database (sourced; needs SN_BINDIR).
#
#   sn_session_ask IN OUT SQL   send SQL to the session whose input is the
#                               descriptor IN and output OUT (a coproc's
#                               [1] and [0]) and print what it answers, up
#                               to a marker line; 1 when it does not answer
#                               within 60 s.  Call it in the script's shell
#                               or a command substitution, not in a
#                               pipeline (whose subshell lacks the coproc's
#                               descriptors).
#   sn_session_db DB [SQL...]   (re)create database DB with sahel_news and
#                               run each SQL in it; the script's EXIT trap
#                               closes coproc A, waits and drops DB.
#   sn_session_open DB          start coproc A: one psql on DB, kept open
#                               for the whole test (unaligned, tuples only).
#   in_a SQL                    sn_session_ask on session A.
#   a_line SQL                  in_a, the answer's lines joined into one.
#   check_a LABEL EXPECTED SQL  check (tests/lib/check.sh) that session A
#                               answers SQL with EXPECTED (on one line).

sn_session_ask() {
  local in=$1 out=$2 line res=""
  printf '%s\n\\echo __done__\n' "$3" >&"$in"
  while IFS= read -r -t 60 line <&"$out"; do
    [ "$line" = "__done__" ] && { printf '%s' "$res"; return 0; }
    res+="$line"$'\n'
  done
  echo "the session did not answer" >&2
  return 1
}

sql() { "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$@"; }

sn_session_db() {
  local db=$1 s args=()
  shift
  sql postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" \
    -c "CREATE DATABASE $db" || return 1
  trap 'exec {A[1]}>&- 2>/dev/null; wait; sql postgres -c "DROP DATABASE IF EXISTS '"$db"'" >/dev/null 2>&1' EXIT
  for s in "CREATE EXTENSION sahel_news" "$@"; do args+=(-c "$s"); done
  sql "$db" "${args[@]}"
}

sn_session_open() {
  coproc A { stdbuf -oL "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$1" 2>&1; }
}

in_a() { sn_session_ask "${A[1]}" "${A[0]}" "$1"; }

a_line() { local v; v=$(in_a "$1") || return 1; printf '%s' "${v//$'\n'/}"; }

check_a() { check "$1" "$2" "$(a_line "$3")"; }
