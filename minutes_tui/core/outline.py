"""The notice's numbered outline, built from the meeting's headings and lines.

* Sections (``#``) are numbered ``1.``, ``2.`` … in typed order; sub-sections
  (``##``) lettered ``a)``, ``b)`` … with the Vietnamese alphabet. Empty ones print
  nothing (review flags them) and the numbering stays dense.
* A section without sub-sections that holds findings and shortcomings groups them
  under ``a) Kết quả đạt được`` and ``b) Tồn tại, hạn chế``, then ``c)`` its
  tasks (``Nhiệm vụ, giải pháp``) or decisions (``Các nội dung thống nhất``).
* With no ``#`` at all, a default outline by kind whose headings say what is in
  them: ``Đánh giá chung`` (or only ``Kết quả đạt được`` / ``Tồn tại, hạn chế``),
  ``Các nội dung thống nhất``, ``Nhiệm vụ thời gian tới``. One group alone needs
  no heading at all (a decision-only notice is a list of decisions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from minutes_tui.core.model import Kind, Line, Meeting
from minutes_tui.core.notice import BULLET, SECTION, SUBSECTION, Block

#: Letters of sub-sections: the Vietnamese alphabet without f, j, w, z.
LETTERS: Final = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
                  "v", "x", "y")

FINDINGS_TITLE: Final = "Kết quả đạt được"
SHORTCOMINGS_TITLE: Final = "Tồn tại, hạn chế"
ACTIONS_TITLE: Final = "Nhiệm vụ, giải pháp"
DECISIONS_TITLE: Final = "Các nội dung thống nhất"
DEFAULT_REVIEW_TITLE: Final = "Đánh giá chung"
DEFAULT_TASKS_TITLE: Final = "Nhiệm vụ thời gian tới"

Phrase = Callable[[Line], str]
Fingerprint = Callable[[Line], str]


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


class OutlineBuilder:
    """Blocks of the notice body; ``phrase`` turns a line into its sentence."""

    def __init__(self, phrase: Phrase, source: Fingerprint) -> None:
        self.phrase = phrase
        self.source = source

    def bullets(self, lines: Iterable[Line]) -> list[Block]:
        return [
            Block(f"line:{line.id}", BULLET, self.phrase(line), "-", self.source(line))
            for line in lines
            if line.kind.in_notice and not line.kind.is_heading and line.text.strip()
        ]

    def grouped(self, owner_key: str, lines: list[Line]) -> list[Block]:
        """Findings/shortcomings under a)/b) when both are present, then the rest as c)."""
        findings = [line for line in lines if line.kind is Kind.FINDING]
        shortcomings = [line for line in lines if line.kind is Kind.SHORTCOMING]
        actions = [line for line in lines if line.kind in (Kind.TASK, Kind.DECISION)]
        if not (findings and shortcomings):
            return self.bullets(lines)
        groups = [("findings", FINDINGS_TITLE, findings), ("shortcomings", SHORTCOMINGS_TITLE, shortcomings)]
        if actions:
            tasks = any(line.kind is Kind.TASK for line in actions)
            groups.append(("actions", ACTIONS_TITLE if tasks else DECISIONS_TITLE, actions))
        blocks: list[Block] = []
        for index, (name, title, members) in enumerate(groups):
            blocks.append(Block(f"auto:{owner_key}:{name}", SUBSECTION, title, f"{letter(index)})"))
            blocks += self.bullets(members)
        return blocks

    def section_body(self, owner_key: str, members: list[Line]) -> list[Block]:
        """A section's content: its own lines, then its sub-sections lettered."""
        if not any(line.kind is Kind.SUBSECTION for line in members):
            return self.grouped(owner_key, members)
        head: list[Line] = []
        subsections: list[tuple[Line, list[Line]]] = []
        for line in members:
            if line.kind is Kind.SUBSECTION:
                subsections.append((line, []))
            elif subsections:
                subsections[-1][1].append(line)
            else:
                head.append(line)
        blocks = self.bullets(head)
        index = 0
        for heading, lines in subsections:
            bullets = self.bullets(lines)
            if not bullets:
                continue  # an empty sub-section prints nothing (review flags it)
            blocks.append(Block(f"line:{heading.id}", SUBSECTION, heading.text, f"{letter(index)})",
                                self.source(heading)))
            blocks += bullets
            index += 1
        return blocks

    def outline(self, meeting: Meeting) -> list[Block]:
        lines = meeting.lines
        if any(line.kind is Kind.SECTION for line in lines):
            sections = list(meeting.sections())
        elif any(line.kind is Kind.SUBSECTION for line in lines):
            # Sub-sections typed without any section act as the numbered sections.
            promoted = [Line(Kind.SECTION, l.text, id=l.id) if l.kind is Kind.SUBSECTION else l for l in lines]
            sections = list(Meeting(lines=promoted).sections())
        else:
            return self.default_outline(lines)
        blocks: list[Block] = []
        number = 0
        for heading, members in sections:
            if heading is None:
                blocks += self.bullets(members)  # lines typed before the first section
                continue
            content = self.section_body(heading.id, members)
            if not content:
                continue  # an empty section prints nothing (review flags it)
            number += 1
            blocks.append(Block(f"line:{heading.id}", SECTION, heading.text, f"{number}.", self.source(heading)))
            blocks += content
        return blocks

    def default_outline(self, lines: list[Line]) -> list[Block]:
        """No ``#`` typed: sections by kind, each titled by what it holds."""
        def of(*kinds: Kind) -> list[Line]:
            return [line for line in lines if line.kind in kinds and line.text.strip()]

        findings, shortcomings = of(Kind.FINDING), of(Kind.SHORTCOMING)
        decisions, tasks = of(Kind.DECISION), of(Kind.TASK)
        groups: list[tuple[str, str, list[Block]]] = []
        if findings and shortcomings and (decisions or tasks):
            groups.append(("review", DEFAULT_REVIEW_TITLE, self.grouped("review", findings + shortcomings)))
        else:
            if findings:
                groups.append(("findings", FINDINGS_TITLE, self.bullets(findings)))
            if shortcomings:
                groups.append(("shortcomings", SHORTCOMINGS_TITLE, self.bullets(shortcomings)))
        if decisions:
            groups.append(("decisions", DECISIONS_TITLE, self.bullets(decisions)))
        if tasks:
            groups.append(("tasks", DEFAULT_TASKS_TITLE, self.bullets(tasks)))
        if len(groups) == 1:
            return groups[0][2]
        blocks: list[Block] = []
        for number, (name, title, content) in enumerate(groups, start=1):
            blocks.append(Block(f"auto:{name}", SECTION, title, f"{number}."))
            blocks += content
        return blocks
