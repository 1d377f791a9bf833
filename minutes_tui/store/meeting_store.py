"""One meeting on disk: ``<id>.json`` (TinyDB, atomic) + ``<id>.journal`` (fsync'd).

:meth:`MeetingStore.commit` is the durability point: it validates the edit,
appends it to the journal, fsyncs, and only then counts it as done. A failed
write leaves the meeting exactly as it was and raises :class:`WriteFailed`.
:meth:`checkpoint` writes the whole meeting into the TinyDB file in one atomic
replace (keeping the previous version as ``.json.bak``) and rotates the journal
to ``.journal.prev``; it is safe to run on a worker thread.

Recovery (the database file does not load): ``.json.bak`` + ``.journal.prev``
+ the journal, replayed in order, is the newest state; the damaged file is kept
aside and the user told what was done. A read-only open (``list``, ``export``
while the app runs) recovers the same way in memory and changes no file.

The store is the only owner of its files: the app keeps one per open meeting
and hands it to every service (TinyDB must have one instance per file). The
meeting's stored notices (:class:`NoticeStore`) live beside it and belong to it.
The secretary's half-typed line lives beside it too (:meth:`save_draft`).
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from tinydb import TinyDB
from tinydb.table import Document

from minutes_tui.core import edits
from minutes_tui.core.edits import EditError, History, Op
from minutes_tui.core.followup import FollowUp
from minutes_tui.core.model import Line, Meeting, MeetingDetails
from minutes_tui.i18n import tr
from minutes_tui.store import journal as journal_io
from minutes_tui.store import schema
from minutes_tui.store.errors import CorruptFile, ReadOnly, StoreError, UnreadableFile, UnsafeFile, WriteFailed
from minutes_tui.store.files import (
    FileStamp,
    atomic_write,
    parse_json,
    read_regular,
    set_aside,
    stamp_of,
    unique_name,
    write_private_copy,
)
from minutes_tui.store.migrations import SCHEMA, migrate
from minutes_tui.store.notice_store import NoticeStore
from minutes_tui.store.tinydb_storage import Tables, flush, open_db, read_tables

#: A read-only open retries this many times when the app checkpoints under it.
CONSISTENT_READ_TRIES: Final = 5
#: A draft file larger than this is not read (ours never is: it holds what the input
#: holds, lines the capture screen could not take included); a warning says so.
MAX_DRAFT_BYTES: Final = 16 * 1024 * 1024


@dataclass
class _Snapshot:
    """The database state a load starts from, and how it was obtained."""

    data: schema.MeetingData
    stamp: FileStamp | None
    recovered_from: CorruptFile | None = None  # the damage, when the file did not load
    backup_used: bool = False
    mended: bool = False  # records of the wrong shape were mended or dropped
    migrated: bool = False  # an older schema, brought up to date in memory


class MeetingStore:
    def __init__(self, folder: Path, meeting_id: str, *, readonly: bool = False) -> None:
        self.folder = folder
        self.id = meeting_id
        self.readonly = readonly
        self.path = folder / f"{meeting_id}.json"
        self.backup_path = folder / f"{meeting_id}.json.bak"
        self.journal_path = folder / f"{meeting_id}.journal"
        self.draft_path = folder / f"{meeting_id}.draft"
        self.notices = NoticeStore(folder, meeting_id, readonly=readonly)
        self.warnings: list[str] = []
        self.meeting = Meeting(id=meeting_id)
        self.history = History()
        self.seq = 0
        self.changed_on_load = False  # replay, recovery or migration rewrote the file
        self.recovered = False  # the database file did not load: the state comes from .bak + journals
        self._checkpoint_seq = 0
        self._lock = threading.RLock()  # meeting state, seq and journal
        self._db_lock = threading.Lock()  # the TinyDB file
        self._db: TinyDB | None = None
        self._journal: journal_io.Journal | None = None
        self._refresh_backup = False  # after a recovery: the next file becomes the .bak too
        self._mended_copy: Path | None = None  # the original of a file whose records were mended
        # Drafts: the text, the seq it was saved at, and the seq of the last commit of a draft.
        self._draft_lock = threading.Lock()
        self._draft: str | None = None  # None: not read yet
        self._draft_cleared = 0

    # -- opening ---------------------------------------------------------------
    @classmethod
    def create(cls, folder: Path, details: MeetingDetails | None = None) -> MeetingStore:
        store = cls(folder, Meeting().id)
        store.meeting.details = details or MeetingDetails()
        store._draft = ""
        store._db = open_db(store.path, keep_backup=True, fresh=True)
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
        for _attempt in range(CONSISTENT_READ_TRIES):
            snapshot = self._read_snapshot()
            self._build(snapshot.data)
            journal = self._read_journal(self.journal_path)
            if snapshot.recovered_from is not None:
                prev = self._read_journal(journal_io.prev_path(self.journal_path))
                records = _merged(prev.records, journal.records)
            else:
                records = journal.records
            if not self.readonly or snapshot.recovered_from is not None:
                break
            # Read-only while the app may checkpoint: the file must be the one we read,
            # and the journal must continue it (a checkpoint between the two reads
            # would otherwise hide the lines it moved).
            continues = not records or records[0]["seq"] <= self.seq + 1
            if stamp_of(self.path) == snapshot.stamp and continues:
                break
        replayed, failed = self._replay(records)
        self.recovered = snapshot.recovered_from is not None
        if self.recovered:
            self._report_recovery(snapshot, replayed)
        elif snapshot.mended:
            self._report_mended(snapshot)
        if journal.damaged or failed:
            self._report_journal_damage(journal, journal.damaged + failed)
        if self.readonly:
            return
        self._db = open_db(self.path, keep_backup=True, stamp=snapshot.stamp, fresh=True)
        rewrite = snapshot.recovered_from is not None or snapshot.mended or snapshot.migrated
        if rewrite:
            self._checkpoint_seq = -1
        self._refresh_backup = snapshot.recovered_from is not None
        self._journal = journal_io.Journal(self.journal_path, good_size=journal.good_size,
                                             add_newline=journal.missing_newline)
        if replayed or rewrite:
            self.changed_on_load = True
            try:
                self.checkpoint()
            except WriteFailed as error:
                if snapshot.recovered_from is not None:
                    raise  # the damaged file is already set aside: do not go on without a database file
                # Disk full or read-only: the journal still holds every replayed line, so the
                # meeting opens; the checkpoint is retried later.
                reason = error.error.strerror or str(error.error)
                self.warnings.append(tr("store.checkpoint_later", name=self.path.name, reason=reason))

    def _read_snapshot(self) -> _Snapshot:
        """The database file, checked; a damaged one is recovered from ``.bak``."""
        try:
            found = read_tables(self.path)
            if found is None:
                if not os.path.lexists(self.backup_path):
                    raise StoreError(tr("store.meeting_missing", id=self.id, path=self.path))
                raise CorruptFile(self.path, "missing")  # deleted: .bak and the journals still hold it
            tables, stamp = found
            data, migrated = self._checked(tables, self.path)
        except CorruptFile as damage:
            return self._recover(damage)
        mended = data.issues > 0
        if mended and not self.readonly:
            # The original is kept as it was found before the mended version replaces it.
            kept = unique_name(self.path, "corrupt")
            raw = read_regular(self.path)
            try:
                write_private_copy(kept, raw[0] if raw else b"")
            except OSError as error:
                raise WriteFailed(kept, error) from error
            self._mended_copy = kept
        return _Snapshot(data, stamp, mended=mended, migrated=migrated)

    def _checked(self, tables: Tables, path: Path) -> tuple[schema.MeetingData, bool]:
        schema.meeting_frame(tables, path)  # before migrating: migrations trust the frame
        tables, migrated = migrate(tables, path)
        return schema.meeting(tables, path), migrated

    def _recover(self, damage: CorruptFile) -> _Snapshot:
        """Set the damaged file aside (when writable) and start from ``.bak``."""
        if not self.readonly and os.path.lexists(self.path):
            damage = damage.set_aside_as(set_aside(self.path))
        data: schema.MeetingData | None = None
        try:
            found = read_tables(self.backup_path)
            if found is not None:
                data = self._checked(found[0], self.backup_path)[0]
        except (CorruptFile, UnsafeFile, UnreadableFile):
            data = None
        return _Snapshot(data or schema.MeetingData(schema=SCHEMA), None, damage, backup_used=data is not None)

    def _read_journal(self, path: Path) -> journal_io.JournalRead:
        return journal_io.read(path)  # UnsafeFile / UnreadableFile: the meeting is refused by name

    def _build(self, data: schema.MeetingData) -> None:
        self.meeting = Meeting(
            id=self.id,
            created=data.created,
            details=MeetingDetails.from_dict(data.details),
            lines=[Line.from_dict(row) for row in data.rows],
            followup={task: FollowUp.from_dict(row) for task, row in data.followup.items()},
        )
        self.history = History.from_dict(data.history)
        self.seq = self._checkpoint_seq = data.seq
        self._draft_cleared = data.draft_cleared
        if data.legacy_notices or data.legacy_edits:
            # Schema 1 kept the notices inside the meeting file; they now live beside it.
            self.notices.adopt_legacy(data.legacy_notices, data.legacy_edits)

    def _replay(self, records: list[dict[str, Any]]) -> tuple[int, int]:
        """Apply journal records newer than the database state; (applied, failed)."""
        replayed = failed = 0
        for record in records:
            if record["seq"] <= self.seq:
                continue  # already checkpointed into the database file
            try:
                self._apply_record(record)
            except EditError:
                failed += 1
                continue
            self.seq = record["seq"]
            if record.get("draft") is True:
                self._draft_cleared = self.seq
            replayed += 1
        return replayed, failed

    def _apply_record(self, record: dict[str, Any]) -> None:
        kind = record.get("t", "do")
        if kind == "do":
            edits.do(self.meeting, self.history, record["ops"])
        elif kind == "undo":
            edits.undo(self.meeting, self.history)
        else:
            edits.redo(self.meeting, self.history)

    # -- telling the user what was done ---------------------------------------------
    def _report_recovery(self, snapshot: _Snapshot, replayed: int) -> None:
        damage = snapshot.recovered_from
        assert damage is not None
        self.warnings.append(str(damage))
        source = self.backup_path.name if snapshot.backup_used else tr("store.no_backup")
        key = "store.recovered_readonly" if self.readonly else "store.recovered"
        self.warnings.append(tr(key, source=source, changes=replayed, lines=len(self.meeting.lines)))

    def _report_mended(self, snapshot: _Snapshot) -> None:
        kept = self._mended_copy
        self.warnings.append(tr(
            "store.mended", path=self.path, count=snapshot.data.issues,
            kept=tr("store.kept_as", name=kept.name) if kept else "",
        ))

    def _report_journal_damage(self, read: journal_io.JournalRead, count: int) -> None:
        copy_name = ""
        if not self.readonly:
            copy = unique_name(self.journal_path, "damaged")
            try:
                write_private_copy(copy, read.raw)
            except OSError as error:
                raise WriteFailed(copy, error) from error  # never cut a damaged journal without its copy
            copy_name = tr("store.kept_as", name=copy.name)
        self.warnings.append(tr("store.journal_damaged", name=self.journal_path.name, count=count, kept=copy_name))

    # -- changing --------------------------------------------------------------
    def commit(self, ops: list[Op], *, clears_draft: bool = False) -> None:
        """Apply ``ops`` and make them durable before returning.

        ``clears_draft``: these ops record the line the draft held (Enter in
        capture); the draft is then empty, durably, at no extra cost (a flag in
        the same journal record).

        Raises :class:`EditError` when the edit does not fit the meeting and
        :class:`WriteFailed` when the disk refused it; in both cases the meeting
        and its history are left exactly as they were.
        """
        if not ops:
            return
        record: dict[str, Any] = {"t": "do", "ops": ops}
        if clears_draft:
            record["draft"] = True
        self._write(record)
        if clears_draft:
            with self._draft_lock:
                self._draft = ""
                self._draft_cleared = self.seq

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
            seq = self.seq + 1
            record = {"seq": seq, "t": kind, "at": round(time.time(), 3)}
            try:
                inverse = edits.apply_all(self.meeting, source[-1])
            except EditError:
                # A group that no longer fits (a damaged history): dropped, so the
                # stack does not stay stuck on it; the meeting is unchanged.
                source.pop()
                raise StoreError(tr("store.history_damaged")) from None
            self._append(journal, journal_io.encode(record), inverse)
            source.pop()
            target.append(inverse)
            self.seq = seq
            return True

    def _writable_journal(self) -> journal_io.Journal:
        if self.readonly or self._journal is None:
            raise ReadOnly()
        return self._journal

    def _append(self, journal: journal_io.Journal, payload: bytes, inverse: list[Op]) -> None:
        """Append to the journal; on failure undo ``inverse``'s change in memory."""
        try:
            journal.append(payload)
        except OSError as error:
            edits.apply_all(self.meeting, inverse)
            raise WriteFailed(self.journal_path, error) from error

    # -- the half-typed line ----------------------------------------------------------
    def save_draft(self, text: str) -> None:
        """Keep ``text`` (the line being typed, or several lines a paste left in the
        input) so a closed terminal or a kill loses at most what was typed since the
        last call. Atomic, 0600, durable on return;
        a no-op when the text is what is already saved, so it is cheap to call
        after every pause in typing. An empty text removes the draft.
        Raises :class:`WriteFailed` when the disk refuses (the text is still on screen).
        """
        if self.readonly:
            raise ReadOnly()
        with self._draft_lock:
            if text == self._current_draft():
                return
            with self._lock:
                seq = self.seq
            try:
                if text:
                    payload = json.dumps({"text": text, "seq": seq}, ensure_ascii=False).encode("utf-8", "replace")
                    atomic_write(self.draft_path, payload)
                else:
                    self.draft_path.unlink(missing_ok=True)
            except OSError as error:
                raise WriteFailed(self.draft_path, error) from error
            self._draft = text

    def draft(self) -> str:
        """The saved half-typed line, or "" (none, or it has been committed since)."""
        with self._draft_lock:
            return self._current_draft()

    def _current_draft(self) -> str:
        if self._draft is None:
            self._draft = self._read_draft()
        return self._draft

    def _read_draft(self) -> str:
        try:
            found = read_regular(self.draft_path, limit=MAX_DRAFT_BYTES)
            if found is None:
                return ""
            data = parse_json(found[0], self.draft_path)
        except (StoreError, ValueError) as error:
            self.warnings.append(str(error) if isinstance(error, StoreError) else tr("store.draft_unreadable", name=self.draft_path.name))
            return ""
        if type(data) is not dict or type(data.get("text")) is not str or type(data.get("seq")) is not int:
            self.warnings.append(tr("store.draft_unreadable", name=self.draft_path.name))
            return ""
        if data["seq"] < self._draft_cleared:
            return ""  # the line it held was committed after it was saved
        text: str = data["text"]
        return text

    # -- checkpoint: the journal into the database file -----------------------------
    @property
    def dirty(self) -> bool:
        return self.seq != self._checkpoint_seq

    def checkpoint(self) -> bool:
        """Write the meeting into its TinyDB file atomically; rotate the journal.

        Returns False when there was nothing new. Raises :class:`WriteFailed`
        when the disk refuses and :class:`FileChanged` when the file on disk is
        not the version this store read or wrote; the journal still holds
        everything then.
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
                    "draft_cleared": self._draft_cleared,
                    "details": self.meeting.details.to_dict(),
                }
                rows = [{**line.to_dict(), "pos": pos} for pos, line in enumerate(self.meeting.lines)]
                history = json.loads(json.dumps(self.history.to_dict()))  # a copy: the stacks keep changing
                followup = [{"task": task, **record.to_dict()} for task, record in self.meeting.followup.items()]
            db = self._db
            # "followup" only once a task has follow-up: other meetings' files stay as they were
            for stale in set(db.tables()) - {"meta", "lines", "history", *(["followup"] if followup else [])}:
                db.drop_table(stale)
            db.table("meta").upsert(Document(meta, doc_id=1))
            lines = db.table("lines")
            lines.truncate()
            lines.insert_multiple(rows)
            db.table("history").upsert(Document(history, doc_id=1))
            if followup:
                tasks = db.table("followup")
                tasks.truncate()
                tasks.insert_multiple(followup)
            try:
                flush(db)
                if self._refresh_backup:
                    # Recovered: this file is now the last good state, and the .bak must
                    # match the journal that is about to be rotated.
                    atomic_write(self.backup_path, self.path.read_bytes())
                    self._refresh_backup = False
            except OSError as error:
                raise WriteFailed(self.path, error) from error
            with self._lock:
                self._checkpoint_seq = seq
                if self.seq == seq and self._journal is not None:
                    self._journal.rotate()
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


def _merged(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records of ``.journal.prev`` then the journal, in seq order, each seq once."""
    by_seq: dict[int, dict[str, Any]] = {}
    for record in [*first, *second]:
        by_seq.setdefault(record["seq"], record)
    return [by_seq[seq] for seq in sorted(by_seq)]
