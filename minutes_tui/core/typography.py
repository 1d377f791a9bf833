"""Where a printed line may break: never inside a name, never before a dash.

Word and LibreOffice break a line at any space. Some spaces must not break:

* inside the level of a local body and the name after it — ``thị xã``, ``xã Tân
  Hòa``, ``XÃ TÂN HÒA`` (a header must not read "THỊ / XÃ ĐỨC PHỔ");
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
_LEVEL: Final = re.compile(
    r"(?<!\w)(thị xã|thị trấn|thành phố|đặc khu|xã|phường|huyện|tỉnh|quận)((?: \S+){0,4})", re.IGNORECASE
)


def _bind(match: re.Match[str]) -> str:
    level = match.group(1).replace(" ", NBSP)
    following = match.group(2).split(" ")[1:]
    name: list[str] = []
    for word in following:
        if not word[:1].isupper():
            break
        name.append(word)
    rest = following[len(name) :]
    bound = NBSP.join([level, *name])
    return bound + "".join(" " + word for word in rest)


_NUMBERED: Final = re.compile(r"(?<!\w)(ngày|tháng|quý|năm) (?=\d|[IVX]+\b)", re.IGNORECASE)


def keep_together(text: str) -> str:
    """``text`` with non-breaking spaces inside local names, before `` - `` and in dates."""
    if " " not in text:
        return text
    text = _NUMBERED.sub(lambda m: m.group(1) + NBSP, text.replace(" - ", NBSP + "- "))
    return _LEVEL.sub(_bind, text)
