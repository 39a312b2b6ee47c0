#!/usr/bin/env bash
# tests/integration/version.sh — one version everywhere: the control file's
# default_version is what CREATE EXTENSION installs, META.json says the same
# (with ".0": PGXN wants three numbers) for the distribution and for the
# extension, names the install script of that version, CHANGELOG.md's newest
# entry is that version, debian/changelog's upstream version too (when the
# package is there), and every released version's install script is frozen
# in extension/upgrade/ with an update path from it to the current version.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
: "${SN_ROOT:?SN_ROOT must be set}"
psql() { "$SN_BINDIR/psql" -X -v ON_ERROR_STOP=1 -q "$@"; }
fail() { echo "FAIL: $*"; exit 1; }

control=$(sed -n "s/^default_version = '\(.*\)'$/\1/p" "$SN_ROOT/sahel_news.control")
[ -n "$control" ] || fail "no default_version in sahel_news.control"
echo "sahel_news.control: $control"

meta=$(perl -MJSON::PP -e '
  local $/; open(my $f, "<", $ARGV[0]) or die "$ARGV[0]: $!\n"; my $m = decode_json(<$f>);
  my $p = $m->{provides}{sahel_news} or die "META.json provides no sahel_news\n";
  print join(" ", $m->{version}, $p->{version}, $p->{file}), "\n";' "$SN_ROOT/META.json") ||
  fail "META.json does not parse"
read -r meta_dist meta_ext meta_file <<<"$meta"
[ "$meta_dist" = "$control.0" ] || fail "META.json version $meta_dist is not $control.0 (sahel_news.control)"
[ "$meta_ext" = "$control.0" ] || fail "META.json provides.sahel_news.version $meta_ext is not $control.0"
[ "$meta_file" = "sahel_news--$control.sql" ] || fail "META.json names $meta_file, not sahel_news--$control.sql"
echo "META.json: $meta_dist, $meta_file"

changelog=$(sed -nE 's/^## ([0-9][0-9.]*)( .*)?$/\1/p' "$SN_ROOT/CHANGELOG.md" | head -n 1)
[ "$changelog" = "$control" ] || fail "CHANGELOG.md's newest entry is '$changelog', not $control"
echo "CHANGELOG.md: $changelog"

if [ -f "$SN_ROOT/debian/changelog" ]; then
  deb=$(sed -nE '1s/^[^ ]+ \(([^)-]+)(-[^)]*)?\).*/\1/p' "$SN_ROOT/debian/changelog")
  [ "$deb" = "$control" ] || [ "$deb" = "$control.0" ] || fail "debian/changelog's upstream version is '$deb', not $control"
  echo "debian/changelog: $deb"
fi

# what CREATE EXTENSION installs, and the update path from every frozen version
db=sn_version
psql -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null
trap 'psql -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null' EXIT
psql -d postgres -c "CREATE DATABASE $db" || fail "cannot create $db"
installed=$(psql -d $db -At -c "CREATE EXTENSION sahel_news; SELECT extversion FROM pg_extension WHERE extname = 'sahel_news'")
[ "$installed" = "$control" ] || fail "CREATE EXTENSION installed $installed, not $control"
for frozen in "$SN_ROOT"/extension/upgrade/sahel_news--*.sql; do
  v=$(basename "$frozen" .sql); v=${v#sahel_news--}
  path=$(psql -d $db -At -c "SELECT path FROM pg_extension_update_paths('sahel_news') WHERE source = '$v' AND target = '$control'")
  [ -n "$path" ] || fail "no update path from the released $v to $control"
  echo "update path from $v: $path"
done
echo "ok: one version, $control"
