"""Changing a meeting's structure in review, as edit operations (pure).

Each function looks at the lines as they are and returns the operations
(:mod:`minutes_tui.core.edits`) that make the change, or an empty list when
there is nothing to do, so the screen only commits and shows. Moves never
create or drop a line and never change an id; merge drops the merged line, split
adds one, delete removes the given lines — the property tests in
``tests/core/test_restructure.py`` hold every function to that.

A heading carries its block (:func:`minutes_tui.core.model.block_range`) with
it when it moves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from minutes_tui.core import edits
from minutes_tui.core.edits import Op
from minutes_tui.core.model import Kind, Line, block_range

#: Characters that already close a clause: a merge joins after them with a space.
CLAUSE_END = ".;:,!?…"
#: What a split drops at the cut: spaces and the marks that only join clauses.
SPLIT_MARKS = " ;,"


def _index(lines: Sequence[Line], line_id: str) -> int:
    for index, line in enumerate(lines):
        if line.id == line_id:
            return index
    raise KeyError(line_id)


def _block_moves(lines: Sequence[Line], block: range, to: int) -> list[Op]:
    """Move the lines of ``block`` (in order) so the first lands at index ``to``
    (counted before the move, ``to`` <= ``block.start``)."""
    return [edits.move(lines[i].id, to + n) for n, i in enumerate(block)]


def move(lines: Sequence[Line], line_id: str, step: int) -> list[Op]:
    """Move a line one place up (``step`` < 0) or down.

    A line of content passes its neighbour (crossing a heading takes it into
    the next or previous block). A heading moves with its block past the
    neighbouring block of the same level, never out of its section.
    """
    index = _index(lines, line_id)
    line = lines[index]
    block = block_range(lines, index)
    if step < 0:
        start = index - 1
        if line.kind.is_heading:
            while start >= 0 and lines[start].kind is not line.kind:
                if lines[start].kind is Kind.SECTION:
                    return []  # a sub-section stays inside its section
                start -= 1
        if start < 0:
            return []
        return _block_moves(lines, block, start)
    after = block.stop
    if after >= len(lines) or (line.kind.is_heading and lines[after].kind is not line.kind):
        return []
    neighbour = block_range(lines, after) if line.kind.is_heading else range(after, after + 1)
    # The neighbour moves up above the line (or block): the same change, fewer ops.
    return _block_moves(lines, neighbour, index)


def landing(lines: Sequence[Line], heading_index: int) -> int:
    """Where a line moved to the heading at ``heading_index`` goes: after the
    last line of the heading's own content (up to the next heading of either
    level), before the plain notes that close it — a meeting's closing note
    stays last when a task moves into the last section."""
    end = heading_index + 1
    while end < len(lines) and not lines[end].kind.is_heading:
        end += 1
    while end > heading_index + 1 and lines[end - 1].kind is Kind.NOTE:
        end -= 1
    return end


def move_to_section(lines: Sequence[Line], line_ids: Iterable[str], heading_id: str) -> list[Op]:
    """Move lines of content (in their order) under the heading ``heading_id``;
    see :func:`landing`. Headings among ``line_ids`` and lines already directly
    under the heading stay where they are."""
    scratch = list(lines)
    _index(scratch, heading_id)  # KeyError for an unknown heading
    wanted = set(line_ids)
    moving: list[Line] = []
    under: str | None = None  # the heading the line being looked at sits under
    for line in scratch:
        if line.kind.is_heading:
            under = line.id
        elif line.id in wanted and under != heading_id:
            moving.append(line)
    ops: list[Op] = []
    previous: Line | None = None
    for line in moving:
        current = _index(scratch, line.id)
        if previous is None:
            to = landing(scratch, _index(scratch, heading_id))
        else:
            to = _index(scratch, previous.id) + 1  # right after the line moved before it
        destination = to - 1 if current < to else to
        previous = line
        if destination == current:
            continue
        ops.append(edits.move(line.id, destination))
        scratch.insert(destination, scratch.pop(current))
    return ops


def join_sentences(first: str, second: str) -> str:
    """Two lines' text as one: a clause mark between them unless the first
    already ends with one (". " before a capital, "; " otherwise)."""
    first, second = first.rstrip(), second.lstrip()
    if not first or not second:
        return first or second
    if first[-1] in CLAUSE_END:
        return f"{first} {second}"
    if second[0].isupper():
        return f"{first}. {second}"
    return f"{first}; {second}"


def merge(lines: Sequence[Line], line_id: str) -> list[Op]:
    """Merge the line with the next one (both content): the text joined by
    :func:`join_sentences`, owners united, the first deadline kept. Empty when
    the line is a heading or no line of content follows."""
    index = _index(lines, line_id)
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    if line.kind.is_heading or following is None or following.kind.is_heading:
        return []
    owners = list(dict.fromkeys(line.owners + following.owners))
    return [
        edits.update(line.id, text=join_sentences(line.text, following.text), owners=owners,
                     deadline=line.deadline or following.deadline),
        edits.delete(following.id),
    ]


def split(lines: Sequence[Line], line_id: str, first: str, second: str) -> list[Op]:
    """Split a line of content in two: it keeps ``first`` (and its tag, owners
    and deadline); ``second`` becomes a plain note right after it, to be tagged
    on its own. The clause mark at the cut (``;`` or ``,``, as a merge puts it)
    goes. Empty when either part is blank or the line is a heading."""
    index = _index(lines, line_id)
    line = lines[index]
    first, second = first.rstrip(SPLIT_MARKS), second.lstrip(SPLIT_MARKS)
    if line.kind.is_heading or not first or not second:
        return []
    return [edits.update(line.id, text=first), edits.insert(Line(Kind.NOTE, second), index + 1)]


def delete(lines: Sequence[Line], line_ids: Iterable[str]) -> list[Op]:
    """Delete the given lines (a heading goes alone: its lines join the block above)."""
    wanted = set(line_ids)
    return [edits.delete(line.id) for line in lines if line.id in wanted]
