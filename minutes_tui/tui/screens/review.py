"""Review after the meeting, keyboard only.

The screen shows and dispatches; the structure edits are worked out in
:mod:`minutes_tui.core.restructure`, text is asked for with the typed prompts
of :mod:`prompts`, and the checks live in their own panel. Every change goes
through ``MeetingStore.commit`` (durable, undoable across restarts). Changes to
one line re-render that row only; changes to the structure rebuild the list once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Final

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import Static

from minutes_tui.core import edits, restructure
from minutes_tui.core.checks import CheckCache, Problem, check_meeting
from minutes_tui.core.compiler import heading_labels
from minutes_tui.core.dates import parse_deadline
from minutes_tui.core.edits import EditError, Op
from minutes_tui.core.model import TAGS, Kind, Line, Meeting
from minutes_tui.core.parser import ParsedLine, Rejected, parse, split_trailers
from minutes_tui.core.search import FoldedLines, LineFilter
from minutes_tui.i18n import tr
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MeetingScreen
from minutes_tui.tui.screens.picker import Picker
from minutes_tui.tui.screens.prompts import SplitPrompt, TextPrompt, Validator
from minutes_tui.tui.widgets.capture_input import OwnerSuggester
from minutes_tui.tui.widgets.checks_panel import ChecksPanel
from minutes_tui.tui.widgets.filter_bar import FilterBar
from minutes_tui.tui.widgets.keys_footer import KeysFooter
from minutes_tui.tui.widgets.line_list import line_prompt
from minutes_tui.tui.widgets.review_list import ReviewList, review_prompt

#: Kind filter cycle for the "filter kind" key.
KIND_FILTERS: tuple[frozenset[Kind], ...] = (frozenset(),) + tuple(frozenset({kind}) for kind in TAGS)

#: Below this width the checks panel takes the list's place while it is open.
NARROW_WIDTH: Final = 110


class ReviewScreen(MeetingScreen):
    NAME = "review"
    HELP_CONTEXT = "review"
    BINDINGS = keymap.bindings("review")

    def __init__(self, store: MeetingStore) -> None:
        super().__init__(store)
        self.marked: set[str] = set()
        self.line_filter = LineFilter()
        self.folded = FoldedLines()
        self.problems: list[Problem] = []
        self._check_cache = CheckCache()
        self.problem_counts: dict[str, int] = {}
        self.labels: dict[str, str] = {}
        self.start_line: str | None = None
        self._status_text = ""

    def search_for(self, text: str) -> None:
        """Open filtered by ``text`` (from an archive search)."""
        self.line_filter = LineFilter(text=text)

    def start_at(self, line_id: str) -> None:
        self.start_line = line_id

    @property
    def meeting(self) -> Meeting:
        return self.store.meeting

    @property
    def lines(self) -> list[Line]:
        return self.store.meeting.lines

    @property
    def review(self) -> ReviewList:
        return self.query_one(ReviewList)

    @property
    def checks(self) -> ChecksPanel:
        return self.query_one(ChecksPanel)

    def compose(self) -> ComposeResult:
        yield Static("", id="review-status", markup=False)
        with Horizontal(id="review-body"):
            yield ReviewList(id="review-list")
            yield ChecksPanel(id="checks")
        yield Static("", id="line-detail")
        yield FilterBar(id="filter-bar")
        yield from self.compose_status()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.checks.display = False
        self.query_one(FilterBar).display = False
        self.review.focus()
        self.rebuild()
        if self.start_line is not None:
            self.select(self.start_line)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "narrow")

    def meeting_changed(self) -> None:
        self.marked &= {line.id for line in self.lines}
        self.rebuild()

    # -- showing -------------------------------------------------------------------
    def rebuild(self, recheck: bool = True) -> None:
        """Recompute labels, checks (unless only the filter changed) and show the list."""
        if recheck:
            self.labels = heading_labels(self.lines)
            self._recheck()
            self.checks.show_problems(self.problems)
        lines = self.lines
        shown = [lines[i] for i in self.folded.matches(lines, self.line_filter, (id(lines), self.store.seq))]
        self.review.show(shown, self.prompt, same_look=not recheck)
        self._show_status(len(shown))

    def prompt(self, line: Line) -> Text:
        """How one row looks, from the current labels, selection and checks."""
        return review_prompt(line, self.labels.get(line.id, ""), line.id in self.marked, self.problem_counts.get(line.id, 0))

    @on(ReviewList.Highlighted)
    def show_detail(self, event: ReviewList.Highlighted) -> None:
        """The highlighted line in full (rows are cut to the width), with its problems."""
        detail = self.query_one("#line-detail", Static)
        line = self._line(event.item_id) if event.item_id else None
        if line is None:
            self._show_detail(detail, Text(""))
            return
        text = line_prompt(line) if not line.kind.is_heading else Text(line.text, style="bold")
        if line.deadline:
            deadline = parse_deadline(line.deadline, self.meeting.details.meeting_date)
            if deadline.understood:
                text.append(tr("review.deadline_phrase", phrase=deadline.phrase), style="green")
        problems = [problem.message for problem in self.problems if problem.line_id == line.id]
        if problems:
            text.append("\n⚠ " + " · ⚠ ".join(problems), style="red")
        self._show_detail(detail, text)

    def _show_detail(self, detail: Static, text: Text) -> None:
        """The detail has a fixed height (app.tcss): changing it never lays the screen
        out again, which per key cost more than everything else the key did."""
        detail.update(text, layout=False)

    def _recheck(self, changed: set[str] | None = None) -> dict[str, int]:
        """Run the checks (only on ``changed`` lines when only they were edited, in
        place); return the previous per-line counts."""
        before = self.problem_counts
        self.problems = check_meeting(self.meeting, self.app.archive.directory, self._check_cache, changed)
        counts: dict[str, int] = {}
        for problem in self.problems:
            if problem.line_id:
                counts[problem.line_id] = counts.get(problem.line_id, 0) + 1
        self.problem_counts = counts
        return before

    def refresh_lines(self, ids: set[str]) -> None:
        """After an edit that changed only these lines: re-render them, and any row
        whose problem count changed."""
        before = self._recheck(ids)
        changed = ids | {i for i in set(before) | set(self.problem_counts) if before.get(i) != self.problem_counts.get(i)}
        by_id = {line.id: line for line in self.lines} if len(changed) > 4 else None
        for line_id in changed:
            line = by_id.get(line_id) if by_id is not None else self._line(line_id)
            if line is not None:
                self.review.update_row(line)
        self.checks.show_problems(self.problems)
        self._show_status(self.review.option_count)

    def _line(self, line_id: str) -> Line | None:
        try:
            return self.meeting.get(line_id)
        except KeyError:
            return None

    def _show_status(self, shown: int) -> None:
        parts = [self.meeting.title or "—"]
        parts.append(tr("review.problems", count=len(self.problems)) if self.problems else tr("review.no_problems"))
        if self.marked:
            parts.append(tr("review.marked", count=len(self.marked)))
        if self.line_filter.active:
            what = " ".join(filter(None, [self.line_filter.text, self.line_filter.owner,
                                          *(tr("kind." + k.value) for k in self.line_filter.kinds)]))
            parts.append(tr("review.filter", what=what, shown=shown, total=len(self.lines)))
        elif not self.lines:
            parts.append(tr("review.empty"))
        status = " · ".join(parts)
        if status != self._status_text:
            self._status_text = status
            self.query_one("#review-status", Static).update(status, layout=False)  # one row, always

    # -- committing ------------------------------------------------------------------
    def commit(self, ops: list[Op], changed: set[str] | None = None) -> bool:
        """Commit ``ops``; refresh the touched rows, or the whole list when
        ``changed`` is None (a structural change)."""
        if not ops:
            return False
        try:
            self.store.commit(ops)
        except (StoreError, EditError) as error:
            self.say(str(error), severity="error")
            return False
        if changed is None:
            self.rebuild()
        else:
            self.refresh_lines(changed)
        self.app.schedule_checkpoint(self.store)
        return True

    def current(self) -> Line | None:
        line_id = self.review.current_id
        return self._line(line_id) if line_id else None

    def targets(self) -> list[Line]:
        """The marked lines (multi-select), else the current one."""
        if self.marked:
            return [line for line in self.lines if line.id in self.marked]
        line = self.current()
        return [line] if line else []

    def content_targets(self) -> list[Line]:
        return [line for line in self.targets() if not line.kind.is_heading]

    def select(self, line_id: str) -> None:
        """Put the cursor on ``line_id`` when it is shown."""
        review = self.review
        if review.shows(line_id):
            review.highlighted = review.get_option_index(line_id)

    # -- navigation ------------------------------------------------------------------
    def _jump(self, step: int, wanted: Callable[[Line], bool]) -> None:
        review = self.review
        count = review.option_count
        if not count:
            return
        start = review.highlighted if review.highlighted is not None else -step
        index = start + step
        while 0 <= index < count:
            line = self._line(review.get_option_at_index(index).id)
            if line is not None and wanted(line):
                review.highlighted = index
                return
            index += step

    def action_next_section(self) -> None:
        self._jump(1, lambda line: line.kind.is_heading)

    def action_prev_section(self) -> None:
        self._jump(-1, lambda line: line.kind.is_heading)

    def action_next_problem(self) -> None:
        self._jump(1, lambda line: line.id in self.problem_counts)

    def action_prev_problem(self) -> None:
        self._jump(-1, lambda line: line.id in self.problem_counts)

    # -- one-key edits ---------------------------------------------------------------
    def action_tag(self, kind_name: str) -> None:
        kind = Kind(kind_name)
        lines = [line for line in self.content_targets() if line.kind is not kind]
        self.commit([edits.update(line.id, kind=kind) for line in lines], {line.id for line in lines})

    def action_delete(self) -> None:
        lines = self.targets()
        if not lines:
            return
        self.marked -= {line.id for line in lines}
        if self.commit(restructure.delete(self.lines, [line.id for line in lines])):
            self.say(tr("review.deleted", count=len(lines), undo=self.app.key_names("review.undo")))

    def action_mark(self) -> None:
        line = self.current()
        if line is None:
            return
        self.marked.symmetric_difference_update({line.id})
        self.refresh_lines({line.id})
        self.review.action_cursor_down()

    def _move(self, step: int) -> None:
        line = self.current()
        if line is not None and self.commit(restructure.move(self.lines, line.id, step)):
            self.select(line.id)

    def action_move_up(self) -> None:
        self._move(-1)

    def action_move_down(self) -> None:
        self._move(1)

    def action_merge(self) -> None:
        line = self.current()
        if line is None:
            return
        ops = restructure.merge(self.lines, line.id)
        if not ops:
            self.say(tr("review.nothing_to_merge"))
            return
        self.marked.discard(ops[-1]["id"])
        if self.commit(ops):
            self.select(line.id)
            self.say(tr("review.merged"))

    def current_heading(self) -> str | None:
        """The heading the cursor is on or under."""
        line = self.current()
        if line is None:
            return None
        index = self.meeting.index_of(line.id)
        for above in range(index, -1, -1):
            if self.lines[above].kind.is_heading:
                return self.lines[above].id
        return None

    def action_move_to_section(self) -> None:
        lines = self.content_targets()
        headings = [line for line in self.lines if line.kind.is_heading]
        if not lines:
            return
        if not headings:
            self.say(tr("review.no_sections", keys=self.app.key_names("review.section")))
            return
        ids = [line.id for line in lines]
        choices = [
            (heading.id, f"{'    ' if heading.kind is Kind.SUBSECTION else ''}{self.labels.get(heading.id, '')} {heading.text}")
            for heading in headings
        ]
        picker = Picker(tr("review.pick_section"), choices, start=self.current_heading())
        self.app.push_screen(picker, lambda heading_id: self._moved_to(ids, heading_id))

    def _moved_to(self, ids: list[str], heading_id: str | None) -> None:
        if heading_id is None:
            return
        heading = self._line(heading_id)
        name = f"{self.labels.get(heading_id, '')} {heading.text if heading else ''}".strip()
        ops = restructure.move_to_section(self.lines, ids, heading_id)
        if not ops:
            self.say(tr("review.already_in_section", section=name))
            return
        if self.commit(ops):
            self.select(ids[0])
            self.say(tr("review.moved_to_section", count=len(ops), section=name))

    # -- edits through a prompt ------------------------------------------------------------
    def ask(
        self,
        prompt_key: str,
        value: str,
        done: Callable[[str], None],
        *,
        suggester: OwnerSuggester | None = None,
        validate: Validator | None = None,
    ) -> None:
        """Open a :class:`TextPrompt`; ``done`` gets the value (nothing on Esc)."""

        def answered(result: str | None) -> None:
            if result is not None:
                done(result)

        prompt = TextPrompt(tr(f"review.prompt.{prompt_key}"), value, suggester=suggester, validate=validate)
        self.app.push_screen(prompt, answered)

    def suggester(self) -> OwnerSuggester:
        return OwnerSuggester(lambda: self.app.archive.directory)

    def parse_line(self, value: str) -> ParsedLine | str | None:
        """A typed line, a message saying why it is not one, or None when blank."""
        parsed = parse(value, self.app.archive.directory)
        if parsed is None or isinstance(parsed, ParsedLine):
            return parsed
        if isinstance(parsed, Rejected):
            return parsed.message
        return tr("review.not_a_line")

    def refuse(self, value: str) -> str | None:
        """For the prompts: the message of a value that is not a line."""
        parsed = self.parse_line(value)
        return parsed if isinstance(parsed, str) else None

    def action_edit(self) -> None:
        line = self.current()
        if line is not None:
            self.ask("edit", line.as_typed(), lambda value: self._edited(line.id, value),
                     suggester=self.suggester(), validate=self.refuse)

    def _edited(self, line_id: str, value: str) -> None:
        line = self._line(line_id)
        parsed = self.parse_line(value)
        if line is None or not isinstance(parsed, ParsedLine):
            return
        structural = parsed.kind.is_heading or line.kind.is_heading
        op = edits.update(line.id, kind=parsed.kind, text=parsed.text, owners=parsed.owners, deadline=parsed.deadline)
        self.commit([op], None if structural else {line.id})

    def action_owners(self) -> None:
        lines = self.content_targets()
        if lines:
            ids = [line.id for line in lines]
            value = " ".join(f"@{owner}" for owner in lines[0].owners) + " "
            self.ask("owners", value, lambda typed: self._set_owners(ids, typed), suggester=self.suggester())

    def _set_owners(self, ids: list[str], value: str) -> None:
        _, owners, _ = split_trailers("x " + value.strip()) if value.strip() else ("", [], "")
        directory = self.app.archive.directory
        owners = list(dict.fromkeys(directory.expand(owner) for owner in owners))
        self.commit([edits.update(line_id, owners=owners) for line_id in ids], set(ids))

    def action_deadline(self) -> None:
        lines = self.content_targets()
        if lines:
            ids = [line.id for line in lines]
            self.ask("deadline", lines[0].deadline, lambda typed: self._set_deadline(ids, typed))

    def _set_deadline(self, ids: list[str], value: str) -> None:
        typed = value.strip().lstrip("^").strip()
        if self.commit([edits.update(line_id, deadline=typed) for line_id in ids], set(ids)) and typed:
            deadline = parse_deadline(typed, self.meeting.details.meeting_date)
            if deadline.understood:
                self.say(tr("review.deadline_set", phrase=deadline.phrase))
            else:
                self.say(tr("review.deadline_unclear", typed=typed), severity="warning")

    def action_add_line(self) -> None:
        line = self.current()
        after = line.id if line else None
        self.ask("add", "", lambda value: self._add(after, value), suggester=self.suggester(), validate=self.refuse)

    def action_new_section(self) -> None:
        line = self.current()
        after = line.id if line else None

        def add_heading(value: str) -> None:
            text = value.strip()
            self._add(after, text if text.startswith("#") or not text else "# " + text)

        self.ask("section", "# ", add_heading)

    def _add(self, after: str | None, value: str) -> None:
        parsed = self.parse_line(value)
        if not isinstance(parsed, ParsedLine):
            return
        index = self.meeting.index_of(after) + 1 if after and self._line(after) else len(self.lines)
        new = Line(parsed.kind, parsed.text, parsed.owners, parsed.deadline)
        if self.commit([edits.insert(new, index)]):
            self.select(new.id)

    def action_split(self) -> None:
        line = self.current()
        if line is None or line.kind.is_heading:
            return
        line_id = line.id

        def split(parts: tuple[str, str] | None) -> None:
            if parts is not None and self.commit(restructure.split(self.lines, line_id, *parts)):
                self.select(line_id)
                tags = f"{self.app.key_names('review.finding')}…{self.app.key_names('review.decision')}"
                self.say(tr("review.split", keys=tags))

        self.app.push_screen(SplitPrompt(tr("review.prompt.split"), line.text), split)

    # -- filters ---------------------------------------------------------------------------
    def _filter(self, *, text: str | None = None, owner: str | None = None) -> None:
        self.line_filter = replace(
            self.line_filter,
            text=self.line_filter.text if text is None else text,
            owner=self.line_filter.owner if owner is None else owner,
        )
        self.rebuild(recheck=False)

    def action_search(self) -> None:
        self.query_one(FilterBar).start("text", tr("review.prompt.search"), self.line_filter.text)

    def action_filter_owner(self) -> None:
        self.query_one(FilterBar).start("owner", tr("review.prompt.owner_filter"), self.line_filter.owner,
                                       self.suggester())

    @on(FilterBar.Changed)
    def _filter_typed(self, event: FilterBar.Changed) -> None:
        """Each edit of the search or owner filter shows its lines at once (bench/review.py times this)."""
        self._filter(**{event.field: event.value})

    @on(FilterBar.Closed)
    def _filter_closed(self, event: FilterBar.Closed) -> None:
        if not event.kept:
            self._filter(**{event.field: ""})  # Esc drops that filter
        self.review.focus()

    def action_filter_kind(self) -> None:
        position = KIND_FILTERS.index(self.line_filter.kinds) if self.line_filter.kinds in KIND_FILTERS else 0
        self.line_filter = replace(self.line_filter, kinds=KIND_FILTERS[(position + 1) % len(KIND_FILTERS)])
        self.rebuild(recheck=False)

    def action_cancel(self) -> None:
        """Esc: clear the selection, else the filter, else back to the meeting list."""
        if self.marked:
            ids, self.marked = set(self.marked), set()
            self.refresh_lines(ids)
        elif self.line_filter.active:
            self.line_filter = LineFilter()
            self.rebuild()
        else:
            self.action_back()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a filter is typed its bar has the keys: the screen's own are off (an F4
        there must not retag the line under the cursor). ``[`` and ``]`` are Telex
        keys (ư, ơ): they move between sections only while the list has the focus,
        never from the checks panel."""
        try:
            if self.query_one(FilterBar).display:
                return False
        except NoMatches:  # asked before the bar is mounted
            pass
        if action in ("next_section", "prev_section"):
            try:
                return self.review.has_focus
            except NoMatches:  # asked before the list is mounted
                return False
        return True

    # -- checks panel ------------------------------------------------------------------------
    def action_checks(self) -> None:
        if self.checks.display:
            self.checks.action_close()
        else:
            self.add_class("checks-open")
            self.checks.open()

    @on(ChecksPanel.Closed)
    def checks_closed(self) -> None:
        self.remove_class("checks-open")
        self.review.focus()

    @on(ChecksPanel.Chosen)
    def jump_to_problem(self, event: ChecksPanel.Chosen) -> None:
        line_id = event.problem.line_id
        if line_id is None:
            self.action_details()
            return
        if self.line_filter.active:
            self.line_filter = LineFilter()
            self.rebuild()
        self.select(line_id)
        if self.has_class("narrow"):
            self.checks.action_close()
        else:
            self.review.focus()
