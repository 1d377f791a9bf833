"""The completion model and the offers it makes for what the secretary has typed."""

from __future__ import annotations

from datetime import date

import pytest

from minutes_tui.core.completion import (
    MAX_WORDS,
    Context,
    PhraseModel,
    Suggestion,
    accept_word,
    frecency,
    line_tokens,
    marker,
    suggest,
)

LINES = [
    ("task", "Giao Văn phòng thị xã chủ trì, phối hợp với Phòng Tư pháp rà soát hồ sơ", ["Văn phòng thị xã"]),
    ("task", "Giao Văn phòng thị xã tổng hợp ý kiến các đơn vị", ["Văn phòng thị xã", "Phòng Tư pháp"]),
    ("finding", "Thu ngân sách đạt 92% dự toán năm", []),
    ("shortcoming", "Tiến độ giải ngân vốn đầu tư công còn chậm", []),
    ("shortcoming", "Tiến độ cấp giấy chứng nhận còn chậm", []),
]


def model() -> PhraseModel:
    return PhraseModel.from_lines((marker(kind), line_tokens(text, owners)) for kind, text, owners in LINES)


CONTEXT = Context(
    model=model(), kind="task", owners=["Phòng Tư pháp", "Văn phòng thị xã", "Công an phường"],
    deadlines=["30/12/2026", "quý I/2027"],
    commands={"place": ["Hội trường UBND phường"], "attend": ["Ông A", "Bà B"]},
    command_names=["date", "time", "place", "attend", "set", "alias", "abbr"],
)


@pytest.mark.parametrize(("typed", "offered"), [
    # accent- and case-insensitive: typed without accents, offered as the office writes it
    ("giao van phong", "Giao Văn phòng thị xã"),
    ("GIAO V", "GIAO Văn phòng thị xã"),
    ("G", "Giao Văn phòng thị xã"),
    # a sigil typed by hand sets the kind of the line (a finding starts otherwise)
    ("+ Thu", "+ Thu ngân sách đạt 92% dự toán năm"),
    ("! Tiến độ ", None),  # two ways on: no word is offered past the fork
    ("! Tiến độ g", "! Tiến độ giải ngân vốn đầu tư công còn chậm"),
    # after a space the next words are offered when the archive agrees on them, owner included
    ("Giao Văn phòng thị xã chủ trì, ",
     "Giao Văn phòng thị xã chủ trì, phối hợp với Phòng Tư pháp rà soát hồ sơ @Văn phòng thị xã"),
    # a word typed with accents of its own keeps them
    ("Giao văn", "Giao văn phòng thị xã"),
    ("xyz", None),
    ("", None),
    ("   ", None),
])
def test_phrase_offers(typed: str, offered: str | None) -> None:
    result = suggest(typed, CONTEXT)
    assert (result.value if result else None) == offered


def test_the_offer_starts_with_what_was_typed_when_nothing_needs_accents() -> None:
    result = suggest("Giao Văn phòng thị xã t", CONTEXT)
    assert result is not None
    assert result.value == "Giao Văn phòng thị xã tổng hợp ý kiến các đơn vị @Văn phòng thị xã @Phòng Tư pháp"
    assert result.ghost("Giao Văn phòng thị xã t") == "ổng hợp ý kiến các đơn vị @Văn phòng thị xã @Phòng Tư pháp"
    assert not result.rewrites("Giao Văn phòng thị xã t")
    assert suggest("giao van", CONTEXT).rewrites("giao van")  # type: ignore[union-attr]


@pytest.mark.parametrize(("typed", "offered"), [
    ("Việc @", "Việc @Phòng Tư pháp"),  # the best-ranked owner
    ("Việc @v", "Việc @Văn phòng thị xã"),
    ("Việc @cong", "Việc @Công an phường"),
    ("Việc @Công an phường", None),  # complete: nothing to add
    # after a known phrase, the owner that followed it comes first
    ("Giao Văn phòng thị xã tổng hợp ý kiến các đơn vị @Văn phòng thị xã @", "Giao Văn phòng thị xã tổng hợp ý kiến các đơn vị @Văn phòng thị xã @Phòng Tư pháp"),
    ("@vp", None),  # "@vp" alone is not an owner trailer
    ("Việc ^", "Việc ^30/12/2026"),
    ("Việc ^q", "Việc ^quý I/2027"),
    ("Việc @Công an phường ^qu", "Việc @Công an phường ^quý I/2027"),
])
def test_owner_and_deadline_offers(typed: str, offered: str | None) -> None:
    result = suggest(typed, CONTEXT)
    assert (result.value if result else None) == offered


@pytest.mark.parametrize(("typed", "offered"), [
    ("/", "/place Hội trường UBND phường"),  # the first detail offered from the last meeting
    ("/pl", "/place Hội trường UBND phường"),
    ("/place ", "/place Hội trường UBND phường"),
    ("/place hoi", "/place Hội trường UBND phường"),
    ("/at", "/attend Ông A"),
    ("/attend B", "/attend Bà B"),
    ("/d", "/date "),  # a command without an offered value: its name
    ("/date", None),
    ("/ab", "/abbr "),
    ("/place Nhà văn hoá", None),
    ("//ghi chú", None),  # a note that starts with a slash: no word known starts "chú"
    ("//ghi chứ", "//ghi chứng"),  # one word of context seen once does not lead on
])
def test_command_offers(typed: str, offered: str | None) -> None:
    result = suggest(typed, CONTEXT)
    assert (result.value if result else None) == offered


@pytest.mark.parametrize(("typed", "offered", "word"), [
    ("giao van pho", "Giao Văn phòng thị xã", "Giao Văn phòng "),
    ("giao van phong", "Giao Văn phòng thị xã", "Giao Văn phòng thị "),
    ("Việc @v", "Việc @Văn phòng thị xã", "Việc @Văn "),
    ("/pl", "/place Hội trường", "/place "),
    ("x ^3", "x ^30/12/2026", "x ^30/12/2026"),
    ("a ", "a b", "a b"),
])
def test_accept_word_takes_the_next_word_and_its_space(typed: str, offered: str, word: str) -> None:
    assert accept_word(typed, Suggestion(offered)) == word


def test_the_offer_is_bounded_in_words() -> None:
    text = " ".join(f"từ{n}" for n in range(40))
    m = PhraseModel.from_lines([(marker("note"), text.split())])
    result = suggest("từ0 ", Context(model=m))
    assert result is not None and len(result.value.split()) == 1 + MAX_WORDS


def test_no_model_no_phrase_but_owners_still_complete() -> None:
    context = Context(owners=["Văn phòng thị xã"])
    assert suggest("giao van", context) is None
    assert suggest("Việc @van", context) == Suggestion("Việc @Văn phòng thị xã")


def test_learning_a_line_offers_it_at_once() -> None:
    m = PhraseModel()
    assert suggest("Tổ chức", Context(model=m)) is None
    m.learn(marker("note"), line_tokens("Tổ chức tổng vệ sinh môi trường"))
    assert suggest("to chuc", Context(model=m)) == Suggestion("Tổ chức tổng vệ sinh môi trường")
    assert m.tokens == 7


def test_a_word_is_completed_without_context() -> None:
    m = PhraseModel.from_lines([(marker("note"), ["Khẩn", "trương", "hoàn", "thành"])] * 2)
    assert m.word_for("tru") == "trương"
    assert m.word_for("t") is None  # one letter says too little
    assert suggest("Đề nghị khan", Context(model=m)) == Suggestion("Đề nghị Khẩn trương hoàn thành")


@pytest.mark.parametrize(("uses", "expected"), [
    # frequency: more uses, same age
    ([("A", 100), ("B", 100), ("B", 100)], ["B", "A"]),
    # recency: four uses last month beat ten a year and a half ago
    ([*[("Cũ", 100 - 540)] * 10, *[("Mới", 100 - 30)] * 4], ["Mới", "Cũ"]),
    # names that fold alike are one, written as most lately used
    ([("Văn phòng", 10), ("văn phòng", 90), ("VAN PHONG", 50)], ["văn phòng"]),
    ([("", 100)], []),
])
def test_frecency(uses: list[tuple[str, int]], expected: list[str]) -> None:
    assert frecency(uses, today=100) == expected


def test_frecency_uses_date_ordinals() -> None:
    today = date(2026, 12, 1).toordinal()
    assert frecency([("x", today - 1), ("y", today - 400)], today) == ["x", "y"]
