"""The stored notice: versions, edits that survive recompiles, the 'notes changed' flag."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.store import Archive, StoreError
from minutes_tui.store.notices import (
    compile_and_store,
    edit_paragraph,
    latest_notice,
    notes_changed_since_compile,
    versions,
)
from minutes_tui.importer import import_notes
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


def test_compile_stores_versions_in_the_meeting_file(opened) -> None:
    archive, store = opened
    assert latest_notice(store) is None
    first, _ = compile_and_store(store, archive.settings, TODAY)
    second, _ = compile_and_store(store, archive.settings, TODAY)
    assert (first.version, second.version) == (1, 2)
    assert [v for v, _ in versions(store)] == [1, 2]
    store.close()
    reopened = archive.open_meeting(store.id)
    assert latest_notice(reopened).body == second.body


def test_edit_survives_recompile_while_its_source_is_unchanged(opened) -> None:
    archive, store = opened
    notice, _ = compile_and_store(store, archive.settings, TODAY)
    line = task_line(store, "Xây dựng kế hoạch")
    edit_paragraph(store, f"line:{line.id}", "Ban Kinh tế - Xã hội xây dựng kế hoạch (đã sửa).")
    edit_paragraph(store, "intro", "Lời mở đầu viết lại.")
    other = task_line(store, "Tổng hợp ý kiến")
    store.commit([edits.update(other.id, text="Tổng hợp ý kiến cử tri (đổi nội dung)")])
    assert notes_changed_since_compile(store, archive.settings)
    recompiled, dropped = compile_and_store(store, archive.settings, TODAY)
    assert dropped == []
    assert recompiled.block(f"line:{line.id}").text == "Ban Kinh tế - Xã hội xây dựng kế hoạch (đã sửa)."
    assert recompiled.intro[0].text == "Lời mở đầu viết lại."
    assert "đổi nội dung" in recompiled.block(f"line:{other.id}").text
    assert not notes_changed_since_compile(store, archive.settings)


def test_edit_is_dropped_and_reported_when_its_source_changes(opened) -> None:
    archive, store = opened
    compile_and_store(store, archive.settings, TODAY)
    line = task_line(store, "Xây dựng kế hoạch")
    key = f"line:{line.id}"
    edit_paragraph(store, key, "Bản sửa tay.")
    store.commit([edits.update(line.id, deadline="30/04/2027")])
    recompiled, dropped = compile_and_store(store, archive.settings, TODAY)
    assert dropped == [key]
    assert "30/04/2027" in recompiled.block(key).text
    # dropped for good: the next compile does not report it again
    assert compile_and_store(store, archive.settings, TODAY)[1] == []


def test_settings_change_marks_the_notice_stale(opened) -> None:
    archive, store = opened
    compile_and_store(store, archive.settings, TODAY)
    assert not notes_changed_since_compile(store, archive.settings)
    assert notes_changed_since_compile(store, archive.settings.with_value("signer_name", "Người khác"))


def test_editing_before_compiling_is_a_clear_error(opened) -> None:
    _, store = opened
    with pytest.raises(StoreError, match="Chưa có thông báo"):
        edit_paragraph(store, "intro", "x")
