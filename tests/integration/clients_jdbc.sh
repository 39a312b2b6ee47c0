#!/usr/bin/env bash
# tests/integration/clients_jdbc.sh — the JDBC program of docs/reference/clients.md,
# run with Debian's pgjdbc and JDK against the test cluster (over a TCP relay:
# pgjdbc speaks TCP only): it lists and reads every view of sahel_news_bi,
# filters by a date parameter (setDate: an untyped date with an offset) and
# calls troop_strength with setString/setDate parameters.
set -uo pipefail
. "$SN_ROOT/tests/lib/clients.sh"
sn_client_packages libpostgresql-jdbc-java default-jdk-headless
jar=/usr/share/java/postgresql.jar
[ -f "$jar" ] || { echo "SKIP: $jar missing"; exit 77; }

sn_client_db sn_clients_jdbc || exit 1
sn_client_tcp || exit 1
dir=$(mktemp -d); SN_CLEANUP+=("rm -rf $dir")
sn_snippet_to SahelNewsJdbc.java "$dir/SahelNewsJdbc.java" || exit 1

# the JVM's zone is not UTC, so setDate sends an offset other than +00
out=$(cd "$dir" && TZ=America/Los_Angeles java -Duser.timezone=America/Los_Angeles -cp "$jar" SahelNewsJdbc.java 2>&1)
rc=$?
printf '%s\n' "$out" | sed 's/^/  | /'
[ $rc -eq 0 ] || { echo "FAILED: the JDBC program exited $rc"; exit 1; }

sn_expect_views "$out"
sn_expect "a date parameter filters bi_events (2 events on 2022-08-13)" "^bi_events on 2022-08-13: " "$out"
n=$(grep -c "^bi_events on 2022-08-13: " <<<"$out")
[ "$n" = 2 ] && echo "ok: 2 events on 2022-08-13" || { echo "FAILED: $n events on 2022-08-13, expected 2"; SN_FAIL=1; }
sn_expect "setDate against edtf" "^events whose date holds 2022-08-13: 3$" "$out"
sn_expect "troop_strength with setString and setDate" "^troop_strength\(FRA, MLI, 2022-06-01\): ~2400$" "$out"
exit $SN_FAIL
