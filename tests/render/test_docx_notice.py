"""The exported notice read back with python-docx: every format-nd30.md fact we can check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from minutes_tui.core.notice import Notice

SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
NBSP = "\u00a0"  # issue #12: names never break inside and no line starts with " - "


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def body_texts(document) -> list[str]:
    return [plain(p.text) for p in document.paragraphs if p.text.strip()]


def test_page_setup_a4_and_margins(notice_docx: Path) -> None:
    section = Document(str(notice_docx)).sections[0]
    def mm(length):
        return round(length.mm, 1)  # stored in twips: compare to 0.1 mm
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (20, 20)
    assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)


def test_times_new_roman_in_all_four_slots_on_styles_and_runs(notice_docx: Path) -> None:
    document = Document(str(notice_docx))
    styles = document.styles.element
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert all(defaults.get(qn(slot)) == "Times New Roman" for slot in SLOTS)
    assert not any(name.endswith("Theme") for name in defaults.attrib)
    for name in ("Normal", "Notice Body", "Notice Heading", "Notice Cell"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert all(fonts.get(qn(slot)) == "Times New Roman" for slot in SLOTS), name
    runs = document.element.body.iter(qn("w:r"))
    for run in runs:
        if run.find(qn("w:t")) is not None:
            fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            assert fonts is not None and all(fonts.get(qn(slot)) == "Times New Roman" for slot in SLOTS)


def test_header_band_is_a_borderless_two_column_table(notice_docx: Path, sample_notice: Notice) -> None:
    document = Document(str(notice_docx))
    header = document.tables[0]
    assert len(header.columns) == 2
    assert header._tbl.tblPr.find(qn("w:tblBorders")) is None  # default template: no borders
    left = [p for p in header.rows[0].cells[0].paragraphs if p.text]
    right = [p for p in header.rows[0].cells[1].paragraphs if p.text]
    assert [plain(p.text) for p in left] == ["UBND TỈNH HÒA BÌNH XANH", "VĂN PHÒNG HĐND HUYỆN SÔNG LAM"]
    assert not left[0].runs[0].bold and left[1].runs[0].bold
    assert [p.text for p in right] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert all(p.runs[0].bold for p in right)
    number, date_line = (c.paragraphs[0] for c in header.rows[1].cells)
    assert number.text == "Số:        /TB-VP"  # the number is written in after signing
    assert date_line.text == "Sông Lam, ngày 10 tháng 3 năm 2027" and date_line.runs[0].italic
    # the short rules under the issuer and under the motto
    for cell in header.rows[0].cells:
        assert any(p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None for p in cell.paragraphs)


def test_title_summary_and_body_in_order(notice_docx: Path, sample_notice: Notice) -> None:
    document = Document(str(notice_docx))
    texts = body_texts(document)
    expected = ["THÔNG BÁO", sample_notice.summary.text, *(b.text for b in sample_notice.intro)]
    expected += [b.display for b in sample_notice.body] + [sample_notice.closing.text]
    assert texts == expected
    title = next(p for p in document.paragraphs if p.text == "THÔNG BÁO")
    assert (title.alignment or title.style.paragraph_format.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].bold
    assert texts[-1].endswith("./.")


def test_body_formatting(notice_docx: Path) -> None:
    document = Document(str(notice_docx))
    body = document.styles["Notice Body"]
    assert body.font.size == Pt(14)
    fmt = body.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.first_line_indent == Cm(1.27)
    assert fmt.space_after >= Pt(6)
    assert 1.0 <= fmt.line_spacing <= 1.5
    headings = [p for p in document.paragraphs if p.style.name == "Notice Heading"]
    assert [p.text for p in headings][:2] == ["1. Đánh giá công tác tổ chức kỳ họp thứ tư", "a) Kết quả đạt được"]
    assert document.styles["Notice Heading"].font.bold


def test_page_numbers_from_page_two(notice_docx: Path) -> None:
    section = Document(str(notice_docx)).sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.is_linked_to_previous is False
    assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
    header_xml = section.header._element
    kinds = [f.get(qn("w:fldCharType")) for f in header_xml.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    (instruction,) = list(header_xml.iter(qn("w:instrText")))
    assert instruction.text.strip() == "PAGE"
    # begin, instruction and end each sit in a run of their own
    runs = [r for r in header_xml.iter(qn("w:r")) if r.find(qn("w:fldChar")) is not None or r.find(qn("w:instrText")) is not None]
    assert len(runs) == 4
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_recipients_and_signature(notice_docx: Path, sample_notice: Notice) -> None:
    document = Document(str(notice_docx))
    left, right = document.tables[-1].rows[0].cells
    label, *entries = [p for p in left.paragraphs if p.text]
    assert label.text == "Nơi nhận:" and label.runs[0].bold and label.runs[0].italic
    assert label.runs[0].font.size == Pt(12)
    assert [plain(e.text) for e in entries] == [f"- {r};" for r in sample_notice.recipients] + ["- Lưu: VT."]
    assert all(e.runs[0].font.size == Pt(11) for e in entries)
    signature = [p for p in right.paragraphs if p.text]
    assert [p.text for p in signature] == ["TL. THƯỜNG TRỰC HĐND", "CHÁNH VĂN PHÒNG", "Đỗ Thị Hạnh"]
    assert all(p.runs[0].bold for p in signature)
    (room,) = [p for p in right.paragraphs if not p.text]  # room for signature and seal (issue #12: one spacer)
    assert room.paragraph_format.line_spacing.mm >= 25


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 1, 5), "ngày 05 tháng 01 năm 2027"),
        (date(2027, 2, 14), "ngày 14 tháng 02 năm 2027"),
        (date(2027, 3, 9), "ngày 09 tháng 3 năm 2027"),
        (date(2027, 12, 31), "ngày 31 tháng 12 năm 2027"),
    ],
)
def test_date_line_zero_padding_reaches_the_document(tmp_path: Path, day: date, expected: str) -> None:
    from minutes_tui.core.compiler import compile_notice
    from minutes_tui.render.docx_notice import render_notice
    from tests.notes import SAMPLE_SHAPED, meeting_from_notes

    # issue #12: the date line is never earlier than the meeting, so the meeting comes first here
    meeting, settings = meeting_from_notes(SAMPLE_SHAPED.replace("/date 09/03/2027", "/date 04/01/2027"))
    path = render_notice(compile_notice(meeting, settings, day), tmp_path / "n.docx")
    cell = Document(str(path)).tables[0].rows[1].cells[1]
    assert cell.paragraphs[0].text == f"Sông Lam, {expected}"
