"""Schema versions of a meeting's database file, and the steps between them.

``MIGRATIONS[n]`` turns a version-``n`` file into version ``n + 1``. A file
newer than :data:`SCHEMA` is refused (never rewritten by an older program).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from minutes_tui.store.errors import FutureSchema

SCHEMA = 2
Tables = dict[str, dict[str, Any]]


def _v0_to_v1(tables: Tables) -> Tables:
    # Version 0 (early development files) had no schema number and no history table.
    tables.setdefault("history", {"1": {"undo": [], "redo": []}})
    return tables


def _v1_to_v2(tables: Tables) -> Tables:
    # Version 1 kept the stored notices inside the meeting file (tables "notices" and
    # "notice_edits"); version 2 keeps them in files beside it. MeetingStore moves them
    # out (it needs the notice store to write them); the tables here are left alone.
    return tables


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1, 1: _v1_to_v2}


def version_of(tables: Tables) -> int:
    meta = tables.get("meta", {}).get("1", {})
    return int(meta.get("schema", 0))


def migrate(tables: Tables, path: Path) -> tuple[Tables, bool]:
    """Bring ``tables`` up to :data:`SCHEMA`; True when anything changed."""
    version = version_of(tables)
    if version > SCHEMA:
        raise FutureSchema(path, version)
    changed = version < SCHEMA
    while version < SCHEMA:
        tables = MIGRATIONS[version](tables)
        version += 1
        tables.setdefault("meta", {}).setdefault("1", {})["schema"] = version
    return tables, changed
