"""Meetings with followed-up tasks in every state, for the register's report tests (our own writing).

Built the way the app builds them: notes parsed into meetings, follow-up
committed as edits. The expected figures in the tests are worked out by hand
from the dates below, as of :data:`AS_OF` and for the period :data:`PERIOD`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

from minutes_tui.core import edits
from minutes_tui.core import tasks as register
from minutes_tui.core.followup import FollowUp, ProgressNote, Status
from minutes_tui.core.model import Kind, Meeting, OfficeSettings
from minutes_tui.core.periods import Period, quarter
from minutes_tui.core.task_report import Report, build_report, report_heading
from minutes_tui.core.tasks import Task, tasks_of
from tests.notes import OFFICE, meeting_from_notes

AS_OF = date(2026, 12, 15)
PERIOD: Period = quarter(2026, 4)

OCTOBER = OFFICE + """\
/date 12/10/2026
/body Thường trực HĐND huyện
/kind Phiên họp Thường trực HĐND huyện tháng 10
# Nhiệm vụ
> Xây dựng kế hoạch giám sát chuyên đề về quản lý đất công @Ban Kinh tế - Xã hội @Ban Pháp chế ^31/10/2026
> Tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp cuối năm @vp ^tháng 11/2026
> Rà soát hồ sơ giao đất, cho thuê đất công ích tại 7 xã @Phòng Tài nguyên và Môi trường @UBND các xã ^30/11/2026
> Kiểm tra công tác phòng cháy, chữa cháy tại chợ trung tâm @Công an huyện ^20/12/2026
"""

NOVEMBER = OFFICE + """\
/date 10/11/2026
/body Thường trực HĐND huyện
/kind Phiên họp Thường trực HĐND huyện tháng 11
# Nhiệm vụ
> Theo dõi tình hình dịch bệnh trên đàn gia súc @Phòng Nông nghiệp ^thường xuyên
> Chuẩn bị nội dung kỳ họp thường lệ đầu năm @vp ^quý I/2027
> Sửa chữa trụ sở làm việc xã Tân Tiến @UBND xã Tân Tiến ^31/12/2026
> Tổ chức đoàn khảo sát việc thi hành pháp luật về khiếu nại @Ban Pháp chế ^15/12/2026
> Báo cáo kết quả giải quyết kiến nghị sau giám sát @Phòng Tài chính - Kế hoạch ^30/11/2026
> Vận động nhân dân tham gia hiến đất làm đường @Uỷ ban MTTQ huyện ^31/12/2026
= Giao tổng kết phong trào thi đua năm 2026 @Ủy ban MTTQ huyện ^30/11/2026
ghi chú không phải nhiệm vụ
"""

SEPTEMBER = OFFICE + """\
/date 01/09/2026
/body Thường trực HĐND huyện
> Hoàn thiện hồ sơ kỳ họp chuyên đề @vp ^15/09/2026
"""

JANUARY = OFFICE + """\
/date 10/01/2027
/body Thường trực HĐND huyện
> Xây dựng chương trình giám sát năm 2027 @Ban Kinh tế - Xã hội ^31/01/2027
"""


def _follow(meeting: Meeting, index: int, build: Callable[[Task], list[dict[str, object]]]) -> None:
    task = tasks_of(meeting)[index]
    edits.apply_all(meeting, json.loads(json.dumps(build(task))))  # through JSON, as the journal does


def report_meetings() -> list[Meeting]:
    october, _ = meeting_from_notes(OCTOBER)
    november, _ = meeting_from_notes(NOVEMBER)
    september, _ = meeting_from_notes(SEPTEMBER)
    january, _ = meeting_from_notes(JANUARY)
    october.id, november.id, september.id, january.id = "m-2026-10", "m-2026-11", "m-2026-09", "m-2027-01"
    for index in range(4):
        _follow(october, index, lambda t: register.set_notice(t, "15/TB-VP", date(2026, 10, 14)))
    _follow(october, 0, lambda t: register.mark_done(t, date(2026, 10, 30), "Đã ban hành Kế hoạch số 21/KH-HĐND"))
    _follow(october, 1, lambda t: register.add_progress(t, date(2026, 11, 25), "Đã nhận ý kiến của 12/15 xã"))
    _follow(october, 1, lambda t: register.mark_done(t, date(2026, 12, 5), "Đã gửi báo cáo tổng hợp"))
    _follow(october, 2, lambda t: register.add_progress(t, date(2026, 11, 20), "Đã rà soát 3/7 xã"))
    _follow(october, 2, lambda t: register.add_progress(t, date(2026, 12, 20), "Đã rà soát 5/7 xã"))  # after AS_OF
    _follow(november, 2, lambda t: register.pause(t, date(2026, 12, 1), "chờ bố trí kinh phí"))
    _follow(november, 3, lambda t: register.cancel(t, date(2026, 11, 25), "không còn phù hợp"))
    _follow(november, 4, lambda t: register.change_deadline(t, date(2026, 11, 25), "31/12/2026", "chờ số liệu quyết toán"))
    _follow(november, 6, lambda t: register.mark_done(t, date(2026, 11, 28)))
    _follow(september, 0, lambda t: register.mark_done(t, date(2026, 9, 20)))
    return [january, november, september, october]  # not in date order: the report sorts


def report_tasks() -> list[Task]:
    return [task for meeting in report_meetings() for task in tasks_of(meeting)]


def office_settings() -> OfficeSettings:
    settings = OfficeSettings()
    for line in OFFICE.splitlines():
        if line.startswith("/set "):
            name, value = line[5:].split(" ", 1)
            settings = settings.with_value(name, value)
    return settings


OWNERS = ("Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND", "Công an xã", "Ban Pháp chế", "Uỷ ban MTTQ")


def many(count: int) -> Report:
    """``count`` tasks across states and owners, with long texts that wrap (our own writing)."""
    start = date(2026, 1, 5)
    tasks = []
    for n in range(count):
        record = FollowUp()
        if n % 4 == 0:
            record = FollowUp(status=Status.DONE, status_date=start + timedelta(days=n % 50 + 10), result="Đã xong")
        elif n % 4 == 1:
            record = FollowUp(progress=[ProgressNote(start + timedelta(days=5), f"Đã thực hiện được {n % 9} phần")])
        tasks.append(Task(
            id=f"task{n:06d}", meeting=f"m{n // 20:04d}", order=n % 20, kind=Kind.TASK,
            text=f"Nhiệm vụ số {n}: rà soát, tổng hợp và báo cáo kết quả thực hiện kiến nghị của cử tri về đất đai, "
                 f"xây dựng cơ bản tại địa bàn thôn {n % 13}",
            owners=(OWNERS[n % 5], OWNERS[(n + 1) % 5]), deadline=f"{(n % 28) + 1:02d}/{(n % 12) + 1:02d}/2026",
            meeting_date=start + timedelta(days=n // 20), followup=record,
        ))
    day = date(2026, 12, 31)
    return build_report(tasks, report_heading(office_settings(), day, None), day)
