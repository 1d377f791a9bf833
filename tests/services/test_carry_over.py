"""Carrying a task into a later meeting: one record, a line that restates it, two commits that stay consistent."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core import tasks as register
from minutes_tui.core.compiler import compile_notice
from minutes_tui.core.followup import CARRIED
from minutes_tui.core.tasks import TaskError, tasks_of
from minutes_tui.services import followup
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive, MeetingStore, StoreError

FIRST = """\
/date 18/11/2026
/body UBND phường An Phú
> Thu gom rác tại khu chợ tạm @Văn phòng HĐND và UBND phường @Ban quản lý chợ ^05/12
> Hoàn thiện phương án phòng chống bão lũ @Công an phường ^30/11/2026
"""
NEXT = "/date 02/12/2026\n/body UBND phường An Phú\n# Kiểm điểm việc thực hiện kết luận kỳ trước\n"
NEXT_DAY = date(2026, 12, 2)


@pytest.fixture
def stores(tmp_path: Path):
    archive = Archive(tmp_path / "data").open()
    first = import_notes(archive, FIRST).store
    later = import_notes(archive, NEXT).store
    yield archive, first, later
    for store in (first, later):
        store.close()
    archive.close()


def task_id(store: MeetingStore, text: str) -> str:
    return next(task.id for task in tasks_of(store.meeting) if task.text.startswith(text))


def carried_into(store: MeetingStore, task: str) -> list[tuple[str, date | None, str]]:
    record = store.meeting.followup.get(task_id(store, task))
    return [(ref.meeting, ref.date, ref.role) for ref in record.meetings] if record else []


def test_carry_over_restates_the_task_and_notes_it_on_its_record(stores) -> None:
    archive, first, later = stores
    rubbish = task_id(first, "Thu gom rác")
    carried = followup.carry_over(first, later, rubbish, NEXT_DAY)
    assert carried.added
    line = later.meeting.lines[-1]
    assert line.id == carried.line.id
    assert (line.text, line.owners, line.deadline, line.ref) == (
        "Thu gom rác tại khu chợ tạm", ["Văn phòng HĐND và UBND phường", "Ban quản lý chợ"], "05/12/2026",
        f"{first.id}/{rubbish}")
    assert carried_into(first, "Thu gom rác") == [(later.id, NEXT_DAY, CARRIED)]
    # one record: the later meeting has no task of its own, the register lists the task once
    assert tasks_of(later.meeting) == []
    for store in (first, later):
        archive.checkpoint(store)
    listed = [task for task in followup.all_tasks(archive) if task.text.startswith("Thu gom rác")]
    assert len(listed) == 1 and listed[0].meeting == first.id
    # the later notice restates it as a continuing task
    notice = compile_notice(later.meeting, archive.settings, NEXT_DAY)
    texts = [block.text for block in notice.body]
    assert any(text.endswith("(nhiệm vụ chuyển tiếp).") and "thu gom rác" in text for text in texts), texts


def test_carrying_again_changes_nothing(stores) -> None:
    _, first, later = stores
    rubbish = task_id(first, "Thu gom rác")
    followup.carry_over(first, later, rubbish, NEXT_DAY)
    seqs = (first.seq, later.seq)
    again = followup.carry_over(first, later, rubbish, NEXT_DAY)
    assert not again.added and (first.seq, later.seq) == seqs
    assert sum(line.ref != "" for line in later.meeting.lines) == 1


def test_finished_tasks_and_the_meetings_own_are_not_carried(stores) -> None:
    _, first, later = stores
    storm = task_id(first, "Hoàn thiện phương án")
    followup.update(first, storm, functools.partial(register.mark_done, on=date(2026, 11, 29)))
    with pytest.raises(TaskError, match="không chuyển tiếp"):
        followup.carry_over(first, later, storm, NEXT_DAY)
    with pytest.raises(TaskError, match="chính cuộc họp"):
        followup.carry_over(first, first, task_id(first, "Thu gom rác"), NEXT_DAY)
    assert not any(line.ref for line in later.meeting.lines)


def failing_journal(store: MeetingStore, monkeypatch, *, after: int = 0) -> None:
    """The store's journal refuses every append after the first ``after`` (a full or dead disk)."""
    journal = store._journal
    real = journal.append
    calls = {"n": 0}

    def append(payload: bytes) -> None:
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(28, "No space left on device")
        real(payload)

    monkeypatch.setattr(journal, "append", append)


def test_when_the_second_commit_fails_the_first_is_undone(stores, monkeypatch) -> None:
    """The line goes into the later meeting first; the record's mention on the source fails:
    the line is taken back, so after a restart neither meeting says what the other does not."""
    archive, first, later = stores
    rubbish = task_id(first, "Thu gom rác")
    lines_before = [line.id for line in later.meeting.lines]
    failing_journal(first, monkeypatch)
    with pytest.raises(StoreError):
        followup.carry_over(first, later, rubbish, NEXT_DAY)
    assert [line.id for line in later.meeting.lines] == lines_before
    assert carried_into(first, "Thu gom rác") == []
    monkeypatch.undo()
    for store in (first, later):
        store.close()
    with Archive(archive.root, readonly=True) as reader:  # what a restart finds
        again = reader.open_meeting(later.id).meeting
        assert [line.id for line in again.lines] == lines_before
        listed = {task.text: task for task in followup.all_tasks(reader)}
    assert listed["Thu gom rác tại khu chợ tạm"].followup.meetings == []


def test_when_the_undo_fails_too_the_line_stays_and_carrying_again_completes(stores, monkeypatch) -> None:
    archive, first, later = stores
    rubbish = task_id(first, "Thu gom rác")
    failing_journal(first, monkeypatch)
    failing_journal(later, monkeypatch, after=1)  # the line is written, its undo is not
    with pytest.raises(StoreError):
        followup.carry_over(first, later, rubbish, NEXT_DAY)
    monkeypatch.undo()
    kept = [line for line in later.meeting.lines if line.ref]
    assert len(kept) == 1  # nothing lost: the line points at a task that exists
    assert carried_into(first, "Thu gom rác") == []
    again = followup.carry_over(first, later, rubbish, NEXT_DAY)  # the disk is back
    assert not again.added and again.line.id == kept[0].id
    assert carried_into(first, "Thu gom rác") == [(later.id, NEXT_DAY, CARRIED)]
    for store in (first, later):
        archive.checkpoint(store)
    listed = [task for task in followup.all_tasks(archive) if task.text.startswith("Thu gom rác")]
    assert len(listed) == 1 and [ref.meeting for ref in listed[0].followup.meetings] == [later.id]
