"""Screenshots of the task tracker at 80×24 and 160×45 (Textual pinned: see test_screen_snapshots.py).

Regenerate with ``pytest tests/tui/test_tracker_snapshots.py --snapshot-update`` and look at every
changed screen before committing it.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core import tasks as register
from minutes_tui.services import followup
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from tests.tui.test_tracker import COUNCIL, TODAY, WARD

SIZES = [(80, 24), (160, 45)]


def archive_with_follow_up(tmp_path: Path) -> Archive:
    archive = Archive(tmp_path / "data").open()
    council = import_notes(archive, COUNCIL).store
    for task in register.tasks_of(council.meeting):
        followup.update(council, task.id, functools.partial(register.set_notice, number="12/TB-HĐND",
                                                            issued=date(2026, 10, 5)))
    council.close()
    ward = import_notes(archive, WARD).store
    by_text = {task.text: task.id for task in register.tasks_of(ward.meeting)}
    followup.update(ward, by_text["Hoàn thiện phương án phòng chống bão lũ"],
                    functools.partial(register.mark_done, on=date(2026, 11, 29), note="Đã ban hành phương án"))
    followup.update(ward, by_text["Giải quyết dứt điểm hồ sơ đất đai quá hạn"],
                    functools.partial(register.add_progress, on=date(2026, 11, 30), text="Đã giải quyết 9/14 hồ sơ"))
    ward.close()
    return archive


@pytest.mark.parametrize("size", SIZES)
def test_tracker_snapshot(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    archive = archive_with_follow_up(tmp_path)

    async def to_tracker(pilot) -> None:
        await pilot.press("ctrl+l")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("j", "j")  # the detail of the third task: its progress note
        await pilot.pause()

    assert snap_compare(MinutesApp(archive, today=TODAY), terminal_size=size, run_before=to_tracker)
