# common.sh: what both end-to-end scripts share: a private home for Entente,
# the accessibility bus, and the steps, screenshots and clicks they are made of.
#
# Sourced by run-e2e.sh and run-edit-e2e.sh after they set $entente and
# $shots; it leaves $here, $work and $app_pid for them, and cleans up on exit.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
app_pid=
bus_pid=
trap 'kill $app_pid $bus_pid 2>/dev/null || true; pkill -f at-spi2-registryd -P $bus_pid 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$shots"

export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
export GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GTK_USE_PORTAL=0
unset NO_AT_BRIDGE

# Background processes write to a log, not to the test's output, which the test runner waits to close.
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$work/bus.log" 2>&1 &
bus_pid=$!
sleep 1

step () { echo "# $*"; }
shot () { import -window root "$shots/$1.png"; }
fail () { echo "FAILED: $*"; shot failure; exit 1; }
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
