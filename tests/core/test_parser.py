"""The notes language is our public contract: a table of inputs → records."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core.directory import Directory
from minutes_tui.core.model import Kind
from minutes_tui.core.parser import (
    AliasCommand,
    DetailCommand,
    ParsedLine,
    Rejected,
    SettingCommand,
    parse,
)

DIRECTORY = Directory(aliases={"vp": "Văn phòng thị xã", "tc": "Phòng Tài chính - Kế hoạch"})


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("+ Thu ngân sách đạt 92%", ParsedLine(Kind.FINDING, "Thu ngân sách đạt 92%")),
        ("! Còn chậm tiến độ", ParsedLine(Kind.SHORTCOMING, "Còn chậm tiến độ")),
        ("> Rà soát hồ sơ", ParsedLine(Kind.TASK, "Rà soát hồ sơ")),
        ("= Thống nhất kế hoạch", ParsedLine(Kind.DECISION, "Thống nhất kế hoạch")),
        ("Ý kiến của đại biểu", ParsedLine(Kind.NOTE, "Ý kiến của đại biểu")),
        ("# Đánh giá kết quả", ParsedLine(Kind.SECTION, "Đánh giá kết quả")),
        ("## Nhiệm vụ trọng tâm", ParsedLine(Kind.SUBSECTION, "Nhiệm vụ trọng tâm")),
        ("### Sâu hơn vẫn là tiểu mục", ParsedLine(Kind.SUBSECTION, "Sâu hơn vẫn là tiểu mục")),
        # sigil glued to a letter still counts; glued to a digit it is text
        (">Rà soát", ParsedLine(Kind.TASK, "Rà soát")),
        ("+5% so với cùng kỳ", ParsedLine(Kind.NOTE, "+5% so với cùng kỳ")),
        # bullets typed by habit are dropped before the sigil is read
        ("- > Giao việc", ParsedLine(Kind.TASK, "Giao việc")),
        ("• + Kết quả tốt", ParsedLine(Kind.FINDING, "Kết quả tốt")),
        ("- ghi chú thường", ParsedLine(Kind.NOTE, "ghi chú thường")),
        # owners: each " @" starts one, to the next " @", " ^" or the end
        ("> Làm báo cáo @Văn phòng thị xã", ParsedLine(Kind.TASK, "Làm báo cáo", ["Văn phòng thị xã"])),
        (
            "> Phối hợp @UBND thị xã @Phòng Kinh tế, Hạ tầng @Công an",
            ParsedLine(Kind.TASK, "Phối hợp", ["UBND thị xã", "Phòng Kinh tế, Hạ tầng", "Công an"]),
        ),
        ("> Việc @A, @B", ParsedLine(Kind.TASK, "Việc", ["A", "B"])),
        # aliases expand (case-insensitive)
        ("> Tổng hợp @vp @TC", ParsedLine(Kind.TASK, "Tổng hợp", ["Văn phòng thị xã", "Phòng Tài chính - Kế hoạch"])),
        # deadlines, before or after owners
        ("> Nộp báo cáo @vp ^31/01", ParsedLine(Kind.TASK, "Nộp báo cáo", ["Văn phòng thị xã"], "31/01")),
        ("> Nộp ^trước 31/01/2027 @vp", ParsedLine(Kind.TASK, "Nộp", ["Văn phòng thị xã"], "trước 31/01/2027")),
        ("> Kế hoạch ^quý I", ParsedLine(Kind.TASK, "Kế hoạch", [], "quý I")),
        # an e-mail address is not an owner (no space before @)
        ("Gửi về a@b.vn", ParsedLine(Kind.NOTE, "Gửi về a@b.vn")),
        # a line that is only an owner keeps its words
        ("@vp", ParsedLine(Kind.NOTE, "@vp")),
        # duplicate owners are kept once
        ("> Việc @vp @Văn phòng thị xã", ParsedLine(Kind.TASK, "Việc", ["Văn phòng thị xã"])),
        # slash escape
        ("//2 phương án", ParsedLine(Kind.NOTE, "/2 phương án")),
        # commands
        ("/date 12/01/2022", DetailCommand("date", "2022-01-12")),
        ("/place Phòng họp số 1", DetailCommand("place", "Phòng họp số 1")),
        ("/attend Đồng chí A - Phó Chủ tịch", DetailCommand("attend", "Đồng chí A - Phó Chủ tịch")),
        ("/CHAIR Nguyễn Văn B", DetailCommand("chair", "Nguyễn Văn B")),
        ("/set code TB-HĐND", SettingCommand("code", "TB-HĐND")),
        ("/set recipients A; B", SettingCommand("recipients", "A; B")),
        ("/alias vp Văn phòng", AliasCommand("vp", "Văn phòng")),
        ("/alias @ub = UBND thị xã", AliasCommand("ub", "UBND thị xã")),
        # nothing to record
        ("", None),
        ("   ", None),
        ("- ", None),
    ],
)
def test_notes_language(typed: str, expected: object) -> None:
    assert parse(typed, DIRECTORY) == expected


@pytest.mark.parametrize(
    "typed",
    ["/foo bar", "/date", "/date 32/13/2022", "/set nosuch value", "/alias vp", ">   ", "#"],
)
def test_problems_are_reported_not_raised(typed: str) -> None:
    result = parse(typed, DIRECTORY)
    assert isinstance(result, Rejected)
    assert result.message


def test_nfd_input_is_stored_nfc() -> None:
    typed = unicodedata.normalize("NFD", "> Kiểm tra Thị uỷ @Văn phòng")
    result = parse(typed)
    assert isinstance(result, ParsedLine)
    assert result.text == "Kiểm tra Thị uỷ"
    assert unicodedata.is_normalized("NFC", result.text)
    assert result.owners == ["Văn phòng"]


def test_control_and_invisible_characters_are_removed() -> None:
    result = parse("+ Kết\x0b quả\u200b tốt\x00")
    assert result == ParsedLine(Kind.FINDING, "Kết quả tốt")


def test_sticky_tag_applies_to_plain_lines_only() -> None:
    assert parse("Việc cần làm", sticky=Kind.TASK) == ParsedLine(Kind.TASK, "Việc cần làm")
    assert parse("+ Kết quả", sticky=Kind.TASK) == ParsedLine(Kind.FINDING, "Kết quả")


@given(st.text())
def test_parse_never_raises_and_text_is_nfc(text: str) -> None:
    result = parse(text, DIRECTORY)
    if isinstance(result, ParsedLine):
        for value in [result.text, result.deadline, *result.owners]:
            assert unicodedata.is_normalized("NFC", value)
            assert "\n" not in value


@given(st.lists(st.sampled_from(["+", "!", ">", "=", "#", "##", "- ", "@", " @", " ^", "/", "//", "uỷ", "Ủy", "\u0301", "\x0b", " "]), max_size=12))
def test_parse_never_raises_on_notation_soup(parts: list[str]) -> None:
    parse("".join(parts), DIRECTORY)


@pytest.mark.parametrize(
    "typed",
    ["+ Kết quả", "> Việc @vp @Phòng Tư pháp ^31/01", "# Mục", "## Tiểu mục", "ghi chú", "//+ không phải kết quả", "///set x"],
)
def test_as_typed_round_trips(typed: str) -> None:
    from minutes_tui.core.capture import new_line

    parsed = parse(typed, DIRECTORY)
    assert isinstance(parsed, ParsedLine)
    assert parse(new_line(parsed).as_typed(), DIRECTORY) == parsed
