"""Completeness checks ("5 rõ": rõ người, rõ việc, rõ thời gian …) before the notice.

Each :class:`Problem` points at a line (or at the meeting details when
``line_id`` is None) and says in Vietnamese what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes_tui.core.dates import dmy, parse_deadline
from minutes_tui.core.directory import Directory
from minutes_tui.core.model import Kind, Meeting, block_end
from minutes_tui.core.text import fold

#: A `` @…`` or `` ^…`` left in a line's text: the parser did not take it as an owner or a deadline.
_KEPT_TRAILER = re.compile(r"(?:^|\s)([@^]\S*)")

#: Meeting details the notice cannot do without, with their /command.
REQUIRED_DETAILS = (("date", "ngày họp"), ("place", "địa điểm"), ("chair", "người chủ trì"), ("body", "cơ quan tổ chức"))
#: Details only the biên bản asks for: left blank, it prints a dotted line to fill by hand.
RECORD_DETAILS = (("time", "giờ bắt đầu"), ("secretary", "thư ký (người ghi biên bản)"))


@dataclass(frozen=True)
class Problem:
    line_id: str | None
    code: str
    message: str
    suggestion: str = ""


def check_meeting(meeting: Meeting, directory: Directory | None = None) -> list[Problem]:
    """Every problem, meeting details first, then lines in typed order."""
    problems: list[Problem] = []
    details = meeting.details
    for name, words in REQUIRED_DETAILS:
        if not getattr(details, name):
            problems.append(Problem(None, f"missing_{name}", f"Chưa có {words} (/{name} …)."))
    for name, words in RECORD_DETAILS:
        if not getattr(details, name):
            problems.append(Problem(None, f"record_missing_{name}",
                                    f"Biên bản chưa có {words} (/{name} …); để trống sẽ in dòng chấm để điền tay."))
    meeting_date = details.meeting_date
    known = {fold(name) for name in directory.all_names()} if directory else set()
    has_sections = any(line.kind is Kind.SECTION for line in meeting.lines)
    seen_section = False
    for index, line in enumerate(meeting.lines):
        if line.kind is Kind.SECTION:
            seen_section = True
        if line.kind.is_heading:
            if not _has_content(meeting, index):
                problems.append(Problem(line.id, "empty_section", f"Mục “{line.text}” chưa có nội dung nào vào thông báo."))
            continue
        if kept := _KEPT_TRAILER.search(line.text):
            problems.append(Problem(line.id, "kept_trailer", f"“{kept.group(1)}” không phải người/đơn vị hay thời hạn "
                                    "nên được giữ nguyên trong nội dung; sửa lại nếu cần."))
        if has_sections and not seen_section and line.kind in (Kind.FINDING, Kind.SHORTCOMING):
            problems.append(Problem(line.id, "outside_section", "Kết quả/tồn tại nằm ngoài mọi mục; chuyển vào một mục."))
        if line.kind is not Kind.TASK:
            continue
        if not line.owners:
            problems.append(Problem(line.id, "task_no_owner", "Nhiệm vụ chưa có đơn vị chủ trì (@…)."))
        if not line.deadline:
            problems.append(Problem(line.id, "task_no_deadline", "Nhiệm vụ chưa có thời hạn (^…)."))
        else:
            deadline = parse_deadline(line.deadline, meeting_date)
            if not deadline.recognised:
                problems.append(Problem(line.id, "deadline_unclear", f"Chưa hiểu thời hạn “{line.deadline}”; gõ dạng 31/01/2027."))
            elif deadline.due is not None and meeting_date is not None and deadline.due < meeting_date:
                problems.append(Problem(line.id, "deadline_past", f"Thời hạn {dmy(deadline.due)} đã qua so với ngày họp {dmy(meeting_date)}."))
        if directory is not None and known:
            for owner in line.owners:
                if fold(owner) not in known:
                    closest = directory.closest(owner)
                    hint = f" Có phải “{closest}”?" if closest else ""
                    problems.append(Problem(line.id, "unknown_owner", f"“{owner}” chưa có trong danh bạ.{hint}", closest or ""))
    return problems


def _has_content(meeting: Meeting, heading_index: int) -> bool:
    """True when some notice line sits in the heading's block (:func:`block_end`)."""
    lines = meeting.lines
    return any(
        line.kind.in_notice and not line.kind.is_heading
        for line in lines[heading_index + 1 : block_end(lines, heading_index)]
    )
