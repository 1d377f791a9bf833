"""names.py: exact word comparison, canonical names, subjects."""

from __future__ import annotations

import pytest

from minutes_tui.core.names import (
    Lexicon,
    canonical,
    caps_to_title,
    inside_sentence,
    key,
    mentions,
    starts_with_name_word,
)


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        ("Bảo", "Báo", False), ("Bố", "Bộ", False), ("Quản", "Quận", False), ("Vận", "Văn", False),
        ("Sơ", "Sở", False), ("Đăng", "Đảng", False), ("Thị uỷ", "Thị ủy", True), ("HOÀ", "hòa", True),
        ("Văn  phòng", "văn phòng", True),
    ],
)
def test_key_compares_words_exactly_but_unifies_tone_placement(a: str, b: str, equal: bool) -> None:
    assert (key(a) == key(b)) is equal


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("TT HĐND xã", "Thường trực Hội đồng nhân dân xã"),
        ("UBND phường An Phú", "Ủy ban nhân dân phường An Phú"),
        ("Ủy ban MTTQ Việt Nam xã", "Uỷ ban Mặt trận Tổ quốc Việt Nam xã"),
        ("ỦY BAN NHÂN DÂN|XÃ TÂN HÒA", "UBND xã Tân Hoà"),
    ],
)
def test_canonical_spells_out_office_abbreviations(a: str, b: str) -> None:
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize(
    ("caps", "title"),
    [("CHỦ TỊCH", "Chủ tịch"), ("THƯỜNG TRỰC HĐND", "Thường trực HĐND"), ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
     ("GIÁM ĐỐC", "Giám đốc"), ("Chánh Văn phòng", "Chánh Văn phòng")],
)
def test_caps_to_title(caps: str, title: str) -> None:
    assert caps_to_title(caps) == title


@pytest.mark.parametrize(
    ("text", "is_name"),
    [
        ("Sở Tài chính bố trí", True), ("Sơ kết công tác", False), ("Bộ Tài chính hướng dẫn", True),
        ("Bố trí kinh phí", False), ("Tổ chức hội nghị", False), ("Tổ công tác kiểm tra", True),
        ("Ban hành kế hoạch", False), ("Ban quản lý chợ thu phí", True), ("Phòng, chống dịch", False),
        ("Phòng Kinh tế rà soát", True), ("Các phòng chuyên môn chủ động", True), ("Hội nghị tổng kết", False),
        ("Trưởng các thôn rà soát", True), ("Lãnh đạo, chỉ đạo", False), ("Trường hợp chậm", False),
        ("Công an xã tuần tra", True), ("Công khai danh sách", False), ("Đoàn kết", False),
        ("Đoàn Thanh niên ra quân", True), ("Báo cáo kết quả", False), ("Bàn giao mặt bằng", False),
    ],
)
def test_words_that_begin_a_name_and_verbs_that_look_like_them(text: str, is_name: bool) -> None:
    assert starts_with_name_word(text) is is_name


LEXICON = Lexicon(["Văn phòng HĐND và UBND xã", "Công an xã", "Trạm Y tế xã", "Ban Kinh tế - Xã hội"])


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Văn phòng HĐND và UBND xã tổng hợp", 6, "Văn phòng HĐND và UBND xã"),
        ("Văn phòng tổng hợp", 2, "Văn phòng HĐND và UBND xã"),  # a short form of a known name
        ("Công an xã tuần tra", 3, "Công an xã"),
        ("Văn phòng Đảng ủy xã gửi", 1, None),  # another body: not short for ours
        ("UBND xã chỉ đạo", 1, None),  # an acronym
        ("Rà soát hồ sơ", None, None),
    ],
)
def test_lexicon_finds_the_subject_a_sentence_opens_with(text: str, words: int | None, name: str | None) -> None:
    subject = LEXICON.subject(text)
    if words is None:
        assert subject is None
    else:
        assert subject is not None and (subject.words, subject.name) == (words, name)


@pytest.mark.parametrize(
    ("name", "inside"),
    [("Các phòng chuyên môn", "các phòng chuyên môn"), ("Công chức Địa chính", "công chức Địa chính"),
     ("Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã"), ("UBND xã", "UBND xã")],
)
def test_generic_names_are_lower_case_inside_a_sentence(name: str, inside: str) -> None:
    assert inside_sentence(name) == inside


@pytest.mark.parametrize(
    ("text", "name", "mentioned"),
    [
        ("phối hợp với Công an xã kiểm tra", "Công an xã", True),
        ("phối hợp với Công an xã Tân Hòa", "Công an", True),
        ("Công an xãhội", "Công an xã", False),
        ("phối hợp với Công an xã, Trạm Y tế", "Trạm Y tế xã", False),
        ("giao Văn phòng HĐND và UBND xã", "văn phòng hđnd và ubnd xã", True),
    ],
)
def test_mentions_needs_whole_words(text: str, name: str, mentioned: bool) -> None:
    assert mentions(text, name) is mentioned
