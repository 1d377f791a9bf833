"""Live capture: the meeting's lines above, one input below, every Enter durable."""

from __future__ import annotations

import time
from typing import Final

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from minutes_tui.core.abbreviations import AbbrCommand
from minutes_tui.core.capture import append_ops, detail_ops
from minutes_tui.core.directory import Directory
from minutes_tui.core.edits import EditError
from minutes_tui.core.model import Kind
from minutes_tui.core.parser import (
    AliasCommand,
    DetailCommand,
    ParsedLine,
    Rejected,
    SettingCommand,
    parse,
)
from minutes_tui.i18n import tr
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MeetingScreen
from minutes_tui.tui.widgets.capture_input import MAX_TYPED_LENGTH, CaptureInput
from minutes_tui.tui.widgets.completing_input import (
    CaptureCompletion,
    CompletingCaptureInput,
)
from minutes_tui.tui.widgets.followup_panel import FollowUpPanel
from minutes_tui.tui.widgets.keys_footer import KeysFooter
from minutes_tui.tui.widgets.line_list import LineList
from minutes_tui.tui.widgets.meeting_header import (
    DetailsPanel,
    MeetingHeader,
    format_detail,
    format_setting,
)

#: Below this width the details panel starts hidden (Ctrl+B shows it).
PANEL_MIN_WIDTH: Final = 100
#: Seconds between two looks at the half-typed line: a kill -9 loses at most this much typing.
DRAFT_EVERY: Final = 1.0


class CaptureScreen(MeetingScreen):
    NAME = "capture"
    HELP_CONTEXT = "capture"
    BINDINGS = keymap.bindings("capture")

    def __init__(self, store: MeetingStore) -> None:
        super().__init__(store)
        self.tag: Kind | None = None  # tag for the line being typed (keys F2–F6)
        self.sticky = False  # keep the tag for the following lines
        #: Pasted lines that could not be recorded, after the one in the input: each
        #: comes into the input in turn once the one before is fixed and recorded.
        self.rejected: list[str] = []
        self._saved_draft = ""  # the draft as the store has it

    @property
    def directory(self) -> Directory:
        return self.app.archive.directory

    def compose(self) -> ComposeResult:
        meeting = self.store.meeting
        # Header, lines and status line in one container: Textual repaints every
        # direct child of the screen (from its cache, the whole height) whenever
        # any part of the screen changes, so each keystroke re-rendered all of
        # them; inside a container whose region ends above the input they are not.
        with Vertical(id="capture-top"):
            yield MeetingHeader(meeting, id="meeting-header")
            with Horizontal(id="capture-body"):
                yield LineList(id="lines")
                yield DetailsPanel(meeting, id="details-panel")
                yield FollowUpPanel(self.store, id="followup-panel")
            yield from self.compose_status()
        with Horizontal(id="input-row"):
            yield Label("", id="tag-label")
            yield CompletingCaptureInput(self, placeholder=tr("capture.placeholder"), id="capture-input")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(DetailsPanel).display = self.app.size.width >= PANEL_MIN_WIDTH
        self.query_one(LineList).set_lines(self.store.meeting.lines)
        self.typing = CaptureCompletion(self.app, self.store, self.query_one(CompletingCaptureInput),
                                        lambda: self.tag, self.query_one(DetailsPanel).offer)
        self._update_tag_label()
        self.query_one(CaptureInput).focus()
        self.typing.start(new_meeting=not self.store.meeting.lines)
        self._restore_draft()
        self.set_interval(DRAFT_EVERY, self._keep_draft)

    # -- the half-typed line survives Esc, quitting, a closed terminal, kill -9 -------------
    def _restore_draft(self) -> None:
        draft = self.store.draft()
        self._saved_draft = draft
        if not draft:
            return
        first, *rest = draft.split("\n")
        field = self.query_one(CaptureInput)
        field.value = first
        field.cursor_position = len(first)
        self.rejected = rest
        self.say(tr("capture.draft_restored"))

    def _keep_draft(self) -> None:
        """Checked every second, written only when it changed: nothing per keystroke."""
        text = self.unsaved_text()
        if text != self._saved_draft and not self.store.readonly:
            self._saved_draft = text
            self._write_draft(text)

    @work(thread=True, exclusive=True, group="draft")
    def _write_draft(self, text: str) -> None:
        try:
            self.store.save_draft(text)
        except StoreError as error:
            self._saved_draft = ""  # try again at the next look
            self.app.call_from_thread(self.say, str(error), severity="warning")

    def next_pending(self) -> str:
        if not self.rejected:
            return ""
        line = self.rejected.pop(0)
        self.say(tr("capture.next_rejected", left=len(self.rejected)), severity="warning")
        return line

    def meeting_changed(self) -> None:
        """After undo, redo or the details form."""
        self.query_one(LineList).set_lines(self.store.meeting.lines)
        self.query_one(DetailsPanel).refresh()
        self.query_one(MeetingHeader).refresh()
        self.typing.details_changed()

    # -- committing (called synchronously by CaptureInput) ---------------------------
    def record(self, text: str, *, typed: bool = True) -> bool:
        """Parse and durably record one line; False (with a message) when it was not.

        ``typed``: the line is the input's (Enter): its commit also records that the
        draft is now empty. Lines of a paste leave the draft alone."""
        parsed = parse(text, self.directory, sticky=self.tag)
        try:
            if parsed is None:
                return True
            if isinstance(parsed, Rejected):
                self.show_error(parsed.message)
                return False
            if isinstance(parsed, ParsedLine):
                self.store.commit(append_ops(self.store.meeting, parsed), clears_draft=typed)
                self.query_one(LineList).append_line(self.store.meeting.lines[-1])
                self.typing.committed(line_added=True)
                if not self.sticky and self.tag is not None:
                    self.tag = None
                    self._update_tag_label()
            elif isinstance(parsed, DetailCommand):
                self.store.commit(detail_ops(self.store.meeting, parsed), clears_draft=typed)
                self.query_one(DetailsPanel).refresh()
                self.typing.committed(line_added=False, detail=parsed.name)
                shown = format_detail(self.store.meeting.details, parsed.name)
                self.say(tr("capture.detail_set", name=tr("details." + parsed.name), value=shown))
            elif isinstance(parsed, SettingCommand):
                self.record_setting(parsed)
            elif isinstance(parsed, AliasCommand):
                # written first: a refused write must not leave the alias in use
                archive = self.app.archive
                archive.save_settings(directory=archive.directory.with_alias(parsed.alias, parsed.full))
                self.say(tr("capture.alias_set", alias=parsed.alias, full=parsed.full))
            elif isinstance(parsed, AbbrCommand):
                self.typing.aids.save_abbreviation(parsed)
                key = "capture.abbr_set" if parsed.full else "capture.abbr_removed"
                self.say(tr(key, abbr=parsed.key, full=parsed.full))
        except (StoreError, EditError) as error:
            self.show_error(str(error))
            return False
        self.saved()
        return True

    def record_setting(self, command: SettingCommand) -> None:
        archive = self.app.archive
        archive.save_settings(archive.settings.with_value(command.name, command.value))
        self.app.apply_look(archive.settings)
        shown = format_setting(archive.settings, command.name)
        self.say(tr("capture.setting_set", name=tr("setting_name." + command.name), value=shown or "—"))

    def record_paste(self, text: str) -> None:
        """A multi-line paste records each line; a huge single line is saved as is."""
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) == 1 and len(lines[0]) > MAX_TYPED_LENGTH:
            if self.record(lines[0]):
                self.say(tr("capture.long_line", chars=len(lines[0])))
            return
        failed = [line for line in lines if not self.record(line, typed=False)]
        recorded = len(lines) - len(failed)
        if failed:
            # Every rejected line is kept: the first in the input, the others next in turn
            # (and in the draft until then), each to be fixed and recorded with Enter.
            field = self.query_one(CaptureInput)
            if field.value.strip():
                self.rejected.insert(0, field.value)
            field.value = failed[0]
            field.cursor_position = len(failed[0])
            self.rejected = failed[1:] + self.rejected
            self.show_error(tr("capture.paste_problems", count=len(failed), recorded=recorded))
        elif recorded:
            self.say(tr("capture.pasted", count=recorded))

    def unsaved_text(self) -> str:
        """The half-typed line (and any rejected pasted lines waiting their turn): the
        app keeps it as the meeting's draft when the screen is left, the app quits or
        a signal ends it (``MinutesApp.save_unsaved``); capture itself every second."""
        return "\n".join(text for text in [self.query_one(CaptureInput).value, *self.rejected] if text)

    def show_error(self, message: str) -> None:
        self.say(message, severity="error")
        self.app.bell()

    def saved(self) -> None:
        self.status.clear_error()
        self.query_one(MeetingHeader).saved_at = time.time()
        self.app.schedule_checkpoint(self.store)

    # -- tags ------------------------------------------------------------------
    def action_tag(self, kind_name: str) -> None:
        """Tag the line being typed; the same key again keeps the tag on (sticky),
        a third time turns it off. F6 (note) clears it."""
        kind = Kind(kind_name)
        if kind is Kind.NOTE or (self.tag is kind and self.sticky):
            self.tag, self.sticky = None, False
        elif self.tag is kind:
            self.sticky = True
        else:
            self.tag = kind
        self._update_tag_label()

    def action_toggle_sticky(self) -> None:
        """Ctrl+T: keep the current tag on, or turn a kept tag off (off is off:
        the next plain line is a note again)."""
        if self.sticky or self.tag is None:
            self.tag, self.sticky = None, False
            self.say(tr("capture.sticky_off"))
        else:
            self.sticky = True
            self.say(tr("capture.sticky_on", kind=tr("kind." + self.tag.value)))
        self._update_tag_label()

    def _update_tag_label(self) -> None:
        kind = self.tag or Kind.NOTE
        label = self.query_one("#tag-label", Label)
        suffix = f" · {tr('capture.sticky')}" if self.sticky else ""
        label.update(f" {tr('kind.' + kind.value)}{suffix} ❯")
        label.set_classes(f"kind-{kind.value}" + (" sticky" if self.sticky else ""))
        self.typing.tag_changed()

    # -- completion (keys handled in order by CaptureInput) ----------------------------
    def action_accept_word(self) -> None:
        self.query_one(CompletingCaptureInput).accept(whole=False)

    def action_accept_all(self) -> None:
        field = self.query_one(CompletingCaptureInput)
        if not field.accept(whole=True):
            field.action_cursor_right()

    def action_undo(self) -> None:
        """Ctrl+Z right after an accept or an abbreviation restores what was typed;
        otherwise it undoes the last change to the meeting."""
        if not self.query_one(CompletingCaptureInput).undo_aid():
            super().action_undo()

    # -- other actions -----------------------------------------------------------
    def action_toggle_details(self) -> None:
        panel = self.query_one(DetailsPanel)
        panel.display = not panel.display

    # -- the body's open tasks (tui/widgets/followup_panel.py) -----------------------
    def action_followup_panel(self) -> None:
        """Ctrl+F: the open tasks beside the lines, the focus on them; again: back to typing."""
        panel = self.query_one(FollowUpPanel)
        if panel.display and panel.has_focus_within:
            panel.action_close()
            return
        self.query_one(DetailsPanel).display = False  # the room it takes goes to the tasks
        panel.open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing is typed while the panel has the focus: the tag and accept keys rest (the footer shows the panel's)."""
        return not (action in ("tag", "accept_word", "accept_all") and self.query_one(FollowUpPanel).has_focus_within)

    @on(FollowUpPanel.Closed)
    def followup_closed(self) -> None:
        self.query_one(CaptureInput).focus()

    @on(FollowUpPanel.Carried)
    def carried(self, event: FollowUpPanel.Carried) -> None:
        self.query_one(LineList).append_line(event.line)
        self.saved()
