"""Schema versions of a meeting's database file, and the steps between them.

``MIGRATIONS[n]`` turns a version-``n`` file into version ``n + 1``. A file
newer than :data:`SCHEMA` is refused (never rewritten by an older program).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from minutes_tui.store.errors import FutureSchema

SCHEMA = 4
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


def _v2_to_v3(tables: Tables) -> Tables:
    # Version 3 adds the "followup" table (the task register's records). Nothing to convert;
    # the number goes up so that an older build, which would drop the table at its next
    # checkpoint, refuses the file instead.
    return tables


def _v3_to_v4(tables: Tables) -> Tables:
    # Version 4 lets a line carry "ref" (a task carried over from an earlier meeting). Nothing
    # to convert; an older build would read such a line as a new task (a copy in the register)
    # and drop the reference at its next checkpoint, so it must refuse the file instead.
    return tables


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


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
