#!/usr/bin/env bash
# Adds a source from a saved web page in the real window with real input: Add
# Source from the add menu, Open a File… and the file chooser, the rows and the
# text filled from the page, a publisher typed first kept; then Add, and the
# sqlite3 shell finds the source with the page's text; it opens to be read, a name
# selected in it becomes a new entity and a paragraph a new relation, each with
# the passage as its quote, and Ctrl+Z takes each back.
#
# Usage: run-source-e2e.sh ENTENTE SCREENSHOT-DIR
# Needs DISPLAY (an X server) and a session bus, as build-aux/test provides.
set -eu

entente=$1
shots=$2
app_log=$shots/source-entente.log
. "$(dirname "$0")/common.sh"

# As in run-e2e.sh, which says why: GTK 4.8's file chooser leaks, so this window is not checked for leaks.
if [ -n "${ASAN_OPTIONS:-}" ]; then
  export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"
fi
db=$example
page=$here/../data/sources/news-page.html
title="Belarus and India agree to widen trade in potash and pharmaceuticals"

# Waits up to fifteen seconds (longer in the sanitizer build, which is slower) for the sqlite3 shell's answer to
# SQL to be EXPECTED.
wait_for_sql () {
  for _ in $(seq $((50 * ${ENTENTE_TEST_SLOWDOWN:-1}))); do
    [ "$(sqlite3 "$db" "$1")" = "$2" ] && return 0
    sleep 0.3
  done
  return 1
}
# Waits as long for a window of the type named by the accessibility bus as ROLE NAME.
wait_for_shown () {
  for _ in $(seq $((25 * ${ENTENTE_TEST_SLOWDOWN:-1}))); do
    query "$@" >/dev/null 2>&1 && return 0
    sleep 0.3
  done
  return 1
}

step "start Entente"
start_entente
for _ in $(seq 100); do [ -s "$db" ] && break; sleep 0.1; done
sleep 2
sources_before=$(sqlite3 "$db" 'SELECT count(*) FROM sources')

step "open Add Source from the add menu and type a publisher"
click_on exact "push button" "Add to the Network"
sleep 1
xdotool key s
sleep 1
query find "push button" "Open a File" >/dev/null || fail "the source dialog offers no Open a File…"
click_on exact text "Publisher"
sleep 0.3
xdotool type --delay 30 "Typed Publisher"
sleep 0.3

step "open the saved page with Open a File…"
click_on find "push button" "Open a File"
sleep 1.5
shot source-01-chooser
choose_path "$page"
sleep 1
shot source-02-loaded

step "add it: the title, address and date are the page's, the publisher the one typed, the text its article"
click_on exact "push button" "Add Add"
sleep 1
[ "$(sqlite3 "$db" 'SELECT count(*) FROM sources')" = $((sources_before + 1)) ] || fail "the source was not added"
row=$(sqlite3 "$db" "SELECT publisher, url, published FROM sources WHERE title = '$title'")
[ "$row" = "Typed Publisher|https://www.delhiledger.example/world/belarus-india-trade-talks|2024-05-17" ] \
  || fail "the source's rows are not the page's and the typed publisher: $row"
sqlite3 "$db" "SELECT body FROM sources WHERE title = '$title'" > "$work/body.txt"
cmp -s "$work/body.txt" "$here/../data/sources/news-page.txt" || fail "the source's text is not the page's article"

step "the new source is open to read: select a name in it, New Entity from Selection (Ctrl+Alt+A), Add"
wait_for_shown exact label "$title" || fail "the new source is not shown"
source_id=$(sqlite3 "$db" "SELECT id FROM sources WHERE title = '$title'")
entities_before=$(sqlite3 "$db" 'SELECT count(*) FROM entities')
# The text is read-only: a name is selected with the mouse. A double-click on the second word of the byline,
# "By Priya Raman", takes "Priya".
read -r bx by bw bh < <(query sourcebox) || fail "the source viewer is not shown"
xdotool mousemove $((bx + 57)) $((by + 69)) click --repeat 2 --delay 60 1
xdotool mousemove 1599 999
sleep 0.3
xdotool windowfocus "$window"
sleep 0.3
xdotool key ctrl+alt+a
wait_for_shown exact "push button" "Add Add" || fail "no dialog opened"
sleep 1
shot source-03-new-entity
xdotool key Return
wait_for_sql 'SELECT count(*) FROM entities' $((entities_before + 1)) || fail "no entity was added"
row=$(sqlite3 "$db" "SELECT e.name, q.text = substr (s.body, q.start_offset + 1, q.end_offset - q.start_offset), q.source_id
                     FROM entities e JOIN entity_evidence v ON v.entity_id = e.id JOIN quotes q ON q.id = v.quote_id
                     JOIN sources s ON s.id = q.source_id WHERE e.name = 'Priya'")
[ "$row" = "Priya|1|$source_id" ] || fail "the new entity does not have the passage as its quote: $row"

step "select a line, New Relation from Selection (Ctrl+Alt+R), type its kind, Add"
relations_before=$(sqlite3 "$db" 'SELECT count(*) FROM relations')
# A triple-click takes the first line of the paragraph "New Delhi — Belarus and India agreed on Friday …".
xdotool mousemove $((bx + 100)) $((by + 117)) click --repeat 3 --delay 60 1
xdotool mousemove 1599 999
sleep 0.3
xdotool windowfocus "$window"
sleep 0.3
xdotool key ctrl+alt+r
wait_for_shown exact "push button" "Add Add" || fail "no dialog opened"
sleep 1
shot source-04-new-relation
xdotool type --delay 30 "agrees with"
xdotool key Return
wait_for_sql 'SELECT count(*) FROM relations' $((relations_before + 1)) || fail "no relation was added"
quoted=$(sqlite3 "$db" "SELECT q.text FROM relations r JOIN relation_evidence v ON v.relation_id = r.id
                        JOIN quotes q ON q.id = v.quote_id WHERE r.kind = 'agrees with'")
case "$quoted" in
  "New Delhi — Belarus and India agreed on Friday"*) ;;
  *) fail "the new relation does not have the line as its quote: $quoted" ;;
esac

step "Ctrl+Z takes the relation back, and again the entity"
xdotool windowfocus "$window"
sleep 0.3
xdotool key ctrl+z
wait_for_sql 'SELECT count(*) FROM relations' "$relations_before" || fail "Ctrl+Z did not take the relation back"
xdotool key ctrl+z
wait_for_sql 'SELECT count(*) FROM entities' "$entities_before" || fail "Ctrl+Z did not take the entity back"

quit_entente
echo "1 passed, 0 failed"
