"""What the tracker shows: every task with its standing on a day, folded once, filtered per keystroke.

The tracker and the capture panel list thousands of tasks and filter them on
each key of a live search, so everything a filter looks at is worked out once
per task and day (:class:`Entry`: the standing, the sort key, the folded search
text, owners and body) and a keystroke is plain comparisons over those. The
list comes out overdue first (:func:`minutes_tui.core.tasks.sort_key`) and
filtering keeps that order, so no keystroke sorts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from minutes_tui.core.periods import Period
from minutes_tui.core.task_report import in_period
from minutes_tui.core.tasks import (
    STATE_ORDER,
    Standing,
    State,
    Task,
    search_text,
    sort_key,
    state_on,
)
from minutes_tui.core.text import fold

#: The state filters in the order the tracker offers them: all, open, then each state as sorted.
FILTER_ORDER: Final[tuple[str, ...]] = ("all", "open", *(state.value for state in STATE_ORDER))


@dataclass(frozen=True, slots=True)
class Entry:
    """One task as the tracker lists it on one day (plain fields: a filter reads them per keystroke)."""

    id: str
    task: Task
    standing: Standing
    key: tuple[Any, ...]
    state: str  # standing.state.value
    open: bool  # standing.open
    text: str  # folded: text, owners, deadline, notice number, body
    owners: tuple[str, ...]  # folded
    body: str  # folded


def entry(task: Task, day: date, window: int) -> Entry:
    standing = state_on(task, day, window)
    return Entry(
        id=task.id,
        task=task,
        standing=standing,
        key=sort_key(task, standing),
        state=standing.state.value,
        open=standing.open,
        text=search_text(task),
        owners=tuple(fold(owner) for owner in task.owners),
        body=fold(task.body),
    )


def entries(tasks: Iterable[Task], day: date, window: int) -> list[Entry]:
    """Every task's entry on ``day``, overdue first."""
    return sorted((entry(task, day, window) for task in tasks), key=lambda item: item.key)


@dataclass(frozen=True)
class TrackerFilter:
    """The tracker's filters; all of them must hold (empty = no filter).

    ``owner`` is matched against any owner of the task, accents and case
    ignored, after the caller expanded an alias (``@vp``); ``body`` is the
    body that held the meeting, compared whole; ``period`` keeps the tasks
    being carried out in it (as the report counts them); ``text`` is the live
    search, matched in the task's text, owners, deadline, notice number and body.
    """

    text: str = ""
    state: str = "all"
    owner: str = ""
    body: str = ""
    period: Period | None = None

    @property
    def active(self) -> bool:
        return bool(self.text.strip() or self.state != "all" or self.owner.strip() or self.body.strip()
                    or self.period is not None)


def select(items: list[Entry], chosen: TrackerFilter) -> list[Entry]:
    """The entries ``chosen`` keeps, in the order given (overdue first).

    The filter is folded once, then each active part narrows the list in one
    comprehension (the cheap and selective ones first).
    """
    kept = items
    state = chosen.state
    if state == "open":
        kept = [item for item in kept if item.open]
    elif state != "all":
        kept = [item for item in kept if item.state == state]
    if body := fold(chosen.body):
        kept = [item for item in kept if item.body == body]
    if needle := fold(chosen.text):
        kept = [item for item in kept if needle in item.text]
    if owner := fold(chosen.owner):
        kept = [item for item in kept if any(owner in name for name in item.owners)]
    if (period := chosen.period) is not None:
        kept = [item for item in kept if in_period(item.task, period)]
    return kept


def state_counts(items: Iterable[Entry]) -> dict[str, int]:
    """How many entries each state filter of :data:`FILTER_ORDER` would keep."""
    counts = dict.fromkeys(FILTER_ORDER, 0)
    for item in items:
        counts["all"] += 1
        counts[item.state] += 1
        if item.open:
            counts["open"] += 1
    return counts


def bodies(items: Iterable[Entry]) -> list[tuple[str, int]]:
    """The bodies that held meetings with tasks, as first written, with their task counts
    (most tasks first); tasks of meetings without a ``/body`` are not counted."""
    found: dict[str, list[Any]] = {}
    for item in items:
        if item.body:
            found.setdefault(item.body, [item.task.body, 0])[1] += 1
    ranked = sorted(found.values(), key=lambda pair: (-pair[1], fold(pair[0])))
    return [(str(name), int(count)) for name, count in ranked]


def overdue_count(items: Iterable[Entry]) -> int:
    return sum(1 for item in items if item.standing.state is State.OVERDUE)


def at_hand(items: Iterable[Entry], meeting: str, body: str) -> list[Entry]:
    """What capture's panel offers during ``meeting``: the open tasks of the earlier
    meetings of the same body (every body's when the meeting has none yet), overdue first."""
    wanted = fold(body)
    return [item for item in items
            if item.open and item.task.meeting != meeting and (not wanted or item.body == wanted)]
