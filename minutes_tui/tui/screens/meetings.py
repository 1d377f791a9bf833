"""The meeting list: newest first, with counts of what each meeting produced.

Three views, switched with ``v``: the meetings, the archived ones (hidden from
the list, still found by the archive search), and the trash (deleted meetings,
restorable). Deleting, archiving and restoring are undone with ``u``.
"""

from __future__ import annotations

import time
from typing import Final

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Static

from minutes_tui.core.dates import dmy, parse_date
from minutes_tui.core.model import Kind
from minutes_tui.i18n import tr
from minutes_tui.services.meetings import (
    ARCHIVE,
    INVERSE,
    PURGE,
    RESTORE,
    TRASH,
    UNARCHIVE,
    IssuedNotice,
    change_meeting,
    issued_notices,
    trashed_meetings,
)
from minutes_tui.store import MeetingStore, MeetingSummary, StoreError
from minutes_tui.store.trash import TrashedMeeting
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import StatusScreen
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


def meeting_row(summary: MeetingSummary, hits: int = 0, *, issued: IssuedNotice | None = None,
                archived: bool = False) -> Text:
    """Date, the four counts, lines, then the title (the counts first keep the
    columns aligned without measuring the titles); the issued notice's number and
    date, an archived mark and archive-search hits last."""
    parsed = parse_date(summary.date) if summary.date else None
    text = Text(f"  {dmy(parsed) if parsed else '—':<{DATE_WIDTH}}")
    for kind in COUNT_COLUMNS:
        text.append(f"{summary.count(kind):>{COUNT_WIDTH}}", style="dim" if not summary.count(kind) else "")
    text.append(f"{summary.lines:>{COUNT_WIDTH + 2}}  ")
    text.append(summary.title or "—", style="bold")
    if issued is not None:
        text.append(f"  {tr('meetings.issued', number=issued.shown)}", style="green")
    if archived:
        text.append(f"  [{tr('meetings.archived_mark')}]", style="dim")
    if hits:
        text.append(f"  ({tr('meetings.hits', count=hits)})", style="yellow")
    return text


def trashed_row(entry: TrashedMeeting) -> Text:
    """A deleted meeting: its date, when it was deleted, its title."""
    parsed = parse_date(entry.date) if entry.date else None
    text = Text(f"  {dmy(parsed) if parsed else '—':<{DATE_WIDTH}}")
    deleted = time.strftime("%d/%m/%Y %H:%M", time.localtime(entry.trashed_at))
    text.append(f"{tr('meetings.trashed_at', when=deleted)}  ", style="dim")
    text.append(entry.title or "—", style="bold")
    return text


#: Seconds within which the delete key, pressed again on the same meeting in the trash, deletes it for good.
PURGE_CONFIRM_SECONDS: Final = 5.0

#: The three views of the list, in the order ``v`` goes through them.
VIEWS: Final = ("meetings", "archived", "trash")


class MeetingsScreen(StatusScreen):
    HELP_CONTEXT = "meetings"
    BINDINGS = keymap.bindings("meetings")

    search_text = ""  # the archive search shown, if any
    loaded = False

    def __init__(self) -> None:
        super().__init__()
        self.view = "meetings"
        #: Deletions, restorations and (un)archivings done here, newest last: ``u`` takes one back.
        self.done: list[tuple[str, str]] = []
        self.issued: dict[str, IssuedNotice] = {}
        self.archived: set[str] = set()
        self._shown: list[MeetingSummary] = []
        self._hits: dict[str, int] = {}
        # In the trash, deleting for good asks for the key a second time on the same meeting.
        self._purge_asked: str | None = None
        self._purge_asked_at = 0.0

    def compose(self) -> ComposeResult:
        yield Static(tr("meetings.title"), id="meetings-title")
        yield Static(header_row(), id="meetings-header")
        yield RowList(id="meetings")
        yield Static(tr("meetings.empty"), id="meetings-empty")
        yield ComposedInput(placeholder=tr("meetings.search_placeholder"), id="archive-search")
        yield from self.compose_status()
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
        summaries = self.app.archive.list(progress=self._progress, include_archived=self.view == "archived")
        self.app.call_from_thread(self.show, summaries)
        self.app.call_from_thread(self.app.show_warnings)

    def _progress(self, done: int, total: int) -> None:
        """From the worker: ``done`` of ``total`` meetings read again (2,000 take about a second)."""
        self.rebuilding = done < total
        text = tr("meetings.reading", done=done, total=total) if done < total else tr(f"meetings.view.{self.view}")
        self.app.call_from_thread(self._show_title, text)

    def _show_title(self, text: str) -> None:
        self.query_one("#meetings-title", Static).update(text)

    def on_screen_resume(self) -> None:
        if not self.loaded:
            return  # the first showing: on_mount reads the list on a worker, after the first frame
        if self.search_text:
            self.search_in_background(self.search_text)
        else:
            self.reload()

    def reload(self) -> None:
        """The list now, unless meetings must be read again (a missing index): then on
        the worker, with progress, so the screen never freezes on a big archive."""
        if self.view == "trash":
            self.load_trash()
            return
        summaries = self.app.archive.list_if_cheap(SYNC_READS, include_archived=self.view == "archived")
        if summaries is None:
            self.load_in_background()
            return
        self.show(summaries)
        self.app.show_warnings()

    def show(self, summaries: list[MeetingSummary]) -> None:
        if self.view == "trash":
            return  # switched to the trash while the list was read
        self.archived = set(self.app.archive.archived())
        if self.view == "archived":
            summaries = [summary for summary in summaries if summary.id in self.archived]
        self._shown, self._hits = summaries, {}
        self._show_rows()
        self.query_one("#meetings-empty").display = not summaries and self.view == "meetings"
        self.loaded = True
        self._focus_list()
        # Every time the list shows (a notice may have been issued or issued again meanwhile),
        # after the list is on screen: 500 folder listings must not delay the first frame.
        self.call_after_refresh(self.load_issued, [summary.id for summary in summaries])

    def _show_rows(self) -> None:
        """The meetings of :meth:`show` or :meth:`show_hits`, with what is known of their notices."""
        def row(summary: MeetingSummary) -> Text:
            return meeting_row(summary, self._hits.get(summary.id, 0), issued=self.issued.get(summary.id),
                               archived=summary.id in self.archived and self.view != "archived")

        self.query_one(RowList).show(self._shown, row)

    @work(thread=True, exclusive=True, group="issued-notices")
    def load_issued(self, meeting_ids: list[str]) -> None:
        """The number and date of each issued notice (a folder listing per meeting: off the UI thread)."""
        if not meeting_ids:
            return
        found = issued_notices(self.app.archive, meeting_ids)
        self.app.call_from_thread(self._issued_loaded, meeting_ids, found)

    def _issued_loaded(self, meeting_ids: list[str], found: dict[str, IssuedNotice]) -> None:
        changed = False
        for meeting_id in meeting_ids:
            if self.issued.get(meeting_id) != found.get(meeting_id):
                changed = True
                if meeting_id in found:
                    self.issued[meeting_id] = found[meeting_id]
                else:
                    del self.issued[meeting_id]
        if changed and self.view != "trash":
            self._show_rows()

    # -- the trash and the archived meetings -------------------------------------------------
    @work(thread=True, exclusive=True, group="meeting-list")
    def load_trash(self) -> None:
        try:
            entries = trashed_meetings(self.app.archive)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            entries = []
        self.app.call_from_thread(self._show_trash, entries)

    def _show_trash(self, entries: list[TrashedMeeting]) -> None:
        if self.view != "trash":
            return
        self.query_one(RowList).show(entries, trashed_row)
        self.loaded = True
        self._focus_list()

    def _focus_list(self) -> None:
        """The list takes the focus once read — unless the search is being typed in
        (``/`` pressed before the list was read): it would take the keys that follow."""
        if not self.query_one("#archive-search", ComposedInput).has_focus:
            self.query_one(RowList).focus()

    def action_next_view(self) -> None:
        """``v``: the meetings → the archived ones → the trash → the meetings."""
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self.search_text = ""
        self.query_one("#archive-search").display = False
        self.query_one("#meetings-empty").display = False
        self.query_one("#meetings-title", Static).update(tr(f"meetings.view.{self.view}"))
        self.loaded = False
        self.refresh_bindings()
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In the trash, Enter restores and nothing opens; elsewhere nothing restores."""
        trash = self.view == "trash"
        if action == "restore_meeting":
            return trash
        if action in ("open_capture", "open_review", "open_notice", "toggle_archive", "search"):
            return not trash
        return True

    def action_delete_meeting(self) -> None:
        """Delete to the trash; in the trash, the same key pressed twice deletes for good."""
        if self.view != "trash":
            if (meeting_id := self.selected_id()) is not None:
                self.change(TRASH, meeting_id)
            return
        if (meeting_id := self.query_one(RowList).current_id) is None:
            return
        if self._purge_asked != meeting_id or time.monotonic() - self._purge_asked_at > PURGE_CONFIRM_SECONDS:
            self._purge_asked, self._purge_asked_at = meeting_id, time.monotonic()
            self.notify(tr("meetings.purge_ask", keys=self.app.key_names("meetings.delete")), severity="warning",
                        timeout=PURGE_CONFIRM_SECONDS)
            return
        self._purge_asked = None
        self.change(PURGE, meeting_id)

    def action_restore_meeting(self) -> None:
        if (meeting_id := self.query_one(RowList).current_id) is not None:
            self.change(RESTORE, meeting_id)

    def action_toggle_archive(self) -> None:
        if (meeting_id := self.selected_id()) is not None:
            self.change(UNARCHIVE if meeting_id in self.archived else ARCHIVE, meeting_id)

    def action_undo(self) -> None:
        if not self.done:
            self.notify(tr("capture.nothing_to_undo"))
            return
        action, meeting_id = self.done.pop()
        self.change(INVERSE[action], meeting_id, undoing=True)

    def change(self, action: str, meeting_id: str, *, undoing: bool = False) -> None:
        """Delete, restore, archive or unarchive ``meeting_id`` (on a worker: files move)."""
        store = self.app.release_meeting(meeting_id) if action == TRASH else None
        self.run_change(action, meeting_id, store, undoing)

    @work(thread=True, group="meeting-change")
    def run_change(self, action: str, meeting_id: str, store: MeetingStore | None, undoing: bool) -> None:
        archive = self.app.archive
        try:
            if store is not None:
                archive.close_meeting(store)  # its journal is written into its file, then closed
            change_meeting(archive, action, meeting_id)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._changed, action, meeting_id, undoing)

    def _changed(self, action: str, meeting_id: str, undoing: bool) -> None:
        if action == PURGE:  # gone for good: nothing of it can be undone any more
            self.done = [(done, other) for done, other in self.done if other != meeting_id]
        elif not undoing:
            self.done.append((action, meeting_id))
        if action in (TRASH, RESTORE):
            self.app.followup.meetings_moved((meeting_id,))
        key = "meetings.undone" if undoing else f"meetings.done.{action}"
        self.notify(tr(key, undo=self.app.key_names("meetings.undo"), view=self.app.key_names("meetings.view")))
        if self.search_text:
            self.search_in_background(self.search_text)
        else:
            self.reload()

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
        """The first search of a session folds the archive (up to ~1 s for 100,000 lines).
        Archived meetings are found too (marked as such)."""
        hits = self.app.search_archive(query)
        summaries = self.app.archive.list(include_archived=True)
        self.app.call_from_thread(self.show_hits, query, summaries, hits)

    def show_hits(self, query: str, summaries: list[MeetingSummary], hits: dict[str, int]) -> None:
        found = [summary for summary in summaries if summary.id in hits]
        self.archived = set(self.app.archive.archived())
        self._shown, self._hits = found, hits
        self._show_rows()
        title = tr("meetings.search_result", query=query, lines=sum(hits.values()), meetings=len(found))
        self.query_one("#meetings-title", Static).update(title)
        self.query_one("#meetings-empty").display = False
        self.loaded = True
        self.load_issued([summary.id for summary in found if summary.id not in self.issued])

    def action_clear_search(self) -> None:
        field = self.query_one("#archive-search", ComposedInput)
        if field.display:
            field.display = False
            self.query_one(RowList).focus()
            return
        if self.search_text:
            self.search_text = ""
            self.query_one("#meetings-title", Static).update(tr(f"meetings.view.{self.view}"))
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
