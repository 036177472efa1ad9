#!/usr/bin/env python3
# check-export-scope-cli.py: `entente --export` of part of the network, as a user
# runs it: --area, --kinds, --focus, --sources, --happened and --reported
# checked against what the database itself
# says (read with Python's sqlite3), --background, --legend and --caption in
# the files written, and bad values refused with a message and no file.
#
# Usage: check-export-scope-cli.py ENTENTE BUNDLED.entente   (TAP output)

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import check, run_checks, run_headless  # noqa: E402
import struct

entente, bundled = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="entente-export-scope-")
network = os.path.join(work, "network.entente")
shutil.copy(bundled, network)
def run(*args, ok=True):
    return run_headless(entente, *args, ok=ok)


def path(name):
    return os.path.join(work, name)


def export(name, *args):
    out = path(name)
    run(f"--export={out}", *args, network)
    return out


def ids(svg, prefix="entity"):
    with open(svg, encoding="utf-8") as f:
        return {int(n) for n in re.findall(rf'id="{prefix}-(\d+)"', f.read())}


def db():
    return sqlite3.connect(f"file:{network}?mode=ro", uri=True)


def entity_id(name):
    with db() as c:
        return c.execute("SELECT id FROM entities WHERE name = ?", (name,)).fetchone()[0]


def neighbours(entity):
    with db() as c:
        rows = c.execute("SELECT from_entity, to_entity FROM relations WHERE from_entity = ? OR to_entity = ?",
                         (entity, entity)).fetchall()
    return {entity} | {a for a, b in rows} | {b for a, b in rows}


def of_kinds(*kinds):
    with db() as c:
        marks = ",".join("?" * len(kinds))
        return {r[0] for r in c.execute(f"SELECT id FROM entities WHERE kind IN ({marks})", kinds)}


@check
def whole_network():
    with db() as c:
        everyone = {r[0] for r in c.execute("SELECT id FROM entities")}
    assert ids(export("all.svg")) == everyone


@check
def neighbours_by_name_and_id():
    minister = entity_id("Sergei Aleinik")
    expected = neighbours(minister)
    assert 2 < len(expected)
    assert ids(export("n-name.svg", "--area=neighbours:sergei aleinik")) == expected
    assert ids(export("n-id.svg", f"--area=neighbours:{minister}")) == expected


@check
def kind_filter():
    expected = of_kinds("person", "country")
    svg = export("kinds.svg", "--kinds=person, country")
    assert ids(svg) == expected, (ids(svg), expected)
    # Relations drawn join two entities drawn.
    with db() as c:
        for rel in ids(svg, "relation"):
            a, b = c.execute("SELECT from_entity, to_entity FROM relations WHERE id = ?", (rel,)).fetchone()
            assert a in expected and b in expected


@check
def focus_with_depth():
    minister = entity_id("Sergei Aleinik")
    near = ids(export("focus1.svg", "--focus=Sergei Aleinik"))
    assert near == neighbours(minister), near
    farther = ids(export("focus2.svg", "--focus=Sergei Aleinik:2"))
    assert near < farther


@check
def area_rectangle():
    whole = ids(export("whole.svg"))
    part = ids(export("part.svg", "--area=0,0,250,250", "--legend=no"))
    assert 0 < len(part) < len(whole)
    with open(path("part.svg"), encoding="utf-8") as f:
        assert 'viewBox="0.00 0.00 250.00 250.00"' in f.read()


@check
def background_legend_caption():
    with open(export("plain.svg", "--legend=no"), encoding="utf-8") as f:
        plain = f.read()
    assert 'id="legend"' not in plain and 'class="caption"' not in plain
    with open(export("caption.svg", "--caption", "--background=transparent"), encoding="utf-8") as f:
        captioned = f.read()
    assert 'id="legend"' in captioned
    assert 'class="background"' not in captioned
    with db() as c:
        title = c.execute("SELECT title FROM sources ORDER BY id LIMIT 1").fetchone()[0]
    escaped = title.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;")
    assert re.search(re.escape(escaped) + r" — \d{1,2} \w+ 20\d\d", captioned), title
    with open(export("dark.svg", "--background=dark"), encoding="utf-8") as f:
        assert 'class="background"' in f.read()

    png = export("clear.png", "--background=transparent", "--scale=0.5")
    check = subprocess.run(["pngcheck", png], capture_output=True, text=True)
    assert check.returncode == 0 and "RGB+alpha" in check.stdout, check.stdout
    with open(png, "rb") as f:
        header = f.read(33)
    assert struct.unpack(">B", header[25:26])[0] == 6  # colour type RGBA


def in_period(start, end, first, last):
    """Whether a span of stored dates with a year meets the years first to last."""
    years = [int(d[:4]) for d in (start, end) if d and not d.startswith("--")]
    return bool(years) and min(years) <= last and max(years) >= first


@check
def happened_in_1991():
    svg = export("1991.svg", "--happened=1991")
    expected_relations = set()
    with db() as c:
        expected = {i for i, s, e in c.execute("SELECT id, start_date, end_date FROM entities")
                    if in_period(s, e, 1991, 1991)}
        for i, a, b, s, e in c.execute("SELECT id, from_entity, to_entity, start_date, end_date FROM relations"):
            if in_period(s, e, 1991, 1991):
                expected_relations.add(i)
                expected |= {a, b}
    assert ids(svg) == expected, (ids(svg), expected)
    assert ids(svg, "relation") == expected_relations, (ids(svg, "relation"), expected_relations)
    with open(svg, encoding="utf-8") as f:
        assert "Only what happened in 1991" in f.read()


@check
def one_source_is_everything():
    with db() as c:
        title = c.execute("SELECT title FROM sources ORDER BY id").fetchone()[0]
    svg = export("source.svg", f"--sources={title.upper()}")
    assert ids(svg) == whole_network_ids(), "the bundled network's one source supports all of it"
    report = path("source.html")
    run(f"--report={report}", "--sources=1", "--happened=--03-11..--03-13", network)
    with open(report, encoding="utf-8") as f:
        text = f.read()
    assert "supports; Only what happened on 11–13 March (year not given)" in text, text[:2000]


@check
def reported_without_dates_is_empty():
    # The bundled source has no date of publication, so nothing was reported in any range.
    svg = export("reported.svg", "--reported=2000..2030")
    assert ids(svg) == set(), ids(svg)


def whole_network_ids():
    with db() as c:
        return {row[0] for row in c.execute("SELECT id FROM entities")}


@check
def bad_values_refused():
    for args, message in [
        (["--area=1,2,3"], "area"),
        (["--area=5,5,1,1"], "area"),
        (["--area=neighbours:nobody at all"], "nobody at all"),
        (["--kinds=minister"], "minister"),
        (["--focus=Sergei Aleinik:0"], "depth"),
        (["--focus=Sergei Aleinik:x"], "depth"),
        (["--background=blue"], "background"),
        (["--legend=maybe"], "legend"),
        (["--sources=no such source"], "no such source"),
        (["--happened=1992..1991"], "time range"),
        (["--happened=yesterday"], "time range"),
        (["--happened=1991", "--reported=1991"], "not both"),
    ]:
        out = path("refused.svg")
        result = run(f"--export={out}", *args, network, ok=False)
        assert message in result.stderr, (args, result.stderr)
        assert not os.path.exists(out), args


if __name__ == "__main__":
    run_checks(work)
