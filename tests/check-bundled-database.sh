#!/bin/sh
# Checks the bundled India–Belarus network with the sqlite3 shell, as a
# person inspecting the file would.
# Usage: check-bundled-database.sh india-belarus.entente aleinik-visit-to-delhi.txt
set -eu
db=$1
article=$2
fail=0

check () {
  what=$1 expected=$2 sql=$3
  got=$(sqlite3 -batch "$db" "$sql")
  if [ "$got" = "$expected" ]; then
    echo "ok: $what"
  else
    echo "FAILED: $what: expected '$expected', got '$got'"
    fail=1
  fi
}

check "application id, schema version, integrity" "1162761285
7
ok" "PRAGMA application_id; PRAGMA user_version; PRAGMA integrity_check;"
check "rollback journal, so it can be read where it is installed" "delete" "PRAGMA journal_mode;"
check "at least 18 entities" 1 "SELECT count(*) >= 18 FROM entities;"
check "at least 22 relations" 1 "SELECT count(*) >= 22 FROM relations;"
check "every kind is present" 8 "SELECT count(DISTINCT kind) FROM entities;"
check "every entity has evidence" 0 \
  "SELECT count(*) FROM entities WHERE id NOT IN (SELECT entity_id FROM entity_evidence);"
check "every relation has evidence" 0 \
  "SELECT count(*) FROM relations WHERE id NOT IN (SELECT relation_id FROM relation_evidence);"
check "every quote is its source's text at its offsets" 0 \
  "SELECT count(*) FROM quotes q JOIN sources s ON s.id = q.source_id
   WHERE q.text IS NOT substr(s.body, q.start_offset + 1, q.end_offset - q.start_offset);"
check "both ministers with their roles" 2 \
  "SELECT count(*) FROM entities WHERE kind = 'person' AND role IS NOT NULL
   AND name IN ('Sergei Aleinik', 'S Jaishankar');"
check "the 1991 recognition is dated" 1 \
  "SELECT count(*) FROM entities WHERE kind = 'event' AND start_date = '1991';"
check "the visit is dated March 11 to 13" 1 \
  "SELECT count(*) FROM entities WHERE kind = 'event' AND start_date = '--03-11' AND end_date = '--03-13';"
check "relations have directions" 1 "SELECT count(*) > 0 FROM relations WHERE directed = 1;"
check "the source has a title" 1 "SELECT count(*) FROM sources WHERE length(title) > 0;"

# The body is the article, byte for byte.
sqlite3 -batch "$db" "SELECT writefile('$db.body', body) FROM sources WHERE id = 1;" >/dev/null
if cmp -s "$db.body" "$article"; then
  echo "ok: the source holds the article"
else
  echo "FAILED: the source is not the article"
  fail=1
fi
rm -f "$db.body"

exit $fail
