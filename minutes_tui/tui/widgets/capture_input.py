"""The capture input: NFC on every change, owner completion, multi-line paste."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any, Protocol

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input

from minutes_tui.core.directory import Directory
from minutes_tui.core.text import fold
from minutes_tui.tui import keymap

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


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run ``widget``'s own binding for a non-printable key now, in arrival order; True if one ran.

    An input's editing keys (Backspace, Delete, ←, Home …) are bindings, and Textual
    runs a binding only after its key has bubbled up to the App. In a burst — an
    IME taking back letters with fake Backspaces and sending the composed ones,
    all in one read — the letters that followed the Backspaces were inserted
    first and the Backspaces then deleted them ("được" typed came out "dđuưoơc").
    """
    if event.is_printable:
        return False
    active = widget.screen.active_bindings.get(event.key)
    if active is None or active.node is not widget or not active.enabled:
        return False
    event.stop()
    event.prevent_default()
    await widget.app.run_action(active.binding.action, widget)
    return True


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class ComposedInput(Input):
    """An Input whose value is always NFC, whatever the terminal or IME sends.

    NFD input (e + combining marks) breaks cursor movement and Backspace, so the
    value is composed on every change. An IME in "Unicode tổ hợp" mode still
    counts what it sent in code points: to change the tone of ``ế`` (typed as
    e, ◌̂, ◌́) it sends one Backspace for the ◌́. So the end of the value is also
    kept *as typed* (only while it differs from the value), and a Backspace at
    the end takes one code point of that: ``ế`` becomes ``ê``. Precomposed typing
    (Unikey's default) is unchanged: one Backspace, one letter.
    """

    BINDINGS = keymap.bindings("input")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: The value as typed, code point by code point, when it is not NFC (else None).
        self._typed: str | None = None

    async def _on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)  # printable keys go on to Input._on_key

    def _typed_value(self) -> str | None:
        """The value as typed when the cursor is at its end (None when editing elsewhere)."""
        if not (self.selection.is_empty and self.cursor_at_end):
            return None
        typed = self._typed
        return typed if typed is not None and nfc(typed) == self.value else self.value

    # Input sets its virtual width on every keystroke, and Widget declares
    # virtual_size with layout=True, so each key re-laid-out the whole screen (cost
    # growing with everything else shown: 2.9x a bare Input app in capture). An
    # Input never shows scrollbars; a repaint is all it needs.
    virtual_size = Reactive(Size(0, 0), repaint=True)

    def insert_text_at_cursor(self, text: str) -> None:
        typed = self._typed_value()
        super().insert_text_at_cursor(text)
        self._normalise()
        if typed is not None:
            typed += text
            self._typed = typed if typed != self.value and nfc(typed) == self.value else None

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(text, start, end)
        self._typed = None
        self._normalise()

    def action_delete_left(self) -> None:
        typed = self._typed_value()
        if typed is None or typed == self.value:
            super().action_delete_left()
            return
        typed = typed[:-1]
        self.value = nfc(typed)
        self.cursor_position = len(self.value)
        self._typed = typed if typed != self.value else None

    def _normalise(self) -> None:
        value = self.value
        if unicodedata.is_normalized("NFC", value):
            return
        cursor = len(nfc(value[: self.cursor_position]))
        self.value = nfc(value)
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
