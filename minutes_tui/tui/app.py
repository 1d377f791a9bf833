"""The application shell: opens meetings, switches screens, closes cleanly.

Kept thin on purpose: screens own their widgets and actions; the app owns the
archive and the one :class:`MeetingStore` per open meeting (TinyDB must have a
single instance and a single writer per file).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.timer import Timer

from minutes_tui.crash import write_crash_report
from minutes_tui.i18n import tr
from minutes_tui.locations import crash_dir
from minutes_tui.store import Archive, MeetingStore, StoreError
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.capture import CaptureScreen
from minutes_tui.tui.screens.meetings import MeetingsScreen


def meeting_screen(name: str) -> type[Screen]:
    """The screen class showing one meeting, by the name used to switch to it.

    Review and notice (and the forms and help below) are imported on first use:
    the first frame needs only the meeting list and capture.
    """
    if name == "review":
        from minutes_tui.tui.screens.review import ReviewScreen

        return ReviewScreen
    if name == "notice":
        from minutes_tui.tui.screens.notice import NoticeScreen

        return NoticeScreen
    return CaptureScreen


#: Seconds of quiet after a change before the journal is written into the database file.
CHECKPOINT_DELAY = 2.0


class MinutesApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "minutes-tui"
    BINDINGS = keymap.bindings("app")
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, archive: Archive, *, open_meeting: str | None = None, new: bool = False) -> None:
        super().__init__()
        self.archive = archive
        self._start_meeting = open_meeting
        self._start_new = new
        self.stores: dict[str, MeetingStore] = {}
        self._checkpoint_timers: dict[str, Timer] = {}
        self._search_index = None  # built on the first archive search
        self.signal_received: int | None = None  # set by tui.signals (SIGHUP, SIGTERM, SIGINT)
        self._leaving_on_signal = False

    def on_mount(self) -> None:
        try:
            self.theme = self.archive.settings.theme or "textual-dark"
        except Exception:  # noqa: BLE001 - Textual's InvalidThemeError: settings are checked on load; never fail to start
            self.theme = "textual-dark"
        self.push_screen(MeetingsScreen())
        self.show_warnings()
        if self.signal_received is not None:  # a signal came while the app was starting
            self.exit_on_signal(self.signal_received)
            return
        if self._start_new:
            self.new_meeting()
        elif self._start_meeting:
            self.open_capture(self._start_meeting)

    def show_warnings(self) -> None:
        """The store's warnings (a damaged file recovered, a setting that fell back), each once."""
        for warning in self.archive.take_warnings():
            self.notify(warning, severity="warning", timeout=15)

    # -- meetings --------------------------------------------------------------
    def store_for(self, meeting_id: str) -> MeetingStore:
        if meeting_id not in self.stores:
            store = self.archive.open_meeting(meeting_id)
            self.stores[meeting_id] = store
            self.show_warnings()  # the store's warnings joined the archive's
        return self.stores[meeting_id]

    def new_meeting(self) -> None:
        try:
            store = self.archive.create()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15)
            return
        self.stores[store.id] = store
        self.push_screen(CaptureScreen(store))

    def open_capture(self, meeting_id: str) -> None:
        self.switch_meeting_screen(meeting_id, "capture")

    def switch_meeting_screen(self, meeting_id: str, name: str, search: str = "") -> None:
        """Show ``meeting_id`` in the capture, review or notice screen (one key each);
        review opens filtered by ``search`` when given."""
        try:
            store = self.store_for(meeting_id)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15)
            return
        screen = meeting_screen(name)(store)
        if search and hasattr(screen, "search_for"):
            screen.search_for(search)
        current = getattr(self.screen, "store", None)
        if current is not None:
            self.save_unsaved(self.screen)
            self.checkpoint_in_background(current)
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def search_archive(self, query: str) -> dict[str, int]:
        """Matching lines per meeting, across the whole archive (worker thread)."""
        from minutes_tui.store.search import SearchIndex

        if self._search_index is None:
            self._search_index = SearchIndex(self.archive.root, persist=not self.archive.readonly)
        counts: dict[str, int] = {}
        for hit in self._search_index.search(query, live=dict(self.stores)):
            counts[hit.meeting_id] = counts.get(hit.meeting_id, 0) + 1
        return counts

    def leave_meeting(self, screen: Screen) -> None:
        """Back to the meeting list; the meeting is written into its file on a worker."""
        store: MeetingStore | None = getattr(screen, "store", None)
        if store is not None:
            self.save_unsaved(screen)
            self.checkpoint_in_background(store)
        self.switch_to_meetings()

    def switch_to_meetings(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if not isinstance(self.screen, MeetingsScreen):
            self.pop_screen()

    def schedule_checkpoint(self, store: MeetingStore) -> None:
        """Write the journal into the database file after a pause, off the typing path."""
        if (timer := self._checkpoint_timers.get(store.id)) is not None:
            timer.stop()
        self._checkpoint_timers[store.id] = self.set_timer(CHECKPOINT_DELAY, lambda: self.checkpoint_in_background(store))

    @work(thread=True, group="checkpoint")
    def checkpoint_in_background(self, store: MeetingStore) -> None:
        """Never on the UI thread: a big meeting's file takes tens of milliseconds to write."""
        try:
            self.archive.checkpoint(store)
        except StoreError as error:
            self.call_from_thread(self.notify, tr("capture.checkpoint_failed", reason=str(error)), severity="warning")

    def step_history(self, store: MeetingStore, *, redo: bool = False) -> bool:
        """Undo (or redo) the last change to ``store`` and say so; True when the
        meeting changed (the screen then refreshes what it shows)."""
        try:
            changed = store.redo() if redo else store.undo()
        except StoreError as error:
            self.notify(str(error), severity="error")
            return False
        if redo:
            self.notify(tr("capture.redone" if changed else "capture.nothing_to_redo"))
        else:
            self.notify(tr("capture.undone" if changed else "capture.nothing_to_undo"))
        if changed:
            self.schedule_checkpoint(store)
        return changed

    def open_details(self, store: MeetingStore) -> None:
        from minutes_tui.tui.screens.forms import DetailsForm

        def saved(changed: bool | None) -> None:
            if changed and hasattr(self.screen, "on_screen_resume"):
                self.screen.on_screen_resume()

        self.push_screen(DetailsForm(store), saved)

    def action_settings(self) -> None:
        from minutes_tui.tui.screens.forms import SettingsForm

        self.push_screen(SettingsForm())

    def action_directory(self) -> None:
        from minutes_tui.tui.screens.forms import DirectoryForm

        self.push_screen(DirectoryForm())

    def close_stores(self) -> None:
        for store in self.stores.values():
            try:
                self.archive.checkpoint(store)
            except StoreError:
                pass  # the journal keeps every committed line; replayed next time
            try:
                store.close()
            except StoreError:
                pass
        self.stores.clear()

    # -- the half-typed line, and leaving on a signal ----------------------------------
    def save_unsaved(self, screen: Screen | None = None) -> None:
        """Keep the text a screen has not committed as its meeting's draft.

        A screen offers it through ``unsaved_text() -> str`` (the capture screen:
        the input's value). ``screen`` None: every screen of the stack. Best
        effort: a refused write is said, and never stops the app from leaving.
        """
        for shown in [screen] if screen is not None else list(self.screen_stack):
            unsaved = getattr(shown, "unsaved_text", None)
            store = getattr(shown, "store", None)
            if not callable(unsaved) or not isinstance(store, MeetingStore) or store.readonly:
                continue
            try:
                store.save_draft(unsaved())
            except StoreError as error:
                self.notify(str(error), severity="error")

    def exit_on_signal(self, signum: int) -> None:
        """SIGHUP, SIGTERM or SIGINT (see :mod:`minutes_tui.tui.signals`): save the
        draft, checkpoint every meeting, and exit through ``App.exit`` so that the
        terminal is restored. Runs once, on the event loop."""
        if self._leaving_on_signal:
            return
        self._leaving_on_signal = True
        self.signal_received = signum
        try:
            self.save_unsaved()
        finally:
            self.close_stores()
            self.exit(return_code=128 + signum)

    async def action_quit(self) -> None:
        self.save_unsaved()
        self.close_stores()
        self.exit()

    def on_unmount(self) -> None:
        self.close_stores()

    # -- help, palette, crashes --------------------------------------------------
    def action_help(self) -> None:
        from minutes_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists every visible key of the current screen and the app."""
        seen: set[str] = set()
        for (key, binding) in screen.active_bindings.items():
            node_binding = binding.binding
            if not node_binding.description or node_binding.action in seen:
                continue
            seen.add(node_binding.action)
            target = binding.node
            action = node_binding.action
            yield SystemCommand(
                f"{node_binding.description}",
                f"{keymap.key_display(key)}",
                lambda target=target, action=action: self.run_action(action, target),
            )
        yield from super().get_system_commands(screen)

    def _handle_exception(self, error: Exception) -> None:
        # Like Harlequin: a crash report file and one friendly line, not a raw traceback.
        path = write_crash_report(crash_dir(self.archive.root), error)
        with contextlib.suppress(Exception):  # already crashing: the report is written, the journal is safe
            self.save_unsaved()
        self.close_stores()
        self._return_code = 1
        if self._exception is None:
            self._exception = error  # Pilot re-raises it, so tests still see the failure
            self._exception_event.set()
        self.panic(tr("error.crash", path=path or "—"))
