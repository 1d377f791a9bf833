"""The tracker's entries and filters: order, each filter alone and together, counts, bodies."""

from __future__ import annotations

from datetime import date

import pytest

from minutes_tui.core.followup import FollowUp, Status
from minutes_tui.core.periods import month, quarter
from minutes_tui.core.tasks import STATE_FILTERS, State, Task
from minutes_tui.core.tracker import (
    FILTER_ORDER,
    TrackerFilter,
    at_hand,
    bodies,
    entries,
    select,
    state_counts,
)

DAY = date(2027, 3, 15)
WINDOW = 7


def task(task_id: str, text: str, owners: tuple[str, ...] = (), deadline: str = "", *, given: date = date(2027, 2, 1),
         body: str = "UBND xã Tân Hòa", followup: FollowUp | None = None) -> Task:
    return Task(id=task_id, meeting=f"m-{given.isoformat()}", text=text, owners=owners, deadline=deadline,
                meeting_date=given, body=body, followup=followup or FollowUp())


TASKS = [
    task("in-time", "Lập kế hoạch chuyển đổi số", ("Văn phòng HĐND và UBND xã",), "30/04/2027"),
    task("overdue-2", "Kiểm kê đất công", ("Công chức Địa chính", "Thị uỷ"), "13/03/2027"),
    task("soon", "Báo cáo giải ngân vốn đầu tư công", ("Phòng Kinh tế",), "20/03/2027"),
    task("none", "Theo dõi an ninh trật tự thường xuyên", ("Công an xã",), body="Thường trực HĐND xã"),
    task("overdue-10", "Rà soát hộ nghèo", ("Văn phòng HĐND và UBND xã",), "05/03/2027"),
    task("done", "Tổ chức hội nghị cán bộ", ("Văn phòng HĐND và UBND xã",), "10/03/2027",
         followup=FollowUp(status=Status.DONE, status_date=date(2027, 3, 9))),
    task("paused", "Sửa chữa trụ sở", ("Ban Quản lý dự án",), "30/06/2027",
         followup=FollowUp(status=Status.PAUSED, status_date=date(2027, 3, 1))),
    task("cancelled", "Mua sắm xe chuyên dùng", ("Văn phòng HĐND và UBND xã",), "31/03/2027",
         followup=FollowUp(status=Status.CANCELLED, status_date=date(2027, 3, 2))),
    task("december", "Tổng kết năm", ("Văn phòng HĐND và UBND xã",), "31/12/2026", given=date(2026, 11, 20),
         followup=FollowUp(status=Status.DONE, status_date=date(2026, 12, 28))),
]


@pytest.fixture(scope="module")
def listed():
    return entries(TASKS, DAY, WINDOW)


def ids(items) -> list[str]:
    return [item.id for item in items]


def test_overdue_first_most_late_first_finished_last(listed) -> None:
    assert ids(listed) == ["overdue-10", "overdue-2", "soon", "in-time", "none", "paused", "december", "done",
                           "cancelled"]
    assert [item.state for item in listed[:3]] == ["overdue", "overdue", "due_soon"]
    assert [item.open for item in listed] == [True] * 6 + [False] * 3


def test_no_filter_keeps_the_same_list(listed) -> None:
    assert select(listed, TrackerFilter()) is listed
    assert not TrackerFilter().active and TrackerFilter(state="open").active


@pytest.mark.parametrize(("chosen", "expected"), [
    (TrackerFilter(state="open"), ["overdue-10", "overdue-2", "soon", "in-time", "none", "paused"]),
    (TrackerFilter(state="overdue"), ["overdue-10", "overdue-2"]),
    (TrackerFilter(state="done_on_time"), ["december", "done"]),
    (TrackerFilter(state="cancelled"), ["cancelled"]),
    # any owner, accents, case and tone placement ignored (Thị uỷ / thi ủy)
    (TrackerFilter(owner="thi ủy"), ["overdue-2"]),
    (TrackerFilter(owner="VĂN PHÒNG"), ["overdue-10", "in-time", "december", "done", "cancelled"]),
    (TrackerFilter(body="thường trực hđnd xã"), ["none"]),
    (TrackerFilter(body="UBND xã"), []),  # a body is matched whole, not as a part of another
    (TrackerFilter(text="kiem ke dat"), ["overdue-2"]),
    (TrackerFilter(text="tan hoa"), ["overdue-10", "overdue-2", "soon", "in-time", "paused", "december", "done",
                                     "cancelled"]),  # the body is searched too
    (TrackerFilter(text="20/03/2027"), ["soon"]),  # and the deadline as typed
    # a period keeps what was being carried out in it: given before its end, not finished before its start
    (TrackerFilter(period=month(2027, 1)), []),
    (TrackerFilter(period=month(2026, 12)), ["december"]),
    (TrackerFilter(period=quarter(2027, 1)), ["overdue-10", "overdue-2", "soon", "in-time", "none", "paused",
                                              "done", "cancelled"]),
    (TrackerFilter(state="open", owner="van phong", text="ho ngheo"), ["overdue-10"]),
])
def test_each_filter_and_together(listed, chosen: TrackerFilter, expected: list[str]) -> None:
    assert ids(select(listed, chosen)) == expected


def test_counts_for_the_state_picker(listed) -> None:
    counts = state_counts(listed)
    assert list(counts) == list(FILTER_ORDER)
    assert counts["all"] == 9 and counts["open"] == 6
    assert counts[State.OVERDUE.value] == 2 and counts[State.DONE_ON_TIME.value] == 2
    assert counts[State.DONE_LATE.value] == 0


def test_filter_order_offers_every_state_filter() -> None:
    assert sorted(FILTER_ORDER) == sorted(STATE_FILTERS)
    assert FILTER_ORDER[:3] == ("all", "open", "overdue")


def test_bodies_most_tasks_first_as_first_written() -> None:
    more = [*TASKS, task("x", "Việc khác", body="UBND XÃ TÂN HOÀ"), task("y", "Việc không cơ quan", body="")]
    assert bodies(entries(more, DAY, WINDOW)) == [("UBND xã Tân Hòa", 9), ("Thường trực HĐND xã", 1)]


def test_the_window_decides_what_is_due_soon() -> None:
    wide = entries(TASKS, DAY, 20)
    assert {item.id: item.state for item in wide}["soon"] == "due_soon"
    assert {item.id: item.state for item in entries(TASKS, DAY, 4)}["soon"] == "in_time"


def test_at_hand_during_a_meeting_open_tasks_of_the_same_body(listed) -> None:
    same_body = at_hand(listed, meeting="m-today", body="ubnd xa tan hoa")
    assert ids(same_body) == ["overdue-10", "overdue-2", "soon", "in-time", "paused"]
    assert ids(at_hand(listed, meeting="m-2027-02-01", body="UBND xã Tân Hòa")) == []  # its own tasks are not
    assert ids(at_hand(listed, meeting="m-today", body="")) == [
        "overdue-10", "overdue-2", "soon", "in-time", "none", "paused"]  # no body yet: every open task
