"""Deleted meetings, kept restorable: ``DATA/trash/<id>/``, and archived meetings' marks.

A meeting is several files that must stay together: its database file and
backup, its journals, its half-typed line, its notices folder (all
``meetings/<id>.*``) and its task side file (``tasks/<id>.json``). Deleting
moves them all into the meeting's own trash folder, keeping the layout::

    trash/<id>/trashed.json            what it was, when, and how far the move got
    trash/<id>/meetings/<id>.json      …every meetings/<id>.* entry
    trash/<id>/tasks/<id>.json         the task side file

Several renames cannot be one atomic step, so the move is written down first
(``trashed.json`` with ``state``: ``moving`` or ``restoring``) and finished at
the next opening of the data folder if a kill stops it halfway
(:func:`finish_moves`): a meeting is always wholly listed or wholly in the
trash, never half of each. The database file and its backup (what makes a
meeting listed) go first when deleting and come back last when restoring, so
even a reader that looks mid-move never sees a meeting without its journal.

Archived meetings stay where they are; ``DATA/archived.json`` lists them (the
meeting list hides them, the archive-wide search still finds them).

Everything is created private (folders 0700, files 0600) and every rename is
made durable (fsync of both folders).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from minutes_tui.i18n import tr
from minutes_tui.store.errors import StoreError, WriteFailed
from minutes_tui.store.files import atomic_write, ensure_private_dir, fsync_dir, parse_json, read_regular

MANIFEST: Final = "trashed.json"
ARCHIVED_NAME: Final = "archived.json"
MOVING: Final = "moving"  # into the trash
TRASHED: Final = "trashed"
RESTORING: Final = "restoring"  # back out of it
#: The files of a meeting that make it listed: moved first into the trash, last out of it.
_LISTED_SUFFIXES: Final = (".json", ".json.bak")


@dataclass(frozen=True)
class TrashedMeeting:
    """A deleted meeting, as the trash lists it."""

    id: str
    title: str = ""
    date: str = ""
    trashed_at: float = 0.0


def trash_dir(root: Path) -> Path:
    return root / "trash"


def _places(root: Path, meeting_id: str) -> list[tuple[Path, Path]]:
    """(where the data folder keeps them, where the trash keeps them), per folder."""
    kept = trash_dir(root) / meeting_id
    return [(root / "meetings", kept / "meetings"), (root / "tasks", kept / "tasks")]


def _names(folder: Path, meeting_id: str, *, tasks: bool) -> list[str]:
    """The meeting's entries in ``folder``: every ``<id>.*`` (an id holds no dot), or the task side file."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StoreError(tr("store.folder_unreadable", path=folder, reason=error.strerror or error)) from error
    if tasks:
        return [name for name in names if name == f"{meeting_id}.json"]
    return [name for name in names if name.startswith(f"{meeting_id}.")]


def _ordered(names: list[str], meeting_id: str, *, listed_first: bool) -> list[str]:
    listed = [f"{meeting_id}{suffix}" for suffix in _LISTED_SUFFIXES]
    first = [name for name in listed if name in names]
    rest = sorted(name for name in names if name not in listed)
    return first + rest if listed_first else rest + list(reversed(first))


def _move_all(root: Path, meeting_id: str, *, into_trash: bool) -> None:
    """Move every remaining file of the meeting one way (safe to run again after a kill)."""
    for home, kept in _places(root, meeting_id):
        source, target = (home, kept) if into_trash else (kept, home)
        names = _ordered(_names(source, meeting_id, tasks=home.name == "tasks"), meeting_id, listed_first=into_trash)
        if not names:
            continue
        try:
            ensure_private_dir(target)
            for name in names:
                # Only a task side file can be there (rebuilt from the meeting): the meeting's wins.
                if os.path.lexists(target / name) and home.name != "tasks":
                    raise StoreError(tr("trash.name_taken", path=target / name))
                os.replace(source / name, target / name)
        except OSError as error:
            raise WriteFailed(target, error) from error
        fsync_dir(source)
        fsync_dir(target)


def _write_manifest(path: Path, data: dict[str, Any]) -> None:
    try:
        atomic_write(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError as error:
        raise WriteFailed(path, error) from error


def _read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        found = read_regular(path, limit=1 << 16)
        data = parse_json(found[0], path) if found is not None else None
    except (StoreError, ValueError):
        return None
    return data if type(data) is dict else None


def move_to_trash(root: Path, meeting_id: str, *, title: str = "", date: str = "") -> TrashedMeeting:
    """Move the meeting's files into ``trash/<id>/`` (the caller has closed its store)."""
    folder = trash_dir(root) / meeting_id
    manifest = folder / MANIFEST
    if os.path.lexists(manifest):
        raise StoreError(tr("trash.already", id=meeting_id))
    if not os.path.lexists(root / "meetings" / f"{meeting_id}.json") and not os.path.lexists(
            root / "meetings" / f"{meeting_id}.json.bak"):
        raise StoreError(tr("store.no_such_meeting", ref=meeting_id))
    try:
        ensure_private_dir(folder)
    except OSError as error:
        raise WriteFailed(folder, error) from error
    entry = TrashedMeeting(meeting_id, title, date, time.time())
    record = {"id": meeting_id, "title": title, "date": date, "trashed_at": entry.trashed_at}
    _write_manifest(manifest, {**record, "state": MOVING})
    _move_all(root, meeting_id, into_trash=True)
    _write_manifest(manifest, {**record, "state": TRASHED})
    return entry


def restore_from_trash(root: Path, meeting_id: str) -> None:
    """Move a deleted meeting's files back where they were."""
    folder = trash_dir(root) / meeting_id
    manifest = folder / MANIFEST
    data = _read_manifest(manifest)
    if data is None:
        raise StoreError(tr("trash.not_there", id=meeting_id))
    if os.path.lexists(root / "meetings" / f"{meeting_id}.json"):
        raise StoreError(tr("trash.name_taken", path=root / "meetings" / f"{meeting_id}.json"))
    _write_manifest(manifest, {**data, "state": RESTORING})
    _move_all(root, meeting_id, into_trash=False)
    _remove_emptied(folder)


#: A meeting deleted for good is first renamed to this prefix (one atomic step), then
#: removed; a kill in between leaves a folder :func:`finish_moves` removes.
_PURGING: Final = ".purge-"


def purge_from_trash(root: Path, meeting_id: str) -> None:
    """Delete a meeting in the trash for good (its files cannot be restored after)."""
    folder = trash_dir(root) / meeting_id
    data = _read_manifest(folder / MANIFEST)
    if data is None or data.get("state") != TRASHED:
        raise StoreError(tr("trash.not_there", id=meeting_id))
    doomed = trash_dir(root) / f"{_PURGING}{meeting_id}"
    try:
        os.replace(folder, doomed)
        fsync_dir(trash_dir(root))
        shutil.rmtree(doomed)
    except OSError as error:
        raise WriteFailed(folder, error) from error


def _remove_emptied(folder: Path) -> None:
    """The meeting's trash folder once everything has gone back (the manifest last)."""
    for sub in ("meetings", "tasks"):
        try:
            os.rmdir(folder / sub)
        except FileNotFoundError:
            pass
        except OSError as error:
            raise WriteFailed(folder / sub, error) from error
    try:
        os.unlink(folder / MANIFEST)
        os.rmdir(folder)
    except OSError as error:
        raise WriteFailed(folder, error) from error
    fsync_dir(folder.parent)


def trashed(root: Path) -> list[TrashedMeeting]:
    """The meetings in the trash, the newest deleted first."""
    try:
        names = os.listdir(trash_dir(root))
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StoreError(tr("store.folder_unreadable", path=trash_dir(root), reason=error.strerror or error)) from error
    found: list[TrashedMeeting] = []
    for name in names:
        data = _read_manifest(trash_dir(root) / name / MANIFEST)
        if data is None or data.get("state") != TRASHED or data.get("id") != name:
            continue
        found.append(TrashedMeeting(name, str(data.get("title", "")), str(data.get("date", "")),
                                    float(data.get("trashed_at", 0.0) or 0.0)))
    found.sort(key=lambda entry: entry.trashed_at, reverse=True)
    return found


def finish_moves(root: Path) -> list[str]:
    """Finish every move a kill left halfway (at the opening of the data folder, under its
    lock); the ids of the meetings it finished."""
    try:
        names = os.listdir(trash_dir(root))
    except OSError:
        return []
    finished: list[str] = []
    for name in names:
        folder = trash_dir(root) / name
        if name.startswith(_PURGING):  # deleted for good, the removal cut short
            shutil.rmtree(folder, ignore_errors=True)
            continue
        data = _read_manifest(folder / MANIFEST)
        if data is None or data.get("id") != name:
            continue
        if data.get("state") == MOVING:
            _move_all(root, name, into_trash=True)
            _write_manifest(folder / MANIFEST, {**data, "state": TRASHED})
            finished.append(name)
        elif data.get("state") == RESTORING:
            _move_all(root, name, into_trash=False)
            _remove_emptied(folder)
            finished.append(name)
    return finished


# -- archived meetings ----------------------------------------------------------------------
def read_archived(root: Path) -> dict[str, float]:
    """Archived meeting ids and when they were archived; a damaged file counts as none
    (the meetings show in the list again: nothing is hidden by mistake)."""
    path = root / ARCHIVED_NAME
    try:
        found = read_regular(path, limit=1 << 24)
        data = parse_json(found[0], path) if found is not None else {}
    except (StoreError, ValueError):
        return {}
    meetings = data.get("meetings") if type(data) is dict else None
    if type(meetings) is not dict:
        return {}
    return {str(key): float(value) for key, value in meetings.items() if type(value) in (int, float)}


def write_archived(root: Path, archived: dict[str, float]) -> None:
    path = root / ARCHIVED_NAME
    try:
        atomic_write(path, json.dumps({"version": 1, "meetings": archived}).encode("utf-8"))
    except OSError as error:
        raise WriteFailed(path, error) from error
