"""The benchmark archive generator writes exactly what the store would write."""

from __future__ import annotations

from pathlib import Path

from bench.archive_gen import generate
from minutes_tui.store import Archive
from minutes_tui.store.search import SearchIndex


def test_generated_files_are_what_the_store_writes(tmp_path: Path) -> None:
    facts = generate(tmp_path / "data", meetings=6, lines=600, owners=40, big=200)
    assert facts["lines"] == 600 and facts["owners"] == 40
    assert len(facts["journaled"]) == 3
    with Archive(tmp_path / "data") as archive:
        listed = archive.list()  # journaled meetings are read through their journal
        assert len(listed) == 6 and sum(s.lines for s in listed) == 600
        assert not archive.warnings
        for meeting_id in facts["ids"]:
            path = tmp_path / "data" / "meetings" / f"{meeting_id}.json"
            written = path.read_bytes()
            store = archive.open_meeting(meeting_id)
            if meeting_id in facts["journaled"]:
                assert store.journal_path.stat().st_size == 0  # replayed and checkpointed on open
                assert len(store.history.undo) == len(store.meeting.lines)
            else:
                store._checkpoint_seq = -1  # force a re-checkpoint through TinyDB
                assert store.checkpoint()
                assert path.read_bytes() == written, meeting_id
            store.close()
        assert len(archive.directory.owners) == 40


def test_generated_notices_are_read_by_the_services(tmp_path: Path) -> None:
    from minutes_tui.services.notices import current_notice, is_stale

    facts = generate(tmp_path / "data", meetings=8, lines=400, owners=40, big=100)
    with Archive(tmp_path / "data", readonly=True) as archive:
        store = archive.open_meeting(facts["ids"][0])
        assert store.notices.numbers() == [1, 2, 3]
        notice = current_notice(store)
        assert notice is not None and notice.intro[0].text.endswith("(sửa tay)")
        assert not is_stale(store, archive.settings)


def test_search_finds_accent_insensitively(tmp_path: Path) -> None:
    facts = generate(tmp_path / "data", meetings=4, lines=400, owners=40, big=100)
    index = SearchIndex(tmp_path / "data")
    folded = index.folded_lines()
    assert len(folded) == 400
    hits = index.search("GIAI PHONG MAT BANG")
    expected = sum("giai phong mat bang" in key for key in folded)
    assert expected and len(hits) == expected
    assert len(SearchIndex(tmp_path / "data").search("giải phóng mặt bằng")) == expected  # from the side file
    with Archive(tmp_path / "data") as archive:
        store = archive.open_meeting(facts["big"])
        from minutes_tui.core import edits
        from minutes_tui.core.model import Kind, Line

        store.commit([edits.insert(Line(Kind.TASK, "Xử lý điểm ngập úng", ["Phòng Quản lý đô thị"]), 0)])
        live_hits = index.search("ngap ung", live={store.id: store})
        assert [(h.meeting_id, h.index) for h in live_hits] == [(store.id, 0)]
        store.close()
    assert len(SearchIndex(tmp_path / "data").search("NGẬP ÚNG")) == 1  # after the fold, from disk
