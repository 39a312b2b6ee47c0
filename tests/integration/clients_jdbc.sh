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
sn_client_run "the JDBC program" env -C "$dir" TZ=America/Los_Angeles \
  java -Duser.timezone=America/Los_Angeles -cp "$jar" SahelNewsJdbc.java || exit 1

sn_expect_views "$SN_OUT"
sn_expect_day_filter "$SN_OUT"
sn_expect "setDate against edtf" "^events whose date holds 2022-08-13: 3$" "$SN_OUT"
sn_expect "troop_strength with setString and setDate" "^troop_strength\(FRA, MLI, 2022-06-01\): ~2400$" "$SN_OUT"
exit $SN_FAIL
