#!/usr/bin/env bash
# Works with files in the real window with real input: a new network through
# the file chooser, its empty-state page, the example, a copy of it checked
# with the sqlite3 shell, and a file opened a second time from the command
# line, which raises the window it is open in.
#
# Usage: run-files-e2e.sh ENTENTE SCREENSHOT-DIR
# Needs DISPLAY (an X server) and a session bus, as build-aux/test provides.
set -eu

entente=$1
shots=$2
app_log=$shots/files-entente.log
. "$(dirname "$0")/common.sh"
new=$work/Fresh.entente
copy=$work/Copied.entente

# As in run-e2e.sh, which says why: GTK 4.8's file chooser leaks, so this window is not checked for leaks.
if [ -n "${ASAN_OPTIONS:-}" ]; then
  export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"
fi

step "start Entente on the example"
start_entente
sleep 3
[ "$(count_windows)" -eq 1 ] || fail "not one window at the start"

step "make a new network with Ctrl+N"
xdotool windowfocus "$window"
sleep 0.3
xdotool key ctrl+n
choose_path "$new"
for _ in $(seq $((30 * ${ENTENTE_TEST_SLOWDOWN:-1}))); do [ -f "$new" ] && break; sleep 0.3; done
[ -f "$new" ] || fail "the new network was not made"
[ "$(sqlite3 "$new" 'PRAGMA application_id; PRAGMA user_version' | tr '\n' ' ')" = "1162761285 7 " ] \
  || fail "the new file is not an Entente network"
[ "$(sqlite3 "$new" 'SELECT count(*) FROM entities')" = 0 ] || fail "the new network is not empty"
[ "$(count_windows)" -eq 2 ] || fail "the new network did not open in a window of its own"
query find label "An Empty Network" >/dev/null || fail "no empty-state page"
query find "push button" "Add Entity" >/dev/null || fail "the empty-state page offers no Add Entity"
new_window=$(top_window)
[ "$new_window" != "$(hex "$window")" ] || fail "the new network's window is not on top"
shot files-01-empty

step "open the example from the empty-state page: its window comes up"
click_on find "push button" "Open the Example"
sleep 2
[ "$(count_windows)" -eq 2 ] || fail "the example opened twice"
[ "$(top_window)" = "$(hex "$window")" ] || fail "the example's window was not raised"

step "save a copy of the example with Ctrl+Shift+S"
xdotool windowfocus "$window"
sleep 0.3
xdotool key ctrl+shift+s
choose_path "$copy"
for _ in $(seq $((30 * ${ENTENTE_TEST_SLOWDOWN:-1}))); do [ -f "$copy" ] && break; sleep 0.3; done
[ -f "$copy" ] || fail "no copy was written"
query toast "Saved a copy as" >/dev/null || fail "no toast says the copy was saved"
[ "$(sqlite3 "$copy" 'PRAGMA integrity_check')" = ok ] || fail "the copy is damaged"
for table in entities relations quotes; do
  [ "$(sqlite3 "$copy" "SELECT count(*) FROM $table")" = "$(sqlite3 "$example" "SELECT count(*) FROM $table")" ] \
    || fail "the copy does not have the example's $table"
done
ls -A "$work" | grep -q '^\.Copied' && fail "the copy left a file beside it"
shot files-02-copied

step "a copy named without the extension gets it, so that GIO knows the file by its name"
xdotool windowfocus "$window"
sleep 0.3
xdotool key ctrl+shift+s
choose_path "$work/Plain"
for _ in $(seq $((30 * ${ENTENTE_TEST_SLOWDOWN:-1}))); do [ -f "$work/Plain.entente" ] && break; sleep 0.3; done
[ -f "$work/Plain.entente" ] && [ ! -e "$work/Plain" ] || fail "the copy was not named Plain.entente"

step "the new files are in the recent files"
recent=$XDG_DATA_HOME/recently-used.xbel
grep -q "Fresh.entente" "$recent" || fail "the new network is not a recent file"
grep -q "Copied.entente" "$recent" || fail "the copy is not a recent file"

step "open the new network again from the command line: its window comes up"
timeout 30 "$entente" "$new" >>"$app_log" 2>&1 || fail "the second instance did not hand the file over"
sleep 2
[ "$(count_windows)" -eq 2 ] || fail "the new network opened twice"
[ "$(top_window)" = "$new_window" ] || fail "the new network's window was not raised"

step "open the copy from the command line: a window of its own"
timeout 30 "$entente" "$copy" >>"$app_log" 2>&1 || fail "the second instance did not hand the copy over"
sleep 3
[ "$(count_windows)" -eq 3 ] || fail "the copy did not open in a window of its own"
shot files-03-three-windows

step "quit"
quit_entente
