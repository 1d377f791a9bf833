"""Scale benchmarks on a generated archive (500 meetings, 100,000 lines, 300 owners).

* App start to first frame (real pseudo-terminal): empty and big archive, each
  ≤ 1.5× a bare Textual app with one Input (python-docx imported lazily).
* Resident memory with the big archive open ≤ 1.5× the app on an empty archive.
* Opening the meeting list, opening a 2,000-line meeting: big vs empty (informational).
* Archive-wide accent-insensitive search ≤ 2× a plain Python scan of the same
  pre-folded strings (warm); cold searches shown for information.

Run: ``python bench/scale.py`` (``BENCH_QUICK=1`` for fewer repetitions).
"""

from __future__ import annotations

import asyncio
import compileall
import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import QUICK, ROOT, TempDir, big_archive, emit, median, ms, row

STARTS = 3 if QUICK else 7
QUERIES = ["giai phong mat bang", "Phòng Tài chính", "THU NGÂN SÁCH", "chuyển đổi số", "tiến độ còn chậm",
           "ubnd phuong hoa binh", "không có trong lưu trữ", "31/12"]


def _first_frame(argv: list[str], marker: bytes, env: dict) -> tuple[float, float]:
    """Seconds from spawn until ``marker`` is drawn on a real pty, and VmRSS (MB) then."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT,
                            start_new_session=True)
    os.close(slave)
    out = b""
    elapsed = None
    try:
        while time.perf_counter() - t < 30:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            out += chunk
            if marker in out:
                elapsed = time.perf_counter() - t
                break
        if elapsed is None:
            raise RuntimeError(f"no first frame: {out[-500:]!r}")
        time.sleep(0.3)  # let the first screen settle, then read its memory
        rss = 0.0
        with open(f"/proc/{proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
        return elapsed, rss
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        os.close(master)


def start_figures(empty: Path, big: Path) -> list[dict]:
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
    # As installed: pip compiles an installed package's modules, as it did Textual's. Without
    # bytecode (an editable checkout under PYTHONDONTWRITEBYTECODE) every start would compile
    # our ~120 modules again (~100 ms) while the bare app's Textual is precompiled.
    compileall.compile_dir(ROOT / "minutes_tui", quiet=1)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "empty": [], "big": []}
    marker = "Các cuộc họp".encode()
    for _ in range(STARTS):  # interleaved, so drift hits all three alike
        runs["bare"].append(_first_frame([sys.executable, str(ROOT / "bench" / "_bare_app.py")], b"bare-ready", env))
        runs["empty"].append(_first_frame([sys.executable, "-m", "minutes_tui", "--data", str(empty)], marker, env))
        runs["big"].append(_first_frame([sys.executable, "-m", "minutes_tui", "--data", str(big)], marker, env))
    start = {k: median([t for t, _ in v]) for k, v in runs.items()}
    rss = {k: median([m for _, m in v]) for k, v in runs.items()}
    return [
        row("App start → first frame, empty archive", ms(start["empty"]), "bare Textual app", ms(start["bare"]), 1.5),
        row("App start → first frame, 500-meeting archive", ms(start["big"]), "bare Textual app", ms(start["bare"]), 1.5),
        row("Resident memory, 500-meeting archive open", rss["big"], "empty archive", rss["empty"], 1.5, unit="MB"),
    ]


async def _screen_times(root: Path, meeting_id: str | None) -> tuple[float, float]:
    """(meeting list reload, opening ``meeting_id`` in capture) in seconds, medians."""
    from minutes_tui.store import Archive
    from minutes_tui.tui.app import MinutesApp
    from minutes_tui.tui.screens.capture import CaptureScreen
    from minutes_tui.tui.screens.meetings import MeetingsScreen

    archive = Archive(root).open()
    app = MinutesApp(archive)
    lists, opens = [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(STARTS):
            screen = app.screen
            assert isinstance(screen, MeetingsScreen)
            t = time.perf_counter()
            screen.reload()
            await pilot.pause()
            lists.append(time.perf_counter() - t)
            if meeting_id is None:
                continue
            t = time.perf_counter()
            app.open_capture(meeting_id)
            await pilot.pause()
            assert isinstance(app.screen, CaptureScreen)
            opens.append(time.perf_counter() - t)
            app.close_stores()
            app.switch_to_meetings()
            await pilot.pause()
        await pilot.press("ctrl+q")
    archive.close()
    return median(lists), (median(opens) if opens else 0.0)


def screen_figures(empty: Path, big: Path, big_id: str, small_id: str) -> list[dict]:
    list_big, open_big = asyncio.run(_screen_times(big, big_id))
    list_empty, _ = asyncio.run(_screen_times(empty, None))
    _, open_small = asyncio.run(_screen_times(big, small_id))
    return [
        row("Open meeting list, 500 meetings", ms(list_big), "empty archive", ms(list_empty), None),
        row("Open a 2,000-line meeting in capture", ms(open_big), "a ~200-line meeting", ms(open_small), None),
    ]


def search_figures(big: Path) -> list[dict]:
    from minutes_tui.core.text import fold
    from minutes_tui.store.search import CACHE_NAME, SearchIndex

    (big / CACHE_NAME).unlink(missing_ok=True)
    t = time.perf_counter()
    index = SearchIndex(big)
    index.search("khởi tạo")
    cold_build = time.perf_counter() - t
    t = time.perf_counter()
    SearchIndex(big).search("khởi tạo")
    cold_cached = time.perf_counter() - t
    strings = index.folded_lines()
    assert len(strings) >= 100_000
    reps = 5 if QUICK else 15
    searched, scanned = [], []
    for _ in range(reps):
        for query in QUERIES:
            needle = fold(query)
            t = time.perf_counter()
            hits = index.search(query)
            searched.append(time.perf_counter() - t)
            t = time.perf_counter()
            plain = [i for i, s in enumerate(strings) if needle in s]
            scanned.append(time.perf_counter() - t)
            assert len(hits) == len(plain), query
    return [
        row("Search 100k lines, accent-insensitive (warm)", ms(median(searched)),
            "plain scan of pre-folded strings", ms(median(scanned)), 2.0),
        row("Search, first in a session (side file present)", ms(cold_cached),
            "plain scan of pre-folded strings", ms(median(scanned)), None),
        row("Search, first ever (folds 100k lines, writes side file)", ms(cold_build),
            "plain scan of pre-folded strings", ms(median(scanned)), None),
    ]


def run() -> list[dict]:
    with TempDir() as tmp:
        facts = big_archive(tmp / "big")
        empty = tmp / "empty"
        from minutes_tui.store import Archive

        Archive(empty).open().close()
        small_id = facts["ids"][1]
        rows = start_figures(empty, tmp / "big")
        rows += screen_figures(empty, tmp / "big", facts["big"], small_id)
        rows += search_figures(tmp / "big")
    return rows


if __name__ == "__main__":
    emit(run())
