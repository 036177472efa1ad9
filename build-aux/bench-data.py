#!/usr/bin/env python3
# Measures Entente's import and export of data files against references run
# on the same files in the same run: the sqlite3 shell's .import of the two
# CSV files into plain tables, and Python's json.load followed by inserting
# the same rows with Python's sqlite3 module. Prints a Markdown table.
#
# Usage: bench-data.py ENTENTE WORKDIR [SIZE...]   (default sizes 10000 100000)

import csv
import json
import os
import random
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_common import RUNS, best, remove, run  # noqa: E402


def generate(n, directory):
    """A node list of n entities and an edge list of 1.5 n relations, with property columns."""
    rand = random.Random(n)
    kinds = ["person", "organisation", "country", "event", "Airport", "Company"]
    nodes = os.path.join(directory, f"nodes-{n}.csv")
    edges = os.path.join(directory, f"edges-{n}.csv")
    with open(nodes, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "type", "description", "population", "founded", "verified"])
        for i in range(1, n + 1):
            w.writerow([i, f"Entity {i}", rand.choice(kinds), f"Described, with \"quotes\" {i}",
                        rand.randint(1, 10**7), f"{rand.randint(1900, 2024)}-{rand.randint(1, 12):02d}",
                        rand.choice(["true", "false"])])
    with open(edges, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "type", "label", "weight"])
        for i in range(n * 3 // 2):
            a = rand.randint(1, n)
            b = rand.randint(1, n)
            w.writerow([a, b, rand.choice(["knows", "owns", "visited"]), f"relation {i}", rand.randint(1, 100)])
    return nodes, edges


def python_json_reference(path, db_path):
    """What a short Python script does to bring our JSON file into SQLite: load it, insert its rows."""
    remove(db_path)
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    db = sqlite3.connect(db_path)
    db.executescript("CREATE TABLE entities (id INTEGER PRIMARY KEY, kind, name, description);"
                     "CREATE TABLE relations (id INTEGER PRIMARY KEY, kind, from_entity, to_entity, label);"
                     "CREATE TABLE properties (entity_id, relation_id, key, type, value);")
    with db:
        db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?)",
                       ((e["id"], e["kind"], e["name"], e.get("description")) for e in data["entities"]))
        db.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?)",
                       ((r["id"], r["kind"], r["from"], r["to"], r.get("label")) for r in data["relations"]))
        db.executemany("INSERT INTO properties VALUES (?, ?, ?, ?, ?)",
                       ((e["id"], None, p["key"], p["type"], p["value"])
                        for e in data["entities"] for p in e.get("properties", [])))
        db.executemany("INSERT INTO properties VALUES (?, ?, ?, ?, ?)",
                       ((None, r["id"], p["key"], p["type"], p["value"])
                        for r in data["relations"] for p in r.get("properties", [])))
    db.close()


def main():
    entente, workdir = sys.argv[1], sys.argv[2]
    sizes = [int(s) for s in sys.argv[3:]] or [10000, 100000]
    os.makedirs(workdir, exist_ok=True)
    rows = {}

    for n in sizes:
        nodes, edges = generate(n, workdir)
        plain = os.path.join(workdir, f"plain-{n}.db")
        network = os.path.join(workdir, f"imported-{n}.entente")
        again = os.path.join(workdir, f"again-{n}.entente")
        data = os.path.join(workdir, f"data-{n}.json")
        table = os.path.join(workdir, f"data-{n}.csv")
        reference_db = os.path.join(workdir, f"python-{n}.db")

        def sqlite_import():
            remove(plain)
            run("sqlite3", plain, f".import --csv {nodes} nodes", f".import --csv {edges} edges")

        def entente_csv_import():
            remove(network)
            run(entente, f"--import={nodes}", f"--import={edges}", f"--output={network}")

        def entente_json_import():
            remove(again)
            run(entente, f"--import={data}", f"--output={again}")

        csv_reference = best(sqlite_import)
        csv_import = best(entente_csv_import)
        json_export = best(lambda: run(entente, f"--export={data}", network))
        csv_export = best(lambda: run(entente, f"--export={table}", network))
        json_reference = best(lambda: python_json_reference(data, reference_db))
        json_import = best(entente_json_import)
        size_mb = os.path.getsize(data) / 1e6

        rows[n] = {
            "csv import": f"{csv_import:.2f} s / {csv_reference:.2f} s = {csv_import / csv_reference:.2f}×",
            "json import": f"{json_import:.2f} s / {json_reference:.2f} s = {json_import / json_reference:.2f}×",
            "json export": f"{json_export:.2f} s ({size_mb:.0f} MB)",
            "csv export": f"{csv_export:.2f} s",
        }
        remove(plain, network, again, reference_db)

    print("| data (best of %d) | %s |" % (RUNS, " | ".join(f"{n:,}" for n in sizes)))
    print("|---|" + "---:|" * len(sizes))
    labels = {
        "csv import": "CSV import / `sqlite3` `.import` (limit 2×)",
        "json import": "JSON import / `json.load` + `sqlite3` inserts (limit 0.25×)",
        "json export": "JSON export",
        "csv export": "CSV export",
    }
    for key, label in labels.items():
        print(f"| {label} | " + " | ".join(rows[n][key] for n in sizes) + " |")


if __name__ == "__main__":
    main()
