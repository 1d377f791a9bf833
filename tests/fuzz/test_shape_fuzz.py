"""Wrong-shape data files (issue #10, item 8): whatever a meeting file, a journal, the
index or the settings hold, the store answers with lines or a ``StoreError`` — never
another exception — every other meeting stays whole, and a second open is stable."""

from __future__ import annotations

import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core.compiler import compile_notice
from minutes_tui.i18n import LANGUAGES
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive, StoreError
from minutes_tui.store.schema import THEMES
from tests.fuzz.shapes import index_row, journal_record, meeting_tables, settings_tables

GOOD = ["Mở đầu", "Kết quả tốt", "Việc cần làm"]
NOTES = "# Mở đầu\n+ Kết quả tốt\n> Việc cần làm @Văn phòng ^31/12/2027\n"


@lru_cache(maxsize=1)
def _template() -> tuple[Path, str, str]:
    root = Path(tempfile.mkdtemp(prefix="shape-fuzz-")) / "data"
    with Archive(root) as archive:
        ids = []
        for _ in range(2):
            result = import_notes(archive, NOTES)
            archive.close_meeting(result.store)
            ids.append(result.store.id)
    return root, ids[0], ids[1]


def _copy() -> tuple[Path, str, str]:
    template, damaged, good = _template()
    root = Path(tempfile.mkdtemp(prefix="shape-case-")) / "data"
    shutil.copytree(template, root)
    return root, damaged, good


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "replace")


def _open_texts(root: Path, meeting_id: str) -> list[str] | None:
    """The meeting's lines through a writable archive (None when it is refused), and
    its notice compiles; anything but a StoreError fails the test."""
    with Archive(root) as archive:
        listed = {summary.id for summary in archive.list()}
        try:
            store = archive.open_meeting(meeting_id)
        except StoreError:
            return None
        assert meeting_id in listed
        compile_notice(store.meeting, archive.settings)
        texts = [line.text for line in store.meeting.lines]
        archive.close_meeting(store)
        return texts


def _check_good(root: Path, good: str) -> None:
    with Archive(root, readonly=True) as archive:
        assert [line.text for line in archive.open_meeting(good).meeting.lines] == GOOD


def _cleanup(root: Path) -> None:
    shutil.rmtree(root.parent, ignore_errors=True)


@given(st.data())
def test_meeting_file_of_any_shape(data) -> None:
    root, damaged, good = _copy()
    try:
        path = root / "meetings" / f"{damaged}.json"
        path.write_bytes(_dump(data.draw(meeting_tables(damaged))))
        first = _open_texts(root, damaged)
        second = _open_texts(root, damaged)
        assert first == second or first is None, "a second open must see what the repair left"
        _check_good(root, good)
    finally:
        _cleanup(root)


@given(st.lists(st.one_of(journal_record.map(_dump), st.binary(max_size=40)), max_size=6))
def test_journal_of_any_shape(records: list[bytes]) -> None:
    root, damaged, good = _copy()
    try:
        journal = root / "meetings" / f"{damaged}.journal"
        journal.write_bytes(b"\n".join(record.replace(b"\n", b" ") for record in records) + b"\n")
        first = _open_texts(root, damaged)
        assert first is not None
        assert _open_texts(root, damaged) == first
        _check_good(root, good)
    finally:
        _cleanup(root)


@given(st.one_of(st.dictionaries(st.text(max_size=3), index_row, max_size=4).map(lambda rows: {"meetings": rows}),
                 st.just({"meetings": []})))
def test_index_of_any_shape(index: Any) -> None:
    root, damaged, good = _copy()
    try:
        (root / "index.json").write_bytes(_dump(index))
        with Archive(root) as archive:
            listed = {summary.id: summary for summary in archive.list()}
        assert set(listed) == {damaged, good}
        assert listed[good].lines == len(GOOD) and listed[damaged].lines == len(GOOD)
    finally:
        _cleanup(root)


@given(settings_tables)
def test_settings_of_any_shape(tables: Any) -> None:
    root, _, good = _copy()
    try:
        (root / "settings.json").write_bytes(_dump(tables))
        with Archive(root) as archive:
            assert archive.settings.language in LANGUAGES and archive.settings.theme in THEMES
            assert all(isinstance(r, str) for r in archive.settings.recipients)
            store = archive.open_meeting(good)
            compile_notice(store.meeting, archive.settings)
            archive.save_settings(archive.settings.with_value("issuer", "UBND"))  # a good file again
            archive.close_meeting(store)
        with Archive(root) as archive:
            assert archive.settings.issuer == "UBND" and not archive.warnings
    finally:
        _cleanup(root)
