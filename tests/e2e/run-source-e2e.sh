#!/usr/bin/env bash
# Adds a source from a saved web page in the real window with real input: Add
# Source from the add menu, Open a File… and the file chooser, the rows and the
# text filled from the page, a publisher typed first kept; then Add, and the
# sqlite3 shell finds the source with the page's text.
#
# Usage: run-source-e2e.sh ENTENTE SCREENSHOT-DIR
# Needs DISPLAY (an X server) and a session bus, as build-aux/test provides.
set -eu

entente=$1
shots=$2
app_log=$shots/source-entente.log
. "$(dirname "$0")/common.sh"
db=$example
page=$here/../data/sources/news-page.html
title="Belarus and India agree to widen trade in potash and pharmaceuticals"

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

quit_entente
echo "1 passed, 0 failed"
