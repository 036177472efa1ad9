#!/usr/bin/env python3
# check-bench-exports.py: build-aux/bench-exports.py, which build-aux/benchmark --exports runs, on a
# small generated network with small PNGs: a column of the table whose images are the width asked
# for, Graphviz drawing the positions Entente stored, and Entente's timed runs unable to lay out.
#
# Usage: check-bench-exports.py BENCH-EXPORTS.PY ENTENTE-BENCH ENTENTE   (exits non-zero at the first failed check)

import os
import re
import sqlite3
import subprocess
import sys
import tempfile

script, bench, entente = sys.argv[1:4]
work = tempfile.TemporaryDirectory(prefix="entente-bench-exports-")
SIZE, WIDTH = 120, 600

result = subprocess.run([sys.executable, script, "--width", str(WIDTH), bench, entente, work.name, str(SIZE)],
                        capture_output=True, text=True, timeout=120)
assert result.returncode == 0, f"bench-exports.py: exit {result.returncode}, {result.stderr}"
print(result.stdout)

lines = result.stdout.strip().split("\n")
assert lines[0].endswith(f"| {SIZE} (best of 3) |"), lines[0]
assert lines[1] == "|---|---:|", lines[1]
rows = {line.split(" | ")[0].lstrip("| "): line.split(" | ")[1].rstrip(" |") for line in lines[2:9]}
assert len(rows) == 7, rows
for name in ("PNG 600 px wide: wall time", "PNG: peak resident memory", "SVG: wall time",
             "SVG: peak resident memory", "SVG: bytes per entity"):
    cell = re.fullmatch(r"([\d,.]+) (s|MB|B) / ([\d,.]+) \2 = (\d+\.\d\d×|n/a)", rows[name])
    assert cell is not None, (name, rows[name])
    ours, theirs = (float(cell.group(i).replace(",", "")) for i in (1, 3))
    if cell.group(4) == "n/a":
        assert cell.group(2) == "s" and theirs == 0, (name, cell.groups())
        continue
    # The ratio is of the figures before they were rounded to the digits printed.
    half = 0.005 if cell.group(2) == "s" else 0.5
    low = (ours - half) / (theirs + half) - 0.005
    high = (ours + half) / (theirs - half) + 0.005 if theirs > half else float("inf")
    assert low <= float(cell.group(4)[:-1]) <= high, (name, cell.groups())
sizes = re.fullmatch(r"600×([\d,]+) / 600×([\d,]+)", rows["PNG: pixels"])
assert sizes is not None, rows["PNG: pixels"]

# Graphviz's input has every entity at its stored position, y turned upwards.
network = os.path.join(work.name, f"exports-clustered-{SIZE}.entente")
db = sqlite3.connect(network)
stored = {f"n{e}": (round(x, 2), round(-y, 2))
          for e, x, y in db.execute("SELECT entity_id, x, y FROM positions WHERE engine = 'sfdp'")}
with open(os.path.join(work.name, f"exports-{SIZE}.gv"), encoding="utf-8") as dot:
    drawn = {m.group(1): (float(m.group(2)), float(m.group(3)))
             for m in re.finditer(r'^  (n\d+) \[pos="(-?[\d.]+),(-?[\d.]+)!"', dot.read(), re.M)}
(n_entities,) = db.execute("SELECT count (*) FROM entities").fetchone()
assert len(drawn) == n_entities == SIZE and drawn == stored, (len(drawn), n_entities)

# The helper the timed runs are given does not exist: a network that needs a layout fails to export.
db.execute("DELETE FROM positions")
db.commit()
db.close()
env = dict(os.environ, ENTENTE_LAYOUT_WORKER=os.path.join(work.name, "no-layout-helper"))
unlaid = subprocess.run([entente, "--engine=sfdp", f"--export={work.name}/unlaid.svg", network],
                        capture_output=True, text=True, env=env, timeout=60)
assert unlaid.returncode != 0, "an export without positions or a layout helper succeeded"

print("ok: bench-exports.py measures both exports of the same stored positions, with no layout timed")
