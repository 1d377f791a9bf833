"""Every key binding of the app, as data (like Harlequin's keymap.py).

Screens take their ``BINDINGS`` from here; the F1 help and the command palette
are generated from the same table, so they can never disagree with the keys.
Each binding has an ``id`` so users can remap it with ``App.set_keymap``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from minutes_tui.i18n import tr


@dataclass(frozen=True)
class Key:
    id: str
    keys: str
    action: str
    label: str  # i18n key
    show: bool = True
    priority: bool = False


KEYMAP: dict[str, tuple[Key, ...]] = {
    "app": (
        Key("help", "f1", "app.help", "key.help"),
        Key("quit", "ctrl+q", "app.quit", "key.quit"),
    ),
    "meetings": (
        Key("meetings.open", "o,enter", "open_capture", "key.open"),
        Key("meetings.new", "n", "new_meeting", "key.new"),
    ),
    "capture": (
        Key("capture.finding", "f2", "tag('finding')", "key.tag_finding"),
        Key("capture.shortcoming", "f3", "tag('shortcoming')", "key.tag_shortcoming"),
        Key("capture.task", "f4", "tag('task')", "key.tag_task"),
        Key("capture.decision", "f5", "tag('decision')", "key.tag_decision"),
        Key("capture.note", "f6", "tag('note')", "key.tag_note"),
        Key("capture.sticky", "ctrl+t", "toggle_sticky", "key.sticky"),
        Key("capture.undo", "ctrl+z", "undo", "key.undo"),
        Key("capture.redo", "ctrl+y", "redo", "key.redo"),
        Key("capture.toggle_details", "ctrl+b", "toggle_details", "key.toggle_details", show=False),
        Key("capture.back", "escape", "back", "key.back"),
    ),
}


def bindings(screen: str) -> list[Binding]:
    return [
        Binding(k.keys, k.action, tr(k.label), show=k.show, priority=k.priority, id=k.id)
        for k in KEYMAP[screen]
    ]


def key_display(keys: str) -> str:
    """``ctrl+t`` → ``Ctrl+T``, ``f2`` → ``F2`` (for help text)."""
    parts = []
    for key in keys.split(","):
        parts.append("+".join(p.capitalize() if len(p) > 1 else p.upper() for p in key.split("+")))
    return " / ".join(parts)
