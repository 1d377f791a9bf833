"""The shape of every data file, checked once on load (issue #10, items 7 and 8).

A file that parses can still be the wrong shape: a line with an unknown
``kind``, a string ``pos``, a number with 400 digits, an index row that is a
list, a setting that is a dict. Each record is checked in one pass, without
copying what is already right; what can be kept is kept (an unknown kind
becomes a plain note with its text), what cannot is dropped and counted, so
the caller can keep the original file aside and tell the user.

Nothing here raises on bad values except :class:`CorruptFile` when the file's
frame itself (the meeting's ``meta``, its ``lines`` table) is unusable.
"""

from __future__ import annotations

import math
import time
import uuid
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Final

from minutes_tui.core.model import (
    LIST_DETAILS,
    MAX_DUE_SOON_DAYS,
    TAG_KEY_CHOICES,
    Kind,
    MeetingDetails,
    OfficeSettings,
    due_soon_days,
)
from minutes_tui.i18n import LANGUAGES
from minutes_tui.store.errors import CorruptFile

KINDS: Final = frozenset(kind.value for kind in Kind)
DETAIL_NAMES: Final = frozenset(f.name for f in fields(MeetingDetails))
SETTING_NAMES: Final = {f.name: f.default for f in fields(OfficeSettings) if f.name != "recipients"}

#: The themes of the pinned Textual (8.2.8); ``tests/store/test_schema.py`` checks
#: the list against Textual's own, so an upgrade cannot leave it stale.
THEMES: Final = frozenset({
    "ansi-dark", "ansi-light", "atom-one-dark", "atom-one-light", "catppuccin-frappe", "catppuccin-latte",
    "catppuccin-macchiato", "catppuccin-mocha", "dracula", "flexoki", "gruvbox", "monokai", "nord", "rose-pine",
    "rose-pine-dawn", "rose-pine-moon", "solarized-dark", "solarized-light", "textual-dark", "textual-light",
    "tokyo-night",
})
#: Who may read exported documents: only the user (0600), or as the system's umask says.
EXPORT_ACCESS: Final = ("private", "shared")
#: Settings whose value must be one of a few words; any other value is refused on
#: input and falls back to the default (with a warning) on load.
CHOICES: Final[dict[str, tuple[str, ...]]] = {
    "language": LANGUAGES,
    "theme": tuple(sorted(THEMES)),
    "export_access": EXPORT_ACCESS,
    "tag_keys": TAG_KEY_CHOICES,
}
#: Seconds since 1970 a timestamp may take (year 5138): beyond, ``date.fromtimestamp`` fails.
_MAX_TIME: Final = 1e11
#: How deep an undo operation's values may nest (a line dict holding a list of owners).
_OP_DEPTH: Final = 4


def _number(value: Any) -> float | None:
    """A finite, sane timestamp, or None (bools, strings, inf, 400-digit ints are not)."""
    if type(value) is int:
        return float(value) if 0 <= value < _MAX_TIME else None
    if type(value) is float:
        return value if math.isfinite(value) and 0 <= value < _MAX_TIME else None
    return None


def _text(value: Any) -> str | None:
    """A string, or a scalar written as one; None for containers."""
    if type(value) is str:
        return value
    if type(value) in (int, float, bool):
        return str(value)
    return None


def _texts(value: Any) -> list[str] | None:
    if type(value) is not list:
        return None
    out = [_text(item) for item in value]
    return None if any(item is None for item in out) else out  # type: ignore[return-value]


@dataclass
class MeetingData:
    """A meeting file's content, checked; ``issues`` counts what had to be mended."""

    schema: int = 0
    seq: int = 0
    draft_cleared: int = 0  # seq of the last commit that recorded the draft
    created: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)
    history: dict[str, Any] = field(default_factory=dict)
    followup: dict[str, Any] = field(default_factory=dict)  # task id -> FollowUp dict (the register)
    legacy_notices: list[Any] = field(default_factory=list)
    legacy_edits: list[Any] = field(default_factory=list)
    issues: int = 0


def meeting_frame(tables: dict[str, Any], path: Path) -> tuple[int, int]:
    """(schema, seq) of a meeting file, or :class:`CorruptFile` when its frame is unusable."""
    meta_table = tables.get("meta", {})
    meta = meta_table.get("1", {}) if type(meta_table) is dict else None
    if type(meta) is not dict:
        raise CorruptFile(path, "shape", detail="meta")
    schema, seq = meta.get("schema", 0), meta.get("seq", 0)
    if type(schema) is not int or schema < 0 or type(seq) is not int or seq < 0:
        raise CorruptFile(path, "shape", detail="meta")
    if type(tables.get("lines", {})) is not dict:
        raise CorruptFile(path, "shape", detail="lines")
    return schema, seq


def meeting(tables: dict[str, Any], path: Path) -> MeetingData:
    """Check a meeting file's tables (after migration) in one pass."""
    schema, seq = meeting_frame(tables, path)
    meta = tables.get("meta", {}).get("1", {})
    data = MeetingData(schema=schema, seq=seq)
    created = _number(meta.get("created", time.time()))
    if created is None:
        data.issues += 1
        created = time.time()
    data.created = created
    cleared = meta.get("draft_cleared", 0)
    if type(cleared) is int and 0 <= cleared <= seq:
        data.draft_cleared = cleared
    else:
        data.issues += 1
    data.details = _details(meta.get("details", {}), data)
    data.rows = _rows(tables.get("lines", {}), data)
    data.history = _history(tables.get("history", {}), data)
    data.followup = _followup(tables.get("followup", {}), data)
    for name, target in (("notices", data.legacy_notices), ("notice_edits", data.legacy_edits)):
        table = tables.get(name)
        if type(table) is dict:
            target.extend(table.values())
    return data


def _details(raw: Any, data: MeetingData) -> dict[str, Any]:
    if type(raw) is not dict:
        data.issues += 1
        return {}
    details: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in DETAIL_NAMES:
            continue  # a field of a newer version: ignored, as MeetingDetails.from_dict does
        if name in LIST_DETAILS:
            items = _texts(value) if type(value) is list else ([value] if type(value) is str else None)
            if items is None or type(value) is not list:
                data.issues += 1
            details[name] = items or []
        else:
            text = _text(value)
            if type(value) is not str:
                data.issues += 1
            details[name] = text or ""
    return details


def _rows(table: dict[str, Any], data: MeetingData) -> list[dict[str, Any]]:
    """Line rows in ``pos`` order, each with the fields :meth:`Line.from_dict` needs."""
    keyed: list[tuple[int | None, int, dict[str, Any]]] = []
    seen_ids: set[str] = set()
    for order, row in enumerate(table.values()):
        if type(row) is not dict:
            data.issues += 1
            continue
        clean = row
        kind, text = row.get("kind"), row.get("text", "")
        owners, deadline = row.get("owners", []), row.get("deadline", "")
        line_id, created, pos = row.get("id"), row.get("created", 0.0), row.get("pos")
        known_kind = type(kind) is str and kind in KINDS
        ok = (known_kind and type(text) is str and type(deadline) is str and type(owners) is list
              and all(type(o) is str for o in owners) and type(line_id) is str and line_id
              and line_id not in seen_ids and _number(created) is not None)
        if not ok:
            data.issues += 1
            salvaged = _text(text)
            if salvaged is None:
                continue  # no text to keep: the row says nothing
            if type(line_id) is not str or not line_id or line_id in seen_ids:
                line_id = uuid.uuid4().hex[:12]
            clean = {
                "kind": kind if known_kind else Kind.NOTE.value,
                "text": salvaged,
                "owners": _texts(owners) or [],
                "deadline": _text(deadline) or "",
                "id": line_id,
                "created": _number(created) or 0.0,
            }
        seen_ids.add(clean["id"])
        if type(pos) is not int:
            data.issues += 1
            pos = None
        keyed.append((pos, order, clean))
    if any(pos is None for pos, _, _ in keyed):
        return [row for _, _, row in keyed]  # positions unusable: the file's order (rows are written in order)
    keyed.sort(key=lambda item: (item[0], item[1]))
    return [row for _, _, row in keyed]


def _followup(table: Any, data: MeetingData) -> dict[str, Any]:
    """The register's records by task id; a record that does not parse is dropped and counted
    (the task is then listed with nothing recorded, never lost: its line is the task)."""
    from minutes_tui.core.followup import FollowUp

    if type(table) is not dict:
        data.issues += 1
        return {}
    records: dict[str, Any] = {}
    for row in table.values():
        task = row.get("task") if type(row) is dict else None
        if type(task) is not str or not task or not _shallow(row, _OP_DEPTH):
            data.issues += 1
            continue
        try:
            FollowUp.from_dict(row)
        except (KeyError, TypeError, ValueError, AttributeError):
            data.issues += 1
            continue
        records[task] = row
    return records


def _shallow(value: Any, depth: int) -> bool:
    """True when ``value`` is JSON data nesting at most ``depth`` levels."""
    if type(value) in (str, int, float, bool) or value is None:
        return True
    if depth <= 0:
        return False
    if type(value) is list:
        return all(_shallow(item, depth - 1) for item in value)
    if type(value) is dict:
        return all(type(k) is str and _shallow(v, depth - 1) for k, v in value.items())
    return False


def valid_group(group: Any) -> bool:
    """An undo/redo group: a list of operation dicts of bounded depth."""
    return type(group) is list and all(
        type(op) is dict and type(op.get("op")) is str and _shallow(op, _OP_DEPTH) for op in group
    )


def _history(table: Any, data: MeetingData) -> dict[str, Any]:
    doc = table.get("1", {}) if type(table) is dict else None
    if type(doc) is not dict:
        data.issues += 1
        return {"undo": [], "redo": []}
    out: dict[str, Any] = {}
    for name in ("undo", "redo"):
        groups = doc.get(name, [])
        if type(groups) is not list or not all(valid_group(group) for group in groups):
            data.issues += 1
            groups = [group for group in groups if valid_group(group)] if type(groups) is list else []
        out[name] = groups
    return out


# -- the archive's small files --------------------------------------------------------
def index_row(row: Any) -> dict[str, Any] | None:
    """An index row fit for ``MeetingSummary``, or None (the meeting is summarised again).

    Called for every row on every listing: plain checks, no generators (JSON keys
    are always strings, so only values are looked at).
    """
    if type(row) is not dict:
        return None
    get = row.get
    meeting_id = get("id")
    if type(meeting_id) is not str or not meeting_id:
        return None
    if type(get("date", "")) is not str or type(get("title", "")) is not str or type(get("lines", 0)) is not int:
        return None
    counts = get("counts", {})
    if type(counts) is not dict:
        return None
    for value in counts.values():
        if type(value) is not int:
            return None
    if _number(get("created", 0.0)) is None or _number(get("updated", 0.0)) is None:
        return None
    stamp = get("stamp")
    if stamp is not None and (type(stamp) is not list or len(stamp) != 2
                              or type(stamp[0]) is not int or type(stamp[1]) is not int):
        return None
    return row


def setting_problem(name: str, value: str) -> tuple[str, dict[str, str]] | None:
    """Why ``value`` cannot be the setting ``name``: an i18n key and its values, or None."""
    choices = CHOICES.get(name)
    if choices is not None and value not in choices:
        return "settings.bad_choice", {"name": name, "value": value, "choices": ", ".join(choices)}
    if name == "due_soon_days":
        try:
            due_soon_days(value)
        except ValueError:
            return "parse.bad_due_soon_days", {"most": str(MAX_DUE_SOON_DAYS)}
    return None


def office_settings(raw: Any) -> tuple[dict[str, Any], list[str]]:
    """Settings values fit for ``OfficeSettings``, and the names of those that fell back."""
    if type(raw) is not dict:
        return {}, ["office"] if raw is not None else []
    values: dict[str, Any] = {}
    bad: list[str] = []
    for name, value in raw.items():
        if name == "recipients":
            items = _texts(value)
            if items is None or type(value) is not list:
                bad.append(name)
                continue
            values[name] = items
        elif name == "due_soon_days" and type(value) is int:  # stored as a number
            if setting_problem(name, str(value)) is not None:
                bad.append(name)
                continue
            values[name] = value
        elif name in SETTING_NAMES:
            if type(value) is not str or setting_problem(name, value) is not None:
                bad.append(name)
                continue
            values[name] = value
    return values, bad


def directory(raw: Any) -> tuple[dict[str, Any], bool]:
    """The owner directory's data, and False when something had to be dropped."""
    if type(raw) is not dict:
        return {}, raw is None
    aliases, owners = raw.get("aliases", {}), raw.get("owners", [])
    ok = True
    if type(aliases) is not dict or not all(type(k) is str and type(v) is str for k, v in aliases.items()):
        ok = False
        aliases = {k: v for k, v in aliases.items() if type(k) is str and type(v) is str} if type(aliases) is dict else {}
    if type(owners) is not list or not all(type(o) is str for o in owners):
        ok = False
        owners = [o for o in owners if type(o) is str] if type(owners) is list else []
    return {"aliases": aliases, "owners": owners}, ok
