"""Fault injection at the storage layer: a stand-in for ``os`` in the store modules."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from contextlib import contextmanager

from minutes_tui.store import files, journal


class FaultyOS:
    """Delegates to :mod:`os`; calls named in ``faults`` raise ``OSError(code)``.

    ``partial``: ``pwrite``/``write`` write half the bytes first, then fail on
    the next call (a disk that fills mid-record).
    """

    def __init__(self) -> None:
        self.faults: dict[str, int] = {}
        self.partial = False
        self.calls: dict[str, int] = {}

    def __getattr__(self, name: str):
        return getattr(os, name)

    def _check(self, name: str) -> None:
        self.calls[name] = self.calls.get(name, 0) + 1
        if name in self.faults:
            code = self.faults[name]
            raise OSError(code, os.strerror(code))

    def pwrite(self, fd, data, offset):
        if self.partial and "pwrite" in self.faults and len(data) > 1 and not getattr(self, "_half", False):
            self._half = True
            return os.pwrite(fd, bytes(data[: len(data) // 2]), offset)
        self._half = False
        self._check("pwrite")
        return os.pwrite(fd, data, offset)

    def write(self, fd, data):
        self._check("write")
        return os.write(fd, data)

    def open(self, path, flags, *args, **kwargs):
        if "open" in self.faults:
            self._check("open")
        return os.open(path, flags, *args, **kwargs)

    def fsync(self, fd):
        self._check("fsync")
        return os.fsync(fd)

    def fdatasync(self, fd):
        self._check("fsync")
        return os.fdatasync(fd)

    def ftruncate(self, fd, length):
        if "ftruncate" in self.faults:
            self._check("ftruncate")
        return os.ftruncate(fd, length)

    def fail(self, *names: str, code: int = errno.ENOSPC) -> None:
        for name in names:
            self.faults[name] = code

    def clear(self) -> None:
        self.faults.clear()
        self.partial = False


@contextmanager
def faulty_store(monkeypatch, wrap_sync: Callable | None = None):
    """Route the store's file calls through a :class:`FaultyOS` for the block."""
    fake = FaultyOS()
    monkeypatch.setattr(files, "os", fake)
    monkeypatch.setattr(journal, "os", fake)
    monkeypatch.setattr(journal, "_sync", fake.fdatasync)
    yield fake
