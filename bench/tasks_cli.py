"""``tasks --json`` over 500 meetings / ~10,000 tasks vs ``list`` on the same archive (issue #13).

Goal: ≤ 1.5×. Both are whole ``minutes-tui`` processes (start-up, imports, reading
the archive, printing), run alternately so drift hits both alike; the task side
files are built by one run before timing, as after the app's first checkpoint.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import QUICK, ROOT, TempDir, emit, median, ms, row

GOAL = 1.5


def _run(data: Path, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode compiled once (see bench/scale.py)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "minutes_tui", "--data", str(data), *args],
                          capture_output=True, env=env, cwd=ROOT)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode(errors="replace")[-500:])
    return took


def run() -> list[dict]:
    from bench.archive_gen import generate

    repeats = 3 if QUICK else 7
    with TempDir() as tmp:
        facts = generate(tmp / "data", meetings=500, lines=43_000, owners=300, big=2000, journaled=0)
        _run(tmp / "data", "tasks", "--json")  # builds the task side files once
        tasks, listing = [], []
        for _ in range(repeats):
            tasks.append(_run(tmp / "data", "tasks", "--json"))
            listing.append(_run(tmp / "data", "list"))
        count = len(subprocess.run([sys.executable, "-m", "minutes_tui", "--data", str(tmp / "data"), "tasks"],
                                   capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                   cwd=ROOT).stdout.splitlines())
    return [row(f"tasks --json, {len(facts['ids'])} meetings / {count:,} tasks", ms(median(tasks)),
                "list, same archive", ms(median(listing)), GOAL)]


if __name__ == "__main__":
    emit(run())
