"""Is the data folder on a network share? Then two machines may open one archive.

The data-folder lock (:mod:`minutes_tui.store.lock`) keeps a second copy of
the app *on this machine* out. Across machines it cannot be trusted: SMB
leases and NFS locks vary with the server, and a laptop that drops off the
Wi-Fi keeps its lock while another machine's journal appends go on. A data
folder on a share gets a warning when the archive opens; nothing is refused
(an office may keep the archive on a share on purpose, with one secretary).

Windows: a UNC path (``\\\\server\\share``) or a drive letter Windows reports
as ``DRIVE_REMOTE`` (a mapped drive). Linux: the file system type of the
mount holding the folder in ``/proc/mounts`` (nfs, cifs, smb3, sshfs …), the
testable analogue. Elsewhere: no warning.
"""

from __future__ import annotations

import ntpath
import os
from pathlib import Path
from typing import Final

from minutes_tui.store import files

#: ``GetDriveTypeW``'s answer for a network drive.
DRIVE_REMOTE: Final = 4
#: File system types of network mounts in ``/proc/mounts``.
NETWORK_FILE_SYSTEMS: Final = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "fuse.sshfs", "fuse.rclone",
    "fuse.glusterfs", "fuse.cephfs", "davfs", "fuse.davfs2",
})
MOUNTS: Final = Path("/proc/mounts")


def network_location(folder: Path) -> str | None:
    """Where ``folder`` lives when that is a network share (the share, the mapped
    drive or the mount's file system type, to name in the warning), else None."""
    if files.WINDOWS:
        return windows_network_location(os.path.abspath(folder))
    try:
        mounts = MOUNTS.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None  # not Linux (or no /proc): no way to tell, no warning
    return mount_network_location(os.path.realpath(folder), mounts)


def windows_network_location(path: str) -> str | None:
    r"""``\\server\share`` for a UNC path, ``Z:`` for a mapped network drive, else None."""
    drive, _rest = ntpath.splitdrive(path)
    upper = drive.upper()
    if upper.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return "\\\\" + drive[8:]
    if upper.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./")):
        # A long-path or device prefix in front of a drive letter: look at the letter.
        return windows_network_location(path[4:]) if path[4:6].endswith(":") else None
    if drive.startswith(("\\\\", "//")):
        return drive
    if len(drive) == 2 and drive[1] == ":":
        try:
            kind = files._kernel32().GetDriveTypeW(drive + "\\")
        except (OSError, AttributeError):
            return None
        return drive.upper() if kind == DRIVE_REMOTE else None
    return None


def mount_network_location(path: str, mounts: str) -> str | None:
    """The network file system holding ``path`` (``"cifs //nas/hop"``), from the text of
    ``/proc/mounts``; None when the longest mount point above ``path`` is local."""
    best = ""
    found: str | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        source, point, kind = (_unescape(field) for field in fields[:3])
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best = point
            found = f"{kind} {source}" if kind in NETWORK_FILE_SYSTEMS else None
    return found


def _unescape(field: str) -> str:
    r"""``/proc/mounts`` writes a space as ``\040``, a tab as ``\011``, a backslash as ``\134``."""
    if "\\" not in field:
        return field
    out: list[str] = []
    index = 0
    while index < len(field):
        chunk = field[index + 1 : index + 4]
        if field[index] == "\\" and len(chunk) == 3 and all(c in "01234567" for c in chunk):
            out.append(chr(int(chunk, 8)))
            index += 4
        else:
            out.append(field[index])
            index += 1
    return "".join(out)
