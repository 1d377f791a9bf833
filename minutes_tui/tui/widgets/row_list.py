"""A virtual list: one row per item, only the visible rows rendered.

Built on Textual's Line API (``ScrollView.render_line``) rather than
``OptionList`` or ``DataTable``, which measure every row whenever the list
changes: one search keystroke over 2,000 lines took ~140 ms, and a 500-meeting
list ~390 ms to appear. Here showing a new list swaps a list of ids, and changing
one item drops one cached row; only the rows on screen are rendered (and a
bounded number kept). Long rows are cut with "…" (screens show the highlighted
item in full elsewhere).

Like Toolong's ``LogLines``, the list does not inherit the scroll bindings of
``ScrollView`` (↓ would scroll the view and leave the cursor behind): it binds
its own cursor keys (``keymap.KEYMAP["list"]``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Final, Generic, Protocol, TypeVar

from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from minutes_tui.tui import keymap

#: Rendered rows kept (a few screens' worth at any width).
ROW_CACHE_SIZE: Final = 1024


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


class RowList(ScrollView, Generic[T], can_focus=True, inherit_bindings=False):
    """Items with an ``id``, one row each; ``prompt(item)`` renders a visible row."""

    BINDINGS = keymap.bindings("list")
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor"}

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    class Highlighted(Message):
        def __init__(self, item_id: str | None) -> None:
            super().__init__()
            self.item_id = item_id

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._rows: list[T] = []  # the items shown, in order
        self._index: dict[str, int] | None = None  # row by id, built when first asked for
        self._prompt: Callable[[T], Text] = lambda item: Text(str(item))
        self._strips: LRUCache[tuple[str, int, bool], Strip] = LRUCache(ROW_CACHE_SIZE)
        self._render_console = Console(width=1000, color_system="truecolor", legacy_windows=False)

    # -- content -------------------------------------------------------------------
    def show(self, items: list[T], prompt: Callable[[T], Text], *, same_look: bool = False) -> None:
        """Show ``items`` (already filtered); ``prompt`` renders one when its row
        becomes visible. Costs a copy of the list, nothing per item: a live
        filter over 10,000 items calls this on every keystroke. ``same_look``:
        every item renders as it did (only the filter changed), so rows already
        rendered are reused."""
        current = self.current_id
        self._rows = list(items)
        self._index = None
        self._prompt = prompt
        if not same_look:
            self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self._rows))
        if not self._rows:
            self.highlighted = None
        elif current is not None and (position := self._find(current)) is not None:
            self.highlighted = position
        else:
            self.highlighted = min(self.highlighted or 0, len(self._rows) - 1)
        self.refresh()

    def _find(self, item_id: str) -> int | None:
        """The row of ``item_id``: a scan that stops where it is found (the item under
        the cursor is usually near the top of a freshly filtered list)."""
        if self._index is not None:
            return self._index.get(item_id)
        for position, item in enumerate(self._rows):
            if item.id == item_id:
                return position
        return None

    def _positions(self) -> dict[str, int]:
        if self._index is None:
            self._index = {item.id: position for position, item in enumerate(self._rows)}
        return self._index

    def update_row(self, item: T) -> None:
        """Re-render the row of ``item`` only (when it is shown)."""
        index = self._positions().get(item.id)
        if index is None:
            return
        self._rows[index] = item
        for key in [key for key in self._strips.keys() if key[0] == item.id]:  # noqa: SIM118 (no __iter__)
            self._strips.discard(key)
        self.refresh_row(index)
        if index == self.highlighted:
            self.post_message(self.Highlighted(item.id))

    def refresh_row(self, index: int) -> None:
        self.refresh(Region(0, index - self.scroll_offset.y, self.size.width, 1))

    # -- an OptionList-like API used by the screen and tests --------------------------------
    @property
    def option_count(self) -> int:
        return len(self._rows)

    def shows(self, item_id: str) -> bool:
        return item_id in self._positions()

    def get_option_index(self, line_id: str) -> int:
        return self._positions()[line_id]

    def get_option_at_index(self, index: int) -> _Row:
        return _Row(self._rows[index].id)

    @property
    def current_id(self) -> str | None:
        if self.highlighted is None or not (0 <= self.highlighted < len(self._rows)):
            return None
        return self._rows[self.highlighted].id

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self._rows:
            return None
        return max(0, min(value, len(self._rows) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self.refresh_row(index)
        if new is not None:
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        self.post_message(self.Highlighted(self.current_id))

    def action_cursor_down(self) -> None:
        if self._rows:
            self.highlighted = 0 if self.highlighted is None else self.highlighted + 1

    def action_cursor_up(self) -> None:
        if self._rows:
            self.highlighted = 0 if self.highlighted is None else self.highlighted - 1

    def action_first(self) -> None:
        if self._rows:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._rows:
            self.highlighted = len(self._rows) - 1

    def action_page_down(self) -> None:
        if self._rows:
            self.highlighted = (self.highlighted or 0) + max(self.size.height - 1, 1)

    def action_page_up(self) -> None:
        if self._rows:
            self.highlighted = (self.highlighted or 0) - max(self.size.height - 1, 1)

    # -- rendering ---------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        """A theme or class change restyles the rows: draw them anew, not from the cache."""
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        if not (0 <= index < len(self._rows)):
            return Strip.blank(width, self.rich_style)
        item = self._rows[index]
        cursor = index == self.highlighted
        key = (item.id, width, cursor)
        strip = self._strips.get(key)
        if strip is None:
            text = self._prompt(item)
            text.truncate(width, overflow="ellipsis", pad=True)
            segments = [segment for segment in text.render(self._render_console) if segment.text != "\n"]
            base = self.rich_style
            if cursor:
                base += self.get_component_rich_style("row-list--cursor")
            # base goes under each segment's own style: chips keep their colours
            strip = Strip(list(Segment.apply_style(segments, base))).adjust_cell_length(width, base)
            self._strips.set(key, strip)
        return strip


class _Row:
    """What ``get_option_at_index`` returns: enough of an Option for callers (its id)."""

    __slots__ = ("id",)

    def __init__(self, line_id: str) -> None:
        self.id = line_id
