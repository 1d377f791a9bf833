"""The register the app keeps in memory: read once, open meetings read again only when they changed."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.core import tasks as register
from minutes_tui.core.model import Kind, Line
from minutes_tui.services import followup
from minutes_tui.services.importing import import_notes
from minutes_tui.services.task_register import TaskRegister
from minutes_tui.store import Archive, MeetingStore

DAY = date(2026, 12, 1)
FIRST = "/date 05/11/2026\n/body UBND xã\n> Kiểm kê đất công @Địa chính ^20/11/2026\n> Rà soát hộ nghèo\n"
SECOND = "/date 20/11/2026\n/body UBND xã\n> Báo cáo giải ngân @Văn phòng ^05/12/2026\n"


@pytest.fixture
def archive(tmp_path: Path):
    with Archive(tmp_path / "data") as opened:
        import_notes(opened, FIRST).store.close()
        import_notes(opened, SECOND).store.close()
        yield opened


def texts(items) -> list[str]:
    return [item.task.text for item in items]


def test_entries_of_every_meeting_overdue_first(archive) -> None:
    tasks = TaskRegister.load(archive, {})
    assert texts(tasks.entries(DAY, 7)) == ["Kiểm kê đất công", "Báo cáo giải ngân", "Rà soát hộ nghèo"]
    assert len(tasks.tasks()) == 3


def test_entries_are_kept_until_something_changes(archive) -> None:
    tasks = TaskRegister.load(archive, {})
    first = tasks.entries(DAY, 7)
    assert tasks.entries(DAY, 7) is first
    assert tasks.entries(date(2026, 12, 2), 7) is not first  # another day: worked out again
    assert [item.state for item in tasks.entries(DAY, 3)][1] == "in_time"  # another window too


def test_an_open_meeting_is_read_again_after_a_change_only(archive, monkeypatch) -> None:
    tasks = TaskRegister.load(archive, {})
    meeting_id = archive.resolve("last")
    store = archive.open_meeting(meeting_id)
    live = {meeting_id: store}
    assert tasks.refresh(live)  # first sight of the open store
    assert not tasks.refresh(live)  # nothing changed since
    before = tasks.entries(DAY, 7)
    store.commit([edits.insert(Line(Kind.TASK, "Việc mới thêm", ["Công an xã"], "02/12/2026"),
                               len(store.meeting.lines))])
    # the closed meeting is never opened again: it cannot change while the app holds the archive
    monkeypatch.setattr(MeetingStore, "open", lambda *a, **k: pytest.fail("a meeting was opened"))
    assert tasks.refresh(live)
    after = tasks.entries(DAY, 7)
    assert after is not before and "Việc mới thêm" in texts(after)
    assert texts(after)[1] == "Việc mới thêm"  # due tomorrow: before the one due in four days
    followup.update(store, next(t.id for t in register.tasks_of(store.meeting) if t.text == "Báo cáo giải ngân"),
                    functools.partial(register.mark_done, on=DAY))
    assert tasks.refresh(live)
    assert texts(tasks.entries(DAY, 7))[-1] == "Báo cáo giải ngân"  # done: last
    store.close()


def test_load_reads_side_files_not_meetings(archive, monkeypatch) -> None:
    followup.all_tasks(archive)  # the side files exist, as after any checkpoint
    monkeypatch.setattr(MeetingStore, "open", lambda *a, **k: pytest.fail("a meeting was opened"))
    assert len(TaskRegister.load(archive, {}).tasks()) == 3
