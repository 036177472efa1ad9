#!/usr/bin/python3
# Reads Entente's window through the accessibility bus, as a screen reader
# would, for the end-to-end test.
#
#   atspi-query.py quote ARTICLE       prints the first quote shown in the
#                                      evidence panel, if it is a passage of
#                                      ARTICLE, and where it is on screen
#   atspi-query.py source ARTICLE      prints the passage highlighted in the
#                                      source viewer, if it is in ARTICLE
#   atspi-query.py toast TEXT          succeeds if a shown label contains TEXT
#   atspi-query.py find ROLE NAME      prints where the shown widget of that
#                                      role whose name contains NAME is:
#                                      x y width height
#   atspi-query.py exact ROLE NAME     the same, for the name NAME exactly
#   atspi-query.py describe ROLE NAME  prints the description of the shown
#                                      widget of that role named NAME
#   atspi-query.py diagram [NAME]      prints the diagram's accessible name and
#                                      description, a line each; NAME is the
#                                      selected entity's, if one is
#   atspi-query.py hops ARTICLE        prints the hops of the chain of
#                                      relations listed in the side panel, a
#                                      heading and its quote a line each, if
#                                      every quote is a passage of ARTICLE
#   atspi-query.py sourcebox           prints where the source viewer's text is
#   atspi-query.py dump                prints the tree
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib


def find_app():
    desktop = Atspi.get_desktop(0)
    for _ in range(50):
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() in ("entente", "Entente"):
                return app
        time.sleep(0.2)
    sys.exit("the application is not on the accessibility bus")


# A widget may go away while the tree is walked (a toast that times out, a
# dialog that closes): what cannot be read any more is passed over.
def alive(read, default=None):
    try:
        return read()
    except GLib.GError:
        return default


def role(node):
    return alive(node.get_role_name, "")


def name(node):
    return alive(node.get_name, "") or ""


def description(node):
    return alive(node.get_description, "") or ""


def walk(node, depth=0):
    yield node, depth
    for i in range(alive(node.get_child_count, 0)):
        child = alive(lambda: node.get_child_at_index(i))
        if child is not None:
            yield from walk(child, depth + 1)


def showing(node):
    # GTK 4.8 does not keep the SHOWING state of every widget up to date; a
    # widget that is laid out on screen has an area.
    area = extents(node)
    return area is not None and area[2] > 0 and area[3] > 0


def extents(node):
    try:
        rect = node.get_extents(Atspi.CoordType.WINDOW)
        return rect.x, rect.y, rect.width, rect.height
    except Exception:
        return None


def main():
    what = sys.argv[1]
    app = find_app()

    if what == "dump":
        for node, depth in walk(app):
            print("  " * depth + f"{role(node)} {name(node)!r} {description(node)!r} {extents(node)}")
        return

    if what in ("find", "exact"):
        for _ in range(20):
            for node, _depth in walk(app):
                # Mnemonic underscores are not part of what a person reads.
                # GTK 4.8 names some buttons after their class and says what they do in the description.
                names = [name(node).replace("_", ""), description(node)]
                matches = any(n == sys.argv[3] if what == "exact" else sys.argv[3] in n for n in names)
                if role(node) == sys.argv[2] and matches and showing(node):
                    print(*extents(node))
                    return
            time.sleep(0.2)
        sys.exit(f"no {sys.argv[2]} named {sys.argv[3]!r} is shown")

    if what == "describe":
        for node, _depth in walk(app):
            if role(node) == sys.argv[2] and name(node) == sys.argv[3] and showing(node):
                print(description(node))
                return
        sys.exit(f"no {sys.argv[2]} named {sys.argv[3]!r} is shown")

    if what == "diagram":
        for node, _depth in walk(app):
            wanted = sys.argv[2] if len(sys.argv) > 2 else "Network diagram"
            if role(node) == "panel" and name(node) == wanted and showing(node):
                print(name(node))
                print(description(node))
                return
        sys.exit("no diagram")

    if what == "sourcebox":
        # The text that describes its highlighted passage; or, with none highlighted (a new source), the one
        # text view shown.
        for node, _depth in walk(app):
            if role(node) in ("text", "text box", "document text", "entry") and showing(node) \
                    and description(node):
                print(*extents(node))
                return
        for node, _depth in walk(app):
            if role(node) in ("text", "text box", "document text") and showing(node):
                print(*extents(node))
                return
        sys.exit("the source viewer is not shown")

    if what == "toast":
        for _ in range(20):
            for node, _depth in walk(app):
                if role(node) == "label" and sys.argv[2] in name(node):
                    print(name(node))
                    return
            time.sleep(0.2)
        sys.exit(f"no label says {sys.argv[2]!r}")

    article = open(sys.argv[2], encoding="utf-8").read()

    if what == "quote":
        for node, _ in walk(app):
            text = name(node)
            if role(node) == "label" and text.startswith("“") and text.endswith("”") and showing(node):
                passage = text[1:-1]
                if passage in article:
                    print(passage)
                    print(*extents(node))
                    return
                sys.exit(f"the quote shown is not a passage of the article: {passage!r}")
        sys.exit("no quote is shown")

    if what == "hops":
        # The list named "Hops": each row a heading ("1. A — label → B"), then the quote or a warning.
        for node, _ in walk(app):
            if name(node) != "Hops" or not showing(node):
                continue
            lines = []
            for child, _depth in walk(node):
                text = name(child)
                if role(child) != "label" or not text:
                    continue
                if text.startswith("“") and text.endswith("”"):
                    if text[1:-1] not in article:
                        sys.exit(f"a hop's quote is not a passage of the article: {text!r}")
                lines.append(text)
            if not lines:
                sys.exit("the list of hops is empty")
            print("\n".join(lines))
            return
        sys.exit("no list of hops is shown")

    if what == "source":
        for node, _ in walk(app):
            if role(node) in ("text", "text box", "document text", "entry") and showing(node):
                passage = description(node)
                if passage and passage in article:
                    print(passage)
                    return
        sys.exit("no passage of the article is highlighted")


main()
