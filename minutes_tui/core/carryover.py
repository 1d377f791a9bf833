"""Details a new meeting may take from the last meeting of its body, or from a template.

Recurring meetings (giao ban tháng, phiên họp thường kỳ) repeat their place,
time, chair, attendees, concluder … and name their period in the kind and in
the reports heard: ``Phiên họp thường kỳ tháng 11 năm 2026`` becomes
``… tháng 12 năm 2026`` a month later. :func:`carried` computes these values
for a new meeting; they are *offered* (details panel, details form, capture
input), never written into the meeting without a key press.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from minutes_tui.core.dates import parse_date
from minutes_tui.core.model import DETAIL_FIELDS, LIST_DETAILS, MeetingDetails
from minutes_tui.core.text import clean_line, fold

#: The details a new meeting takes from the last one (DESIGN: place, body, kind
#: pattern, chair, attendees, time, concluder, heard-pattern; and the secretary).
CARRIED_FIELDS: Final = ("time", "place", "body", "kind", "chair", "attend", "heard", "concluder", "secretary")
#: Fields whose text names the meeting's period, shifted to the new meeting's date.
PATTERN_FIELDS: Final = frozenset({"kind", "heard", "purpose", "title"})

_ROMAN: Final = ("I", "II", "III", "IV")
_MONTH = re.compile(r"(?i)\b(th[aá]ng\s+)(\d{1,2})(?:(\s*/\s*|\s+n[aă]m\s+)(\d{4}))?(?![\d/])")
_QUARTER = re.compile(r"(?i)\b(qu[yýí]\s+)(IV|III|II|I|[1-4])\b(?:(\s*/\s*|\s+n[aă]m\s+)(\d{4}))?")
_DAY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")


def months_between(old: date, new: date) -> int:
    return (new.year - old.year) * 12 + new.month - old.month


def _width(text: str) -> int:
    """Digits to write a shifted number with: as many as it was written with."""
    return len(text)


def shift_periods(text: str, old: date, new: date) -> str:
    """``text`` with the months, quarters and days it names moved as far as
    ``new`` is from ``old`` (``tháng 11/2026`` said on 18/11/2026 reads
    ``tháng 12/2026`` on 16/12/2026; the last day of a month stays the last day)."""
    months = months_between(old, new)
    if not months:
        return text
    quarters = (new.year * 4 + (new.month - 1) // 3) - (old.year * 4 + (old.month - 1) // 3)

    def month(match: re.Match[str]) -> str:
        number = int(match[2])
        if not 1 <= number <= 12:
            return match[0]
        total = (int(match[4]) if match[4] else old.year) * 12 + number - 1 + months
        shifted = f"{match[1]}{total % 12 + 1:0{_width(match[2])}d}"
        return shifted + (f"{match[3]}{total // 12}" if match[4] else "")

    def quarter(match: re.Match[str]) -> str:
        mark = match[2].upper()
        number = _ROMAN.index(mark) + 1 if mark in _ROMAN else int(mark)
        total = (int(match[4]) if match[4] else old.year) * 4 + number - 1 + quarters
        written = _ROMAN[total % 4] if mark in _ROMAN else str(total % 4 + 1)
        return f"{match[1]}{written}" + (f"{match[3]}{total // 4}" if match[4] else "")

    def day(match: re.Match[str]) -> str:
        number, month_number = int(match[1]), int(match[2])
        if not (1 <= month_number <= 12 and 1 <= number <= 31):
            return match[0]
        year = int(match[3]) if match[3] else (old.year + 1 if month_number < old.month - 2 else old.year)
        last = calendar.monthrange(year, month_number)[1]
        total = year * 12 + month_number - 1 + months
        new_year, new_month = total // 12, total % 12 + 1
        new_last = calendar.monthrange(new_year, new_month)[1]
        new_day = new_last if number >= last else min(number, new_last)
        shifted = f"{new_day:0{_width(match[1])}d}/{new_month:0{_width(match[2])}d}"
        return shifted + (f"/{new_year}" if match[3] else "")

    text = _MONTH.sub(month, text)
    text = _QUARTER.sub(quarter, text)
    return _DAY.sub(day, text)


def carried(previous: MeetingDetails, new_date: date | None) -> dict[str, list[str]]:
    """What a new meeting on ``new_date`` is offered from ``previous``: each
    carried field's value(s), periods shifted when both dates are known."""
    old = previous.meeting_date
    offered: dict[str, list[str]] = {}
    for name in CARRIED_FIELDS:
        value = getattr(previous, name)
        values = [v for v in (value if isinstance(value, list) else [value]) if v.strip()]
        if name in PATTERN_FIELDS and old is not None and new_date is not None:
            values = [shift_periods(v, old, new_date) for v in values]
        if values:
            offered[name] = values
    return offered


def pending(offered: Mapping[str, Sequence[str]], current: MeetingDetails) -> dict[str, list[str]]:
    """The offered values the meeting does not have yet, in the order of the
    detail commands: a single field once set (to anything) is no longer
    offered; a list field is offered the values it lacks."""
    result: dict[str, list[str]] = {}
    for name in DETAIL_FIELDS:
        values = offered.get(name)
        if not values:
            continue
        have = getattr(current, name)
        if name in LIST_DETAILS:
            known = {fold(v) for v in have}
            missing = [v for v in values if fold(v) not in known]
        else:
            missing = [] if have else list(values[:1])
        if missing:
            result[name] = missing
    return result


@dataclass
class Template:
    """Details saved under a name for a recurring meeting ("giao ban tháng").

    ``date`` is the day of the meeting they were saved from, so the periods in
    the kind and the reports heard move to the new meeting's date.
    """

    name: str
    details: dict[str, list[str]] = field(default_factory=dict)
    source_date: str = ""  # ISO

    @classmethod
    def of(cls, name: str, details: MeetingDetails) -> Template:
        values = carried(details, None)
        return cls(clean_line(name), values, details.date)

    def offered(self, new_date: date | None) -> dict[str, list[str]]:
        """The template's values for a meeting on ``new_date``."""
        previous = MeetingDetails(date=self.source_date)
        for name, values in self.details.items():
            if name in CARRIED_FIELDS:
                setattr(previous, name, list(values) if name in LIST_DETAILS else (values[0] if values else ""))
        return carried(previous, new_date)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "details": self.details, "date": self.source_date}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Template:
        details = data.get("details")
        values: dict[str, list[str]] = {}
        if isinstance(details, dict):
            for name, value in details.items():
                if name in CARRIED_FIELDS and isinstance(value, list):
                    values[name] = [str(v) for v in value]
        day = str(data.get("date", ""))
        return cls(str(data.get("name", "")), values, day if parse_date(day) else "")
