"""The old Windows console (no ``WT_SESSION``): the app says once that Windows Terminal works better."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_tui.i18n import tr
from minutes_tui.store import Archive
from minutes_tui.tui import terminal
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.base import StatusScreen
from minutes_tui.tui.screens.capture import CaptureScreen


@pytest.fixture
def console(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Windows, in conhost: no WT_SESSION, no TERM_PROGRAM."""
    monkeypatch.setattr(terminal, "WINDOWS", True)
    monkeypatch.delenv("WT_SESSION", raising=False)
    monkeypatch.delenv("TERM_PROGRAM", raising=False)
    return monkeypatch


def test_which_consoles_are_legacy(console: pytest.MonkeyPatch) -> None:
    assert terminal.legacy_windows_console({})
    assert not terminal.legacy_windows_console({"WT_SESSION": "9e0e5ba4-5d4e-4b1c-a6a9-3f5e0b3d1c2a"})
    assert not terminal.legacy_windows_console({"TERM_PROGRAM": "vscode"})
    console.setattr(terminal, "WINDOWS", False)
    assert not terminal.legacy_windows_console({})


def said(app: MinutesApp) -> list[str]:
    """Every message the app says, recorded from now on."""
    messages: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: object) -> None:
        messages.append(message)
        original(message, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return messages


def status_text(app: MinutesApp) -> str:
    screen = app.screen
    assert isinstance(screen, StatusScreen)
    return str(screen.status.render())


async def test_said_once_in_vietnamese_on_the_screen_shown(console: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = MinutesApp(Archive(tmp_path / "data").open(), new=True)
    messages = said(app)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen)
        assert "Windows Terminal" in status_text(app) and "cửa sổ dòng lệnh cũ" in status_text(app)
        await pilot.press("escape")  # to the meeting list and back: not said again
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+q")
    app.archive.close()
    assert messages.count(tr("app.legacy_console")) == 1


@pytest.mark.parametrize("variable", ["WT_SESSION", "TERM_PROGRAM", None])
async def test_not_said_in_windows_terminal_or_elsewhere(console: pytest.MonkeyPatch, tmp_path: Path,
                                                         variable: str | None) -> None:
    if variable is None:
        console.setattr(terminal, "WINDOWS", False)  # Linux, macOS
    else:
        console.setenv(variable, "1")
    app = MinutesApp(Archive(tmp_path / "data").open())
    messages = said(app)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Windows Terminal" not in status_text(app)
        await pilot.press("ctrl+q")
    app.archive.close()
    assert tr("app.legacy_console") not in messages
