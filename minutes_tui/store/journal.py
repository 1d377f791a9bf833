"""The per-meeting journal: one JSON record per line, fsync'd before commit returns.

A record is durable once :meth:`Journal.append` returns. A kill during an
append can only leave a *torn tail*: a last line without its newline, never
committed, cut off silently on the next open. A complete line that is not a
valid record is *damage* (something else wrote the file): :func:`read` counts
it, the caller keeps a copy and tells the user, and the good records around it
are still replayed.

At a checkpoint the journal is *rotated* (:meth:`Journal.rotate`): its records
move to ``<id>.journal.prev`` and a new empty journal starts. The meeting's
``.json.bak`` (the snapshot before the checkpoint) plus ``.journal.prev`` plus
the journal is then always the newest state, even when ``.json`` is damaged.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from minutes_tui.store.errors import UnsafeFile
from minutes_tui.store.files import FILE_MODE, TEMP_SUFFIX, fsync_dir, open_regular, read_regular

_sync = getattr(os, "fdatasync", os.fsync)

#: Record kinds: a group of edit operations, or a step of the undo history.
RECORD_KINDS: Final = frozenset({"do", "undo", "redo"})
PREV_SUFFIX: Final = ".prev"


@dataclass
class JournalRead:
    records: list[dict[str, Any]] = field(default_factory=list)
    damaged: int = 0  # complete lines that are not valid records: damage from outside
    torn: bool = False  # an incomplete last line: a kill during an append
    good_size: int = 0  # byte offset just after the last valid record
    missing_newline: bool = False  # the last record lacks its "\n"
    raw: bytes = b""  # the bytes read, kept so damage can be copied exactly as found


def encode(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def valid_record(record: Any) -> bool:
    """The shape every record must have before it is replayed (cheap: no copies)."""
    if type(record) is not dict:
        return False
    seq = record.get("seq")
    if type(seq) is not int or seq <= 0:
        return False
    kind = record.get("t", "do")
    if type(kind) is not str or kind not in RECORD_KINDS:
        return False
    if kind == "do":
        ops = record.get("ops")
        if type(ops) is not list or not ops:
            return False
        for op in ops:
            if type(op) is not dict or type(op.get("op")) is not str:
                return False
    return True


def read(path: Path) -> JournalRead:
    """Read every valid record; never raises on damaged content.

    Raises :class:`UnsafeFile` when the journal is a link or not a regular file
    and ``UnreadableFile`` when it cannot be read.
    """
    result = JournalRead()
    found = read_regular(path)
    if found is None:
        return result
    data = found[0]
    result.raw = data
    lines = data.split(b"\n")
    tail = lines.pop()  # after the last newline: b"" unless an append was cut short
    offset = 0
    for chunk in lines:
        end = offset + len(chunk) + 1
        offset = end
        if not chunk.strip(b" \t\r"):
            continue  # an empty line is harmless; NUL bytes (zeroed data) are not
        record = _decode(chunk)
        if record is None:
            result.damaged += 1
            continue
        result.records.append(record)
        result.good_size = end
    if tail.strip(b"\x00 \t\r"):
        record = _decode(tail)
        if record is None:
            result.torn = True  # never acknowledged: cut off on the next open
        else:
            # Whole but for its newline (cut between the record and "\n"): what was
            # typed is all there, so it is kept; the next open adds the newline.
            result.records.append(record)
            result.good_size = len(data)
            result.missing_newline = True
    return result


def _decode(chunk: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(chunk.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    return record if valid_record(record) else None


def prev_path(path: Path) -> Path:
    return path.with_name(path.name + PREV_SUFFIX)


class Journal:
    """An append-only file opened once; every append is written and fsync'd."""

    def __init__(self, path: Path, good_size: int | None = None, *, add_newline: bool = False) -> None:
        self.path = path
        try:
            self._fd = open_regular(path, os.O_RDWR)
        except FileNotFoundError:
            self._fd = open_regular(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
            fsync_dir(path.parent)  # a new journal's name must survive a power cut
        try:
            size = os.fstat(self._fd).st_size
            self._size = size if good_size is None else good_size
            if size != self._size:
                # Cut a torn tail (or damage already copied aside) so the next record
                # starts on a clean line.
                os.ftruncate(self._fd, self._size)
                _sync(self._fd)
            if add_newline and self._size:
                os.pwrite(self._fd, b"\n", self._size)
                _sync(self._fd)
                self._size += 1
        except BaseException:
            os.close(self._fd)
            raise

    @property
    def size(self) -> int:
        return self._size

    def append(self, payload: bytes) -> None:
        """Write ``payload`` at the end and fsync; on failure leave the file as it was."""
        try:
            view = memoryview(payload)
            offset = self._size
            while view:
                written = os.pwrite(self._fd, view, offset)
                view = view[written:]
                offset += written
            _sync(self._fd)
        except OSError:
            try:
                os.ftruncate(self._fd, self._size)
            except OSError:
                pass  # the torn bytes are skipped on read and cut on the next open
            raise
        self._size += len(payload)

    def rotate(self) -> None:
        """Move the records to ``.journal.prev`` and start an empty journal.

        Called with the records already in the database file. Every step before
        the last rename leaves the journal as it was; the folder is fsync'd
        before returning, so a record appended afterwards lands in a file whose
        name survives a power cut. When a step fails the journal is left whole
        (replay skips the records the database file already holds) and the next
        checkpoint tries again: emptying it in place would lose the records
        ``.json.bak`` needs to be the newest state.
        """
        folder = self.path.parent
        fresh_name = self.path.with_name(f"{self.path.name}.new{TEMP_SUFFIX}")
        link_name = self.path.with_name(f"{self.path.name}.prev{TEMP_SUFFIX}")
        for leftover in (fresh_name, link_name):
            _unlink_quietly(leftover)
        try:
            fresh = os.open(fresh_name, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
        except OSError:
            return
        try:
            os.link(self.path, link_name)  # the records get their second name first
            os.replace(link_name, prev_path(self.path))
            os.replace(fresh_name, self.path)  # the one step that changes what "journal" is
        except OSError:
            os.close(fresh)
            _unlink_quietly(fresh_name)
            _unlink_quietly(link_name)
            return  # journal untouched; replay skips records already checkpointed
        fsync_dir(folder)
        os.close(self._fd)
        self._fd = fresh
        self._size = 0

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


__all__ = ["Journal", "JournalRead", "UnsafeFile", "encode", "prev_path", "read", "valid_record"]
