"""The core must not import the UI, the store or a renderer (checked in a fresh process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FORBIDDEN = ("textual", "docx", "tinydb", "minutes_tui.store", "minutes_tui.tui", "minutes_tui.render")


def test_core_imports_no_ui_store_or_renderer() -> None:
    code = (
        "import importlib, pkgutil, sys, minutes_tui.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('minutes_tui.core.' + m.name)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r} or m.startswith({FORBIDDEN!r})]\n"
        "print(','.join(sorted(bad)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert result.stdout.strip() == ""
