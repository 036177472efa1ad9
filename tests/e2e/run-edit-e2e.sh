#!/usr/bin/env bash
# Edits the network in the real window with real input: a new entity through
# its dialog, a relation from it to Belarus, a passage of the source as its
# evidence; then quits, starts again and checks the file with the sqlite3
# shell, and that no other node moved.
#
# Usage: run-edit-e2e.sh ENTENTE SCREENSHOT-DIR
# Needs DISPLAY (an X server) and a session bus, as build-aux/test provides.
set -eu

entente=$1
shots=$2
app_log=$shots/edit-entente.log
. "$(dirname "$0")/common.sh"
db=$example

click_at () { xdotool mousemove "$1" "$2" click 1; }

start_app () {
  start_entente
  # The first start lays the network out; wait until its positions are stored.
  for _ in $(seq 100); do
    [ -s "$db" ] && [ "$(sqlite3 "$db" 'SELECT count(*) > 0 FROM positions' 2>/dev/null)" = 1 ] && break
    sleep 0.1
  done
  sleep 2
}

step "start Entente"
start_app
sqlite3 "$db" "SELECT entity_id, engine, x, y FROM positions ORDER BY entity_id, engine" > "$work/before.txt"
[ -s "$work/before.txt" ] || fail "no stored layout"
shot edit-01-start

step "create an entity through the dialog"
xdotool windowfocus "$window"
sleep 0.3
xdotool key ctrl+shift+a
sleep 1
xdotool type --delay 30 "Minsk delegation"
sleep 0.3
shot edit-02-entity-dialog
xdotool key Return
sleep 1
[ "$(sqlite3 "$db" "SELECT count(*) FROM entities WHERE name = 'Minsk delegation'")" = 1 ] || fail "the entity was not stored"

step "connect it to Belarus with a new relation"
# Select Belarus, then the new entity: a new relation joins the selection to the entity selected before.
search_for "Belarus"
search_for "Minsk delegation"
xdotool key ctrl+shift+n
sleep 1
xdotool type --delay 30 "visits"
sleep 0.3
shot edit-03-relation-dialog
xdotool key Return
sleep 1
[ "$(sqlite3 "$db" "SELECT count(*) FROM relations r JOIN entities a ON a.id = r.from_entity JOIN entities b ON b.id = r.to_entity WHERE a.name = 'Minsk delegation' AND b.name = 'Belarus' AND r.kind = 'visits'")" = 1 ] || fail "the relation was not stored"

step "open the source viewer on a quote of S Jaishankar"
search_for "Jaishankar"
click_on find label "“"
sleep 1
shot edit-04-source

step "select the new entity again and a passage of the source, and add it as evidence"
search_for "Minsk delegation"
read -r x y w h < <(query sourcebox) || fail "no source text shown"
# Drag across the first line of the article, in small steps as a hand would.
xdotool mousemove $((x + 20)) $((y + 24))
sleep 0.2
xdotool mousedown 1
for i in $(seq 1 12); do
  xdotool mousemove $((x + 20 + i * (w - 60) / 12)) $((y + 26))
  sleep 0.05
done
xdotool mouseup 1
sleep 0.5
shot edit-05-selection
click_on find "push button" "Add as Evidence"
sleep 1
shot edit-06-evidence
[ "$(sqlite3 "$db" "SELECT count(*) FROM entity_evidence e JOIN entities n ON n.id = e.entity_id WHERE n.name = 'Minsk delegation'")" = 1 ] || fail "the passage was not added as evidence"

step "quit and start again"
quit_entente
start_app
shot edit-07-reopened
quit_entente

step "the sqlite3 shell finds all three, and the quote is its source's text"
[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check"
[ "$(sqlite3 "$db" "SELECT count(*) FROM entities WHERE name = 'Minsk delegation'")" = 1 ] || fail "entity lost"
[ "$(sqlite3 "$db" "SELECT count(*) FROM relations r JOIN entities a ON a.id = r.from_entity JOIN entities b ON b.id = r.to_entity WHERE a.name = 'Minsk delegation' AND b.name = 'Belarus'")" = 1 ] || fail "relation lost"
[ "$(sqlite3 "$db" "SELECT count(*) FROM quotes q JOIN entity_evidence e ON e.quote_id = q.id JOIN entities n ON n.id = e.entity_id JOIN sources s ON s.id = q.source_id WHERE n.name = 'Minsk delegation' AND q.text = substr(s.body, q.start_offset + 1, q.end_offset - q.start_offset)")" = 1 ] || fail "quote lost or not exact"

step "no other node moved more than one pixel"
sqlite3 "$db" "SELECT entity_id, engine, x, y FROM positions ORDER BY entity_id, engine" > "$work/after.txt"
moved=$(awk -F'|' 'NR == FNR { x[$1 "|" $2] = $3; y[$1 "|" $2] = $4; next }
                   ($1 "|" $2) in x { dx = $3 - x[$1 "|" $2]; dy = $4 - y[$1 "|" $2];
                                      if (dx > 1 || dx < -1 || dy > 1 || dy < -1) print $1 }' \
        "$work/before.txt" "$work/after.txt")
[ -z "$moved" ] || fail "nodes moved: $moved"
[ "$(wc -l < "$work/after.txt")" -gt "$(wc -l < "$work/before.txt")" ] || fail "the new entity has no position"

echo "1 passed, 0 failed"
