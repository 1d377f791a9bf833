from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core import edits
from minutes_tui.core.edits import EditError, History
from minutes_tui.core.model import Kind, Line, Meeting


def meeting_with(*texts: str) -> Meeting:
    return Meeting(lines=[Line(Kind.NOTE, text) for text in texts])


def test_every_operation_has_an_inverse() -> None:
    meeting = meeting_with("a", "b", "c")
    before = meeting.to_dict()
    a, b, c = (line.id for line in meeting.lines)
    ops = [
        edits.update(b, kind=Kind.TASK, owners=["Văn phòng"], deadline="31/01"),
        edits.move(a, 2),
        edits.delete(c),
        edits.insert(Line(Kind.FINDING, "mới"), 0),
        edits.detail("place", "Hội trường"),
        edits.detail("attend", ["A", "B"]),
    ]
    inverse = edits.apply_all(meeting, ops)
    assert [line.text for line in meeting.lines] == ["mới", "b", "a"]
    assert meeting.get(b).kind is Kind.TASK
    assert meeting.details.attend == ["A", "B"]
    edits.apply_all(meeting, inverse)
    assert meeting.to_dict() == before


def test_failed_group_leaves_meeting_unchanged() -> None:
    meeting = meeting_with("a")
    before = meeting.to_dict()
    with pytest.raises(EditError):
        edits.apply_all(meeting, [edits.update(meeting.lines[0].id, text="x"), edits.delete("missing")])
    assert meeting.to_dict() == before


def test_undo_redo() -> None:
    meeting, history = meeting_with("a"), History()
    edits.do(meeting, history, [edits.insert(Line(Kind.TASK, "b"), 1)])
    assert edits.undo(meeting, history) and len(meeting.lines) == 1
    assert edits.redo(meeting, history) and meeting.lines[1].text == "b"
    assert not edits.redo(meeting, history)


@given(st.lists(st.tuples(st.sampled_from(["insert", "delete", "update", "move"]), st.integers(0, 10), st.text(max_size=5)), max_size=25))
def test_random_edit_sequences_undo_to_the_start(steps: list[tuple[str, int, str]]) -> None:
    meeting, history = meeting_with("a", "b"), History()
    start = copy.deepcopy(meeting.to_dict())
    for action, number, text in steps:
        ids = [line.id for line in meeting.lines]
        if action == "insert":
            op = edits.insert(Line(Kind.NOTE, text), number)
        elif not ids:
            continue
        elif action == "delete":
            op = edits.delete(ids[number % len(ids)])
        elif action == "update":
            op = edits.update(ids[number % len(ids)], text=text, kind=Kind.TASK)
        else:
            op = edits.move(ids[number % len(ids)], number)
        edits.do(meeting, history, [op])
    while edits.undo(meeting, history):
        pass
    assert meeting.to_dict() == start
