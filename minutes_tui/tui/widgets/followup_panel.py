"""Capture's panel of the body's open tasks: follow-up recorded while the meeting reviews them.

The first item of a meeting is often the report on what the last ones asked
for. Ctrl+F shows, beside the lines, the open tasks of the earlier meetings of
the same body (overdue first) and moves the focus there, so letters are keys
again: ``d`` done, ``t`` progress, ``h`` deadline — the same prompts as the
tracker (:class:`FollowUpFlow`), committed to each task's own meeting — and
``c`` carries the task into this meeting (``Carried`` asks the screen to show
the new line). Esc hides the panel and gives the input back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from minutes_tui.core.followup import CARRIED
from minutes_tui.core.model import Line
from minutes_tui.core.tasks import Task, reference
from minutes_tui.core.tracker import Entry, at_hand
from minutes_tui.errors import UserError
from minutes_tui.i18n import tr
from minutes_tui.services import followup
from minutes_tui.services.task_register import TaskRegister
from minutes_tui.store import MeetingStore
from minutes_tui.tui import keymap
from minutes_tui.tui.followup_flow import FollowUpFlow
from minutes_tui.tui.widgets.row_list import RowList
from minutes_tui.tui.widgets.task_list import (
    STATE_STYLE,
    STATE_WIDTH,
    cell,
    state_short,
    task_detail,
)

if TYPE_CHECKING:
    from minutes_tui.tui.app import MinutesApp


def panel_row(item: Entry, width: int, carried_here: bool) -> Text:
    """The state, then the text: what the secretary reads out during the review."""
    row = Text(no_wrap=True)
    row.append("↪ " if carried_here else "  ", style="cyan")
    row.append_text(cell(state_short(item.standing), STATE_WIDTH, STATE_STYLE[item.standing.state]))
    row.append(" ")
    row.append(item.task.text)
    row.truncate(max(width, 1), overflow="ellipsis")
    return row


class FollowUpList(RowList[Entry]):
    pass


class FollowUpPanel(Vertical):
    BINDINGS = keymap.bindings("followup")

    class Closed(Message):
        """Esc: the panel is hidden; the screen gives the focus back to the input."""

    @dataclass
    class Carried(Message):
        """A task was carried into this meeting: ``line`` is its new line here."""

        line: Line

    def __init__(self, store: MeetingStore, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.store = store
        self.shown: list[Entry] = []

    @property
    def minutes(self) -> MinutesApp:
        return cast("MinutesApp", self.app)

    @property
    def tasks(self) -> FollowUpList:
        return self.query_one(FollowUpList)

    def compose(self) -> ComposeResult:
        yield Static(tr("followup.loading"), id="followup-title", markup=False)
        yield FollowUpList(id="followup-list")
        yield Static("", id="followup-detail", markup=False)

    def on_mount(self) -> None:
        self.flow = FollowUpFlow(self.minutes, self.recorded)
        self.display = False

    # -- showing -------------------------------------------------------------------------
    def open(self) -> None:
        """Show the panel with the focus on its list (the register is read on the first use)."""
        self.display = True
        self.tasks.focus()
        self.minutes.followup.with_register(self.show_tasks)

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())

    def show_tasks(self, register: TaskRegister) -> None:
        body = self.store.meeting.details.body
        entries = register.entries(self.minutes.today(), self.minutes.due_soon_days)
        self.shown = at_hand(entries, self.store.id, body)
        self.tasks.show(self.shown, self.row)
        if body:
            title = tr("followup.title", body=body, count=len(self.shown))
        else:
            title = tr("followup.title_no_body", count=len(self.shown))
        self.query_one("#followup-title", Static).update(title)
        self.show_detail()

    def row(self, item: Entry) -> Text:
        return panel_row(item, self.tasks.size.width, self.carried_here(item.task))

    def carried_here(self, task: Task) -> bool:
        return any(ref.meeting == self.store.id and ref.role == CARRIED for ref in task.followup.meetings)

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        item = self.current()
        detail = self.query_one("#followup-detail", Static)
        if item is None:
            detail.update(tr("followup.none") if not self.shown else "")
        else:
            detail.update(task_detail(item.task, item.standing))

    def current(self) -> Entry | None:
        index = self.tasks.highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    def refresh_tasks(self) -> None:
        register = self.minutes.followup.register
        if register is not None:
            register.refresh(self.minutes.stores)
            self.show_tasks(register)

    # -- follow-up -----------------------------------------------------------------------
    def recorded(self, task: Task, message: str) -> None:
        self.minutes.notify(message)
        self.refresh_tasks()

    def action_done(self) -> None:
        if (item := self.current()) is not None:
            self.flow.done(item.task)

    def action_progress(self) -> None:
        if (item := self.current()) is not None:
            self.flow.progress(item.task)

    def action_deadline(self) -> None:
        if (item := self.current()) is not None:
            self.flow.deadline(item.task)

    def action_undo(self) -> None:
        if self.minutes.followup.undo() is not None:
            self.refresh_tasks()

    def action_carry(self) -> None:
        """Restate the task in this meeting (its record stays where it was given)."""
        item = self.current()
        if item is None:
            return
        app, task = self.minutes, item.task
        ref = reference(task)
        had_line = any(line.ref == ref for line in self.store.meeting.lines)
        try:
            source = app.store_for(task.meeting)
            before = {store.id: store.seq for store in (self.store, source)}
            on = self.store.meeting.details.meeting_date or app.today()
            carried = followup.carry_over(source, self.store, task.id, on)
        except UserError as error:
            app.notify(str(error), severity="error")
            app.bell()
            line = next((line for line in self.store.meeting.lines if line.ref == ref), None)
            if line is not None and not had_line:  # kept although the record failed (see carry_over)
                self.post_message(self.Carried(line))
            return
        app.followup.written([store for store in (self.store, source) if store.seq != before[store.id]])
        if carried.added:
            self.post_message(self.Carried(carried.line))
        app.notify(tr("followup.carried" if carried.added else "followup.already_carried"))
        self.refresh_tasks()
