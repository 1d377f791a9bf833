"""Open a folder in the desktop's file manager, where there is a desktop.

The secretary exports a notice and wants to see the file: on a laptop with a
desktop one key opens its folder (``xdg-open`` on Linux, ``open`` on macOS,
``os.startfile`` on Windows). Over SSH or on a bare console there is nothing to
open it with: :func:`open_folder` says so (:class:`NoDesktop`) instead of
starting a program that would fail or, worse, a text browser inside the
terminal the app is drawing on. The opener is started and left to run: the app
never waits for it, and its output never reaches the terminal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

from minutes_tui.i18n import tr


class DesktopError(Exception):
    """The folder could not be opened; ``str(error)`` is a message for the user."""


class NoDesktop(DesktopError):
    """No graphical desktop to open a folder on (an SSH session, a console)."""


def has_desktop(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True where a file manager can be shown: always on Windows and macOS, on
    Linux and the BSDs only with an X or Wayland display."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith("win") or platform == "darwin":
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def opener_command(folder: Path, platform: str | None = None) -> list[str] | None:
    """The command that opens ``folder`` (None on Windows: ``os.startfile`` does it)."""
    platform = sys.platform if platform is None else platform
    if platform.startswith("win"):
        return None
    if platform == "darwin":
        return ["open", str(folder)]
    program = shutil.which("xdg-open")
    if program is None:
        raise DesktopError(tr("desktop.no_opener", program="xdg-open"))
    return [program, str(folder)]


def open_folder(folder: Path) -> None:
    """Show ``folder`` in the file manager, without waiting for it.

    Raises :class:`NoDesktop` without a desktop and :class:`DesktopError` when
    the opener cannot be started; never anything else.
    """
    if not has_desktop():
        raise NoDesktop(tr("desktop.none", path=folder))
    if not folder.is_dir():
        raise DesktopError(tr("desktop.no_folder", path=folder))
    try:
        command = opener_command(folder)
        if command is None:
            os.startfile(str(folder))  # type: ignore[attr-defined]  # Windows only
            return
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, close_fds=True,
        )
    except OSError as error:
        raise DesktopError(tr("desktop.failed", path=folder, reason=error.strerror or error)) from error
    # Reaped on a thread of its own: no zombie, and the caller does not wait.
    threading.Thread(target=process.wait, name="open-folder", daemon=True).start()
