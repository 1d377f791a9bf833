"""The "Báo cáo tình hình thực hiện" as data: heading, rows and summary, ready for any renderer.

Everything a reader sees in the report is decided here, in plain Vietnamese,
so the ``.docx``, ``.xlsx`` and ``.csv`` renderers only lay it out and can
never disagree on a count or a label.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Final

from minutes_tui.core.dates import Deadline, dmy, nd30_date_line
from minutes_tui.core.followup import Status
from minutes_tui.core.model import DEFAULT_DUE_SOON_DAYS, OfficeSettings
from minutes_tui.core.periods import Period
from minutes_tui.core.tasks import (
    STATE_VI,
    Standing,
    State,
    Task,
    state_on,
    state_text,
)
from minutes_tui.core.text import fold

#: The Phụ lục's columns (DESIGN.md), in order.
COLUMNS: Final[tuple[str, ...]] = (
    "STT",
    "Nội dung nhiệm vụ",
    "Văn bản giao (số, ngày)",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời hạn",
    "Tình trạng",
    "Kết quả / lý do chậm",
)
#: Columns the spreadsheet and CSV add after those: for sorting and for scripts.
EXTRA_COLUMNS: Final[tuple[str, ...]] = ("Số ngày quá hạn", "Mã nhiệm vụ")
#: States in the order a report counts them: what is finished, what is late, what is running.
REPORT_ORDER: Final[tuple[State, ...]] = tuple(State)
NO_LEAD: Final = "(Chưa có đơn vị chủ trì)"
REPORT_TITLE: Final = "BÁO CÁO"


@dataclass(frozen=True)
class ReportRow:
    """One task as a line of the Phụ lục (every cell already text)."""

    number: int
    task_id: str
    text: str
    source: str
    lead: str
    cooperating: str
    deadline: str
    state: State
    state_text: str
    result: str
    days_late: int

    def cells(self) -> tuple[str, ...]:
        """The eight Phụ lục cells, in :data:`COLUMNS` order."""
        return (str(self.number), self.text, self.source, self.lead, self.cooperating, self.deadline,
                self.state_text, self.result)


@dataclass(frozen=True)
class OwnerCount:
    """How the tasks led by one owner stand."""

    owner: str
    counts: tuple[tuple[State, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    def count(self, state: State) -> int:
        return dict(self.counts).get(state, 0)


@dataclass(frozen=True)
class ReportSummary:
    day: date
    period: Period | None
    by_state: tuple[tuple[State, int], ...]
    by_owner: tuple[OwnerCount, ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.by_state)

    def count(self, state: State) -> int:
        return dict(self.by_state).get(state, 0)


@dataclass(frozen=True)
class ReportHeading:
    """The ND30 frame of the report: header band, title, signature and Nơi nhận."""

    parent_body: str
    issuer: str
    number: str
    place_date: str
    summary: str
    signer_title: str
    signer_name: str
    office: str = ""  # the issuer as typed, for running text ("của Văn phòng HĐND huyện …")
    authority: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    archive: str = "Lưu: VT."
    title: str = REPORT_TITLE


@dataclass(frozen=True)
class Report:
    heading: ReportHeading
    rows: tuple[ReportRow, ...]
    summary: ReportSummary


def report_code(notice_code: str) -> str:
    """The report's ký hiệu from the notices' one: ``TB-VP`` → ``BC-VP``, ``UBND`` → ``BC-UBND``."""
    code = notice_code.strip()
    if not code or code.upper() == "TB":
        return "BC"
    if code.upper().startswith("TB-"):
        return "BC-" + code[3:]
    return "BC-" + code


def report_subject(period: Period | None, day: date) -> str:
    """The trích yếu."""
    when = period.label if period is not None else f"(tính đến ngày {dmy(day)})"
    return f"Tình hình thực hiện các kết luận, nhiệm vụ được giao {when}"


def report_heading(settings: OfficeSettings, day: date, period: Period | None) -> ReportHeading:
    """The heading from the office settings.

    The office reports in its own name, so the notices' signing authority
    (``TL. THƯỜNG TRỰC HĐND``) is not repeated: the signer's title alone.
    """
    return ReportHeading(
        parent_body=settings.parent_body.upper(),
        issuer=settings.issuer.upper(),
        number=f"Số:       /{report_code(settings.code)}",
        place_date=nd30_date_line(settings.place_name, day),
        summary=report_subject(period, day),
        signer_title=settings.signer_title.upper(),
        signer_name=settings.signer_name,
        office=settings.issuer,
        recipients=tuple(settings.recipients),
        archive=f"Lưu: {settings.archive_code or 'VT'}.",
    )


def report_day(period: Period | None, today: date) -> date:
    """The day a report is "as of" when none is asked: today, or the period's end once it is over."""
    if period is not None and period.end < today:
        return period.end
    return today


def in_period(task: Task, period: Period) -> bool:
    """The task was being carried out at some time in ``period``: given before its end,
    and not finished (done or cancelled) before its start."""
    if task.assigned > period.end:
        return False
    record = task.followup
    finished = record.status in (Status.DONE, Status.CANCELLED)
    return not (finished and record.status_date is not None and record.status_date < period.start)


def _deadline_cell(deadline: Deadline | None) -> str:
    """``31/03/2027`` for a day; ``Quý IV năm 2026``, ``Tháng 11/2026`` for a period; the words otherwise."""
    if deadline is None:
        return ""
    if deadline.due is None:
        return deadline.typed[:1].upper() + deadline.typed[1:]
    phrase = deadline.phrase
    for prefix in ("trước ngày ", "trong "):
        if phrase.startswith(prefix):
            phrase = phrase[len(prefix):]
            break
    return phrase[:1].upper() + phrase[1:]


def source_text(task: Task) -> str:
    record = task.followup
    if record.notice:
        issued = f" ngày {dmy(record.notice_date)}" if record.notice_date else ""
        return f"Thông báo số {record.notice}{issued}"
    if task.meeting_date is not None:
        return f"Cuộc họp ngày {dmy(task.meeting_date)}"
    return "Cuộc họp (chưa ghi ngày)"


def result_text(task: Task, standing: Standing, day: date) -> str:
    """What was done, or why it is late: the result or the latest progress note, and a moved deadline."""
    record = task.followup
    notes = [note for note in record.progress if note.date <= day]
    parts: list[str] = []
    if standing.state in (State.DONE_ON_TIME, State.DONE_LATE):
        done = f"Hoàn thành ngày {dmy(record.status_date)}" if record.status_date else "Hoàn thành"
        if standing.state is State.DONE_LATE:
            done += f" (chậm {standing.days_late} ngày)"
        said = record.result or (notes[-1].text if notes else "")
        parts.append(f"{done}: {said}" if said else done)
    elif notes:
        parts.append(f"{dmy(notes[-1].date)}: {notes[-1].text}")
    changes = [change for change in record.deadlines if change.date <= day]
    if changes:
        last = changes[-1]
        moved = f"Điều chỉnh thời hạn ngày {dmy(last.date)}"
        if last.previous:
            moved += f" từ “{last.previous}”"
        moved += f" sang “{last.deadline}”"
        if last.reason:
            moved += f" ({last.reason})"
        parts.append(moved)
    return "; ".join(parts)


def build_report(tasks: Iterable[Task], heading: ReportHeading, day: date, *, period: Period | None = None,
                 window: int = DEFAULT_DUE_SOON_DAYS) -> Report:
    """The report of ``tasks`` as they stood on ``day``, in the order they were assigned.

    Tasks given after ``day``, and (with a ``period``) tasks not being carried
    out in it, are left out. Owner or body filters are the caller's: pass the
    tasks already chosen.
    """
    chosen = [task for task in tasks if task.assigned <= day and (period is None or in_period(task, period))]
    chosen.sort(key=lambda task: (task.assigned, task.meeting, task.order))
    rows: list[ReportRow] = []
    by_state = dict.fromkeys(REPORT_ORDER, 0)
    owners: dict[str, tuple[str, dict[State, int]]] = {}
    for number, task in enumerate(chosen, 1):
        standing = state_on(task, day, window)
        lead = task.lead or NO_LEAD
        rows.append(ReportRow(
            number=number,
            task_id=task.id,
            text=task.text,
            source=source_text(task),
            lead=lead,
            cooperating=", ".join(task.cooperating),
            deadline=_deadline_cell(task.deadline_on(day)),
            state=standing.state,
            state_text=state_text(standing),
            result=result_text(task, standing, day),
            days_late=standing.days_late,
        ))
        by_state[standing.state] += 1
        # one line per owner however it was typed (Thị uỷ / Thị ủy); the first spelling is shown
        counts = owners.setdefault(fold(lead), (lead, dict.fromkeys(REPORT_ORDER, 0)))[1]
        counts[standing.state] += 1
    by_owner = sorted(
        (OwnerCount(shown, tuple(counts.items())) for shown, counts in owners.values()),
        key=lambda owner: (-owner.total, fold(owner.owner)),
    )
    summary = ReportSummary(day=day, period=period, by_state=tuple(by_state.items()), by_owner=tuple(by_owner))
    return Report(heading=heading, rows=tuple(rows), summary=summary)


def _counts_phrase(counts: Iterable[tuple[State, int]]) -> str:
    return ", ".join(f"{STATE_VI[state].lower()} {count}" for state, count in counts if count)


def summary_paragraphs(summary: ReportSummary) -> tuple[str, list[str]]:
    """The summary in words: the overall paragraph, then one line per lead owner."""
    scope = f"trong kỳ báo cáo ({summary.period.label})" if summary.period else "trong sổ theo dõi"
    if not summary.total:
        return f"Tính đến ngày {dmy(summary.day)}, {scope} không có nhiệm vụ nào.", []
    overall = (f"Tính đến ngày {dmy(summary.day)}, {scope} có {summary.total} nhiệm vụ được theo dõi; "
               f"trong đó: {_counts_phrase(summary.by_state)}.")
    owners = [f"- {owner.owner}: {owner.total} nhiệm vụ ({_counts_phrase(owner.counts)})."
              for owner in summary.by_owner]
    return overall, owners
