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
        Key("meetings.open", "enter,o", "open_capture", "key.open"),
        Key("meetings.down", "j,down", "list_down", "key.down", show=False),
        Key("meetings.up", "k,up", "list_up", "key.up", show=False),
        Key("meetings.new", "n", "new_meeting", "key.new"),
        Key("meetings.review", "r", "open_review", "key.review"),
        Key("meetings.notice", "t", "open_notice", "key.notice"),
        Key("meetings.search", "slash", "search", "key.search_archive"),
        Key("meetings.clear", "escape", "clear_search", "key.clear_search", show=False),
        Key("meetings.settings", "s", "app.settings", "key.settings"),
        Key("meetings.directory", "d", "app.directory", "key.directory"),
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
        Key("capture.details", "ctrl+o", "details", "key.details"),
        Key("capture.review", "ctrl+r", "review", "key.review"),
        Key("capture.notice", "ctrl+n", "notice", "key.notice"),
        Key("capture.back", "escape", "back", "key.back"),
    ),
    "review": (
        Key("review.down", "j,down", "down", "key.down", show=False),
        Key("review.up", "k,up", "up", "key.up", show=False),
        Key("review.first", "g,home", "first", "key.first", show=False),
        Key("review.last", "G,end", "last", "key.last", show=False),
        Key("review.next_section", "right_square_bracket", "next_section", "key.next_section", show=False),
        Key("review.prev_section", "left_square_bracket", "prev_section", "key.prev_section", show=False),
        Key("review.finding", "f2", "tag('finding')", "key.tag_finding"),
        Key("review.shortcoming", "f3", "tag('shortcoming')", "key.tag_shortcoming"),
        Key("review.task", "f4", "tag('task')", "key.tag_task"),
        Key("review.decision", "f5", "tag('decision')", "key.tag_decision"),
        Key("review.note", "f6", "tag('note')", "key.tag_note"),
        Key("review.edit", "e,enter", "edit", "key.edit"),
        Key("review.owners", "o", "owners", "key.owners"),
        Key("review.deadline", "h", "deadline", "key.deadline"),
        Key("review.add", "a", "add_line", "key.add_line"),
        Key("review.section", "s", "new_section", "key.new_section"),
        Key("review.move_up", "shift+up,K", "move_up", "key.move_up", show=False),
        Key("review.move_down", "shift+down,J", "move_down", "key.move_down", show=False),
        Key("review.move_to", "m", "move_to_section", "key.move_to_section"),
        Key("review.merge", "plus", "merge", "key.merge", show=False),
        Key("review.split", "minus", "split", "key.split", show=False),
        Key("review.delete", "d,delete", "delete", "key.delete"),
        Key("review.mark", "space", "mark", "key.mark"),
        Key("review.search", "slash", "search", "key.search"),
        Key("review.filter_kind", "f", "filter_kind", "key.filter_kind", show=False),
        Key("review.filter_owner", "at", "filter_owner", "key.filter_owner", show=False),
        Key("review.checks", "c", "checks", "key.checks"),
        Key("review.next_problem", "n", "next_problem", "key.next_problem"),
        Key("review.prev_problem", "N", "prev_problem", "key.prev_problem", show=False),
        Key("review.undo", "u,ctrl+z", "undo", "key.undo"),
        Key("review.redo", "ctrl+y", "redo", "key.redo", show=False),
        Key("review.details", "ctrl+o", "details", "key.details", show=False),
        Key("review.capture", "ctrl+g", "capture", "key.capture", show=False),
        Key("review.notice", "ctrl+n", "notice", "key.notice", show=False),
        Key("review.back", "escape", "cancel", "key.back"),
    ),
    "form": (
        Key("form.save", "ctrl+s", "save", "key.save", priority=True),
        Key("form.cancel", "escape", "cancel", "key.cancel", priority=True),
    ),
    "notice": (
        Key("notice.recompile", "r", "recompile", "key.recompile"),
        Key("notice.edit", "e", "edit_paragraph", "key.edit_paragraph"),
        Key("notice.export", "x", "export", "key.export"),
        Key("notice.pdf", "p", "export_pdf", "key.export_pdf"),
        Key("notice.record", "b", "export_record", "key.export_record"),
        Key("notice.capture", "ctrl+g", "capture", "key.capture"),
        Key("notice.review", "ctrl+r", "review", "key.review"),
        Key("notice.back", "escape", "back", "key.back"),
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
