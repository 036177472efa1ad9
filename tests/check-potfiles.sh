#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
# Usage: check-potfiles.sh SOURCE-ROOT
set -eu
cd "$1"
fail=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')

for f in $(grep -rlE '\b(N_|_|C_|g_dngettext|g_dgettext)\s*\(' src --include='*.c') \
         $(grep -rl 'translatable="yes"' ui --include='*.ui'); do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "not in po/POTFILES.in: $f"
    fail=1
  fi
done

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names a missing file: $f"
    fail=1
  fi
done

[ $fail -eq 0 ] && echo "ok: po/POTFILES.in lists every file with translatable strings"
exit $fail
