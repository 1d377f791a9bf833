"""The register through the services: the index, follow-up writes, filters and reports."""

from __future__ import annotations

import csv
import functools
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core import tasks as register
from minutes_tui.core.followup import Status
from minutes_tui.core.tasks import State, TaskError
from minutes_tui.errors import UserError
from minutes_tui.services import followup
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive, MeetingStore

NOTES = """\
/alias kt Phòng Kinh tế
/date 05/11/2026
/body UBND xã Tân Hòa
# Nhiệm vụ tháng 11
> Hoàn thành kiểm kê đất công @kt @Công chức Địa chính ^20/11/2026
> Báo cáo tiến độ giải ngân @Văn phòng HĐND và UBND xã ^quý IV/2026
= Thống nhất tổ chức hội nghị dân vận @Ban Dân vận
> Rà soát hộ nghèo cuối năm
"""
DAY = date(2026, 11, 25)


@pytest.fixture
def archive(tmp_path: Path):
    with Archive(tmp_path / "data") as opened:
        import_notes(opened, NOTES).store.close()
        yield opened


def test_every_task_line_is_listed_overdue_first(archive) -> None:
    listed = followup.select(followup.all_tasks(archive), DAY)
    assert [item.task.text[:12] for item in listed] == ["Hoàn thành k", "Báo cáo tiến", "Thống nhất t", "Rà soát hộ n"]
    assert [item.standing.state for item in listed] == [State.OVERDUE, State.IN_TIME, State.NO_DEADLINE,
                                                         State.NO_DEADLINE]
    assert listed[0].standing.days_late == 5


def test_listing_reads_the_side_files_not_the_meetings(archive, monkeypatch) -> None:
    assert len(followup.all_tasks(archive)) == 4  # builds the side file once
    def no_open(*args, **kwargs):
        raise AssertionError("a meeting was opened")
    monkeypatch.setattr(MeetingStore, "open", no_open)
    assert len(followup.all_tasks(archive)) == 4


def test_a_stale_side_file_is_rebuilt(archive) -> None:
    followup.all_tasks(archive)
    meeting_id = archive.resolve("last")
    store = archive.open_meeting(meeting_id)
    from minutes_tui.core import edits
    from minutes_tui.core.model import Kind, Line

    store.commit([edits.insert(Line(Kind.TASK, "Việc thêm sau", ["Công an xã"]), len(store.meeting.lines))])
    store.checkpoint()  # the file changes without the archive's index hook
    store.close()
    assert "Việc thêm sau" in [task.text for task in followup.all_tasks(archive)]


def test_unsaved_journal_records_count(archive) -> None:
    store = archive.open_meeting(archive.resolve("last"))
    task = followup.all_tasks(archive)[0]
    followup.update(store, task.id, functools.partial(register.mark_done, on=date(2026, 11, 18)))
    # no checkpoint: the record is only in the journal (as after a crash)
    with Archive(archive.root, readonly=True) as reader:
        listed = {t.id: t for t in followup.all_tasks(reader)}
    assert listed[task.id].status is Status.DONE
    store.close()


def test_follow_up_is_durable_and_undoable(archive) -> None:
    meeting_id = archive.resolve("last")
    store = archive.open_meeting(meeting_id)
    first = followup.all_tasks(archive, {meeting_id: store})[0]
    done = followup.update(store, first.id, functools.partial(register.mark_done, on=date(2026, 11, 22),
                                                              note="Đã kiểm kê 42 thửa"))
    assert done.status is Status.DONE and done.followup.result == "Đã kiểm kê 42 thửa"
    assert register.state_on(done, DAY).state is State.DONE_LATE
    with pytest.raises(TaskError):  # a date before the meeting changes nothing
        followup.update(store, first.id, functools.partial(register.add_progress, on=date(2026, 1, 1), text="x"))
    archive.checkpoint(store)
    store.close()
    with Archive(archive.root, readonly=True) as reader:
        again = {t.id: t for t in followup.all_tasks(reader)}[first.id]
    assert again.followup.done_date == date(2026, 11, 22)
    store = archive.open_meeting(meeting_id)
    assert store.undo()
    assert {t.id: t for t in followup.all_tasks(archive, {meeting_id: store})}[first.id].status is Status.NOT_STARTED
    store.close()


def test_ids_resolve_by_unique_prefix(archive) -> None:
    tasks = followup.all_tasks(archive)
    first = tasks[0]
    assert followup.resolve(tasks, first.id[:6]) is first
    with pytest.raises(TaskError, match="Không có nhiệm vụ"):
        followup.resolve(tasks, "zzzz")
    with pytest.raises(TaskError, match="khớp nhiều"):
        followup.resolve([first, register.Task(id=first.id[:3] + "x", meeting="m", text="t")], first.id[:3])


def test_filters_by_state_and_owner_alias(archive) -> None:
    tasks = followup.all_tasks(archive)
    assert len(followup.select(tasks, DAY, state="overdue")) == 1
    assert len(followup.select(tasks, DAY, state="open")) == 4
    by_alias = followup.select(tasks, DAY, owner="@kt", directory=archive.directory)
    assert [item.task.lead for item in by_alias] == ["Phòng Kinh tế"]
    assert len(followup.select(tasks, DAY, owner="dia chinh")) == 1  # accents ignored, any owner
    with pytest.raises(TaskError):
        followup.select(tasks, DAY, state="nonsense")


@pytest.mark.parametrize("fmt", followup.REPORT_FORMATS)
def test_reports_in_each_format(archive, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"bao-cao.{fmt}"
    followup.write_report(archive, followup.all_tasks(archive), path, fmt=fmt, today=DAY)
    assert path.stat().st_size > 0
    if fmt == "csv":
        raw = path.read_bytes()
        assert raw.startswith("\ufeff".encode())
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
        assert len(rows) == 1 + 4
    with pytest.raises(UserError, match="đã có"):
        followup.write_report(archive, followup.all_tasks(archive), path, fmt=fmt, today=DAY)


def test_report_states_use_the_due_soon_setting(archive, tmp_path: Path) -> None:
    """Báo cáo tiến độ giải ngân is due 31/12/2026, 36 days after DAY: due soon only with a 40-day window."""
    def states(path: Path) -> list[str]:
        followup.write_report(archive, followup.all_tasks(archive), path, fmt="csv", today=DAY)
        rows = list(csv.reader(path.read_bytes().decode("utf-8-sig").splitlines()))
        return [row[6] for row in rows[1:]]

    assert "Sắp đến hạn" not in states(tmp_path / "default.csv")
    archive.save_settings(archive.settings.with_value("due_soon_days", "40"))
    assert "Sắp đến hạn" in states(tmp_path / "wide.csv")


def _old_json(archive, day: date, **filters) -> str:
    """``tasks --json`` as it was printed before the row path: Task objects, task_json, json.dumps."""
    import json

    listed = followup.select(followup.all_tasks(archive), day, directory=archive.directory, **filters)
    return json.dumps([register.task_json(item.task, item.standing) for item in listed], ensure_ascii=False)


@pytest.mark.parametrize("filters", [{}, {"state": "open"}, {"state": "overdue"}, {"owner": "@kt"},
                                     {"owner": "ban dan"}, {"meeting": "zz"}, {"state": "done_on_time"}])
def test_json_from_rows_is_the_json_of_the_tasks(archive, filters) -> None:
    meeting_id = archive.resolve("last")
    store = archive.open_meeting(meeting_id)
    tasks = register.tasks_of(store.meeting)
    followup.update(store, tasks[1].id, functools.partial(register.mark_done, on=date(2026, 11, 20), note=""))
    followup.update(store, tasks[2].id, functools.partial(register.add_progress, on=date(2026, 11, 21),
                                                          text='Đã họp "tổ công tác"\tlần 1'))
    archive.close_meeting(store)
    for day in (DAY, date(2026, 11, 1), date(2027, 2, 1)):
        old = _old_json(archive, day, **filters)
        assert followup.select_json(archive, day, **filters).decode() == old
    assert '"status": "done"' in _old_json(archive, DAY) and "\\t" in _old_json(archive, DAY)


def test_an_older_or_damaged_side_file_is_rebuilt(archive) -> None:
    import json

    followup.all_tasks(archive)
    side = next((archive.root / "tasks").glob("*.json"))
    written = side.read_bytes()
    header, *lines = written.split(b"\n")
    keys, texts, (rows, owners) = lines[:4], lines[4:8], lines[8:]
    assert json.loads(header)["version"] == 4 and json.loads(header)["meeting"]["id"] == side.stem
    assert len(json.loads(rows)) == len(json.loads(owners)) == json.loads(header)["count"] == 4
    expected = _old_json(archive, DAY)

    def damaged(listing: list[bytes], rows: bytes = rows) -> bytes:
        return b"\n".join([header, *listing, rows, owners])

    # format 3: one JSON object, the tasks as rows
    side.write_text(json.dumps({"version": 3, "stamp": json.loads(header)["stamp"], "meeting": None, "tasks": []}))
    assert followup.select_json(archive, DAY).decode() == expected
    assert side.read_bytes() == written
    # a task's JSON changed on disk (its part's CRC no longer matches): rebuilt from the meeting, the same output
    side.write_bytes(damaged([*keys, *texts[:2], texts[2].replace(b"a", b"b", 1), texts[3]]))
    assert followup.select_json(archive, DAY).decode() == expected
    assert side.read_bytes() == written
    # so is a row, read by the tracker and `tasks`, and by `tasks --json --owner`
    first = json.loads(rows)[0]
    broken_row = json.dumps([[*first[:5], "not a date", *first[6:8], ["2026-99-99"]], *json.loads(rows)[1:]]).encode()
    side.write_bytes(damaged([*keys, *texts], broken_row))
    assert len(followup.all_tasks(archive)) == 4
    assert side.read_bytes() == written
    side.write_bytes(damaged([*keys, *texts], broken_row))
    assert followup.select_json(archive, DAY, owner="@kt").decode() == _old_json(archive, DAY, owner="@kt")
    assert side.read_bytes() == written
