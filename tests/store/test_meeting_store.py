"""Durability and recovery of one meeting: journal, fold, replay, damage."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.core.model import Kind, Line
from minutes_tui.store import MeetingStore
from minutes_tui.store.errors import FutureSchema, WriteFailed
from minutes_tui.store.files import TEMP_SUFFIX
from minutes_tui.store.migrations import SCHEMA


def add(store: MeetingStore, text: str, kind: Kind = Kind.NOTE) -> Line:
    line = Line(kind, text)
    store.commit([edits.insert(line, len(store.meeting.lines))])
    return line


def texts(store: MeetingStore) -> list[str]:
    return [line.text for line in store.meeting.lines]


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    path = tmp_path / "meetings"
    path.mkdir()
    return path


def test_commit_is_in_the_journal_before_any_fold(directory: Path) -> None:
    store = MeetingStore.create(directory)
    add(store, "Dòng một – Thị uỷ")
    records = [json.loads(line) for line in store.journal_path.read_text(encoding="utf-8").splitlines()]
    assert records[-1]["ops"][0]["line"]["text"] == "Dòng một – Thị uỷ"
    # a second reader (as after a crash) sees it without any fold
    assert texts(MeetingStore.open(directory, store.id, readonly=True)) == ["Dòng một – Thị uỷ"]


def test_fold_writes_tinydb_file_and_empties_journal(directory: Path) -> None:
    store = MeetingStore.create(directory)
    for n in range(5):
        add(store, f"dòng {n}")
    assert store.checkpoint()
    assert store.journal_path.stat().st_size == 0
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["meta"]["1"]["seq"] == 5
    assert [row["text"] for row in sorted(data["lines"].values(), key=lambda r: r["pos"])] == [f"dòng {n}" for n in range(5)]
    assert "\\u" not in store.path.read_text(encoding="utf-8")  # stored as UTF-8, not escapes
    assert not store.checkpoint()  # nothing new


def test_crash_between_fold_and_journal_truncation_does_not_duplicate(directory: Path) -> None:
    store = MeetingStore.create(directory)
    add(store, "một")
    journal = store.journal_path.read_bytes()
    store.checkpoint()
    store.journal_path.write_bytes(journal)  # as if killed before the truncate
    reopened = MeetingStore.open(directory, store.id)
    assert texts(reopened) == ["một"]


def test_torn_tail_is_ignored_and_cut(directory: Path) -> None:
    store = MeetingStore.create(directory)
    add(store, "đầy đủ")
    with open(store.journal_path, "ab") as handle:
        handle.write(b'{"seq": 2, "t": "do", "ops": [{"op": "ins')
    reopened = MeetingStore.open(directory, store.id)
    assert texts(reopened) == ["đầy đủ"]
    add(reopened, "sau khi mở lại")
    assert texts(MeetingStore.open(directory, store.id, readonly=True)) == ["đầy đủ", "sau khi mở lại"]


def test_failed_write_leaves_meeting_and_journal_unchanged(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = MeetingStore.create(directory)
    add(store, "trước")
    size = store.journal_path.stat().st_size

    real_pwrite = os.pwrite

    def full_disk(fd: int, data: bytes, offset: int) -> int:
        real_pwrite(fd, bytes(data[: len(data) // 2]), offset)  # a torn partial write
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "pwrite", full_disk)
    with pytest.raises(WriteFailed, match="No space left"):
        add(store, "mất?")
    monkeypatch.undo()
    assert texts(store) == ["trước"]
    assert store.journal_path.stat().st_size == size
    add(store, "sau khi có chỗ")
    assert texts(MeetingStore.open(directory, store.id, readonly=True)) == ["trước", "sau khi có chỗ"]


def test_undo_redo_survive_a_restart(directory: Path) -> None:
    store = MeetingStore.create(directory)
    line = add(store, "việc", Kind.NOTE)
    store.commit([edits.update(line.id, kind=Kind.TASK)])
    store.undo()
    store.close()
    reopened = MeetingStore.open(directory, store.id)
    assert reopened.meeting.lines[0].kind is Kind.NOTE
    assert reopened.redo()
    assert reopened.meeting.lines[0].kind is Kind.TASK
    assert reopened.undo() and reopened.undo()
    assert texts(reopened) == []


def test_corrupt_database_file_is_set_aside_and_recovered(directory: Path) -> None:
    store = MeetingStore.create(directory)
    add(store, "một")
    store.checkpoint()  # .bak now holds the first version, the file the second
    add(store, "hai")
    store.close()
    store.path.write_bytes(b'{"meta": {"1": {"schema": 1, "se')  # damaged by something outside
    reopened = MeetingStore.open(directory, store.id)
    aside = [p for p in directory.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b'{"meta"')
    assert reopened.warnings and str(store.path) in reopened.warnings[0]
    # the backup had "một"; "hai" was folded into the damaged file and is lost with it,
    # which is why damage is reported by name and the damaged bytes are kept.
    assert texts(reopened)[:1] == ["một"]


def test_future_schema_is_refused_and_left_untouched(directory: Path) -> None:
    store = MeetingStore.create(directory)
    store.close()
    data = json.loads(store.path.read_text(encoding="utf-8"))
    data["meta"]["1"]["schema"] = 99
    store.path.write_text(json.dumps(data), encoding="utf-8")
    before = store.path.read_bytes()
    with pytest.raises(FutureSchema, match="mới hơn"):
        MeetingStore.open(directory, store.id)
    assert store.path.read_bytes() == before


def test_version_0_file_is_migrated(directory: Path) -> None:
    store = MeetingStore.create(directory)
    add(store, "cũ")
    store.close()
    data = json.loads(store.path.read_text(encoding="utf-8"))
    del data["meta"]["1"]["schema"]
    del data["history"]
    store.path.write_text(json.dumps(data), encoding="utf-8")
    reopened = MeetingStore.open(directory, store.id)
    assert texts(reopened) == ["cũ"]
    assert json.loads(store.path.read_text(encoding="utf-8"))["meta"]["1"]["schema"] == SCHEMA


def test_files_are_private(directory: Path) -> None:
    store = MeetingStore.create(directory)
    add(store, "riêng tư")
    store.close()
    for path in (store.path, store.journal_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_orphan_temp_files_do_not_break_opening(directory: Path) -> None:
    store = MeetingStore.create(directory)
    add(store, "x")
    store.close()
    (directory / f"{store.id}.json.123{TEMP_SUFFIX}").write_bytes(b"{half")
    assert texts(MeetingStore.open(directory, store.id)) == ["x"]


@pytest.mark.parametrize("step", ["undo", "redo"])
def test_failed_undo_or_redo_leaves_meeting_and_history_in_step(
    directory: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    # The rollback once restored the meeting but kept the history it had already
    # changed; the next redo then inserted a line id that was still there.
    store = MeetingStore.create(directory)
    first = add(store, "một")
    add(store, "hai")
    if step == "redo":
        store.undo()
    lines_before = [line.to_dict() for line in store.meeting.lines]
    history_before = json.loads(json.dumps(store.history.to_dict()))

    def full_disk(fd: int, data: bytes, offset: int) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "pwrite", full_disk)
    with pytest.raises(WriteFailed):
        getattr(store, step)()
    monkeypatch.undo()
    assert [line.to_dict() for line in store.meeting.lines] == lines_before
    assert store.history.to_dict() == history_before
    # and the stacks still work: each id appears once, as on disk
    if step == "redo":
        assert store.redo()
    else:
        assert store.undo() and store.redo()
    ids = [line.id for line in store.meeting.lines]
    assert len(ids) == len(set(ids)) == 2 and ids[0] == first.id
    assert texts(MeetingStore.open(directory, store.id, readonly=True)) == ["một", "hai"]
