"""Where a printed line may break: never inside a name, never before a dash.

Word and LibreOffice break a line at any space. Some spaces must not break:

* inside the level of a local body and inside the name after it — ``thị xã``,
  ``Tân Hòa`` of ``xã Tân Hòa``; in a header line also between the level and the
  name (``XÃ TÂN HÒA``: a header must not read "THỊ / XÃ ĐỨC PHỔ"), which in a
  justified paragraph would leave wide gaps on the line before;
* before the `` - `` that joins two halves of a name or a person and a title
  (``Kinh tế - Xã hội``, ``Lê Văn A - Chủ tịch``): a line never starts with a dash;
* between ``ngày``, ``tháng``, ``quý``, ``năm`` and their number (``ngày 10/06/2027``).

Those spaces become non-breaking (U+00A0) in the printed file; the stored text
keeps ordinary spaces.
"""

from __future__ import annotations

import re
from typing import Final

NBSP: Final = "\u00a0"
_MAX_NAME_WORDS: Final = 4
#: First words of a level of local government, with the second word where it has two.
_LEVELS: Final = {"xã": (), "phường": (), "huyện": (), "tỉnh": (), "quận": (),
                  "thị": ("xã", "trấn"), "thành": ("phố",), "đặc": ("khu",)}
_NUMBERED: Final = frozenset({"ngày", "tháng", "quý", "năm"})
# A word that may start something to keep together, followed by a space: a plain
# alternation of its three casings (IGNORECASE, or lower-casing the paragraph, costs
# several times more on Vietnamese text).
_TRIGGER_WORDS: Final = ("xã", "phường", "huyện", "tỉnh", "quận", "thị", "thành", "đặc", "ngày", "tháng", "quý", "năm")
_TRIGGER: Final = re.compile(
    " (" + "|".join(form for word in _TRIGGER_WORDS for form in (word, word.capitalize(), word.upper())) + ")(?= )"
)
_ROMAN: Final = re.compile(r"[IVX]+(?![^\W\d_])")


def _name_spaces(text: str, space: int, header: bool) -> list[int]:
    """Spaces inside the capitalised name after a level whose last word ends at ``space``
    (and ``space`` itself in a header line)."""
    spaces: list[int] = []
    for index in range(_MAX_NAME_WORDS):
        if not text[space + 1 : space + 2].isupper():
            break
        if index or header:
            spaces.append(space)
        space = text.find(" ", space + 1)
        if space < 0:
            break
    return spaces


def keep_together(text: str, *, header: bool = False) -> str:
    """``text`` with non-breaking spaces inside local names, before `` - `` and in dates;
    ``header`` also binds a level to its name (``XÃ TÂN HÒA``).

    Called for every paragraph of a notice: one scan for the words that matter, the
    string rebuilt only when a space changes."""
    if " " not in text:
        return text
    text = text.replace(" - ", NBSP + "- ")
    spaces: list[int] = []
    for match in _TRIGGER.finditer(" " + text):  # the leading space anchors a word start
        word, space = match.group(1).lower(), match.end() - 1  # the space after the word, in ``text``
        if word in _NUMBERED:
            if text[space + 1 : space + 2].isdigit() or _ROMAN.match(text, space + 1):
                spaces.append(space)
            continue
        second = _LEVELS[word]
        if second:
            following = text.find(" ", space + 1)
            following = len(text) if following < 0 else following
            if text[space + 1 : following].lower() not in second:
                continue
            spaces.append(space)
            space = following
            if space >= len(text):
                continue
        spaces += _name_spaces(text, space, header)
    if not spaces:
        return text
    chars = list(text)
    for index in spaces:
        chars[index] = NBSP
    return "".join(chars)
