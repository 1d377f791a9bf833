"""Abbreviations: the /abbr command, expansion on a space, the settings screen's lines."""

from __future__ import annotations

import pytest

from minutes_tui.core.abbreviations import (
    AbbrCommand,
    Abbreviations,
    Expansion,
    parse_abbr,
)
from minutes_tui.core.parser import Rejected, parse

ABBR = Abbreviations({"ubnd": "Ủy ban nhân dân", "vp": "Văn phòng", "Đuỷ": "Đảng uỷ"})


@pytest.mark.parametrize(("typed", "parsed"), [
    ("/abbr ubnd Ủy ban nhân dân", AbbrCommand("ubnd", "Ủy ban nhân dân")),
    ("/abbr  hdnd  =  Hội đồng nhân dân ", AbbrCommand("hdnd", "Hội đồng nhân dân")),
    ("/abbr ubnd", AbbrCommand("ubnd", "")),  # removes it
])
def test_abbr_command(typed: str, parsed: AbbrCommand) -> None:
    assert parse(typed) == parsed


@pytest.mark.parametrize("typed", ["/abbr", "/abbr @vp Văn phòng", "/abbr ^x y", "/abbr " + "x " + "y" * 400])
def test_bad_abbr_command_is_refused_with_a_reason(typed: str) -> None:
    result = parse(typed)
    assert isinstance(result, Rejected) and result.message


@pytest.mark.parametrize(("value", "expected"), [
    ("ubnd ", "Ủy ban nhân dân "),
    ("Họp ubnd ", "Họp Ủy ban nhân dân "),
    ("> Giao vp ", "> Giao Văn phòng "),
    ("Ubnd ", "Ủy ban nhân dân "),  # case aside …
    ("đuỷ ", "Đảng uỷ "),  # … and accents and tone placement (đuỷ = Đuỷ = đủy)
    ("đủy ", "Đảng uỷ "),
    ("UBND ", None),  # … but a word in capitals is the acronym itself
    ("ubnd", None),  # no space typed yet
    ("ubndx ", None),
    ("/abbr ubnd ", None),  # inside a command
    ("/place ubnd ", None),
    ("Việc @ubnd ", None),  # an owner (aliases are for owners)
    ("Việc @Văn phòng ubnd ", None),
    ("Việc ^ubnd ", None),
])
def test_expansion_on_a_space(value: str, expected: str | None) -> None:
    expansion = ABBR.expansion(value, len(value))
    assert (expansion.apply(value) if expansion else None) == expected


def test_expansion_in_the_middle_of_a_line() -> None:
    value = "Họp vp  với dân"
    expansion = ABBR.expansion(value, len("Họp vp "))
    assert expansion == Expansion(4, 6, "vp", "Văn phòng")
    assert expansion.apply(value) == "Họp Văn phòng  với dân"


def test_settings_lines_round_trip_and_problems() -> None:
    text = "ubnd = Ủy ban nhân dân\n\nvp=Văn phòng\nsai dòng\n@x = y\nUBND = Ủy ban nhân dân tỉnh\n"
    parsed, problems = Abbreviations.from_text(text)
    assert parsed.entries == {"vp": "Văn phòng", "UBND": "Ủy ban nhân dân tỉnh"}  # the later one wins
    assert [p.split(":")[0] for p in problems] == ["dòng 4", "dòng 5"]
    again, none = Abbreviations.from_text(parsed.to_text())
    assert again == parsed and none == []


def test_with_entry_replaces_and_removes() -> None:
    assert ABBR.with_entry("UBND", "UBND tỉnh").get("ubnd") == "UBND tỉnh"
    assert ABBR.with_entry("ubnd", "").get("ubnd") is None
    assert Abbreviations.from_dict(ABBR.to_dict()) == ABBR
    assert Abbreviations.from_dict(["not", "a", "dict"]) == Abbreviations()
    assert isinstance(parse_abbr(""), str)
