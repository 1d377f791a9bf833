"""The stored notice through the services: versions beside the meeting, edits that
survive recompiles, conflicts instead of silent drops, the 'notes changed' flag."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.services.importing import import_notes
from minutes_tui.services.notices import (
    compile_and_store,
    current_notice,
    edit_paragraph,
    editable_paragraphs,
    is_stale,
    pending_conflicts,
    settle_conflict,
)
from minutes_tui.store import Archive, MeetingStore, StoreError
from minutes_tui.store.migrations import SCHEMA
from minutes_tui.store.notice_store import FINAL, KEEP_DRAFTS
from tests.notes import SAMPLE_SHAPED

TODAY = date(2027, 3, 10)


@pytest.fixture
def opened(tmp_path: Path):
    archive = Archive(tmp_path / "data").open()
    store = import_notes(archive, SAMPLE_SHAPED).store
    yield archive, store
    store.close()
    archive.close()


def task_line(store, text: str):
    return next(line for line in store.meeting.lines if line.text.startswith(text))


def test_versions_live_beside_the_meeting_file(opened) -> None:
    archive, store = opened
    assert current_notice(store) is None
    first = compile_and_store(store, archive.settings, TODAY).notice
    second = compile_and_store(store, archive.settings, TODAY).notice
    assert (first.version, second.version) == (1, 2)
    assert store.notices.numbers() == [1, 2]
    store.close()
    tables = json.loads(store.path.read_text(encoding="utf-8"))
    assert set(tables) == {"meta", "lines", "history"}  # no notice inside the meeting file
    reopened = archive.open_meeting(store.id)
    assert current_notice(reopened).body == second.body
    reopened.close()


def test_meeting_file_and_save_cost_do_not_grow_with_versions(opened) -> None:
    archive, store = opened
    archive.checkpoint(store)
    size = store.path.stat().st_size
    for _ in range(12):
        compile_and_store(store, archive.settings, TODAY)
    store.commit([edits.update(store.meeting.lines[-1].id, text="đổi một chữ")])
    archive.checkpoint(store)
    assert abs(store.path.stat().st_size - size) < 200
    version_files = sorted(store.notices.path.glob("v*.json"))
    assert len(version_files) == 12
    assert max(p.stat().st_size for p in version_files) < 3 * min(p.stat().st_size for p in version_files)


def test_old_drafts_are_pruned_issued_versions_kept(opened) -> None:
    archive, store = opened
    notice = compile_and_store(store, archive.settings, TODAY).notice
    store.notices.add(notice, status=FINAL, meta={"number": "05/TB-VP"})
    for _ in range(KEEP_DRAFTS + 3):
        compile_and_store(store, archive.settings, TODAY)
    numbers = store.notices.numbers()
    assert len(numbers) == KEEP_DRAFTS + 1  # the newest drafts and the issued version
    assert 2 in numbers and 1 not in numbers  # the issued version survives, the oldest draft does not
    assert store.notices.get(2).status == FINAL
    assert store.notices.get(2).meta == {"number": "05/TB-VP"}


def test_edit_survives_recompile_while_its_source_is_unchanged(opened) -> None:
    archive, store = opened
    compile_and_store(store, archive.settings, TODAY)
    line = task_line(store, "Xây dựng kế hoạch")
    edit_paragraph(store, f"line:{line.id}", "Ban Kinh tế - Xã hội xây dựng kế hoạch (đã sửa).")
    edit_paragraph(store, "intro", "Lời mở đầu viết lại.")
    other = task_line(store, "Tổng hợp ý kiến")
    store.commit([edits.update(other.id, text="Tổng hợp ý kiến cử tri (đổi nội dung)")])
    assert is_stale(store, archive.settings)
    recompiled = compile_and_store(store, archive.settings, TODAY)
    assert recompiled.conflicts == []
    assert recompiled.notice.block(f"line:{line.id}").text == "Ban Kinh tế - Xã hội xây dựng kế hoạch (đã sửa)."
    assert recompiled.notice.intro[0].text == "Lời mở đầu viết lại."
    assert "đổi nội dung" in recompiled.notice.block(f"line:{other.id}").text
    assert not is_stale(store, archive.settings)


def test_reading_the_notice_and_its_conflicts_leaves_the_stored_version_as_compiled(opened) -> None:
    """Without edits the stored version is read as it is (no copy); edits and the
    conflict check lay nothing over it."""
    archive, store = opened
    compiled = compile_and_store(store, archive.settings, TODAY).notice
    stored = store.notices.latest().notice
    assert current_notice(store) is stored and stored.to_dict() == compiled.to_dict()
    line = task_line(store, "Xây dựng kế hoạch")
    edit_paragraph(store, f"line:{line.id}", "Bản sửa tay.")
    assert current_notice(store).block(f"line:{line.id}").text == "Bản sửa tay."
    edit_paragraph(store, "intro", "Lời mở đầu viết lại.")  # stays valid: laid over each read
    store.commit([edits.update(line.id, deadline="30/04/2027")])
    compile_and_store(store, archive.settings, TODAY)
    newest = store.notices.latest().notice
    before = newest.to_dict()
    assert [c.key for c in pending_conflicts(store)] == [f"line:{line.id}"]
    assert current_notice(store).intro[0].text == "Lời mở đầu viết lại."
    assert newest.to_dict() == before and "viết lại" not in json.dumps(before, ensure_ascii=False)


def test_a_changed_source_makes_a_conflict_never_a_silent_drop(opened) -> None:
    archive, store = opened
    compile_and_store(store, archive.settings, TODAY)
    line = task_line(store, "Xây dựng kế hoạch")
    key = f"line:{line.id}"
    before = current_notice(store).block(key).text
    edit_paragraph(store, key, "Bản sửa tay.")
    store.commit([edits.update(line.id, deadline="30/04/2027")])
    recompiled = compile_and_store(store, archive.settings, TODAY)
    [conflict] = recompiled.conflicts
    assert (conflict.key, conflict.mine, conflict.before) == (key, "Bản sửa tay.", before)
    assert "30/04/2027" in conflict.now and "30/04/2027" in recompiled.notice.block(key).text
    # still there, every time, until she chooses
    assert [c.key for c in compile_and_store(store, archive.settings, TODAY).conflicts] == [key]
    assert [c.key for c in pending_conflicts(store)] == [key]
    settle_conflict(store, key, keep_mine=True)
    assert pending_conflicts(store) == []
    assert current_notice(store).block(key).text == "Bản sửa tay."
    assert compile_and_store(store, archive.settings, TODAY).notice.block(key).text == "Bản sửa tay."


def test_dropping_a_conflict_takes_the_new_text(opened) -> None:
    archive, store = opened
    compile_and_store(store, archive.settings, TODAY)
    line = task_line(store, "Xây dựng kế hoạch")
    key = f"line:{line.id}"
    edit_paragraph(store, key, "Bản sửa tay.")
    store.commit([edits.update(line.id, deadline="30/04/2027")])
    compile_and_store(store, archive.settings, TODAY)
    settle_conflict(store, key, keep_mine=False)
    assert pending_conflicts(store) == []
    assert "30/04/2027" in current_notice(store).block(key).text


def _conflict(store, settings):
    """A hand edit of the task paragraph, then its deadline changed in the notes."""
    compile_and_store(store, settings, TODAY)
    line = task_line(store, "Xây dựng kế hoạch")
    key = f"line:{line.id}"
    edit_paragraph(store, key, "Bản sửa tay.")
    store.commit([edits.update(line.id, deadline="30/04/2027")])
    compile_and_store(store, settings, TODAY)
    return line, key


def test_keeping_a_rewritten_text_merges_by_hand(opened) -> None:
    archive, store = opened
    _, key = _conflict(store, archive.settings)
    settle_conflict(store, key, keep_mine=True, text="Bản sửa tay,\nhạn 30/04/2027.")
    assert pending_conflicts(store) == []
    assert current_notice(store).block(key).text == "Bản sửa tay, hạn 30/04/2027."
    assert compile_and_store(store, archive.settings, TODAY).notice.block(key).text == "Bản sửa tay, hạn 30/04/2027."


def test_keeping_an_edit_whose_paragraph_is_gone_is_refused_not_dropped(opened) -> None:
    archive, store = opened
    line, key = _conflict(store, archive.settings)
    store.commit([edits.delete(line.id)])
    compile_and_store(store, archive.settings, TODAY)
    [conflict] = pending_conflicts(store)
    assert (conflict.key, conflict.mine, conflict.now) == (key, "Bản sửa tay.", "")
    with pytest.raises(StoreError, match="không còn tạo ra đoạn này"):
        settle_conflict(store, key, keep_mine=True)
    assert [c.mine for c in pending_conflicts(store)] == ["Bản sửa tay."]  # still hers to decide
    settle_conflict(store, key, keep_mine=False)
    assert pending_conflicts(store) == []


def test_the_editor_gets_the_text_without_its_bullet(opened) -> None:
    # "- - Công chức …": the printed "- " was saved as part of the text
    archive, store = opened
    notice = compile_and_store(store, archive.settings, TODAY).notice
    line = task_line(store, "Xây dựng kế hoạch")
    key = f"line:{line.id}"
    shown, editable = next((shown, text) for k, shown, text in editable_paragraphs(notice) if k == key)
    assert shown.startswith("- ") and not editable.startswith("-")
    edited = edit_paragraph(store, key, editable.replace("kế hoạch", "kế hoạch chi tiết"))
    assert edited.block(key).display.startswith("- ") and not edited.block(key).display.startswith("- -")


def test_settings_change_marks_the_notice_stale(opened) -> None:
    archive, store = opened
    compile_and_store(store, archive.settings, TODAY)
    assert not is_stale(store, archive.settings)
    assert is_stale(store, archive.settings.with_value("signer_name", "Người khác"))


def test_editing_before_compiling_is_a_clear_error(opened) -> None:
    _, store = opened
    with pytest.raises(StoreError, match="Chưa có thông báo"):
        edit_paragraph(store, "intro", "x")


def test_schema_1_notices_inside_the_meeting_file_move_beside_it(opened) -> None:
    archive, store = opened
    compiled = compile_and_store(store, archive.settings, TODAY).notice
    store.close()
    # rebuild the file as schema 1 wrote it: the notice tables inside, no notices folder
    tables = json.loads(store.path.read_text(encoding="utf-8"))
    tables["meta"]["1"]["schema"] = 1
    tables["notices"] = {"1": {"version": 1, "compiled_at": 1.0, "notice": compiled.to_dict()}}
    tables["notice_edits"] = {"1": {"key": "intro", "text": "Mở đầu cũ.", "source": compiled.intro[0].source}}
    for path in store.notices.path.iterdir():
        path.unlink()
    store.notices.path.rmdir()
    store.path.write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")

    readonly = MeetingStore.open(store.folder, store.id, readonly=True)
    assert current_notice(readonly).intro[0].text == "Mở đầu cũ."
    assert not store.notices.path.exists()  # a read-only open writes nothing

    writable = archive.open_meeting(store.id)
    assert current_notice(writable).intro[0].text == "Mở đầu cũ."
    writable.close()
    tables = json.loads(store.path.read_text(encoding="utf-8"))
    assert "notices" not in tables and tables["meta"]["1"]["schema"] == SCHEMA
    assert [p.name for p in sorted(store.notices.path.iterdir())] == ["edits.json", "v00001.json"]


def test_ui_settings_do_not_mark_the_notice_stale(opened) -> None:
    # Adding the tag_keys setting once made every stored notice "changed" after an upgrade.
    archive, store = opened
    compile_and_store(store, archive.settings, TODAY)
    for name, value in (("theme", "textual-light"), ("language", "en"), ("tag_keys", "alt"), ("pdf_a", "có")):
        assert not is_stale(store, archive.settings.with_value(name, value)), name
    assert is_stale(store, archive.settings.with_value("date_line", "trống"))
