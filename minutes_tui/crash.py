"""Crash reports: the traceback goes to a private file, the user gets one line."""

from __future__ import annotations

import platform
import sys
import time
import traceback
from pathlib import Path

from minutes_tui import __version__
from minutes_tui.store.files import FILE_MODE, ensure_private_dir


def write_crash_report(directory: Path, error: BaseException) -> Path | None:
    """Write ``error``'s traceback and versions to ``directory``; None if that fails too."""
    try:
        ensure_private_dir(directory)
        path = directory / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.txt"
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        header = (
            f"minutes-tui {__version__}\nPython {sys.version.split()[0]} on {platform.platform()}\n"
            f"time {time.strftime('%Y-%m-%d %H:%M:%S')}\n\n"
        )
        path.write_text(header + details, encoding="utf-8")
        path.chmod(FILE_MODE)
        return path
    except OSError:
        return None
