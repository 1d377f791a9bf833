"""recipients.py: Nơi nhận covers an owner once."""

from __future__ import annotations

import pytest

from minutes_tui.core.model import Kind, Line, Meeting, OfficeSettings
from minutes_tui.core.recipients import covers, recipients


@pytest.mark.parametrize(
    ("entry", "owner", "covered"),
    [
        ("TT HĐND xã", "Thường trực HĐND xã", True),
        ("UBND phường", "Ủy ban nhân dân phường", True),
        ("Thị uỷ Đức Phổ", "THỊ ỦY ĐỨC PHỔ", True),
        ("Văn phòng HĐND và UBND xã", "Văn phòng", True),  # a short form of the entry
        ("Công an", "Công an xã", True),
        ("Các phòng chuyên môn thuộc UBND xã", "Phòng Kinh tế", True),
        ("Các phòng chuyên môn thuộc UBND xã", "Văn phòng HĐND và UBND xã", False),
        ("Thường trực HĐND các xã, phường", "Thường trực HĐND phường An Phú", True),
        ("Thường trực HĐND các xã, phường", "UBND phường An Phú", False),
        ("Các Ban HĐND huyện", "Ban Pháp chế", True),
        ("Các Ban HĐND huyện", "Ban Chỉ huy quân sự huyện", False),
        ("Các Ban HĐND huyện", "Ban quản lý dự án", False),
        ("Các khoa, phòng", "Khoa Nội", True),
        ("Đơn vị 1", "Đơn vị 10", False),
        ("Hội Nông dân xã", "Hội Phụ nữ xã", False),
    ],
)
def test_covers(entry: str, owner: str, covered: bool) -> None:
    assert covers(entry, owner) is covered


def _meeting(*owners: list[str]) -> Meeting:
    return Meeting(lines=[Line(Kind.TASK, f"Việc {n}", list(names)) for n, names in enumerate(owners)])


def test_defaults_once_then_uncovered_owners_capitalised_in_order_of_use() -> None:
    settings = OfficeSettings(
        issuer="ỦY BAN NHÂN DÂN|XÃ TÂN HÒA", announcer="Văn phòng HĐND và UBND xã",
        recipients=["TT Đảng ủy xã", "Thường trực Đảng ủy xã", "các đoàn thể xã"],
    )
    meeting = _meeting(["UBND xã Tân Hòa"], ["Văn phòng"], ["công chức Tư pháp", "Đoàn Thanh niên xã"],
                       ["Trạm Y tế xã"], ["Công chức Tư pháp"])
    assert recipients(meeting, settings) == ["TT Đảng ủy xã", "Các đoàn thể xã", "Công chức Tư pháp", "Trạm Y tế xã"]


def test_decision_owners_are_recipients_too() -> None:
    meeting = Meeting(lines=[Line(Kind.DECISION, "Thống nhất", ["Ban quản lý chợ"])])
    assert recipients(meeting, OfficeSettings()) == ["Ban quản lý chợ"]
