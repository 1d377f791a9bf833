"""From a parsed capture line to the edits that record it (pure)."""

from __future__ import annotations

from minutes_tui.core import edits
from minutes_tui.core.edits import Op
from minutes_tui.core.model import LIST_DETAILS, Line, Meeting
from minutes_tui.core.parser import DetailCommand, ParsedLine


def new_line(parsed: ParsedLine) -> Line:
    return Line(kind=parsed.kind, text=parsed.text, owners=list(parsed.owners), deadline=parsed.deadline)


def append_ops(meeting: Meeting, parsed: ParsedLine) -> list[Op]:
    """Append the line at the end of the meeting."""
    return [edits.insert(new_line(parsed), len(meeting.lines))]


def detail_ops(meeting: Meeting, command: DetailCommand) -> list[Op]:
    """``/place X`` replaces; ``/attend X`` (and other list fields) adds one entry."""
    if command.name in LIST_DETAILS:
        current = list(getattr(meeting.details, command.name))
        return [edits.detail(command.name, current + [command.value])]
    return [edits.detail(command.name, command.value)]
