#!/usr/bin/env bash
# tests/integration/shared_data_annotate.sh — annotate() on real report text:
# the notes of the ACLED extract in $SN_SHARED_DATA/conflict, each a short
# account of one event written by ACLED's coders.  After import_acled() has
# put the events and their places in the tables, the notes of every event
# must mention the event's own place (place_id) and a day, or a span of less
# than a week, that contains the event's date ("On 9 February 2022", "Around
# 17 February 2022", "between 17 - 22 February"; the month alone would not
# do), resolved against that date.  Exit 77 (skip) without the shared data.
set -uo pipefail
file=$(ls "${SN_SHARED_DATA:-/nonexistent}"/conflict/acled_*.csv 2>/dev/null | head -n 1)
if [ -z "$file" ]; then
  echo "SKIP: no ACLED extract (SN_SHARED_DATA=${SN_SHARED_DATA:-unset}); the real-text test of annotate needs ../shared/data/conflict"
  exit 77
fi
. "$SN_ROOT/tests/lib/scratch_db.sh"
sn_scratch_db sn_annotate_text_$$ -At

path=${file//\'/\'\'}
cols=$(head -n 1 "$file" | tr -d '"\r' | tr '[:upper:]' '[:lower:]')
out=$("${psql[@]}" <<SQL
SET client_min_messages = warning;
CREATE EXTENSION sahel_news;
SET search_path = sahel_news, public;
\\copy acled_raw ($cols) FROM '$path' WITH (FORMAT csv, HEADER MATCH)
CREATE TABLE notes AS SELECT event_id_cnty, event_date::date AS day, notes FROM acled_raw;
SELECT count(*) FROM import_acled() WHERE flagged + skipped > 0;
-- every event that was loaded, with what annotate() finds in its notes
CREATE TABLE found AS
SELECT n.event_id_cnty, n.day, n.notes,
       EXISTS (SELECT 1 FROM annotate(n.notes, n.day) a
               WHERE a.kind = 'place' AND a.place_id = e.place_id) AS own_place,
       EXISTS (SELECT 1 FROM annotate(n.notes, n.day) a
               WHERE a.kind = 'date' AND lower(a.date) <= n.day AND upper(a.date) >= n.day
                 AND upper(a.date) - lower(a.date) < 7) AS own_date
FROM notes n JOIN events e ON e.dataset = 'acled' AND e.external_id = n.event_id_cnty;
SELECT format('%s events, own place found in %s notes, own date in %s',
              count(*), count(*) FILTER (WHERE own_place), count(*) FILTER (WHERE own_date))
FROM found;
SELECT format('MISSED %s: %s%s: %s', event_id_cnty,
              CASE WHEN NOT own_place THEN 'its place' ELSE '' END,
              CASE WHEN NOT own_date THEN ' its date ' || day ELSE '' END, left(notes, 120))
FROM found WHERE NOT (own_place AND own_date) ORDER BY event_id_cnty;
SELECT CASE WHEN count(*) < 100 THEN format('FAIL: only %s events loaded from the extract', count(*)) END
FROM found;
SQL
) || { echo "FAIL: the SQL of the test failed"; echo "$out"; exit 1; }
echo "$out"
if grep -q '^MISSED\|^FAIL' <<<"$out"; then
  echo "FAIL: annotate() missed an event's own place or date in its notes"
  exit 1
fi
exit 0
