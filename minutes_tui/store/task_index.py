"""The task register's index: one small side file per meeting, listing its tasks.

``DATA/tasks/<meeting id>.json`` = ``{"version": 1, "stamp": [size, mtime_ns],
"tasks": [Task.to_dict(), ...]}``, where ``stamp`` is that of the meeting's
database file when the tasks were read from it. It is rewritten right after
each checkpoint of the meeting, so its cost is that meeting's tasks, never the
archive's. Listing every task of the archive reads the side files only; a
missing or stale one (the meeting file changed since, or its journal still
holds records after a crash) is rebuilt from that meeting alone.

The side files are derivable: a damaged one is simply rebuilt, never reported.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from minutes_tui.core.tasks import Task, tasks_of
from minutes_tui.i18n import tr
from minutes_tui.store.errors import StoreError
from minutes_tui.store.files import (
    atomic_write,
    ensure_private_dir,
    remove_orphan_temps,
)
from minutes_tui.store.meeting_store import MeetingStore

VERSION: Final = 2  # 2: each task keeps its line's deadline understood ("due")
Stamp = list[int]


def _stamp(path: Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


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
        data: dict[str, Any] = {"version": VERSION, "stamp": stamp, "tasks": [task.to_dict() for task in tasks]}
        try:
            ensure_private_dir(self.folder)
            if not self._swept:
                remove_orphan_temps(self.folder)
                self._swept = True
            atomic_write(self._path(meeting_id), json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
        except OSError:
            pass  # derivable: rebuilt by the next listing

    def _read(self, meeting_id: str, stamp: Stamp) -> list[Task] | None:
        """The side file's tasks when it matches ``stamp``; None when missing, stale or damaged."""
        try:
            data = json.loads(self._path(meeting_id).read_bytes())
            if data.get("version") != VERSION or data.get("stamp") != stamp:
                return None
            return [Task.from_dict(item) for item in data["tasks"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def tasks(self, live: Mapping[str, MeetingStore] | None = None) -> list[Task]:
        """Every task of the archive. ``live``: meetings open in this process, whose
        lines and follow-up committed since their last checkpoint count too."""
        live = live or {}
        found: list[Task] = []
        try:
            names = os.listdir(self.meetings)
        except FileNotFoundError:
            return []
        except OSError as error:
            raise StoreError(tr("store.folder_unreadable", path=self.meetings, reason=error.strerror or error)) from error
        pending = {name[: -len(".journal")] for name in names
                   if name.endswith(".journal") and (_stamp(self.meetings / name) or [0])[0] > 0}
        for name in sorted(names):
            if not name.endswith(".json"):
                continue
            meeting_id = name[: -len(".json")]
            if meeting_id in live:
                found += tasks_of(live[meeting_id].meeting)
                continue
            stamp = _stamp(self.meetings / name)
            if stamp is None:
                continue
            tasks = None if meeting_id in pending else self._read(meeting_id, stamp)
            if tasks is None:
                tasks = self._rebuild(meeting_id, stamp, save=meeting_id not in pending)
            found += tasks or []
        return found

    def _rebuild(self, meeting_id: str, stamp: Stamp, *, save: bool) -> list[Task] | None:
        try:
            meeting = MeetingStore.open(self.meetings, meeting_id, readonly=True).meeting
        except StoreError:
            return None  # a damaged meeting: the meeting list reports it
        tasks = tasks_of(meeting)
        if save and self.writable:
            self._save(meeting_id, stamp, tasks)
        return tasks
