"""The meeting list: newest first, with counts of what each meeting produced."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Static

from minutes_tui.core.dates import dmy, parse_date
from minutes_tui.core.model import Kind
from minutes_tui.i18n import tr
from minutes_tui.store import MeetingSummary
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MinutesScreen
from minutes_tui.tui.widgets.capture_input import ComposedInput
from minutes_tui.tui.widgets.keys_footer import KeysFooter
from minutes_tui.tui.widgets.row_list import RowList

COUNT_COLUMNS = (Kind.FINDING, Kind.SHORTCOMING, Kind.TASK, Kind.DECISION)
#: Meetings the list may read again on the UI thread (a few after a crash); more go to a worker.
SYNC_READS = 20
DATE_WIDTH, COUNT_WIDTH = 11, 4


def header_row() -> Text:
    text = Text(f"  {tr('meetings.col.date'):<{DATE_WIDTH}}", style="bold")
    for kind in COUNT_COLUMNS:
        text.append(f"{tr('chip.' + kind.value):>{COUNT_WIDTH}}", style="bold")
    text.append(f"{tr('meetings.col.lines'):>{COUNT_WIDTH + 2}}  {tr('meetings.col.title')}", style="bold")
    return text


def meeting_row(summary: MeetingSummary, hits: int = 0) -> Text:
    """Date, the four counts, lines, then the title (the counts first keep the
    columns aligned without measuring the titles); archive-search hits last."""
    parsed = parse_date(summary.date) if summary.date else None
    text = Text(f"  {dmy(parsed) if parsed else '—':<{DATE_WIDTH}}")
    for kind in COUNT_COLUMNS:
        text.append(f"{summary.count(kind):>{COUNT_WIDTH}}", style="dim" if not summary.count(kind) else "")
    text.append(f"{summary.lines:>{COUNT_WIDTH + 2}}  ")
    text.append(summary.title or "—", style="bold")
    if hits:
        text.append(f"  ({tr('meetings.hits', count=hits)})", style="yellow")
    return text


class MeetingsScreen(MinutesScreen[None]):
    HELP_CONTEXT = "meetings"
    BINDINGS = keymap.bindings("meetings")

    search_text = ""  # the archive search shown, if any
    loaded = False

    def compose(self) -> ComposeResult:
        yield Static(tr("meetings.title"), id="meetings-title")
        yield Static(header_row(), id="meetings-header")
        yield RowList(id="meetings")
        yield Static(tr("meetings.empty"), id="meetings-empty")
        yield ComposedInput(placeholder=tr("meetings.search_placeholder"), id="archive-search")
        yield KeysFooter()

    def on_mount(self) -> None:
        # The first frame does not wait for the archive: the list is read on a
        # worker thread and shown when it arrives (keys pressed before that read
        # it synchronously, see selected_id).
        self.query_one("#meetings-empty").display = False
        self.query_one("#archive-search").display = False
        self.query_one(RowList).focus()
        self.call_after_refresh(self.load_in_background)

    #: True while the list reads meetings again (a missing or stale index): keys then
    #: wait for it instead of reading the whole archive on the UI thread.
    rebuilding = False

    @work(thread=True, exclusive=True, group="meeting-list")
    def load_in_background(self) -> None:
        summaries = self.app.archive.list(progress=self._progress)
        self.app.call_from_thread(self.show, summaries)
        self.app.call_from_thread(self.app.show_warnings)

    def _progress(self, done: int, total: int) -> None:
        """From the worker: ``done`` of ``total`` meetings read again (2,000 take about a second)."""
        self.rebuilding = done < total
        text = tr("meetings.reading", done=done, total=total) if done < total else tr("meetings.title")
        self.app.call_from_thread(self._show_title, text)

    def _show_title(self, text: str) -> None:
        self.query_one("#meetings-title", Static).update(text)

    def on_screen_resume(self) -> None:
        if self.search_text:
            self.search_in_background(self.search_text)
        else:
            self.reload()

    def reload(self) -> None:
        """The list now, unless meetings must be read again (a missing index): then on
        the worker, with progress, so the screen never freezes on a big archive."""
        summaries = self.app.archive.list_if_cheap(SYNC_READS)
        if summaries is None:
            self.load_in_background()
            return
        self.show(summaries)
        self.app.show_warnings()

    def show(self, summaries: list[MeetingSummary]) -> None:
        table = self.query_one(RowList)
        table.show(summaries, meeting_row)
        self.query_one("#meetings-empty").display = not summaries
        self.loaded = True
        table.focus()

    def selected_id(self) -> str | None:
        if not self.loaded:
            if not self.rebuilding:
                self.reload()
            if not self.loaded:
                self.notify(tr("meetings.wait"), timeout=2)
                return None
        return self.query_one(RowList).current_id

    def action_open_capture(self) -> None:
        if (meeting_id := self.selected_id()) is not None:
            self.app.open_capture(meeting_id)

    def action_open_review(self) -> None:
        if (meeting_id := self.selected_id()) is not None:
            # Coming from an archive search, review opens filtered by the same words.
            self.app.switch_meeting_screen(meeting_id, "review", search=self.search_text)

    # -- archive-wide search ----------------------------------------------------------
    def action_search(self) -> None:
        field = self.query_one("#archive-search", ComposedInput)
        field.display = True
        field.value = self.search_text
        field.focus()

    @on(ComposedInput.Submitted, "#archive-search")
    def search_submitted(self, event: ComposedInput.Submitted) -> None:
        event.stop()
        self.search_text = event.value.strip()
        event.input.display = False
        self.query_one(RowList).focus()
        if self.search_text:
            self.search_in_background(self.search_text)
        else:
            self.reload()

    @work(thread=True, exclusive=True, group="archive-search")
    def search_in_background(self, query: str) -> None:
        """The first search of a session folds the archive (up to ~1 s for 100,000 lines)."""
        hits = self.app.search_archive(query)
        summaries = self.app.archive.list()
        self.app.call_from_thread(self.show_hits, query, summaries, hits)

    def show_hits(self, query: str, summaries: list[MeetingSummary], hits: dict[str, int]) -> None:
        found = [summary for summary in summaries if summary.id in hits]
        self.query_one(RowList).show(found, lambda summary: meeting_row(summary, hits[summary.id]))
        title = tr("meetings.search_result", query=query, lines=sum(hits.values()), meetings=len(found))
        self.query_one("#meetings-title", Static).update(title)
        self.query_one("#meetings-empty").display = False
        self.loaded = True

    def action_clear_search(self) -> None:
        field = self.query_one("#archive-search", ComposedInput)
        if field.display:
            field.display = False
            self.query_one(RowList).focus()
            return
        if self.search_text:
            self.search_text = ""
            self.query_one("#meetings-title", Static).update(tr("meetings.title"))
            self.reload()

    def action_open_notice(self) -> None:
        if (meeting_id := self.selected_id()) is not None:
            self.app.switch_meeting_screen(meeting_id, "notice")

    def action_new_meeting(self) -> None:
        self.app.new_meeting()

    def action_new_from_template(self) -> None:
        """A new meeting offered the details of a saved template (instead of the last meeting's)."""
        from minutes_tui.services.typing import aids_for
        from minutes_tui.tui.screens.base import MeetingScreen
        from minutes_tui.tui.screens.picker import Picker

        aids = aids_for(self.app.archive)
        if not aids.prefs.templates:
            self.notify(tr("template.none"), severity="warning")
            return

        def picked(name: str | None) -> None:
            template = aids.prefs.template(name) if name else None
            if template is None:
                return
            self.app.new_meeting()
            if isinstance(self.app.screen, MeetingScreen):  # not yet mounted: it reads the template on mount
                aids.templates[self.app.screen.store.id] = template

        choices = [(t.name, t.name) for t in aids.prefs.templates]
        self.app.push_screen(Picker(tr("template.pick"), choices), picked)

    def action_tracker(self) -> None:
        self.app.open_tracker()
