"""The listing pack: every side file's listing part in one file, for ``tasks --json``.

Opening, reading and parsing the header of 500 side files costs more than the
listing itself; ``DATA/tasks/listing.pack`` holds what they hold for
``tasks --json`` (each meeting's stamp, shared fields, order keys and JSON) in
one file. It is a cache of the side files, never the truth: a meeting whose
stamp no longer matches (edited since) is read from its side file instead, and
the pack is rewritten by a listing that found many of them so (see
:func:`worth_rewriting`) — not at every save, which would cost the archive's
size at each checkpoint of one meeting.

Layout (UTF-8 lines): a header ``{"version": …, "crc": CRC-32 of the rest,
"meetings": [[id, stamp, since, MeetingHead.to_dict() or None, count], …]}``,
then every meeting's order keys (its ``count`` lines, in the header's order),
then every meeting's JSON in the same order. A pack that does not read, of
another version or with a wrong CRC is simply not used.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final, NamedTuple

from minutes_tui.core.task_listing import Sheet
from minutes_tui.core.tasks import MeetingHead
from minutes_tui.store.files import atomic_write

NAME: Final = "listing.pack"
#: The pack is worth rewriting when this many meetings were read from their side files instead…
_REWRITE_AFTER: Final = 10
#: …or this share of the archive (a twentieth).
_REWRITE_SHARE: Final = 20

Stamp = list[int]
Rows = Callable[[], list[list[Any]]]
Owners = Callable[[], list[list[str]]]


class Packed(NamedTuple):
    """One meeting as the pack holds it; ``head`` None: a meeting without tasks."""

    stamp: Stamp
    since: str
    head: MeetingHead | None
    keys: list[bytes]
    texts: list[bytes]

    def sheet(self, rows: Rows, owners: Owners) -> Sheet | None:
        """The meeting's sheet; ``rows`` and ``owners`` read its side file when asked for."""
        return Sheet(self.head, self.since, self.keys, self.texts, rows, owners) if self.head else None


def read(path: Path, version: int) -> dict[str, Packed]:
    """The meetings of the pack at ``path``; empty when it is missing, of another ``version`` or damaged."""
    try:
        with open(path, "rb") as file:
            data = file.read()
        header_end = data.index(b"\n") if b"\n" in data else len(data)
        header = json.loads(data[:header_end])
        if header["version"] != version or header["crc"] != zlib.crc32(memoryview(data)[header_end + 1:]):
            return {}
        meetings = header["meetings"]
        total = sum(int(count) for *_fields, count in meetings)
        lines = data[header_end + 1:].split(b"\n") if total else []
        if len(lines) != 2 * total:
            return {}
        keys, texts = lines[:total], lines[total:]
        packed: dict[str, Packed] = {}
        at = 0
        for meeting_id, stamp, since, head, count in meetings:
            packed[meeting_id] = Packed(stamp, since, MeetingHead.from_dict(head) if head else None,
                                        keys[at: at + count], texts[at: at + count])
            at += count
        return packed
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return {}


def worth_rewriting(unpacked: int, meetings: int) -> bool:
    """Whether a listing that read ``unpacked`` of ``meetings`` meetings from their side files should rewrite the pack."""
    return unpacked >= max(_REWRITE_AFTER, meetings // _REWRITE_SHARE)


def write(path: Path, version: int, meetings: Sequence[tuple[str, Stamp, Sheet | None]]) -> None:
    """Write the pack of ``meetings`` (id, stamp, sheet) atomically; OSError when it cannot be written."""
    index = [[meeting_id, stamp, sheet.since if sheet else "", sheet.head.to_dict() if sheet else None,
              len(sheet.keys) if sheet else 0] for meeting_id, stamp, sheet in meetings]
    body = b"\n".join([key for _id, _stamp, sheet in meetings if sheet for key in sheet.keys]
                      + [text for _id, _stamp, sheet in meetings if sheet for text in sheet.texts])
    header = json.dumps({"version": version, "crc": zlib.crc32(body), "meetings": index}, ensure_ascii=False,
                        separators=(",", ":")).encode()
    atomic_write(path, header + b"\n" + body)
