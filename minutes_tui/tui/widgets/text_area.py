"""A TextArea for Vietnamese typing: NFC text, editing keys in arrival order.

The same two problems as the one-line input (see ``capture_input``): NFD
letters break cursor movement and Backspace, and an IME's fake Backspaces
arrive in a burst with the letters that replace them — Textual would run the
Backspaces (bindings) after those letters.
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from minutes_tui.tui.widgets.capture_input import nfc, run_own_binding


class ComposedTextArea(TextArea):
    async def _on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)  # printable keys go on to TextArea._on_key

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        """Typed and pasted text: composed, and the letter it completes composed with it."""
        result = super()._replace_via_keyboard(nfc(insert), start, end)
        if result is not None:
            row, column = self.cursor_location
            head = self.document.get_line(row)[:column]
            if not unicodedata.is_normalized("NFC", head):
                self.replace(nfc(head), (row, 0), (row, column), maintain_selection_offset=False)
        return result
