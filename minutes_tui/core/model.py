"""The data model: a meeting is its details plus an ordered list of lines.

Headings are lines too (kinds ``SECTION`` and ``SUBSECTION``): a line belongs to
the section of the nearest heading above it, exactly as it was typed. Keeping
structure positional means capture never has to ask "which section?" and a
reorder in review is a plain list move.
"""

from __future__ import annotations

import datetime
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from enum import Enum
from typing import Any

from minutes_tui.core.dates import parse_date
from minutes_tui.core.followup import FollowUp


class Kind(str, Enum):
    NOTE = "note"
    FINDING = "finding"
    SHORTCOMING = "shortcoming"
    TASK = "task"
    DECISION = "decision"
    SECTION = "section"
    SUBSECTION = "subsection"

    @property
    def is_heading(self) -> bool:
        return self in (Kind.SECTION, Kind.SUBSECTION)

    @property
    def in_notice(self) -> bool:
        """Plain notes stay in the record (biên bản) but out of the notice."""
        return self is not Kind.NOTE


#: The sigil typed for each kind, in the notes language (DESIGN.md).
SIGIL: dict[Kind, str] = {
    Kind.FINDING: "+",
    Kind.SHORTCOMING: "!",
    Kind.TASK: ">",
    Kind.DECISION: "=",
    Kind.SECTION: "#",
    Kind.SUBSECTION: "##",
    Kind.NOTE: "",
}

#: Kinds a line of content can be tagged with (headings are not tags).
TAGS: tuple[Kind, ...] = (Kind.FINDING, Kind.SHORTCOMING, Kind.TASK, Kind.DECISION, Kind.NOTE)


def block_end(lines: Sequence[Line], index: int) -> int:
    """Where the block headed by ``lines[index]`` ends (exclusive).

    The one definition of "where a section ends", used by review, the checks
    and :meth:`Meeting.sections`: a section runs to the next section, a
    sub-section to the next heading of either level; any other line is a block
    of its own.
    """
    kind = lines[index].kind
    end = index + 1
    if not kind.is_heading:
        return end
    while end < len(lines):
        following = lines[end].kind
        if following is Kind.SECTION or (kind is Kind.SUBSECTION and following is Kind.SUBSECTION):
            break
        end += 1
    return end


def block_range(lines: Sequence[Line], index: int) -> range:
    """The lines a line carries with it when moved: itself and, for a heading,
    its content (see :func:`block_end`)."""
    return range(index, block_end(lines, index))


def new_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass
class Line:
    """One committed capture line (or heading)."""

    kind: Kind
    text: str
    owners: list[str] = field(default_factory=list)
    deadline: str = ""  # as typed; understood on demand by dates.parse_deadline
    id: str = field(default_factory=new_id)
    created: float = field(default_factory=time.time)
    #: ``"<meeting id>/<task id>"`` on a task carried over from an earlier meeting: the
    #: line restates that task (its record stays on its own meeting); empty otherwise.
    ref: str = ""

    @property
    def lead(self) -> str | None:
        """The first owner leads (chủ trì); the others are phối hợp."""
        return self.owners[0] if self.owners else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind.value
        if not self.ref:
            del data["ref"]  # absent = no reference: files without carried tasks stay as they were
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Line:
        return cls(
            kind=Kind(data["kind"]),
            text=str(data.get("text", "")),
            owners=[str(o) for o in data.get("owners", [])],
            deadline=str(data.get("deadline", "")),
            id=str(data.get("id") or new_id()),
            created=float(data.get("created", 0.0)),
            ref=str(data.get("ref") or ""),
        )

    def as_typed(self) -> str:
        """The line written back in the notes language (for editing and export)."""
        sigil = SIGIL[self.kind]
        text = self.text
        if not sigil and text.startswith("/"):
            text = "/" + text  # "//…" is the escape for a note that starts with a slash
        parts = [f"{sigil} {text}" if sigil else text]
        parts += [f"@{owner}" for owner in self.owners]
        if self.deadline:
            parts.append(f"^{self.deadline}")
        return " ".join(parts)


#: Meeting details set by ``/command value`` in capture; list fields repeat.
DETAIL_FIELDS: tuple[str, ...] = (
    "date", "time", "place", "body", "kind", "purpose", "chair", "attend",
    "absent", "heard", "concluder", "secretary", "end", "title",
)
LIST_DETAILS: frozenset[str] = frozenset({"attend", "absent", "heard"})


@dataclass
class MeetingDetails:
    date: str = ""  # ISO yyyy-mm-dd once understood
    time: str = ""
    place: str = ""
    body: str = ""
    kind: str = ""
    purpose: str = ""
    chair: str = ""
    attend: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    heard: list[str] = field(default_factory=list)
    concluder: str = ""
    secretary: str = ""
    end: str = ""
    title: str = ""  # trích yếu override

    @property
    def meeting_date(self) -> datetime.date | None:  # (the field ``date`` hides the type here)
        return parse_date(self.date) if self.date else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MeetingDetails:
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: (list(v) if k in LIST_DETAILS else str(v)) for k, v in data.items() if k in known}
        return cls(**values)


@dataclass
class Meeting:
    id: str = field(default_factory=new_id)
    details: MeetingDetails = field(default_factory=MeetingDetails)
    lines: list[Line] = field(default_factory=list)
    created: float = field(default_factory=time.time)
    #: Follow-up of this meeting's tasks, by task (= line) id; a task with nothing
    #: recorded yet has no entry. Changed only through ``edits`` (see ``core.followup``).
    followup: dict[str, FollowUp] = field(default_factory=dict)

    def index_of(self, line_id: str) -> int:
        for index, line in enumerate(self.lines):
            if line.id == line_id:
                return index
        raise KeyError(line_id)

    def get(self, line_id: str) -> Line:
        return self.lines[self.index_of(line_id)]

    def counts(self) -> dict[Kind, int]:
        counts = {kind: 0 for kind in Kind}
        for line in self.lines:
            counts[line.kind] += 1
        return counts

    def owners_used(self) -> list[str]:
        seen: dict[str, None] = {}
        for line in self.lines:
            for owner in line.owners:
                seen.setdefault(owner, None)
        return list(seen)

    @property
    def title(self) -> str:
        d = self.details
        return d.title or d.kind or d.purpose or (self.first_heading() or "")

    def first_heading(self) -> str | None:
        return next((line.text for line in self.lines if line.kind is Kind.SECTION), None)

    def sections(self) -> Iterator[tuple[Line | None, list[Line]]]:
        """Yield (section heading or None, lines under it) in typed order; lines
        typed before the first section come first, with None."""
        lines = self.lines
        index = next((n for n, line in enumerate(lines) if line.kind is Kind.SECTION), len(lines))
        if index:
            yield None, lines[:index]
        while index < len(lines):
            end = block_end(lines, index)
            yield lines[index], lines[index + 1 : end]
            index = end

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created": self.created,
            "details": self.details.to_dict(),
            "lines": [line.to_dict() for line in self.lines],
            **({"followup": {task: record.to_dict() for task, record in self.followup.items()}} if self.followup else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meeting:
        return cls(
            id=str(data["id"]),
            created=float(data.get("created", 0.0)),
            details=MeetingDetails.from_dict(data.get("details", {})),
            lines=[Line.from_dict(item) for item in data.get("lines", [])],
            followup={str(task): FollowUp.from_dict(record) for task, record in data.get("followup", {}).items()},
        )


#: Office settings (DESIGN.md), remembered across meetings; ``/set field value``.
SETTING_FIELDS: tuple[str, ...] = (
    "parent_body", "issuer", "code", "place_name", "authority", "signer_title",
    "signer_name", "announcer", "recipients", "archive_code", "closing", "date_line", "pdf_a", "language", "theme",
    "tag_keys", "export_folder", "export_access", "due_soon_days",
)

#: Values of the ``tag_keys`` setting: F2–F6, or Alt+1…5 for terminals that take the F-keys.
TAG_KEY_CHOICES: tuple[str, ...] = ("f", "alt")

#: ``due_soon_days``: a task is "sắp đến hạn" this many days before its deadline (and on it).
DEFAULT_DUE_SOON_DAYS = 7
MAX_DUE_SOON_DAYS = 365


def due_soon_days(value: object) -> int:
    """The ``due_soon_days`` setting from its typed or stored form; ``ValueError`` when it is not
    a whole number of days from 0 to :data:`MAX_DUE_SOON_DAYS`."""
    days = int(str(value).strip())
    if not 0 <= days <= MAX_DUE_SOON_DAYS:
        raise ValueError(f"due_soon_days out of range: {days}")
    return days


DEFAULT_CLOSING = (
    "Thừa lệnh {body}, {announcer} thông báo đến các cơ quan, đơn vị, "
    "địa phương liên quan biết, phối hợp thực hiện./."
)


@dataclass
class OfficeSettings:
    parent_body: str = ""
    issuer: str = ""
    code: str = "TB"
    place_name: str = ""
    authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    announcer: str = ""
    recipients: list[str] = field(default_factory=list)
    archive_code: str = "VT"
    closing: str = DEFAULT_CLOSING
    # "" dates the notice the day it is exported (or the day given); "trống" leaves
    # "ngày … tháng … năm …" blank for the hand or the e-office system to fill.
    date_line: str = ""
    # "" for an ordinary PDF; "có" (or "PDF/A-2b") asks LibreOffice for PDF/A-2b.
    pdf_a: str = ""
    language: str = "vi"
    theme: str = "textual-dark"
    tag_keys: str = "f"  # one of TAG_KEY_CHOICES
    export_folder: str = ""  # where exports go; "" = the user's Documents/minutes-tui
    export_access: str = "private"  # exported documents: "private" (0600) or "shared" (the umask's mode)
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OfficeSettings:
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            if key == "due_soon_days":
                try:
                    values[key] = due_soon_days(value)
                except ValueError:
                    continue  # a damaged value: the default
            else:
                values[key] = [str(v) for v in value] if key == "recipients" else str(value)
        return cls(**values)

    def with_value(self, name: str, value: str) -> OfficeSettings:
        """A copy with one field set from its typed text (recipients split on ``;``)."""
        if name not in SETTING_FIELDS:
            raise KeyError(name)
        data = self.to_dict()
        if name == "recipients":
            data[name] = [part.strip() for part in value.split(";") if part.strip()]
        else:
            data[name] = value.strip()
        return OfficeSettings.from_dict(data)
