#!/usr/bin/env bash
# tests/integration/clients_psycopg2.sh — the psycopg2 program of
# docs/reference/clients.md, run with Debian's python3-psycopg2 against the test cluster
# (over TCP, as written): every view of sahel_news_bi, a date parameter (a
# Python date) against the BI view and against edtf, troop_strength with
# parameters.
set -uo pipefail
. "$SN_ROOT/tests/lib/clients.sh"
sn_client_packages python3-psycopg2

sn_client_db sn_clients_psycopg2 || exit 1
sn_client_tcp || exit 1
dir=$(mktemp -d); SN_CLEANUP+=("rm -rf $dir")
sn_snippet_to sahel_news_psycopg2.py "$dir/sahel_news_psycopg2.py" || exit 1

sn_client_run "the psycopg2 program" env -C "$dir" /usr/bin/python3 -W error sahel_news_psycopg2.py || exit 1

sn_expect_views "$SN_OUT"
sn_expect_day_filter "$SN_OUT"
sn_expect "a Python date against edtf" "^events whose date holds 2022-08-13: 3$" "$SN_OUT"
sn_expect "troop_strength with parameters" "^troop_strength\(FRA, MLI, 2022-06-01\): ~2400$" "$SN_OUT"
exit $SN_FAIL
