"""Issue #12 "What was observed", one table per bullet, through ``compile_notice``.

Each row is a meeting line (or a few) of our own writing in the shape the issue
reports, and the sentence an office head would sign without changing a word.
"""

from __future__ import annotations

from datetime import date

import pytest

from minutes_tui.core.checks import check_meeting
from minutes_tui.core.compiler import compile_notice
from minutes_tui.core.notice import BULLET, Notice
from tests.notes import meeting_from_notes

# An UBND xã of the two-tier government, its Văn phòng signing "by order" of the chairman.
OFFICE_XA = """\
/set issuer ỦY BAN NHÂN DÂN|XÃ TÂN HÒA
/set code TB-UBND
/set place_name Tân Hòa
/set authority TL. CHỦ TỊCH
/set signer_title CHÁNH VĂN PHÒNG
/set signer_name Hồ Thị Lan
/set announcer Văn phòng HĐND và UBND xã
/set recipients TT Đảng ủy xã; TT HĐND xã; Các phòng chuyên môn thuộc UBND xã
/date 05/03/2027
/body UBND xã Tân Hòa
/kind Phiên họp thường kỳ tháng 3 năm 2027
/chair Nguyễn Văn Hòa - Phó Bí thư Đảng ủy, Chủ tịch UBND xã
"""
ISSUED = date(2027, 3, 8)


def compiled(lines: str, office: str = OFFICE_XA, issued: date | None = ISSUED) -> Notice:
    meeting, settings = meeting_from_notes(office + lines)
    return compile_notice(meeting, settings, issued)


def bullets(lines: str, office: str = OFFICE_XA) -> list[str]:
    return [block.text for block in compiled(lines, office).body if block.style == BULLET]


# -- verbs capitalised mid-sentence --------------------------------------------------
VERBS_AFTER_OWNER = [
    ("> Bảo đảm tiến độ giải ngân vốn đầu tư công @Văn phòng HĐND và UBND xã",
     "Văn phòng HĐND và UBND xã bảo đảm tiến độ giải ngân vốn đầu tư công."),
    ("> Bố trí kinh phí tổ chức Tết Nguyên đán @Sở Tài chính",
     "Sở Tài chính bố trí kinh phí tổ chức Tết Nguyên đán."),
    ("> Thanh toán dứt điểm nợ đọng xây dựng cơ bản @Phòng Kế hoạch - Tài chính",
     "Phòng Kế hoạch - Tài chính thanh toán dứt điểm nợ đọng xây dựng cơ bản."),
    ("> Quản lý chặt chẽ quỹ đất công @Công chức Địa chính",
     "Công chức Địa chính quản lý chặt chẽ quỹ đất công."),
    ("> Vận động nhân dân hiến đất làm đường @Ủy ban MTTQ Việt Nam xã",
     "Ủy ban MTTQ Việt Nam xã vận động nhân dân hiến đất làm đường."),
    ("> Sơ kết công tác 6 tháng @Văn phòng HĐND và UBND xã",
     "Văn phòng HĐND và UBND xã sơ kết công tác 6 tháng."),
    ("> Đăng ký chỉ tiêu thi đua @Đoàn Thanh niên xã", "Đoàn Thanh niên xã đăng ký chỉ tiêu thi đua."),
    ("> Báo cáo kết quả kiểm tra @Trạm Y tế xã", "Trạm Y tế xã báo cáo kết quả kiểm tra."),
    ("> Bàn giao mặt bằng cho nhà thầu @Ban quản lý dự án", "Ban quản lý dự án bàn giao mặt bằng cho nhà thầu."),
    ("> Tổ chức hội nghị sơ kết @Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã tổ chức hội nghị sơ kết."),
    ("> Ban hành kế hoạch kiểm tra @Công an xã", "Công an xã ban hành kế hoạch kiểm tra."),
    # kept as typed: the text already starts with a subject (an acronym, a known name)
    ("> UBND xã chỉ đạo rà soát hồ sơ @UBND xã Tân Hòa", "UBND xã chỉ đạo rà soát hồ sơ."),
    ("> Công an xã tăng cường tuần tra @Công an xã", "Công an xã tăng cường tuần tra."),
]


@pytest.mark.parametrize(("typed", "expected"), VERBS_AFTER_OWNER)
def test_the_verb_after_an_inserted_owner_is_lower_case(typed: str, expected: str) -> None:
    assert bullets(typed) == [expected]


# -- owner placement after directive verbs, and texts that have their own subject ---------
OWNER_PLACEMENT = [
    ("> Giao Văn phòng tổng hợp ý kiến góp ý @Văn phòng HĐND và UBND xã", "Giao Văn phòng tổng hợp ý kiến góp ý."),
    ("> Giao tham mưu kế hoạch phòng, chống dịch sốt xuất huyết @Trạm Y tế xã",
     "Giao Trạm Y tế xã tham mưu kế hoạch phòng, chống dịch sốt xuất huyết."),
    ("> Đề nghị tăng cường tuần tra ban đêm @Công an xã", "Đề nghị Công an xã tăng cường tuần tra ban đêm."),
    ("> Yêu cầu khẩn trương hoàn thiện hồ sơ quyết toán @Ban quản lý dự án",
     "Yêu cầu Ban quản lý dự án khẩn trương hoàn thiện hồ sơ quyết toán."),
    ("= Thống nhất giao rà soát quỹ đất công @Công chức Địa chính",
     "Thống nhất giao công chức Địa chính rà soát quỹ đất công."),
    ("> Các phòng chuyên môn chủ động rà soát thủ tục hành chính @Văn phòng HĐND và UBND xã",
     "Các phòng chuyên môn chủ động rà soát thủ tục hành chính."),
    ("> Đề nghị Công an xã phối hợp kiểm tra @Công an xã", "Đề nghị Công an xã phối hợp kiểm tra."),
    ("> Phòng, chống dịch bệnh trên đàn gia súc @Trạm Y tế xã", "Trạm Y tế xã phòng, chống dịch bệnh trên đàn gia súc."),
]


@pytest.mark.parametrize(("typed", "expected"), OWNER_PLACEMENT)
def test_owner_goes_after_the_directive_verb_and_never_before_a_subject(typed: str, expected: str) -> None:
    assert bullets(typed) == [expected]


# -- co-owners inside the sentence ------------------------------------------------------
CO_OWNERS = [
    (("> Rà soát danh sách hộ nghèo @Công chức Văn hóa - Xã hội @Hội Liên hiệp Phụ nữ xã @Hội Nông dân xã "
     "@Trưởng các thôn"),
     ("Công chức Văn hóa - Xã hội chủ trì, phối hợp với Hội Liên hiệp Phụ nữ xã, Hội Nông dân xã và Trưởng các "
     "thôn rà soát danh sách hộ nghèo.")),
    (("> Kiểm tra trật tự xây dựng @Văn phòng HĐND và UBND xã @Phòng Kinh tế, Hạ tầng và Đô thị @Công an xã "
     "@Trạm Y tế xã"),
     ("Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Kinh tế, Hạ tầng và Đô thị; Công an xã và Trạm Y tế "
     "xã kiểm tra trật tự xây dựng.")),
    ("> Văn phòng HĐND và UBND xã tổng hợp báo cáo @Văn phòng HĐND và UBND xã @Công an xã ^15/03",
     ("Văn phòng HĐND và UBND xã chủ trì, phối hợp với Công an xã tổng hợp báo cáo; hoàn thành trước ngày "
     "15/03/2027.")),
    ("> Phối hợp với Công an xã kiểm tra an toàn thực phẩm @Trạm Y tế xã @Công an xã",
     "Trạm Y tế xã phối hợp với Công an xã kiểm tra an toàn thực phẩm."),
    ("> Giao tổ chức Ngày hội đại đoàn kết @Ủy ban MTTQ Việt Nam xã @Đoàn Thanh niên xã @Hội Cựu chiến binh xã ^30/03",
     ("Giao Ủy ban MTTQ Việt Nam xã chủ trì, phối hợp với Đoàn Thanh niên xã và Hội Cựu chiến binh xã tổ chức "
     "Ngày hội đại đoàn kết; hoàn thành trước ngày 30/03/2027.")),
]


@pytest.mark.parametrize(("typed", "expected"), CO_OWNERS)
def test_co_owners_sit_inside_the_sentence(typed: str, expected: str) -> None:
    (text,) = bullets(typed)
    assert text == expected
    assert text.count("phối hợp với") <= 1


# -- deadlines ----------------------------------------------------------------------------
DEADLINES = [
    ("= Thống nhất tổ chức Hội chợ xuân @Văn phòng HĐND và UBND xã ^15/01/2028",
     "Thống nhất tổ chức Hội chợ xuân; giao Văn phòng HĐND và UBND xã thực hiện, hoàn thành trước ngày 15/01/2028."),
    ("= Thống nhất điều chỉnh lịch tiếp công dân ^20/03",
     "Thống nhất điều chỉnh lịch tiếp công dân; hoàn thành trước ngày 20/03/2027."),
    ("> Kiểm tra vệ sinh an toàn thực phẩm @Trạm Y tế xã ^thường xuyên",
     "Trạm Y tế xã kiểm tra vệ sinh an toàn thực phẩm; thực hiện thường xuyên."),
    ("> Khắc phục sự cố sạt lở @Ban Chỉ huy quân sự xã ^ngay", "Ban Chỉ huy quân sự xã khắc phục sự cố sạt lở; thực hiện ngay."),
    ("> Gửi báo cáo trước ngày 20/5 @Văn phòng HĐND và UBND xã ^20/5/2027",
     "Văn phòng HĐND và UBND xã gửi báo cáo trước ngày 20/5."),
    ("> Hoàn thiện hồ sơ; @Công an xã ^30/03", "Công an xã hoàn thiện hồ sơ; hoàn thành trước ngày 30/03/2027."),
    ("> Rà soát tiêu chí nông thôn mới: @Công chức Địa chính ^quý II",
     "Công chức Địa chính rà soát tiêu chí nông thôn mới; hoàn thành trong quý II năm 2027."),
]


@pytest.mark.parametrize(("typed", "expected"), DEADLINES)
def test_deadlines_are_kept_said_once_and_worded_by_kind(typed: str, expected: str) -> None:
    assert bullets(typed) == [expected]


def test_an_ongoing_deadline_is_not_reported_as_unclear() -> None:
    meeting, _ = meeting_from_notes(OFFICE_XA + "> Kiểm tra @Trạm Y tế xã ^thường xuyên\n> Trực @Công an xã ^ngay\n")
    assert [p.code for p in check_meeting(meeting) if p.line_id] == []


# -- outline without headings ----------------------------------------------------------------
OUTLINES = [
    (("+ Thu ngân sách đạt 30% dự toán\n! Giải ngân vốn còn chậm\n= Thống nhất lịch tiếp công dân\n"
     "> Rà soát hồ sơ @Công an xã ^20/03\n"),
     ["1. Đánh giá chung", "a) Kết quả đạt được", "- Thu ngân sách đạt 30% dự toán.", "b) Tồn tại, hạn chế",
      "- Giải ngân vốn còn chậm.", "2. Các nội dung thống nhất", "- Thống nhất lịch tiếp công dân.",
      "3. Nhiệm vụ thời gian tới", "- Công an xã rà soát hồ sơ; hoàn thành trước ngày 20/03/2027."]),
    ("= Thống nhất nội dung kỳ họp\n= Thống nhất thời gian khai mạc\n",
     ["- Thống nhất nội dung kỳ họp.", "- Thống nhất thời gian khai mạc."]),
    ("+ Hoàn thành chi trả trợ cấp\n> Lập danh sách @Công an xã ^20/03\n",
     ["1. Kết quả đạt được", "- Hoàn thành chi trả trợ cấp.", "2. Nhiệm vụ thời gian tới",
      "- Công an xã lập danh sách; hoàn thành trước ngày 20/03/2027."]),
]


@pytest.mark.parametrize(("typed", "expected"), OUTLINES)
def test_default_outline_by_kind_keeps_decisions_out_of_tasks(typed: str, expected: list[str]) -> None:
    assert [block.display for block in compiled(typed).body] == expected


# -- Nơi nhận -----------------------------------------------------------------------------------
def test_recipients_skip_owners_the_list_already_covers_and_are_capitalised() -> None:
    office = OFFICE_XA.replace("Các phòng chuyên môn thuộc UBND xã", "Các phòng chuyên môn thuộc UBND xã; các đoàn thể xã")
    notice = compiled(
        "> Việc một @Thường trực HĐND xã\n"  # "TT HĐND xã"
        "> Việc hai @Phòng Kinh tế\n"  # "Các phòng chuyên môn thuộc UBND xã"
        "> Việc ba @Văn phòng HĐND và UBND xã\n"  # the announcer
        "> Việc bốn @UBND xã Tân Hòa\n"  # the issuer
        "> Việc năm @công chức Tư pháp - Hộ tịch @TT Đảng ủy xã\n",
        office,
    )
    assert notice.recipients == [
        "TT Đảng ủy xã", "TT HĐND xã", "Các phòng chuyên môn thuộc UBND xã", "Các đoàn thể xã",
        "Công chức Tư pháp - Hộ tịch",
    ]


# -- header and date --------------------------------------------------------------------------
def test_a_bar_in_issuer_or_parent_body_breaks_the_header_line() -> None:
    office = OFFICE_XA.replace("/set issuer ỦY BAN NHÂN DÂN|XÃ TÂN HÒA", "/set parent_body UBND XÃ TÂN HÒA\n"
                               "/set issuer Văn phòng HĐND|và UBND")
    notice = compiled("= Thống nhất\n", office)
    assert notice.parent_body == "UBND XÃ TÂN HÒA"
    assert notice.issuer == "VĂN PHÒNG HĐND\nVÀ UBND"


def test_the_date_line_is_never_earlier_than_the_meeting() -> None:
    assert compiled("= Thống nhất\n", issued=date(2027, 3, 1)).place_date == "Tân Hòa, ngày 05 tháng 3 năm 2027"
    assert compiled("= Thống nhất\n", issued=date(2027, 3, 9)).place_date == "Tân Hòa, ngày 09 tháng 3 năm 2027"


def test_the_office_may_prefer_a_blank_date_line() -> None:
    notice = compiled("= Thống nhất\n", OFFICE_XA + "/set date_line trống\n")
    assert notice.place_date == "Tân Hòa, ngày     tháng     năm     "


def test_named_attendees_are_introduced_as_comrades() -> None:
    notice = compiled("= Thống nhất\n", OFFICE_XA + "/attend Phan Văn Tùng - Phó Chủ tịch UBND xã\n"
                      "/attend lãnh đạo các phòng chuyên môn\n")
    assert "Tham dự phiên họp có đồng chí Phan Văn Tùng - Phó Chủ tịch UBND xã; lãnh đạo các phòng chuyên môn." in (
        notice.intro[0].text)


# -- closing and trích yếu follow who signs ----------------------------------------------------------
SO_KT = """\
/set parent_body UBND TỈNH HÒA BÌNH XANH
/set issuer SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
/set code TB-SNNMT
/set place_name Hòa Bình Xanh
/set authority KT. GIÁM ĐỐC
/set signer_title PHÓ GIÁM ĐỐC
/set signer_name Lê Minh Hải
/set announcer Sở Nông nghiệp và Môi trường
/date 10/03/2027
/body Sở Nông nghiệp và Môi trường
/kind Cuộc họp giao ban tháng 3 năm 2027
/chair Lê Minh Hải - Phó Giám đốc Sở
"""
HEAD_SIGNS = """\
/set parent_body SỞ Y TẾ TỈNH HÒA BÌNH XANH
/set issuer TRUNG TÂM Y TẾ KHU VỰC SƠN HÀ
/set code TB-TTYT
/set place_name Sơn Hà
/set signer_title GIÁM ĐỐC
/set signer_name Phạm Đức Long
/date 12/03/2027
/body Trung tâm Y tế khu vực Sơn Hà
/kind Cuộc họp giao ban chuyên môn
/chair Phạm Đức Long - Giám đốc Trung tâm
"""
CLOSINGS = [
    (OFFICE_XA, ("Thừa lệnh Chủ tịch UBND xã Tân Hòa, Văn phòng HĐND và UBND xã thông báo đến các cơ quan, đơn vị "
                "liên quan biết, phối hợp thực hiện./.")),
    (SO_KT, ("Sở Nông nghiệp và Môi trường thông báo kết luận của Phó Giám đốc Sở để các cơ quan, đơn vị liên quan "
            "biết, thực hiện./.")),
    (HEAD_SIGNS, ("Trung tâm Y tế khu vực Sơn Hà thông báo kết luận của Giám đốc Trung tâm để các cơ quan, đơn vị "
                 "liên quan biết, thực hiện./.")),
]


@pytest.mark.parametrize(("office", "closing"), CLOSINGS, ids=["TL-chairman", "KT-director", "head-signs"])
def test_the_closing_follows_who_signs(office: str, closing: str) -> None:
    assert compiled("= Thống nhất\n", office).closing.text == closing


def test_local_units_among_the_owners_bring_in_dia_phuong() -> None:
    text = compiled("> Rà soát hộ nghèo @Trưởng các thôn ^20/03\n").closing.text
    assert "đến các cơ quan, đơn vị, địa phương liên quan" in text


SUMMARIES = [
    (OFFICE_XA, "Kết luận của Chủ tịch UBND xã tại phiên họp thường kỳ tháng 3 năm 2027"),
    (SO_KT, "Kết luận của Phó Giám đốc Sở tại cuộc họp giao ban tháng 3 năm 2027"),
    (HEAD_SIGNS, "Kết luận của Giám đốc Trung tâm tại cuộc họp giao ban chuyên môn ngày 12/03/2027"),
    (OFFICE_XA.replace("TL. CHỦ TỊCH", "TL. THƯỜNG TRỰC HĐND").replace("/body UBND xã Tân Hòa", "/body Thường trực HĐND xã")
     .replace("/kind Phiên họp thường kỳ tháng 3 năm 2027", "/kind Phiên họp Thường trực HĐND xã"),
     "Kết luận của Thường trực HĐND xã tại phiên họp ngày 05/03/2027"),
    (OFFICE_XA.replace("/kind Phiên họp thường kỳ tháng 3 năm 2027", "/kind Phiên họp thường kỳ tháng 3"),
     "Kết luận của Chủ tịch UBND xã tại phiên họp thường kỳ tháng 3 năm 2027"),
]


@pytest.mark.parametrize(("office", "summary"), SUMMARIES, ids=["chairman", "deputy-director", "director", "standing-committee", "month-without-year"])
def test_the_trich_yeu_names_who_concluded_without_repeating_body_or_time(office: str, summary: str) -> None:
    assert compiled("= Thống nhất\n", office).summary.text == summary
