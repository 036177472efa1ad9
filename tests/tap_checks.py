# tap_checks.py: the TAP runner of the tests/check-*.py scripts that hold many
# checks: each function marked @check runs, its failure is reported with its
# message, and the rest still run.

import os
import shutil
import subprocess
import sys

checks = []


def check(fn):
    checks.append(fn)
    return fn


def run_headless(program, *args, ok=True):
    """@program with @args and no display, which must succeed (or, with ok=False, fail)."""
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run([program, *args], capture_output=True, text=True, timeout=300, env=env)
    if ok and result.returncode != 0:
        raise AssertionError(f"{os.path.basename(program)} {' '.join(args)} failed ({result.returncode}): "
                             f"{result.stderr}")
    if not ok and result.returncode == 0:
        raise AssertionError(f"{os.path.basename(program)} {' '.join(args)} succeeded where it must fail")
    return result


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
