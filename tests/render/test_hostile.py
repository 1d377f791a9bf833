"""Any meeting, however hostile its text, compiles, exports and reopens."""

from __future__ import annotations

import tempfile
from pathlib import Path

from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_tui.core.compiler import compile_notice
from minutes_tui.core.model import Kind, Line, Meeting, MeetingDetails, OfficeSettings
from minutes_tui.render.docx_notice import render_notice
from minutes_tui.render.docx_record import render_record

HOSTILE = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["\x0b\x0c\x00\x1f", "\ud800", "\ufffe\uffff", "\u0301\u0303", "\u202e\u200f", "🙂👍🏽",
                     "e\u0302\u0301", "Thị uỷ", "a" * 50_000]),
)
LINES = st.lists(
    st.builds(Line, kind=st.sampled_from(list(Kind)), text=HOSTILE, owners=st.lists(HOSTILE, max_size=4), deadline=HOSTILE),
    max_size=8,
)


@settings(max_examples=25, deadline=None)
@given(lines=LINES, body=HOSTILE, chair=HOSTILE, issuer=HOSTILE)
def test_hostile_meetings_export_and_reopen(lines: list[Line], body: str, chair: str, issuer: str) -> None:
    meeting = Meeting(details=MeetingDetails(date="2027-01-05", body=body, chair=chair, attend=[chair]), lines=lines)
    office = OfficeSettings(issuer=issuer, recipients=[body, issuer])
    with tempfile.TemporaryDirectory() as tmp:
        notice_path = render_notice(compile_notice(meeting, office), Path(tmp) / "n.docx")
        record_path = render_record(meeting, office, Path(tmp) / "r.docx")
        assert Document(str(notice_path)).paragraphs
        assert Document(str(record_path)).paragraphs


def test_thousands_of_owners_export(tmp_path: Path) -> None:
    owners = [f"Đơn vị {n}" for n in range(2000)]
    meeting = Meeting(lines=[Line(Kind.TASK, "Việc chung", owners, "31/12/2027")])
    notice = compile_notice(meeting, OfficeSettings())
    assert len(notice.recipients) == 2000
    assert Document(str(render_notice(notice, tmp_path / "n.docx"))).tables
