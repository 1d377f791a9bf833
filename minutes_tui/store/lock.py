"""One writer per data folder: an advisory lock held while the app runs.

On POSIX the lock is a ``fcntl.flock`` on the data folder itself, opened as a
directory. A lock *file* can be deleted from under a running app — the next
process then creates a new one, locks it, and two writers overwrite each
other's lines. The folder cannot be replaced while it holds the data, so
deleting anything inside it does not let a second writer in. ``flock`` is free
to import (``filelock`` costs ~33 ms of start-up) and released by the kernel
when the process dies, even by ``kill -9``. Elsewhere the ``filelock`` package
locks a file (Windows does not let an open file be deleted).
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
    """The lock of the data folder ``root`` (``fallback_file`` where flock is missing)."""

    def __init__(self, root: Path, fallback_file: Path) -> None:
        self.root = root
        self.fallback_file = fallback_file
        self._fd: int | None = None
        self._fallback = None

    def acquire(self) -> None:
        """Take the lock now or raise :class:`LockTaken`; OSError when it cannot be taken."""
        if fcntl is None:
            from filelock import FileLock, Timeout

            lock = FileLock(self.fallback_file, timeout=0, mode=FILE_MODE)
            try:
                lock.acquire()
            except Timeout:
                raise LockTaken() from None
            self._fallback = lock
            return
        flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.root, flags)
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
