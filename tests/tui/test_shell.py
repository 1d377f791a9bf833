"""App-wide behaviour: language, command palette, help, crash reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets import Markdown

from minutes_tui.i18n import tr
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.keymap import KEYMAP, find
from minutes_tui.tui.screens.help import HelpScreen

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


#: How F1 must show some keys: as printed on the keyboard or typed, not Textual's key ids
#: ("right_square_bracket", "Slash") and never one display for two keys ("G / Home" twice).
SHOWN_IN_REVIEW = {
    "list.first": "`g` `home`",
    "list.last": "`G` `end`",
    "list.down": "`j` `↓`",
    "review.next_section": "`]`",
    "review.prev_section": "`[`",
    "review.merge": "`+`",
    "review.split": "`-`",
    "review.search": "`/`",
    "review.filter_owner": "`@`",
    "review.finding": "`F2`",
    "review.undo": "`u` `^z`",
    "help": "`F1`",
}


def help_section(source: str) -> str:
    """The first key table of the help text: the keys of the screen F1 was pressed on."""
    start = source.index("\n## ")
    return source[start + 1 : source.index("\n## ", start + 1)]


async def test_f1_opens_on_the_current_screens_keys_as_typed(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "data").open()
    meeting_id = import_notes(archive, "# Mục\n+ một\n").store.id
    app = MinutesApp(archive, open_meeting=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", "f1")
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one(Markdown).source
        here = help_section(source)
        assert "Rà soát" in here.splitlines()[0]
        for section in ("review", "list", "app"):
            for key in KEYMAP[section]:
                assert f" — {key.help_text}\n" in here, key.id
        for key_id, shown in SHOWN_IN_REVIEW.items():
            assert f"- {shown} — {find(key_id).help_text}\n" in here, key_id
        for wrong in ("right_square_bracket", "Slash", "Plus", "G / Home"):
            assert wrong not in source
        await pilot.press("escape", "ctrl+g", "f1")  # capture: its own keys first
        here = help_section(app.screen.query_one(Markdown).source)
        assert "Ghi trực tiếp" in here.splitlines()[0]
        assert f"- `F4` — {find('capture.task').help_text}\n" in here
        assert "Mục sau" not in here  # review's keys are further down, not here
        await pilot.press("escape", "ctrl+q")


async def test_palette_lists_the_screen_actions_in_vietnamese_only(tmp_path: Path) -> None:
    app = MinutesApp(Archive(tmp_path / "data").open(), new=True)
    async with app.run_test() as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for label in ("Kết quả", "Nhiệm vụ", "Giữ nhãn", "Hoàn tác", "Trợ giúp", "Đổi giao diện màu"):
            assert label in titles
        for english in ("Focus Next", "Focus Previous", "Quit", "Keys", "Screenshot", "Theme", "Maximize"):
            assert english not in titles
        await pilot.press("ctrl+q")


async def test_palette_in_vietnamese_matches_without_accents(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "data").open()
    meeting_id = import_notes(archive, "# Mục\n+ một\n").store.id
    app = MinutesApp(archive, open_meeting=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+n")  # the notice screen
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        field = palette.query_one(CommandInput)
        assert field.placeholder == tr("palette.placeholder") and "Search" not in field.placeholder
        await pilot.press(*"xuat")
        await pilot.pause(0.3)
        shown = palette.query_one(CommandList)
        prompts = [str(shown.get_option_at_index(i).prompt) for i in range(shown.option_count)]
        assert any("Xuất .docx" in prompt for prompt in prompts), prompts
        await pilot.press(*" khong co lenh nao")
        await pilot.pause(0.8)
        prompts = [str(shown.get_option_at_index(i).prompt) for i in range(shown.option_count)]
        assert any(tr("palette.no_matches") in prompt for prompt in prompts), prompts
        await pilot.press("escape", "escape", "ctrl+q")


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


async def test_a_theme_typed_or_chosen_applies_at_once_and_is_remembered(tmp_path: Path) -> None:
    """`/set theme` in capture took effect only after a restart, and a theme chosen in
    the command palette was forgotten at the next start."""
    root = tmp_path / "data"
    app = MinutesApp(Archive(root).open(), new=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        field = app.screen.query_one("#capture-input")
        field.value = "/set theme textual-light"
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
        app.theme = "nord"  # what the palette's theme list does
        await pilot.pause(0.8)
        await pilot.press("ctrl+q")
    app.archive.close()
    with Archive(root, readonly=True) as archive:
        assert archive.settings.theme == "nord"
