"""Typed prompts: one line of input at the bottom, a value back through ``dismiss``.

Each prompt is a ``ModalScreen[T]`` (Frogmouth's ``YesNoDialog`` shape): the
screen that opens it passes a callback and gets the typed value, or None on
Esc. While a prompt is open the screen below takes no keys at all, so its bare
letters cannot act on what is being typed.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Static

from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MinutesModal
from minutes_tui.tui.widgets.capture_input import ComposedInput
from minutes_tui.tui.widgets.keys_footer import KeysFooter

#: Checks a submitted value: an error message keeps the prompt open, None accepts it.
Validator = Callable[[str], "str | None"]


class TextPrompt(MinutesModal[str | None]):
    """Ask for one line of text; Enter returns it, Esc returns None.

    ``validate`` may refuse a value with a message (shown in the prompt, which
    stays open). A live filter is typed in a ``FilterBar`` instead: under a modal
    the screen beneath is drawn again at every key.
    """

    BINDINGS = keymap.bindings("prompt")

    def __init__(
        self,
        label: str,
        value: str = "",
        *,
        cursor: int | None = None,
        suggester: Suggester | None = None,
        validate: Validator | None = None,
    ) -> None:
        super().__init__()
        self.label = label
        self.value = value
        self.cursor = len(value) if cursor is None else cursor
        self.suggester = suggester
        self.check = validate

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Static(self.label, id="prompt-label", markup=False)
            yield ComposedInput(self.value, id="editor", suggester=self.suggester)
            yield Static("", id="prompt-error", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        editor = self.query_one(ComposedInput)
        editor.cursor_position = self.cursor
        self.query_one("#prompt-error").display = False
        editor.focus()

    @on(Input.Submitted, "#editor")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.accept(event.value)

    def accept(self, value: str) -> None:
        if self.check is not None and (error := self.check(value)) is not None:
            message = self.query_one("#prompt-error", Static)
            message.update(error)
            message.display = True
            self.app.bell()
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SplitPrompt(MinutesModal[tuple[str, str] | None]):
    """Put the cursor where a line splits; Enter returns (before, after)."""

    BINDINGS = keymap.bindings("prompt")

    def __init__(self, label: str, text: str) -> None:
        super().__init__()
        self.label = label
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Static(self.label, id="prompt-label", markup=False)
            yield ComposedInput(self.text, id="editor")
        yield KeysFooter()

    def on_mount(self) -> None:
        editor = self.query_one(ComposedInput)
        editor.cursor_position = 0
        editor.focus()

    @on(Input.Submitted, "#editor")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        editor = self.query_one(ComposedInput)
        value, cursor = editor.value, editor.cursor_position
        self.dismiss((value[:cursor], value[cursor:]))

    def action_cancel(self) -> None:
        self.dismiss(None)
