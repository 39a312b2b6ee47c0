# tests/lib/scratch_db.sh — the opening every real-data integration test
# shares (sourced; needs SN_BINDIR from tests/run).
#
#   sn_require_shared WHY PATH...   exit 77 (skip) with a message ending in WHY
#                                   unless $SN_SHARED_DATA is set and holds
#                                   every PATH (relative to it).
#   sn_scratch_db NAME [OPTION...]  create database NAME, set $db to it and
#                                   the array psql to a psql command on it
#                                   (stopping at the first error, with each
#                                   OPTION added, e.g. -At); the script's
#                                   EXIT trap drops the database.

sn_require_shared() {
  local why=$1 path
  shift
  for path in "$@"; do
    if [ -z "${SN_SHARED_DATA:-}" ] || [ ! -e "$SN_SHARED_DATA/$path" ]; then
      echo "SKIP: no $path in the shared data (SN_SHARED_DATA=${SN_SHARED_DATA:-unset}); $why"
      exit 77
    fi
  done
}

sn_scratch_db() {
  : "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
  db=$1
  shift
  psql=("$SN_BINDIR/psql" -X -q "$@" -v ON_ERROR_STOP=1 -d "$db")
  "$SN_BINDIR/psql" -X -q -d postgres -c "CREATE DATABASE $db" || exit 1
  trap '"$SN_BINDIR/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
}
