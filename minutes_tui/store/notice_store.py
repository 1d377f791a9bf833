"""Stored notices of one meeting: compiled versions and the user's paragraph edits.

Kept beside the meeting, never inside its database file, so a checkpoint of
the meeting costs the same after the 50th recompile as before the first::

    meetings/<id>.notices/v00001.json        one compiled version each, written
    meetings/<id>.notices/v00002.json        once, atomically, never rewritten
    meetings/<id>.notices/v00003.final.json  an issued version (never pruned)
    meetings/<id>.notices/edits.json         the user's texts for paragraphs

Saving a version writes one file the size of one notice (flat in the number of
versions); drafts beyond the newest :data:`KEEP_DRAFTS` are removed, issued
versions never (the name says which is which, so pruning reads no file). The store only keeps what it is given: compiling and applying edits is
the services layer's job (the store imports no compiler).
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutes_tui.core.notice import Notice
from minutes_tui.i18n import tr
from minutes_tui.store.errors import CorruptFile, ReadOnly, StoreError, WriteFailed
from minutes_tui.store.files import (
    atomic_write,
    ensure_private_dir,
    parse_json,
    read_regular,
    remove_orphan_temps,
    set_aside,
)

KEEP_DRAFTS = 50
DRAFT = "draft"
FINAL = "final"
_PREFIX = "v"
_SUFFIX = ".json"
_FINAL_SUFFIX = ".final.json"
EDITS_NAME = "edits.json"


@dataclass
class NoticeVersion:
    """One stored version: the notice as compiled (or as issued), and when."""

    version: int
    compiled_at: float
    notice: Notice
    status: str = DRAFT  # DRAFT, or FINAL once issued
    meta: dict[str, Any] = field(default_factory=dict)  # e.g. number, issue date, source file

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "compiled_at": self.compiled_at, "status": self.status,
                "meta": self.meta, "notice": self.notice.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NoticeVersion:
        return cls(
            version=int(data["version"]),
            compiled_at=float(data.get("compiled_at", 0.0)),
            notice=Notice.from_dict(data["notice"]),
            status=str(data.get("status", DRAFT)),
            meta=dict(data.get("meta") or {}),
        )


@dataclass
class ParagraphEdit:
    """The user's text for one paragraph, and what that paragraph was made from.

    ``source`` is the fingerprint of the notes the paragraph was compiled from
    when the user edited it; ``base`` is the compiled text she rewrote. When
    the notes change, the edit is kept but set apart (``stale``) until she
    chooses to keep her text or drop it.
    """

    key: str
    text: str
    source: str
    base: str = ""
    stale: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "text": self.text, "source": self.source, "base": self.base, "stale": self.stale}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParagraphEdit:
        return cls(key=str(data["key"]), text=str(data["text"]), source=str(data.get("source", "")),
                   base=str(data.get("base", "")), stale=bool(data.get("stale", False)))


class NoticeStore:
    """The notices of one meeting; owned by that meeting's :class:`MeetingStore`."""

    def __init__(self, folder: Path, meeting_id: str, *, readonly: bool = False) -> None:
        self.path = folder / f"{meeting_id}.notices"
        self.readonly = readonly
        self.warnings: list[str] = []
        self._lock = threading.Lock()
        self._numbers: list[int] | None = None
        self._finals: set[int] = set()
        self._latest: NoticeVersion | None = None
        self._final: NoticeVersion | None = None  # the newest issued version, once read (never rewritten)
        self._edits: dict[str, ParagraphEdit] | None = None
        # Versions carried over from an older file layout, not yet on disk (read-only opens).
        self._legacy: dict[int, NoticeVersion] = {}
        self._swept = False  # temp files a kill left in the folder, removed before the first write

    # -- versions --------------------------------------------------------------
    def _version_path(self, number: int, status: str | None = None) -> Path:
        final = (number in self._finals) if status is None else status == FINAL
        return self.path / f"{_PREFIX}{number:05d}{_FINAL_SUFFIX if final else _SUFFIX}"

    def numbers(self) -> list[int]:
        """Version numbers on disk, oldest first."""
        with self._lock:
            return list(self._scan())

    def _scan(self) -> list[int]:
        if self._numbers is None:
            found: set[int] = set(self._legacy)
            try:
                with os.scandir(self.path) as entries:
                    for entry in entries:
                        name = entry.name
                        final = name.endswith(_FINAL_SUFFIX)
                        digits = name[len(_PREFIX) : -len(_FINAL_SUFFIX if final else _SUFFIX)]
                        if name.startswith(_PREFIX) and name.endswith(_SUFFIX) and digits.isdigit():
                            found.add(int(digits))
                            if final:
                                self._finals.add(int(digits))
            except FileNotFoundError:
                pass
            except OSError as error:
                raise StoreError(tr("store.folder_unreadable", path=self.path, reason=error.strerror or error)) from error
            self._numbers = sorted(found)
        return self._numbers

    def get(self, number: int) -> NoticeVersion | None:
        """One version, or None when it is missing or damaged (damage is reported)."""
        if number in self._legacy:
            return self._legacy[number]
        path = self._version_path(number)
        try:
            found = read_regular(path)
            if found is None:
                return None
            return NoticeVersion.from_dict(parse_json(found[0], path))
        except StoreError as error:
            self.warnings.append(str(error))
            return None
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
            self.warnings.append(str(CorruptFile(path, "notice", detail=type(error).__name__)))
            return None

    def latest(self) -> NoticeVersion | None:
        """The newest readable version."""
        with self._lock:
            if self._latest is not None:
                return self._latest
            for number in reversed(self._scan()):
                version = self.get(number)
                if version is not None:
                    self._latest = version
                    return version
            return None

    def latest_draft(self) -> NoticeVersion | None:
        """The newest compiled (not issued) version."""
        with self._lock:
            drafts = [number for number in self._scan() if number not in self._finals]
        for number in reversed(drafts):
            if (version := self.get(number)) is not None:
                return version
        return None

    def latest_final(self) -> NoticeVersion | None:
        """The newest issued version (found by its file name: no other file is read, and
        that one once: an issued version is never rewritten)."""
        with self._lock:
            finals = [number for number in self._scan() if number in self._finals]
            if not finals:
                return None
            if self._final is not None and self._final.version == finals[-1]:
                return self._final
        found = self.get(finals[-1])
        with self._lock:
            self._final = found
        return found

    def versions(self) -> list[NoticeVersion]:
        """Every readable version, oldest first (reads each file: for version lists)."""
        with self._lock:
            numbers = list(self._scan())
        found = [self.get(number) for number in numbers]
        return [version for version in found if version is not None]

    def add(self, notice: Notice, *, status: str = DRAFT, meta: dict[str, Any] | None = None) -> NoticeVersion:
        """Store ``notice`` as the next version (durable on return) and return it."""
        self._writable()
        with self._lock:
            numbers = self._scan()
            number = (numbers[-1] + 1) if numbers else 1
            notice.version = number
            notice.compiled_at = time.time()
            version = NoticeVersion(number, notice.compiled_at, notice, status, dict(meta or {}))
            self._write_json(self._version_path(number, status), version.to_dict())
            if status == FINAL:
                self._finals.add(number)
                self._final = version
            numbers.append(number)
            self._latest = version
            self._prune(numbers)
            return version

    def _prune(self, numbers: list[int]) -> None:
        """Remove the oldest drafts beyond :data:`KEEP_DRAFTS`; issued versions stay."""
        drafts = [number for number in numbers if number not in self._finals]
        for number in drafts[: max(0, len(drafts) - KEEP_DRAFTS)]:
            try:
                os.unlink(self._version_path(number))
            except OSError:
                continue  # kept: a later save tries again
            numbers.remove(number)

    # -- paragraph edits -------------------------------------------------------------
    def edits(self) -> dict[str, ParagraphEdit]:
        with self._lock:
            return dict(self._read_edits())

    def _read_edits(self) -> dict[str, ParagraphEdit]:
        if self._edits is None:
            path = self.path / EDITS_NAME
            try:
                found = read_regular(path)
                data = parse_json(found[0], path) if found is not None else {"edits": []}
                self._edits = {str(item["key"]): ParagraphEdit.from_dict(item) for item in data.get("edits", [])}
            except (StoreError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
                damage = error if isinstance(error, StoreError) else CorruptFile(path, "edits", detail=type(error).__name__)
                if not self.readonly and isinstance(damage, CorruptFile):
                    damage = damage.set_aside_as(set_aside(path))
                self.warnings.append(str(damage))
                self._edits = {}
        return self._edits

    def save_edits(self, edits: dict[str, ParagraphEdit]) -> None:
        """Replace the stored paragraph edits (durable on return)."""
        self._writable()
        with self._lock:
            self._write_json(self.path / EDITS_NAME, {"edits": [edit.to_dict() for edit in edits.values()]})
            self._edits = dict(edits)

    # -- carried over from schema 1 (notices inside the meeting file) ---------------------
    def adopt_legacy(self, versions: list[dict[str, Any]], edits: list[dict[str, Any]]) -> None:
        """Take the notices an older file kept inside the meeting file.

        Written out as files when writable; held in memory for a read-only open.
        """
        adopted: dict[int, NoticeVersion] = {}
        for doc in versions:
            try:
                notice = Notice.from_dict(doc["notice"])
                adopted[int(doc["version"])] = NoticeVersion(int(doc["version"]), float(doc.get("compiled_at", 0.0)), notice)
            except (KeyError, TypeError, ValueError):
                continue
        parsed_edits: dict[str, ParagraphEdit] = {}
        for item in edits:
            try:
                parsed_edits[str(item["key"])] = ParagraphEdit.from_dict(item)
            except (KeyError, TypeError):
                continue
        with self._lock:
            if self.readonly:
                self._legacy.update(adopted)
                self._edits = {**parsed_edits, **self._read_edits()}
                self._numbers = None
                return
            for number, version in sorted(adopted.items()):
                if not self._version_path(number).exists():
                    self._write_json(self._version_path(number), version.to_dict())
            if parsed_edits and not (self.path / EDITS_NAME).exists():
                self._write_json(self.path / EDITS_NAME, {"edits": [e.to_dict() for e in parsed_edits.values()]})
            self._numbers = None
            self._latest = None
            self._edits = None

    # -- writing ---------------------------------------------------------------------
    def _writable(self) -> None:
        if self.readonly:
            raise ReadOnly()

    def _write_json(self, path: Path, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            ensure_private_dir(self.path)
            if not self._swept:
                remove_orphan_temps(self.path)
                self._swept = True
            atomic_write(path, payload)
        except OSError as error:
            raise WriteFailed(path, error) from error
