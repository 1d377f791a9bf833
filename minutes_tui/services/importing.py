"""Import a notes file (the notes language, one record per line) as a new meeting.

The lines go through the same parser and the same durable commit as typed
lines, as one edit (a single undo step).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from minutes_tui.core import edits
from minutes_tui.core.abbreviations import AbbrCommand
from minutes_tui.core.capture import append_ops, detail_ops
from minutes_tui.core.model import Meeting
from minutes_tui.core.parser import (
    AliasCommand,
    ParsedLine,
    Rejected,
    SettingCommand,
    parse,
)
from minutes_tui.store import Archive, MeetingStore, StoreError

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class ImportResult:
    store: MeetingStore
    lines: int = 0
    problems: list[str] = field(default_factory=list)  # "dòng N: message"


def read_notes_file(path: Path) -> str:
    """The text of a notes file, or a StoreError saying in one line why not."""
    try:
        if path.is_dir():
            raise StoreError(f"{path} là thư mục, không phải tệp ghi chép.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise StoreError(f"Tệp {path} quá lớn (trên 50 MB) để là một tệp ghi chép.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"Không tìm thấy tệp {path}.") from None
    except OSError as error:
        raise StoreError(f"Không đọc được tệp {path}: {error.strerror or error}.") from None
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StoreError(f"Tệp {path} không phải văn bản UTF-8; hãy lưu lại với mã UTF-8.")


def import_notes(archive: Archive, text: str) -> ImportResult:
    """Create a meeting from notes ``text``; office settings and aliases apply too."""
    scratch = Meeting()
    ops: list[edits.Op] = []
    problems: list[str] = []
    settings = archive.settings
    directory = archive.directory
    count = 0
    settings_changed = False
    abbreviations: list[AbbrCommand] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        parsed = parse(raw, directory)
        if parsed is None:
            continue
        if isinstance(parsed, Rejected):
            problems.append(f"dòng {number}: {parsed.message}")
            continue
        if isinstance(parsed, SettingCommand):
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
    store = archive.create()
    store.commit(ops)
    archive.checkpoint(store)
    return ImportResult(store, count, problems)
