#!/usr/bin/env bash
# The questions the bundled network answers in the real window with real
# input, read back as a screen reader reads them: "why are Sergei Aleinik and
# the UN Security Council connected?" lists each hop with its quote from the
# article and picks the chain out in the diagram; the Sources page's one
# source shows the whole network; the timeline's 1991 shows only what
# happened then, as the sqlite3 shell counts it.
#
# Usage: run-evidence-e2e.sh ENTENTE SCREENSHOT-DIR
# Needs DISPLAY (an X server) and a session bus, as build-aux/test provides.
set -eu

entente=$1
shots=$2
app_log=$shots/evidence-entente.log
. "$(dirname "$0")/common.sh"
article=$here/../../data/aleinik-visit-to-delhi.txt
db=$example

# The diagram as a screen reader hears it: named after the entity selected, Sergei Aleinik throughout.
diagram () { query diagram "Sergei Aleinik"; }
# Waits a few seconds (longer in the slower sanitizer build) for the diagram's description to hold TEXT.
wait_for_diagram () {
  for _ in $(seq $((20 * ${ENTENTE_TEST_SLOWDOWN:-1}))); do
    diagram 2>/dev/null | grep -q -F -- "$1" && return 0
    sleep 0.3
  done
  return 1
}
# The same for the counts under the window's title.
wait_for_counts () {
  for _ in $(seq $((20 * ${ENTENTE_TEST_SLOWDOWN:-1}))); do
    query find label "$1" >/dev/null 2>&1 && return 0
    sleep 0.3
  done
  return 1
}

step "start Entente and select Sergei Aleinik"
start_entente
for _ in $(seq 100); do [ -s "$db" ] && break; sleep 0.1; done
sleep 2
search_for "Sergei Aleinik"

step "ask why he and the UN Security Council are connected"
xdotool key ctrl+shift+c
sleep 1
query find entry "Name of the other entity" >/dev/null || query find text "Name of the other entity" >/dev/null ||
  fail "Why Connected? asks for no other entity"
xdotool type --delay 40 "Security Council"
sleep 1
xdotool key Return
sleep 1
hops=$(query hops "$article") || fail "the hops are not listed with quotes from the article: $hops"
echo "$hops" | sed 's/^/#   /'
shot why-connected

# The shortest chain has as many hops as a breadth-first search of the relations table finds, each with a quote.
shortest=$(/usr/bin/python3 - "$db" <<'PY'
import sqlite3, sys
from collections import deque
db = sqlite3.connect(sys.argv[1])
start = db.execute("SELECT id FROM entities WHERE name = 'Sergei Aleinik'").fetchone()[0]
goal = db.execute("SELECT id FROM entities WHERE name LIKE 'UN Security Council%'").fetchone()[0]
links = {}
for a, b in db.execute("SELECT from_entity, to_entity FROM relations"):
    links.setdefault(a, set()).add(b)
    links.setdefault(b, set()).add(a)
seen, queue = {start: 0}, deque([start])
while queue:
    node = queue.popleft()
    for other in links.get(node, ()):
        if other not in seen:
            seen[other] = seen[node] + 1
            queue.append(other)
print(seen[goal])
PY
)
n_hops=$(echo "$hops" | grep -c -E '^[0-9]+\. ')
n_quotes=$(echo "$hops" | grep -c '^“')
[ "$n_hops" -eq "$shortest" ] || fail "the chain has $n_hops hops, the shortest has $shortest"
[ "$n_quotes" -eq "$n_hops" ] || fail "$n_quotes quotes for $n_hops hops"
echo "$hops" | head -n 1 | grep -q '^1\. Sergei Aleinik' || fail "the chain does not start at Sergei Aleinik"
echo "$hops" | grep -E '^[0-9]+\. ' | tail -n 1 | grep -q 'UN Security Council' ||
  fail "the chain does not end at the UN Security Council"

step "the diagram picks the chain out"
wait_for_diagram "The chain of relations from Sergei Aleinik to UN Security Council" ||
  fail "the diagram does not say it picks out the chain: $(diagram)"

step "back to the evidence lets the chain go"
click_on exact "push button" "Back to the Evidence"
sleep 0.5
diagram | grep -q "chain" && fail "the chain stayed: $(diagram)"

step "the one source supports the whole network"
xdotool windowfocus "$window"
xdotool key ctrl+alt+s
sleep 1
click_on find "check box" "Aleinik"
wait_for_diagram "Only what ‘Aleinik's visit to Delhi’ supports" || fail "no source filter: $(diagram)"
wait_for_counts "20 of 20 entities · 32 of 32 relations" || fail "the source hides something, or is not counted"
shot sources
click_on find "push button" "Remove the Filter"
wait_for_counts "20 entities · 32 relations" || fail "the chip did not take the filter away"
diagram | grep -q "Only what" && fail "the chip did not take the filter away: $(diagram)"

step "the timeline's 1991"
xdotool windowfocus "$window"
xdotool key ctrl+shift+t
sleep 1
read -r tx ty tw th < <(query find slider "Timeline") || fail "no timeline"
# A person clicks the bars of 1991 where they see them: along the first lane, from the left, until the
# timeline says it shows 1991.
found=
for step_x in $(seq 2 2 60); do
  xdotool mousemove $((tx + tw * step_x / 100)) $((ty + th * 25 / 100)) click 1
  sleep 0.3
  if query describe slider "Timeline" | grep -q -F "Only what happened in 1991"; then found=yes; break; fi
done
xdotool mousemove 1599 999
[ -n "$found" ] || fail "no click on the timeline chose 1991: $(query describe slider Timeline)"
expected=$(/usr/bin/python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def in_1991(start, end):
    years = [int(d[:4]) for d in (start, end) if d and not d.startswith("--")]
    return bool(years) and min(years) <= 1991 <= max(years)
entities = {i for i, s, e in db.execute("SELECT id, start_date, end_date FROM entities") if in_1991(s, e)}
relations = 0
for a, b, s, e in db.execute("SELECT from_entity, to_entity, start_date, end_date FROM relations"):
    if in_1991(s, e):
        relations += 1
        entities |= {a, b}
n_entities = db.execute("SELECT count(*) FROM entities").fetchone()[0]
n_relations = db.execute("SELECT count(*) FROM relations").fetchone()[0]
print(f"{len(entities)} of {n_entities} entities · {relations} of {n_relations} relations")
PY
)
wait_for_counts "$expected" || fail "the title does not count “$expected”"
query describe slider "Timeline" | grep -q -F "Only what happened in 1991" || fail "the timeline moved"
query find label "Only what happened in 1991" >/dev/null || fail "no chip says the timeline filters the diagram"
shot timeline-1991

step "quit"
quit_entente
echo "ok"
