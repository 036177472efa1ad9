#!/usr/bin/env bash
# Runs the command that follows on an X server of its own, which ends with it.
#
# Every test goes through this (the default test setup in tests/meson.build), because tests that
# share one X server reach into each other: GTK asks the owner of a selection for its formats each
# time the owner changes, so a test that selects text makes another test's window talk to it, and
# whichever exits first leaves the other a transfer that never ends (and, in the sanitizer build,
# a leak report for it). Focus and the pointer are shared too.
#
# Xvfb picks a free display itself (-displayfd), so tests running side by side never race for one.
set -u

if ! command -v Xvfb >/dev/null; then
  # No Xvfb: run on whatever display there is (the tests that need one say so when they fail).
  exec "$@"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/entente-display.XXXXXX") || exit 99
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$dir/display" >"$dir/log" 2>&1 &
xvfb=$!

end_server () {
  kill "$xvfb" 2>/dev/null
  wait "$xvfb" 2>/dev/null
  rm -rf "$dir"
}
trap end_server EXIT
trap 'exit 130' INT TERM

# Xvfb writes the display number once it accepts connections.
number=
for _ in $(seq 200); do
  number=$(tr -dc 0-9 <"$dir/display")
  [ -n "$number" ] && break
  if ! kill -0 "$xvfb" 2>/dev/null; then
    break
  fi
  sleep 0.05
done
if [ -z "$number" ]; then
  echo "private-display: Xvfb did not start:" >&2
  cat "$dir/log" >&2
  exit 99
fi

export DISPLAY=":$number"
# Not exec: the server must be ended when the command is.
"$@"
exit $?
