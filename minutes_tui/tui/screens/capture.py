"""Live capture: the meeting's lines above, one input below, every Enter durable."""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from minutes_tui.core.capture import append_ops, detail_ops
from minutes_tui.core.edits import EditError
from minutes_tui.core.model import Kind
from minutes_tui.core.parser import AliasCommand, DetailCommand, ParsedLine, Problem, SettingCommand, parse
from minutes_tui.i18n import tr
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.tui import keymap
from minutes_tui.tui.widgets.capture_input import MAX_TYPED_LENGTH, CaptureInput, OwnerSuggester
from minutes_tui.tui.widgets.line_list import LineList
from minutes_tui.tui.widgets.meeting_header import DetailsPanel, MeetingHeader, format_detail

#: Below this width the details panel starts hidden (Ctrl+B shows it).
PANEL_MIN_WIDTH = 100


class CaptureScreen(Screen[None]):
    BINDINGS = keymap.bindings("capture")

    def __init__(self, store: MeetingStore) -> None:
        super().__init__()
        self.store = store
        self.tag: Kind | None = None  # tag for the line being typed (keys F2–F6)
        self.sticky = False  # keep the tag for the following lines

    @property
    def archive(self):
        return self.app.archive

    def compose(self) -> ComposeResult:
        meeting = self.store.meeting
        yield MeetingHeader(meeting, id="meeting-header")
        with Horizontal(id="capture-body"):
            yield LineList(id="lines")
            yield DetailsPanel(meeting, id="details-panel")
        yield Static("", id="capture-message")
        with Horizontal(id="input-row"):
            yield Label("", id="tag-label")
            yield CaptureInput(
                self,
                placeholder=tr("capture.placeholder"),
                suggester=OwnerSuggester(self.archive.directory),
                id="capture-input",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DetailsPanel).display = self.app.size.width >= PANEL_MIN_WIDTH
        self.query_one(LineList).set_lines(self.store.meeting.lines)
        self._update_tag_label()
        self.query_one(CaptureInput).focus()

    def on_screen_resume(self) -> None:
        """Back from a form: the details may have changed."""
        self.query_one(DetailsPanel).refresh()
        self.query_one(MeetingHeader).refresh()

    # -- committing (called synchronously by CaptureInput) ---------------------------
    def record(self, text: str) -> bool:
        """Parse and durably record one line; False (with a message) when it was not."""
        parsed = parse(text, self.archive.directory, sticky=self.tag)
        try:
            if parsed is None:
                return True
            if isinstance(parsed, Problem):
                self.show_error(parsed.message)
                return False
            if isinstance(parsed, ParsedLine):
                self.store.commit(append_ops(self.store.meeting, parsed))
                self.query_one(LineList).append_line(self.store.meeting.lines[-1])
                if not self.sticky:
                    self.tag = None
                    self._update_tag_label()
            elif isinstance(parsed, DetailCommand):
                self.store.commit(detail_ops(self.store.meeting, parsed))
                self.query_one(DetailsPanel).refresh()
                shown = format_detail(self.store.meeting.details, parsed.name)
                self.notify(tr("capture.detail_set", name=tr("details." + parsed.name), value=shown))
            elif isinstance(parsed, SettingCommand):
                self.archive.save_settings(self.archive.settings.with_value(parsed.name, parsed.value))
                self.notify(tr("capture.setting_set", name=parsed.name))
            elif isinstance(parsed, AliasCommand):
                # written first: a refused write must not leave the alias in use
                self.archive.save_settings(directory=self.archive.directory.with_alias(parsed.alias, parsed.full))
                self.notify(tr("capture.alias_set", alias=parsed.alias, full=parsed.full))
        except (StoreError, EditError) as error:
            self.show_error(str(error))
            return False
        self.saved()
        return True

    def record_paste(self, text: str) -> None:
        """A multi-line paste records each line; a huge single line is saved as is."""
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) == 1 and len(lines[0]) > MAX_TYPED_LENGTH:
            if self.record(lines[0]):
                self.notify(tr("capture.long_line", chars=len(lines[0])))
            return
        failed = [line for line in lines if not self.record(line)]
        recorded = len(lines) - len(failed)
        if recorded:
            self.notify(tr("capture.pasted", count=recorded))
        if failed:
            field = self.query_one(CaptureInput)
            field.value = failed[0][:MAX_TYPED_LENGTH]
            self.show_error(tr("capture.paste_problems", count=len(failed)))

    def unsaved_text(self) -> str:
        """The half-typed line: the app keeps it as the meeting's draft when the
        screen is left, the app quits or a signal ends it (``MinutesApp.save_unsaved``)."""
        return self.query_one(CaptureInput).value

    def show_error(self, message: str) -> None:
        widget = self.query_one("#capture-message", Static)
        widget.update(message)
        widget.add_class("error")
        self.app.bell()

    def saved(self) -> None:
        message = self.query_one("#capture-message", Static)
        if message.has_class("error"):
            message.update("")
            message.remove_class("error")
        header = self.query_one(MeetingHeader)
        header.saved_at = time.time()
        self.app.schedule_checkpoint(self.store)

    # -- tags ------------------------------------------------------------------
    def action_tag(self, kind_name: str) -> None:
        """Tag the line being typed; the same key again keeps the tag on (sticky),
        a third time turns it off. F6 (note) clears it."""
        kind = Kind(kind_name)
        if self.tag is kind and not self.sticky and kind is not Kind.NOTE:
            self.sticky = True
        elif self.tag is kind and self.sticky:
            self.tag, self.sticky = None, False
        else:
            self.tag = None if kind is Kind.NOTE else kind
            self.sticky = False if self.tag is None else self.sticky
        self._update_tag_label()

    def action_toggle_sticky(self) -> None:
        if self.sticky or self.tag is None:
            self.sticky = False
            self.notify(tr("capture.sticky_off"))
        else:
            self.sticky = True
            self.notify(tr("capture.sticky_on", kind=tr("kind." + self.tag.value)))
        self._update_tag_label()

    def _update_tag_label(self) -> None:
        kind = self.tag or Kind.NOTE
        label = self.query_one("#tag-label", Label)
        suffix = f" · {tr('capture.sticky')}" if self.sticky else ""
        label.update(f" {tr('kind.' + kind.value)}{suffix} ❯")
        label.set_classes(f"kind-{kind.value}" + (" sticky" if self.sticky else ""))

    # -- other actions -----------------------------------------------------------
    def action_undo(self, redo: bool = False) -> None:
        if self.app.step_history(self.store, redo=redo):
            self.query_one(LineList).set_lines(self.store.meeting.lines)
            self.query_one(DetailsPanel).refresh()
            self.query_one(MeetingHeader).saved_at = time.time()

    def action_redo(self) -> None:
        self.action_undo(redo=True)

    def action_toggle_details(self) -> None:
        panel = self.query_one(DetailsPanel)
        panel.display = not panel.display

    def action_details(self) -> None:
        self.app.open_details(self.store)

    def action_review(self) -> None:
        self.app.switch_meeting_screen(self.store.id, "review")

    def action_notice(self) -> None:
        self.app.switch_meeting_screen(self.store.id, "notice")

    def action_back(self) -> None:
        self.app.leave_meeting(self)
