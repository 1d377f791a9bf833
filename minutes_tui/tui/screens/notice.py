"""The notice: compiled from the meeting, previewed in print order, edited, exported.

Compiling and storing a version, and exporting (a ``.docx``, a PDF through
LibreOffice), run on worker threads: the screen stays responsive and nothing
is written on the UI thread. Every use case goes through ``services``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from minutes_tui.core.notice import Notice
from minutes_tui.core.text import clean_line
from minutes_tui.i18n import tr
from minutes_tui.locations import exports_dir
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MeetingScreen, MinutesModal
from minutes_tui.tui.screens.picker import Picker
from minutes_tui.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from minutes_tui.services.notices import Compiled


class NoticeScreen(MeetingScreen):
    NAME = "notice"
    HELP_CONTEXT = "notice"
    BINDINGS = keymap.bindings("notice")

    def __init__(self, store: MeetingStore) -> None:
        super().__init__(store)
        self.notice: Notice | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="notice-banner")
        with VerticalScroll(id="notice-scroll"):
            yield Static("", id="notice-preview")
        yield from self.compose_status()
        yield KeysFooter()

    def on_mount(self) -> None:
        from minutes_tui.services.notices import current_notice

        self.notice = current_notice(self.store)
        if self.notice is None:
            self.action_recompile()
        else:
            self.show()

    def meeting_changed(self) -> None:
        self.show()

    # -- compile and show ----------------------------------------------------------
    def action_recompile(self) -> None:
        self.notify(tr("notice.compiling"), timeout=2)
        self.compile_and_store()

    @work(thread=True, exclusive=True, group="notice")
    def compile_and_store(self) -> None:
        """Compiled and stored off the UI thread (a version is a file write)."""
        from minutes_tui.services.notices import compile_and_store

        try:
            compiled = compile_and_store(self.store, self.app.archive.settings)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._compiled, compiled)

    def _compiled(self, compiled: Compiled) -> None:
        self.notice = compiled.notice
        if compiled.conflicts:
            self.notify(tr("notice.conflicts", count=len(compiled.conflicts)), severity="warning")
        self.show()

    def show(self) -> None:
        from minutes_tui.render.preview import render_notice_preview
        from minutes_tui.services.notices import is_stale

        if self.notice is None:
            return
        self.query_one("#notice-preview", Static).update(render_notice_preview(self.notice))
        banner = self.query_one("#notice-banner", Static)
        stale = is_stale(self.store, self.app.archive.settings)
        banner.update(tr("notice.stale") if stale else "")
        banner.display = stale

    # -- edits ---------------------------------------------------------------------
    def action_edit_paragraph(self) -> None:
        from minutes_tui.services.notices import editable_paragraphs

        if self.notice is None:
            return
        options = [(key, shown) for key, shown, _ in editable_paragraphs(self.notice)]
        self.app.push_screen(Picker(tr("notice.pick_title"), options), self._edit_chosen)

    def _edit_chosen(self, key: str | None) -> None:
        from minutes_tui.services.notices import editable_paragraphs

        if key is None or self.notice is None:
            return
        # The editor gets the paragraph's text without its printed label ("- ", "1."):
        # saving the label with it would print it twice.
        text = next((text for k, _, text in editable_paragraphs(self.notice) if k == key), "")
        self.app.push_screen(ParagraphEditor(text), lambda new: self._save_edit(key, new))

    def _save_edit(self, key: str, text: str | None) -> None:
        from minutes_tui.services.notices import edit_paragraph

        if text is None:
            return
        try:
            self.notice = edit_paragraph(self.store, key, text)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(tr("notice.edited"))
        self.show()

    # -- export (worker thread) ----------------------------------------------------------
    def action_export(self) -> None:
        self.export(pdf=False, record=False)

    def action_export_pdf(self) -> None:
        self.export(pdf=True, record=False)

    def action_export_record(self) -> None:
        self.export(pdf=False, record=True)

    def export(self, *, pdf: bool, record: bool) -> None:
        what = tr("notice.what.record" if record else "notice.what.pdf" if pdf else "notice.what.docx")
        self.notify(tr("notice.exporting", what=what), timeout=3)
        self.run_export(pdf, record)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, pdf: bool, record: bool) -> None:
        """Through the app's own store: a second store on the same file would lose
        the version this export writes at the app's next save."""
        from minutes_tui.services.export import export_meeting

        archive = self.app.archive
        try:
            exported = export_meeting(self.store, archive.settings, None, folder=exports_dir(archive.settings.export_folder),
                                      pdf=pdf, record=record, force=False)
        except Exception as error:  # any failure is a message, never a crash of the app
            self.app.call_from_thread(self.notify, tr("notice.export_failed", reason=str(error)), severity="error", timeout=15)
            return
        if not record:
            self.app.call_from_thread(self._after_export)
        for path in exported.files:
            self.app.call_from_thread(self.notify, tr("notice.exported", path=str(path)), timeout=15)

    def _after_export(self) -> None:
        from minutes_tui.services.notices import current_notice

        self.notice = current_notice(self.store)
        self.show()


class ParagraphEditor(MinutesModal[str | None]):
    """Edit one paragraph's text; Ctrl+S keeps it, Esc leaves it as it was."""

    BINDINGS = keymap.bindings("editor")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        editor = TextArea(self.text, id="paragraph-editor", soft_wrap=True)
        editor.border_title = tr("notice.edit_title")
        yield editor
        yield KeysFooter()

    def action_save(self) -> None:
        # One paragraph: line breaks typed in the editor become spaces, text is NFC.
        self.dismiss(clean_line(self.query_one(TextArea).text))

    def action_cancel(self) -> None:
        self.dismiss(None)
