"""The capture clock: from the meeting's start, only while it can be running."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from minutes_tui.core.clock import meeting_start, parse_time, running_for
from minutes_tui.core.model import Kind, Line, Meeting, MeetingDetails


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("14 giờ 00", time(14, 0)), ("8 giờ", time(8, 0)), ("8h30", time(8, 30)), ("08:30", time(8, 30)),
     ("2 giờ chiều", time(14, 0)), ("lúc 7 giờ 45 phút", time(7, 45)), ("sáng nay", None), ("25 giờ", None)],
)
def test_parse_time(typed: str, expected: time | None) -> None:
    assert parse_time(typed) == expected


def line_at(moment: datetime) -> Line:
    return Line(Kind.NOTE, "khai mạc", created=moment.timestamp())


def test_time_on_the_meeting_date_wins_over_the_first_line() -> None:
    first = datetime(2027, 3, 9, 8, 12)
    meeting = Meeting(details=MeetingDetails(date="2027-03-09", time="8 giờ 00"), lines=[line_at(first)])
    assert meeting_start(meeting) == datetime(2027, 3, 9, 8, 0)
    assert running_for(meeting, datetime(2027, 3, 9, 9, 30)) == timedelta(hours=1, minutes=30)


def test_without_time_the_first_line_starts_it() -> None:
    first = datetime(2027, 3, 9, 8, 12)
    meeting = Meeting(lines=[line_at(first), line_at(first + timedelta(minutes=5))])
    assert running_for(meeting, first + timedelta(minutes=20)) == timedelta(minutes=20)
    assert running_for(Meeting(), first) is None  # nothing typed yet: no clock


def test_no_odd_values_for_a_meeting_of_another_day_or_not_begun() -> None:
    imported_today = datetime(2027, 3, 20, 10, 0)
    past = Meeting(details=MeetingDetails(date="2027-03-09", time="14 giờ"), lines=[line_at(imported_today)])
    assert running_for(past, imported_today + timedelta(minutes=1)) is None
    undated_past = Meeting(details=MeetingDetails(date="2027-03-09"), lines=[line_at(imported_today)])
    assert meeting_start(undated_past) is None
    later_today = Meeting(details=MeetingDetails(time="14 giờ"), lines=[line_at(imported_today)])
    assert running_for(later_today, imported_today) is None  # 14:00 is still ahead: never negative
    assert running_for(later_today, datetime(2027, 3, 20, 14, 5)) == timedelta(minutes=5)
    assert running_for(later_today, datetime(2027, 3, 21, 9, 0)) is None  # the next day: over
