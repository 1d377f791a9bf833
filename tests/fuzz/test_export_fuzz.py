"""Hostile notes → store → compiler → .docx (notice and biên bản): every export reopens
with python-docx, keeps every line of the record, and holds only NFC, XML-safe text.

Complements ``tests/render/test_hostile.py`` (renderer on hand-built meetings): here the
text goes the way the app takes it (parser, durable store, ``export_meeting``), under the
shared hypothesis profiles (``ci`` / ``long``).
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

docx = pytest.importorskip("docx")

from minutes_tui.core.compiler import compile_notice  # noqa: E402
from minutes_tui.core.model import Kind, Line, Meeting, MeetingDetails, OfficeSettings  # noqa: E402
from minutes_tui.core.notice import Notice  # noqa: E402
from minutes_tui.core.text import xml_safe  # noqa: E402
from minutes_tui.services.export import export_meeting  # noqa: E402
from minutes_tui.services.importing import import_notes  # noqa: E402
from minutes_tui.store import Archive  # noqa: E402
from tests.fuzz.strategies import hostile_text, huge_line, many_owners, storable_text  # noqa: E402

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
HEADER = "/date 05/01/2027\n/chair {chair}\n/place {place}\n/set issuer {issuer}\n"
notes = st.builds(
    lambda chair, place, issuer, body: HEADER.format(chair=chair, place=place, issuer=issuer) + body,
    hostile_text, hostile_text, hostile_text, st.lists(hostile_text, max_size=10).map("\n".join),
)


def _doc_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def _export_both(root: Path, text: str) -> tuple[Meeting, str, str]:
    with Archive(root) as archive:
        store = import_notes(archive, text).store
        out = root / "out"
        notice = export_meeting(store, archive.settings, out / "notice.docx", folder=out, force=True).files
        record = export_meeting(store, archive.settings, out / "record.docx", folder=out, record=True, force=True).files
        meeting = store.meeting
        store.close()
    assert notice[0].suffix == ".docx" and record[0].suffix == ".docx"
    return meeting, _doc_text(notice[0]), _doc_text(record[0])


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", xml_safe(text).casefold()))


def _clean(text: str) -> None:
    assert not _XML_BAD.search(text)
    assert unicodedata.is_normalized("NFC", text)


@given(notes)
def test_hostile_notes_export_reopen_and_keep_every_line(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        meeting, notice_text, record_text = _export_both(Path(tmp) / "data", text)
    _clean(notice_text)
    _clean(record_text)
    for line in meeting.lines:  # the biên bản is the full record: nothing may go missing
        # issue #12: lines read as sentences (a capital, one full stop, tasks in the notice's
        # wording), so every word is compared, in order, ignoring case and punctuation
        assert _words(line.text) in _words(record_text), line.text


@given(st.lists(st.builds(Line, kind=st.sampled_from(list(Kind)), text=storable_text,
                          owners=st.lists(storable_text, max_size=3), deadline=storable_text), max_size=10),
       storable_text)
def test_compiler_never_raises_and_round_trips(lines: list[Line], body: str) -> None:
    meeting = Meeting(details=MeetingDetails(date="2027-01-05", body=body, chair=body), lines=lines)
    notice = compile_notice(meeting, OfficeSettings(issuer=body, recipients=[body]))
    assert Notice.from_dict(notice.to_dict()) == notice
    for block in notice.blocks():
        assert isinstance(block.text, str)


def test_huge_line_and_thousands_of_owners_export(tmp_path: Path) -> None:
    text = "# Phần I\n+ " + huge_line() + "\n" + many_owners(3000)
    meeting, notice_text, record_text = _export_both(tmp_path / "data", text)
    assert len(meeting.lines[2].owners) == 3000
    assert huge_line().strip()[:1000] in record_text
    assert "Phòng số 2999" in record_text and "Phòng số 2999" in notice_text


def test_xml_safe_output_stays_nfc() -> None:
    # found by the export fuzz: dropping U+FFFE between a letter and its mark
    # must not leave decomposed text in the .docx
    stored = unicodedata.normalize("NFC", "Thị uy\ufffe\u0309")
    assert unicodedata.is_normalized("NFC", xml_safe(stored))
