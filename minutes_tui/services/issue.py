"""Issue the notice: the signed Word file (or the draft as it is) becomes the final version.

Two steps, so every screen and the CLI can show what will change before it does:

* :func:`plan_issue` reads the signed file (when there is one), aligns it with
  the stored notice paragraph by paragraph and word by word, and builds the
  final notice with the number and date — nothing is written;
* :func:`apply_issue` stores that notice as the meeting's issued (final)
  version; the drafts stay as earlier versions.

Issuing the same file again, or the same draft with the same number and date,
is recognised and changes nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from minutes_tui.core import edits
from minutes_tui.core.align import (
    ADDED,
    CHANGED,
    REMOVED,
    ParagraphChange,
    align,
    summary,
)
from minutes_tui.core.compiler import meeting_fingerprint
from minutes_tui.core.dates import nd30_date_line
from minutes_tui.core.directory import Directory
from minutes_tui.core.model import OfficeSettings
from minutes_tui.core.notice import BULLET, PARAGRAPH, Block, Notice
from minutes_tui.core.signed_tasks import TaskChange, follow_signed
from minutes_tui.i18n import tr
from minutes_tui.render.docx_reader import SignedDocument, read_signed
from minutes_tui.services.notices import compile_preview, current_draft
from minutes_tui.store import MeetingStore, StoreError
from minutes_tui.store.notice_store import FINAL, NoticeVersion

_BULLET_LABEL = re.compile(r"^[-–•]\s+")


@dataclass
class IssuePlan:
    """The final notice as it would be stored, and what changed on the way."""

    notice: Notice
    number: str  # "05/TB-HĐND"
    issued: date | None
    changes: list[ParagraphChange] = field(default_factory=list)  # empty when issued without a file
    signed: SignedDocument | None = None
    source: str = ""  # sha256 of the signed file, or of the frozen draft
    already_issued: bool = False  # the same file / draft is the latest issued version
    tasks: list[TaskChange] = field(default_factory=list)  # what the register takes from the signed text
    ops: list[edits.Op] = field(default_factory=list)  # the meeting edits that record it

    @property
    def counts(self) -> dict[str, int]:
        return summary(self.changes)


def issued_version(store: MeetingStore) -> NoticeVersion | None:
    """The newest issued (final) version of the meeting's notice, if any."""
    return store.notices.latest_final()


def _printed(notice: Notice) -> list[tuple[str, str]]:
    """The notice's body paragraphs as the .docx prints them, with their keys."""
    return [("title", notice.title), (notice.summary.key, notice.summary.text),
            *[(block.key, block.text) for block in notice.intro],
            *[(block.key, block.display) for block in notice.body],
            (notice.closing.key, notice.closing.text)]


def printed_paragraphs(notice: Notice) -> list[str]:
    """The notice's body paragraphs as the .docx prints them, in order (for views)."""
    return [text for _, text in _printed(notice)]


def _strip_label(block: Block, text: str) -> str:
    """The paragraph's text without its printed label ("- ", "1.", "a)")."""
    if block.label and text.startswith(block.label):
        return text[len(block.label):].lstrip()
    if block.style == BULLET:
        return _BULLET_LABEL.sub("", text)
    return text


def apply_changes(draft: Notice, changes: list[ParagraphChange]) -> Notice:
    """``draft`` with the signed text laid over it: changed paragraphs take the new
    words, removed ones go, added ones are inserted where the leader put them."""
    final = Notice.from_dict(draft.to_dict())
    blocks = {block.key: block for block in final.blocks()}
    regions: dict[str, list[Block]] = {"intro": [], "body": []}
    region = "intro"  # where an added paragraph lands: after the last stored one seen
    added = 0
    for change in changes:
        key = change.key
        if change.kind == ADDED:
            added += 1
            text = change.new
            bullet = _BULLET_LABEL.match(text) is not None
            style, label = (BULLET, "-") if bullet else (PARAGRAPH, "")
            regions[region].append(Block(f"signed:{added}", style, _BULLET_LABEL.sub("", text), label))
            continue
        if key == "title":
            final.title = change.new if change.kind != REMOVED else final.title
            continue
        block = blocks[key or ""]
        if key == final.summary.key or key == final.closing.key:
            region = "body" if key == final.closing.key else "intro"
            if change.kind == CHANGED:
                block.text = change.new
            elif change.kind == REMOVED:
                block.text = ""
            continue
        region = "intro" if any(b.key == key for b in draft.intro) else "body"
        if change.kind == REMOVED:
            continue
        if change.kind == CHANGED:
            block.text = _strip_label(block, change.new)
        regions[region].append(block)
    final.intro, final.body = regions["intro"], regions["body"]
    return final


def _number(number: str | None, draft: Notice) -> str:
    """``05`` → ``05/TB-HĐND`` with the notice's own code; a full number is kept."""
    number = (number or "").strip()
    if not number or "/" in number:
        return number
    code = draft.number.split("/", 1)[1].strip() if "/" in draft.number else ""
    return f"{number}/{code}" if code else number


def plan_issue(store: MeetingStore, settings: OfficeSettings, *, signed_path: Path | None = None,
               number: str | None = None, issued: date | None = None,
               directory: Directory | None = None, today: date | None = None) -> IssuePlan:
    """What issuing would store, and what the task register takes from it; raises a
    one-line error when the file is not this meeting's notice or the number is
    missing. Writes nothing. ``directory``: the owners a paragraph the leader added
    may name (it becomes a task when it starts with one)."""
    draft = current_draft(store) or compile_preview(store, settings).notice
    changes: list[ParagraphChange] = []
    signed: SignedDocument | None = None
    if signed_path is not None:
        signed = read_signed(signed_path)
        changes = align(_printed(draft), signed.paragraphs)
        counts = summary(changes)
        kept = counts["same"] + counts["changed"]
        if kept < max(2, (len(changes) - counts["added"]) // 2):
            raise StoreError(tr("issue.not_this_meeting", name=signed_path.name, kept=kept))
        final = apply_changes(draft, changes)
        source = hashlib.sha256(signed_path.read_bytes()).hexdigest()
        number = number or signed.number
        issued = issued or signed.issued
        if signed.recipients:
            final.recipients = [r for r in signed.recipients if not r.lower().startswith("lưu")]
    else:
        final = Notice.from_dict(draft.to_dict())
        source = hashlib.sha256(repr((draft.to_dict(), number, issued)).encode("utf-8", "surrogatepass")).hexdigest()
    full_number = _number(number, draft)
    if not full_number:
        raise StoreError(tr("issue.no_number"))
    final.number = f"Số: {full_number}"
    if issued is not None:
        final.place_date = (signed.place_date if signed is not None and signed.issued == issued and signed.place_date
                            else nd30_date_line(settings.place_name, issued))
    latest = issued_version(store)
    already = latest is not None and latest.meta.get("source") == source
    plan = IssuePlan(final, full_number, issued, changes, signed, source, already)
    if not already:
        names = [*(directory.all_names() if directory else []), *store.meeting.owners_used()]
        plan.tasks, plan.ops = follow_signed(store.meeting, changes, names=names, number=full_number,
                                             issued=issued, today=today or date.today())
    return plan


def apply_issue(store: MeetingStore, plan: IssuePlan, settings: OfficeSettings) -> NoticeVersion | None:
    """Record the plan: the register's changes (one durable, undoable commit of the
    meeting), then the notice as the issued version; None when it already is.

    The register goes first: if the version cannot be written, planning again finds
    the register already changed and does not change it twice."""
    if plan.already_issued:
        return None
    if plan.ops:
        store.commit(plan.ops)
    if any(op.get("op") == "insert" for op in plan.ops):
        # Tasks the leader added are now lines of the meeting: the issued notice was made
        # from these notes, so they do not count as "changed since the notice was issued".
        plan.notice.fingerprint = meeting_fingerprint(store.meeting, settings)
    meta: dict[str, object] = {"number": plan.number, "issued": plan.issued.isoformat() if plan.issued else "",
                               "source": plan.source}
    if plan.signed is not None:
        meta["paragraphs"] = plan.counts
        meta["tracked"] = {"insertions": plan.signed.insertions, "deletions": plan.signed.deletions}
    return store.notices.add(plan.notice, status=FINAL, meta=meta)


# -- what the notice screen shows: the issue state, the versions, a comparison ----------------


@dataclass(frozen=True)
class IssueState:
    """The newest issued version as the notice screen's banner tells it."""

    number: str  # "05/TB-HĐND"
    issued: date | None
    differs: bool  # the notes changed since the issued text was made from them


def issue_state(store: MeetingStore, settings: OfficeSettings) -> IssueState | None:
    """None while the notice has not been issued."""
    final = issued_version(store)
    if final is None:
        return None
    issued = final.meta.get("issued") or ""
    try:
        on = date.fromisoformat(issued) if issued else None
    except ValueError:
        on = None
    differs = final.notice.fingerprint != meeting_fingerprint(store.meeting, settings)
    return IssueState(str(final.meta.get("number") or final.notice.number), on, differs)


def notice_versions(store: MeetingStore) -> list[NoticeVersion]:
    """Every stored version, drafts and finals, oldest first (reads each file: call it off the UI thread)."""
    return store.notices.versions()


def compare_versions(older: NoticeVersion, newer: NoticeVersion) -> list[ParagraphChange]:
    """Version ``newer`` aligned with ``older``, paragraph by paragraph and word by word
    (as a signed file is aligned with the draft); read only, from versions already read."""
    return align(_printed(older.notice), [text for _, text in _printed(newer.notice)])
