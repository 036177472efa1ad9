#!/usr/bin/env bash
# Imports a spreadsheet's pair of CSV files in the real window with real input:
# a new network, Import… from its empty-state page, the mapping step, the
# summary with the row it skipped; then the kinds in the legend and the
# properties in the panel, one Ctrl+Z that takes the whole import back and a
# redo, and Save a Copy, whose every row the sqlite3 shell finds.
#
# Usage: run-import-e2e.sh ENTENTE SCREENSHOT-DIR
# Needs DISPLAY (an X server) and a session bus, as build-aux/test provides.
set -eu

entente=$1
shots=$2
app_log=$shots/import-entente.log
. "$(dirname "$0")/common.sh"
new=$work/Airports.entente
copy=$work/Airports-copy.entente

# As in run-e2e.sh, which says why: GTK 4.8's file chooser leaks, so this window is not checked for leaks.
if [ -n "${ASAN_OPTIONS:-}" ]; then
  export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"
fi

# The pair of files as a spreadsheet exports them, in a folder of their own for the file chooser.
mkdir -p "$work/csv"
printf '%s\r\n' 'id,name,type,description,population,founded,iata' \
  '1,Minsk,Airport,"Minsk National Airport, the largest of Belarus",2000000,1982,MSQ' \
  '2,Delhi,Airport,Indira Gandhi International,32000000,1962,DEL' \
  '3,Belavia,Company,"The Belarusian ""national"" airline",,1996,' \
  '4,Air India,Company,India'"'"'s flag carrier,,1932,' \
  '5,Сергей Алейник,person,Министр иностранных дел,,,' >"$work/csv/airports.csv"
printf '%s\n' 'source,target,type,label,weight' '3,1,based-at,hub,5' '4,2,based-at,hub,7' '1,2,route,MSQ–DEL,2' \
  '5,99,visited,,1' >"$work/csv/routes.csv"
count () { sqlite3 "$new" "SELECT count(*) FROM $1"; }
# In the file chooser that has just opened, goes to the folder of the two files and takes both of them,
# pressing the chooser's Import button by its mnemonic: Return would take only the file the cursor is on.
choose_both_files () {
  sleep 1.5
  xdotool key ctrl+l
  sleep 0.3
  xdotool type --delay 20 "$work/csv/"
  sleep 0.5
  xdotool key Return
  sleep 1.5
  xdotool key ctrl+a
  sleep 0.5
  xdotool key alt+i
  sleep 1.5
}

step "start Entente and make a new network with Ctrl+N"
start_entente
sleep 3
new_network "$new"
query find label "An Empty Network" >/dev/null || fail "no empty-state page"

step "Import… from the empty-state page, both files chosen in the file chooser"
click_on find "push button" "Import…"
choose_both_files
wait_for_label "airports.csv" "no mapping step for the entities' file"
query find label "routes.csv" >/dev/null || fail "no mapping step for the relations' file"
query find label "MSQ, DEL" >/dev/null || fail "the mapping step does not show the column's first values"
shot import-01-mapping

step "import into the empty network, with the Import button's mnemonic"
xdotool key alt+i
wait_for_label "Entities: 5" "the summary does not count the five entities"
query toast "Line 5" >/dev/null || fail "the summary does not list the relation to a missing entity, with its line"
shot import-02-summary
xdotool key alt+d
sleep 2
[ "$(count entities)" = 5 ] || fail "the file does not have the five entities"
[ "$(count relations)" = 3 ] || fail "the file does not have the three relations"
[ "$(sqlite3 "$new" "SELECT value FROM properties p JOIN entities e ON e.id = p.entity_id WHERE e.name = 'Minsk' AND p.key = 'iata'")" = MSQ ] \
  || fail "the iata column is not a property"
[ "$(sqlite3 "$new" "SELECT count(*) FROM entities WHERE name = 'Сергей Алейник' AND kind = 'person'")" = 1 ] \
  || fail "the Cyrillic name or the built-in kind was not kept"

step "the new kinds are in the legend, the properties in the panel"
query exact label "Airport" >/dev/null || fail "the legend does not list the kind Airport"
query exact label "Company" >/dev/null || fail "the legend does not list the kind Company"
search_for "Minsk"
query find label "MSQ" >/dev/null || fail "the panel does not show the iata property"
query find label "2000000" >/dev/null || fail "the panel does not show the population"
shot import-03-imported

step "one Ctrl+Z takes the whole import back, Ctrl+Shift+Z brings it again"
xdotool windowfocus "$window"
sleep 0.3
xdotool key Escape ctrl+z
sleep 1.5
[ "$(count entities) $(count relations) $(count properties)" = "0 0 0" ] \
  || fail "Ctrl+Z did not take the whole import back: $(count entities) entities, $(count relations) relations and $(count properties) properties are left"
[ "$(sqlite3 "$new" "SELECT count(*) FROM kinds")" = 8 ] || fail "the new kinds stayed after Ctrl+Z"
xdotool key ctrl+shift+z
sleep 1.5
[ "$(count entities)" = 5 ] || fail "Ctrl+Shift+Z did not bring the import again"

step "import the same files again: every entity is reviewed and merged, and nothing comes twice"
# (Nothing changes, so the import makes no Undo of its own: the file is as the first import left it.)
xdotool key ctrl+i
choose_both_files
# This network has entities now, so a new one is offered first: this one is chosen by its mnemonic.
wait_for_label "routes.csv" "no mapping step the second time"
xdotool key alt+t
sleep 0.3
xdotool key alt+i
wait_for_label "Already in the Network" "the matching entities are not listed for review"
query find label "All 5 entities" >/dev/null || fail "the review does not offer a choice for all five"
shot import-04-review
xdotool key alt+i
wait_for_label "Merged into entities the network had: 5" "the summary does not count five merged"
xdotool key alt+d
sleep 1.5
[ "$(count entities) $(count relations)" = "5 3" ] || fail "the second import brought entities or relations twice"
xdotool windowfocus "$window"
sleep 0.3

step "save a copy: the copy opens, and the sqlite3 shell finds every row"
xdotool key ctrl+shift+s
choose_path "$copy"
[ "$(sqlite3 "$copy" 'PRAGMA integrity_check')" = ok ] || fail "the copy is damaged"
for table in entities relations properties kinds quotes sources; do
  [ "$(sqlite3 "$copy" "SELECT * FROM $table ORDER BY 1, 2")" = "$(sqlite3 "$new" "SELECT * FROM $table ORDER BY 1, 2")" ] \
    || fail "the copy's $table are not the network's"
done
windows_before=$(count_windows)
timeout 30 "$entente" "$copy" >>"$app_log" 2>&1 || fail "the second instance did not hand the copy over"
sleep 3
[ "$(count_windows)" -eq $((windows_before + 1)) ] || fail "the copy did not open in a window of its own"
query find label "5 entities" >/dev/null || fail "the copy's window does not show its five entities"
shot import-05-copy

step "quit"
window=$first
quit_entente
