"""The per-meeting journal: one JSON record per line, fsync'd before commit returns.

A record is durable once :meth:`Journal.append` returns. A kill during an
append can only leave a torn last record; a failed write (disk full) is cut
back off before the error is raised, so later records never follow garbage.
Reading skips what does not parse and reports it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutes_tui.store.files import FILE_MODE, fsync_dir

_sync = getattr(os, "fdatasync", os.fsync)


@dataclass
class JournalRead:
    records: list[dict[str, Any]] = field(default_factory=list)
    bad_lines: int = 0  # lines that did not parse (torn tail or damage)
    good_size: int = 0  # byte offset just after the last good record


def encode(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def read(path: Path) -> JournalRead:
    """Read every well-formed record; never raises on damaged content."""
    result = JournalRead()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return result
    offset = 0
    for chunk in data.split(b"\n"):
        end = offset + len(chunk) + 1
        if chunk.strip(b"\x00 \t\r"):
            try:
                record = json.loads(chunk.decode("utf-8"))
                if not isinstance(record, dict) or not isinstance(record.get("seq"), int):
                    raise ValueError("not a journal record")
            except ValueError:
                result.bad_lines += 1
            else:
                result.records.append(record)
                result.good_size = min(end, len(data))
        offset = end
    return result


class Journal:
    """An append-only file opened once; every append is written and fsync'd."""

    def __init__(self, path: Path, good_size: int | None = None) -> None:
        self.path = path
        created = not path.exists()
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        if created:
            fsync_dir(path.parent)
        size = os.fstat(self._fd).st_size
        self._size = size if good_size is None else good_size
        if size != self._size:
            # Cut a torn tail so the next record starts on a clean line.
            os.ftruncate(self._fd, self._size)
            _sync(self._fd)

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

    def truncate(self) -> None:
        """Empty the journal (after its records reached the database file)."""
        os.ftruncate(self._fd, 0)
        _sync(self._fd)
        self._size = 0

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
