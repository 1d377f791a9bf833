"""The review list: one row per line, only the visible rows rendered.

Built on Textual's Line API (``ScrollView.render_line``) rather than
``OptionList``: OptionList word-wraps and measures every option whenever the
list changes, which made one search keystroke over 2,000 lines take ~140 ms.
Here a filter change swaps a list of ids and a retag drops one cached row, so
both cost only the rows on screen. Long lines are cut with "…"; the screen
shows the highlighted line in full below the list.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from minutes_tui.core.model import Line
from minutes_tui.tui.widgets.line_list import line_prompt


def review_prompt(line: Line, label: str, marked: bool, problems: int) -> Text:
    text = Text()
    text.append("● " if marked else "  ", style="bold yellow")  # a span: Text(style=) would colour it all
    if line.kind.is_heading:
        sub = not label[:-1].isdigit()
        text.append(f"{'  ' if sub else ''}{label} {line.text}", style="bold underline" if sub else "bold reverse")
    else:
        text.append_text(line_prompt(line))
    if problems:
        text.append(f"  ⚠ {problems}", style="bold red")
    return text


class ReviewList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"review-list--cursor"}

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    class Highlighted(Message):
        def __init__(self, line_id: str | None) -> None:
            super().__init__()
            self.line_id = line_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._ids: list[str] = []  # the rows shown, in order
        self._index: dict[str, int] = {}
        self._lines: dict[str, Line] = {}
        self._prompt: Callable[[Line], Text] = lambda line: Text(line.text)
        self._strips: dict[tuple[str, int, bool], Strip] = {}
        self._render_console = Console(width=1000, color_system="truecolor", legacy_windows=False)

    # -- content -------------------------------------------------------------------
    def show(self, lines: list[Line], prompt: Callable[[Line], Text]) -> None:
        """Show ``lines`` (already filtered); ``prompt`` renders one line when its
        row becomes visible."""
        current = self.current_id
        self._ids = [line.id for line in lines]
        self._index = {line_id: n for n, line_id in enumerate(self._ids)}
        self._lines = {line.id: line for line in lines}
        self._prompt = prompt
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self._ids))
        if not self._ids:
            self.highlighted = None
        elif current in self._index:
            self.highlighted = self._index[current]
        else:
            self.highlighted = min(self.highlighted or 0, len(self._ids) - 1)
        self.refresh()

    def update_row(self, line: Line) -> None:
        """Re-render the row of ``line`` only (when it is shown)."""
        index = self._index.get(line.id)
        if index is None:
            return
        self._lines[line.id] = line
        for key in [key for key in self._strips if key[0] == line.id]:
            del self._strips[key]
        self.refresh_row(index)
        if index == self.highlighted:
            self.post_message(self.Highlighted(line.id))

    def refresh_row(self, index: int) -> None:
        self.refresh(Region(0, index - self.scroll_offset.y, self.size.width, 1))

    # -- an OptionList-like API used by the screen and tests --------------------------------
    @property
    def option_count(self) -> int:
        return len(self._ids)

    def get_option_index(self, line_id: str) -> int:
        return self._index[line_id]

    def get_option_at_index(self, index: int):
        return _Row(self._ids[index])

    @property
    def current_id(self) -> str | None:
        if self.highlighted is None or not (0 <= self.highlighted < len(self._ids)):
            return None
        return self._ids[self.highlighted]

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self._ids:
            return None
        return max(0, min(value, len(self._ids) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self.refresh_row(index)
        if new is not None:
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        self.post_message(self.Highlighted(self.current_id))

    def action_cursor_down(self) -> None:
        if self._ids:
            self.highlighted = 0 if self.highlighted is None else self.highlighted + 1

    def action_cursor_up(self) -> None:
        if self._ids:
            self.highlighted = 0 if self.highlighted is None else self.highlighted - 1

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self._ids) - 1

    def action_page_down(self) -> None:
        self.highlighted = (self.highlighted or 0) + max(self.size.height - 1, 1)

    def action_page_up(self) -> None:
        self.highlighted = (self.highlighted or 0) - max(self.size.height - 1, 1)

    # -- rendering ---------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        if not (0 <= index < len(self._ids)):
            return Strip.blank(width, self.rich_style)
        line_id = self._ids[index]
        cursor = index == self.highlighted
        key = (line_id, width, cursor)
        strip = self._strips.get(key)
        if strip is None:
            text = self._prompt(self._lines[line_id])
            text.truncate(width, overflow="ellipsis", pad=True)
            segments = [segment for segment in text.render(self._render_console) if segment.text != "\n"]
            base = self.rich_style
            if cursor:
                base += self.get_component_rich_style("review-list--cursor")
            # base goes under each segment's own style: chips keep their colours
            strip = Strip(list(Segment.apply_style(segments, base))).adjust_cell_length(width, base)
            self._strips[key] = strip
        return strip


class _Row:
    """What ``get_option_at_index`` returns: enough of an Option for callers (its id)."""

    __slots__ = ("id",)

    def __init__(self, line_id: str) -> None:
        self.id = line_id
