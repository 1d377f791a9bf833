"""The checks of a meeting as a list beside review: Enter jumps to the problem.

Hidden until asked for (``c``); on a narrow terminal it takes the list's place
while open (the screen sets the ``narrow`` class, see app.tcss).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from minutes_tui.core.checks import Problem
from minutes_tui.i18n import tr
from minutes_tui.tui import keymap


class ChecksPanel(OptionList):
    BINDINGS = keymap.bindings("checks")

    @dataclass
    class Chosen(Message):
        """Enter on a problem: the screen shows its line (or the details form)."""

        problem: Problem

    @dataclass
    class Closed(Message):
        """Esc: the panel hid itself; focus goes back to the list."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems: list[Problem] = []

    def show_problems(self, problems: list[Problem]) -> None:
        """List ``problems`` (only while the panel is shown: hidden, it costs nothing)."""
        self.problems = problems
        if not self.display:
            return
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(Option(Text(problem.message), id=str(n)) for n, problem in enumerate(problems))
        if not problems:
            self.add_option(Option(Text(tr("review.no_problems"), style="italic"), disabled=True))
        if problems:
            self.highlighted = min(highlighted or 0, len(problems) - 1)

    def open(self) -> None:
        self.display = True
        self.show_problems(self.problems)
        self.focus()

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self.problems[int(event.option.id or 0)]))
