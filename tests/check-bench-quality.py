#!/usr/bin/env python3
# check-bench-quality.py: `entente-bench quality`, which build-aux/benchmark --routing reads, on a
# small generated network: Graphviz is given the same layout problem as the layout helper (its nodes
# stand where Entente's do), and its routes, read back whole, go around the boxes.
#
# Usage: check-bench-quality.py ENTENTE-BENCH   (exits non-zero at the first failed check)

import json
import os
import subprocess
import sys
import tempfile

bench = sys.argv[1]
work = tempfile.TemporaryDirectory(prefix="entente-bench-quality-")
network = os.path.join(work.name, "network.entente")
COUNTS = ("edges_through_nodes", "edge_node_crossings", "edges_through_labels", "label_overlaps", "node_overlaps")


def quality(*args):
    result = subprocess.run([bench, "quality", *args, network], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"entente-bench quality: exit {result.returncode}, {result.stderr}"
    return json.loads(result.stdout)


subprocess.run([bench, "generate", "--size", "60", "--shape", "clustered", "--seed", "1", network], check=True,
               timeout=120)

for engine in ("dot", "sfdp"):
    figures = quality("--engine", engine)
    entente, graphviz = figures["entente"], figures["graphviz"]
    assert figures["engine"] == engine and figures["entities"] == 60, figures
    assert entente["edges"] == 90 and graphviz["edges"] == 90, figures
    for key in COUNTS:
        assert 0 <= entente[key] and 0 <= graphviz[key], (key, figures)
    assert entente["edges_through_labels"] <= entente["edges_through_nodes"] <= entente["edge_node_crossings"], entente
    assert entente["label_overlaps_with_edge_labels"] >= entente["label_overlaps"], entente
    # Graphviz lays out the same nodes and edges as plain boxes; where Entente routes, its boxes hold a port
    # and a margin, so the two layouts differ, and only where Entente does not are they the same.
    if not entente["routed"]:
        assert graphviz["max_node_shift"] < 0.05, graphviz
    # Graphviz's routes go around the boxes, which its layout keeps apart.
    assert graphviz["edges_through_nodes"] == 0 and graphviz["node_overlaps"] == 0, graphviz
    assert graphviz["layout_ms"] > 0 and graphviz["layout_routed_ms"] > 0, graphviz
    for suffix in ("line", "true"):
        with open(os.path.join(work.name, f"network-{engine}-{suffix}.dot")) as dot:
            assert f"splines={suffix}" in dot.read(), (engine, suffix)
# dot layouts of the generated 100- and 300-entity networks, as Entente draws them: no edge through a
# node box it does not join beyond Graphviz's own count on the same layout, and no labels over each other.
for size in (100, 300):
    os.remove(network)
    subprocess.run([bench, "generate", "--size", str(size), "--shape", "clustered", "--seed", "1", network],
                   check=True, timeout=120)
    figures = quality("--engine", "dot")
    entente, graphviz = figures["entente"], figures["graphviz"]
    assert entente["routed"], figures
    assert entente["edges_through_nodes"] <= graphviz["edges_through_nodes"] or entente["edges_through_nodes"] == 0, \
        (size, figures)
    assert entente["edges_through_labels"] == 0 and entente["label_overlaps"] == 0, (size, figures)
print("ok")
