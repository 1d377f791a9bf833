"""Damage and tampering from outside the app (issue #10, items 1, 3 and 6).

A bad record in the middle of a journal, data files that are links or not
regular files, a deleted ``.lock`` and a meeting file rewritten behind the
app's back: each gets a message naming the file and a safe outcome.
"""

from __future__ import annotations

import json
import os
import signal
import stat
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.core.model import Kind, Line
from minutes_tui.store import Archive, DataLocked, MeetingStore, StoreError


def _add(store: MeetingStore, text: str) -> None:
    store.commit([edits.insert(Line(Kind.NOTE, text), len(store.meeting.lines))])


def _killed(store: MeetingStore) -> None:
    """Leave the store as kill -9 would: nothing folded, files simply closed."""
    assert store._journal is not None
    store._journal.close()
    store._journal = None
    store._db = None


def _texts(store: MeetingStore) -> list[str]:
    return [line.text for line in store.meeting.lines]


# -- item 1: one bad record in the middle of a journal ------------------------------------
@pytest.mark.parametrize("damage", [
    lambda record: record.replace(b'"ops"', b'"op\xff"'),  # a flipped byte: not UTF-8/JSON
    lambda record: b'{"seq": "hai", "t": "do"}\n',  # parses, wrong shape
    lambda record: record.replace(b'"ops":[', b'"ops":7,"x":['),  # ops that are not a list
])
def test_bad_record_in_the_middle_is_reported_and_kept(tmp_path: Path, damage) -> None:
    folder = tmp_path / "meetings"
    folder.mkdir()
    store = MeetingStore.create(folder)
    for text in ("một", "hai", "ba"):
        _add(store, text)
    _killed(store)
    journal = folder / f"{store.id}.journal"
    records = journal.read_bytes().splitlines(keepends=True)
    assert len(records) == 3
    damaged = records[0] + damage(records[1]) + records[2]
    journal.write_bytes(damaged)

    reopened = MeetingStore.open(folder, store.id)
    assert _texts(reopened) == ["một", "ba"]  # the good records are replayed
    copies = [p for p in folder.iterdir() if p.name.startswith(f"{store.id}.journal.damaged-")]
    assert len(copies) == 1, "the damaged journal must be kept aside"
    assert copies[0].read_bytes() == damaged
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    assert any(journal.name in w and copies[0].name in w for w in reopened.warnings), reopened.warnings
    reopened.close()
    # The copy survives the checkpoint that empties the journal; a second open is quiet.
    again = MeetingStore.open(folder, store.id)
    assert _texts(again) == ["một", "ba"] and not again.warnings
    assert copies[0].exists()


def test_torn_tail_after_a_kill_is_not_damage(tmp_path: Path) -> None:
    folder = tmp_path / "meetings"
    folder.mkdir()
    store = MeetingStore.create(folder)
    _add(store, "một")
    _killed(store)
    with open(folder / f"{store.id}.journal", "ab") as handle:
        handle.write(b'{"seq":2,"t":"do","ops":[{"op":"ins')  # no newline: a torn append
    reopened = MeetingStore.open(folder, store.id)
    assert _texts(reopened) == ["một"] and not reopened.warnings
    assert not [p for p in folder.iterdir() if ".damaged-" in p.name]


# -- item 3: data files that are links, or not regular files --------------------------------
def _meeting(root: Path, *texts: str, fold: bool = True) -> str:
    with Archive(root) as archive:
        store = archive.create()
        for text in texts:
            _add(store, text)
        if fold:
            store.close()
        else:
            _killed(store)
        return store.id


def test_journal_symlink_never_touches_its_target(tmp_path: Path) -> None:
    root = tmp_path / "data"
    meeting_id = _meeting(root, "một", fold=False)
    journal = root / "meetings" / f"{meeting_id}.journal"
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"noi dung quan trong ben ngoai\n" * 10)
    before = outside.read_bytes()
    journal.unlink()
    journal.symlink_to(outside)
    with Archive(root) as archive:
        with pytest.raises(StoreError) as caught:
            archive.open_meeting(meeting_id)
        assert journal.name in str(caught.value)
        archive.list()  # the list survives it
    assert outside.read_bytes() == before, "the link's target was changed"
    assert journal.is_symlink()


@pytest.mark.parametrize("name", ["index.json", "settings.json"])
def test_archive_file_symlink_is_refused_by_name(tmp_path: Path, name: str) -> None:
    root = tmp_path / "data"
    meeting_id = _meeting(root, "một")
    outside = tmp_path / "outside.json"
    outside.write_text('{"office": {"1": {"signer_name": "Kẻ lạ"}}}', encoding="utf-8")
    before = outside.read_bytes()
    (root / name).unlink(missing_ok=True)
    (root / name).symlink_to(outside)
    with Archive(root) as archive:
        assert meeting_id in {s.id for s in archive.list()}
        assert archive.settings.signer_name != "Kẻ lạ", "settings were read through a link"
        assert any(name in w for w in archive.warnings), archive.warnings
        archive.save_settings(archive.settings.with_value("issuer", "UBND"))
        archive.checkpoint(archive.open_meeting(meeting_id))
    assert outside.read_bytes() == before


def test_meeting_file_that_is_a_link_to_a_directory(tmp_path: Path) -> None:
    root = tmp_path / "data"
    good = _meeting(root, "giữ nguyên")
    bad = _meeting(root, "bị tráo")
    path = root / "meetings" / f"{bad}.json"
    path.unlink()
    path.symlink_to(tmp_path)
    with Archive(root) as archive:
        listed = {s.id for s in archive.list()}
        assert good in listed
        assert any(path.name in w for w in archive.warnings), archive.warnings
        with pytest.raises(StoreError) as caught:
            archive.open_meeting(bad)
        assert path.name in str(caught.value)
        assert _texts(archive.open_meeting(good)) == ["giữ nguyên"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_journal_does_not_hang(tmp_path: Path) -> None:
    root = tmp_path / "data"
    meeting_id = _meeting(root, "một")
    journal = root / "meetings" / f"{meeting_id}.journal"
    journal.unlink()
    os.mkfifo(journal)

    def hung(*_: object) -> None:
        raise AssertionError("opening the meeting hung on a FIFO")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        with Archive(root) as archive:
            with pytest.raises(StoreError) as caught:
                archive.open_meeting(meeting_id)
            assert journal.name in str(caught.value)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_lock_owner_symlink_is_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "data"
    Archive(root).open().close()
    outside = tmp_path / "victim.txt"
    outside.write_text("do not truncate me", encoding="utf-8")
    owner = root / ".lock.owner"
    owner.unlink(missing_ok=True)
    owner.symlink_to(outside)
    Archive(root).open().close()
    assert outside.read_text(encoding="utf-8") == "do not truncate me"


# -- item 6: a deleted .lock, a meeting file changed behind the app's back -------------------
def test_deleting_the_lock_file_does_not_let_a_second_writer_in(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Archive(root):
        for leftover in root.glob(".lock*"):
            leftover.unlink()
        with pytest.raises(DataLocked):
            Archive(root).open()


def test_a_meeting_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    root = tmp_path / "data"
    meeting_id = _meeting(root, "một")
    with Archive(root) as archive:
        store = archive.open_meeting(meeting_id)
        _add(store, "hai")
        path = store.path
        other = json.loads(path.read_text(encoding="utf-8"))
        other["lines"]["9"] = {"kind": "note", "text": "của người khác", "pos": 9, "id": "x9"}
        path.write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
        written = path.read_bytes()
        with pytest.raises(StoreError) as caught:
            archive.checkpoint(store)
        assert path.name in str(caught.value)
        assert path.read_bytes() == written, "the other writer's file was overwritten"
        assert store.journal_path.stat().st_size > 0, "the journal must keep the line"


def test_a_meeting_file_deleted_behind_the_app_loses_nothing(tmp_path: Path) -> None:
    """Deleted while the app holds the meeting: the next checkpoint writes it again; deleted
    while nothing runs: the meeting is listed and recovered from .bak and the journals."""
    root = tmp_path / "data"
    meeting_id = _meeting(root, "một", "hai")
    with Archive(root) as archive:
        store = archive.open_meeting(meeting_id)
        _add(store, "ba")
        store.path.unlink()
        archive.checkpoint(store)
        assert store.path.exists()
        _add(store, "bốn")
        archive.close_meeting(store)
    (root / "meetings" / f"{meeting_id}.json").unlink()
    with Archive(root) as archive:
        assert meeting_id in {summary.id for summary in archive.list()}
        store = archive.open_meeting(meeting_id)
        assert _texts(store) == ["một", "hai", "ba", "bốn"]
        assert any("bak" in w for w in archive.take_warnings())
        archive.close_meeting(store)
    assert (root / "meetings" / f"{meeting_id}.json").exists()
