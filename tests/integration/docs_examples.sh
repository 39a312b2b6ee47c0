#!/usr/bin/env bash
# tests/integration/docs_examples.sh — every SQL example of the docs runs, and
# its output is what it was when the docs were last checked.
#
# Each ```sql block of README.md and docs/**/*.md is run, in the order the page
# gives them, by psql in a database of its own (one per page, with the
# extension, its sample data and search_path = sahel_news), echoing every line
# (psql -a), errors included.  The output is compared with
# tests/docs/<page>.out (the page's path without docs/): a change of what an example returns, an example that
# starts to fail, an edited example or a new one all fail this test until the
# page or the code is put right and the expected file regenerated (read it,
# then SN_DOCS_ACCEPT=1 tests/run --layer integration writes it).
#
# Examples must run without error.  A page may start its examples with
# tests/docs/<page>.setup.sql (tables the examples assume, made of our own
# rows), and tests/docs/<page>.files names, one "NAME FIXTURE" a line, the
# files its \copy commands read, so that a dataset's file name in the docs
# reads one of our fixtures (tests/fixtures/...).  A block whose fence says
# ```sql norun is shown, not run: it needs files or software the test machine
# lacks (a GeoNames dump, PostGIS); this test lists them, and counts them, so
# that none is hidden.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
: "${SN_ROOT:?SN_ROOT must be set (run through tests/run)}"
template=sn_docs_template
db=sn_docs
out_dir=$SN_ROOT/tests/docs
su() { "$SN_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  su -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null
  su -d postgres -c "DROP DATABASE IF EXISTS $template" 2>/dev/null
  [ -n "${work:-}" ] && rm -rf "$work"
}
cleanup
work=$(mktemp -d "${TMPDIR:-/tmp}/sn_docs.XXXXXX")
trap cleanup EXIT
su -d postgres -c "CREATE DATABASE $template" || exit 1
su -d "$template" -c "CREATE EXTENSION sahel_news" || exit 1

# The SQL blocks of a page as one psql script; each block begins with a
# comment naming the page and line, so a diff says which example changed.
extract() { # extract PAGE -> script on stdout; the count of norun blocks on fd 3
  awk -v page="$1" '
    /^```/ {
      if (inb) { inb = 0; next }
      if ($0 == "```sql") { inb = 1; printf "\n-- %s:%d\n", page, NR; next }
      if ($0 ~ /^```sql[ \t]+norun/) { norun++; printf "%s:%d\n", page, NR > "/dev/fd/3" }
      skip = !skip; next
    }
    inb { print }
  ' "$SN_ROOT/$1"
}

fail=0 pages=0 blocks=0 norun=0
cd "$SN_ROOT" || exit 1
for page in README.md $(find docs -name '*.md' | LC_ALL=C sort); do
  script=$work/script.sql
  extract "$page" >"$script" 3>>"$work/norun"
  n=$(grep -c "^-- $page:" "$script")
  [ "$n" -eq 0 ] && continue
  pages=$((pages + 1)) blocks=$((blocks + n))
  stem=$out_dir/${page#docs/}
  expected=$stem.out
  setup=$stem.setup.sql
  rm -rf "$work/cwd" && mkdir "$work/cwd"
  if [ -f "$stem.files" ]; then
    while read -r name fixture; do
      [ -n "$name" ] && ln -s "$SN_ROOT/$fixture" "$work/cwd/$name"
    done <"$stem.files"
  fi
  su -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" \
     -c "CREATE DATABASE $db TEMPLATE $template" || exit 1
  {
    echo "SET search_path = sahel_news;"
    if [ -f "$setup" ]; then cat "$setup"; fi
  } | su -d "$db" >/dev/null || { echo "FAILED: $page: the setup did not run"; fail=1; continue; }
  actual=$work/actual.out
  # -a echoes each line as psql reads it; errors go to the same stream in order.
  (cd "$work/cwd" && PGOPTIONS='-c search_path=sahel_news -c client_min_messages=warning' \
    "$SN_BINDIR/psql" -X -a -q -d "$db" -v ON_ERROR_STOP=0 -f "$script" >"$actual" 2>&1)
  sed -i -e "s#^psql:$script:[0-9]*: #psql: #" "$actual"
  if grep -q '^psql: \(ERROR\|error\|FATAL\)' "$actual"; then
    echo "FAILED: $page: an example fails:"
    grep -B3 -A3 '^psql: \(ERROR\|error\|FATAL\)' "$actual"
    fail=1
  elif [ "${SN_DOCS_ACCEPT:-}" = 1 ]; then
    mkdir -p "$(dirname "$expected")"
    cp "$actual" "$expected"
    echo "wrote $expected ($n examples)"
  elif [ ! -f "$expected" ]; then
    echo "FAILED: $page: $n examples and no $expected (SN_DOCS_ACCEPT=1 writes it)"
    fail=1
  elif diff -u "$expected" "$actual" >"$work/diff"; then
    echo "ok: $page: $n examples give the output recorded"
  else
    echo "FAILED: $page: an example's output changed:"
    cat "$work/diff"
    fail=1
  fi
done
# An expected file whose page has no examples any more is stale.
while IFS= read -r f; do
  page=${f#"$out_dir"/}; page=${page%.out}
  [ "$page" = README.md ] || page=docs/$page
  if [ ! -f "$SN_ROOT/$page" ] || ! grep -q '^```sql$' "$SN_ROOT/$page"; then
    echo "FAILED: $f: $page has no SQL examples any more"
    fail=1
  fi
done < <(find "$out_dir" -name '*.md.out' 2>/dev/null)
[ -f "$work/norun" ] && norun=$(wc -l <"$work/norun")
echo "$blocks examples on $pages pages run; $norun shown only (sql norun):"
[ -f "$work/norun" ] && sed 's/^/  /' "$work/norun"
[ "$pages" -gt 0 ] || { echo "FAILED: no SQL example found in the docs"; fail=1; }
exit $fail
