#!/usr/bin/env python3
# check-export-pdf-cli.py: `entente --export=FILE.pdf` on paper as a user runs it: A4 turned,
# a poster of four sheets, read back by poppler's pdfinfo; and the paper options it refuses,
# with exit status 2, a message and no file.
#
# Usage: check-export-pdf-cli.py ENTENTE BUNDLED.entente   (TAP output)

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import check, run_checks  # noqa: E402

entente, bundled = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="entente-export-pdf-cli-")


def path(name):
    return os.path.join(work, name)


def network():
    """A copy of the bundled network, which an export may write positions to."""
    copy = path("network.entente")
    if not os.path.exists(copy):
        shutil.copy(bundled, copy)
    return copy


def run(*args):
    return subprocess.run([entente, *args], capture_output=True, text=True, timeout=60)


def export(name, *args):
    out = path(name)
    result = run(f"--export={out}", *args, network())
    assert result.returncode == 0, f"entente {' '.join(args)} failed ({result.returncode}): {result.stderr}"
    return out


def pdfinfo(pdf, *args):
    result = subprocess.run(["pdfinfo", *args, pdf], capture_output=True, text=True, timeout=60, check=True)
    return result.stdout


def sizes(info):
    """Every page size pdfinfo tells, as (width, height) in points rounded to whole ones."""
    return [(round(float(w)), round(float(h)))
            for w, h in re.findall(r"^Page(?:\s+\d+)? size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)]


def pages(info):
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@check
def a4_landscape():
    info = pdfinfo(export("a4.pdf", "--page=a4", "--orientation=landscape"))
    assert pages(info) == 1, info
    assert sizes(info) == [(842, 595)], info
    assert re.search(r"^Creator:\s+Entente ", info, re.M), info


@check
def poster():
    pdf = export("poster.pdf", "--poster=4")
    assert pages(pdfinfo(pdf)) == 4
    info = pdfinfo(pdf, "-f", "1", "-l", "4")
    assert sizes(info) == [(595, 842)] * 4, info


@check
def letter_without_margins():
    info = pdfinfo(export("letter.pdf", "--page=letter", "--margin=0"))
    assert sizes(info) == [(612, 792)], info


def refused(name, *args, message):
    out = path(name)
    result = run(f"--export={out}", *args, network())
    assert result.returncode == 2, f"{args}: exit status {result.returncode}: {result.stderr}"
    assert message in result.stderr, f"{args}: {result.stderr!r}"
    assert not os.path.exists(out), f"{args} wrote {out}"


@check
def unknown_paper():
    refused("a5.pdf", "--page=a5", message="a5")


@check
def not_a_pdf():
    refused("a4.png", "--page=a4", message="PDF")


@check
def bad_values():
    refused("sideways.pdf", "--page=a4", "--orientation=sideways", message="sideways")
    refused("huge.pdf", "--poster=1000", message="64")
    refused("margin.pdf", "--page=a4", "--margin=-5", message="margin")


if __name__ == "__main__":
    if shutil.which("pdfinfo") is None:
        print("1..0 # SKIP pdfinfo (poppler-utils) is needed")
        shutil.rmtree(work, ignore_errors=True)
    else:
        run_checks(work)
