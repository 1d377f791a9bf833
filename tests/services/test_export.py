"""Export names and places: what a secretary finds, and what an e-office accepts."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core import edits
from minutes_tui.core.model import Meeting, MeetingDetails
from minutes_tui.locations import EXPORTS_ENV, exports_dir
from minutes_tui.render.docx_reader import read_signed
from minutes_tui.services.export import (
    MAX_NAME,
    ExportExists,
    PendingConflicts,
    default_filename,
    export_meeting,
    numbered_name,
    numbered_target,
    same_document,
)
from minutes_tui.services.importing import import_notes
from minutes_tui.services.notices import (
    compile_and_store,
    edit_paragraph,
    settle_conflict,
)
from minutes_tui.store import Archive
from tests.notes import SAMPLE_SHAPED


@pytest.mark.parametrize("kind, record, expected", [
    ("Phiên họp thường kỳ tháng 11 năm 2026 của Thường trực HĐND phường", False,
     "2026-11-18 TB ket luan - Phien hop thuong ky.docx"),
    ("Giao ban tuần", True, "2026-11-18 Bien ban - Giao ban tuan.docx"),
    ("", False, "2026-11-18 TB ket luan.docx"),
    ("Họp Đảng ủy: “kế hoạch”/2027?", False, "2026-11-18 TB ket luan - Hop Dang uy ke hoach.docx"),
])
def test_file_names_read_well_in_50_ascii_characters(kind: str, record: bool, expected: str) -> None:
    assert default_filename(Meeting(details=MeetingDetails(date="2026-11-18", kind=kind)), record=record) == expected


@given(st.text(max_size=200), st.booleans())
def test_every_file_name_is_short_plain_ascii(title: str, record: bool) -> None:
    name = default_filename(Meeting(details=MeetingDetails(date="2027-01-05", title=title)), record=record)
    assert len(name) <= MAX_NAME and name.isascii() and name.endswith(".docx")
    assert re.fullmatch(r"[A-Za-z0-9 ._()-]+", name)


def test_exports_go_to_the_setting_then_the_environment_then_documents(monkeypatch, tmp_path: Path) -> None:
    assert exports_dir(str(tmp_path / "chosen")) == tmp_path / "chosen"
    monkeypatch.setenv(EXPORTS_ENV, str(tmp_path / "env"))
    assert exports_dir("") == tmp_path / "env"
    monkeypatch.delenv(EXPORTS_ENV)
    assert exports_dir("").parent.name in ("Documents", "Tài liệu") or exports_dir("").name == "minutes-tui"


def test_the_date_line_is_the_export_day_or_the_one_given(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        store = import_notes(archive, SAMPLE_SHAPED).store  # meeting of 09/03/2027
        given_day = export_meeting(store, archive.settings, tmp_path / "a.docx", folder=tmp_path,
                                   issued=date(2027, 3, 12)).files[0]
        assert read_signed(given_day).issued == date(2027, 3, 12)
        early = export_meeting(store, archive.settings, tmp_path / "b.docx", folder=tmp_path,
                               issued=date(2027, 3, 1)).files[0]
        assert read_signed(early).issued == date(2027, 3, 9)  # never before the meeting
        blank = archive.settings.with_value("date_line", "trống")
        left_blank = export_meeting(store, blank, tmp_path / "c.docx", folder=tmp_path).files[0]
        assert read_signed(left_blank).issued is None
        store.close()


# -- a second export: numbered copies, the same document, hand edits waiting ------------------

LONG = "2026-11-18 TB ket luan - Phien hop thuong ky.docx"  # 49 characters, as default_filename made it


@pytest.mark.parametrize("name, number, expected", [
    ("2026-11-18 TB ket luan - Giao ban tuan.docx", 2, "2026-11-18 TB ket luan - Giao ban tuan (2).docx"),
    ("2026-11-18 TB ket luan.docx", 3, "2026-11-18 TB ket luan (3).docx"),
    # the title gives way, at a word, never the date or the kind
    (LONG, 2, "2026-11-18 TB ket luan - Phien hop thuong (2).docx"),
    (LONG, 12, "2026-11-18 TB ket luan - Phien hop (12).docx"),
    ("2026-11-18 Bien ban - Hop ve ke hoach dau tu cong.docx", 10, "2026-11-18 Bien ban - Hop ve ke hoach (10).docx"),
    # a number already there is replaced, not doubled
    ("2026-11-18 TB ket luan - Giao ban tuan (2).docx", 3, "2026-11-18 TB ket luan - Giao ban tuan (3).docx"),
    # a title too short to keep after cutting is left out
    ("2026-11-18 TB ket luan - Abcdefghijklmnopqrstuvwxyz.docx", 100, "2026-11-18 TB ket luan - Abcdefghijklmn (100).docx"),
    ("2026-11-18 TB ket luan - Abcdefghijklmnopqrstuvwxyz.docx", 10**15, "2026-11-18 TB ket luan (1000000000000000).docx"),
])
def test_numbered_names_keep_date_and_kind_within_50(name: str, number: int, expected: str) -> None:
    assert numbered_name(name, number) == expected
    assert len(expected) <= MAX_NAME


@given(st.text(max_size=200), st.booleans(), st.integers(min_value=2, max_value=9999))
def test_every_numbered_name_is_short_plain_ascii_and_keeps_date_and_kind(title: str, record: bool, number: int) -> None:
    name = default_filename(Meeting(details=MeetingDetails(date="2027-01-05", title=title)), record=record)
    numbered = numbered_name(name, number)
    assert len(numbered) <= MAX_NAME and numbered.isascii() and numbered.endswith(f" ({number}).docx")
    assert numbered.startswith("2027-01-05 Bien ban" if record else "2027-01-05 TB ket luan")


@pytest.mark.parametrize("present, pdf, expected", [
    ([], False, "a (2).docx"),
    (["a (2).docx"], False, "a (3).docx"),
    (["a (2).docx", "a (3).docx", "a (5).docx"], False, "a (4).docx"),
    (["a (2).pdf"], False, "a (2).docx"),  # a lone PDF is not in the way of a .docx
    (["a (2).pdf"], True, "a (3).docx"),  # … but it is of the pair
])
def test_numbered_target_is_the_next_free_one(tmp_path: Path, present: list[str], pdf: bool, expected: str) -> None:
    for name in present:
        (tmp_path / name).write_bytes(b"")
    assert numbered_target(tmp_path / "a.docx", pdf=pdf) == tmp_path / expected


@pytest.fixture
def fake_pdf(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """LibreOffice stands aside: the "PDF" is the .docx's bytes (the tests are about names)."""
    from minutes_tui.render import pdf

    converted: list[Path] = []

    def to_pdf(docx_path: Path, *, pdf_a: bool = False) -> Path:
        converted.append(docx_path)
        target = docx_path.with_suffix(".pdf")
        target.write_bytes(docx_path.read_bytes())
        return target

    monkeypatch.setattr(pdf, "to_pdf", to_pdf)
    return converted


def test_a_second_export_is_refused_unless_forced_as_the_cli_says(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        store = import_notes(archive, SAMPLE_SHAPED).store
        [first] = export_meeting(store, archive.settings, None, folder=tmp_path).files
        with pytest.raises(ExportExists, match="--force") as refused:
            export_meeting(store, archive.settings, None, folder=tmp_path)
        assert refused.value.paths == [first]
        assert export_meeting(store, archive.settings, None, folder=tmp_path, force=True).files == [first]
        store.close()


def test_a_pdf_after_the_same_docx_just_works(tmp_path: Path, fake_pdf: list[Path]) -> None:
    with Archive(tmp_path / "data") as archive:
        store = import_notes(archive, SAMPLE_SHAPED).store
        [docx] = export_meeting(store, archive.settings, None, folder=tmp_path).files
        # the CLI keeps its rule: the .docx is there, --force or nothing
        with pytest.raises(ExportExists):
            export_meeting(store, archive.settings, None, folder=tmp_path, pdf=True)
        files = export_meeting(store, archive.settings, None, folder=tmp_path, pdf=True, reuse_same_docx=True).files
        assert files == [docx, docx.with_suffix(".pdf")] and fake_pdf == [docx]
        # both there now: asked about again
        with pytest.raises(ExportExists) as refused:
            export_meeting(store, archive.settings, None, folder=tmp_path, pdf=True, reuse_same_docx=True)
        assert refused.value.paths == files
        store.close()


def test_a_pdf_is_not_made_over_a_docx_that_differs(tmp_path: Path, fake_pdf: list[Path]) -> None:
    with Archive(tmp_path / "data") as archive:
        store = import_notes(archive, SAMPLE_SHAPED).store
        [docx] = export_meeting(store, archive.settings, None, folder=tmp_path).files
        store.commit([edits.update(store.meeting.lines[-1].id, text="Một câu khác hẳn")])  # the notes changed
        before = docx.read_bytes()
        with pytest.raises(ExportExists) as refused:
            export_meeting(store, archive.settings, None, folder=tmp_path, pdf=True, reuse_same_docx=True)
        assert refused.value.paths == [docx]
        assert docx.read_bytes() == before and not docx.with_suffix(".pdf").exists() and fake_pdf == []
        assert [path.name for path in tmp_path.iterdir() if "partial" in path.name] == []
        store.close()


def test_the_same_document_ignores_save_dates_only(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        store = import_notes(archive, SAMPLE_SHAPED).store
        day = date(2027, 3, 12)
        one = export_meeting(store, archive.settings, tmp_path / "one.docx", folder=tmp_path, issued=day).files[0]
        two = export_meeting(store, archive.settings, tmp_path / "two.docx", folder=tmp_path, issued=day).files[0]
        other = export_meeting(store, archive.settings, tmp_path / "other.docx", folder=tmp_path,
                               issued=date(2027, 3, 13)).files[0]
        assert same_document(one, two)
        assert not same_document(one, other)  # the date line differs
        (tmp_path / "broken.docx").write_bytes(b"not a zip")
        assert not same_document(one, tmp_path / "broken.docx")
        store.close()


def test_pending_hand_edits_stop_the_apps_export_not_the_clis(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        store = import_notes(archive, SAMPLE_SHAPED).store
        compile_and_store(store, archive.settings)
        line = next(line for line in store.meeting.lines if line.text.startswith("Xây dựng kế hoạch"))
        key = f"line:{line.id}"
        edit_paragraph(store, key, "Bản sửa tay.")
        store.commit([edits.update(line.id, deadline="30/04/2027")])
        with pytest.raises(PendingConflicts) as refused:
            export_meeting(store, archive.settings, None, folder=tmp_path, refuse_conflicts=True)
        assert [conflict.key for conflict in refused.value.conflicts] == [key]
        assert list(tmp_path.glob("*.docx")) == [] and list(tmp_path.glob(".*")) == []
        exported = export_meeting(store, archive.settings, None, folder=tmp_path)  # the CLI: written, and warned
        assert [conflict.key for conflict in exported.conflicts] == [key]
        settle_conflict(store, key, keep_mine=True)
        export_meeting(store, archive.settings, None, folder=tmp_path, refuse_conflicts=True, force=True)
        store.close()
