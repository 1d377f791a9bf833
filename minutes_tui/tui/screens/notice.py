"""The notice: compiled from the meeting, previewed in print order, edited, exported.

Compiling and storing a version, and exporting (a ``.docx``, a PDF through
LibreOffice), run on worker threads: the screen stays responsive and nothing
is written on the UI thread. Every use case goes through ``services``.
"""

from __future__ import annotations

import io
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from rich.console import Console, RenderableType
from textual import events, work
from textual.app import ComposeResult
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static, TextArea

from minutes_tui.core.notice import Notice
from minutes_tui.core.text import clean_line
from minutes_tui.i18n import tr
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MinutesModal
from minutes_tui.tui.screens.export_flow import PATH_LABEL, ExportFlow
from minutes_tui.tui.screens.picker import Picker
from minutes_tui.tui.widgets.keys_footer import KeysFooter
from minutes_tui.tui.widgets.text_area import ComposedTextArea

if TYPE_CHECKING:
    from minutes_tui.services.issue import IssuePlan
    from minutes_tui.services.notices import Compiled
    from minutes_tui.store.notice_store import NoticeVersion


#: Lines rendered at once when the preview is shown: a screenful and some.
FIRST_LINES: Final = 120
#: Seconds of rendering per slice; between slices the app handles keys and paints.
SLICE_SECONDS: Final = 0.015
#: Seconds between two updates of the scrollable height while the rest is rendered.
GROW_SECONDS: Final = 0.25


class NoticePreview(ScrollView, can_focus=True):
    """The notice in print order, as lines: only the rows on screen are painted.

    A 10,000-line meeting makes ~8,000 paragraphs; laid out as one ``Static``
    the preview took seconds (6.8 s measured) before the screen answered, and
    again at every resize. Here the first screenful is rendered at once and the
    rest in slices of ~12 ms on the event loop, so a key waits at most one slice.
    (A worker thread would not do: rendering is pure Python, and holding the GIL
    it made every key wait seconds.)
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._parts: Sequence[RenderableType] = []
        self._lines: list[Strip] = []
        self._width = 0
        self._next = 0  # the next part to render
        self._generation = 0  # a newer show() or resize makes a pending slice stale
        self._grown_at = 0.0
        self._render_console = _console(80)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def complete(self) -> bool:
        return self._next >= len(self._parts)

    def show(self, parts: Sequence[RenderableType]) -> None:
        self._parts = parts
        self._render_from_start()

    def on_resize(self, event: events.Resize) -> None:
        if self._parts and self.scrollable_content_region.width != self._width:
            self._render_from_start()

    def _render_from_start(self) -> None:
        self._width = max(self.scrollable_content_region.width, 20)
        self._render_console = _console(self._width)
        self._generation += 1
        self._lines = []
        self._next = 0
        while self._next < len(self._parts) and len(self._lines) < FIRST_LINES:
            self._lines += _render_part(self._render_console, self._parts[self._next], self._width)
            self._next += 1
        self._grown()
        if not self.complete:
            self.call_later(self._render_slice, self._generation)

    def _render_slice(self, generation: int) -> None:
        if generation != self._generation:
            return  # shown again or resized since: that render has its own slices
        now = time.perf_counter()
        deadline = now + SLICE_SECONDS
        while self._next < len(self._parts) and time.perf_counter() < deadline:
            self._lines += _render_part(self._render_console, self._parts[self._next], self._width)
            self._next += 1
        # A new height lays the screen out again (~25 ms for this one): not after every slice.
        if self.complete or now - self._grown_at >= GROW_SECONDS:
            self._grown()
        if not self.complete:
            self.set_timer(0.001, lambda: self._render_slice(generation))

    def _grown(self) -> None:
        self._grown_at = time.perf_counter()
        self.virtual_size = Size(self._width, len(self._lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, self.rich_style)
        return self._lines[index].apply_style(self.rich_style).adjust_cell_length(width, self.rich_style)


def _console(width: int) -> Console:
    """A console of the preview's own, at its width (never written to: lines only)."""
    return Console(width=width, file=io.StringIO(), color_system="truecolor", force_terminal=True,
                   legacy_windows=False)


def _render_part(console: Console, part: RenderableType, width: int) -> list[Strip]:
    options = console.options.update_width(width)
    return [Strip(line, width) for line in console.render_lines(part, options, pad=True)]


class NoticeScreen(ExportFlow):
    """Exports, the conflicts dialog and the folder key come from :class:`ExportFlow`."""

    NAME = "notice"
    HELP_CONTEXT = "notice"
    BINDINGS = keymap.bindings("notice")

    def __init__(self, store: MeetingStore) -> None:
        super().__init__(store)
        self.notice: Notice | None = None
        self._shown: Notice | None = None  # the notice the preview holds

    def compose(self) -> ComposeResult:
        yield Static("", id="notice-banner")
        yield NoticePreview(id="notice-scroll")
        yield Static("", id=PATH_LABEL.lstrip("#"), markup=False)
        yield from self.compose_status()
        yield KeysFooter()

    def on_mount(self) -> None:
        from minutes_tui.services.notices import current_notice

        self.notice = current_notice(self.store)
        self.show_export_path()
        if self.notice is None:
            self.action_recompile()
        else:
            self.show()
            self.offer_conflicts()

    def meeting_changed(self) -> None:
        self.show()

    # -- compile and show ----------------------------------------------------------
    def action_recompile(self) -> None:
        self.notify(tr("notice.compiling"), timeout=2)
        self.compile_and_store()

    @work(thread=True, exclusive=True, group="notice")
    def compile_and_store(self) -> None:
        """Compiled and stored off the UI thread (a version is a file write)."""
        from minutes_tui.services.notices import compile_and_store

        try:
            compiled = compile_and_store(self.store, self.app.archive.settings)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._compiled, compiled)

    def _compiled(self, compiled: Compiled) -> None:
        self.notice = compiled.notice
        if compiled.conflicts:
            self.offer_conflicts(len(compiled.conflicts))
        self.show()

    def show(self) -> None:
        from minutes_tui.render.preview import notice_preview_parts
        from minutes_tui.services.notices import is_stale

        if self.notice is None:
            return
        if self.notice is not self._shown:  # back from another screen: the lines are still good
            self.query_one(NoticePreview).show(notice_preview_parts(self.notice))
            self._shown = self.notice
        self.show_banner(is_stale(self.store, self.app.archive.settings))

    def show_banner(self, stale: bool) -> None:
        """Issued: the number and date, and whether the notes differ from the issued
        text (with the key to issue again); not issued: whether the draft is stale."""
        from minutes_tui.core.dates import dmy
        from minutes_tui.services.issue import issue_state

        banner = self.query_one("#notice-banner", Static)
        state = issue_state(self.store, self.app.archive.settings)
        if state is not None:
            on = dmy(state.issued) if state.issued else "—"
            key = self.app.key_names("notice.issue")
            text = tr("issue.banner_differs" if state.differs else "issue.banner", number=state.number, date=on, keys=key)
            banner.set_class(not state.differs, "issued")
        else:
            text = tr("notice.stale") if stale else ""
            banner.set_class(False, "issued")
        banner.update(text)
        banner.display = bool(text)

    # -- issue and versions (tui/screens/issue.py) ---------------------------------------
    def action_issue(self) -> None:
        from minutes_tui.tui.screens.issue import IssueDialog

        self.app.push_screen(IssueDialog(self.store), self._issue_planned)

    def _issue_planned(self, plan: IssuePlan | None) -> None:
        from minutes_tui.tui.screens.issue import IssueDiff

        if plan is not None:
            self.app.push_screen(IssueDiff.issuing(self.store, plan), lambda done: self._issued(plan, done))

    def _issued(self, plan: IssuePlan, done: bool | None) -> None:
        from minutes_tui.core.dates import dmy
        from minutes_tui.services.notices import current_notice

        if not done:
            return
        if plan.already_issued:
            self.notify(tr("issue.nothing_done"))
            return
        if plan.ops:
            self.app.schedule_checkpoint(self.store)
        self.notice = current_notice(self.store)
        self.show()
        self.notify(tr("issue.done", number=plan.number, date=dmy(plan.issued) if plan.issued else "—"))

    def action_versions(self) -> None:
        self.load_versions()

    @work(thread=True, exclusive=True, group="versions")
    def load_versions(self) -> None:
        """Every version file is read: off the UI thread."""
        from minutes_tui.services.issue import notice_versions

        try:
            versions = notice_versions(self.store)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._show_versions, versions)

    def _show_versions(self, versions: list[NoticeVersion]) -> None:
        from minutes_tui.tui.screens.issue import VersionList

        self.app.push_screen(VersionList(versions), lambda picked: self._compare(versions, picked))

    def _compare(self, versions: list[NoticeVersion], picked: tuple[int, int] | None) -> None:
        from minutes_tui.services.issue import compare_versions
        from minutes_tui.tui.screens.issue import IssueDiff

        if picked is None:
            return
        found = {version.version: version for version in versions}
        older, newer = found[picked[0]], found[picked[1]]
        self.app.push_screen(IssueDiff.comparing(older, newer, compare_versions(older, newer)))

    # -- edits ---------------------------------------------------------------------
    def action_edit_paragraph(self) -> None:
        from minutes_tui.services.notices import editable_paragraphs

        if self.notice is None:
            return
        options = [(key, shown) for key, shown, _ in editable_paragraphs(self.notice)]
        self.app.push_screen(Picker(tr("notice.pick_title"), options), self._edit_chosen)

    def _edit_chosen(self, key: str | None) -> None:
        from minutes_tui.services.notices import editable_paragraphs

        if key is None or self.notice is None:
            return
        # The editor gets the paragraph's text without its printed label ("- ", "1."):
        # saving the label with it would print it twice.
        text = next((text for k, _, text in editable_paragraphs(self.notice) if k == key), "")
        self.app.push_screen(ParagraphEditor(text), lambda new: self._save_edit(key, new))

    def _save_edit(self, key: str, text: str | None) -> None:
        from minutes_tui.services.notices import edit_paragraph

        if text is None:
            return
        try:
            self.notice = edit_paragraph(self.store, key, text)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(tr("notice.edited"))
        self.show()


class ParagraphEditor(MinutesModal[str | None]):
    """Edit one paragraph's text; Ctrl+S keeps it, Esc leaves it as it was."""

    BINDINGS = keymap.bindings("editor")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        editor = ComposedTextArea(self.text, id="paragraph-editor", soft_wrap=True)
        editor.border_title = tr("notice.edit_title")
        yield editor
        yield KeysFooter()

    def action_save(self) -> None:
        # One paragraph: line breaks typed in the editor become spaces, text is NFC.
        self.dismiss(clean_line(self.query_one(TextArea).text))

    def action_cancel(self) -> None:
        self.dismiss(None)
