"""Time the whole-course handout export against nbconvert's HTML export, notebook by notebook.

    .venv/bin/python benchmarks/handout_export.py

Both sides run as subprocesses with a temporary GOINGFIRST_HOME, so no real
journal is read or written:
  - handouts: one ``goingfirst handouts`` process for the whole course;
  - baseline: ``jupyter nbconvert --execute --to html`` once per notebook.
It prints the two times and their ratio (the target is 0.25 or less). It is a
measurement, not a test: timings depend on the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from goingfirst.manifest import load_course
from goingfirst.paths import HOME_ENV, course_root

TARGET_RATIO = 0.25
BIN = Path(sys.executable).parent


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    root = course_root()
    notebooks = [root / path for _, path in load_course(root).notebooks() if (root / path).is_file()]
    if not notebooks:
        print("No course notebooks found; nothing to measure.")
        return 1
    with tempfile.TemporaryDirectory(prefix="goingfirst-bench-") as scratch:
        folder = Path(scratch)
        env = {**os.environ, HOME_ENV: str(folder / "home")}
        handouts = timed([str(BIN / "goingfirst"), "handouts", "--out", str(folder / "handouts")], env)
        baseline = 0.0
        for notebook in notebooks:
            baseline += timed(
                [sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to", "html",
                 "--output-dir", str(folder / "html" / notebook.parent.name), str(notebook)],
                env,
            )
    ratio = handouts / baseline
    print(f"Notebooks: {len(notebooks)}")
    print(f"goingfirst handouts (one process, whole course): {handouts:.2f} s")
    print(f"jupyter nbconvert --execute --to html (one process per notebook): {baseline:.2f} s "
          f"({baseline / len(notebooks):.2f} s per notebook)")
    print(f"Ratio: {ratio:.3f} (target {TARGET_RATIO} or less: {'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
