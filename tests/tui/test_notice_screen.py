"""The notice screen driven by keys: compile, stale banner, edit a paragraph, export."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import OptionList, TextArea

from minutes_tui.services.importing import import_notes
from minutes_tui.services.notices import current_notice
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.capture import CaptureScreen
from minutes_tui.tui.screens.notice import NoticeScreen
from minutes_tui.tui.widgets.capture_input import CaptureInput
from tests.notes import SAMPLE_SHAPED


async def test_capture_to_notice_edit_and_export(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "data").open()
    meeting_id = import_notes(archive, SAMPLE_SHAPED).store.id
    app = MinutesApp(archive, open_meeting=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, CaptureScreen)
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NoticeScreen)
        assert screen.notice is not None and screen.notice.version == 1
        assert not screen.query_one("#notice-banner").display

        # edit the second paragraph (the intro) through the picker and the editor
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one(OptionList).option_count == len(screen.notice.blocks())
        await pilot.press("down", "enter")
        await pilot.pause()
        editor = app.screen.query_one(TextArea)
        editor.text = "Đoạn mở đầu viết lại\nbằng tay."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        stored = current_notice(app.stores[meeting_id])
        assert stored.intro[0].text == "Đoạn mở đầu viết lại bằng tay."

        # back to capture, add a line: the notice says the notes changed
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, CaptureScreen)
        app.screen.query_one(CaptureInput).insert_text_at_cursor("> Việc mới @Ban Pháp chế")
        await pilot.press("enter", "ctrl+n")
        assert app.screen.query_one("#notice-banner").display
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.screen.query_one("#notice-banner").display
        assert current_notice(app.stores[meeting_id]).intro[0].text == "Đoạn mở đầu viết lại bằng tay."

        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
    exported = list(Path(os.environ["MINUTES_TUI_EXPORTS"]).glob("*.docx"))
    assert len(exported) == 1


async def test_export_from_the_notice_screen_keeps_its_version(tmp_path: Path) -> None:
    # The export once opened a second store on the file the app held: the version
    # it wrote was overwritten by the app's next save (versions on disk [1, 2] -> [1]).
    archive = Archive(tmp_path / "data").open()
    meeting_id = import_notes(archive, SAMPLE_SHAPED).store.id
    app = MinutesApp(archive, open_meeting=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+n")  # version 1
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+g")
        app.screen.query_one(CaptureInput).insert_text_at_cursor("> Việc mới @Ban Pháp chế")
        await pilot.press("enter", "ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#notice-banner").display  # stale: the export compiles version 2
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+g")
        app.screen.query_one(CaptureInput).insert_text_at_cursor("+ Một dòng nữa")
        await pilot.press("enter")
        app.archive.checkpoint(app.stores[meeting_id])  # the app's next save
        await pilot.press("ctrl+q")
    with Archive(tmp_path / "data", readonly=True) as reopened:
        store = reopened.open_meeting(meeting_id)
        assert store.notices.numbers() == [1, 2]
        assert "Ban Pháp chế việc mới" in " ".join(block.text for block in current_notice(store).body)
        assert store.meeting.lines[-1].text == "Một dòng nữa"
