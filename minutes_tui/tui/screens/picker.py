"""A modal list to pick one item by keyboard (Enter picks, Esc cancels)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MinutesModal
from minutes_tui.tui.widgets.keys_footer import KeysFooter

MAX_SHOWN = 160  # characters of a long paragraph shown in the list


class Picker(MinutesModal[str | None]):
    BINDINGS = keymap.bindings("picker")

    def __init__(self, title: str, choices: list[tuple[str, str]], *, start: str | None = None) -> None:
        """``choices`` are (id, text); the chosen id is the result, None on Esc.
        The cursor starts on ``start`` (else on the first choice)."""
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.start = start

    def compose(self) -> ComposeResult:
        options = [
            Option(Text(text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"), id=choice_id)
            for choice_id, text in self.choices
        ]
        picker = OptionList(*options, id="picker")
        picker.border_title = self.title_text
        yield picker
        yield KeysFooter()

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        ids = [choice_id for choice_id, _ in self.choices]
        if ids:
            picker.highlighted = ids.index(self.start) if self.start in ids else 0
        picker.focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
