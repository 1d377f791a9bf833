"""The task register follows the signed notice (pure).

After the leader edits and signs, the aligned paragraphs (``core.align``) say
what happened to each task paragraph:

* removed → the task is cancelled ("bỏ trong thông báo đã ký");
* changed deadline (a date or period phrase that differs) → the deadline moves,
  kept in the task's history with that reason;
* reworded → the task takes the signed wording (``FollowUp.issued_text``; the
  meeting's notes stay as typed);
* a paragraph the leader added → a new task when it starts with an owner the
  office knows (``Giao``/``Đề nghị``/``Yêu cầu`` + owner counts too), else it is
  listed as flagged — never dropped silently;
* every task of the meeting takes the notice number and date.

Everything is returned as edits of the meeting plus a list a person can read,
and it is idempotent: planned again after it was applied, it changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from minutes_tui.core import edits, followup
from minutes_tui.core.align import ADDED, CHANGED, REMOVED, ParagraphChange
from minutes_tui.core.dates import parse_deadline
from minutes_tui.core.followup import DeadlineChange, ProgressNote, Status
from minutes_tui.core.model import Kind, Line, Meeting
from minutes_tui.core.phrasing import upper_first
from minutes_tui.core.tasks import Task, tasks_of
from minutes_tui.core.text import fold

Op = edits.Op

DEADLINE_CHANGED: Final = "deadline"
REWORDED: Final = "reworded"
OWNERS_CHANGED: Final = "owners"
CANCELLED: Final = "cancelled"
ADDED_TASK: Final = "added"
FLAGGED: Final = "flagged"
#: The reason written in a task's history when the signed notice changed it.
SIGNED_REASON: Final = "Sửa trong thông báo đã ký"
DROPPED_NOTE: Final = "Bỏ trong thông báo đã ký"

# Deadline phrases as a notice writes them (matched on folded text).
_DEADLINE = re.compile(
    r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?"
    r"|thang\s+\d{1,2}(?:\s*(?:/|nam)\s*\d{4})?"
    r"|quy\s+(?:iv|iii|ii|i|[1-4])\b(?:\s*(?:/|nam)\s*\d{4})?"
    r"|6\s+thang\s+(?:dau|cuoi)\s+nam(?:\s+\d{4})?"
    r"|cuoi\s+nam(?:\s+\d{4})?"
)
# The deadline clause the compiler appends: "; hoàn thành trước ngày …", "; thực hiện …".
_CLAUSE = re.compile(r";\s*(?:hoàn thành|thực hiện|báo cáo)[^;]*$", re.IGNORECASE)
_LABEL = re.compile(r"^[-–•]\s+")
_DIRECTIVES: Final = ("giao", "de nghi", "yeu cau", "thong nhat giao")
_PARTNERS: Final = "chu tri, phoi hop voi "
_NAME_BREAK = re.compile(r"^\s*(?:[,;]\s*|\s+va\s+)")


@dataclass(frozen=True)
class TaskChange:
    """One change the signed notice makes to the register, as a person reads it."""

    kind: str
    task_id: str | None
    before: str
    after: str


def deadline_phrases(text: str) -> list[str]:
    """The deadline phrases of ``text``, in order, in their folded form."""
    return [" ".join(match.group(0).split()) for match in _DEADLINE.finditer(fold(text))]


def _original_phrases(text: str) -> list[str]:
    """The same phrases as written (accents kept), for the history."""
    folded = fold(text)
    if len(folded) != len(text):  # folding changed the length (đ, combining marks): use the folded
        return deadline_phrases(text)
    return [" ".join(text[m.start():m.end()].split()) for m in _DEADLINE.finditer(folded)]


def _sentence(paragraph: str) -> str:
    return _LABEL.sub("", paragraph.strip())


def _wording(paragraph: str) -> str:
    """A task paragraph without its label, deadline clause and stop: what the task says."""
    text = _sentence(paragraph).rstrip(". ")
    return _CLAUSE.sub("", text).strip()


def _without_deadlines(text: str) -> str:
    return " ".join(_DEADLINE.sub(" ", fold(_wording(text))).split())


def _name_at(folded: str, names: Iterable[str]) -> str | None:
    """The longest of ``names`` that ``folded`` starts with as whole words."""
    for name in sorted(names, key=len, reverse=True):
        key = fold(name)
        if key and folded.startswith(key) and (len(folded) == len(key) or not folded[len(key)].isalnum()):
            return name
    return None


def _owner_at_start(sentence: str, names: Iterable[str]) -> tuple[str, str] | None:
    """(owner, rest) when ``sentence`` starts with a known name, or with a directive
    verb followed by one; longest name first."""
    known = list(names)
    folded = fold(sentence)
    for lead in ("", *(f"{directive} " for directive in _DIRECTIVES)):
        if not folded.startswith(lead):
            continue
        if (name := _name_at(folded[len(lead):], known)) is not None:
            return name, sentence[len(lead) + len(name):].lstrip(" ,:")
    return None


def split_owners(sentence: str, names: Iterable[str]) -> tuple[list[str], str]:
    """(owners, what they are to do) of a task sentence as the notice words it:
    ``[Giao] A [chủ trì, phối hợp với B, C và D] <text>``; partners are the known
    names listed after "phối hợp với". No known owner first: ``([], sentence)``."""
    known = list(names)
    found = _owner_at_start(sentence, known)
    if found is None:
        return [], sentence
    lead, rest = found
    owners = [lead]
    folded = fold(rest)
    if folded.startswith(_PARTNERS) and len(folded) == len(rest):  # positions agree: cut the original text
        position = len(_PARTNERS)
        partners: list[str] = []
        while (name := _name_at(folded[position:], known)) is not None:
            partners.append(name)
            position += len(fold(name))
            separator = _NAME_BREAK.match(folded[position:])
            if separator is None:
                break
            position += separator.end()
        if partners:
            owners += [name for name in partners if fold(name) not in {fold(o) for o in owners}]
            rest = rest[position:].lstrip(" ,;")
    return owners, upper_first(rest)


def follow_signed(meeting: Meeting, changes: Sequence[ParagraphChange], *, names: Iterable[str],
                  number: str, issued: date | None, today: date) -> tuple[list[TaskChange], list[Op]]:
    """What the signed text does to the tasks of ``meeting``: (changes to list, edits to commit)."""
    on = max(issued or today, meeting.details.meeting_date or date.min)
    tasks = {task.id: task for task in tasks_of(meeting)}
    lines = {line.id: line for line in meeting.lines}
    known = list(dict.fromkeys(names))
    listed: list[TaskChange] = []
    ops: list[Op] = []
    new_ids: list[str] = []
    insert_at = len(meeting.lines)
    for change in changes:
        line_id = change.key[len("line:"):] if change.key and change.key.startswith("line:") else None
        if line_id in lines:
            insert_at = meeting.index_of(line_id) + 1
        task = tasks.get(line_id or "")
        if change.kind == ADDED:
            line = _added_task(change.new, known)
            if line is None:
                listed.append(TaskChange(FLAGGED, None, "", _sentence(change.new)))
            elif not _already_there(meeting, line):  # planned again after it was applied: nothing
                ops.append(edits.insert(line, insert_at + len(new_ids)))
                new_ids.append(line.id)
                listed.append(TaskChange(ADDED_TASK, line.id, "", _sentence(change.new)))
            continue
        if task is None:
            continue
        if change.kind == REMOVED:
            if task.status is not Status.CANCELLED:
                ops += [followup.add(task.id, "progress", ProgressNote(on, DROPPED_NOTE, Status.CANCELLED.value)),
                        followup.changes(task.id, status=Status.CANCELLED, status_date=on)]
                listed.append(TaskChange(CANCELLED, task.id, task.text, ""))
        elif change.kind == CHANGED:
            ops += _changed(task, change, on, listed, known)
    for task_id in [*tasks, *new_ids]:
        task = tasks.get(task_id)
        if task is None or (task.notice, task.followup.notice_date) != (number, issued):
            ops.append(followup.changes(task_id, notice=number, notice_date=issued))
    return listed, ops


def _changed(task: Task, change: ParagraphChange, on: date, listed: list[TaskChange], names: list[str]) -> list[Op]:
    ops: list[Op] = []
    before, after = deadline_phrases(change.old), deadline_phrases(change.new)
    if after and before != after:
        typed = _original_phrases(_sentence(change.new))[-1]
        current = task.deadline_on()
        moved = parse_deadline(typed, on)
        if moved.understood and (current is None or moved.due != current.due):
            ops.append(followup.add(task.id, "deadlines",
                                    DeadlineChange(on, typed, SIGNED_REASON, task.deadline_text())))
            listed.append(TaskChange(DEADLINE_CHANGED, task.id, task.deadline_text(), typed))
    if _without_deadlines(change.old) != _without_deadlines(change.new):
        # The paragraph names its owners first ("Công an xã chủ trì, phối hợp với …"):
        # the task's text is what follows them, and partners the leader added join it.
        owners, wording = split_owners(_wording(change.new), [*names, *task.owners])
        if owners and [fold(o) for o in owners] != [fold(o) for o in task.owners]:
            ops.append(followup.changes(task.id, issued_owners=owners))
            listed.append(TaskChange(OWNERS_CHANGED, task.id, ", ".join(task.owners), ", ".join(owners)))
        if wording and fold(wording) != fold(task.text):
            ops.append(followup.changes(task.id, issued_text=wording))
            listed.append(TaskChange(REWORDED, task.id, task.text, wording))
    return ops


def _added_task(paragraph: str, names: list[str]) -> Line | None:
    """A paragraph the leader added, as a task line when it names a known owner first."""
    sentence = _sentence(paragraph)
    found = _owner_at_start(sentence, names)
    if found is None:
        return None
    owners, rest = split_owners(_wording(sentence), names)
    phrases = _original_phrases(sentence)
    return Line(Kind.TASK, rest or _wording(sentence), owners, phrases[-1] if phrases else "")


def _already_there(meeting: Meeting, line: Line) -> bool:
    return any(other.kind is Kind.TASK and fold(other.text) == fold(line.text) and other.owners[:1] == line.owners[:1]
               for other in meeting.lines)
