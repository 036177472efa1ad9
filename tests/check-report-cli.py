#!/usr/bin/env python3
# check-report-cli.py: `entente --report=FILE.html|FILE.pdf` as a user runs it on the bundled
# network, read back by other tools: xmllint finds nothing wrong with the HTML, Python's
# html.parser, headless Chromium and pdftotext find every quote and source the database holds
# (read with Python's sqlite3), --kinds keeps the report to those kinds, and a name that is
# neither .html nor .pdf is refused with a message and no file.
#
# Usage: check-report-cli.py ENTENTE BUNDLED.entente   (TAP output)

import html.parser
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import check, run_checks, run_headless  # noqa: E402

entente, bundled = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="entente-report-cli-")
network = os.path.join(work, "network.entente")
shutil.copy(bundled, network)
CHROMIUM = "/usr/bin/chromium"


def path(name):
    return os.path.join(work, name)


def run(*args, ok=True):
    return run_headless(entente, *args, ok=ok)


def report(name, *args):
    out = path(name)
    if not os.path.exists(out) or args:
        run(f"--report={out}", *args, network)
    return out


def db():
    return sqlite3.connect(f"file:{network}?mode=ro", uri=True)


def quotes():
    with db() as c:
        return [r[0] for r in c.execute("SELECT text FROM quotes")]


def source_titles():
    with db() as c:
        return [r[0] for r in c.execute("SELECT title FROM sources")]


def squeeze(text):
    """Text without white space or marks of direction: lines of a PDF wrap where they will."""
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


def collapse(text):
    return " ".join(text.split())


class Report(html.parser.HTMLParser):
    """The text of a report's HTML, unescaped, and the headings of each of its sections."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.section = None
        self.headings = {}
        self.heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and "id" in attrs:
            self.section = attrs["id"]
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = (tag, [])
        if tag in ("script", "iframe", "object", "embed", "link"):
            raise AssertionError(f"the report has a <{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                raise AssertionError(f"the report has an {name} attribute")
            if name in ("src", "href") and value and not re.match(r"(data:image/svg\+xml;|https?://)", value):
                raise AssertionError(f"the report refers to {value[:80]}")

    def handle_endtag(self, tag):
        if self.heading is not None and tag == self.heading[0]:
            self.headings.setdefault(self.section, []).append((tag, "".join(self.heading[1])))
            self.heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self.heading is not None:
            self.heading[1].append(data)


def parse(markup):
    parser = Report()
    parser.feed(markup)
    parser.close()
    parser.all = collapse(" ".join(parser.text))
    return parser


def parse_file(name):
    with open(name, encoding="utf-8") as f:
        return parse(f.read())


def assert_has_all(text, wanted, what):
    missing = [w for w in wanted if collapse(w) not in text]
    if missing:
        raise AssertionError(f"{len(missing)} {what} missing, such as {missing[0]!r}")


@check
def html_has_every_quote_and_source():
    parsed = parse_file(report("report.html"))
    assert quotes(), "the bundled network has quotes"
    assert_has_all(parsed.all, quotes(), "quotes")
    assert_has_all(parsed.all, source_titles(), "sources")
    order = [parsed.all.index(h) for h in ("Unsourced claims", "Disputed claims", "Entities", "Relations", "Sources")]
    assert order == sorted(order), f"the sections are out of order: {order}"


@check
def xmllint_finds_nothing():
    result = subprocess.run(["xmllint", "--html", "--noout", report("report.html")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and result.stdout == "" and result.stderr == "", result.stdout + result.stderr


@check
def pdf_has_every_quote_and_source():
    out = report("report.pdf")
    with open(out, "rb") as f:
        assert f.read(5) == b"%PDF-", "not a PDF"
    text = squeeze(subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True, check=True,
                                  timeout=60).stdout)
    missing = [q for q in quotes() + source_titles() if squeeze(q) not in text]
    assert not missing, f"{len(missing)} quotes or sources are not in the PDF's text, such as {missing[0]!r}"
    info = subprocess.run(["pdfinfo", out], capture_output=True, text=True, check=True, timeout=60).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert size and abs(float(size.group(1)) - 595.3) < 1 and abs(float(size.group(2)) - 841.9) < 1, info


def chromium_dom():
    out = report("report.html")
    result = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                             f"--user-data-dir={path('chromium')}", "--dump-dom", f"file://{out}"],
                            capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, HOME=work, XDG_CONFIG_HOME=path("config"),
                                     XDG_CACHE_HOME=path("cache")))
    assert result.returncode == 0, result.stderr
    parsed = parse(result.stdout)
    assert_has_all(parsed.all, quotes(), "quotes")
    assert_has_all(parsed.all, source_titles(), "sources")


if os.path.exists(CHROMIUM):
    check(chromium_dom)
else:
    def chromium_absent():
        pass

    # The runner prints the name after "ok N": a TAP directive there makes the check a skip.
    chromium_absent.__name__ = f"chromium_dom # SKIP {CHROMIUM} is not installed"
    check(chromium_absent)


@check
def kinds_keep_to_countries():
    with db() as c:
        labels = {r[0]: r[1] for r in c.execute("SELECT key, label FROM kinds")}
        countries = {r[0] for r in c.execute("SELECT name FROM entities WHERE kind = 'country'")}
        others = {r[0] for r in c.execute("SELECT name FROM entities WHERE kind != 'country'")}
    assert countries and others
    parsed = parse_file(report("countries.html", "--kinds=country"))
    listed = {text for tag, text in parsed.headings.get("entities", []) if tag == "h4"}
    assert listed == countries, f"listed {sorted(listed)}, the countries are {sorted(countries)}"
    kinds = {text for tag, text in parsed.headings.get("entities", []) if tag == "h3"}
    assert kinds == {labels["country"]}, kinds
    relations = [text for tag, text in parsed.headings.get("relations", []) if tag == "h3"]
    assert relations, "the countries have relations between them"
    for text in relations:
        ends = re.split(r" — .* [→—] ", text)
        assert len(ends) == 2 and set(ends) <= countries, f"the relation {text!r} is not between countries"
    assert labels["country"] in parsed.all.split("Unsourced claims")[0], "the caption does not say which kinds"
    # The PDF: the quotes of the countries and of the relations between them, and none of the others'.
    with db() as c:
        kept = {r[0] for r in c.execute(
            "SELECT q.text FROM quotes q JOIN entity_evidence e ON e.quote_id = q.id JOIN entities n "
            "ON n.id = e.entity_id WHERE n.kind = 'country' UNION "
            "SELECT q.text FROM quotes q JOIN relation_evidence e ON e.quote_id = q.id JOIN relations r "
            "ON r.id = e.relation_id JOIN entities a ON a.id = r.from_entity JOIN entities b ON b.id = r.to_entity "
            "WHERE a.kind = 'country' AND b.kind = 'country'")}
    left_out = [q for q in quotes() if q not in kept and not any(squeeze(q) in squeeze(k) for k in kept)]
    assert kept and left_out
    pdf = report("countries.pdf", "--kinds=country")
    text = squeeze(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True,
                                  timeout=60).stdout)
    assert all(squeeze(q) in text for q in kept), "a quote of a country is not in the PDF"
    shown = [q for q in left_out if squeeze(q) in text]
    assert not shown, f"the PDF of countries quotes {shown[0]!r}"


@check
def bad_extension_refused():
    out = path("report.txt")
    result = run(f"--report={out}", network, ok=False)
    assert "html" in result.stderr and "pdf" in result.stderr, result.stderr
    assert not os.path.exists(out), "a file was written"
    assert not [n for n in os.listdir(work) if n.startswith(".report.txt")], "a temporary file was left"


@check
def unknown_kind_refused():
    out = path("nothing.html")
    result = run(f"--report={out}", "--kinds=no-such-kind", network, ok=False)
    assert "no-such-kind" in result.stderr, result.stderr
    assert not os.path.exists(out), "a file was written"


run_checks(work)
