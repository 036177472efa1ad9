#!/usr/bin/python3
# Times Entente's mention finder against a Python script that uses `re` with
# one alternation of every name, on the same generated names and articles, in
# the same run: N entities with a name and an alias each, and articles of
# about 5 KB in which some of them are mentioned. Prints a Markdown table.
#
# The names are ASCII, so that `re`'s IGNORECASE and \b find what Entente
# finds (Entente also folds accents, which `re` cannot); the two counts are
# printed side by side and must agree. Both times include making the
# matcher: Entente's finder, Python's compiled pattern.
#
# Usage: bench-mentions.py [--check] ENTENTE-BENCH WORKDIR [ENTITIES:ARTICLES...]
#   (default 10000:1000, about 5 MB of text)

import os
import random
import re
import subprocess
import sys
import time

SYLLABLES = ["al", "ei", "nik", "ser", "gei", "jai", "shan", "kar", "mo", "ra", "vi", "ta", "lo", "dan", "ko",
             "bel", "rus", "ind", "ia", "pet", "rov", "ova", "nes", "sky", "ber", "ger", "lin", "mar", "tin", "el"]
WORDS = ("the of and to in a is that for on with as by at from this be was are it an or which has have its "
         "minister visit talks trade agreement defence cooperation said meeting foreign affairs bilateral "
         "relations government country official statement week report source according further").split()
ORGS = ["Commission", "Council", "Ministry", "Bank", "Foundation", "Institute", "Agency", "Company"]


def word(rng, n):
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def generate(n_entities, n_articles, seed=1):
    rng = random.Random(seed)
    names = []
    for entity in range(1, n_entities + 1):
        if entity % 4 == 0:
            name = f"{word(rng, 2)} {word(rng, 3)} {rng.choice(ORGS)}"
            alias = name.split()[0] + " " + name.split()[-1]
        else:
            name = f"{word(rng, 2)} {word(rng, 3)}"
            alias = name.split()[-1] + " " + word(rng, 1)
        names.append((entity, name))
        names.append((entity, alias))
    articles = []
    for _ in range(n_articles):
        parts, size = [], 0
        while size < 5000:
            if rng.random() < 0.04:
                text = rng.choice(names)[1]
            else:
                text = rng.choice(WORDS)
            if rng.random() < 0.06:
                text += "."
            parts.append(text)
            size += len(text) + 1
        articles.append(" ".join(parts))
    return names, articles


def python_count(names, articles):
    start = time.perf_counter()
    alternatives = sorted({name for _, name in names}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in alternatives) + r")\b", re.IGNORECASE)
    count = sum(sum(1 for _ in pattern.finditer(article)) for article in articles)
    return count, (time.perf_counter() - start) * 1000


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    bench, workdir = args[0], args[1]
    sizes = [tuple(int(x) for x in s.split(":")) for s in args[2:]] or [(10000, 1000)]
    os.makedirs(workdir, exist_ok=True)

    print("| names and aliases | articles (text) | mentions: Entente / `re` | Entente | Python `re` | ratio |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n_entities, n_articles in sizes:
        names, articles = generate(n_entities, n_articles)
        names_path = os.path.join(workdir, f"names-{n_entities}.tsv")
        articles_path = os.path.join(workdir, f"articles-{n_articles}.txt")
        with open(names_path, "w", encoding="utf-8") as f:
            f.writelines(f"{entity}\t{name}\n" for entity, name in names)
        with open(articles_path, "w", encoding="utf-8") as f:
            f.write("\f".join(articles))
        out = subprocess.run([bench, "mentions", "--runs", "3", names_path, articles_path],
                             capture_output=True, text=True, check=True).stdout.split()
        ours, ours_ms = int(out[1]), float(out[3])
        theirs, theirs_ms = min((python_count(names, articles) for _ in range(1)),
                                key=lambda r: r[1])
        megabytes = sum(len(a.encode()) for a in articles) / 1e6
        ratio = ours_ms / theirs_ms if theirs_ms > 0 else float("nan")
        print(f"| {len(names):,} | {n_articles:,} ({megabytes:.1f} MB) | {ours:,} / {theirs:,} | "
              f"{ours_ms:,.0f} ms | {theirs_ms:,.0f} ms | {ratio:.2g}× |")
        if ours != theirs:
            print(f"counts differ: Entente {ours}, re {theirs}", file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
