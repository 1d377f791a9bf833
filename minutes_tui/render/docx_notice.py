"""The notice as a ``.docx`` meeting format-nd30.md."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from minutes_tui.core.notice import SECTION, SUBSECTION, Notice
from minutes_tui.render.docx_common import (
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

RECIPIENTS_MM, SIGNATURE_MM = 75, 90
RECIPIENT_HANG_MM = 2.2  # the width of "- " at 11 pt


def document_title(notice: Notice) -> str:
    """``Thông báo kết luận của …``: the trích yếu after the document's kind."""
    summary = notice.summary.text
    return f"Thông báo {summary[:1].lower()}{summary[1:]}" if summary else "Thông báo"


def build_notice(notice: Notice) -> DocumentObject:
    document = new_document()
    set_properties(document, title=document_title(notice), author=notice.office or notice.issuer.replace("\n", " "))
    page_numbers_from_page_two(document)
    header_band(document, notice.parent_body, notice.issuer, notice.number, notice.place_date)

    centred(document, notice.title, size=14, bold=True, space_before=18)
    centred(document, notice.summary.text, size=14, bold=True)
    rule_under(document, notice.summary.text, 14, TEXT_WIDTH_MM, space_after=12)

    writer = BodyWriter(document)
    for block in notice.intro:
        writer.paragraph(block.text)
    last: Paragraph | None = None
    for block in notice.body:
        last = writer.paragraph(block.display, heading=block.style in (SECTION, SUBSECTION))
    closing = writer.paragraph(notice.closing.text)
    # The ending never stands alone: the last content paragraph, the closing and the
    # signature table move to a new page together (the table row cannot split).
    for kept in (last, closing):
        if kept is not None:
            kept.paragraph_format.keep_with_next = True
    signature_band(document, notice)
    return document


def signature_band(document: DocumentObject, notice: Notice) -> None:
    """Nơi nhận on the left, level with the authority line; signature on the right,
    with room for the e-office's signature and seal images (nothing is drawn)."""
    gap = styled(document, CELL_STYLE)
    gap.paragraph_format.space_after = Pt(6)
    gap.paragraph_format.keep_with_next = True
    left, right = band(document, RECIPIENTS_MM, SIGNATURE_MM).rows[0].cells
    label = first_paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True)
    label.alignment = WD_ALIGN_PARAGRAPH.LEFT
    entries = [f"- {name};" for name in notice.recipients] + [f"- {notice.archive}."]
    for entry in entries:
        paragraph = styled(left, CELL_STYLE)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        # a long entry's second line starts under its text, not under the dash
        paragraph.paragraph_format.left_indent = Mm(RECIPIENT_HANG_MM)
        paragraph.paragraph_format.first_line_indent = Mm(-RECIPIENT_HANG_MM)
        add_run(paragraph, entry, size=11)

    lines = notice.authority + [notice.signer_title]
    lines = [line for line in lines if line] or [""]
    first_paragraph(right, lines[0], size=14, bold=True)
    for line in lines[1:]:
        centred(right, line, size=14, bold=True)
    spacer(right, SIGNATURE_ROOM_MM)
    centred(right, notice.signer_name, size=14, bold=True)


def render_notice(notice: Notice, path: Path) -> Path:
    build_notice(notice).save(str(path))
    return path
