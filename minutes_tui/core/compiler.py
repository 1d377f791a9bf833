"""Meeting + office settings → :class:`Notice` (a pure function).

How lines become the notice (DESIGN.md "From lines to notice"):

* Sections (``#``) are numbered ``1.``, ``2.`` … in typed order; sub-sections
  (``##``) lettered ``a)``, ``b)`` … with the Vietnamese alphabet.
* A section without sub-sections that holds both findings and shortcomings
  groups them under ``a) Kết quả đạt được`` and ``b) Tồn tại, hạn chế``; its
  tasks and decisions follow as ``c) Nhiệm vụ, giải pháp`` in typed order.
* With no ``#`` at all, a default outline: ``1. Đánh giá chung`` (findings,
  shortcomings, grouped as above) then ``2. Nhiệm vụ thời gian tới``
  (decisions and tasks in typed order). Sub-sections typed without any
  section are numbered as sections.
* Every finding, shortcoming, decision and task is one ``-`` paragraph; plain
  notes stay out. A task's lead owner becomes its subject when the text does
  not name it: ``<Lead> chủ trì, phối hợp với <B>, <C> <text>``; its deadline
  is appended (``; hoàn thành trước ngày 31/01/2022``) unless already there.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date

from minutes_tui.core.dates import dmy, nd30_date_line, parse_deadline
from minutes_tui.core.model import DEFAULT_CLOSING, Kind, Line, Meeting, OfficeSettings
from minutes_tui.core.notice import BULLET, PARAGRAPH, SECTION, SUBSECTION, Block, Notice
from minutes_tui.core.text import fold

#: Letters of sub-sections: the Vietnamese alphabet without f, j, w, z.
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

FINDINGS_TITLE = "Kết quả đạt được"
SHORTCOMINGS_TITLE = "Tồn tại, hạn chế"
ACTIONS_TITLE = "Nhiệm vụ, giải pháp"
DEFAULT_REVIEW_TITLE = "Đánh giá chung"
DEFAULT_TASKS_TITLE = "Nhiệm vụ thời gian tới"

_END_PUNCTUATION = ".!?…;:"
# First words that usually begin a name (kept capitalised after an owner).
_NAME_STARTERS = {
    fold(w)
    for w in "Văn Phòng Ban Sở Ủy Uỷ Hội Đảng Thường Công Trung Bộ Chi Tổ Trường Bệnh Viện Quỹ Cục Tòa Toà "
    "Thị Huyện Tỉnh Xã Phường Thành Quận Mặt Đoàn Liên Hợp Kho Nhà Ngân Báo Đài Trạm Hạt Đội Cảnh".split()
}


def letter(index: int) -> str:
    """``a``, ``b`` … ``y``, then ``aa``, ``ab`` … for very long lists."""
    if index < len(LETTERS):
        return LETTERS[index]
    return LETTERS[index // len(LETTERS) - 1] + LETTERS[index % len(LETTERS)]


def heading_labels(lines: Iterable[Line]) -> dict[str, str]:
    """``1.``, ``2.`` for sections and ``a)``, ``b)`` for sub-sections, by typed
    position (what review shows while the secretary reorders)."""
    labels: dict[str, str] = {}
    sections = subsections = 0
    for line in lines:
        if line.kind is Kind.SECTION:
            sections += 1
            subsections = 0
            labels[line.id] = f"{sections}."
        elif line.kind is Kind.SUBSECTION:
            labels[line.id] = f"{letter(subsections)})"
            subsections += 1
    return labels


def fingerprint(*parts: object) -> str:
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    # surrogatepass: a fingerprint must never fail, whatever text reached the model
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def line_fingerprint(line: Line) -> str:
    return fingerprint(line.kind.value, line.text, line.owners, line.deadline)


def meeting_fingerprint(meeting: Meeting, settings: OfficeSettings) -> str:
    """Changes whenever anything the notice is compiled from changes."""
    lines = [(line.id, line_fingerprint(line)) for line in meeting.lines]
    return fingerprint(meeting.details.to_dict(), lines, settings.to_dict())


# -- sentences ---------------------------------------------------------------------
def sentence(text: str) -> str:
    """Capitalised, ending with a full stop unless it already ends in punctuation."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in _END_PUNCTUATION else text + "."


# Verbs that start like names ("Tổ chức" vs "Tổ đại biểu").
_VERBS = {
    "to chuc", "cong bo", "ban hanh", "thuong xuyen", "chi tra", "chi dao", "hoi y", "thanh lap",
    "thanh tra", "tong hop", "to rong", "bo sung", "cong khai", "trung tu", "phong chong", "xa hoi hoa",
}


def lower_first(text: str) -> str:
    """Lower the first letter of a sentence that now follows a subject.

    Kept as typed when the first word looks like a name or an acronym
    ("UBND", "Văn phòng …", "Đức Phổ") — a wrong lower case is worse.
    """
    words = text.split(maxsplit=2)
    if not words:
        return text
    first = words[0]
    if len(first) > 1 and not first[1:].islower():
        return text  # acronym or mixed case
    if fold(" ".join(words[:2])) not in _VERBS and fold(first) in _NAME_STARTERS:
        return text
    if len(words) > 1 and words[1][:1].isupper():
        return text  # "Đức Phổ …": a proper noun
    return text[0].lower() + text[1:]


def task_sentence(line: Line, meeting_date: date | None) -> str:
    text = line.text.strip().rstrip(".")
    folded = fold(text)
    if line.owners and fold(line.owners[0]) not in folded:
        lead, others = line.owners[0], line.owners[1:]
        subject = f"{lead} chủ trì, phối hợp với {', '.join(others)}" if others else lead
        text = f"{subject} {lower_first(text)}"
    elif line.owners[1:]:
        missing = [o for o in line.owners[1:] if fold(o) not in folded]
        if missing:
            text = f"{text}; phối hợp với {', '.join(missing)}"
    if line.deadline:
        deadline = parse_deadline(line.deadline, meeting_date)
        mentioned = fold(deadline.typed) in fold(text) or (
            deadline.due is not None and dmy(deadline.due) in text
        )
        if not mentioned:
            text = f"{text}; hoàn thành {deadline.phrase}"
    return sentence(text)


def content_sentence(line: Line, meeting_date: date | None) -> str:
    if line.kind is Kind.TASK:
        return task_sentence(line, meeting_date)
    return sentence(line.text)


# -- the outline -------------------------------------------------------------------------
def _bullets(lines: Iterable[Line], meeting_date: date | None) -> list[Block]:
    return [
        Block(f"line:{line.id}", BULLET, content_sentence(line, meeting_date), "-", line_fingerprint(line))
        for line in lines
        if line.kind.in_notice and not line.kind.is_heading and line.text.strip()
    ]


def _grouped(owner_key: str, lines: list[Line], meeting_date: date | None) -> list[Block]:
    """Findings/shortcomings under a)/b) when both are present, then the rest."""
    findings = [l for l in lines if l.kind is Kind.FINDING]
    shortcomings = [l for l in lines if l.kind is Kind.SHORTCOMING]
    actions = [l for l in lines if l.kind in (Kind.TASK, Kind.DECISION)]
    if not (findings and shortcomings):
        return _bullets(lines, meeting_date)
    groups = [("findings", FINDINGS_TITLE, findings), ("shortcomings", SHORTCOMINGS_TITLE, shortcomings)]
    if actions:
        groups.append(("actions", ACTIONS_TITLE, actions))
    blocks: list[Block] = []
    for index, (name, title, members) in enumerate(groups):
        blocks.append(Block(f"auto:{owner_key}:{name}", SUBSECTION, title, f"{letter(index)})"))
        blocks += _bullets(members, meeting_date)
    return blocks


def _section_body(owner_key: str, members: list[Line], meeting_date: date | None) -> list[Block]:
    """A section's content: its own lines, then its sub-sections lettered."""
    if not any(line.kind is Kind.SUBSECTION for line in members):
        return _grouped(owner_key, members, meeting_date)
    blocks: list[Block] = []
    head: list[Line] = []
    subsections: list[tuple[Line, list[Line]]] = []
    for line in members:
        if line.kind is Kind.SUBSECTION:
            subsections.append((line, []))
        elif subsections:
            subsections[-1][1].append(line)
        else:
            head.append(line)
    blocks += _bullets(head, meeting_date)
    index = 0
    for heading, lines in subsections:
        bullets = _bullets(lines, meeting_date)
        if not bullets:
            continue  # an empty sub-section prints nothing (review flags it)
        blocks.append(Block(f"line:{heading.id}", SUBSECTION, heading.text, f"{letter(index)})", line_fingerprint(heading)))
        blocks += bullets
        index += 1
    return blocks


def outline(meeting: Meeting) -> list[Block]:
    meeting_date = meeting.details.meeting_date
    lines = meeting.lines
    if any(line.kind is Kind.SECTION for line in lines):
        sections = list(meeting.sections())
    elif any(line.kind is Kind.SUBSECTION for line in lines):
        # Sub-sections typed without any section act as the numbered sections.
        promoted = [Line(Kind.SECTION, l.text, id=l.id) if l.kind is Kind.SUBSECTION else l for l in lines]
        sections = list(Meeting(lines=promoted).sections())
    else:
        return _default_outline(meeting, meeting_date)
    blocks: list[Block] = []
    number = 0
    for heading, members in sections:
        if heading is None:
            blocks += _bullets(members, meeting_date)  # lines typed before the first section
            continue
        content = _section_body(heading.id, members, meeting_date)
        if not content:
            continue  # an empty section prints nothing (review flags it)
        number += 1
        blocks.append(Block(f"line:{heading.id}", SECTION, heading.text, f"{number}.", line_fingerprint(heading)))
        blocks += content
    return blocks


def _default_outline(meeting: Meeting, meeting_date: date | None) -> list[Block]:
    review = [l for l in meeting.lines if l.kind in (Kind.FINDING, Kind.SHORTCOMING)]
    actions = [l for l in meeting.lines if l.kind in (Kind.TASK, Kind.DECISION)]
    blocks: list[Block] = []
    number = 0
    for name, title, members in (("review", DEFAULT_REVIEW_TITLE, review), ("tasks", DEFAULT_TASKS_TITLE, actions)):
        if not members:
            continue
        number += 1
        blocks.append(Block(f"auto:{name}", SECTION, title, f"{number}."))
        blocks += _grouped(name, members, meeting_date) if name == "review" else _bullets(members, meeting_date)
    return blocks


# -- the framing paragraphs ------------------------------------------------------------------
def _meeting_noun(kind: str) -> str:
    """"Phiên họp" / "Hội nghị" / "Cuộc họp": how the intro refers back to the meeting."""
    folded = fold(kind)
    for noun in ("Phiên họp", "Hội nghị", "Cuộc họp", "Buổi làm việc"):
        if folded.startswith(fold(noun)):
            return noun
    return "Cuộc họp"


def _comrade(name: str) -> str:
    return name if fold(name).startswith(("dong chi", "ong ", "ba ")) else f"đồng chí {name}"


def summary_text(meeting: Meeting) -> str:
    details = meeting.details
    if details.title:
        return details.title
    body = details.body or "cơ quan"
    where = lower_first(details.kind) if details.kind else "phiên họp"
    when = f" ngày {dmy(details.meeting_date)}" if details.meeting_date else ""
    return f"Kết luận của {body} tại {where}{when}"


def intro_texts(meeting: Meeting) -> tuple[str, str]:
    d = meeting.details
    kind = d.kind or "phiên họp"
    opening = []
    if d.meeting_date:
        opening.append(f"Ngày {dmy(d.meeting_date)}")
    if d.place:
        opening.append(f"tại {d.place}")
    holder = d.body or ""
    purpose = ""
    if d.purpose:
        purpose = d.purpose if fold(d.purpose).startswith(("de ", "nham ")) else f"để {d.purpose}"
    action = " ".join(part for part in (holder, "tổ chức" if holder else "", kind, purpose) if part)
    first = sentence(", ".join(opening + [action]) if opening else action)
    parts = [first]
    if d.chair:
        parts.append(f"{_meeting_noun(kind)} do {_comrade(d.chair)} chủ trì.")
    if d.attend:
        parts.append(f"Tham dự cuộc họp có {'; '.join(d.attend)}.")
    heard = f"Sau khi nghe {'; '.join(d.heard)}; ý kiến" if d.heard else "Sau khi nghe ý kiến"
    concluder = d.concluder or (d.chair and _comrade(d.chair)) or ""
    on_behalf = f"{concluder} thay mặt {d.body}" if concluder and d.body else concluder or d.body or "Cuộc họp"
    second = f"{heard} tham gia của các thành viên dự họp, {on_behalf} kết luận một số nội dung sau:"
    return " ".join(parts), second


def closing_text(meeting: Meeting, settings: OfficeSettings) -> str:
    template = settings.closing or DEFAULT_CLOSING
    body = meeting.details.body or settings.issuer.title() or "cơ quan"
    announcer = settings.announcer or "Văn phòng"
    return template.replace("{body}", body).replace("{announcer}", announcer)


def recipients(meeting: Meeting, settings: OfficeSettings) -> list[str]:
    """Default recipients, then every task owner not yet listed (folded comparison)."""
    listed: dict[str, str] = {}
    for name in settings.recipients:
        listed.setdefault(fold(name), name)
    for line in meeting.lines:
        if line.kind is Kind.TASK:
            for owner in line.owners:
                listed.setdefault(fold(owner), owner)
    return [name for key, name in listed.items() if key]


def compile_notice(meeting: Meeting, settings: OfficeSettings, issued: date | None = None) -> Notice:
    """The notice for ``meeting`` under the office ``settings`` (pure).

    ``issued`` is the date printed in the date line (the day it is drafted);
    without it the day, month and year are left blank to be written by hand.
    """
    details_print = fingerprint(meeting.details.to_dict())
    first, second = intro_texts(meeting)
    code = settings.code.strip() or "TB"
    authority = [line.strip().upper() for line in settings.authority.replace("|", "\n").splitlines() if line.strip()]
    return Notice(
        parent_body=settings.parent_body.upper(),
        issuer=settings.issuer.upper(),
        number=f"Số:        /{code}",
        place_date=nd30_date_line(settings.place_name, issued),
        summary=Block("summary", PARAGRAPH, summary_text(meeting), source=details_print),
        intro=[
            Block("intro", PARAGRAPH, first, source=details_print),
            Block("heard", PARAGRAPH, second, source=details_print),
        ],
        body=outline(meeting),
        closing=Block("closing", PARAGRAPH, closing_text(meeting, settings), source=fingerprint(settings.closing, meeting.details.body, settings.announcer)),
        recipients=recipients(meeting, settings),
        archive=f"Lưu: {settings.archive_code.strip() or 'VT'}",
        authority=authority,
        signer_title=settings.signer_title.upper(),
        signer_name=settings.signer_name,
        fingerprint=meeting_fingerprint(meeting, settings),
    )
