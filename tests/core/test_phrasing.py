"""phrasing.py: one typed line → one sentence; each rule as a table."""

from __future__ import annotations

from datetime import date

import pytest

from minutes_tui.core.names import Lexicon
from minutes_tui.core.phrasing import (
    action_sentence,
    carried_over,
    join_names,
    lead_clause,
    place_owners,
    sentence,
    tidy,
    with_deadline,
)

MEETING = date(2027, 3, 5)
LEXICON = Lexicon(["Văn phòng HĐND và UBND xã", "Công an xã", "Trạm Y tế xã", "Hội Nông dân xã"])


@pytest.mark.parametrize(
    ("typed", "tidied"),
    [
        ("rà soát  hồ sơ ,kịp thời", "rà soát hồ sơ,kịp thời"),
        ("báo cáo;; kết quả", "báo cáo; kết quả"),
        ("báo cáo,; kết quả", "báo cáo, kết quả"),
        ("xong;.", "xong."),
        ("kỹ năng chất vấn, giám sát,...)", "kỹ năng chất vấn, giám sát,…)"),
        ("( ghi chú )", "(ghi chú)"),
        ("hết năm..", "hết năm."),
        ("Thông báo./.", "Thông báo./."),
    ],
)
def test_tidy(typed: str, tidied: str) -> None:
    assert tidy(typed) == tidied


@pytest.mark.parametrize(
    ("typed", "written"),
    [("rà soát hồ sơ", "Rà soát hồ sơ."), ("rà soát hồ sơ;", "Rà soát hồ sơ."), ("Kết quả tốt!", "Kết quả tốt!"),
     ("còn chậm…", "Còn chậm…"), ("đạt 92% (vượt 2%)", "Đạt 92% (vượt 2%)."), ("", "")],
)
def test_sentence(typed: str, written: str) -> None:
    assert sentence(typed) == written


@pytest.mark.parametrize(
    ("names", "joined"),
    [
        (["A"], "A"),
        (["A", "B"], "A và B"),
        (["A", "B", "C"], "A, B và C"),
        (["Phòng Kinh tế, Hạ tầng và Đô thị", "Công an xã", "Trạm Y tế xã"],
         "Phòng Kinh tế, Hạ tầng và Đô thị; Công an xã và Trạm Y tế xã"),
    ],
)
def test_join_names(names: list[str], joined: str) -> None:
    assert join_names(names) == joined


def test_lead_clause_names_partners_inside_the_sentence() -> None:
    assert lead_clause("Công an xã", []) == "Công an xã"
    assert lead_clause("Công an xã", ["Các thôn", "Trạm Y tế xã"]) == (
        "Công an xã chủ trì, phối hợp với các thôn và Trạm Y tế xã")


PLACEMENTS = [
    # text, owners, sentence body, assignment appended
    ("Rà soát hồ sơ", ["Công an xã"], "Công an xã rà soát hồ sơ", False),
    ("Giao tham mưu kế hoạch", ["Trạm Y tế xã"], "Giao Trạm Y tế xã tham mưu kế hoạch", False),
    ("Giao cho tham mưu kế hoạch", ["Trạm Y tế xã"], "Giao cho Trạm Y tế xã tham mưu kế hoạch", False),
    ("Giao ban định kỳ hằng tuần", ["Văn phòng HĐND và UBND xã"],  # "giao ban" is a noun
     "Văn phòng HĐND và UBND xã giao ban định kỳ hằng tuần", False),
    ("Đề nghị tăng cường tuần tra", ["Công an xã", "Hội Nông dân xã"],
     "Đề nghị Công an xã chủ trì, phối hợp với Hội Nông dân xã tăng cường tuần tra", False),
    ("Đề nghị UBND xã chỉ đạo rà soát", ["Công an xã"], "Đề nghị UBND xã chỉ đạo rà soát", False),
    ("Giao Văn phòng tổng hợp", ["Văn phòng HĐND và UBND xã", "Công an xã"],
     "Giao Văn phòng chủ trì, phối hợp với Công an xã tổng hợp", False),
    ("Thống nhất giao rà soát", ["Các thôn"], "Thống nhất giao các thôn rà soát", False),
    ("Văn phòng tổng hợp ý kiến", ["Văn phòng HĐND và UBND xã"], "Văn phòng tổng hợp ý kiến", False),
    ("Công an xã tổng hợp", ["Công an xã", "Trạm Y tế xã", "Hội Nông dân xã"],
     "Công an xã chủ trì, phối hợp với Trạm Y tế xã và Hội Nông dân xã tổng hợp", False),
    ("Các thôn chủ động rà soát", ["Văn phòng HĐND và UBND xã"], "Các thôn chủ động rà soát", False),
    ("Phối hợp với Công an xã kiểm tra", ["Trạm Y tế xã", "Công an xã", "Hội Nông dân xã"],
     "Trạm Y tế xã phối hợp với Công an xã và Hội Nông dân xã kiểm tra", False),
    ("Thống nhất chủ trương nâng cấp chợ", ["Văn phòng HĐND và UBND xã", "Công an xã"],
     "Thống nhất chủ trương nâng cấp chợ; giao Văn phòng HĐND và UBND xã chủ trì, phối hợp với Công an xã thực hiện",
     True),
    ("Kiểm tra, xử lý vi phạm do Công an xã thực hiện", ["Công an xã"],  # the lead already named
     "Kiểm tra, xử lý vi phạm do Công an xã thực hiện", False),
    ("UBND xã bố trí kinh phí", [], "UBND xã bố trí kinh phí", False),
]


@pytest.mark.parametrize(("text", "owners", "placed", "assigned"), PLACEMENTS)
def test_place_owners(text: str, owners: list[str], placed: str, assigned: bool) -> None:
    assert place_owners(text, owners, LEXICON) == (placed, assigned)


DEADLINES = [
    ("Công an xã rà soát", "20/03", False, "Công an xã rà soát; hoàn thành trước ngày 20/03/2027"),
    ("Công an xã rà soát;", "20/03", False, "Công an xã rà soát; hoàn thành trước ngày 20/03/2027"),
    ("Công an xã rà soát trước ngày 20/3", "20/03/2027", False, "Công an xã rà soát trước ngày 20/3"),
    ("Công an xã rà soát trong quý II", "quý II/2027", False, "Công an xã rà soát trong quý II"),
    ("Báo cáo kết quả năm 2027", "cuối năm", False, "Báo cáo kết quả năm 2027; hoàn thành trước ngày 31/12/2027"),
    ("Tổ chức vào ngày 15/3", "10/03", False, "Tổ chức vào ngày 15/3; hoàn thành trước ngày 10/03/2027"),
    ("Kiểm tra", "thường xuyên", False, "Kiểm tra; thực hiện thường xuyên"),
    ("Kiểm tra thường xuyên", "thường xuyên", False, "Kiểm tra thường xuyên"),
    ("Trực", "ngay", False, "Trực; thực hiện ngay"),
    ("Thống nhất; giao A thực hiện", "30/03", True, "Thống nhất; giao A thực hiện, hoàn thành trước ngày 30/03/2027"),
    ("Kiểm tra", "", False, "Kiểm tra"),
]


@pytest.mark.parametrize(("text", "typed", "assigned", "written"), DEADLINES)
def test_with_deadline(text: str, typed: str, assigned: bool, written: str) -> None:
    assert with_deadline(text, typed, MEETING, after_assignment=assigned) == written


def test_action_sentence_never_tacks_partners_after_the_deadline() -> None:
    text = action_sentence("Rà soát hồ sơ;", ["Công an xã", "Trạm Y tế xã"], "20/03", MEETING, LEXICON)
    assert text == "Công an xã chủ trì, phối hợp với Trạm Y tế xã rà soát hồ sơ; hoàn thành trước ngày 20/03/2027."


MORE = [
    # a later clause's own "giao" takes the owner
    ("Thống nhất nội dung, chương trình kỳ họp; giao hoàn chỉnh, gửi đại biểu", ["Văn phòng HĐND và UBND xã"], "10/03",
     ("Thống nhất nội dung, chương trình kỳ họp; giao Văn phòng HĐND và UBND xã hoàn chỉnh, gửi đại biểu; hoàn thành "
     "trước ngày 10/03/2027.")),
    # the sentence's verb is already "hoàn thành": the deadline does not say it twice
    ("Hoàn thành hồ sơ kiểm định", ["Công an xã"], "30/03", "Công an xã hoàn thành hồ sơ kiểm định trước ngày 30/03/2027."),
    ("Hoàn thành hồ sơ kiểm định", ["Công an xã"], "thường xuyên", "Công an xã hoàn thành hồ sơ kiểm định; thực hiện thường xuyên."),
    ("Đề nghị Công an xã hoàn thành hồ sơ", ["Công an xã"], "30/03", "Đề nghị Công an xã hoàn thành hồ sơ trước ngày 30/03/2027."),
    # "hoàn thành quý I" is not a deadline said in the text
    ("Lập hồ sơ thanh toán khối lượng hoàn thành quý I", ["Công an xã"], "31/03/2027",
     "Công an xã lập hồ sơ thanh toán khối lượng hoàn thành quý I; hoàn thành trước ngày 31/03/2027."),
]


@pytest.mark.parametrize(("text", "owners", "deadline", "written"), MORE)
def test_action_sentence_more(text: str, owners: list[str], deadline: str, written: str) -> None:
    assert action_sentence(text, owners, deadline, MEETING, LEXICON) == written


@pytest.mark.parametrize(
    ("restated", "marked"),
    [
        ("Phòng Kinh tế hoàn thành kiểm kê đất công trước ngày 20/11/2026.",
         "Phòng Kinh tế hoàn thành kiểm kê đất công trước ngày 20/11/2026 (nhiệm vụ chuyển tiếp)."),
        ("Rà soát hộ nghèo cuối năm.", "Rà soát hộ nghèo cuối năm (nhiệm vụ chuyển tiếp)."),
        ("Tiếp tục rà soát hộ nghèo.", "Tiếp tục rà soát hộ nghèo (nhiệm vụ chuyển tiếp)."),
        # one parenthesis, not two side by side
        ("Triển khai tiêm chủng mở rộng (theo Kế hoạch số 12/KH-UBND).",
         "Triển khai tiêm chủng mở rộng (theo Kế hoạch số 12/KH-UBND; nhiệm vụ chuyển tiếp)."),
        ("Hoàn thiện báo cáo…", "Hoàn thiện báo cáo… (nhiệm vụ chuyển tiếp)."),
        # already said by the secretary: left as typed
        ("Công an xã thực hiện nhiệm vụ chuyển tiếp về an ninh trật tự.",
         "Công an xã thực hiện nhiệm vụ chuyển tiếp về an ninh trật tự."),
        ("Văn phòng hoàn thành báo cáo (nhiệm vụ chuyển tiếp).", "Văn phòng hoàn thành báo cáo (nhiệm vụ chuyển tiếp)."),
    ],
)
def test_a_carried_task_is_marked_once(restated: str, marked: str) -> None:
    assert carried_over(restated) == marked
