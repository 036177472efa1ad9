# What the data benchmarks share: timing the best of a few runs, running a
# program, and removing a network's files. Imported by bench-data.py and
# bench-interchange.py.

import os
import subprocess
import time

RUNS = 3


def best(fn):
    """The shortest of RUNS runs of @fn, in seconds."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def remove(*paths):
    """Removes each file of @paths, with the journal files SQLite may have left beside it."""
    for path in paths:
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(path + suffix)
            except FileNotFoundError:
                pass


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
