"""Year-less deadline phrases around New Year, and the leap day (the task register counts on them)."""

from __future__ import annotations

from datetime import date

import pytest

from minutes_tui.core.dates import parse_deadline


@pytest.mark.parametrize(
    ("typed", "meeting", "due"),
    [
        # a quarter or half-year that ended more than two months ago means the coming one
        ("quý I", date(2026, 12, 20), date(2027, 3, 31)),
        ("quý IV", date(2027, 1, 5), date(2027, 12, 31)),
        ("quý III", date(2026, 10, 15), date(2026, 9, 30)),  # just ended: a late task, same year
        ("quý III", date(2026, 12, 1), date(2027, 9, 30)),
        ("6 tháng đầu năm", date(2026, 11, 20), date(2027, 6, 30)),
        ("6 tháng đầu năm", date(2026, 3, 2), date(2026, 6, 30)),
        ("6 tháng cuối năm", date(2026, 12, 30), date(2026, 12, 31)),
        ("quý I/2026", date(2026, 12, 20), date(2026, 3, 31)),  # a written year always wins
        # days and months without a year
        ("trước 10/01", date(2026, 12, 20), date(2027, 1, 10)),
        ("31/12", date(2027, 1, 5), date(2027, 12, 31)),
        ("tháng 01", date(2026, 12, 20), date(2027, 1, 31)),
        # the leap day
        ("29/02", date(2027, 12, 20), date(2028, 2, 29)),
        ("29/02", date(2028, 1, 10), date(2028, 2, 29)),
        ("tháng 02", date(2027, 12, 20), date(2028, 2, 29)),
        ("tháng 02/2027", date(2027, 1, 5), date(2027, 2, 28)),
        ("29/02/2027", date(2027, 1, 5), None),
    ],
)
def test_year_less_phrases_take_the_coming_year(typed: str, meeting: date, due: date | None) -> None:
    assert parse_deadline(typed, meeting).due == due
