"""F1 help: every key of every screen (from the keymap) and the notes language."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from minutes_tui.i18n import language, tr
from minutes_tui.tui.keymap import KEYMAP, key_display


def keys_markdown() -> str:
    lines = [f"## {tr('help.keys')}", ""]
    for screen, keys in KEYMAP.items():
        lines += [f"### {tr('help.screen.' + screen)}", "", f"| {tr('help.key')} | {tr('help.action')} |", "|---|---|"]
        lines += [f"| `{key_display(k.keys)}` | {tr(k.label)} |" for k in keys]
        lines.append("")
    return "\n".join(lines)


def help_markdown() -> str:
    name = "help_screen.md" if language() == "vi" else "help_screen.en.md"
    notes = resources.files("minutes_tui.tui").joinpath(name).read_text(encoding="utf-8")
    return f"# {tr('help.title')}\n\n{keys_markdown()}\n\n{notes}"


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", tr("help.close"), id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(help_markdown())
