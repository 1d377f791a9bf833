"""The stored notice: compiled versions and the user's paragraph edits.

Kept in the meeting's own TinyDB file, in two tables:

* ``notices``: every compiled version (newest last, the last 50 kept), each
  with its number, time, and the fingerprint of what it was compiled from;
* ``notice_edits``: the user's text for a paragraph key, with the source
  fingerprint the paragraph had when it was edited. On recompile an edit is
  applied again only if that source is unchanged; otherwise it is dropped and
  reported, because the notes it rewrote have changed.
"""

from __future__ import annotations

import time
from datetime import date

from minutes_tui.core.compiler import compile_notice, meeting_fingerprint
from minutes_tui.core.model import OfficeSettings
from minutes_tui.core.notice import Notice
from minutes_tui.core.text import clean_line
from minutes_tui.store.errors import StoreError
from minutes_tui.store.meeting_store import MeetingStore

NOTICES = "notices"
EDITS = "notice_edits"
KEEP_VERSIONS = 50


def latest_notice(store: MeetingStore) -> Notice | None:
    versions = store.read_table(NOTICES)
    if not versions:
        return None
    newest = max(versions, key=lambda doc: doc.get("version", 0))
    return Notice.from_dict(newest["notice"])


def versions(store: MeetingStore) -> list[tuple[int, float]]:
    """(version, compiled_at) of every stored version, oldest first."""
    docs = sorted(store.read_table(NOTICES), key=lambda doc: doc.get("version", 0))
    return [(int(doc["version"]), float(doc.get("compiled_at", 0))) for doc in docs]


def _edits(store: MeetingStore) -> dict[str, dict[str, str]]:
    return {doc["key"]: doc for doc in store.read_table(EDITS)}


def apply_edits(notice: Notice, edits: dict[str, dict[str, str]]) -> list[str]:
    """Put the user's texts into ``notice``; return the keys whose source changed."""
    dropped = []
    for key, edit in edits.items():
        block = notice.block(key)
        if block is None or block.source != edit.get("source"):
            dropped.append(key)
        else:
            block.text = edit["text"]
    return dropped


def compile_and_store(store: MeetingStore, settings: OfficeSettings, today: date | None = None) -> tuple[Notice, list[str]]:
    """Compile, re-apply still-valid edits, store as a new version."""
    notice = compile_notice(store.meeting, settings, today or date.today())
    edits = _edits(store)
    dropped = apply_edits(notice, edits)
    history = sorted(store.read_table(NOTICES), key=lambda doc: doc.get("version", 0))
    notice.version = (history[-1]["version"] + 1) if history else 1
    notice.compiled_at = time.time()
    history.append({"version": notice.version, "compiled_at": notice.compiled_at, "notice": notice.to_dict()})
    store.write_table(NOTICES, history[-KEEP_VERSIONS:])
    if dropped:
        store.write_table(EDITS, [edit for key, edit in edits.items() if key not in dropped])
    return notice, dropped


def edit_paragraph(store: MeetingStore, key: str, text: str) -> Notice:
    """Keep the user's ``text`` for paragraph ``key`` of the latest notice."""
    notice = latest_notice(store)
    if notice is None:
        raise StoreError("Chưa có thông báo để sửa; hãy soạn thông báo trước.")
    block = notice.block(key)
    if block is None:
        raise StoreError("Đoạn này không còn trong thông báo; hãy soạn lại.")
    block.text = clean_line(text)
    edits = _edits(store)
    edits[key] = {"key": key, "text": block.text, "source": block.source}
    store.write_table(EDITS, list(edits.values()))
    history = sorted(store.read_table(NOTICES), key=lambda doc: doc.get("version", 0))
    history[-1]["notice"] = notice.to_dict()
    store.write_table(NOTICES, history)
    return notice


def notes_changed_since_compile(store: MeetingStore, settings: OfficeSettings) -> bool:
    notice = latest_notice(store)
    return notice is None or notice.fingerprint != meeting_fingerprint(store.meeting, settings)


def editable_paragraphs(notice: Notice) -> list[tuple[str, str]]:
    """(key, printed text) of every paragraph the user may rewrite, in order."""
    return [(block.key, block.display) for block in notice.blocks()]
