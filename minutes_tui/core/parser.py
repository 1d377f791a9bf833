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

from minutes_tui.core.abbreviations import AbbrCommand, parse_abbr
from minutes_tui.core.dates import parse_date
from minutes_tui.core.directory import Directory
from minutes_tui.core.model import DETAIL_FIELDS, SETTING_FIELDS, Kind
from minutes_tui.core.text import clean_line

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
    """The text could not be taken as typed; ``message`` says why (Vietnamese)."""

    message: str


Parsed = ParsedLine | DetailCommand | SettingCommand | AliasCommand | AbbrCommand | Rejected | None


def split_trailers(body: str) -> tuple[str, list[str], str]:
    """Split ``text @A, B @C ^31/01`` into text, owners and deadline."""
    matches = list(_TRAILER.finditer(body))
    if not matches:
        return body.strip(), [], ""
    text = body[: matches[0].start()].strip()
    owners: list[str] = []
    deadline_parts: list[str] = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        value = body[match.end() : end].strip()
        if match.group(1) == "@":
            name = value.strip(_OWNER_TRIM)
            if name:
                owners.append(name)
        elif value:
            deadline_parts.append(value)
    if not text and (owners or deadline_parts):
        # "@vp" alone is not a line with an owner; keep the words as typed.
        return body.strip(), [], ""
    return text, owners, " ".join(deadline_parts)


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
            return Rejected("Dòng chỉ có ký hiệu, chưa có nội dung.")
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
        return Rejected(f"Không hiểu lệnh “{line[:40]}”. Gõ // ở đầu để ghi dòng bắt đầu bằng /.")
    name = match.group(1).lower()
    name = _COMMAND_ALIASES.get(name, name)
    value = (match.group(2) or "").strip()
    if name == "set":
        field_name, _, setting = value.partition(" ")
        if field_name not in SETTING_FIELDS:
            known = ", ".join(SETTING_FIELDS)
            return Rejected(f"Không có thiết lập “{field_name}”. Các thiết lập: {known}.")
        return SettingCommand(field_name, setting.strip())
    if name == "alias":
        alias, _, full = value.partition(" ")
        full = full.strip().lstrip("=").strip()
        if not alias or not full:
            return Rejected("Cú pháp: /alias <viết tắt> <tên đầy đủ>, ví dụ /alias vp Văn phòng thị xã")
        return AliasCommand(alias.lstrip("@"), full)
    if name == "abbr":
        abbr = parse_abbr(value)
        return Rejected(abbr) if isinstance(abbr, str) else abbr
    if name not in DETAIL_FIELDS:
        return Rejected(f"Không có lệnh /{name}. Các lệnh: /{', /'.join(DETAIL_FIELDS)}, /set, /alias, /abbr.")
    if not value:
        return Rejected(f"Lệnh /{name} cần một giá trị, ví dụ /{name} …")
    if name == "date":
        parsed = parse_date(value)
        if parsed is None:
            return Rejected(f"Ngày “{value}” không hợp lệ; gõ dạng 12/01/2022.")
        value = parsed.isoformat()
    return DetailCommand(name, value)
