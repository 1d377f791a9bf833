"""The notice screen's exports: write, ask when the file is there, show where it went.

- ``x`` / ``p`` / ``b`` export on a worker thread through ``services.export``.
- The file is already there: :class:`ExportExistsDialog` asks (overwrite, a
  numbered copy, cancel). A PDF asked for after the same ``.docx`` is not asked
  about: that ``.docx`` is the very document the export writes (one the user
  changed in Word is never overwritten without asking).
- Hand edits wait for her choice: the export stops and opens the conflicts
  dialog, then goes on once none wait — her wording is never left out of a file
  without her knowing.
- The path of the last export stays under the preview; ``f`` opens its folder
  where there is a desktop.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.widgets import Static

from minutes_tui.desktop import DesktopError, NoDesktop, open_folder
from minutes_tui.i18n import tr
from minutes_tui.locations import exports_dir
from minutes_tui.tui.screens.conflicts import ConflictsFlow
from minutes_tui.tui.screens.export_prompt import ExistsChoice, ExportExistsDialog

#: Where the screen shows the last export's files.
PATH_LABEL = "#notice-path"


class ExportFlow(ConflictsFlow):
    # -- export (worker thread) ----------------------------------------------------------
    def action_export(self) -> None:
        self.export(pdf=False, record=False)

    def action_export_pdf(self) -> None:
        self.export(pdf=True, record=False)

    def action_export_record(self) -> None:
        self.export(pdf=False, record=True)

    def export(self, *, pdf: bool, record: bool, out: Path | None = None, force: bool = False) -> None:
        what = tr("notice.what.record" if record else "notice.what.pdf" if pdf else "notice.what.docx")
        self.say(tr("notice.exporting", what=what), timeout=3)
        self.run_export(pdf, record, out, force)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, pdf: bool, record: bool, out: Path | None = None, force: bool = False) -> None:
        """Through the app's own store: a second store on the same file would lose
        the version this export writes at the app's next save."""
        from minutes_tui.services.export import (
            ExportExists,
            PendingConflicts,
            export_meeting,
            export_target,
            numbered_target,
        )

        archive = self.app.archive
        folder = exports_dir(archive.settings.export_folder)
        try:
            exported = export_meeting(self.store, archive.settings, out, folder=folder, pdf=pdf, record=record,
                                      force=force, reuse_same_docx=True, refuse_conflicts=True)
        except ExportExists as error:
            target = export_target(self.store.meeting, out, folder=folder, record=record)
            numbered = numbered_target(target, pdf=pdf)
            self.app.call_from_thread(self._ask_exists, error.paths, target, numbered, pdf, record)
            return
        except PendingConflicts:
            self.app.call_from_thread(self._settle_first, pdf, record, out, force)
            return
        except Exception as error:
            self.app.call_from_thread(self.say, tr("notice.export_failed", reason=str(error)), severity="error")
            return
        self.app.call_from_thread(self._exported, exported.files, record)

    def _ask_exists(self, existing: list[Path], target: Path, numbered: Path, pdf: bool, record: bool) -> None:
        def chosen(choice: ExistsChoice | None) -> None:
            if choice == "overwrite":
                self.export(pdf=pdf, record=record, out=target, force=True)
            elif choice == "new":
                self.export(pdf=pdf, record=record, out=numbered)
            else:
                self.say(tr("notice.export_cancelled"))

        self.say(tr("export_prompt.exists", names=", ".join(path.name for path in existing)))
        self.app.push_screen(ExportExistsDialog(existing, numbered), chosen)

    def _settle_first(self, pdf: bool, record: bool, out: Path | None, force: bool) -> None:
        from minutes_tui.services.notices import current_notice, pending_conflicts

        self.notice = current_notice(self.store)  # the export may have compiled a new version
        self.show()
        self.say(tr("export.pending_conflicts", count=len(pending_conflicts(self.store))), severity="warning")
        self.open_conflicts(then=lambda: self.export(pdf=pdf, record=record, out=out, force=force))

    def _exported(self, files: list[Path], record: bool) -> None:
        from minutes_tui.services.notices import current_notice

        self.app.last_exports[self.store.id] = files
        self.show_export_path()
        if not record:
            self.notice = current_notice(self.store)
            self.show()
        self.say(tr("notice.exported", path=", ".join(path.name for path in files)), timeout=15)

    def show_export_path(self) -> None:
        """The last export's files, full path, under the preview (hidden before the first)."""
        label = self.query_one(PATH_LABEL, Static)
        files = self.app.last_exports.get(self.store.id, [])
        if files:
            label.update(tr("notice.export_path", paths=" + ".join([str(files[0])] + [path.name for path in files[1:]])))
        label.display = bool(files)

    # -- the folder ----------------------------------------------------------------------
    def action_open_folder(self) -> None:
        files = self.app.last_exports.get(self.store.id)
        folder = files[0].parent if files else exports_dir(self.app.archive.settings.export_folder)
        self.launch_opener(folder, exported=bool(files))

    @work(thread=True, group="open-folder")
    def launch_opener(self, folder: Path, exported: bool) -> None:
        if not exported and not folder.is_dir():
            self.app.call_from_thread(self.say, tr("notice.no_export_folder", path=folder))
            return
        try:
            open_folder(folder)
        except NoDesktop as error:
            self.app.call_from_thread(self.say, str(error), severity="warning")
        except DesktopError as error:
            self.app.call_from_thread(self.say, str(error), severity="error")
        else:
            self.app.call_from_thread(self.say, tr("notice.opening_folder", path=folder))
