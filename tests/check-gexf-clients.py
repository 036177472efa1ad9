#!/usr/bin/env python3
# check-gexf-clients.py: GEXF that `entente --export` writes, read by the real clients: xmllint
# validates it against the GEXF 1.3 schema and networkx reads it with the same nodes, edges and
# attribute values (networkx 2, Debian 12's, reads no GEXF newer than 1.2: it reads the export of
# --format=gexf-1.2, and networkx 3 both); `entente --import` of Gephi's files, of what it wrote, and
# of hostile files.
#
# Usage: check-gexf-clients.py ENTENTE BUNDLED.entente DATA_DIR   (exits non-zero at the first failed check)

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import networkx as nx

entente, bundled, data = sys.argv[1], sys.argv[2], sys.argv[3]
schema = os.path.join(data, "gexf-1.3", "gexf.xsd")
work = tempfile.TemporaryDirectory(prefix="entente-gexf-clients-")


def run(*args, ok=True):
    """entente with @args, which must succeed (or, with ok=False, fail)."""
    result = subprocess.run([entente, *args], capture_output=True, text=True, timeout=300)
    assert (result.returncode == 0) == ok, f"entente {' '.join(args)}: exit {result.returncode}, {result.stderr}"
    return result


def path(name):
    return os.path.join(work.name, name)


def validate(gexf):
    result = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", schema, gexf],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def export(network, name):
    """The network as GEXF 1.3, validated, and as GEXF 1.2; and as our JSON, which says what the GEXF must hold."""
    gexf, gexf_1_2, exported = path(name + ".gexf"), path(name + "-1.2.gexf"), path(name + ".json")
    run(f"--export={gexf}", network)
    run(f"--export={gexf_1_2}", "--format=gexf-1.2", network)
    run(f"--export={exported}", network)
    validate(gexf)
    with open(exported, encoding="utf-8") as f:
        return (gexf, gexf_1_2), json.load(f)


def check_networkx(files, network):
    """networkx reads what it can of both versions the same."""
    gexf, gexf_1_2 = files
    readable = [gexf_1_2] + ([gexf] if "1.3" in nx.readwrite.gexf.GEXF.versions else [])
    for name in readable:
        check_networkx_file(name, network)


def quote_texts(network, relation):
    texts = {q["id"]: q["text"] for q in network["quotes"]}
    return "\n\n".join(texts[i] for i in relation["quotes"])


def check_networkx_file(gexf, network):
    graph = nx.read_gexf(gexf, version="1.2draft" if gexf.endswith("-1.2.gexf") else "1.3")
    assert graph.number_of_nodes() == len(network["entities"]), graph.number_of_nodes()
    # In a network of both, an undirected relation is a "mutual" edge, which networkx makes an edge each
    # way (one, for a loop).
    relations = network["relations"]
    mixed = any(r["directed"] for r in relations) and not all(r["directed"] for r in relations)
    expected = len(relations) + (sum(not r["directed"] and r["from"] != r["to"] for r in relations) if mixed else 0)
    assert graph.number_of_edges() == expected, (graph.number_of_edges(), expected)
    kinds = {k["key"]: k["label"] for k in network["kinds"]}
    builtin = {"person", "country", "place", "commission", "organisation", "community", "sector", "event"}
    for entity in network["entities"]:
        node = graph.nodes[str(entity["id"])]
        assert node["label"] == entity["name"], (node, entity)
        kind = entity["kind"] if entity["kind"] in builtin else kinds[entity["kind"]]
        assert node["kind"] == kind, (node, entity)
        for field in ("description", "role"):
            assert node.get(field) == (entity[field] or None), (field, node, entity)
        for prop in entity["properties"]:
            check_value(node[prop["key"]], prop)
    edges = {data["id"]: (u, v, data) for u, v, data in graph.edges(data=True)}
    for relation in network["relations"]:
        u, v, edge = edges[str(relation["id"])]
        assert (u, v) == (str(relation["from"]), str(relation["to"])) or \
            (not relation["directed"] and (v, u) == (str(relation["from"]), str(relation["to"]))), (u, v, relation)
        assert edge.get("label") == (relation["label"] or None), (edge, relation)
        assert edge.get("quotes") == (quote_texts(network, relation) or None), (edge, relation)
        for prop in relation["properties"]:
            check_value(edge[prop["key"]], prop)


def check_value(value, prop):
    if prop["type"] == "number":
        assert value == float(prop["value"]), (value, prop)
    elif prop["type"] == "boolean":
        assert value is (prop["value"] == "true"), (value, prop)
    else:
        assert value == prop["value"], (value, prop)


def rows(db_path, sql):
    db = sqlite3.connect(db_path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def bundled_network_read_by_networkx():
    # A copy, as opening a network readies it for writing, which the installed one must not be.
    copy = path("bundled.entente")
    shutil.copyfile(bundled, copy)
    files, network = export(copy, "bundled")
    check_networkx(files, network)


def properties_read_by_networkx_and_back():
    network = {
        "format": "entente-network", "version": 1,
        "kinds": [{"key": "vessel", "label": "Vessel", "shape": "diamond", "glyph": "dot", "color": "#2ec27e"}],
        "entities": [
            {"id": 1, "kind": "vessel", "name": "Ship & <Co>", "start_date": "2001-02-03", "end_date": "2005",
             "properties": [{"key": "tonnage", "type": "number", "value": "-1.5e3"},
                            {"key": "active", "type": "boolean", "value": "true"},
                            {"key": "built", "type": "date", "value": "1999-12-31"},
                            {"key": "motto \"q\"", "type": "string", "value": "Мир\nमित्र"}]},
            {"id": 2, "kind": "person", "name": "Ann", "description": "line one\nline two",
             "properties": [{"key": "tonnage", "type": "number", "value": "7"}]},
        ],
        "relations": [
            {"id": 1, "kind": "owns", "from": 2, "to": 1, "label": "owner", "directed": True,
             "properties": [{"key": "weight", "type": "number", "value": "2.5"}]},
            {"id": 2, "kind": "knows", "from": 2, "to": 2, "directed": False,
             "properties": [{"key": "secret", "type": "boolean", "value": "false"}]},
        ],
    }
    source = path("typed.json")
    with open(source, "w", encoding="utf-8") as f:
        json.dump(network, f)
    first = path("typed.entente")
    run(f"--import={source}", f"--output={first}")
    files, exported = export(first, "typed")
    check_networkx(files, exported)

    # Both versions read back the same.
    for i, gexf in enumerate(files):
        second = path(f"typed-again-{i}.entente")
        run(f"--import={gexf}", f"--output={second}")
        for sql in ("SELECT name, kind, description, start_date, end_date FROM entities ORDER BY id",
                    "SELECT kind, label, directed FROM relations ORDER BY id",
                    "SELECT key, label, color FROM kinds WHERE key = 'vessel'",
                    "SELECT entity_id, relation_id, key, type, value FROM properties ORDER BY entity_id, relation_id, key"):
            assert rows(second, sql) == rows(first, sql), (gexf, sql, rows(second, sql), rows(first, sql))


def gephi_files_import():
    for name, nodes, edges in [("gephi_les_miserables.gexf", 77, 254), ("gexfnet_dynamics.gexf", 4, 5),
                               ("gexfnet_hierarchy1.gexf", 10, 9)]:
        out = path(name + ".entente")
        run(f"--import={os.path.join(data, 'gexf', name)}", f"--output={out}")
        assert rows(out, "SELECT count(*) FROM entities") == [(nodes,)], name
        assert rows(out, "SELECT count(*) FROM relations") == [(edges,)], name
    assert rows(path("gephi_les_miserables.gexf.entente"),
                "SELECT count(*) FROM positions WHERE engine = 'dot'") == [(77,)]


def hostile_files_write_nothing():
    laughs = ['<?xml version="1.0"?>\n<!DOCTYPE gexf [\n<!ENTITY l0 "ha">\n']
    laughs += [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">\n' for i in range(1, 10)]
    laughs.append(']>\n<gexf version="1.3"><graph><nodes><node id="1" label="&l9;"/></nodes></graph></gexf>\n')
    hostile = {
        "laughs.gexf": "".join(laughs),
        "xxe.gexf": '<?xml version="1.0"?>\n<!DOCTYPE gexf [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n'
                    '<gexf version="1.3"><graph><nodes><node id="1" label="&x;"/></nodes></graph></gexf>\n',
        "label.gexf": '<gexf version="1.3"><graph><nodes><node id="1" label="' + "line&#10;" * 40000 +
                      '"/></nodes></graph></gexf>\n',
    }
    for name, text in hostile.items():
        source, out = path(name), path(name + ".entente")
        with open(source, "w", encoding="utf-8") as f:
            f.write(text)
        result = run(f"--import={source}", f"--output={out}", ok=False)
        assert "line" in result.stderr.lower(), result.stderr
        assert "root:" not in result.stderr + result.stdout, name
        assert not os.path.exists(out), name


if __name__ == "__main__":
    with work:
        for check in (bundled_network_read_by_networkx, properties_read_by_networkx_and_back, gephi_files_import,
                      hostile_files_write_nothing):
            check()
            print(f"ok: {check.__name__}")
