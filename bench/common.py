"""Helpers shared by the benchmark modules.

Protocol (``bench/run`` relies on it): a module exposes ``run() -> list[dict]``;
each dict is one figure::

    {"figure": str, "value": float, "unit": "ms" | "MB",
     "baseline_label": str, "baseline": float, "goal": float | None}

``ratio = value / baseline``; the figure passes when ``ratio <= goal`` (no goal:
informational). A module without ``run()`` may instead print such dicts as JSON
lines when executed with ``--json``.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

QUICK = os.environ.get("BENCH_QUICK") == "1"


def row(figure: str, value: float, baseline_label: str, baseline: float, goal: float | None, unit: str = "ms") -> dict:
    return {"figure": figure, "value": value, "unit": unit, "baseline_label": baseline_label,
            "baseline": baseline, "goal": goal}


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> float:
    return seconds * 1000.0


class TempDir:
    """A temporary directory on the same filesystem as the system temp dir."""

    def __init__(self, prefix: str = "minutes-bench-") -> None:
        self.path = Path(tempfile.mkdtemp(prefix=prefix))

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def big_archive(target: Path, **kwargs) -> dict:
    from bench.archive_gen import generate

    return generate(target, **kwargs)


async def key_cpu(pilot, key: str) -> float:
    """CPU seconds one key costs the app: sent as the terminal driver sends it, up to
    the app being idle again (the key handled, the screen painted).

    ``Pilot.press`` does that and then ``Pilot._wait_for_screen``: a callback posted
    to, and awaited from, every widget of the screen, each of which then runs its
    idle handling, partly after the wait returns, so in the next key's time. No
    terminal keystroke does that work and it grows with the number of widgets: on
    capture's 26 widgets it alone cost 3.5–4.3 ms of CPU per key, on a bare app's
    3 nodes 0.5–0.9 ms. So it runs here after the measurement (``Pilot.pause``:
    the same wait, then idle again), untimed, for the app and its baseline alike.
    """
    t = time.process_time()
    await pilot.app._press_keys([key])  # what Pilot.press sends, and its wait for idle
    spent = time.process_time() - t
    await pilot.pause()
    return spent


def raw_append_fsync(directory: Path, payload: bytes, count: int) -> float:
    """Median seconds of one append + fdatasync of ``payload`` (the bare cost of durability)."""
    path = directory / "raw-append.bin"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    sync = getattr(os, "fdatasync", os.fsync)
    times = []
    try:
        for _ in range(count):
            t = time.perf_counter()
            os.write(fd, payload)
            sync(fd)
            times.append(time.perf_counter() - t)
    finally:
        os.close(fd)
        os.unlink(path)
    return median(times)


def emit(rows: list[dict]) -> None:
    if "--json" in sys.argv:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    else:
        print_table(rows)


def print_table(rows: list[dict]) -> bool:
    """Print figure / baseline / ratio / goal / verdict; True when every goal is met."""
    ok = True
    width = max([len(r["figure"]) for r in rows] + [20])
    header = f"{'figure':<{width}} {'value':>10} {'baseline':>44} {'ratio':>7} {'goal':>6}  result"
    print(header)
    print("-" * len(header))
    for r in rows:
        unit = r.get("unit", "ms")
        ratio = r["value"] / r["baseline"] if r["baseline"] else float("inf")
        goal = r.get("goal")
        verdict = "info" if goal is None else ("PASS" if ratio <= goal else "FAIL")
        ok &= verdict != "FAIL"
        base = f"{r['baseline_label']} {r['baseline']:.2f} {unit}"
        goal_text = "—" if goal is None else f"≤{goal:g}×"
        print(f"{r['figure']:<{width}} {r['value']:>7.2f} {unit:<2} {base:>44} {ratio:>6.2f}× {goal_text:>6}  {verdict}")
    return ok
