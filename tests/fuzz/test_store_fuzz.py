"""Store round-trip: random edit sequences (with undo/redo, folds and reopenings)
committed through :class:`MeetingStore` match an in-memory model after reopening."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core import edits
from minutes_tui.core.edits import EditError, History
from minutes_tui.core.model import DETAIL_FIELDS, LIST_DETAILS, Kind, Line, Meeting
from minutes_tui.store import Archive
from tests.fuzz.strategies import huge_line, storable_text

owners = st.lists(storable_text, max_size=4)
ACTIONS = ("insert", "insert", "insert", "delete", "update", "move", "detail", "multi", "bad",
           "undo", "undo", "redo", "fold", "reopen")


def _norm(value):
    return json.loads(json.dumps(value, ensure_ascii=False))


def _draw_op(data, meeting: Meeting) -> dict:
    kind = data.draw(st.sampled_from(("insert", "delete", "update", "move", "detail")) if meeting.lines
                     else st.sampled_from(("insert", "detail")))
    if kind == "insert":
        line = Line(data.draw(st.sampled_from(list(Kind))), data.draw(storable_text), data.draw(owners),
                    data.draw(storable_text))
        return edits.insert(line, data.draw(st.integers(-2, len(meeting.lines) + 2)))
    if kind == "detail":
        name = data.draw(st.sampled_from(DETAIL_FIELDS))
        value = data.draw(owners) if name in LIST_DETAILS else data.draw(storable_text)
        return edits.detail(name, value)
    target = data.draw(st.sampled_from(meeting.lines)).id
    if kind == "delete":
        return edits.delete(target)
    if kind == "move":
        return edits.move(target, data.draw(st.integers(0, len(meeting.lines))))
    field = data.draw(st.sampled_from(("kind", "text", "owners", "deadline")))
    value = {"kind": st.sampled_from([k.value for k in Kind]), "owners": owners}.get(field, storable_text)
    return edits.update(target, **{field: data.draw(value)})


class Model:
    def __init__(self, meeting: Meeting) -> None:
        self.meeting = Meeting.from_dict(meeting.to_dict())
        self.history = History()

    def apply(self, ops) -> None:
        scratch = Meeting.from_dict(self.meeting.to_dict())
        edits.apply_all(scratch, ops)  # raises EditError like the store; model unchanged then
        edits.do(self.meeting, self.history, ops)


def _same(store, model: Model) -> None:
    assert _norm(store.meeting.to_dict()) == _norm(model.meeting.to_dict())
    assert _norm(store.history.to_dict()) == _norm(model.history.to_dict())


@given(st.data())
def test_random_edits_survive_reopen(data) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        archive = Archive(root).open()
        store = archive.create()
        model = Model(store.meeting)
        for _ in range(data.draw(st.integers(1, 25))):
            action = data.draw(st.sampled_from(ACTIONS))
            if action in ("insert", "delete", "update", "move", "detail", "multi"):
                count = data.draw(st.integers(2, 4)) if action == "multi" else 1
                scratch = Meeting.from_dict(model.meeting.to_dict())
                ops = []
                for _ in range(count):
                    op = _draw_op(data, scratch)
                    edits.apply(scratch, op)
                    ops.append(op)
                model.apply(ops)
                store.commit(_norm(ops))
            elif action == "bad":
                before = _norm(store.meeting.to_dict())
                with pytest.raises(EditError):
                    store.commit([edits.insert(Line(Kind.NOTE, "x"), 0), edits.delete("no-such-line")])
                assert _norm(store.meeting.to_dict()) == before
            elif action == "undo":
                assert store.undo() == edits.undo(model.meeting, model.history)
            elif action == "redo":
                assert store.redo() == edits.redo(model.meeting, model.history)
            elif action == "fold":
                archive.checkpoint(store)
            else:  # reopen, half the time without folding (as after a kill)
                meeting_id = store.id
                if data.draw(st.booleans()):
                    store.close()
                else:
                    store._journal.close()
                    store._journal = store._db = None
                archive.close()
                archive = Archive(root).open()
                store = archive.open_meeting(meeting_id)
            _same(store, model)
        meeting_id = store.id
        store._journal.close()  # as a kill would leave it
        store._journal = store._db = None
        archive.close()
        with Archive(root) as archive:
            reopened = archive.open_meeting(meeting_id)
            _same(reopened, model)
            reopened.close()
        with Archive(root, readonly=True) as archive:
            _same(archive.open_meeting(meeting_id), model)


def test_huge_line_and_thousands_of_owners_round_trip(tmp_path: Path) -> None:
    owners_list = [f"Phòng {i} — Thị uỷ" for i in range(3000)]
    with Archive(tmp_path) as archive:
        store = archive.create()
        store.commit([edits.insert(Line(Kind.TASK, huge_line(), owners_list, "31/12/2025"), 0)])
        meeting_id = store.id
        archive.checkpoint(store)
        store.close()
    with Archive(tmp_path) as archive:
        line = archive.open_meeting(meeting_id).meeting.lines[0]
        assert line.text == huge_line() and line.owners == owners_list
        assert len(archive.directory.owners) == 3000


def test_unencodable_text_is_refused_without_change(tmp_path: Path) -> None:
    """A lone surrogate cannot be written as UTF-8: the commit fails, nothing changes."""
    with Archive(tmp_path) as archive:
        store = archive.create()
        store.commit([edits.insert(Line(Kind.NOTE, "trước"), 0)])
        size = store.journal_path.stat().st_size
        with pytest.raises(ValueError):
            store.commit([edits.insert(Line(Kind.NOTE, "hỏng \ud800"), 1)])
        assert [l.text for l in store.meeting.lines] == ["trước"]
        assert store.journal_path.stat().st_size == size
        store.close()
