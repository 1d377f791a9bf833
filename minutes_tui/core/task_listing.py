"""``tasks --json`` from entries rendered when the index was written.

Each task of an index side file has an **entry** of two UTF-8 strings, its
order key and its JSON, written by :func:`entry` when its meeting is
checkpointed: listing 10,000 tasks then sorts keys and joins bytes instead of
building a :class:`Task`, a dict and its JSON per task on every call (the
command prints ~4 MB).

What makes that possible: on any day from the last dated change of its record
(:func:`since`) a task's place in the listing and its JSON depend on the day
only through its deadline:

* a closed or paused task's state and ``days_late`` are fixed: its JSON is
  whole, and its :func:`order_key` too;
* an open task (overdue, due soon, in time, no deadline — ranks 0 to 3 of
  :data:`STATE_ORDER`) sorts by its deadline alone, whatever the day: every
  overdue deadline comes before every due-soon one, and so on. Its JSON holds
  :data:`SLOT` where ``"state"`` and ``"days_late"`` go, filled in for the
  day listed (one :func:`standing_by` per distinct deadline).

A meeting listed for a day before its :attr:`Sheet.since` (``--as-of`` in the
past of a record) is listed the long way: rows, :func:`state_on`, :func:`task_json`.

The entries are a cache: change :func:`task_json`, :func:`order_key` or this
layout and bump the index ``VERSION`` (``store/task_index.py``) so old side
files are rebuilt.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Final, NamedTuple

from minutes_tui.core.model import DEFAULT_DUE_SOON_DAYS
from minutes_tui.core.tasks import (
    STATE_ORDER,
    MeetingHead,
    Standing,
    State,
    Task,
    standing_by,
    state_on,
    state_passes,
    task_json,
)
from minutes_tui.core.text import fold

#: Where an open task's JSON takes its state on the day listed. JSON text never
#: holds a raw control character (json escapes them all), so this cannot clash.
SLOT: Final = "\x01"
_OPEN: Final = frozenset({State.OVERDUE, State.DUE_SOON, State.IN_TIME, State.NO_DEADLINE})
_NO_DUE: Final = "9999-99-99"  # an open task without a deadline sorts after every date
_IN_SLOT: Final = ("state", "days_late")
_AFTER_SLOT: Final = ("progress", "done_date")  # task_json's last keys


class Sheet(NamedTuple):
    """One meeting of the index: its shared fields, its tasks' entries (``keys[i]`` and
    ``texts[i]``: task i's), and what the entries cannot answer, read only when asked:
    the rows (:meth:`Task.to_row`) and each task's owners, folded (for an owner filter)."""

    head: MeetingHead
    #: The last dated change of any task's record (ISO, "" for none): the entries hold from that day.
    since: str
    keys: list[bytes]
    texts: list[bytes]
    rows: Callable[[], list[list[Any]]]
    owners: Callable[[], list[list[str]]]


def sheet_of(tasks: list[Task]) -> Sheet | None:
    """The sheet of one meeting's tasks (None: it has none)."""
    if not tasks:
        return None
    rows = [task.to_row() for task in tasks]
    owners = [[fold(name) for name in task.owners] for task in tasks]
    keys, texts = zip(*map(entry, tasks), strict=True)
    return Sheet(tasks[0].head(), max(map(since, tasks)), list(keys), list(texts), lambda: rows, lambda: owners)


def since(task: Task) -> str:
    """The day (ISO) of the last dated change of ``task``'s record, "" for none: from it on, its entry holds."""
    record = task.followup
    dated = [change.date for change in record.deadlines]
    if record.status_date is not None:
        dated.append(record.status_date)
    return max(dated).isoformat() if dated else ""


def order_key(task: Task, standing: Standing) -> str:
    """:func:`~minutes_tui.core.tasks.sort_key` as text: sorting these strings orders
    tasks as sort_key does on the same day. An open task's key holds its deadline
    only, so it is the same on every day (see the module's note)."""
    if standing.state in _OPEN:
        head = "0" + (standing.due.isoformat() if standing.due else _NO_DUE)
    else:  # most days late first: the complement of days_late (a date span is < 10**7 days)
        head = f"{STATE_ORDER.index(standing.state)}{9_999_999 - standing.days_late:07d}{(standing.due or date.max).isoformat()}"
    return f"{head} {task.assigned.isoformat()} {task.meeting} {task.order:09d}"


def entry(task: Task) -> tuple[bytes, bytes]:
    """The task's order key and JSON (the module's note), valid on any day from :func:`since`."""
    settled = state_on(task, date.max)  # every dated change in force; an open task reads "overdue" here
    if settled.state in _OPEN:
        whole = task_json(task, Standing(State.IN_TIME, settled.due))
        fixed = {key: value for key, value in whole.items() if key not in _IN_SLOT + _AFTER_SLOT}
        rest = {key: whole[key] for key in _AFTER_SLOT}
        text = f"{json.dumps(fixed, ensure_ascii=False)[:-1]}, {SLOT}, {json.dumps(rest, ensure_ascii=False)[1:]}"
    else:
        text = json.dumps(task_json(task, settled), ensure_ascii=False)
    return order_key(task, settled).encode(), text.encode()


def listing_json(sheets: Iterable[Sheet], day: date, *, state: str = "all", wanted: str = "", meeting: str = "",
                 window: int = DEFAULT_DUE_SOON_DAYS) -> bytes:
    """``tasks --json`` as UTF-8: the bytes of ``json.dumps([task_json(t, s) for t, s in
    the filtered tasks sorted by sort_key], ensure_ascii=False)``.

    ``state``: a checked ``parse_state_filter`` value; ``wanted``: the owner filter,
    expanded and folded; ``meeting``: a meeting id prefix. The entries are trusted:
    the index checks its side files whole before handing them out.
    """
    today = day.isoformat()
    keys: list[bytes] = []
    texts: list[bytes] = []
    for sheet in sheets:
        if meeting and not sheet.head.id.startswith(meeting):
            continue
        if sheet.since > today:  # a record changed after the day asked about: the long way
            rendered = _rendered(sheet, day, wanted, window)
            keys += rendered[0]
            texts += rendered[1]
        elif wanted:
            for key, text, names in zip(sheet.keys, sheet.texts, sheet.owners(), strict=True):
                if any(wanted in name for name in names):
                    keys.append(key)
                    texts.append(text)
        else:
            keys += sheet.keys
            texts += sheet.texts
    # per deadline: an open task's state on the day, and the JSON that fills its slot
    dues: dict[bytes, tuple[State, bytes]] = {}
    slot = SLOT.encode()
    out = []
    for at in sorted(range(len(keys)), key=keys.__getitem__):  # keys are unique: they end with meeting and line
        key = keys[at]
        if key[0] == 0x30:  # "0": open, its state depends on the day
            due = key[1:11]
            known = dues.get(due)
            if known is None:
                standing = standing_by(None if due == _NO_DUE.encode() else date.fromisoformat(due.decode()),
                                       day, window)
                known = dues[due] = (standing.state, f'"state": "{standing.state.value}", '
                                                     f'"days_late": {standing.days_late}'.encode())
            if state == "all" or state_passes(known[0], state):
                out.append(texts[at].replace(slot, known[1]))
        elif state == "all" or state_passes(STATE_ORDER[key[0] - 0x30], state):
            out.append(texts[at])
    return b"[" + b", ".join(out) + b"]"


def _rendered(sheet: Sheet, day: date, wanted: str, window: int) -> tuple[list[bytes], list[bytes]]:
    """The keys and texts of ``sheet``'s tasks that pass the owner filter, rendered for ``day``."""
    keys, texts = [], []
    for row in sheet.rows():
        task = Task.from_row(sheet.head, row)
        if wanted and not any(wanted in fold(name) for name in task.owners):
            continue
        standing = state_on(task, day, window)
        keys.append(order_key(task, standing).encode())
        texts.append(json.dumps(task_json(task, standing), ensure_ascii=False).encode())
    return keys, texts
