"""Meetings as the list handles them: delete to the trash, restore, archive, and the
number and date of each one's issued notice.

The caller closes the meeting's store first (the app holds the only one): its
files are moved, and an open journal must not be written after the move.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from minutes_tui.core.dates import dmy
from minutes_tui.store import Archive, StoreError
from minutes_tui.store.notice_store import NoticeStore
from minutes_tui.store.trash import TrashedMeeting

#: What can be done to a meeting from the list, and what takes each back.
TRASH, RESTORE, ARCHIVE, UNARCHIVE, PURGE = "trash", "restore", "archive", "unarchive", "purge"
#: How each change is undone (deleting for good is not: the list asks twice instead).
INVERSE = {TRASH: RESTORE, RESTORE: TRASH, ARCHIVE: UNARCHIVE, UNARCHIVE: ARCHIVE}


@dataclass(frozen=True)
class IssuedNotice:
    """The issued (final) notice of a meeting, as the list shows it."""

    number: str  # "05/TB-HĐND"
    issued: date | None

    @property
    def shown(self) -> str:
        return f"{self.number} · {dmy(self.issued)}" if self.issued else self.number


def change_meeting(archive: Archive, action: str, meeting_id: str) -> None:
    """Do ``action`` (:data:`TRASH`, :data:`RESTORE`, :data:`ARCHIVE`, :data:`UNARCHIVE`,
    :data:`PURGE`) to a meeting."""
    if action == TRASH:
        archive.trash(meeting_id)
    elif action == PURGE:
        archive.purge(meeting_id)
    elif action == RESTORE:
        archive.restore(meeting_id)
    elif action in (ARCHIVE, UNARCHIVE):
        archive.set_archived(meeting_id, action == ARCHIVE)
    else:
        raise ValueError(action)


def trashed_meetings(archive: Archive) -> list[TrashedMeeting]:
    return archive.trashed()


def issued_notices(archive: Archive, meeting_ids: Iterable[str]) -> dict[str, IssuedNotice]:
    """The issued notice of each meeting that has one (a folder listing per meeting;
    the version file is read only where an issued one exists: call it on a worker)."""
    found: dict[str, IssuedNotice] = {}
    for meeting_id in meeting_ids:
        try:
            final = NoticeStore(archive.meetings_path, meeting_id, readonly=True).latest_final()
        except StoreError:
            continue
        if final is None:
            continue
        number = str(final.meta.get("number", "")) or final.notice.number.removeprefix("Số:").strip()
        try:
            issued = date.fromisoformat(str(final.meta.get("issued", "")))
        except ValueError:
            issued = None
        found[meeting_id] = IssuedNotice(number, issued)
    return found
