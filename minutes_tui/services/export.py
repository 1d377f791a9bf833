"""Export a meeting: the notice (default) or the biên bản, as .docx and optionally PDF."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final

from minutes_tui.core.model import Meeting, OfficeSettings
from minutes_tui.core.letterhead import date_line, issue_date
from minutes_tui.core.text import ascii_text
from minutes_tui.i18n import tr
from minutes_tui.services.issue import issued_version
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

_UNSAFE = re.compile(r'[^A-Za-z0-9 ._()-]+')
#: Provincial e-office systems refuse longer (or accented) names on upload (e.g. Ninh Bình QĐ 161/2025).
MAX_NAME: Final = 50


@dataclass
class Exported:
    files: list[Path]
    conflicts: list[EditConflict] = field(default_factory=list)  # hand edits not applied (notes changed)


def default_filename(meeting: Meeting, *, record: bool, suffix: str = ".docx") -> str:
    """``2026-11-18 TB ket luan - Phien hop thuong ky.docx``: the date, the kind, a short
    title; ASCII only and at most :data:`MAX_NAME` characters with the extension."""
    kind = "Bien ban" if record else "TB ket luan"
    when = meeting.details.date or date.fromtimestamp(meeting.created).isoformat()
    stem = f"{when} {kind}"
    room = MAX_NAME - len(suffix) - len(stem) - len(" - ")
    title = " ".join(_UNSAFE.sub(" ", ascii_text(meeting.title)).split())
    if room >= 4 and title:
        if len(title) > room:
            title = title[: room + 1].rsplit(" ", 1)[0] if " " in title[: room + 1] else title[:room]
        stem += f" - {title.rstrip(' .-')}"
    return stem + suffix


def export_meeting(store: MeetingStore, settings: OfficeSettings, out: Path | None, *, folder: Path,
                   pdf: bool = False, record: bool = False, force: bool = False,
                   issued: date | None = None) -> Exported:
    """Write the notice (or the record) of the open ``store`` to ``out`` or ``folder``.

    Never overwrites an existing file unless ``force``. The stored notice (with
    the user's edits) is exported when it is current; otherwise the notes are
    compiled and the result stored as a new version (only computed when the
    store is read-only: another process holds the data). The date line is the
    day of the export, or ``issued`` (``export --date``), unless the office
    leaves it blank; an issued notice keeps its own number and date. Files are
    0600 and folders created for them 0700, unless ``settings.export_access`` is
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
    final = None if record else issued_version(store)
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
        elif final is not None:
            # Once issued, the notice is what the leader signed: later notes do not change it.
            render_notice(final.notice, partial)
        else:
            notice = current_notice(store)
            if notice is None or is_stale(store, settings):
                compiled = compile_preview(store, settings) if store.readonly else compile_and_store(store, settings)
                notice, conflicts = compiled.notice, compiled.conflicts
            else:
                conflicts = pending_conflicts(store)
            meeting_date = store.meeting.details.meeting_date
            day = issue_date(settings, issued or date.today(), meeting_date, False if issued else None)
            notice.place_date = date_line(settings, day)
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
        from minutes_tui.render.pdf import pdf_a_wanted, to_pdf

        produced = to_pdf(target, pdf_a=pdf_a_wanted(settings))
        if private:
            os.chmod(produced, FILE_MODE)
        written.append(produced)
    return Exported(written, conflicts)
