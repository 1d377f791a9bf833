"""The notes-language parser on hostile text: never raises, output is clean NFC."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core.abbreviations import AbbrCommand
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
from tests.fuzz.strategies import hostile_text, huge_line, many_owners

DIRECTORY = Directory(aliases={"vp": "Văn phòng thị xã", "ubnd": "UBND phường"})
_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff\n\r]")


def _check_clean(value: str) -> None:
    assert unicodedata.is_normalized("NFC", value), repr(value)
    assert not _BAD.search(value), repr(value)
    value.encode("utf-8")  # no lone surrogate


def _check(result) -> None:
    if result is None:
        return
    if isinstance(result, ParsedLine):
        assert isinstance(result.kind, Kind)
        for value in (result.text, result.deadline, *result.owners):
            _check_clean(value)
        assert all(owner.strip() for owner in result.owners)
        assert len(set(result.owners)) == len(result.owners)
    elif isinstance(result, (DetailCommand, SettingCommand)):
        _check_clean(result.name)
        _check_clean(result.value)
    elif isinstance(result, AliasCommand):
        _check_clean(result.alias)
        _check_clean(result.full)
    elif isinstance(result, AbbrCommand):
        _check_clean(result.key)
        _check_clean(result.full)
        assert result.key and " " not in result.key
    else:
        assert isinstance(result, Rejected) and result.message


@given(hostile_text, st.sampled_from([None, *Kind]))
def test_parse_never_raises_and_output_is_nfc(text: str, sticky) -> None:
    _check(parse(text, DIRECTORY, sticky=sticky))
    _check(parse(text))


@given(hostile_text)
def test_parse_is_stable_under_nfd(text: str) -> None:
    """NFD input (as some IMEs send it) parses like its NFC form."""
    safe = text.encode("utf-8", "replace").decode("utf-8")
    assert parse(unicodedata.normalize("NFD", safe), DIRECTORY) == parse(unicodedata.normalize("NFC", safe), DIRECTORY)


def test_parse_huge_line_and_thousands_of_owners() -> None:
    result = parse(huge_line())
    assert isinstance(result, ParsedLine) and len(result.text) >= 99_000
    result = parse(many_owners(3000), DIRECTORY)
    assert isinstance(result, ParsedLine) and result.kind is Kind.TASK
    assert len(result.owners) == 3000 and result.deadline == "31/12/2025"
