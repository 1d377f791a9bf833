"""Reporting periods and their labels."""

from __future__ import annotations

from datetime import date

import pytest

from minutes_tui.core import periods
from minutes_tui.core.periods import Period, PeriodError, parse_period
from minutes_tui.errors import UserError


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("11/2026", date(2026, 11, 1), date(2026, 11, 30), "tháng 11 năm 2026"),
        ("tháng 02/2028", date(2028, 2, 1), date(2028, 2, 29), "tháng 02 năm 2028"),
        ("tháng 2/2027", date(2027, 2, 1), date(2027, 2, 28), "tháng 02 năm 2027"),
        ("Tháng 3 năm 2027", date(2027, 3, 1), date(2027, 3, 31), "tháng 3 năm 2027"),
        ("quý IV/2026", date(2026, 10, 1), date(2026, 12, 31), "quý IV năm 2026"),
        ("Quý 1 năm 2027", date(2027, 1, 1), date(2027, 3, 31), "quý I năm 2027"),
        ("Q3 2027", date(2027, 7, 1), date(2027, 9, 30), "quý III năm 2027"),
        ("6 tháng đầu năm 2027", date(2027, 1, 1), date(2027, 6, 30), "6 tháng đầu năm 2027"),
        ("6 tháng cuối năm 2027", date(2027, 7, 1), date(2027, 12, 31), "6 tháng cuối năm 2027"),
        ("năm 2027", date(2027, 1, 1), date(2027, 12, 31), "năm 2027"),
        ("2028", date(2028, 1, 1), date(2028, 12, 31), "năm 2028"),
        ("01/10/2026 - 15/12/2026", date(2026, 10, 1), date(2026, 12, 15), "từ ngày 01/10/2026 đến ngày 15/12/2026"),
        ("1/10/2026 đến 15/12/2026", date(2026, 10, 1), date(2026, 12, 15), "từ ngày 01/10/2026 đến ngày 15/12/2026"),
        ("01/10/2026..15/12/2026", date(2026, 10, 1), date(2026, 12, 15), "từ ngày 01/10/2026 đến ngày 15/12/2026"),
    ],
)
def test_parse_period(text: str, start: date, end: date, label: str) -> None:
    assert parse_period(text) == Period(start, end, label)


@pytest.mark.parametrize("text", ["quý V/2026", "13/2026", "tháng 11", "hôm qua", "01/10 - 15/12", "15/12/2026 - 01/10/2026"])
def test_what_is_not_a_period(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert isinstance(caught.value, UserError)


def test_containing_and_membership() -> None:
    day = date(2028, 2, 29)
    assert periods.containing(day, "month") == Period(date(2028, 2, 1), date(2028, 2, 29), "tháng 02 năm 2028")
    assert periods.containing(day, "quarter").end == date(2028, 3, 31)
    assert periods.containing(date(2028, 7, 1), "half").label == "6 tháng cuối năm 2028"
    assert periods.containing(day, "year").start == date(2028, 1, 1)
    quarter = periods.quarter(2026, 4)
    assert date(2026, 10, 1) in quarter and date(2026, 12, 31) in quarter
    assert date(2026, 9, 30) not in quarter and date(2027, 1, 1) not in quarter
