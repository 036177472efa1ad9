#!/usr/bin/python3
# Measures Entente's PNG and SVG export of generated networks whose sfdp
# layout is stored, against Graphviz drawing the same graph at the same
# positions in the same run: the wall time and peak resident memory (GNU
# time's %e and %M) of each, the SVG's bytes per entity, and Entente's
# figure over Graphviz's. Prints a Markdown table.
#
# The reference is `neato -n2`, which takes the positions of the DOT file as
# they are and only draws; `sfdp -Tpng` would lay the graph out anew, so it
# would neither draw the same picture nor time only the drawing. Entente's
# runs are given a layout helper that does not exist, so a run that laid out
# instead of using the stored positions would fail rather than be timed.
#
# Usage: bench-exports.py [--width PX] ENTENTE-BENCH ENTENTE WORKDIR [SIZE...]
#   (default sizes 10000 50000, PNGs 16,384 pixels wide; laying out 50,000
#   entities with sfdp takes about four minutes on two cores)

import os
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_common import RUNS, remove  # noqa: E402

ENGINE = "sfdp"
# Graphviz's nearest shape to each of the kinds' shapes (src/core/ent-store-schema.c).
SHAPES = {
    "circle": "circle", "rounded-rectangle": "box", "pin": "invhouse", "hexagon": "hexagon",
    "rectangle": "box", "ellipse": "ellipse", "diamond": "diamond", "card": "note",
}


def runs_for(size):
    """Timing runs at a size: the best of RUNS, and one for the largest networks."""
    return RUNS if size <= 10000 else 1


def generate(bench, workdir, size):
    """The generated network of @size entities with its sfdp layout stored, and the seconds the layout took."""
    path = os.path.join(workdir, f"exports-clustered-{size}.entente")
    # Made anew each time: a file of an earlier run may be of an older version of the format.
    remove(path)
    start = time.monotonic()
    subprocess.run([bench, "generate", "--size", str(size), "--shape", "clustered", "--seed", "1",
                    "--layout", ENGINE, path], check=True, stdout=subprocess.DEVNULL)
    return path, time.monotonic() - start


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_dot(network, path):
    """The network as DOT with its stored positions in points, y upwards as Graphviz has it; the number of entities."""
    db = sqlite3.connect(f"file:{network}?mode=ro", uri=True)
    (n_entities,) = db.execute("SELECT count (*) FROM entities").fetchone()
    n_positioned = 0
    with open(path, "w", encoding="utf-8") as dot:
        # Straight edges, drawn under the nodes, and the font size of Entente's labels.
        dot.write("digraph network {\n  graph [splines=line, outputorder=edgesfirst];\n"
                  "  node [fontsize=10, style=filled, fontcolor=\"#241f31\", color=white];\n"
                  "  edge [color=\"#787885\"];\n")
        for entity, name, x, y, shape, color in db.execute(
                "SELECT e.id, e.name, p.x, p.y, k.shape, k.color FROM entities e "
                "JOIN positions p ON p.entity_id = e.id AND p.engine = ? JOIN kinds k ON k.key = e.kind",
                (ENGINE,)):
            dot.write(f"  n{entity} [pos=\"{x:.2f},{-y:.2f}!\", label={quote(name)}, "
                      f"shape={SHAPES.get(shape, 'ellipse')}, fillcolor=\"{color}\"];\n")
            n_positioned += 1
        for source, target, directed in db.execute("SELECT from_entity, to_entity, directed FROM relations"):
            dot.write(f"  n{source} -> n{target}{'' if directed else ' [dir=none]'};\n")
        dot.write("}\n")
    db.close()
    if n_positioned != n_entities:
        sys.exit(f"{network}: {n_positioned} of {n_entities} entities have a stored {ENGINE} position")
    return n_entities


def measure(args, env=None):
    """The wall time in seconds and the peak resident memory in MB of one run of @args, by GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        subprocess.run(["/usr/bin/time", "-f", "%M %e", "-o", report.name, *args],
                       check=True, stdout=subprocess.DEVNULL, env=env)
        kb, seconds = report.read().split()[-2:]
    return float(seconds), int(kb) / 1024


def best(args, runs, env=None):
    """The shortest wall time and the smallest peak memory of @runs runs of @args."""
    figures = [measure(args, env) for _ in range(runs)]
    return min(s for s, _ in figures), min(mb for _, mb in figures)


def png_size(path):
    """The width and height in the PNG's header."""
    with open(path, "rb") as png:
        header = png.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path} is not a PNG")
    return struct.unpack(">II", header[16:24])


def ratio(ours, theirs, unit, digits=1):
    # GNU time gives hundredths of a second, which a tiny network's drawing may take less than.
    quotient = f"{ours / theirs:.2f}×" if theirs > 0 else "n/a"
    return f"{ours:,.{digits}f} {unit} / {theirs:,.{digits}f} {unit} = {quotient}"


def main():
    args = sys.argv[1:]
    width = 16384
    if args[:1] == ["--width"]:
        width, args = int(args[1]), args[2:]
    bench, entente, workdir = args[:3]
    sizes = [int(s) for s in args[3:]] or [10000, 50000]
    os.makedirs(workdir, exist_ok=True)
    # Without a helper to start, Entente can only export the stored positions.
    no_layout = dict(os.environ, ENTENTE_LAYOUT_WORKER=os.path.join(workdir, "no-layout-helper"))
    # Graphviz's size in inches at 72 dots an inch: its longest side scaled up or down to @width pixels.
    inches = f"{width / 72:.4f}"
    start = time.monotonic()
    columns = []

    for size in sizes:
        print(f"Laying out {size:,} entities with {ENGINE}…", file=sys.stderr)
        network, layout_s = generate(bench, workdir, size)
        dot = os.path.join(workdir, f"exports-{size}.gv")
        n = write_dot(network, dot)
        runs = runs_for(size)
        out = {f"{who}.{fmt}": os.path.join(workdir, f"exports-{size}-{who}.{fmt}")
               for who in ("entente", "graphviz") for fmt in ("png", "svg")}

        print(f"Exporting {size:,} entities, best of {runs}…", file=sys.stderr)
        figures = {
            "entente.png": best([entente, f"--engine={ENGINE}", f"--export={out['entente.png']}", f"--width={width}", network], runs, no_layout),
            "graphviz.png": best(["neato", "-n2", "-Tpng", "-Gdpi=72", f"-Gsize={inches},{inches}!",
                                  "-o", out["graphviz.png"], dot], runs),
            "entente.svg": best([entente, f"--engine={ENGINE}", f"--export={out['entente.svg']}", network], runs, no_layout),
            "graphviz.svg": best(["neato", "-n2", "-Tsvg", "-o", out["graphviz.svg"], dot], runs),
        }
        columns.append({
            "size": size, "n": n, "runs": runs, "layout_s": layout_s, "figures": figures,
            "png": {who: png_size(out[f"{who}.png"]) for who in ("entente", "graphviz")},
            "svg": {who: os.path.getsize(out[f"{who}.svg"]) / n for who in ("entente", "graphviz")},
        })
        remove(*out.values())

    def row(name, cell):
        print(f"| {name} | " + " | ".join(cell(c) for c in columns) + " |")

    print("| exports of clustered networks, stored sfdp layout: Entente / `neato -n2` | "
          + " | ".join(f"{c['size']:,} (best of {c['runs']})" for c in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    row("sfdp layout, made once and stored (not in the times below)", lambda c: f"{c['layout_s']:.1f} s")
    row(f"PNG {width:,} px wide: wall time",
        lambda c: ratio(c["figures"]["entente.png"][0], c["figures"]["graphviz.png"][0], "s", 2))
    row("PNG: peak resident memory",
        lambda c: ratio(c["figures"]["entente.png"][1], c["figures"]["graphviz.png"][1], "MB", 0))
    row("PNG: pixels", lambda c: " / ".join(f"{w:,}×{h:,}" for w, h in c["png"].values()))
    row("SVG: wall time", lambda c: ratio(c["figures"]["entente.svg"][0], c["figures"]["graphviz.svg"][0], "s", 2))
    row("SVG: peak resident memory",
        lambda c: ratio(c["figures"]["entente.svg"][1], c["figures"]["graphviz.svg"][1], "MB", 0))
    row("SVG: bytes per entity", lambda c: ratio(c["svg"]["entente"], c["svg"]["graphviz"], "B", 0))
    print(f"\nThe whole benchmark took {(time.monotonic() - start) / 60:.1f} minutes; {subprocess.run(['neato', '-V'], capture_output=True, text=True).stderr.strip()}.")


if __name__ == "__main__":
    main()
