"""The task register: every task of the archive, its follow-up, and its state on a given day.

A task is a line of a meeting — a ``>`` line, or a ``=`` line with an owner —
and is never copied: its id is the line's id, its text, owners and first
deadline are the line's, and what happens to it later is the meeting's
``followup[task id]`` (:mod:`minutes_tui.core.followup`), changed by edits of
that meeting. :class:`Task` is the read-only view the tracker, the CLI and the
reports work on; it serialises to a flat dict (:meth:`Task.to_dict`) so an
index can list tasks without opening their meetings.

The **state** (:class:`State`) is computed for a day and never stored
(:func:`state_on`): a deadline phrase counts to its last day, done on the
deadline day is on time, and a status set after the day asked about is not yet
in force. The op builders at the end (:func:`mark_done`, :func:`add_progress`
…) are what services commit; they check what a person could get wrong and
raise :class:`TaskError` with a message for the user.

Phase B, built on this (the full note is in the phase A report of issue #13):

* **Index** (``store/task_index.py``): one side file per meeting,
  ``DATA/tasks/<meeting id>.json``, written after each checkpoint of that
  meeting from ``tasks_of(store.meeting)`` and rebuilt when stale. ``tasks``,
  the tracker and ``report`` read the side files only: :meth:`Task.from_row`,
  then :func:`state_on` for the day asked; ``tasks --json`` reads the entries
  rendered beside the rows (``core.task_listing``, ``store/task_pack.py``).
* **Services** (``services/followup.py``): resolve a unique id prefix in the
  index, take the meeting's open store (the app's, or one the CLI opens: one
  owner per file), build ops with :func:`mark_done`, :func:`add_progress`,
  :func:`change_deadline`, :func:`pause`, :func:`cancel`, :func:`reopen`,
  :func:`record_meeting`, :func:`set_notice` from ``tasks_of(store.meeting)``
  (the live record, not the index copy), then ``store.commit(ops)`` — durable
  when it returns, undone by ``store.undo()``, replayed after a crash.
* **Carry-over** (``services.followup.carry_over``): the record stays on the
  source meeting, which gets ``record_meeting(task, new meeting, its date,
  CARRIED)``; the new meeting gets the line of :func:`carried_line` (a ``>``
  line with ``ref = "<meeting>/<task>"``, see :func:`reference`), which
  :func:`tasks_of` skips and the notice restates with "(nhiệm vụ chuyển tiếp)"
  (``core.phrasing.carried_over``). Follow-up is committed to the source
  meeting's store.
* **CLI/tracker**: :func:`parse_state_filter`, :func:`matches`,
  :func:`sort_key`, :func:`task_json`, :func:`state_label`,
  :func:`search_text`; the tracker's per-keystroke filters are
  ``core.tracker``; reports: ``core.task_report.build_report`` then
  ``render.docx_report`` / ``render.xlsx_report`` / ``render.csv_report``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Final, NamedTuple

from minutes_tui.core import followup
from minutes_tui.core.dates import Deadline, dmy, parse_deadline
from minutes_tui.core.followup import (
    MEETING_ROLES,
    REVIEWED,
    DeadlineChange,
    FollowUp,
    MeetingRef,
    ProgressNote,
    Status,
)
from minutes_tui.core.model import DEFAULT_DUE_SOON_DAYS, Kind, Line, Meeting
from minutes_tui.core.text import fold
from minutes_tui.errors import UserError
from minutes_tui.i18n import tr

Op = dict[str, Any]

# "Sắp đến hạn" covers the deadline day and DEFAULT_DUE_SOON_DAYS days before it (core.model);
# the office setting ``OfficeSettings.due_soon_days`` is what callers pass as ``window``.


class TaskError(UserError, ValueError):
    """A follow-up that cannot be recorded as asked; ``str()`` is the message for the user."""


class State(str, Enum):
    """A task's standing on a given day (DESIGN.md "Follow-up across meetings")."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    IN_TIME = "in_time"
    NO_DEADLINE = "no_deadline"
    PAUSED = "paused"
    CANCELLED = "cancelled"


#: The state in the words of a Vietnamese report (independent of the UI language).
STATE_VI: Final[dict[State, str]] = {
    State.DONE_ON_TIME: "Hoàn thành đúng hạn",
    State.DONE_LATE: "Hoàn thành quá hạn",
    State.OVERDUE: "Quá hạn",
    State.DUE_SOON: "Sắp đến hạn",
    State.IN_TIME: "Trong hạn",
    State.NO_DEADLINE: "Không có thời hạn / thường xuyên",
    State.PAUSED: "Tạm dừng",
    State.CANCELLED: "Không thực hiện",
}

#: The tracker's order: what needs chasing first, what is finished last.
STATE_ORDER: Final[tuple[State, ...]] = (
    State.OVERDUE, State.DUE_SOON, State.IN_TIME, State.NO_DEADLINE, State.PAUSED,
    State.DONE_LATE, State.DONE_ON_TIME, State.CANCELLED,
)
_RANK: Final[dict[State, int]] = {state: rank for rank, state in enumerate(STATE_ORDER)}
_CLOSED: Final = frozenset({State.DONE_ON_TIME, State.DONE_LATE, State.CANCELLED})
_HAS_YEAR: Final = re.compile(r"\d{4}")
#: ``--state`` values: a state, ``open`` (not done, not cancelled) or ``all``.
STATE_FILTERS: Final[tuple[str, ...]] = (*(state.value for state in State), "open", "all")


def is_task(line: Line) -> bool:
    """A ``>`` line, or a ``=`` decision that names who carries it out."""
    return line.kind is Kind.TASK or (line.kind is Kind.DECISION and bool(line.owners))


@dataclass(frozen=True)
class Task:
    """One task as the register shows it: the line it was born from plus its follow-up.

    ``created`` is the day the line was typed: year-less deadlines are read
    against the meeting date, or against it when the meeting has no date yet.
    ``order`` is the line's position in its meeting (reports list tasks in the
    order they were assigned).
    """

    id: str
    meeting: str
    text: str
    kind: Kind = Kind.TASK
    owners: tuple[str, ...] = ()
    deadline: str = ""
    meeting_date: date | None = None
    created: date = date(1970, 1, 1)
    body: str = ""
    meeting_title: str = ""
    order: int = 0
    followup: FollowUp = field(default_factory=FollowUp)
    #: The line's own deadline, understood once (read against the meeting date) and kept in
    #: the index: listing 10,000 tasks must not parse 10,000 deadline phrases again.
    line_deadline: Deadline | None = field(default=None, compare=False, repr=False)

    # -- what the line says -----------------------------------------------------------------
    @property
    def lead(self) -> str | None:
        return self.owners[0] if self.owners else None

    @property
    def cooperating(self) -> tuple[str, ...]:
        return self.owners[1:]

    @property
    def assigned(self) -> date:
        """The day the task was given: the meeting's date, else the day it was typed."""
        return self.meeting_date or self.created

    @property
    def status(self) -> Status:
        return self.followup.status

    @property
    def notice(self) -> str:
        return self.followup.notice

    def deadline_text(self, day: date | None = None) -> str:
        """The deadline in force on ``day`` (None: the latest), as typed."""
        typed = self.deadline
        for change in self.followup.deadlines:
            if day is None or change.date <= day:
                typed = change.deadline
        return typed

    def deadline_on(self, day: date | None = None) -> Deadline | None:
        """The deadline in force on ``day`` (None: the latest), understood; None when there is none.

        The line's deadline is read against the meeting date; a changed one
        against the day it was changed.
        """
        typed, ref = self.deadline, self.assigned
        changed = False
        for change in self.followup.deadlines:
            if day is None or change.date <= day:
                typed, ref, changed = change.deadline, change.date, True
        if not typed.strip():
            return None
        if not changed and self.line_deadline is not None:
            return self.line_deadline
        return parse_deadline(typed, ref)

    # -- the index --------------------------------------------------------------------------
    def head(self) -> MeetingHead:
        """What this task shares with the other tasks of its meeting (stored once per side file)."""
        return MeetingHead(self.meeting, self.meeting_date, self.body, self.meeting_title)

    def to_row(self) -> list[Any]:
        """JSON-ready, in the order of :data:`ROW`: one task of an index side file; the
        meeting's own fields are in its :class:`MeetingHead`, once per file."""
        return [
            self.id,
            self.text,
            self.kind.value,
            list(self.owners),
            self.deadline,
            # the day typed, when it is not the meeting's date (usually it is)
            None if self.created == self.meeting_date else self.created.isoformat(),
            self.order,
            # nothing recorded yet (most tasks): 0, read back without parsing
            self.followup.to_dict() if self.followup != _NOTHING_RECORDED else 0,
            _deadline_row(self.deadline_on_line()),
        ]

    def deadline_on_line(self) -> Deadline | None:
        """The line's own deadline, understood (as :meth:`deadline_on` before any change)."""
        if self.line_deadline is not None:
            return self.line_deadline
        return parse_deadline(self.deadline, self.assigned) if self.deadline.strip() else None

    @classmethod
    def from_row(cls, head: MeetingHead, row: list[Any]) -> Task:
        """The task of :meth:`to_row`'s ``row`` in the meeting ``head``; a malformed row
        raises ValueError, TypeError or IndexError (the side file is rebuilt)."""
        task_id, text, kind, owners, deadline, created, order, record, due = row
        deadline = str(deadline)
        return cls(
            id=str(task_id),
            meeting=head.id,
            text=str(text),
            kind=_KINDS.get(kind) or Kind(kind),
            owners=tuple(map(str, owners)),
            deadline=deadline,
            meeting_date=head.date,
            created=date.fromisoformat(created) if created else head.date or date(1970, 1, 1),
            body=head.body,
            meeting_title=head.title,
            order=int(order),
            followup=FollowUp.from_dict(record) if record else FollowUp(),
            line_deadline=_deadline_from_row(due, deadline),
        )


#: The fields of an index row (:meth:`Task.to_row`), in order.
ROW: Final = ("id", "text", "kind", "owners", "deadline", "created", "order", "followup", "due")


class MeetingHead(NamedTuple):
    """The fields every task of one meeting shares: stored once per index side file."""

    id: str
    date: date | None
    body: str = ""
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date.isoformat() if self.date else None, "body": self.body,
                "title": self.title}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MeetingHead:
        day = data["date"]
        return cls(str(data["id"]), date.fromisoformat(day) if day else None, str(data["body"]),
                   str(data["title"]))


_NOTHING_RECORDED: Final = FollowUp()
_KINDS: Final = {kind.value: kind for kind in Kind}


def _deadline_row(deadline: Deadline | None) -> list[Any] | None:
    if deadline is None:
        return None
    return [deadline.due.isoformat() if deadline.due else None, deadline.phrase, deadline.kind]


def _deadline_from_row(data: Any, typed: str) -> Deadline | None:
    """The kept understanding of the line's deadline; None (parse again) when absent or odd."""
    if not isinstance(data, list):
        return None
    try:
        due, phrase, kind = data
        return Deadline(typed, date.fromisoformat(due) if due else None, str(phrase), str(kind))
    except (TypeError, ValueError):
        return None


def tasks_of(meeting: Meeting) -> list[Task]:
    """The tasks of ``meeting`` in typed order, each with its follow-up (a fresh one when none).

    A follow-up record whose line is no longer a task (deleted, retagged) is
    kept on the meeting — undo brings the line back — but not listed.
    """
    found: list[Task] = []
    meeting_date = meeting.details.meeting_date
    for order, line in enumerate(meeting.lines):
        if not is_task(line) or line.ref:
            continue  # a carried task restates one of an earlier meeting: not a new task
        record = meeting.followup.get(line.id)
        found.append(Task(
            id=line.id,
            meeting=meeting.id,
            text=(record.issued_text if record is not None else "") or line.text,
            kind=line.kind,
            owners=tuple((record.issued_owners if record is not None else []) or line.owners),
            deadline=line.deadline,
            meeting_date=meeting_date,
            created=date.fromtimestamp(line.created) if line.created > 0 else date(1970, 1, 1),
            body=meeting.details.body,
            meeting_title=meeting.title,
            order=order,
            # a copy: the view must not change when the meeting is edited afterwards
            followup=FollowUp.from_dict(record.to_dict()) if record is not None else FollowUp(),
        ))
    return found


# -- the state on a day ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Standing:
    """The state of one task on one day, with what a person asks next.

    ``days_late``: days past the deadline (overdue: as of the day; done late:
    on the day it was done); 0 otherwise. ``days_left``: days until the
    deadline for a task still open and not late, else None.
    """

    state: State
    due: date | None = None
    days_late: int = 0
    days_left: int | None = None

    @property
    def open(self) -> bool:
        return self.state not in _CLOSED


_NO_DEADLINE: Final = Standing(State.NO_DEADLINE)


def state_on(task: Task, day: date, window: int = DEFAULT_DUE_SOON_DAYS) -> Standing:
    """The state of ``task`` on ``day``; ``window`` is how many days before the deadline count as "sắp đến hạn"."""
    record = task.followup
    in_force = record.status_date is None or record.status_date <= day
    if in_force and record.status is Status.DONE:
        done = record.status_date
        deadline = task.deadline_on(done)
        due = deadline.due if deadline is not None else None
        if due is not None and done is not None and done > due:
            return Standing(State.DONE_LATE, due, days_late=(done - due).days)
        return Standing(State.DONE_ON_TIME, due)
    deadline = task.deadline_on(day)
    due = deadline.due if deadline is not None else None
    if in_force and record.status is Status.CANCELLED:
        return Standing(State.CANCELLED, due)
    if in_force and record.status is Status.PAUSED:
        return Standing(State.PAUSED, due)
    return standing_by(due, day, window)


def standing_by(due: date | None, day: date, window: int = DEFAULT_DUE_SOON_DAYS) -> Standing:
    """The state on ``day`` of a task with no status in force (open, not paused), due on ``due``."""
    if due is None:
        return _NO_DEADLINE
    left = (due - day).days
    if left < 0:
        return Standing(State.OVERDUE, due, days_late=-left)
    if left <= window:
        return Standing(State.DUE_SOON, due, days_left=left)
    return Standing(State.IN_TIME, due, days_left=left)


def state_text(standing: Standing) -> str:
    """The state in plain Vietnamese, as a report prints it (``Quá hạn 5 ngày``)."""
    if standing.state is State.OVERDUE:
        return f"Quá hạn {standing.days_late} ngày"
    return STATE_VI[standing.state]


def state_label(standing: Standing) -> str:
    """The state in the UI language (``tr``)."""
    if standing.state is State.OVERDUE:
        if standing.days_late == 1:
            return tr("task.state.overdue_day")
        return tr("task.state.overdue_days", days=standing.days_late)
    return tr(f"task.state.{standing.state.value}")


def status_label(status: Status) -> str:
    """The stored status in the UI language (``tr``); :data:`STATUS_VI` for reports."""
    return tr(f"task.status.{status.value}")


def sort_key(task: Task, standing: Standing) -> tuple[int, int, date, date, str, int]:
    """Overdue first (most days late first), then by deadline, then oldest assignment."""
    return (
        _RANK[standing.state],
        -standing.days_late,
        standing.due or date.max,
        task.assigned,
        task.meeting,
        task.order,
    )


def parse_state_filter(name: str) -> str:
    """A ``--state`` value checked against :data:`STATE_FILTERS`."""
    value = name.strip().lower().replace("-", "_")
    if value not in STATE_FILTERS:
        raise TaskError(tr("task.error.no_state", name=name, choices=", ".join(STATE_FILTERS)))
    return value


def matches(task: Task, standing: Standing, *, state: str = "all", owner: str = "", meeting: str = "") -> bool:
    """Filters of ``tasks`` and the tracker: a state filter, an owner (any owner,
    accents and case ignored; aliases are expanded by the caller), a meeting id prefix."""
    if not state_passes(standing.state, state):
        return False
    wanted = fold(owner) if owner else ""
    if wanted and not any(wanted in fold(name) for name in task.owners):
        return False
    return not meeting or task.meeting.startswith(meeting)


def state_passes(state: State, wanted: str) -> bool:
    """Whether a task in ``state`` passes the state filter ``wanted`` (a :func:`parse_state_filter` value)."""
    if wanted == "all":
        return True
    if wanted == "open":
        return state not in _CLOSED
    return state.value == wanted


def search_text(task: Task) -> str:
    """What the tracker's live search matches against, folded once."""
    return fold(" ".join((task.text, *task.owners, task.deadline_text(), task.notice, task.body)))


def task_json(task: Task, standing: Standing) -> dict[str, Any]:
    """One element of ``tasks --json`` (DESIGN.md "Command line"); dates as ``dd/mm/yyyy``."""
    record = task.followup
    return {
        "id": task.id,
        "meeting": task.meeting,
        "meeting_date": dmy(task.meeting_date) if task.meeting_date else None,
        "notice": record.notice or None,
        "text": task.text,
        "lead": task.owners[0] if task.owners else None,
        "cooperating": list(task.owners[1:]),
        "deadline": dmy(standing.due) if standing.due else None,
        "deadline_text": task.deadline_text(),
        "status": record.status.value,
        "state": standing.state.value,
        "days_late": standing.days_late,
        "progress": [{"date": dmy(note.date), "text": note.text} for note in record.progress],
        "done_date": dmy(record.done_date) if record.done_date else None,
    }


# -- follow-up as edits: what services commit ------------------------------------------------------
def _on_or_after_assignment(task: Task, on: date, what: str) -> None:
    if on < task.assigned:
        raise TaskError(tr("task.error.before_assigned", what=tr(f"task.what.{what}"), day=dmy(on), assigned=dmy(task.assigned)))


def _status_ops(task: Task, status: Status, on: date, note: str) -> list[Op]:
    ops = [followup.changes(task.id, status=status, status_date=on)]
    if note.strip():
        ops.insert(0, followup.add(task.id, "progress", ProgressNote(on, note.strip(), status.value)))
    return ops


def mark_done(task: Task, on: date, note: str = "") -> list[Op]:
    """Done on ``on``; ``note`` becomes the result. Marking a done task again corrects its date."""
    _on_or_after_assignment(task, on, "done")
    if task.status is Status.CANCELLED:
        raise TaskError(tr("task.error.cancelled_reopen_first"))
    values: dict[str, Any] = {"status": Status.DONE, "status_date": on}
    if note.strip():
        values["result"] = note.strip()
    return [followup.changes(task.id, **values)]


def add_progress(task: Task, on: date, text: str) -> list[Op]:
    """A dated progress note; a task not started yet becomes "đang thực hiện"."""
    if not text.strip():
        raise TaskError(tr("task.error.empty_progress"))
    _on_or_after_assignment(task, on, "progress")
    ops = [followup.add(task.id, "progress", ProgressNote(on, text.strip()))]
    if task.status is Status.NOT_STARTED:
        ops.append(followup.changes(task.id, status=Status.IN_PROGRESS, status_date=on))
    return ops


def change_deadline(task: Task, on: date, deadline: str, reason: str = "") -> list[Op]:
    """Move the deadline on ``on``; the old one stays in the history. Year-less phrases are read against ``on``."""
    typed = deadline.strip()
    if not parse_deadline(typed, on).understood:
        raise TaskError(tr("task.error.unclear_deadline", deadline=deadline))
    if task.status in (Status.DONE, Status.CANCELLED):
        raise TaskError(tr("task.error.closed_reopen_first"))
    _on_or_after_assignment(task, on, "deadline")
    change = DeadlineChange(on, typed, reason.strip(), task.deadline_text())
    return [followup.add(task.id, "deadlines", change)]


def pause(task: Task, on: date, note: str = "") -> list[Op]:
    if task.status not in (Status.NOT_STARTED, Status.IN_PROGRESS):
        raise TaskError(tr("task.error.cannot_pause", status=status_label(task.status)))
    _on_or_after_assignment(task, on, "pause")
    return _status_ops(task, Status.PAUSED, on, note)


def cancel(task: Task, on: date, note: str = "") -> list[Op]:
    if task.status is Status.CANCELLED:
        raise TaskError(tr("task.error.already_cancelled"))
    _on_or_after_assignment(task, on, "cancel")
    return _status_ops(task, Status.CANCELLED, on, note)


def reopen(task: Task, on: date, note: str = "") -> list[Op]:
    """Back to work after done, paused or cancelled: "đang thực hiện" if progress was recorded, else "chưa thực hiện"."""
    if task.status in (Status.NOT_STARTED, Status.IN_PROGRESS):
        raise TaskError(tr("task.error.already_open"))
    _on_or_after_assignment(task, on, "reopen")
    worked = any(not note.status for note in task.followup.progress)
    status = Status.IN_PROGRESS if worked else Status.NOT_STARTED
    return _status_ops(task, status, on, note)


def record_meeting(task: Task, meeting: str, on: date | None, role: str = REVIEWED) -> list[Op]:
    """The task was reviewed at, or carried over into, a later meeting."""
    if role not in MEETING_ROLES:
        raise ValueError(f"unknown meeting role {role!r}")
    if meeting == task.meeting:
        raise TaskError(tr("task.error.own_meeting"))
    if any(ref.meeting == meeting and ref.role == role for ref in task.followup.meetings):
        return []
    return [followup.add(task.id, "meetings", MeetingRef(meeting, on, role))]


def set_notice(task: Task, number: str, issued: date | None) -> list[Op]:
    """The number and date of the issued notice that assigned the task (``05/TB-HĐND``)."""
    return [followup.changes(task.id, notice=number.strip(), notice_date=issued)]


# -- carry-over: the task restated in a later meeting ----------------------------------------------
def reference(task: Task) -> str:
    """What a carried line holds in ``Line.ref``: ``<meeting id>/<task id>``."""
    return f"{task.meeting}/{task.id}"


def _with_year(typed: str, due: date) -> str:
    """``15/12`` → ``15/12/2026``, ``quý I`` → ``quý I/2027``, ``cuối năm`` → ``cuối năm 2026``;
    the day itself when the phrase will not take its year."""
    last = typed.split()[-1]
    if last[-1].isdigit() or set(last.upper()) <= set("IVX"):
        with_year = f"{typed}/{due.year}"
    elif fold(last) == "nam":
        with_year = f"{typed} {due.year}"
    else:
        with_year = f"{typed} năm {due.year}"
    return with_year if parse_deadline(with_year, due).due == due else dmy(due)


def carried_line(task: Task) -> Line:
    """The line that restates ``task`` in a later meeting (``>`` with ``ref``).

    Its deadline is the one in force, written so that the later meeting reads
    the same day: a phrase without a year (``15/12``) becomes the date it meant.
    The record stays on the task's own meeting (:func:`tasks_of` skips this line).
    """
    typed = task.deadline_text()
    deadline = task.deadline_on()
    if deadline is not None and deadline.due is not None and not _HAS_YEAR.search(typed):
        typed = _with_year(typed, deadline.due)
    return Line(Kind.TASK, task.text, list(task.owners), typed, ref=reference(task))
