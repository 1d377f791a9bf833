"""What happens to a task after its meeting: the stored follow-up record and its edits.

A task is a line of a meeting (``>``, or ``=`` with an owner) and keeps the
line's id; its follow-up lives on that same meeting (``Meeting.followup``,
keyed by the task id). So a follow-up write is one more edit of the meeting:
a JSON-ready operation with an exact inverse, journaled and fsync'd by
``MeetingStore.commit``, undone through ``History`` and replayed after a
crash with no new storage machinery.

Operations (``minutes_tui.core.edits.apply`` hands them to :func:`apply`):

* ``{"op": "followup", "task": id, "changes": {field: value, ...}}`` sets the
  plain fields (:data:`SCALAR_FIELDS`); a task with nothing recorded yet gets a
  fresh record first. Inverse: the old values, or ``record: null`` when there
  was no record (so undo gives back "nothing recorded", not an empty record).
* ``{"op": "followup", "task": id, "record": {...} | null}`` replaces the
  whole record, or removes it. Inverse: the record as it was (or ``null``).
* ``{"op": "followup_add", "task": id, "list": name, "item": {...}, "index": i}``
  inserts into one of the dated lists (:data:`LIST_FIELDS`); ``index`` is
  optional (append). Inverse: ``followup_remove`` at that index (or
  ``record: null``).
* ``{"op": "followup_remove", "task": id, "list": name, "index": i}``.
  Inverse: ``followup_add`` of the removed item at the same index.

Dates travel as ISO ``yyyy-mm-dd`` strings (JSON has no date type).

This module must not import ``model`` at run time: ``model`` imports it for
``Meeting.followup``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from minutes_tui.core.model import Meeting

Op = dict[str, Any]


class Status(str, Enum):
    """The stored status of a task; the state for a day is computed from it (``core.tasks``)."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    PAUSED = "paused"
    CANCELLED = "cancelled"


#: The status as a Vietnamese office writes it (register, reports, CLI ``--json`` readers).
STATUS_VI: Final[dict[Status, str]] = {
    Status.NOT_STARTED: "chưa thực hiện",
    Status.IN_PROGRESS: "đang thực hiện",
    Status.DONE: "hoàn thành",
    Status.PAUSED: "tạm dừng",
    Status.CANCELLED: "không thực hiện",
}

#: Which meeting a task went through after its own: reviewed there, or carried into it.
REVIEWED: Final = "reviewed"
CARRIED: Final = "carried"
MEETING_ROLES: Final[tuple[str, ...]] = (REVIEWED, CARRIED)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: Any) -> date | None:
    """An ISO date from JSON; ``None`` stays ``None``; anything else is an error."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"not a date: {value!r}")
    return date.fromisoformat(value)


def _required_date(value: Any) -> date:
    parsed = _date(value)
    if parsed is None:
        raise ValueError("a dated entry needs its date")
    return parsed


@dataclass(frozen=True)
class ProgressNote:
    """One dated line of progress (``đã trình dự thảo``), or the note given with a status change."""

    date: date
    text: str
    #: The status the note was given with ("paused", "cancelled" …); empty for a line
    #: of progress. A pause reason is not progress: reopening after it starts again
    #: from "chưa thực hiện" when no work was ever recorded.
    status: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = {"date": self.date.isoformat(), "text": self.text}
        if self.status:
            data["status"] = self.status
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProgressNote:
        return cls(date=_required_date(data["date"]), text=str(data.get("text", "")), status=str(data.get("status", "")))


@dataclass(frozen=True)
class DeadlineChange:
    """A deadline moved on ``date`` to ``deadline`` (as typed) for ``reason``.

    ``previous`` keeps what it replaced, so a report can say "from … to …"
    without walking the history. Year-less phrases in ``deadline`` are read
    against ``date``, the day the change was made.
    """

    date: date
    deadline: str
    reason: str = ""
    previous: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "deadline": self.deadline, "reason": self.reason,
                "previous": self.previous}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeadlineChange:
        return cls(date=_required_date(data["date"]), deadline=str(data["deadline"]),
                   reason=str(data.get("reason", "")), previous=str(data.get("previous", "")))


@dataclass(frozen=True)
class MeetingRef:
    """A later meeting where the task was reviewed or into which it was carried over."""

    meeting: str
    date: date | None = None
    role: str = REVIEWED

    def to_dict(self) -> dict[str, Any]:
        return {"meeting": self.meeting, "date": _iso(self.date), "role": self.role}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MeetingRef:
        role = str(data.get("role", REVIEWED))
        if role not in MEETING_ROLES:
            raise ValueError(f"unknown meeting role {role!r}")
        return cls(meeting=str(data["meeting"]), date=_date(data.get("date")), role=role)


_ITEM_TYPES: Final[dict[str, type[ProgressNote | DeadlineChange | MeetingRef]]] = {
    "progress": ProgressNote,
    "deadlines": DeadlineChange,
    "meetings": MeetingRef,
}
#: The dated lists of a record, changed one item at a time by ``followup_add``/``followup_remove``.
LIST_FIELDS: Final[tuple[str, ...]] = tuple(_ITEM_TYPES)
#: The plain fields a ``followup`` op may set.
SCALAR_FIELDS: Final[tuple[str, ...]] = ("status", "status_date", "result", "notice", "notice_date", "issued_text",
                                         "issued_owners")
_DATE_FIELDS: Final = frozenset({"status_date", "notice_date"})


@dataclass
class FollowUp:
    """Everything recorded about one task after its meeting.

    ``status_date`` is the day the current status took effect (for ``done``,
    the day it was done): a state "as of" an earlier day ignores it.
    ``notice``/``notice_date`` are the number and date of the issued notice that
    assigned the task (``05/TB-HĐND``), empty until issued. ``issued_text`` is
    the task as the leader worded it in the signed notice when that differs from
    the line typed in the meeting (the register follows the signed text; the
    meeting's notes stay as typed).
    """

    status: Status = Status.NOT_STARTED
    status_date: date | None = None
    result: str = ""
    notice: str = ""
    notice_date: date | None = None
    issued_text: str = ""
    #: The owners as the signed notice names them, when the leader changed them
    #: (a partner added after "phối hợp với"); empty: the owners typed in the meeting.
    issued_owners: list[str] = field(default_factory=list)
    progress: list[ProgressNote] = field(default_factory=list)
    deadlines: list[DeadlineChange] = field(default_factory=list)
    meetings: list[MeetingRef] = field(default_factory=list)

    @property
    def done_date(self) -> date | None:
        return self.status_date if self.status is Status.DONE else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "status_date": _iso(self.status_date),
            "result": self.result,
            "notice": self.notice,
            "notice_date": _iso(self.notice_date),
            **({"issued_text": self.issued_text} if self.issued_text else {}),
            **({"issued_owners": list(self.issued_owners)} if self.issued_owners else {}),
            "progress": [note.to_dict() for note in self.progress],
            "deadlines": [change.to_dict() for change in self.deadlines],
            "meetings": [ref.to_dict() for ref in self.meetings],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FollowUp:
        return cls(
            status=Status(data.get("status", Status.NOT_STARTED.value)),
            status_date=_date(data.get("status_date")),
            result=str(data.get("result", "")),
            notice=str(data.get("notice", "")),
            notice_date=_date(data.get("notice_date")),
            issued_text=str(data.get("issued_text", "")),
            issued_owners=[str(name) for name in data.get("issued_owners", []) if str(name).strip()],
            progress=[ProgressNote.from_dict(item) for item in data.get("progress", [])],
            deadlines=[DeadlineChange.from_dict(item) for item in data.get("deadlines", [])],
            meetings=[MeetingRef.from_dict(item) for item in data.get("meetings", [])],
        )

    def _set(self, name: str, value: Any) -> None:
        if name == "status":
            self.status = Status(value)
        elif name in _DATE_FIELDS:
            setattr(self, name, _date(value))
        elif name == "issued_owners" and isinstance(value, list) and all(isinstance(item, str) for item in value):
            self.issued_owners = list(value)
        elif isinstance(value, str):
            setattr(self, name, value)
        else:
            raise ValueError(f"{name} must be text, not {value!r}")

    def _get(self, name: str) -> Any:
        value = getattr(self, name)
        if isinstance(value, Status):
            return value.value
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list):
            return list(value)
        return value


# -- operations ------------------------------------------------------------------------------------
def changes(task_id: str, **values: Any) -> Op:
    """``followup`` op setting plain fields; dates and statuses may be passed as objects."""
    for name, value in values.items():
        if isinstance(value, Status):
            values[name] = value.value
        elif isinstance(value, date):
            values[name] = value.isoformat()
    return {"op": "followup", "task": task_id, "changes": values}


def replace(task_id: str, record: FollowUp | dict[str, Any] | None) -> Op:
    """``followup`` op putting back a whole record (``None``: nothing recorded)."""
    data = record.to_dict() if isinstance(record, FollowUp) else record
    return {"op": "followup", "task": task_id, "record": data}


def add(task_id: str, list_name: str, item: ProgressNote | DeadlineChange | MeetingRef,
        index: int | None = None) -> Op:
    """``followup_add`` op; ``index`` None appends."""
    op: Op = {"op": "followup_add", "task": task_id, "list": list_name, "item": item.to_dict()}
    if index is not None:
        op["index"] = index
    return op


def remove(task_id: str, list_name: str, index: int) -> Op:
    return {"op": "followup_remove", "task": task_id, "list": list_name, "index": index}


OPS: Final[frozenset[str]] = frozenset({"followup", "followup_add", "followup_remove"})


def _task_line_exists(meeting: Meeting, task_id: str) -> None:
    """Follow-up belongs to a line of this meeting: an unknown id is a bad edit.

    Whether the line is (still) a task is not checked here: undo and replay
    must put back exactly what was there, whatever the line has become since;
    the services check that a new follow-up is about a task.
    """
    meeting.index_of(task_id)


def apply(meeting: Meeting, op: Op) -> Op:
    """Apply a follow-up ``op`` to ``meeting`` in place; return the op that undoes it.

    Raises ``KeyError``/``ValueError``/``TypeError`` on a bad op, having changed
    nothing; ``edits.apply`` turns them into ``EditError``.
    """
    kind = op["op"]
    task_id = str(op["task"])
    _task_line_exists(meeting, task_id)
    records = meeting.followup
    existing = records.get(task_id)
    if kind == "followup" and "record" in op:
        data = op["record"]
        new = FollowUp.from_dict(data) if data is not None else None  # validate before changing anything
        if new is None:
            records.pop(task_id, None)
        else:
            records[task_id] = new
        return replace(task_id, existing)
    if kind == "followup":
        values = op["changes"]
        if not isinstance(values, dict):
            raise TypeError("changes must be an object")
        unknown = set(values) - set(SCALAR_FIELDS)
        if unknown:
            raise ValueError(f"unknown follow-up fields {sorted(unknown)}")
        record = FollowUp() if existing is None else existing
        before = {name: record._get(name) for name in values}
        try:
            for name, value in values.items():
                record._set(name, value)
        except (ValueError, TypeError):
            for name, value in before.items():
                record._set(name, value)
            raise
        if existing is None:
            records[task_id] = record
            return replace(task_id, None)
        return changes(task_id, **before)
    list_name = str(op["list"])
    if list_name not in _ITEM_TYPES:
        raise ValueError(f"unknown follow-up list {list_name!r}")
    if kind == "followup_add":
        item = _ITEM_TYPES[list_name].from_dict(op["item"])
        record = FollowUp() if existing is None else existing
        items: list[Any] = getattr(record, list_name)
        index = len(items) if op.get("index") is None else max(0, min(int(op["index"]), len(items)))
        items.insert(index, item)
        if existing is None:
            records[task_id] = record
            return replace(task_id, None)
        return remove(task_id, list_name, index)
    if kind == "followup_remove":
        if existing is None:
            raise KeyError(f"no follow-up recorded for {task_id}")
        items = getattr(existing, list_name)
        index = int(op["index"])
        if not 0 <= index < len(items):
            raise ValueError(f"no {list_name} entry {index}")
        removed = items.pop(index)
        return add(task_id, list_name, removed, index)
    raise ValueError(f"unknown operation {kind!r}")
