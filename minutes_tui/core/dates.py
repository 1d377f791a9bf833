"""Dates as Vietnamese offices write them, and deadlines as secretaries type them.

Written here rather than pulled from a date-parsing library: the forms we accept
are few and very Vietnamese (``quý I``, ``tháng 02/2022``, ``6 tháng đầu năm``),
general parsers do not know them, and importing one would cost start-up time.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from minutes_tui.core.text import fold

_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2}|\d{4}))?(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_WORDY = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?")
_MONTH = re.compile(r"thang\s+(\d{1,2})(?:\s*(?:/|nam)\s*(\d{4}))?")
_QUARTER = re.compile(r"quy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|nam)\s*(\d{4}))?")
_HALF = re.compile(r"6\s+thang\s+(dau|cuoi)\s+nam(?:\s+(\d{4}))?")
_YEAR_END = re.compile(r"cuoi\s+nam(?:\s+(\d{4}))?")
_YEAR = re.compile(r"(?:trong\s+)?nam\s+(\d{4})")

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_QUARTER_NUMBER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _full_year(text: str | None, default: int) -> int:
    if not text:
        return default
    year = int(text)
    return year + 2000 if year < 100 else year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, today: date | None = None) -> date | None:
    """Parse ``12/01/2022``, ``12-1-22``, ``12/01`` (this year), ISO, or
    ``ngày 12 tháng 01 năm 2022``. Returns ``None`` when it is not a date."""
    today = today or date.today()
    folded = fold(text)
    if m := _ISO.search(folded):
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _WORDY.search(folded):
        return _safe_date(_full_year(m[3], today.year), int(m[2]), int(m[1]))
    if m := _DMY.search(folded):
        return _safe_date(_full_year(m[3], today.year), int(m[2]), int(m[1]))
    return None


def dmy(d: date) -> str:
    """``12/01/2022``: the short form used in trích yếu and deadlines."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def nd30_day_month(d: date) -> tuple[str, str]:
    """Day and month as ND30 writes them in the date line.

    Days below 10 and the months January and February take a leading zero;
    months 3–12 do not (``ngày 05 tháng 3``, ``ngày 13 tháng 01``).
    """
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return day, month


def nd30_date_line(place: str, d: date | None) -> str:
    """``Đức Phổ, ngày 13 tháng 01 năm 2022``; blanks left when there is no date."""
    prefix = f"{place}, " if place else ""
    if d is None:
        return f"{prefix}ngày     tháng     năm     "
    day, month = nd30_day_month(d)
    return f"{prefix}ngày {day} tháng {month} năm {d.year}"


#: What a deadline is, for wording: a day, a month, a quarter … or work that goes on.
DATE, MONTH, QUARTER, HALF, YEAR_END, YEAR, ONGOING, UNKNOWN = (
    "date", "month", "quarter", "half", "year_end", "year", "ongoing", "unknown",
)
_ONGOING = re.compile(r"(?:thuong xuyen|ngay|(?:dinh ky )?hang (?:ngay|tuan|thang|quy|nam)|lien tuc)")
# Words around a recognised phrase that add nothing ("trước ngày 20/5", "chậm nhất trong quý II").
_CONNECTORS = re.compile(r"\b(?:truoc|trong|ngay|han|cham nhat|hoan thanh|xong|vao|den het|den|het)\b")
_FINISH_WORDS = ("truoc", "trong", "cham nhat", "xong", "den")


@dataclass(frozen=True)
class Deadline:
    """A deadline as typed, understood as far as possible.

    ``due`` is the last day it allows (used for "deadline already past" checks);
    ``phrase`` is how the notice says it after ``hoàn thành``; ``clause`` is the
    whole clause appended to a task (``hoàn thành trước ngày …``, ``thực hiện
    thường xuyên``); ``kind`` is one of the constants above.
    """

    typed: str
    due: date | None
    phrase: str
    kind: str = UNKNOWN

    @property
    def understood(self) -> bool:
        return self.due is not None

    @property
    def recognised(self) -> bool:
        """A day can be computed, or the phrase says the work goes on (``thường xuyên``)."""
        return self.due is not None or self.kind == ONGOING

    @property
    def clause(self) -> str:
        """How a notice ends a task with this deadline."""
        spoken = self.phrase[:1].lower() + self.phrase[1:]
        folded = fold(self.phrase)
        if self.kind == ONGOING:
            return f"thực hiện {spoken}"
        if folded.startswith("hoan thanh"):
            return spoken
        if self.kind == UNKNOWN and not folded.startswith(_FINISH_WORDS):
            return f"thực hiện {spoken}"
        return f"hoàn thành {spoken}"


def _year_of_period(last_month: int, ref: date) -> int:
    """The year of a year-less period that ends in ``last_month``: the coming one
    when it ended more than two months before ``ref`` (``quý I`` said on 20/12
    means next March), as for ``tháng 02``."""
    return ref.year if last_month >= ref.month - 2 else ref.year + 1


def _infer_year(day: int, month: int, ref: date) -> int:
    # A deadline of 15/01 written at a meeting on 20/12 means next January.
    # 29/02 in a common year is measured as 28/02, so a December meeting's
    # "29/02" lands on the coming leap day instead of on no day at all.
    candidate = _safe_date(ref.year, month, day) or _safe_date(ref.year, month, min(day, 28))
    if candidate is not None and (ref - candidate).days > 60:
        return ref.year + 1
    return ref.year


def _only(folded: str, match: re.Match[str]) -> bool:
    """The match is all the phrase says, apart from connecting words."""
    rest = _CONNECTORS.sub(" ", folded[: match.start()] + " " + folded[match.end() :])
    return not rest.strip(" ,.;:-/")


@lru_cache(maxsize=8192)  # pure, and called for every task on every check
def parse_deadline(text: str, ref: date | None = None) -> Deadline:
    """Understand ``31/01``, ``trước 31/01/2022``, ``tháng 02/2022``, ``quý I``,
    ``6 tháng đầu năm``, ``cuối năm``, ``năm 2023`` and work that goes on
    (``thường xuyên``, ``ngay``, ``hằng tháng``); anything else is kept as typed
    with ``due=None``. ``ref`` (the meeting date) supplies missing years.

    A phrase that says more than the recognised part (``trước kỳ họp cuối năm``)
    keeps its words in the notice; only its ``due`` day is understood.
    """
    typed = text.strip()
    ref = ref or date.today()
    folded = fold(typed)
    if m := _ISO.search(folded):
        due = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        if due:
            return Deadline(typed, due, f"trước ngày {dmy(due)}", DATE)
    if m := (_WORDY.search(folded) or _DMY.search(folded)):
        day, month = int(m[1]), int(m[2])
        year = _full_year(m[3], _infer_year(day, month, ref) if 1 <= month <= 12 else ref.year)
        due = _safe_date(year, month, day)
        if due:
            return Deadline(typed, due, f"trước ngày {dmy(due)}" if _only(folded, m) else typed, DATE)
    if m := _MONTH.search(folded):
        month = int(m[1])
        if 1 <= month <= 12:
            year = _full_year(m[2], ref.year if month >= ref.month - 2 else ref.year + 1)
            due = date(year, month, calendar.monthrange(year, month)[1])
            return Deadline(typed, due, f"trong tháng {month:02d}/{year}" if _only(folded, m) else typed, MONTH)
    if m := _QUARTER.search(folded):
        quarter = _QUARTER_NUMBER[m[1]]
        year = _full_year(m[2], _year_of_period(quarter * 3, ref))
        last_month = quarter * 3
        due = date(year, last_month, calendar.monthrange(year, last_month)[1])
        return Deadline(typed, due, f"trong quý {ROMAN[quarter]} năm {year}" if _only(folded, m) else typed, QUARTER)
    if m := _HALF.search(folded):
        year = _full_year(m[2], _year_of_period(6 if m[1] == "dau" else 12, ref))
        first = m[1] == "dau"
        due = date(year, 6, 30) if first else date(year, 12, 31)
        phrase = f"trong 6 tháng {'đầu' if first else 'cuối'} năm {year}"
        return Deadline(typed, due, phrase if _only(folded, m) else typed, HALF)
    if m := _YEAR_END.search(folded):
        year = _full_year(m[1], ref.year)
        return Deadline(typed, date(year, 12, 31), f"trước ngày 31/12/{year}" if _only(folded, m) else typed, YEAR_END)
    if m := _YEAR.search(folded):
        year = int(m[1])
        return Deadline(typed, date(year, 12, 31), f"trong năm {year}" if _only(folded, m) else typed, YEAR)
    if _ONGOING.fullmatch(folded):
        return Deadline(typed, None, typed, ONGOING)
    return Deadline(typed, None, typed)


# -- a deadline already said in the text ----------------------------------------------------------
# "trong quý II", "trước tháng 5": a period said as a deadline ("khối lượng hoàn thành quý I" is not one).
_CONTEXT_BEFORE = re.compile(r"(?:truoc|trong|cham nhat|den|het|vao|han)\s*(?:ngay\s*)?$")
_PERIODS = (_MONTH, _QUARTER, _HALF, _YEAR_END, _YEAR)


def deadline_mentioned(text: str, deadline: Deadline, ref: date | None = None) -> bool:
    """``text`` already says ``deadline``: the same day written any way (``trước ngày
    20/5`` for ``20/05/2027``), the same period after ``trước``/``trong``…, or the
    same words. Then the notice does not say it twice."""
    if deadline.kind == DATE and deadline.due is not None and str(deadline.due.day) not in text:
        return False  # any way of writing that day has its number (cheap: most lines stop here)
    folded = fold(text)
    typed = fold(deadline.typed)
    if typed and re.search(rf"(?<!\w){re.escape(typed)}(?!\w)", folded):
        return True
    if deadline.due is None:
        return False
    for pattern in (_ISO, _WORDY, _DMY):
        for m in pattern.finditer(folded):
            if parse_deadline(m.group(0), ref).due == deadline.due:
                return True
    for pattern in _PERIODS:
        for m in pattern.finditer(folded):
            if _CONTEXT_BEFORE.search(folded[max(0, m.start() - 24) : m.start()]) and (
                parse_deadline(m.group(0), ref).due == deadline.due
            ):
                return True
    return False
