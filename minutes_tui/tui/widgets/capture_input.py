"""The capture input: NFC on every change, owner completion, multi-line paste."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any, Protocol

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.suggester import Suggester
from textual.widgets import Input

from minutes_tui.core.directory import Directory
from minutes_tui.core.text import fold

#: Longer single-line pastes are committed directly: Input re-renders its whole
#: value per keystroke (≈42 ms at 50,000 characters), which would make typing lag.
MAX_TYPED_LENGTH = 4000


class OwnerSuggester(Suggester):
    """Completes the owner after the last `` @`` from the directory (folded match).

    ``directory`` gives the archive's directory as it is now: saving an alias
    replaces the directory object, and a suggester holding the old one would not
    know the alias just typed.
    """

    def __init__(self, directory: Callable[[], Directory]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.directory = directory

    async def get_suggestion(self, value: str) -> str | None:
        # the owner being typed starts at the last "@" that opens the value or follows a space
        at = value.rfind(" @")
        start = at + 2 if at >= 0 else (1 if value.startswith("@") else -1)
        if start < 0 or " ^" in value[start:]:
            return None
        prefix = value[start:]
        if not prefix or " @" in prefix:
            return None
        for name in self.directory().complete(prefix, limit=1):
            if fold(name).startswith(fold(prefix)) and len(name) > len(prefix):
                return value[:start] + name
        return None


class ComposedInput(Input):
    """An Input whose value is always NFC, whatever the terminal or IME sends.

    NFD input (e + combining marks) breaks cursor movement and Backspace.
    """

    # Input sets its virtual width on every keystroke, and Widget declares
    # virtual_size with layout=True, so each key re-laid-out the whole screen (cost
    # growing with everything else shown: 2.9x a bare Input app in capture). An
    # Input never shows scrollbars; a repaint is all it needs.
    virtual_size = Reactive(Size(0, 0), repaint=True)

    def insert_text_at_cursor(self, text: str) -> None:
        super().insert_text_at_cursor(text)
        self._normalise()

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(text, start, end)
        self._normalise()

    def _normalise(self) -> None:
        value = self.value
        if unicodedata.is_normalized("NFC", value):
            return
        cursor = len(unicodedata.normalize("NFC", value[: self.cursor_position]))
        self.value = unicodedata.normalize("NFC", value)
        self.cursor_position = cursor


class Recorder(Protocol):
    """What the input hands its lines to (the capture screen)."""

    def record(self, text: str) -> bool: ...

    def record_paste(self, text: str) -> None: ...

    def next_pending(self) -> str:
        """The text to put in the input after a committed line ("" normally; the next
        rejected line of a paste while some wait)."""
        ...


class CaptureInput(ComposedInput):
    """Enter records the line *synchronously*, inside the input's own key handling.

    Posting ``Submitted`` and reading ``value`` in a handler later is not safe
    while the user types fast: by then the input has taken the next keys, and
    clearing it would throw them away. Calling the recorder here means a line is
    on disk before the next key reaches the input, and the input is cleared only
    when the write succeeded.
    """

    def __init__(self, recorder: Recorder, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.recorder = recorder

    async def action_submit(self) -> None:
        if self.recorder.record(self.value):
            # In the same key handling as the commit: the following keys land after it.
            pending = self.recorder.next_pending()
            self.value = pending
            self.cursor_position = len(pending)

    async def _on_key(self, event: events.Key) -> None:
        # Textual runs bindings only after a key has bubbled up to the App, so in
        # a burst of input (fast typing, an IME committing a word, a terminal
        # replaying keys) Enter would run after the keys that followed it. Keys
        # of this input and of its screen are handled here, in arrival order.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self.action_submit()
            return
        if not event.is_printable:
            active = self.screen.active_bindings.get(event.key)
            if active is not None and active.node is self.screen and active.enabled:
                event.stop()
                event.prevent_default()
                await self.app.run_action(active.binding.action, self.screen)
        # Anything else falls through to Input._on_key (Textual calls it next).

    def _on_paste(self, event: events.Paste) -> None:
        text = event.text
        if "\n" in text.strip("\r\n") or "\r" in text.strip("\r\n") or len(text) > MAX_TYPED_LENGTH:
            event.stop()
            event.prevent_default()  # not Input._on_paste, which keeps only the first line
            self.recorder.record_paste(text)
        # A short single line falls through to Input._on_paste (NFC via insert/replace).
