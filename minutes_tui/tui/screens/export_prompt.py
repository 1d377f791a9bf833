"""The export's file is already there: overwrite it, write a numbered copy, or cancel.

One key each (``o``, ``n``, Esc). The CLI refuses and names ``--force``; in the
app the secretary re-exports after every correction, so she is asked instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from minutes_tui.i18n import tr
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MinutesModal
from minutes_tui.tui.widgets.keys_footer import KeysFooter

#: What the dialog returns: overwrite the files, or write the numbered copy (None: cancel).
ExistsChoice = Literal["overwrite", "new"]


class ExportExistsDialog(MinutesModal[ExistsChoice | None]):
    BINDINGS = keymap.bindings("export_exists")

    def __init__(self, existing: list[Path], numbered: Path) -> None:
        """``existing``: the files the export would overwrite; ``numbered``: the free copy it would write."""
        super().__init__()
        self.existing = existing
        self.numbered = numbered

    def compose(self) -> ComposeResult:
        with Vertical(id="export-exists") as box:
            box.border_title = tr("export_prompt.title")
            names = ", ".join(path.name for path in self.existing)
            yield Static(tr("export_prompt.exists", names=names), id="export-exists-names", markup=False)
            yield Static(tr("export_prompt.choices", new=self.numbered.name), id="export-exists-choices",
                         markup=False)
        yield KeysFooter()

    def action_overwrite(self) -> None:
        self.dismiss("overwrite")

    def action_new_file(self) -> None:
        self.dismiss("new")

    def action_cancel(self) -> None:
        self.dismiss(None)
