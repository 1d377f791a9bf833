"""Where minutes-tui keeps its files (one place, like Posting's locations.py)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "minutes-tui"
DATA_ENV = "MINUTES_TUI_DATA"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """``--data DIR`` wins, then ``$MINUTES_TUI_DATA``, then the platform's user data dir."""
    if override:
        return Path(override).expanduser()
    if env := os.environ.get(DATA_ENV):
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def meetings_dir(root: Path) -> Path:
    return root / "meetings"


def tasks_dir(root: Path) -> Path:
    """The task register's side files (derivable from the meetings)."""
    return root / "tasks"


def crash_dir(root: Path) -> Path:
    return root / "crash-reports"


EXPORTS_ENV = "MINUTES_TUI_EXPORTS"


def exports_dir(setting: str = "") -> Path:
    """Where exported documents go: the ``export_folder`` setting, then
    ``$MINUTES_TUI_EXPORTS``, then a folder the secretary can find without help —
    ``Documents/minutes-tui`` (``Tài liệu`` on a Vietnamese Windows)."""
    if setting.strip():
        return Path(setting.strip()).expanduser()
    if env := os.environ.get(EXPORTS_ENV):
        return Path(env).expanduser()
    from platformdirs import user_documents_path

    return user_documents_path() / APP_NAME
