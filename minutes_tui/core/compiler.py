"""Meeting + office settings → :class:`Notice` (a pure function).

The entry point is :func:`compile_notice`. The rules live in small modules, each
with one job: ``phrasing`` (a line → a sentence), ``outline`` (numbered sections),
``framing`` (trích yếu, opening, closing), ``signature`` (who signs),
``recipients`` (Nơi nhận), ``letterhead`` (header lines, date line).
"""

from __future__ import annotations

import functools
import hashlib
import json
from datetime import date

from minutes_tui.core.framing import (
    closing_text,
    intro_texts,
    issuer_name,
    summary_text,
)
from minutes_tui.core.letterhead import date_line, header_text, issue_date
from minutes_tui.core.model import Kind, Line, Meeting, OfficeSettings
from minutes_tui.core.names import Lexicon
from minutes_tui.core.notice import PARAGRAPH, Block, Notice
from minutes_tui.core.outline import OutlineBuilder, heading_labels, letter
from minutes_tui.core.phrasing import (
    action_sentence,
    carried_over,
    lower_first,
    sentence,
)
from minutes_tui.core.recipients import recipients
from minutes_tui.core.signature import authority_lines, signature_of

__all__ = ["compile_notice", "heading_labels", "letter", "line_sentence", "lower_first", "meeting_fingerprint",
           "notice_lexicon"]


def fingerprint(*parts: object) -> str:
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    # surrogatepass: a fingerprint must never fail, whatever text reached the model
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def line_fingerprint(line: Line) -> str:
    return _line_print(line.kind.value, line.text, tuple(line.owners), line.deadline, line.ref)


@functools.lru_cache(maxsize=50_000)
def _line_print(kind: str, text: str, owners: tuple[str, ...], deadline: str, ref: str) -> str:
    # Cached: the notice screen asks whether its notice is stale at every visit,
    # and hashing 2,000 unchanged lines again cost more than the rest of opening it.
    if ref:  # only then: the notices of meetings without carried tasks stay current
        return fingerprint(kind, text, list(owners), deadline, ref)
    return fingerprint(kind, text, list(owners), deadline)


def meeting_fingerprint(meeting: Meeting, settings: OfficeSettings, prints: dict[str, str] | None = None) -> str:
    """Changes whenever anything the notice is compiled from changes (``prints``: the
    lines' fingerprints when already computed)."""
    prints = prints if prints is not None else {line.id: line_fingerprint(line) for line in meeting.lines}
    lines = [(line.id, prints[line.id]) for line in meeting.lines]
    return fingerprint(meeting.details.to_dict(), lines, notice_settings(settings))


#: Settings that change how the app looks or exports, never a word of the notice:
#: changing them must not mark a stored notice as out of date.
UI_ONLY_SETTINGS = frozenset({"language", "theme", "tag_keys", "pdf_a"})


def notice_settings(settings: OfficeSettings) -> dict[str, object]:
    """The settings a notice is compiled from."""
    return {name: value for name, value in settings.to_dict().items() if name not in UI_ONLY_SETTINGS}


def notice_lexicon(meeting: Meeting, settings: OfficeSettings) -> Lexicon:
    """Every name the notice knows: owners, recipients, the offices, the body."""
    return Lexicon([*meeting.owners_used(), *settings.recipients, settings.announcer, meeting.details.body,
                    issuer_name(settings)])


def line_sentence(line: Line, meeting_date: date | None, lexicon: Lexicon) -> str:
    """The sentence a line becomes in the notice (and in the biên bản's conclusions); a task
    carried over from an earlier meeting is restated as such."""
    if line.kind in (Kind.TASK, Kind.DECISION):
        text = action_sentence(line.text, line.owners, line.deadline, meeting_date, lexicon)
        return carried_over(text) if line.ref else text
    return sentence(line.text)


def compile_notice(meeting: Meeting, settings: OfficeSettings, issued: date | None = None, *,
                   blank_date: bool | None = None) -> Notice:
    """The notice for ``meeting`` under the office ``settings`` (pure).

    ``issued`` is the date printed in the date line (the day it is exported, or the
    day the office gives); never earlier than the meeting. Without it, or when the
    office prefers a blank date line (``date_line`` setting, overridden by
    ``blank_date``), the day, month and year are left blank to be written in.
    """
    details = meeting.details
    meeting_date = details.meeting_date
    lexicon = notice_lexicon(meeting, settings)
    signature = signature_of(settings.authority, settings.signer_title)
    details_print = fingerprint(details.to_dict(), settings.authority, settings.signer_title)
    first, second = intro_texts(meeting)
    code = settings.code.strip() or "TB"
    prints = {line.id: line_fingerprint(line) for line in meeting.lines}
    builder = OutlineBuilder(lambda line: line_sentence(line, meeting_date, lexicon), lambda line: prints[line.id])
    closing_source = fingerprint(settings.closing, details.to_dict(), settings.announcer, settings.authority,
                                 settings.signer_title, settings.issuer, settings.recipients, meeting.owners_used())
    return Notice(
        parent_body=header_text(settings.parent_body),
        issuer=header_text(settings.issuer),
        number=f"Số:        /{code}",
        place_date=date_line(settings, issue_date(settings, issued, meeting_date, blank_date)),
        summary=Block("summary", PARAGRAPH, summary_text(meeting, signature), source=details_print),
        intro=[
            Block("intro", PARAGRAPH, first, source=details_print),
            Block("heard", PARAGRAPH, second, source=details_print),
        ],
        body=builder.outline(meeting),
        closing=Block("closing", PARAGRAPH, closing_text(meeting, settings, signature), source=closing_source),
        recipients=recipients(meeting, settings),
        archive=f"Lưu: {settings.archive_code.strip() or 'VT'}",
        authority=authority_lines(settings.authority),
        signer_title=settings.signer_title.upper(),
        signer_name=settings.signer_name,
        office=settings.announcer or issuer_name(settings) or details.body,
        fingerprint=meeting_fingerprint(meeting, settings, prints),
    )
