# tests/lib/check.sh — the verdict line of integration tests (sourced).
#
#   check LABEL EXPECTED ACTUAL   print "ok: LABEL", or "FAILED: LABEL" with
#                                 both values and set fail=1; the script
#                                 ends with `exit $fail`.
fail=0
check() {
  if [ "$2" = "$3" ]; then
    echo "ok: $1"
  else
    echo "FAILED: $1: expected '$2', got '$3'"
    fail=1
  fi
}
