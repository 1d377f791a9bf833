"""The secretary's typing aids that outlive a meeting: abbreviations, meeting
templates, and whether the capture input offers completions.

Kept in their own small file (``DATA/typing.json``), written atomically like
the settings; a damaged file is set aside and the defaults used, with a warning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from minutes_tui.core.abbreviations import Abbreviations
from minutes_tui.core.carryover import Template
from minutes_tui.core.text import fold
from minutes_tui.i18n import tr
from minutes_tui.store.errors import WriteFailed
from minutes_tui.store.files import atomic_write, set_aside

PREFS_NAME: Final = "typing.json"
PREFS_VERSION: Final = 1


@dataclass
class TypingPrefs:
    abbreviations: Abbreviations = field(default_factory=Abbreviations)
    templates: list[Template] = field(default_factory=list)
    completion: bool = True  # the capture input offers completions

    def template(self, name: str) -> Template | None:
        return next((t for t in self.templates if fold(t.name) == fold(name)), None)

    def with_template(self, template: Template) -> TypingPrefs:
        """A copy holding ``template`` (replacing one of the same name)."""
        others = [t for t in self.templates if fold(t.name) != fold(template.name)]
        return TypingPrefs(self.abbreviations, [*others, template], self.completion)

    def to_dict(self) -> dict[str, Any]:
        return {"version": PREFS_VERSION, "abbreviations": self.abbreviations.to_dict(),
                "templates": [t.to_dict() for t in self.templates], "completion": self.completion}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TypingPrefs:
        templates = [Template.from_dict(t) for t in data.get("templates", []) if isinstance(t, dict)]
        return cls(Abbreviations.from_dict(data.get("abbreviations", {})), [t for t in templates if t.name],
                   bool(data.get("completion", True)))


def prefs_path(root: Path) -> Path:
    return root / PREFS_NAME


def load_prefs(root: Path, *, readonly: bool = False) -> tuple[TypingPrefs, list[str]]:
    """The saved prefs (defaults when there are none) and warnings to show."""
    path = prefs_path(root)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        if not isinstance(data, dict):
            raise TypeError("not an object")
        return TypingPrefs.from_dict(data), []
    except FileNotFoundError:
        return TypingPrefs(), []
    except (OSError, UnicodeDecodeError, ValueError, TypeError, AttributeError) as error:
        kept = ""
        if not readonly:
            try:
                kept = tr("store.kept_as", name=set_aside(path).name)
            except OSError:
                pass
        return TypingPrefs(), [tr("store.typing_prefs_damaged", path=path, reason=error, kept=kept)]


def save_prefs(root: Path, prefs: TypingPrefs) -> None:
    """Write ``prefs`` now (atomic, durable on return)."""
    path = prefs_path(root)
    payload = json.dumps(prefs.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")
    try:
        atomic_write(path, payload)
    except OSError as error:
        raise WriteFailed(path, error) from error
