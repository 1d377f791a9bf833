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


def two_meetings(data_dir: Path) -> tuple[Archive, str, str]:
    archive = Archive(data_dir).open()
    older = import_notes(archive, "/date 01/03/2027\n/kind Họp giao ban tháng 3\n+ Thu ngân sách đạt kế hoạch\n").store
    newer = import_notes(archive, "/date 08/03/2027\n/kind Họp bàn chợ Tết\n> Dọn chợ @Ban quản lý chợ\n").store
    older.close()
    newer.close()
    return archive, older.id, newer.id


def listed(app: MinutesApp) -> list[str]:
    table = app.screen.query_one("#meetings")
    return [table.get_option_at_index(i).id for i in range(table.option_count)]


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_delete_to_the_trash_then_undo(data_dir: Path) -> None:
    archive, older, newer = two_meetings(data_dir)
    app = MinutesApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert listed(app) == [newer, older]
        await pilot.press("x")
        await settle(pilot)
        assert listed(app) == [older]
        assert "thùng rác" in app.screen.status.message
        assert (data_dir / "trash" / newer / "meetings" / f"{newer}.json").exists()
        await pilot.press("u")
        await settle(pilot)
        assert listed(app) == [newer, older]
        assert not (data_dir / "trash" / newer).exists()
        await pilot.press("ctrl+q")


async def test_restore_from_the_trash_view(data_dir: Path) -> None:
    archive, older, newer = two_meetings(data_dir)
    app = MinutesApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "delete")  # the older one
        await settle(pilot)
        assert listed(app) == [newer]
        await pilot.press("v", "v")  # archived (none), then the trash
        await settle(pilot)
        assert app.screen.view == "trash" and listed(app) == [older]
        assert "Thùng rác" in str(app.screen.query_one("#meetings-title").render())
        await pilot.press("r")  # nothing opens from the trash
        assert app.screen.view == "trash"
        await pilot.press("enter")
        await settle(pilot)
        assert listed(app) == []
        await pilot.press("v")
        await settle(pilot)
        assert listed(app) == [newer, older]
        await pilot.press("ctrl+q")
    with Archive(data_dir, readonly=True) as reopened:
        assert reopened.trashed() == [] and {s.id for s in reopened.list()} == {older, newer}


async def test_the_trash_deletes_for_good_only_when_asked_twice(data_dir: Path) -> None:
    """The trash was never emptied: x in the trash asks, x again deletes for good (no undo)."""
    archive, older, newer = two_meetings(data_dir)
    app = MinutesApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "delete", "v", "v")  # the older one to the trash, then the trash view
        await settle(pilot)
        assert listed(app) == [older]
        await pilot.press("x")
        await settle(pilot)
        assert listed(app) == [older] and "x" in str(app.screen.query_one("#status-line").render())
        await pilot.press("x")
        await settle(pilot)
        assert listed(app) == []
        await pilot.press("u")  # nothing to undo: the deletion to the trash went with the meeting
        await settle(pilot)
        assert listed(app) == []
        await pilot.press("ctrl+q")
    with Archive(data_dir, readonly=True) as reopened:
        assert reopened.trashed() == []
        assert {s.id for s in reopened.list()} == {newer}
    assert not any((data_dir / "trash").iterdir())


async def test_deleting_an_open_meeting_closes_its_store_first(data_dir: Path) -> None:
    archive, older, newer = two_meetings(data_dir)
    app = MinutesApp(archive, open_meeting=newer)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(CaptureInput).insert_text_at_cursor("+ Dòng mới chưa vào tệp")
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert newer in app.stores
        await pilot.press("x")
        await settle(pilot)
        assert newer not in app.stores and listed(app) == [older]
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("g", "enter")  # open it again: the line typed before the delete is there
        assert [line.text for line in app.screen.store.meeting.lines][-1] == "Dòng mới chưa vào tệp"
        await pilot.press("ctrl+q")


async def test_archive_hides_search_finds_and_unarchive(data_dir: Path) -> None:
    archive, older, newer = two_meetings(data_dir)
    app = MinutesApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "a")  # archive the older one
        await settle(pilot)
        assert listed(app) == [newer]
        await pilot.press("slash")
        app.screen.query_one("#archive-search").insert_text_at_cursor("ngan sach")
        await pilot.press("enter")
        await settle(pilot)
        assert listed(app) == [older]  # still found, marked as archived
        table = app.screen.query_one("#meetings")
        assert "lưu trữ" in "".join(segment.text for segment in table.render_line(0))
        await pilot.press("a")  # unarchive from the search result
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert listed(app) == [newer, older]
        await pilot.press("ctrl+q")
    with Archive(data_dir, readonly=True) as reopened:
        assert reopened.archived() == {}


async def test_the_archived_view_lists_archived_meetings(data_dir: Path) -> None:
    archive, older, newer = two_meetings(data_dir)
    archive.set_archived(older, True)
    app = MinutesApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert listed(app) == [newer]
        await pilot.press("v")
        await settle(pilot)
        assert app.screen.view == "archived" and listed(app) == [older]
        await pilot.press("a")  # unarchive: it leaves this view
        await settle(pilot)
        assert listed(app) == []
        await pilot.press("ctrl+z")  # archived again
        await settle(pilot)
        assert listed(app) == [older]
        await pilot.press("ctrl+q")


async def test_the_list_shows_the_number_of_a_notice_issued_again(data_dir: Path) -> None:
    """The list kept the first number it had read until a restart (found by trying the issue dialog)."""
    from datetime import date

    from minutes_tui.services.issue import apply_issue, plan_issue
    from minutes_tui.services.notices import compile_and_store

    archive, older, newer = two_meetings(data_dir)
    app = MinutesApp(archive)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        store = app.store_for(newer)
        for number in ("05", "06"):
            compile_and_store(store, archive.settings)
            apply_issue(store, plan_issue(store, archive.settings, number=number, issued=date(2027, 1, 20)),
                        archive.settings)
            await pilot.press("enter")  # into capture and back: the list shows again
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            await pilot.pause(0.2)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen.issued[newer].number.startswith(f"{number}/"), app.screen.issued
        await pilot.press("ctrl+q")


async def test_rows_take_a_new_theme_at_once(tmp_path: Path) -> None:
    """Rows are drawn once and kept; a theme change must not leave them in the old colours."""
    from minutes_tui.tui.widgets.row_list import RowList

    archive = Archive(tmp_path / "data").open()
    import_notes(archive, "# Mục\n+ một\n").store.close()
    app = MinutesApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = app.screen.query_one(RowList)
        dark = list(rows.render_line(0))
        app.theme = "textual-light"
        await pilot.pause()
        light = list(rows.render_line(0))
        assert [segment.style for segment in light] != [segment.style for segment in dark]
        await pilot.press("ctrl+q")
