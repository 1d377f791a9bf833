"""Compile the notice and keep it: versions, the user's paragraph edits, conflicts.

A stored version is the notice exactly as compiled from the notes. The user's
rewritten paragraphs are kept apart (:class:`ParagraphEdit`) and laid over the
newest version when it is shown or exported, for as long as the notes each
paragraph was compiled from stay the same. When they change, her text is not
dropped: the edit becomes a conflict that she settles (keep her text, or take
the new one) — nothing she wrote disappears without her choice.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date

from minutes_tui.core.compiler import compile_notice, meeting_fingerprint
from minutes_tui.core.model import OfficeSettings
from minutes_tui.core.notice import Notice
from minutes_tui.core.text import clean_line
from minutes_tui.i18n import tr
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.store.notice_store import FINAL, ParagraphEdit


@dataclass(frozen=True)
class EditConflict:
    """A paragraph the user rewrote whose notes have changed since."""

    key: str
    mine: str  # her text
    before: str  # the compiled text she rewrote
    now: str  # the paragraph compiled from the notes as they are now ("" if it is gone)


@dataclass
class Compiled:
    notice: Notice  # with every still-valid edit applied
    conflicts: list[EditConflict]


def _copy(notice: Notice) -> Notice:
    """A copy the edits can be laid over, leaving the stored version as read (its
    paragraphs copied one level: a dict round trip took 40 ms on a 2,000-line notice)."""
    copied = copy.copy(notice)
    copied.summary = copy.copy(notice.summary)
    copied.intro = [copy.copy(block) for block in notice.intro]
    copied.body = [copy.copy(block) for block in notice.body]
    copied.closing = copy.copy(notice.closing)
    copied.recipients = list(notice.recipients)
    copied.authority = list(notice.authority)
    return copied


def _overlay(notice: Notice, edits: dict[str, ParagraphEdit], *, apply: bool = True) -> list[EditConflict]:
    """Lay the still-valid edits over ``notice`` (in place; ``apply=False``: leave it
    as it is); return the others."""
    conflicts: list[EditConflict] = []
    for key, edit in edits.items():
        block = notice.block(key)
        if block is not None and not edit.stale and block.source == edit.source:
            if apply:
                block.text = edit.text
        else:
            conflicts.append(EditConflict(key, edit.text, edit.base, block.text if block else ""))
    return conflicts


def current_notice(store: MeetingStore) -> Notice | None:
    """The newest stored version with the user's edits, or None before the first compile.
    To be read, not changed: without edits it is the stored version itself (copying a
    2,000-line notice cost the notice screen a fifth of its opening).

    An issued version is shown as it was issued: the edits were made on the
    draft, and the signed text may have changed the same paragraphs since."""
    latest = store.notices.latest()
    if latest is None:
        return None
    edits = store.notices.edits() if latest.status != FINAL else {}
    if not edits:
        return latest.notice
    notice = _copy(latest.notice)
    _overlay(notice, edits)
    return notice


def current_draft(store: MeetingStore) -> Notice | None:
    """The newest compiled draft with the user's edits (an issued version is not a draft)."""
    latest = store.notices.latest_draft()
    if latest is None:
        return None
    notice = _copy(latest.notice)
    _overlay(notice, store.notices.edits())
    return notice


def is_stale(store: MeetingStore, settings: OfficeSettings) -> bool:
    """True when the notes or the settings changed since the newest version (or there is none)."""
    latest = store.notices.latest()
    return latest is None or latest.notice.fingerprint != meeting_fingerprint(store.meeting, settings)


def compile_preview(store: MeetingStore, settings: OfficeSettings, today: date | None = None) -> Compiled:
    """The notice as it would compile now, with the edits laid over; nothing stored
    (for a read-only export while the app holds the data)."""
    notice = compile_notice(store.meeting, settings, today or date.today())
    conflicts = _overlay(notice, store.notices.edits())
    return Compiled(notice, conflicts)


def compile_and_store(store: MeetingStore, settings: OfficeSettings, today: date | None = None) -> Compiled:
    """Compile the notes, store the result as a new version, lay the edits over it.

    Edits whose notes changed are marked as conflicts (kept, not applied) and
    returned, every time, until :func:`settle_conflict` settles them.
    """
    compiled = compile_notice(store.meeting, settings, today or date.today())
    store.notices.add(compiled)
    edits = store.notices.edits()
    notice = _copy(compiled)
    conflicts = _overlay(notice, edits)
    newly_stale = {c.key for c in conflicts} - {key for key, edit in edits.items() if edit.stale}
    if newly_stale:
        for key in newly_stale:
            edits[key].stale = True
        store.notices.save_edits(edits)
    return Compiled(notice, conflicts)


def edit_paragraph(store: MeetingStore, key: str, text: str) -> Notice:
    """Keep the user's ``text`` for paragraph ``key`` of the newest version."""
    latest = store.notices.latest()
    if latest is None:
        raise StoreError(tr("notices.nothing_to_edit"))
    block = latest.notice.block(key)
    if block is None:
        raise StoreError(tr("notices.paragraph_gone"))
    edits = store.notices.edits()
    edits[key] = ParagraphEdit(key, clean_line(text), block.source, base=block.text)
    store.notices.save_edits(edits)
    notice = current_notice(store)
    assert notice is not None
    return notice


def settle_conflict(store: MeetingStore, key: str, *, keep_mine: bool, text: str | None = None) -> None:
    """Keep her text over the paragraph as compiled now (re-applied to the new
    source), or drop it for the new text.

    ``text`` (with ``keep_mine``) keeps a rewritten version instead: her text
    merged with the new one by hand. Keeping needs the paragraph: when the notes
    no longer make it (its line deleted or retagged) there is nothing to lay her
    text over, so the edit stays pending and a StoreError says why — it is never
    dropped without her choice.
    """
    edits = store.notices.edits()
    edit = edits.get(key)
    if edit is None:
        return
    if keep_mine:
        latest = store.notices.latest()
        block = latest.notice.block(key) if latest else None
        if block is None:
            raise StoreError(tr("notices.cannot_keep_gone"))
        kept = clean_line(text) if text is not None else edit.text
        edits[key] = ParagraphEdit(key, kept, block.source, base=block.text)
    else:
        del edits[key]
    store.notices.save_edits(edits)


def pending_conflicts(store: MeetingStore) -> list[EditConflict]:
    """The edits waiting for the user's choice, against the newest version."""
    latest = store.notices.latest()
    if latest is None:
        return []
    return _overlay(latest.notice, store.notices.edits(), apply=False)


def editable_paragraphs(notice: Notice) -> list[tuple[str, str, str]]:
    """(key, printed paragraph, editable text) of every paragraph the user may rewrite.

    The label ("- ", "1.", "a)") is printed, not edited: the editor gets the text alone.
    """
    return [(block.key, block.display, block.text) for block in notice.blocks()]
