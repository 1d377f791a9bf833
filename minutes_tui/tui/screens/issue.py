"""Issuing the notice from the notice screen: the file prompt, the diff view, the version list.

Three typed dialogs, each a ``MinutesModal[T]`` that returns its value through ``dismiss``:

* :class:`IssueDialog` asks for the signed ``.docx`` (empty: the current draft is
  frozen as it is), the number and the date (overrides of what the file says);
  it plans the issue on a worker and returns the :class:`IssuePlan`, or keeps
  the service's message on screen when the file is not this meeting's notice;
* :class:`IssueDiff` shows a plan — the signed text aligned with the stored
  notice, changed words marked, the register's changes listed — and applies it
  on a worker on Enter/``y`` (returns True), or shows two stored versions side by
  side read-only (:meth:`IssueDiff.comparing`);
* :class:`VersionList` lists the stored versions and returns the two picked.

Nothing here writes except :meth:`IssueDiff.apply`, through ``services.issue``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Final

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from minutes_tui.core.align import ADDED, CHANGED, REMOVED, SAME, ParagraphChange
from minutes_tui.core.dates import dmy, parse_date
from minutes_tui.core.signed_tasks import TaskChange
from minutes_tui.errors import UserError
from minutes_tui.i18n import tr
from minutes_tui.services.issue import IssuePlan, printed_paragraphs
from minutes_tui.store import MeetingStore
from minutes_tui.store.notice_store import FINAL, NoticeVersion
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MinutesModal
from minutes_tui.tui.widgets.capture_input import ComposedInput
from minutes_tui.tui.widgets.keys_footer import KeysFooter

#: How the diff view marks words and paragraphs (Rich styles).
DELETED: Final = "strike red"
INSERTED: Final = "underline green"
UNCHANGED: Final = "dim"
#: Characters of a task's text naming it in the register's list.
TASK_NAME: Final = 60
MARKS: Final[dict[str, tuple[str, str]]] = {
    CHANGED: ("~", "bold yellow"),
    ADDED: ("+", "bold green"),
    REMOVED: ("−", "bold red"),
}


def _blank(value: str) -> str | None:
    value = value.strip()
    return value or None


def signed_path(typed: str) -> Path | None:
    """The path as typed or pasted: quotes ("Copy as path" on Windows) and ``~`` handled."""
    typed = typed.strip().strip('"').strip("'").strip()
    return Path(typed).expanduser() if typed else None


class IssueDialog(MinutesModal[IssuePlan | None]):
    """Ask for the signed file, the number and the date; plan the issue on a worker.

    Enter in any field shows the changes (the plan), Esc leaves with nothing
    done. A file that cannot be issued (not a Word file, another meeting's
    notice, no number) keeps the dialog open with the service's message.
    """

    BINDINGS = keymap.bindings("issue_dialog")

    def __init__(self, store: MeetingStore) -> None:
        super().__init__()
        self.store = store
        self.planning = False

    def compose(self) -> ComposeResult:
        with Vertical(id="issue-dialog") as box:
            box.border_title = tr("issue.dialog_title")
            yield Label(tr("issue.path_label"), classes="form-label")
            yield ComposedInput(id="issue-path", classes="form-field")
            yield Label(tr("issue.number_label"), classes="form-label")
            yield ComposedInput(id="issue-number", classes="form-field")
            yield Label(tr("issue.date_label"), classes="form-label")
            yield ComposedInput(id="issue-date", classes="form-field")
            yield Static(tr("issue.dialog_hint"), id="issue-hint", markup=False)
            yield Static("", id="issue-error", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#issue-path", ComposedInput).focus()

    def value(self, field: str) -> str:
        return self.query_one(f"#issue-{field}", ComposedInput).value

    def say(self, message: str, *, error: bool = True) -> None:
        shown = self.query_one("#issue-error", Static)
        shown.set_class(error, "error")
        shown.update(message)
        if error:
            self.app.bell()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.planning:
            return
        path = signed_path(self.value("path"))
        number = _blank(self.value("number"))
        typed_date = _blank(self.value("date"))
        issued = parse_date(typed_date) if typed_date else None
        if typed_date and issued is None:
            self.say(tr("issue.bad_date", typed=typed_date))
            return
        if path is None and number is None:
            self.say(tr("issue.need_number"))
            return
        self.planning = True
        self.say(tr("issue.planning"), error=False)
        self.plan(path, number, issued)

    @work(thread=True, exclusive=True, group="issue")
    def plan(self, path: Path | None, number: str | None, issued: date | None) -> None:
        """Read, align and plan off the UI thread (reading a .docx takes a while); writes nothing."""
        from minutes_tui.services.issue import plan_issue

        archive = self.app.archive
        try:
            plan = plan_issue(self.store, archive.settings, signed_path=path, number=number,
                              issued=issued, directory=archive.directory)
        except UserError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        except Exception as error:
            self.app.call_from_thread(self._failed, tr("issue.failed", reason=str(error) or type(error).__name__))
            return
        self.app.call_from_thread(self._planned, plan)

    def _failed(self, message: str) -> None:
        self.planning = False
        if self.is_attached:
            self.say(message)

    def _planned(self, plan: IssuePlan) -> None:
        self.planning = False
        if self.app.screen is self:  # not left with Esc while the file was read
            self.dismiss(plan)

    def action_cancel(self) -> None:
        self.dismiss(None)


# -- the diff view ------------------------------------------------------------------------------


def paragraph_text(change: ParagraphChange) -> Text:
    """One aligned paragraph as the diff view shows it: a mark, then the words, the
    deleted ones struck out in red and the inserted ones underlined in green."""
    text = Text()
    if change.kind == SAME:
        text.append("  ")
        text.append(change.new, style=UNCHANGED)
        return text
    mark, style = MARKS[change.kind]
    text.append(f"{mark} {tr('issue.mark.' + change.kind)} ", style=style)
    if change.kind == ADDED:
        text.append(change.new, style=INSERTED)
    elif change.kind == REMOVED:
        text.append(change.old, style=DELETED)
    else:
        for index, word in enumerate(change.words):
            if index:
                text.append(" ")
            text.append(word.text, style=DELETED if word.op == "delete" else INSERTED if word.op == "insert" else "")
    return text


def task_line(change: TaskChange, names: dict[str, str]) -> Text:
    """One change the signed text makes to the register (the CLI's wording), the task
    named by its text where the meeting has it (the secretary does not know task ids)."""
    name = names.get(change.task_id or "")
    if name is not None:
        name = f"“{name if len(name) <= TASK_NAME else name[: TASK_NAME - 1] + '…'}”"
    who = name or change.task_id or "—"
    return Text(f"• {tr(f'cli.issue.task.{change.kind}', id=who, before=change.before, after=change.after)}")


def _counts_line(changes: Sequence[ParagraphChange]) -> str:
    counts = {SAME: 0, CHANGED: 0, ADDED: 0, REMOVED: 0}
    for change in changes:
        counts[change.kind] += 1
    return tr("cli.issue.paragraphs", same=counts[SAME], changed=counts[CHANGED], added=counts[ADDED],
              removed=counts[REMOVED])


def plan_parts(plan: IssuePlan, names: dict[str, str] | None = None) -> list[RenderableType]:
    """What issuing ``plan`` does, in reading order: number and date, counts and tracked
    changes, every paragraph aligned, then the register's changes (``names``: the
    meeting's task texts by id)."""
    parts: list[RenderableType] = [Text(tr("cli.issue.number", number=plan.number,
                                           date=dmy(plan.issued) if plan.issued else "—"), style="bold")]
    if plan.already_issued:
        parts.append(Text(tr("issue.nothing_done"), style="bold yellow"))
    if plan.signed is not None:
        parts.append(Text(_counts_line(plan.changes)))
        parts.append(Text(tr("cli.issue.tracked", insertions=plan.signed.insertions, deletions=plan.signed.deletions)))
        paragraphs = [paragraph_text(change) for change in plan.changes]
    else:
        parts.append(Text(tr("cli.issue.frozen")))
        paragraphs = [paragraph_text(ParagraphChange(SAME, None, text, text)) for text in printed_paragraphs(plan.notice)]
    parts += [Text(""), *paragraphs, Text("")]
    if plan.tasks:
        parts.append(Text(tr("issue.tasks_heading"), style="bold"))
        parts += [task_line(change, names or {}) for change in plan.tasks]
    elif not plan.already_issued:
        parts.append(Text(tr("issue.no_task_changes")))
    return parts


def version_label(version: NoticeVersion) -> str:
    """``Bản 3 · ban hành số 05/TB-VP, ngày 14/03/2027 · lưu 14/03/2027 09:12``."""
    at = datetime.fromtimestamp(version.compiled_at).strftime("%d/%m/%Y %H:%M") if version.compiled_at else "—"
    if version.status == FINAL:
        issued = str(version.meta.get("issued") or "")
        try:
            shown = dmy(datetime.fromisoformat(issued).date()) if issued else "—"
        except ValueError:
            shown = issued
        number = str(version.meta.get("number") or version.notice.number.removeprefix("Số:").strip() or "—")
        return tr("issue.version_final", version=version.version, number=number, date=shown, at=at)
    return tr("issue.version_draft", version=version.version, at=at)


def compare_parts(older: NoticeVersion, newer: NoticeVersion, changes: Sequence[ParagraphChange]) -> list[RenderableType]:
    """Two stored versions, ``newer`` aligned with ``older``."""
    return [Text(f"− {version_label(older)}", style="red"), Text(f"+ {version_label(newer)}", style="green"),
            Text(_counts_line(changes)), Text(""), *[paragraph_text(change) for change in changes]]


class IssueDiff(MinutesModal[bool]):
    """The differences, scrollable by keyboard. With a plan: Enter or ``y`` issues
    (on a worker, then closes with True), Esc closes with nothing changed
    (False). Comparing versions: read only, Esc closes."""

    BINDINGS = keymap.bindings("issue_diff")

    def __init__(self, title: str, parts: list[RenderableType], *, store: MeetingStore | None = None,
                 plan: IssuePlan | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.parts = parts
        self.store = store
        self.plan = plan
        self.applying = False

    @classmethod
    def issuing(cls, store: MeetingStore, plan: IssuePlan) -> IssueDiff:
        title = tr("issue.diff_title" if plan.signed is not None else "issue.freeze_title")
        names = {line.id: line.text for line in store.meeting.lines}
        return cls(title, plan_parts(plan, names), store=store, plan=plan)

    @classmethod
    def comparing(cls, older: NoticeVersion, newer: NoticeVersion, changes: Sequence[ParagraphChange]) -> IssueDiff:
        title = tr("issue.compare_title", old=older.version, new=newer.version)
        return cls(title, compare_parts(older, newer, changes))

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="issue-diff") as scroll:
            scroll.border_title = self.title_text
            yield Static(Group(*self.parts), id="issue-diff-text")
        yield Static("", id="issue-diff-error", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#issue-diff-error").display = False
        self.query_one(VerticalScroll).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept":
            return self.plan is not None
        if action == "cancel":
            return self.plan is not None  # comparing: "close" instead
        if action == "close":
            return self.plan is None
        return True

    def action_accept(self) -> None:
        if self.plan is None or self.applying:
            return
        self.applying = True
        self.app.notify(tr("issue.applying"), timeout=3)
        self.apply()

    @work(thread=True, exclusive=True, group="issue")
    def apply(self) -> None:
        """The register's changes and the final version are written off the UI thread."""
        from minutes_tui.services.issue import apply_issue

        assert self.plan is not None and self.store is not None
        try:
            apply_issue(self.store, self.plan, self.app.archive.settings)
        except Exception as error:
            reason = str(error) if isinstance(error, UserError) else (str(error) or type(error).__name__)
            self.app.call_from_thread(self._failed, tr("issue.failed", reason=reason))
            return
        self.app.call_from_thread(self.dismiss, True)

    def _failed(self, message: str) -> None:
        self.applying = False
        shown = self.query_one("#issue-diff-error", Static)
        shown.update(message)
        shown.display = True
        self.app.bell()

    def action_cancel(self) -> None:
        if not self.applying:  # once started, the write finishes and the dialog closes itself
            self.dismiss(False)

    def action_close(self) -> None:
        self.dismiss(False)


# -- the version list ---------------------------------------------------------------------------


class VersionList(MinutesModal[tuple[int, int] | None]):
    """Every stored version; Enter on one, then Enter on another returns the two
    (older first); Esc closes with None."""

    BINDINGS = keymap.bindings("versions")

    def __init__(self, versions: list[NoticeVersion]) -> None:
        super().__init__()
        self.versions = versions
        self.first: int | None = None

    def compose(self) -> ComposeResult:
        options = [Option(Text(version_label(version)), id=str(version.version)) for version in reversed(self.versions)]
        listing = OptionList(*options, id="version-list")
        listing.border_title = tr("issue.versions_title")
        yield listing
        yield Static(tr("issue.one_version") if len(self.versions) < 2 else "", id="version-hint", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        if self.versions:
            listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        number = int(event.option.id or 0)
        listing = self.query_one(OptionList)
        if self.first is None or self.first == number:
            self.first = number
            listing.replace_option_prompt(str(number), Text(tr("issue.version_picked") + version_label(self._version(number)),
                                                             style="bold"))
            self.query_one("#version-hint", Static).update(tr("issue.pick_second", version=number))
            return
        self.dismiss((min(self.first, number), max(self.first, number)))

    def _version(self, number: int) -> NoticeVersion:
        return next(version for version in self.versions if version.version == number)

    def action_cancel(self) -> None:
        self.dismiss(None)
