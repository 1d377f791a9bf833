"""Every key binding of the app, as data (like Harlequin's keymap.py).

Screens and widgets take their ``BINDINGS`` from here; the F1 help and the
command palette are generated from the same table, so they can never disagree
with the keys. Each binding has an ``id`` so a keymap (:data:`ALT_TAG_KEYS`,
chosen in the settings) can remap it with ``App.set_keymap``.

Windows terminals take F11, Alt+Enter, Ctrl+Shift+letters, Ctrl+Tab and
Alt+arrows for themselves: no binding uses them. Bare letters, ``[`` and ``]``
are only bound where no text input has focus (Textual drops the bindings an
input would consume).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from textual.binding import Binding, BindingType

from minutes_tui.i18n import tr


@dataclass(frozen=True)
class Key:
    id: str
    keys: str
    action: str
    label: str  # i18n key: the short text of the footer
    show: bool = True  # in the footer
    priority: bool = False
    help: str = ""  # i18n key: the longer text of F1 and the palette (default: label)
    group: str = ""  # i18n key: keys of one group share one label in the footer

    @property
    def help_text(self) -> str:
        return tr(self.help or self.label)


TAGS_GROUP = "key.group.tags"

KEYMAP: dict[str, tuple[Key, ...]] = {
    "app": (
        Key("help", "f1", "app.help", "key.help"),
        Key("help.question", "question_mark", "app.help", "key.help", show=False, help="key.help_question"),
        Key("palette", "ctrl+p", "app.command_palette", "key.palette", show=False),
        Key("quit", "ctrl+q", "app.quit", "key.quit", show=False),
    ),
    "list": (
        Key("list.down", "j,down", "cursor_down", "key.down", show=False),
        Key("list.up", "k,up", "cursor_up", "key.up", show=False),
        Key("list.first", "g,home", "first", "key.first", show=False),
        Key("list.last", "G,end", "last", "key.last", show=False),
        Key("list.page_down", "pagedown", "page_down", "key.page_down", show=False),
        Key("list.page_up", "pageup", "page_up", "key.page_up", show=False),
    ),
    "meetings": (
        Key("meetings.open", "enter,o", "open_capture", "key.open", help="key.open_help"),
        # the same keys in the trash view, where nothing opens (check_action picks one)
        Key("meetings.restore", "enter,o", "restore_meeting", "key.restore", help="key.restore_help"),
        Key("meetings.new", "n", "new_meeting", "key.new", help="key.new_help"),
        Key("meetings.new_template", "m", "new_from_template", "key.new_from_template", show=False),
        Key("meetings.review", "r", "open_review", "key.review"),
        Key("meetings.notice", "t", "open_notice", "key.notice"),
        Key("meetings.search", "slash", "search", "key.search", help="key.search_archive"),
        Key("meetings.delete", "x,delete", "delete_meeting", "key.delete_meeting", show=False,
            help="key.delete_meeting_help"),
        Key("meetings.archive", "a", "toggle_archive", "key.archive", show=False, help="key.archive_help"),
        Key("meetings.undo", "u,ctrl+z", "undo", "key.undo", show=False, help="key.undo_list"),
        Key("meetings.view", "v", "next_view", "key.view", show=False, help="key.view_help"),
        Key("meetings.clear", "escape", "clear_search", "key.clear_search", show=False),
        Key("meetings.settings", "s", "app.settings", "key.settings"),
        Key("meetings.directory", "d", "app.directory", "key.directory", show=False),
        Key("meetings.tracker", "ctrl+l", "tracker", "key.tracker", help="key.tracker_help"),
    ),
    "capture": (
        Key("capture.finding", "f2", "tag('finding')", "key.tag_finding", group=TAGS_GROUP),
        Key("capture.shortcoming", "f3", "tag('shortcoming')", "key.tag_shortcoming", group=TAGS_GROUP),
        Key("capture.task", "f4", "tag('task')", "key.tag_task", group=TAGS_GROUP),
        Key("capture.decision", "f5", "tag('decision')", "key.tag_decision", group=TAGS_GROUP),
        Key("capture.note", "f6", "tag('note')", "key.tag_note", group=TAGS_GROUP),
        Key("capture.sticky", "ctrl+t", "toggle_sticky", "key.sticky", show=False),
        Key("capture.accept_word", "tab", "accept_word", "key.accept_word", show=False, help="key.accept_word_help"),
        Key("capture.accept_all", "right", "accept_all", "key.accept_all", show=False, help="key.accept_all_help"),
        Key("capture.undo", "ctrl+z", "undo", "key.undo", show=False),
        Key("capture.redo", "ctrl+y", "redo", "key.redo", show=False),
        Key("capture.toggle_details", "ctrl+b", "toggle_details", "key.toggle_details", show=False),
        Key("capture.details", "ctrl+o", "details", "key.details", show=False),
        Key("capture.review", "ctrl+r", "review", "key.review"),
        Key("capture.notice", "ctrl+n", "notice", "key.notice"),
        Key("capture.followup", "ctrl+f", "followup_panel", "key.followup_panel", show=False,
            help="key.followup_panel_help"),
        Key("capture.tracker", "ctrl+l", "tracker", "key.tracker", show=False, help="key.tracker_help"),
        Key("capture.back", "escape", "back", "key.back"),
    ),
    # capture's panel of the body's open tasks (ctrl+f moves the focus there: letters are keys again)
    "followup": (
        Key("followup.carry", "c", "carry", "key.carry", help="key.carry_help"),
        Key("followup.done", "d", "done", "key.task_done", help="key.task_done_help"),
        Key("followup.progress", "t", "progress", "key.progress", help="key.progress_help"),
        Key("followup.deadline", "h", "deadline", "key.change_deadline", show=False, help="key.change_deadline_help"),
        Key("followup.undo", "u", "undo", "key.undo", show=False, help="key.undo_followup"),
        Key("followup.close", "escape", "close", "key.back_to_typing"),
    ),
    "review": (
        Key("review.finding", "f2", "tag('finding')", "key.tag_finding", group=TAGS_GROUP),
        Key("review.shortcoming", "f3", "tag('shortcoming')", "key.tag_shortcoming", group=TAGS_GROUP),
        Key("review.task", "f4", "tag('task')", "key.tag_task", group=TAGS_GROUP),
        Key("review.decision", "f5", "tag('decision')", "key.tag_decision", group=TAGS_GROUP),
        Key("review.note", "f6", "tag('note')", "key.tag_note", group=TAGS_GROUP),
        Key("review.edit", "e,enter", "edit", "key.edit"),
        Key("review.owners", "o", "owners", "key.owners", show=False),
        Key("review.deadline", "h", "deadline", "key.deadline", show=False),
        Key("review.add", "a", "add_line", "key.add_line", show=False),
        Key("review.section", "s", "new_section", "key.new_section", show=False),
        Key("review.move_up", "shift+up,K", "move_up", "key.move_up", show=False),
        Key("review.move_down", "shift+down,J", "move_down", "key.move_down", show=False),
        Key("review.move_to", "m", "move_to_section", "key.move_to_section", show=False),
        Key("review.merge", "plus", "merge", "key.merge", show=False),
        Key("review.split", "minus", "split", "key.split", show=False),
        Key("review.delete", "d,delete", "delete", "key.delete"),
        Key("review.mark", "space", "mark", "key.mark", show=False),
        Key("review.search", "slash", "search", "key.search"),
        Key("review.filter_kind", "f", "filter_kind", "key.filter_kind", show=False),
        Key("review.filter_owner", "at", "filter_owner", "key.filter_owner", show=False),
        Key("review.checks", "c", "checks", "key.checks"),
        Key("review.next_section", "right_square_bracket", "next_section", "key.next_section", show=False),
        Key("review.prev_section", "left_square_bracket", "prev_section", "key.prev_section", show=False),
        Key("review.next_problem", "n", "next_problem", "key.next_problem", show=False),
        Key("review.prev_problem", "N", "prev_problem", "key.prev_problem", show=False),
        Key("review.undo", "u,ctrl+z", "undo", "key.undo", show=False),
        Key("review.redo", "ctrl+y", "redo", "key.redo", show=False),
        Key("review.details", "ctrl+o", "details", "key.details", show=False),
        Key("review.capture", "ctrl+g", "capture", "key.capture", show=False),
        Key("review.notice", "ctrl+n", "notice", "key.notice", show=False),
        Key("review.tracker", "ctrl+l", "tracker", "key.tracker", show=False, help="key.tracker_help"),
        Key("review.back", "escape", "cancel", "key.back", help="key.back_review"),
    ),
    "checks": (
        Key("checks.close", "escape", "close", "key.close_checks"),
    ),
    "notice": (
        Key("notice.recompile", "r", "recompile", "key.recompile"),
        Key("notice.edit", "e", "edit_paragraph", "key.edit_paragraph"),
        Key("notice.export", "x", "export", "key.export_short", help="key.export"),
        Key("notice.pdf", "p", "export_pdf", "key.export_pdf_short", help="key.export_pdf"),
        # The footer has room for one more at 80 columns: issuing (the step after export) wins over the record.
        Key("notice.record", "b", "export_record", "key.export_record_short", show=False, help="key.export_record"),
        Key("notice.folder", "f", "open_folder", "key.open_folder", show=False, help="key.open_folder_help"),
        Key("notice.conflicts", "c", "conflicts", "key.conflicts", show=False, help="key.conflicts_help"),
        Key("notice.capture", "ctrl+g", "capture", "key.capture", show=False),
        Key("notice.review", "ctrl+r", "review", "key.review", show=False),
        Key("notice.tracker", "ctrl+l", "tracker", "key.tracker", show=False, help="key.tracker_help"),
        Key("notice.issue", "i", "issue", "key.issue", help="key.issue_help"),
        Key("notice.versions", "v", "versions", "key.versions", show=False, help="key.versions_help"),
        Key("notice.back", "escape", "back", "key.back"),
    ),
    # issuing (tui/screens/issue.py): the file prompt, the diff view, the version list
    "issue_dialog": (
        Key("issue_dialog.cancel", "escape", "cancel", "key.cancel"),
    ),
    "issue_diff": (
        Key("issue_diff.accept", "enter,y", "accept", "key.issue_accept"),
        Key("issue_diff.cancel", "escape", "cancel", "key.cancel"),
        # the same key when comparing versions, where nothing is issued (check_action picks one)
        Key("issue_diff.close", "escape", "close", "key.close"),
    ),
    "versions": (
        Key("versions.close", "escape", "cancel", "key.close"),
    ),
    "tracker": (
        Key("tracker.open", "enter,o", "open_source", "key.open_meeting", help="key.open_source"),
        Key("tracker.done", "d", "done", "key.task_done", help="key.task_done_help"),
        Key("tracker.progress", "t", "progress", "key.progress", help="key.progress_help"),
        Key("tracker.deadline", "h", "deadline", "key.change_deadline", help="key.change_deadline_help"),
        Key("tracker.pause", "p", "pause", "key.pause", show=False, help="key.pause_help"),
        Key("tracker.cancel", "x", "cancel_task", "key.cancel_task", show=False, help="key.cancel_task_help"),
        Key("tracker.reopen", "r", "reopen", "key.reopen", show=False, help="key.reopen_help"),
        Key("tracker.undo", "u,ctrl+z", "undo", "key.undo", show=False, help="key.undo_followup"),
        Key("tracker.search", "slash", "search", "key.search"),
        Key("tracker.filter_state", "f", "filter_state", "key.filter", help="key.filter_state"),
        Key("tracker.filter_owner", "at", "filter_owner", "key.filter_owner", show=False),
        Key("tracker.filter_body", "c", "filter_body", "key.filter_body", show=False),
        Key("tracker.filter_period", "q", "filter_period", "key.filter_period", show=False,
            help="key.filter_period_help"),
        Key("tracker.report", "b", "report", "key.report", help="key.report_help"),
        Key("tracker.back", "escape", "back", "key.back_short", help="key.back_tracker"),
    ),
    # every text input (ComposedInput): Ctrl+H is the Backspace an IME sends where the terminal reports modifiers
    "input": (
        Key("input.backspace", "ctrl+h", "delete_left", "key.delete_left", show=False),
    ),
    "form": (
        Key("form.save", "ctrl+s", "save", "key.save", priority=True),
        Key("form.cancel", "escape", "cancel", "key.cancel", priority=True),
    ),
    "details_form": (
        Key("details.accept_offers", "ctrl+g", "accept_offers", "key.accept_offers", help="key.accept_offers_help"),
        Key("details.save_template", "ctrl+t", "save_template", "key.save_template", show=False,
            help="key.save_template_help"),
    ),
    "editor": (
        Key("editor.save", "ctrl+s", "save", "key.save", priority=True),
        Key("editor.cancel", "escape", "cancel", "key.cancel", priority=True),
    ),
    # the export's file is already there (tui/screens/export_prompt.py)
    "export_exists": (
        Key("export_exists.overwrite", "o", "overwrite", "key.overwrite", help="key.overwrite_help"),
        Key("export_exists.new", "n", "new_file", "key.new_file", help="key.new_file_help"),
        Key("export_exists.cancel", "escape", "cancel", "key.cancel"),
    ),
    # hand edits whose notes changed (tui/screens/conflicts.py)
    "conflicts": (
        Key("conflicts.keep", "k", "keep", "key.keep_mine", help="key.keep_mine_help"),
        Key("conflicts.take_new", "m", "take_new", "key.take_new", help="key.take_new_help"),
        Key("conflicts.edit", "e", "edit", "key.edit_then_keep", help="key.edit_then_keep_help"),
        Key("conflicts.later", "s", "later", "key.decide_later", help="key.decide_later_help"),
        Key("conflicts.close", "escape", "close", "key.close"),
    ),
    "prompt": (
        Key("prompt.cancel", "escape", "cancel", "key.cancel"),
    ),
    "picker": (
        Key("picker.cancel", "escape", "cancel", "key.cancel"),
    ),
    "help": (
        Key("help.close", "escape,f1,q", "dismiss", "help.close"),
    ),
}

#: The sections of :data:`KEYMAP` that act on each screen, the screen's own first.
SCREEN_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "meetings": ("meetings", "list", "app"),
    "capture": ("capture", "followup", "app"),
    "review": ("review", "list", "checks", "app"),
    "notice": ("notice", "conflicts", "export_exists", "app"),
    "tracker": ("tracker", "list", "app"),
}

#: Tag keys (F2–F6) by binding id, for the Alt keymap.
_TAG_KINDS = ("finding", "shortcoming", "task", "decision", "note")

#: The second keymap, for terminals that take F2–F6 (some laptops, some remote
#: desktops): Alt+1 … Alt+5 tag, on capture and review alike.
ALT_TAG_KEYS: Final[dict[str, str]] = {
    f"{screen}.{kind}": f"alt+{number}"
    for screen in ("capture", "review")
    for number, kind in enumerate(_TAG_KINDS, start=1)
}

#: Keymaps the ``tag_keys`` setting chooses from.
TAG_KEYMAPS: Final[dict[str, dict[str, str]]] = {"f": {}, "alt": ALT_TAG_KEYS}


def tag_keymap(choice: str) -> dict[str, str]:
    """The keymap overrides for the ``tag_keys`` setting (unknown values: none)."""
    return TAG_KEYMAPS.get(choice, {})


def bindings(section: str) -> list[BindingType]:
    """The bindings of one section of :data:`KEYMAP`, for a class's ``BINDINGS``."""
    result: list[BindingType] = []
    for key in KEYMAP[section]:
        group = Binding.Group(tr(key.group)) if key.group else None
        result.append(
            Binding(key.keys, key.action, tr(key.label), show=key.show, priority=key.priority, id=key.id,
                    tooltip=key.help_text, group=group)
        )
    return result


def find(key_id: str) -> Key:
    """The :class:`Key` with ``key_id``."""
    for keys in KEYMAP.values():
        for key in keys:
            if key.id == key_id:
                return key
    raise KeyError(key_id)
