"""The notice as a ``.docx`` meeting format-nd30.md."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject
from docx.shared import Pt

from minutes_tui.core.notice import SECTION, SUBSECTION, Notice
from minutes_tui.render.docx_common import (
    CELL_STYLE,
    TEXT_WIDTH_MM,
    add_run,
    band,
    body_paragraph,
    centred,
    first_paragraph,
    header_band,
    new_document,
    page_numbers_from_page_two,
    rule,
    styled,
)

RECIPIENTS_MM, SIGNATURE_MM = 75, 90


def build_notice(notice: Notice) -> DocumentObject:
    document = new_document()
    page_numbers_from_page_two(document)
    header_band(document, notice.parent_body, notice.issuer, notice.number, notice.place_date)

    centred(document, notice.title, size=14, bold=True, space_before=18)
    centred(document, notice.summary.text, size=14, bold=True)
    rule(document, 35, TEXT_WIDTH_MM, space_after=12)

    for block in notice.intro:
        body_paragraph(document, block.text)
    for block in notice.body:
        body_paragraph(document, block.display, heading=block.style in (SECTION, SUBSECTION))
    body_paragraph(document, notice.closing.text)
    signature_band(document, notice)
    return document


def signature_band(document: DocumentObject, notice: Notice) -> None:
    """Nơi nhận on the left, level with the authority line; signature on the right."""
    styled(document, CELL_STYLE).paragraph_format.space_after = Pt(6)
    left, right = band(document, RECIPIENTS_MM, SIGNATURE_MM).rows[0].cells
    label = first_paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True)
    label.alignment = 0  # left
    entries = [f"- {name};" for name in notice.recipients] + [f"- {notice.archive}."]
    for entry in entries:
        paragraph = styled(left, CELL_STYLE)
        paragraph.alignment = 0
        add_run(paragraph, entry, size=11)

    lines = notice.authority + [notice.signer_title]
    lines = [line for line in lines if line] or [""]
    first_paragraph(right, lines[0], size=14, bold=True)
    for line in lines[1:]:
        centred(right, line, size=14, bold=True)
    for _ in range(4):  # room for the signature and the seal
        centred(right, "", size=14)
    centred(right, notice.signer_name, size=14, bold=True)


def render_notice(notice: Notice, path: Path) -> Path:
    build_notice(notice).save(str(path))
    return path
