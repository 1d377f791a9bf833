"""The footer of every screen: the keys of the current context, compact.

Textual's ``Footer`` shows the bindings of the focused widget and its screen, so
a prompt shows its own keys and the checks panel its own. The keymap marks
which keys the footer shows (``Key.show``), chosen so each context fits in 80
columns with "F1 Trợ giúp" last; the others are in F1 and the palette, whose
key (Ctrl+P) is in F1 rather than taking a tenth of a narrow footer.
"""

from __future__ import annotations

from textual.widgets import Footer


class KeysFooter(Footer):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True, show_command_palette=False)
