"""Review after the meeting, keyboard only.

Every change goes through ``MeetingStore.commit`` (durable, undoable across
restarts). Changes to one line re-render that row only; changes to the
structure (insert, delete, move, undo) rebuild the list once.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from rich.text import Text

from minutes_tui.core import edits
from minutes_tui.core.checks import Problem, check_meeting
from minutes_tui.core.compiler import heading_labels
from minutes_tui.core.dates import parse_deadline
from minutes_tui.core.edits import EditError, Op
from minutes_tui.core.model import TAGS, Kind, Line, Meeting
from minutes_tui.core.parser import ParsedLine
from minutes_tui.core.parser import Rejected
from minutes_tui.core.parser import parse, split_trailers
from minutes_tui.core.search import FoldedLines, LineFilter
from minutes_tui.i18n import tr
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.picker import Picker
from minutes_tui.tui.widgets.capture_input import ComposedInput, OwnerSuggester
from minutes_tui.tui.widgets.line_list import line_prompt
from minutes_tui.tui.widgets.review_list import ReviewList, review_prompt

def block_range(lines: list[Line], index: int) -> range:
    """The lines a heading carries with it when moved: itself and its content."""
    line = lines[index]
    end = index + 1
    if line.kind.is_heading:
        while end < len(lines):
            following = lines[end].kind
            if following is Kind.SECTION or (line.kind is Kind.SUBSECTION and following is Kind.SUBSECTION):
                break
            end += 1
    return range(index, end)


#: Kind filter cycle for the "filter kind" key.
KIND_FILTERS: tuple[frozenset[Kind], ...] = (frozenset(),) + tuple(frozenset({kind}) for kind in TAGS)


class ReviewScreen(Screen[None]):
    BINDINGS = keymap.bindings("review")

    def __init__(self, store: MeetingStore) -> None:
        super().__init__()
        self.store = store
        self.marked: set[str] = set()
        self.line_filter = LineFilter()
        self.folded = FoldedLines()
        self.problems: list[Problem] = []
        self.problem_counts: dict[str, int] = {}
        self.labels: dict[str, str] = {}
        self.mode: str | None = None  # what the editor is open for

    def search_for(self, text: str) -> None:
        """Open filtered by ``text`` (from an archive search)."""
        self.line_filter = LineFilter(text=text)

    @property
    def lines(self) -> list[Line]:
        return self.store.meeting.lines

    def compose(self) -> ComposeResult:
        yield Static("", id="review-status")
        with Horizontal(id="review-body"):
            yield ReviewList(id="review-list")
            yield OptionList(id="checks")
        yield Static("", id="line-detail")
        yield Static("", id="editor-label")
        yield ComposedInput(id="editor", suggester=OwnerSuggester(self.app.archive.directory))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#checks").display = False
        self.close_editor()
        self.rebuild()

    def on_screen_resume(self) -> None:
        self.rebuild()

    # -- showing -------------------------------------------------------------------
    def rebuild(self, recheck: bool = True) -> None:
        """Recompute labels, checks (unless only the filter changed) and show the list."""
        if recheck:
            self.labels = heading_labels(self.lines)
            self._recheck()
            self._refresh_checks()
        shown = [self.lines[i] for i in self.folded.matches(self.lines, self.line_filter)]
        self.query_one(ReviewList).show(shown, self.prompt)
        self._status(len(shown))

    def prompt(self, line: Line):
        """How one row looks, from the current labels, selection and checks."""
        return review_prompt(line, self.labels.get(line.id, ""), line.id in self.marked, self.problem_counts.get(line.id, 0))

    @on(ReviewList.Highlighted)
    def show_detail(self, event: ReviewList.Highlighted) -> None:
        """The highlighted line in full (rows are cut to the width), with its problems."""
        detail = self.query_one("#line-detail", Static)
        line = self._line(event.item_id) if event.item_id else None
        if line is None:
            detail.update("")
            return
        text = line_prompt(line) if not line.kind.is_heading else Text(line.text, style="bold")
        if line.deadline:
            deadline = parse_deadline(line.deadline, self.store.meeting.details.meeting_date)
            if deadline.understood:
                text.append(f"  → hoàn thành {deadline.phrase}", style="green")
        for problem in self.problems:
            if problem.line_id == line.id:
                text.append(f"\n⚠ {problem.message}", style="red")
        detail.update(text)

    def _recheck(self) -> dict[str, int]:
        """Run the checks; return the previous per-line counts."""
        before = self.problem_counts
        self.problems = check_meeting(self.store.meeting, self.app.archive.directory)
        counts: dict[str, int] = {}
        for problem in self.problems:
            if problem.line_id:
                counts[problem.line_id] = counts.get(problem.line_id, 0) + 1
        self.problem_counts = counts
        return before

    def refresh_lines(self, ids: set[str]) -> None:
        """After an edit that changed only these lines: re-render them, and any row
        whose problem count changed."""
        before = self._recheck()
        changed = ids | {i for i in set(before) | set(self.problem_counts) if before.get(i) != self.problem_counts.get(i)}
        review = self.query_one(ReviewList)
        by_id = {line.id: line for line in self.lines} if len(changed) > 4 else None
        for line_id in changed:
            line = by_id.get(line_id) if by_id is not None else self._line(line_id)
            if line is not None:
                review.update_row(line)
        self._refresh_checks()
        self._status(review.option_count)

    def _line(self, line_id: str) -> Line | None:
        try:
            return self.store.meeting.get(line_id)
        except KeyError:
            return None

    def _refresh_checks(self) -> None:
        checks = self.query_one("#checks", OptionList)
        if not checks.display:
            return
        checks.clear_options()
        checks.add_options(Option(problem.message, id=f"{n}") for n, problem in enumerate(self.problems))

    def _status(self, shown: int) -> None:
        parts = [self.store.meeting.title or "—"]
        parts.append(tr("review.problems", count=len(self.problems)) if self.problems else tr("review.no_problems"))
        if self.marked:
            parts.append(tr("review.marked", count=len(self.marked)))
        if self.line_filter.active:
            what = " ".join(filter(None, [self.line_filter.text, self.line_filter.owner,
                                          *(tr("kind." + k.value) for k in self.line_filter.kinds)]))
            parts.append(tr("review.filter", what=what, shown=shown, total=len(self.lines)))
        elif not self.lines:
            parts.append(tr("review.empty"))
        self.query_one("#review-status", Static).update(" · ".join(parts))

    # -- committing ------------------------------------------------------------------
    def commit(self, ops: list[Op], changed: set[str] | None = None) -> bool:
        """Commit ``ops``; refresh the touched rows, or the whole list when
        ``changed`` is None (a structural change)."""
        if not ops:
            return False
        try:
            self.store.commit(ops)
        except (StoreError, EditError) as error:
            self.notify(str(error), severity="error", timeout=10)
            return False
        if changed is None:
            self.rebuild()
        else:
            self.refresh_lines(changed)
        self.app.schedule_fold(self.store)
        return True

    def current(self) -> Line | None:
        line_id = self.query_one(ReviewList).current_id
        return self._line(line_id) if line_id else None

    def targets(self) -> list[Line]:
        """The marked lines (multi-select), else the current one."""
        if self.marked:
            return [line for line in self.lines if line.id in self.marked]
        line = self.current()
        return [line] if line else []

    def select(self, line_id: str) -> None:
        review = self.query_one(ReviewList)
        try:
            review.highlighted = review.get_option_index(line_id)
        except Exception:
            pass

    # -- navigation ------------------------------------------------------------------
    def action_down(self) -> None:
        self.query_one(ReviewList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(ReviewList).action_cursor_up()

    def action_first(self) -> None:
        self.query_one(ReviewList).action_first()

    def action_last(self) -> None:
        self.query_one(ReviewList).action_last()

    def _jump(self, step: int, wanted) -> None:
        review = self.query_one(ReviewList)
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
        lines = [line for line in self.targets() if not line.kind.is_heading and line.kind is not kind]
        self.commit([edits.update(line.id, kind=kind) for line in lines], {line.id for line in lines})

    def action_delete(self) -> None:
        lines = self.targets()
        self.marked -= {line.id for line in lines}
        self.commit([edits.delete(line.id) for line in lines])

    def action_mark(self) -> None:
        line = self.current()
        if line is None:
            return
        self.marked.symmetric_difference_update({line.id})
        self.refresh_lines({line.id})
        self.action_down()

    def action_clear_marks(self) -> None:
        if self.marked:
            ids, self.marked = set(self.marked), set()
            self.refresh_lines(ids)
        elif self.line_filter.active:
            self.line_filter = LineFilter()
            self.rebuild()

    def _block(self, index: int) -> range:
        return block_range(self.lines, index)

    def _move(self, step: int) -> None:
        """Move the current line one place; a heading moves with its content past
        the neighbouring block of the same level (never out of its section)."""
        line = self.current()
        if line is None:
            return
        lines = self.lines
        index = self.store.meeting.index_of(line.id)
        block = block_range(lines, index)
        if step < 0:
            start = index - 1
            if line.kind.is_heading:
                while start >= 0 and lines[start].kind is not line.kind:
                    if lines[start].kind is Kind.SECTION:
                        return  # a sub-section stays inside its section
                    start -= 1
            if start < 0:
                return
            ops = [edits.move(lines[i].id, start + n) for n, i in enumerate(block)]
        else:
            after = block.stop
            if after >= len(lines) or (line.kind.is_heading and lines[after].kind is not line.kind):
                return
            neighbour = block_range(lines, after) if line.kind.is_heading else range(after, after + 1)
            ops = [edits.move(lines[i].id, index + n) for n, i in enumerate(neighbour)]
        if self.commit(ops):
            self.select(line.id)

    def action_move_up(self) -> None:
        self._move(-1)

    def action_move_down(self) -> None:
        self._move(1)

    def action_merge(self) -> None:
        line = self.current()
        if line is None or line.kind.is_heading:
            return
        index = self.store.meeting.index_of(line.id)
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if following is None or following.kind.is_heading:
            self.notify(tr("review.nothing_to_merge"))
            return
        owners = list(dict.fromkeys(line.owners + following.owners))
        ops = [
            edits.update(line.id, text=f"{line.text.rstrip()} {following.text.lstrip()}".strip(), owners=owners,
                         deadline=line.deadline or following.deadline),
            edits.delete(following.id),
        ]
        self.marked.discard(following.id)
        if self.commit(ops):
            self.select(line.id)
            self.notify(tr("review.merged"))

    def action_move_to_section(self) -> None:
        lines = [line for line in self.targets() if not line.kind.is_heading]
        sections = [line for line in self.lines if line.kind.is_heading]
        if not lines:
            return
        if not sections:
            self.notify(tr("review.no_sections"))
            return

        def chosen(section_id: str | None) -> None:
            if section_id is None:
                return
            # Work the positions out on a copy: each line lands after the previous one.
            scratch = Meeting.from_dict(self.store.meeting.to_dict())
            ops: list[Op] = []
            for line in lines:
                end = block_range(scratch.lines, scratch.index_of(section_id)).stop
                current = scratch.index_of(line.id)
                ops.append(edits.move(line.id, end - 1 if current < end else end))
                edits.apply(scratch, ops[-1])
            if self.commit(ops):
                self.select(lines[0].id)

        options = [(line.id, f"{self.labels.get(line.id, '')} {line.text}") for line in sections]
        self.app.push_screen(Picker(tr("review.pick_section"), options), chosen)

    # -- editor-driven edits ------------------------------------------------------------
    def open_editor(self, mode: str, value: str = "", cursor_end: bool = True) -> None:
        self.mode = mode
        label = self.query_one("#editor-label", Static)
        label.update(tr(f"review.prompt.{mode}"))
        label.display = True
        editor = self.query_one("#editor", ComposedInput)
        editor.display = True
        editor.value = value
        editor.cursor_position = len(value) if cursor_end else 0
        editor.focus()

    def close_editor(self) -> None:
        self.mode = None
        self.query_one("#editor-label").display = False
        editor = self.query_one("#editor", ComposedInput)
        editor.display = False
        self.query_one(ReviewList).focus()

    def action_edit(self) -> None:
        line = self.current()
        if line is not None:
            self.open_editor("edit", line.as_typed())

    def action_owners(self) -> None:
        lines = self.targets()
        if lines:
            self.open_editor("owners", " ".join(f"@{owner}" for owner in lines[0].owners) + " ")

    def action_deadline(self) -> None:
        lines = self.targets()
        if lines:
            self.open_editor("deadline", lines[0].deadline)

    def action_add_line(self) -> None:
        self.open_editor("add")

    def action_new_section(self) -> None:
        self.open_editor("section", "# ")

    def action_split(self) -> None:
        line = self.current()
        if line is not None and not line.kind.is_heading:
            self.open_editor("split", line.text, cursor_end=False)

    def action_search(self) -> None:
        self.open_editor("search", self.line_filter.text)

    def action_filter_owner(self) -> None:
        self.open_editor("owner_filter", self.line_filter.owner)

    def action_filter_kind(self) -> None:
        position = KIND_FILTERS.index(self.line_filter.kinds) if self.line_filter.kinds in KIND_FILTERS else 0
        self.line_filter = replace(self.line_filter, kinds=KIND_FILTERS[(position + 1) % len(KIND_FILTERS)])
        self.rebuild(recheck=False)

    @on(Input.Changed, "#editor")
    def live_filter(self, event: Input.Changed) -> None:
        if self.mode == "search":
            self.line_filter = replace(self.line_filter, text=event.value)
            self.rebuild(recheck=False)
        elif self.mode == "owner_filter":
            self.line_filter = replace(self.line_filter, owner=event.value)
            self.rebuild(recheck=False)

    @on(Input.Submitted, "#editor")
    def editor_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        mode, value = self.mode, event.value
        handler = getattr(self, f"_submit_{mode}", None)
        if handler is None or handler(value) is not False:
            self.close_editor()

    def _parse_line(self, value: str, fallback: Kind) -> ParsedLine | None:
        parsed = parse(value, self.app.archive.directory, sticky=fallback if fallback is not Kind.NOTE else None)
        if isinstance(parsed, Rejected):
            self.notify(parsed.message, severity="error")
            return None
        if not isinstance(parsed, ParsedLine):
            return None
        return parsed

    def _submit_edit(self, value: str) -> bool:
        line = self.current()
        if line is None:
            return True
        parsed = self._parse_line(value, Kind.NOTE)
        if parsed is None:
            return False
        structural = parsed.kind.is_heading or line.kind.is_heading
        op = edits.update(line.id, kind=parsed.kind, text=parsed.text, owners=parsed.owners, deadline=parsed.deadline)
        self.commit([op], None if structural else {line.id})
        return True

    def _submit_owners(self, value: str) -> bool:
        _, owners, _ = split_trailers("x " + value.strip()) if value.strip() else ("", [], "")
        directory = self.app.archive.directory
        owners = list(dict.fromkeys(directory.expand(owner) for owner in owners))
        lines = [line for line in self.targets() if not line.kind.is_heading]
        self.commit([edits.update(line.id, owners=owners) for line in lines], {line.id for line in lines})
        return True

    def _submit_deadline(self, value: str) -> bool:
        typed = value.strip().lstrip("^").strip()
        lines = [line for line in self.targets() if not line.kind.is_heading]
        if self.commit([edits.update(line.id, deadline=typed) for line in lines], {line.id for line in lines}) and typed:
            deadline = parse_deadline(typed, self.store.meeting.details.meeting_date)
            if deadline.understood:
                self.notify(tr("review.deadline_set", phrase=deadline.phrase))
            else:
                self.notify(tr("review.deadline_unclear", typed=typed), severity="warning")
        return True

    def _insert_after_current(self, parsed: ParsedLine) -> None:
        line = self.current()
        index = self.store.meeting.index_of(line.id) + 1 if line else len(self.lines)
        new = Line(parsed.kind, parsed.text, parsed.owners, parsed.deadline)
        if self.commit([edits.insert(new, index)]):
            self.select(new.id)

    def _submit_add(self, value: str) -> bool:
        parsed = self._parse_line(value, Kind.NOTE)
        if parsed is None:
            return bool(not value.strip())
        self._insert_after_current(parsed)
        return True

    def _submit_section(self, value: str) -> bool:
        text = value.strip()
        if not text.startswith("#"):
            text = "# " + text
        return self._submit_add(text)

    def _submit_split(self, value: str) -> bool:
        line = self.current()
        if line is None:
            return True
        cursor = self.query_one("#editor", ComposedInput).cursor_position
        first, second = value[:cursor].strip(), value[cursor:].strip()
        if not first or not second:
            return True
        index = self.store.meeting.index_of(line.id)
        new = Line(line.kind, second, list(line.owners), line.deadline)
        if self.commit([edits.update(line.id, text=first), edits.insert(new, index + 1)]):
            self.select(line.id)
            self.notify(tr("review.split"))
        return True

    def _submit_search(self, value: str) -> bool:
        return True  # the filter is already applied live; keep it

    def _submit_owner_filter(self, value: str) -> bool:
        return True

    def action_cancel(self) -> None:
        """Esc: close the editor (a live filter is cleared), else clear marks/filter, else leave."""
        if self.mode is not None:
            if self.mode == "search":
                self.line_filter = replace(self.line_filter, text="")
                self.rebuild()
            elif self.mode == "owner_filter":
                self.line_filter = replace(self.line_filter, owner="")
                self.rebuild()
            self.close_editor()
        elif self.query_one("#checks").has_focus:
            self.query_one(ReviewList).focus()
        elif self.marked or self.line_filter.active:
            self.action_clear_marks()
        else:
            self.app.leave_meeting(self)

    # -- checks list ---------------------------------------------------------------------
    def action_checks(self) -> None:
        checks = self.query_one("#checks", OptionList)
        checks.display = not checks.display
        self._refresh_checks()
        (checks if checks.display else self.query_one(ReviewList)).focus()

    @on(OptionList.OptionSelected, "#checks")
    def jump_to_problem(self, event: OptionList.OptionSelected) -> None:
        problem = self.problems[int(event.option.id or 0)]
        if problem.line_id is None:
            self.action_details()
            return
        if self.line_filter.active:
            self.line_filter = LineFilter()
            self.rebuild()
        self.select(problem.line_id)
        self.query_one(ReviewList).focus()

    # -- history and navigation between screens -------------------------------------------------
    def action_undo(self, redo: bool = False) -> None:
        if self.app.step_history(self.store, redo=redo):
            self.marked &= {line.id for line in self.lines}
            self.rebuild()

    def action_redo(self) -> None:
        self.action_undo(redo=True)

    def action_details(self) -> None:
        self.app.open_details(self.store)

    def action_capture(self) -> None:
        self.app.switch_meeting_screen(self.store.id, "capture")

    def action_notice(self) -> None:
        self.app.switch_meeting_screen(self.store.id, "notice")
