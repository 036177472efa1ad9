#!/bin/sh
# `entente --bundle`: the bundles are in the file, where the sqlite3 shell
# shows them, and `--bundle --export` draws them; a mingle that fails is an
# error message and an exit status, and the file keeps no bundles.
# Usage: check-bundle-cli.sh ENTENTE india-belarus.entente
set -eu
entente=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

check () {
  what=$1 expected=$2 got=$3
  if [ "$got" = "$expected" ]; then
    echo "ok: $what"
  else
    echo "FAILED: $what: expected '$expected', got '$got'"
    fail=1
  fi
}

cp "$2" "$work/network.entente"
chmod u+w "$work/network.entente"
db="$work/network.entente"

"$entente" --export="$work/plain.svg" --engine=neato "$db"
"$entente" --bundle --engine=neato "$db" 2> "$work/stderr"
cat "$work/stderr"
# Every relation between two entities at two places gets a bundle; loops get none.
check "a bundle for each relation between two entities" \
  "$(sqlite3 -batch "$db" "SELECT count (*) FROM relations WHERE from_entity <> to_entity")" \
  "$(sqlite3 -batch "$db" "SELECT count (*) FROM bundles WHERE engine = 'neato'")"
check "each bundle a spline of 1 + 3k points of two doubles" 0 \
  "$(sqlite3 -batch "$db" "SELECT count (*) FROM bundles WHERE length (points) % 48 <> 16 OR length (points) < 64")"
check "the layout the bundles were made for is stored" \
  "$(sqlite3 -batch "$db" "SELECT count (*) FROM entities")" \
  "$(sqlite3 -batch "$db" "SELECT count (*) FROM positions WHERE engine = 'neato'")"
check "says what it did" 1 "$(grep -c '^Bundled [0-9]* relations in ' "$work/stderr")"

"$entente" --bundle --engine=neato --export="$work/bundled.svg" "$db" 2> /dev/null
check "the bundled drawing is written" 1 "$(grep -c '<svg' "$work/bundled.svg")"
check "the bundled drawing is not the plain one" 1 "$(cmp -s "$work/plain.svg" "$work/bundled.svg" || echo 1)"
"$entente" --export="$work/again.svg" --engine=neato "$db"
check "an export of the file draws the stored bundles as the bundled export did" "" \
  "$(cmp "$work/bundled.svg" "$work/again.svg")"

# Moving a node in the shell drops the layout's bundles.
sqlite3 -batch "$db" "UPDATE positions SET x = x + 10 WHERE engine = 'neato' AND entity_id = (SELECT min (id) FROM entities)"
check "a changed position drops the bundles" 0 "$(sqlite3 -batch "$db" "SELECT count (*) FROM bundles WHERE engine = 'neato'")"

status=0
ENTENTE_MINGLE=/bin/false "$entente" --bundle --engine=neato "$db" 2> "$work/stderr" || status=$?
check "a mingle that fails: exit status 1" 1 "$status"
check "a mingle that fails: a message" 1 "$(grep -c 'entente: .*mingle failed (exit status 1)' "$work/stderr")"
check "a mingle that fails: no bundles" 0 "$(sqlite3 -batch "$db" "SELECT count (*) FROM bundles")"

status=0
"$entente" --bundle --export="$work/data.json" "$db" 2> /dev/null || status=$?
check "bundles go only into diagrams" 2 "$status"

# A file of a newer version is only read: its bundles can go into a drawing, but not into it.
cp "$db" "$work/newer.entente"
sqlite3 -batch "$work/newer.entente" "PRAGMA user_version = $(( $(sqlite3 -batch "$db" 'PRAGMA user_version') + 1 ))"
status=0
"$entente" --bundle --engine=neato "$work/newer.entente" 2> "$work/stderr" || status=$?
check "a file only read is not bundled into: exit status 1" 1 "$status"
check "a file only read is not bundled into: why" 1 "$(grep -c 'entente: .*newer version' "$work/stderr")"
"$entente" --export="$work/newer-plain.svg" --engine=neato "$work/newer.entente"
"$entente" --bundle --engine=neato --export="$work/newer.svg" "$work/newer.entente" 2> /dev/null
check "a file only read is bundled for a drawing" 1 "$(cmp -s "$work/newer-plain.svg" "$work/newer.svg" || echo 1)"
check "a file only read keeps no bundles" 0 "$(sqlite3 -batch "$work/newer.entente" "SELECT count (*) FROM bundles")"

exit $fail
