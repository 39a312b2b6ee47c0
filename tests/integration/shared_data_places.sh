#!/usr/bin/env bash
# tests/integration/shared_data_places.sh — the GeoNames extracts of
# $SN_SHARED_DATA/places through import_geonames(), then the ACLED Sahel extract
# through import_acled(): every row accounted for, the administrative hierarchy
# built, every ACLED event under an admin1 that agrees with ACLED's own admin1
# column (a floor of 180 of 186; the rest are explained in docs/reference/places.md), no
# two places within 1 km sharing a name and a country unless GeoNames itself
# has them twice, locate() and annotate() agreeing on Ménaka, events_within()
# of the Ménaka region holding ACLED's Ménaka events, and a second import
# adding no place.  Exit 77 (skip) without the shared data.
set -uo pipefail
places=${SN_SHARED_DATA:-}/places
acled=${SN_SHARED_DATA:-}/conflict/acled_sahel_2022h1.csv
. "$SN_ROOT/tests/lib/scratch_db.sh"
sn_require_shared "the gazetteer's real-data test needs ../shared/data/places and conflict/acled_sahel_2022h1.csv" places conflict/acled_sahel_2022h1.csv
sn_scratch_db sn_places_$$

q() { local p=${1//\'/\'\'}; printf "%s" "$p"; }
acled_cols=$(head -n 1 "$acled" | tr -d '"\r' | tr '[:upper:]' '[:lower:]')
lines=$(cat "$places"/ML.txt "$places"/NE.txt "$places"/BF.txt "$places"/MR.txt "$places"/cities15000_sahel.txt \
          "$places"/admin1CodesASCII_sahel.txt "$places"/admin2Codes_sahel.txt | wc -l)

out=$("${psql[@]}" -At -F ' ' <<SQL
SET client_min_messages = warning;
CREATE EXTENSION sahel_news;
SET search_path = sahel_news, public;
\\copy geonames_raw FROM '$(q "$places/ML.txt")' (FORMAT text)
\\copy geonames_raw FROM '$(q "$places/NE.txt")' (FORMAT text)
\\copy geonames_raw FROM '$(q "$places/BF.txt")' (FORMAT text)
\\copy geonames_raw FROM '$(q "$places/MR.txt")' (FORMAT text)
\\copy geonames_raw FROM '$(q "$places/cities15000_sahel.txt")' (FORMAT text)
\\copy geonames_admin1_raw FROM '$(q "$places/admin1CodesASCII_sahel.txt")' (FORMAT text)
\\copy geonames_admin2_raw FROM '$(q "$places/admin2Codes_sahel.txt")' (FORMAT text)
CREATE TEMP TABLE t0 AS SELECT clock_timestamp() AS t;
CREATE TABLE run1 AS SELECT * FROM import_geonames();
SELECT 'run1', rows_read, imported, updated, skipped, flagged,
       round(rows_read / extract(epoch FROM clock_timestamp() - (SELECT t FROM t0))) FROM run1;
SELECT 'places', count(*), count(*) FILTER (WHERE geonames_id IS NOT NULL),
       count(*) FILTER (WHERE admin_level = 1), count(*) FILTER (WHERE admin_level = 2),
       (SELECT count(*) FROM place_names) FROM places;
SELECT 'issue', count(*), left(regexp_replace(reason, '[0-9]+', 'N', 'g'), 60)
FROM import_issues WHERE run_id = (SELECT id FROM run1) GROUP BY 3 ORDER BY 2 DESC LIMIT 12;
-- GeoNames places under no admin area although their country has some
SELECT 'loose', count(*) FROM places p
WHERE p.geonames_id IS NOT NULL AND p.admin_level IS NULL
  AND NOT EXISTS (SELECT 1 FROM places a WHERE a.id = p.parent_id AND a.admin_level >= 1)
  AND NOT EXISTS (SELECT 1 FROM places a JOIN places b ON b.id = a.parent_id
                  WHERE a.id = p.parent_id AND b.admin_level >= 1);

\\copy acled_raw ($acled_cols) FROM '$(q "$acled")' WITH (FORMAT csv, HEADER MATCH)
CREATE TABLE acled_seen AS SELECT * FROM acled_raw;
CREATE TABLE acled_run AS SELECT * FROM import_acled();
SELECT 'acled', r.rows_read, (SELECT count(*) FROM events WHERE dataset = 'acled') FROM acled_run r;
SELECT 'attached', attach_places();
CREATE TABLE agreement AS
WITH ev AS (
  SELECT e.id, e.place_id, a.admin1, a.country FROM events e JOIN acled_seen a ON a.event_id_cnty = e.external_id
  WHERE e.dataset = 'acled'
)
SELECT ev.*, x.a1_place, p.name AS our_admin1,
       p.id IS NOT NULL AND (admin_name_key(p.name) = admin_name_key(ev.admin1)
         OR EXISTS (SELECT 1 FROM place_names n WHERE n.place_id = p.id
                    AND admin_name_key(n.name) = admin_name_key(ev.admin1))) AS agrees
FROM ev
CROSS JOIN LATERAL (
  WITH RECURSIVE u(pid, d) AS (SELECT ev.place_id, 0 UNION ALL
    SELECT q.parent_id, u.d + 1 FROM u JOIN places q ON q.id = u.pid WHERE q.parent_id IS NOT NULL AND u.d < 50)
  SELECT (SELECT q.id FROM u JOIN places q ON q.id = u.pid WHERE q.admin_level = 1 LIMIT 1) AS a1_place) x
LEFT JOIN places p ON p.id = x.a1_place;
SELECT 'agreement', count(*), count(*) FILTER (WHERE agrees), count(*) FILTER (WHERE a1_place IS NULL) FROM agreement;
SELECT 'disagrees', country, admin1, coalesce(our_admin1, '(none)'), count(*) FROM agreement WHERE NOT agrees
GROUP BY 2, 3, 4 ORDER BY 2, 3;
SELECT 'twins', count(*) FILTER (WHERE a.geonames_id IS NULL OR b.geonames_id IS NULL),
       count(*) FILTER (WHERE a.geonames_id IS NOT NULL AND b.geonames_id IS NOT NULL)
FROM places a JOIN places b ON a.id < b.id AND name_key(a.name) = name_key(b.name)
 AND a.country = b.country AND dwithin(a.location, b.location, 1000);
SELECT 'menaka', locate('Ménaka') = (SELECT location FROM places WHERE geonames_id = 2453514),
       locate('MENAKA') = locate('Menaka'),
       (SELECT bool_or(a.place_id = (SELECT id FROM places WHERE geonames_id = 2453514))
        FROM annotate('Des hommes armés ont attaqué Ménaka.', NULL, 'fr') a WHERE a.kind = 'place');
SELECT 'within', (SELECT count(*) FROM agreement WHERE admin1 = 'Menaka'),
       (SELECT count(*) FROM agreement g WHERE g.admin1 = 'Menaka'
          AND g.id IN (SELECT w.id FROM events_within((SELECT id FROM places WHERE geonames_id = 12070577)) w)),
       (SELECT count(*) FROM events_within((SELECT id FROM places WHERE geonames_id = 12070577), '2022'));

\\copy geonames_raw FROM '$(q "$places/ML.txt")' (FORMAT text)
\\copy geonames_raw FROM '$(q "$places/cities15000_sahel.txt")' (FORMAT text)
\\copy geonames_admin1_raw FROM '$(q "$places/admin1CodesASCII_sahel.txt")' (FORMAT text)
\\copy geonames_admin2_raw FROM '$(q "$places/admin2Codes_sahel.txt")' (FORMAT text)
CREATE TABLE before AS SELECT count(*) AS n FROM places;
SELECT 'run2', r.rows_read, r.imported, r.updated, r.skipped, r.flagged, (SELECT count(*) FROM places) - b.n
FROM import_geonames() r, before b;
SQL
)
rc=$?
printf '%s\n' "$out"
[ $rc -eq 0 ] || { echo "FAIL: the SQL above failed"; exit 1; }
field() { printf '%s\n' "$out" | awk -v k="$1" -v i="$2" '$1 == k { print $i; exit }'; }
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }
read1=$(field run1 2); imp=$(field run1 3); upd=$(field run1 4); skp=$(field run1 5); flg=$(field run1 6)
check "every staged line read ($lines)" '[ "$read1" = "$lines" ]'
check "rows_read = imported + updated + skipped + flagged" '[ $((imp + upd + skp + flg)) -eq "$read1" ]'
check "at least 64,000 places from GeoNames" '[ "$(field places 3)" -ge 64000 ]'
check "the admin1 areas of the five countries (70 in the code file)" '[ "$(field places 4)" -ge 70 ]'
check "ACLED: 186 rows read, 186 events" '[ "$(field acled 2)" = 186 ] && [ "$(field acled 3)" = 186 ]'
check "at least 180 of 186 ACLED events under the admin1 ACLED names" '[ "$(field agreement 3)" -ge 180 ]'
check "no two places within 1 km share name and country unless GeoNames has both" '[ "$(field twins 2)" = 0 ]'
check "locate('Ménaka') is the town, whatever the case; annotate() finds the same place" \
  '[ "$(field menaka 2)" = t ] && [ "$(field menaka 3)" = t ] && [ "$(field menaka 4)" = t ]'
check "events_within(the Ménaka region) holds ACLED's Ménaka events" \
  '[ "$(field within 2)" -gt 0 ] && [ "$(field within 2)" = "$(field within 3)" ]'
check "a second import adds no place" '[ "$(field run2 7)" = 0 ] && [ "$(field run2 3)" = 0 ]'
exit $fail
