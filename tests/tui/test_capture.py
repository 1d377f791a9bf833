"""Capture driven by keys, as the secretary would; the disk is checked afterwards."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from textual import events
from textual.geometry import Region
from textual.widgets import Static

from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.capture import CaptureScreen
from minutes_tui.tui.widgets.capture_input import CaptureInput
from tests.tui.conftest import reopen_texts


async def type_line(pilot, text: str) -> None:
    field = pilot.app.screen.query_one(CaptureInput)
    field.insert_text_at_cursor(text)  # long strings are inserted, not pressed key by key
    await pilot.press("enter")


async def test_typed_meeting_survives_quit_and_reopen(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await type_line(pilot, "/date 20/11/2026")
        await type_line(pilot, "# Kết quả chuyển đổi số")
        await type_line(pilot, "+ Tỷ lệ hồ sơ trực tuyến đạt 87%")
        await type_line(pilot, "! Thị uỷ còn phản ánh chậm trễ")
        await pilot.press("f4")  # tag key: the next line is a task
        await type_line(pilot, "Rà soát quy trình @Văn phòng @Phòng Tư pháp ^31/12")
        await type_line(pilot, "ghi chú thường")
        await pilot.press("ctrl+q")
    app.archive.close()
    assert reopen_texts(data_dir) == [
        ("section", "Kết quả chuyển đổi số", [], ""),
        ("finding", "Tỷ lệ hồ sơ trực tuyến đạt 87%", [], ""),
        ("shortcoming", "Thị uỷ còn phản ánh chậm trễ", [], ""),
        ("task", "Rà soát quy trình", ["Văn phòng", "Phòng Tư pháp"], "31/12"),
        ("note", "ghi chú thường", [], ""),
    ]


async def test_keys_in_a_burst_stay_in_order(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await pilot.press(*"ab", "enter", *"cd", "enter", *"ef")
        field = app.screen.query_one(CaptureInput)
        assert field.value == "ef"
        await pilot.press("ctrl+q")
    app.archive.close()
    assert [text for _, text, _, _ in reopen_texts(data_dir)] == ["ab", "cd"]


async def test_tag_keys_sticky_and_retag_previous_line(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, CaptureScreen)
        await pilot.press("f2", "f2")  # twice: finding stays on
        assert screen.sticky and "giữ" in str(screen.query_one("#tag-label").render())
        await type_line(pilot, "kết quả một")
        await type_line(pilot, "kết quả hai")
        await pilot.press("ctrl+t")  # sticky off
        await pilot.press("f6")
        await type_line(pilot, "dòng thường")
        await pilot.press("f3", "f3", "f3")  # on, sticky, off again
        assert screen.tag is None and not screen.sticky
        await type_line(pilot, "+ ký hiệu gõ tay thắng nhãn")
        await pilot.press("f4")
        await type_line(pilot, "! ký hiệu gõ tay thắng nhãn")
        await type_line(pilot, "nhãn không giữ thì hết sau một dòng")
        await pilot.press("ctrl+q")
    app.archive.close()
    assert [kind for kind, *_ in reopen_texts(data_dir)] == [
        "finding", "finding", "note", "finding", "shortcoming", "note",
    ]


async def test_nfd_typing_is_composed_before_storing(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        field = app.screen.query_one(CaptureInput)
        for char in unicodedata.normalize("NFD", "Thị ủy"):
            field.insert_text_at_cursor(char)  # as a terminal sending NFD would
        assert field.value == "Thị ủy" and field.cursor_position == len("Thị ủy")
        await pilot.press("backspace")
        assert field.value == "Thị ủ"  # one keypress removes the whole letter
        await pilot.press("enter", "ctrl+q")
    app.archive.close()
    assert reopen_texts(data_dir)[0][1] == "Thị ủ"


async def test_failed_write_keeps_the_text_and_shows_why(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await type_line(pilot, "dòng đã lưu")

        def full_disk(*args: object) -> int:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "pwrite", full_disk)
        await type_line(pilot, "> dòng khi đầy đĩa @Văn phòng")
        field = app.screen.query_one(CaptureInput)
        message = app.screen.query_one("#status-line", Static)
        assert field.value == "> dòng khi đầy đĩa @Văn phòng"
        assert "No space left" in str(message.render()) and message.has_class("error")
        monkeypatch.undo()
        await pilot.press("enter")  # space freed: the same Enter now succeeds
        assert field.value == ""
        assert not message.has_class("error")
        await pilot.press("ctrl+q")
    app.archive.close()
    assert [text for _, text, _, _ in reopen_texts(data_dir)] == ["dòng đã lưu", "dòng khi đầy đĩa"]


async def test_problem_line_stays_in_the_input(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await type_line(pilot, "/nosuch command")
        assert app.screen.query_one(CaptureInput).value == "/nosuch command"
        assert "/nosuch" in str(app.screen.query_one("#status-line", Static).render())
        await pilot.press("ctrl+q")


async def test_multi_line_paste_records_each_line(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        field = app.screen.query_one(CaptureInput)
        field.post_message(events.Paste("+ một\n! hai\r\n\n> ba @vp\n/bad\n"))
        await pilot.pause()
        assert field.value == "/bad"  # the one line that failed waits in the input
        huge = "x" * 60_000
        field.post_message(events.Paste(huge))
        await pilot.pause()
        await pilot.press("ctrl+q")
    app.archive.close()
    lines = reopen_texts(data_dir)
    assert [(kind, text) for kind, text, _, _ in lines[:3]] == [("finding", "một"), ("shortcoming", "hai"), ("task", "ba")]
    assert lines[3][1] == huge


async def test_undo_and_redo_in_capture(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await type_line(pilot, "một")
        await type_line(pilot, "hai")
        await pilot.press("ctrl+z")
        await pilot.press("ctrl+z", "ctrl+y")
        await pilot.press("ctrl+q")
    app.archive.close()
    assert [text for _, text, _, _ in reopen_texts(data_dir)] == ["một"]


async def test_owner_completion_from_directory(data_dir: Path) -> None:
    archive = Archive(data_dir).open()
    archive.directory.aliases["vp"] = "Văn phòng thị xã"
    app = MinutesApp(archive, new=True)
    async with app.run_test() as pilot:
        field = app.screen.query_one(CaptureInput)
        field.insert_text_at_cursor("> Việc @van")
        await pilot.pause(0.1)
        assert field._suggestion == "> Việc @Văn phòng thị xã"
        await pilot.press("right")  # accept the suggestion
        assert field.value == "> Việc @Văn phòng thị xã"
        await pilot.press("ctrl+q")


async def test_meeting_list_shows_counts_and_opens_with_enter(data_dir: Path) -> None:
    archive = Archive(data_dir).open()
    from minutes_tui.services.importing import import_notes

    import_notes(archive, "/date 12/01/2027\n/kind Phiên họp thử\n+ a\n! b\n> c\n> d\n").store.close()
    app = MinutesApp(archive)
    async with app.run_test() as pilot:
        from minutes_tui.tui.screens.meetings import meeting_row
        from minutes_tui.tui.widgets.row_list import RowList

        table = app.screen.query_one(RowList)
        await app.workers.wait_for_complete()  # the list is read after the first frame
        await pilot.pause()
        assert table.option_count == 1
        row = meeting_row(app.archive.list()[0]).plain.split()
        assert row == ["12/01/2027", "1", "1", "2", "0", "4", "Phiên", "họp", "thử"]
        await pilot.press("enter")
        assert isinstance(app.screen, CaptureScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, CaptureScreen)
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape", "ctrl+q")


async def test_sticky_tag_off_is_off_for_prompt_and_line(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await pilot.press("f4", "f4")  # task, kept on
        await type_line(pilot, "việc một")
        await pilot.press("ctrl+t")  # "Bỏ giữ nhãn": off must be off
        label = str(app.screen.query_one("#tag-label").render())
        assert "Ghi chú ❯" in label and "Nhiệm vụ" not in label
        await type_line(pilot, "dòng thường sau khi bỏ giữ")
        await pilot.press("ctrl+q")
    app.archive.close()
    assert [kind for kind, *_ in reopen_texts(data_dir)] == ["task", "note"]


async def test_set_lines_share_one_status_line_in_field_names(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        for n in range(10):
            await type_line(pilot, f"/set signer_title CHÁNH VĂN PHÒNG {n}")
        await type_line(pilot, "/set code TB-VP")
        status = app.screen.query_one("#status-line", Static)
        assert not app._notifications  # no toast at all, let alone ten
        assert str(status.render()) == "Đã lưu thiết lập “ký hiệu”: TB-VP"
        await type_line(pilot, "/set signer_title CHÁNH VĂN PHÒNG")
        assert "signer_title" not in str(status.render())
        assert "chức vụ người ký" in str(status.render())
        await pilot.press("ctrl+q")


async def test_set_lines_speak_english_with_lang_en(data_dir: Path) -> None:
    from minutes_tui.i18n import set_language

    set_language("en")
    try:
        app = MinutesApp(Archive(data_dir).open(), new=True)
        async with app.run_test() as pilot:
            await type_line(pilot, "/set signer_title CHIEF OF OFFICE")
            assert str(app.screen.query_one("#status-line", Static).render()) == (
                "Setting “signer's title” saved: CHIEF OF OFFICE"
            )
            await pilot.press("ctrl+q")
    finally:
        set_language("vi")


async def test_the_clock_starts_with_the_meeting_and_not_on_import(data_dir: Path) -> None:
    from minutes_tui.services.importing import import_notes
    from minutes_tui.tui.widgets.meeting_header import MeetingHeader

    archive = Archive(data_dir).open()
    imported = import_notes(archive, "/date 18/11/2026\n/time 14 giờ 00\n# Mục\n+ một\n").store.id
    app = MinutesApp(archive, open_meeting=imported)
    async with app.run_test() as pilot:
        header = app.screen.query_one(MeetingHeader)
        assert "⏱" not in str(header.render())  # a meeting of another day: no running clock
        await pilot.press("escape", "n")  # a new meeting: no clock before its first line
        header = app.screen.query_one(MeetingHeader)
        assert "⏱" not in str(header.render())
        await type_line(pilot, "Chủ tọa khai mạc")
        assert "⏱ 00:00:0" in str(header.render())
        await pilot.press("ctrl+q")


async def test_alt_tag_keys_for_terminals_that_take_the_f_keys(data_dir: Path) -> None:
    archive = Archive(data_dir).open()
    archive.save_settings(archive.settings.with_value("tag_keys", "alt"))
    app = MinutesApp(archive, new=True)
    async with app.run_test() as pilot:
        await pilot.press("alt+2")
        await type_line(pilot, "tồn tại gắn bằng Alt+2")
        await pilot.press("f4")  # F2–F6 are the terminal's now: no tag
        await type_line(pilot, "dòng thường")
        await pilot.press("alt+3", "alt+3")  # F4 → Alt+3: task, kept on
        await type_line(pilot, "nhiệm vụ một")
        await type_line(pilot, "nhiệm vụ hai")
        await pilot.press("ctrl+q")
    app.archive.close()
    assert [kind for kind, *_ in reopen_texts(data_dir)] == ["shortcoming", "note", "task", "task"]


async def test_tag_keys_change_from_capture_with_set(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await type_line(pilot, "/set tag_keys alt")
        await pilot.press("alt+1")
        await type_line(pilot, "kết quả")
        await pilot.press("ctrl+q")
    app.archive.close()
    assert [kind for kind, *_ in reopen_texts(data_dir)] == ["finding"]


async def test_a_long_line_wraps_under_its_text(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_line(pilot, "> " + "rà soát hồ sơ đất đai quá hạn " * 5 + "@Văn phòng")
        await pilot.pause()
        rows = [line.text for line in app.screen.query_one("#lines").render_lines(Region(0, 0, 78, 4))]
        assert rows[0].startswith("  NV  rà soát")
        assert rows[1].startswith("      ") and rows[1].strip()  # the wrapped part hangs under the text
        await pilot.press("ctrl+q")


async def test_an_alias_typed_in_capture_is_completed_at_once(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await type_line(pilot, "/alias vp Văn phòng HĐND và UBND huyện")
        field = app.screen.query_one(CaptureInput)
        field.insert_text_at_cursor("> Việc @van")
        await pilot.pause(0.1)
        assert field._suggestion == "> Việc @Văn phòng HĐND và UBND huyện"
        await pilot.press("ctrl+q")


async def test_capture_opens_on_the_latest_lines_of_a_long_meeting(data_dir: Path) -> None:
    """A 2,000-line meeting opens capture as fast as a short one: the latest lines, and a
    row saying how many earlier ones review holds; undo keeps the same window."""
    from minutes_tui.services.importing import import_notes
    from minutes_tui.tui.widgets.line_list import WINDOW, LineList

    with Archive(data_dir) as archive:
        store = import_notes(archive, "\n".join(f"+ Dòng {n}" for n in range(WINDOW + 50))).store
        meeting_id = store.id
        store.close()
    app = MinutesApp(Archive(data_dir).open(), open_meeting=meeting_id)
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = app.screen.query_one(LineList)
        assert shown.option_count == WINDOW + 1
        assert "50" in str(shown.get_option_at_index(0).prompt) and shown.get_option_at_index(0).disabled
        assert shown.get_option_at_index(WINDOW).id == app.screen.store.meeting.lines[-1].id
        await type_line(pilot, "+ Dòng mới")
        assert shown.option_count == WINDOW + 2  # typed lines are appended, never re-rendered
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert shown.option_count == WINDOW + 1
        assert "50" in str(shown.get_option_at_index(0).prompt)
        await pilot.press("ctrl+q")
    app.archive.close()
