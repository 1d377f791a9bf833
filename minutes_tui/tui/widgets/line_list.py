"""The meeting's lines in capture: a read-only list, newest at the bottom.

Built on ``OptionList``, which measures appended options incrementally, so
committing a line in a 2,000-line meeting costs one row, not a re-render. A
long line wraps with a hanging indent under its text, so the wrapped part never
looks like a record of its own.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
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
    text = Text("↪ ", style="cyan") if line.ref else Text()  # a task carried over from an earlier meeting
    text.append(line.text)
    if line.owners:
        text.append("  @" + " @".join(line.owners), style="cyan")
    if line.deadline:
        text.append(f"  ^{line.deadline}", style="yellow")
    return text


def line_prompt(line: Line) -> Text:
    """One line as one piece of text: chip, text, owners, deadline."""
    return Text.assemble(line_head(line), line_body(line))


class Hanging(Visual):
    """A head, then a body wrapped in the width left beside it (a hanging indent).

    A Textual ``Visual`` built from two ``Content`` objects, so ``OptionList``
    measures its height with Content's own cached wrapping: opening capture on a
    long meeting costs what plain rows cost (a Rich renderable is rendered in
    full each time its height is asked for, a dozen times per layout).
    """

    def __init__(self, head: Text, body: Text) -> None:
        self.head = Content.from_rich_text(head)
        self.body = Content.from_rich_text(body)
        self.indent = self.head.cell_length

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.indent + self.body.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, max(width - self.indent, 1))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        body = self.body.render_strips(max(width - self.indent, 1), height, style, options)
        head = self.head.render_strips(self.indent, 1, style, options)
        pad = Strip.blank(self.indent, style.rich_style)
        return [Strip.join([head[0] if number == 0 and head else pad, row]) for number, row in enumerate(body)]


def capture_row(line: Line) -> Hanging:
    return Hanging(line_head(line), line_body(line))


#: Lines capture shows when it opens (or after an undo): the latest ones, which the
#: secretary types after. Opening on a 2,000-line meeting then costs what a
#: 300-line one does; every line stays in review (Ctrl+R).
WINDOW = 300


class LineList(OptionList):
    """Read-only view of the latest lines, newest at the bottom, kept scrolled to the end."""

    def set_lines(self, lines: list[Line]) -> None:
        self.clear_options()
        earlier = len(lines) - WINDOW
        options = [Option(capture_row(line), id=line.id) for line in lines[max(earlier, 0):]]
        if earlier > 0:
            options.insert(0, Option(Text(tr("capture.earlier", count=earlier), style="dim italic"), disabled=True))
        self.add_options(options)
        self.scroll_end(animate=False, immediate=False)

    def append_line(self, line: Line) -> None:
        self.add_option(Option(capture_row(line), id=line.id))
        self.scroll_end(animate=False, immediate=False)
