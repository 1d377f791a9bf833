"""The notes language (DESIGN.md): one capture line → one record.

``+ finding``, ``! shortcoming``, ``> task``, ``= decision``, ``# Section``,
``## Sub-section``, plain text is a note; trailing `` @owner`` (each `` @``
starts one, running to the next `` @``, `` ^`` or the end) and `` ^deadline``;
``/command value`` sets meeting details, ``/set field value`` office settings,
``/alias key Full name`` an owner alias, ``/abbr key full text`` an abbreviation
expanded while typing (:mod:`minutes_tui.core.abbreviations`). A leading ``- `` or ``• `` is dropped.
``//text`` escapes a note that starts with a slash.

:func:`parse` never raises: whatever the text, the result is a line, a command
or a :class:`Rejected` saying why the text could not be taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from minutes_tui.core.abbreviations import AbbrCommand, parse_abbr
from minutes_tui.core.dates import parse_date, parse_deadline
from minutes_tui.core.directory import Directory
from minutes_tui.core.model import (
    DETAIL_FIELDS,
    MAX_DUE_SOON_DAYS,
    SETTING_FIELDS,
    Kind,
    due_soon_days,
)
from minutes_tui.core.text import clean_line, fold
from minutes_tui.i18n import tr

_BULLET = re.compile(r"^(?:[-•*–](?:\s+|$))+")
# The sigil must be followed by a space or a letter, so "+5% tăng" stays a note.
_SIGIL = re.compile(r"^(##+|#|\+|!|>|=)(?=\s|[^\W\d_]|$)\s*", re.UNICODE)
_SIGIL_KIND = {
    "+": Kind.FINDING,
    "!": Kind.SHORTCOMING,
    ">": Kind.TASK,
    "=": Kind.DECISION,
    "#": Kind.SECTION,
}
_TRAILER = re.compile(r"\s([@^])")
_COMMAND = re.compile(r"^/(\w+)(?:\s+(.*))?$", re.UNICODE | re.DOTALL)
_OWNER_TRIM = " ,;.:"

#: Command aliases accepted besides DESIGN.md's names (Vietnamese and plurals).
_COMMAND_ALIASES = {
    "ngay": "date", "gio": "time", "diadiem": "place", "attendee": "attend",
    "attendees": "attend", "chutri": "chair", "title": "title", "trichyeu": "title",
}


@dataclass
class ParsedLine:
    kind: Kind
    text: str
    owners: list[str] = field(default_factory=list)
    deadline: str = ""


@dataclass
class DetailCommand:
    """``/date 12/01/2022`` etc.; ``value`` already validated (dates as ISO)."""

    name: str
    value: str


@dataclass
class SettingCommand:
    """``/set field value``: an office setting remembered across meetings."""

    name: str
    value: str


@dataclass
class AliasCommand:
    """``/alias vp Văn phòng thị xã``."""

    alias: str
    full: str


@dataclass
class Rejected:
    """The text could not be taken as typed; ``message`` says why (in the UI language)."""

    message: str


Parsed = ParsedLine | DetailCommand | SettingCommand | AliasCommand | AbbrCommand | Rejected | None


def split_trailers(body: str) -> tuple[str, list[str], str]:
    """Split ``text @A, B @C ^31/01`` into text, owners and deadline.

    Each `` @`` or `` ^`` starts a trailer running to the next one or the end.
    A trailer that is not an owner (``@@x``, ``@ 10 nghìn``: a name starts with
    a letter) or not a deadline (``^2 so với năm trước``, ``^31/02/2027``, or a
    deadline before the last one) stays in the text as typed, ``^`` or ``@``
    included: nothing typed disappears, and :func:`checks.check_meeting` points
    at it. The last understood deadline is the one kept, which is where
    :meth:`Line.as_typed` writes it back.
    """
    matches = list(_TRAILER.finditer(body))
    if not matches:
        return body.strip(), [], ""
    segments: list[tuple[str, str, str]] = []  # (sigil, value, as typed)
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        segments.append((match.group(1), body[match.end() : end].strip(), body[match.start() : end].strip()))
    last_deadline = max((i for i, (sigil, value, _) in enumerate(segments) if sigil == "^" and is_deadline(value)),
                        default=-1)
    text_parts = [body[: matches[0].start()].strip()]
    owners: list[str] = []
    deadline = ""
    for index, (sigil, value, typed) in enumerate(segments):
        if sigil == "@" and is_owner(value):
            owners.append(value.strip(_OWNER_TRIM))
        elif index == last_deadline:
            deadline = value
        else:
            text_parts.append(typed)
    text = " ".join(part for part in text_parts if part)
    if not text_parts[0] and (owners or deadline):
        # "@vp" alone is not a line with an owner; keep the words as typed.
        return body.strip(), [], ""
    return text, owners, deadline


def is_owner(value: str) -> bool:
    """True when the text after a `` @`` names an owner: it starts with a letter."""
    name = value.strip(_OWNER_TRIM)
    return bool(name) and name[0].isalpha()


#: Deadline words understood without a date (the notice prints them as typed).
_DEADLINE_WORDS = re.compile(r"^(?:truoc|trong|ngay|thuong xuyen|hang|dinh ky|lien tuc|khan)\b")
#: Day and month are checked against a leap year: ``29/02`` is a deadline whatever the year.
_LEAP_REFERENCE = date(2000, 1, 1)


def is_deadline(value: str) -> bool:
    """True when the text after a `` ^`` is a deadline: a date that exists, a
    period (``tháng 02/2027``, ``quý I``) or a deadline phrase (``thường xuyên``)."""
    if not value:
        return False
    return parse_deadline(value, _LEAP_REFERENCE).due is not None or bool(_DEADLINE_WORDS.match(fold(value)))


def parse(raw: str, directory: Directory | None = None, sticky: Kind | None = None) -> Parsed:
    """Parse one capture line. ``None`` means there is nothing to record.

    ``sticky`` is the tag chosen with a key for lines typed without a sigil.
    """
    line = clean_line(raw)
    line = _BULLET.sub("", line)
    if not line:
        return None
    if line.startswith("//"):
        return _content(Kind.NOTE if sticky is None else sticky, line[1:], directory)
    if line.startswith("/"):
        return _command(line)
    kind = sticky if sticky is not None else Kind.NOTE
    if match := _SIGIL.match(line):
        sigil = match.group(1)
        kind = Kind.SUBSECTION if sigil.startswith("##") else _SIGIL_KIND[sigil]
        line = line[match.end() :]
        if not line.strip():
            return Rejected(tr("parse.sigil_only"))
    if kind.is_heading:
        return ParsedLine(kind, line.strip())
    return _content(kind, line, directory)


def _content(kind: Kind, body: str, directory: Directory | None) -> ParsedLine:
    text, owners, deadline = split_trailers(body)
    if directory is not None:
        owners = [directory.expand(owner) for owner in owners]
    return ParsedLine(kind, text, list(dict.fromkeys(owners)), deadline)


def _command(line: str) -> Parsed:
    match = _COMMAND.match(line)
    if not match:
        return Rejected(tr("parse.bad_command", line=line[:40]))
    name = match.group(1).lower()
    name = _COMMAND_ALIASES.get(name, name)
    value = (match.group(2) or "").strip()
    if name == "set":
        field_name, _, setting = value.partition(" ")
        if field_name not in SETTING_FIELDS:
            known = ", ".join(SETTING_FIELDS)
            return Rejected(tr("parse.no_setting", name=field_name, known=known))
        if field_name == "due_soon_days":
            try:
                due_soon_days(setting)
            except ValueError:
                return Rejected(tr("parse.bad_due_soon_days", most=MAX_DUE_SOON_DAYS))
        return SettingCommand(field_name, setting.strip())
    if name == "alias":
        alias, _, full = value.partition(" ")
        full = full.strip().lstrip("=").strip()
        if not alias or not full:
            return Rejected(tr("parse.alias_syntax"))
        return AliasCommand(alias.lstrip("@"), full)
    if name == "abbr":
        abbr = parse_abbr(value)
        return Rejected(abbr) if isinstance(abbr, str) else abbr
    if name not in DETAIL_FIELDS:
        return Rejected(tr("parse.no_command", name=name, known=", /".join(DETAIL_FIELDS)))
    if not value:
        return Rejected(tr("parse.needs_value", name=name))
    if name == "date":
        parsed = parse_date(value)
        if parsed is None:
            return Rejected(tr("parse.bad_date", value=value))
        value = parsed.isoformat()
    return DetailCommand(name, value)
