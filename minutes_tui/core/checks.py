"""Completeness checks ("5 rõ": rõ người, rõ việc, rõ thời gian …) before the notice.

Each :class:`Problem` points at a line (or at the meeting details when
``line_id`` is None) and says, in the UI language, what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes_tui.core.dates import dmy, parse_deadline
from minutes_tui.core.directory import Directory
from minutes_tui.core.model import Kind, Meeting, block_end
from minutes_tui.core.text import fold
from minutes_tui.i18n import tr

#: A `` @…`` or `` ^…`` left in a line's text: the parser did not take it as an owner or a deadline.
_KEPT_TRAILER = re.compile(r"(?:^|\s)([@^]\S*)")

#: Meeting details the notice cannot do without (their /command is the name).
REQUIRED_DETAILS = ("date", "place", "chair", "body")
#: Details only the biên bản asks for: left blank, it prints a dotted line to fill by hand.
RECORD_DETAILS = ("time", "secretary")


@dataclass(frozen=True)
class Problem:
    line_id: str | None
    code: str
    message: str
    suggestion: str = ""


def check_meeting(meeting: Meeting, directory: Directory | None = None) -> list[Problem]:
    """Every problem, meeting details first, then lines in typed order."""
    problems: list[Problem] = []
    details = meeting.details
    for name in REQUIRED_DETAILS:
        if not getattr(details, name):
            problems.append(Problem(None, f"missing_{name}", tr("check.missing", what=tr(f"check.detail.{name}"), name=name)))
    for name in RECORD_DETAILS:
        if not getattr(details, name):
            problems.append(Problem(None, f"record_missing_{name}",
                                    tr("check.record_missing", what=tr(f"check.detail.{name}"), name=name)))
    meeting_date = details.meeting_date
    known = {fold(name) for name in directory.all_names()} if directory else set()
    has_sections = any(line.kind is Kind.SECTION for line in meeting.lines)
    seen_section = False
    for index, line in enumerate(meeting.lines):
        if line.kind is Kind.SECTION:
            seen_section = True
        if line.kind.is_heading:
            if not _has_content(meeting, index):
                problems.append(Problem(line.id, "empty_section", tr("check.empty_section", title=line.text)))
            continue
        if kept := _KEPT_TRAILER.search(line.text):
            problems.append(Problem(line.id, "kept_trailer", tr("check.kept_trailer", token=kept.group(1))))
        if has_sections and not seen_section and line.kind in (Kind.FINDING, Kind.SHORTCOMING):
            problems.append(Problem(line.id, "outside_section", tr("check.outside_section")))
        if line.kind is not Kind.TASK:
            continue
        if not line.owners:
            problems.append(Problem(line.id, "task_no_owner", tr("check.task_no_owner")))
        if not line.deadline:
            problems.append(Problem(line.id, "task_no_deadline", tr("check.task_no_deadline")))
        else:
            deadline = parse_deadline(line.deadline, meeting_date)
            if not deadline.recognised:
                problems.append(Problem(line.id, "deadline_unclear", tr("check.deadline_unclear", typed=line.deadline)))
            elif deadline.due is not None and meeting_date is not None and deadline.due < meeting_date:
                problems.append(Problem(line.id, "deadline_past", tr("check.deadline_past", due=dmy(deadline.due), meeting=dmy(meeting_date))))
        if directory is not None and known:
            for owner in line.owners:
                if fold(owner) not in known:
                    closest = directory.closest(owner)
                    message = tr("check.unknown_owner_hint" if closest else "check.unknown_owner", owner=owner,
                                 closest=closest or "")
                    problems.append(Problem(line.id, "unknown_owner", message, closest or ""))
    return problems


def _has_content(meeting: Meeting, heading_index: int) -> bool:
    """True when some notice line sits in the heading's block (:func:`block_end`)."""
    lines = meeting.lines
    return any(
        line.kind.in_notice and not line.kind.is_heading
        for line in lines[heading_index + 1 : block_end(lines, heading_index)]
    )
