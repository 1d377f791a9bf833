"""Follow-up as edits of the meeting: each op has an exact inverse, goes through History, and serialises."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_tui.core import edits, followup
from minutes_tui.core.edits import EditError, History
from minutes_tui.core.followup import (
    DeadlineChange,
    FollowUp,
    MeetingRef,
    ProgressNote,
    Status,
)
from minutes_tui.core.model import Kind, Line, Meeting


def meeting_with_tasks() -> Meeting:
    return Meeting(lines=[
        Line(Kind.SECTION, "Nhiệm vụ"),
        Line(Kind.TASK, "Rà soát hộ nghèo", ["Công chức Lao động"], "28/02/2027"),
        Line(Kind.DECISION, "Giao tổ chức Tết trồng cây", ["Đoàn xã"]),
        Line(Kind.NOTE, "ghi chú"),
    ])


def test_changes_on_a_task_with_nothing_recorded_undo_to_nothing() -> None:
    meeting = meeting_with_tasks()
    task = meeting.lines[1].id
    before = copy.deepcopy(meeting.to_dict())
    inverse = edits.apply(meeting, followup.changes(task, status=Status.DONE, status_date=date(2027, 2, 20)))
    assert meeting.followup[task].status is Status.DONE
    assert meeting.followup[task].done_date == date(2027, 2, 20)
    assert inverse == {"op": "followup", "task": task, "record": None}
    edits.apply(meeting, inverse)
    assert task not in meeting.followup
    assert meeting.to_dict() == before
    assert "followup" not in meeting.to_dict()  # absent means nothing recorded yet


def test_changes_on_an_existing_record_return_the_old_values() -> None:
    meeting = meeting_with_tasks()
    task = meeting.lines[1].id
    edits.apply(meeting, followup.changes(task, status=Status.IN_PROGRESS, status_date=date(2027, 2, 1)))
    inverse = edits.apply(meeting, followup.changes(task, status="done", status_date="2027-02-20", result="Xong"))
    assert inverse == {"op": "followup", "task": task,
                       "changes": {"status": "in_progress", "status_date": "2027-02-01", "result": ""}}


def test_lists_insert_and_remove_at_an_index() -> None:
    meeting = meeting_with_tasks()
    task = meeting.lines[1].id
    first = ProgressNote(date(2027, 1, 20), "Đã lập danh sách")
    second = ProgressNote(date(2027, 2, 1), "Đã thẩm định")
    edits.apply(meeting, followup.add(task, "progress", first))
    inverse = edits.apply(meeting, followup.add(task, "progress", second))
    assert inverse == followup.remove(task, "progress", 1)
    third = ProgressNote(date(2027, 1, 25), "Ghi bổ sung")
    assert edits.apply(meeting, followup.add(task, "progress", third, 1)) == followup.remove(task, "progress", 1)
    assert meeting.followup[task].progress == [first, third, second]
    edits.apply(meeting, followup.remove(task, "progress", 1))
    back = edits.apply(meeting, followup.remove(task, "progress", 0))
    assert meeting.followup[task].progress == [second]
    assert back == followup.add(task, "progress", first, 0)
    edits.apply(meeting, back)
    assert meeting.followup[task].progress == [first, second]


@pytest.mark.parametrize(
    "op",
    [
        {"op": "followup", "task": "missing", "changes": {"status": "done"}},
        {"op": "followup", "task": "{task}", "changes": {"colour": "red"}},
        {"op": "followup", "task": "{task}", "changes": {"status": "finished"}},
        {"op": "followup", "task": "{task}", "changes": {"status_date": "31/02/2027"}},
        {"op": "followup", "task": "{task}", "changes": {"result": 5}},
        {"op": "followup", "task": "{task}", "changes": {"status": "done", "status_date": "not a date"}},
        {"op": "followup", "task": "{task}", "record": {"status": "nope"}},
        {"op": "followup_add", "task": "{task}", "list": "colours", "item": {}},
        {"op": "followup_add", "task": "{task}", "list": "progress", "item": {"text": "no date"}},
        {"op": "followup_add", "task": "{task}", "list": "meetings", "item": {"meeting": "x", "role": "chaired"}},
        {"op": "followup_remove", "task": "{task}", "list": "progress", "index": 0},
        {"op": "followup_remove", "task": "{task}", "list": "progress", "index": 5},
    ],
)
def test_bad_ops_raise_edit_error_and_change_nothing(op: dict[str, object]) -> None:
    meeting = meeting_with_tasks()
    task = meeting.lines[1].id
    if op.get("index") == 5:  # a record exists, the index does not
        edits.apply(meeting, followup.add(task, "progress", ProgressNote(date(2027, 1, 1), "a")))
    before = copy.deepcopy(meeting.to_dict())
    op = json.loads(json.dumps(op).replace("{task}", task))
    with pytest.raises(EditError):
        edits.apply(meeting, op)
    assert meeting.to_dict() == before


def test_a_failed_group_is_undone_whole() -> None:
    meeting = meeting_with_tasks()
    task = meeting.lines[1].id
    before = copy.deepcopy(meeting.to_dict())
    with pytest.raises(EditError):
        edits.apply_all(meeting, [followup.changes(task, status=Status.DONE, status_date=date(2027, 2, 1)),
                                  followup.changes("missing", status=Status.DONE)])
    assert meeting.to_dict() == before


def test_followup_survives_to_dict_from_dict_and_json() -> None:
    meeting = meeting_with_tasks()
    task = meeting.lines[2].id
    edits.apply_all(meeting, [
        followup.changes(task, status=Status.DONE, status_date=date(2027, 3, 1), result="Đã tổ chức",
                         notice="05/TB-UBND", notice_date=date(2027, 2, 3)),
        followup.add(task, "deadlines", DeadlineChange(date(2027, 2, 10), "15/03/2027", "thời tiết", "")),
        followup.add(task, "meetings", MeetingRef("m2", date(2027, 3, 5), followup.CARRIED)),
    ])
    data = json.loads(json.dumps(meeting.to_dict(), ensure_ascii=False))
    again = Meeting.from_dict(data)
    assert again.followup[task] == meeting.followup[task]
    assert again.followup[task].meetings[0].role == "carried"
    assert data["followup"][task]["deadlines"][0] == {"date": "2027-02-10", "deadline": "15/03/2027",
                                                       "reason": "thời tiết", "previous": ""}


def test_undo_and_redo_through_history() -> None:
    meeting, history = meeting_with_tasks(), History()
    task = meeting.lines[1].id
    edits.do(meeting, history, [followup.add(task, "progress", ProgressNote(date(2027, 1, 5), "Bắt đầu")),
                                followup.changes(task, status=Status.IN_PROGRESS, status_date=date(2027, 1, 5))])
    edits.do(meeting, history, [followup.changes(task, status=Status.DONE, status_date=date(2027, 2, 1))])
    assert edits.undo(meeting, history)
    assert meeting.followup[task].status is Status.IN_PROGRESS
    assert edits.undo(meeting, history)
    assert task not in meeting.followup
    assert edits.redo(meeting, history) and edits.redo(meeting, history)
    assert meeting.followup[task].status is Status.DONE
    assert meeting.followup[task].progress == [ProgressNote(date(2027, 1, 5), "Bắt đầu")]


def test_deleting_the_line_keeps_its_record_for_undo() -> None:
    meeting, history = meeting_with_tasks(), History()
    task = meeting.lines[1].id
    edits.do(meeting, history, [followup.changes(task, status=Status.DONE, status_date=date(2027, 2, 1))])
    edits.do(meeting, history, [edits.delete(task)])
    assert task in meeting.followup
    with pytest.raises(EditError):  # no new follow-up on a line that is gone
        edits.apply(meeting, followup.changes(task, result="x"))
    assert edits.undo(meeting, history) and edits.undo(meeting, history)
    assert task not in meeting.followup


# -- property: any sequence of follow-up ops, then their inverses, gives the meeting back exactly ----
dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
scalar_changes = st.fixed_dictionaries({}, optional={
    "status": st.sampled_from([status.value for status in Status]),
    "status_date": st.one_of(st.none(), dates.map(date.isoformat)),
    "result": texts,
    "notice": texts,
    "notice_date": st.one_of(st.none(), dates.map(date.isoformat)),
})
items = {
    "progress": st.builds(ProgressNote, dates, texts),
    "deadlines": st.builds(DeadlineChange, dates, texts, texts, texts),
    "meetings": st.builds(MeetingRef, texts, st.one_of(st.none(), dates), st.sampled_from(followup.MEETING_ROLES)),
}
steps = st.lists(
    st.one_of(
        st.tuples(st.just("changes"), st.integers(0, 2), scalar_changes),
        st.tuples(st.just("add"), st.integers(0, 2),
                  st.sampled_from(list(items)).flatmap(lambda name: st.tuples(st.just(name), items[name], st.integers(-1, 2)))),
        st.tuples(st.just("remove"), st.integers(0, 2), st.tuples(st.sampled_from(list(items)), st.integers(0, 4))),
        st.tuples(st.just("record"), st.integers(0, 2), st.booleans()),
    ),
    max_size=30,
)


def step_op(meeting: Meeting, action: str, which: int, payload: object) -> dict[str, object] | None:
    tasks = [line.id for line in meeting.lines if line.kind in (Kind.TASK, Kind.DECISION)]
    task = tasks[which % len(tasks)]
    record = meeting.followup.get(task)
    if action == "changes":
        assert isinstance(payload, dict)
        return followup.changes(task, **payload)
    if action == "add":
        name, item, index = payload  # type: ignore[misc]
        return followup.add(task, name, item, None if index < 0 else index)
    if action == "remove":
        name, index = payload  # type: ignore[misc]
        if record is None or not getattr(record, name):
            return None
        return followup.remove(task, name, index % len(getattr(record, name)))
    return followup.replace(task, None if payload else FollowUp(result="thay cả bản ghi"))


@settings(max_examples=300)  # cheap (~1 ms an example); fewer missed an inverse at the wrong index
@given(steps)
def test_any_followup_sequence_then_its_inverses_gives_the_meeting_back(sequence: list[tuple[str, int, object]]) -> None:
    meeting = meeting_with_tasks()
    states = [copy.deepcopy(meeting.to_dict())]
    inverses = []
    for action, which, payload in sequence:
        op = step_op(meeting, action, which, payload)
        if op is None:
            continue
        json.dumps(op)  # every op is JSON-ready, as the journal needs
        inverse = edits.apply(meeting, op)
        json.dumps(inverse)
        inverses.append(inverse)
        states.append(copy.deepcopy(meeting.to_dict()))
    # the state is what a reload would give (journal replay and checkpoint both go through JSON)
    assert Meeting.from_dict(json.loads(json.dumps(meeting.to_dict()))).to_dict() == meeting.to_dict()
    for inverse, expected in zip(reversed(inverses), reversed(states[:-1])):
        edits.apply(meeting, inverse)
        assert meeting.to_dict() == expected
    assert meeting.to_dict() == states[0]


@settings(max_examples=300)
@given(steps)
def test_any_followup_sequence_undoes_and_redoes_through_history(sequence: list[tuple[str, int, object]]) -> None:
    meeting, history = meeting_with_tasks(), History()
    states = [copy.deepcopy(meeting.to_dict())]
    for action, which, payload in sequence:
        op = step_op(meeting, action, which, payload)
        if op is not None:
            edits.do(meeting, history, [op])
            states.append(copy.deepcopy(meeting.to_dict()))
    for expected in reversed(states[:-1]):  # every single undo lands on the state before its edit
        assert edits.undo(meeting, history)
        assert meeting.to_dict() == expected
    assert not edits.undo(meeting, history)
    for expected in states[1:]:
        assert edits.redo(meeting, history)
        assert meeting.to_dict() == expected
