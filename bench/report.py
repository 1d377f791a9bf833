"""The task register's .xlsx report of 10,000 tasks vs. a minimal openpyxl script writing the same rows.

Goal (issue #13): ≤ 1.5× the minimal script, measured in the same run.

Ours is what ``minutes-tui report --xlsx`` will do once it has the tasks from
the index: compute every task's state for the day, build the rows and the
summary (``core.task_report.build_report``), and write the workbook with its
print settings, styles, row heights and summary sheet
(``render.xlsx_report``). The baseline is the least a script can do with
openpyxl to put the same values in a file: a streaming (``write_only``)
workbook, ``append`` of each row's values, ``save`` — no styles, no print
settings, no summary, rows prepared beforehand.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import QUICK, TempDir, median, ms, row

TASKS = 10_000
GOAL = 1.5
OWNERS = ("Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND xã", "Công an xã", "Ban Pháp chế HĐND",
          "Ủy ban MTTQ xã", "Phòng Kinh tế", "Trạm Y tế xã", "Trường THCS Hòa Bình")
DEADLINES = ("31/{m:02d}/2026", "tháng {m}/2026", "quý {q}/2026", "thường xuyên", "15/{m:02d}/2026", "")


def index_entries(count: int = TASKS) -> list[dict]:
    """Tasks as plain fields (see :func:`task`): 500 meetings of 20 tasks, every state."""
    start = date(2026, 1, 5)
    entries = []
    for n in range(count):
        month = n % 12 + 1
        meeting_day = start + timedelta(days=(n // 20) % 300)
        followup: dict = {"status": "not_started", "progress": [], "deadlines": [], "meetings": []}
        if n % 5 == 0:
            followup |= {"status": "done", "status_date": (meeting_day + timedelta(days=n % 90)).isoformat(),
                         "result": f"Đã hoàn thành, báo cáo số {n}/BC-UBND"}
        elif n % 5 == 1:
            followup |= {"status": "in_progress", "status_date": meeting_day.isoformat(), "progress": [
                {"date": (meeting_day + timedelta(days=7)).isoformat(), "text": f"Đã thực hiện được {n % 9 + 1}/10 phần việc"}]}
        elif n % 17 == 2:
            followup |= {"status": "paused", "status_date": (meeting_day + timedelta(days=3)).isoformat()}
        elif n % 23 == 3:
            followup["deadlines"] = [{"date": (meeting_day + timedelta(days=10)).isoformat(), "deadline": "31/12/2026",
                                      "reason": "chờ bố trí kinh phí", "previous": ""}]
        entries.append({
            "id": f"{n:012x}", "meeting": f"m{n // 20:05d}", "kind": "task", "order": n % 20,
            "text": f"Nhiệm vụ {n}: rà soát, tổng hợp, báo cáo kết quả giải quyết kiến nghị của cử tri "
                    f"về đất đai, xây dựng cơ bản và an sinh xã hội tại thôn {n % 13 + 1}",
            "owners": [OWNERS[n % 8], OWNERS[(n + 3) % 8]],
            "deadline": DEADLINES[n % 6].format(m=month, q="IV" if month > 9 else "III"),
            "meeting_date": meeting_day.isoformat(), "created": meeting_day.isoformat(),
            "body": "UBND xã Hòa Bình", "meeting_title": "Phiên họp UBND xã", "followup": followup,
        })
    return entries


def task(entry: dict):
    """The :class:`~minutes_tui.core.tasks.Task` of one of :func:`index_entries`."""
    from minutes_tui.core.followup import FollowUp
    from minutes_tui.core.model import Kind
    from minutes_tui.core.tasks import Task

    return Task(id=entry["id"], meeting=entry["meeting"], text=entry["text"], kind=Kind(entry["kind"]),
                owners=tuple(entry["owners"]), deadline=entry["deadline"],
                meeting_date=date.fromisoformat(entry["meeting_date"]), created=date.fromisoformat(entry["created"]),
                body=entry["body"], meeting_title=entry["meeting_title"], order=entry["order"],
                followup=FollowUp.from_dict(entry["followup"]))


def run() -> list[dict]:
    import openpyxl

    from minutes_tui.core.model import OfficeSettings
    from minutes_tui.core.task_report import (
        COLUMNS,
        EXTRA_COLUMNS,
        build_report,
        report_heading,
    )
    from minutes_tui.render.xlsx_report import render_report_xlsx

    count = 2_000 if QUICK else TASKS
    repeats = 3 if QUICK else 5
    tasks = [task(entry) for entry in index_entries(count)]
    settings = OfficeSettings(parent_body="UBND huyện Sông Lam", issuer="Văn phòng HĐND và UBND xã Hòa Bình",
                              code="TB-VP", place_name="Hòa Bình", signer_title="Chánh Văn phòng")
    day = date(2026, 12, 31)
    ours, minimal = [], []
    with TempDir() as tmp:
        report = build_report(tasks, report_heading(settings, day, None), day)
        values = [[r.number, *r.cells()[1:], r.days_late, r.task_id] for r in report.rows]
        assert len(values) == count
        for n in range(repeats):
            start = time.perf_counter()
            built = build_report(tasks, report_heading(settings, day, None), day)
            render_report_xlsx(built, tmp / f"ours-{n}.xlsx")
            ours.append(time.perf_counter() - start)

            start = time.perf_counter()
            workbook = openpyxl.Workbook(write_only=True)
            sheet = workbook.create_sheet("Nhiệm vụ")
            sheet.append([*COLUMNS, *EXTRA_COLUMNS])
            for line in values:
                sheet.append(line)
            workbook.save(str(tmp / f"minimal-{n}.xlsx"))
            minimal.append(time.perf_counter() - start)
    return [row(f".xlsx report of {count:,} tasks (states, rows, styles, print setup, summary sheet)",
                ms(median(ours)), "minimal openpyxl write_only script, same rows", ms(median(minimal)), GOAL)]


if __name__ == "__main__":
    for figure in run():
        ratio = figure["value"] / figure["baseline"]
        verdict = "PASS" if ratio <= figure["goal"] else "FAIL"
        print(f"{figure['figure']}: {figure['value']:.1f} ms vs {figure['baseline']:.1f} ms → {ratio:.2f}× "
              f"(goal ≤ {figure['goal']}×) {verdict}")
        if verdict == "FAIL":
            raise SystemExit(1)
