"""Text and file modes that differ on Windows (issue #16), checked on Linux.

Windows opens text files in the locale's code page (cp1252, or cp1258 on a
Vietnamese Windows) unless told ``encoding="utf-8"``, and ``os.open`` gives a
text-mode descriptor (``\\n`` → ``\\r\\n``, Ctrl+Z ends a read) unless told
``O_BINARY``. Both are easy to forget and invisible on Linux: this reads the
source of the whole package for them.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from minutes_tui.crash import write_crash_report
from minutes_tui.services.importing import read_notes_file

PACKAGE = Path(__file__).resolve().parents[1] / "minutes_tui"
#: ``os.open`` of a *folder*, POSIX only (Windows cannot open one): no O_BINARY there.
FOLDER_OPENS = {("store/files.py", "fsync_dir"), ("store/lock.py", "acquire")}
TEXT_KEYWORDS = ("text", "universal_newlines")
SUBPROCESS_CALLS = {"run", "check_output", "Popen", "call", "check_call"}


def _mode(call: ast.Call, position: int) -> str | None:
    """The mode of an open-like call when it is a literal ("r" when left out), else None."""
    for keyword in call.keywords:
        if keyword.arg == "mode":
            return keyword.value.value if isinstance(keyword.value, ast.Constant) else None
    if len(call.args) > position:
        arg = call.args[position]
        return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
    return "r"


def _has(call: ast.Call, name: str) -> bool:
    return any(keyword.arg == name for keyword in call.keywords)


def text_opens_without_encoding(tree: ast.AST) -> list[int]:
    """Lines of calls that open a file in text mode without ``encoding=``."""
    found: list[int] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        text = False
        if (name == "open" and isinstance(func, ast.Name)) or name == "fdopen":  # open(path, mode), os.fdopen(fd, mode)
            mode = _mode(node, 1)
            text = mode is None or "b" not in mode
        elif name == "open" and (node.args or node.keywords):  # Path.open(mode) (not Store.open())
            mode = _mode(node, 0)
            text = (mode is None or "b" not in mode) and not (node.args and not isinstance(node.args[0], ast.Constant))
        elif name in ("read_text", "write_text", "TextIOWrapper"):
            text = True
        elif name in SUBPROCESS_CALLS:
            text = any(k.arg in TEXT_KEYWORDS and not (isinstance(k.value, ast.Constant) and not k.value.value)
                       for k in node.keywords)
        if text and not _has(node, "encoding"):
            found.append(node.lineno)
    return found


def os_opens_without_binary(tree: ast.AST, relative: str) -> list[int]:
    """Lines of ``os.open`` calls whose flags do not include ``O_BINARY``."""
    found: list[int] = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "open"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "os"):
                continue
            flags = ast.unparse(node.args[1]) if len(node.args) > 1 else ""
            if "BINARY" not in flags and (relative, function.name) not in FOLDER_OPENS:
                found.append(node.lineno)
    return found


def package_sources() -> list[tuple[str, ast.AST]]:
    return [(path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(PACKAGE.rglob("*.py"))]


def test_every_text_open_in_the_package_says_utf8() -> None:
    bad = {name: lines for name, tree in package_sources() if (lines := text_opens_without_encoding(tree))}
    assert bad == {}


def test_every_os_open_of_a_file_asks_for_binary_mode() -> None:
    bad = {name: lines for name, tree in package_sources() if (lines := os_opens_without_binary(tree, name))}
    assert bad == {}


@pytest.mark.parametrize("source, flagged", [
    ("open(p)", True),
    ("open(p, 'w')", True),
    ("open(p, 'rb')", False),
    ("open(p, mode='a', encoding='utf-8')", False),
    ("p.open('w')", True),
    ("p.open('w', encoding='utf-8', newline='')", False),
    ("store.open(folder, meeting_id)", False),
    ("panel.open()", False),
    ("p.read_text()", True),
    ("p.write_text(s, encoding='utf-8')", False),
    ("os.fdopen(fd, 'w')", True),
    ("os.fdopen(fd, 'wb')", False),
    ("subprocess.run(c, text=True)", True),
    ("subprocess.run(c, capture_output=True)", False),
    ("subprocess.run(c, text=True, encoding='utf-8')", False),
    ("io.TextIOWrapper(raw)", True),
])
def test_the_audit_tells_text_opens_from_others(source: str, flagged: bool) -> None:
    assert bool(text_opens_without_encoding(ast.parse(source))) is flagged


def test_the_binary_audit_flags_an_os_open_without_it() -> None:
    tree = ast.parse("def f(p):\n    return os.open(p, os.O_RDONLY)\n")
    assert os_opens_without_binary(tree, "x.py") == [2]
    tree = ast.parse("def f(p):\n    return os.open(p, os.O_RDONLY | _BINARY)\n")
    assert os_opens_without_binary(tree, "x.py") == []


FAKE_O_BINARY = 0x4000_0000


@pytest.fixture
def windows_os(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[int]:
    """``os`` as on Windows for the files opened under ``tmp_path``: no O_NONBLOCK, no
    set_blocking for files, an O_BINARY bit that every open must carry (taken off
    before the real call)."""
    flags_seen: list[int] = []
    real_open = os.open

    def win_open(path: object, flags: int, mode: int = 0o777, **kwargs: object) -> int:
        if os.fspath(path).startswith(str(tmp_path)):  # type: ignore[arg-type]
            flags_seen.append(flags)
        return real_open(path, flags & ~FAKE_O_BINARY, mode, **kwargs)  # type: ignore[arg-type]

    def set_blocking(fd: int, blocking: bool) -> None:
        raise OSError(95, "Operation not supported")  # Python 3.12 on Windows: pipes only

    monkeypatch.setattr(os, "O_BINARY", FAKE_O_BINARY, raising=False)
    monkeypatch.delattr(os, "O_NONBLOCK")
    monkeypatch.setattr(os, "set_blocking", set_blocking)
    monkeypatch.setattr(os, "open", win_open)
    return flags_seen


def test_importing_notes_works_on_windows(tmp_path: Path, windows_os: list[int]) -> None:
    notes = tmp_path / "ghi-chep.txt"
    notes.write_bytes("# Mục một\r\n+ Kết quả \x1a có ký tự Ctrl+Z\r\n".encode())
    assert read_notes_file(notes) == "# Mục một\r\n+ Kết quả \x1a có ký tự Ctrl+Z\r\n"
    assert windows_os and all(flags & FAKE_O_BINARY for flags in windows_os)


def test_crash_reports_are_written_in_binary_mode_on_windows(tmp_path: Path, windows_os: list[int]) -> None:
    report = write_crash_report(tmp_path / "crash", RuntimeError("lỗi thử"))
    assert report is not None and "RuntimeError: lỗi thử" in report.read_text(encoding="utf-8")
    assert windows_os and all(flags & FAKE_O_BINARY for flags in windows_os)
