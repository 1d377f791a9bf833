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
        #: The keys of the lines of the last call, in their order, and the version they were taken at.
        self._version: object = None
        self._texts: list[str] = []
        self._owners: list[tuple[str, ...]] = []
        self._kinds: list[Kind] = []

    def keys(self, line: Line) -> tuple[str, tuple[str, ...]]:
        signature = (line.text, tuple(line.owners), line.deadline)
        cached = self._cache.get(line.id)
        if cached is None or cached[0] != signature:
            owners = tuple(fold(owner) for owner in line.owners)
            cached = (signature, search_text(line), owners)
            self._cache[line.id] = cached
        return cached[1], cached[2]

    def matches(self, lines: list[Line], line_filter: LineFilter, version: object = None) -> list[int]:
        """Indexes of the lines the filter keeps (headings are kept for context
        only when they match themselves). ``version`` changes whenever a line does
        (review passes its store's sequence number): while it stays the same, a
        keystroke of the search scans the folded texts and looks at no line."""
        if version is None or version != self._version or len(self._texts) != len(lines):
            keys = [self.keys(line) for line in lines]
            self._texts = [text for text, _owners in keys]
            self._owners = [owners for _text, owners in keys]
            self._kinds = [line.kind for line in lines]
            self._version = version
        needle = fold(line_filter.text)
        owner = fold(line_filter.owner)
        kinds = line_filter.kinds
        if not kinds and not owner:  # a search keystroke: the common case, one scan
            return [index for index, text in enumerate(self._texts) if needle in text]
        return [index for index, text in enumerate(self._texts)
                if (not kinds or self._kinds[index] in kinds)
                and (not owner or any(owner in candidate for candidate in self._owners[index]))
                and needle in text]
