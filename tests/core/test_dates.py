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


@pytest.mark.parametrize(
    ("typed", "kind", "clause"),
    [
        ("31/01", "date", "hoàn thành trước ngày 31/01/2022"),
        ("trước 15/03/2022", "date", "hoàn thành trước ngày 15/03/2022"),
        ("ngày 20 tháng 5 năm 2022", "date", "hoàn thành trước ngày 20/05/2022"),
        ("tháng 02/2022", "month", "hoàn thành trong tháng 02/2022"),
        ("quý II/2022", "quarter", "hoàn thành trong quý II năm 2022"),
        ("6 tháng cuối năm", "half", "hoàn thành trong 6 tháng cuối năm 2022"),
        ("cuối năm", "year_end", "hoàn thành trước ngày 31/12/2022"),
        ("trước kỳ họp cuối năm", "year_end", "hoàn thành trước kỳ họp cuối năm"),  # says more: kept as typed
        ("năm 2023", "year", "hoàn thành trong năm 2023"),
        ("thường xuyên", "ongoing", "thực hiện thường xuyên"),
        ("Ngay", "ongoing", "thực hiện ngay"),
        ("hằng tháng", "ongoing", "thực hiện hằng tháng"),
        ("định kỳ hằng quý", "ongoing", "thực hiện định kỳ hằng quý"),
        ("trước Tết Nguyên đán", "unknown", "hoàn thành trước Tết Nguyên đán"),
        ("khi có chỉ đạo", "unknown", "thực hiện khi có chỉ đạo"),
        ("hoàn thành trong tuần", "unknown", "hoàn thành trong tuần"),
    ],
)
def test_deadline_kinds_and_clauses(typed: str, kind: str, clause: str) -> None:
    deadline = parse_deadline(typed, MEETING)
    assert (deadline.kind, deadline.clause) == (kind, clause)
    assert deadline.recognised is (kind != "unknown")


@pytest.mark.parametrize(
    ("text", "typed", "said"),
    [
        ("Gửi báo cáo trước ngày 20/5", "20/05/2022", True),
        ("Gửi báo cáo trước ngày 20 tháng 5 năm 2022", "20/5", True),
        ("Gửi báo cáo trước ngày 21/5", "20/5", False),
        ("Tổng hợp trong quý II", "quý II/2022", True),
        ("Tổng kết quý II", "quý II/2022", False),  # not said as a deadline
        ("Báo cáo kết quả năm 2022", "cuối năm", False),
        ("Hoàn thành trước cuối năm", "cuối năm", True),
        ("Kiểm tra thường xuyên", "thường xuyên", True),
        ("Kiểm tra", "khi có chỉ đạo", False),
    ],
)
def test_deadline_mentioned(text: str, typed: str, said: bool) -> None:
    from minutes_tui.core.dates import deadline_mentioned

    assert deadline_mentioned(text, parse_deadline(typed, MEETING), MEETING) is said
