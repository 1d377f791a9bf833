"""A modal list to pick one item by keyboard (Enter picks, Esc cancels)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from minutes_tui.i18n import tr

MAX_SHOWN = 160  # characters of a long paragraph shown in the list


class Picker(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss_none", tr("key.cancel"), id="picker.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        """``choices`` are (id, text); the chosen id is the result, None on Esc."""
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        options = [
            Option(text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…", id=choice_id)
            for choice_id, text in self.choices
        ]
        picker = OptionList(*options, id="picker")
        picker.border_title = self.title_text
        yield picker

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
