"""Archive-wide search, accent- and case-insensitive, without re-folding 100k lines.

Each meeting's lines are folded once (:func:`minutes_tui.core.text.fold`) and
kept as one ``"\\n"``-joined string per meeting, so a search is a handful of
``str.find`` calls per meeting. The folded text is persisted in a small side
file (``DATA/search-cache.json``), keyed by the size and mtime of each meeting's
database file and journal, so a later start re-folds only meetings that changed.

While the app runs it holds the data lock: meetings on disk change only through
this process. Pass the open :class:`MeetingStore` objects as ``live`` so lines
committed since their last fold are searched from memory.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutes_tui.core.model import Meeting
from minutes_tui.core.search import search_text
from minutes_tui.core.text import fold
from minutes_tui.locations import meetings_dir
from minutes_tui.store.errors import StoreError
from minutes_tui.store.files import atomic_write
from minutes_tui.store.meeting_store import MeetingStore

CACHE_NAME = "search-cache.json"
CACHE_VERSION = 2  # 2: keys include the deadline (core.search.search_text)


@dataclass(frozen=True)
class Hit:
    meeting_id: str
    line_id: str
    index: int  # position of the line in its meeting


class _Entry:
    __slots__ = ("stamp", "ids", "blob", "starts")

    def __init__(self, stamp: list[int], ids: list[str], keys: list[str]) -> None:
        self.stamp = stamp
        self.ids = ids
        self.blob = "\n".join(keys)
        starts, offset = [], 0
        for key in keys:
            starts.append(offset)
            offset += len(key) + 1
        self.starts = starts

    def lines(self) -> list[str]:
        return self.blob.split("\n") if self.ids else []


class SearchIndex:
    def __init__(self, root: Path, *, persist: bool = True) -> None:
        self.root = root
        self.meetings = meetings_dir(root)
        self.cache_path = root / CACHE_NAME
        self.persist = persist
        self._entries: dict[str, _Entry] | None = None
        self._dir_mtime = -1
        self._live_seq: dict[str, int] = {}

    # -- keeping the folded text current --------------------------------------------
    def _stamp(self, meeting_id: str) -> list[int]:
        stamp = []
        for suffix in (".json", ".journal"):
            try:
                st = os.stat(self.meetings / f"{meeting_id}{suffix}")
                stamp += [st.st_size, st.st_mtime_ns]
            except FileNotFoundError:
                stamp += [0, 0]
        return stamp

    def _read_cache(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.cache_path.read_bytes())
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        meetings = data.get("meetings")
        return meetings if isinstance(meetings, dict) else {}

    def _write_cache(self) -> None:
        if not self.persist or self._entries is None:
            return
        data = {
            "version": CACHE_VERSION,
            "meetings": {mid: {"stamp": e.stamp, "ids": e.ids, "keys": e.lines()} for mid, e in self._entries.items()},
        }
        try:
            atomic_write(self.cache_path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        except OSError:
            pass  # only a cache: the next start folds again

    def _refresh(self) -> None:
        """Bring every meeting's entry up to date with the files (cheap when nothing changed)."""
        try:
            dir_mtime = os.stat(self.meetings).st_mtime_ns
        except FileNotFoundError:
            self._entries = {}
            return
        first = self._entries is None
        if not first and dir_mtime == self._dir_mtime:
            return
        cached = self._read_cache() if first else {}
        old = self._entries or {}
        entries: dict[str, _Entry] = {}
        changed = False
        for name in os.listdir(self.meetings):
            if not name.endswith(".json"):
                continue
            meeting_id = name[: -len(".json")]
            stamp = self._stamp(meeting_id)
            if meeting_id in old and old[meeting_id].stamp == stamp:
                entries[meeting_id] = old[meeting_id]
                continue
            row = cached.get(meeting_id)
            if isinstance(row, dict) and row.get("stamp") == stamp and len(row.get("ids", ())) == len(row.get("keys", ())):
                entries[meeting_id] = _Entry(stamp, list(row["ids"]), list(row["keys"]))
                continue
            try:
                meeting = MeetingStore.open(self.meetings, meeting_id, readonly=True).meeting
            except StoreError:
                continue  # damaged: the meeting list reports it
            entries[meeting_id] = self._entry(stamp, meeting)
            changed = True
        changed = changed or set(entries) != set(cached)
        self._entries = entries
        self._dir_mtime = dir_mtime
        if changed:
            self._write_cache()

    @staticmethod
    def _entry(stamp: list[int], meeting: Meeting) -> _Entry:
        return _Entry(stamp, [l.id for l in meeting.lines], [search_text(l) for l in meeting.lines])

    def _apply_live(self, live: Mapping[str, MeetingStore]) -> None:
        assert self._entries is not None
        for meeting_id, store in live.items():
            if self._live_seq.get(meeting_id) != store.seq or meeting_id not in self._entries:
                self._entries[meeting_id] = self._entry(self._stamp(meeting_id), store.meeting)
                self._live_seq[meeting_id] = store.seq

    # -- searching -------------------------------------------------------------------
    def search(self, query: str, live: Mapping[str, MeetingStore] | None = None, limit: int | None = None) -> list[Hit]:
        """Lines whose folded text (and owners) contain the folded ``query``."""
        self._refresh()
        if live:
            self._apply_live(live)
        needle = fold(query)
        if not needle:
            return []
        hits: list[Hit] = []
        for meeting_id, entry in self._entries.items():  # type: ignore[union-attr]
            blob = entry.blob
            find = blob.find
            position = find(needle)
            last = -1
            while position >= 0:
                index = bisect_right(entry.starts, position) - 1
                if index != last:
                    hits.append(Hit(meeting_id, entry.ids[index], index))
                    last = index
                    if limit is not None and len(hits) >= limit:
                        return hits
                # continue after this line
                next_start = entry.starts[index + 1] if index + 1 < len(entry.starts) else len(blob)
                position = find(needle, next_start)
        return hits

    def folded_lines(self) -> list[str]:
        """Every pre-folded line key (for the benchmark's plain-scan baseline)."""
        self._refresh()
        assert self._entries is not None  # read by _refresh
        return [key for entry in self._entries.values() for key in entry.lines()]
