"""Aligning the signed notice with the stored one (table tests and properties)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core.align import ADDED, CHANGED, REMOVED, SAME, WordChange, align, summary, word_diff

STORED = [
    ("title", "THÔNG BÁO"),
    ("intro", "Ngày 09/3/2027, Thường trực HĐND huyện tổ chức phiên họp."),
    ("line:a", "- Ban Pháp chế chủ trì xây dựng kế hoạch giám sát; hoàn thành trước ngày 31/3/2027."),
    ("line:b", "- Văn phòng tổng hợp ý kiến cử tri; hoàn thành trong tháng 04/2027."),
    ("line:c", "- Thống nhất tổ chức hội nghị tập huấn cho đại biểu trong quý II."),
    ("closing", "Thừa lệnh Thường trực HĐND huyện, Văn phòng thông báo để các cơ quan biết./."),
]
TEXTS = [text for _, text in STORED]


def kinds(changes) -> list[tuple[str, str | None]]:
    return [(change.kind, change.key) for change in changes]


def test_identical_texts_are_all_same() -> None:
    assert kinds(align(STORED, TEXTS)) == [(SAME, key) for key, _ in STORED]


def test_a_changed_deadline_is_one_changed_paragraph_with_its_words() -> None:
    signed = list(TEXTS)
    signed[2] = signed[2].replace("31/3/2027", "15/4/2027")
    changes = align(STORED, signed)
    assert kinds(changes)[2] == (CHANGED, "line:a")
    assert [c.kind for i, c in enumerate(changes) if i != 2] == [SAME] * 5
    assert WordChange("delete", "31/3/2027.") in changes[2].words
    assert WordChange("insert", "15/4/2027.") in changes[2].words
    assert changes[2].new == signed[2]


def test_deleted_and_added_paragraphs() -> None:
    signed = TEXTS[:3] + ["- Phòng Tài chính bố trí kinh phí tổ chức hội nghị trước ngày 30/6/2027."] + TEXTS[4:]
    assert kinds(align(STORED, signed)) == [
        (SAME, "title"), (SAME, "intro"), (SAME, "line:a"),
        (REMOVED, "line:b"), (ADDED, None), (SAME, "line:c"), (SAME, "closing"),
    ]


def test_a_rewritten_paragraph_beside_a_deleted_one_pairs_with_the_closest() -> None:
    signed = [TEXTS[0], TEXTS[1], TEXTS[3].replace("Văn phòng tổng hợp", "Văn phòng HĐND và UBND huyện tổng hợp"),
              TEXTS[4], TEXTS[5]]
    changes = align(STORED, signed)
    assert kinds(changes) == [(SAME, "title"), (SAME, "intro"), (REMOVED, "line:a"), (CHANGED, "line:b"),
                              (SAME, "line:c"), (SAME, "closing")]


def test_whitespace_alone_is_no_change() -> None:
    signed = [text.replace(" ", "  ") for text in TEXTS]
    assert summary(align(STORED, signed)) == {SAME: 6, CHANGED: 0, ADDED: 0, REMOVED: 0}


def test_word_diff_keeps_order() -> None:
    assert word_diff("a b c d", "a x c d e") == (
        WordChange("equal", "a"), WordChange("delete", "b"), WordChange("insert", "x"),
        WordChange("equal", "c d"), WordChange("insert", "e"))


paragraph = st.lists(st.sampled_from(["việc", "giao", "Văn", "phòng", "chủ", "trì", "phối", "hợp", "hoàn", "thành", "trước", "ngày", "31/3"]),
                     min_size=1, max_size=8).map(" ".join)


@given(st.lists(paragraph, max_size=8), st.lists(paragraph, max_size=8))
def test_every_paragraph_is_accounted_for_once_in_order(old: list[str], new: list[str]) -> None:
    stored = [(f"k{i}", text) for i, text in enumerate(old)]
    changes = align(stored, new)
    assert [c.key for c in changes if c.kind != ADDED] == [key for key, _ in stored]
    assert [c.new for c in changes if c.kind != REMOVED] == new
