#!/usr/bin/env python3
# check-bench-bundle.py: `entente-bench bundle`, which build-aux/benchmark --bundling runs, on a small
# generated network: a row of the table for its stored layout, every relation bundled, and the graph
# the mingle command line was timed on is the helper's, one edge for each pair of entities.
#
# Usage: check-bench-bundle.py ENTENTE-BENCH   (exits non-zero at the first failed check)

import os
import re
import sqlite3
import subprocess
import sys
import tempfile

bench = sys.argv[1]
work = tempfile.TemporaryDirectory(prefix="entente-bench-bundle-")
network = os.path.join(work.name, "network.entente")

subprocess.run([bench, "generate", "--size", "80", "--shape", "clustered", "--seed", "1", "--layout", "sfdp",
                network], check=True, timeout=120)
result = subprocess.run([bench, "bundle", "--runs", "1", network], capture_output=True, text=True, timeout=300)
assert result.returncode == 0, f"entente-bench bundle: exit {result.returncode}, {result.stderr}"
print(result.stdout)

lines = result.stdout.strip().split("\n")
assert lines[0] == "| relations | bundled | helper ms | mingle CLI ms | ratio |", lines[0]
row = re.fullmatch(r"\| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+\.\d+) \|", lines[2])
assert row is not None and len(lines) == 3, lines
relations, bundled, helper_ms, cli_ms, ratio = row.groups()

db = sqlite3.connect(network)
(n_relations,) = db.execute("SELECT count (*) FROM relations").fetchone()
(n_between,) = db.execute("SELECT count (*) FROM relations WHERE from_entity <> to_entity").fetchone()
(n_pairs,) = db.execute("SELECT count (DISTINCT min (from_entity, to_entity) || ' ' || max (from_entity, to_entity)) "
                        "FROM relations WHERE from_entity <> to_entity").fetchone()
assert int(relations) == n_relations, (relations, n_relations)
assert int(bundled) == n_between, (bundled, n_between)
assert float(ratio) > 0 and int(helper_ms) > 0 and int(cli_ms) > 0, row.groups()

with open(os.path.join(work.name, "network-bundle.gv")) as dot:
    edges = [line for line in dot if " -- " in line]
assert len(edges) == n_pairs, (len(edges), n_pairs)
with open(os.path.join(work.name, "network-bundled.gv")) as bundled_dot:
    assert bundled_dot.read().count("pos=") >= n_pairs

print("ok: entente-bench bundle times the helper and the mingle command line on the same graph")
