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
#   atspi-query.py sourcebox           prints where the source viewer's text is
#   atspi-query.py dump                prints the tree
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi


def find_app():
    desktop = Atspi.get_desktop(0)
    for _ in range(50):
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() in ("entente", "Entente"):
                return app
        time.sleep(0.2)
    sys.exit("the application is not on the accessibility bus")


def walk(node, depth=0):
    yield node, depth
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
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
            print("  " * depth + f"{node.get_role_name()} {node.get_name()!r} {node.get_description()!r} {extents(node)}")
        return

    if what in ("find", "exact"):
        for _ in range(20):
            for node, _depth in walk(app):
                # Mnemonic underscores are not part of what a person reads.
                # GTK 4.8 names some buttons after their class and says what they do in the description.
                names = [(node.get_name() or "").replace("_", ""), node.get_description() or ""]
                matches = any(n == sys.argv[3] if what == "exact" else sys.argv[3] in n for n in names)
                if node.get_role_name() == sys.argv[2] and matches and showing(node):
                    print(*extents(node))
                    return
            time.sleep(0.2)
        sys.exit(f"no {sys.argv[2]} named {sys.argv[3]!r} is shown")

    if what == "sourcebox":
        for node, _depth in walk(app):
            if node.get_role_name() in ("text", "text box", "document text", "entry") and showing(node) \
                    and node.get_description():
                print(*extents(node))
                return
        sys.exit("the source viewer is not shown")

    if what == "toast":
        for _ in range(20):
            for node, _depth in walk(app):
                if node.get_role_name() == "label" and sys.argv[2] in (node.get_name() or ""):
                    print(node.get_name())
                    return
            time.sleep(0.2)
        sys.exit(f"no label says {sys.argv[2]!r}")

    article = open(sys.argv[2], encoding="utf-8").read()

    if what == "quote":
        for node, _ in walk(app):
            name = node.get_name() or ""
            if node.get_role_name() == "label" and name.startswith("“") and name.endswith("”") and showing(node):
                passage = name[1:-1]
                if passage in article:
                    print(passage)
                    print(*extents(node))
                    return
                sys.exit(f"the quote shown is not a passage of the article: {passage!r}")
        sys.exit("no quote is shown")

    if what == "source":
        for node, _ in walk(app):
            if node.get_role_name() in ("text", "text box", "document text", "entry") and showing(node):
                passage = node.get_description() or ""
                if passage and passage in article:
                    print(passage)
                    return
        sys.exit("no passage of the article is highlighted")


main()
