"""The listing pack: ``tasks --json`` reads one file while it is up to date, the side
files where it is not, and never lists what the pack holds for a meeting changed since."""

from __future__ import annotations

import functools
import json
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core import tasks as register
from minutes_tui.services import followup
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive, task_pack
from minutes_tui.store.task_index import VERSION, TaskIndex

DAY = date(2026, 11, 25)
MEETINGS = 12


def notes(number: int) -> str:
    return (f"/date {number + 1:02d}/10/2026\n/body UBND xã Tân Hòa\n# Cuộc họp {number}\n"
            f"> Rà soát hồ sơ đợt {number} @Phòng Kinh tế ^{number + 5:02d}/11/2026\n"
            f"> Báo cáo kết quả đợt {number} @Văn phòng @Công an xã\n")


@pytest.fixture
def archive(tmp_path: Path):
    with Archive(tmp_path / "data") as opened:
        for number in range(MEETINGS):
            import_notes(opened, notes(number)).store.close()
        yield opened


def old_json(archive: Archive, day: date = DAY, **filters: str) -> str:
    listed = followup.select(followup.all_tasks(archive), day, directory=archive.directory, **filters)
    return json.dumps([register.task_json(item.task, item.standing) for item in listed], ensure_ascii=False)


def pack_of(archive: Archive) -> Path:
    return archive.root / "tasks" / task_pack.NAME


def test_a_listing_that_read_many_side_files_writes_the_pack_and_the_next_reads_it(archive, monkeypatch) -> None:
    expected = old_json(archive)
    assert not pack_of(archive).exists()  # the tracker's path (rows) does not write it
    assert followup.select_json(archive, DAY).decode() == expected
    assert len(task_pack.read(pack_of(archive), VERSION)) == MEETINGS

    def no_side_file(*args, **kwargs):
        raise AssertionError("a side file was read")
    monkeypatch.setattr(TaskIndex, "_read", no_side_file)
    assert followup.select_json(archive, DAY).decode() == expected


def test_a_meeting_changed_since_the_pack_is_read_from_its_side_file(archive) -> None:
    followup.select_json(archive, DAY)
    packed = pack_of(archive).read_bytes()
    meeting_id = archive.resolve("last")
    store = archive.open_meeting(meeting_id)
    task = register.tasks_of(store.meeting)[0]
    followup.update(store, task.id, functools.partial(register.mark_done, on=date(2026, 11, 20), note="Đã xong"))
    archive.close_meeting(store)
    listed = json.loads(followup.select_json(archive, DAY))
    assert next(item for item in listed if item["id"] == task.id)["status"] == "done"
    assert json.dumps(listed, ensure_ascii=False) == old_json(archive)
    assert pack_of(archive).read_bytes() == packed  # one meeting out of date is not worth a rewrite


def test_a_deleted_meeting_is_not_listed_from_the_pack(archive) -> None:
    followup.select_json(archive, DAY)
    gone = archive.resolve("last")
    archive.trash(gone)
    assert gone not in followup.select_json(archive, DAY).decode()
    assert followup.select_json(archive, DAY).decode() == old_json(archive)


@pytest.mark.parametrize("damage", ["crc", "truncated", "version", "garbage"])
def test_a_damaged_pack_is_not_used_and_is_rewritten(archive, damage: str) -> None:
    followup.select_json(archive, DAY)
    path = pack_of(archive)
    data = path.read_bytes()
    header, body = data.split(b"\n", 1)
    if damage == "crc":
        path.write_bytes(header + b"\n" + body.replace(b"Kinh", b"Kinx", 1))
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "version":
        path.write_bytes(header.replace(f'"version":{VERSION}'.encode(), b'"version":1') + b"\n" + body)
    else:
        path.write_bytes(b"\x00\xff not a pack")
    assert task_pack.read(path, VERSION) == {}
    assert followup.select_json(archive, DAY).decode() == old_json(archive)
    assert path.read_bytes() == data


def test_filters_and_past_days_read_rows_from_the_side_files(archive) -> None:
    meeting_id = archive.resolve("last")
    store = archive.open_meeting(meeting_id)
    task = register.tasks_of(store.meeting)[1]
    followup.update(store, task.id, functools.partial(register.add_progress, on=date(2026, 11, 21), text="Đang làm"))
    archive.close_meeting(store)
    followup.select_json(archive, DAY)  # writes the pack
    for day in (DAY, date(2026, 11, 1)):
        for filters in ({}, {"owner": "Công an"}, {"state": "overdue"}, {"meeting": meeting_id[:4]}):
            assert followup.select_json(archive, day, **filters).decode() == old_json(archive, day, **filters)


def test_a_read_only_archive_writes_no_pack(archive) -> None:
    with Archive(archive.root, readonly=True) as readonly:
        assert followup.select_json(readonly, DAY).decode() == old_json(archive)
    assert not pack_of(archive).exists()


@pytest.mark.parametrize(("unpacked", "meetings", "rewrite"), [
    (0, 500, False), (9, 100, False), (10, 100, True), (24, 500, False), (25, 500, True), (3, 3, False),
])
def test_when_the_pack_is_worth_rewriting(unpacked: int, meetings: int, rewrite: bool) -> None:
    assert task_pack.worth_rewriting(unpacked, meetings) is rewrite
