"""Capture's panel of the body's open tasks, driven by keys: follow-up and carry-over during the next meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core.compiler import compile_notice
from minutes_tui.core.followup import CARRIED, Status
from minutes_tui.core.tasks import tasks_of
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.capture import CaptureScreen
from minutes_tui.tui.screens.tracker import TrackerScreen
from minutes_tui.tui.widgets.capture_input import CaptureInput
from minutes_tui.tui.widgets.followup_panel import FollowUpPanel
from minutes_tui.tui.widgets.line_list import LineList
from tests.tui.test_tracker import COUNCIL, TODAY, WARD, answer, quit_app, stored

NEXT = "/date 01/12/2026\n/body UBND phường An Phú\n/kind Phiên họp thường kỳ tháng 12\n# Kiểm điểm kết luận kỳ trước\n"


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, str, str]:
    """The council's and the ward's meetings, and the ward's next meeting (open in capture)."""
    root = tmp_path / "data"
    with Archive(root) as archive:
        import_notes(archive, COUNCIL).store.close()
        ward = import_notes(archive, WARD).store
        ward.close()
        later = import_notes(archive, NEXT).store
        later.close()
    return root, ward.id, later.id


def capture_app(root: Path, meeting_id: str) -> MinutesApp:
    return MinutesApp(Archive(root).open(), open_meeting=meeting_id, today=TODAY)


async def open_panel(pilot) -> FollowUpPanel:
    await pilot.press("ctrl+f")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    panel = pilot.app.screen.query_one(FollowUpPanel)
    assert panel.display and panel.has_focus_within
    return panel


def panel_texts(panel: FollowUpPanel) -> list[str]:
    return [item.task.text for item in panel.shown]


async def test_the_bodys_open_tasks_at_hand_and_back_to_typing(data) -> None:
    root, _, later = data
    app = capture_app(root, later)
    async with app.run_test(size=(120, 32)) as pilot:
        panel = await open_panel(pilot)
        # the ward's tasks only (not the council's), overdue first
        assert panel_texts(panel) == ["Hoàn thiện phương án phòng chống bão lũ", "Thu gom rác tại khu chợ tạm",
                                      "Giải quyết dứt điểm hồ sơ đất đai quá hạn", "Lập danh sách gia đình chính sách"]
        assert "UBND phường An Phú (4)" in str(panel.query_one("#followup-title").render())
        assert "Hoàn thiện phương án" in str(panel.query_one("#followup-detail").render())
        await pilot.press("escape")  # back to typing: the panel goes, the input has the keys
        field = app.screen.query_one(CaptureInput)
        assert not panel.display and field.has_focus
        await pilot.press("d")  # a letter is typed, not "done"
        assert field.value == "d"
        await open_panel(pilot)
        await pilot.press("ctrl+f")  # the same key hides it again
        assert not panel.display and field.has_focus
        await quit_app(pilot)


async def test_progress_and_done_from_capture_go_to_the_tasks_own_meeting(data) -> None:
    root, ward, later = data
    app = capture_app(root, later)
    async with app.run_test(size=(120, 32)) as pilot:
        await open_panel(pilot)
        await pilot.press("j")  # "Thu gom rác tại khu chợ tạm"
        await pilot.press("t")
        await answer(pilot, "Đã bố trí 2 xe thu gom")
        await pilot.press("k", "d", "enter")
        await answer(pilot, "Đã ban hành phương án")
        assert "Đã ghi hoàn thành" in app.screen.status.message
        panel = app.screen.query_one(FollowUpPanel)
        assert "Hoàn thiện phương án phòng chống bão lũ" not in panel_texts(panel)  # done: no longer open
        await pilot.press("u")  # the done, taken back
        assert "Hoàn thiện phương án phòng chống bão lũ" in panel_texts(panel)
        assert [line.text for line in app.screen.store.meeting.lines][-1] == "Kiểm điểm kết luận kỳ trước"
        await quit_app(pilot)
    tasks = stored(root)
    assert tasks["Thu gom rác tại khu chợ tạm"].meeting == ward
    assert [note.text for note in tasks["Thu gom rác tại khu chợ tạm"].followup.progress] == ["Đã bố trí 2 xe thu gom"]
    assert tasks["Hoàn thiện phương án phòng chống bão lũ"].status is Status.NOT_STARTED


async def test_carry_over_from_capture(data) -> None:
    root, ward, later = data
    app = capture_app(root, later)
    async with app.run_test(size=(120, 32)) as pilot:
        panel = await open_panel(pilot)
        await pilot.press("j", "c")  # "Thu gom rác tại khu chợ tạm" into this meeting
        screen: CaptureScreen = app.screen
        assert screen.status.message == "Đã chuyển tiếp nhiệm vụ vào cuộc họp này"
        lines = screen.store.meeting.lines
        assert lines[-1].text == "Thu gom rác tại khu chợ tạm" and lines[-1].ref.startswith(f"{ward}/")
        shown = screen.query_one(LineList)
        assert shown.option_count == len(lines)  # the new line is on screen
        assert "↪" in str(panel.tasks.render_line(1).text)  # marked as carried here
        await pilot.press("c")  # again: nothing more
        assert screen.status.message == "Nhiệm vụ đã được chuyển tiếp vào cuộc họp này"
        assert sum(bool(line.ref) for line in screen.store.meeting.lines) == 1
        await pilot.press("k", "c")  # and the overdue one
        await pilot.press("u")  # the last carry taken back in both meetings
        assert sum(bool(line.ref) for line in screen.store.meeting.lines) == 1
        assert shown.option_count == len(screen.store.meeting.lines)
        await pilot.press("escape")
        await pilot.press("ctrl+l")  # the tracker marks the carried task
        await app.workers.wait_for_complete()
        await pilot.pause()
        tracker = app.screen
        assert isinstance(tracker, TrackerScreen)
        row = next(n for n, item in enumerate(tracker.shown) if item.task.text == "Thu gom rác tại khu chợ tạm")
        assert tracker.tasks.render_line(row).text.startswith("↪")
        await quit_app(pilot)
    # after a restart: one record, carried into this meeting; the notice restates it
    tasks = stored(root)
    rubbish = tasks["Thu gom rác tại khu chợ tạm"]
    assert rubbish.meeting == ward and len([t for t in tasks.values() if t.text == rubbish.text]) == 1
    assert [(ref.meeting, ref.date, ref.role) for ref in rubbish.followup.meetings] == [
        (later, date(2026, 12, 1), CARRIED)]
    assert tasks["Hoàn thiện phương án phòng chống bão lũ"].followup.meetings == []
    with Archive(root, readonly=True) as archive:
        meeting = archive.open_meeting(later).meeting
        assert tasks_of(meeting) == []
        notice = compile_notice(meeting, archive.settings, TODAY)
    (restated,) = [block.text for block in notice.body if "thu gom rác" in block.text]
    assert restated.endswith("hoàn thành trước ngày 05/12/2026 (nhiệm vụ chuyển tiếp).")


async def test_a_meeting_without_body_offers_every_open_task(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Archive(root) as archive:
        import_notes(archive, COUNCIL).store.close()
        import_notes(archive, WARD).store.close()
        later = import_notes(archive, "/date 01/12/2026\n").store
        later.close()
    app = capture_app(root, later.id)
    async with app.run_test(size=(120, 32)) as pilot:
        panel = await open_panel(pilot)
        assert len(panel.shown) == 6
        assert "chưa ghi /body" in str(panel.query_one("#followup-title").render())
        await quit_app(pilot)
