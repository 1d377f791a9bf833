"""Nơi nhận: the office's default recipients, then every owner the list does not cover yet.

An owner is covered (and not appended) when an entry already names it, under
the office's abbreviations (``TT`` = ``Thường trực``, ``UBND`` = ``Ủy ban nhân
dân``); when it is the issuing body or the announcer (the notice comes from
them); when one name is the other's first words (``Công an`` / ``Công an xã``);
or when a group entry holds it (``Các phòng chuyên môn thuộc UBND xã`` covers
``Phòng Kinh tế``, ``Thường trực HĐND các xã, phường`` covers ``Thường trực HĐND
xã A``). Entries are written with a capital first letter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from minutes_tui.core.model import Meeting, OfficeSettings
from minutes_tui.core.names import canonical, capitalise, starts_with_words

#: Named units no group entry stands for ("Các Ban HĐND" is not "Ban Chỉ huy quân sự").
_NEVER_IN_A_GROUP: Final = tuple(
    canonical(name) for name in ("Ban Chỉ huy", "Ban Chỉ đạo", "Ban quản lý", "Ban Tiếp công dân", "Ban Thường vụ",
                                 "Ban Giám đốc", "Ban Giám hiệu", "Ban Điều hành", "Ban Bảo vệ")
)


def _group(entry: str) -> tuple[str, tuple[str, ...]] | None:
    """``Thường trực HĐND các xã, phường`` → (``thường trực hội đồng nhân dân``, (``xã``, ``phường``))."""
    words = canonical(entry, keep_commas=True).split(" ")
    if "các" not in words:
        return None
    index = words.index("các")
    prefix = " ".join(words[:index]).replace(",", "")
    heads = tuple(part.split(" ")[0] for part in " ".join(words[index + 1 :]).split(", ")[:4] if part)
    return prefix, heads


def _prefixes(name: str) -> list[str]:
    words = name.split(" ")
    return [" ".join(words[:size]) for size in range(1, len(words) + 1)]


class Coverage:
    """The names a Nơi nhận list stands for, indexed so that each owner costs a few
    set lookups (a meeting may have thousands of owners)."""

    def __init__(self) -> None:
        self._names: set[str] = set()  # every entry, canonical
        self._starts: set[str] = set()  # every first-words of an entry
        self._groups: list[tuple[str, tuple[str, ...]]] = []

    def add(self, entry: str) -> None:
        name = canonical(entry)
        self._names.add(name)
        self._starts.update(_prefixes(name))
        group = _group(entry)
        if group is not None:
            self._groups.append(group)

    def covers(self, owner: str) -> bool:
        name = canonical(owner)
        if not name or name in self._starts or any(start in self._names for start in _prefixes(name)):
            return True
        if any(starts_with_words(name, never) for never in _NEVER_IN_A_GROUP):
            return False
        for prefix, heads in self._groups:
            if prefix and not starts_with_words(name, prefix):
                continue
            rest = name[len(prefix) :].strip()
            if any(starts_with_words(rest, head) for head in heads):
                return True
        return False


def covers(entry: str, owner: str) -> bool:
    """Entry ``entry`` of a Nơi nhận list stands for ``owner`` (both as written)."""
    coverage = Coverage()
    coverage.add(entry)
    return coverage.covers(owner)


def recipients(meeting: Meeting, settings: OfficeSettings, also_covered: Iterable[str] = ()) -> list[str]:
    """Default recipients (each once), then every owner not covered, in order of use."""
    listed: list[str] = []
    seen: set[str] = set()
    coverage = Coverage()
    for name in settings.recipients:
        if name.strip() and canonical(name) not in seen:
            seen.add(canonical(name))
            listed.append(capitalise(name.strip()))
            coverage.add(name)
    for name in (settings.issuer, settings.announcer, *also_covered):
        if name.strip():
            coverage.add(name)
    for owner in meeting.owners_used():
        if canonical(owner) and not coverage.covers(owner):
            listed.append(capitalise(owner.strip()))
            coverage.add(owner)
    return listed
