"""One writer per data folder: an advisory lock held while the app runs.

On POSIX a plain ``fcntl.flock``: free to import (``filelock`` costs ~33 ms of
start-up, a fifth of the budget) and released by the kernel when the process
dies, even by ``kill -9``. Elsewhere the ``filelock`` package does the job.
"""

from __future__ import annotations

import os
from pathlib import Path

from minutes_tui.store.files import FILE_MODE

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class LockTaken(Exception):
    """Another process holds the lock."""


class DataDirLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._fallback = None

    def acquire(self) -> None:
        """Take the lock now or raise :class:`LockTaken`; OSError when it cannot be created."""
        if fcntl is None:
            from filelock import FileLock, Timeout

            lock = FileLock(self.path, timeout=0, mode=FILE_MODE)
            try:
                lock.acquire()
            except Timeout:
                raise LockTaken() from None
            self._fallback = lock
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LockTaken() from None
        except OSError:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fallback is not None:
            self._fallback.release()
            self._fallback = None
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
