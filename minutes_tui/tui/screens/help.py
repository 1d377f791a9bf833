"""F1 help: the keys of the screen it was opened on first, then the notes
language, then the keys of the other screens — all from the keymap, with key
names as Textual shows them (``App.get_key_display``: ``g``, ``G``, ``]``, ``/``)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from minutes_tui.i18n import language, tr
from minutes_tui.tui import keymap
from minutes_tui.tui.keymap import KEYMAP, SCREEN_KEYS, Key
from minutes_tui.tui.screens.base import MinutesModal


def key_table(sections: tuple[str, ...], keys_of: Callable[[Key], list[str]]) -> list[str]:
    """One Markdown line ``- `g` `home` — Đầu`` for every key of ``sections``
    (a list, not a table: one line a key keeps the help readable at 80×24)."""
    rows = []
    for section in sections:
        for key in KEYMAP[section]:
            names = " ".join(f"`{name}`" for name in keys_of(key))
            rows.append(f"- {names} — {key.help_text}")
    return rows


def help_markdown(context: str, keys_of: Callable[[Key], list[str]]) -> str:
    """The help text for the screen ``context`` (a key of ``keymap.SCREEN_KEYS``)."""
    lines = [f"# {tr('help.title')}", "", f"## {tr('help.keys_here', screen=tr('help.screen.' + context))}", ""]
    lines += key_table(SCREEN_KEYS[context], keys_of)
    name = "help_screen.md" if language() == "vi" else "help_screen.en.md"
    lines += ["", resources.files("minutes_tui.tui").joinpath(name).read_text(encoding="utf-8"), ""]
    lines += [f"## {tr('help.keys_elsewhere')}", ""]
    for other in SCREEN_KEYS:
        if other != context:
            lines += [f"### {tr('help.screen.' + other)}", ""]
            lines += key_table((other,), keys_of)
            lines.append("")
    lines += [f"### {tr('help.screen.form')}", ""]
    lines += key_table(("form", "details_form"), keys_of)
    return "\n".join(lines)


class HelpScreen(MinutesModal[None]):
    BINDINGS = keymap.bindings("help")

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(help_markdown(self.context, self.app.keys_shown), id="help-text")
