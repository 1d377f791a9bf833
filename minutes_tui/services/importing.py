"""Import a notes file (the notes language, one record per line) as a new meeting.

The lines go through the same parser and the same durable commit as typed
lines, as one edit (a single undo step).

Limits are what the app serves in seconds (issue #10, items 9 and 11): a file
is read with a byte cap (never trusting its reported size: ``/dev/zero`` says
0) and must be a regular file; a meeting holds at most :data:`MAX_LINES` lines.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from minutes_tui.core import edits
from minutes_tui.core.abbreviations import AbbrCommand
from minutes_tui.core.capture import append_ops, detail_ops
from minutes_tui.core.model import Meeting
from minutes_tui.core.parser import AliasCommand, ParsedLine, Rejected, SettingCommand, parse
from minutes_tui.i18n import tr
from minutes_tui.store import Archive, MeetingStore, StoreError
from minutes_tui.store.schema import setting_problem

#: A meeting's lines at most: the notice of 10,000 lines compiles, previews and exports in seconds.
MAX_LINES: Final = 10_000
#: 10,000 lines of ~150 Vietnamese characters are about 2.2 MB in UTF-8; twice that is plenty.
MAX_FILE_BYTES: Final = 4 * 1024 * 1024
_CHUNK: Final = 1 << 20


@dataclass
class ImportResult:
    store: MeetingStore
    lines: int = 0
    problems: list[str] = field(default_factory=list)  # "dòng N: message"


def read_notes_file(path: Path) -> str:
    """The text of a notes file, or a StoreError saying in one line why not."""
    try:
        # O_BINARY (Windows): a text-mode read would stop at the first Ctrl+Z byte.
        nonblocking = getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise StoreError(tr("import.not_found", path=path)) from None
    except IsADirectoryError:
        raise StoreError(tr("import.is_dir", path=path)) from None
    except OSError as error:
        raise StoreError(tr("import.unreadable", path=path, reason=error.strerror or error)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise StoreError(tr("import.is_dir", path=path))
        if not stat.S_ISREG(mode):
            # A device, FIFO or socket: /dev/zero would be read without end.
            raise StoreError(tr("import.not_regular", path=path))
        if nonblocking:  # Windows has no O_NONBLOCK, and set_blocking there takes only pipes
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_FILE_BYTES:
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_FILE_BYTES:
            raise StoreError(tr("import.too_large", path=path, megabytes=MAX_FILE_BYTES // (1024 * 1024)))
        data = b"".join(chunks)
    except OSError as error:
        raise StoreError(tr("import.unreadable", path=path, reason=error.strerror or error)) from None
    finally:
        os.close(fd)
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StoreError(tr("import.not_utf8", path=path))


def import_notes(archive: Archive, text: str) -> ImportResult:
    """Create a meeting from notes ``text``; office settings and aliases apply too.

    Nothing is written when the notes hold more than :data:`MAX_LINES` lines.
    """
    raw_lines = text.splitlines()
    count_lines = sum(1 for raw in raw_lines if raw.strip())
    if count_lines > MAX_LINES:
        raise StoreError(tr("import.too_many_lines", count=count_lines, limit=MAX_LINES))
    scratch = Meeting()
    ops: list[edits.Op] = []
    problems: list[str] = []
    settings = archive.settings
    directory = archive.directory
    count = 0
    settings_changed = False
    abbreviations: list[AbbrCommand] = []
    for number, raw in enumerate(raw_lines, start=1):
        parsed = parse(raw, directory)
        if parsed is None:
            continue
        if isinstance(parsed, Rejected):
            problems.append(tr("import.line_problem", number=number, message=parsed.message))
            continue
        if isinstance(parsed, SettingCommand):
            problem = setting_problem(parsed.name, parsed.value.strip())
            if problem is not None:
                problems.append(tr("import.line_problem", number=number, message=tr(problem[0], **problem[1])))
                continue
            settings = settings.with_value(parsed.name, parsed.value)
            settings_changed = True
            continue
        if isinstance(parsed, AliasCommand):
            directory = directory.with_alias(parsed.alias, parsed.full)
            settings_changed = True
            continue
        if isinstance(parsed, AbbrCommand):
            abbreviations.append(parsed)
            continue
        new_ops = append_ops(scratch, parsed) if isinstance(parsed, ParsedLine) else detail_ops(scratch, parsed)
        count += isinstance(parsed, ParsedLine)
        edits.apply_all(scratch, new_ops)
        ops += new_ops
    if settings_changed:
        archive.save_settings(settings, directory)
    if abbreviations:
        from minutes_tui.services.typing import aids_for

        aids = aids_for(archive)
        for command in abbreviations:
            aids.save_abbreviation(command)
    if not ops:
        # Nothing to record (an empty file, blank lines, only settings): no empty meeting is left behind.
        if problems:
            raise StoreError(tr("import.nothing_readable", count=len(problems), first=problems[0]))
        raise StoreError(tr("import.nothing"))
    store = archive.create()
    store.commit(ops)
    archive.checkpoint(store)
    return ImportResult(store, count, problems)
