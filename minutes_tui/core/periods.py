"""Reporting periods: a month, a quarter, six months, a year, or from one day to another.

Offices report on fixed periods ("báo cáo quý IV năm 2026") and the label of
the period goes into the report's trích yếu, so each period carries its
Vietnamese label along with its first and last day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from minutes_tui.core.dates import ROMAN, dmy, nd30_day_month, parse_date
from minutes_tui.core.text import fold
from minutes_tui.errors import UserError
from minutes_tui.i18n import tr


class PeriodError(UserError, ValueError):
    """Text that names no period; ``str()`` says what is accepted."""


@dataclass(frozen=True)
class Period:
    """The days ``start`` … ``end`` (both included) and how a report names them."""

    start: date
    end: date
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(tr("period.error.order", end=dmy(self.end), start=dmy(self.start)))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def month(year: int, number: int) -> Period:
    """The month's label follows the ND30 date rule: ``tháng 01``, ``tháng 02``, ``tháng 3`` … ``tháng 12``."""
    last = calendar.monthrange(year, number)[1]
    first = date(year, number, 1)
    return Period(first, date(year, number, last), f"tháng {nd30_day_month(first)[1]} năm {year}")


def quarter(year: int, number: int) -> Period:
    if not 1 <= number <= 4:
        raise PeriodError(tr("period.error.quarter", number=number))
    first_month = 3 * number - 2
    last_month = 3 * number
    end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Period(date(year, first_month, 1), end, f"quý {ROMAN[number]} năm {year}")


def half(year: int, first: bool) -> Period:
    if first:
        return Period(date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}")
    return Period(date(year, 7, 1), date(year, 12, 31), f"6 tháng cuối năm {year}")


def year(number: int) -> Period:
    return Period(date(number, 1, 1), date(number, 12, 31), f"năm {number}")


def between(start: date, end: date) -> Period:
    """``--from``/``--to``: the label names both days."""
    return Period(start, end, f"từ ngày {dmy(start)} đến ngày {dmy(end)}")


def containing(day: date, kind: str) -> Period:
    """The month, quarter, half or year (``kind``) that ``day`` falls in: "this quarter"."""
    if kind == "month":
        return month(day.year, day.month)
    if kind == "quarter":
        return quarter(day.year, (day.month - 1) // 3 + 1)
    if kind == "half":
        return half(day.year, day.month <= 6)
    if kind == "year":
        return year(day.year)
    raise PeriodError(f"unknown period kind {kind!r}")


_QUARTER_NUMBER: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR_PART: Final = r"\s*(?:/|nam)?\s*(\d{4})"
_MONTH_RE: Final = re.compile(rf"^(?:thang\s*)?(\d{{1,2}}){_YEAR_PART}$")
_QUARTER_RE: Final = re.compile(rf"^(?:quy|q)\s*(iv|iii|ii|i|[1-4]){_YEAR_PART}$")
_HALF_RE: Final = re.compile(r"^6\s*thang\s*(dau|cuoi)\s*(?:nam\s*)?(\d{4})$")
_YEAR_RE: Final = re.compile(r"^(?:nam\s*)?(\d{4})$")
_RANGE_SPLIT: Final = re.compile(r"\s+(?:-|–|den)\s+|\s*(?:\.\.|–)\s*")


def parse_period(text: str) -> Period:
    """``11/2026``, ``tháng 11/2026``, ``quý IV/2026``, ``Q4 2026``, ``6 tháng đầu năm 2026``,
    ``năm 2026`` / ``2026``, or ``01/10/2026 - 15/12/2026`` (also ``đến``, ``..``).

    Years are required: a report period without a year is too easy to get wrong.
    """
    folded = fold(text)
    if m := _QUARTER_RE.match(folded):
        return quarter(int(m[2]), _QUARTER_NUMBER[m[1]])
    if m := _HALF_RE.match(folded):
        return half(int(m[2]), m[1] == "dau")
    if m := _YEAR_RE.match(folded):
        return year(int(m[1]))
    if m := _MONTH_RE.match(folded):
        number = int(m[1])
        if 1 <= number <= 12:
            return month(int(m[2]), number)
    parts = _RANGE_SPLIT.split(folded)
    if len(parts) == 2:
        start, end = (parse_date(part, today=date(2000, 1, 1)) for part in parts)
        if start is not None and end is not None and all(re.search(r"\d{4}", part) for part in parts):
            return between(start, end)
    raise PeriodError(tr("period.error.unclear", text=text))
