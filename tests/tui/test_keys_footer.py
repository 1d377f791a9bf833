"""The footer: one line with the keys of the current context, following the focus, clickable."""

from __future__ import annotations

from pathlib import Path

from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.help import HelpScreen
from minutes_tui.tui.screens.meetings import MeetingsScreen
from minutes_tui.tui.widgets.keys_footer import KeysFooter


def footer_text(app: MinutesApp) -> str:
    return str(app.screen.query_one(KeysFooter).render())


async def test_the_footer_shows_the_screens_keys_in_one_line_under_80_columns(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "data").open()
    import_notes(archive, "# Mục\n+ một\n").store.close()
    app = MinutesApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        text = footer_text(app).rstrip()
        assert text == "⏎ Ghi n Họp mới r Rà soát t Thông báo / Tìm s Thiết lập ^l Nhiệm vụ F1 Trợ giúp"
        assert len(text) <= 80
        assert len(app.screen.query_one(KeysFooter).children) == 0  # one widget, not one per key
        await pilot.press("enter")  # capture: the tag keys share one label
        await pilot.pause()
        assert footer_text(app).startswith(" F2 F3 F4 F5 F6 Nhãn ")
        await pilot.press("ctrl+q")


async def test_the_footer_follows_the_focus(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "data").open()
    import_notes(archive, "# Mục\n+ một\n").store.close()
    app = MinutesApp(archive)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        on_list = footer_text(app)
        await pilot.press("slash")  # the archive search takes the focus: its keys, not the list's
        await pilot.pause()
        assert footer_text(app) != on_list
        await pilot.press("escape")
        await pilot.pause()
        assert footer_text(app) == on_list
        await pilot.press("ctrl+q")


async def test_clicking_a_key_in_the_footer_presses_it(tmp_path: Path) -> None:
    app = MinutesApp(Archive(tmp_path / "data").open())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        text = footer_text(app)
        await pilot.click(KeysFooter, offset=(text.index("Trợ giúp"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+q")
