"""Base classes of our screens: typed access to the app, and the navigation the
three meeting screens (capture, review, notice) share.

``self.app`` is typed as :class:`MinutesApp` here (Posting's
``cast("Posting", self.app)`` accessor), so screens call the app's own methods
with their types checked instead of through an untyped ``App``. (Textual's own
``getters.app(MinutesApp)`` would need the app class while this module is
imported by it.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual import on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.events import Mount
from textual.screen import ModalScreen, Screen

from minutes_tui.store import MeetingStore
from minutes_tui.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from minutes_tui.tui.app import MinutesApp

ResultT = TypeVar("ResultT")


class MinutesScreen(Screen[ResultT]):
    """A full screen of the app."""

    #: Which sections of the keymap F1 shows first (see ``keymap.SCREEN_KEYS``).
    HELP_CONTEXT: ClassVar[str] = ""

    @property
    def app(self) -> MinutesApp:  # type: ignore[override]  # a narrower type, read-only as Textual's
        return cast("MinutesApp", super().app)


class MinutesModal(ModalScreen[ResultT]):
    """A dialog returning a ``ResultT`` through ``dismiss`` (Frogmouth's ``YesNoDialog`` shape)."""

    @property
    def app(self) -> MinutesApp:  # type: ignore[override]  # as MinutesScreen.app
        return cast("MinutesApp", super().app)


class StatusScreen(MinutesScreen[None]):
    """A full screen with a status line that every message of the screen goes to
    (one line, replaced, instead of toasts piling up): the meeting screens and the tracker."""

    def __init__(self) -> None:
        super().__init__()
        # Messages said before the status line is mounted (the store's warnings
        # at start-up come while the first screen is being pushed).
        self._early_messages: list[tuple[str, str, float | None]] = []

    def compose_status(self) -> ComposeResult:
        yield StatusLine(id="status-line")

    @on(Mount)
    def _say_early_messages(self) -> None:
        early, self._early_messages = self._early_messages, []
        for message, severity, timeout in early:
            self.say(message, severity=severity, timeout=timeout)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def say(self, message: str, *, severity: str = "information", timeout: float | None = None) -> None:
        """Show ``message`` in the status line (the app's ``notify`` comes here too)."""
        try:
            line = self.status
        except NoMatches:
            self._early_messages.append((message, severity, timeout))
            return
        line.say(message, severity=severity, timeout=timeout)


class MeetingScreen(StatusScreen):
    """One meeting, in one of the three screens switched by one key each.

    Holds the meeting's store and the actions the three screens share:
    switching between them, back to the list, the details form, undo and redo,
    and the task tracker.
    """

    #: "capture", "review" or "notice": the name :meth:`MinutesApp.switch_meeting_screen` knows.
    NAME: ClassVar[str] = ""

    def __init__(self, store: MeetingStore) -> None:
        super().__init__()
        self.store = store

    def search_for(self, text: str) -> None:
        """Open filtered by ``text`` (an archive search); only review filters."""

    def start_at(self, line_id: str) -> None:
        """Open with the cursor on ``line_id`` (a task chosen in the tracker); only review has a cursor."""

    # -- after a change the screen did not make itself -------------------------------
    def meeting_changed(self) -> None:
        """The meeting changed under the screen (undo, redo, the details form):
        show it again. Screens override this."""

    # -- shared actions -----------------------------------------------------------------
    def switch_to(self, name: str) -> None:
        if name != self.NAME:
            self.app.switch_meeting_screen(self.store.id, name)

    def action_capture(self) -> None:
        self.switch_to("capture")

    def action_review(self) -> None:
        self.switch_to("review")

    def action_notice(self) -> None:
        self.switch_to("notice")

    def action_back(self) -> None:
        self.app.leave_meeting(self)

    def action_details(self) -> None:
        self.app.open_details(self.store, self.meeting_changed)

    def action_undo(self) -> None:
        if self.app.step_history(self.store, redo=False):
            self.meeting_changed()

    def action_redo(self) -> None:
        if self.app.step_history(self.store, redo=True):
            self.meeting_changed()

    def action_tracker(self) -> None:
        self.app.open_tracker()
