"""The meeting's lines in capture: a read-only list, newest at the bottom.

Built on ``OptionList``, which measures appended options incrementally, so
committing a line in a 2,000-line meeting costs one row, not a re-render. A
long line wraps with a hanging indent under its text, so the wrapped part never
looks like a record of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from minutes_tui.core.model import Kind, Line
from minutes_tui.i18n import tr
from minutes_tui.tui.kinds import KIND_STYLE


def line_head(line: Line) -> Text:
    """What stands before a line's text: the tag chip, or the heading mark."""
    if line.kind is Kind.SECTION:
        return Text("§ ", style="bold")
    if line.kind is Kind.SUBSECTION:
        return Text("  §§ ", style="bold")
    return Text.assemble((f" {tr('chip.' + line.kind.value):<2} ", KIND_STYLE[line.kind]), " ")


def line_body(line: Line) -> Text:
    """A line's text with its owners and deadline."""
    if line.kind.is_heading:
        return Text(line.text, style=KIND_STYLE[line.kind])
    text = Text(line.text)
    if line.owners:
        text.append("  @" + " @".join(line.owners), style="cyan")
    if line.deadline:
        text.append(f"  ^{line.deadline}", style="yellow")
    return text


def line_prompt(line: Line) -> Text:
    """One line as one piece of text: chip, text, owners, deadline."""
    return Text.assemble(line_head(line), line_body(line))


def _segments(text: Text, console: Console) -> Iterable[Segment]:
    """``text`` as segments, its own style under its spans' (``Text.render`` leaves it out)."""
    segments = text.render(console)
    return Segment.apply_style(segments, console.get_style(text.style)) if text.style else segments


class Hanging:
    """A head, then a body wrapped in the width left beside it (a hanging indent)."""

    def __init__(self, head: Text, body: Text) -> None:
        self.head = head
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Segments straight from the wrapped lines: no second wrap of each row
        # (opening capture on 2,000 lines renders every one of them once).
        indent = self.head.cell_len
        width = max(options.max_width - indent, 1)
        head = list(_segments(self.head, console))
        pad = Segment(" " * indent)
        newline = Segment.line()
        for number, part in enumerate(self.body.wrap(console, width)):
            part.rstrip_end(width)
            if number:
                yield pad
            else:
                yield from head
            yield from _segments(part, console)
            yield newline

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = self.head.cell_len
        return Measurement(indent + 1, indent + self.body.cell_len)


def capture_row(line: Line) -> Hanging:
    return Hanging(line_head(line), line_body(line))


class LineList(OptionList):
    """Read-only view of lines, newest at the bottom, kept scrolled to the end."""

    def set_lines(self, lines: list[Line]) -> None:
        self.clear_options()
        self.add_options([Option(capture_row(line), id=line.id) for line in lines])
        self.scroll_end(animate=False, immediate=False)

    def append_line(self, line: Line) -> None:
        self.add_option(Option(capture_row(line), id=line.id))
        self.scroll_end(animate=False, immediate=False)
