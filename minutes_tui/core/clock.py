"""When a meeting started, and how long it has been running (the capture clock).

The clock starts at the meeting's start — ``/time`` on the meeting's date, else
its first line — and only runs while the meeting can still be going on: an
imported meeting, or one reopened another day, has no running clock (it shows
its start time instead), and a ``/time`` still ahead never counts backwards.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import Final

from minutes_tui.core.model import Meeting
from minutes_tui.core.text import fold

#: A meeting whose start is longer ago than this is not running any more.
LIVE_FOR: Final = timedelta(hours=12)

_TIME = re.compile(r"(?<!\d)(\d{1,2})\s*(?:gio|h|g|:)\s*(\d{1,2})?(?!\d)")
_AFTERNOON = re.compile(r"\b(chieu|toi|pm)\b")


def parse_time(text: str) -> time | None:
    """``14 giờ 00``, ``8 giờ``, ``8h30``, ``08:30``, ``2 giờ chiều`` → a time; None otherwise."""
    folded = fold(text)
    match = _TIME.search(folded)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour < 12 and _AFTERNOON.search(folded):
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def meeting_start(meeting: Meeting) -> datetime | None:
    """``/time`` on the meeting's date (the first line's day when no ``/date``),
    else the first line's creation; None for a meeting with neither."""
    first = datetime.fromtimestamp(meeting.lines[0].created) if meeting.lines else None
    started = parse_time(meeting.details.time) if meeting.details.time else None
    day = meeting.details.meeting_date or (first.date() if first else None)
    if started is not None and day is not None:
        return datetime.combine(day, started)
    if meeting.details.meeting_date is not None and first is not None and first.date() != day:
        return None  # lines typed on another day than the meeting's: no start known
    return first


def running_for(meeting: Meeting, now: datetime) -> timedelta | None:
    """How long the meeting has been running at ``now``; None when it is not
    running (not started yet, or started more than :data:`LIVE_FOR` ago)."""
    start = meeting_start(meeting)
    if start is None:
        return None
    elapsed = now - start
    if elapsed < timedelta(0) or elapsed > LIVE_FOR:
        return None
    return elapsed
