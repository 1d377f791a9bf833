"""The task register's index: one small side file per meeting, listing its tasks.

``DATA/tasks/<meeting id>.json`` = ``{"version": 3, "stamp": [size, mtime_ns],
"meeting": MeetingHead.to_dict(), "tasks": [Task.to_row(), ...]}``, where
``stamp`` is that of the meeting's database file when the tasks were read from
it. What all tasks of the meeting share (its id, date, body, title) is written
once, and each task is a row of :data:`~minutes_tui.core.tasks.ROW` (listing
10,000 tasks reads and parses about half of what one object per task took).
The file is rewritten right after each checkpoint of the meeting, so its cost
is that meeting's tasks, never the archive's. Listing every task of the
archive reads the side files only; a missing or stale one (the meeting file
changed since, or its journal still holds records after a crash) is rebuilt
from that meeting alone, and so is one of an older format.

The side files are derivable: a damaged one is simply rebuilt, never reported.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from minutes_tui.core.tasks import MeetingHead, Task, tasks_of
from minutes_tui.i18n import tr
from minutes_tui.store.errors import StoreError
from minutes_tui.store.files import (
    atomic_write,
    ensure_private_dir,
    remove_orphan_temps,
)
from minutes_tui.store.meeting_store import MeetingStore

#: 2: each task keeps its line's deadline understood ("due");
#: 3: the meeting's fields once per file, each task a row (``Task.to_row``).
VERSION: Final = 3
Stamp = list[int]
#: One meeting in the index: its shared fields and its tasks' rows.
Sheet = tuple[MeetingHead, list[list[Any]]]


def _stamp(path: str | Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _sheet(meeting_id: str, tasks: list[Task]) -> Sheet | None:
    if not tasks:
        return None
    return tasks[0].head(), [task.to_row() for task in tasks]


class TaskIndex:
    """Side files under ``folder`` for the meetings under ``meetings``."""

    def __init__(self, folder: Path, meetings: Path, *, writable: bool) -> None:
        self.folder = folder
        self.meetings = meetings
        self.writable = writable
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
        self._save(store.id, stamp, tasks_of(store.meeting))

    def _save(self, meeting_id: str, stamp: Stamp, tasks: list[Task]) -> None:
        sheet = _sheet(meeting_id, tasks)
        data: dict[str, Any] = {"version": VERSION, "stamp": stamp,
                                "meeting": sheet[0].to_dict() if sheet else None,
                                "tasks": sheet[1] if sheet else []}
        try:
            ensure_private_dir(self.folder)
            if not self._swept:
                remove_orphan_temps(self.folder)
                self._swept = True
            atomic_write(self._path(meeting_id), json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
        except OSError:
            pass  # derivable: rebuilt by the next listing

    def _read(self, meeting_id: str, stamp: Stamp) -> Sheet | None | bool:
        """The side file's sheet when it matches ``stamp`` (None: a meeting without
        tasks); False when missing, stale, of another format or damaged."""
        try:
            with open(os.path.join(self.folder, f"{meeting_id}.json"), "rb") as file:
                data = json.loads(file.read())
            if data["version"] != VERSION or data["stamp"] != stamp:
                return False
            rows = data["tasks"]
            if not rows:
                return None
            head = MeetingHead.from_dict(data["meeting"])
            if head.id != meeting_id or type(rows) is not list:
                return False
            return head, rows
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return False

    def sheets(self, live: Mapping[str, MeetingStore] | None = None) -> Iterator[Sheet]:
        """Every meeting of the archive that has tasks, as index rows, unchecked: what
        ``tasks --json`` reads without building a :class:`Task` per row (a damaged row
        raises there; :meth:`tasks` then rebuilds its file). ``live``: meetings open in
        this process, whose lines and follow-up committed since their last checkpoint count too."""
        for meeting_id, stamp, found, save in self._walk(live):
            if found is False:
                found = self._rebuild(meeting_id, stamp, save=save)
            if isinstance(found, tuple):
                yield found

    def tasks(self, live: Mapping[str, MeetingStore] | None = None) -> list[Task]:
        """Every task of the archive (see :meth:`sheets`); a side file whose rows do not read is rebuilt."""
        found: list[Task] = []
        for meeting_id, stamp, sheet, save in self._walk(live):
            if isinstance(sheet, tuple):
                try:
                    head, rows = sheet
                    found += [Task.from_row(head, row) for row in rows]
                    continue
                except (ValueError, TypeError, KeyError, IndexError, AttributeError):
                    pass
            elif sheet is None:
                continue
            rebuilt = self._rebuild(meeting_id, stamp, save=save)
            if rebuilt:
                found += [Task.from_row(rebuilt[0], row) for row in rebuilt[1]]
        return found

    def _walk(self, live: Mapping[str, MeetingStore] | None) -> Iterator[tuple[str, Stamp, Sheet | None | bool, bool]]:
        """(meeting id, stamp, its sheet — None: no tasks, False: to rebuild —, whether a rebuilt one is saved)."""
        live = live or {}
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
            if meeting_id in live:
                yield meeting_id, [], _sheet(meeting_id, tasks_of(live[meeting_id].meeting)), False
                continue
            stamp = _stamp(os.path.join(folder, name))
            if stamp is None:
                continue
            found = False if meeting_id in pending else self._read(meeting_id, stamp)
            yield meeting_id, stamp, found, meeting_id not in pending

    def _rebuild(self, meeting_id: str, stamp: Stamp, *, save: bool) -> Sheet | None:
        try:
            meeting = MeetingStore.open(self.meetings, meeting_id, readonly=True).meeting
        except StoreError:
            return None  # a damaged meeting: the meeting list reports it
        tasks = tasks_of(meeting)
        if save and self.writable:
            self._save(meeting_id, stamp, tasks)
        return _sheet(meeting_id, tasks)
