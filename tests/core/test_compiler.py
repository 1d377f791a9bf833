"""The compiler, on meetings of our own writing: the notice as structured data."""

from __future__ import annotations

from datetime import date

from minutes_tui.core.compiler import compile_notice, lower_first
from minutes_tui.core.model import Kind, Line, Meeting, OfficeSettings
from minutes_tui.core.notice import Notice
from tests.notes import NO_HEADINGS, SAMPLE_SHAPED, meeting_from_notes


def outline(notice: Notice) -> list[str]:
    return [block.display for block in notice.body]


def test_sample_shaped_meeting_compiles_to_the_expected_notice() -> None:
    meeting, settings = meeting_from_notes(SAMPLE_SHAPED)
    notice = compile_notice(meeting, settings, date(2027, 3, 10))
    assert (notice.parent_body, notice.issuer) == ("UBND TỈNH HÒA BÌNH XANH", "VĂN PHÒNG HĐND HUYỆN SÔNG LAM")
    assert notice.number == "Số:        /TB-VP"
    assert notice.place_date == "Sông Lam, ngày 10 tháng 3 năm 2027"
    assert notice.title == "THÔNG BÁO"
    # issue #12: the kind less the body, the year completing the month the kind names (no date then)
    assert notice.summary.text == "Kết luận của Thường trực HĐND huyện tại phiên họp tháng 3 năm 2027"
    assert notice.intro[0].text == (
        # issue #12: the body is not repeated in the kind; the meeting is named by its own noun
        "Ngày 09/03/2027, tại Phòng họp số 2 Huyện ủy, Thường trực HĐND huyện tổ chức phiên họp tháng 3 để cho "
        "ý kiến về kế hoạch giám sát năm 2027. Phiên họp do đồng chí Lê Văn Sơn - Chủ tịch HĐND huyện chủ trì. "
        "Tham dự phiên họp có đồng chí Phan Thị Mai - Phó Chủ tịch HĐND huyện; Trưởng, Phó các Ban HĐND huyện."
    )
    assert notice.intro[1].text == (
        "Sau khi nghe đồng chí Phó Chủ tịch HĐND huyện báo cáo kết quả kỳ họp thứ tư; ý kiến tham gia của các "
        "thành viên dự họp, đồng chí Lê Văn Sơn - Chủ tịch HĐND huyện thay mặt Thường trực HĐND huyện kết luận "
        "một số nội dung sau:"
    )
    assert outline(notice) == [
        "1. Đánh giá công tác tổ chức kỳ họp thứ tư",
        "a) Kết quả đạt được",
        "- Kỳ họp diễn ra đúng quy định, nội dung chuẩn bị chu đáo.",
        "- Phiên chất vấn sôi nổi, đúng trọng tâm.",
        "b) Tồn tại, hạn chế",
        "- Một số báo cáo gửi đại biểu còn chậm.",
        "- Thị uỷ đề nghị rút kinh nghiệm công tác tổng hợp ý kiến cử tri.",
        "2. Nhiệm vụ quý II năm 2027",
        "a) Công tác giám sát",
        ("- Ban Kinh tế - Xã hội chủ trì, phối hợp với Ban Pháp chế xây dựng kế hoạch giám sát chuyên đề về "
        "đất đai; hoàn thành trước ngày 31/03/2027."),
        "- UBND huyện chỉ đạo cơ quan chuyên môn gửi tài liệu đúng hạn.",  # owner already named: unchanged
        "b) Công tác tiếp xúc cử tri",
        "- Văn phòng HĐND và UBND huyện tổng hợp ý kiến cử tri trước kỳ họp giữa năm; hoàn thành trong tháng 05/2027.",
        "- Thống nhất tổ chức hội nghị tập huấn cho đại biểu trong quý II.",
    ]
    assert notice.closing.text == (
        "Thừa lệnh Thường trực HĐND huyện, Văn phòng HĐND và UBND huyện thông báo đến các cơ quan, đơn vị, "
        "địa phương liên quan biết, phối hợp thực hiện./."
    )
    # issue #12: "Các Ban HĐND huyện" covers both Bans; the announcer is not its own recipient
    assert notice.recipients == ["TT Huyện ủy", "TT HĐND huyện", "UBND huyện", "Các Ban HĐND huyện"]
    assert notice.archive == "Lưu: VT"
    assert (notice.authority, notice.signer_title, notice.signer_name) == (
        ["TL. THƯỜNG TRỰC HĐND"], "CHÁNH VĂN PHÒNG", "Đỗ Thị Hạnh"
    )


def test_plain_notes_stay_out_and_default_outline_applies() -> None:
    meeting, settings = meeting_from_notes(NO_HEADINGS)
    notice = compile_notice(meeting, settings)
    assert outline(notice) == [
        "1. Đánh giá chung",
        "a) Kết quả đạt được",
        "- Hoàn thành chi trả trợ cấp Tết.",
        "b) Tồn tại, hạn chế",
        "- Thu ngân sách còn thấp.",
        "2. Các nội dung thống nhất",  # issue #12: decisions do not sit under "Nhiệm vụ"
        "- Thống nhất tổ chức Tết trồng cây.",
        "3. Nhiệm vụ thời gian tới",
        "- Công chức Lao động rà soát hộ nghèo; hoàn thành trước ngày 28/02/2027.",
    ]
    assert "ghi chú" not in " ".join(b.text for b in notice.blocks())
    assert notice.place_date == "Sông Lam, ngày     tháng     năm     "  # no date given: blanks to fill


def test_recipients_are_not_duplicated_under_folding() -> None:
    meeting = Meeting(lines=[
        Line(Kind.TASK, "Việc một", ["Thị ủy Sông Lam"]),
        Line(Kind.TASK, "Việc hai", ["THỊ UỶ SÔNG LAM", "ubnd huyện"]),
    ])
    settings = OfficeSettings(recipients=["Thị uỷ Sông Lam", "UBND huyện"])
    assert compile_notice(meeting, settings).recipients == ["Thị uỷ Sông Lam", "UBND huyện"]


def test_deadline_already_in_text_is_not_repeated() -> None:
    meeting = Meeting(lines=[Line(Kind.TASK, "Nộp báo cáo trước ngày 31/01/2027", ["Văn phòng"], "31/01/2027")])
    (bullet,) = compile_notice(meeting, OfficeSettings()).body  # one kind alone: no heading (issue #12)
    assert bullet.text == "Văn phòng nộp báo cáo trước ngày 31/01/2027."


def test_empty_sections_are_left_out_and_numbering_stays_dense() -> None:
    meeting = Meeting(lines=[
        Line(Kind.SECTION, "Trống"),
        Line(Kind.NOTE, "chỉ có ghi chú"),
        Line(Kind.SECTION, "Có nội dung"),
        Line(Kind.DECISION, "thống nhất"),
    ])
    assert outline(compile_notice(meeting, OfficeSettings())) == ["1. Có nội dung", "- Thống nhất."]


def test_lower_first_keeps_acronyms_and_mixed_case() -> None:
    # issue #12: whether a text starts with a name is the subject rule's question
    # (tests/core/test_phrasing.py); lower_first only lowers a verb now put mid-sentence.
    assert lower_first("Rà soát hồ sơ") == "rà soát hồ sơ"
    assert lower_first("Tổ chức hội nghị") == "tổ chức hội nghị"
    assert lower_first("Bảo đảm tiến độ") == "bảo đảm tiến độ"
    assert lower_first("UBND huyện chỉ đạo") == "UBND huyện chỉ đạo"
    assert lower_first("iOffice cập nhật") == "iOffice cập nhật"


def test_many_subsections_use_the_vietnamese_alphabet() -> None:
    lines = [Line(Kind.SECTION, "Mục")]
    for n in range(6):
        lines += [Line(Kind.SUBSECTION, f"Tiểu mục {n}"), Line(Kind.DECISION, f"nội dung {n}")]
    labels = [b.label for b in compile_notice(Meeting(lines=lines), OfficeSettings()).body if b.style == "subsection"]
    assert labels == ["a)", "b)", "c)", "d)", "đ)", "e)"]


def test_structure_matches_the_reference_notice_when_available() -> None:
    import re
    from pathlib import Path

    import pytest

    sample = Path(__file__).resolve().parents[3] / "shared" / "reference" / "sample-notice-2022-01-12.md"
    if not sample.exists():
        pytest.skip("reference notice not present beside the project")
    text = sample.read_text(encoding="utf-8")
    # The reference's heading labels in order, e.g. "1.", "a)", "b)", "2.", "a)", "b)".
    labels = re.findall(r"^[#\s]*\**_*\**(\d+\.|[a-zđ]\))\s", text, flags=re.MULTILINE)
    meeting, settings = meeting_from_notes(SAMPLE_SHAPED)
    notice = compile_notice(meeting, settings)
    ours = [b.label for b in notice.body if b.style in ("section", "subsection")]
    assert ours == labels
    for title in ("Kết quả đạt được", "Tồn tại, hạn chế"):
        assert title in text and any(b.text == title for b in notice.body)
    assert notice.closing.text.startswith("Thừa lệnh") and notice.closing.text.endswith("./.")
    assert "Thừa lệnh" in text and text.rstrip().count("./.") >= 1
