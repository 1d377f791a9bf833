"""Names of bodies, units and people as Vietnamese offices write them.

Two ways of comparing, kept apart on purpose:

* :func:`key` compares words *exactly* — case-insensitive, accents kept, only the
  tone placement unified (``uỷ`` = ``ủy``, ``hoà`` = ``hòa``). "Bảo" is not "Báo",
  "Bố" is not "Bộ", "Sơ" is not "Sở": folding the accents away (``text.fold``) is
  right for search but wrong for grammar.
* :func:`canonical` also spells out the abbreviations an office uses in lists
  (``TT`` = ``Thường trực``, ``UBND`` = ``Ủy ban nhân dân`` …), so ``TT HĐND xã``
  and ``Thường trực HĐND xã`` are one recipient.

:class:`Lexicon` answers "does this sentence already start with a subject?": a
known name (every owner of the meeting, the recipients, the issuer …) or a
short form of one (``Văn phòng`` for ``Văn phòng HĐND và UBND xã``), an acronym,
or a word that begins the name of a body or a person (``Sở``, ``Các``, ``Trưởng``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

# Old-style tone placement → the placement of the 2017 rules, for comparing only.
_TONES: Final = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE: Final = re.compile("|".join(_TONES))
_EDGE_PUNCTUATION: Final = ",;:.!?()\"“”'"


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """``text`` for exact comparison: NFC, lower case, one tone placement, single spaces."""
    lowered = unicodedata.normalize("NFC", text).casefold()
    return " ".join(_TONE_RE.sub(lambda m: _TONES[m.group(0)], lowered).split())


def words_key(text: str) -> tuple[str, ...]:
    """The words of ``text`` as keys, punctuation at their edges removed."""
    return tuple(word.strip(_EDGE_PUNCTUATION) for word in key(text).split())


#: Abbreviations spelled out for comparing names (both sides go through it).
_EXPANSIONS: Final = {
    "tt": "thường trực", "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "mttq": "mặt trận tổ quốc",
    "pct": "phó chủ tịch", "vp": "văn phòng", "bch": "ban chấp hành", "btv": "ban thường vụ",
    "ttyt": "trung tâm y tế", "tthđnd": "thường trực hội đồng nhân dân", "đbqh": "đại biểu quốc hội",
}


@lru_cache(maxsize=65536)
def canonical(text: str, *, keep_commas: bool = False) -> str:
    """``key`` with office abbreviations spelled out (``TT HĐND`` → ``thường trực hội đồng nhân dân``).

    Punctuation is dropped, or with ``keep_commas`` the commas that separate the
    parts of a group (``các xã, phường``) are kept."""
    out = []
    for word in key(text.replace("|", " ")).split():
        bare = word.strip(_EDGE_PUNCTUATION)
        if not bare:
            continue
        spelled = _EXPANSIONS.get(bare, bare)
        out.append(spelled + "," if keep_commas and word.endswith(",") else spelled)
    return " ".join(out)


def same_body(a: str, b: str) -> bool:
    return canonical(a) == canonical(b)


def starts_with_words(text: str, prefix: str) -> bool:
    """``prefix`` is ``text`` or its first whole words (both canonical)."""
    return text == prefix or text.startswith(prefix + " ")


#: Acronyms an office writes in capitals (kept as they are when a caps line is cased).
ACRONYMS: Final = frozenset({
    "HĐND", "UBND", "MTTQ", "TT", "BCH", "BTV", "TW", "VP", "PCT", "THCS", "THPT", "BHXH", "KBNN",
    "ĐBQH", "HTX", "TNCS", "CAND", "QĐND", "VN", "TTHĐND", "TTYT", "BQL", "BQLDA", "CNTT", "KT-XH",
})


def is_acronym(word: str) -> bool:
    """``UBND``, ``HĐND``, ``VP``: two or more letters, all capitals (digits allowed)."""
    letters = [ch for ch in word.strip(_EDGE_PUNCTUATION) if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def is_mixed_case(word: str) -> bool:
    """``iOffice``, ``HĐNDxã``: a capital after the first letter; never lower-cased."""
    return any(ch.isupper() for ch in word[1:])


def capitalise(text: str) -> str:
    """First letter upper case, the rest as typed."""
    return text[:1].upper() + text[1:] if text else text


def caps_to_title(caps: str) -> str:
    """``THƯỜNG TRỰC HĐND`` → ``Thường trực HĐND``; ``CHỦ TỊCH`` → ``Chủ tịch``.

    Used for an authority line typed in capitals; known acronyms stay in capitals.
    A line not typed in capitals is returned as typed.
    """
    words = caps.split()
    if not words or any(not is_acronym(word) and word != word.upper() for word in words):
        return caps
    cased = [word if word.upper() in ACRONYMS else word.lower() for word in words]
    return capitalise(" ".join(cased))


# -- subjects --------------------------------------------------------------------------------
def _keys(*phrases: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(key(phrase).split()) for phrase in phrases)


#: Words that begin the name of a body, a unit, a group or a person (keys).
SUBJECT_HEADS: Final = _keys(
    "văn phòng", "ủy ban", "hội đồng", "thường trực", "ban", "phòng", "sở", "bộ", "cục", "chi cục", "tổng cục",
    "trung tâm", "trạm", "bệnh viện", "viện", "trường", "nhà trường", "khoa", "tổ", "đội", "đoàn", "hội",
    "liên đoàn", "liên hiệp", "mặt trận", "công an", "kho bạc", "ngân hàng", "chi nhánh", "tòa án", "đài", "hạt",
    "hợp tác xã", "công ty", "doanh nghiệp", "cơ quan", "đơn vị", "bộ phận", "đảng ủy", "đảng bộ", "chi bộ",
    "chi ủy", "cấp ủy", "thị ủy", "huyện ủy", "tỉnh ủy", "thành ủy", "chủ tịch", "phó chủ tịch", "giám đốc",
    "phó giám đốc", "trưởng", "phó trưởng", "chánh", "phó chánh", "bí thư", "phó bí thư", "hiệu trưởng",
    "phó hiệu trưởng", "thủ trưởng", "người đứng đầu", "lãnh đạo", "công chức", "viên chức", "cán bộ",
    "đồng chí", "tập thể", "các", "những", "mỗi", "từng", "thôn", "tổ dân phố", "khu phố", "đại biểu",
    "thành viên", "giáo viên", "nhân viên", "người dân", "nhân dân", "kế toán", "ủy viên",
)
#: Verbs and nouns that begin like a name ("Tổ chức" is not a "Tổ"; "Ban hành" not a "Ban").
NOT_SUBJECTS: Final = _keys(
    "tổ chức", "ban hành", "ban bố", "phòng chống", "phòng, chống", "phòng ngừa", "phòng tránh", "phòng cháy",
    "hội ý", "hội nghị", "hội thảo", "hội đàm", "hội nhập", "đoàn kết", "trường hợp", "khoa học", "viện dẫn",
    "viện trợ", "đài thọ", "lãnh đạo,", "lãnh đạo thực", "lãnh đạo triển", "lãnh đạo chỉ", "trưởng thành",
    "bộ máy", "cục bộ", "các nội", "những nội", "đơn vị tính",
)
_LONGEST_HEAD: Final = max(len(head) for head in SUBJECT_HEADS)
_LONGEST_EXCEPTION: Final = max(len(words) for words in NOT_SUBJECTS)


def _raw_words(text: str) -> tuple[str, ...]:
    """Words lower-cased with one tone placement, punctuation kept (``phòng,`` ≠ ``phòng``)."""
    return tuple(key(text).split())


def starts_with_name_word(text: str) -> bool:
    """The text opens with a word that begins a name (``Sở``, ``Các``, ``Trưởng``…), not a verb."""
    raw = _raw_words(text)
    if any(raw[:size] in NOT_SUBJECTS for size in range(2, _LONGEST_EXCEPTION + 1)):
        return False
    bare = tuple(word.strip(_EDGE_PUNCTUATION) for word in raw)
    return any(bare[:size] in SUBJECT_HEADS for size in range(1, min(_LONGEST_HEAD, len(bare)) + 1))


@dataclass(frozen=True)
class Subject:
    """What opens a sentence: ``words`` of it, and the known name it is (or shortens)."""

    words: int
    name: str | None = None


class Lexicon:
    """Every name this notice knows, indexed by its first two words for a fast lookup."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_start: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = {}
        self._longest = 1  # words of the longest name: only that much of a text is compared
        seen: set[tuple[str, ...]] = set()
        for name in names:
            words = words_key(name)
            if not words or words in seen:
                continue
            seen.add(words)
            self._by_start.setdefault(words[:2], []).append((words, name))
            self._longest = max(self._longest, len(words) + 1)

    def known(self, text: str) -> Subject | None:
        """The longest known name ``text`` starts with, or a short form (its first two
        or more words) of one."""
        typed = text.split(maxsplit=self._longest)[: self._longest]
        words = words_key(" ".join(typed))
        best: Subject | None = None
        for start in {words[:2], words[:1]}:
            for name_words, name in self._by_start.get(start, ()):
                size = len(name_words)
                if words[:size] == name_words:
                    candidate = Subject(size, name)
                elif size > 2 and len(words) >= 2 and words[:2] == name_words[:2]:
                    common = next((i for i in range(2, size) if words[i : i + 1] != name_words[i : i + 1]), size)
                    following = typed[common] if common < len(typed) else ""
                    if following[:1].isupper():
                        continue  # "Văn phòng Đảng ủy …" is another body, not short for ours
                    candidate = Subject(common, name)
                else:
                    continue
                if best is None or candidate.words > best.words:
                    best = candidate
        return best

    def subject(self, text: str) -> Subject | None:
        """The subject ``text`` opens with, if any: a known name, an acronym or a name word."""
        found = self.known(text)
        if found is not None:
            return found
        first = text.split(maxsplit=1)[0] if text.strip() else ""
        if first and is_acronym(first):
            return Subject(1)
        if starts_with_name_word(text):
            return Subject(1)
        return None


#: Generic first words written in lower case when a name stands inside a sentence.
_LOWER_INSIDE: Final = _keys("các", "những", "công chức", "cán bộ", "viên chức", "đồng chí", "đại diện", "lãnh đạo",
                             "nhân dân", "người dân")


def inside_sentence(name: str) -> str:
    """A name as it reads after other words: ``công chức Địa chính``, but ``Văn phòng …``."""
    raw = _raw_words(name)
    if any(raw[:size] in _LOWER_INSIDE for size in (1, 2)) and not is_acronym(name.split()[0]):
        return name[:1].lower() + name[1:]
    return name


def mentions(text: str, name: str) -> bool:
    """``name`` appears in ``text`` as whole words (exact comparison, accents kept)."""
    needle = " ".join(words_key(name))
    return bool(needle) and f" {needle} " in f" {' '.join(words_key(text))} "
