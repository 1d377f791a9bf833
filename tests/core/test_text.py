from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core.text import clean_line, fold, folded_contains, same_name, xml_safe


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Thị uỷ", "Thị ủy"),
        ("Uỷ ban nhân dân", "ỦY BAN NHÂN DÂN"),
        ("hoà giải", "hòa giải"),
        ("Đức Phổ", "duc pho"),
        (unicodedata.normalize("NFD", "Thị ủy"), "Thị uỷ"),
        ("  Văn   phòng ", "văn phòng"),
    ],
)
def test_fold_equates_case_accents_tone_placement(a: str, b: str) -> None:
    assert fold(a) == fold(b)
    assert same_name(a, b)


def test_fold_keeps_different_words_apart() -> None:
    assert fold("Văn phòng") != fold("Văn phòng thị xã")


def test_folded_contains() -> None:
    assert folded_contains("Kiểm tra Thị ủy Đức Phổ", "thi uy")
    assert folded_contains("Kiểm tra Thị ủy", "UỶ")
    assert not folded_contains("Kiểm tra", "uy")


def test_clean_line() -> None:
    assert clean_line("a\x00b\x1fc\u202ed\u200be\ufefff") == "abcdef"
    assert clean_line("dòng 1\ndòng 2\r\n") == "dòng 1 dòng 2"
    assert clean_line("  nhiều    khoảng\ttrắng ") == "nhiều khoảng trắng"
    assert clean_line("\ud800lẻ") == "\ufffdlẻ"


@given(st.text())
def test_clean_line_is_nfc_single_line_and_encodable(text: str) -> None:
    cleaned = clean_line(text)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert "\n" not in cleaned and "\r" not in cleaned
    cleaned.encode("utf-8")


@given(st.text())
def test_xml_safe_leaves_only_xml_characters(text: str) -> None:
    safe = xml_safe(text)
    for char in safe:
        code = ord(char)
        assert code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000
