"""Windows' rules for files, simulated on Linux for the store's tests.

What a Windows laptop does differently, each made to happen here:

* a file one of our handles holds open cannot be renamed, replaced or deleted
  — under any of its names, hard links included (Python's ``os.open`` does not
  ask for ``FILE_SHARE_DELETE``); another program (Defender, the indexer,
  OneDrive) can hold one the same way for a while (:meth:`WindowsFiles.hold`);
* a folder cannot be opened with ``os.open``, so it cannot be fsync'd;
* ``fsync`` (``FlushFileBuffers``) needs a handle opened for writing;
* ``os.open`` without ``O_BINARY`` gives a text-mode descriptor: every such
  open of a data file is recorded (``O_BINARY`` is a made-up bit here, taken
  off before the real call);
* no ``os.pwrite``, no ``os.fdatasync``, no ``O_NOFOLLOW`` / ``O_NONBLOCK`` /
  ``O_CLOEXEC``, no ``fcntl`` (the data-folder lock goes through filelock);
* renames go through ``MoveFileExW`` (a fake ``kernel32`` records the flags).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from minutes_tui.store import files, journal, lock

#: Stands for ``os.O_BINARY`` (a bit Linux's open flags do not use; removed before the real call).
FAKE_O_BINARY = 0x4000_0000
ERROR_ACCESS_DENIED = 5
ERROR_SHARING_VIOLATION = 32


class FakeKernel32:
    """``MoveFileExW`` and ``GetDriveTypeW`` as ctypes would call them."""

    def __init__(self, on_move: Callable[[str, str], None], drive_types: dict[str, int] | None = None) -> None:
        self.on_move = on_move
        self.drive_types = drive_types or {}
        self.moves: list[tuple[str, str, int]] = []
        self.last_error = 0

    def MoveFileExW(self, source: str, target: str, flags: int) -> int:
        assert isinstance(source, str) and isinstance(target, str)
        self.moves.append((source, target, flags))
        try:
            self.on_move(source, target)
        except OSError as error:
            self.last_error = getattr(error, "winerror", None) or ERROR_ACCESS_DENIED
            return 0
        return 1

    def GetDriveTypeW(self, root: str) -> int:
        return self.drive_types.get(root, 3)  # DRIVE_FIXED


class WindowsFiles:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
        self.root = os.path.realpath(root)
        self.handles: dict[int, tuple[int, int, int]] = {}  # fd -> (st_dev, st_ino, flags)
        self.held: dict[tuple[int, int], str] = {}  # files another program holds open
        self.text_mode: list[str] = []  # data files opened without O_BINARY
        self.read_only_fsyncs: list[int] = []
        self.folder_opens: list[str] = []
        self.refused: list[tuple[str, str]] = []  # (operation, name) Windows refused
        self.sleeps: list[float] = []
        self.on_sleep: Callable[[int], None] | None = None  # called with the number of sleeps so far
        self._real = {name: getattr(os, name) for name in ("open", "close", "fsync", "replace", "unlink", "fstat")}
        self.kernel32 = FakeKernel32(self._replace)
        patch = monkeypatch.setattr
        patch(os, "open", self._open)
        patch(os, "close", self._close)
        patch(os, "fsync", self._fsync)
        patch(os, "replace", self._replace)
        patch(os, "rename", self._replace)
        patch(os, "unlink", self._unlink)
        patch(os, "remove", self._unlink)
        for name in ("pwrite", "fdatasync"):
            monkeypatch.delattr(os, name)
        patch(os, "O_BINARY", FAKE_O_BINARY, raising=False)
        patch(journal, "_sync", os.fsync)
        patch(files, "WINDOWS", True)
        patch(files, "_BINARY", FAKE_O_BINARY)
        for name in ("_NOFOLLOW", "_CLOEXEC", "_NONBLOCK"):
            patch(files, name, 0)
        patch(files, "_kernel32", lambda: self.kernel32)
        patch(files, "_last_error", lambda: self.kernel32.last_error)
        patch(files, "_sleep", self._sleep)
        patch(lock, "fcntl", None)

    # -- another program ------------------------------------------------------------
    def hold(self, path: Path, by: str = "Defender") -> None:
        st = os.lstat(path)
        self.held[(st.st_dev, st.st_ino)] = by

    def release(self) -> None:
        self.held.clear()

    # -- the patched calls ------------------------------------------------------------
    def _ours(self, path: object) -> bool:
        name = os.path.realpath(os.fspath(path))  # type: ignore[arg-type]
        return name.startswith(self.root + os.sep) and os.path.basename(name) != ".lock"  # .lock: filelock's own

    def _open(self, path: object, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        if os.path.isdir(path):  # type: ignore[arg-type]
            self.folder_opens.append(os.fspath(path))  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        if self._ours(path) and not flags & FAKE_O_BINARY:
            self.text_mode.append(os.fspath(path))  # type: ignore[arg-type]
        fd = self._real["open"](path, flags & ~FAKE_O_BINARY, mode, dir_fd=dir_fd)
        st = self._real["fstat"](fd)
        self.handles[fd] = (st.st_dev, st.st_ino, flags)
        return fd

    def _close(self, fd: int) -> None:
        self.handles.pop(fd, None)
        self._real["close"](fd)

    def _fsync(self, fd: int) -> None:
        known = self.handles.get(fd)
        if known is not None and known[2] & os.O_ACCMODE == os.O_RDONLY:
            self.read_only_fsyncs.append(fd)
            raise OSError(errno.EBADF, "Bad file descriptor")  # FlushFileBuffers on a read-only handle
        self._real["fsync"](fd)

    def _open_here(self, path: object) -> str | None:
        """Who holds ``path`` open (our own handle or another program), or None."""
        try:
            st = os.lstat(path)  # type: ignore[arg-type]
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        key = (st.st_dev, st.st_ino)
        if key in self.held:
            return self.held[key]
        for fd, (dev, ino, _flags) in list(self.handles.items()):
            try:
                live = self._real["fstat"](fd)
            except OSError:
                del self.handles[fd]  # closed behind os.close's back (a file object)
                continue
            if (live.st_dev, live.st_ino) != (dev, ino):
                del self.handles[fd]
                continue
            if (dev, ino) == key:
                return "minutes-tui"
        return None

    def _refuse(self, operation: str, path: object, holder: str) -> None:
        self.refused.append((operation, os.path.basename(os.fspath(path))))  # type: ignore[arg-type]
        code = ERROR_ACCESS_DENIED if holder == "minutes-tui" else ERROR_SHARING_VIOLATION
        error = PermissionError(errno.EACCES, f"held open by {holder}", os.fspath(path))  # type: ignore[arg-type]
        error.winerror = code  # type: ignore[attr-defined]
        raise error

    def _replace(self, source: object, target: object, **kwargs: object) -> None:
        for path in (source, target):
            holder = self._open_here(path)
            if holder is not None:
                self._refuse("replace", path, holder)
        self._real["replace"](source, target, **kwargs)

    def _unlink(self, path: object, **kwargs: object) -> None:
        holder = self._open_here(path)
        if holder is not None:
            self._refuse("unlink", path, holder)
        self._real["unlink"](path, **kwargs)

    def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        if self.on_sleep is not None:
            self.on_sleep(len(self.sleeps))
