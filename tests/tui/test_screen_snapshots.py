"""Screenshots of capture, the notice and the meeting list at 80×24 and 160×45
(review has its own in test_review_snapshots.py).

Textual is pinned in pyproject.toml: snapshots change between Textual releases.
Regenerate with ``pytest tests/tui/test_screen_snapshots.py --snapshot-update``
and look at every changed screen before committing it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input

from minutes_tui.services.importing import import_notes
from minutes_tui.services.notices import compile_and_store
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from tests.tui.test_review_snapshots import NOTES

SIZES = [(80, 24), (160, 45)]

#: A long line, to show the hanging indent of capture at 80 columns.
LONG_TASK = (
    "> Rà soát, hoàn thiện hồ sơ giải phóng mặt bằng tuyến đường liên xã, báo cáo Thường trực "
    "HĐND huyện kết quả thực hiện @Phòng Tài nguyên và Môi trường @Văn phòng ^15/04/2027\n"
)


def archive_with_meeting(tmp_path: Path) -> tuple[Archive, str]:
    archive = Archive(tmp_path / "data").open()
    store = import_notes(archive, NOTES + LONG_TASK).store
    compile_and_store(store, archive.settings, today=date(2027, 3, 10))  # a fixed date line
    store.close()
    return archive, store.id


@pytest.mark.parametrize("size", SIZES)
def test_capture_snapshot(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    archive, meeting_id = archive_with_meeting(tmp_path)

    async def settled(pilot) -> None:
        # The same screen every run: the completion index read (a worker), the cursor not blinking.
        await pilot.app.workers.wait_for_complete()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(MinutesApp(archive, open_meeting=meeting_id), terminal_size=size, run_before=settled)


@pytest.mark.parametrize("size", SIZES)
def test_notice_snapshot(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    archive, meeting_id = archive_with_meeting(tmp_path)

    async def to_notice(pilot) -> None:
        await pilot.press("ctrl+n")
        await pilot.pause()

    assert snap_compare(MinutesApp(archive, open_meeting=meeting_id), terminal_size=size, run_before=to_notice)


@pytest.mark.parametrize("size", SIZES)
def test_meeting_list_snapshot(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    archive, _ = archive_with_meeting(tmp_path)
    import_notes(archive, "/date 02/02/2027\n/kind Họp giao ban tuần\n> Việc @Văn phòng\n").store.close()

    async def loaded(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(MinutesApp(archive), terminal_size=size, run_before=loaded)
