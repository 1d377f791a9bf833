"""What the completion learns from, kept beside the archive and rebuilt when stale.

For each meeting, the side file ``DATA/completion-index.json`` holds what the
capture input's suggestions need — the lines as ``[kind, text, owners,
deadline]``, the details, the date — and the body paragraphs of its issued
notice, keyed by the size and mtime of the meeting's files (as
``store/search.py`` does for search). A start reads the side file and opens
only the meetings that changed since; a damaged or unknown file is simply
rebuilt from the meetings (it holds nothing that is not in them).

The n-gram model itself (``core.completion.PhraseModel``) is counted from these
entries in memory on a worker: counting 250,000 words takes well under a second,
and a count file would have to be kept in step with every edit in review.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from minutes_tui.core.model import Meeting
from minutes_tui.locations import meetings_dir
from minutes_tui.store.errors import StoreError
from minutes_tui.store.files import atomic_write
from minutes_tui.store.meeting_store import MeetingStore
from minutes_tui.store.notice_store import NoticeStore

INDEX_NAME: Final = "completion-index.json"
INDEX_VERSION: Final = 1
#: Styles of notice blocks whose wording is worth learning (the body, not the header).
_LEARNED_STYLES: Final = frozenset({"bullet", "paragraph"})


@dataclass
class Entry:
    """One meeting as the completion sees it."""

    stamp: list[int]
    date: str = ""
    created: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)
    lines: list[list[Any]] = field(default_factory=list)  # [kind, text, owners, deadline]
    notice: list[str] = field(default_factory=list)  # paragraphs of the issued notice

    def to_dict(self) -> dict[str, Any]:
        return {"stamp": self.stamp, "date": self.date, "created": self.created, "details": self.details,
                "lines": self.lines, "notice": self.notice}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        lines = [row for row in data.get("lines", []) if isinstance(row, list) and len(row) == 4]
        return cls([int(v) for v in data["stamp"]], str(data.get("date", "")), float(data.get("created", 0.0)),
                   dict(data.get("details") or {}), lines, [str(p) for p in data.get("notice", [])])

    @classmethod
    def of(cls, stamp: list[int], meeting: Meeting, notice: list[str]) -> Entry:
        lines = [[line.kind.value, line.text, list(line.owners), line.deadline] for line in meeting.lines]
        return cls(stamp, meeting.details.date, meeting.created, meeting.details.to_dict(), lines, notice)


class CompletionIndex:
    """The side file and the entries read from it; one per archive, used on a worker."""

    def __init__(self, root: Path, *, persist: bool = True) -> None:
        self.root = root
        self.meetings = meetings_dir(root)
        self.path = root / INDEX_NAME
        self.persist = persist
        self.entries: dict[str, Entry] = {}
        self.rebuilt = 0  # meetings read from their files by the last refresh

    def _stamp(self, meeting_id: str) -> list[int]:
        stamp: list[int] = []
        for suffix in (".json", ".journal", ".notices"):
            try:
                st = os.stat(self.meetings / f"{meeting_id}{suffix}")
                stamp += [st.st_size if suffix != ".notices" else 0, st.st_mtime_ns]
            except OSError:
                stamp += [0, 0]
        return stamp

    def _read(self) -> dict[str, Entry]:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
            return {}
        entries: dict[str, Entry] = {}
        for meeting_id, row in dict(data.get("meetings") or {}).items():
            try:
                entries[str(meeting_id)] = Entry.from_dict(row)
            except (KeyError, TypeError, ValueError, AttributeError):
                continue  # one damaged entry is read again from its meeting
        return entries

    def _write(self) -> None:
        if not self.persist:
            return
        data = {"version": INDEX_VERSION, "meetings": {mid: e.to_dict() for mid, e in self.entries.items()}}
        try:
            atomic_write(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        except OSError:
            pass  # only derived data: the next start reads the meetings again

    @staticmethod
    def _notice(folder: Path, meeting_id: str) -> list[str]:
        try:
            final = NoticeStore(folder, meeting_id, readonly=True).latest_final()
        except StoreError:
            return []
        if final is None:
            return []
        return [block.text for block in final.notice.body if block.text and block.style in _LEARNED_STYLES]

    def refresh(self, live: Mapping[str, Meeting] | None = None, skip: frozenset[str] = frozenset()) -> dict[str, Entry]:
        """Every meeting's entry, read again where its files changed; ``live``
        meetings (open in the app, maybe not yet checkpointed) are taken as they
        are; ``skip`` (the meeting being typed, learned from memory) is not read
        at all: its entry stays as it was, if it had one."""
        live = live or {}
        cached = self.entries or self._read()
        entries: dict[str, Entry] = {}
        changed = False
        self.rebuilt = 0
        try:
            names = os.listdir(self.meetings)
        except OSError:
            names = []
        for name in names:
            if not name.endswith(".json"):
                continue
            meeting_id = name[: -len(".json")]
            old = cached.get(meeting_id)
            if meeting_id in skip:
                if old is not None:
                    entries[meeting_id] = old
                continue
            stamp = self._stamp(meeting_id)
            if meeting_id in live:
                entries[meeting_id] = Entry.of(stamp, live[meeting_id], old.notice if old else [])
                changed = changed or old is None or old.stamp != stamp
                continue
            if old is not None and old.stamp == stamp:
                entries[meeting_id] = old
                continue
            try:
                meeting = MeetingStore.open(self.meetings, meeting_id, readonly=True).meeting
            except StoreError:
                continue  # damaged: the meeting list reports it
            entries[meeting_id] = Entry.of(stamp, meeting, self._notice(self.meetings, meeting_id))
            self.rebuilt += 1
            changed = True
        changed = changed or set(entries) - skip != set(cached) - skip
        self.entries = entries
        if changed:
            self._write()
        return entries
