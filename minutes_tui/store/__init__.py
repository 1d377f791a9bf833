"""Crash-safe storage on TinyDB: one database file and one journal per meeting.

Durability point: an fsync'd append to the meeting's journal (``<id>.journal``),
done before :meth:`MeetingStore.commit` returns. The TinyDB file (``<id>.json``,
the database of record) is rewritten atomically in the background by
:meth:`MeetingStore.fold`, and the journal is replayed on open after a crash.
"""

from minutes_tui.store.archive import Archive, InvalidSetting, MeetingSummary
from minutes_tui.store.errors import CorruptFile, DataLocked, FutureSchema, StoreError, UnreadableFile, UnsafeFile
from minutes_tui.store.meeting_store import MeetingStore

__all__ = [
    "Archive", "CorruptFile", "DataLocked", "FutureSchema", "InvalidSetting", "MeetingStore",
    "MeetingSummary", "StoreError", "UnreadableFile", "UnsafeFile",
]
