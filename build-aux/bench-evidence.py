#!/usr/bin/python3
# Measures the three questions of the evidence tools on generated networks,
# each beside a reference run on the same file in the same run:
#
# - the source filter (what the first source supports, set on the view)
#   beside SQLite answering the same question with one query on the file;
# - a step of dragging a range across the timeline (filter, the view's
#   states and a fit-all frame) beside one fit-all frame with nothing hidden;
# - "why connected" (the 3 best chains between two random entities) beside
#   networkx's shortest_simple_paths (Debian's python3-networkx) taking the
#   first 3 chains between random entities of the same graph.
#
# Prints a Markdown table. --check runs it small and checks the figures are
# there and the answers agree, for the test suite.
#
# Usage: bench-evidence.py [--check] ENTENTE-BENCH WORKDIR [SIZE...]   (default 10000 50000)

import itertools
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time

import networkx as nx


def generate(bench, workdir, size):
    path = os.path.join(workdir, f"evidence-clustered-{size}.entente")
    # Made again by a newer build, which may write (and read) another version of the file.
    if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(bench):
        subprocess.run([bench, "generate", "--size", str(size), "--shape", "clustered", "--seed", "1",
                        "--layout", "auto", path], check=True, stdout=subprocess.DEVNULL)
    return path


def figures(bench, *args):
    out = subprocess.run([bench, *args], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


SOURCE_QUERY = """
WITH quoted AS (SELECT id FROM quotes WHERE source_id = (SELECT min(id) FROM sources)),
     rel AS (SELECT DISTINCT relation_id AS id FROM relation_evidence
             WHERE stance = 'supports' AND quote_id IN (SELECT id FROM quoted)),
     ent AS (SELECT entity_id AS id FROM entity_evidence
             WHERE stance = 'supports' AND quote_id IN (SELECT id FROM quoted)
             UNION SELECT from_entity FROM relations WHERE id IN (SELECT id FROM rel)
             UNION SELECT to_entity FROM relations WHERE id IN (SELECT id FROM rel))
SELECT (SELECT count(*) FROM ent), (SELECT count(*) FROM rel)
"""


def sqlite_source_filter(path, runs=5):
    db = sqlite3.connect(path)
    times, answer = [], None
    for _ in range(runs):
        start = time.perf_counter()
        answer = db.execute(SOURCE_QUERY).fetchone()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), answer


def networkx_paths(path, queries):
    db = sqlite3.connect(path)
    graph = nx.Graph()
    graph.add_nodes_from(row[0] for row in db.execute("SELECT id FROM entities"))
    graph.add_edges_from(db.execute("SELECT from_entity, to_entity FROM relations WHERE from_entity != to_entity"))
    nodes = sorted(graph.nodes)
    rng = random.Random(1)
    times = []
    for _ in range(queries):
        a, b = rng.sample(nodes, 2)
        start = time.perf_counter()
        try:
            list(itertools.islice(nx.shortest_simple_paths(graph, a, b), 3))
        except nx.NetworkXNoPath:
            pass
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def pick(rows, what, **match):
    for row in rows:
        if row.get("what") == what and all(row.get(k) == v for k, v in match.items()):
            return row
    sys.exit(f"no {what} figure in {rows}")


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    bench, workdir = args[0], args[1]
    sizes = [int(s) for s in args[2:]] or ([1000] if check else [10000, 50000])
    os.makedirs(workdir, exist_ok=True)

    print("| what | entities | Entente | reference | reference's time | ratio |")
    print("|---|---:|---:|---|---:|---:|")
    for size in sizes:
        path = generate(bench, workdir, size)

        sources = figures(bench, "sources", "--runs", "5" if check else "20", path)
        one = pick(sources, "source-filter")
        ms = one["filter_ms"] + one["apply_ms"]
        sql_ms, (sql_entities, sql_relations) = sqlite_source_filter(path)
        if (one["shown_entities"], one["shown_relations"]) != (sql_entities, sql_relations):
            sys.exit(f"the source filter shows {one['shown_entities']}/{one['shown_relations']}, "
                     f"SQLite finds {sql_entities}/{sql_relations}")
        print(f"| source filter applied (one source: {sql_entities} entities, {sql_relations} relations; "
              f"index built once: {one['index_ms']:.1f} ms) "
              f"| {size:,} | {ms:.2f} ms (filter {one['filter_ms']:.3f} + apply {one['apply_ms']:.2f}) "
              f"| the same question as one SQLite query | {sql_ms:.2f} ms "
              f"| {ms / sql_ms:.2f}× (filter {one['filter_ms'] / sql_ms:.3f}×) |")

        timeline = figures(bench, "timeline", path)
        step = pick(timeline, "step")
        frame = pick(timeline, "unfiltered-frame")
        print(f"| timeline range dragged: a step, median / max | {size:,} | {step['median_ms']:.2f} / "
              f"{step['max_ms']:.2f} ms | a fit-all frame with nothing hidden | {frame['ms']:.2f} ms "
              f"| {step['median_ms'] / frame['ms']:.2f}× / {step['max_ms'] / frame['ms']:.2f}× |")

        queries = 20 if check else 200
        paths = figures(bench, "paths", "--queries", str(queries), path)
        query = pick(paths, "path-query", filtered=True)
        index = pick(paths, "path-index")
        nx_median, nx_max = networkx_paths(path, 5 if check else (20 if size > 20000 else 50))
        print(f"| why connected: 3 best chains, median / max (index built once: {index['ms']:.0f} ms) "
              f"| {size:,} | {query['median_ms']:.2f} / {query['max_ms']:.2f} ms "
              f"| networkx shortest_simple_paths, first 3 | {nx_median:.1f} / {nx_max:.1f} ms "
              f"| {query['median_ms'] / nx_median:.3f}× |")
        sys.stdout.flush()

        if check and (query["connected"] == 0 or step["steps"] == 0):
            sys.exit("the benchmark measured nothing")


main()
