"""The biên bản (meeting record, Mẫu 1.9 of Nghị định 30): every line, notes included."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject
from docx.shared import Pt

from minutes_tui.core.dates import nd30_day_month
from minutes_tui.core.model import Kind, Meeting, OfficeSettings
from minutes_tui.render.docx_common import (
    BODY_STYLE,
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

#: How a tag reads in the record.
KIND_WORDS = {
    Kind.FINDING: "Kết quả",
    Kind.SHORTCOMING: "Tồn tại, hạn chế",
    Kind.TASK: "Nhiệm vụ",
    Kind.DECISION: "Kết luận",
}
DOTS = "…"


def record_number(settings: OfficeSettings) -> str:
    code = settings.code.strip() or "TB"
    suffix = code.split("-", 1)[1] if "-" in code else code
    return f"Số:        /BB-{suffix}"


def _date_words(meeting: Meeting) -> str:
    d = meeting.details.meeting_date
    if d is None:
        return f"ngày {DOTS} tháng {DOTS} năm {DOTS}"
    day, month = nd30_day_month(d)
    return f"ngày {day} tháng {month} năm {d.year}"


def _person(text: str) -> str:
    """The name part of "Name - titles"."""
    return text.split(" - ", 1)[0].strip()


def line_text(kind: Kind, text: str, owners: list[str], deadline: str) -> str:
    parts = [f"{KIND_WORDS[kind]}: {text}" if kind in KIND_WORDS else text]
    if owners:
        lead = f"chủ trì: {owners[0]}"
        parts.append(lead + (f"; phối hợp: {', '.join(owners[1:])}" if owners[1:] else ""))
    if deadline:
        parts.append(f"thời hạn: {deadline}")
    return "- " + " — ".join(parts)


def build_record(meeting: Meeting, settings: OfficeSettings) -> DocumentObject:
    d = meeting.details
    document = new_document()
    page_numbers_from_page_two(document)
    header_band(document, settings.parent_body.upper(), settings.issuer.upper(), record_number(settings), "")
    centred(document, "BIÊN BẢN", size=14, bold=True, space_before=18)
    centred(document, d.kind or meeting.title or "Cuộc họp", size=14, bold=True)
    rule(document, 35, TEXT_WIDTH_MM, space_after=12)

    fields = [
        ("Thời gian bắt đầu", f"{d.time or DOTS}, {_date_words(meeting)}"),
        ("Địa điểm", d.place or DOTS),
        ("Thành phần tham dự", "; ".join(d.attend) or DOTS),
        ("Vắng mặt", "; ".join(d.absent)),
        ("Chủ trì (chủ toạ)", d.chair or DOTS),
        ("Thư ký (người ghi biên bản)", d.secretary or DOTS),
        ("Nghe báo cáo", "; ".join(d.heard)),
    ]
    for label, value in fields:
        if value:
            paragraph = styled(document, BODY_STYLE)
            add_run(paragraph, f"{label}: ", bold=True)
            add_run(paragraph, value)
    body_paragraph(document, "Nội dung (theo diễn biến cuộc họp):", heading=True)
    for line in meeting.lines:
        if line.kind.is_heading:
            body_paragraph(document, line.text, heading=True)
        else:
            body_paragraph(document, line_text(line.kind, line.text, line.owners, line.deadline))
    end = d.end or f"{DOTS} giờ {DOTS}"
    body_paragraph(document, f"Cuộc họp kết thúc vào {end}, {_date_words(meeting)}./.")
    _signatures(document, meeting, settings)
    return document


def _signatures(document: DocumentObject, meeting: Meeting, settings: OfficeSettings) -> None:
    styled(document, CELL_STYLE).paragraph_format.space_after = Pt(6)
    left, right = band(document, 82, 83).rows[0].cells
    for cell, title, name in ((left, "THƯ KÝ", meeting.details.secretary), (right, "CHỦ TỌA", meeting.details.chair)):
        first_paragraph(cell, title, size=14, bold=True)
        centred(cell, "(Ký, ghi rõ họ tên)", size=13, italic=True)
        for _ in range(3):
            centred(cell, "", size=14)
        centred(cell, _person(name), size=14, bold=True)
    label = centred(left, "Nơi nhận:", size=12, bold=True, italic=True, space_before=12)
    label.alignment = 0
    entry = styled(left, CELL_STYLE)
    entry.alignment = 0
    add_run(entry, f"- Lưu: {settings.archive_code.strip() or 'VT'}.", size=11)


def render_record(meeting: Meeting, settings: OfficeSettings, path: Path) -> Path:
    build_record(meeting, settings).save(str(path))
    return path
