"""The "Báo cáo tình hình thực hiện" as a ``.docx`` in the ND30 report layout.

Page 1 (A4 portrait): header band, ``BÁO CÁO`` and its trích yếu, the summary
(counts by state, then by lead owner), signature and Nơi nhận. Then a new
section, A4 **landscape**, holding the Phụ lục table whose header row repeats
on every page. Every word comes from ``core.task_report``; this module only
lays it out (python-docx is imported here, so import this module lazily).
"""

from __future__ import annotations

from copy import deepcopy
from datetime import datetime, time
from pathlib import Path
from typing import Any, Final

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from minutes_tui.core.dates import nd30_day_month
from minutes_tui.core.task_report import COLUMNS, Report, summary_paragraphs
from minutes_tui.core.text import xml_safe
from minutes_tui.render.docx_common import (
    CELL_STYLE,
    SIGNATURE_ROOM_MM,
    STYLE_IDS,
    TEXT_WIDTH_MM,
    BodyWriter,
    add_run,
    band,
    centred,
    first_paragraph,
    header_band,
    new_document,
    page_numbers_from_page_two,
    rule,
    spacer,
    styled,
)

RECIPIENTS_MM, SIGNATURE_MM = 75, 90
#: A4 landscape; ND30 margins turned with the page (binding edge on the left).
LANDSCAPE_WIDTH_MM, LANDSCAPE_HEIGHT_MM = 297, 210
LANDSCAPE_LEFT_MM, LANDSCAPE_RIGHT_MM, LANDSCAPE_TOP_MM, LANDSCAPE_BOTTOM_MM = 20, 15, 20, 15
#: Column widths of the Phụ lục (mm), summing to the landscape text width (262 mm).
COLUMN_MM: Final[tuple[int, ...]] = (12, 66, 32, 30, 28, 26, 26, 42)
#: Columns whose cells are centred (STT, Thời hạn, Tình trạng); the others read left to right.
CENTRED_COLUMNS: Final = frozenset({0, 5, 6})
TABLE_PT: Final = 12
HEADER_FILL: Final = "E7E6E6"
VIETNAMESE: Final = "vi-VN"


def _summary(document: DocumentObject, report: Report) -> None:
    overall, owners = summary_paragraphs(report.summary)
    body = BodyWriter(document)
    body.paragraph("1. Kết quả chung", heading=True)
    body.paragraph(overall)
    if owners:
        body.paragraph("2. Theo đơn vị chủ trì", heading=True)
        for line in owners:
            body.paragraph(line)
    number = "3." if owners else "2."
    body.paragraph(f"{number} Danh sách nhiệm vụ", heading=True)
    body.paragraph("Chi tiết từng nhiệm vụ tại Phụ lục kèm theo Báo cáo này./.")


def _signature(document: DocumentObject, report: Report) -> None:
    """Nơi nhận on the left, level with the signer's title; room for signature and seal."""
    heading = report.heading
    styled(document, CELL_STYLE).paragraph_format.space_after = Pt(6)
    left, right = band(document, RECIPIENTS_MM, SIGNATURE_MM).rows[0].cells
    first_paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True).alignment = WD_ALIGN_PARAGRAPH.LEFT
    for entry in [f"- {name};" for name in heading.recipients] + [f"- {heading.archive}"]:
        paragraph = styled(left, CELL_STYLE)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        add_run(paragraph, entry, size=11)
    lines = [line for line in (*heading.authority, heading.signer_title) if line] or [""]
    first_paragraph(right, lines[0], size=14, bold=True)
    for line in lines[1:]:
        centred(right, line, size=14, bold=True)
    spacer(right, SIGNATURE_ROOM_MM)  # room for the e-office's signature and seal images
    centred(right, heading.signer_name, size=14, bold=True)


def _landscape_section(document: DocumentObject) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(LANDSCAPE_WIDTH_MM), Mm(LANDSCAPE_HEIGHT_MM)
    section.left_margin, section.right_margin = Mm(LANDSCAPE_LEFT_MM), Mm(LANDSCAPE_RIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(LANDSCAPE_TOP_MM), Mm(LANDSCAPE_BOTTOM_MM)
    # page numbers go on (the header is linked to the first section's); only page 1 has none
    section.different_first_page_header_footer = False


def _appendix_title(document: DocumentObject, report: Report) -> None:
    heading = report.heading
    centred(document, "Phụ lục", size=14, bold=True)
    centred(document, "TÌNH HÌNH THỰC HIỆN CÁC KẾT LUẬN, NHIỆM VỤ ĐƯỢC GIAO", size=14, bold=True)
    day, month = nd30_day_month(report.summary.day)
    number = heading.number.replace("Số:", "số", 1)
    of_issuer = f" của {heading.office}" if heading.office else ""
    centred(document, f"(Kèm theo Báo cáo {number} ngày {day} tháng {month} năm {report.summary.day.year}{of_issuer})",
            size=14, italic=True, space_after=6)
    rule(document, 40, LANDSCAPE_WIDTH_MM - LANDSCAPE_LEFT_MM - LANDSCAPE_RIGHT_MM, space_after=6)


def _cell_paragraph(cell: Any, column: int) -> None:
    paragraph = cell.paragraphs[0]
    paragraph._p.style = STYLE_IDS[CELL_STYLE]
    if column not in CENTRED_COLUMNS:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _shade(cell: Any) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), HEADER_FILL)
    cell._tc.get_or_add_tcPr().append(shading)


def _appendix_table(document: DocumentObject, report: Report) -> None:
    """The Phụ lục: a header row marked to repeat on every page, then one row per task.

    Rows are copied from one prepared ``<w:tr>`` and only their texts set:
    python-docx's per-cell API walks the whole table for each cell, which
    made a 2,000-task report take minutes.
    """
    table = document.add_table(rows=2, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False  # fixed layout: Word and LibreOffice keep our widths and lay out faster
    for column, width in zip(table.columns, COLUMN_MM):
        column.width = Mm(width)
    header, prototype = table.rows
    for cell, width, title in zip(header.cells, COLUMN_MM, COLUMNS):
        cell.width = Mm(width)
        first_paragraph(cell, title, size=TABLE_PT, bold=True)
        _shade(cell)
    properties = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # repeat this row at the top of every page
    properties.append(repeat)
    no_split = OxmlElement("w:cantSplit")  # and never break the header row itself
    properties.insert(0, no_split)

    for column, (cell, width) in enumerate(zip(prototype.cells, COLUMN_MM)):
        cell.width = Mm(width)
        _cell_paragraph(cell, column)
        add_run(cell.paragraphs[0], "-", size=TABLE_PT)  # a run with its <w:t>, filled per row below
    template = prototype._tr
    # a task's row stays on one page (a row taller than a page still breaks, in Word and LibreOffice)
    template.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    table._tbl.remove(template)
    text_slot = qn("w:t")
    for row in report.rows:
        element = deepcopy(template)
        for slot, value in zip(element.iter(text_slot), row.cells()):
            slot.text = xml_safe(value).replace("\r", " ").replace("\n", " ")
            slot.set(qn("xml:space"), "preserve")
        table._tbl.append(element)


def _properties(document: DocumentObject, report: Report) -> None:
    """python-docx leaves "python-docx" as author and 2013 as date: say what the file is."""
    properties = document.core_properties
    properties.title = f"{report.heading.title.capitalize()} {report.heading.summary}"
    properties.author = properties.last_modified_by = report.heading.issuer
    properties.comments = ""
    properties.subject = report.heading.summary
    moment = datetime.combine(report.summary.day, time(0, 0))
    properties.created = properties.modified = moment
    properties.language = VIETNAMESE


def build_report_docx(report: Report) -> DocumentObject:
    document = new_document()
    page_numbers_from_page_two(document)
    heading = report.heading
    header_band(document, heading.parent_body, heading.issuer, heading.number, heading.place_date)
    centred(document, heading.title, size=14, bold=True, space_before=18)
    centred(document, heading.summary, size=14, bold=True)
    rule(document, 35, TEXT_WIDTH_MM, space_after=12).paragraph_format.space_before = Pt(4)  # clear of the descenders
    _summary(document, report)
    _signature(document, report)
    _landscape_section(document)
    _appendix_title(document, report)
    _appendix_table(document, report)
    _properties(document, report)
    return document


def render_report_docx(report: Report, path: Path) -> Path:
    build_report_docx(report).save(str(path))
    return path
