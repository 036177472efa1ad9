#!/usr/bin/python3
# Measures Entente's import and export of GraphML, GEXF and DOT against
# networkx reading and writing the same files in the same run: GraphML and
# GEXF with networkx's own readers and writers, DOT with networkx's
# pygraphviz ones, which parse with Graphviz's own library. Prints a
# Markdown table of Entente's time over networkx's.
#
# Usage: bench-interchange.py ENTENTE WORKDIR [SIZE...]   (default sizes 10000 100000)

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_common import RUNS, best, remove, run  # noqa: E402

import networkx as nx


def generate(n):
    """A directed network of n entities and 1.5 n relations, with typed attributes on both."""
    rand = random.Random(n)
    kinds = ["person", "organisation", "country", "event", "Airport", "Company"]
    graph = nx.DiGraph()
    for i in range(1, n + 1):
        graph.add_node(f"n{i}", label=f"Entity {i}", type=rand.choice(kinds),
                       population=rand.randint(1, 10**7), founded=f"{rand.randint(1900, 2024)}",
                       verified=rand.choice([True, False]))
    # Counted here: a DiGraph counts its edges by going through every node.
    edges = 0
    while edges < n * 3 // 2:
        a, b = rand.randint(1, n), rand.randint(1, n)
        if graph.has_edge(f"n{a}", f"n{b}"):
            continue
        graph.add_edge(f"n{a}", f"n{b}", type=rand.choice(["knows", "owns", "visited"]),
                       label=f"relation {edges}", weight=rand.randint(1, 100))
        edges += 1
    return graph


FORMATS = {
    "graphml": (nx.write_graphml, nx.read_graphml),
    "gexf": (nx.write_gexf, nx.read_gexf),
    "dot": (lambda g, path: nx.nx_agraph.write_dot(g, path), lambda path: nx.nx_agraph.read_dot(path)),
}


def main():
    entente, workdir = sys.argv[1], sys.argv[2]
    sizes = [int(s) for s in sys.argv[3:]] or [10000, 100000]
    os.makedirs(workdir, exist_ok=True)
    rows = {}

    for n in sizes:
        graph = generate(n)
        for name, (write, read) in FORMATS.items():
            source = os.path.join(workdir, f"source-{n}.{name}")
            network = os.path.join(workdir, f"imported-{n}-{name}.entente")
            ours = os.path.join(workdir, f"ours-{n}.{name}")
            theirs = os.path.join(workdir, f"theirs-{n}.{name}")
            write(graph, source)

            def entente_import():
                remove(network)
                run(entente, f"--import={source}", f"--output={network}")

            nx_read = best(lambda: read(source))
            our_read = best(entente_import)
            nx_write = best(lambda: write(graph, theirs))
            our_write = best(lambda: run(entente, f"--export={ours}", network))
            size_mb = os.path.getsize(source) / 1e6
            rows[(name, "import", n)] = f"{our_read:.2f} s / {nx_read:.2f} s = {our_read / nx_read:.2f}× ({size_mb:.0f} MB)"
            rows[(name, "export", n)] = f"{our_write:.2f} s / {nx_write:.2f} s = {our_write / nx_write:.2f}×"
            remove(source, network, ours, theirs)

    print("| Entente / networkx (best of %d; limit 0.2×) | %s |" % (RUNS, " | ".join(f"{n:,}" for n in sizes)))
    print("|---|" + "---:|" * len(sizes))
    for name in FORMATS:
        for way in ("import", "export"):
            label = f"{name.upper() if name != 'graphml' else 'GraphML'} {way}"
            print(f"| {label} | " + " | ".join(rows[(name, way, n)] for n in sizes) + " |")


if __name__ == "__main__":
    main()
