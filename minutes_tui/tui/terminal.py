"""What the app knows about the terminal it runs in.

On Windows the old console host (``conhost``, what ``cmd.exe`` and PowerShell
open by default on Windows 10) handles keys, colours and Vietnamese letters
less well than Windows Terminal, which marks its sessions with ``WT_SESSION``.
Other modern terminals (VS Code's, WezTerm) set ``TERM_PROGRAM``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

#: Read at every call (like ``store.files.WINDOWS``) so tests can take the Windows path on Linux.
WINDOWS = os.name == "nt"


def legacy_windows_console(environ: Mapping[str, str] | None = None) -> bool:
    """True in Windows' old console: on Windows, and neither Windows Terminal nor another modern terminal."""
    env = os.environ if environ is None else environ
    return WINDOWS and not env.get("WT_SESSION") and not env.get("TERM_PROGRAM")
