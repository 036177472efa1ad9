# tap_checks.py: the TAP runner of the tests/check-*.py scripts that hold many
# checks: each function marked @check runs, its failure is reported with its
# message, and the rest still run.

import shutil
import sys

checks = []


def check(fn):
    checks.append(fn)
    return fn


def run_checks(work=None):
    print(f"1..{len(checks)}")
    failed = 0
    for i, fn in enumerate(checks, 1):
        try:
            fn()
            print(f"ok {i} {fn.__name__}")
        except Exception as e:  # a failed check or a crashed run: reported, and the rest still run
            failed += 1
            print(f"not ok {i} {fn.__name__}")
            for line in str(e).splitlines() or [type(e).__name__]:
                print(f"# {line}")
    if work is not None:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)
