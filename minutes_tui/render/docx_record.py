"""The biên bản (meeting record, Mẫu 1.9 of Nghị định 30) as a ``.docx``; its words come
from ``core.record``."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from minutes_tui.core.model import Meeting, OfficeSettings
from minutes_tui.core.notice import BULLET, SECTION, SUBSECTION
from minutes_tui.core.record import CONTENT_LABEL, Record, build_record
from minutes_tui.render.docx_common import (
    BODY_STYLE,
    CELL_STYLE,
    SIGNATURE_ROOM_MM,
    TEXT_WIDTH_MM,
    BodyWriter,
    add_run,
    band,
    centred,
    first_paragraph,
    header_band,
    new_document,
    page_numbers_from_page_two,
    rule_under,
    set_properties,
    spacer,
    styled,
)

CAPTION = "(Ký, ghi rõ họ tên)"


def document_for(record: Record) -> DocumentObject:
    document = new_document()
    set_properties(document, title=f"Biên bản {record.name[:1].lower()}{record.name[1:]}", author=record.office)
    page_numbers_from_page_two(document)
    header_band(document, record.parent_body, record.issuer, record.number, "")
    centred(document, record.title, size=14, bold=True, space_before=18)
    centred(document, record.name, size=14, bold=True)
    rule_under(document, record.name, 14, TEXT_WIDTH_MM, space_after=12)

    for label, value in record.fields:
        paragraph = styled(document, BODY_STYLE)
        add_run(paragraph, f"{label}: ", bold=True)
        add_run(paragraph, value)
    writer = BodyWriter(document)
    writer.paragraph(CONTENT_LABEL, heading=True)
    last: Paragraph | None = None
    for block in record.content:
        text = block.display if block.style in (SECTION, SUBSECTION, BULLET) else block.text
        last = writer.paragraph(text, heading=block.style in (SECTION, SUBSECTION))
    ending = writer.paragraph(record.ending)
    for kept in (last, ending):  # the ending moves to a new page with the signatures
        if kept is not None:
            kept.paragraph_format.keep_with_next = True
    _signatures(document, record)
    return document


def _signatures(document: DocumentObject, record: Record) -> None:
    gap = styled(document, CELL_STYLE)
    gap.paragraph_format.space_after = Pt(6)
    gap.paragraph_format.keep_with_next = True
    left, right = band(document, 82, 83).rows[0].cells
    for cell, title, name in ((left, "THƯ KÝ", record.secretary), (right, "CHỦ TỌA", record.chair)):
        first_paragraph(cell, title, size=14, bold=True)
        centred(cell, CAPTION, size=13, italic=True)
        spacer(cell, SIGNATURE_ROOM_MM)
        centred(cell, name, size=14, bold=True)
    label = centred(left, "Nơi nhận:", size=12, bold=True, italic=True, space_before=12)
    label.alignment = WD_ALIGN_PARAGRAPH.LEFT
    entry = styled(left, CELL_STYLE)
    entry.alignment = WD_ALIGN_PARAGRAPH.LEFT
    add_run(entry, f"- {record.archive}", size=11)


def build_record_document(meeting: Meeting, settings: OfficeSettings) -> DocumentObject:
    return document_for(build_record(meeting, settings))


def render_record(meeting: Meeting, settings: OfficeSettings, path: Path) -> Path:
    build_record_document(meeting, settings).save(str(path))
    return path
