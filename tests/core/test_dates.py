from __future__ import annotations

from datetime import date

import pytest

from minutes_tui.core.dates import nd30_date_line, parse_date, parse_deadline

MEETING = date(2022, 1, 12)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12/01/2022", date(2022, 1, 12)),
        ("12-1-22", date(2022, 1, 12)),
        ("2022-01-12", date(2022, 1, 12)),
        ("ngày 12 tháng 01 năm 2022", date(2022, 1, 12)),
        ("31/02/2022", None),
        ("không phải ngày", None),
    ],
)
def test_parse_date(typed: str, expected: date | None) -> None:
    assert parse_date(typed, today=date(2022, 6, 1)) == expected


@pytest.mark.parametrize(
    ("d", "line"),
    [
        (date(2022, 1, 13), "Đức Phổ, ngày 13 tháng 01 năm 2022"),
        (date(2022, 2, 5), "Đức Phổ, ngày 05 tháng 02 năm 2022"),
        (date(2024, 3, 5), "Đức Phổ, ngày 05 tháng 3 năm 2024"),
        (date(2024, 12, 31), "Đức Phổ, ngày 31 tháng 12 năm 2024"),
    ],
)
def test_nd30_date_line_zero_padding(d: date, line: str) -> None:
    assert nd30_date_line("Đức Phổ", d) == line


@pytest.mark.parametrize(
    ("typed", "due", "phrase"),
    [
        ("31/01", date(2022, 1, 31), "trước ngày 31/01/2022"),
        ("trước 15/03/2022", date(2022, 3, 15), "trước ngày 15/03/2022"),
        ("tháng 02/2022", date(2022, 2, 28), "trong tháng 02/2022"),
        ("quý I", date(2022, 3, 31), "trong quý I năm 2022"),
        ("quý 3/2023", date(2023, 9, 30), "trong quý III năm 2023"),
        ("6 tháng đầu năm", date(2022, 6, 30), "trong 6 tháng đầu năm 2022"),
        ("cuối năm", date(2022, 12, 31), "trước ngày 31/12/2022"),
        ("năm 2023", date(2023, 12, 31), "trong năm 2023"),
        ("khi có chỉ đạo", None, "khi có chỉ đạo"),
    ],
)
def test_parse_deadline(typed: str, due: date | None, phrase: str) -> None:
    deadline = parse_deadline(typed, MEETING)
    assert deadline.due == due
    assert deadline.phrase == phrase
    assert deadline.typed == typed


def test_deadline_without_year_after_year_end_means_next_year() -> None:
    assert parse_deadline("15/01", date(2022, 12, 20)).due == date(2023, 1, 15)
