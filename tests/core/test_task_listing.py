"""``tasks --json`` from pre-rendered entries: the same text, in the same order, as the
tasks' own JSON sorted by ``sort_key``, on any day — before, on and after their records."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_tui.core.followup import DeadlineChange, FollowUp, ProgressNote, Status
from minutes_tui.core.task_listing import listing_json, order_key, sheet_of
from minutes_tui.core.tasks import MeetingHead, Task, sort_key, state_on, task_json
from minutes_tui.core.text import fold

START = date(2026, 1, 5)
days = st.integers(min_value=0, max_value=400).map(lambda n: START + timedelta(days=n))
deadlines = st.one_of(st.just(""), days.map(lambda d: d.strftime("%d/%m/%Y")),
                      st.sampled_from(["tháng 5", "quý III/2026", "cuối năm", "sớm nhất có thể"]))
names = st.sampled_from(["Phòng Kinh tế", "Công an xã", "Ban Dân vận", "Văn phòng HĐND và UBND", "Đoàn Thanh niên"])


@st.composite
def records(draw: st.DrawFn) -> FollowUp:
    status = draw(st.sampled_from(list(Status)))
    return FollowUp(
        status=status,
        status_date=draw(st.none() | days) if status is not Status.NOT_STARTED else None,
        result=draw(st.sampled_from(["", "Đã xong"])),
        notice=draw(st.sampled_from(["", "05/TB-UBND"])),
        progress=[ProgressNote(day, 'Đã họp "tổ"\tlần 1') for day in draw(st.lists(days, max_size=2))],
        deadlines=[DeadlineChange(day, text) for day, text in draw(st.lists(st.tuples(days, deadlines), max_size=2))],
    )


@st.composite
def sheets(draw: st.DrawFn) -> list[tuple[MeetingHead, list[Task]]]:
    drawn = []
    for number in range(draw(st.integers(min_value=1, max_value=4))):
        day = draw(st.none() | days)
        head = MeetingHead(f"m{number}", day, "UBND xã Tân Hòa", "Giao ban")
        tasks = [Task(id=f"m{number}-t{order}", meeting=head.id, text=draw(st.sampled_from(["Rà soát", "Kiểm tra \\ \"x\""])),
                      owners=tuple(draw(st.lists(names, max_size=3, unique=True))), deadline=draw(deadlines),
                      meeting_date=day, created=draw(days), body=head.body, meeting_title=head.title, order=order,
                      followup=draw(st.just(FollowUp()) | records()))
                 for order in range(draw(st.integers(min_value=0, max_value=6)))]
        drawn.append((head, tasks))
    return drawn


def expected(drawn: list[tuple[MeetingHead, list[Task]]], day: date, state: str = "all", owner: str = "") -> str:
    listed = []
    for _head, tasks in drawn:
        for task in tasks:
            standing = state_on(task, day)
            if state == "open" and not standing.open or state not in ("open", "all") and standing.state.value != state:
                continue
            if owner and not any(owner in fold(name) for name in task.owners):
                continue
            listed.append((sort_key(task, standing), task_json(task, standing)))
    listed.sort(key=lambda item: item[0])
    return json.dumps([item for _key, item in listed], ensure_ascii=False)


@settings(max_examples=150, deadline=None)
@given(sheets(), days, st.sampled_from(["all", "open", "overdue", "due_soon", "no_deadline", "done_late", "paused"]),
       st.sampled_from(["", "kinh te", "ban"]))
def test_the_listing_is_the_sorted_json_of_the_tasks(drawn, day, state, owner) -> None:
    listed = listing_json([sheet for _head, tasks in drawn if (sheet := sheet_of(tasks))], day, state=state, wanted=owner)
    assert listed.decode() == expected(drawn, day, state, owner)


@settings(max_examples=200, deadline=None)
@given(sheets(), days)
def test_order_keys_sort_as_sort_key(drawn, day) -> None:
    tasks = [task for _head, group in drawn for task in group]
    by_text = sorted(tasks, key=lambda task: order_key(task, state_on(task, day)))
    assert by_text == sorted(tasks, key=lambda task: sort_key(task, state_on(task, day)))


def test_an_open_task_keeps_its_key_on_every_day() -> None:
    """Its place among open tasks depends on the deadline only: what lets the key be written once."""
    task = Task(id="t", meeting="m", text="Rà soát", deadline="20/03/2026", meeting_date=START, created=START)
    assert {order_key(task, state_on(task, START + timedelta(days=n))) for n in (0, 60, 80, 200)} == \
           {f"02026-03-20 {START.isoformat()} m 000000000"}


def test_closed_tasks_keep_sort_keys_order_most_days_late_first() -> None:
    def done(task_id: str, deadline: str, on: date, status: Status = Status.DONE) -> Task:
        return Task(id=task_id, meeting="m", text="Báo cáo", deadline=deadline, meeting_date=START, created=START,
                    order=int(task_id[1:]), followup=FollowUp(status=status, status_date=on))
    tasks = [done("t0", "10/02/2026", date(2026, 2, 12)), done("t1", "10/02/2026", date(2026, 3, 30)),
             done("t2", "01/02/2026", date(2026, 2, 20)), done("t3", "", date(2026, 2, 2)),
             done("t4", "01/03/2026", date(2026, 2, 2), Status.PAUSED), done("t5", "", date(2026, 2, 2), Status.CANCELLED),
             Task(id="t6", meeting="m", text="Mở", deadline="01/01/2026", meeting_date=START, created=START, order=6)]
    day = date(2026, 4, 1)
    by_text = [task.id for task in sorted(tasks, key=lambda task: order_key(task, state_on(task, day)))]
    assert by_text == [task.id for task in sorted(tasks, key=lambda task: sort_key(task, state_on(task, day)))]
    assert by_text == ["t6", "t4", "t1", "t2", "t0", "t3", "t5"]
