"""Abbreviations the secretary defines once and types short: ``ubnd`` → ``Ủy ban nhân dân``.

``/abbr ubnd Ủy ban nhân dân`` defines one (``/abbr ubnd`` alone removes it);
the settings screen lists them one per line as ``ubnd = Ủy ban nhân dân``.
An abbreviation is expanded in the capture input when a space is typed after
it (:func:`Abbreviations.expansion`), and Ctrl+Z there brings back what was
typed. A word typed in capitals (``UBND``) is taken as written, so the
acronym itself stays typeable; otherwise matching ignores case, accents and
tone placement, as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from minutes_tui.core.text import clean_line, fold
from minutes_tui.i18n import tr

#: The longest full text an abbreviation may stand for (one input line is plenty).
MAX_FULL: Final = 300


@dataclass(frozen=True)
class AbbrCommand:
    """``/abbr key full``; an empty ``full`` removes ``key``."""

    key: str
    full: str


@dataclass(frozen=True)
class Expansion:
    """Replace ``value[start:end]`` (the abbreviation) with ``full``."""

    start: int
    end: int
    typed: str
    full: str

    def apply(self, value: str) -> str:
        return value[: self.start] + self.full + value[self.end :]


def parse_abbr(value: str) -> AbbrCommand | str:
    """The ``/abbr`` command's argument; a string is the reason it was refused."""
    key, _, full = clean_line(value).partition(" ")
    full = full.strip().lstrip("=").strip()
    if not key:
        return tr("parse.abbr_syntax")
    problem = key_problem(key)
    if problem:
        return problem
    if len(full) > MAX_FULL:
        return tr("parse.abbr_too_long", limit=MAX_FULL)
    return AbbrCommand(key, full)


def key_problem(key: str) -> str:
    """Why ``key`` cannot be an abbreviation ("" when it can)."""
    if not key or any(ch.isspace() for ch in key):
        return tr("parse.abbr_one_word", abbr=key)
    if key[0] in "/@^#+!>=":
        return tr("parse.abbr_sign", abbr=key, sign=key[0])
    return ""


@dataclass(frozen=True)
class Abbreviations:
    """Abbreviation (as defined) → full text; folded keys are unique."""

    entries: dict[str, str] = field(default_factory=dict)
    _folded: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_folded", {fold(key): full for key, full in self.entries.items()})

    def get(self, word: str) -> str | None:
        """The full text for ``word`` as typed, or None (a word in capitals stays as written)."""
        if word.isupper() and not any(key == word for key in self.entries):
            return None
        return self._folded.get(fold(word))

    def expansion(self, value: str, cursor: int) -> Expansion | None:
        """The expansion due when a space has just been typed before ``cursor``.

        Only in a line's text: not in a command (``/abbr ubnd …`` must stay as
        typed), not in an owner after ``@`` or a deadline after ``^``.
        """
        if cursor < 2 or value[cursor - 1] != " " or value.lstrip().startswith("/"):
            return None
        start = cursor - 1
        while start > 0 and not value[start - 1].isspace():
            start -= 1
        word = value[start : cursor - 1]
        if not word or word[0] in "@^":
            return None
        before = value[:start]
        if " @" in " " + before or " ^" in " " + before:
            return None
        full = self.get(word)
        if full is None or full == word:
            return None
        return Expansion(start, cursor - 1, word, full)

    def with_entry(self, key: str, full: str) -> Abbreviations:
        """A copy with ``key`` standing for ``full`` (an empty ``full`` removes it)."""
        entries = {k: v for k, v in self.entries.items() if fold(k) != fold(key)}
        if full:
            entries[key] = full
        return Abbreviations(entries)

    def to_text(self) -> str:
        """One ``key = full`` a line, as the settings screen shows them."""
        return "\n".join(f"{key} = {full}" for key, full in self.entries.items())

    @classmethod
    def from_text(cls, text: str) -> tuple[Abbreviations, list[str]]:
        """Parse the settings screen's lines; the problems say which line and why."""
        result = cls()
        problems: list[str] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = clean_line(raw)
            if not line:
                continue
            key, sep, full = (part.strip() for part in line.partition("="))
            if not sep or not full:
                problems.append(tr("parse.abbr_line", number=number, problem=tr("parse.abbr_line_shape")))
                continue
            if problem := key_problem(key):
                problems.append(tr("parse.abbr_line", number=number, problem=problem))
                continue
            result = result.with_entry(key, full)
        return result, problems

    def to_dict(self) -> dict[str, str]:
        return dict(self.entries)

    @classmethod
    def from_dict(cls, data: object) -> Abbreviations:
        if not isinstance(data, dict):
            return cls()
        return cls({str(k): clean_line(str(v)) for k, v in data.items() if str(k) and not key_problem(str(k))})
