"""Issuing from the notice screen, driven by keys: the file prompt, the diff view
(accept, cancel), freezing the draft, hostile files, and comparing two versions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual.widgets import Input, OptionList, Static

from minutes_tui.core.tasks import tasks_of
from minutes_tui.services.export import export_meeting
from minutes_tui.services.importing import import_notes
from minutes_tui.services.notices import compile_and_store, current_notice
from minutes_tui.store import Archive
from minutes_tui.store.notice_store import DRAFT, FINAL
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.issue import (
    DELETED,
    INSERTED,
    IssueDialog,
    IssueDiff,
    VersionList,
)
from minutes_tui.tui.screens.notice import NoticeScreen
from minutes_tui.tui.widgets.capture_input import CaptureInput
from tests.notes import SAMPLE_SHAPED
from tests.render.signed_edits import (
    body_paragraph,
    fill_number_and_date,
    open_doc,
    set_text,
    tracked_insert,
)

TODAY = date(2027, 3, 10)
PLAN_TASK = "Xây dựng kế hoạch giám sát chuyên đề về đất đai"  # the task (its paragraph: "… xây dựng kế hoạch …")


def _meeting(tmp_path: Path) -> tuple[Archive, str]:
    archive = Archive(tmp_path / "data").open()
    store = import_notes(archive, SAMPLE_SHAPED).store
    compile_and_store(store, archive.settings, TODAY)
    store.close()
    return archive, store.id


def _signed(archive: Archive, meeting_id: str, tmp_path: Path) -> Path:
    """The leader moves the land-survey plan from 31/03 to 15/04, adds a tracked sentence;
    the office writes in 05/TB-VP, 14/03/2027."""
    store = archive.open_meeting(meeting_id)
    try:
        draft = export_meeting(store, archive.settings, tmp_path / "draft.docx", folder=tmp_path, force=True).files[0]
        notice = current_notice(store)
    finally:
        store.close()
    moved = next(block.display for block in notice.body if "31/03/2027" in block.display)
    document = open_doc(draft)
    set_text(body_paragraph(document, moved[:40]), moved.replace("31/03/2027", "15/04/2027"))
    tracked_insert(body_paragraph(document, notice.closing.text[:25]), " Thư ký ghi thêm.")
    fill_number_and_date(document, "05/TB-VP", "Sông Lam, ngày 14 tháng 3 năm 2027")
    signed = tmp_path / "signed.docx"
    document.save(str(signed))
    return signed


async def _to_notice(app: MinutesApp, pilot) -> NoticeScreen:
    await pilot.press("ctrl+n")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, NoticeScreen)
    return app.screen


async def _fill_and_submit(app: MinutesApp, pilot, *, path: str = "", number: str = "", when: str = "") -> None:
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, IssueDialog)
    for field, value in (("path", path), ("number", number), ("date", when)):
        app.screen.query_one(f"#issue-{field}", Input).value = value
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


def _styled(parts: list, style: str) -> list[str]:
    """The runs of the diff view's text drawn in ``style``."""
    return [part.plain[span.start:span.end] for part in parts if isinstance(part, Text)
            for span in part.spans if str(span.style) == style]


def _shown(parts: list) -> str:
    return "\n".join(part.plain for part in parts if isinstance(part, Text))


def _banner(screen: NoticeScreen) -> str:
    banner = screen.query_one("#notice-banner", Static)
    return str(banner.render()) if banner.display else ""


async def test_issue_from_a_signed_file_shows_the_changes_and_accept_stores_the_final(tmp_path: Path) -> None:
    archive, meeting_id = _meeting(tmp_path)
    signed = _signed(archive, meeting_id, tmp_path)
    app = MinutesApp(archive, open_meeting=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        notice_screen = await _to_notice(app, pilot)
        store = app.stores[meeting_id]
        before = store.notices.numbers()
        await _fill_and_submit(app, pilot, path=f'"{signed}"')  # pasted with quotes, as Windows copies a path
        diff = app.screen
        assert isinstance(diff, IssueDiff) and diff.plan is not None
        # the changed words highlighted: the old deadline struck, the new one inserted
        assert "31/03/2027" in " ".join(_styled(diff.parts, DELETED))
        assert "15/04/2027" in " ".join(_styled(diff.parts, INSERTED))
        assert "Thư ký ghi thêm." in " ".join(_styled(diff.parts, INSERTED))
        shown = _shown(diff.parts)
        assert "05/TB-VP" in shown and "14/03/2027" in shown
        assert "nhận 1 chỗ chèn" in shown  # tracked changes accepted, counted
        assert f"“{PLAN_TASK}”: đổi hạn 31/03/2027 → 15/04/2027" in shown  # the register's change listed, by name
        assert store.notices.numbers() == before  # nothing written before accept

        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is notice_screen
        latest = store.notices.latest()
        assert latest.status == FINAL and latest.meta["number"] == "05/TB-VP"
        assert store.notices.numbers() == [*before, latest.version]
        task = next(task for task in tasks_of(store.meeting) if task.text == PLAN_TASK)
        assert task.deadline_text() == "15/04/2027"
        banner = _banner(notice_screen)
        assert "Đã ban hành" in banner and "05/TB-VP" in banner and "14/03/2027" in banner
        assert "15/04/2027" in " ".join(block.display for block in notice_screen.notice.body)

        # issuing the same file again: said, nothing stored
        await _fill_and_submit(app, pilot, path=str(signed))
        assert isinstance(app.screen, IssueDiff) and app.screen.plan.already_issued
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.notices.numbers() == [*before, latest.version]
        await pilot.press("ctrl+q")


async def test_cancel_in_the_diff_view_changes_nothing(tmp_path: Path) -> None:
    archive, meeting_id = _meeting(tmp_path)
    signed = _signed(archive, meeting_id, tmp_path)
    app = MinutesApp(archive, open_meeting=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        notice_screen = await _to_notice(app, pilot)
        store = app.stores[meeting_id]
        before, seq = store.notices.numbers(), store.seq
        await _fill_and_submit(app, pilot, path=str(signed))
        assert isinstance(app.screen, IssueDiff)
        await pilot.press("pagedown", "down", "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is notice_screen
        assert store.notices.numbers() == before and store.seq == seq
        assert store.notices.latest_final() is None
        task = next(task for task in tasks_of(store.meeting) if task.text == PLAN_TASK)
        assert task.deadline_text() == "31/03/2027"
        assert "Đã ban hành" not in _banner(notice_screen)
        await pilot.press("ctrl+q")


async def test_freeze_the_draft_without_a_file_then_the_notes_differ(tmp_path: Path) -> None:
    archive, meeting_id = _meeting(tmp_path)
    app = MinutesApp(archive, open_meeting=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        notice_screen = await _to_notice(app, pilot)
        store = app.stores[meeting_id]
        draft_body = [block.display for block in notice_screen.notice.body]

        # no file and no number: the dialog says what it needs and stays
        await _fill_and_submit(app, pilot)
        assert isinstance(app.screen, IssueDialog)
        assert "cần điền số" in str(app.screen.query_one("#issue-error", Static).render())
        # a date it cannot read: said, stays
        app.screen.query_one("#issue-number", Input).value = "05"
        app.screen.query_one("#issue-date", Input).value = "hôm kia"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, IssueDialog)
        assert "hôm kia" in str(app.screen.query_one("#issue-error", Static).render())
        await pilot.press("escape")
        assert app.screen is notice_screen and store.notices.latest_final() is None

        await _fill_and_submit(app, pilot, number="05", when="14/03/2027")
        diff = app.screen
        assert isinstance(diff, IssueDiff) and diff.plan is not None and diff.plan.signed is None
        assert "05/TB-VP" in _shown(diff.parts)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is notice_screen
        final = store.notices.latest_final()
        assert final is not None and final.meta["number"] == "05/TB-VP" and final.meta["issued"] == "2027-03-14"
        assert [block.display for block in final.notice.body] == draft_body
        banner = _banner(notice_screen)
        assert "05/TB-VP" in banner and "14/03/2027" in banner and "khác" not in banner

        # a line added afterwards: the notice says the notes differ and names the key
        await pilot.press("ctrl+g")
        app.screen.query_one(CaptureInput).insert_text_at_cursor("> Việc mới sau khi ban hành @Ban Pháp chế")
        await pilot.press("enter", "ctrl+n")
        await pilot.pause()
        banner = _banner(app.screen)
        assert "Ghi chép đã khác văn bản đã ban hành" in banner and "nhấn i" in banner and "05/TB-VP" in banner
        await pilot.press("ctrl+q")


async def test_a_hostile_file_gives_the_message_and_changes_nothing(tmp_path: Path) -> None:
    archive, meeting_id = _meeting(tmp_path)
    other = import_notes(archive, "/date 01/02/2027\n/body UBND xã\n# Một\n> Việc khác hẳn @Công an xã ^10/02/2027\n"
                         "+ Kết quả khác\n= Thống nhất một việc khác").store
    foreign = export_meeting(other, archive.settings, tmp_path / "other.docx", folder=tmp_path, force=True).files[0]
    other.close()
    (tmp_path / "x.docx").write_bytes(b"not a zip")
    app = MinutesApp(archive, open_meeting=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        notice_screen = await _to_notice(app, pilot)
        store = app.stores[meeting_id]
        before, seq = store.notices.numbers(), store.seq
        await _fill_and_submit(app, pilot, path=str(tmp_path / "x.docx"))
        dialog = app.screen
        assert isinstance(dialog, IssueDialog)
        assert "không phải tệp Word" in str(dialog.query_one("#issue-error", Static).render())
        dialog.query_one("#issue-path", Input).value = str(foreign)
        dialog.query_one("#issue-number", Input).value = "05"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is dialog
        assert "không phải thông báo của cuộc họp này" in str(dialog.query_one("#issue-error", Static).render())
        dialog.query_one("#issue-path", Input).value = str(tmp_path / "missing.docx")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is dialog and "missing.docx" in str(dialog.query_one("#issue-error", Static).render())
        await pilot.press("escape")
        assert app.screen is notice_screen
        assert store.notices.numbers() == before and store.seq == seq and store.notices.latest_final() is None
        await pilot.press("ctrl+q")


async def test_version_list_compares_two_versions_read_only(tmp_path: Path) -> None:
    archive, meeting_id = _meeting(tmp_path)
    signed = _signed(archive, meeting_id, tmp_path)
    app = MinutesApp(archive, open_meeting=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        notice_screen = await _to_notice(app, pilot)
        store = app.stores[meeting_id]
        await _fill_and_submit(app, pilot, path=str(signed))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        numbers = store.notices.numbers()
        statuses = [version.status for version in store.notices.versions()]
        assert statuses[-1] == FINAL and DRAFT in statuses

        await pilot.press("v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, VersionList)
        options = listing.query_one(OptionList)
        assert options.option_count == len(numbers)
        assert "05/TB-VP" in str(options.get_option_at_index(0).prompt)  # newest first: the issued one
        assert "dự thảo" in str(options.get_option_at_index(1).prompt)
        await pilot.press("enter", "down", "enter")  # the issued version, then the draft before it
        await pilot.pause()
        diff = app.screen
        assert isinstance(diff, IssueDiff) and diff.plan is None
        assert "31/03/2027" in " ".join(_styled(diff.parts, DELETED))
        assert "15/04/2027" in " ".join(_styled(diff.parts, INSERTED))
        await pilot.press("y", "enter")  # read only: nothing to accept
        await app.workers.wait_for_complete()
        assert app.screen is diff and store.notices.numbers() == numbers
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is notice_screen and store.notices.numbers() == numbers
        await pilot.press("ctrl+q")
