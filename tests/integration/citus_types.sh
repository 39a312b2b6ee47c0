#!/usr/bin/env bash
# tests/integration/citus_types.sh — the extension on a local Citus cluster
# (tests/lib/citus_cluster: a coordinator and two workers).  CREATE EXTENSION
# sahel_news on the coordinator reaches both workers; a user's table of
# sahel_news types distributed by its country column gives the same answers as
# the same rows on one node (sum(estimate) overall and per country, edtf
# comparisons, nearest neighbours and dwithin with a GiST index on the
# shards); a query for one country is routed to one worker, and sum(estimate)
# is computed on the workers and combined on the coordinator.
#
# Skipped (exit 77) when Citus is not installed: docs/reference/citus.md.
set -uo pipefail
: "${SN_BINDIR:?SN_BINDIR must be set (run through tests/run)}"
: "${SN_ROOT:?SN_ROOT must be set}"

# the rest runs against the cluster (PGHOST etc. point at its coordinator)
[ -n "${SN_CITUS_SOCKETS:-}" ] || exec "$SN_ROOT/tests/lib/citus_cluster" bash "$0"

psql() { "$SN_BINDIR/psql" -X -v ON_ERROR_STOP=1 -q -At "$@"; }
fail() { echo "FAIL: $*"; exit 1; }

workers=$(psql -c "SELECT count(*) FROM pg_catalog.citus_get_active_worker_nodes()") || fail "no Citus on the coordinator"
[ "$workers" = 2 ] || fail "$workers active workers, expected 2"
psql -c "CREATE EXTENSION sahel_news" || fail "CREATE EXTENSION sahel_news on the coordinator"
version=$(psql -c "SELECT extversion FROM pg_extension WHERE extname = 'sahel_news'")
on_workers=$(psql -c "SELECT string_agg(result, ',' ORDER BY nodeport)
  FROM pg_catalog.run_command_on_workers('SELECT extversion FROM pg_extension WHERE extname = ''sahel_news''')")
[ "$on_workers" = "$version,$version" ] || fail "sahel_news on the workers: '$on_workers', expected $version on both"
echo "sahel_news $version on the coordinator and both workers"

psql <<'SQL' || fail "cannot make and distribute the table"
SET client_min_messages = warning;
SET search_path = sahel_news, public;
CREATE TABLE public.reports (id bigint, country country NOT NULL, troops estimate, reported edtf, at geopoint);
INSERT INTO public.reports
SELECT g, (ARRAY['ML', 'BF', 'NE', 'TD', 'MR'])[1 + g % 5]::country,
       CASE WHEN g % 7 = 0 THEN '?' ELSE (g * 10) || '..' || (g * 20) END::estimate,
       ('2022-' || lpad((1 + g % 12)::text, 2, '0'))::edtf,
       geopoint(12 + (g % 50) / 10.0, -8 + (g % 70) / 10.0)
FROM generate_series(1, 600) g;
CREATE TABLE public.reports_local AS SELECT * FROM public.reports;
SELECT create_distributed_table('public.reports', 'country');
CREATE INDEX ON public.reports USING gist (at);
CREATE INDEX ON public.reports_local USING gist (at);
SQL

compare() { # compare WHAT QUERY (TABLE stands for the table)
  local what=$1 q=$2 dist loc
  dist=$(psql -c "SET search_path = sahel_news, public; ${q//TABLE/public.reports}") || fail "$what: query failed on the distributed table"
  loc=$(psql -c "SET search_path = sahel_news, public; ${q//TABLE/public.reports_local}") || fail "$what: query failed on one node"
  [ -n "$loc" ] || fail "$what: no rows on one node"
  [ "$dist" = "$loc" ] || fail "$what differs: distributed [$dist], one node [$loc]"
  echo "same answer: $what"
}
compare "sum(estimate)" "SELECT sum(troops) FROM TABLE"
compare "sum, min, max of estimate per country" \
  "SELECT country, sum(troops), min(troops), max(troops), count(*) FROM TABLE GROUP BY country ORDER BY country"
compare "edtf comparison" "SELECT count(*) FROM TABLE WHERE reported >= '2022-06'::edtf AND country = 'NE'"
compare "nearest neighbours" "SELECT id FROM TABLE ORDER BY at <-> '14.5, -4.2'::geopoint, id LIMIT 7"
compare "dwithin" "SELECT count(*) FROM TABLE WHERE dwithin(at, '14.5, -4.2'::geopoint, 150000)"

plan=$(psql -c "SET search_path = sahel_news, public; EXPLAIN (COSTS OFF) SELECT sum(troops) FROM public.reports WHERE country = 'ML'")
grep -q "Task Count: 1$" <<<"$plan" || fail "a query for one country is not routed to one worker: $plan"
echo "one country: one task"
plan=$(psql -c "SET search_path = sahel_news, public; EXPLAIN (COSTS OFF, VERBOSE) SELECT sum(troops) FROM public.reports")
grep -q "worker_partial_agg('sahel_news.sum(sahel_news.estimate)'" <<<"$plan" && grep -q "coord_combine_agg" <<<"$plan" ||
  fail "sum(estimate) is not pushed down to the workers: $plan"
echo "sum(estimate): partial sums on the workers, combined on the coordinator"
