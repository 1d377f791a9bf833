"""Forms reachable by one key: meeting details, office settings, owner directory.

Each is a modal with labelled inputs; Ctrl+S validates and saves, Esc leaves
without saving. The details form writes the same data as the ``/`` commands.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static, Switch, TextArea

from minutes_tui.core import edits
from minutes_tui.core.abbreviations import Abbreviations
from minutes_tui.core.carryover import pending
from minutes_tui.core.dates import dmy, parse_date
from minutes_tui.core.directory import Directory
from minutes_tui.core.edits import Op
from minutes_tui.core.model import (
    DETAIL_FIELDS,
    LIST_DETAILS,
    MAX_DUE_SOON_DAYS,
    SETTING_FIELDS,
    TAG_KEY_CHOICES,
    OfficeSettings,
    due_soon_days,
)
from minutes_tui.core.text import clean_line
from minutes_tui.i18n import LANGUAGES, tr
from minutes_tui.services.typing import aids_for
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.tui import keymap
from minutes_tui.tui.screens.base import MinutesModal
from minutes_tui.tui.widgets.capture_input import ComposedInput
from minutes_tui.tui.widgets.keys_footer import KeysFooter
from minutes_tui.tui.widgets.text_area import ComposedTextArea

LIST_SEPARATOR = "; "


class FormScreen(MinutesModal[bool]):
    """Labelled inputs, one per field. Subclasses define ``fields()`` — (field
    name, label, current value) in order — and ``action_save()``."""

    BINDINGS = keymap.bindings("form")
    TITLE_KEY = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form-body") as body:
            body.border_title = tr(self.TITLE_KEY)
            for name, label, value in self.fields():
                yield Label(label, classes="form-label")
                yield self.field(name, value)
            yield from self.more_fields()
            yield Static("", id="form-error")
        yield KeysFooter()

    def fields(self) -> list[tuple[str, str, str]]:
        """(field name, label, current value) of each input, in order; none here."""
        return []

    def field(self, name: str, value: str) -> ComposedInput:
        return ComposedInput(value, id=f"field-{name}", classes="form-field")

    def more_fields(self) -> ComposeResult:
        """Widgets after the fields (not plain inputs: ``values`` does not read them)."""
        yield from ()

    def values(self) -> dict[str, str]:
        return {(field.id or "").removeprefix("field-"): field.value for field in self.query(ComposedInput)}

    def fail(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)
        self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(False)


class OfferedInput(ComposedInput):
    """A field offered a value (carried over or from a template): shown dim while
    the field is empty; → takes it."""

    def __init__(self, value: str, offer: str, *, id: str, classes: str) -> None:
        super().__init__(value, placeholder=tr("form.offered", value=offer) if offer else "", id=id, classes=classes)
        self.offer = offer

    def action_cursor_right(self, select: bool = False) -> None:
        if not self.value and self.offer and not select:
            self.value = self.offer
            self.cursor_position = len(self.value)
            return
        super().action_cursor_right(select)


class DetailsForm(FormScreen):
    TITLE_KEY = "form.details"
    BINDINGS = keymap.bindings("details_form")

    def __init__(self, store: MeetingStore) -> None:
        super().__init__()
        self.store = store

    def offers(self) -> dict[str, list[str]]:
        """What this meeting is offered and does not have yet."""
        aids = aids_for(self.app.archive)
        return pending(aids.offers.get(self.store.id, {}), self.store.meeting.details)

    def field(self, name: str, value: str) -> ComposedInput:
        offered = self.offers().get(name, [])
        if name in LIST_DETAILS and getattr(self.store.meeting.details, name):
            offered = []  # a list already begun is the secretary's to complete
        return OfferedInput(value, LIST_SEPARATOR.join(offered), id=f"field-{name}", classes="form-field")

    def action_accept_offers(self) -> None:
        """Every empty field takes its offered value (still only in the form: Ctrl+S saves)."""
        for field in self.query(OfferedInput):
            if not field.value and field.offer:
                field.value = field.offer

    def action_save_template(self) -> None:
        from minutes_tui.tui.screens.prompts import TextPrompt

        details = self.store.meeting.details

        def named(name: str | None) -> None:
            if not name or not name.strip():
                return
            try:
                aids_for(self.app.archive).save_template(name, details)
            except StoreError as error:
                self.fail(str(error))
                return
            self.app.notify(tr("template.saved", name=name.strip()))

        self.app.push_screen(TextPrompt(tr("template.name"), details.kind), named)

    def fields(self) -> list[tuple[str, str, str]]:
        details = self.store.meeting.details
        rows: list[tuple[str, str, str]] = []
        for name in DETAIL_FIELDS:
            value = getattr(details, name)
            if name == "date" and details.meeting_date:
                value = dmy(details.meeting_date)
            elif name in LIST_DETAILS:
                value = LIST_SEPARATOR.join(value)
            rows.append((name, tr("details." + name), value))
        return rows

    def action_save(self) -> None:
        details = self.store.meeting.details
        ops: list[Op] = []
        for name, raw in self.values().items():
            value: str | list[str] = clean_line(raw)
            if name == "date" and value:
                parsed = parse_date(str(value))
                if parsed is None:
                    self.fail(tr("form.bad_date", value=value))
                    return
                value = parsed.isoformat()
            if name in LIST_DETAILS:
                value = [part.strip() for part in str(value).split(";") if part.strip()]
            if value != getattr(details, name):
                ops.append(edits.detail(name, value))
        try:
            self.store.commit(ops)
        except StoreError as error:
            self.fail(str(error))
            return
        self.app.schedule_checkpoint(self.store)
        self.dismiss(bool(ops))


class SettingsForm(FormScreen):
    TITLE_KEY = "form.settings"

    def more_fields(self) -> ComposeResult:
        prefs = aids_for(self.app.archive).prefs
        yield Label(tr("form.completion"), classes="form-label")
        yield Switch(prefs.completion, id="typing-completion")
        yield Label(tr("form.abbreviations"), classes="form-label")
        yield ComposedTextArea(prefs.abbreviations.to_text(), id="typing-abbreviations", classes="form-abbreviations")

    def fields(self) -> list[tuple[str, str, str]]:
        settings = self.app.archive.settings
        rows: list[tuple[str, str, str]] = []
        for name in SETTING_FIELDS:
            value = getattr(settings, name)
            shown = LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value)
            rows.append((name, tr("setting." + name), shown))
        return rows

    def action_save(self) -> None:
        values = self.values()
        if values["language"].strip() not in LANGUAGES:
            self.fail(tr("form.bad_language", choices=", ".join(LANGUAGES)))
            return
        theme = values["theme"].strip()
        if theme not in self.app.available_themes:
            self.fail(tr("form.bad_theme", choices=", ".join(sorted(self.app.available_themes))))
            return
        if values["tag_keys"].strip() not in TAG_KEY_CHOICES:
            self.fail(tr("form.bad_tag_keys", choices=", ".join(TAG_KEY_CHOICES)))
            return
        try:
            due_soon_days(values["due_soon_days"])
        except ValueError:
            self.fail(tr("form.bad_due_soon_days", most=MAX_DUE_SOON_DAYS))
            return
        if "{body}" not in values["closing"] and "{announcer}" not in values["closing"] and not values["closing"].strip():
            self.fail(tr("form.bad_closing"))
            return
        abbreviations, problems = Abbreviations.from_text(self.query_one("#typing-abbreviations", TextArea).text)
        if problems:
            self.fail(tr("form.bad_abbreviations", problems="; ".join(problems)))
            return
        settings: OfficeSettings = self.app.archive.settings
        old_language = settings.language
        for name, raw in values.items():
            settings = settings.with_value(name, clean_line(raw) if name != "recipients" else raw)
        try:
            self.app.archive.save_settings(settings)
            aids_for(self.app.archive).save_abbreviations(abbreviations, self.query_one("#typing-completion", Switch).value)
        except StoreError as error:
            self.fail(str(error))
            return
        self.app.apply_look(settings)
        if settings.language != old_language:
            self.app.notify(tr("form.language_later"))
        self.dismiss(True)


class DirectoryForm(MinutesModal[bool]):
    """The owner directory as editable text: ``alias = Full name`` per line, and
    known owners (learned from use) one per line below."""

    BINDINGS = keymap.bindings("form")

    def compose(self) -> ComposeResult:
        directory = self.app.archive.directory
        lines = [f"{alias} = {full}" for alias, full in directory.aliases.items()]
        lines += [owner for owner in directory.owners if owner not in directory.aliases.values()]
        editor = ComposedTextArea("\n".join(lines), id="directory-editor")
        editor.border_title = tr("form.directory")
        yield Static(tr("form.directory_help"), id="directory-help")
        yield editor
        yield Static("", id="form-error")
        yield KeysFooter()

    def action_save(self) -> None:
        aliases: dict[str, str] = {}
        owners: list[str] = []
        for number, raw in enumerate(self.query_one(TextArea).text.splitlines(), start=1):
            line = clean_line(raw)
            if not line:
                continue
            if "=" in line:
                alias, _, full = (part.strip() for part in line.partition("="))
                alias = alias.lstrip("@")
                if not alias or not full or " " in alias:
                    self.query_one("#form-error", Static).update(tr("form.bad_alias", number=number))
                    self.app.bell()
                    return
                aliases[alias] = full
            else:
                owners.append(line)
        try:
            self.app.archive.save_settings(directory=Directory(aliases=aliases, owners=owners))
        except StoreError as error:
            self.query_one("#form-error", Static).update(str(error))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
