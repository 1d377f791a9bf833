"""Follow-up across meetings: list the register, record what happened, report on it.

Listing reads the task index only (no meeting is opened unless its side file
is stale). Recording takes the open store of the task's meeting — the app's,
or the one a CLI command opened — builds the edit from the live record, and
commits it: durable when the call returns, undoable, replayed after a crash.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from minutes_tui.core import edits, task_listing
from minutes_tui.core import tasks as register
from minutes_tui.core.directory import Directory
from minutes_tui.core.edits import EditError
from minutes_tui.core.followup import CARRIED, Status
from minutes_tui.core.model import DEFAULT_DUE_SOON_DAYS, Line
from minutes_tui.core.tasks import (
    Standing,
    Task,
    TaskError,
    matches,
    sort_key,
    state_on,
    status_label,
    tasks_of,
)
from minutes_tui.core.text import fold
from minutes_tui.errors import UserError
from minutes_tui.i18n import tr
from minutes_tui.store import Archive, MeetingStore, StoreError

if TYPE_CHECKING:
    from minutes_tui.core.periods import Period

Op = register.Op
REPORT_FORMATS = ("docx", "xlsx", "csv")


@dataclass(frozen=True)
class Listed:
    task: Task
    standing: Standing


def all_tasks(archive: Archive, live: Mapping[str, MeetingStore] | None = None) -> list[Task]:
    """Every task of the archive (open meetings from memory)."""
    return archive.tasks.tasks(live)


def select(tasks: list[Task], day: date, *, state: str = "all", owner: str = "", meeting: str = "",
           directory: Directory | None = None, window: int = DEFAULT_DUE_SOON_DAYS) -> list[Listed]:
    """The tasks that pass the filters on ``day``, overdue first. An owner alias
    (``@vp``) is expanded through the owner directory."""
    state = register.parse_state_filter(state)
    if owner and directory is not None:
        owner = directory.expand(owner.lstrip("@"))
    listed = []
    for task in tasks:
        standing = state_on(task, day, window)
        if matches(task, standing, state=state, owner=owner, meeting=meeting):
            listed.append(Listed(task, standing))
    listed.sort(key=lambda item: sort_key(item.task, item.standing))
    return listed


def select_json(archive: Archive, day: date, *, state: str = "all", owner: str = "", meeting: str = "",
                window: int = DEFAULT_DUE_SOON_DAYS) -> bytes:
    """``tasks --json``: ``json.dumps([task_json(...) for item in select(all_tasks(archive), ...)])``
    as UTF-8, from the entries the index rendered when it was written (:mod:`minutes_tui.core.task_listing`)."""
    state = register.parse_state_filter(state)
    wanted = fold(archive.directory.expand(owner.lstrip("@"))) if owner else ""
    return task_listing.listing_json(archive.tasks.sheets(), day, state=state, wanted=wanted, meeting=meeting,
                                     window=window)


def resolve(tasks: list[Task], reference: str) -> Task:
    """The task whose id is ``reference`` or starts with it (one clear line otherwise)."""
    reference = reference.strip()
    exact = [task for task in tasks if task.id == reference]
    found = exact or [task for task in tasks if reference and task.id.startswith(reference)]
    if not found:
        raise TaskError(tr("task.error.not_found", reference=reference))
    if len(found) > 1:
        ids = ", ".join(task.id for task in found[:5])
        raise TaskError(tr("task.error.ambiguous", reference=reference, ids=ids))
    return found[0]


def update(store: MeetingStore, task_id: str, build: Callable[[Task], list[Op]]) -> Task:
    """Build the follow-up edit from the live record of ``task_id`` and commit it.

    ``build`` is one of :mod:`minutes_tui.core.tasks`' op builders (bound with
    its arguments); its :class:`TaskError` leaves everything unchanged. Returns
    the task as it now stands.
    """
    task = _live(store, task_id)
    ops = build(task)
    if ops:
        store.commit(ops)
    return _live(store, task_id)


@dataclass(frozen=True)
class Carried:
    """The outcome of :func:`carry_over`: the line restating the task, and whether it is new."""

    line: Line
    added: bool


def carry_over(source: MeetingStore, target: MeetingStore, task_id: str, on: date | None) -> Carried:
    """Carry the task ``task_id`` of ``source``'s meeting into ``target``'s: two commits.

    First ``target`` gets the line that restates the task (``>`` with
    ``ref``; :func:`tasks_of` skips it, the notice marks it "nhiệm vụ chuyển
    tiếp"), appended where the secretary is typing; then the task's own record,
    on ``source``, notes that it was carried into that meeting (``on``: its
    date). If the second commit fails, the first is undone, so neither meeting
    says what the other does not; should that undo fail too, the line stays — it
    points at a task that exists — and carrying again completes the record: both
    halves are idempotent (an existing line is reused, a mention is not repeated).
    The error of the failed commit is raised; nothing is lost either way.
    """
    if target.id == source.id:
        raise TaskError(tr("task.error.own_meeting"))
    task = _live(source, task_id)
    if task.status in (Status.DONE, Status.CANCELLED):
        raise TaskError(tr("task.error.closed_no_carry", status=status_label(task.status)))
    ref = register.reference(task)
    line = next((line for line in target.meeting.lines if line.ref == ref), None)
    added = line is None
    if line is None:
        line = register.carried_line(task)
        target.commit([edits.insert(line, len(target.meeting.lines))])
    try:
        update(source, task_id, functools.partial(register.record_meeting, meeting=target.id, on=on,
                                                  role=CARRIED))
    except (UserError, EditError):
        if added:
            try:
                target.undo()
            except StoreError:
                pass  # the line stays (see above); carrying again completes the record
        raise
    return Carried(line, added)


def _live(store: MeetingStore, task_id: str) -> Task:
    for task in tasks_of(store.meeting):
        if task.id == task_id:
            return task
    raise TaskError(tr("task.error.gone", task=task_id, meeting=store.id))


def write_report(archive: Archive, tasks: list[Task], path: Path, *, fmt: str, today: date,
                 period: Period | None = None, owner: str = "", separator: str = ",",
                 force: bool = False, window: int | None = None) -> Path:
    """Báo cáo tình hình thực hiện as ``fmt`` at ``path`` (never over an existing file unless ``force``).

    ``window``: days before a deadline that count as "sắp đến hạn"; by default the
    office setting ``due_soon_days``.
    """
    if window is None:
        window = archive.settings.due_soon_days
    if fmt not in REPORT_FORMATS:
        raise UserError(tr("report.error.format", fmt=fmt, choices=", ".join(REPORT_FORMATS)))
    if path.exists() and not force:
        raise UserError(tr("report.error.exists", path=path))
    if owner:
        wanted = archive.directory.expand(owner.lstrip("@"))
        tasks = [item.task for item in select(tasks, today, owner=wanted, window=window)]
    from minutes_tui.core.task_report import build_report, report_day, report_heading

    day = report_day(period, today)
    report = build_report(tasks, report_heading(archive.settings, day, period), day, period=period, window=window)
    partial = path.with_name(f".{path.stem}.partial{path.suffix}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "docx":
            from minutes_tui.render.docx_report import render_report_docx

            render_report_docx(report, partial)
        elif fmt == "xlsx":
            from minutes_tui.render.xlsx_report import render_report_xlsx

            render_report_xlsx(report, partial)
        else:
            from minutes_tui.render.csv_report import render_report_csv

            render_report_csv(report, partial, separator)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise UserError(tr("report.error.write", path=path, reason=error.strerror or error)) from error
    return path

