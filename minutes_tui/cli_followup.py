"""The follow-up commands (DESIGN.md "Command line"): ``tasks``, ``report`` and ``issue``.

    minutes-tui tasks [--as-of D] [--state STATE] [--owner TEXT] [--meeting M] [--json]
    minutes-tui tasks done ID [--date D] [--note TEXT]
    minutes-tui tasks progress ID TEXT [--date D]
    minutes-tui tasks deadline ID DEADLINE [--reason TEXT] [--date D]
    minutes-tui tasks pause|cancel|reopen ID [--note TEXT] [--date D]
    minutes-tui report [--as-of D] [--from D] [--to D] [--period P] [--owner TEXT]
                       (--docx F | --xlsx F | --csv F) [--separator ;] [--force]
    minutes-tui issue MEETING [--from SIGNED.docx] [--number N] [--date D]

Each goes through ``services``; a write opens the task's meeting (one store,
closed at the end) and is durable when the command returns. Bad input: one line
on stderr, a non-zero exit, nothing changed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from minutes_tui.errors import UserError
from minutes_tui.i18n import tr
from minutes_tui.store import Archive, DataLocked, StoreError

TASK_ACTIONS = ("done", "progress", "deadline", "pause", "cancel", "reopen")


def add_parsers(commands: Any, date_argument: Callable[[str], date], parser_class: type[argparse.ArgumentParser]) -> None:
    """The three commands on the CLI's sub-parsers."""
    tasks = commands.add_parser("tasks", help=tr("cli.help.tasks"))
    tasks.add_argument("--as-of", type=date_argument, metavar="DD/MM/YYYY", help=tr("cli.help.as_of"))
    tasks.add_argument("--state", default="all", help=tr("cli.help.state"))
    tasks.add_argument("--owner", default="", help=tr("cli.help.owner"))
    tasks.add_argument("--meeting", default="", help=tr("cli.help.task_meeting"))
    tasks.add_argument("--json", action="store_true", help=tr("cli.help.json"))
    actions = tasks.add_subparsers(dest="task_action", metavar="{" + ",".join(TASK_ACTIONS) + "}",
                                   parser_class=parser_class)
    for name in TASK_ACTIONS:
        action = actions.add_parser(name, help=tr(f"cli.help.task_{name}"))
        action.add_argument("task", metavar="ID", help=tr("cli.help.task_id"))
        if name == "progress":
            action.add_argument("text", help=tr("cli.help.progress_text"))
        if name == "deadline":
            action.add_argument("deadline", help=tr("cli.help.new_deadline"))
            action.add_argument("--reason", default="", help=tr("cli.help.reason"))
        if name in ("done", "pause", "cancel", "reopen"):
            action.add_argument("--note", default="", help=tr("cli.help.note"))
        action.add_argument("--date", type=date_argument, metavar="DD/MM/YYYY", help=tr("cli.help.action_date"))

    report = commands.add_parser("report", help=tr("cli.help.report"))
    report.add_argument("--as-of", type=date_argument, metavar="DD/MM/YYYY", help=tr("cli.help.as_of"))
    report.add_argument("--from", dest="start", type=date_argument, metavar="DD/MM/YYYY", help=tr("cli.help.from"))
    report.add_argument("--to", dest="end", type=date_argument, metavar="DD/MM/YYYY", help=tr("cli.help.to"))
    report.add_argument("--period", default="", help=tr("cli.help.period"))
    report.add_argument("--owner", default="", help=tr("cli.help.owner"))
    formats = report.add_mutually_exclusive_group(required=True)
    for fmt in ("docx", "xlsx", "csv"):
        formats.add_argument(f"--{fmt}", type=Path, metavar="FILE", help=tr(f"cli.help.report_{fmt}"))
    report.add_argument("--separator", default=",", choices=[",", ";", "tab"], help=tr("cli.help.separator"))
    report.add_argument("--force", action="store_true", help=tr("cli.help.force"))

    issue = commands.add_parser("issue", help=tr("cli.help.issue"))
    issue.add_argument("meeting", help=tr("cli.help.meeting"))
    issue.add_argument("--from", dest="signed", type=Path, metavar="SIGNED.docx", help=tr("cli.help.signed"))
    issue.add_argument("--number", default=None, help=tr("cli.help.number"))
    issue.add_argument("--date", type=date_argument, metavar="DD/MM/YYYY", help=tr("cli.help.issue_date"))


@contextmanager
def _writable(root: Path) -> Iterator[Archive]:
    """The archive open for writing. One writer per data folder: while the app is
    open, follow-up is recorded there."""
    try:
        archive = Archive(root).open()
    except DataLocked as error:
        raise StoreError(tr("cli.busy_for_writes", reason=str(error))) from None
    try:
        yield archive
    finally:
        archive.close()


@contextmanager
def _listing(root: Path) -> Iterator[Archive]:
    """The archive for reading the register: writable when no app holds it, so that the
    task side files it has to build are kept for the next listing; read-only otherwise."""
    try:
        archive = Archive(root).open()
    except DataLocked:
        archive = Archive(root, readonly=True).open()
    try:
        yield archive
    finally:
        archive.close()


# -- tasks --------------------------------------------------------------------------------
def run_tasks(args: argparse.Namespace, root: Path, warn: Callable[[list[str]], None]) -> int:
    from minutes_tui.core import tasks as register
    from minutes_tui.core.dates import dmy
    from minutes_tui.services import followup

    if args.task_action is not None:
        return _record(args, root, warn)
    day = args.as_of or date.today()
    if args.json:
        with _listing(root) as archive:
            as_json = followup.select_json(archive, day, state=args.state, owner=args.owner, meeting=args.meeting,
                                           window=archive.settings.due_soon_days)
            warn(archive.take_warnings())
        if sys.stdout.isatty():  # a console: its own encoding (JSON is UTF-8 everywhere else)
            print(as_json.decode())
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(as_json + b"\n")
            sys.stdout.buffer.flush()
        return 0
    with _listing(root) as archive:
        listed = followup.select(followup.all_tasks(archive), day, state=args.state, owner=args.owner,
                                 meeting=args.meeting, directory=archive.directory,
                                 window=archive.settings.due_soon_days)
        warn(archive.take_warnings())
    for item in listed:
        task, standing = item.task, item.standing
        due = dmy(standing.due) if standing.due else "-"
        lead = task.lead or "-"
        print(f"{task.id}  {due}  {register.state_label(standing)}  {lead}  {' '.join(task.text.split())}")
    return 0


def _record(args: argparse.Namespace, root: Path, warn: Callable[[list[str]], None]) -> int:
    from minutes_tui.core import tasks as register
    from minutes_tui.services import followup

    on = args.date or date.today()
    action = args.task_action
    builders: dict[str, Callable[[register.Task], list[register.Op]]] = {
        "done": lambda task: register.mark_done(task, on, args.note),
        "progress": lambda task: register.add_progress(task, on, args.text),
        "deadline": lambda task: register.change_deadline(task, on, args.deadline, args.reason),
        "pause": lambda task: register.pause(task, on, args.note),
        "cancel": lambda task: register.cancel(task, on, args.note),
        "reopen": lambda task: register.reopen(task, on, args.note),
    }
    with _writable(root) as archive:
        task = followup.resolve(followup.all_tasks(archive), args.task)
        store = archive.open_meeting(task.meeting)
        try:
            done = followup.update(store, task.id, builders[action])
        finally:
            archive.close_meeting(store)
            warn(archive.take_warnings())
    standing = register.state_on(done, args.date or date.today(), archive.settings.due_soon_days)
    print(f"{done.id}  {register.status_label(done.status)}  {register.state_label(standing)}")
    return 0


# -- report -------------------------------------------------------------------------------
def run_report(args: argparse.Namespace, root: Path, warn: Callable[[list[str]], None]) -> int:
    from minutes_tui.core.periods import between, parse_period
    from minutes_tui.services import followup

    if args.period and (args.start or args.end):
        raise UserError(tr("cli.period_or_range"))
    period = parse_period(args.period) if args.period else None
    if args.start or args.end:
        if not (args.start and args.end):
            raise UserError(tr("cli.from_and_to"))
        period = between(args.start, args.end)
    fmt, path = next((name, getattr(args, name)) for name in ("docx", "xlsx", "csv") if getattr(args, name))
    separator = "\t" if args.separator == "tab" else args.separator
    with _listing(root) as archive:
        written = followup.write_report(archive, followup.all_tasks(archive), path, fmt=fmt,
                                        today=args.as_of or date.today(), period=period, owner=args.owner,
                                        separator=separator, force=args.force,
                                        window=archive.settings.due_soon_days)
        warn(archive.take_warnings())
    print(written)
    return 0


# -- issue --------------------------------------------------------------------------------
def run_issue(args: argparse.Namespace, root: Path, warn: Callable[[list[str]], None]) -> int:
    from minutes_tui.services.issue import apply_issue, plan_issue

    with _writable(root) as archive:
        store = archive.open_meeting(archive.resolve(args.meeting))
        try:
            plan = plan_issue(store, archive.settings, signed_path=args.signed, number=args.number,
                              issued=args.date, directory=archive.directory)
            for line in issue_summary(plan):
                print(line)
            if not plan.already_issued:
                apply_issue(store, plan, archive.settings)
        finally:
            archive.close_meeting(store)
            warn(archive.take_warnings() + store.notices.warnings)
    return 0


def issue_summary(plan: Any) -> list[str]:
    """What issuing does, one line each: paragraphs, tracked changes, register, number and date."""
    from minutes_tui.core.align import ADDED, CHANGED, REMOVED
    from minutes_tui.core.dates import dmy

    if plan.already_issued:
        return [tr("cli.issue.same")]
    lines = [tr("cli.issue.number", number=plan.number, date=dmy(plan.issued) if plan.issued else "—")]
    if plan.signed is not None:
        counts = plan.counts
        lines.append(tr("cli.issue.paragraphs", same=counts["same"], changed=counts["changed"],
                        added=counts["added"], removed=counts["removed"]))
        lines.append(tr("cli.issue.tracked", insertions=plan.signed.insertions, deletions=plan.signed.deletions))
        marks = {CHANGED: "~", ADDED: "+", REMOVED: "-"}
        for change in plan.changes:
            if change.kind in marks:
                lines.append(f"  {marks[change.kind]} {change.new or change.old}")
    else:
        lines.append(tr("cli.issue.frozen"))
    for change in plan.tasks:
        lines.append(tr(f"cli.issue.task.{change.kind}", id=change.task_id or "—", before=change.before,
                        after=change.after))
    return lines


