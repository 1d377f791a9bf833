"""The task tracker driven by keys, as a secretary presses them; what is stored is read back from disk."""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from minutes_tui.core.followup import Status
from minutes_tui.core.tasks import State, Task, state_on
from minutes_tui.services import followup
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.capture import CaptureScreen
from minutes_tui.tui.screens.meetings import MeetingsScreen
from minutes_tui.tui.screens.picker import Picker
from minutes_tui.tui.screens.prompts import TextPrompt
from minutes_tui.tui.screens.review import ReviewScreen
from minutes_tui.tui.screens.tracker import TrackerScreen
from minutes_tui.tui.widgets.capture_input import ComposedInput
from minutes_tui.tui.widgets.task_list import TaskList

TODAY = date(2026, 12, 1)

WARD = """\
/alias vp Văn phòng HĐND và UBND phường
/alias ca Công an phường
/date 18/11/2026
/body UBND phường An Phú
/kind Phiên họp thường kỳ tháng 11
# Nhiệm vụ tháng 12
> Giải quyết dứt điểm hồ sơ đất đai quá hạn @Công chức Địa chính ^15/12/2026
> Thu gom rác tại khu chợ tạm @vp @Ban quản lý chợ ^05/12/2026
> Hoàn thiện phương án phòng chống bão lũ @ca ^30/11/2026
> Lập danh sách gia đình chính sách @vp ^tháng 01/2027
"""

COUNCIL = """\
/date 02/10/2026
/body Thường trực HĐND phường
> Chuẩn bị kỳ họp cuối năm @Văn phòng HĐND và UBND phường ^25/11/2026
> Tổng hợp ý kiến cử tri
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    with Archive(root) as archive:
        import_notes(archive, COUNCIL).store.close()
        import_notes(archive, WARD).store.close()
    return root


def tracker_app(root: Path, **kwargs) -> MinutesApp:
    return MinutesApp(Archive(root).open(), today=TODAY, **kwargs)


def stored(root: Path) -> dict[str, Task]:
    """The register as a new reader sees it on disk, by task text."""
    with Archive(root, readonly=True) as archive:
        return {task.text: task for task in followup.all_tasks(archive)}


async def open_tracker(pilot) -> TrackerScreen:
    await pilot.press("ctrl+l")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TrackerScreen)
    return screen


def shown_texts(screen: TrackerScreen) -> list[str]:
    return [item.task.text for item in screen.shown]


async def goto(pilot, text: str) -> None:
    screen: TrackerScreen = pilot.app.screen
    for index, item in enumerate(screen.shown):
        if item.task.text == text:
            screen.tasks.highlighted = index
            await pilot.pause()
            return
    raise AssertionError(f"no task {text!r} shown")


async def answer(pilot, text: str, enter: bool = True) -> None:
    """Type into the open prompt (replacing what it offers), then Enter."""
    assert isinstance(pilot.app.screen, TextPrompt)
    editor = pilot.app.screen.query_one("#editor", ComposedInput)
    editor.value = ""
    editor.insert_text_at_cursor(text)
    if enter:
        await pilot.press("enter")
        await pilot.pause()


async def quit_app(pilot) -> None:
    await pilot.press("ctrl+q")
    pilot.app.archive.close()


async def test_every_task_overdue_first_with_its_columns(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_tracker(pilot)
        states = [item.standing.state for item in screen.shown]
        assert states == [State.OVERDUE, State.OVERDUE, State.DUE_SOON, State.IN_TIME, State.IN_TIME,
                          State.NO_DEADLINE]
        assert [item.standing.days_late for item in screen.shown[:2]] == [6, 1]
        assert shown_texts(screen)[:3] == ["Chuẩn bị kỳ họp cuối năm", "Hoàn thiện phương án phòng chống bão lũ",
                                           "Thu gom rác tại khu chợ tạm"]
        header = str(screen.query_one("#tracker-header").render())
        for column in ("Thời hạn", "Tình trạng", "Chủ trì", "Nội dung nhiệm vụ", "Nguồn"):
            assert column in header
        row = screen.tasks.render_line(0).text
        assert "25/11/2026" in row and "Quá hạn 6 ngày" in row and "Văn phòng HĐND" in row
        assert "02/10/2026" in row  # the source: the meeting's date until a notice is issued
        status = str(screen.query_one("#tracker-status").render())
        assert "6 nhiệm vụ · 2 quá hạn · 1 sắp đến hạn" in status and "01/12/2026" in status
        await quit_app(pilot)


async def test_tracker_key_from_every_screen_and_back(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_tracker(pilot)  # from the meeting list
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("enter")  # capture: the input has focus, ctrl+l still opens the tracker
        assert isinstance(app.screen, CaptureScreen)
        await open_tracker(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, CaptureScreen)
        assert app.screen.query_one("#capture-input").has_focus  # typing goes on where it was
        await pilot.press("ctrl+r")
        await open_tracker(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+n")
        await open_tracker(pilot)
        await pilot.press("escape")
        assert app.screen.__class__.__name__ == "NoticeScreen"
        await quit_app(pilot)


async def test_mark_done_asks_the_day_today_by_default_then_the_result(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_tracker(pilot)
        await goto(pilot, "Hoàn thiện phương án phòng chống bão lũ")
        await pilot.press("d")
        prompt = app.screen
        assert isinstance(prompt, TextPrompt) and prompt.query_one("#editor", ComposedInput).value == "01/12/2026"
        await pilot.press("enter")
        await answer(pilot, "Đã ban hành phương án")
        assert isinstance(app.screen, TrackerScreen)
        assert "Đã ghi hoàn thành ngày 01/12/2026" in screen.status.message
        # the cursor stays on its row: the next task to chase is under it
        assert screen.current().task.text == "Thu gom rác tại khu chợ tạm"
        await goto(pilot, "Thu gom rác tại khu chợ tạm")
        await pilot.press("d")
        await answer(pilot, "32/13/2026")  # not a day: the prompt stays open and says so
        assert isinstance(app.screen, TextPrompt)
        assert "Chưa hiểu ngày" in str(app.screen.query_one("#prompt-error").render())
        await answer(pilot, "05/12/2026")  # after today: refused too
        assert isinstance(app.screen, TextPrompt)
        await answer(pilot, "28/11")
        await answer(pilot, "")
        await quit_app(pilot)
    tasks = stored(data)
    storm = tasks["Hoàn thiện phương án phòng chống bão lũ"]
    assert storm.status is Status.DONE and storm.followup.status_date == TODAY
    assert storm.followup.result == "Đã ban hành phương án"
    assert state_on(storm, TODAY).state is State.DONE_LATE
    rubbish = tasks["Thu gom rác tại khu chợ tạm"]
    assert rubbish.followup.status_date == date(2026, 11, 28) and rubbish.followup.result == ""
    assert state_on(rubbish, TODAY).state is State.DONE_ON_TIME


async def test_progress_deadline_pause_cancel_reopen(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_tracker(pilot)
        await goto(pilot, "Giải quyết dứt điểm hồ sơ đất đai quá hạn")
        await pilot.press("t")
        await answer(pilot, "")  # an empty note is refused
        assert isinstance(app.screen, TextPrompt)
        await answer(pilot, "Đã giải quyết 9/14 hồ sơ")
        await pilot.press("h")
        assert app.screen.query_one("#editor", ComposedInput).value == "15/12/2026"
        await answer(pilot, "hôm nào đó")  # not a deadline: refused
        assert isinstance(app.screen, TextPrompt)
        await answer(pilot, "31/01/2027")
        await answer(pilot, "Chờ ý kiến của Sở Tài nguyên và Môi trường")
        await goto(pilot, "Lập danh sách gia đình chính sách")
        await pilot.press("p")
        await answer(pilot, "Chờ hướng dẫn của cấp trên")
        await goto(pilot, "Tổng hợp ý kiến cử tri")
        await pilot.press("x")
        await answer(pilot, "Đã giao Mặt trận thực hiện")
        await goto(pilot, "Tổng hợp ý kiến cử tri")
        await pilot.press("r")
        await answer(pilot, "")
        await goto(pilot, "Tổng hợp ý kiến cử tri")
        await pilot.press("r")  # already open: refused at once, no prompt
        assert isinstance(app.screen, TrackerScreen)
        assert app.screen.status.severity == "error"
        await quit_app(pilot)
    tasks = stored(data)
    land = tasks["Giải quyết dứt điểm hồ sơ đất đai quá hạn"]
    assert land.status is Status.IN_PROGRESS
    assert [(note.date, note.text) for note in land.followup.progress] == [(TODAY, "Đã giải quyết 9/14 hồ sơ")]
    (change,) = land.followup.deadlines
    assert (change.deadline, change.previous, change.reason) == (
        "31/01/2027", "15/12/2026", "Chờ ý kiến của Sở Tài nguyên và Môi trường")
    assert tasks["Lập danh sách gia đình chính sách"].status is Status.PAUSED
    voters = tasks["Tổng hợp ý kiến cử tri"]
    assert voters.status is Status.NOT_STARTED  # cancelled (its reason is a dated note, not progress), then reopened
    assert [note.text for note in voters.followup.progress] == ["Đã giao Mặt trận thực hiện"]


async def test_undo_takes_back_the_last_follow_up_on_its_meeting(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_tracker(pilot)
        await goto(pilot, "Chuẩn bị kỳ họp cuối năm")
        await pilot.press("t")
        await answer(pilot, "Đã gửi giấy mời")
        await goto(pilot, "Thu gom rác tại khu chợ tạm")  # another meeting
        await pilot.press("d", "enter")
        await answer(pilot, "")
        await pilot.press("ctrl+z")  # the done, on the ward's meeting (u does the same)
        assert screen.status.message == "Đã hoàn tác"
        assert {item.task.text: item.standing.state for item in screen.shown}["Thu gom rác tại khu chợ tạm"] \
            is State.DUE_SOON
        await quit_app(pilot)
    tasks = stored(data)
    assert tasks["Thu gom rác tại khu chợ tạm"].status is Status.NOT_STARTED
    assert tasks["Chuẩn bị kỳ họp cuối năm"].status is Status.IN_PROGRESS  # the council's note stays


async def test_undo_refuses_when_the_meeting_changed_since(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_tracker(pilot)
        await goto(pilot, "Thu gom rác tại khu chợ tạm")
        await pilot.press("t")
        await answer(pilot, "Đã bố trí xe")
        await pilot.press("escape")
        await pilot.press("enter")  # the newest meeting (the ward's) in capture
        field = app.screen.query_one("#capture-input", ComposedInput)
        field.insert_text_at_cursor("+ Một dòng ghi sau đó")
        await pilot.press("enter")
        await open_tracker(pilot)
        await pilot.press("u")  # its newest change is the line typed: not the tracker's to undo
        assert app.screen.status.severity == "warning"
        await quit_app(pilot)
    assert stored(data)["Thu gom rác tại khu chợ tạm"].status is Status.IN_PROGRESS


async def test_enter_opens_the_source_meeting_at_the_task(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_tracker(pilot)
        await goto(pilot, "Tổng hợp ý kiến cử tri")
        await pilot.press("enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.store.meeting.details.body == "Thường trực HĐND phường"
        assert review.current().text == "Tổng hợp ý kiến cử tri"
        await pilot.press("ctrl+l")  # and back: the tracker keeps its place in the stack
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        await open_tracker(pilot)
        await goto(pilot, "Thu gom rác tại khu chợ tạm")
        await pilot.press("o")  # the other key for the same
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.current().text == "Thu gom rác tại khu chợ tạm"
        await quit_app(pilot)


async def test_live_search_ignores_accents_and_esc_clears(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_tracker(pilot)
        await pilot.press("slash")
        editor = app.focused  # the search bar under the list
        assert isinstance(editor, ComposedInput) and app.screen is screen
        for char in "ho so dat":
            editor.insert_text_at_cursor(char)
            await pilot.pause()
        assert shown_texts(screen) == ["Giải quyết dứt điểm hồ sơ đất đai quá hạn"]
        await pilot.press("enter")
        assert "“ho so dat”" in str(screen.query_one("#tracker-status").render())
        await pilot.press("escape")  # clears the filter, stays in the tracker
        assert isinstance(app.screen, TrackerScreen) and len(screen.shown) == 6
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingsScreen)
        await quit_app(pilot)


async def test_filters_by_state_owner_alias_body_and_period(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_tracker(pilot)
        await pilot.press("f")
        picker = app.screen
        assert isinstance(picker, Picker)
        await pilot.press("down", "down", "enter")  # all, open, overdue
        await pilot.pause()
        assert [item.standing.state for item in screen.shown] == [State.OVERDUE, State.OVERDUE]
        await pilot.press("f", "home", "enter")  # back to all
        await pilot.press("at")
        editor = app.focused
        assert isinstance(editor, ComposedInput)
        editor.insert_text_at_cursor("@vp")  # the ward's alias, expanded
        await pilot.pause()
        assert sorted(shown_texts(screen)) == ["Chuẩn bị kỳ họp cuối năm", "Lập danh sách gia đình chính sách",
                                               "Thu gom rác tại khu chợ tạm"]
        await pilot.press("escape")  # Esc in the owner bar drops the owner filter
        assert len(screen.shown) == 6
        await pilot.press("c")
        await pilot.pause()
        choices = [text for _, text in app.screen.choices]
        assert choices[1:] == ["UBND phường An Phú (4)", "Thường trực HĐND phường (2)"]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert sorted(shown_texts(screen)) == ["Chuẩn bị kỳ họp cuối năm", "Tổng hợp ý kiến cử tri"]
        await pilot.press("q")
        await answer(pilot, "quý V/2026")  # no such quarter: refused
        assert isinstance(app.screen, TextPrompt)
        await answer(pilot, "tháng 11/2026")  # the council's tasks were given in October, still open in November
        assert len(screen.shown) == 2
        await pilot.press("c", "home", "enter", "q")
        await answer(pilot, "09/2026")  # before any task was given
        assert screen.shown == [] and screen.query_one("#tracker-empty").display
        await pilot.press("escape")
        assert len(screen.shown) == 6 and screen.tasks.has_focus
        await quit_app(pilot)


@pytest.mark.parametrize(("move", "fmt"), [((), "xlsx"), (("up",), "docx"), (("down",), "csv")])
async def test_report_key_writes_the_report_of_the_filtered_body(data: Path, move: tuple[str, ...], fmt: str) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_tracker(pilot)
        await pilot.press("c", "down", "enter")  # the ward only
        await pilot.press("b")
        assert isinstance(app.screen, Picker)
        await pilot.press(*move, "enter")  # xlsx is offered first
        await answer(pilot, "quý IV/2026")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Đã ghi báo cáo" in screen.status.message, screen.status.message
        await quit_app(pilot)
    (path,) = Path(os.environ["MINUTES_TUI_EXPORTS"]).glob(f"*.{fmt}")  # the export folder (tests/conftest.py)
    assert path.name == f"bao-cao-thuc-hien-quy-iv-nam-2026.{fmt}"
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(path).worksheets[0]
        texts = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    elif fmt == "csv":
        rows = list(csv.reader(path.read_bytes().decode("utf-8-sig").splitlines()))
        texts = [row[1] for row in rows[1:]]
    else:
        import docx

        table = docx.Document(str(path)).tables[-1]
        texts = [row.cells[1].text for row in table.rows[1:]]
    assert sorted(texts) == sorted(WARD_TASKS)


WARD_TASKS = ["Giải quyết dứt điểm hồ sơ đất đai quá hạn", "Thu gom rác tại khu chợ tạm",
              "Hoàn thiện phương án phòng chống bão lũ", "Lập danh sách gia đình chính sách"]


async def test_reopening_the_app_shows_the_same_state(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_tracker(pilot)
        await goto(pilot, "Hoàn thiện phương án phòng chống bão lũ")
        await pilot.press("d", "enter")
        await answer(pilot, "")
        await goto(pilot, "Chuẩn bị kỳ họp cuối năm")
        await pilot.press("h")
        await answer(pilot, "10/12/2026")
        await answer(pilot, "Lùi kỳ họp")
        before = [(item.task.text, item.standing) for item in app.screen.shown]
        await quit_app(pilot)
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_tracker(pilot)
        assert [(item.task.text, item.standing) for item in screen.shown] == before
        assert before[0][1].state is State.DUE_SOON  # the moved deadline: no longer overdue
        await quit_app(pilot)


async def test_the_due_soon_window_is_the_office_setting(data: Path) -> None:
    with Archive(data) as archive:
        archive.save_settings(archive.settings.with_value("due_soon_days", "20"))
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_tracker(pilot)
        states = {item.task.text: item.standing.state for item in screen.shown}
        assert states["Giải quyết dứt điểm hồ sơ đất đai quá hạn"] is State.DUE_SOON  # 14 days left
        await quit_app(pilot)


async def test_tracker_list_renders_only_visible_rows(tmp_path: Path) -> None:
    """A thousand tasks: opening and filtering render the rows on screen, not the rest."""
    root = tmp_path / "data"
    notes = "/date 01/11/2026\n/body UBND phường\n" + "\n".join(
        f"> Việc số {n} @Phòng {n % 7} ^{1 + n % 28:02d}/12/2026" for n in range(1000))
    with Archive(root) as archive:
        import_notes(archive, notes).store.close()
    rendered: list[str] = []
    app = tracker_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        original = TaskList.row

        def counting(self, item):
            rendered.append(item.id)
            return original(self, item)

        TaskList.row = counting
        try:
            screen = await open_tracker(pilot)
            assert len(screen.shown) == 1000
            await pilot.press("slash")
            app.focused.insert_text_at_cursor("1")
            await pilot.pause()
        finally:
            TaskList.row = original
        assert 0 < len(set(rendered)) <= 60, len(set(rendered))
        await quit_app(pilot)


async def test_f1_on_the_tracker_shows_its_keys_first(data: Path) -> None:
    from textual.widgets import Markdown

    from minutes_tui.tui.keymap import KEYMAP
    from minutes_tui.tui.screens.help import HelpScreen

    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_tracker(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one(Markdown).source
        here = source[source.index("\n## ") + 1: source.index("\n## ", source.index("\n## ") + 1)]
        assert "Sổ theo dõi nhiệm vụ" in here.splitlines()[0]
        for key in KEYMAP["tracker"]:
            assert f" — {key.help_text}\n" in here, key.id
        assert "- `d` — Ghi hoàn thành" in here and "- `@` — Lọc người" in here
        await pilot.press("escape")
        await quit_app(pilot)


def test_every_tracker_string_in_both_languages() -> None:
    from minutes_tui.core.tasks import STATE_FILTERS
    from minutes_tui.core.tasks import State as TaskState
    from minutes_tui.i18n import STRINGS
    from minutes_tui.services.followup import REPORT_FORMATS
    from minutes_tui.tui.keymap import KEYMAP

    needed = [f"tracker.state.{state.value}" for state in TaskState]
    needed += [f"tracker.format.{fmt}" for fmt in REPORT_FORMATS]
    needed += [f"tracker.col.{column}" for column in ("deadline", "state", "lead", "text", "source")]
    needed += [f"tracker.filter.{name}" for name in ("all", "open")]
    needed += [f"task.state.{name}" for name in STATE_FILTERS if name not in ("all", "open")]
    for section in ("tracker", "followup"):
        needed += [name for key in KEYMAP[section] for name in (key.label, key.help) if name]
    missing = [name for name in needed if name not in STRINGS or not all(STRINGS[name])]
    assert not missing


async def test_tasks_typed_in_capture_are_in_the_tracker_at_once(data: Path) -> None:
    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_tracker(pilot)  # the register is read here, before the line is typed
        await pilot.press("escape", "enter")
        field = app.screen.query_one("#capture-input", ComposedInput)
        field.insert_text_at_cursor("> Kiểm tra an toàn thực phẩm chợ Tết @ca ^03/12/2026")
        await pilot.press("enter")
        screen = await open_tracker(pilot)
        item = next(item for item in screen.shown if item.task.text == "Kiểm tra an toàn thực phẩm chợ Tết")
        assert item.task.lead == "Công an phường" and item.standing.state is State.DUE_SOON
        await quit_app(pilot)


async def test_the_search_bar_has_the_keys_while_it_is_open(data: Path) -> None:
    """The search is typed under the list (no modal); meanwhile the footer offers only what the bar does."""
    from minutes_tui.tui.widgets.keys_footer import KeysFooter

    app = tracker_app(data)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_tracker(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen is screen
        assert str(screen.query_one(KeysFooter).render()).strip() == "esc Bỏ F1 Trợ giúp"
        await pilot.press("escape")
        await pilot.pause()
        assert screen.tasks.has_focus and "d Xong" in str(screen.query_one(KeysFooter).render())
        await quit_app(pilot)
