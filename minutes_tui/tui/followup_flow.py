"""Recording follow-up from the keyboard: the prompts each action needs, then the commit.

Shared by the tracker and capture's panel of open tasks, so a key does the
same thing in both: ``d`` asks the day it was done (today by default) and the
result, ``t`` a progress note, ``h`` the new deadline and why, ``p``/``x``/``r``
a note. Each answer comes from a typed prompt (:class:`TextPrompt`); the edit is
built by :mod:`minutes_tui.core.tasks` from the live record and committed
through the task's own meeting store (``app.followup.record``), durable
when the last Enter returns. What the core refuses (done before the task was
given, a deadline it cannot read …) is shown, and nothing is written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from minutes_tui.core import tasks as register
from minutes_tui.core.dates import dmy, parse_date, parse_deadline
from minutes_tui.core.tasks import Op, Task
from minutes_tui.errors import UserError
from minutes_tui.i18n import tr
from minutes_tui.tui.screens.prompts import TextPrompt, Validator

if TYPE_CHECKING:
    from minutes_tui.tui.app import MinutesApp

#: Called with the task as it now stands and the message to show.
Recorded = Callable[[Task, str], None]


class FollowUpFlow:
    def __init__(self, app: MinutesApp, recorded: Recorded) -> None:
        self.app = app
        self.recorded = recorded

    # -- prompts -------------------------------------------------------------------------
    def ask(self, label: str, value: str, then: Callable[[str], None], *, validate: Validator | None = None) -> None:
        def answered(result: str | None) -> None:
            if result is not None:
                then(result.strip())

        self.app.push_screen(TextPrompt(label, value, validate=validate), answered)

    def past_day(self, value: str) -> str | None:
        """A prompt's check: a day, not after today (the day states are computed for)."""
        day = parse_date(value, self.app.today())
        if day is None:
            return tr("tracker.bad_date", value=value)
        if day > self.app.today():
            return tr("tracker.future_date", day=dmy(day))
        return None

    def deadline_check(self, value: str) -> str | None:
        typed = value.strip().lstrip("^").strip()
        if not parse_deadline(typed, self.app.today()).understood:
            return tr("tracker.bad_deadline", value=value)
        return None

    @staticmethod
    def not_empty(value: str) -> str | None:
        return tr("tracker.empty_text") if not value.strip() else None

    def _day(self, value: str) -> date:
        return parse_date(value, self.app.today()) or self.app.today()

    # -- the actions ---------------------------------------------------------------------
    def done(self, task: Task) -> None:
        """The day (today by default), then the result (may be empty)."""
        try:  # a cancelled task is refused before anything is typed
            register.mark_done(task, max(self.app.today(), task.assigned))
        except UserError as error:
            self.fail(str(error))
            return

        def with_day(value: str) -> None:
            day = self._day(value)
            self.ask(tr("tracker.prompt.result"), task.followup.result,
                     lambda note: self.record(task, functools.partial(register.mark_done, on=day, note=note),
                                              tr("tracker.done", day=dmy(day))))

        self.ask(tr("tracker.prompt.done_date"), dmy(self.app.today()), with_day, validate=self.past_day)

    def progress(self, task: Task) -> None:
        today = self.app.today()
        self.ask(tr("tracker.prompt.progress", day=dmy(today)), "",
                 lambda note: self.record(task, functools.partial(register.add_progress, on=today, text=note),
                                          tr("tracker.progress_added")),
                 validate=self.not_empty)

    def deadline(self, task: Task) -> None:
        today = self.app.today()
        try:  # a finished task is refused before anything is typed
            register.change_deadline(task, max(today, task.assigned), dmy(today))
        except UserError as error:
            self.fail(str(error))
            return

        def with_deadline(value: str) -> None:
            typed = value.lstrip("^").strip()
            self.ask(tr("tracker.prompt.reason"), "",
                     lambda reason: self.record(
                         task, functools.partial(register.change_deadline, on=today, deadline=typed, reason=reason),
                         tr("tracker.deadline_changed", deadline=parse_deadline(typed, today).phrase)))

        self.ask(tr("tracker.prompt.deadline"), task.deadline_text(), with_deadline, validate=self.deadline_check)

    def pause(self, task: Task) -> None:
        self._with_note(task, "pause", register.pause, "tracker.paused")

    def cancel(self, task: Task) -> None:
        self._with_note(task, "cancel", register.cancel, "tracker.cancelled")

    def reopen(self, task: Task) -> None:
        self._with_note(task, "reopen", register.reopen, "tracker.reopened")

    def _with_note(self, task: Task, prompt: str, build: Callable[..., list[Op]], message: str) -> None:
        today = self.app.today()
        try:
            build(task, today)  # refused at once (already paused …) rather than after the note is typed
        except UserError as error:
            self.fail(str(error))
            return
        self.ask(tr(f"tracker.prompt.{prompt}"), "",
                 lambda note: self.record(task, functools.partial(build, on=today, note=note), tr(message)))

    # -- recording -----------------------------------------------------------------------
    def record(self, task: Task, build: Callable[[Task], list[Op]], message: str) -> None:
        try:
            updated = self.app.followup.record(task, build)
        except UserError as error:
            self.fail(str(error))
            return
        self.recorded(updated, message)

    def fail(self, message: str) -> None:
        self.app.notify(message, severity="error")
        self.app.bell()
