"""One meeting on disk: ``<id>.json`` (TinyDB, atomic) + ``<id>.journal`` (fsync'd).

:meth:`MeetingStore.commit` is the durability point: it validates the edit,
appends it to the journal, fsyncs, and only then counts it as done. A failed
write leaves the meeting exactly as it was and raises :class:`WriteFailed`.
:meth:`checkpoint` writes the whole meeting into the TinyDB file in one atomic
replace and empties the journal; it is safe to run on a worker thread.

The store is the only owner of its files: the app keeps one per open meeting
and hands it to every service (TinyDB must have one instance per file). The
meeting's stored notices (:class:`NoticeStore`) live beside it and belong to it.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from minutes_tui.core import edits
from minutes_tui.core.edits import EditError, History, Op
from minutes_tui.core.model import Line, Meeting, MeetingDetails
from minutes_tui.store import journal as journal_io
from minutes_tui.store.errors import CorruptFile, StoreError, WriteFailed
from minutes_tui.store.files import set_aside
from minutes_tui.store.notice_store import NoticeStore
from minutes_tui.store.migrations import SCHEMA, migrate
from minutes_tui.store.tinydb_storage import AtomicJSONStorage, Tables, flush, open_db


class MeetingStore:
    def __init__(self, folder: Path, meeting_id: str, *, readonly: bool = False) -> None:
        self.folder = folder
        self.id = meeting_id
        self.readonly = readonly
        self.path = folder / f"{meeting_id}.json"
        self.journal_path = folder / f"{meeting_id}.journal"
        self.notices = NoticeStore(folder, meeting_id, readonly=readonly)
        self.warnings: list[str] = []
        self.meeting = Meeting(id=meeting_id)
        self.history = History()
        self.seq = 0
        self._checkpoint_seq = 0
        self._lock = threading.RLock()  # meeting state, seq and journal
        self._db_lock = threading.Lock()  # the TinyDB file
        self._db: TinyDB | None = None
        self._journal: journal_io.Journal | None = None

    # -- opening ---------------------------------------------------------------
    @classmethod
    def create(cls, folder: Path, details: MeetingDetails | None = None) -> MeetingStore:
        store = cls(folder, Meeting().id)
        store.meeting.details = details or MeetingDetails()
        store._db = open_db(store.path, keep_backup=True)
        store._checkpoint_seq = -1  # force the first write
        store.checkpoint()
        store._journal = journal_io.Journal(store.journal_path)
        return store

    @classmethod
    def open(cls, folder: Path, meeting_id: str, *, readonly: bool = False) -> MeetingStore:
        store = cls(folder, meeting_id, readonly=readonly)
        store._load()
        return store

    def _load(self) -> None:
        tables, recovered = self._read_tables()
        tables, migrated = migrate(tables, self.path)
        # Schema 1 kept the notices inside the meeting file; they now live beside it.
        legacy = (tables.pop("notices", None), tables.pop("notice_edits", None))
        if legacy != (None, None):
            self.notices.adopt_legacy(list((legacy[0] or {}).values()), list((legacy[1] or {}).values()))
            migrated = True
        meta = tables.get("meta", {}).get("1", {})
        rows = sorted(tables.get("lines", {}).values(), key=lambda row: row.get("pos", 0))
        self.meeting = Meeting(
            id=self.id,
            created=float(meta.get("created", time.time())),
            details=MeetingDetails.from_dict(meta.get("details", {})),
            lines=[Line.from_dict(row) for row in rows],
        )
        self.history = History.from_dict(tables.get("history", {}).get("1", {}))
        self.seq = self._checkpoint_seq = int(meta.get("seq", 0))
        replayed, good_size = self._replay()
        if self.readonly:
            return
        self._db = open_db(self.path, keep_backup=True)
        if recovered or migrated:
            self._checkpoint_seq = -1
        self._journal = journal_io.Journal(self.journal_path, good_size=good_size)
        if replayed or recovered or migrated:
            try:
                self.checkpoint()
            except WriteFailed as error:
                if recovered:
                    raise  # the damaged file is already set aside: do not go on without a database file
                # Disk full or read-only: the journal still holds every replayed line, so the
                # meeting opens; the checkpoint is retried later.
                reason = error.error.strerror or str(error.error)
                self.warnings.append(
                    f"Chưa cập nhật được tệp {self.path.name} ({reason}); các dòng vẫn an toàn trong nhật ký."
                )

    def _read_tables(self) -> tuple[Tables, bool]:
        """The database file's tables; a damaged file is set aside and the backup used."""
        try:
            tables = AtomicJSONStorage(self.path).read()
        except CorruptFile as error:
            if self.readonly:
                raise
            kept = set_aside(self.path)
            self.warnings.append(str(CorruptFile(self.path, str(error).split("(", 1)[-1].rstrip(")."), kept)))
            backup = self.path.with_name(self.path.name + ".bak")
            try:
                tables = AtomicJSONStorage(backup).read()
            except CorruptFile:
                tables = None
            if tables:
                self.warnings.append(f"Đã khôi phục cuộc họp từ bản sao lưu {backup.name} và nhật ký.")
            else:
                self.warnings.append("Không có bản sao lưu dùng được; đã khôi phục những gì còn trong nhật ký.")
            return tables or {}, True
        if tables is None:
            raise StoreError(f"Không tìm thấy cuộc họp {self.id} ({self.path}).")
        return tables, False

    def _replay(self) -> tuple[int, int]:
        """Apply journal records newer than the database file; return (count, good size)."""
        read = journal_io.read(self.journal_path)
        replayed = 0
        for record in read.records:
            if record["seq"] <= self.seq:
                continue  # already checkpointed into the database file
            try:
                self._apply_record(record)
            except EditError:
                read.bad_lines += 1
                continue
            self.seq = record["seq"]
            replayed += 1
        damaged_inside = read.bad_lines and read.good_size and read.good_size < self._journal_size()
        if read.bad_lines and not self.readonly and (damaged_inside or read.bad_lines > 1):
            copy = self.journal_path.with_name(f"{self.journal_path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            shutil.copyfile(self.journal_path, copy)
            self.warnings.append(
                f"Nhật ký {self.journal_path.name} có {read.bad_lines} dòng hỏng đã bỏ qua; bản gốc giữ ở {copy.name}."
            )
        return replayed, read.good_size

    def _journal_size(self) -> int:
        try:
            return self.journal_path.stat().st_size
        except FileNotFoundError:
            return 0

    def _apply_record(self, record: dict[str, Any]) -> None:
        kind = record.get("t", "do")
        if kind == "do":
            edits.do(self.meeting, self.history, list(record.get("ops", [])))
        elif kind == "undo":
            edits.undo(self.meeting, self.history)
        elif kind == "redo":
            edits.redo(self.meeting, self.history)
        else:
            raise EditError(f"unknown record type {kind!r}")

    # -- changing --------------------------------------------------------------
    def commit(self, ops: list[Op]) -> None:
        """Apply ``ops`` and make them durable before returning.

        Raises :class:`EditError` when the edit does not fit the meeting and
        :class:`WriteFailed` when the disk refused it; in both cases the meeting
        and its history are left exactly as they were.
        """
        if not ops:
            return
        self._write({"t": "do", "ops": ops})

    def undo(self) -> bool:
        """Undo the newest change durably; False when there is nothing to undo."""
        return self._step("undo")

    def redo(self) -> bool:
        return self._step("redo")

    def _write(self, record: dict[str, Any]) -> None:
        """Apply a "do" record, journal it, and only then record its inverse."""
        journal = self._writable_journal()
        with self._lock:
            record = {"seq": self.seq + 1, **record, "at": round(time.time(), 3)}
            payload = journal_io.encode(record)
            # Apply first: a bad edit must fail before anything is written.
            inverse = edits.apply_all(self.meeting, record["ops"])
            self._append(journal, payload, inverse)
            self.history.record(inverse)
            self.seq = record["seq"]

    def _step(self, kind: str) -> bool:
        """Undo or redo as ``do`` does: apply, journal, and move the group between
        the stacks only once the journal has it. A failed write leaves the meeting
        and both stacks exactly as they were."""
        journal = self._writable_journal()
        with self._lock:
            source, target = (self.history.undo, self.history.redo) if kind == "undo" else (self.history.redo, self.history.undo)
            if not source:
                return False
            record = {"seq": self.seq + 1, "t": kind, "at": round(time.time(), 3)}
            inverse = edits.apply_all(self.meeting, source[-1])
            self._append(journal, journal_io.encode(record), inverse)
            source.pop()
            target.append(inverse)
            self.seq = record["seq"]
            return True

    def _writable_journal(self) -> journal_io.Journal:
        if self.readonly or self._journal is None:
            raise StoreError("Cuộc họp đang mở ở chế độ chỉ đọc.")
        return self._journal

    def _append(self, journal: journal_io.Journal, payload: bytes, inverse: list[Op]) -> None:
        """Append to the journal; on failure undo ``inverse``'s change in memory."""
        try:
            journal.append(payload)
        except OSError as error:
            edits.apply_all(self.meeting, inverse)
            raise WriteFailed(self.journal_path, error) from error

    # -- checkpoint: the journal into the database file -----------------------------
    @property
    def dirty(self) -> bool:
        return self.seq != self._checkpoint_seq

    def checkpoint(self) -> bool:
        """Write the meeting into its TinyDB file atomically; empty the journal.

        Returns False when there was nothing new. Raises :class:`WriteFailed`
        when the disk refuses; the journal still holds everything then.
        """
        if self.readonly or self._db is None:
            return False
        with self._db_lock:
            with self._lock:
                if self.seq == self._checkpoint_seq:
                    return False
                seq = self.seq
                meta = {
                    "schema": SCHEMA,
                    "id": self.id,
                    "created": self.meeting.created,
                    "seq": seq,
                    "details": self.meeting.details.to_dict(),
                }
                rows = [{**line.to_dict(), "pos": pos} for pos, line in enumerate(self.meeting.lines)]
                history = json.loads(json.dumps(self.history.to_dict()))  # a copy: the stacks keep changing
            db = self._db
            for stale in set(db.tables()) - {"meta", "lines", "history"}:
                db.drop_table(stale)
            db.table("meta").upsert(Document(meta, doc_id=1))
            lines = db.table("lines")
            lines.truncate()
            lines.insert_multiple(rows)
            db.table("history").upsert(Document(history, doc_id=1))
            try:
                flush(db)
            except OSError as error:
                raise WriteFailed(self.path, error) from error
            with self._lock:
                self._checkpoint_seq = seq
                if self.seq == seq and self._journal is not None:
                    try:
                        self._journal.truncate()
                    except OSError:
                        pass  # replay skips records already in the database file
            return True

    def close(self) -> None:
        try:
            self.checkpoint()
        finally:
            if self._journal is not None:
                self._journal.close()
                self._journal = None
            if self._db is not None:
                self._db.close()
                self._db = None
