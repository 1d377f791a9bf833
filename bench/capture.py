"""Capture benchmarks (foundation goals).

* Enter → durable line at a 2,000-line meeting in a 100,000-line archive: median
  ≤ 3× a raw append + fdatasync of the same bytes, and ≤ 1.5× the same figure in
  an empty archive.
* A keystroke in the capture input with 2,000 lines shown ≤ 1.2× a bare Textual
  app with one Input (issue #9). Measured as CPU time per key (event handling and
  rendering, up to the app being idle again), not wall time: Pilot's wait-for-idle
  sleeps would otherwise dominate; Pilot's own per-widget synchronisation after
  the key is left out of it (``common.key_cpu`` says why).

Run: ``python bench/capture.py`` (``BENCH_QUICK=1`` for fewer repetitions).
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import QUICK, TempDir, big_archive, emit, key_cpu, median, ms, row

ENTERS = 40 if QUICK else 120
KEYS = 40 if QUICK else 100
LINE = "> Khẩn trương hoàn thành giải phóng mặt bằng dự án đường vành đai @Phòng Quản lý đô thị ^31/12/2025"


async def _enter_times(root: Path, meeting_id: str | None):
    """Seconds from Enter to the line being durable (commit returned) and to the Enter
    handler's end (line also shown in the list); seconds per raw
    append+fdatasync of the same number of bytes, interleaved with the Enters in the same
    directory (so both see the same disk state); the record size; seconds per keystroke."""
    import os

    sync = getattr(os, "fdatasync", os.fsync)
    from minutes_tui.store import Archive
    from minutes_tui.tui.app import MinutesApp
    from minutes_tui.tui.widgets.capture_input import CaptureInput

    archive = Archive(root).open()
    app = MinutesApp(archive, open_meeting=meeting_id, new=meeting_id is None)
    enters: list[float] = []
    handled: list[float] = []
    raws: list[float] = []
    keys: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        field = screen.query_one(CaptureInput)
        store = screen.store
        durable_at: list[float] = []
        commit = store.commit

        def timed_commit(ops, **options):  # the durability point: commit has returned
            commit(ops, **options)
            durable_at.append(time.perf_counter())

        store.commit = timed_commit
        raw_fd = os.open(store.folder / "raw-append.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        for i in range(ENTERS):
            field.value = f"{LINE} {i}"
            # A new meeting has no files until its first line.
            size = store.journal_path.stat().st_size if store.journal_path.exists() else 0
            t = time.perf_counter()
            await field.action_submit()
            handled.append(time.perf_counter() - t)
            enters.append(durable_at[-1] - t)
            assert field.value == "" and store.journal_path.stat().st_size > size
            payload = b"x" * (store.journal_path.stat().st_size - size)
            t = time.perf_counter()
            os.write(raw_fd, payload)
            sync(raw_fd)
            raws.append(time.perf_counter() - t)
            if i % 10 == 9:
                await pilot.pause()
        os.close(raw_fd)
        await pilot.pause()
        field.value = ""
        for _ in range(KEYS):
            keys.append(await key_cpu(pilot, "a"))
        await pilot.press("ctrl+q")
    archive.close()
    return enters, handled, raws, len(payload), keys


async def _bare_keys() -> list[float]:
    from textual.app import App
    from textual.widgets import Input

    class Bare(App):
        def compose(self):
            yield Input()

    app = Bare()
    keys = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.query_one(Input).focus()
        await pilot.pause()
        for _ in range(KEYS):
            keys.append(await key_cpu(pilot, "a"))
    return keys


def run() -> list[dict]:
    with TempDir() as tmp:
        facts = big_archive(tmp / "big")
        big_enter, big_handled, raws, size, big_keys = asyncio.run(_enter_times(tmp / "big", facts["big"]))
        empty_enter, empty_handled, _, _, _ = asyncio.run(_enter_times(tmp / "empty", None))
        raw = median(raws)
    bare = asyncio.run(_bare_keys())
    big_e, empty_e = median(big_enter), median(empty_enter)
    return [
        row("Enter → durable, 2,000-line meeting, 100k-line archive", ms(big_e),
            f"raw append+fsync {size} B", ms(raw), 3.0),
        row("Enter → durable, big archive vs empty archive", ms(big_e), "empty archive", ms(empty_e), 1.5),
        row("Enter handled (durable + shown), 2,000-line meeting", ms(median(big_handled)),
            f"raw append+fsync {size} B", ms(raw), None),
        row("Enter handled, big archive vs empty archive", ms(median(big_handled)), "empty archive",
            ms(median(empty_handled)), None),
        row("Keystroke in capture input, 2,000 lines shown (CPU)", ms(median(big_keys)),
            "bare Textual app, one Input", ms(median(bare)), 1.2),
    ]


if __name__ == "__main__":
    emit(run())
