#!/usr/bin/env bash
# tests/integration/country_table.sh — the generated country table is current:
# extension/core/country_table.h is what gen_country_table.py makes from
# extension/core/gen/countries.txt (nobody edits the header by hand or forgets
# to regenerate it), and the installed type holds every country of the file.
# Skipped when python3 is absent.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: python3 not found, cannot run extension/core/gen/gen_country_table.py --check"
  exit 77
fi
python3 "$root/extension/core/gen/gen_country_table.py" --check || exit 1

db=sn_country_table_check
psql() { PGOPTIONS="-c client_min_messages=warning" "$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 1
want=$(grep -cE '^[A-Z]{3} [A-Z]{2} ' "$root/extension/core/gen/countries.txt")
got=$(psql -At -d "$db" -c "CREATE EXTENSION sahel_news" \
        -c "SELECT count(*) FROM sahel_news.countries()") || exit 1
psql -d postgres -c "DROP DATABASE $db"
if [ "$got" != "$want" ]; then
  echo "countries() returns '$got' rows, the data file has $want countries"
  exit 1
fi
echo "countries(): $got rows, as in the data file"
