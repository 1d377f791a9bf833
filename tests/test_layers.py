"""The flow runs one way: screens and CLI → services → core / store / render.

Checked on the source (every import statement, including those inside
functions), so a lazy import cannot slip past; ``tests/core/test_purity.py``
checks the core once more in a fresh process.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "minutes_tui"

#: Module path prefix (relative to the package) → imports it must never make.
RULES: dict[str, tuple[str, ...]] = {
    "core/": ("textual", "rich", "tinydb", "docx", "openpyxl", "minutes_tui.store", "minutes_tui.render",
              "minutes_tui.services", "minutes_tui.tui", "minutes_tui.cli"),
    "store/": ("textual", "docx", "openpyxl", "minutes_tui.core.compiler", "minutes_tui.render",
               "minutes_tui.services", "minutes_tui.tui", "minutes_tui.cli"),
    "render/": ("textual", "tinydb", "minutes_tui.store", "minutes_tui.services", "minutes_tui.tui", "minutes_tui.cli"),
    "services/": ("textual", "minutes_tui.tui", "minutes_tui.cli"),
    "crash.py": ("textual", "tinydb", "docx", "minutes_tui.store", "minutes_tui.tui", "minutes_tui.services"),
}


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def violations(root: Path = PACKAGE) -> list[str]:
    bad: list[str] = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        banned = next((rule for prefix, rule in RULES.items() if relative.startswith(prefix)), None)
        if banned is None:
            continue
        for line, name in imported_names(ast.parse(path.read_text(encoding="utf-8"))):
            if any(name == b or name.startswith(b + ".") for b in banned):
                bad.append(f"{relative}:{line} imports {name}")
    return bad


def test_imports_follow_the_one_way_flow() -> None:
    assert violations() == []


def test_the_check_catches_a_backward_import(tmp_path: Path) -> None:
    (tmp_path / "render").mkdir()
    (tmp_path / "render" / "bad.py").write_text("def f():\n    from minutes_tui.store import Archive\n", encoding="utf-8")
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "ok.py").write_text("from minutes_tui.core.text import fold\n", encoding="utf-8")
    assert violations(tmp_path) == ["render/bad.py:2 imports minutes_tui.store", "render/bad.py:2 imports minutes_tui.store.Archive"]


@pytest.mark.parametrize("layer", ["core", "store", "render", "services"])
def test_each_layer_exists(layer: str) -> None:
    assert (PACKAGE / layer / "__init__.py").exists()
