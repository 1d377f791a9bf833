"""The meeting list: no empty meeting left behind, delete to the trash, archive, undo, restore."""

from __future__ import annotations

from pathlib import Path

from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.capture import CaptureScreen
from minutes_tui.tui.screens.meetings import MeetingsScreen
from minutes_tui.tui.widgets.capture_input import CaptureInput


async def test_new_then_escape_leaves_no_meeting(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, CaptureScreen)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert app.screen.query_one("#meetings-empty").display
        await pilot.press("ctrl+q")
    assert not list((data_dir / "meetings").iterdir())
    with Archive(data_dir, readonly=True) as archive:
        assert archive.list() == []


async def test_a_new_meeting_is_written_with_its_first_line(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, CaptureScreen)
        store = app.screen.store
        assert not store.path.exists()
        await pilot.press("ctrl+z")  # nothing to undo: still nothing written
        assert not store.path.exists()
        app.screen.query_one(CaptureInput).insert_text_at_cursor("+ Dòng đầu tiên")
        await pilot.press("enter")
        assert store.path.exists() and store.on_disk
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [s.id for s in app.archive.list()] == [store.id]
        await pilot.press("ctrl+q")
    with Archive(data_dir, readonly=True) as archive:
        assert [line.text for line in archive.open_meeting(store.id).meeting.lines] == ["Dòng đầu tiên"]


def test_importing_an_empty_file_creates_nothing(data_dir: Path) -> None:
    import pytest

    from minutes_tui.store import StoreError

    with Archive(data_dir) as archive:
        for text in ("", "\n  \n", "/set code TB-VP\n"):
            with pytest.raises(StoreError, match="không tạo cuộc họp"):
                import_notes(archive, text)
        assert archive.list() == []
    assert not list((data_dir / "meetings").iterdir())
