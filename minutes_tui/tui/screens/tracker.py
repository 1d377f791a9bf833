"""The task tracker: every task of the archive, overdue first, followed up by key.

One key from the meeting list and from every meeting screen opens it over the
screen shown (Esc comes back). The register is read once per session on a
worker (``app.followup.with_register``) and kept; the list is a virtual
:class:`TaskList`, and filtering works on entries folded once
(:mod:`minutes_tui.core.tracker`), so neither opening nor a keystroke of the
live search costs anything per hidden row.

Follow-up keys ask what they need through :class:`FollowUpFlow` and commit to
the task's own meeting store: durable when the last Enter returns, undone by
``u`` (that meeting's ``store.undo()``), kept when the app is reopened.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.widgets import Static

from minutes_tui.core.dates import dmy
from minutes_tui.core.periods import Period, PeriodError, parse_period
from minutes_tui.core.tasks import State, Task
from minutes_tui.core.text import fold
from minutes_tui.core.tracker import (
    FILTER_ORDER,
    Entry,
    TrackerFilter,
    bodies,
    select,
    state_counts,
)
from minutes_tui.errors import UserError
from minutes_tui.i18n import tr
from minutes_tui.locations import exports_dir
from minutes_tui.services.followup import REPORT_FORMATS
from minutes_tui.services.task_register import TaskRegister
from minutes_tui.tui import keymap
from minutes_tui.tui.followup_flow import FollowUpFlow
from minutes_tui.tui.screens.base import StatusScreen
from minutes_tui.tui.screens.picker import Picker
from minutes_tui.tui.screens.prompts import TextPrompt
from minutes_tui.tui.widgets.capture_input import OwnerSuggester
from minutes_tui.tui.widgets.filter_bar import FilterBar
from minutes_tui.tui.widgets.keys_footer import KeysFooter
from minutes_tui.tui.widgets.task_list import TaskList, header_row, task_detail

#: The body filter's choice "every body" in the picker (a body name is never this).
ALL_BODIES = "\x00all"


def filter_label(name: str) -> str:
    """A state filter as the picker and the status line name it."""
    if name in ("all", "open"):
        return tr(f"tracker.filter.{name}")
    return tr(f"task.state.{name}")


def report_path(folder: Path, period: Period | None, day: date, fmt: str) -> Path:
    """``bao-cao-thuc-hien-quy-i-nam-2027.xlsx`` (or ``…-den-ngay-10-03-2027``) in
    ``folder``, numbered ``-2``, ``-3`` … rather than over an earlier report."""
    when = period.label if period is not None else f"đến ngày {dmy(day)}"
    slug = "-".join(fold(when).replace("/", " ").split())
    stem = f"bao-cao-thuc-hien-{slug}"
    path = folder / f"{stem}.{fmt}"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.{fmt}"
    return path


class TrackerScreen(StatusScreen):
    HELP_CONTEXT = "tracker"
    BINDINGS = keymap.bindings("tracker")

    def __init__(self) -> None:
        super().__init__()
        self.register: TaskRegister | None = None
        self.chosen = TrackerFilter()
        self.owner_typed = ""  # the owner filter as typed (@vp), shown again when edited
        self.entries: list[Entry] = []  # every task, overdue first
        self.counts: dict[str, int] = {}  # of the entries, by state filter
        self.shown: list[Entry] = []

    @property
    def tasks(self) -> TaskList:
        return self.query_one(TaskList)

    def compose(self) -> ComposeResult:
        yield Static(tr("tracker.title"), id="tracker-status", markup=False)
        yield Static("", id="tracker-header", markup=False)
        yield TaskList(id="tracker-list")
        yield Static(tr("tracker.loading"), id="tracker-empty", markup=False)
        yield Static("", id="task-detail", markup=False)
        yield FilterBar(id="filter-bar")
        yield from self.compose_status()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(FilterBar).display = False
        self.flow = FollowUpFlow(self.app, self.recorded)
        if self.app.followup.tracker_filter is not None:
            self.chosen, self.owner_typed = self.app.followup.tracker_filter
        self.tasks.focus()
        self.app.followup.with_register(self.register_ready)

    def register_ready(self, register: TaskRegister) -> None:
        self.register = register
        self.reload()

    # -- showing -------------------------------------------------------------------------
    def reload(self) -> None:
        """The register changed (or was just read): work the entries out again, keep the filters."""
        if self.register is None:
            return
        self.register.refresh(self.app.stores)
        self.entries = self.register.entries(self.app.today(), self.app.due_soon_days)
        self.counts = state_counts(self.entries)
        self.apply()

    def apply(self) -> None:
        """Show the entries the filters keep (the cursor stays on its task when still shown)."""
        self.app.followup.tracker_filter = (self.chosen, self.owner_typed)
        self.shown = select(self.entries, self.chosen)
        tasks = self.tasks
        tasks.show_entries(self.shown)
        if tasks.display != bool(self.shown):
            tasks.display = bool(self.shown)
            if self.shown:
                tasks.focus()
        empty = self.query_one("#tracker-empty", Static)
        empty.display = not self.shown
        empty.update(tr("tracker.none_match") if self.entries else tr("tracker.empty"))
        self.show_status()

    def show_status(self) -> None:
        counts = self.counts
        parts = [tr("tracker.title"), tr("tracker.as_of", day=dmy(self.app.today())),
                 tr("tracker.summary", total=counts["all"], overdue=counts[State.OVERDUE.value],
                    due_soon=counts[State.DUE_SOON.value])]
        if self.chosen.active:
            parts.append(tr("tracker.filtered", what=self.filter_text(), shown=len(self.shown),
                            total=len(self.entries)))
        self.query_one("#tracker-status", Static).update(" · ".join(parts))

    def filter_text(self) -> str:
        chosen = self.chosen
        what = []
        if chosen.state != "all":
            what.append(filter_label(chosen.state))
        if chosen.owner:
            what.append("@" + (self.owner_typed.lstrip("@") or chosen.owner))
        if chosen.body:
            what.append(chosen.body)
        if chosen.period is not None:
            what.append(chosen.period.label)
        if chosen.text.strip():
            what.append(f"“{chosen.text.strip()}”")
        return ", ".join(what)

    @on(TaskList.Resized)
    def fit_header(self, event: TaskList.Resized) -> None:
        self.query_one("#tracker-header", Static).update(header_row(event.width))

    @on(TaskList.Highlighted)
    def show_detail(self, event: TaskList.Highlighted) -> None:
        item = self.current()
        detail = self.query_one("#task-detail", Static)
        detail.update(task_detail(item.task, item.standing) if item is not None else "")

    def current(self) -> Entry | None:
        index = self.tasks.highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    def current_task(self) -> Task | None:
        item = self.current()
        if item is None:
            self.say(tr("tracker.no_task"))
        return item.task if item is not None else None

    # -- follow-up -----------------------------------------------------------------------
    def recorded(self, task: Task, message: str) -> None:
        """After a follow-up: the list moves under the cursor, which stays on its row
        (marking several tasks done goes down the list, not after the one just done)."""
        row = self.tasks.highlighted
        self.say(message)
        self.reload()
        if row is not None:
            self.tasks.highlighted = row

    def action_done(self) -> None:
        if (task := self.current_task()) is not None:
            self.flow.done(task)

    def action_progress(self) -> None:
        if (task := self.current_task()) is not None:
            self.flow.progress(task)

    def action_deadline(self) -> None:
        if (task := self.current_task()) is not None:
            self.flow.deadline(task)

    def action_pause(self) -> None:
        if (task := self.current_task()) is not None:
            self.flow.pause(task)

    def action_cancel_task(self) -> None:
        if (task := self.current_task()) is not None:
            self.flow.cancel(task)

    def action_reopen(self) -> None:
        if (task := self.current_task()) is not None:
            self.flow.reopen(task)

    def action_undo(self) -> None:
        if self.app.followup.undo() is not None:
            self.reload()

    def action_open_source(self) -> None:
        if (task := self.current_task()) is not None:
            self.app.open_task_line(task.meeting, task.id)

    # -- filters -------------------------------------------------------------------------
    def refilter(self, **changes: object) -> None:
        self.chosen = replace(self.chosen, **changes)  # type: ignore[arg-type]
        self.apply()

    def action_search(self) -> None:
        self.query_one(FilterBar).start("text", tr("tracker.prompt.search"), self.chosen.text)

    def action_filter_owner(self) -> None:
        self.query_one(FilterBar).start("owner", tr("tracker.prompt.owner"), self.owner_typed,
                                        OwnerSuggester(lambda: self.app.archive.directory))

    @on(FilterBar.Changed)
    def _filter_typed(self, event: FilterBar.Changed) -> None:
        """Each edit of the search or the owner filter shows its tasks at once (bench/tracker.py times this)."""
        self._set_filter(event.field, event.value)

    @on(FilterBar.Closed)
    def _filter_closed(self, event: FilterBar.Closed) -> None:
        if not event.kept:  # Esc drops that filter
            self._set_filter(event.field, "")
        self.tasks.focus()

    def _set_filter(self, field: str, value: str) -> None:
        """The search, or the owner as typed (``@vp``: its alias expanded through the directory)."""
        if field != "owner":
            self.refilter(text=value)
            return
        self.owner_typed = value.strip()
        typed = self.owner_typed.lstrip("@")
        self.refilter(owner=self.app.archive.directory.expand(typed) if typed else "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a filter is typed its bar has the keys: the screen's own are off."""
        try:
            return not self.query_one(FilterBar).display
        except NoMatches:  # asked before the bar is mounted
            return True

    def action_filter_state(self) -> None:
        choices = [(name, f"{filter_label(name)} ({self.counts[name]})") for name in FILTER_ORDER]

        def chosen(name: str | None) -> None:
            if name is not None:
                self.refilter(state=name)

        self.app.push_screen(Picker(tr("tracker.pick_state"), choices, start=self.chosen.state), chosen)

    def action_filter_body(self) -> None:
        choices = [(ALL_BODIES, f"{tr('tracker.all_bodies')} ({len(self.entries)})")]
        choices += [(name, f"{name} ({count})") for name, count in bodies(self.entries)]
        start = next((name for name, _ in choices[1:] if fold(name) == fold(self.chosen.body)), ALL_BODIES)

        def chosen(name: str | None) -> None:
            if name is not None:
                self.refilter(body="" if name == ALL_BODIES else name)

        self.app.push_screen(Picker(tr("tracker.pick_body"), choices, start=start), chosen)

    def period_check(self, value: str) -> str | None:
        if not value.strip():
            return None
        try:
            parse_period(value)
        except PeriodError as error:
            return str(error)
        return None

    def action_filter_period(self) -> None:
        def done(value: str | None) -> None:
            if value is not None:
                self.refilter(period=parse_period(value) if value.strip() else None)

        shown = self.chosen.period.label if self.chosen.period is not None else ""
        self.app.push_screen(TextPrompt(tr("tracker.prompt.period"), shown, validate=self.period_check), done)

    def action_back(self) -> None:
        """Esc: clear the filters, else back to the screen the tracker was opened over."""
        if self.chosen.active:
            self.owner_typed = ""
            self.chosen = TrackerFilter()
            self.apply()
        else:
            self.app.pop_screen()

    # -- report --------------------------------------------------------------------------
    def action_report(self) -> None:
        """Format, then period; the report covers the tasks of the owner and body filters."""
        choices = [(fmt, tr(f"tracker.format.{fmt}")) for fmt in REPORT_FORMATS]

        def with_format(fmt: str | None) -> None:
            if fmt is None:
                return
            shown = self.chosen.period.label if self.chosen.period is not None else ""

            def with_period(value: str | None) -> None:
                if value is not None:
                    period = parse_period(value) if value.strip() else None
                    scope = TrackerFilter(owner=self.chosen.owner, body=self.chosen.body)
                    self.say(tr("tracker.writing_report"))
                    self.write_report(fmt, period, [item.task for item in select(self.entries, scope)])

            prompt = TextPrompt(tr("tracker.prompt.report_period"), shown, validate=self.period_check)
            self.app.push_screen(prompt, with_period)

        self.app.push_screen(Picker(tr("tracker.pick_format"), choices, start="xlsx"), with_format)

    @work(thread=True, exclusive=True, group="task-report")
    def write_report(self, fmt: str, period: Period | None, tasks: list[Task]) -> None:
        """python-docx and openpyxl take a while on thousands of tasks: never on the UI thread."""
        from minutes_tui.services import followup

        archive = self.app.archive
        today = self.app.today()
        try:
            folder = exports_dir(archive.settings.export_folder)
            os.makedirs(folder, mode=0o700, exist_ok=True)
            path = followup.write_report(archive, tasks, report_path(folder, period, today, fmt), fmt=fmt,
                                         today=today, period=period, window=self.app.due_soon_days)
        except (UserError, OSError) as error:
            self.app.call_from_thread(self.say, tr("tracker.report_failed", reason=str(error)), severity="error")
            return
        self.app.call_from_thread(self.say, tr("tracker.report_written", path=path))
