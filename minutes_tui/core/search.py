"""Filtering a meeting's lines: by kind, by owner, by text (case, accents and tone
placement ignored). Lines are folded once and cached, so each keystroke of a
search is a plain substring scan."""

from __future__ import annotations

from dataclasses import dataclass, field

from minutes_tui.core.model import Kind, Line
from minutes_tui.core.text import fold


def search_text(line: Line) -> str:
    """What a line is found by, folded: its text, its owners and its deadline as
    typed. The one definition, for review's filter and the archive search alike."""
    return fold(" ".join([line.text, *line.owners, line.deadline]))


@dataclass(frozen=True)
class LineFilter:
    text: str = ""
    kinds: frozenset[Kind] = field(default_factory=frozenset)
    owner: str = ""

    @property
    def active(self) -> bool:
        return bool(self.text.strip() or self.kinds or self.owner.strip())


class FoldedLines:
    """Folded search keys of lines, recomputed only when a line changes."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[object, ...], str, tuple[str, ...]]] = {}

    def keys(self, line: Line) -> tuple[str, tuple[str, ...]]:
        signature = (line.text, tuple(line.owners), line.deadline)
        cached = self._cache.get(line.id)
        if cached is None or cached[0] != signature:
            owners = tuple(fold(owner) for owner in line.owners)
            cached = (signature, search_text(line), owners)
            self._cache[line.id] = cached
        return cached[1], cached[2]

    def matches(self, lines: list[Line], line_filter: LineFilter) -> list[int]:
        """Indexes of the lines the filter keeps (headings are kept for context
        only when they match themselves)."""
        needle = fold(line_filter.text)
        owner = fold(line_filter.owner)
        kinds = line_filter.kinds
        found = []
        for index, line in enumerate(lines):
            if kinds and line.kind not in kinds:
                continue
            text, owners = self.keys(line)
            if owner and not any(owner in candidate for candidate in owners):
                continue
            if needle and needle not in text:
                continue
            found.append(index)
        return found
