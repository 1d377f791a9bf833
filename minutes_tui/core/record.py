"""The biên bản (meeting record, Mẫu 1.9 of Nghị định 30) as data, in print order.

It reads as the record of the meeting, not as a list of tags:

* the form's fields (time, place, who attended, chair, secretary), a dotted blank
  to fill by hand where a detail is missing (the checks flag it too);
* "Nội dung (theo diễn biến cuộc họp)": the reports heard, then the meeting's own
  headings numbered (``1.``, ``a)``) over what was said — spoken notes, findings
  and shortcomings, each a sentence;
* ``Kết luận của chủ trì``: the decisions and tasks in the notice's own wording;
* ``<Cuộc họp> kết thúc vào … giờ …, ngày … tháng … năm …/.``, two signatures and
  ``Lưu: VT, hồ sơ.``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from minutes_tui.core.compiler import line_sentence, notice_lexicon
from minutes_tui.core.dates import nd30_day_month
from minutes_tui.core.framing import comrade, issuer_name, meeting_noun
from minutes_tui.core.letterhead import header_text
from minutes_tui.core.model import Kind, Line, Meeting, OfficeSettings, block_end
from minutes_tui.core.names import capitalise, key
from minutes_tui.core.notice import BULLET, PARAGRAPH, SECTION, SUBSECTION, Block
from minutes_tui.core.outline import letter
from minutes_tui.core.phrasing import sentence

BLANK: Final = "……"  # a dotted blank, written in by hand
CONCLUSION_TITLE: Final = "Kết luận của chủ trì"
CONTENT_LABEL: Final = "Nội dung (theo diễn biến cuộc họp):"
_SPOKEN: Final = (Kind.NOTE, Kind.FINDING, Kind.SHORTCOMING)


@dataclass
class Record:
    parent_body: str
    issuer: str
    number: str  # "Số:        /BB-HĐND"
    name: str  # the meeting's name under BIÊN BẢN
    fields: list[tuple[str, str]]  # (label, value) of the form
    content: list[Block]
    ending: str
    secretary: str  # names under the two signatures
    chair: str
    archive: str  # "Lưu: VT, hồ sơ."
    office: str
    title: str = "BIÊN BẢN"


def record_number(settings: OfficeSettings) -> str:
    code = settings.code.strip() or "TB"
    suffix = code.split("-", 1)[1] if "-" in code else code
    return f"Số:        /BB-{suffix}"


def date_words(meeting: Meeting) -> str:
    """``ngày 09 tháng 3 năm 2027`` (ND30 padding), blanks when the date is missing."""
    day = meeting.details.meeting_date
    if day is None:
        return f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    number, month = nd30_day_month(day)
    return f"ngày {number} tháng {month} năm {day.year}"


def ending_noun(kind: str) -> str:
    """Mẫu 1.9: "Cuộc họp (hội nghị, hội thảo) kết thúc vào …"."""
    for noun in ("Hội nghị", "Hội thảo"):
        if key(kind).startswith(key(noun)):
            return noun
    return "Cuộc họp"


def person_name(person: str) -> str:
    """The name part of ``Name - titles``."""
    return person.split(" - ", 1)[0].strip()


def _fields(meeting: Meeting) -> list[tuple[str, str]]:
    details = meeting.details
    fields = [
        ("Thời gian bắt đầu", f"{details.time or f'{BLANK} giờ {BLANK}'}, {date_words(meeting)}"),
        ("Địa điểm", details.place or BLANK),
        ("Thành phần tham dự", "; ".join(details.attend) or BLANK),
    ]
    if details.absent:
        fields.append(("Vắng mặt", "; ".join(details.absent)))
    fields += [
        ("Chủ trì (chủ tọa)", details.chair or BLANK),
        ("Thư ký (người ghi biên bản)", details.secretary or BLANK),
    ]
    return fields


class _Content:
    """The record's body: the flow of the meeting, then the chair's conclusions."""

    def __init__(self, meeting: Meeting, settings: OfficeSettings) -> None:
        self.meeting = meeting
        self.lexicon = notice_lexicon(meeting, settings)
        self.blocks: list[Block] = []
        self.sections = 0

    def flow(self) -> list[tuple[str, Line]]:
        """What was said, under its numbered headings; returns the decisions and tasks
        with the title of the heading they stood under."""
        details = self.meeting.details
        if details.heard:
            noun = meeting_noun(details.kind)
            self.blocks.append(Block("heard", PARAGRAPH, sentence(f"{noun} nghe {'; '.join(details.heard)}")))
        lines = self.meeting.lines
        has_sections = any(line.kind is Kind.SECTION for line in lines)
        # A heading with nothing at all under it still stands in the record, which keeps
        # every line typed; one over decisions or tasks only names them in the conclusions.
        bare = {index for index, line in enumerate(lines) if line.kind.is_heading
                and not any(not other.kind.is_heading and other.text.strip()
                            for other in lines[index + 1 : block_end(lines, index)])}
        section: Line | None = None
        subsection: Line | None = None
        subsections = 0
        actions: list[tuple[str, Line]] = []
        title = ""  # of the innermost heading so far

        def headings() -> None:
            """The headings waiting for their first line, written before it."""
            nonlocal section, subsection, subsections
            if section is not None:
                self.sections += 1
                self.blocks.append(Block(f"line:{section.id}", SECTION, section.text, f"{self.sections}."))
                section = None
            if subsection is not None:
                self.blocks.append(Block(f"line:{subsection.id}", SUBSECTION, subsection.text,
                                         f"{letter(subsections)})"))
                subsections += 1
                subsection = None

        for index, line in enumerate(lines):
            if line.kind.is_heading:
                title = line.text
            if line.kind is Kind.SECTION or (line.kind is Kind.SUBSECTION and not has_sections):
                section, subsection, subsections = line, None, 0
            elif line.kind is Kind.SUBSECTION:
                subsection = line
            elif not line.text.strip():
                continue
            elif line.kind in _SPOKEN:
                headings()
                self.blocks.append(Block(f"line:{line.id}", PARAGRAPH, sentence(line.text)))
            else:
                actions.append((title, line))
            if index in bare:
                headings()
        return actions

    def conclusions(self, actions: list[tuple[str, Line]]) -> None:
        if not actions:
            return
        details = self.meeting.details
        label = f"{self.sections + 1}." if self.sections else ""
        self.blocks.append(Block("conclusions", SECTION, CONCLUSION_TITLE, label))
        who = details.concluder or (comrade(details.chair) if details.chair else "")
        if who:
            self.blocks.append(Block("concluder", PARAGRAPH, f"{capitalise(who)} kết luận:"))
        meeting_date = details.meeting_date
        groups: dict[str, list[Line]] = {}
        for title, line in actions:
            groups.setdefault(title, []).append(line)
        lettered = len(groups) > 1
        letters = 0
        for index, (title, lines) in enumerate(groups.items()):
            if lettered and title:
                self.blocks.append(Block(f"group:{index}", SUBSECTION, title, f"{letter(letters)})"))
                letters += 1
            for line in lines:
                text = line_sentence(line, meeting_date, self.lexicon)
                self.blocks.append(Block(f"line:{line.id}", BULLET, text, "-"))


def build_record(meeting: Meeting, settings: OfficeSettings) -> Record:
    """The biên bản of ``meeting`` under the office ``settings`` (pure)."""
    details = meeting.details
    content = _Content(meeting, settings)
    content.conclusions(content.flow())
    end = details.end or f"{BLANK} giờ {BLANK}"
    return Record(
        parent_body=header_text(settings.parent_body),
        issuer=header_text(settings.issuer),
        number=record_number(settings),
        name=capitalise(details.kind.strip()) or "Cuộc họp",
        fields=_fields(meeting),
        content=content.blocks,
        ending=f"{ending_noun(details.kind)} kết thúc vào {end}, {date_words(meeting)}./.",
        secretary=person_name(details.secretary),
        chair=person_name(details.chair),
        archive=f"Lưu: {settings.archive_code.strip() or 'VT'}, hồ sơ.",
        office=settings.announcer or issuer_name(settings) or details.body,
    )
