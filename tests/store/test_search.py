"""Archive-wide search: folded matching, the side-file cache, live meetings."""

from __future__ import annotations

import json
from pathlib import Path

from minutes_tui.core import edits
from minutes_tui.core.model import Kind, Line
from minutes_tui.store import Archive
from minutes_tui.store.search import CACHE_NAME, SearchIndex


def _meeting(archive: Archive, texts: list[tuple[str, list[str]]]) -> str:
    store = archive.create()
    store.commit([edits.insert(Line(Kind.TASK, text, owners), i) for i, (text, owners) in enumerate(texts)])
    store.close()
    return store.id


def test_tone_placement_case_and_owners(tmp_path: Path) -> None:
    with Archive(tmp_path) as archive:
        a = _meeting(archive, [("Báo cáo Thị uỷ về hoà giải", []), ("Khác", ["Văn phòng Thị ủy"])])
        b = _meeting(archive, [("THỊ ỦY chỉ đạo", [])])
    index = SearchIndex(tmp_path)
    found = {(h.meeting_id, h.index) for h in index.search("thị ủy")}
    assert found == {(a, 0), (a, 1), (b, 0)}
    assert [(h.meeting_id, h.index) for h in index.search("hòa giải")] == [(a, 0)]
    assert index.search("   ") == []
    assert len(index.search("thi uy", limit=2)) == 2


def test_side_file_is_reused_and_invalidated(tmp_path: Path, monkeypatch) -> None:
    with Archive(tmp_path) as archive:
        meeting_id = _meeting(archive, [("Giải phóng mặt bằng", [])])
    SearchIndex(tmp_path).search("x")
    cache = json.loads((tmp_path / CACHE_NAME).read_text(encoding="utf-8"))
    assert cache["meetings"][meeting_id]["keys"] == ["giai phong mat bang"]
    # A new start reads the side file instead of opening the meeting.
    from minutes_tui.store import search as search_mod

    opened = []
    real_open = search_mod.MeetingStore.open
    monkeypatch.setattr(search_mod.MeetingStore, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    assert len(SearchIndex(tmp_path).search("mặt bằng")) == 1
    assert not opened
    # The meeting changes on disk: its entry is rebuilt.
    with Archive(tmp_path) as archive:
        store = archive.open_meeting(meeting_id)
        store.commit([edits.insert(Line(Kind.NOTE, "Mặt bằng sạch"), 1)])
        store.close()
    assert len(SearchIndex(tmp_path).search("mat bang")) == 2
    assert opened
    # A damaged side file is only a cache.
    (tmp_path / CACHE_NAME).write_bytes(b"{not json")
    assert len(SearchIndex(tmp_path).search("mat bang")) == 2


def test_archive_search_finds_a_deadline_as_review_does(tmp_path: Path) -> None:
    with Archive(tmp_path) as archive:
        store = archive.create()
        store.commit([edits.insert(Line(Kind.TASK, "Rà soát hồ sơ", ["Văn phòng"], "quý I/2027"), 0)])
        store.close()
    assert [h.meeting_id for h in SearchIndex(tmp_path).search("quy i/2027")] == [store.id]
