"""The task register's index: one small side file per meeting, listing its tasks.

``DATA/tasks/<meeting id>.json`` is UTF-8 lines:

1. a header: ``{"version": 4, "stamp": [size, mtime_ns], "meeting":
   MeetingHead.to_dict(), "since": …, "count": n, "listing": [size, crc],
   "rows": [size, crc]}``, where ``stamp`` is that of the meeting's database
   file when the tasks were read from it, ``since`` that of
   :attr:`~minutes_tui.core.task_listing.Sheet.since`, and the two pairs the
   byte size and CRC-32 of the two parts below;
2. the listing part, what ``tasks --json`` reads: each task's order key (n
   lines), then each task's JSON (n lines), rendered when the file is written
   (:func:`~minutes_tui.core.task_listing.entry`), so listing 10,000 tasks
   sorts keys and joins bytes;
3. the rows part, what the tracker, ``tasks`` and reports read: the tasks as
   rows (``[Task.to_row(), ...]``, what every task of the meeting shares is in
   the meeting's fields, written once), then each task's owners, folded.

Each reader reads the header and its own part only. The file is rewritten
right after each checkpoint of the meeting, so its cost is that meeting's
tasks, never the archive's. Listing every task of the archive reads the side
files only; a missing, stale (the meeting file changed since, or its journal
still holds records after a crash) or damaged one (a part's CRC does not
match) is rebuilt from that meeting alone, and so is one of an older format.
The side files are derivable: a damaged one is simply rebuilt, never reported.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from minutes_tui.core.task_listing import Sheet, sheet_of
from minutes_tui.core.tasks import MeetingHead, Task, tasks_of
from minutes_tui.i18n import tr
from minutes_tui.store import task_pack
from minutes_tui.store.errors import StoreError
from minutes_tui.store.files import (
    atomic_write,
    ensure_private_dir,
    remove_orphan_temps,
)
from minutes_tui.store.meeting_store import MeetingStore

#: 2: each task keeps its line's deadline understood ("due");
#: 3: the meeting's fields once per file, each task a row (``Task.to_row``);
#: 4: a header, then a listing part (``tasks --json`` keys and texts) and a rows part, each with its CRC.
VERSION: Final = 4
Stamp = list[int]
#: What a side file reads as: its sheet, None (a meeting without tasks), or False (to rebuild).
Found = Sheet | None | bool


def _stamp(path: str | Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _encode(stamp: Stamp, sheet: Sheet | None) -> bytes:
    listing = b"\n".join([*sheet.keys, *sheet.texts]) if sheet else b""
    rows = _dumps(sheet.rows()) + b"\n" + _dumps(sheet.owners()) if sheet else b""
    header = {"version": VERSION, "stamp": stamp, "meeting": sheet.head.to_dict() if sheet else None,
              "since": sheet.since if sheet else "", "count": len(sheet.keys) if sheet else 0,
              "listing": [len(listing), zlib.crc32(listing)], "rows": [len(rows), zlib.crc32(rows)]}
    return b"\n".join([_dumps(header), listing, rows])


def _part(data: bytes, size_crc: list[int]) -> bytes:
    """``data`` when it has the size and CRC the header gave its part; ValueError otherwise."""
    if [len(data), zlib.crc32(data)] != size_crc:
        raise ValueError("a side file's part does not match its header")
    return data


class _RowsPart:
    """The rows part of one side file, read when first asked for; rebuilt from the
    meeting when it does not match its header (see the module's note)."""

    def __init__(self, index: TaskIndex, meeting_id: str, stamp: Stamp, path: str, offset: int,
                 size_crc: list[int], count: int) -> None:
        self._index, self._meeting_id, self._stamp = index, meeting_id, stamp
        self._path, self._offset, self._size_crc, self._count = path, offset, size_crc, count
        self._read: tuple[list[list[Any]], list[list[str]]] | None = None

    def rows(self) -> list[list[Any]]:
        return self._load()[0]

    def owners(self) -> list[list[str]]:
        return self._load()[1]

    def _load(self) -> tuple[list[list[Any]], list[list[str]]]:
        if self._read is None:
            try:
                with open(self._path, "rb") as file:
                    file.seek(self._offset)
                    rows, owners = _part(file.read(), self._size_crc).split(b"\n")
                self._read = json.loads(rows), json.loads(owners)
            except (OSError, ValueError):
                rebuilt = self._index._rebuild(self._meeting_id, self._stamp, save=True)
                # a meeting that no longer opens lists nothing under a filter (the meeting list reports it)
                self._read = (rebuilt.rows(), rebuilt.owners()) if rebuilt else ([], [[]] * self._count)
        return self._read


class _FromSideFile:
    """The rows and owners of a meeting listed from the pack: its side file's, read when first asked for."""

    def __init__(self, index: TaskIndex, meeting_id: str, stamp: Stamp, count: int) -> None:
        self._index, self._meeting_id, self._stamp, self._count = index, meeting_id, stamp, count
        self._sheet: Sheet | None | bool = False

    def rows(self) -> list[list[Any]]:
        sheet = self._load()
        return sheet.rows() if sheet else []

    def owners(self) -> list[list[str]]:
        sheet = self._load()
        # a meeting that no longer opens lists nothing under a filter (the meeting list reports it)
        return sheet.owners() if sheet else [[]] * self._count

    def _load(self) -> Sheet | None:
        if self._sheet is False:
            found = self._index._read(self._meeting_id, self._stamp, listing=False)
            self._sheet = self._index._rebuild(self._meeting_id, self._stamp, save=True) if found is False else found
        return self._sheet if isinstance(self._sheet, Sheet) else None


class TaskIndex:
    """Side files under ``folder`` for the meetings under ``meetings``."""

    def __init__(self, folder: Path, meetings: Path, *, writable: bool) -> None:
        self.folder = folder
        self.meetings = meetings
        self.writable = writable
        self._folder = os.fspath(folder)
        self._swept = False

    def _path(self, meeting_id: str) -> Path:
        return self.folder / f"{meeting_id}.json"

    def write(self, store: MeetingStore) -> None:
        """Record the tasks of ``store``'s meeting as its database file now stands
        (call right after a checkpoint). A failure is not an error: the side file
        is derivable and the next listing rebuilds it."""
        stamp = _stamp(store.path)
        if not self.writable or stamp is None:
            return
        self._save(store.id, stamp, sheet_of(tasks_of(store.meeting)))

    def _save(self, meeting_id: str, stamp: Stamp, sheet: Sheet | None) -> None:
        try:
            ensure_private_dir(self.folder)
            if not self._swept:
                remove_orphan_temps(self.folder)
                self._swept = True
            atomic_write(self._path(meeting_id), _encode(stamp, sheet))
        except OSError:
            pass  # derivable: rebuilt by the next listing

    def _read(self, meeting_id: str, stamp: Stamp, *, listing: bool) -> Found:
        """The side file's sheet when it is of this format and matches ``stamp``; False
        when missing, stale, of another format or damaged. ``listing``: read the
        listing part now; else its keys and texts are empty. The rows part is read
        when first asked for (and rebuilt from the meeting if it turns out damaged)."""
        path = os.path.join(self._folder, f"{meeting_id}.json")  # not pathlib: 10,000 tasks, 500 files
        try:
            with open(path, "rb") as file:
                header = json.loads(file.readline())
                if header["version"] != VERSION or header["stamp"] != stamp:
                    return False
                if header["meeting"] is None:
                    return None
                head = MeetingHead.from_dict(header["meeting"])
                count, (size, _crc) = int(header["count"]), header["listing"]
                if head.id != meeting_id:
                    return False
                if listing:
                    lines = _part(file.read(size), header["listing"]).split(b"\n")
                    if len(lines) != 2 * count:
                        return False
                    keys, texts = lines[:count], lines[count:]
                else:
                    keys = texts = []
                rows = _RowsPart(self, meeting_id, stamp, path, file.tell() + (1 if listing else size + 1),
                                 header["rows"], count)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return False
        return Sheet(head, str(header["since"]), keys, texts, rows.rows, rows.owners)

    def sheets(self, live: Mapping[str, MeetingStore] | None = None, *, listing: bool = True) -> Iterator[Sheet]:
        """Every meeting of the archive that has tasks. ``live``: meetings open in this
        process, whose lines and follow-up committed since their last checkpoint count
        too. ``listing``: with their keys and texts (``tasks --json``), from the pack
        (:mod:`~minutes_tui.store.task_pack`) where it is up to date."""
        live = live or {}
        packed = task_pack.read(self.folder / task_pack.NAME, VERSION) if listing else {}
        seen: list[tuple[str, Stamp, Sheet | None]] = []  # what a new pack would hold
        unpacked = 0
        for meeting_id, stamp, pending in self._walk():
            found: Found
            if meeting_id in live:
                found = sheet_of(tasks_of(live[meeting_id].meeting))
            elif pending:  # records not yet in its file: read from the meeting, nothing saved
                found = self._rebuild(meeting_id, stamp, save=False)
            else:
                known = packed.get(meeting_id)
                if known is not None and known.stamp == stamp:
                    rows = _FromSideFile(self, meeting_id, stamp, len(known.keys))
                    found = known.sheet(rows.rows, rows.owners)
                else:
                    unpacked += 1
                    found = self._read(meeting_id, stamp, listing=listing)
                    if found is False:
                        found = self._rebuild(meeting_id, stamp, save=True)
                if not isinstance(found, bool):
                    seen.append((meeting_id, stamp, found))
            if isinstance(found, Sheet):
                yield found
        if listing and self.writable and task_pack.worth_rewriting(unpacked, len(seen)):
            with contextlib.suppress(OSError):  # derivable: the side files still answer
                task_pack.write(self.folder / task_pack.NAME, VERSION, seen)

    def tasks(self, live: Mapping[str, MeetingStore] | None = None) -> list[Task]:
        """Every task of the archive, from the rows (see :meth:`sheets`)."""
        return [Task.from_row(sheet.head, row) for sheet in self.sheets(live, listing=False) for row in sheet.rows()]

    def _walk(self) -> Iterator[tuple[str, Stamp, bool]]:
        """(meeting id, stamp of its file, whether its journal holds records not yet in the file)."""
        try:
            names = os.listdir(self.meetings)
        except FileNotFoundError:
            return
        except OSError as error:
            raise StoreError(tr("store.folder_unreadable", path=self.meetings, reason=error.strerror or error)) from error
        folder = os.fspath(self.meetings)
        pending = {name[: -len(".journal")] for name in names
                   if name.endswith(".journal") and (_stamp(os.path.join(folder, name)) or [0])[0] > 0}
        for name in sorted(names):
            if not name.endswith(".json"):
                continue
            meeting_id = name[: -len(".json")]
            stamp = _stamp(os.path.join(folder, name))
            if stamp is not None:
                yield meeting_id, stamp, meeting_id in pending

    def _rebuild(self, meeting_id: str, stamp: Stamp, *, save: bool) -> Sheet | None:
        try:
            meeting = MeetingStore.open(self.meetings, meeting_id, readonly=True).meeting
        except StoreError:
            return None  # a damaged meeting: the meeting list reports it
        sheet = sheet_of(tasks_of(meeting))
        if save and self.writable:
            self._save(meeting_id, stamp, sheet)
        return sheet
