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
_LEVEL: Final = re.compile(
    r"(?<!\w)(thị xã|thị trấn|thành phố|đặc khu|xã|phường|huyện|tỉnh|quận)((?: \S+){0,4})", re.IGNORECASE
)


def _binder(whole: bool):
    def bind(match: re.Match[str]) -> str:
        level = match.group(1).replace(" ", NBSP)
        following = match.group(2).split(" ")[1:]
        name: list[str] = []
        for word in following:
            if not word[:1].isupper():
                break
            name.append(word)
        rest = following[len(name) :]
        if whole:
            bound = NBSP.join([level, *name])
        else:
            bound = level + (" " + NBSP.join(name) if name else "")
        return bound + "".join(" " + word for word in rest)

    return bind


_BIND_NAME, _BIND_WHOLE = _binder(False), _binder(True)


_NUMBERED: Final = re.compile(r"(?<!\w)(ngày|tháng|quý|năm) (?=\d|[IVX]+\b)", re.IGNORECASE)


def keep_together(text: str, *, header: bool = False) -> str:
    """``text`` with non-breaking spaces inside local names, before `` - `` and in dates;
    ``header`` also binds a level to its name (``XÃ TÂN HÒA``)."""
    if " " not in text:
        return text
    text = _NUMBERED.sub(lambda m: m.group(1) + NBSP, text.replace(" - ", NBSP + "- "))
    return _LEVEL.sub(_BIND_WHOLE if header else _BIND_NAME, text)
