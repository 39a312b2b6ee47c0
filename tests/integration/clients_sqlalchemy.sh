#!/usr/bin/env bash
# tests/integration/clients_sqlalchemy.sh — the SQLAlchemy types and program
# of docs/reference/clients.md, with Debian's python3-sqlalchemy and python3-psycopg2:
# reflection of every view of sahel_news_bi and of the model's tables without
# a warning, a date parameter, troop_strength with parameters, and the
# extension's types read as Python values.
set -uo pipefail
. "$SN_ROOT/tests/lib/clients.sh"
sn_client_packages python3-psycopg2 python3-sqlalchemy

sn_client_db sn_clients_sqlalchemy || exit 1
sn_client_tcp || exit 1
dir=$(mktemp -d); SN_CLEANUP+=("rm -rf $dir")
sn_snippet_to sahel_news_sqlalchemy.py "$dir/sahel_news_sqlalchemy.py" || exit 1
sn_snippet_to sahel_news_sqlalchemy_use.py "$dir/use.py" || exit 1

# SQLAlchemy's "Did not recognize type" warning fails the program (-W error:...)
sn_client_run "the SQLAlchemy program" env -C "$dir" /usr/bin/python3 -W "error:Did not recognize type" use.py || exit 1
sn_expect_views "$SN_OUT"
sn_expect_day_filter "$SN_OUT"
sn_expect "the model's types as Python values" \
  "^first event on 2022-08-13: EdtfRange\('2022-08-13', 2022-08-13\.\.2022-08-13\) EstimateRange\(.*\) \(-?[0-9.]+, -?[0-9.]+\)$" "$SN_OUT"
sn_expect "troop_strength with parameters" "^troop_strength\(FRA, MLI, 2022-06-01\): ~2400$" "$SN_OUT"

# The types, value by value: reflection maps every column of the extension's
# types, values come back as Python values equal to what psql shows, open and
# unknown bounds as None, and values go back as parameters.
sn_client_run "the type checks" env -C "$dir" PYTHONPATH="$dir" \
  SN_URL="postgresql+psycopg2://analyst:analyst@127.0.0.1:$SN_CLIENT_PORT/$SN_CLIENT_DB" \
  /usr/bin/python3 -W "error:Did not recognize type" "$SN_ROOT/tests/clients/sqlalchemy_types.py" || SN_FAIL=1
exit $SN_FAIL
