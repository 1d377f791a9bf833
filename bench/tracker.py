"""The task tracker over 10,000 tasks vs. 100 tasks (same run, headless).

Goal (issue #13): opening the tracker and each keystroke of its live search at
10,000 tasks ≤ 1.5× the same at 100 tasks. Measured as CPU time of the process
(as bench/notice.py: Pilot's idle waits would otherwise dominate), from the key
until the screen has settled:

* open: Ctrl+L on the meeting list until the list is drawn, the register
  already read this session (as on every opening after the first);
* search keystroke: one character typed into the search prompt until the
  filtered list is drawn (median over short words typed letter by letter). The
  words keep both lists longer than the screen (``ra`` leaves 58 of the 99
  small tasks, 4,544 of the big ones), so both draw the same number of rows
  and the figure weighs the rows that are not drawn.

The first opening of a session reads the register from the task side files (on
a worker) and is reported apart, for information.

Archives come from ``bench/archive_gen.py`` (tasks are ~23 % of its lines).
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import QUICK, TempDir, big_archive, emit, median, ms, row

GOAL = 1.5
SEARCHES = ("ra", "xa", "ph")


def _archive(root: Path, tasks: int) -> int:
    """An archive with about ``tasks`` tasks; returns the exact count."""
    from minutes_tui.services.followup import all_tasks
    from minutes_tui.store import Archive

    lines = int(tasks / 0.23)
    meetings = max(2, min(500, lines // 87))
    big_archive(root, meetings=meetings, lines=lines, big=min(2000, lines // meetings * 2))
    with Archive(root) as archive:
        return len(all_tasks(archive))  # the side files written once, as the app's first listing does


async def _measure(root: Path, repeats: int) -> dict[str, float]:
    from datetime import date

    from minutes_tui.store import Archive
    from minutes_tui.tui.app import MinutesApp
    from minutes_tui.tui.screens.tracker import TrackerScreen
    from minutes_tui.tui.widgets.capture_input import ComposedInput

    archive = Archive(root).open()
    app = MinutesApp(archive, today=date(2022, 6, 1))
    figures: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()

        async def open_tracker() -> float:
            start = time.process_time()
            await pilot.press("ctrl+l")
            await app.workers.wait_for_complete()
            await pilot.pause()
            spent = time.process_time() - start
            assert isinstance(app.screen, TrackerScreen) and app.screen.shown
            return spent

        figures["first"] = await open_tracker()
        await pilot.press("escape")
        opens, keys = [], []
        for _ in range(repeats):
            await pilot.pause()
            opens.append(await open_tracker())
            for word in SEARCHES:
                await pilot.press("slash")
                editor = app.focused  # the search bar under the list
                assert isinstance(editor, ComposedInput)
                for char in word:
                    start = time.process_time()
                    editor.insert_text_at_cursor(char)
                    await pilot.pause()
                    keys.append(time.process_time() - start)
                    assert len(app.screen.shown) > 40, "the list must stay longer than the screen"
                await pilot.press("escape")  # drops the search
            await pilot.press("escape")  # leaves the tracker
        figures["open"] = median(opens)
        figures["key"] = median(keys)
        await pilot.press("ctrl+q")
    archive.close()
    return figures


def run() -> list[dict]:
    repeats = 3 if QUICK else 7
    with TempDir() as tmp:
        small_count = _archive(tmp / "small", 100)
        big_count = _archive(tmp / "big", 10_000)
        small = asyncio.run(_measure(tmp / "small", repeats))
        big = asyncio.run(_measure(tmp / "big", repeats))
    sizes = f"{big_count:,} tasks vs {small_count:,}"
    return [
        row(f"tracker open, {big_count:,} tasks (CPU)", ms(big["open"]), f"same, {small_count:,} tasks",
            ms(small["open"]), GOAL),
        row(f"tracker search keystroke, {big_count:,} tasks (CPU)", ms(big["key"]), f"same, {small_count:,} tasks",
            ms(small["key"]), GOAL),
        row(f"tracker first open of a session: register read ({sizes}, CPU)", ms(big["first"]),
            f"same, {small_count:,} tasks", ms(small["first"]), None),
    ]


if __name__ == "__main__":
    emit(run())
