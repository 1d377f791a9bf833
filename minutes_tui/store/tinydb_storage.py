"""TinyDB storage that never leaves a half-written file, and a write-back layer.

Stock ``JSONStorage`` truncates and rewrites the file in place; a crash in the
middle leaves JSON that does not parse. :class:`AtomicJSONStorage` writes a
temp file, fsyncs it and renames it over the old one. :class:`WriteBack` keeps
the tables in memory so a fold that touches several tables costs one write.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.middlewares import Middleware
from tinydb.storages import Storage

from minutes_tui.store.errors import CorruptFile
from minutes_tui.store.files import atomic_write

Tables = dict[str, dict[str, Any]]


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, keep_backup: bool = False) -> None:
        self.path = Path(path)
        self.keep_backup = keep_backup

    def read(self) -> Tables | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            raise CorruptFile(self.path, "tệp rỗng")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise CorruptFile(self.path, f"không đọc được JSON: {error}") from error
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise CorruptFile(self.path, "không đúng cấu trúc TinyDB")
        return data

    def write(self, data: Tables) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        atomic_write(self.path, payload, keep_backup=self.keep_backup)

    def close(self) -> None:
        pass


class WriteBack(Middleware):
    """Tables live in memory; only :meth:`flush` writes them (atomically).

    Unlike TinyDB's ``CachingMiddleware`` it never flushes behind your back and
    never drops writes on close: durability comes from the journal, and the
    owner decides when the database file is rewritten.
    """

    def __init__(self, storage_cls: type[Storage] = AtomicJSONStorage) -> None:
        super().__init__(storage_cls)
        self._data: Tables | None = None
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


def open_db(path: Path, keep_backup: bool = False) -> TinyDB:
    """A TinyDB on ``path`` with the atomic storage under a write-back layer."""
    return TinyDB(path, storage=WriteBack(lambda p: AtomicJSONStorage(p, keep_backup)))


def flush(db: TinyDB) -> None:
    storage = db.storage
    if isinstance(storage, WriteBack):
        storage.flush()
