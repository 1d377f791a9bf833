"""Details carried over to the next meeting of a body, periods moved to its date."""

from __future__ import annotations

from datetime import date

import pytest

from minutes_tui.core.carryover import Template, carried, pending, shift_periods
from minutes_tui.core.model import MeetingDetails

NOV, DEC, JAN = date(2026, 11, 18), date(2026, 12, 16), date(2027, 1, 20)


@pytest.mark.parametrize(("text", "old", "new", "expected"), [
    ("Phiên họp thường kỳ tháng 11 năm 2026", NOV, DEC, "Phiên họp thường kỳ tháng 12 năm 2026"),
    ("Giao ban tháng 11/2026", NOV, JAN, "Giao ban tháng 01/2027"),
    ("báo cáo tháng 9/2026", date(2026, 9, 5), date(2026, 10, 5), "báo cáo tháng 10/2026"),
    ("báo cáo tháng 12", DEC, JAN, "báo cáo tháng 01"),
    ("kết quả quý IV/2026", NOV, JAN, "kết quả quý I/2027"),
    ("kết quả quý IV/2026", NOV, DEC, "kết quả quý IV/2026"),  # same quarter
    ("quý 3 năm 2026", date(2026, 8, 1), NOV, "quý 4 năm 2026"),
    ("trước 15/12/2026", NOV, DEC, "trước 15/01/2027"),
    ("trước ngày 30/11", NOV, DEC, "trước ngày 31/12"),  # the last day stays the last day
    ("31/01/2027", DEC, JAN, "28/02/2027"),
    ("5/12", NOV, DEC, "5/01"),
    ("Họp giao ban", NOV, DEC, "Họp giao ban"),
    ("Phiên họp tháng 11 năm 2026", NOV, NOV, "Phiên họp tháng 11 năm 2026"),
    ("tháng 13/2026 và 40/12", NOV, DEC, "tháng 13/2026 và 40/12"),  # not periods: unchanged
])
def test_shift_periods(text: str, old: date, new: date, expected: str) -> None:
    assert shift_periods(text, old, new) == expected


PREVIOUS = MeetingDetails(
    date="2026-11-18", time="8 giờ 00", place="Hội trường UBND phường", body="UBND phường An Phú",
    kind="Giao ban tháng 11/2026", purpose="đánh giá tháng 11", chair="Trần Quốc Bảo - Chủ tịch",
    attend=["Ông A", "Bà B"], absent=["Ông C"], heard=["Văn phòng báo cáo tình hình tháng 11/2026"],
    concluder="đồng chí Chủ tịch", secretary="Nguyễn Minh Khoa", end="10 giờ 30",
)


def test_carried_takes_the_recurring_details_and_moves_the_periods() -> None:
    assert carried(PREVIOUS, DEC) == {
        "time": ["8 giờ 00"], "place": ["Hội trường UBND phường"], "body": ["UBND phường An Phú"],
        "kind": ["Giao ban tháng 12/2026"], "chair": ["Trần Quốc Bảo - Chủ tịch"], "attend": ["Ông A", "Bà B"],
        "heard": ["Văn phòng báo cáo tình hình tháng 12/2026"], "concluder": ["đồng chí Chủ tịch"],
        "secretary": ["Nguyễn Minh Khoa"],
    }  # not the purpose, the absent or the end: they differ each time
    assert carried(PREVIOUS, None)["kind"] == ["Giao ban tháng 11/2026"]  # no date: as it was


def test_pending_offers_what_the_meeting_lacks() -> None:
    offered = carried(PREVIOUS, DEC)
    current = MeetingDetails(date="2026-12-16", place="Nhà văn hoá", attend=["ông a"])
    result = pending(offered, current)
    assert "place" not in result  # set (to something else): not offered again
    assert result["attend"] == ["Bà B"]  # "ông a" is Ông A
    assert list(result)[:3] == ["time", "body", "kind"]  # in the order of the detail commands


def test_template_round_trip_and_offer() -> None:
    template = Template.of("  Giao ban tháng ", PREVIOUS)
    assert template.name == "Giao ban tháng"
    again = Template.from_dict(template.to_dict())
    assert again == template
    assert again.offered(JAN)["kind"] == ["Giao ban tháng 01/2027"]
    assert Template.from_dict({"name": "x", "details": {"kind": "not a list", "bad": ["y"]}, "date": "xx"}) == Template("x")
