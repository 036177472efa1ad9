#!/usr/bin/env python3
# check-data-cli.py: `entente --import` and `entente --export` of CSV and JSON as a
# user runs them, the results read with Python's csv, json and sqlite3 modules:
# round trips that lose nothing, spreadsheets as Python writes them, and
# hostile files that get a clear error, a non-zero exit and no file.
#
# Usage: check-data-cli.py ENTENTE BUNDLED.entente   (TAP output)

import csv
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import check, run_checks  # noqa: E402

entente, bundled = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="entente-data-cli-")
def run(*args, ok=True):
    result = subprocess.run([entente, *args], capture_output=True, text=True, timeout=300)
    if ok and result.returncode != 0:
        raise AssertionError(f"entente {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    if not ok and result.returncode == 0:
        raise AssertionError(f"entente {' '.join(args)} succeeded where it must fail")
    return result


def path(name):
    return os.path.join(work, name)


def dump(db_path):
    """Every row of every table, in a stable order; properties without their own ids, which nothing refers to."""
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    out = []
    for table, order in [("sources", "id"), ("entities", "id"), ("relations", "id"), ("quotes", "id"),
                         ("entity_evidence", "entity_id, quote_id"),
                         ("relation_evidence", "relation_id, quote_id"),
                         ("positions", "entity_id, engine"), ("kinds", "key")]:
        out.append((table, db.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()))
    out.append(("properties", db.execute("SELECT entity_id, relation_id, key, type, value FROM properties "
                                         "ORDER BY entity_id, relation_id, key").fetchall()))
    db.close()
    return out


def count(db_path, table):
    db = sqlite3.connect(db_path)
    n = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    db.close()
    return n


def read_csv(file):
    with open(file, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def copy_bundled(name):
    target = path(name)
    shutil.copyfile(bundled, target)
    return target


def assert_no_file(file):
    assert not os.path.exists(file), f"{file} was written"
    leftovers = [f for f in os.listdir(os.path.dirname(file)) if f.startswith("." + os.path.basename(file))]
    assert not leftovers, f"left beside it: {leftovers}"


@check
def json_round_trip_bundled():
    source = copy_bundled("bundled.entente")
    db = sqlite3.connect(source)
    with db:
        db.execute("INSERT INTO positions VALUES (1, 'dot', 0.1, 1.25e-300, 0), (2, 'dot', 12345.678901234567, -3, 1)")
        db.execute("INSERT INTO properties (entity_id, key, type, value) VALUES (1, 'born', 'date', '1960-03'), "
                   "(1, 'note', 'string', 'line one\nline two, \"quoted\"'), (2, 'population', 'number', '9.4e6')")
        db.execute("INSERT INTO properties (relation_id, key, type, value) VALUES (1, 'confirmed', 'boolean', 'true')")
    db.close()
    run(f"--export={path('bundled.json')}", source)
    with open(path("bundled.json"), encoding="utf-8") as f:
        data = json.load(f)
    assert len(data["entities"]) == count(source, "entities")
    run(f"--import={path('bundled.json')}", f"--output={path('back.entente')}")
    assert dump(path("back.entente")) == dump(source), "the JSON round trip changed the network"


def write_network_csv(n):
    """A node and an edge list of n entities with properties, as a Python script would write them."""
    rand = random.Random(7)
    nodes, edges = path(f"nodes-{n}.csv"), path(f"edges-{n}.csv")
    with open(nodes, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "type", "description", "population", "founded", "active"])
        for i in range(1, n + 1):
            w.writerow([i, f"Entity {i}", rand.choice(["person", "Airport", "country"]), f"about {i}",
                        rand.randint(1, 10**6), f"{rand.randint(1900, 2020)}", rand.choice(["true", "false"])])
    with open(edges, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "type", "weight"])
        for i in range(n * 3 // 2):
            w.writerow([rand.randint(1, n), rand.randint(1, n), "route", rand.randint(1, 9)])
    return nodes, edges


@check
def json_round_trip_generated():
    # Fewer in the sanitizer build, many times slower.
    size = 2000 if os.environ.get("ENTENTE_TEST_SLOWDOWN") else 10000
    nodes, edges = write_network_csv(size)
    first = path("generated.entente")
    run(f"--import={nodes}", f"--import={edges}", f"--output={first}")
    assert count(first, "entities") == size
    assert count(first, "properties") >= 3 * size
    run(f"--export={path('generated.json')}", first)
    run(f"--import={path('generated.json')}", f"--output={path('generated-back.entente')}")
    assert dump(path("generated-back.entente")) == dump(first), "the JSON round trip changed the network"


@check
def csv_export_opens_in_python():
    source = copy_bundled("for-csv.entente")
    run(f"--export={path('bundled.csv')}", source)
    entities = read_csv(path("bundled-entities.csv"))
    relations = read_csv(path("bundled-relations.csv"))
    assert len(entities) == count(source, "entities")
    assert len(relations) == count(source, "relations")
    db = sqlite3.connect(source)
    names = sorted(r[0] for r in db.execute("SELECT name FROM entities"))
    quotes = sorted(r[0] for r in db.execute("SELECT q.text FROM quotes q JOIN relation_evidence e ON e.quote_id = q.id"))
    db.close()
    assert sorted(e["name"] for e in entities) == names
    exported_quotes = sorted(q for r in relations for q in r["quotes"].split("\n\n") if q)
    assert exported_quotes == quotes, "the relations' quotes are not in the export"


@check
def csv_round_trip():
    source = copy_bundled("csv-source.entente")
    db = sqlite3.connect(source)
    with db:
        db.execute("INSERT INTO properties (entity_id, key, type, value) VALUES (1, 'born', 'date', '1960-03'), "
                   "(2, 'population', 'number', '9400000')")
        # A kind of the network's own comes back as itself, label and all.
        db.execute("INSERT INTO kinds VALUES ('international-airport', 'International Airport', 'diamond', 'dot', "
                   "'#2ec27e', NULL)")
        db.execute("UPDATE entities SET kind = 'international-airport' WHERE id = 3")
    db.close()
    run(f"--export={path('trip.csv')}", source)
    back = path("trip.entente")
    run(f"--import={path('trip-entities.csv')}", f"--import={path('trip-relations.csv')}", f"--output={back}")
    for table in ("entities", "relations"):
        assert count(back, table) == count(source, table), f"{table} were lost"
    a, b = sqlite3.connect(source), sqlite3.connect(back)
    for query in ["SELECT name, kind, description FROM entities",
                  "SELECT k.key, k.label FROM kinds k JOIN entities e ON e.kind = k.key",
                  "SELECT key, value FROM properties WHERE entity_id IS NOT NULL",
                  "SELECT q.text FROM quotes q JOIN relation_evidence e ON e.quote_id = q.id",
                  "SELECT f.name, t.name, r.kind, r.label FROM relations r JOIN entities f ON f.id = r.from_entity "
                  "JOIN entities t ON t.id = r.to_entity"]:
        assert sorted(a.execute(query).fetchall()) == sorted(b.execute(query).fetchall()), query
    a.close()
    b.close()


@check
def python_csv_exactly():
    rows = [
        ["Сергей Алейник", "person", "Министр, \"иностранных\" дел", "Беларусь"],
        ["सुब्रह्मण्यम जयशंकर", "person", "line one\nline two\r\nline three", "भारत"],
        ["Comma, Inc.", "Company", "", "a;b\tc"],
    ]
    nodes = path("python-nodes.csv")
    with open(nodes, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["name", "type", "description", "country"])
        w.writerows(rows)
    out = path("python.entente")
    run(f"--import={nodes}", f"--output={out}")
    db = sqlite3.connect(out)
    got = db.execute("SELECT e.name, e.kind, e.description, p.value FROM entities e "
                     "JOIN properties p ON p.entity_id = e.id AND p.key = 'country' ORDER BY e.id").fetchall()
    kinds = db.execute("SELECT label FROM kinds WHERE key = 'company'").fetchall()
    db.close()
    assert [list(r) for r in got] == [[r[0], r[1].lower(), r[2], r[3]] for r in rows], got
    assert kinds == [("Company",)], "the new kind is not in the file"


@check
def missing_node_skipped_with_line():
    nodes, edges = path("few-nodes.csv"), path("few-edges.csv")
    with open(nodes, "w", encoding="utf-8") as f:
        f.write("id,name\n1,Alpha\n2,Beta\n")
    with open(edges, "w", encoding="utf-8") as f:
        f.write("source,target\n1,2\n1,99\n")
    result = run(f"--import={nodes}", f"--import={edges}", f"--output={path('few.entente')}")
    assert count(path("few.entente"), "relations") == 1
    assert "Line 3" in result.stderr, f"the skipped edge's line is not given: {result.stderr}"


@check
def gephi_edge_table_direction():
    nodes, edges = path("gephi-nodes.csv"), path("gephi-edges.csv")
    with open(nodes, "w", encoding="utf-8") as f:
        f.write("Id,Label\n1,Alpha\n2,Beta\n")
    with open(edges, "w", encoding="utf-8") as f:
        f.write("Source,Target,Type,kind\n1,2,Undirected,knows\n2,1,Directed,owes\n")
    run(f"--import={nodes}", f"--import={edges}", f"--output={path('gephi.entente')}")
    db = sqlite3.connect(path("gephi.entente"))
    rows = db.execute("SELECT kind, directed FROM relations ORDER BY id").fetchall()
    db.close()
    assert rows == [("knows", 0), ("owes", 1)], rows


def expect_error(name, contents, words):
    file = path(name)
    with open(file, "wb") as f:
        f.write(contents)
    out = path(name + ".entente")
    result = run(f"--import={file}", f"--output={out}", ok=False)
    assert result.stderr.startswith("entente: "), result.stderr
    assert any(w in result.stderr.lower() for w in words), f"{name}: unclear error: {result.stderr}"
    assert_no_file(out)


@check
def hostile_json():
    good = open(path("bundled.json"), "rb").read() if os.path.exists(path("bundled.json")) else b'{"format": 1'
    expect_error("truncated.json", good[: len(good) // 2], ["line", "unexpected", "truncated", "end"])
    expect_error("deep.json", b"[" * 100000 + b"]" * 100000, ["deep", "nested"])
    expect_error("utf8.json", b'{"format": "entente-network", "name": "\xff\xfe"}', ["utf-8", "utf8"])
    expect_error("array.json", b"[1, 2, 3]", ["entente", "format", "object"])


@check
def hostile_csv():
    expect_error("not.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40,
                 ["csv", "binary", "nul", "utf-8"])
    expect_error("utf8.csv", b"name,type\nAlpha,person\nBe\xfft\xa0,person\n", ["utf-8", "utf8"])
    line = path("long.csv")
    with open(line, "wb") as f:
        f.write(b"name,description\nAlpha,")
        chunk = b"x" * (1 << 20)
        for _ in range(100):
            f.write(chunk)
        f.write(b"\n")
    out = path("long.entente")
    result = run(f"--import={line}", f"--output={out}", ok=False)
    assert "line 2" in result.stderr.lower() or ":2" in result.stderr, result.stderr
    assert_no_file(out)


@check
def output_exists():
    nodes = path("exists.csv")
    with open(nodes, "w", encoding="utf-8") as f:
        f.write("name\nAlpha\n")
    out = copy_bundled("exists.entente")
    before = dump(out)
    result = run(f"--import={nodes}", f"--output={out}", ok=False)
    assert "already exists" in result.stderr, result.stderr
    assert dump(out) == before
    result = run(f"--import={nodes}", ok=False)
    assert "--output" in result.stderr, result.stderr


if __name__ == "__main__":
    run_checks(work)
