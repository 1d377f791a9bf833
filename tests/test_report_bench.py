"""The report bench's tasks are real register tasks (it broke silently once when the
index format changed): every state it means to cover comes out of them."""

from __future__ import annotations

from datetime import date

from bench.report import index_entries, task
from minutes_tui.core.tasks import State, state_on


def test_the_bench_tasks_cover_every_kind_of_record() -> None:
    tasks = [task(entry) for entry in index_entries(120)]
    states = {state_on(one, date(2026, 12, 31)).state for one in tasks}
    assert {State.DONE_ON_TIME, State.OVERDUE, State.PAUSED} <= states
    assert any(one.followup.deadlines for one in tasks) and any(one.followup.progress for one in tasks)
