"""The completion index beside the archive: read once, kept in step, rebuilt when damaged."""

from __future__ import annotations

import json
from pathlib import Path

from minutes_tui.core.abbreviations import Abbreviations
from minutes_tui.core.carryover import Template
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.store.completion_index import INDEX_NAME, CompletionIndex
from minutes_tui.store.typing_prefs import (
    PREFS_NAME,
    TypingPrefs,
    load_prefs,
    save_prefs,
)


def archive_of(root: Path, *notes: str) -> list[str]:
    with Archive(root) as archive:
        return [import_notes(archive, text).store.id for text in notes]


def test_refresh_reads_changed_meetings_only_and_persists(tmp_path: Path) -> None:
    root = tmp_path / "data"
    first, second = archive_of(root, "/date 18/11/2026\n> Giao Văn phòng @vp ^30/11\n", "/body UBND phường\n+ Thu đạt 90%\n")
    index = CompletionIndex(root)
    entries = index.refresh()
    assert index.rebuilt == 2 and (root / INDEX_NAME).exists()
    assert entries[first].lines == [["task", "Giao Văn phòng", ["vp"], "30/11"]]
    assert entries[first].date == "2026-11-18" and entries[second].details["body"] == "UBND phường"
    # a new start reads the side file, not the meetings
    again = CompletionIndex(root)
    assert again.refresh().keys() == entries.keys() and again.rebuilt == 0
    # one meeting more: only it is read
    (third,) = archive_of(root, "= Thống nhất\n")
    assert len(again.refresh()) == 3 and again.rebuilt == 1
    # the meeting being typed is not read at all (it is learned from memory)
    fresh = CompletionIndex(root)
    (root / INDEX_NAME).unlink()
    assert set(fresh.refresh(skip=frozenset({third}))) == {first, second} and fresh.rebuilt == 2


def test_a_damaged_index_is_rebuilt_from_the_meetings(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (meeting,) = archive_of(root, "> Việc một\n")
    CompletionIndex(root).refresh()
    (root / INDEX_NAME).write_bytes(b'{"version": 1, "meetings": {"' + meeting.encode() + b'": {"stamp": ')
    index = CompletionIndex(root)
    assert index.refresh()[meeting].lines[0][1] == "Việc một" and index.rebuilt == 1
    json.loads((root / INDEX_NAME).read_bytes())  # written whole again
    (root / INDEX_NAME).write_text(json.dumps({"version": 1, "meetings": {meeting: {"stamp": "x"}}}))
    index = CompletionIndex(root)
    assert index.refresh()[meeting].lines[0][1] == "Việc một" and index.rebuilt == 1


def test_live_meetings_are_taken_from_memory(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (meeting,) = archive_of(root, "> Việc một\n")
    with Archive(root) as archive:
        store = archive.open_meeting(meeting)
        from minutes_tui.core.capture import append_ops
        from minutes_tui.core.model import Kind
        from minutes_tui.core.parser import ParsedLine

        store.commit(append_ops(store.meeting, ParsedLine(Kind.NOTE, "chưa vào tệp")))
        entries = CompletionIndex(root).refresh({meeting: store.meeting})
        assert [row[1] for row in entries[meeting].lines] == ["Việc một", "chưa vào tệp"]
        store.close()


def test_typing_prefs_round_trip_and_damage(tmp_path: Path) -> None:
    prefs = TypingPrefs(Abbreviations({"ubnd": "Ủy ban nhân dân"}), [Template("Giao ban", {"place": ["Hội trường"]})], False)
    save_prefs(tmp_path, prefs)
    loaded, warnings = load_prefs(tmp_path)
    assert loaded == prefs and warnings == []
    assert loaded.template("GIAO BAN") == prefs.templates[0]
    (tmp_path / PREFS_NAME).write_text("{broken", encoding="utf-8")
    loaded, warnings = load_prefs(tmp_path)
    assert loaded == TypingPrefs() and warnings and "hỏng" in warnings[0]
    assert not (tmp_path / PREFS_NAME).exists()  # set aside, so the next save starts a good file
    assert load_prefs(tmp_path) == (TypingPrefs(), [])
