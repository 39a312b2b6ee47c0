#!/usr/bin/env bash
# tests/integration/vpath_build.sh — the extension builds and installs from a
# directory outside the source tree (a VPATH build, as packagers do it):
#   cd BUILD && make -f SRC/Makefile && make -f SRC/Makefile install
# It builds with -O0 to keep the test short; what matters is that every
# source, header and script piece is found, nothing is written into the
# source tree, and the install script equals the one an in-tree build makes.
set -uo pipefail
: "${SN_ROOT:?SN_ROOT must be set (run through tests/run)}"
: "${PG_CONFIG:?PG_CONFIG must be set (run through tests/run)}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sn_vpath.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
check() { # check LABEL CONDITION-RESULT(0 = true)
  if [ "$2" -eq 0 ]; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi
}

before=$(cd "$SN_ROOT" && git status --porcelain --untracked-files=all 2>/dev/null | sort)
mkdir "$work/build"
(cd "$work/build" && make -s -f "$SN_ROOT/Makefile" PG_CONFIG="$PG_CONFIG" COPT=-O0 all >"$work/make.log" 2>&1)
rc=$?
[ $rc -eq 0 ] || sed 's/^/  /' "$work/make.log"
check "make -f SRC/Makefile builds in another directory" $rc
version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$SN_ROOT/sahel_news.control")
script=sahel_news--$version.sql
test -f "$work/build/sahel_news.so"; check "sahel_news.so is built there" $?
# (grep on a here-string: under pipefail, grep -q leaving a pipe early can fail nm with SIGPIPE)
grep -q ' T Pg_magic_func$' <<<"$(nm -D "$work/build/sahel_news.so" 2>/dev/null)"; check "it is a PostgreSQL module" $?
# joined as the Makefile joins them
(cd "$SN_ROOT" && cat $(ls extension/sql/*.sql | LC_ALL=C sort) $(ls extension/data/*.sql | LC_ALL=C sort)) >"$work/expected.sql"
cmp -s "$work/build/$script" "$work/expected.sql"; check "$script joins every piece, in name order" $?

(cd "$work/build" && make -s -f "$SN_ROOT/Makefile" PG_CONFIG="$PG_CONFIG" COPT=-O0 install DESTDIR="$work/inst" >>"$work/make.log" 2>&1)
check "make install from there" $?
test -f "$work/inst$("$PG_CONFIG" --pkglibdir)/sahel_news.so" &&
  test -f "$work/inst$("$PG_CONFIG" --sharedir)/extension/sahel_news.control" &&
  test -f "$work/inst$("$PG_CONFIG" --sharedir)/extension/$script"
check "the module, the control file and the script are installed" $?

after=$(cd "$SN_ROOT" && git status --porcelain --untracked-files=all 2>/dev/null | sort)
[ "$before" = "$after" ]; check "nothing was written into the source tree" $?
exit $fail
