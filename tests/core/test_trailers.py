"""Text after `` ^`` or `` @`` that is not a deadline or an owner stays in the text (item 14).

It used to be taken as a deadline or an owner whatever it was, and the notice
then dropped it (a finding has no deadline): ``tăng 10 m ^2 so với năm trước``
printed "tăng 10 m.". Nothing typed disappears now, and the check points at it.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core.capture import new_line
from minutes_tui.core.checks import check_meeting
from minutes_tui.core.compiler import compile_notice
from minutes_tui.core.model import Kind, Meeting, MeetingDetails, OfficeSettings
from minutes_tui.core.parser import ParsedLine, parse


@pytest.mark.parametrize(("typed", "expected"), [
    ("+ Diện tích tăng 10 m ^2 so với năm trước",
     ParsedLine(Kind.FINDING, "Diện tích tăng 10 m ^2 so với năm trước")),
    ("> Nộp báo cáo @Văn phòng ^31/02/2027",
     ParsedLine(Kind.TASK, "Nộp báo cáo ^31/02/2027", ["Văn phòng"])),
    # two deadlines: the last one counts (it is where the notes language writes it back); the other stays
    ("> Nộp báo cáo ^31/01/2027 ^28/02/2027",
     ParsedLine(Kind.TASK, "Nộp báo cáo ^31/01/2027", [], "28/02/2027")),
    ("> Họp tổng kết @@x", ParsedLine(Kind.TASK, "Họp tổng kết @@x")),
    ("> Họp tổng kết @@x @Văn phòng", ParsedLine(Kind.TASK, "Họp tổng kết @@x", ["Văn phòng"])),
    ("Giá 5 @ 10 nghìn đồng", ParsedLine(Kind.NOTE, "Giá 5 @ 10 nghìn đồng")),
    ("Kết thúc câu ^", ParsedLine(Kind.NOTE, "Kết thúc câu ^")),
    # what was understood before still is
    ("> Nộp @Văn phòng ^trước 31/01/2027", ParsedLine(Kind.TASK, "Nộp", ["Văn phòng"], "trước 31/01/2027")),
    ("> Kế hoạch ^quý I", ParsedLine(Kind.TASK, "Kế hoạch", [], "quý I")),
    ("> Rà soát ^29/02", ParsedLine(Kind.TASK, "Rà soát", [], "29/02")),
    ("> Theo dõi ^thường xuyên @Công an", ParsedLine(Kind.TASK, "Theo dõi", ["Công an"], "thường xuyên")),
    ("> Báo cáo ^trong 10 ngày", ParsedLine(Kind.TASK, "Báo cáo", [], "trong 10 ngày")),
])
def test_only_real_owners_and_deadlines_leave_the_text(typed: str, expected: ParsedLine) -> None:
    assert parse(typed) == expected


def _notice_text(typed: str) -> str:
    parsed = parse(typed)
    assert isinstance(parsed, ParsedLine)
    meeting = Meeting(details=MeetingDetails(date="2027-01-12"), lines=[new_line(parsed)])
    notice = compile_notice(meeting, OfficeSettings())
    return " ".join(block.text for block in notice.body)


@pytest.mark.parametrize("typed, words", [
    ("+ Diện tích tăng 10 m ^2 so với năm trước", "so với năm trước"),
    ("! Sản lượng giảm ^3 tấn", "3 tấn"),
    ("= Thống nhất @@x", "@@x"),
])
def test_nothing_typed_disappears_from_the_notice(typed: str, words: str) -> None:
    assert words in _notice_text(typed)


@pytest.mark.parametrize("typed", [
    "+ Diện tích tăng 10 m ^2 so với năm trước", "> Nộp ^31/02/2027 @Văn phòng", "> Họp @@x", "> A ^31/01 ^28/02",
])
def test_a_kept_token_gets_a_check_warning(typed: str) -> None:
    parsed = parse(typed)
    assert isinstance(parsed, ParsedLine)
    line = new_line(parsed)
    meeting = Meeting(details=MeetingDetails(date="2027-01-12", place="P", chair="C", body="B"), lines=[line])
    problems = [p for p in check_meeting(meeting) if p.line_id == line.id and p.code == "kept_trailer"]
    assert len(problems) == 1 and problems[0].message


def test_clean_lines_get_no_such_warning() -> None:
    parsed = parse("> Nộp báo cáo @Văn phòng ^31/01/2027")
    assert isinstance(parsed, ParsedLine)
    meeting = Meeting(lines=[new_line(parsed)])
    assert not [p for p in check_meeting(meeting) if p.code == "kept_trailer"]


PIECES = ["+ ", "> ", "việc", " ", "@", " @", " ^", "^", "@@", "31/01", "31/02/2027", "2 so với", "quý I",
          "Văn phòng", "x", "10 ngày", "thường xuyên", ","]


@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_every_word_typed_is_somewhere_in_the_record(parts: list[str]) -> None:
    typed = "".join(parts)
    parsed = parse(typed)
    if not isinstance(parsed, ParsedLine):
        return
    record = " ".join([parsed.text, *parsed.owners, parsed.deadline])
    for word in typed.replace("@", " ").replace("^", " ").replace(",", " ").split():
        if word in ("+", ">"):
            continue
        assert word in record, (typed, parsed)


@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_as_typed_round_trips_with_kept_tokens(parts: list[str]) -> None:
    parsed = parse("".join(parts))
    if not isinstance(parsed, ParsedLine):
        return
    assert parse(new_line(parsed).as_typed()) == parsed
