"""python-docx helpers shared by the notice and the biên bản (Nghị định 30 layout).

python-docx is imported here, and this module is imported only when exporting:
``import docx`` costs ~110 ms that app start-up must not pay.
"""

from __future__ import annotations

from copy import deepcopy
from datetime import datetime, timezone
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from minutes_tui.core.letterhead import NATIONAL_MOTTO
from minutes_tui.core.text import xml_safe
from minutes_tui.core.typography import keep_together

Container = DocumentObject | _Cell  # where a paragraph can be added
FONT = "Times New Roman"
PAGE_WIDTH_MM = 210
LEFT_MM, RIGHT_MM, TOP_MM, BOTTOM_MM = 30, 15, 20, 20
TEXT_WIDTH_MM = PAGE_WIDTH_MM - LEFT_MM - RIGHT_MM  # 165
HEADER_LEFT_MM, HEADER_RIGHT_MM = 68, 97  # header band columns (≈ 68 / 100 mm)
HEADER_CELL_MARGIN_MM = 1.0  # so that "VĂN PHÒNG HĐND VÀ UBND" fits its column on one line
BODY_STYLE = "Notice Body"
HEADING_STYLE = "Notice Heading"
CELL_STYLE = "Notice Cell"
# Paragraph styles are set by id on the XML: python-docx resolves a style *name*
# by scanning every style, which made a 1,000-line export 12× slower.
STYLE_IDS = {BODY_STYLE: "NoticeBody", HEADING_STYLE: "NoticeHeading", CELL_STYLE: "NoticeCell"}
LANGUAGE = "vi-VN"  # Word checks spelling in Vietnamese instead of marking every word
RULE_SHARE = 0.4  # a short rule is 1/3–1/2 of the line above it (format-nd30.md)
SIGNATURE_ROOM_MM = 30  # the e-office places the signature image and the seal here
PROPERTY_LIMIT = 255  # characters of a core property (python-docx refuses more)
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _fonts_element() -> BaseOxmlElement:
    element = OxmlElement("w:rFonts")
    for slot in _FONT_SLOTS:
        element.set(qn(slot), FONT)
    return element


_RUN_FONTS = _fonts_element()


def set_fonts(rpr: BaseOxmlElement) -> None:
    """Times New Roman on all four rFonts slots; theme fonts (which win) removed."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in _THEME_SLOTS:
        fonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), FONT)


def set_language(rpr: BaseOxmlElement) -> None:
    """``w:lang`` vi-VN on a run-properties element (kept in schema order)."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    for name in ("w:val", "w:eastAsia"):
        lang.set(qn(name), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")


def _property(text: str) -> str:
    """A core property's value: one line, at most the 255 characters the format allows."""
    text = " ".join(xml_safe(text).split())
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def set_properties(document: DocumentObject, *, title: str, author: str) -> None:
    """Real core properties: the office as author, the document's own title (python-docx
    otherwise writes author "python-docx" and a date in 2013)."""
    properties = document.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0)
    properties.title = _property(title)
    properties.author = properties.last_modified_by = _property(author)
    properties.comments = properties.keywords = properties.subject = ""
    properties.language = LANGUAGE
    properties.created = properties.modified = now
    properties.revision = 1


def new_document() -> DocumentObject:
    """A4, ND30 margins, Times New Roman everywhere, our paragraph styles."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(297)
    section.left_margin, section.right_margin = Mm(LEFT_MM), Mm(RIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(TOP_MM), Mm(BOTTOM_MM)
    section.header_distance = Mm(10)

    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            set_fonts(rpr)
            set_language(rpr)
    normal = styles["Normal"]
    normal.font.size = Pt(14)
    set_fonts(normal.element.get_or_add_rPr())
    set_language(normal.element.get_or_add_rPr())

    body = styles.add_style(BODY_STYLE, 1)
    body.style_id = STYLE_IDS[BODY_STYLE]
    body.base_style = normal
    body.font.size = Pt(14)
    fmt = body.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(1.27)
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing = 1.15
    set_fonts(body.element.get_or_add_rPr())

    heading = styles.add_style(HEADING_STYLE, 1)
    heading.style_id = STYLE_IDS[HEADING_STYLE]
    heading.base_style = body
    heading.font.bold = True
    heading.paragraph_format.keep_with_next = True
    set_fonts(heading.element.get_or_add_rPr())

    cell = styles.add_style(CELL_STYLE, 1)
    cell.style_id = STYLE_IDS[CELL_STYLE]
    cell.base_style = normal
    cell.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell.paragraph_format.space_before = cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing = 1.0
    set_fonts(cell.element.get_or_add_rPr())
    return document


def add_run(paragraph: Paragraph, text: str, *, size: float | None = None, bold: bool | None = None,
            italic: bool | None = None, bind: bool = True, header: bool = False) -> Run:
    """A run in Times New Roman; ``bind`` keeps names together (``header``: a level with
    its name too, see ``core.typography``)."""
    cleaned = xml_safe(text)
    run = paragraph.add_run(keep_together(cleaned, header=header) if bind else cleaned)
    run._r.get_or_add_rPr().insert(0, deepcopy(_RUN_FONTS))
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    return run


def styled(container: Any, style: str) -> Paragraph:
    """A new paragraph in ``container`` with one of our styles (set by id)."""
    paragraph: Paragraph = container.add_paragraph()
    paragraph._p.style = STYLE_IDS[style]
    return paragraph


def _paragraph_template(style: str) -> BaseOxmlElement:
    """``<w:p>`` with its style and one run whose fonts are set: copied per paragraph."""
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    style_element = OxmlElement("w:pStyle")
    style_element.set(qn("w:val"), STYLE_IDS[style])
    properties.append(style_element)
    paragraph.append(properties)
    run = OxmlElement("w:r")
    run_properties = OxmlElement("w:rPr")
    run_properties.append(_fonts_element())
    run.append(run_properties)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    run.append(text)
    paragraph.append(run)
    return paragraph


_BODY_TEMPLATES = {style: _paragraph_template(style) for style in (BODY_STYLE, HEADING_STYLE)}
_SECTION_TAG = qn("w:sectPr")


class BodyWriter:
    """Appends body paragraphs built from a template rather than through python-docx's
    ``add_paragraph``/``run.text``, which walk the style list, the body's children and
    the text one character at a time: this is the hot path of a long notice. The body
    and its closing ``sectPr`` are looked up once."""

    def __init__(self, document: DocumentObject) -> None:
        self._parent = document._body
        body = document.element.body
        last = body[-1] if len(body) else None
        self._section = last if last is not None and last.tag == _SECTION_TAG else None
        self._body = body

    def paragraph(self, text: str, *, heading: bool = False) -> Paragraph:
        element = deepcopy(_BODY_TEMPLATES[HEADING_STYLE if heading else BODY_STYLE])
        element[1][1].text = keep_together(xml_safe(text).replace("\t", " ").replace("\n", " ").replace("\r", " "))
        if self._section is not None:
            self._section.addprevious(element)
        else:
            self._body.append(element)
        return Paragraph(element, self._parent)


def centred(container: Any, text: str, *, size: float, bold: bool = False, italic: bool = False,
            space_before: float = 0, space_after: float = 0, bind: bool = True, header: bool = False) -> Paragraph:
    paragraph = styled(container, CELL_STYLE)
    paragraph.paragraph_format.space_before = Pt(space_before)
    paragraph.paragraph_format.space_after = Pt(space_after)
    if text:
        add_run(paragraph, text, size=size, bold=bold, italic=italic, bind=bind, header=header)
    return paragraph


def first_paragraph(cell: _Cell, text: str, *, size: float, bold: bool = False, italic: bool = False,
                    bind: bool = True, header: bool = False) -> Paragraph:
    """Use the paragraph every new cell already has instead of leaving it empty."""
    paragraph: Paragraph = cell.paragraphs[0]
    paragraph._p.style = STYLE_IDS[CELL_STYLE]
    if text:
        add_run(paragraph, text, size=size, bold=bold, italic=italic, bind=bind, header=header)
    return paragraph


def rule(container: Any, width_mm: float, container_mm: float, space_after: float = 0) -> Paragraph:
    """A short solid rule, centred: an empty paragraph with a bottom border and
    side indents, which Word and LibreOffice both draw."""
    paragraph = styled(container, CELL_STYLE)
    indent = max((container_mm - width_mm) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(indent)
    fmt.first_line_indent = Mm(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(2)
    fmt.space_after = Pt(space_after)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(
        borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
        "w:rPr", "w:sectPr", "w:pPrChange",
    )
    return paragraph


def spacer(container: Container, height_mm: float) -> Paragraph:
    """An empty paragraph exactly ``height_mm`` high (room left blank on purpose)."""
    paragraph = styled(container, CELL_STYLE)
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Mm(height_mm)
    fmt.space_before = fmt.space_after = Pt(0)
    return paragraph


def rule_under(container: Container, line: str, size_pt: float, container_mm: float, *, bold: bool = True,
               space_after: float = 0) -> Paragraph:
    """The short rule under ``line`` (the longest of its printed lines): 1/3–1/2 of it."""
    widest = max((min(text_width_mm(part, size_pt, bold), container_mm) for part in line.split("\n")), default=0)
    return rule(container, max(widest * RULE_SHARE, 15), container_mm, space_after=space_after)


#: Average advance of a character in em (Times New Roman / Liberation Serif, Vietnamese
#: text measured): capitals, then mixed case; plain, then bold.
_AVERAGE_EM = {(True, False): 0.60, (True, True): 0.64, (False, False): 0.44, (False, True): 0.46}
PT_MM = 0.3528


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """A printed width estimate, to size rules and to choose a size that fits a cell."""
    return len(text) * size_pt * _AVERAGE_EM[(text.isupper(), bold)] * PT_MM


def set_cell_margins(table: Table, side_mm: float) -> None:
    """Left and right padding of every cell (``w:tblCellMar``; Word's default is 1.9 mm)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        element = OxmlElement(side)
        element.set(qn("w:w"), str(round(side_mm / 25.4 * 1440)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def keep_row_together(row: _Row) -> None:
    """``w:cantSplit``: the row moves to the next page whole instead of breaking."""
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn("w:cantSplit")) is None:
        properties.insert_element_before(OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader",
                                         "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


def band(document: DocumentObject, left_mm: float, right_mm: float, rows: int = 1) -> Table:
    """A borderless two-column table (the default template's tables have no borders)
    whose rows never break across pages."""
    table: Table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Mm(left_mm), Mm(right_mm)
        keep_row_together(row)
    table.columns[0].width, table.columns[1].width = Mm(left_mm), Mm(right_mm)
    return table


def page_numbers_from_page_two(document: DocumentObject) -> None:
    """Arabic page number, 13 pt, centred in the top margin; none on page 1."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an empty first-page header
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def field_char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        add_run(paragraph, "", size=13)._r.append(element)

    field_char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    add_run(paragraph, "", size=13)._r.append(instruction)
    field_char("separate")
    add_run(paragraph, "2", size=13)
    field_char("end")


def header_band(document: DocumentObject, parent_body: str, issuer: str, left_bottom: str, right_bottom: str,
                *, right_bottom_italic: bool = True) -> None:
    """The ND30 header: issuing body and number left, national motto and date right.

    ``parent_body`` and ``issuer`` may hold several lines (``\n``): the parent's in
    plain capitals, the issuer's in bold, each line its own centred paragraph."""
    table = band(document, HEADER_LEFT_MM, HEADER_RIGHT_MM, rows=2)
    set_cell_margins(table, HEADER_CELL_MARGIN_MM)
    left, right = table.rows[0].cells
    lines = [(line, False) for line in parent_body.split("\n") if line.strip()]
    lines += [(line, True) for line in issuer.split("\n") if line.strip()] or [("", True)]
    # 13 pt, or 12 pt (format-nd30.md allows both) when a line would not fit the column
    usable = HEADER_LEFT_MM - 2 * HEADER_CELL_MARGIN_MM
    size = 13 if all(text_width_mm(line, 13, bold) <= usable for line, bold in lines) else 12
    first_paragraph(left, lines[0][0], size=size, bold=lines[0][1], header=True)
    for line, bold in lines[1:]:
        centred(left, line, size=size, bold=bold, header=True)
    rule_under(left, issuer, size, HEADER_LEFT_MM)
    # the Quốc hiệu and Tiêu ngữ exactly as the decree writes them
    first_paragraph(right, NATIONAL_MOTTO[0], size=12, bold=True, bind=False)
    centred(right, NATIONAL_MOTTO[1], size=13, bold=True, bind=False)
    rule(right, text_width_mm(NATIONAL_MOTTO[1], 13, bold=True), HEADER_RIGHT_MM)
    # "Số:" and the date line keep plain spaces: issuing reads them back from the signed file
    bottom_left, bottom_right = table.rows[1].cells
    first_paragraph(bottom_left, left_bottom, size=13, bind=False).paragraph_format.space_before = Pt(6)
    date_line = first_paragraph(bottom_right, right_bottom, size=14, italic=right_bottom_italic, bind=False)
    date_line.paragraph_format.space_before = Pt(6)
