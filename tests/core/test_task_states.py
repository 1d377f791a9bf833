"""States of a task on a given day: every edge written out by hand (DESIGN.md "Follow-up across meetings")."""

from __future__ import annotations

from datetime import date

import pytest

from minutes_tui import i18n
from minutes_tui.core.followup import STATUS_VI, DeadlineChange, FollowUp, Status
from minutes_tui.core.model import Kind
from minutes_tui.core.tasks import (
    Standing,
    State,
    Task,
    state_label,
    state_on,
    state_text,
    status_label,
)

D = date
MEETING = date(2026, 11, 10)


def task(deadline: str, meeting: date | None = MEETING, followup: FollowUp | None = None) -> Task:
    return Task(id="t1", meeting="m1", text="Rà soát hồ sơ", kind=Kind.TASK, owners=("Văn phòng",),
                deadline=deadline, meeting_date=meeting, created=D(2026, 1, 2), followup=followup or FollowUp())


def done(on: date) -> FollowUp:
    return FollowUp(status=Status.DONE, status_date=on)


# (deadline typed, meeting date, follow-up, day asked, expected standing)
CASES: list[tuple[str, str, date | None, FollowUp | None, date, Standing]] = [
    # a month counts to its last day: tháng 11/2026 → 30/11/2026
    ("day before", "tháng 11/2026", D(2026, 11, 10), None, D(2026, 11, 29), Standing(State.DUE_SOON, D(2026, 11, 30), 0, 1)),
    ("deadline day", "tháng 11/2026", D(2026, 11, 10), None, D(2026, 11, 30), Standing(State.DUE_SOON, D(2026, 11, 30), 0, 0)),
    ("day after", "tháng 11/2026", D(2026, 11, 10), None, D(2026, 12, 1), Standing(State.OVERDUE, D(2026, 11, 30), 1)),
    ("window edge: 7 days left", "tháng 11/2026", D(2026, 11, 10), None, D(2026, 11, 23), Standing(State.DUE_SOON, D(2026, 11, 30), 0, 7)),
    ("window edge: 8 days left", "tháng 11/2026", D(2026, 11, 10), None, D(2026, 11, 22), Standing(State.IN_TIME, D(2026, 11, 30), 0, 8)),
    # a quarter counts to its last day: quý IV/2026 → 31/12/2026; days late run across New Year
    ("quarter's last day", "quý IV/2026", D(2026, 10, 5), None, D(2026, 12, 31), Standing(State.DUE_SOON, D(2026, 12, 31), 0, 0)),
    ("quarter, next year", "quý IV/2026", D(2026, 10, 5), None, D(2027, 1, 10), Standing(State.OVERDUE, D(2026, 12, 31), 10)),
    # "trước 10/01/2027" → 10/01/2027
    ("trước, on the day", "trước 10/01/2027", D(2026, 12, 1), None, D(2027, 1, 10), Standing(State.DUE_SOON, D(2027, 1, 10), 0, 0)),
    ("trước, the day after", "trước 10/01/2027", D(2026, 12, 1), None, D(2027, 1, 11), Standing(State.OVERDUE, D(2027, 1, 10), 1)),
    # done on, before and after the deadline day
    ("done on the day", "tháng 11/2026", D(2026, 11, 10), done(D(2026, 11, 30)), D(2026, 12, 20), Standing(State.DONE_ON_TIME, D(2026, 11, 30))),
    ("done the day before", "tháng 11/2026", D(2026, 11, 10), done(D(2026, 11, 29)), D(2026, 12, 20), Standing(State.DONE_ON_TIME, D(2026, 11, 30))),
    ("done the day after", "tháng 11/2026", D(2026, 11, 10), done(D(2026, 12, 1)), D(2026, 12, 20), Standing(State.DONE_LATE, D(2026, 11, 30), 1)),
    ("done, asked on the done day", "tháng 11/2026", D(2026, 11, 10), done(D(2026, 12, 5)), D(2026, 12, 5), Standing(State.DONE_LATE, D(2026, 11, 30), 5)),
    # a status set after the day asked about is not in force yet
    ("done later than asked", "tháng 11/2026", D(2026, 11, 10), done(D(2026, 12, 5)), D(2026, 12, 2), Standing(State.OVERDUE, D(2026, 11, 30), 2)),
    ("done without a deadline", "", D(2026, 11, 10), done(D(2026, 12, 5)), D(2026, 12, 6), Standing(State.DONE_ON_TIME)),
    # year-less phrases around New Year, read against the meeting date
    ("15/01 said on 20/12", "15/01", D(2026, 12, 20), None, D(2027, 1, 1), Standing(State.IN_TIME, D(2027, 1, 15), 0, 14)),
    ("15/01 said on 20/12, day after", "15/01", D(2026, 12, 20), None, D(2027, 1, 16), Standing(State.OVERDUE, D(2027, 1, 15), 1)),
    ("quý I said on 20/12", "quý I", D(2026, 12, 20), None, D(2026, 12, 21), Standing(State.IN_TIME, D(2027, 3, 31), 0, 100)),
    ("31/12 said on 05/01", "31/12", D(2027, 1, 5), None, D(2027, 1, 6), Standing(State.IN_TIME, D(2027, 12, 31), 0, 359)),
    ("20/12 said on 20/12", "20/12", D(2026, 12, 20), None, D(2026, 12, 21), Standing(State.OVERDUE, D(2026, 12, 20), 1)),
    # leap years
    ("29/02 said on 20/12/2027", "29/02", D(2027, 12, 20), None, D(2028, 2, 28), Standing(State.DUE_SOON, D(2028, 2, 29), 0, 1)),
    ("leap day itself", "29/02", D(2027, 12, 20), None, D(2028, 2, 29), Standing(State.DUE_SOON, D(2028, 2, 29), 0, 0)),
    ("day after the leap day", "29/02", D(2027, 12, 20), None, D(2028, 3, 1), Standing(State.OVERDUE, D(2028, 2, 29), 1)),
    ("February of a leap year", "tháng 02/2028", D(2028, 1, 3), None, D(2028, 3, 1), Standing(State.OVERDUE, D(2028, 2, 29), 1)),
    ("February of a common year", "tháng 02/2027", D(2027, 1, 3), None, D(2027, 3, 1), Standing(State.OVERDUE, D(2027, 2, 28), 1)),
    ("done on the leap day", "29/02/2028", D(2028, 1, 3), done(D(2028, 2, 29)), D(2028, 3, 5), Standing(State.DONE_ON_TIME, D(2028, 2, 29))),
    ("done 366 days late", "28/02/2028", D(2028, 1, 3), done(D(2029, 2, 28)), D(2029, 3, 5), Standing(State.DONE_LATE, D(2028, 2, 28), 366)),
    # no deadline, or words that are not a day
    ("no deadline", "", D(2026, 11, 10), None, D(2030, 1, 1), Standing(State.NO_DEADLINE)),
    ("thường xuyên", "thường xuyên", D(2026, 11, 10), None, D(2030, 1, 1), Standing(State.NO_DEADLINE)),
    # paused and cancelled win over lateness while in force
    ("paused past the deadline", "tháng 11/2026", D(2026, 11, 10), FollowUp(status=Status.PAUSED, status_date=D(2026, 11, 15)), D(2026, 12, 20), Standing(State.PAUSED, D(2026, 11, 30))),
    ("paused later than asked", "tháng 11/2026", D(2026, 11, 10), FollowUp(status=Status.PAUSED, status_date=D(2026, 11, 15)), D(2026, 11, 14), Standing(State.IN_TIME, D(2026, 11, 30), 0, 16)),
    ("cancelled", "tháng 11/2026", D(2026, 11, 10), FollowUp(status=Status.CANCELLED, status_date=D(2026, 11, 20)), D(2026, 12, 20), Standing(State.CANCELLED, D(2026, 11, 30))),
    ("in progress is still open", "tháng 11/2026", D(2026, 11, 10), FollowUp(status=Status.IN_PROGRESS, status_date=D(2026, 11, 12)), D(2026, 12, 2), Standing(State.OVERDUE, D(2026, 11, 30), 2)),
    # a meeting without a date: the day the line was typed (02/01/2026) supplies the year
    ("no meeting date", "15/03", None, None, D(2026, 3, 16), Standing(State.OVERDUE, D(2026, 3, 15), 1)),
]


@pytest.mark.parametrize(("name", "deadline", "meeting", "followup", "day", "expected"), CASES, ids=[c[0] for c in CASES])
def test_state_on_a_day(name: str, deadline: str, meeting: date | None, followup: FollowUp | None, day: date,
                        expected: Standing) -> None:
    assert state_on(task(deadline, meeting, followup), day) == expected


@pytest.mark.parametrize(
    ("window", "day", "state"),
    [
        (0, D(2026, 11, 30), State.DUE_SOON),
        (0, D(2026, 11, 29), State.IN_TIME),
        (14, D(2026, 11, 16), State.DUE_SOON),
        (14, D(2026, 11, 15), State.IN_TIME),
    ],
)
def test_due_soon_window_is_a_setting(window: int, day: date, state: State) -> None:
    assert state_on(task("30/11/2026"), day, window).state is state


def moved(on: date, to: str, previous: str = "30/11/2026") -> FollowUp:
    return FollowUp(deadlines=[DeadlineChange(on, to, "chờ số liệu", previous)])


def test_a_moved_deadline_counts_from_the_day_it_was_moved() -> None:
    record = moved(D(2026, 11, 25), "15/12/2026")
    assert state_on(task("30/11/2026", followup=record), D(2026, 11, 24)) == Standing(State.DUE_SOON, D(2026, 11, 30), 0, 6)
    assert state_on(task("30/11/2026", followup=record), D(2026, 12, 1)) == Standing(State.IN_TIME, D(2026, 12, 15), 0, 14)
    assert state_on(task("30/11/2026", followup=record), D(2026, 12, 16)) == Standing(State.OVERDUE, D(2026, 12, 15), 1)


def test_a_moved_year_less_deadline_is_read_against_the_day_of_the_change() -> None:
    record = moved(D(2026, 12, 20), "15/01")
    assert state_on(task("30/11/2026", followup=record), D(2027, 1, 16)) == Standing(State.OVERDUE, D(2027, 1, 15), 1)


def test_done_within_a_deadline_moved_before_it_is_on_time_but_not_one_moved_afterwards() -> None:
    before = moved(D(2026, 11, 25), "15/12/2026")
    before.status, before.status_date = Status.DONE, D(2026, 12, 10)
    assert state_on(task("30/11/2026", followup=before), D(2026, 12, 31)).state is State.DONE_ON_TIME
    after = moved(D(2026, 12, 20), "31/12/2026")
    after.status, after.status_date = Status.DONE, D(2026, 12, 10)
    assert state_on(task("30/11/2026", followup=after), D(2026, 12, 31)) == Standing(State.DONE_LATE, D(2026, 11, 30), 10)


@pytest.mark.parametrize(
    ("standing", "vi", "en"),
    [
        (Standing(State.DONE_ON_TIME), "Hoàn thành đúng hạn", "Done on time"),
        (Standing(State.DONE_LATE, days_late=3), "Hoàn thành quá hạn", "Done late"),
        (Standing(State.OVERDUE, days_late=5), "Quá hạn 5 ngày", "Overdue by 5 days"),
        (Standing(State.DUE_SOON, days_left=2), "Sắp đến hạn", "Due soon"),
        (Standing(State.IN_TIME, days_left=20), "Trong hạn", "In time"),
        (Standing(State.NO_DEADLINE), "Không có thời hạn / thường xuyên", "No deadline / ongoing"),
        (Standing(State.PAUSED), "Tạm dừng", "Paused"),
        (Standing(State.CANCELLED), "Không thực hiện", "Cancelled"),
    ],
)
def test_labels(standing: Standing, vi: str, en: str) -> None:
    assert state_text(standing) == vi
    previous = i18n.language()
    try:
        i18n.set_language("vi")
        assert state_label(standing) == vi
        i18n.set_language("en")
        assert state_label(standing) == en
        assert state_text(standing) == vi  # reports stay Vietnamese whatever the UI language
    finally:
        i18n.set_language(previous)


@pytest.mark.parametrize(
    ("status", "vi", "en"),
    [
        (Status.NOT_STARTED, "Chưa thực hiện", "Not started"),
        (Status.IN_PROGRESS, "Đang thực hiện", "In progress"),
        (Status.DONE, "Hoàn thành", "Done"),
        (Status.PAUSED, "Tạm dừng", "Paused"),
        (Status.CANCELLED, "Không thực hiện", "Cancelled"),
    ],
)
def test_status_labels(status: Status, vi: str, en: str) -> None:
    previous = i18n.language()
    try:
        i18n.set_language("vi")
        assert status_label(status) == vi
        i18n.set_language("en")
        assert status_label(status) == en
    finally:
        i18n.set_language(previous)
    assert STATUS_VI[status] == vi.lower()
