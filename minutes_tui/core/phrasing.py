"""Sentence rules: one typed line → one sentence a leader signs as it is.

* :func:`tidy` / :func:`sentence`: single spaces, no doubled punctuation, a capital
  first letter and one full stop.
* :func:`place_owners`: the lead owner becomes the subject unless the text already
  has one; after ``Giao`` / ``Đề nghị`` / ``Yêu cầu`` / ``Thống nhất giao`` the owner
  goes after the verb; co-owners sit inside the sentence
  (``A chủ trì, phối hợp với B, C và D …``), never twice, never after the deadline.
  A decision (``Thống nhất …``) keeps its own wording and names who carries it out
  (``…; giao A thực hiện``).
* :func:`with_deadline`: the deadline is appended once, worded by its kind
  (``hoàn thành trước ngày …``, ``thực hiện thường xuyên``), unless the text says it.
* :func:`carried_over`: a task carried over from an earlier meeting is restated
  as it was given, marked ``(nhiệm vụ chuyển tiếp)`` before its full stop.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Final

from minutes_tui.core.dates import deadline_mentioned, parse_deadline
from minutes_tui.core.names import (
    Lexicon,
    inside_sentence,
    is_acronym,
    is_mixed_case,
    key,
    mentions,
)

_END: Final = ".!?…"
_SPACE_BEFORE: Final = re.compile(r"\s+([,;:.!?)])")
_SPACE_AFTER_PAREN: Final = re.compile(r"\(\s+")
_REPEATED: Final = re.compile(r"([,;:])(?:\s*[,;:])+")
_BEFORE_STOP: Final = re.compile(r"[,;:]+\s*\.(?![./])")
_TWO_DOTS: Final = re.compile(r"(?<![./])\.\.(?![./])")
_TRAILING: Final = " ,;:"


# Anything tidy() would change (checked first: most lines need nothing).
_UNTIDY: Final = re.compile(r"[ \t\n][ ,;:.!?)\t\n]|\( |[,;:] ?[,;:.]|\.\.")


def tidy(text: str) -> str:
    """Single spaces; no space before punctuation; ``,,`` / ``;;`` / ``;.`` / ``..``
    made single; ``...`` written as ``…``."""
    if not _UNTIDY.search(text):
        return text.strip()
    text = " ".join(text.split()).replace("...", "…")
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER_PAREN.sub("(", text)
    text = _REPEATED.sub(r"\1", text)
    text = _BEFORE_STOP.sub(".", text)
    return _TWO_DOTS.sub(".", text)


def sentence(text: str) -> str:
    """Tidy, capital first letter, trailing ``,;:`` dropped, ending with one full stop."""
    text = tidy(text).strip().rstrip(_TRAILING)
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in _END else text + "."


def lower_first(text: str) -> str:
    """The first word lower-cased now that a subject stands before it; an acronym or a
    mixed-case word (``UBND``, ``iOffice``) stays as typed."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if not first or is_acronym(first) or is_mixed_case(first):
        return text
    return text[0].lower() + text[1:]


def upper_first(text: str) -> str:
    """The first letter capitalised: a task's text once its owner no longer stands before it."""
    return text[:1].upper() + text[1:]


def join_names(names: Sequence[str]) -> str:
    """``A``, ``A và B``, ``A, B và C``; ``;`` between names when one holds a comma."""
    if len(names) < 2:
        return "".join(names)
    separator = "; " if any("," in name for name in names) else ", "
    return separator.join(names[:-1]) + " và " + names[-1]


def lead_clause(lead: str, others: Sequence[str]) -> str:
    """``A`` or ``A chủ trì, phối hợp với B, C và D``."""
    if not others:
        return lead
    return f"{lead} chủ trì, phối hợp với {join_names([inside_sentence(o) for o in others])}"


# -- verbs -------------------------------------------------------------------------------------
#: Verbs after which the owner is named (longest first); the text's own subject may follow.
DIRECTIVES: Final = tuple(
    tuple(key(phrase).split())
    for phrase in ("thống nhất giao", "đồng ý giao", "nhất trí giao", "thống nhất đề nghị", "giao cho", "giao",
                   "đề nghị", "yêu cầu")
)
#: "Giao ban", "giao thông" … are nouns, not the verb "giao".
_GIAO_NOUNS: Final = frozenset(key(word) for word in ("ban", "thông", "dịch", "lưu", "nhận", "đất", "khoán", "kết", "tiếp",
                                                      "thừa", "hàng"))
#: A decision keeps its wording and says who carries it out after it.
DECISION_VERBS: Final = tuple(
    tuple(key(phrase).split())
    for phrase in ("cơ bản thống nhất", "không thống nhất", "chưa thống nhất", "không đồng ý", "thống nhất",
                   "nhất trí", "đồng ý", "chấp thuận", "thông qua", "tán thành", "cho chủ trương")
)


def _opening(text: str, phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many words of ``text`` a phrase of ``phrases`` takes, 0 if none."""
    words = tuple(word.strip(",;:") for word in key(" ".join(text.split(maxsplit=4)[:4])).split())
    for phrase in phrases:
        if words[: len(phrase)] == phrase:
            if phrase == (key("giao"),) and words[1:2] and words[1] in _GIAO_NOUNS:
                return 0
            return len(phrase)
    return 0


def _split_words(text: str, count: int) -> tuple[str, str]:
    words = text.split(" ")
    return " ".join(words[:count]), " ".join(words[count:])


_PARTNERS: Final = re.compile(r"phối hợp với ", re.IGNORECASE)


def _merge_partners(text: str, others: Sequence[str]) -> str:
    """Add the co-owners the text leaves out to the list it already has after
    "phối hợp với"; left as typed when that list cannot be read."""
    match = _PARTNERS.search(text)
    if match is None:
        return text
    position = end = match.end()
    found: list[str] = []
    while True:
        rest = key(text[position:])
        name = next((o for o in others if o not in found and re.match(re.escape(key(o)) + r"(?!\w)", rest)), None)
        if name is None:
            break
        found.append(name)
        position = end = position + len(name)
        joiner = re.match(r"(?:, |; | và )", text[position:])
        if joiner is None:
            break
        position += joiner.end()
    if not found:
        return text
    names = found + [o for o in others if o not in found and not mentions(text, o)]
    return text[: match.end()] + join_names([inside_sentence(o) for o in names]) + text[end:]


def _with_partners(text: str, after_words: int, others: Sequence[str]) -> str:
    """Co-owners the text does not name, put inside the sentence after its lead."""
    missing = [o for o in others if not mentions(text, o)]
    if not missing:
        return text
    if "phối hợp" in key(text):
        return _merge_partners(text, others)
    head, rest = _split_words(text, after_words)
    clause = f"chủ trì, phối hợp với {join_names([inside_sentence(o) for o in missing])}"
    return f"{head} {clause} {rest}".rstrip()


def _lead_position(text: str, lead: str, lexicon: Lexicon) -> int | None:
    """Words up to and including the lead's name when the text names it, else None."""
    subject = lexicon.known(text)
    if subject is not None and subject.name is not None and key(subject.name) == key(lead):
        return subject.words
    # key() keeps the length of single-spaced NFC text, so a match's offset counts its words
    found = re.search(rf"(?:^| ){re.escape(key(lead))}(?=$|[ ,;:])", key(text))
    if found is None:
        return None
    return key(text)[: found.end()].count(" ") + 1


def place_owners(text: str, owners: Sequence[str], lexicon: Lexicon) -> tuple[str, bool]:
    """``text`` with its owners placed; True when an assignment (``; giao A thực
    hiện``) was appended, so a deadline follows it with a comma."""
    if not owners:
        return text, False
    lead, others = owners[0], list(owners[1:])
    verb_words = _opening(text, DIRECTIVES)
    if verb_words:
        verb, rest = _split_words(text, verb_words)
        if not rest:
            return f"{verb} {inside_sentence(lead_clause(lead, others))}", False
        if lexicon.subject(rest) is None:
            return f"{verb} {_subject_before(rest, lead, others)}", False
        position = _lead_position(rest, lead, lexicon)
        if position is not None and others:
            return f"{verb} {_with_partners(rest, position, others)}", False
        return text, False
    position = _lead_position(text, lead, lexicon)
    if position is not None:
        return (_with_partners(text, position, others) if others else text), False
    if lexicon.subject(text) is not None:
        return text, False  # the text has its own subject: it keeps it
    inner = _inner_directive(text, lexicon)
    if inner is not None:  # "Thống nhất …; giao hoàn chỉnh …": the owner after that "giao"
        head, verb, rest = text[:inner], *_split_words(text[inner:], _opening(text[inner:], DIRECTIVES))
        return f"{head}{verb} {_subject_before(rest, lead, others)}", False
    if _opening(text, DECISION_VERBS):
        return f"{text.rstrip(_TRAILING + '.')}; giao {inside_sentence(lead_clause(lead, others))} thực hiện", True
    return _subject_before(text, lead, others), False


_INNER_VERB: Final = re.compile(r"[;,] (?=(?:giao|đề nghị|yêu cầu) )", re.IGNORECASE)


def _inner_directive(text: str, lexicon: Lexicon) -> int | None:
    """Where a later clause opens with a directive verb that names no one yet."""
    for match in reversed(list(_INNER_VERB.finditer(text))):
        clause = text[match.end() :]
        words = _opening(clause, DIRECTIVES)
        rest = _split_words(clause, words)[1]
        if words and rest and lexicon.subject(rest) is None:
            return match.end()
    return None


def _subject_before(text: str, lead: str, others: Sequence[str]) -> str:
    """``<lead> [chủ trì, phối hợp với …] <text>``; partners the text already lists
    after its own "phối hợp với" are merged there instead of said twice."""
    if "phối hợp" in key(text):
        merged = _merge_partners(lower_first(text), others)
        return f"{inside_sentence(lead)} {merged}"
    missing = [o for o in others if not mentions(text, o)]
    return f"{inside_sentence(lead_clause(lead, missing))} {lower_first(text)}"


_FINISH: Final = "hoàn thành "


def with_deadline(text: str, typed: str, meeting_date: date | None, *, after_assignment: bool = False,
                  finishing: bool = False) -> str:
    """``text`` ending with its deadline clause, unless it already says the deadline.

    ``finishing``: the sentence's own verb is "hoàn thành", so the clause does not
    say it again (``… hoàn thành hồ sơ trước ngày 30/11/2027``)."""
    if not typed.strip():
        return text
    deadline = parse_deadline(typed, meeting_date)
    if deadline_mentioned(text, deadline, meeting_date):
        return text
    text = text.rstrip(_TRAILING + ".")
    clause = deadline.clause
    if finishing and clause.startswith(_FINISH) and not after_assignment:
        return f"{text} {clause[len(_FINISH):]}"
    joiner = ", " if after_assignment else "; "
    return f"{text}{joiner}{clause}"


def action_sentence(text: str, owners: Sequence[str], deadline: str, meeting_date: date | None,
                    lexicon: Lexicon) -> str:
    """A task or decision as the notice says it: owners placed, deadline once, one stop."""
    text = tidy(text).rstrip(_TRAILING)
    placed, assigned = place_owners(text, owners, lexicon)
    finish = key(_FINISH) + " "
    # the sentence's own verb is "hoàn thành": typed first, or right after its owner
    finishing = key(text).startswith(finish) or bool(owners) and f"{key(owners[0])} {finish}" in key(placed)
    return sentence(with_deadline(placed, deadline, meeting_date, after_assignment=assigned, finishing=finishing))


#: The mark of a task carried over from an earlier meeting (``Line.ref``), as an office's
#: tracking table and its notices say it.
CARRIED_NOTE: Final = "nhiệm vụ chuyển tiếp"


def carried_over(text: str) -> str:
    """A carried task's sentence marked ``(nhiệm vụ chuyển tiếp)`` before its stop; inside
    a closing parenthesis already there (``(theo Kế hoạch số 12/KH-UBND; nhiệm vụ chuyển
    tiếp)``); unchanged when the sentence already says it is carried over."""
    if key("chuyển tiếp") in key(text):
        return text
    body = text.rstrip()
    stop = "."
    if body.endswith("."):
        body = body[:-1].rstrip()
    if body.endswith(")"):
        return f"{body[:-1].rstrip(_TRAILING)}; {CARRIED_NOTE}){stop}"
    return f"{body} ({CARRIED_NOTE}){stop}"
