"""The keystroke bench's typist: it types through the capture screen, takes offers
only when they give the next text exactly, and fails when the meeting differs from import."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.keystrokes import BenchFailed, check, plan, telex_keys, type_notes
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive

EARLIER = "/date 18/11/2026\n/place Hội trường UBND phường\n# Nhiệm vụ\n> Tổ chức tổng vệ sinh môi trường @Văn phòng ^30/11/2026\n"
NOTES = "/date 16/12/2026\n/place Hội trường UBND phường\n# Nhiệm vụ\n> Tổ chức tổng vệ sinh môi trường @Văn phòng\nghi chú\n"


@pytest.mark.parametrize(("char", "keys"), [("a", 1), ("á", 2), ("â", 2), ("ấ", 3), ("ệ", 3), ("Ệ", 3), ("ư", 2),
                                           ("ự", 3), ("đ", 2), ("Đ", 2), (" ", 1), ("5", 1)])
def test_telex_keys(char: str, keys: int) -> None:
    assert telex_keys(char) == keys


def test_plan_uses_tag_keys_for_sigils() -> None:
    assert plan("> Việc @vp ^30/11") == ("task", "Việc @vp ^30/11", 17)
    assert plan("# Mục") == (None, "# Mục", 5)
    assert plan("ghi chú") == ("note", "ghi chú", 7)
    assert plan("/nosuch x") is None and plan("   ") is None


async def test_the_typist_types_less_and_the_meeting_equals_import(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Archive(data) as archive:
        import_notes(archive, EARLIER).store.close()
    expected = _imported(tmp_path, NOTES)
    typed, meeting = await type_notes(data, NOTES)
    assert meeting == expected
    chars = sum(len(line) for line in NOTES.splitlines())
    assert typed.chars == chars and typed.accepts >= 3  # /place, the task's words, the owner
    assert typed.keys < chars * 0.6


def _imported(tmp_path: Path, notes: str):
    from bench.keystrokes import imported

    return imported(tmp_path / "data", notes)


def test_check_says_where_the_typed_meeting_differs(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Archive(data) as archive:
        import_notes(archive, EARLIER).store.close()
    details, lines = _imported(tmp_path, NOTES)
    wrong = (details, [*lines[:-1], ("note", "ghi chu", [], "")])
    with pytest.raises(BenchFailed, match="line 3"):
        check(data, NOTES, wrong)
    with pytest.raises(BenchFailed, match="detail place"):
        check(data, NOTES, ({**details, "place": "khác"}, lines))
    check(data, NOTES, (details, lines))  # the same: no error
