"""Every message has both languages, with the same placeholders, and every key used exists."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from minutes_tui import i18n

PACKAGE = Path(__file__).resolve().parents[1] / "minutes_tui"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_both_languages_take_the_same_values(key: str) -> None:
    vietnamese, english = i18n.STRINGS[key]
    assert vietnamese and english
    assert _fields(vietnamese) == _fields(english), key


def _used_keys() -> list[tuple[str, str]]:
    used: list[tuple[str, str]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                used.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", node.args[0].value))
    return used


def test_every_key_used_exists() -> None:
    missing = [f"{where} {key}" for where, key in _used_keys() if key not in i18n.STRINGS]
    assert not missing


def test_keys_built_at_run_time_exist() -> None:
    from minutes_tui.store.errors import CorruptFile, UnsafeFile

    for reason in ("empty", "utf8", "json", "nesting", "shape", "missing", "notice", "edits"):
        assert "store.reason." not in str(CorruptFile(Path("x"), reason))
    for kind in ("link", "directory", "fifo", "device", "socket", "other"):
        assert "store.file_kind." not in str(UnsafeFile(Path("x"), kind))


def test_english_store_messages_have_no_vietnamese() -> None:
    letters = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
    prefixes = ("store.", "cli.", "import.", "export.", "settings.", "parse.", "pdf.", "notices.", "task.error.",
                "task.what.", "report.error.", "period.error.")
    offending = [key for key, (_, english) in i18n.STRINGS.items() if key.startswith(prefixes) and letters.search(english)]
    assert not offending


def test_no_error_raised_with_vietnamese_text_of_its_own() -> None:
    """Every message a user can see goes through ``tr``: an error raised with a
    Vietnamese literal stays Vietnamese under ``--lang en`` (found in the task
    register's commands)."""
    letters = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
    raise_literal = re.compile(r"raise \w+\(\s*f?[\"']([^\"']*)")
    package = Path(i18n.__file__).parent
    offending = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if (found := raise_literal.search(line)) and letters.search(found.group(1))
    ]
    assert not offending


@pytest.mark.parametrize("name", ["help_screen.md", "help_screen.en.md"])
def test_f1_help_names_every_office_setting(name: str) -> None:
    """The Vietnamese help once left out parent_body and closing: every /set field is named in both."""
    from dataclasses import fields

    from minutes_tui.core.model import OfficeSettings

    text = (Path(i18n.__file__).parent / "tui" / name).read_text(encoding="utf-8")
    assert [f.name for f in fields(OfficeSettings) if f.name not in text] == []
