"""TinyDB storage that never leaves a half-written file, and a write-back layer.

Stock ``JSONStorage`` truncates and rewrites the file in place; a crash in the
middle leaves JSON that does not parse. :class:`AtomicJSONStorage` writes a
temp file, fsyncs it and renames it over the old one — but only over the
version it last read or wrote: a file rewritten by something else meanwhile is
never overwritten (:class:`FileChanged`). :class:`WriteBack` keeps the tables
in memory so a checkpoint that touches several tables costs one write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.middlewares import Middleware
from tinydb.storages import Storage

from minutes_tui.store.errors import CorruptFile, FileChanged
from minutes_tui.store.files import FileStamp, atomic_write, parse_json, read_regular, stamp_of

Tables = dict[str, dict[str, Any]]


def read_tables(path: Path) -> tuple[Tables, FileStamp] | None:
    """The tables of a TinyDB file and its stamp; None when it does not exist.

    Raises :class:`CorruptFile` when it does not parse or is not shaped like a
    TinyDB file, ``UnsafeFile`` / ``UnreadableFile`` when it cannot be used.
    """
    found = read_regular(path)
    if found is None:
        return None
    raw, stamp = found
    data = parse_json(raw, path)
    if type(data) is not dict or not all(type(t) is dict for t in data.values()):
        raise CorruptFile(path, "shape")
    return data, stamp


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, keep_backup: bool = False, stamp: FileStamp | None = None) -> None:
        self.path = Path(path)
        self.keep_backup = keep_backup
        # The version of the file this storage last read or wrote (None: not seen yet).
        self.stamp = stamp
        self._seen = stamp is not None

    def read(self) -> Tables | None:
        found = read_tables(self.path)
        self._seen = True
        if found is None:
            self.stamp = None
            return None
        tables, self.stamp = found
        return tables

    def write(self, data: Tables) -> None:
        current = stamp_of(self.path)
        # Another version is there: replacing it would lose its changes. (A file deleted
        # meanwhile is written again: there is nothing to lose, and the data needs a home.)
        if self._seen and current is not None and current != self.stamp:
            raise FileChanged(self.path)
        payload = _dumps(data)
        self.stamp = atomic_write(self.path, payload, keep_backup=self.keep_backup)
        self._seen = True

    def close(self) -> None:
        pass


def _dumps(data: Tables) -> bytes:
    import json

    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class WriteBack(Middleware):
    """Tables live in memory; only :meth:`flush` writes them (atomically).

    Unlike TinyDB's ``CachingMiddleware`` it never flushes behind your back and
    never drops writes on close: durability comes from the journal, and the
    owner decides when the database file is rewritten.
    """

    def __init__(self, storage_cls: Any = AtomicJSONStorage, initial: Tables | None = None) -> None:
        super().__init__(storage_cls)
        self._data: Tables | None = initial
        self._dirty = False

    def read(self) -> Tables | None:
        if self._data is None:
            self._data = self.storage.read()
        return self._data

    def write(self, data: Tables) -> None:
        self._data = data
        self._dirty = True

    def flush(self) -> None:
        if self._dirty and self._data is not None:
            self.storage.write(self._data)
            self._dirty = False

    def close(self) -> None:
        self.storage.close()


def open_db(path: Path, keep_backup: bool = False, stamp: FileStamp | None = None, *, fresh: bool = False) -> TinyDB:
    """A TinyDB on ``path`` with the atomic storage under a write-back layer.

    ``stamp``: the version of the file the caller read (a write refuses to
    replace any other). ``fresh``: start from empty tables instead of reading
    the file again — the caller rewrites every table it keeps.
    """
    return TinyDB(path, storage=WriteBack(lambda p: AtomicJSONStorage(p, keep_backup, stamp), {} if fresh else None))


def flush(db: TinyDB) -> None:
    storage = db.storage
    if isinstance(storage, WriteBack):
        storage.flush()
