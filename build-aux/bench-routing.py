#!/usr/bin/python3
# Counts, on generated networks, the edges that pass through the box of a
# node they do not join and the labels drawn over each other, in the drawing
# Entente makes and in Graphviz's own routing of the same layout problem
# (`entente-bench quality`, which counts both with the same code), with the
# time the routing adds. Prints a Markdown table.
#
# Usage: bench-routing.py ENTENTE-BENCH WORKDIR [SIZE[:ENGINE]...]
#   (default 100:dot 1000:dot 10000:sfdp; dot takes minutes beyond a few
#   thousand entities, and sfdp's routing an hour at 1,000)

import json
import os
import subprocess
import sys
import time

# Graphviz's routing outside dot can take an hour; this much is given to each of its runs.
TIMEOUT_S = 120


def runs_for(size):
    """Timing runs at a size: the best of three, and one for the largest networks."""
    return 3 if size <= 1000 else 1


def generate(bench, workdir, size):
    path = os.path.join(workdir, f"routing-clustered-{size}.entente")
    # Made anew each time, in seconds: a file of an earlier run may be of an older version of the format.
    subprocess.run([bench, "generate", "--size", str(size), "--shape", "clustered", "--seed", "1", path],
                   check=True, stdout=subprocess.DEVNULL)
    return path


def measure(bench, path, size, engine):
    out = subprocess.run([bench, "quality", "--engine", engine, "--runs", str(runs_for(size)),
                          "--timeout", str(TIMEOUT_S), path], check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out)


def count(figures, key, edges=None):
    """A count, with its share of the edges when @edges is given; n/a where Graphviz did not finish."""
    if figures is None or key not in figures:
        return "n/a"
    n = figures[key]
    return f"{n:,} ({100 * n / edges:.1f} %)" if edges else f"{n:,}"


def seconds(ms):
    return "n/a" if ms is None else f"{ms / 1000:.2f} s"


def pair(figures, key, share=False):
    entente, graphviz = figures["entente"], figures["graphviz"]
    edges = entente["edges"] if share else None
    if "edges" not in graphviz:
        theirs = f"not routed in {graphviz['timeout_s']} s"
    else:
        theirs = count(graphviz, key, edges)
    return f"{count(entente, key, edges)} / {theirs}"


def routing(figures):
    """What routing adds to Graphviz's layout, and the layout's time without and with it."""
    graphviz = figures["graphviz"]
    line, routed, timeout = graphviz["layout_ms"], graphviz["layout_routed_ms"], graphviz["timeout_s"]
    if line is None:
        return f"n/a (no layout in {timeout} s)"
    if routed is None:
        return f"> {timeout - line / 1000:.0f} s ({seconds(line)} → > {timeout} s)"
    return f"{seconds(graphviz['routing_ms'])} ({seconds(line)} → {seconds(routed)})"


ROWS = [
    ("relations", lambda f: f"{f['entente']['edges']:,}"),
    ("Entente draws edges as", lambda f: "the engine's routes" if f["entente"]["routed"] else "its own curves"),
    ("edges through a node box they do not join: Entente / Graphviz", lambda f: pair(f, "edges_through_nodes", True)),
    ("edge–box crossings (pairs): Entente / Graphviz", lambda f: pair(f, "edge_node_crossings")),
    ("edges through a node label they do not join: Entente / Graphviz", lambda f: pair(f, "edges_through_labels", True)),
    ("overlapping node labels: Entente / Graphviz", lambda f: pair(f, "label_overlaps")),
    ("overlapping node boxes: Entente / Graphviz", lambda f: pair(f, "node_overlaps")),
    ("overlapping labels, edge labels too: Entente (Graphviz is given none)", lambda f: count(f["entente"], "label_overlaps_with_edge_labels")),
    ("Entente's layout (helper, best run)", lambda f: seconds(f["entente"]["layout_ms"])),
    ("time routing adds: Graphviz with splines=true − splines=line", routing),
    ("counting Entente's drawing", lambda f: f"{f['entente']['count_ms']:.0f} ms"),
]


def main():
    bench, workdir = sys.argv[1], sys.argv[2]
    specs = sys.argv[3:] or ["100:dot", "1000:dot", "10000:sfdp"]
    os.makedirs(workdir, exist_ok=True)
    start = time.monotonic()
    columns = []

    for spec in specs:
        size, _, engine = spec.partition(":")
        size = int(size)
        engine = engine or ("dot" if size <= 1000 else "sfdp")
        print(f"Measuring {size:,} entities with {engine}…", file=sys.stderr)
        columns.append((size, engine, measure(bench, generate(bench, workdir, size), size, engine)))

    print("| clustered networks, 1.5 relations per entity | "
          + " | ".join(f"{size:,} ({engine})" for size, engine, _ in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for name, cell in ROWS:
        print(f"| {name} | " + " | ".join(cell(figures) for _, _, figures in columns) + " |")
    print(f"\nThe whole benchmark took {(time.monotonic() - start) / 60:.1f} minutes.")


if __name__ == "__main__":
    main()
