#!/usr/bin/env bash
# tests/integration/encoding.sh — the extension in databases that are not
# UTF-8: the install script (UTF-8) is converted to the database's encoding,
# so the shipped names are either stored correctly or CREATE EXTENSION fails
# with an error that names the character; never is UTF-8 read as Latin-1
# ("français" stored as "franÃ§ais", and French names never found).
#
#   LATIN1     cannot hold every shipped name (an en dash, typographic
#              quotes): CREATE EXTENSION fails with 22P05 and leaves nothing.
#              (Should the script one day hold only Latin-1 characters, the
#              install must succeed with correct text: both are accepted.)
#   WIN1252    holds them all: the names are correct, annotate() finds them.
#   SQL_ASCII  no conversion: the names keep their UTF-8 bytes, which
#              annotate() reads as UTF-8.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
psql() { "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

dbs=(sn_enc_latin1 sn_enc_win1252 sn_enc_sql_ascii)
drop_all() { for d in "${dbs[@]}"; do psql -d postgres -c "DROP DATABASE IF EXISTS $d" 2>/dev/null; done; }
drop_all
trap drop_all EXIT

. "$SN_ROOT/tests/lib/check.sh"

# The UTF-8 bytes of "français" (a demonym of France in place_names) and of
# "Mali–Niger border" (an alias with an en dash); a French sentence, "Les
# soldats français ont quitté Bamako vers la frontière entre le Mali et le
# Niger", as UTF-8 bytes converted to the database's encoding.
francais='\x6672616ec3a7616973'
border='\x4d616c69e280934e6967657220626f72646572'
sentence="convert_from('\\x4c657320736f6c64617473206672616ec3a7616973206f6e74207175697474c3a92042616d616b6f2076657273206c612066726f6e7469c3a8726520656e747265206c65204d616c69206574206c65204e69676572'::bytea, 'UTF8')"
# what annotate() finds in it, as in a UTF-8 database: français (France, 9),
# Bamako (11), frontière entre le Mali et le Niger (the border area, 17)
expected_places="6672616ec3a7616973=9 42616d616b6f=11 66726f6e7469c3a8726520656e747265206c65204d616c69206574206c65204e69676572=17"

verify() { # verify DB LABEL
  local db=$1 label=$2 got
  got=$(psql -d "$db" -c "SELECT count(*) FROM sahel_news.place_names WHERE convert_to(name, 'UTF8') = '$francais'::bytea") || { fail=1; return; }
  check "$label: 'français' is stored as itself" 1 "$got"
  got=$(psql -d "$db" -c "SELECT count(*) FROM sahel_news.place_names WHERE convert_to(name, 'UTF8') = '$border'::bytea") || { fail=1; return; }
  check "$label: 'Mali–Niger border' is stored as itself" 1 "$got"
  got=$(psql -d "$db" -c "SELECT count(*) FROM sahel_news.place_names WHERE position('\xc383'::bytea IN convert_to(name, 'UTF8')) > 0") || { fail=1; return; }
  check "$label: no name holds UTF-8 read as Latin-1 ('Ã')" 0 "$got"
  got=$(psql -d "$db" -c "SELECT string_agg(encode(convert_to(surface, 'UTF8'), 'hex') || '=' || coalesce(place_id::text, '-'), ' ' ORDER BY start_pos)
                          FROM sahel_news.annotate($sentence, NULL, 'fr') WHERE kind = 'place'") || { fail=1; return; }
  check "$label: annotate() finds the French names" "$expected_places" "$got"
}

# A database DB of ENCODING (C locale); the script stops if it cannot be made.
create_db() { # create_db DB ENCODING
  psql -d postgres -c "CREATE DATABASE $1 ENCODING $2 LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0" || exit 1
}

# An encoding that has every character of the extension: it installs, and
# its text is right.
installs_right() { # installs_right DB ENCODING
  create_db "$1" "$2"
  if psql -d "$1" -c "CREATE EXTENSION sahel_news"; then
    echo "ok: $2: the extension installs"
    verify "$1" "$2"
  else
    echo "FAILED: $2: CREATE EXTENSION failed"; fail=1
  fi
}

# LATIN1
create_db sn_enc_latin1 LATIN1
if out=$("$SN_BINDIR/psql" -X -q -At -d sn_enc_latin1 -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -c "CREATE EXTENSION sahel_news" 2>&1); then
  echo "LATIN1: the extension installed; its text must then be correct"
  verify sn_enc_latin1 LATIN1
else
  echo "$out" | head -n 2
  case "$out" in
    *22P05*'has no equivalent in encoding "LATIN1"'*) echo "ok: LATIN1: CREATE EXTENSION refused with 22P05, naming the character" ;;
    *) echo "FAILED: LATIN1: unexpected error"; fail=1 ;;
  esac
  got=$(psql -d sn_enc_latin1 -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'sahel_news'")
  check "LATIN1: nothing is left behind" 0 "$got"
fi

installs_right sn_enc_win1252 WIN1252
installs_right sn_enc_sql_ascii SQL_ASCII
exit $fail
