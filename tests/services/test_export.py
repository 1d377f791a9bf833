"""Export names and places: what a secretary finds, and what an e-office accepts."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core.model import Meeting, MeetingDetails
from minutes_tui.locations import EXPORTS_ENV, exports_dir
from minutes_tui.render.docx_reader import read_signed
from minutes_tui.services.export import MAX_NAME, default_filename, export_meeting
from minutes_tui.services.importing import import_notes
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
