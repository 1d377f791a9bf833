"""The footer of every screen: the keys of the current context, compact, on one line.

It shows what Textual's ``Footer`` shows — the bindings of the focused widget
and its screen marked to be shown (``Key.show`` in the keymap, chosen so each
context fits in 80 columns with "F1 Trợ giúp" last; the others are in F1 and
the palette) and a group's keys before its one label ("F2 F3 F4 F5 F6 Nhãn") —
but as one widget drawing one line of text. Textual's builds a widget per key
and rebuilds them all whenever the focus moves: on the meeting list that was
half the screen's widgets and most of its style work at start.
"""

from __future__ import annotations

from itertools import groupby
from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class _Shown(NamedTuple):
    binding: Binding
    enabled: bool


class KeysFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keys-footer--key", "keys-footer--description"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: (first column, end column, key) of each key drawn, for a click.
        self._keys_at: list[tuple[int, int, _Shown]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _shown(self) -> list[_Shown]:
        """The bindings to show, one per action (its first key), in the screen's order."""
        by_action: dict[str, _Shown] = {}
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = _Shown(binding, enabled)
        return list(by_action.values())

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keys-footer--key")
        label_style = self.get_component_rich_style("keys-footer--description")
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        self._keys_at = []

        def key(shown: _Shown, description: str = "") -> None:
            start = line.cell_len
            dim = "" if shown.enabled else " dim"
            line.append(self.app.get_key_display(shown.binding), f"{key_style}{dim}")
            if description:
                line.append(f" {description}", f"{label_style}{dim}")
            self._keys_at.append((start, line.cell_len, shown))
            line.append(" ")

        for group, members in groupby(self._shown(), lambda shown: shown.binding.group):
            grouped = list(members)
            if group is not None and len(grouped) > 1:
                line.append(" ")
                for shown in grouped:
                    key(shown)
                line.append(group.description, label_style)
                line.append(" ")
            else:
                for shown in grouped:
                    key(shown, shown.binding.description)
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, shown in self._keys_at:
            if start <= event.x < end:
                if shown.enabled:
                    self.app.simulate_key(shown.binding.key)
                else:
                    self.app.bell()
                return
