"""Follow-up of a meeting's tasks is kept like its lines: journal first, then the ``followup`` table."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.core.followup import ProgressNote, Status
from minutes_tui.core.model import Kind, Line, MeetingDetails
from minutes_tui.core.tasks import (
    State,
    add_progress,
    change_deadline,
    mark_done,
    state_on,
    tasks_of,
)
from minutes_tui.store import MeetingStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    path = tmp_path / "meetings"
    path.mkdir()
    return path


def meeting_with_task(directory: Path) -> tuple[MeetingStore, str]:
    store = MeetingStore.create(directory, MeetingDetails(date="2027-03-09", body="UBND xã Tân Tiến"))
    line = Line(Kind.TASK, "Rà soát hộ nghèo", ["Công chức Lao động"], "31/03/2027")
    store.commit([edits.insert(line, 0)])
    return store, line.id


def test_followup_is_replayed_from_the_journal_and_kept_by_the_checkpoint(directory: Path) -> None:
    store, task_id = meeting_with_task(directory)
    store.checkpoint()
    [task] = tasks_of(store.meeting)
    store.commit(add_progress(task, date(2027, 3, 20), "Đã lập danh sách"))
    [task] = tasks_of(store.meeting)
    store.commit(mark_done(task, date(2027, 4, 2), "Đã phê duyệt danh sách"))
    # a second reader before any checkpoint: the journal alone carries the follow-up
    replayed = MeetingStore.open(directory, store.id, readonly=True)
    assert replayed.meeting.followup == store.meeting.followup
    assert replayed.meeting.followup[task_id].status is Status.DONE

    assert store.checkpoint()
    assert store.journal_path.stat().st_size == 0
    tables = json.loads(store.path.read_text(encoding="utf-8"))
    [row] = tables["followup"].values()
    assert row["task"] == task_id and row["status"] == "done" and row["status_date"] == "2027-04-02"
    assert row["progress"] == [{"date": "2027-03-20", "text": "Đã lập danh sách"}]
    store.close()

    reopened = MeetingStore.open(directory, store.id)
    [task] = tasks_of(reopened.meeting)
    assert state_on(task, date(2027, 4, 10)).state is State.DONE_LATE
    assert task.followup.result == "Đã phê duyệt danh sách"
    # undo survives the restart too, and its result is checkpointed as well
    assert reopened.undo()
    assert reopened.meeting.followup[task_id].status is Status.IN_PROGRESS
    reopened.close()
    assert reopened.journal_path.stat().st_size == 0  # now in the database file only
    from_file = MeetingStore.open(directory, store.id, readonly=True).meeting.followup[task_id]
    assert from_file.status is Status.IN_PROGRESS and len(from_file.progress) == 1
    again = MeetingStore.open(directory, store.id, readonly=True)
    assert again.meeting.followup[task_id].status is Status.IN_PROGRESS
    assert again.meeting.followup[task_id].progress == [ProgressNote(date(2027, 3, 20), "Đã lập danh sách")]


def test_undoing_the_first_followup_removes_the_record_from_the_file(directory: Path) -> None:
    store, task_id = meeting_with_task(directory)
    [task] = tasks_of(store.meeting)
    store.commit(change_deadline(task, date(2027, 3, 25), "15/04/2027", "chờ số liệu"))
    store.checkpoint()
    assert json.loads(store.path.read_text(encoding="utf-8"))["followup"]["1"]["task"] == task_id
    assert store.undo()
    store.close()
    assert "followup" not in json.loads(store.path.read_text(encoding="utf-8"))  # as for a meeting never followed up
    assert MeetingStore.open(directory, store.id, readonly=True).meeting.followup == {}


def test_a_file_without_the_followup_table_opens_with_nothing_recorded(directory: Path) -> None:
    store, _ = meeting_with_task(directory)
    store.close()
    assert "followup" not in json.loads(store.path.read_text(encoding="utf-8"))  # as files written before the register
    reopened = MeetingStore.open(directory, store.id)
    assert reopened.meeting.followup == {}
    assert [line.text for line in reopened.meeting.lines] == ["Rà soát hộ nghèo"]


KILLED_WRITER = textwrap.dedent("""
    import os, signal, sys
    from datetime import date
    from pathlib import Path
    from minutes_tui.core.tasks import add_progress, mark_done, tasks_of
    from minutes_tui.store import MeetingStore

    store = MeetingStore.open(Path(sys.argv[1]), sys.argv[2])
    [task] = tasks_of(store.meeting)
    store.commit(add_progress(task, date(2027, 3, 20), "Đã lập danh sách"))
    [task] = tasks_of(store.meeting)
    store.commit(mark_done(task, date(2027, 3, 30)))
    print("committed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no checkpoint
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_followup_committed_before_kill_9_is_there_after_reopening(directory: Path) -> None:
    store, task_id = meeting_with_task(directory)
    store.close()
    done = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(directory), store.id], check=False, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert done.stdout.strip() == "committed"
    reopened = MeetingStore.open(directory, store.id)
    record = reopened.meeting.followup[task_id]
    assert (record.status, record.done_date) == (Status.DONE, date(2027, 3, 30))
    assert record.progress == [ProgressNote(date(2027, 3, 20), "Đã lập danh sách")]
    assert reopened.undo()  # the killed process's history came back with it
    assert reopened.meeting.followup[task_id].status is Status.IN_PROGRESS
    reopened.close()
    assert reopened.journal_path.stat().st_size == 0  # now in the database file only
    from_file = MeetingStore.open(directory, store.id, readonly=True).meeting.followup[task_id]
    assert from_file.status is Status.IN_PROGRESS and len(from_file.progress) == 1
