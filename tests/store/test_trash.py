"""Deleting a meeting to the trash, restoring it, archiving it: every file moves together."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.core.model import Kind, Line
from minutes_tui.services.importing import import_notes
from minutes_tui.services.notices import compile_and_store
from minutes_tui.store import Archive, StoreError
from minutes_tui.store import trash as trash_module
from minutes_tui.store.trash import MANIFEST, MOVING, RESTORING

NOTES = "/date 12/03/2027\n/kind Họp giao ban\n# Công việc\n> Rà soát hồ sơ @Văn phòng ^31/03/2027\n"


def _files(root: Path) -> set[str]:
    """Every file under ``root`` by relative path (the lock files aside)."""
    return {str(path.relative_to(root)) for path in root.rglob("*")
            if path.is_file() and not path.name.startswith(".lock")}


def _meeting_with_everything(archive: Archive) -> str:
    """A meeting with a database file and backup, a journal, a draft, notices and a task side file."""
    store = import_notes(archive, NOTES).store
    compile_and_store(store, archive.settings, date(2027, 3, 12))
    store.commit([edits.insert(Line(Kind.FINDING, "một kết quả"), len(store.meeting.lines))])
    store.save_draft("đang gõ dở")
    meeting_id = store.id
    store.close()  # checkpoint: .json, .json.bak, journal rotated
    store = archive.open_meeting(meeting_id)
    store.commit([edits.insert(Line(Kind.NOTE, "chưa vào tệp"), len(store.meeting.lines))])  # in the journal
    store._journal.close()  # as after a kill: the journal holds a line the file does not
    store._journal = None
    return meeting_id


def test_delete_moves_every_file_and_restore_brings_them_back(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Archive(root) as archive:
        other = import_notes(archive, "+ cuộc họp khác\n").store
        other.close()
        meeting_id = _meeting_with_everything(archive)
        before = _files(root)
        mine = {name for name in before if meeting_id in name}
        assert {f"meetings/{meeting_id}.json", f"meetings/{meeting_id}.journal", f"meetings/{meeting_id}.draft",
                f"tasks/{meeting_id}.json"} <= mine
        assert any(name.startswith(f"meetings/{meeting_id}.notices/") for name in mine)
        assert {s.id for s in archive.list()} == {meeting_id, other.id}

        archive.trash(meeting_id)
        after = _files(root)
        assert not {name for name in after if name.startswith(("meetings/", "tasks/")) and meeting_id in name}
        assert {f"trash/{meeting_id}/{name}" for name in mine} <= after
        assert [s.id for s in archive.list()] == [other.id]
        assert [entry.id for entry in archive.trashed()] == [meeting_id]
        assert archive.trashed()[0].title.startswith("Họp giao ban")
        assert meeting_id not in {task.meeting for task in archive.tasks.tasks()}
        with pytest.raises(StoreError):
            archive.resolve(meeting_id)
        index = json.loads((root / "index.json").read_text(encoding="utf-8"))
        assert meeting_id not in json.dumps(index)

        archive.restore(meeting_id)
        assert _files(root) - {"index.json", "search-cache.json"} == before - {"index.json", "search-cache.json"}
        assert not (root / "trash" / meeting_id).exists()
        assert archive.trashed() == []
        store = archive.open_meeting(meeting_id)
        assert [line.text for line in store.meeting.lines][-1] == "chưa vào tệp"  # the journal came along
        assert store.draft() == "đang gõ dở"
        assert store.notices.numbers() == [1]
        store.close()
        assert meeting_id in {task.meeting for task in archive.tasks.tasks()}


def test_the_trash_is_private(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Archive(root) as archive:
        meeting_id = _meeting_with_everything(archive)
        archive.trash(meeting_id)
    for path in (root / "trash").rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
    assert stat.S_IMODE((root / "trash").stat().st_mode) == 0o700


@pytest.mark.parametrize("moved", [0, 1, 3])
def test_a_delete_stopped_halfway_is_finished_at_the_next_opening(tmp_path: Path, monkeypatch, moved: int) -> None:
    """A kill after ``moved`` renames: the next opening finishes the move, and the meeting
    is wholly in the trash (never half listed, never without its journal)."""
    root = tmp_path / "data"
    with Archive(root) as archive:
        meeting_id = _meeting_with_everything(archive)
        before = {name for name in _files(root) if meeting_id in name}
        real_replace = os.replace
        calls = {"n": 0}

        def killed_after(source, target):
            if str(target).startswith(str(root / "trash")) and not str(target).endswith(MANIFEST):
                if calls["n"] >= moved:
                    raise KeyboardInterrupt("kill")
                calls["n"] += 1
            return real_replace(source, target)

        monkeypatch.setattr(trash_module.os, "replace", killed_after)
        with pytest.raises(KeyboardInterrupt):
            archive.trash(meeting_id)
        monkeypatch.setattr(trash_module.os, "replace", real_replace)
        manifest = json.loads((root / "trash" / meeting_id / MANIFEST).read_text(encoding="utf-8"))
        assert manifest["state"] == MOVING
        if moved:  # the database file went first: the meeting is no longer listed
            assert not (root / "meetings" / f"{meeting_id}.json").exists()
    with Archive(root) as archive:
        assert [entry.id for entry in archive.trashed()] == [meeting_id]
        assert archive.list() == []
        assert {name.split("/", 2)[2] for name in _files(root) if name.startswith("trash/") and meeting_id in name
                and not name.endswith(MANIFEST)} == before
        archive.restore(meeting_id)
        assert [line.text for line in archive.open_meeting(meeting_id).meeting.lines][-1] == "chưa vào tệp"


def test_a_restore_stopped_halfway_is_finished_at_the_next_opening(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "data"
    with Archive(root) as archive:
        meeting_id = _meeting_with_everything(archive)
        archive.trash(meeting_id)
        real_replace = os.replace
        calls = {"n": 0}

        def killed_after_two(source, target):
            if str(source).startswith(str(root / "trash")) and not str(target).endswith(MANIFEST):
                if calls["n"] >= 2:
                    raise KeyboardInterrupt("kill")
                calls["n"] += 1
            return real_replace(source, target)

        monkeypatch.setattr(trash_module.os, "replace", killed_after_two)
        with pytest.raises(KeyboardInterrupt):
            archive.restore(meeting_id)
        monkeypatch.setattr(trash_module.os, "replace", real_replace)
        assert json.loads((root / "trash" / meeting_id / MANIFEST).read_text(encoding="utf-8"))["state"] == RESTORING
        # the database file comes back last: not listed until everything else is there
        assert not (root / "meetings" / f"{meeting_id}.json").exists()
    with Archive(root) as archive:
        assert [s.id for s in archive.list()] == [meeting_id]
        assert not (root / "trash" / meeting_id).exists()
        store = archive.open_meeting(meeting_id)
        assert store.draft() == "đang gõ dở" and store.meeting.lines[-1].text == "chưa vào tệp"


def test_archived_meetings_are_hidden_from_the_list_until_unarchived(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Archive(root) as archive:
        kept = import_notes(archive, "+ giữ lại\n").store
        hidden = import_notes(archive, "+ lưu trữ\n").store
        kept.close()
        hidden.close()
        archive.set_archived(hidden.id, True)
        assert [s.id for s in archive.list()] == [kept.id]
        assert {s.id for s in archive.list(include_archived=True)} == {kept.id, hidden.id}
        assert set(archive.archived()) == {hidden.id}
        assert archive.resolve(hidden.id) == hidden.id  # still openable by id
    assert stat.S_IMODE((root / "archived.json").stat().st_mode) == 0o600
    with Archive(root) as archive:  # remembered
        assert [s.id for s in archive.list()] == [kept.id]
        archive.set_archived(hidden.id, False)
        assert {s.id for s in archive.list()} == {kept.id, hidden.id}


def test_a_damaged_archived_file_hides_nothing(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Archive(root) as archive:
        store = import_notes(archive, "+ một\n").store
        store.close()
        (root / "archived.json").write_text("{không phải json", encoding="utf-8")
        assert [s.id for s in archive.list()] == [store.id]


def test_restore_refuses_what_is_not_in_the_trash(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        with pytest.raises(StoreError):
            archive.restore("abcdef123456")
        with pytest.raises(StoreError):
            archive.trash("abcdef123456")


def test_a_readonly_archive_deletes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Archive(root) as archive:
        store = import_notes(archive, "+ một\n").store
        store.close()
    with Archive(root, readonly=True) as reader:
        with pytest.raises(StoreError):
            reader.trash(store.id)
        with pytest.raises(StoreError):
            reader.set_archived(store.id, True)


def test_delete_for_good_removes_every_file_and_a_cut_short_removal_is_finished(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "data"
    with Archive(root) as archive:
        meeting_id = _meeting_with_everything(archive)
        archive.trash(meeting_id)
        with pytest.raises(StoreError):
            archive.purge("nosuch")
        real_rmtree = trash_module.shutil.rmtree
        monkeypatch.setattr(trash_module.shutil, "rmtree", lambda *a, **k: (_ for _ in ()).throw(OSError(5, "killed")))
        with pytest.raises(StoreError):
            archive.purge(meeting_id)  # renamed, then the removal fails: as if killed there
        monkeypatch.setattr(trash_module.shutil, "rmtree", real_rmtree)
        assert archive.trashed() == []  # already gone from the trash's list
    with Archive(root) as archive:  # the next opening finishes the removal
        assert archive.trashed() == [] and archive.list() == []
    assert not any((root / "trash").iterdir())
    assert meeting_id not in " ".join(_files(root))
