"""The data folder: meetings, a small index, office settings, and a lock.

Layout::

    DATA/
      .lock  .lock.owner          one writer at a time (flock + pid)
      index.json                  TinyDB: one summary per meeting (derivable)
      settings.json               TinyDB: office settings and owner directory
      meetings/<id>.json          TinyDB: the meeting (atomic rewrite)
      meetings/<id>.journal       fsync'd append-only edits since the last fold

A commit touches only its meeting's journal, so its cost does not grow with
the archive. The index is refreshed on fold (in the background) and repaired
on listing when a meeting has unfolded journal records (after a crash).
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tinydb import Query, TinyDB

from minutes_tui.core.directory import Directory
from minutes_tui.core.model import Kind, Meeting, MeetingDetails, OfficeSettings
from minutes_tui.locations import meetings_dir
from minutes_tui.store.errors import CorruptFile, DataLocked, StoreError, WriteFailed
from minutes_tui.store.files import FILE_MODE, ensure_private_dir, remove_orphan_temps, set_aside
from minutes_tui.store.lock import DataDirLock, LockTaken
from minutes_tui.store.meeting_store import MeetingStore
from minutes_tui.store.tinydb_storage import AtomicJSONStorage


@dataclass
class MeetingSummary:
    id: str
    date: str = ""
    title: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    lines: int = 0
    created: float = 0.0
    updated: float = 0.0

    @classmethod
    def of(cls, meeting: Meeting) -> MeetingSummary:
        counts = meeting.counts()
        return cls(
            id=meeting.id,
            date=meeting.details.date,
            title=meeting.title,
            counts={kind.value: counts[kind] for kind in Kind},
            lines=len(meeting.lines),
            created=meeting.created,
            updated=time.time(),
        )

    def count(self, kind: Kind) -> int:
        return int(self.counts.get(kind.value, 0))


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
        self._settings_db: TinyDB | None = None
        self._write_lock = threading.Lock()
        self.settings = OfficeSettings()
        self.directory = Directory()

    # -- lifecycle -------------------------------------------------------------
    def open(self) -> Archive:
        if not self.readonly:
            try:
                ensure_private_dir(self.root)
                ensure_private_dir(self.meetings_path)
            except OSError as error:
                raise StoreError(f"Không tạo được thư mục dữ liệu {self.root}: {error.strerror or error}.") from error
            self._acquire_lock()
            remove_orphan_temps(self.root)
            remove_orphan_temps(self.meetings_path)
            self._index = TinyDB(self.root / "index.json", storage=AtomicJSONStorage)
            self._settings_db = TinyDB(self.root / "settings.json", storage=AtomicJSONStorage, keep_backup=True)
        self._load_settings()
        return self

    def _acquire_lock(self) -> None:
        lock_path = self.root / ".lock"
        owner_path = self.root / ".lock.owner"
        lock = DataDirLock(lock_path)
        try:
            lock.acquire()
        except LockTaken:
            try:
                owner = owner_path.read_text(encoding="utf-8").strip()
            except OSError:
                owner = ""
            raise DataLocked(self.root, owner) from None
        except OSError as error:
            raise StoreError(
                f"Không ghi được vào thư mục dữ liệu {self.root}: {error.strerror or error}. "
                "Hãy chọn thư mục khác bằng --data."
            ) from error
        self._lock = lock
        try:
            fd = os.open(owner_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(str(os.getpid()))
        except OSError:
            pass

    def close(self) -> None:
        for db in (self._index, self._settings_db):
            if db is not None:
                db.close()
        self._index = self._settings_db = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Archive:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- settings and owner directory ------------------------------------------
    def _load_settings(self) -> None:
        path = self.root / "settings.json"
        try:
            tables = AtomicJSONStorage(path).read() or {}
        except CorruptFile as error:
            self.warnings.append(str(error))
            if self.readonly:
                return
            kept = set_aside(path)
            self.warnings.append(f"Đã dùng thiết lập mặc định; tệp hỏng giữ ở {kept.name}.")
            backup = path.with_name(path.name + ".bak")
            try:
                tables = AtomicJSONStorage(backup).read() or {}
            except CorruptFile:
                tables = {}
        self.settings = OfficeSettings.from_dict(tables.get("office", {}).get("1", {}))
        self.directory = Directory.from_dict(tables.get("directory", {}).get("1", {}))

    def save_settings(self, settings: OfficeSettings | None = None, directory: Directory | None = None) -> None:
        """Write settings and the owner directory now (atomic, durable on return).

        What is in memory changes only once the file has it: a refused write
        (full disk, read-only folder) leaves the settings as they were.
        """
        settings = settings if settings is not None else self.settings
        directory = directory if directory is not None else self.directory
        if self._settings_db is None:
            raise StoreError("Dữ liệu đang mở ở chế độ chỉ đọc.")
        with self._write_lock:
            storage = self._settings_db.storage
            try:
                tables = storage.read() or {}
            except CorruptFile:
                tables = {}  # set aside on load; this write starts a good file
            tables["office"] = {"1": settings.to_dict()}
            tables["directory"] = {"1": directory.to_dict()}
            try:
                storage.write(tables)  # both tables in one atomic replace
            except OSError as error:
                raise WriteFailed(self.root / "settings.json", error) from error
            self._settings_db.clear_cache()
            self.settings = settings
            self.directory = directory

    # -- meetings --------------------------------------------------------------
    def _scan(self) -> tuple[list[str], set[str]]:
        """Meeting ids, and those whose journal holds unfolded records — one
        directory read (500 meetings: no per-file path objects or exists() calls)."""
        if not self.meetings_path.is_dir():
            return [], set()
        ids: set[str] = set()
        pending: set[str] = set()
        for entry in os.scandir(self.meetings_path):
            name = entry.name
            if name.endswith(".json"):
                ids.add(name[: -len(".json")])
            elif name.endswith(".journal") and entry.stat().st_size > 0:
                pending.add(name[: -len(".journal")])
        return sorted(ids), pending

    def _meeting_ids(self) -> list[str]:
        return self._scan()[0]

    def _index_rows(self) -> dict[str, dict]:
        """The index's rows by meeting id. A damaged index is set aside and rebuilt
        from the meetings (it is derivable), with a warning."""
        path = self.root / "index.json"
        try:
            tables = AtomicJSONStorage(path).read() or {}
        except CorruptFile as error:
            self.warnings.append(f"{error} Mục lục sẽ được dựng lại từ các cuộc họp.")
            if not self.readonly and path.exists():
                set_aside(path)  # the next index write starts a fresh file
            tables = {}
        return {str(row.get("id")): row for row in tables.get("meetings", {}).values()}

    def list(self) -> list[MeetingSummary]:
        """Every meeting, newest first; repairs index entries a crash left stale."""
        rows = self._index_rows()
        summaries: list[MeetingSummary] = []
        stale: list[MeetingSummary] = []
        ids, pending_ids = self._scan()
        fields = MeetingSummary.__dataclass_fields__
        for meeting_id in ids:
            row = rows.get(meeting_id)
            if row is None or meeting_id in pending_ids:
                try:
                    store = MeetingStore.open(self.meetings_path, meeting_id, readonly=True)
                except CorruptFile as error:
                    # A damaged database file must not hide the meeting (its journal
                    # may hold committed lines): repair it now when we may write.
                    if self.readonly:
                        self.warnings.append(str(error))
                        if row is not None:
                            summaries.append(MeetingSummary(**{k: row.get(k) for k in MeetingSummary.__dataclass_fields__ if k in row}))
                        continue
                    try:
                        store = self.open_meeting(meeting_id)  # sets the file aside, recovers .bak + journal
                        store.close()
                    except StoreError as error:
                        self.warnings.append(str(error))
                        continue
                except StoreError as error:
                    self.warnings.append(str(error))
                    continue
                summary = MeetingSummary.of(store.meeting)
                stale.append(summary)
            else:
                summary = MeetingSummary(**{k: v for k, v in row.items() if k in fields})
            summaries.append(summary)
        if stale and self._index is not None:
            for summary in stale:
                self._put_index(summary)
        summaries.sort(key=lambda s: (s.date or "", s.created), reverse=True)
        return summaries

    def _put_index(self, summary: MeetingSummary) -> None:
        if self._index is None:
            return
        with self._write_lock:
            try:
                self._index.table("meetings").upsert(asdict(summary), Query().id == summary.id)
            except OSError:
                pass  # the index is derivable; list() repairs it later

    def resolve(self, ref: str) -> str:
        """A meeting id from ``last``, a full id or a unique prefix of one."""
        ids = self._meeting_ids()
        if ref == "last":
            summaries = self.list()
            if not summaries:
                raise StoreError("Chưa có cuộc họp nào.")
            latest = max(summaries, key=lambda s: max(s.created, 0))
            return latest.id
        if ref in ids:
            return ref
        matches = [i for i in ids if i.startswith(ref)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise StoreError(f"Không có cuộc họp “{ref}”. Xem danh sách bằng: minutes-tui list")
        raise StoreError(f"“{ref}” khớp nhiều cuộc họp ({', '.join(matches[:5])}); gõ thêm ký tự.")

    def create(self, details: MeetingDetails | None = None) -> MeetingStore:
        if self.readonly:
            raise StoreError("Dữ liệu đang mở ở chế độ chỉ đọc.")
        try:
            store = MeetingStore.create(self.meetings_path, details)
        except OSError as error:
            raise WriteFailed(self.meetings_path, error) from error
        self._put_index(MeetingSummary.of(store.meeting))
        return store

    def open_meeting(self, meeting_id: str) -> MeetingStore:
        store = MeetingStore.open(self.meetings_path, meeting_id, readonly=self.readonly)
        self.warnings.extend(store.warnings)
        return store

    def checkpoint(self, store: MeetingStore) -> bool:
        """Write a meeting's journal into its database file and refresh its index entry.

        Safe on a worker thread. Owners used in the meeting join the directory.
        """
        written = store.checkpoint()
        if written:
            self._put_index(MeetingSummary.of(store.meeting))
            with self._write_lock:
                directory = Directory.from_dict(self.directory.to_dict())
                learned = directory.learn(store.meeting.owners_used())
            if learned and self._settings_db is not None:
                self.save_settings(directory=directory)
        return written
