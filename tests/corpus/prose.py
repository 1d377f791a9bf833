"""What an office head would still have to correct, found in a rendered notice.

Written apart from the compiler on purpose (its own parsing of the notes, its own
rules), so that it can catch what the compiler gets wrong:

* a capitalised word in mid-sentence that the notes never wrote capitalised there;
* doubled punctuation (``;;``, ``,.``, ``; .``);
* "phối hợp với" twice in one paragraph;
* the same recipient twice in Nơi nhận (``TT`` = ``Thường trực``, ``UBND`` = ``Ủy ban nhân dân``);
* a deadline typed on a line that its paragraph does not say;
* a closing that contradicts the signature (``TL.`` needs "Thừa lệnh", nothing else may say it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy",
          "uỵ": "ụy"}
_ABBREVIATIONS = {"tt": "thường trực", "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "mttq": "mặt trận tổ quốc",
                  "pct": "phó chủ tịch"}
_EDGE = ",;:.!?()\"“”'"


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().replace("\u00a0", " ")
    for old, new in _TONES.items():
        text = text.replace(old, new)
    return " ".join(text.split())


def _recipient_key(entry: str) -> str:
    words = [w.strip(_EDGE) for w in _norm(entry).strip(" -;.").split()]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words if w)


def _words(text: str) -> set[str]:
    return {w.strip(_EDGE) for w in _norm(text).split()} - {""}


def _paragraph_of(text: str, body: list[str]) -> str | None:
    """The bullet that says most of a typed line's words (owners are added to it, so
    not all of them are contiguous any more)."""
    typed = _words(text)
    scored = [(len(typed & _words(p)), p) for p in body if p.startswith("- ")]
    best = max(scored, default=(0, None), key=lambda pair: pair[0])
    return best[1] if typed and best[0] >= 0.8 * len(typed) else None


@dataclass
class Notes:
    """The notes file read the way DESIGN.md defines the language (independently of the parser)."""

    sets: dict[str, str] = field(default_factory=dict)
    details: dict[str, list[str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    lines: list[tuple[str, str, list[str], str]] = field(default_factory=list)  # sigil, text, owners, deadline

    @classmethod
    def read(cls, text: str) -> Notes:
        notes = cls()
        for raw in text.splitlines():
            line = raw.strip()
            if line.startswith("/set "):
                name, _, value = line[5:].partition(" ")
                notes.sets[name] = value.strip()
            elif line.startswith("/alias "):
                name, _, value = line[7:].partition(" ")
                notes.aliases[name] = value.strip()
            elif line.startswith("/"):
                name, _, value = line[1:].partition(" ")
                notes.details.setdefault(name, []).append(value.strip())
            elif line[:1] in "+!>=#" and line:
                sigil, _, body = line.partition(" ")
                parts = re.split(r" ([@^])", body)
                owners = [notes.aliases.get(parts[i + 1].strip(), parts[i + 1].strip())
                          for i in range(1, len(parts) - 1, 2) if parts[i] == "@"]
                deadline = next((parts[i + 1].strip() for i in range(1, len(parts) - 1, 2) if parts[i] == "^"), "")
                notes.lines.append((sigil, parts[0].strip(), owners, deadline))
        return notes

    def name_sources(self) -> list[str]:
        """Text in which every word is written as the office writes it."""
        sources = [o for _, _, owners, _ in self.lines for o in owners]
        sources += [deadline for _, _, _, deadline in self.lines]
        sources += [v for values in self.details.values() for v in values]
        sources += [self.sets.get(k, "") for k in ("announcer", "recipients", "signer_name")]
        sources += list(self.aliases.values())
        return sources

    def typed_texts(self) -> list[str]:
        return [text for _, text, _, _ in self.lines]


def _tokens(text: str) -> list[str]:
    return [t.strip(_EDGE) for t in text.replace("\u00a0", " ").split()]


def _allowed_capitals(notes: Notes) -> set[tuple[str, str]]:
    """(word, next word) pairs the notes write with a capital where it is not a sentence start."""
    allowed: set[tuple[str, str]] = set()

    def add(text: str, first: int) -> None:
        words = _tokens(text)
        for i in range(first, len(words)):
            if words[i][:1].isupper():
                allowed.add((words[i], words[i + 1] if i + 1 < len(words) else ""))

    for source in notes.name_sources():
        add(source, 0)
    for text in notes.typed_texts():
        add(text, 1)
    for line in re.split(r"[|\n]", notes.sets.get("authority", "")):  # "TL. CHỦ TỊCH" → "Chủ tịch"
        title = " ".join(line.split()[1:]).lower()
        add(title[:1].upper() + title[1:], 0)
    return allowed


def capitalised_mid_sentence(paragraph: str, allowed: set[tuple[str, str]]) -> list[str]:
    text = paragraph.replace("\u00a0", " ")
    text = re.sub(r"^(?:- |\d+\. |[a-zđ]\) )", "", text)
    problems = []
    for sentence in re.split(r"(?<=[.:!?])\s+", text):
        words = sentence.split()
        for i in range(1, len(words)):
            word = words[i].strip(_EDGE)
            if not word[:1].isupper() or word.isupper() or any(ch.isdigit() for ch in word):
                continue  # lower case, an acronym / Roman numeral, or a code
            following = words[i + 1].strip(_EDGE) if i + 1 < len(words) else ""
            if (word, following) not in allowed and (word, "") not in allowed:
                problems.append(f"capitalised mid-sentence: '{' '.join(words[max(0, i - 3) : i + 2])}'")
    return problems


_DOUBLED = re.compile(r"[,;:]\s*[,;:.]|(?<![./…])\.\s*[,;.](?!/)")


def doubled_punctuation(paragraph: str) -> list[str]:
    text = paragraph.replace("./.", "").replace("…", "")
    return [f"doubled punctuation: {m.group(0)!r} in '{paragraph[:60]}'" for m in _DOUBLED.finditer(text)]


def _deadline_said(deadline: str, paragraph: str) -> bool:
    text = _norm(paragraph)
    wanted = _norm(deadline)
    if m := re.search(r"ngày (\d{1,2}) tháng (\d{1,2})", wanted):
        return re.search(rf"(?<!\d)0?{int(m[1])}/0?{int(m[2])}(?!\d)", text) is not None
    if m := re.search(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})(?!\d)", wanted):
        day, month = int(m[1]), int(m[2])
        return re.search(rf"(?<!\d)0?{day}/0?{month}(?!\d)", text) is not None
    if m := re.search(r"tháng (\d{1,2})", wanted):
        return re.search(rf"tháng 0?{int(m[1])}(?!\d)", text) is not None
    quarter = _norm("quý")  # the tone placement rule moves its mark too
    if m := re.search(rf"{quarter} ([ivx]+)", wanted):
        return re.search(rf"{quarter} {m[1]}(?![ivx])", text) is not None
    if "6 tháng" in wanted:
        return wanted.split(" năm")[0] in text
    if "cuối năm" in wanted and "kỳ họp" not in wanted:
        return "31/12" in text or "cuối năm" in text
    return wanted in text


def check(notes_text: str, body: list[str], recipients: list[str]) -> list[str]:
    """Problems in a notice: ``body`` its paragraphs from THÔNG BÁO to the closing,
    ``recipients`` its Nơi nhận entries."""
    notes = Notes.read(notes_text)
    problems: list[str] = []
    allowed = _allowed_capitals(notes)
    for paragraph in body[2:]:  # the title and trích yếu are headings
        problems += capitalised_mid_sentence(paragraph, allowed)
        problems += doubled_punctuation(paragraph)
        if _norm(paragraph).count("phối hợp với") > 1:
            problems.append(f"'phối hợp với' twice: '{paragraph[:60]}'")
    keys = [_recipient_key(entry) for entry in recipients]
    problems += [f"Nơi nhận lists twice: {key}" for key in sorted({k for k in keys if keys.count(k) > 1})]
    for sigil, text, _, deadline in notes.lines:
        if not deadline or sigil not in (">", "="):
            continue
        paragraph = _paragraph_of(text, body)
        if paragraph is None or not _deadline_said(deadline, paragraph):
            problems.append(f"deadline {deadline!r} lost from: {text[:50]}")
    closing = next((p for p in reversed(body) if p.rstrip().endswith("./.")), "")
    authority = re.split(r"[|\n]", notes.sets.get("authority", ""))[0].strip()
    if authority.upper().startswith("TL."):
        holder = _norm(authority[3:])
        if not _norm(closing).startswith(f"thừa lệnh {holder}"):
            problems.append(f"closing does not say 'Thừa lệnh {authority[3:].strip()}': {closing[:60]}")
    elif "thừa lệnh" in _norm(closing):
        problems.append(f"closing says 'Thừa lệnh' but the signature is {authority or 'the head himself'}")
    return problems
