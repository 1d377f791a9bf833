"""outline.py: numbered sections, grouping, the default outline by kind."""

from __future__ import annotations

import pytest

from minutes_tui.core.model import Kind, Line, Meeting
from minutes_tui.core.outline import OutlineBuilder, heading_labels, letter

F, S, T, D, N = Kind.FINDING, Kind.SHORTCOMING, Kind.TASK, Kind.DECISION, Kind.NOTE
SEC, SUB = Kind.SECTION, Kind.SUBSECTION


def outline(*lines: tuple[Kind, str]) -> list[str]:
    builder = OutlineBuilder(lambda line: line.text, lambda line: "")
    return [block.display for block in builder.outline(Meeting(lines=[Line(kind, text) for kind, text in lines]))]


CASES = [
    ([(F, "f"), (S, "s"), (D, "d"), (T, "t")],
     ["1. Đánh giá chung", "a) Kết quả đạt được", "- f", "b) Tồn tại, hạn chế", "- s",
      "2. Các nội dung thống nhất", "- d", "3. Nhiệm vụ thời gian tới", "- t"]),
    ([(F, "f"), (S, "s")], ["1. Kết quả đạt được", "- f", "2. Tồn tại, hạn chế", "- s"]),
    ([(D, "d1"), (N, "ghi chú"), (D, "d2")], ["- d1", "- d2"]),  # decisions alone: no heading
    ([(T, "t1"), (T, "t2")], ["- t1", "- t2"]),
    ([(S, "s"), (T, "t")], ["1. Tồn tại, hạn chế", "- s", "2. Nhiệm vụ thời gian tới", "- t"]),
    ([(SEC, "Mục"), (F, "f"), (S, "s"), (D, "d")],
     ["1. Mục", "a) Kết quả đạt được", "- f", "b) Tồn tại, hạn chế", "- s", "c) Các nội dung thống nhất", "- d"]),
    ([(SEC, "Mục"), (F, "f"), (S, "s"), (D, "d"), (T, "t")],
     ["1. Mục", "a) Kết quả đạt được", "- f", "b) Tồn tại, hạn chế", "- s", "c) Nhiệm vụ, giải pháp", "- d", "- t"]),
    ([(SEC, "Trống"), (N, "x"), (SEC, "Một"), (SUB, "Rỗng"), (SUB, "Có"), (T, "t")], ["1. Một", "a) Có", "- t"]),
    ([(SUB, "A"), (T, "t"), (SUB, "B"), (D, "d")], ["1. A", "- t", "2. B", "- d"]),  # ## alone act as sections
    ([(T, "trước mục"), (SEC, "Mục"), (T, "t")], ["- trước mục", "1. Mục", "- t"]),
]


@pytest.mark.parametrize(("lines", "expected"), CASES)
def test_outline(lines: list[tuple[Kind, str]], expected: list[str]) -> None:
    assert outline(*lines) == expected


def test_letters_follow_the_vietnamese_alphabet() -> None:
    assert [letter(i) for i in range(8)] == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert letter(23) == "aa"


def test_heading_labels_by_typed_position() -> None:
    lines = [Line(SEC, "A"), Line(SUB, "x"), Line(SUB, "y"), Line(SEC, "B"), Line(SUB, "z")]
    assert list(heading_labels(lines).values()) == ["1.", "a)", "b)", "2.", "a)"]
