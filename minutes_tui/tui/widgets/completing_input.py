"""Completion in the capture input: ghost text, accept keys, abbreviations, undo.

The offer is computed *in* the value watcher, synchronously, by
``core.completion.suggest`` — a few dictionary reads for the words just typed —
instead of through Textual's ``Suggester``, which starts a worker on every
keystroke. Nothing enters the value without a key: the offer is drawn after
the text (``Input._suggestion``), the accept keys (Tab: a word, →: all) copy it
in, and Ctrl+Z right after an accept or an abbreviation's expansion brings
back what was typed.

:class:`CaptureCompletion` connects a capture screen to its archive's
:class:`~minutes_tui.services.typing.TypingAids`: the index is built on a
worker after the first frame, details are offered to a new meeting, each
committed line is learned at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from rich.text import Text

from minutes_tui.core.abbreviations import Abbreviations
from minutes_tui.core.completion import Context, Suggestion, accept_word, suggest
from minutes_tui.core.model import Kind
from minutes_tui.services.typing import Learned, TypingAids, aids_for, offered_details
from minutes_tui.tui.widgets.capture_input import CaptureInput, ComposedInput

if TYPE_CHECKING:
    from minutes_tui.store import MeetingStore
    from minutes_tui.tui.app import MinutesApp

#: Values longer than this get no offer (a pasted paragraph is not being typed).
MAX_OFFER_LENGTH: Final = 600


@dataclass(frozen=True)
class _Undo:
    """What Ctrl+Z restores: ``before`` while the value is still ``after``."""

    before: str
    after: str
    cursor: int


class CompletingInput(ComposedInput):
    """An input that offers a completion and expands abbreviations."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Gives the context of an offer, or None when completion is off.
        self.completion: Callable[[], Context | None] | None = None
        #: Gives the abbreviations expanded on a space.
        self.abbreviations: Callable[[], Abbreviations] | None = None
        self.offer: Suggestion | None = None
        self._undo: _Undo | None = None

    # -- the offer ---------------------------------------------------------------------
    def watch_value(self, value: str) -> None:
        """After Input's own watcher (which clears the ghost): compute the new offer."""
        self.offer = None
        if self.completion is None or not value or len(value) > MAX_OFFER_LENGTH:
            return
        context = self.completion()
        if context is None:
            return
        self.offer = suggest(value, context)
        self._suggestion = self.offer.value if self.offer is not None else ""

    @property
    def _value(self) -> Text:
        """The typed text; letters an accept would give accents to are underlined."""
        text = super()._value
        offer = self.offer
        value = self.value
        if offer is not None and self.has_focus and offer.rewrites(value):
            for index, (typed, offered) in enumerate(zip(value, offer.value)):
                if typed != offered:
                    text.stylize("underline", index, index + 1)
        return text

    def accept(self, *, whole: bool) -> bool:
        """Take the offer: the next word of it, or all of it. False when there is
        none to take (no offer, or the cursor is not at the end)."""
        offer = self.offer
        value = self.value
        if offer is None or not self.cursor_at_end or offer.value == value:
            return False
        accepted = offer.value if whole else accept_word(value, offer)
        self._set(accepted, value)
        return True

    def action_cursor_right(self, select: bool = False) -> None:
        """→ at the end takes the whole offer (as Input does, but undoably)."""
        if select or not self.accept(whole=True):
            super().action_cursor_right(select)

    # -- abbreviations -----------------------------------------------------------------
    def insert_text_at_cursor(self, text: str) -> None:
        super().insert_text_at_cursor(text)
        if text == " " and self.abbreviations is not None:
            value, cursor = self.value, self.cursor_position
            expansion = self.abbreviations().expansion(value, cursor)
            if expansion is not None:
                before = value
                self.value = expansion.apply(value)
                self.cursor_position = cursor + len(expansion.full) - len(expansion.typed)
                self._undo = _Undo(before, self.value, cursor)

    # -- undo ----------------------------------------------------------------------------
    def _set(self, value: str, before: str) -> None:
        self.value = value
        self.cursor_position = len(value)
        self._undo = _Undo(before, value, len(before))

    def undo_aid(self) -> bool:
        """Ctrl+Z right after an accept or an expansion: back to what was typed."""
        undo = self._undo
        self._undo = None
        if undo is None or self.value != undo.after:
            return False
        self.value = undo.before
        self.cursor_position = undo.cursor
        return True


class CompletingCaptureInput(CaptureInput, CompletingInput):
    """The capture input (Enter records synchronously) with completion."""


class CaptureCompletion:
    """The capture screen's side of the typing aids (one per capture screen)."""

    def __init__(self, app: MinutesApp, store: MeetingStore, field: CompletingInput,
                 tag: Callable[[], Kind | None], offers_changed: Callable[[dict[str, list[str]]], None]) -> None:
        self.app = app
        self.store = store
        self.field = field
        self.tag = tag
        self.offers_changed = offers_changed
        self.aids: TypingAids = aids_for(app.archive)
        self._key: tuple[object, ...] | None = None
        self._context: Context | None = None
        self._building = False

    def start(self, *, new_meeting: bool) -> None:
        """Hook the input up; build the index and compute offers on workers."""
        self.field.completion = self.context
        self.field.abbreviations = lambda: self.aids.abbreviations
        for warning in self.aids.warnings:
            self.app.notify(warning, severity="warning", timeout=15)
        self.aids.warnings.clear()
        if self.aids.learned is None:
            if self.aids.prefs.completion:  # off: no index is read at all (until it is switched on)
                self._building = True
                self.field.call_after_refresh(self._build)
        else:
            for line in self.store.meeting.lines:
                self.aids.learn_line(line)
        if new_meeting or self.store.id in self.aids.templates:
            self.refresh_offers()

    def _build(self) -> None:
        live = {mid: s.meeting for mid, s in self.app.stores.items() if mid != self.store.id}

        def build() -> None:
            learned = self.aids.build(live, self.store.id)
            self.app.call_from_thread(self._installed, learned)

        self.field.run_worker(build, thread=True, group="completion-index", exclusive=True)

    def _installed(self, learned: Learned) -> None:
        self.aids.install(learned, self.store.meeting)
        self._key = None
        self.field.watch_value(self.field.value)
        self.field.refresh()

    def refresh_offers(self) -> None:
        """Compute (again) the details offered to this meeting, on a worker."""
        meeting = self.store.meeting
        live = {mid: s for mid, s in self.app.stores.items() if mid != self.store.id}

        def compute() -> None:
            offers = offered_details(self.app.archive, self.aids, meeting, live)
            self.app.call_from_thread(self._offered, offers)

        self.field.run_worker(compute, thread=True, group="carry-over", exclusive=True)

    def _offered(self, offers: dict[str, list[str]]) -> None:
        self.aids.offers[self.store.id] = offers
        self._key = None
        self.offers_changed(offers)

    def tag_changed(self) -> None:
        """A tag key was pressed: the offer follows the kind of the line."""
        self.field.watch_value(self.field.value)
        self.field.refresh()

    def details_changed(self) -> None:
        """The details form saved: the offers follow a new date or body."""
        if self.store.id in self.aids.offers:
            self.refresh_offers()
        self._key = None

    def committed(self, line_added: bool, detail: str | None = None) -> None:
        """After a line or a detail command was recorded."""
        if line_added and self.store.meeting.lines:
            self.aids.learn_line(self.store.meeting.lines[-1])
        if detail in ("date", "body") and self.store.id in self.aids.offers:
            self.refresh_offers()
        self._key = None

    def context(self) -> Context | None:
        """The context of an offer, cached until something it depends on changes."""
        if not self.aids.prefs.completion:
            return None
        if self.aids.learned is None and not self._building:  # switched on in the settings since
            self._building = True
            self._build()
        key = (self.tag(), self.store.seq, id(self.aids.learned), self.aids.version,
               id(self.app.archive.directory))
        if key != self._key or self._context is None:
            self._context = self.aids.context(self.store.meeting, self.tag())
            self._key = key
        return self._context
