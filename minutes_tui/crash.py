"""Crash reports: the traceback goes to a private file, the user gets one line.

Like Harlequin's ``crash.py`` this imports almost nothing (no store, no TinyDB,
no Textual): it must work when whatever crashed is the thing it would import.
"""

from __future__ import annotations

import os
import platform
import sys
import time
import traceback
from pathlib import Path
from typing import Final

from minutes_tui import __version__

#: Reports kept in the folder; older ones are removed when a new one is written.
KEEP_REPORTS: Final = 20
_PREFIX: Final = "crash-"


def root_cause(error: BaseException) -> BaseException:
    """The error a worker raised, not Textual's ``WorkerFailed`` wrapped around it."""
    while type(error).__name__ == "WorkerFailed" and isinstance(getattr(error, "error", None), BaseException):
        error = error.error  # type: ignore[attr-defined]
    return error


def write_crash_report(directory: Path, error: BaseException) -> Path | None:
    """Write ``error``'s traceback and versions to a new file in ``directory``.

    Names never collide (time to the microsecond, process id, and an exclusive
    create); only the newest :data:`KEEP_REPORTS` are kept. Returns None when
    even this fails (the caller still prints its one line).
    """
    error = root_cause(error)
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() // 1000 % 1_000_000:06d}-{os.getpid()}"
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        header = (
            f"minutes-tui {__version__}\nPython {sys.version.split()[0]} on {platform.platform()}\n"
            f"time {time.strftime('%Y-%m-%d %H:%M:%S')}\n\n"
        )
        for attempt in range(100):
            path = directory / f"{_PREFIX}{stamp}{f'-{attempt}' if attempt else ''}.txt"
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(header + details)
            _prune(directory)
            return path
    except OSError:
        pass
    return None


def _prune(directory: Path) -> None:
    reports = sorted(path for path in directory.glob(f"{_PREFIX}*.txt"))
    for old in reports[:-KEEP_REPORTS]:
        try:
            old.unlink()
        except OSError:
            pass
