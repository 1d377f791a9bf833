"""The data folder: meetings, a small index, office settings, and a lock.

Layout::

    DATA/                         locked (flock on the folder itself) by the one writer
      .lock.owner                 the writer's process id, for the "in use" message
      index.json                  TinyDB: one summary per meeting (derivable)
      settings.json               TinyDB: office settings and owner directory
      meetings/<id>.json          TinyDB: the meeting (atomic rewrite; .bak = the one before)
      meetings/<id>.journal       fsync'd append-only edits since the last checkpoint
      meetings/<id>.journal.prev  the edits between .bak and .json (for recovery)
      meetings/<id>.draft         the half-typed line
      archived.json               the archived meetings (hidden from the list)
      trash/<id>/                 a deleted meeting, restorable (see store/trash.py)

A commit touches only its meeting's journal, so its cost does not grow with
the archive. The index is refreshed at each checkpoint (in the background);
a row whose meeting file changed since (its size and mtime are kept in the
row), or whose meeting has unfolded journal records, is summarised again from
the meeting on listing, and the whole index is then written once.
"""

from __future__ import annotations

import builtins
import errno
import functools
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from tinydb import Query, TinyDB

from minutes_tui.core.directory import Directory
from minutes_tui.core.model import Kind, Meeting, MeetingDetails, OfficeSettings
from minutes_tui.i18n import tr
from minutes_tui.locations import meetings_dir, tasks_dir
from minutes_tui.store import schema
from minutes_tui.store.errors import (
    CorruptFile,
    DataLocked,
    ReadOnly,
    StoreError,
    UnreadableFile,
    UnsafeFile,
    WriteFailed,
)
from minutes_tui.store.files import (
    FILE_MODE,
    ensure_private_dir,
    loose_permissions,
    open_regular,
    remove_orphan_temps,
    set_aside,
    stamp_of,
)
from minutes_tui.store.lock import DataDirLock, LockTaken
from minutes_tui.store.meeting_store import MeetingStore
from minutes_tui.store.tinydb_storage import AtomicJSONStorage, Tables, read_tables
from minutes_tui.store.trash import (
    TrashedMeeting,
    finish_moves,
    move_to_trash,
    purge_from_trash,
    read_archived,
    restore_from_trash,
    trashed,
    write_archived,
)
from minutes_tui.store.volumes import network_location

if TYPE_CHECKING:
    from minutes_tui.store.task_index import TaskIndex

#: What a meeting id looks like (``Meeting().id`` is 12 hex digits); other names are not meetings.
MEETING_ID: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")
INDEX_NAME: Final = "index.json"
SETTINGS_NAME: Final = "settings.json"
#: The list reports its progress every this many meetings it has to read.
PROGRESS_EVERY: Final = 25

Progress = Callable[[int, int], None]
Summaries = list["MeetingSummary"]  # spelled here: inside Archive, "list" is the method


@dataclass
class MeetingSummary:
    id: str
    date: str = ""
    title: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    lines: int = 0
    created: float = 0.0
    updated: float = 0.0
    stamp: list[int] | None = None  # [size, mtime_ns] of the meeting file it was made from

    @classmethod
    def of(cls, meeting: Meeting, stamp: list[int] | None = None) -> MeetingSummary:
        counts = meeting.counts()
        return cls(
            id=meeting.id,
            date=meeting.details.date,
            title=meeting.title,
            counts={kind.value: counts[kind] for kind in Kind},
            lines=len(meeting.lines),
            created=meeting.created,
            updated=time.time(),
            stamp=stamp,
        )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> MeetingSummary:
        """From a row :func:`schema.index_row` accepted."""
        get = row.get
        return cls(row["id"], get("date", ""), get("title", ""), get("counts", {}), get("lines", 0),
                   get("created", 0.0), get("updated", 0.0), get("stamp"))

    def count(self, kind: Kind) -> int:
        return int(self.counts.get(kind.value, 0))


def _differs(summary: MeetingSummary, row: dict[str, Any] | None) -> bool:
    """True when the index row does not say what ``summary`` says (its time aside): a
    meeting whose journal still holds lines is read at every listing, but its row is
    not written again and again."""
    if row is None:
        return True
    fresh = asdict(summary)
    return any(fresh[name] != row.get(name) for name in fresh if name != "updated")


def _file_stamp(path: Path) -> list[int] | None:
    stamp = stamp_of(path)
    return [stamp.size, stamp.mtime_ns] if stamp else None


class Archive:
    """All meetings under one data folder.

    ``readonly=True`` takes no lock and writes nothing (``list``, ``export``
    while the app is open elsewhere).
    """

    def __init__(self, root: Path, *, readonly: bool = False) -> None:
        self.root = root
        self.readonly = readonly
        self.meetings_path = meetings_dir(root)
        self.warnings: list[str] = []
        self._lock: DataDirLock | None = None
        self._index: TinyDB | None = None
        self._settings_storage: AtomicJSONStorage | None = None
        self._write_lock = threading.Lock()
        self.settings = OfficeSettings()
        self.directory = Directory()

    @functools.cached_property
    def tasks(self) -> TaskIndex:
        """The task register's index (its modules load on its first use, not with the app)."""
        from minutes_tui.store import task_index

        return task_index.TaskIndex(tasks_dir(self.root), self.meetings_path, writable=not self.readonly)

    @staticmethod
    def exists(root: Path) -> bool:
        """True when ``root`` holds a minutes-tui archive (a typo in ``--data`` does not)."""
        return meetings_dir(root).is_dir()

    # -- lifecycle -------------------------------------------------------------
    def open(self) -> Archive:
        if not self.readonly:
            try:
                created = ensure_private_dir(self.root)
                ensure_private_dir(self.meetings_path)
            except OSError as error:
                raise StoreError(tr("store.cannot_create_dir", path=self.root, reason=error.strerror or error)) from error
            if not created:
                self._warn_if_shared(self.root)
            self._warn_if_network(self.root)
            self._acquire_lock()
            remove_orphan_temps(self.root)
            remove_orphan_temps(self.meetings_path)
            try:
                finish_moves(self.root)  # a delete or restore a kill stopped halfway
            except StoreError as error:
                self.warnings.append(str(error))
            self._index = TinyDB(self.root / INDEX_NAME, storage=AtomicJSONStorage)
            self._settings_storage = AtomicJSONStorage(self.root / SETTINGS_NAME, keep_backup=True)
        elif self.root.is_dir():
            self._warn_if_shared(self.root)
        self._load_settings()
        return self

    def _warn_if_shared(self, folder: Path) -> None:
        # An existing folder is the user's: never chmod it, but say when others may write in it.
        mode = loose_permissions(folder)
        if mode is not None:
            self.warnings.append(tr("store.dir_shared", path=folder, mode=f"{mode:04o}"))

    def _warn_if_network(self, folder: Path) -> None:
        # The lock keeps a second app on this machine out, not one on another machine.
        where = network_location(folder)
        if where is not None:
            self.warnings.append(tr("store.network_folder", path=folder, where=where))

    def _acquire_lock(self) -> None:
        owner_path = self.root / ".lock.owner"
        lock = DataDirLock(self.root, self.root / ".lock")
        try:
            lock.acquire()
        except LockTaken:
            owner = ""
            try:
                found = _read_small(owner_path)
                owner = found.decode("utf-8", "replace").strip()[:20] if found else ""
            except StoreError:
                owner = ""
            raise DataLocked(self.root, owner) from None
        except OSError as error:
            raise StoreError(tr("store.cannot_lock", path=self.root, reason=error.strerror or error)) from error
        self._lock = lock
        # The lock is on the folder, which a read-only disk still grants: writing the
        # owner file is what proves the folder takes writes (a full disk may refuse
        # these few bytes and still take the journal's appends, so ENOSPC is no proof).
        refused = _write_owner(owner_path)
        if refused is not None and refused.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            lock.release()
            self._lock = None
            raise StoreError(tr("store.cannot_lock", path=self.root, reason=refused.strerror or refused))

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
        self._index = None
        self._settings_storage = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Archive:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def take_warnings(self) -> list[str]:
        """The warnings gathered so far, each once, in order; the list is emptied."""
        taken = list(dict.fromkeys(self.warnings))
        self.warnings.clear()
        return taken

    # -- damaged small files ------------------------------------------------------------
    def _read_or_set_aside(self, path: Path) -> Tables:
        """A small archive file's tables; one that does not load is reported by name and,
        when writable, renamed out of the way (never deleted, never followed)."""
        try:
            found = read_tables(path)
            return found[0] if found else {}
        except (CorruptFile, UnsafeFile, UnreadableFile) as error:
            if self.readonly:
                self.warnings.append(str(error))
                return {}
            try:
                kept = set_aside(path)
            except OSError:
                self.warnings.append(str(error))
                return {}
            if isinstance(error, CorruptFile):
                self.warnings.append(str(error.set_aside_as(kept)))
            else:
                self.warnings.append(f"{error} {tr('store.moved_aside', name=kept.name)}")
            return {}

    # -- settings and owner directory ------------------------------------------
    def _load_settings(self) -> None:
        path = self.root / SETTINGS_NAME
        tables = self._read_or_set_aside(path)
        if not tables and not self.readonly and not path.exists():
            backup = path.with_name(path.name + ".bak")
            try:
                found = read_tables(backup)
                tables = found[0] if found else {}
            except StoreError:
                tables = {}
        office = tables.get("office", {}).get("1") if type(tables.get("office")) is dict else None
        values, bad = schema.office_settings(office)
        self.settings = OfficeSettings.from_dict(values)
        if bad:
            self.warnings.append(tr("store.settings_fallback", path=path, names=", ".join(bad)))
        raw_directory = tables.get("directory", {}).get("1") if type(tables.get("directory")) is dict else None
        directory_data, ok = schema.directory(raw_directory)
        self.directory = Directory.from_dict(directory_data)
        if not ok:
            self.warnings.append(tr("store.directory_fallback", path=path))

    def save_settings(self, settings: OfficeSettings | None = None, directory: Directory | None = None) -> None:
        """Write settings and the owner directory now (atomic, durable on return).

        Every value is checked first (:class:`InvalidSetting`), and what is in
        memory changes only once the file has it: a refused write (full disk,
        read-only folder) leaves the settings as they were.
        """
        settings = settings if settings is not None else self.settings
        directory = directory if directory is not None else self.directory
        if self._settings_storage is None:
            raise ReadOnly()
        for name in schema.CHOICES:
            problem = schema.setting_problem(name, str(getattr(settings, name)))
            if problem is not None:
                raise InvalidSetting(tr(problem[0], **problem[1]))
        with self._write_lock:
            storage = self._settings_storage
            path = storage.path
            try:
                tables = storage.read() or {}
            except (CorruptFile, UnsafeFile, UnreadableFile):
                tables = {}
                try:
                    set_aside(path)  # reported on load; this write starts a good file
                except OSError as error:
                    raise WriteFailed(path, error) from error
                storage = self._settings_storage = AtomicJSONStorage(path, keep_backup=True)
                storage.read()
            tables["office"] = {"1": settings.to_dict()}
            tables["directory"] = {"1": directory.to_dict()}
            try:
                storage.write(tables)  # both tables in one atomic replace
            except OSError as error:
                raise WriteFailed(path, error) from error
            self.settings = settings
            self.directory = directory

    # -- meetings --------------------------------------------------------------
    def _scan(self) -> tuple[list[str], set[str], dict[str, list[int]]]:
        """Meeting ids, those whose journal holds unfolded records, and each meeting
        file's [size, mtime_ns] — one directory read, one lstat per meeting."""
        ids: list[str] = []
        backups: set[str] = set()
        pending: set[str] = set()
        stamps: dict[str, list[int]] = {}
        try:
            entries = os.scandir(self.meetings_path)
        except FileNotFoundError:
            return [], set(), {}
        except OSError as error:
            raise StoreError(tr("store.folder_unreadable", path=self.meetings_path, reason=error.strerror or error)) from error
        with entries:
            for entry in entries:
                name = entry.name
                try:
                    if name.endswith(".json") and MEETING_ID.fullmatch(name[:-5]):
                        ids.append(name[:-5])
                        st = entry.stat(follow_symlinks=False)
                        stamps[name[:-5]] = [st.st_size, st.st_mtime_ns]
                    elif name.endswith(".json.bak") and MEETING_ID.fullmatch(name[:-9]):
                        backups.add(name[:-9])  # listed when its .json is gone: recovered from it
                    elif name.endswith(".journal") and entry.stat(follow_symlinks=False).st_size > 0:
                        pending.add(name[: -len(".journal")])
                except OSError:
                    continue  # vanished while listing
        ids = sorted(set(ids) | backups)
        return ids, pending, stamps

    def _meeting_ids(self) -> list[str]:
        return self._scan()[0]

    def _index_rows(self) -> dict[str, dict[str, Any]]:
        """The index's valid rows by meeting id. A damaged index is set aside and
        rebuilt from the meetings (it is derivable), with a warning."""
        path = self.root / INDEX_NAME
        tables = self._read_or_set_aside(path)
        table = tables.get("meetings", {})
        rows: dict[str, dict[str, Any]] = {}
        bad = 0
        for row in table.values() if type(table) is dict else []:
            checked = schema.index_row(row)
            if checked is None:
                bad += 1
            else:
                rows[checked["id"]] = checked
        if bad or type(table) is not dict:
            self.warnings.append(tr("store.index_rebuilt", path=path))
        return rows

    def list(self, progress: Progress | None = None, *, include_archived: bool = False) -> Summaries:
        """Every meeting, newest first; archived ones only with ``include_archived``.
        Meetings whose index row is missing, stale or damaged are read again
        (``progress(done, total)`` reports it), and the index is then written once,
        in one atomic replace."""
        listed = self._list(progress, None)
        assert listed is not None
        return listed if include_archived else self._unarchived(listed)

    def list_if_cheap(self, max_reads: int, *, include_archived: bool = False) -> Summaries | None:
        """:meth:`list`, or None when it would read more than ``max_reads`` meetings
        again (a missing index): the caller then lists on a worker, with progress."""
        listed = self._list(None, max_reads)
        return listed if listed is None or include_archived else self._unarchived(listed)

    def _unarchived(self, summaries: Summaries) -> Summaries:
        hidden = self.archived()
        return [summary for summary in summaries if summary.id not in hidden] if hidden else summaries

    def _list(self, progress: Progress | None, max_reads: int | None) -> Summaries | None:
        rows = self._index_rows()
        ids, pending, stamps = self._scan()
        to_read = [i for i in ids if i in pending or (rows.get(i) or {}).get("stamp") != stamps.get(i)]
        if max_reads is not None and len(to_read) > max_reads:
            return None
        fresh: dict[str, MeetingSummary] = {}
        if progress is not None and to_read:
            progress(0, len(to_read))  # said before the first read: the caller can show it at once
        for done, meeting_id in enumerate(to_read, start=1):
            try:
                store = MeetingStore.open(self.meetings_path, meeting_id, readonly=True)
            except StoreError as error:
                self.warnings.append(str(error))
            else:
                self.warnings.extend(store.warnings)
                # A recovered meeting keeps no stamp: it is read (and reported) again until repaired.
                stamp = None if store.recovered else stamps.get(meeting_id)
                fresh[meeting_id] = MeetingSummary.of(store.meeting, stamp)
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(to_read)):
                progress(done, len(to_read))
        summaries: Summaries = []
        for meeting_id in ids:
            if meeting_id in fresh:
                summaries.append(fresh[meeting_id])
            elif meeting_id in rows:
                summaries.append(MeetingSummary.from_row(rows[meeting_id]))  # listed, even if unreadable now
        changed = any(_differs(summary, rows.get(meeting_id)) for meeting_id, summary in fresh.items())
        if (changed or set(rows) - set(ids)) and self._index is not None:
            self._write_index(summaries)
        summaries.sort(key=lambda s: (s.date or "", s.created), reverse=True)
        return summaries

    def _write_index(self, summaries: Summaries) -> None:
        """The whole index in one write (a rebuild of 2,000 meetings is one file replace)."""
        assert self._index is not None
        table = {str(number): asdict(summary) for number, summary in enumerate(summaries, start=1)}
        with self._write_lock:
            storage = self._index.storage
            try:
                storage.read()
                storage.write({"meetings": table})
            except (OSError, StoreError):
                pass  # the index is derivable; the next list repairs it
            self._index.table("meetings").clear_cache()

    def _put_index(self, summary: MeetingSummary) -> None:
        if self._index is None:
            return
        with self._write_lock:
            try:
                self._index.table("meetings").upsert(asdict(summary), Query().id == summary.id)
            except (OSError, StoreError):
                pass  # the index is derivable; list() repairs it later

    def _drop_index(self, meeting_id: str) -> None:
        if self._index is None:
            return
        with self._write_lock:
            try:
                self._index.table("meetings").remove(Query().id == meeting_id)
            except (OSError, StoreError):
                pass  # the index is derivable; list() repairs it later

    # -- deleting to the trash, archiving ---------------------------------------------------
    def purge(self, meeting_id: str) -> None:
        """Delete a meeting in the trash for good."""
        if self.readonly:
            raise ReadOnly()
        with self._write_lock:
            purge_from_trash(self.root, meeting_id)

    def trash(self, meeting_id: str) -> TrashedMeeting:
        """Move every file of the meeting into the trash (restorable with :meth:`restore`);
        its index row and task side file go with it. The caller closes its store first."""
        if self.readonly:
            raise ReadOnly()
        row = self._index_rows().get(meeting_id) or {}
        title, when = str(row.get("title", "")), str(row.get("date", ""))
        if not row:
            try:
                meeting = MeetingStore.open(self.meetings_path, meeting_id, readonly=True).meeting
                title, when = meeting.title, meeting.details.date
            except StoreError:
                pass  # a damaged meeting may be deleted all the same
        with self._write_lock:
            entry = move_to_trash(self.root, meeting_id, title=title, date=when)
        self._drop_index(meeting_id)
        return entry

    def restore(self, meeting_id: str) -> None:
        """Bring a deleted meeting back from the trash, as it was."""
        if self.readonly:
            raise ReadOnly()
        with self._write_lock:
            restore_from_trash(self.root, meeting_id)
        try:
            store = MeetingStore.open(self.meetings_path, meeting_id, readonly=True)
        except StoreError as error:
            self.warnings.append(str(error))  # listed all the same: the list reports it
            return
        self._put_index(MeetingSummary.of(store.meeting, _file_stamp(store.path)))

    def trashed(self) -> builtins.list[TrashedMeeting]:  # (``list`` is a method here)
        """The deleted meetings, newest first."""
        return trashed(self.root)

    def archived(self) -> dict[str, float]:
        """Archived meeting ids (hidden from the list) and when they were archived."""
        return read_archived(self.root)

    def set_archived(self, meeting_id: str, archived: bool) -> None:
        """Hide the meeting from the list (it stays searchable and openable), or show it again."""
        if self.readonly:
            raise ReadOnly()
        with self._write_lock:
            marks = read_archived(self.root)
            if archived:
                marks[meeting_id] = time.time()
            elif marks.pop(meeting_id, None) is None:
                return
            write_archived(self.root, marks)

    def resolve(self, ref: str) -> str:
        """A meeting id from ``last``, a full id or a unique prefix of one."""
        ids = self._meeting_ids()
        if ref == "last":
            summaries = self.list()
            if not summaries:
                raise StoreError(tr("store.no_meetings"))
            latest = max(summaries, key=lambda s: max(s.created, 0))
            return latest.id
        if ref in ids:
            return ref
        matches = [i for i in ids if i.startswith(ref)] if ref else []
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise StoreError(tr("store.no_such_meeting", ref=ref))
        raise StoreError(tr("store.ambiguous_meeting", ref=ref, matches=", ".join(matches[:5])))

    def create(self, details: MeetingDetails | None = None, *, defer: bool = False) -> MeetingStore:
        """A new meeting. ``defer`` (the app's "new meeting"): no file until its first
        change — a meeting opened and left empty leaves nothing behind; its index
        row comes with its first checkpoint."""
        if self.readonly:
            raise ReadOnly()
        try:
            store = MeetingStore.create(self.meetings_path, details, defer=defer)
        except OSError as error:
            raise WriteFailed(self.meetings_path, error) from error
        if store.on_disk:
            self._put_index(MeetingSummary.of(store.meeting, _file_stamp(store.path)))
        return store

    def open_meeting(self, meeting_id: str) -> MeetingStore:
        """The meeting's store; its warnings join the archive's. When opening it
        replayed a journal or recovered a damaged file, its index row is updated."""
        store = MeetingStore.open(self.meetings_path, meeting_id, readonly=self.readonly)
        self.warnings.extend(store.warnings)
        if store.changed_on_load and not store.dirty:
            self._put_index(MeetingSummary.of(store.meeting, _file_stamp(store.path)))
        return store

    def checkpoint(self, store: MeetingStore) -> bool:
        """Write a meeting's journal into its database file and refresh its index entry.

        Safe on a worker thread. Owners used in the meeting join the directory.
        """
        written = store.checkpoint()
        if written:
            self._put_index(MeetingSummary.of(store.meeting, _file_stamp(store.path)))
            self.tasks.write(store)
            with self._write_lock:
                directory = Directory.from_dict(self.directory.to_dict())
                learned = directory.learn(store.meeting.owners_used())
            if learned and self._settings_storage is not None:
                self.save_settings(directory=directory)
        return written

    def close_meeting(self, store: MeetingStore) -> None:
        """Checkpoint (index included) and close: what a command does when it is done."""
        if store.readonly:
            return
        try:
            self.checkpoint(store)
        finally:
            store.close()


class InvalidSetting(StoreError):
    """A setting value that the app could not start with (``/set theme tối``)."""


def _read_small(path: Path) -> bytes | None:
    try:
        fd = open_regular(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UnreadableFile(path, error) from None
    try:
        return os.read(fd, 64)
    finally:
        os.close(fd)


def _write_owner(path: Path) -> OSError | None:
    """Record our pid for the "in use by process N" message (never through a link);
    the error when the folder refused the write."""
    try:
        try:
            fd = open_regular(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        except UnsafeFile:
            os.unlink(path)  # a planted link or special file: our own bookkeeping, replaced
            fd = open_regular(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(str(os.getpid()))
    except OSError as error:
        return error
    except StoreError:
        return None  # only the message loses the pid
    return None
