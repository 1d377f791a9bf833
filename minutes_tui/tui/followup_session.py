"""The follow-up side of a session: the register the app keeps, and the follow-up it recorded.

The app holds one :class:`FollowUpSession` (``app.followup``), shared by the
tracker and capture's panel of open tasks:

* the task register, read once on a worker the first time it is asked for
  (:meth:`with_register`) and then kept up to date from the open stores
  (see :mod:`minutes_tui.services.task_register`);
* follow-up committed through each task's own meeting store
  (:meth:`record`), remembered so that ``u`` takes back the newest one —
  both meetings of a carry-over — on those stores (:meth:`undo`), unless
  something else changed one of them since (then that is not ours to undo).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from minutes_tui.i18n import tr
from minutes_tui.store import MeetingStore, StoreError

if TYPE_CHECKING:  # the register's modules load with the register, not with the app (start-up time)
    from minutes_tui.core.tasks import Op, Task
    from minutes_tui.core.tracker import TrackerFilter
    from minutes_tui.services.task_register import TaskRegister
    from minutes_tui.tui.app import MinutesApp

Ready = Callable[["TaskRegister"], None]


class FollowUpSession:
    def __init__(self, app: MinutesApp) -> None:
        self.app = app
        #: Every task of the archive, read on the first need (see :meth:`with_register`).
        self.register: TaskRegister | None = None
        self._waiting: list[Ready] = []
        #: The tracker's filters (and the owner as typed), kept while it is left for a meeting.
        self.tracker_filter: tuple[TrackerFilter, str] | None = None
        #: Follow-up recorded, newest last: the meetings each step changed (two for a carry-over)…
        self.writes: list[tuple[str, ...]] = []
        #: … and the seq each of those stores had after our last write or undo there.
        self._seq: dict[str, int] = {}

    # -- the register --------------------------------------------------------------------
    def with_register(self, ready: Ready) -> None:
        """Call ``ready`` with the register, brought up to date with the open meetings:
        at once when it was read before, else once a worker has read it."""
        if self.register is not None:
            self.register.refresh(self.app.stores)
            ready(self.register)
            return
        self._waiting.append(ready)
        if len(self._waiting) == 1:
            self.app.run_worker(self._load, thread=True, exclusive=True, group="task-register")

    def _load(self) -> None:
        """On a worker: the side files of ~500 meetings, then the day's entries."""
        from minutes_tui.services.task_register import TaskRegister

        app = self.app
        try:
            register = TaskRegister.load(app.archive, app.stores)
            register.entries(app.today(), app.due_soon_days)  # worked out here, not on the UI thread
        except StoreError as error:
            app.call_from_thread(self._failed, str(error))
            return
        app.call_from_thread(self._loaded, register)

    def _loaded(self, register: TaskRegister) -> None:
        self.register = register
        waiting, self._waiting = self._waiting, []
        register.refresh(self.app.stores)
        for ready in waiting:
            ready(register)

    def _failed(self, reason: str) -> None:
        self._waiting.clear()
        self.app.notify(reason, severity="error", timeout=15)

    def meetings_moved(self, meeting_ids: tuple[str, ...]) -> None:
        """These meetings were deleted to the trash or brought back: the register is
        read again on its next use, and follow-up recorded in them is no longer ours to undo."""
        self.register = None
        self.writes = [step for step in self.writes if not set(step) & set(meeting_ids)]

    # -- recording and undoing -------------------------------------------------------------
    def record(self, task: Task, build: Callable[[Task], list[Op]]) -> Task:
        """Commit follow-up on ``task`` through its meeting's one store (durable when
        this returns, undoable); the task as it now stands.

        Raises ``UserError`` (a ``TaskError`` or ``StoreError``) with the
        message for the user; nothing is changed then.
        """
        from minutes_tui.services import followup

        store = self.app.store_for(task.meeting)
        before = store.seq
        updated = followup.update(store, task.id, build)
        if store.seq != before:
            self.written([store])
        return updated

    def written(self, stores: list[MeetingStore]) -> None:
        """Remember follow-up just committed to ``stores`` (in that order) as one step
        for :meth:`undo`, and have them written into their files after a pause."""
        if not stores:
            return
        self.writes.append(tuple(store.id for store in stores))
        for store in stores:
            self._seq[store.id] = store.seq
            self.app.schedule_checkpoint(store)

    def undo(self) -> tuple[str, ...] | None:
        """Undo the newest step (the later write of a carry-over first); the meetings
        undone, or None (with a message)."""
        app = self.app
        if not self.writes:
            app.notify(tr("capture.nothing_to_undo"))
            return None
        meetings = self.writes[-1]
        stores = [app.store_for(meeting_id) for meeting_id in meetings]
        if any(store.seq != self._seq.get(store.id) for store in stores):
            self.writes = [step for step in self.writes if not set(step) & set(meetings)]
            app.notify(tr("tracker.undo_elsewhere"), severity="warning")
            return None
        self.writes.pop()
        for store in reversed(stores):
            if not app.step_history(store):
                return None
            self._seq[store.id] = store.seq
        app.meetings_changed(meetings)  # a carried line undone: the meeting's screen shows it gone
        return meetings
