"""A live filter typed under a list: each edit filters at once, Enter keeps the
filter, Esc drops it.

It sits in the screen it filters rather than in a modal prompt: under a modal
screen every keystroke redrew the whole screen beneath it (Textual renders the
covered screen again to show it through), which on a 2,000-line review cost
more than the filtering itself.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Static

from minutes_tui.tui import keymap
from minutes_tui.tui.widgets.capture_input import ComposedInput


class FilterBar(Vertical):
    BINDINGS = keymap.bindings("prompt")

    class Changed(Message):
        """The filter ``field`` now reads ``value`` (posted on every edit)."""

        def __init__(self, field: str, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

    class Closed(Message):
        """The bar closed: ``kept`` after Enter, not after Esc."""

        def __init__(self, field: str, kept: bool) -> None:
            super().__init__()
            self.field = field
            self.kept = kept

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.field = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="filter-label", markup=False)
        yield ComposedInput("", id="filter-input")

    @property
    def input(self) -> ComposedInput:
        return self.query_one("#filter-input", ComposedInput)

    def start(self, field: str, label: str, value: str, suggester: Suggester | None = None) -> None:
        """Show the bar for the filter ``field``, starting from ``value``, and take the keys."""
        self.field = field
        self.query_one("#filter-label", Static).update(label)
        editor = self.input
        editor.suggester = suggester
        with editor.prevent(Input.Changed):  # the value it starts from is not an edit
            editor.value = value
        editor.cursor_position = len(value)
        self.display = True
        editor.focus()

    @on(Input.Changed, "#filter-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.display:
            self.post_message(self.Changed(self.field, event.value))

    @on(Input.Submitted, "#filter-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close(kept=True)

    def action_cancel(self) -> None:
        self._close(kept=False)

    def _close(self, *, kept: bool) -> None:
        self.display = False
        self.post_message(self.Closed(self.field, kept))
