from __future__ import annotations

import unicodedata

import pytest

from minutes_tui.core.model import Kind, Line
from minutes_tui.core.search import FoldedLines, LineFilter

LINES = [
    Line(Kind.FINDING, "Thị uỷ đánh giá cao"),
    Line(Kind.TASK, "Rà soát hồ sơ", ["Văn phòng Thị ủy"], "31/01"),
    Line(Kind.NOTE, unicodedata.normalize("NFD", "ghi chú về Ủy ban")),
    Line(Kind.SHORTCOMING, "Còn chậm"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("uy", [0, 1, 2]), ("thị ủy", [0, 1]), ("THI UY", [0, 1]), ("ủy ban", [2]), ("uỷ ban", [2]),
     ("31/01", [1]), ("", [0, 1, 2, 3]), ("không có", [])],
)
def test_text_search_folds_case_accents_tone_and_nfd(query: str, expected: list[int]) -> None:
    assert FoldedLines().matches(LINES, LineFilter(text=query)) == expected


def test_filter_by_kind_and_owner() -> None:
    index = FoldedLines()
    assert index.matches(LINES, LineFilter(kinds=frozenset({Kind.TASK, Kind.NOTE}))) == [1, 2]
    assert index.matches(LINES, LineFilter(owner="van phong")) == [1]
    assert index.matches(LINES, LineFilter(owner="van phong", text="chậm")) == []


def test_cache_follows_edits() -> None:
    index, line = FoldedLines(), Line(Kind.NOTE, "cũ")
    assert index.matches([line], LineFilter(text="cu")) == [0]
    line.text = "mới"
    assert index.matches([line], LineFilter(text="cu")) == []
    assert index.matches([line], LineFilter(text="moi")) == [0]


def test_one_search_text_for_review_and_archive() -> None:
    from minutes_tui.core.search import search_text

    line = Line(Kind.TASK, "Rà soát hồ sơ", ["Văn phòng Thị ủy"], "quý I/2027")
    assert search_text(line) == "ra soat ho so van phong thi uy quy i/2027"
    assert FoldedLines().matches([line], LineFilter(text="QUY I")) == [0]


def test_with_a_version_a_keystroke_looks_at_no_line_until_the_version_changes(monkeypatch) -> None:
    index, line = FoldedLines(), Line(Kind.NOTE, "cũ")
    lines = [line, *LINES]
    assert index.matches(lines, LineFilter(text="cu"), version=1) == [0]
    looked: list[str] = []
    real = FoldedLines.keys
    monkeypatch.setattr(FoldedLines, "keys", lambda self, line: looked.append(line.id) or real(self, line))
    assert index.matches(lines, LineFilter(text="uy"), version=1) == [1, 2, 3]
    assert index.matches(lines, LineFilter(owner="van phong"), version=1) == [2]
    assert looked == []
    line.text = "mới"
    assert index.matches(lines, LineFilter(text="moi"), version=2) == [0]  # edited: a new version
    assert len(looked) == len(lines)
    assert index.matches([*lines, Line(Kind.NOTE, "mới nữa")], LineFilter(text="moi"), version=2) == [0, 5]
