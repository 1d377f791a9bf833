"""App-wide behaviour: language, command palette, help, crash reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.i18n import tr
from minutes_tui.tui.keymap import KEYMAP, key_display
from minutes_tui.tui.screens.help import keys_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_english_ui_with_lang_en() -> None:
    # Binding labels are read when screen classes are defined: check in a fresh process.
    code = (
        "from minutes_tui.i18n import set_language; set_language('en')\n"
        "from minutes_tui.tui.screens.capture import CaptureScreen\n"
        "print(sorted(b.description for b in CaptureScreen.BINDINGS))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert "Finding" in out and "Task" in out and "Nhiệm vụ" not in out


def test_help_lists_every_key_of_every_screen() -> None:
    text = keys_markdown()
    for keys in KEYMAP.values():
        for key in keys:
            assert f"| `{key_display(key.keys)}` | {tr(key.label)} |" in text


async def test_palette_lists_the_screen_actions(tmp_path: Path) -> None:
    app = MinutesApp(Archive(tmp_path / "data").open(), new=True)
    async with app.run_test() as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for label in ("Kết quả", "Nhiệm vụ", "Giữ nhãn", "Hoàn tác", "Trợ giúp"):
            assert label in titles
        await pilot.press("ctrl+q")


async def test_unexpected_error_writes_a_crash_report(tmp_path: Path) -> None:
    app = MinutesApp(Archive(tmp_path / "data").open())

    def explode() -> None:
        raise RuntimeError("boom")

    try:
        async with app.run_test() as pilot:
            app.call_later(explode)
            await pilot.pause()
    except RuntimeError:
        pass  # Pilot re-raises the app's exception for tests
    reports = list((tmp_path / "data" / "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 1
    assert "RuntimeError: boom" in reports[0].read_text(encoding="utf-8")
    assert app.return_code == 1
