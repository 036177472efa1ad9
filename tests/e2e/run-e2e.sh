#!/usr/bin/env bash
# Drives the real Entente window with real input events, reads it through the
# accessibility bus and checks its export with the tools a person would use.
#
# Usage: run-e2e.sh ENTENTE ARTICLE SCREENSHOT-DIR
# Needs DISPLAY (an X server) and a session bus, as build-aux/test provides.
set -eu

entente=$1
article=$2
shots=$3
app_log=$shots/entente.log
. "$(dirname "$0")/common.sh"

# In the sanitizer build this window is checked for memory errors and undefined behaviour, but not
# for leaks. GTK 4.8's file chooser, which the export and open steps use, leaks file infos, tree
# paths and what its sidebar's cloud providers library allocates (a program that does no more than
# open and close one shows the same), in frames of Debian's GLib and GIO that have no names, so
# no suppression could tell those leaks from Entente's. run-edit-e2e.sh checks a window that does
# everything but the file chooser for leaks too.
if [ -n "${ASAN_OPTIONS:-}" ]; then
  export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"
fi

step "start Entente on the bundled network"
start_entente
sleep 3
shot 01-start

step "search for Jaishankar and press Enter"
# On a busy machine the window may still be starting: the search is tried again until the panel shows a quote.
quote_info=
for attempt in 1 2 3 4 5; do
  search_for Jaishankar
  quote_info=$(query quote "$article" 2>/dev/null) && break
  sleep 2
done
shot 02-search

step "the evidence panel shows a quote that is a passage of the article"
[ -n "$quote_info" ] || fail "no quote in the evidence panel"
quote=$(echo "$quote_info" | head -n 1)
read -r qx qy qw qh < <(echo "$quote_info" | tail -n 1)
echo "quote: $quote"

step "click the quote"
xdotool mousemove --window "$window" $((qx + qw / 2)) $((qy + qh / 2)) click 1
sleep 1
shot 03-source

step "the source viewer highlights that passage"
highlighted=$(query source "$article") || fail "nothing highlighted in the source viewer"
[ "$highlighted" = "$quote" ] || fail "highlighted '$highlighted', expected '$quote'"

step "export a PNG through the export dialog"
xdotool windowfocus "$window"
sleep 0.3
xdotool key ctrl+e
sleep 1.5
shot 04-export-dialog
# Its Export… button has the focus: Return asks for the file.
xdotool key Return
sleep 1.5
shot 04-export-chooser
xdotool key ctrl+a
xdotool type --delay 20 "$work/export.png"
xdotool key Return
for _ in $(seq 50); do [ -s "$work/export.png" ] && break; sleep 0.1; done
sleep 0.5
shot 05-exported
[ -s "$work/export.png" ] || fail "the export dialog wrote no file"
pngcheck -q "$work/export.png" || fail "pngcheck refuses the export"
cp "$work/export.png" "$shots/export.png"

step "open a file of random bytes through the open dialog: an error, and the network stays"
head -c 4096 /dev/urandom > "$work/random.entente"
title_before=$(xdotool getwindowname "$window")
# Without a window manager nobody gives the focus back when a dialog closes.
xdotool windowfocus "$window"
sleep 0.3
xdotool key ctrl+o
sleep 1.5
# Typing a path into the file chooser opens its location entry.
xdotool type --delay 20 "$work/random.entente"
sleep 0.5
xdotool key Return
sleep 1.5
shot 06-open-random
query toast "not an Entente file" || fail "no error shown for a file of random bytes"
[ "$(xdotool getwindowname "$window")" = "$title_before" ] || fail "the open network was replaced"

step "quit"
quit_entente

echo "1 passed, 0 failed"
