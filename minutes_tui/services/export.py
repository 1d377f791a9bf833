"""Export a meeting: the notice (default) or the biên bản, as .docx and optionally PDF."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from minutes_tui.core.model import Meeting, OfficeSettings
from minutes_tui.core.text import fold
from minutes_tui.i18n import tr
from minutes_tui.services.notices import (
    EditConflict,
    compile_and_store,
    compile_preview,
    current_notice,
    is_stale,
    pending_conflicts,
)
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.store.files import FILE_MODE, create_private, ensure_private_dir

_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


@dataclass
class Exported:
    files: list[Path]
    conflicts: list[EditConflict] = field(default_factory=list)  # hand edits not applied (notes changed)


def default_filename(meeting: Meeting, *, record: bool) -> str:
    """``2026-11-18 Thong bao ket luan - Phien hop thuong ky.docx`` (ASCII: safe on
    every file system, e-mail and USB stick the office uses)."""
    kind = "Bien ban" if record else "Thong bao ket luan"
    when = meeting.details.date or date.fromtimestamp(meeting.created).isoformat()
    title = fold(meeting.title) if meeting.title else ""
    title = _UNSAFE.sub(" ", title).strip()[:60].strip()
    name = f"{when} {kind}" + (f" - {title}" if title else "")
    return name + ".docx"


def export_meeting(store: MeetingStore, settings: OfficeSettings, out: Path | None, *, folder: Path,
                   pdf: bool = False, record: bool = False, force: bool = False) -> Exported:
    """Write the notice (or the record) of the open ``store`` to ``out`` or ``folder``.

    Never overwrites an existing file unless ``force``. The stored notice (with
    the user's edits) is exported when it is current; otherwise the notes are
    compiled and the result stored as a new version (only computed when the
    store is read-only: another process holds the data). Files are 0600 and
    folders created for them 0700, unless ``settings.export_access`` is
    ``"shared"`` (then the system's umask decides, as for any other program).
    """
    from minutes_tui.render.docx_notice import render_notice
    from minutes_tui.render.docx_record import render_record

    target = out or folder / default_filename(store.meeting, record=record)
    if target.suffix.lower() != ".docx":
        target = target.with_name(target.name + ".docx")
    targets = [target] + ([target.with_suffix(".pdf")] if pdf else [])
    existing = [path for path in targets if path.exists()]
    if existing and not force:
        raise StoreError(tr("export.exists", path=existing[0]))
    private = settings.export_access != "shared"
    try:
        if private:
            ensure_private_dir(target.parent)  # only the folders it creates: an existing one is the user's
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(tr("export.cannot_create_dir", path=target.parent, reason=error.strerror or error)) from error
    conflicts: list[EditConflict] = []
    # Written beside the target and renamed: a kill mid-export never leaves a
    # half-written document under the real name. Created 0600 before the renderer
    # opens it (it keeps the mode), so the text is never readable by others.
    partial = target.with_name(f".{target.stem}.partial.docx")
    try:
        if private:
            partial.unlink(missing_ok=True)  # left by a killed export
            os.close(create_private(partial))
        if record:
            render_record(store.meeting, settings, partial)
        else:
            notice = current_notice(store)
            if notice is None or is_stale(store, settings):
                compiled = compile_preview(store, settings) if store.readonly else compile_and_store(store, settings)
                notice, conflicts = compiled.notice, compiled.conflicts
            else:
                conflicts = pending_conflicts(store)
            render_notice(notice, partial)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StoreError(tr("export.cannot_write", path=target, reason=error.strerror or error)) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    written = [target]
    if pdf:
        from minutes_tui.render.pdf import to_pdf

        produced = to_pdf(target)
        if private:
            os.chmod(produced, FILE_MODE)
        written.append(produced)
    return Exported(written, conflicts)
