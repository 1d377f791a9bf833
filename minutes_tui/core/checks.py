"""Completeness checks ("5 rõ": rõ người, rõ việc, rõ thời gian …) before the notice.

Each :class:`Problem` points at a line (or at the meeting details when
``line_id`` is None) and says, in the UI language, what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from minutes_tui.core.dates import dmy, parse_deadline
from minutes_tui.core.directory import Directory
from minutes_tui.core.model import Kind, Line, Meeting
from minutes_tui.core.text import fold
from minutes_tui.i18n import language, tr

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


class CheckCache:
    """What the last run found, kept so review can re-check after every key without
    checking a 2,000-line meeting line by line again for one retag.

    ``lines``: each content line's problems with what they depend on (the line,
    whether it sits before the first section); reused while those and the context
    (meeting date, owner directory, language) are unchanged. ``found``: every line's
    problems at the last run, headings included, for :func:`check_meeting`'s
    ``changed`` pass."""

    def __init__(self) -> None:
        self.context: tuple[object, ...] = ()
        self.lines: dict[str, tuple[tuple[object, ...], list[Problem]]] = {}
        self.found: dict[str, list[Problem]] = {}

    def keep_only(self, ids: set[str]) -> None:
        for stale in set(self.lines) - ids:
            del self.lines[stale]


def check_meeting(meeting: Meeting, directory: Directory | None = None, cache: CheckCache | None = None,
                  changed: set[str] | None = None) -> list[Problem]:
    """Every problem, meeting details first, then lines in typed order.

    ``changed``: the only lines edited since the last run with ``cache``, in place
    (no line added, removed or moved): only they are checked again, unless one is or
    was a heading, or went from note to content or back (then headings' blocks may
    have changed and everything is checked)."""
    problems = _detail_problems(meeting)
    if cache is not None and changed is not None and cache.context == _context(meeting, directory):
        rechecked = _recheck(meeting, directory, cache, changed)
        if rechecked is not None:
            return problems + rechecked
    meeting_date = meeting.details.meeting_date
    lines = meeting.lines
    filled = _headings_with_content(lines)
    known: set[str] | None = None  # folded owner names, built on the first line that needs them
    if cache is not None:
        context = _context(meeting, directory)
        if context != cache.context:
            cache.context = context
            cache.lines.clear()
        cache.found = {}
    has_sections = any(line.kind is Kind.SECTION for line in lines)
    seen_section = False
    for index, line in enumerate(lines):
        kind = line.kind
        if kind is Kind.SECTION or kind is Kind.SUBSECTION:
            seen_section = seen_section or kind is Kind.SECTION
            found = [] if index in filled else [Problem(line.id, "empty_section",
                                                        tr("check.empty_section", title=line.text))]
            if cache is not None:
                cache.lines.pop(line.id, None)  # a heading now: the ``changed`` pass must not take it for content
        else:
            outside = has_sections and not seen_section
            key = (kind, line.text, line.owners, line.deadline, outside)
            hit = cache.lines.get(line.id) if cache is not None else None
            if hit is None or hit[0] != key:
                if known is None:
                    known = _known_owners(directory)
                hit = (key, _line_problems(line, outside, meeting_date, directory, known))
                if cache is not None:
                    cache.lines[line.id] = hit
            found = hit[1]
        if cache is not None:
            cache.found[line.id] = found
        problems += found
    if cache is not None and len(cache.lines) > len(lines):
        cache.keep_only({line.id for line in lines})
    return problems


def _detail_problems(meeting: Meeting) -> list[Problem]:
    problems: list[Problem] = []
    details = meeting.details
    for name in REQUIRED_DETAILS:
        if not getattr(details, name):
            problems.append(Problem(None, f"missing_{name}", tr("check.missing", what=tr(f"check.detail.{name}"), name=name)))
    for name in RECORD_DETAILS:
        if not getattr(details, name):
            problems.append(Problem(None, f"record_missing_{name}",
                                    tr("check.record_missing", what=tr(f"check.detail.{name}"), name=name)))
    return problems


def _context(meeting: Meeting, directory: Directory | None) -> tuple[object, ...]:
    """What every line's checks depend on besides the line itself."""
    return (meeting.details.meeting_date, id(directory),
            (len(directory.aliases), len(directory.owners)) if directory else None, language())


def _known_owners(directory: Directory | None) -> set[str]:
    return {fold(name) for name in directory.all_names()} if directory else set()


def _recheck(meeting: Meeting, directory: Directory | None, cache: CheckCache,
             changed: set[str]) -> list[Problem] | None:
    """:func:`check_meeting` when only ``changed`` lines were edited in place; None
    when that cannot be done this way (see there)."""
    lines = meeting.lines
    if len(lines) != len(cache.found):
        return None
    known: set[str] | None = None
    for line_id in changed:
        hit = cache.lines.get(line_id)
        try:
            line = meeting.get(line_id)
        except KeyError:
            return None
        if hit is None or line.kind.is_heading or (line.kind is Kind.NOTE) != (hit[0][0] is Kind.NOTE):
            return None
        outside = hit[0][4]
        key = (line.kind, line.text, line.owners, line.deadline, outside)
        if key != hit[0]:
            if known is None:
                known = _known_owners(directory)
            cache.lines[line_id] = hit = (key, _line_problems(line, bool(outside), meeting.details.meeting_date,
                                                              directory, known))
        cache.found[line_id] = hit[1]
    found = cache.found
    try:
        return [problem for line in lines for problem in found[line.id]]
    except KeyError:  # a line the last run did not see: check everything
        return None


def _line_problems(line: Line, outside: bool, meeting_date: date | None, directory: Directory | None,
                   known: set[str]) -> list[Problem]:
    """The problems of one content line."""
    problems: list[Problem] = []
    if kept := _KEPT_TRAILER.search(line.text):
        problems.append(Problem(line.id, "kept_trailer", tr("check.kept_trailer", token=kept.group(1))))
    if outside and line.kind in (Kind.FINDING, Kind.SHORTCOMING):
        problems.append(Problem(line.id, "outside_section", tr("check.outside_section")))
    if line.kind is not Kind.TASK:
        return problems
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


def _headings_with_content(lines: list[Line]) -> set[int]:
    """The indices of the headings with some notice line in their block, in one pass
    (the same blocks as :func:`block_end`: a section runs to the next section, a
    sub-section to the next heading of either level)."""
    filled: set[int] = set()
    section: int | None = None
    subsection: int | None = None
    for index, line in enumerate(lines):
        kind = line.kind
        if kind is Kind.SECTION:
            section, subsection = index, None
        elif kind is Kind.SUBSECTION:
            subsection = index
        elif kind is not Kind.NOTE:
            if section is not None:
                filled.add(section)
            if subsection is not None:
                filled.add(subsection)
    return filled
