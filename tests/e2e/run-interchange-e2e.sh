#!/usr/bin/env bash
# Imports a GraphML file as a networkx script writes it in the real window with
# real input: a new network, Import…, the Kinds step, where the kinds are taken
# from another key than the file's type; then the network exported as GraphML
# and GEXF through the export dialog, read back by networkx.
#
# Usage: run-interchange-e2e.sh ENTENTE SCREENSHOT-DIR
# Needs DISPLAY (an X server) and a session bus, as build-aux/test provides.
set -eu

entente=$1
shots=$2
app_log=$shots/interchange-entente.log
. "$(dirname "$0")/common.sh"
new=$work/Ports.entente

# As in run-e2e.sh, which says why: GTK 4.8's file chooser leaks, so this window is not checked for leaks.
if [ -n "${ASAN_OPTIONS:-}" ]; then
  export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"
fi

# A file as networkx's write_graphml writes one: keys by id, typed, a type and a category of each node.
mkdir -p "$work/in"
cat >"$work/in/ports.graphml" <<'GRAPHML'
<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="d0" for="node" attr.name="label" attr.type="string"/>
<key id="d1" for="node" attr.name="type" attr.type="string"/>
<key id="d2" for="node" attr.name="category" attr.type="string"/>
<key id="d3" for="node" attr.name="passengers" attr.type="long"/>
<key id="d4" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="directed">
<node id="MSQ"><data key="d0">Minsk</data><data key="d1">Airport</data><data key="d2">Hub</data><data key="d3">4200000</data></node>
<node id="DEL"><data key="d0">Delhi</data><data key="d1">Airport</data><data key="d2">Hub</data><data key="d3">72000000</data></node>
<node id="GME"><data key="d0">Gomel</data><data key="d1">Airport</data><data key="d2">Regional</data></node>
<node id="B2"><data key="d0">Belavia</data><data key="d1">Company</data><data key="d2">Airline</data></node>
<edge source="B2" target="MSQ"><data key="d4">5.5</data></edge>
<edge source="MSQ" target="DEL"><data key="d4">2</data></edge>
<edge source="MSQ" target="GME"/>
</graph>
</graphml>
GRAPHML
count () { sqlite3 "$new" "SELECT count(*) FROM $1"; }

step "start Entente and make a new network with Ctrl+N"
start_entente
sleep 3
new_network "$new"

step "Import… the GraphML file: read, then the Kinds step offers its text keys"
xdotool windowfocus "$window"
sleep 0.3
xdotool key ctrl+i
sleep 1.5
xdotool key ctrl+l
sleep 0.3
xdotool type --delay 20 "$work/in/ports.graphml"
sleep 0.3
xdotool key Return
sleep 2
xdotool key alt+i
wait_for_label "Kinds From" "no Kinds step after reading the file"
query find label "3 entities" >/dev/null || fail "the Kinds step does not count the three airports"
shot interchange-01-kinds

step "the kinds from the category instead: Hub, Regional and Airline"
xdotool key alt+k
sleep 1
xdotool key Down Return
sleep 1
query find label "Regional" >/dev/null || fail "choosing the category did not list its kinds"
query find label "2 entities" >/dev/null || fail "the two hubs are not counted"
shot interchange-02-category
xdotool key alt+i
wait_for_label "Entities: 4" "the summary does not count the four entities"
xdotool key alt+d
sleep 2
[ "$(count entities) $(count relations)" = "4 3" ] || fail "the file does not have the four entities and three relations"
[ "$(sqlite3 "$new" "SELECT k.label FROM entities e JOIN kinds k ON k.key = e.kind WHERE e.name = 'Gomel'")" = Regional ] \
  || fail "Gomel's kind is not its category"
[ "$(sqlite3 "$new" "SELECT p.value FROM properties p JOIN entities e ON e.id = p.entity_id WHERE e.name = 'Gomel' AND p.key = 'type'")" = Airport ] \
  || fail "the file's type is not kept as a property"
[ "$(sqlite3 "$new" "SELECT count(*) FROM kinds WHERE label = 'Airport'")" = 0 ] || fail "a kind no entity has was written"
query exact label "Hub" >/dev/null || fail "the legend does not list the kind Hub"
shot interchange-03-imported

export_as () {
  xdotool windowfocus "$window"
  sleep 0.3
  xdotool key Escape ctrl+shift+e
  choose_path "$1"
  [ -s "$1" ] || fail "the export dialog did not write $1"
}

step "export the data as GraphML and as GEXF: networkx reads them with their counts and values, the GEXF is valid"
export_as "$work/ports.graphml"
export_as "$work/ports.gexf"
xmllint --noout --nonet --schema "$G_TEST_SRCDIR/data/gexf-1.3/gexf.xsd" "$work/ports.gexf" 2>>"$app_log" \
  || fail "the GEXF export does not validate against the GEXF 1.3 schema"
/usr/bin/python3 - "$work/ports.graphml" "$work/ports.gexf" <<'PYTHON' || fail "networkx does not read the exports as they should be"
import sys
import networkx as nx

graphs = [nx.read_graphml(sys.argv[1])]
# networkx 2 (Debian 12's) reads no GEXF newer than 1.2; networkx 3 reads the 1.3 that Entente writes.
if "1.3" in nx.readwrite.gexf.GEXF.versions:
    graphs.append(nx.read_gexf(sys.argv[2], version="1.3"))
for graph in graphs:
    assert graph.number_of_nodes() == 4 and graph.number_of_edges() == 3, graph
    names = {data.get("label") for _, data in graph.nodes(data=True)}
    assert names == {"Minsk", "Delhi", "Gomel", "Belavia"}, names
    passengers = sorted(int(float(data["passengers"])) for _, data in graph.nodes(data=True) if "passengers" in data)
    assert passengers == [4200000, 72000000], passengers
PYTHON
shot interchange-04-exported

step "quit"
window=$first
quit_entente
