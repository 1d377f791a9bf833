"""Typing less during the meeting: the use cases behind the capture input's offers.

* :meth:`TypingAids.build` (a worker) brings the completion index up to date
  and counts the phrase model from the newest meetings; :meth:`TypingAids.install`
  (UI thread) puts it in use, and :meth:`TypingAids.learn_line` adds each
  committed line at once.
* :func:`offered_details` — what a new meeting is offered from the last meeting
  of its body, or from the template it was started from.
* Abbreviations, templates and the completion switch live in
  ``store/typing_prefs.py``; the ``save_*`` functions write them.

One :class:`TypingAids` per archive (:func:`aids_for`); screens call it, never the store.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from minutes_tui.core.abbreviations import AbbrCommand, Abbreviations
from minutes_tui.core.carryover import Template, carried, pending, shift_periods
from minutes_tui.core.completion import (
    Context,
    PhraseModel,
    frecency,
    line_tokens,
    marker,
)
from minutes_tui.core.dates import ONGOING, parse_date, parse_deadline
from minutes_tui.core.model import DETAIL_FIELDS, Kind, Line, Meeting, MeetingDetails
from minutes_tui.core.text import fold
from minutes_tui.i18n import tr
from minutes_tui.store import Archive, MeetingStore, StoreError
from minutes_tui.store.completion_index import CompletionIndex, Entry
from minutes_tui.store.typing_prefs import TypingPrefs, load_prefs, save_prefs

#: Words the phrase model is counted from, newest meetings first (a few years of one body's meetings).
MAX_MODEL_TOKENS: Final = 250_000
#: Meetings whose deadlines are offered (shifted to the new meeting's date).
DEADLINE_MEETINGS: Final = 24
MAX_DEADLINES: Final = 40
#: Meetings looked at, newest first, for the last one of the same body.
CARRY_LOOKBACK: Final = 40
#: Details whose wording is learned as phrases (``/purpose đánh giá kết quả …``).
LEARNED_DETAILS: Final = ("purpose", "heard", "absent", "title", "kind", "attend")
#: Every command the input completes after ``/``.
COMMAND_NAMES: Final = (*DETAIL_FIELDS, "set", "alias", "abbr")


@dataclass
class Learned:
    """What a build produced; handed from the worker to the UI thread whole."""

    model: PhraseModel
    owner_uses: list[tuple[str, int]] = field(default_factory=list)
    deadline_uses: list[tuple[str, date]] = field(default_factory=list)
    lines: int = 0
    meetings: int = 0
    read: int = 0  # meetings read from their files (the rest came from the side file)
    seconds: float = 0.0


def _day(entry: Entry) -> int:
    parsed = parse_date(entry.date) if entry.date else None
    if parsed is not None:
        return parsed.toordinal()
    return date.fromtimestamp(entry.created).toordinal() if entry.created > 0 else date.today().toordinal()


def learn_entries(entries: Iterable[Entry], budget: int = MAX_MODEL_TOKENS) -> Learned:
    """Count the phrase model from the newest entries within ``budget`` words;
    owners and deadlines from all of them (pure: tested without a store)."""
    ordered = sorted(entries, key=lambda e: (_day(e), e.created), reverse=True)
    chosen: list[Entry] = []
    words = 0
    for entry in ordered:
        if words >= budget:
            break
        chosen.append(entry)
        words += sum(len(str(row[1]).split()) + len(row[2]) for row in entry.lines)
    model = PhraseModel()
    lines = 0
    for entry in reversed(chosen):  # oldest first: among equals the newest spelling wins
        for name in LEARNED_DETAILS:
            value = entry.details.get(name)
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str) and text.strip():
                    model.learn(marker("/" + name), text.split(), prefixes=False)
        for paragraph in entry.notice:
            model.learn(marker("notice"), paragraph.split(), prefixes=False)
        for kind, text, owners, _deadline in entry.lines:
            model.learn(marker(str(kind)), line_tokens(str(text), [str(o) for o in owners]), prefixes=False)
            lines += 1
    model.index_words()
    learned = Learned(model, lines=lines, meetings=len(chosen))
    for number, entry in enumerate(ordered):
        day = _day(entry)
        for _kind, _text, owners, deadline in entry.lines:
            learned.owner_uses.extend((str(owner), day) for owner in owners)
            if deadline and number < DEADLINE_MEETINGS:
                learned.deadline_uses.append((str(deadline), date.fromordinal(day)))
    return learned


def ranked_deadlines(uses: Iterable[tuple[str, date]], on: date) -> list[str]:
    """Deadlines offered at a meeting ``on``: those of recent meetings still to
    come, and each moved by as many months as lie between its meeting and this one."""
    candidates: list[tuple[str, int]] = []
    for text, said in uses:
        for moved in {text, shift_periods(text, said, on)}:
            deadline = parse_deadline(moved, on)
            if deadline.kind == ONGOING or (deadline.due is not None and deadline.due >= on):
                candidates.append((moved, said.toordinal()))
    return frecency(candidates, on.toordinal())[:MAX_DEADLINES]


class TypingAids:
    """The typing aids of one archive: prefs, the learned model, offers per meeting."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.prefs, self.warnings = load_prefs(archive.root, readonly=archive.readonly)
        self.learned: Learned | None = None
        self.index = CompletionIndex(archive.root, persist=not archive.readonly)
        self._build_lock = threading.Lock()
        #: Details offered to each meeting (carried over or from a template), by meeting id.
        self.offers: dict[str, dict[str, list[str]]] = {}
        #: The template a meeting was started from, by meeting id.
        self.templates: dict[str, Template] = {}
        self._owners: list[str] = []
        self._deadlines: tuple[date, list[str]] | None = None
        self._learned_ids: set[str] = set()
        #: Changes whenever what an offer may draw on changes (caches key on it).
        self.version = 0

    # -- prefs ------------------------------------------------------------------------
    @property
    def abbreviations(self) -> Abbreviations:
        return self.prefs.abbreviations

    def _save(self, prefs: TypingPrefs) -> None:
        if self.archive.readonly:
            raise StoreError(tr("store.readonly"))
        save_prefs(self.archive.root, prefs)  # written first: a refused write changes nothing
        self.prefs = prefs

    def save_abbreviation(self, command: AbbrCommand) -> None:
        """``/abbr key full`` (an empty ``full`` removes ``key``)."""
        prefs = self.prefs
        self._save(TypingPrefs(prefs.abbreviations.with_entry(command.key, command.full), prefs.templates,
                               prefs.completion))

    def save_abbreviations(self, abbreviations: Abbreviations, completion: bool) -> None:
        self._save(TypingPrefs(abbreviations, self.prefs.templates, completion))

    def save_template(self, name: str, details: MeetingDetails) -> Template:
        template = Template.of(name, details)
        if not template.name:
            raise StoreError(tr("store.template_name"))
        if not template.details:
            raise StoreError(tr("store.template_empty"))
        self._save(self.prefs.with_template(template))
        return template

    # -- the completion model -----------------------------------------------------------
    def build(self, live: Mapping[str, Meeting], current: str | None) -> Learned:
        """Bring the side file up to date and count the model (worker thread).

        The meeting being typed (``current``) is left out: its lines are learned
        from memory by :meth:`install` and :meth:`learn_line`.
        """
        started = time.perf_counter()
        with self._build_lock:
            entries = self.index.refresh(live, frozenset({current}) if current else frozenset())
            learned = learn_entries(entry for mid, entry in entries.items() if mid != current)
            learned.read = self.index.rebuilt
        learned.seconds = time.perf_counter() - started
        return learned

    def install(self, learned: Learned, current: Meeting | None) -> None:
        """Use ``learned`` from now on (UI thread); the current meeting's lines join it."""
        self.learned = learned
        self.version += 1
        self._learned_ids = set()
        self._owners = frecency(learned.owner_uses, date.today().toordinal())
        self._deadlines = None
        if current is not None:
            for line in current.lines:
                self.learn_line(line)

    def learn_line(self, line: Line) -> None:
        """A line just committed: its phrasing and owners are offered from the next key on."""
        if self.learned is None or line.id in self._learned_ids:
            return
        self._learned_ids.add(line.id)
        self.version += 1
        self.learned.model.learn(marker(line.kind.value), line_tokens(line.text, line.owners))
        if line.owners:
            known = {fold(owner) for owner in line.owners}
            self._owners = [*line.owners, *(o for o in self._owners if fold(o) not in known)]

    def owners(self) -> list[str]:
        """Owners ranked by recency and frequency, then the directory's other names."""
        ranked = list(self._owners)
        known = {fold(name) for name in ranked}
        ranked += [name for name in self.archive.directory.all_names() if fold(name) not in known]
        return ranked

    def deadlines(self, on: date) -> list[str]:
        if self.learned is None:
            return []
        if self._deadlines is None or self._deadlines[0] != on:
            self._deadlines = (on, ranked_deadlines(self.learned.deadline_uses, on))
        return self._deadlines[1]

    def context(self, meeting: Meeting, kind: Kind | None) -> Context:
        """Everything a suggestion for ``meeting`` may use (UI thread; no disk)."""
        on = meeting.details.meeting_date or date.today()
        offers = pending(self.offers.get(meeting.id, {}), meeting.details)
        return Context(
            model=self.learned.model if self.learned else None,
            kind=(kind or Kind.NOTE).value,
            owners=self.owners(),
            deadlines=self.deadlines(on),
            commands=offers,
            command_names=COMMAND_NAMES,
        )


def offered_details(archive: Archive, aids: TypingAids, meeting: Meeting,
                    live: Mapping[str, MeetingStore] | None = None) -> dict[str, list[str]]:
    """The details offered to ``meeting`` (worker thread): from the template it
    was started from, else from the last meeting of its body (of any body when
    it has none yet), periods moved to its date (today when it has none)."""
    on = meeting.details.meeting_date or date.today()
    template = aids.templates.get(meeting.id)
    if template is not None:
        return template.offered(on)
    previous = previous_details(archive, meeting, live or {})
    return carried(previous, on) if previous is not None else {}


def previous_details(archive: Archive, meeting: Meeting, live: Mapping[str, MeetingStore]) -> MeetingDetails | None:
    """The details of the newest other meeting of the same body (any body when
    ``meeting`` has none), looking back at most :data:`CARRY_LOOKBACK` meetings."""
    body = fold(meeting.details.body)
    for summary in archive.list()[:CARRY_LOOKBACK]:
        if summary.id == meeting.id:
            continue
        try:
            if summary.id in live:
                details = live[summary.id].meeting.details
            else:
                details = MeetingStore.open(archive.meetings_path, summary.id, readonly=True).meeting.details
        except StoreError:
            continue
        if not any(getattr(details, name) for name in ("body", "kind", "place", "chair")):
            continue
        if not body or fold(details.body) == body:
            return details
    return None


_AIDS: weakref.WeakKeyDictionary[Archive, TypingAids] = weakref.WeakKeyDictionary()


def aids_for(archive: Archive) -> TypingAids:
    """The one :class:`TypingAids` of ``archive``."""
    aids = _AIDS.get(archive)
    if aids is None:
        aids = _AIDS[archive] = TypingAids(archive)
    return aids
