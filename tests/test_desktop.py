"""Opening the export folder: only where a desktop is, never waiting, never a traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from minutes_tui import desktop
from minutes_tui.desktop import DesktopError, NoDesktop, has_desktop, open_folder


@pytest.mark.parametrize("env, platform, expected", [
    ({}, "linux", False),  # a console, or SSH without forwarding
    ({"DISPLAY": ":0"}, "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ({"DISPLAY": ""}, "linux", False),
    ({}, "freebsd14", False),
    ({}, "darwin", True),
    ({}, "win32", True),
])
def test_a_desktop_is_there_or_not(env: dict[str, str], platform: str, expected: bool) -> None:
    assert has_desktop(env, platform) is expected


class Started:
    """A process that has already ended."""

    def wait(self) -> int:
        return 0


class Launched:
    def __init__(self) -> None:
        self.calls: list[tuple[list[str], dict]] = []

    def __call__(self, command: list[str], **kwargs) -> Started:
        self.calls.append((command, kwargs))
        return Started()


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> Launched:
    fake = Launched()
    monkeypatch.setattr(subprocess, "Popen", fake)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return fake


def test_linux_with_a_display_starts_xdg_open_without_waiting(tmp_path: Path, launched: Launched, monkeypatch) -> None:
    monkeypatch.setattr(desktop.sys, "platform", "linux")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setattr(desktop.shutil, "which", lambda name: f"/usr/bin/{name}")
    open_folder(tmp_path)
    [(command, options)] = launched.calls
    assert command == ["/usr/bin/xdg-open", str(tmp_path)]
    # its own session, nothing from or to our terminal: the TUI is not drawn over
    assert options["start_new_session"] is True
    assert options["stdin"] == options["stdout"] == options["stderr"] == subprocess.DEVNULL


def test_without_a_display_nothing_is_started(tmp_path: Path, launched: Launched, monkeypatch) -> None:
    monkeypatch.setattr(desktop.sys, "platform", "linux")
    with pytest.raises(NoDesktop, match=str(tmp_path)):
        open_folder(tmp_path)
    assert launched.calls == []


def test_without_xdg_open_a_message(tmp_path: Path, launched: Launched, monkeypatch) -> None:
    monkeypatch.setattr(desktop.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
    with pytest.raises(DesktopError, match="xdg-open"):
        open_folder(tmp_path)
    assert launched.calls == []


def test_macos_uses_open(tmp_path: Path, launched: Launched, monkeypatch) -> None:
    monkeypatch.setattr(desktop.sys, "platform", "darwin")
    open_folder(tmp_path)
    assert [command for command, _ in launched.calls] == [["open", str(tmp_path)]]


def test_windows_uses_startfile(tmp_path: Path, launched: Launched, monkeypatch) -> None:
    started: list[str] = []
    monkeypatch.setattr(desktop.sys, "platform", "win32")
    monkeypatch.setattr(desktop.os, "startfile", started.append, raising=False)
    open_folder(tmp_path)
    assert started == [str(tmp_path)] and launched.calls == []


def test_an_opener_that_cannot_start_is_a_message(tmp_path: Path, monkeypatch) -> None:
    def refuse(command: list[str], **kwargs) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(desktop.sys, "platform", "darwin")
    monkeypatch.setattr(subprocess, "Popen", refuse)
    with pytest.raises(DesktopError, match="Permission denied"):
        open_folder(tmp_path)


def test_a_folder_that_is_gone_is_a_message(tmp_path: Path, launched: Launched, monkeypatch) -> None:
    monkeypatch.setattr(desktop.sys, "platform", "darwin")
    with pytest.raises(DesktopError, match="không còn"):
        open_folder(tmp_path / "gone")
    assert launched.calls == []
