#!/usr/bin/env bash
# tests/integration/citus_model.sh — the extension's own model on a local Citus
# cluster (tests/lib/citus_cluster: a coordinator and two workers), made
# distributed by sahel_news.citus_distribute(), against the same model on one
# node (a database of the coordinator's server without Citus).
#
# Checks: citus_distribute() refuses on a worker, and where Citus is not
# (55000); it makes the lookups and the gazetteer reference tables and events
# distributed by id; the guards of shipped rows refuse on the shards; a place
# added on the coordinator is found by locate() on the workers, and by
# annotate() in a session that had built its gazetteer before (the cache is
# told); a query on events by id is routed to one worker and sum(estimate) is
# computed on the workers.  With the shared extracts ($SN_SHARED_DATA/conflict,
# loaded into both databases by the loaders, after citus_distribute() on the
# cluster, then partly again with one event changed: no key twice), the
# README's queries and the model's (annotate, locate, events_near,
# troop_strength, troop_timeline, the loaders' runs and issues, the history
# of events, deployments, places, digests of the gazetteer, actors and
# events) give the same output on both, and so do link_events() run after
# the distribution (twice: before and after an event is changed and one
# deleted) and its links, incidents, runs and state.  GeoNames
# ($SN_SHARED_DATA/places), GTD and SCAD ($SN_SHARED_DATA/matching) and ACLED
# deletions made up from loaded ids are loaded too, on both, after the
# distribution.  A fourth server (citus_cluster --spare) is then added as a
# worker (citus_add_node, replicate_reference_tables, citus_prepare_workers,
# the rebalancer) and the answers compared again after another load.  The
# triggers put back on Citus are checked to do what they do on one node
# (changed_run of an event changed by hand, the matching state of one
# deleted, place_geonames_links on every copy of places), and those not put
# back to leave undone just what docs/reference/citus.md says (a verdict on
# a link, related_event_id).  Load and query times are printed.
#
# Skipped (exit 77) when Citus is not installed: docs/reference/citus.md.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
: "${SN_ROOT:?SN_ROOT must be set}"

[ -n "${SN_CITUS_SOCKETS:-}" ] || exec "$SN_ROOT/tests/lib/citus_cluster" --spare bash "$0"

one=sn_one
psql() { "$SN_BINDIR/psql" -X -v ON_ERROR_STOP=1 -q -At "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
ms() { date +%s%N | cut -c1-13; }
expect_error() { # expect_error SQLSTATE WHAT DB SQL [PSQL ARGS]
  local out
  out=$(psql -d "$3" -v VERBOSITY=verbose -c "$4" "${@:5}" 2>&1) && fail "$2: no error"
  grep -q "ERROR:  $1:" <<<"$out" || fail "$2: expected SQLSTATE $1, got: $out"
  echo "refused ($1): $2"
}

psql -d postgres -c "CREATE DATABASE $one" || fail "cannot create the one-node database"
psql -d "$one" -c "CREATE EXTENSION sahel_news" || fail "CREATE EXTENSION sahel_news on one node"
psql -c "CREATE EXTENSION sahel_news" || fail "CREATE EXTENSION sahel_news on the coordinator"
expect_error 55000 "citus_distribute() without Citus" "$one" "SELECT * FROM sahel_news.citus_distribute()"
for port in $SN_CITUS_WORKER_PORTS; do
  expect_error 55000 "citus_distribute() on the worker of port $port" "$PGDATABASE" \
    "SELECT * FROM sahel_news.citus_distribute()" -p "$port"
done

# --- the shared extracts, into both databases, by the loaders
data=${SN_SHARED_DATA:-}/conflict
have_data=
if [ -n "${SN_SHARED_DATA:-}" ] && [ -d "$data" ]; then have_data=1; fi
load_all() { # load_all DB [SQL run on acled_raw, @staging@, after its COPY] [FILES]: prints the milliseconds it took
  local db=$1 tweak=${2:-} files=${3:-*} f b t0 cols
  t0=$(ms)
  for f in "$data"/$files; do
    b=$(basename "$f") cols=
    case "$b" in
      acled_*.csv) set -- acled_raw import_acled "FORMAT csv, HEADER MATCH" ;;
      ucdp_ged_*.csv) set -- ucdp_ged_raw import_ucdp_ged "FORMAT csv, HEADER MATCH" ;;
      gdelt2_events_*.tsv) set -- gdelt_events_raw import_gdelt_events "FORMAT csv, DELIMITER E'\\t', QUOTE E'\\b'" ;;
      ipi_contributions_*.csv) set -- ipi_contributions_raw import_ipi_contributions "FORMAT csv, HEADER MATCH" ;;
      ipi_*monthly*.csv) set -- ipi_mission_totals_raw import_ipi_mission_totals "FORMAT csv, HEADER MATCH" ;;
      geopko_*.csv) set -- geopko_raw import_geopko "FORMAT csv, HEADER MATCH" ;;
      *) continue ;;
    esac
    case "$1" in
      acled_raw|ucdp_ged_raw) cols="($(head -n 1 "$f" | tr -d '"\r' | tr '[:upper:]' '[:lower:]'))" ;;
    esac
    psql -d "$db" >/dev/null <<SQL || { echo "FAIL: loading $b into $db" >&2; return 1; }
SET client_min_messages = warning;
\\copy sahel_news.$1 $cols FROM '${f//\'/\'\'}' WITH ($3)
$( [ "$1" = acled_raw ] && echo "${tweak//@staging@/sahel_news.$1};")
SELECT id FROM sahel_news.$2();
SQL
  done
  echo $(( $(ms) - t0 ))
}
# the other loaders: the GeoNames gazetteer ($SN_SHARED_DATA/places), GTD and
# SCAD ($SN_SHARED_DATA/matching), then ACLED deletions made up from ids of
# the loaded extract (a row for an event not loaded, one without a time, one
# twice); again: one GTD file with an event changed, the deletions unchanged
places=${SN_SHARED_DATA:-}/places matching=${SN_SHARED_DATA:-}/matching
load_more() { # load_more DB again: prints the milliseconds it took
  local db=$1 again=${2:-} t0 f sql=
  t0=$(ms)
  if [ -z "$again" ]; then
    # (of the per-country dumps Mauritania's, the smallest: the four take
    # minutes on Citus, docs/reference/citus.md; the towns of all five)
    for f in MR.txt cities15000_sahel.txt; do
      sql+="\\copy sahel_news.geonames_raw FROM '$places/$f' (FORMAT text)"$'\n'
    done
    sql+="\\copy sahel_news.geonames_admin1_raw FROM '$places/admin1CodesASCII_sahel.txt' (FORMAT text)"$'\n'
    sql+="\\copy sahel_news.geonames_admin2_raw FROM '$places/admin2Codes_sahel.txt' (FORMAT text)"$'\n'
    sql+="SELECT id FROM sahel_news.import_geonames();"$'\n'
    for f in gtd_libya2014 gtd_ssudan2015; do
      sql+="\\copy sahel_news.gtd_raw FROM '$matching/$f.csv' WITH (FORMAT csv, HEADER true)"$'\n'
      sql+="SELECT id FROM sahel_news.import_gtd();"$'\n'
    done
    for f in scad_libya2014 scad_ssudan2015; do
      sql+="\\copy sahel_news.scad_raw FROM '$matching/$f.csv' WITH (FORMAT csv, HEADER true)"$'\n'
      sql+="SELECT id FROM sahel_news.import_scad();"$'\n'
    done
  else
    sql+="\\copy sahel_news.gtd_raw FROM '$matching/gtd_ssudan2015.csv' WITH (FORMAT csv, HEADER true)"$'\n'
    sql+="UPDATE sahel_news.gtd_raw SET nkill = '7', gname = 'Sahel News Test Group' WHERE eventid = (SELECT min(eventid) FROM sahel_news.gtd_raw WHERE eventid ~ '^[0-9]+\$');"$'\n'
    sql+="SELECT id FROM sahel_news.import_gtd();"$'\n'
  fi
  sql+="\\copy sahel_news.acled_deletions_raw FROM '$SN_CITUS_SOCKETS/deletions.csv' WITH (FORMAT csv, HEADER true)"$'\n'
  sql+="SELECT id FROM sahel_news.import_acled_deletions();"$'\n'
  psql -d "$db" >/dev/null <<<"SET client_min_messages = warning;"$'\n'"$sql" || { echo "FAIL: the other loaders into $db" >&2; return 1; }
  echo $(( $(ms) - t0 ))
}
have_more=
if [ -n "$have_data" ] && [ -d "$places" ] && [ -d "$matching" ]; then have_more=1; fi
[ -n "$have_more" ] ||
  echo "SKIP (part): no shared places or matching data (SN_SHARED_DATA=${SN_SHARED_DATA:-unset}); GeoNames, GTD, SCAD and ACLED deletions are compared only with them"
[ -n "$have_data" ] ||
  echo "SKIP (part): no shared conflict data (SN_SHARED_DATA=${SN_SHARED_DATA:-unset}); the comparison over the extracts needs ../shared/data/conflict"
# --- the distribution
t0=$(ms)
psql -c "SELECT relation, distribution FROM sahel_news.citus_distribute()" >"$SN_CITUS_SOCKETS/distribute.out" ||
  fail "citus_distribute()"
distribute_ms=$(( $(ms) - t0 ))
kinds=$(psql -c "SELECT string_agg(format('%s=%s', logicalrelid::regclass, CASE partmethod WHEN 'n' THEN 'reference' ELSE column_to_column_name(logicalrelid, partkey) END), ' ' ORDER BY logicalrelid::regclass::text)
  FROM pg_dist_partition WHERE logicalrelid::regclass::text LIKE 'sahel\_news.%'")
for want in sahel_news.places=reference sahel_news.place_names=reference sahel_news.actors=reference \
            sahel_news.actor_names=reference sahel_news.sources=reference sahel_news.cameo_codes=reference \
            sahel_news.event_taxonomy=reference sahel_news.deployments=reference sahel_news.figures=reference \
            sahel_news.events=id sahel_news.event_actors=event_id sahel_news.event_links=event_id \
            sahel_news.import_issues=id; do
  grep -qw -- "$want" <<<"$kinds" || fail "expected $want in Citus's metadata, got: $kinds"
done
coloc=$(psql -c "SELECT count(DISTINCT colocationid) FROM pg_dist_partition
  WHERE logicalrelid IN ('sahel_news.events'::regclass, 'sahel_news.event_actors'::regclass, 'sahel_news.event_links'::regclass)")
[ "$coloc" = 1 ] || fail "events, event_actors and event_links are not colocated"
echo "distributed: reference tables and events by id ($distribute_ms ms)"
expect_error 55000 "citus_distribute() a second time" "$PGDATABASE" "SELECT * FROM sahel_news.citus_distribute()"

# --- the loaders after the distribution: every extract loaded into the
# distributed model and into one node, then loaded again, with one ACLED
# event changed (the same event ids, runs, counts and issues on both:
# compared below), no key twice; a loader not made to run on Citus is
# refused (0A000) and leaves no run
if [ -n "$have_data" ]; then
  load_one=$(load_all "$one") || fail "loading the shared extracts on one node"
  load_coord=$(load_all "$PGDATABASE") || fail "loading the shared extracts into the distributed model"
  if [ -n "$have_more" ]; then
    ids=$(psql -d "$one" -c "SELECT string_agg(external_id, ' ' ORDER BY external_id) FROM (SELECT external_id FROM sahel_news.events WHERE dataset = 'acled' ORDER BY external_id LIMIT 3) e")
    set -- $ids
    printf 'event_id_cnty,deleted_timestamp\n%s,1656633600\n%s,2022-07-02\n%s,1656806400\n%s,1656900000\nXYZ999999,1656633600\n,1656633600\n%s,not a time\n' \
      "$1" "$2" "$3" "$3" "$2" >"$SN_CITUS_SOCKETS/deletions.csv"
    more_one=$(load_more "$one") || fail "GeoNames, GTD, SCAD and ACLED deletions on one node"
    more_coord=$(load_more "$PGDATABASE") || fail "GeoNames, GTD, SCAD and ACLED deletions into the distributed model"
    n=$(psql -c "SELECT string_agg(format('%s %s', dataset, n), ', ' ORDER BY dataset) FROM (SELECT dataset, count(*) AS n FROM sahel_news.events WHERE dataset IN ('gtd', 'scad') GROUP BY 1) x")
    g=$(psql -c "SELECT count(*) FROM sahel_news.places WHERE dataset = 'geonames'")
    d=$(psql -c "SELECT count(*) FROM sahel_news.events WHERE deleted_at IS NOT NULL")
    [ "$d" = 3 ] && [ "$g" -gt 8000 ] && grep -q 'gtd [0-9]' <<<"$n" && grep -q 'scad [0-9]' <<<"$n" ||
      fail "after the other loaders on Citus: $n events, $g GeoNames places, $d events marked deleted"
    echo "loaded into the distributed model: $g GeoNames places, events $n, $d ACLED events marked deleted"
  fi
  changed="UPDATE @staging@ SET fatalities = '99' WHERE event_id_cnty = (SELECT min(event_id_cnty) FROM @staging@ WHERE event_id_cnty LIKE 'MLI%')"
  # (again: ACLED, GDELT and IPI, the small ones)
  first_runs=$(psql -c "SELECT max(id) FROM sahel_news.import_runs")
  reload_one=$(load_all "$one" "$changed" '[agi][cdp][lei]*') || fail "loading the shared extracts again on one node"
  reload_coord=$(load_all "$PGDATABASE" "$changed" '[agi][cdp][lei]*') || fail "loading the shared extracts again into the distributed model"
  if [ -n "$have_more" ]; then
    more_again_one=$(load_more "$one" again) || fail "GTD and ACLED deletions again on one node"
    more_again_coord=$(load_more "$PGDATABASE" again) || fail "GTD and ACLED deletions again into the distributed model"
  fi
  keys=$(psql -c "SELECT count(*), count(DISTINCT (dataset, external_id)) FROM sahel_news.events WHERE dataset IS NOT NULL")
  claimed=$(psql -c "SELECT count(*) FROM sahel_news.events e WHERE e.dataset IS NOT NULL
                     AND (e.id, e.dataset, e.external_id) IN (SELECT k.event_id, k.dataset, k.external_id FROM sahel_news.event_keys k)")
  [ "${keys%|*}" = "${keys#*|}" ] && [ "$claimed" = "${keys%|*}" ] && [ "$claimed" -gt 1000 ] ||
    fail "events on Citus after loading twice: $keys (events with a key, distinct keys), $claimed claimed in event_keys"
  again="SELECT string_agg(format('%s %s new, %s rewritten, %s unchanged', dataset, imported, updated, unchanged), '; ' ORDER BY id)
    FROM sahel_news.import_runs WHERE id > $first_runs"
  a=$(psql -d "$one" -c "$again") b=$(psql -c "$again")
  [ "$a" = "$b" ] && ! grep -q '[1-9][0-9]* new' <<<"$b" || fail "the second load: on Citus $b; on one node $a"
  echo "loaded into the distributed model after citus_distribute(), then again: ${keys%|*} events, no key twice ($b)"
fi

# the workers' own copies hold no stale shipped rows: their tables are
# Citus's shells and answer with the coordinator's rows
w=$(psql -c "SELECT string_agg(result, ',') FROM run_command_on_workers('SELECT count(*) FROM sahel_news.places')")
c=$(psql -c "SELECT count(*) FROM sahel_news.places")
[ "$w" = "$c,$c" ] || fail "places on the workers: $w, on the coordinator $c"

# an event inserted on a worker takes an id of that worker's range, never
# one of the coordinator's sequence
w=$(psql -c "SELECT string_agg(result, ',' ORDER BY nodeport) FROM run_command_on_workers(
  \$\$INSERT INTO sahel_news.events (occurred, summary) VALUES ('2022-05', 'on a worker') RETURNING id >= 1::bigint << 48\$\$)")
[ "$w" = "t,t" ] || fail "ids of events inserted on the workers: $w"
n=$(psql -c "SELECT count(DISTINCT id) FROM sahel_news.events WHERE summary = 'on a worker'")
[ "$n" = 2 ] || fail "$n distinct events inserted on the two workers"
psql -c "DELETE FROM sahel_news.events WHERE summary = 'on a worker'; DELETE FROM sahel_news.event_history WHERE version->>'summary' = 'on a worker'" ||
  fail "removing the events inserted on the workers"
echo "events inserted on the workers take ids of their own ranges"

# --- the guards of shipped rows, on the shards
expect_error 55000 "a shipped row inserted into a reference table" "$PGDATABASE" \
  "INSERT INTO sahel_news.sources (id, publisher, sample) VALUES (7, 'x', true)"
expect_error 55000 "a shipped event deleted from the distributed events" "$PGDATABASE" \
  "DELETE FROM sahel_news.events WHERE sample"
expect_error 55000 "a reference table holding shipped rows truncated" "$PGDATABASE" \
  "TRUNCATE sahel_news.cameo_codes CASCADE"

# --- a place added on the coordinator, seen on the workers and by annotate()
out=$(psql <<'SQL'
SET search_path = sahel_news, public;
SELECT count(*) FROM annotate('Fighting near Ouro Sahelnews left 3 dead.') WHERE kind = 'place';
INSERT INTO places (name, kind, country, location) VALUES ('Ouro Sahelnews', 'village', 'ML', '14.74, -3.05');
SELECT count(*) FROM annotate('Fighting near Ouro Sahelnews left 3 dead.') WHERE kind = 'place';
SELECT string_agg(result, ',') FROM run_command_on_workers($$SELECT sahel_news.locate('Ouro Sahelnews')$$);
SELECT string_agg(result, ',') FROM run_command_on_workers($$SELECT count(*) FROM sahel_news.annotate('Fighting near Ouro Sahelnews left 3 dead.') WHERE kind = 'place'$$);
SQL
) || fail "a place added on the coordinator"
[ "$out" = $'0\n1\n14.74N 3.05W,14.74N 3.05W\n1,1' ] || fail "a new place on the coordinator, then annotate() and locate() on the workers: $out"
psql -c "DELETE FROM sahel_news.places WHERE name = 'Ouro Sahelnews'" || fail "deleting the new place"
echo "a place added on the coordinator: annotate() sees it at once, locate() and annotate() on the workers too"

# --- routing and push-down
plan=$(psql -c "EXPLAIN SELECT * FROM sahel_news.events WHERE id = 5")
grep -q "Task Count: 1" <<<"$plan" || fail "a query on events by id is not routed to one worker: $plan"
plan=$(psql -c "SET search_path = sahel_news, public" -c "EXPLAIN (VERBOSE) SELECT sum(fatalities) FROM events")
grep -q "worker_partial_agg" <<<"$plan" && grep -q "coord_combine_agg" <<<"$plan" ||
  fail "sum(estimate) over events is not pushed down: $plan"
echo "events by id routed to one worker; sum(fatalities) computed on the workers"

# --- link_events() on the distributed model and on one node: a first run
# (every pair), then another after the edits below (the changed event
# compared again, the deleted one's links gone); what each run returns,
# seconds aside, must be the same
link_all() { # link_all DB: what each run of link_events() returns
  # (on the coordinator Citus warns that link_events()'s temporary views
  # stay local); the ACLED and UCDP runs only when the extracts are loaded
  local runs=()
  [ -n "$have_data" ] && runs=(
    -c "SELECT 'acled', pairs_considered, links, contenders FROM sahel_news.link_events('acled', 'ucdp_ged')"
    -c "SELECT 'ucdp_ged', pairs_considered, links, contenders FROM sahel_news.link_events('ucdp_ged')")
  psql -d "$1" 2>"$SN_CITUS_SOCKETS/link.err" -c "SET client_min_messages = error" "${runs[@]}" \
    -c "SELECT 'sample', pairs_considered, links, contenders FROM sahel_news.link_events('sahel_news_sample')" ||
    { cat "$SN_CITUS_SOCKETS/link.err"; return 1; }
}
links_one=$(link_all "$one") || fail "link_events() on one node: $links_one"
links_coord=$(link_all "$PGDATABASE") || fail "link_events() on Citus: $links_coord"
[ "$links_one" = "$links_coord" ] || fail "link_events() on Citus returned $links_coord, on one node $links_one"
echo "link_events() after the distribution, first run: $(tr '\n' ' ' <<<"$links_coord")"

# --- the same edits on both: an event changed and one deleted by hand,
# kept in event_history (on Citus by the trigger on the events shard)
# (the events to edit come from the extracts)
if [ -n "$have_data" ]; then
  ids=$(psql -d "$one" -c "SELECT min(id), max(id) FROM sahel_news.events WHERE NOT sample") || fail "events of one node"
  first=${ids%|*} last=${ids#*|}
  for db in "$one" "$PGDATABASE"; do
    psql -d "$db" -c "UPDATE sahel_news.events SET note = 'checked by hand', fatalities = '~5' WHERE id = $first;
      DELETE FROM sahel_news.events WHERE id = $last" || fail "an event changed and one deleted in $db"
  done
  h=$(psql -c "SELECT string_agg(operation || ' ' || event_id, ', ' ORDER BY event_id) FROM sahel_news.event_history WHERE replaced_run IS NULL")
  [ "$h" = "update $first, delete $last" ] || fail "event_history on Citus after an update and a delete: $h"
  echo "event_history on Citus: $h"
fi
links_one=$(link_all "$one") || fail "link_events() after the edits on one node: $links_one"
links_coord=$(link_all "$PGDATABASE") || fail "link_events() after the edits on Citus: $links_coord"
[ "$links_one" = "$links_coord" ] || fail "link_events() after the edits on Citus returned $links_coord, on one node $links_one"
echo "link_events() after the edits: $(tr '\n' ' ' <<<"$links_coord")"

# --- the same answers
cat >"$SN_CITUS_SOCKETS/queries.sql" <<'SQL'
SET search_path = sahel_news, public;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
SET extra_float_digits = 0;
-- the model's counts
SELECT 'events', dataset, count(*), sum(fatalities) FROM events GROUP BY dataset ORDER BY dataset NULLS FIRST;
SELECT 'places', count(*), count(location) FROM places;
SELECT 'deployments', dataset, count(*), sum(strength) FROM deployments GROUP BY dataset ORDER BY dataset NULLS FIRST;
SELECT 'event_actors', role, count(*) FROM event_actors GROUP BY role ORDER BY role;
-- locate() for every place name (its answer, or its error); Citus warns
-- that a function of pg_temp stays on the coordinator
SET client_min_messages = error;
CREATE FUNCTION pg_temp.try_locate(n text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN sahel_news.locate(n)::text;
EXCEPTION WHEN OTHERS THEN
  RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;
RESET client_min_messages;
-- (of the GeoNames places, the towns of 15,000 and more and the areas)
SELECT 'locate', name, pg_temp.try_locate(name)
FROM (SELECT DISTINCT name FROM places WHERE dataset IS DISTINCT FROM 'geonames' OR population >= 15000 OR admin_level IS NOT NULL) p
ORDER BY name;
-- annotate() over a text naming places, actors, quantities and dates
SELECT 'annotate', a.* FROM annotate('On 12 June 2022 JNIM fighters attacked an army post near Djibo, Burkina Faso; about 20 soldiers and dozens of civilians were killed. French troops left Gao and Menaka for Niamey, Niger, last month.', '2022-08-15') a
ORDER BY start_pos, kind;
-- events_near() around the towns of the extracts, over the whole time and one month
-- (each town by its name near where it is: GeoNames' areas share the names)
SELECT 'events_near', c.name, e.* FROM (VALUES ('Gao', '16.27, -0.04'::geopoint), ('Menaka', '15.92, 2.40'),
                                               ('Bamako', '12.65, -8.0'), ('Niamey', '13.51, 2.11')) c(name, near),
  LATERAL events_near(locate(c.name, near => c.near), 150000) e ORDER BY c.name, e.distance_m, e.event_id;
SELECT 'events_near', c.at, e.* FROM (VALUES ('14.08, -1.63'::geopoint), ('12.37, -1.52'), ('13.1, 1.0')) c(at),
  LATERAL events_near(c.at, 200000) e ORDER BY c.at::text, e.distance_m, e.event_id;
SELECT 'events_near_2022-03', e.* FROM events_near('14.49, -4.19', 300000, '2022-03') e ORDER BY e.distance_m, e.event_id;
-- troop_strength() and troop_timeline() for the contributors and hosts of the deployments
SELECT 'troop_strength', d.contributor, d.host, day, troop_strength(d.contributor, d.host, day)
FROM (SELECT DISTINCT contributor, host FROM deployments WHERE contributor IS NOT NULL) d,
     (VALUES (date '2014-03-31'), ('2016-06-30'), ('2019-01-15'), ('2022-06-01'), ('2022-08-15')) v(day)
ORDER BY 2, 3, 4;
SELECT 'troop_timeline', t.* FROM troop_timeline('FRA', 'MLI') t;
-- link_events()'s links and incidents
SELECT 'event_links', l.event_id, l.other_event_id, l.score, l.rank, l.status, l.days_apart, round(l.km_apart::numeric, 3)
FROM event_links l ORDER BY 2, 3;
SELECT 'incidents', count(DISTINCT incident_id), count(*) FROM incidents;
SELECT 'incidents', incident_id, event_id, dataset FROM incidents ORDER BY event_id;
SELECT 'link_runs', run_id, dataset, other, within_km, within_days, pairs_considered, links, contenders FROM link_runs ORDER BY run_id;
-- (of the events still there: on Citus, without event_links_forget, the
-- state of an event deleted by hand stays, never read again)
SELECT 'event_match_state', other_dataset, count(*), count(DISTINCT fingerprint) FROM event_match_state s
WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = s.event_id) GROUP BY 2 ORDER BY 2;
-- the history of the edits (not its own ids and times)
SELECT 'event_history', event_id, dataset, external_id, operation, version, replaced_run FROM event_history
ORDER BY event_id, replaced_run NULLS LAST, version::text;
-- the BI views
SELECT 'bi_events', count(*), sum(fatalities_best) FROM bi_events;
-- the loaders' runs (times aside) and issues, the deployments and places
SELECT 'import_runs', id, dataset, function, status, rows_read, imported, updated, unchanged, skipped, flagged
FROM import_runs ORDER BY id;
SELECT 'import_issues', run_id, record, external_id, action, reason FROM import_issues ORDER BY run_id, record, reason;
SELECT 'deployments', id, dataset, external_id, strength, as_of, period, contributor, host, place_id, force_id, part_of, note
FROM deployments ORDER BY id;
SELECT 'places', id, name, kind, country, location, created_run, changed_run FROM places
WHERE dataset IS DISTINCT FROM 'geonames' ORDER BY id;
-- the gazetteer as a whole (GeoNames' places, names, hierarchy and links)
SELECT 'gazetteer', count(*), md5(string_agg(p::text, E'\n' ORDER BY p.id)) FROM places p;
SELECT 'place_names', count(*), md5(string_agg(n::text, E'\n' ORDER BY n.place_id, n.name)) FROM place_names n;
SELECT 'place_geonames_links', count(*), md5(string_agg(l::text, E'\n' ORDER BY l.place_id)) FROM place_geonames_links l;
SELECT 'actors', count(*), md5(string_agg(a::text, E'\n' ORDER BY a.id)) FROM actors a;
SELECT 'events', count(*), md5(string_agg(e::text, E'\n' ORDER BY e.id)) FROM events e;
SELECT 'event_actor_names', count(*), md5(string_agg(n::text, E'\n' ORDER BY n.event_id, n.role, n.name)) FROM event_actor_names n;
SQL
# the README's queries (its ```sql blocks), as a user runs them
awk '/^```sql/{f=1; next} /^```/{f=0} f' "$SN_ROOT/README.md" >"$SN_CITUS_SOCKETS/readme.sql"

compare() { # compare NAME FILE
  local t0 a b ta tb
  t0=$(ms); a=$(psql -d "$one" -f "$2" 2>&1) || fail "$1 on one node: $(tail -5 <<<"$a")"; ta=$(( $(ms) - t0 ))
  t0=$(ms); b=$(psql -f "$2" 2>&1) || fail "$1 on Citus: $(tail -5 <<<"$b")"; tb=$(( $(ms) - t0 ))
  [ -n "$a" ] || fail "$1: no output on one node"
  if [ "$a" != "$b" ]; then
    diff <(echo "$a") <(echo "$b") | head -40
    fail "$1: the distributed model answers differently (diff above: < one node, > Citus)"
  fi
  echo "same answers: $1 ($(wc -l <<<"$a") lines; one node $ta ms, Citus $tb ms)"
}
# (the model's queries name places and actors of the extracts)
if [ -n "$have_data" ]; then
  compare "the model's queries" "$SN_CITUS_SOCKETS/queries.sql"
else
  echo "SKIP (part): the model's queries compared only with the shared extracts loaded"
fi
compare "the README's queries" "$SN_CITUS_SOCKETS/readme.sql"

# --- a worker added after the distribution and the loads: Citus runs
# CREATE EXTENSION sahel_news there; the reference tables are copied to it
# (replicate_reference_tables), its identity sequences moved to its own
# range (citus_prepare_workers()), shards of events moved to it by the
# rebalancer; then the same answers again, and after another load
if [ -n "${SN_CITUS_SPARE_PORT:-}" ]; then
  t0=$(ms)
  psql -c "SELECT citus_add_node('$SN_CITUS_SOCKETS', $SN_CITUS_SPARE_PORT)" >/dev/null || fail "citus_add_node() of the spare server"
  psql -c "SELECT replicate_reference_tables('block_writes')" >/dev/null || fail "replicate_reference_tables() to the new worker"
  first_id=$(psql -c "SELECT first_id FROM sahel_news.citus_prepare_workers() WHERE node = '$SN_CITUS_SOCKETS:$SN_CITUS_SPARE_PORT'")
  [ -n "$first_id" ] && [ "$first_id" -ge $((1 << 48)) ] || fail "citus_prepare_workers() on the new worker: first id $first_id"
  psql -c "SELECT rebalance_table_shards(shard_transfer_mode => 'block_writes')" >/dev/null 2>&1 ||
    fail "rebalance_table_shards() onto the new worker"
  placed=$(psql -c "SELECT string_agg(format('%s %s', logicalrelid::regclass, count), ', ' ORDER BY logicalrelid::regclass::text)
    FROM (SELECT s.logicalrelid, count(*) FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid)
          JOIN pg_dist_node n ON n.groupid = p.groupid
          WHERE n.nodeport = $SN_CITUS_SPARE_PORT AND s.logicalrelid IN ('sahel_news.events'::regclass, 'sahel_news.places'::regclass)
          GROUP BY 1) x")
  grep -q 'sahel_news.events [1-9]' <<<"$placed" && grep -q 'sahel_news.places 1' <<<"$placed" ||
    fail "on the new worker: $placed (expected shards of events and the places of the reference table)"
  # (places of the sample, known with or without the shared extracts)
  q="SELECT sahel_news.locate('Bandiagara', country => 'ML'),
            (SELECT string_agg(a.surface || ' ' || a.place_id, ', ' ORDER BY a.start_pos, a.place_id) FROM sahel_news.annotate('Fighting near Bandiagara and Bamako, Mali.') a WHERE a.kind = 'place')"
  a=$(psql -d "$one" -c "$q") w=$(psql -p "$SN_CITUS_SPARE_PORT" -c "$q") ||
    fail "locate() and annotate() on the new worker: $w"
  [ "$a" = "$w" ] || fail "locate() and annotate() on the new worker: $w; on one node: $a"
  id=$(psql -p "$SN_CITUS_SPARE_PORT" -c "INSERT INTO sahel_news.events (occurred, summary) VALUES ('2022-05', 'on the new worker') RETURNING id >= $first_id") &&
    [ "$id" = t ] || fail "an event inserted on the new worker takes an id of another range: $id"
  echo "worker added ($(( $(ms) - t0 )) ms): on it $placed; locate() and annotate() there as on one node ($w); its ids from $first_id"
  psql -c "DELETE FROM sahel_news.events WHERE summary = 'on the new worker'; DELETE FROM sahel_news.event_history WHERE version->>'summary' = 'on the new worker'" >/dev/null
  if [ -n "$have_data" ]; then
    changed="UPDATE @staging@ SET fatalities = '42' WHERE event_id_cnty = (SELECT max(event_id_cnty) FROM @staging@ WHERE event_id_cnty LIKE 'BFO%')"
    load_all "$one" "$changed" 'acled*' >/dev/null || fail "ACLED again on one node"
    load_all "$PGDATABASE" "$changed" 'acled*' >/dev/null || fail "ACLED again with a worker added"
    [ -z "$have_more" ] || { load_more "$one" again >/dev/null && load_more "$PGDATABASE" again >/dev/null; } ||
      fail "GTD and ACLED deletions again with a worker added"
    compare "the model's queries, with a worker added, after another load" "$SN_CITUS_SOCKETS/queries.sql"
  fi
  compare "the README's queries, with a worker added" "$SN_CITUS_SOCKETS/readme.sql"
else
  echo "SKIP (part): no spare server to add as a worker (SN_CITUS_SPARE_PORT unset)"
fi
if [ -n "$have_data" ]; then
  n=$(psql -c "SELECT count(*) FROM sahel_news.events WHERE NOT sample")
  [ "$n" -gt 1000 ] || fail "only $n events loaded from the shared extracts"
  echo "timings: citus_distribute() $distribute_ms ms; load one node $load_one ms, Citus $load_coord ms; load again one node $reload_one ms, Citus $reload_coord ms ($n events)"
  [ -z "$have_more" ] ||
    echo "timings: GeoNames, GTD, SCAD, ACLED deletions one node $more_one ms, Citus $more_coord ms; GTD and deletions again one node $more_again_one ms, Citus $more_again_coord ms"
fi
# --- what the triggers not put back on Citus leave undone, as
# docs/reference/citus.md says: each on one node, then on Citus
# a verdict on a link: its rank on both; on one node also the pair's other
# row and event_link_reviews, on Citus neither
pair=$(psql -c "SELECT event_id, other_event_id FROM sahel_news.event_links WHERE status = 'proposed' AND rank > 1 ORDER BY event_id, other_event_id LIMIT 1")
if [ -n "$pair" ]; then
  verdict() { # verdict DB: rank of the row, status of the other row, reviews
    psql -d "$1" -c "UPDATE sahel_news.event_links SET status = 'accepted' WHERE event_id = ${pair%|*} AND other_event_id = ${pair#*|}" \
      -c "SELECT (SELECT rank FROM sahel_news.event_links WHERE event_id = ${pair%|*} AND other_event_id = ${pair#*|}),
                 (SELECT status FROM sahel_news.event_links WHERE event_id = ${pair#*|} AND other_event_id = ${pair%|*}),
                 (SELECT count(*) FROM sahel_news.event_link_reviews)"
  }
  a=$(verdict "$one") || fail "a verdict on one node"
  b=$(verdict "$PGDATABASE") || fail "a verdict on Citus"
  [ "$a" = "1|accepted|1" ] && [ "$b" = "1|proposed|0" ] ||
    fail "a verdict on link $pair: one node $a, Citus $b (rank, the other row's status, reviews: expected 1|accepted|1 and 1|proposed|0)"
  echo "a verdict on Citus: ranked 1 as on one node; the pair's other row and event_link_reviews untouched"
fi
# review_link(): the verdict by a function gives on Citus what the UPDATE
# gives on one node (both rows of the pair, the review), and a later run of
# link_events() keeps it on both
p1=${pair:-0|0}
pair2=$(psql -c "SELECT event_id, other_event_id FROM sahel_news.event_links
                 WHERE status = 'proposed' AND rank > 1 AND event_id NOT IN (${p1%|*}, ${p1#*|})
                   AND other_event_id NOT IN (${p1%|*}, ${p1#*|})
                 ORDER BY event_id, other_event_id LIMIT 1")
if [ -n "$pair2" ]; then
  pair_state() { # pair_state DB: rank and status of both rows, the pair's review
    psql -d "$1" -c "SELECT concat_ws('|',
                 (SELECT rank || ' ' || status FROM sahel_news.event_links WHERE event_id = ${pair2%|*} AND other_event_id = ${pair2#*|}),
                 (SELECT rank || ' ' || status FROM sahel_news.event_links WHERE event_id = ${pair2#*|} AND other_event_id = ${pair2%|*}),
                 (SELECT count(*) FROM sahel_news.event_link_reviews WHERE status = 'accepted' AND note = 'seen by both'))"
  }
  for db in "$one" "$PGDATABASE"; do
    psql -d "$db" -c "SELECT count(*) FROM (SELECT sahel_news.review_link(${pair2%|*}, ${pair2#*|}, 'accepted', 'seen by both')) v" >/dev/null ||
      fail "review_link() on $db"
  done
  a=$(pair_state "$one"); b=$(pair_state "$PGDATABASE")
  [ "$a" = "1 accepted|1 accepted|1" ] && [ "$b" = "$a" ] ||
    fail "review_link($pair2): one node $a, Citus $b (expected 1 accepted|1 accepted|1 on both)"
  links_one=$(link_all "$one") || fail "link_events() after review_link() on one node: $links_one"
  links_coord=$(link_all "$PGDATABASE") || fail "link_events() after review_link() on Citus: $links_coord"
  [ "$links_one" = "$links_coord" ] || fail "link_events() after review_link(): Citus $links_coord, one node $links_one"
  a=$(pair_state "$one"); b=$(pair_state "$PGDATABASE")
  [ "$a" = "1 accepted|1 accepted|1" ] && [ "$b" = "$a" ] ||
    fail "review_link($pair2) after another link_events(): one node $a, Citus $b"
  echo "review_link() on Citus: both rows of the pair and the review as on one node, kept by the next link_events()"
fi
if [ -n "$have_data" ]; then
  # an event changed by hand: changed_run NULL on both (the provenance
  # trigger runs on the shards), where the loads stamped it with their run
  # (first given a run, as a load does: provenance columns alone change nothing)
  q="UPDATE sahel_news.events SET changed_run = (SELECT max(id) FROM sahel_news.import_runs) WHERE id = $first;
     UPDATE sahel_news.events SET note = 'changed by hand again' WHERE id = $first RETURNING changed_run IS NULL"
  a=$(psql -d "$one" -c "$q") b=$(psql -c "$q")
  [ "$a|$b" = "t|t" ] || fail "changed_run of an event changed by hand: NULL on one node $a, on Citus $b (expected t|t)"
  # an event deleted by hand: its matching state, incidents and links go on
  # both (on Citus event_links_forget_shard() on the shard), the links of
  # other events to it on one node at once, on Citus at the next link_events()
  # (run above, after the deletion)
  q="SELECT (SELECT count(*) FROM sahel_news.event_match_state WHERE event_id = $last)
           + (SELECT count(*) FROM sahel_news.incidents WHERE event_id = $last)
           + (SELECT count(*) FROM sahel_news.event_links WHERE $last IN (event_id, other_event_id))"
  a=$(psql -d "$one" -c "$q") b=$(psql -c "$q")
  [ "$a|$b" = "0|0" ] || fail "matching state, incidents and links of an event deleted by hand: one node $a rows, Citus $b"
  echo "an event changed by hand: changed_run NULL on Citus as on one node; one deleted: its matching state gone on both"
fi
if [ -n "$have_more" ]; then
  # a row of place_geonames_links changed: its shipped place takes it, on one
  # node and on every copy of places on Citus (place_geonames_link_apply on
  # each copy of the reference table)
  p=$(psql -d "$one" -c "SELECT min(place_id) FROM sahel_news.place_geonames_links")
  [ -n "$p" ] || fail "no shipped place linked to GeoNames on one node"
  for db in "$one" "$PGDATABASE"; do
    psql -d "$db" -c "UPDATE sahel_news.place_geonames_links SET population = 4242 WHERE place_id = $p" ||
      fail "a row of place_geonames_links changed in $db"
  done
  a=$(psql -d "$one" -c "SELECT population FROM sahel_news.places WHERE id = $p")
  b=$(psql -c "SELECT string_agg(result, ',') FROM run_command_on_placements('sahel_news.places', 'SELECT population FROM %s WHERE id = $p')")
  [ "$a" = 4242 ] && [ "$(tr ',' '\n' <<<"$b" | sort -u)" = 4242 ] ||
    fail "population of shipped place $p after its place_geonames_links row changed: one node $a, the copies on Citus $b"
  echo "a row of place_geonames_links put on its shipped place: on one node, on every copy on Citus ($b)"
fi
# an event related to no event: refused on one node (23503), accepted on Citus
expect_error 23503 "an event related to a missing event, on one node" "$one" \
  "INSERT INTO sahel_news.events (occurred, summary, related_event_id) VALUES ('2022', 'related to nothing', -1)"
psql -c "INSERT INTO sahel_news.events (occurred, summary, related_event_id) VALUES ('2022', 'related to nothing', -1)" ||
  fail "an event related to a missing event on Citus"
echo "accepted on Citus: an event related to a missing event"

psql -d postgres -c "DROP DATABASE $one" >/dev/null
echo "OK"
