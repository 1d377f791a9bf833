"""Issue #12 "What was observed" in the files themselves: the .docx a leader opens, the biên bản."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Length

from minutes_tui.core.compiler import compile_notice
from minutes_tui.core.model import Meeting, OfficeSettings
from minutes_tui.render.docx_notice import render_notice
from minutes_tui.render.docx_record import render_record
from tests.notes import meeting_from_notes

NBSP = "\u00a0"
UNIT_OFFICE = """\
/set parent_body UBND XÃ TÂN HÒA
/set issuer VĂN PHÒNG HĐND VÀ UBND
/set code TB-VP
/set place_name Tân Hòa
/set signer_title CHÁNH VĂN PHÒNG
/set signer_name Hồ Thị Lan
/set announcer Văn phòng HĐND và UBND xã Tân Hòa
/set recipients Lãnh đạo Văn phòng; Các bộ phận thuộc Văn phòng
/date 05/03/2027
/time 8 giờ 00
/place Phòng họp Văn phòng
/body Văn phòng HĐND và UBND xã Tân Hòa
/kind Cuộc họp giao ban Văn phòng tháng 3 năm 2027 về công tác tiếp nhận, giải quyết thủ tục hành chính trên địa bàn
/chair Hồ Thị Lan - Chánh Văn phòng
"""
NOTES = UNIT_OFFICE + """\
Chánh Văn phòng nêu yêu cầu của cuộc họp
# Kết quả tháng 2
+ Tiếp nhận 412 hồ sơ, giải quyết đúng hạn 98%
! Một số hồ sơ đất đai của thị xã cũ chưa bàn giao đủ
# Nhiệm vụ tháng 3
> Rà soát hồ sơ tồn đọng @Bộ phận Một cửa @Ban Kinh tế - Xã hội ^20/03
> Cập nhật cổng dịch vụ công @Bộ phận Tổng hợp ^thường xuyên
"""


def _docx(tmp_path: Path, notes: str = NOTES) -> Path:
    meeting, settings = meeting_from_notes(notes)
    return render_notice(compile_notice(meeting, settings, date(2027, 3, 6)), tmp_path / "n.docx")


def _record(tmp_path: Path, notes: str = NOTES) -> tuple[Meeting, OfficeSettings, Document]:
    meeting, settings = meeting_from_notes(notes)
    return meeting, settings, Document(str(render_record(meeting, settings, tmp_path / "bb.docx")))


# -- the file ---------------------------------------------------------------------------------
def test_vietnamese_is_the_language_of_the_styles_and_defaults(tmp_path: Path) -> None:
    styles = zipfile.ZipFile(_docx(tmp_path)).read("word/styles.xml").decode("utf-8")
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.DOTALL).group(0)
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.DOTALL).group(0)
    for part in (defaults, normal):
        assert re.search(r'<w:lang [^>]*w:val="vi-VN"', part), part
    assert "en-US" not in styles


def test_core_properties_name_the_office_not_the_library(tmp_path: Path) -> None:
    path = _docx(tmp_path)
    properties = Document(str(path)).core_properties
    assert properties.author == "Văn phòng HĐND và UBND xã Tân Hòa"
    assert properties.title.startswith("Thông báo kết luận của Chánh Văn phòng")
    assert properties.created.year >= 2026
    core = zipfile.ZipFile(path).read("docProps/core.xml").decode("utf-8")
    assert "python-docx" not in core


# -- the ending never stranded ------------------------------------------------------------------------
def test_last_body_paragraphs_keep_with_the_signature_table(tmp_path: Path) -> None:
    document = Document(str(_docx(tmp_path)))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    closing, last_bullet = paragraphs[-1], paragraphs[-2]
    assert closing.text.endswith("./.")
    for paragraph in (closing, last_bullet):
        assert paragraph.paragraph_format.keep_with_next
    row = document.tables[-1].rows[0]._tr
    assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


# -- header ---------------------------------------------------------------------------------------------
def test_a_unit_under_the_commune_writes_the_commune_plain_over_its_own_name_bold(tmp_path: Path) -> None:
    left = Document(str(_docx(tmp_path))).tables[0].rows[0].cells[0]
    lines = [p for p in left.paragraphs if p.text.strip()]
    assert [p.text.replace(NBSP, " ") for p in lines] == ["UBND XÃ TÂN HÒA", "VĂN PHÒNG HĐND VÀ UBND"]
    assert not lines[0].runs[0].bold and lines[1].runs[0].bold


def test_a_bar_breaks_the_header_where_the_office_wants(tmp_path: Path) -> None:
    notes = NOTES.replace("/set parent_body UBND XÃ TÂN HÒA\n/set issuer VĂN PHÒNG HĐND VÀ UBND",
                          "/set issuer ỦY BAN NHÂN DÂN|XÃ TÂN HÒA")
    left = Document(str(_docx(tmp_path, notes))).tables[0].rows[0].cells[0]
    lines = [p.text for p in left.paragraphs if p.text.strip()]
    assert [line.replace(NBSP, " ") for line in lines] == ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"]
    assert lines[1] == f"XÃ{NBSP}TÂN{NBSP}HÒA"  # the commune's name never breaks


def test_names_never_break_inside_or_before_a_dash(tmp_path: Path) -> None:
    texts = [p.text for p in Document(str(_docx(tmp_path))).paragraphs]
    body = "\n".join(texts)
    assert f"thị{NBSP}xã cũ" in body
    assert f"Kinh tế{NBSP}- Xã hội" in body or f"Kinh{NBSP}tế{NBSP}- Xã hội" in body
    assert " - " not in body.replace(f"{NBSP}- ", "")  # every " - " got its non-breaking space


def _rule_width_mm(paragraph, container_mm: float) -> float:
    fmt = paragraph.paragraph_format
    return container_mm - Length(fmt.left_indent or 0).mm - Length(fmt.right_indent or 0).mm


def test_rule_under_a_two_line_trich_yeu_is_a_third_to_a_half_of_its_line(tmp_path: Path) -> None:
    document = Document(str(_docx(tmp_path)))
    paragraphs = document.paragraphs
    title = next(i for i, p in enumerate(paragraphs) if p.text == "THÔNG BÁO")
    summary, rule = paragraphs[title + 1], paragraphs[title + 2]
    assert len(summary.text) > 110  # wraps: its first line fills the 165 mm text width
    assert rule._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    assert 165 / 3 <= _rule_width_mm(rule, 165) <= 165 / 2


def test_signature_block_leaves_room_for_the_e_office_images_and_draws_nothing(tmp_path: Path) -> None:
    path = _docx(tmp_path)
    right = Document(str(path)).tables[-1].rows[0].cells[1]
    paragraphs = right.paragraphs
    title = next(i for i, p in enumerate(paragraphs) if p.text == "CHÁNH VĂN PHÒNG")
    name = next(i for i, p in enumerate(paragraphs) if p.text == "Hồ Thị Lan")
    room_pt = 0.0
    for paragraph in paragraphs[title + 1 : name]:
        fmt = paragraph.paragraph_format
        line = fmt.line_spacing.pt if isinstance(fmt.line_spacing, Length) else 14 * 1.15
        room_pt += line + Length(fmt.space_before or 0).pt + Length(fmt.space_after or 0).pt
    assert room_pt * 0.3528 >= 25  # mm: the signature image and the seal over it
    document_xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "<w:drawing" not in document_xml and "<w:pict" not in document_xml


# -- biên bản -----------------------------------------------------------------------------------------------
def test_record_reads_as_a_record_not_a_tag_list(tmp_path: Path) -> None:
    meeting, settings, document = _record(tmp_path)
    texts = [p.text.replace(NBSP, " ") for p in document.paragraphs if p.text.strip()]
    joined = "\n".join(texts)
    assert "— chủ trì" not in joined and "thời hạn:" not in joined and "Nhiệm vụ:" not in joined
    assert texts[1] == "Cuộc họp giao ban Văn phòng tháng 3 năm 2027 về công tác tiếp nhận, giải quyết thủ tục hành chính trên địa bàn"
    assert "Chánh Văn phòng nêu yêu cầu của cuộc họp." in texts  # a spoken note, as a sentence
    assert "1. Kết quả tháng 2" in texts  # headings numbered
    conclusion = texts.index("2. Kết luận của chủ trì")
    notice = compile_notice(meeting, settings, date(2027, 3, 6))
    tasks = [b.display for b in notice.body if b.key.startswith("line:") and b.style == "bullet"][-2:]
    assert texts[conclusion + 2 : conclusion + 4] == tasks  # the decisions and tasks in the notice's wording


def test_record_spells_chu_toa_one_way_and_files_under_ho_so(tmp_path: Path) -> None:
    _, _, document = _record(tmp_path)
    everything = "\n".join([p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert "chủ toạ" not in everything.lower() and "chủ tọa" in everything.lower()
    left = document.tables[-1].rows[0].cells[0]
    assert "- Lưu: VT, hồ sơ." in [p.text for p in left.paragraphs]


def test_record_capitalises_the_meeting_name_and_keeps_its_ending_together(tmp_path: Path) -> None:
    notes = NOTES.replace("/kind Cuộc họp giao ban", "/kind cuộc họp giao ban")
    _, _, document = _record(tmp_path, notes)
    texts = [p for p in document.paragraphs if p.text.strip()]
    assert texts[1].text.startswith("Cuộc họp giao ban")
    ending = texts[-1]
    assert ending.text.startswith("Cuộc họp kết thúc vào") and ending.paragraph_format.keep_with_next
    row = document.tables[-1].rows[0]._tr
    assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
