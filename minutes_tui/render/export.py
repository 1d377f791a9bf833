"""Export a meeting: the notice (default) or the biên bản, as .docx and optionally PDF."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from minutes_tui.core.compiler import compile_notice
from minutes_tui.core.model import Meeting
from minutes_tui.core.text import fold
from minutes_tui.locations import exports_dir
from minutes_tui.store import Archive, StoreError

_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


def default_filename(meeting: Meeting, *, record: bool) -> str:
    """``2026-11-18 Thong bao ket luan - Phien hop thuong ky.docx`` (ASCII: safe on
    every file system, e-mail and USB stick the office uses)."""
    kind = "Bien ban" if record else "Thong bao ket luan"
    when = meeting.details.date or date.fromtimestamp(meeting.created).isoformat()
    title = fold(meeting.title) if meeting.title else ""
    title = _UNSAFE.sub(" ", title).strip()[:60].strip()
    name = f"{when} {kind}" + (f" - {title}" if title else "")
    return name + ".docx"


def export_meeting(archive: Archive, meeting_id: str, out: Path | None, *, pdf: bool = False,
                   record: bool = False, force: bool = False) -> list[Path]:
    """Write the notice (or the record) to ``out`` or the exports folder; return the files.

    Never overwrites an existing file unless ``force``. The stored notice (with
    the user's edits) is exported when it is current; otherwise the notice is
    compiled, and stored too when the archive is writable.
    """
    from minutes_tui.render.docx_notice import render_notice
    from minutes_tui.render.docx_record import render_record
    from minutes_tui.store.notices import (
        compile_and_store,
        latest_notice,
        notes_changed_since_compile,
    )

    store = archive.open_meeting(meeting_id)
    try:
        target = out or exports_dir(archive.root) / default_filename(store.meeting, record=record)
        if target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        targets = [target] + ([target.with_suffix(".pdf")] if pdf else [])
        existing = [path for path in targets if path.exists()]
        if existing and not force:
            raise StoreError(f"Tệp {existing[0]} đã có; dùng --force để ghi đè.")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"Không tạo được thư mục {target.parent}: {error.strerror or error}.") from error
        # Written beside the target and renamed: a kill mid-export never leaves a
        # half-written document under the real name.
        partial = target.with_name(f".{target.stem}.partial.docx")
        try:
            if record:
                render_record(store.meeting, archive.settings, partial)
            else:
                notice = latest_notice(store)
                if notice is None or notes_changed_since_compile(store, archive.settings):
                    if archive.readonly:
                        notice = compile_notice(store.meeting, archive.settings, date.today())
                    else:
                        notice, _ = compile_and_store(store, archive.settings)
                render_notice(notice, partial)
            os.replace(partial, target)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise StoreError(f"Không ghi được {target}: {error.strerror or error}.") from error
        written = [target]
        if pdf:
            from minutes_tui.render.pdf import to_pdf

            written.append(to_pdf(target))
        return written
    finally:
        if not archive.readonly:
            store.close()
