"""The meeting's lines as a virtual list: only visible rows are rendered.

Built on ``OptionList``, which measures appended options incrementally, so
committing a line in a 2,000-line meeting costs one row, not a re-render.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from minutes_tui.core.model import Kind, Line
from minutes_tui.i18n import tr

#: Colour per kind, used for the chip and (dimmer) the text. Also in app.tcss docs.
KIND_STYLE: dict[Kind, str] = {
    Kind.FINDING: "bold black on green",
    Kind.SHORTCOMING: "bold black on dark_orange",
    Kind.TASK: "bold white on blue",
    Kind.DECISION: "bold white on magenta",
    Kind.NOTE: "dim",
    Kind.SECTION: "bold reverse",
    Kind.SUBSECTION: "bold underline",
}


def line_prompt(line: Line) -> Text:
    """One line as shown in capture and review: chip, text, owners, deadline."""
    if line.kind is Kind.SECTION:
        return Text.assemble(("§ ", "bold"), (line.text, "bold reverse"))
    if line.kind is Kind.SUBSECTION:
        return Text.assemble(("  §§ ", "bold"), (line.text, "bold underline"))
    chip = f" {tr('chip.' + line.kind.value):<2} "
    text = Text.assemble((chip, KIND_STYLE[line.kind]), " ", line.text)
    if line.owners:
        text.append("  @" + " @".join(line.owners), style="cyan")
    if line.deadline:
        text.append(f"  ^{line.deadline}", style="yellow")
    return text


class LineList(OptionList):
    """Read-only view of lines, newest at the bottom, kept scrolled to the end."""

    def set_lines(self, lines: list[Line]) -> None:
        self.clear_options()
        self.add_options([Option(line_prompt(line), id=line.id) for line in lines])
        self.scroll_end(animate=False, immediate=False)

    def append_line(self, line: Line) -> None:
        self.add_option(Option(line_prompt(line), id=line.id))
        self.scroll_end(animate=False, immediate=False)
