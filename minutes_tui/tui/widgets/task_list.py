"""The tracker's list: one row per task in columns — deadline, state, lead, text, source.

A :class:`RowList` (virtual, Line API): only the rows on screen are rendered,
so 10,000 tasks cost no more to show or filter than the rows visible. Column
widths follow the list's width; the text takes what the others leave, and the
highlighted task is shown in full below the list (:func:`task_detail`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from rich.text import Text
from textual import events
from textual.message import Message

from minutes_tui.core.dates import dmy
from minutes_tui.core.followup import CARRIED
from minutes_tui.core.tasks import Standing, State, Task, status_label
from minutes_tui.core.tracker import Entry
from minutes_tui.i18n import tr
from minutes_tui.tui.widgets.row_list import RowList

#: How each state stands out (Rich styles: readable on the dark and the light themes).
STATE_STYLE: Final[dict[State, str]] = {
    State.OVERDUE: "bold red",
    State.DUE_SOON: "bold yellow",
    State.IN_TIME: "green",
    State.NO_DEADLINE: "",
    State.PAUSED: "magenta",
    State.DONE_LATE: "dim yellow",
    State.DONE_ON_TIME: "dim green",
    State.CANCELLED: "dim strike",
}

DEADLINE_WIDTH: Final = 10
STATE_WIDTH: Final = 16
SOURCE_WIDTH: Final = 12
MARK_WIDTH: Final = 2  # "↪ " on a task carried into a later meeting
GAP: Final = 1
MIN_TEXT: Final = 12
MIN_LEAD, MAX_LEAD = 10, 30


@dataclass(frozen=True)
class Columns:
    lead: int
    text: int


@lru_cache(maxsize=16)
def columns(width: int) -> Columns:
    """Widths of the two flexible columns at ``width`` cells: the lead owner gets a
    quarter of what is left (10–30 cells), the text the rest."""
    fixed = MARK_WIDTH + DEADLINE_WIDTH + STATE_WIDTH + SOURCE_WIDTH + 4 * GAP
    free = max(width - fixed, MIN_LEAD + MIN_TEXT)
    lead = max(MIN_LEAD, min(MAX_LEAD, free // 4))
    return Columns(lead=lead, text=max(MIN_TEXT, free - lead))


def cell(text: str, width: int, style: str = "") -> Text:
    cell = Text(text.replace("\n", " "), style=style, no_wrap=True)
    cell.truncate(width, overflow="ellipsis", pad=True)
    return cell


def state_short(standing: Standing) -> str:
    """The state in a column's width (``Quá hạn 5 ngày``, ``Xong đúng hạn``)."""
    if standing.state is State.OVERDUE:
        return tr("tracker.state.overdue", days=standing.days_late)
    return tr(f"tracker.state.{standing.state.value}")


def deadline_cell(task: Task, standing: Standing) -> str:
    if standing.due is not None:
        return dmy(standing.due)
    return task.deadline_text() or "—"


def source_cell(task: Task) -> str:
    """The notice number once issued, else the meeting's date."""
    if task.notice:
        return task.notice
    return dmy(task.meeting_date) if task.meeting_date else "—"


def carried(task: Task) -> bool:
    return any(ref.role == CARRIED for ref in task.followup.meetings)


def task_row(item: Entry, width: int) -> Text:
    task, standing = item.task, item.standing
    cols = columns(width)
    row = Text(no_wrap=True)
    row.append("↪ " if carried(task) else "  ", style="cyan")
    row.append_text(cell(deadline_cell(task, standing), DEADLINE_WIDTH))
    row.append(" ")
    row.append_text(cell(state_short(standing), STATE_WIDTH, STATE_STYLE[standing.state]))
    row.append(" ")
    row.append_text(cell(task.lead or "—", cols.lead, "cyan"))
    row.append(" ")
    row.append_text(cell(task.text, cols.text))
    row.append(" ")
    row.append_text(cell(source_cell(task), SOURCE_WIDTH, "dim"))
    return row


def header_row(width: int) -> Text:
    cols = columns(width)
    row = Text(" " * MARK_WIDTH, style="bold", no_wrap=True)
    for key, size in (("deadline", DEADLINE_WIDTH), ("state", STATE_WIDTH), ("lead", cols.lead),
                      ("text", cols.text), ("source", SOURCE_WIDTH)):
        row.append_text(cell(tr(f"tracker.col.{key}"), size, "bold"))
        row.append(" ")
    row.rstrip()
    return row


def meeting_label(task: Task) -> str:
    """Where the task was given: the meeting (title and date) and the notice, once issued."""
    when = dmy(task.meeting_date) if task.meeting_date else tr("tracker.no_date")
    label = f"{task.meeting_title or '—'} ({when})"
    record = task.followup
    if record.notice:
        issued = f" {dmy(record.notice_date)}" if record.notice_date else ""
        label += f", {record.notice}{issued}"
    return label


def task_detail(task: Task, standing: Standing) -> Text:
    """The highlighted task in full: text, owners, deadline and its changes, source,
    status and the latest progress or result."""
    record = task.followup
    text = Text(task.text, style="bold")
    owners = tr("tracker.detail.lead", lead=task.lead) if task.lead else tr("tracker.detail.no_lead")
    if task.cooperating:
        owners += "; " + tr("tracker.detail.cooperating", names=", ".join(task.cooperating))
    text.append("\n" + owners, style="cyan")
    deadline = task.deadline_text()
    if deadline:
        text.append(" · " + tr("tracker.detail.deadline", deadline=deadline), style="yellow")
    if record.deadlines:
        last = record.deadlines[-1]
        text.append(" " + tr("tracker.detail.moved", count=len(record.deadlines), day=dmy(last.date),
                             reason=last.reason or "—"), style="yellow")
    text.append(" · ")
    text.append(state_short(standing), style=STATE_STYLE[standing.state])
    text.append("\n" + tr("tracker.detail.source", meeting=meeting_label(task)), style="dim")
    text.append(" · " + tr("tracker.detail.status", status=status_label(record.status)))
    carried_into = [ref for ref in record.meetings if ref.role == CARRIED]
    if carried_into:
        days = ", ".join(dmy(ref.date) if ref.date else "—" for ref in carried_into)
        text.append(" · " + tr("tracker.detail.carried", days=days), style="cyan")
    if record.result:
        text.append("\n" + tr("tracker.detail.result", text=record.result))
    elif record.progress:
        note = record.progress[-1]
        text.append("\n" + tr("tracker.detail.progress", day=dmy(note.date), text=note.text))
    return text


class TaskList(RowList[Entry]):
    """Tasks in columns fitted to the list's width (the screen fits its header on :class:`Resized`)."""

    @dataclass
    class Resized(Message):
        width: int

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized(self.size.width))

    def show_entries(self, items: list[Entry]) -> None:
        self.show(items, self.row)

    def row(self, item: Entry) -> Text:
        return task_row(item, self.size.width)
