"""The header band's words: the bodies' lines and the date line.

* ``/set issuer ỦY BAN NHÂN DÂN|XÃ TÂN HÒA``: a ``|`` breaks the line where the
  office wants it; the lines are printed in capitals.
* The date line is the day the notice is issued (the export day, or the day the
  office gives), never earlier than the meeting; or left blank
  (``ngày     tháng     năm     ``) for an office that writes it by hand or whose
  e-office system stamps it (``/set date_line trống``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from minutes_tui.core.dates import nd30_date_line
from minutes_tui.core.model import OfficeSettings
from minutes_tui.core.text import fold

#: Quốc hiệu and Tiêu ngữ, as the decree writes them.
NATIONAL_MOTTO: Final = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
#: Values of the ``date_line`` setting that ask for a blank date line.
BLANK_WORDS: Final = frozenset({"trong", "de trong", "blank", "khong", "ghi tay", "bo trong"})


#: Body names the header band writes on a line of their own, the place under them
#: (``ỦY BAN NHÂN DÂN`` / ``PHƯỜNG AN PHÚ``) when the setting gives no break itself.
_BODY_LINES: Final = ("uy ban nhan dan", "hoi dong nhan dan")


def header_lines(value: str) -> list[str]:
    """``Văn phòng HĐND|và UBND`` → ``["VĂN PHÒNG HĐND", "VÀ UBND"]``; ``Ủy ban nhân dân
    phường An Phú`` → ``["ỦY BAN NHÂN DÂN", "PHƯỜNG AN PHÚ"]``."""
    lines = [part.strip().upper() for part in re.split(r"[|\n]", value) if part.strip()]
    if len(lines) == 1:
        words = lines[0].split()
        for body in _BODY_LINES:
            size = len(body.split())
            if len(words) > size and fold(" ".join(words[:size])) == body:
                return [" ".join(words[:size]), " ".join(words[size:])]
    return lines


def header_text(value: str) -> str:
    """The lines of :func:`header_lines` joined by new lines (how a Notice stores them)."""
    return "\n".join(header_lines(value))


def blank_date_preferred(settings: OfficeSettings) -> bool:
    return fold(settings.date_line) in BLANK_WORDS


def issue_date(settings: OfficeSettings, issued: date | None, meeting_date: date | None,
               blank_date: bool | None = None) -> date | None:
    """The date printed on the notice, or None for a blank date line.

    ``blank_date`` overrides the office's setting (``export --date`` passes False).
    """
    blank = blank_date_preferred(settings) if blank_date is None else blank_date
    if blank or issued is None:
        return None
    if meeting_date is not None and issued < meeting_date:
        return meeting_date
    return issued


def date_line(settings: OfficeSettings, day: date | None) -> str:
    return nd30_date_line(settings.place_name, day)
