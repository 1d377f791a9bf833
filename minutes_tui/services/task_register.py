"""The task register as the app holds it: read once, then kept right by the app's own writes.

Reading the register costs one side file per meeting (``archive.tasks``); a
tracker that read it on every opening would wait on ~500 files. The app reads
it once (on a worker) and keeps it here. That is safe because the app is the
archive's only writer (the data-dir lock) and every write to a meeting goes
through that meeting's one store in ``app.stores``: a meeting that is not open
cannot change under us, so its tasks stay as read; an open meeting is read
again from memory whenever its store's ``seq`` has moved (a line typed, a
follow-up recorded, an undo).

The tracker's entries (:mod:`minutes_tui.core.tracker`) are kept per meeting
for the day and window asked, so after a follow-up only that meeting's tasks
are worked out again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from itertools import chain
from operator import attrgetter

from minutes_tui.core import tracker
from minutes_tui.core.tasks import Task, tasks_of
from minutes_tui.store import Archive, MeetingStore

_KEY = attrgetter("key")


class TaskRegister:
    def __init__(self, tasks: Iterable[Task] = ()) -> None:
        self._tasks: dict[str, list[Task]] = {}
        for task in tasks:
            self._tasks.setdefault(task.meeting, []).append(task)
        #: (store object, seq) each open meeting was last read at
        self._read_at: dict[str, tuple[int, int]] = {}
        self._for: tuple[date, int] | None = None
        self._entries: dict[str, list[tracker.Entry]] = {}
        self._merged: list[tracker.Entry] | None = None

    @classmethod
    def load(cls, archive: Archive, live: Mapping[str, MeetingStore]) -> TaskRegister:
        """Read every task of the archive (side files; slow: call it on a worker).

        Open meetings are read here too, but :meth:`refresh` reads them again
        on the UI thread before anything is shown.
        """
        return cls(archive.tasks.tasks(dict(live)))

    def refresh(self, live: Mapping[str, MeetingStore]) -> bool:
        """Read again the open meetings that changed since; True when any did (UI thread)."""
        changed = False
        for meeting_id, store in live.items():
            mark = (id(store), store.seq)
            if self._read_at.get(meeting_id) == mark:
                continue
            self._read_at[meeting_id] = mark
            self._tasks[meeting_id] = tasks_of(store.meeting)
            self._entries.pop(meeting_id, None)
            self._merged = None
            changed = True
        return changed

    def tasks(self) -> list[Task]:
        """Every task, meeting by meeting."""
        return list(chain.from_iterable(self._tasks.values()))

    def entries(self, day: date, window: int) -> list[tracker.Entry]:
        """Every task's tracker entry on ``day``, overdue first (kept until something changes)."""
        if self._for != (day, window):
            self._for = (day, window)
            self._entries.clear()
            self._merged = None
        if self._merged is None:
            for meeting_id, tasks in self._tasks.items():
                if meeting_id not in self._entries:
                    self._entries[meeting_id] = [tracker.entry(task, day, window) for task in tasks]
            # keys are precomputed: sorting 10,000 entries again is a few milliseconds
            self._merged = sorted(chain.from_iterable(self._entries.values()), key=_KEY)
        return self._merged
