"""Hand edits whose notes changed: her text beside the new one, and her choice.

When the notes under a paragraph she rewrote change, the compile keeps her text
apart instead of printing it (``services.notices``: a conflict). This dialog
lists them; for each, her text and the text the notes make now side by side,
the compiled text she started from below, and one key each:

- ``k`` keep hers: her text again, laid over the paragraph as the notes make it now;
- ``m`` take the new text: her edit is dropped;
- ``e`` edit, then keep: her text in the editor (to add the new deadline, say);
- ``s`` decide later: the next one; it stays pending (the export will ask again).

Nothing is dropped without one of these keys. Settling writes the edits file,
so it runs on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from minutes_tui.core.notice import Notice
from minutes_tui.i18n import tr
from minutes_tui.services.notices import (
    EditConflict,
    current_notice,
    pending_conflicts,
    settle_conflict,
)
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MeetingScreen, MinutesModal
from minutes_tui.tui.widgets.keys_footer import KeysFooter

#: Characters of her text in the list (the whole text is in the panel below).
LIST_CHARS = 100


class ConflictsDialog(MinutesModal[int]):
    """Settle the hand edits one by one; returns how many still wait."""

    BINDINGS = keymap.bindings("conflicts")

    def __init__(self, store: MeetingStore, conflicts: list[EditConflict]) -> None:
        super().__init__()
        self.store = store
        self.conflicts = list(conflicts)
        self._busy = False  # a choice is being written: one at a time

    def compose(self) -> ComposeResult:
        with Vertical(id="conflicts"):
            yield OptionList(id="conflicts-list")
            with Horizontal(id="conflicts-texts"):
                with VerticalScroll(classes="conflict-side") as mine:
                    mine.border_title = tr("conflicts.mine")
                    yield Static("", id="conflict-mine", markup=False)
                with VerticalScroll(classes="conflict-side") as now:
                    now.border_title = tr("conflicts.now")
                    yield Static("", id="conflict-now", markup=False)
            yield Static("", id="conflict-before", markup=False)
            yield Static("", id="conflict-error", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self._fill(0)
        self.query_one(OptionList).focus()

    # -- the list and the texts -----------------------------------------------------------
    @staticmethod
    def _label(conflict: EditConflict) -> Text:
        text = conflict.mine if len(conflict.mine) <= LIST_CHARS else conflict.mine[: LIST_CHARS - 1] + "…"
        label = Text(text)
        if not conflict.now:
            label.append(f"  ({tr('conflicts.gone_mark')})", style="italic")
        return label

    def _fill(self, index: int) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self._label(conflict), id=conflict.key) for conflict in self.conflicts])
        self.query_one("#conflicts").border_title = tr("conflicts.title", count=len(self.conflicts))
        if self.conflicts:
            options.highlighted = min(index, len(self.conflicts) - 1)
        self._show_current()

    @property
    def current(self) -> EditConflict | None:
        index = self.query_one(OptionList).highlighted
        return self.conflicts[index] if index is not None and 0 <= index < len(self.conflicts) else None

    def _show_current(self) -> None:
        conflict = self.current
        if conflict is None:
            return
        self.query_one("#conflict-mine", Static).update(conflict.mine)
        self.query_one("#conflict-now", Static).update(conflict.now or tr("conflicts.gone"))
        self.query_one("#conflict-before", Static).update(tr("conflicts.before", text=conflict.before))
        self._say("")

    def _say(self, message: str) -> None:
        error = self.query_one("#conflict-error", Static)
        error.update(message)
        error.display = bool(message)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_current()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter chooses nothing: each choice has its own key

    # -- choices --------------------------------------------------------------------------------
    def action_keep(self) -> None:
        self._settle(keep_mine=True)

    def action_take_new(self) -> None:
        self._settle(keep_mine=False)

    def action_edit(self) -> None:
        from minutes_tui.tui.screens.notice import (
            ParagraphEditor,  # the notice screen imports this module
        )

        conflict = self.current
        if conflict is None or self._busy:
            return

        def edited(text: str | None) -> None:
            if text is not None:
                self._settle(keep_mine=True, text=text)

        self.app.push_screen(ParagraphEditor(conflict.mine), edited)

    def action_later(self) -> None:
        options = self.query_one(OptionList)
        if self.conflicts and options.highlighted is not None:
            options.highlighted = (options.highlighted + 1) % len(self.conflicts)

    def action_close(self) -> None:
        if not self._busy:
            self.dismiss(len(self.conflicts))

    def _settle(self, *, keep_mine: bool, text: str | None = None) -> None:
        conflict = self.current
        if conflict is None or self._busy:
            return
        self._busy = True
        self.settle(conflict, keep_mine, text)

    @work(thread=True, exclusive=True, group="settle")
    def settle(self, conflict: EditConflict, keep_mine: bool, text: str | None) -> None:
        try:
            settle_conflict(self.store, conflict.key, keep_mine=keep_mine, text=text)
        except (StoreError, OSError) as error:  # a refusal (her paragraph is gone) or a failed write: said
            self.app.call_from_thread(self._refused, str(error))
            return
        self.app.call_from_thread(self._settled, conflict)

    def _refused(self, message: str) -> None:
        self._busy = False
        self._say(message)
        self.app.bell()

    def _settled(self, conflict: EditConflict) -> None:
        self._busy = False
        index = self.conflicts.index(conflict)
        self.conflicts.remove(conflict)
        if not self.conflicts:
            self.dismiss(0)
            return
        self._fill(index)


class ConflictsFlow(MeetingScreen):
    """The notice screen's side of it: ``c`` opens the dialog; a compile or an
    export that finds hand edits waiting says so in the status line."""

    notice: Notice | None

    def show(self) -> None:
        """Show :attr:`notice` again (the notice screen's own)."""

    def offer_conflicts(self, count: int | None = None) -> None:
        """A hint in the status line when hand edits wait (after a compile, on opening)."""
        count = len(pending_conflicts(self.store)) if count is None else count
        if count:
            self.say(tr("notice.conflicts", count=count), severity="warning")

    def action_conflicts(self) -> None:
        self.open_conflicts()

    def open_conflicts(self, then: Callable[[], None] | None = None) -> None:
        """The dialog; ``then`` runs once none wait any more (the export asked for them)."""
        conflicts = pending_conflicts(self.store)
        if not conflicts:
            self.say(tr("notice.no_conflicts"))
            if then is not None:
                then()
            return
        self.app.push_screen(ConflictsDialog(self.store, conflicts), lambda left: self._conflicts_closed(left, then))

    def _conflicts_closed(self, left: int | None, then: Callable[[], None] | None) -> None:
        self.notice = current_notice(self.store)
        self.show()
        if left:
            message = tr("export.pending_conflicts", count=left) if then is not None else tr("conflicts.left", count=left)
            self.say(message, severity="warning")
            return
        self.say(tr("conflicts.settled"))
        if then is not None:
            then()
