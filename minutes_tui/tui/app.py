"""The application shell: opens meetings, switches screens, closes cleanly.

Kept thin on purpose: screens own their widgets and actions; the app owns the
archive and the one :class:`MeetingStore` per open meeting (TinyDB must have a
single instance and a single writer per file).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette, Provider
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from minutes_tui.core.model import OfficeSettings
from minutes_tui.crash import write_crash_report
from minutes_tui.i18n import tr
from minutes_tui.locations import crash_dir
from minutes_tui.store import Archive, MeetingStore, StoreError
from minutes_tui.store.errors import WriteFailed
from minutes_tui.tui import keymap
from minutes_tui.tui.followup_session import FollowUpSession
from minutes_tui.tui.kinds import kind_css_variables
from minutes_tui.tui.palette import FoldedCommands, MinutesPalette
from minutes_tui.tui.screens.base import MeetingScreen, MinutesScreen, StatusScreen
from minutes_tui.tui.screens.meetings import MeetingsScreen
from minutes_tui.tui.terminal import legacy_windows_console

if TYPE_CHECKING:
    from minutes_tui.store.search import SearchIndex


def meeting_screen(name: str) -> type[MeetingScreen]:
    """The screen class showing one meeting, by the name used to switch to it.

    The three (and the forms and help below) are imported on first use: the
    first frame needs only the meeting list (capture and its typing aids cost
    ~100 ms of imports at start-up).
    """
    if name == "review":
        from minutes_tui.tui.screens.review import ReviewScreen

        return ReviewScreen
    if name == "notice":
        from minutes_tui.tui.screens.notice import NoticeScreen

        return NoticeScreen
    from minutes_tui.tui.screens.capture import CaptureScreen

    return CaptureScreen


#: Seconds of quiet after a change before the journal is written into the database file.
CHECKPOINT_DELAY = 2.0


class MinutesApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "minutes-tui"
    BINDINGS = keymap.bindings("app")
    ENABLE_COMMAND_PALETTE = True
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {FoldedCommands}

    def __init__(self, archive: Archive, *, open_meeting: str | None = None, new: bool = False,
                 today: date | None = None) -> None:
        """``today``: the day task states are computed for (tests, ``--as-of``); None: the real today."""
        super().__init__()
        self.archive = archive
        self._start_meeting = open_meeting
        self._start_new = new
        self._today = today
        self.stores: dict[str, MeetingStore] = {}
        #: The files of each meeting's last export, shown on its notice screen (screens are made anew each visit).
        self.last_exports: dict[str, list[Path]] = {}
        self._checkpoint_timers: dict[str, Timer] = {}
        self._search_index: SearchIndex | None = None  # built on the first archive search
        self._theme_timer: Timer | None = None
        #: Key overrides by binding id (the ``tag_keys`` setting), applied with ``set_keymap``.
        self.key_overrides: dict[str, str] = {}
        self.signal_received: int | None = None  # set by tui.signals (SIGHUP, SIGTERM, SIGINT)
        self._leaving_on_signal = False
        #: The task register and the follow-up recorded (the tracker, capture's panel).
        self.followup = FollowUpSession(self)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The kind colours as CSS variables (``$kind-task`` …): one table in ``kinds.py``."""
        return {**super().get_theme_variable_defaults(), **kind_css_variables()}

    def on_mount(self) -> None:
        self.apply_look(self.archive.settings)
        self.push_screen(MeetingsScreen())
        self.show_warnings()
        if legacy_windows_console():  # once, on the screen the app opens on (capture with `new`)
            self.call_after_refresh(self.notify, tr("app.legacy_console"), severity="warning", timeout=20)
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
        """Capture on a new meeting, written to disk only with its first line (or detail,
        or kept half-typed line): ``n`` then Esc leaves nothing behind."""
        try:
            store = self.archive.create(defer=True)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15)
            return
        self.stores[store.id] = store
        self.push_screen(meeting_screen("capture")(store))

    def release_meeting(self, meeting_id: str) -> MeetingStore | None:
        """Stop holding the meeting's store (it is about to be moved to the trash): the
        caller checkpoints and closes it (off the UI thread); None when it was not open."""
        if (timer := self._checkpoint_timers.pop(meeting_id, None)) is not None:
            timer.stop()
        return self.stores.pop(meeting_id, None)

    def open_capture(self, meeting_id: str) -> None:
        self.switch_meeting_screen(meeting_id, "capture")

    def switch_meeting_screen(self, meeting_id: str, name: str, search: str = "", line_id: str = "") -> None:
        """Show ``meeting_id`` in the capture, review or notice screen (one key each);
        review opens filtered by ``search``, or on the line ``line_id``, when given."""
        try:
            store = self.store_for(meeting_id)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15)
            return
        screen = meeting_screen(name)(store)
        if search:
            screen.search_for(search)
        if line_id:
            screen.start_at(line_id)
        if isinstance(self.screen, MeetingScreen):
            self.save_unsaved(self.screen)
            self.checkpoint_in_background(self.screen.store)
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

    def leave_meeting(self, screen: MeetingScreen) -> None:
        """Back to the meeting list; the meeting is written into its file on a worker."""
        self.save_unsaved(screen)
        self.checkpoint_in_background(screen.store)
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
            # The cause alone (a busy file on Windows, a full disk): WriteFailed's own text
            # speaks of a line still in the input, which a checkpoint never has.
            reason = error.error.strerror if isinstance(error, WriteFailed) and error.error.strerror else str(error)
            self.call_from_thread(self.notify, tr("capture.checkpoint_failed", reason=reason), severity="warning")

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

    def open_details(self, store: MeetingStore, changed: Callable[[], None]) -> None:
        """The details form; ``changed`` runs when it saved a change."""
        from minutes_tui.tui.screens.forms import DetailsForm

        def saved(result: bool | None) -> None:
            if result:
                changed()

        self.push_screen(DetailsForm(store), saved)

    def action_settings(self) -> None:
        from minutes_tui.tui.screens.forms import SettingsForm

        self.push_screen(SettingsForm())

    def apply_look(self, settings: OfficeSettings) -> None:
        """The theme and the tag keys of ``settings``, at once (at start, after ``/set``
        or the settings form)."""
        try:
            self.theme = settings.theme or "textual-dark"
        except Exception:  # Textual's InvalidThemeError: settings are checked on load; never fail to start
            self.theme = "textual-dark"
        self.key_overrides = keymap.tag_keymap(settings.tag_keys)
        self.set_keymap(self.key_overrides)

    def watch_theme(self, theme: str) -> None:
        """A theme chosen in the command palette is remembered like ``/set theme``; saved
        once the choice settles (the palette previews themes as the cursor moves)."""
        if theme == self.archive.settings.theme or self.archive.readonly:
            return
        if self._theme_timer is not None:
            self._theme_timer.stop()
        self._theme_timer = self.set_timer(0.5, self._save_theme)

    def _save_theme(self) -> None:
        self._theme_timer = None
        if self.theme == self.archive.settings.theme:
            return
        try:
            self.archive.save_settings(self.archive.settings.with_value("theme", self.theme))
        except StoreError as error:
            self.notify(str(error), severity="error")

    def action_directory(self) -> None:
        from minutes_tui.tui.screens.forms import DirectoryForm

        self.push_screen(DirectoryForm())

    # -- the task register -----------------------------------------------------------------
    def today(self) -> date:
        return self._today or date.today()

    @property
    def due_soon_days(self) -> int:
        return self.archive.settings.due_soon_days

    def open_tracker(self) -> None:
        """The tracker over whatever screen is shown; Esc comes back to it."""
        from minutes_tui.tui.screens.tracker import TrackerScreen

        if not isinstance(self.screen, TrackerScreen):
            self.push_screen(TrackerScreen())

    def open_task_line(self, meeting_id: str, line_id: str) -> None:
        """The meeting of a task in review, the cursor on the task's line (from the tracker)."""
        from minutes_tui.tui.screens.tracker import TrackerScreen

        while isinstance(self.screen, TrackerScreen):
            self.pop_screen()
        self.switch_meeting_screen(meeting_id, "review", line_id=line_id)

    def meetings_changed(self, meeting_ids: tuple[str, ...]) -> None:
        """These meetings changed under their screens (follow-up undone elsewhere): show them again."""
        for screen in self.screen_stack:
            if isinstance(screen, MeetingScreen) and screen.store.id in meeting_ids:
                screen.meeting_changed()

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
    def save_unsaved(self, screen: Screen[Any] | None = None) -> None:
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

    # -- messages, help, palette, crashes ------------------------------------------------
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """On a meeting screen or the tracker, messages go to its status line (one
        line, replaced); elsewhere they are toasts."""
        if isinstance(self.screen, StatusScreen):
            self.screen.say(message, severity=severity, timeout=timeout)
        else:
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def get_key_display(self, binding: Binding) -> str:
        """Textual's key names (``g``, ``G``, ``]``, ``/``, ``^t``), function keys as printed: ``F2``."""
        display = super().get_key_display(binding)
        return display.upper() if display[:1] == "f" and display[1:].isdigit() else display

    def keys_shown(self, key: keymap.Key) -> list[str]:
        """The names of ``key``'s keys as the user presses them (after the tag-keys keymap)."""
        keys = self.key_overrides.get(key.id, key.keys)
        return [self.get_key_display(Binding(name.strip(), key.action)) for name in keys.split(",")]

    def key_names(self, key_id: str) -> str:
        """The keys of the binding ``key_id`` as shown, e.g. "u/^z"."""
        return "/".join(self.keys_shown(keymap.find(key_id)))

    def action_help(self) -> None:
        from minutes_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_context()))

    def help_context(self) -> str:
        """The screen whose keys F1 shows first: the top screen, or the one under a dialog."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, MinutesScreen) and screen.HELP_CONTEXT:
                return screen.HELP_CONTEXT
        return "meetings"

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(MinutesPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette lists our keys of the current screen and the app (from the
        keymap, in the UI language) and the theme; none of Textual's English ones."""
        seen: set[str] = set()
        ids = {key.id for keys in keymap.KEYMAP.values() for key in keys}
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.id not in ids or binding.action in seen or binding.id == "palette":
                continue
            seen.add(binding.action)
            target, action = active.node, binding.action
            yield SystemCommand(
                binding.tooltip or binding.description,
                self.get_key_display(binding),
                lambda target=target, action=action: self.run_action(action, target),
            )
        yield SystemCommand(tr("palette.theme"), tr("palette.theme_help"), self.action_change_theme)

    def action_change_theme(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(MinutesPalette(providers=[ThemeProvider], placeholder=tr("palette.themes_placeholder")))

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
