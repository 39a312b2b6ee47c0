#!/usr/bin/env bash
# tests/integration/loaders_concurrency.sh — six loaders in parallel
# sessions never create the same place or actor twice.
#
# import_acled(), import_ucdp_ged(), import_gdelt_events() and import_gtd()
# run at the same time, each in its own session and transaction, on files that
# name the same
# 300 new villages (at the same points) and the same 50 new armed groups, in
# different orders and in chunks of 50 rows so that their look-ups and
# creations interleave; import_geopko() at the same time names the same
# villages as its sites and, with import_ipi_contributions(), the same 20 new
# missions.  Afterwards each village must be one place, each group and each
# mission one actor, and every row loaded.  Without the loaders' lock around the
# creation of places and actors, sessions that looked a name up before another
# committed it create it again.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
db=sn_concurrency_$$
psql() { PGOPTIONS="-c client_min_messages=warning" "$SN_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
tmp=$(mktemp -d)
trap 'wait; "$SN_BINDIR/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
psql -d postgres -c "CREATE DATABASE $db" || exit 1
psql -d "$db" -c "CREATE EXTENSION sahel_news" || exit 1

# The rows, staged in the four staging tables (each loader locks its own).
psql -d "$db" <<'SQL' || exit 1
INSERT INTO sahel_news.acled_raw (event_id_cnty, event_date, year, time_precision, event_type, sub_event_type,
                                  actor1, inter1, iso, country, location, latitude, longitude, geo_precision, fatalities)
SELECT 'CON' || n, '2022-03-01', '2022', '1', 'Battles', 'Armed clash',
       format('Concurrency Group %s', n % 50), '2', '466', 'Mali', format('Concurrency Village %s', v),
       (12 + v * 0.01)::text, (-8 + v * 0.01)::text, '1', '0'
FROM generate_series(1, 600) n, LATERAL (SELECT (n * 7) % 300 + 1 AS v) x;
INSERT INTO sahel_news.ucdp_ged_raw (id, type_of_violence, side_a, side_b, where_prec, where_coordinates,
                                     latitude, longitude, country_id, date_prec, date_start, date_end, best, low, high)
SELECT (700000 + n)::text, '2', format('Concurrency Group %s', n % 50), 'Civilians', '1',
       format('Concurrency Village %s village', v), (12 + v * 0.01)::text, (-8 + v * 0.01)::text, '432', '1',
       '2022-03-02', '2022-03-02', '1', '1', '1'
FROM generate_series(1, 600) n, LATERAL (SELECT (n * 11) % 300 + 1 AS v) x;
INSERT INTO sahel_news.gdelt_events_raw (globaleventid, sqldate, actor1name, eventcode, eventrootcode,
                                         actiongeo_type, actiongeo_fullname, actiongeo_countrycode,
                                         actiongeo_lat, actiongeo_long, dateadded)
SELECT (900000000 + n)::text, '20220303', format('Concurrency Group %s', n % 50), '190', '19', '4',
       format('Concurrency Village %s, Region, Mali', v), 'ML', (12 + v * 0.01)::text, (-8 + v * 0.01)::text,
       '20220303000000'
FROM generate_series(1, 600) n, LATERAL (SELECT 300 - n % 300 AS v) x;
INSERT INTO sahel_news.gtd_raw (eventid, iyear, imonth, iday, country, country_txt, city, latitude, longitude,
                                specificity, attacktype1, attacktype1_txt, gname, nkill)
SELECT (202203040000 + n)::text, '2022', '3', '4', '138', 'Mali', format('Concurrency Village %s', v),
       (12 + v * 0.01)::text, (-8 + v * 0.01)::text, '1', '2', 'Armed Assault', format('Concurrency Group %s', n % 50), '0'
FROM generate_series(1, 600) n, LATERAL (SELECT (n * 13) % 300 + 1 AS v) x;
INSERT INTO sahel_news.ipi_contributions_raw ("Date", "Contributor", "Contributor_ISO-3", "Mission", "Mission_Country",
                                              "Mission_Country_ISO-3", "Troops", "Total")
SELECT to_char(date '2014-01-31' + (n / 20) * interval '1 month', 'YYYY-MM-DD'), 'Chad', 'TCD',
       format('Concurrency Mission %s', n % 20), 'Mali', 'MLI', '100', '100'
FROM generate_series(1, 200) n;
INSERT INTO sahel_news.geopko_raw ("Source", "Mission", year, month, location, country, latitude, longitude,
                                   "No.troops", "No.TCC", "name.of.TCC1", "No.troops.per.TCC1", "TCC1")
SELECT 'concurrency', format('Concurrency Mission %s', n % 20), '2014', (1 + n % 12)::text,
       format('Concurrency Village %s', v), 'Mali', (12 + v * 0.01)::text, (-8 + v * 0.01)::text, '100', '1', 'Chad', '100', '483'
FROM generate_series(1, 300) n, LATERAL (SELECT (n * 17) % 300 + 1 AS v) x;
SQL

# A gate: the four sessions start their imports when the gate opens.
psql -d "$db" -c "SELECT pg_advisory_lock(4242); SELECT pg_sleep(3); SELECT pg_advisory_unlock(4242);" >/dev/null &
gate=$!
sleep 1
pids=()
loaders=(import_acled import_ucdp_ged import_gdelt_events import_gtd import_ipi_contributions import_geopko)
for fn in "${loaders[@]}"; do
  psql -d "$db" -At >"$tmp/$fn.out" 2>&1 <<SQL &
BEGIN;
SELECT pg_advisory_lock_shared(4242);
SELECT pg_advisory_unlock_shared(4242);
SELECT rows_read, imported, flagged FROM sahel_news.$fn(50);
COMMIT;
SQL
  pids+=($!)
done
fail=0
wait "$gate"
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || { echo "FAIL: a loader session failed:"; cat "$tmp"/*.out; fail=1; }
done

out=$(psql -d "$db" -At <<'SQL'
SET search_path = sahel_news;
SELECT format('FAIL: %s places named %L in %s', count(*), name, country::text)
FROM places WHERE name LIKE 'Concurrency Village %' GROUP BY name, country HAVING count(*) > 1;
SELECT format('FAIL: %s actors named %L', count(*), name)
FROM actors WHERE name LIKE 'Concurrency Group %' OR name LIKE 'Concurrency Mission %' GROUP BY name HAVING count(*) > 1;
SELECT format('FAIL: %s missions, expected 20', count(DISTINCT name)) FROM actors
WHERE name LIKE 'Concurrency Mission %' HAVING count(DISTINCT name) <> 20;
SELECT format('FAIL: %s villages, expected 300', count(DISTINCT name)) FROM places
WHERE name LIKE 'Concurrency Village %' HAVING count(DISTINCT name) <> 300;
SELECT format('FAIL: %s %s events, expected 600', count(*), dataset) FROM events
WHERE dataset IN ('acled', 'ucdp_ged', 'gdelt', 'gtd') GROUP BY dataset HAVING count(*) <> 600;
SELECT format('FAIL: %s loads, expected 4 of 600 rows each', count(*)) FROM import_runs
WHERE rows_read = 600 HAVING count(*) <> 4;
SELECT format('FAIL: %s deployments from %s, expected %s', count(*), dataset, CASE dataset WHEN 'geopko' THEN 300 ELSE 200 END)
FROM deployments WHERE dataset IN ('ipi_contributions', 'geopko') GROUP BY dataset
HAVING count(*) <> CASE dataset WHEN 'geopko' THEN 300 ELSE 200 END;
SQL
) || { echo "FAIL: the checks did not run"; exit 1; }
[ -n "$out" ] && { printf '%s\n' "$out" | head -n 20; fail=1; }
psql -d "$db" -At -c "SELECT format('%s places for 300 villages, %s actors for 50 groups and %s for 20 missions, named by 2,900 rows in 6 parallel loads',
                        (SELECT count(*) FROM sahel_news.places WHERE name LIKE 'Concurrency Village %'),
                        (SELECT count(*) FROM sahel_news.actors WHERE name LIKE 'Concurrency Group %'),
                        (SELECT count(*) FROM sahel_news.actors WHERE name LIKE 'Concurrency Mission %'))"
if [ $fail -ne 0 ]; then echo "loaders_concurrency: FAILED"; exit 1; fi
echo "loaders_concurrency: no place or actor created twice"
