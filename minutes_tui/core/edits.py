"""Edits to a meeting as plain, JSON-ready operations, each with its inverse.

Every change — a line typed in capture, a retag or a move in review, a
``/place`` command — is a list of operations. The store journals the list
before it counts as done and replays it after a crash; :class:`History` keeps
the inverses so undo/redo survive a restart (they live in the same journal).

Operations (dicts, so they serialise as they are):

* ``{"op": "insert", "index": i, "line": {...}}``
* ``{"op": "delete", "id": id}``
* ``{"op": "update", "id": id, "changes": {"kind": ..., "text": ..., ...}}``
* ``{"op": "move", "id": id, "index": i}``
* ``{"op": "detail", "name": field, "value": str | list[str]}``
* ``followup``, ``followup_add``, ``followup_remove``: a task's follow-up
  (status, progress, deadline changes …), see :mod:`minutes_tui.core.followup`
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from minutes_tui.core import followup
from minutes_tui.core.model import LIST_DETAILS, Kind, Line, Meeting

Op = dict[str, Any]
_LINE_FIELDS = ("kind", "text", "owners", "deadline")


class EditError(ValueError):
    """An operation does not fit the meeting (unknown line, bad field)."""


def insert(line: Line, index: int) -> Op:
    return {"op": "insert", "index": index, "line": line.to_dict()}


def update(line_id: str, **changes: Any) -> Op:
    if "kind" in changes and isinstance(changes["kind"], Kind):
        changes["kind"] = changes["kind"].value
    return {"op": "update", "id": line_id, "changes": changes}


def delete(line_id: str) -> Op:
    return {"op": "delete", "id": line_id}


def move(line_id: str, index: int) -> Op:
    return {"op": "move", "id": line_id, "index": index}


def detail(name: str, value: str | list[str]) -> Op:
    return {"op": "detail", "name": name, "value": value}


def apply(meeting: Meeting, op: Op) -> Op:
    """Apply ``op`` to ``meeting`` in place and return the operation that undoes it."""
    try:
        kind = op["op"]
        if kind == "insert":
            line = Line.from_dict(op["line"])
            index = max(0, min(int(op["index"]), len(meeting.lines)))
            meeting.lines.insert(index, line)
            return delete(line.id)
        if kind == "delete":
            index = meeting.index_of(op["id"])
            line = meeting.lines.pop(index)
            return insert(line, index)
        if kind == "update":
            line = meeting.get(op["id"])
            changes = op["changes"]
            unknown = set(changes) - set(_LINE_FIELDS)
            if unknown:
                raise EditError(f"unknown line fields {sorted(unknown)}")
            before = {name: getattr(line, name) for name in changes}
            for name, value in changes.items():
                if name == "kind":
                    value = Kind(value)
                elif name == "owners":
                    value = [str(v) for v in value]
                else:
                    value = str(value)
                setattr(line, name, value)
            return update(line.id, **{k: (list(v) if isinstance(v, list) else v) for k, v in before.items()})
        if kind == "move":
            old = meeting.index_of(op["id"])
            line = meeting.lines.pop(old)
            new = max(0, min(int(op["index"]), len(meeting.lines)))
            meeting.lines.insert(new, line)
            return move(line.id, old)
        if kind == "detail":
            name = op["name"]
            if not hasattr(meeting.details, name):
                raise EditError(f"unknown detail {name!r}")
            old_value = getattr(meeting.details, name)
            value = op["value"]
            if name in LIST_DETAILS:
                value = [str(v) for v in (value if isinstance(value, list) else [value])]
            else:
                value = str(value)
            setattr(meeting.details, name, value)
            return detail(name, list(old_value) if isinstance(old_value, list) else old_value)
        if kind in followup.OPS:
            return followup.apply(meeting, op)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, EditError):
            raise
        raise EditError(f"cannot apply {op.get('op')!r}: {error!r}") from error
    raise EditError(f"unknown operation {op.get('op')!r}")


def apply_all(meeting: Meeting, ops: list[Op]) -> list[Op]:
    """Apply ``ops`` in order; return the inverse list (to apply in order too).

    All or nothing: if one operation fails, those already applied are undone.
    """
    inverses: list[Op] = []
    try:
        for op in ops:
            inverses.append(apply(meeting, op))
    except EditError:
        for inverse in reversed(inverses):
            apply(meeting, inverse)
        raise
    inverses.reverse()
    return inverses


@dataclass
class History:
    """Undo/redo stacks of operation groups; part of the stored meeting."""

    undo: list[list[Op]] = field(default_factory=list)
    redo: list[list[Op]] = field(default_factory=list)
    limit: int = 500

    def record(self, inverse: list[Op]) -> None:
        self.undo.append(inverse)
        del self.undo[: -self.limit]
        self.redo.clear()

    def to_dict(self) -> dict[str, Any]:
        return {"undo": self.undo, "redo": self.redo}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> History:
        return cls(undo=list(data.get("undo", [])), redo=list(data.get("redo", [])))


def do(meeting: Meeting, history: History, ops: list[Op]) -> None:
    history.record(apply_all(meeting, ops))


def _step(meeting: Meeting, source: list[list[Op]], target: list[list[Op]]) -> bool:
    """Apply the newest group of ``source``; its inverse goes onto ``target``."""
    if not source:
        return False
    target.append(apply_all(meeting, source[-1]))
    source.pop()  # only once applied: a failed step leaves both stacks as they were
    return True


def undo(meeting: Meeting, history: History) -> bool:
    return _step(meeting, history.undo, history.redo)


def redo(meeting: Meeting, history: History) -> bool:
    return _step(meeting, history.redo, history.undo)
