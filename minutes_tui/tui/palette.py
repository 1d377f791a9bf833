"""The command palette (Ctrl+P) in the UI language, matching without accents.

``xuat`` finds "Xuất .docx": the query and each command are folded one
character at a time (case and Vietnamese marks dropped, ``đ`` → ``d``), so the
positions Textual's fuzzy matcher returns still point into the title as shown.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import (
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
    ProviderSource,
)
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.widgets.option_list import Option

from minutes_tui.i18n import tr


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char.casefold())[:1] or char
    return "d" if base == "đ" else base


def fold_each(text: str) -> str:
    """``text`` folded character by character: same length, same positions."""
    return "".join(_fold_char(char) for char in text)


class FoldedCommands(Provider):
    """The app's commands (``MinutesApp.get_system_commands``), found without accents."""

    def _commands(self) -> list[SystemCommand]:
        return list(self.app.get_system_commands(self.screen))

    async def discover(self) -> Hits:
        for command in sorted(self._commands(), key=lambda command: command.title):
            yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        folded_query = fold_each(query)
        search = FuzzySearch()
        style = self.matcher(query).match_style
        for command in self._commands():
            title = command.title
            score, offsets = search.match(folded_query, fold_each(title))
            if score <= 0:
                continue
            shown = Content(title)
            for offset in offsets:
                if not title[offset].isspace():
                    shown = shown.stylize(style, offset, offset + 1)
            yield Hit(score, shown, command.callback, text=title, help=command.help)


class MinutesPalette(CommandPalette):
    """Textual's palette with our placeholder and "no matches" line."""

    def __init__(self, providers: ProviderSource | None = None, *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(providers, placeholder=placeholder or tr("palette.placeholder"), id=id)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own shows "No matches found" in English; same behaviour, our words.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(tr("palette.no_matches"), style="not bold")), disabled=True,
                           id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
