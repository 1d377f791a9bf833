"""The per-meeting draft: the half-typed line, kept beside the meeting (item 5, store side)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.core.model import Kind, Line
from minutes_tui.store import MeetingStore, StoreError


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "meetings"
    path.mkdir()
    return path


def _line(store: MeetingStore, text: str, *, clears_draft: bool = False) -> None:
    store.commit([edits.insert(Line(Kind.NOTE, text), len(store.meeting.lines))], clears_draft=clears_draft)


def _killed(store: MeetingStore) -> None:
    assert store._journal is not None
    store._journal.close()
    store._journal = None
    store._db = None


def test_draft_survives_a_kill_and_is_private(folder: Path) -> None:
    store = MeetingStore.create(folder)
    store.save_draft("Chủ tịch yêu cầu")
    assert stat.S_IMODE(store.draft_path.stat().st_mode) == 0o600
    _killed(store)
    assert MeetingStore.open(folder, store.id).draft() == "Chủ tịch yêu cầu"
    assert MeetingStore.open(folder, store.id, readonly=True).draft() == "Chủ tịch yêu cầu"


def test_committing_the_draft_clears_it_even_after_a_kill(folder: Path) -> None:
    store = MeetingStore.create(folder)
    store.save_draft("Chủ tịch yêu cầu báo cáo")
    _line(store, "Chủ tịch yêu cầu báo cáo", clears_draft=True)
    assert store.draft() == ""
    assert store.draft_path.exists(), "clearing costs no file operation on the Enter path"
    _killed(store)  # the draft file is still there, the journal says it was committed
    reopened = MeetingStore.open(folder, store.id)
    assert reopened.draft() == "" and [line.text for line in reopened.meeting.lines] == ["Chủ tịch yêu cầu báo cáo"]
    reopened.close()  # checkpointed: the flag now lives in the meeting file
    assert MeetingStore.open(folder, store.id).draft() == ""


def test_a_draft_saved_after_the_commit_is_kept(folder: Path) -> None:
    store = MeetingStore.create(folder)
    store.save_draft("một")
    _line(store, "một", clears_draft=True)
    store.save_draft("hai đang gõ")
    store.close()
    assert MeetingStore.open(folder, store.id).draft() == "hai đang gõ"


def test_other_commits_keep_the_draft(folder: Path) -> None:
    """A change made in review while capture holds a half-typed line does not drop it."""
    store = MeetingStore.create(folder)
    store.save_draft("đang gõ dở")
    _line(store, "sửa ở màn hình rà soát")
    store.undo()
    store.close()
    assert MeetingStore.open(folder, store.id).draft() == "đang gõ dở"


def test_empty_draft_removes_the_file_and_same_text_writes_nothing(folder: Path, monkeypatch) -> None:
    store = MeetingStore.create(folder)
    store.save_draft("x")
    from minutes_tui.store import meeting_store

    writes = []
    real = meeting_store.atomic_write
    monkeypatch.setattr(meeting_store, "atomic_write", lambda *a, **k: writes.append(a) or real(*a, **k))
    store.save_draft("x")
    assert writes == [], "saving the same text again must cost nothing"
    store.save_draft("")
    assert not store.draft_path.exists() and store.draft() == ""


def test_draft_refused_on_a_read_only_store(folder: Path) -> None:
    store = MeetingStore.create(folder)
    store.close()
    with pytest.raises(StoreError):
        MeetingStore.open(folder, store.id, readonly=True).save_draft("x")


@pytest.mark.parametrize("content", [b"{", b"[]", b'{"text": 5, "seq": 0}', b'{"text": "x", "seq": "0"}', None])
def test_a_damaged_or_linked_draft_is_reported_not_raised(folder: Path, tmp_path: Path, content: bytes | None) -> None:
    store = MeetingStore.create(folder)
    store.close()
    if content is None:
        outside = tmp_path / "outside.json"
        outside.write_text('{"text": "from outside", "seq": 0}', encoding="utf-8")
        os.symlink(outside, store.draft_path)
    else:
        store.draft_path.write_bytes(content)
    reopened = MeetingStore.open(folder, store.id)
    assert reopened.draft() == ""
    assert any(store.draft_path.name in w for w in reopened.warnings), reopened.warnings
    reopened.save_draft("mới")  # a new draft replaces it (never written through a link)
    assert MeetingStore.open(folder, store.id).draft() == "mới"
    if content is None:
        assert outside.read_text(encoding="utf-8") == '{"text": "from outside", "seq": 0}'


def test_a_draft_of_several_long_lines_is_kept_whole(folder: Path) -> None:
    """What a paste left in the input (the rejected lines, item 2) is kept as it is."""
    store = MeetingStore.create(folder)
    text = "\n".join(f"/nosuch dòng {n} " + "x" * 5000 for n in range(40))
    store.save_draft(text)
    _killed(store)
    assert MeetingStore.open(folder, store.id).draft() == text
