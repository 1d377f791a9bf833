"""Export a meeting: the notice (default) or the biên bản, as .docx and optionally PDF."""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final

from minutes_tui.core.letterhead import date_line, issue_date
from minutes_tui.core.model import Meeting, OfficeSettings
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


#: Between the date and kind of a file name and its title.
TITLE_SEPARATOR: Final = " - "
#: A title shorter than this is left out rather than cut to a stump.
MIN_TITLE: Final = 4
#: `` (2)``, `` (3)`` … before the extension: a numbered copy beside an existing file.
_NUMBER = re.compile(r" \((\d+)\)$")
#: Parts of a .docx that change at every save whatever the content (created/modified dates).
_VOLATILE_PARTS: Final = frozenset({"docProps/core.xml"})


@dataclass
class Exported:
    files: list[Path]
    conflicts: list[EditConflict] = field(default_factory=list)  # hand edits not applied (notes changed)


class ExportExists(StoreError):
    """The export would overwrite ``paths`` (the CLI says "use --force"; the app asks)."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(tr("export.exists", path=paths[0]))
        self.paths = paths


class PendingConflicts(StoreError):
    """Hand edits wait for the user's choice: exporting now would print the notes'
    text in their place without her knowing (``export_meeting(refuse_conflicts=True)``)."""

    def __init__(self, conflicts: list[EditConflict]) -> None:
        super().__init__(tr("export.pending_conflicts", count=len(conflicts)))
        self.conflicts = conflicts


def _shorten(title: str, room: int) -> str:
    """``title`` in at most ``room`` characters, cut at a word where it can be; "" when
    less than :data:`MIN_TITLE` characters are left."""
    if room < MIN_TITLE or not title:
        return ""
    if len(title) > room:
        title = title[: room + 1].rsplit(" ", 1)[0] if " " in title[: room + 1] else title[:room]
    return title.rstrip(" .-")


def default_filename(meeting: Meeting, *, record: bool, suffix: str = ".docx") -> str:
    """``2026-11-18 TB ket luan - Phien hop thuong ky.docx``: the date, the kind, a short
    title; ASCII only and at most :data:`MAX_NAME` characters with the extension."""
    kind = "Bien ban" if record else "TB ket luan"
    when = meeting.details.date or date.fromtimestamp(meeting.created).isoformat()
    stem = f"{when} {kind}"
    title = " ".join(_UNSAFE.sub(" ", ascii_text(meeting.title)).split())
    title = _shorten(title, MAX_NAME - len(suffix) - len(stem) - len(TITLE_SEPARATOR))
    if title:
        stem += TITLE_SEPARATOR + title
    return stem + suffix


def numbered_name(name: str, number: int) -> str:
    """``name`` with `` (number)`` before its extension, still at most :data:`MAX_NAME`
    characters: the title (after ``" - "``) is shortened, never the date and kind
    before it. A number already there is replaced, not doubled."""
    path = Path(name)
    suffix, stem = path.suffix, _NUMBER.sub("", path.stem)
    tail = f" ({number})"
    room = MAX_NAME - len(suffix) - len(tail)
    if len(stem) > room:
        head, separator, title = stem.partition(TITLE_SEPARATOR)
        title = _shorten(title, room - len(head) - len(separator)) if separator else ""
        stem = head + separator + title if title else head[:room]
    return stem + tail + suffix


def numbered_target(target: Path, *, pdf: bool = False) -> Path:
    """The first free ``… (2).docx``, ``… (3).docx`` … beside ``target``; with ``pdf``
    its ``.pdf`` must be free too (the pair is written together)."""
    number = 2
    while True:
        candidate = target.with_name(numbered_name(target.name, number))
        if not candidate.exists() and not (pdf and candidate.with_suffix(".pdf").exists()):
            return candidate
        number += 1


def export_target(meeting: Meeting, out: Path | None, *, folder: Path, record: bool = False) -> Path:
    """The ``.docx`` an export writes: ``out``, or the default name in ``folder``."""
    target = out or folder / default_filename(meeting, record=record)
    if target.suffix.lower() != ".docx":
        target = target.with_name(target.name + ".docx")
    return target


def same_document(first: Path, second: Path) -> bool:
    """True when two .docx files hold the same document: every part alike but the
    save dates. A file the user opened and saved in Word is never "the same"."""
    try:
        with zipfile.ZipFile(first) as one, zipfile.ZipFile(second) as other:
            names = sorted(set(one.namelist()) - _VOLATILE_PARTS)
            if names != sorted(set(other.namelist()) - _VOLATILE_PARTS):
                return False
            return all(one.read(name) == other.read(name) for name in names)
    except (OSError, zipfile.BadZipFile, KeyError):
        return False


def export_meeting(store: MeetingStore, settings: OfficeSettings, out: Path | None, *, folder: Path,
                   pdf: bool = False, record: bool = False, force: bool = False,
                   issued: date | None = None, reuse_same_docx: bool = False,
                   refuse_conflicts: bool = False) -> Exported:
    """Write the notice (or the record) of the open ``store`` to ``out`` or ``folder``.

    Never overwrites an existing file unless ``force`` (:class:`ExportExists`
    names them). With ``reuse_same_docx``, a PDF asked for after the .docx
    (the .pdf is new, the .docx holds the very document this export writes) is
    not refused: nothing of the user's is lost. With ``refuse_conflicts``, hand
    edits waiting for her choice stop the export (:class:`PendingConflicts`)
    instead of being left out of the file. The stored notice (with
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

    target = export_target(store.meeting, out, folder=folder, record=record)
    targets = [target] + ([target.with_suffix(".pdf")] if pdf else [])
    existing = [path for path in targets if path.exists()] if not force else []
    # Only the .docx beside a new PDF may turn out to be the same document: decided once it is written.
    compare_docx = reuse_same_docx and pdf and existing == [target]
    if existing and not compare_docx:
        raise ExportExists(existing)
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
            if conflicts and refuse_conflicts:
                raise PendingConflicts(conflicts)
            meeting_date = store.meeting.details.meeting_date
            day = issue_date(settings, issued or date.today(), meeting_date, False if issued else None)
            notice.place_date = date_line(settings, day)
            render_notice(notice, partial)
        if compare_docx and not same_document(partial, target):
            raise ExportExists([target])
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
