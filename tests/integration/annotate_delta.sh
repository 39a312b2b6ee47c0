#!/usr/bin/env bash
# tests/integration/annotate_delta.sh — a change of names reaches a session's
# annotate() gazetteer as a small delta, not a rebuild of every name, and the
# delta answers exactly as a gazetteer built anew: session A keeps its
# gazetteer while session B adds, renames and removes names (place_names,
# places, actors, actor_names, cascades), and after each step A's answer is
# compared with that of a fresh session.  Changes the log of changes cannot
# describe (a place's country), too many changes at once, and pruned rows
# that A still needs send A to a full build.  The log is readable by no role.
set -uo pipefail
db=sn_annotate_delta
. "$SN_ROOT/tests/lib/session.sh"
sn_session_db "$db" || exit 1

# Session A: one psql kept open for the whole test.
sn_session_open "$db"

text="Malians and Nigeriens fled Tessit, Ménaka and Djallo after JNIM and the Katiba Serma attacked; MINUSMA and the Menaka Liberation Front said Kidal was calm."
query="SELECT string_agg(kind || ':' || surface || '=' || coalesce(place_id::text, actor_id::text, '-') || '/' || coalesce(country::text, '-'), ' ' ORDER BY start_pos, kind, place_id, actor_id) FROM sahel_news.annotate('$text');"
builds="SELECT builds FROM sahel_news.annotate_gazetteer_info();"
info="SELECT builds || ' ' || deltas || ' +' || delta_added || ' -' || delta_removed FROM sahel_news.annotate_gazetteer_info();"
. "$SN_ROOT/tests/lib/check.sh"
# A's answer (from its kept gazetteer, with a delta) against a new session's (a full build)
same() { # same LABEL
  local a fresh
  a=$(a_line "$query") || exit 1
  fresh=$(sql "$db" -c "$query")
  check "$1: the delta answers as a full build" "$fresh" "$a"
}

first=$(in_a "$query") || exit 1
b0=$(a_line "$builds")

sql "$db" -c "INSERT INTO sahel_news.place_names (place_id, name) VALUES (15, 'Tessit')" || exit 1
same "a place name added"
check_a "added as a delta, no rebuild" "$b0 1 +1 -0" "$info"

sql "$db" -c "INSERT INTO sahel_news.places (name, kind, country) VALUES ('Kidal', 'town', 'MLI')" \
     -c "INSERT INTO sahel_news.place_names (place_id, name, lang, is_demonym)
         SELECT id, 'Kidalois', 'fr', true FROM sahel_news.places WHERE name = 'Kidal'" \
     -c "INSERT INTO sahel_news.actors (name, kind, country) VALUES ('Katiba Serma', 'armed group', 'MLI')" \
     -c "INSERT INTO sahel_news.actor_names (actor_id, name) SELECT id, 'Menaka Liberation Front' FROM sahel_news.actors WHERE name = 'Katiba Serma'" || exit 1
same "a place, a demonym, an actor and its alias added"
sql "$db" -c "UPDATE sahel_news.places SET name = 'Kidal town' WHERE name = 'Kidal'" \
     -c "UPDATE sahel_news.place_names SET name = 'Tessit commune' WHERE name = 'Tessit'" \
     -c "DELETE FROM sahel_news.actor_names WHERE name = 'Menaka Liberation Front'" || exit 1
same "names renamed and removed"
sql "$db" -c "DELETE FROM sahel_news.places WHERE name = 'Kidal town'" \
     -c "DELETE FROM sahel_news.actors WHERE name = 'Katiba Serma'" \
     -c "INSERT INTO sahel_news.place_names (place_id, name) VALUES (15, 'Tessit')" || exit 1
same "a place and an actor deleted with their names"
check_a "all as deltas, no rebuild" "$b0" "$builds"
# VACUUM and ANALYZE invalidate the tables (their statistics) but change no
# name: no rebuild; a name added while the log's trigger was disabled is in
# no log: the trigger's new catalog row sends A to a full build
sql "$db" -c "VACUUM ANALYZE sahel_news.place_names" -c "ANALYZE sahel_news.places" || exit 1
same "after VACUUM and ANALYZE"
check_a "VACUUM and ANALYZE do not rebuild" "$b0" "$builds"
sql "$db" -c "ALTER TABLE sahel_news.place_names DISABLE TRIGGER annotate_log_insert" \
     -c "INSERT INTO sahel_news.place_names (place_id, name) VALUES (15, 'Kidal')" \
     -c "ALTER TABLE sahel_news.place_names ENABLE TRIGGER annotate_log_insert" || exit 1
same "a name added while the log's trigger was disabled"
b0=$((b0 + 1))
check_a "a trigger disabled rebuilds" "$b0" "$builds"
# the same name twice: removing one of its entries keeps the other
sql "$db" -c "INSERT INTO sahel_news.places (name, kind, country) VALUES ('Tessit', 'village', 'MLI')" \
     -c "DELETE FROM sahel_news.place_names WHERE place_id = 15 AND name = 'Tessit'" || exit 1
same "one of two places named alike removed"

# a place that changes country: every name of it changes reference, a full build
sql "$db" -c "UPDATE sahel_news.places SET country = 'NER' WHERE name = 'Tessit' AND id > 1000" || exit 1
same "a place's country changed"
check_a "a change of country rebuilds" "$((b0 + 1))" "$builds"

# more changes than a delta takes: a full build
sql "$db" -c "INSERT INTO sahel_news.places (name, kind, country) SELECT 'Hamlet ' || i, 'village', 'MLI' FROM generate_series(1, 400) i" || exit 1
same "400 places added at once"
check_a "too large a delta rebuilds" "$((b0 + 2))" "$builds"

# rows A still needs are pruned: A cannot know what they said, and rebuilds
sql "$db" -c "INSERT INTO sahel_news.actor_names (actor_id, name) SELECT id, 'Katiba Macina' FROM sahel_news.actors ORDER BY id LIMIT 1" || exit 1
sql "$db" -c "SELECT pg_sleep(0.01)" -c "SELECT sahel_news.annotate_names_prune('0 s') > 0" | grep -qx t ||
  { echo "FAILED: annotate_names_prune deleted nothing"; fail=1; }
sql "$db" -c "INSERT INTO sahel_news.actor_names (actor_id, name) SELECT id, 'Macina Liberation Front' FROM sahel_news.actors ORDER BY id LIMIT 1" || exit 1
text="Katiba Macina, the Macina Liberation Front"
query="SELECT string_agg(surface || '=' || actor_id, ' ' ORDER BY start_pos) FROM sahel_news.annotate('$text');"
same "after rows A needed were pruned"
check_a "pruned rows A needed: a rebuild" "$((b0 + 3))" "$builds"

# the log holds names row-level security may hide: no role may read it
sql "$db" -c "CREATE ROLE sn_delta_reader LOGIN IN ROLE sahel_news_reader" 2>/dev/null
denied=$(sql "$db" -c "SET ROLE sahel_news_reader" -c "SELECT count(*) FROM sahel_news.annotate_names_changes" 2>&1 | grep -c "permission denied")
check "a reader may not read the log of changes" 1 "$denied"
denied=$(sql "$db" -c "SET ROLE sahel_news_editor" -c "INSERT INTO sahel_news.annotate_names_changes (op) VALUES ('rebuild')" 2>&1 | grep -c "permission denied")
check "an editor may not write to it" 1 "$denied"
# but an editor's change of names is logged (the trigger writes as the log's owner)
sql "$db" -c "SET ROLE sahel_news_editor" -c "INSERT INTO sahel_news.place_names (place_id, name) VALUES (15, 'Tin Essako')" || fail=1
query="SELECT string_agg(surface || '=' || place_id, ' ' ORDER BY start_pos) FROM sahel_news.annotate('Tin Essako');"
same "a change by an editor"
sql "$db" -c "DROP ROLE IF EXISTS sn_delta_reader" >/dev/null 2>&1
exit $fail
