#!/usr/bin/env bash
# tests/integration/shared_data_taxonomy.sh — every event category that the
# real extracts of $SN_SHARED_DATA carry has a row in event_taxonomy: ACLED
# EVENT_TYPE (2015-era layout) and event_type/sub_event_type (current layout),
# UCDP GED type_of_violence, GTD attacktype1, SCAD etype, GDELT EventRootCode.
# The files are read by PostgreSQL's own CSV parser (\copy), every column as
# text.  Exit 77 (skip) without the shared data.
set -uo pipefail
data=${SN_SHARED_DATA:-}
. "$SN_ROOT/tests/lib/scratch_db.sh"
sn_require_shared "the taxonomy's real-data test needs ../shared/data/matching and conflict" matching conflict
sn_scratch_db sn_taxonomy_$$

"${psql[@]}" -c "CREATE EXTENSION sahel_news" -c "CREATE TABLE seen (dataset text, file text, category text, rows bigint)" || exit 1

fail=0
# collect DATASET FILE COLUMN [tsv]: the distinct values of COLUMN (a header
# name, or a 1-based number for a file without header) and their row counts
collect() {
  local dataset=$1 file=$2 column=$3 kind=${4:-csv}
  local header n idx opts
  if [ "$kind" = tsv ]; then
    n=$(head -n 1 "$file" | awk -F'\t' '{print NF}')
    idx=$column
    opts="FORMAT csv, DELIMITER E'\\t', QUOTE E'\\b'"
  else
    header=$(head -n 1 "$file" | tr -d '\r"')
    n=$(awk -F, '{print NF}' <<<"$header")
    idx=$(awk -F, -v c="$column" '{for (i = 1; i <= NF; i++) if ($i == c) {print i; exit}}' <<<"$header")
    opts="FORMAT csv, HEADER true"
  fi
  if [ -z "$idx" ]; then echo "FAIL: $(basename "$file") has no column $column"; fail=1; return; fi
  local cols
  cols=$(seq -s, -f 'c%g text' 1 "$n")
  "${psql[@]}" <<SQL || { echo "FAIL: reading $(basename "$file")"; fail=1; }
CREATE TEMP TABLE f ($cols);
\\copy f FROM '${file//\'/\'\'}' WITH ($opts)
INSERT INTO seen SELECT '$dataset', '$(basename "$file")', c$idx, count(*) FROM f WHERE c$idx <> '' GROUP BY c$idx;
SQL
}

for f in "$data"/matching/acled_*.csv; do collect acled "$f" EVENT_TYPE; done
for f in "$data"/matching/ucdp_*.csv; do collect ucdp_ged "$f" type_of_violence; done
for f in "$data"/matching/gtd_*.csv; do collect gtd "$f" attacktype1; done
for f in "$data"/matching/scad_*.csv; do collect scad "$f" etype; done
for f in "$data"/conflict/acled_*.csv; do collect acled "$f" event_type; collect acled "$f" sub_event_type; done
for f in "$data"/conflict/ucdp_ged_*.csv; do collect ucdp_ged "$f" type_of_violence; done
for f in "$data"/conflict/gdelt2_events_*.tsv; do collect gdelt "$f" 29 tsv; done

out=$("${psql[@]}" -At -F ' | ' <<'SQL'
SELECT 'values read: ' || count(DISTINCT (dataset, category)) || ' distinct, over ' || sum(rows) || ' rows of '
       || count(DISTINCT file) || ' files' FROM seen;
SELECT 'by level 1: ' || string_agg(format('%s %s', level1, n), ', ' ORDER BY n DESC, level1)
FROM (SELECT t.level1, sum(s.rows) AS n FROM seen s
      JOIN sahel_news.event_taxonomy t ON t.dataset = s.dataset AND lower(t.category) = lower(s.category)
      GROUP BY t.level1) x;
SELECT 'MISSING: ' || s.dataset || ' ' || quote_literal(s.category) || ' (' || s.file || ', ' || s.rows || ' rows)'
FROM seen s
WHERE NOT EXISTS (SELECT 1 FROM sahel_news.event_taxonomy t
                  WHERE t.dataset = s.dataset AND lower(t.category) = lower(s.category))
ORDER BY 1;
SQL
) || { echo "FAIL: query"; exit 1; }
printf '%s\n' "$out"
grep -q '^MISSING' <<<"$out" && fail=1
grep -q '^values read: 0 ' <<<"$out" && { echo "FAIL: no values read"; fail=1; }
[ $fail -eq 0 ] || { echo "FAIL: a category of the real data has no row in event_taxonomy"; exit 1; }
echo "PASS: every event category of the real extracts has a row in event_taxonomy"
