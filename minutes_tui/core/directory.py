"""The owner directory: full names, short aliases, and owners learned from use."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from minutes_tui.core.text import fold


@dataclass
class Directory:
    aliases: dict[str, str] = field(default_factory=dict)  # alias as typed -> full name
    owners: list[str] = field(default_factory=list)  # known full names, first seen first

    def expand(self, name: str) -> str:
        """``vp`` → ``Văn phòng thị xã`` when ``vp`` is an alias (folded match)."""
        key = fold(name)
        for alias, full in self.aliases.items():
            if fold(alias) == key:
                return full
        return name

    def with_alias(self, alias: str, full: str) -> Directory:
        """A copy with ``@alias`` standing for ``full`` (the owner keeps the old one until saved)."""
        copy = Directory.from_dict(self.to_dict())
        copy.aliases[alias] = full
        return copy

    def all_names(self) -> list[str]:
        names: dict[str, str] = {}
        for name in [*self.aliases.values(), *self.owners]:
            names.setdefault(fold(name), name)
        return list(names.values())

    def learn(self, names: Iterable[str]) -> bool:
        """Remember owners seen in use; True when something new was learned."""
        known = {fold(owner) for owner in self.all_names()}
        added = False
        for name in names:
            if name and fold(name) not in known:
                self.owners.append(name)
                known.add(fold(name))
                added = True
        return added

    def complete(self, prefix: str, limit: int = 8) -> list[str]:
        """Names and aliases whose folded form starts with (or contains) ``prefix``."""
        key = fold(prefix)
        starts: list[str] = []
        contains: list[str] = []
        for alias, full in self.aliases.items():
            if fold(alias).startswith(key):
                starts.append(full)
        for name in self.all_names():
            folded = fold(name)
            if folded.startswith(key):
                starts.append(name)
            elif key and key in folded:
                contains.append(name)
        unique = list(dict.fromkeys(starts + contains))
        return unique[:limit]

    def closest(self, name: str) -> str | None:
        """The known owner a possibly mistyped ``name`` most likely meant."""
        names = self.all_names()
        folded = {fold(n): n for n in names}
        match = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.75)
        return folded[match[0]] if match else None

    def to_dict(self) -> dict[str, Any]:
        return {"aliases": dict(self.aliases), "owners": list(self.owners)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Directory:
        return cls(
            aliases={str(k): str(v) for k, v in dict(data.get("aliases", {})).items()},
            owners=[str(o) for o in data.get("owners", [])],
        )
