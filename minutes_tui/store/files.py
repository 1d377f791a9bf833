"""Low-level file safety: private permissions, fsync, atomic replace, no links.

Every data file is opened with ``O_NOFOLLOW`` and checked to be a regular
file: a link planted in the data folder must never make the app read, write
or truncate a file somewhere else, and a FIFO or a device must never make it
hang or read without end. Such a file is refused by name (:class:`UnsafeFile`).
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from minutes_tui.store.errors import CorruptFile, UnreadableFile, UnsafeFile

FILE_MODE: Final = 0o600
DIR_MODE: Final = 0o700
TEMP_SUFFIX: Final = ".tmp-minutes"

_NOFOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC: Final = getattr(os, "O_CLOEXEC", 0)
# Opening a FIFO for reading blocks until a writer comes; non-blocking it returns at once
# and the type check below refuses it. No effect on regular files.
_NONBLOCK: Final = getattr(os, "O_NONBLOCK", 0)
_temp_names = itertools.count()


@dataclass(frozen=True)
class FileStamp:
    """What identifies one version of a file on disk (a rewrite changes it)."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> FileStamp:
        return cls(st.st_ino, st.st_size, st.st_mtime_ns)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def open_regular(path: Path, flags: int, mode: int = FILE_MODE) -> int:
    """``os.open`` that never follows a link and only returns regular files.

    Raises :class:`UnsafeFile` (naming ``path``) for a link, a directory, a
    FIFO, a device or a socket; ``FileNotFoundError`` and other ``OSError``
    pass through (the caller knows what a missing file means).
    """
    try:
        fd = os.open(path, flags | _NOFOLLOW | _CLOEXEC | _NONBLOCK, mode)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnsafeFile(path, "link") from None
        if error.errno in (errno.EISDIR, errno.ENXIO):
            try:
                kind = _kind(os.lstat(path).st_mode)
            except OSError:
                kind = "other"
            raise UnsafeFile(path, kind) from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafeFile(path, _kind(st.st_mode))
        if _NONBLOCK and flags & _NONBLOCK == 0:
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: Path, limit: int | None = None) -> tuple[bytes, FileStamp] | None:
    """The bytes of the regular file ``path`` and its stamp; None when it does not exist.

    ``limit``: refuse (``ValueError``) a file longer than this many bytes — read
    with a cap, never trusting ``st_size`` (``/proc`` files report 0).
    Permission and other read errors become :class:`UnreadableFile` naming the file.
    """
    try:
        fd = open_regular(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except UnsafeFile:
        raise
    except OSError as error:
        raise UnreadableFile(path, error) from None
    try:
        st = os.fstat(fd)
        chunks: list[bytes] = []
        total = 0
        while True:
            want = 1 << 20 if limit is None else min(1 << 20, limit + 1 - total)
            chunk = os.read(fd, max(want, 1))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if limit is not None and total > limit:
                raise ValueError(f"{path} is longer than {limit} bytes")
        return b"".join(chunks), FileStamp.of(st)
    except OSError as error:
        raise UnreadableFile(path, error) from None
    finally:
        os.close(fd)


def parse_json(raw: bytes, path: Path) -> Any:
    """JSON from ``raw``; anything that does not parse (bad UTF-8, bad JSON,
    nesting too deep for the parser) is :class:`CorruptFile` naming ``path``."""
    if not raw.strip():
        raise CorruptFile(path, "empty")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CorruptFile(path, "utf8", detail=str(error)) from None
    except RecursionError:
        raise CorruptFile(path, "nesting") from None
    except ValueError as error:
        raise CorruptFile(path, "json", detail=str(error)) from None


def stamp_of(path: Path) -> FileStamp | None:
    """The stamp of what is at ``path`` now (not following links), or None."""
    try:
        return FileStamp.of(os.lstat(path))
    except FileNotFoundError:
        return None


def ensure_private_dir(path: Path) -> bool:
    """Create ``path`` and any missing parents with mode 0700; True when ``path`` was created.

    A folder that already exists is left exactly as it is (``--data`` may point
    at a folder the user shares on purpose): see :func:`loose_permissions`.
    """
    missing: list[Path] = []
    probe = path
    while not probe.exists():
        if probe.is_symlink():  # a dangling link: mkdir below reports it
            break
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, DIR_MODE)
        except FileExistsError:
            continue  # created meanwhile by someone else: not ours to chmod
        os.chmod(folder, DIR_MODE)  # mkdir's mode is masked by the umask
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    return bool(missing) and missing[0] == path


def loose_permissions(path: Path) -> int | None:
    """The mode of ``path`` when others than its owner may write into it, else None."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None
    return mode if mode & 0o022 else None


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file entry in ``path`` durable (no-op where unsupported)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def create_private(path: Path) -> int:
    """A new file at ``path`` (never an existing one, never through a link), mode 0600."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, FILE_MODE)


def atomic_write(path: Path, data: bytes, keep_backup: bool = False) -> FileStamp:
    """Write ``data`` to ``path`` so a crash leaves either the old or the new file.

    Temp file in the same folder (created exclusively, mode 0600), fsync,
    optional hard-linked ``.bak`` of the previous version, ``os.replace``,
    fsync of the folder. A link at ``path`` is replaced, never followed.
    Returns the stamp of the file now at ``path``.
    """
    temp = path.with_name(f"{path.name}.{os.getpid()}-{next(_temp_names)}{TEMP_SUFFIX}")
    try:
        fd = create_private(temp)
    except FileExistsError:  # left by an earlier process with the same pid
        _unlink_quietly(temp)
        fd = create_private(temp)
    try:
        _write_all(fd, data)
        os.fsync(fd)
        stamp = FileStamp.of(os.fstat(fd))
    except BaseException:
        os.close(fd)
        _unlink_quietly(temp)
        raise
    os.close(fd)
    try:
        if keep_backup and os.path.lexists(path) and stat.S_ISREG(os.lstat(path).st_mode):
            backup = path.with_name(path.name + ".bak")
            link = path.with_name(f"{path.name}.bak{TEMP_SUFFIX}")
            _unlink_quietly(link)
            os.link(path, link)
            os.replace(link, backup)
        os.replace(temp, path)
    except BaseException:
        _unlink_quietly(temp)
        raise
    fsync_dir(path.parent)
    return stamp


def write_private_copy(path: Path, data: bytes) -> None:
    """A new file holding ``data`` (mode 0600, fsync'd): a copy kept for the user."""
    fd = create_private(path)
    try:
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_dir(path.parent)


def unique_name(path: Path, tag: str) -> Path:
    """``<name>.<tag>-<time>`` next to ``path``, with a counter if that exists."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{tag}-{stamp}")
    counter = 1
    while os.path.lexists(target):
        counter += 1
        target = path.with_name(f"{path.name}.{tag}-{stamp}-{counter}")
    return target


def remove_orphan_temps(folder: Path) -> int:
    """Delete temp files left by a kill in the middle of :func:`atomic_write`."""
    removed = 0
    try:
        entries = os.scandir(folder)  # names only: no Path object per file
    except OSError:
        return 0
    with entries:
        for entry in entries:
            if entry.name.endswith(TEMP_SUFFIX):
                _unlink_quietly(Path(entry.path))
                removed += 1
    return removed


def set_aside(path: Path) -> Path:
    """Rename a damaged file out of the way, never deleting it; return its new name.

    The renamed file is made private (0600): it may hold the meeting's text.
    """
    target = unique_name(path, "corrupt")
    os.replace(path, target)
    try:
        if stat.S_ISREG(os.lstat(target).st_mode):
            os.chmod(target, FILE_MODE)
    except OSError:
        pass
    return target


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
