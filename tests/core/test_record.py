"""record.py: the biên bản's words, built in the pure core."""

from __future__ import annotations

from minutes_tui.core.model import Kind, Line, Meeting, MeetingDetails, OfficeSettings
from minutes_tui.core.notice import SECTION, SUBSECTION
from minutes_tui.core.record import build_record
from tests.notes import meeting_from_notes

NOTES = """\
/set issuer ỦY BAN NHÂN DÂN|XÃ TÂN HÒA
/set code TB-UBND
/alias vp Văn phòng HĐND và UBND xã
/date 05/03/2027
/place Hội trường UBND xã
/body UBND xã Tân Hòa
/kind phiên họp thường kỳ tháng 3 năm 2027
/chair Nguyễn Văn Hòa - Chủ tịch UBND xã
/attend các Phó Chủ tịch UBND xã
/heard Văn phòng báo cáo tình hình tháng 2
Chủ tịch nêu mục đích phiên họp
> Rà soát hồ sơ @vp ^20/03
# Kinh tế
+ thu ngân sách đạt 30%
ông Tư đề nghị làm rõ nguyên nhân chậm giải ngân
## Đầu tư công
! giải ngân còn chậm
> Đề nghị đẩy nhanh giải ngân @Ban quản lý dự án ^31/03
# Xã hội
= Thống nhất tổ chức Ngày hội đại đoàn kết @vp ^quý IV
"""


def test_record_content_reads_as_the_meeting_went() -> None:
    meeting, settings = meeting_from_notes(NOTES)
    record = build_record(meeting, settings)
    assert (record.parent_body, record.issuer, record.number) == ("", "ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA", "Số:        /BB-UBND")
    assert record.name == "Phiên họp thường kỳ tháng 3 năm 2027"
    assert record.fields == [
        ("Thời gian bắt đầu", "…… giờ ……, ngày 05 tháng 3 năm 2027"),
        ("Địa điểm", "Hội trường UBND xã"),
        ("Thành phần tham dự", "các Phó Chủ tịch UBND xã"),
        ("Chủ trì (chủ tọa)", "Nguyễn Văn Hòa - Chủ tịch UBND xã"),
        ("Thư ký (người ghi biên bản)", "……"),
    ]
    assert [block.display for block in record.content] == [
        "Phiên họp nghe Văn phòng báo cáo tình hình tháng 2.",
        "Chủ tịch nêu mục đích phiên họp.",
        "1. Kinh tế",
        "Thu ngân sách đạt 30%.",
        "Ông Tư đề nghị làm rõ nguyên nhân chậm giải ngân.",
        "a) Đầu tư công",
        "Giải ngân còn chậm.",
        "2. Kết luận của chủ trì",
        "Đồng chí Nguyễn Văn Hòa - Chủ tịch UBND xã kết luận:",
        "- Văn phòng HĐND và UBND xã rà soát hồ sơ; hoàn thành trước ngày 20/03/2027.",
        "a) Đầu tư công",
        "- Đề nghị Ban quản lý dự án đẩy nhanh giải ngân; hoàn thành trước ngày 31/03/2027.",
        "b) Xã hội",
        ("- Thống nhất tổ chức Ngày hội đại đoàn kết; giao Văn phòng HĐND và UBND xã thực hiện, hoàn thành trong quý "
        "IV năm 2027."),
    ]
    assert record.ending == "Cuộc họp kết thúc vào …… giờ ……, ngày 05 tháng 3 năm 2027./."
    assert (record.secretary, record.chair, record.archive) == ("", "Nguyễn Văn Hòa", "Lưu: VT, hồ sơ.")


def test_a_meeting_without_headings_or_actions() -> None:
    meeting, settings = meeting_from_notes("/kind Hội nghị sơ kết\n/end 11 giờ\n+ đạt kế hoạch\n")
    record = build_record(meeting, settings)
    assert [block.display for block in record.content] == ["Đạt kế hoạch."]
    assert record.ending == "Hội nghị kết thúc vào 11 giờ, ngày …… tháng …… năm ……./."


def test_a_heading_with_nothing_under_it_stays_in_the_record() -> None:
    """Found by the export fuzzer: '# Thị ủy' alone vanished from the biên bản, which keeps every line."""
    lines = [Line(Kind.SECTION, "Thị ủy"), Line(Kind.SECTION, "Phần hai"), Line(Kind.SUBSECTION, "Trống"),
             Line(Kind.NOTE, "Một ý kiến")]
    record = build_record(Meeting(details=MeetingDetails(date="2027-01-05"), lines=lines), OfficeSettings())
    shown = [(block.label, block.text) for block in record.content if block.style in (SECTION, SUBSECTION)]
    assert shown[:3] == [("1.", "Thị ủy"), ("2.", "Phần hai"), ("a)", "Trống")]
