"""Low-level file safety: private permissions, fsync, atomic replace."""

from __future__ import annotations

import os
import time
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp-minutes"


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) readable only by its owner."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if (path.stat().st_mode & 0o777) != DIR_MODE:
        os.chmod(path, DIR_MODE)


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


def atomic_write(path: Path, data: bytes, keep_backup: bool = False) -> None:
    """Write ``data`` to ``path`` so a crash leaves either the old or the new file.

    Temp file in the same folder, fsync, optional hard-linked ``.bak`` of the
    previous version, ``os.replace``, fsync of the folder.
    """
    temp = path.with_name(f"{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        _unlink_quietly(temp)
        raise
    os.close(fd)
    try:
        if keep_backup and path.exists():
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
    """Rename a damaged file out of the way, never deleting it; return its new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, target)
    return target


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
