# common.sh: what the end-to-end scripts share: a private home for Entente,
# the accessibility bus, and the steps, screenshots and clicks they are made of.
#
# Sourced by the run-*-e2e.sh scripts after they set $entente, $shots
# and $app_log (where the window's output goes); it leaves $here, $work,
# $example, $app_pid and $window for them, and cleans up on exit.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
app_pid=
bus_pid=
# A test that fails, by a check or by a step that went wrong, shows what the sanitizers reported.
clean_up () {
  [ $? -eq 0 ] || sanitizer_reports | head -n 200
  kill $app_pid $bus_pid 2>/dev/null || true
  pkill -f at-spi2-registryd -P $bus_pid 2>/dev/null || true
  rm -rf "$work"
}
trap clean_up EXIT
mkdir -p "$shots"
: >"$app_log"

export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
# GTK's settings for the tests: tests/config/gtk-4.0/settings.ini says why.
mkdir -p "$XDG_CONFIG_HOME/gtk-4.0"
cp "$(dirname "${BASH_SOURCE[0]}")/../config/gtk-4.0/settings.ini" "$XDG_CONFIG_HOME/gtk-4.0/"
export GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GTK_USE_PORTAL=0
# The user's copy of the bundled network, which Entente makes and opens on its first start.
example=$XDG_DATA_HOME/entente/india-belarus.entente
unset NO_AT_BRIDGE

# In the sanitizer build (see tests/meson.build) the reports of every program started here, the
# window and the layout helper it starts, go to files in $work: the helper's stderr goes to the
# window, which shows at most a line of it. The window allocates so much that AddressSanitizer's
# full unwinder, run on every allocation, makes it some twenty times slower, too slow for the
# pauses below. The fast unwinder's stacks are shorter, but still begin with the caller of malloc,
# which for fontconfig, the one library whose leaks are suppressed, is fontconfig itself; and every
# report still fails the test.
if [ -n "${ASAN_OPTIONS:-}" ]; then
  export ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=1:log_path=$work/sanitizer"
fi
if [ -n "${UBSAN_OPTIONS:-}" ]; then
  export UBSAN_OPTIONS="$UBSAN_OPTIONS:log_path=$work/sanitizer"
fi

# Background processes write to a log, not to the test's output, which the test runner waits to close.
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$work/bus.log" 2>&1 &
bus_pid=$!
sleep 1

step () { echo "# $*"; }
shot () { import -window root "$shots/$1.png"; }
sanitizer_reports () {
  grep -h -A 40 -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$app_log" || true
  cat "$work"/sanitizer.* 2>/dev/null || true
}
fail () { echo "FAILED: $*"; shot failure; exit 1; }

# Starts Entente, its output going to $app_log, and waits for its window.
start_entente () {
  "$entente" >>"$app_log" 2>&1 &
  app_pid=$!
  window=$(xdotool search --sync --onlyvisible --pid "$app_pid" | head -n 1)
  [ -n "$window" ] || fail "no window"
}

# Quits Entente as a person would and waits for it, so that it ends as it normally does, at-exit
# leak check included; then fails if it did not end well or anything it ran reported an error.
quit_entente () {
  local status=0
  xdotool windowfocus "$window"
  sleep 0.3
  xdotool key ctrl+q
  for _ in $(seq 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$app_pid" 2>/dev/null && fail "Entente did not quit"
  wait "$app_pid" || status=$?
  app_pid=
  [ -z "$(sanitizer_reports)" ] || fail "a sanitizer reported an error"
  [ "$status" -eq 0 ] || fail "Entente ended with exit status $status"
}
query () { /usr/bin/python3 "$here/atspi-query.py" "$@"; }

# Types TEXT into the search of the window $window and presses Enter, which selects what it finds.
search_for () {
  xdotool windowfocus "$window"
  sleep 0.3
  xdotool key ctrl+f
  sleep 0.5
  xdotool key ctrl+a
  xdotool type --delay 40 "$1"
  sleep 0.5
  xdotool key Return
  sleep 1
}

# Clicks the middle of the shown widget that `query find ROLE NAME` (or `exact`) finds, then moves the
# pointer away from the windows, so that no tooltip counts as a window.
click_on () {
  local x y w h
  read -r x y w h < <(query "$@") || fail "no $2 “$3” to click"
  xdotool mousemove $((x + w / 2)) $((y + h / 2)) click 1
  xdotool mousemove 1599 999
}
# The windows of Entente shown on screen, one a line.
windows () { xdotool search --onlyvisible --pid "$app_pid" --name . 2>/dev/null || true; }
count_windows () { windows | wc -l; }
# The window of Entente on top of the others. There is no window manager to ask which is active;
# xwininfo lists the windows from the top of the stack down.
top_window () {
  local ours
  ours=$(windows | while read -r w; do printf '0x%x\n' "$w"; done)
  xwininfo -root -children | grep -o '^ *0x[0-9a-f]*' | tr -d ' ' | grep -x -F "$ours" | head -n 1
}
hex () { printf '0x%x' "$1"; }
# Waits a few seconds for a shown label with TEXT in it, and fails with MESSAGE if none comes.
wait_for_label () {
  for _ in $(seq 15); do query find label "$1" >/dev/null 2>&1 && return 0; sleep 0.3; done
  fail "$2"
}
# Makes a new network at PATH with Ctrl+N from the window $window; $window is then the new one's and
# $first the window it was made from.
new_network () {
  xdotool windowfocus "$window"
  sleep 0.3
  xdotool key ctrl+n
  choose_path "$1"
  for _ in $(seq 25); do [ -f "$1" ] && break; sleep 0.2; done
  [ -f "$1" ] || fail "the new network was not made"
  first=$window
  for _ in $(seq 25); do
    window=$(windows | grep -v -x "$first" | head -n 1)
    [ -n "$window" ] && break
    sleep 0.2
  done
  [ -n "$window" ] || fail "the new network did not open in a window of its own"
}
# Types PATH into the file chooser that has just opened, replacing its suggestion, and accepts it.
choose_path () {
  sleep 1.5
  xdotool key ctrl+a
  xdotool type --delay 20 "$1"
  sleep 0.3
  xdotool key Return
  sleep 2
}

