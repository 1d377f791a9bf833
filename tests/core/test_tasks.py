"""The register's view of a meeting, the op builders services will commit, filters, order and JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest

from minutes_tui.core import edits
from minutes_tui.core.followup import (
    CARRIED,
    FollowUp,
    MeetingRef,
    ProgressNote,
    Status,
)
from minutes_tui.core.model import Kind, Line, Meeting, MeetingDetails
from minutes_tui.core.tasks import (
    MeetingHead,
    State,
    Task,
    TaskError,
    add_progress,
    cancel,
    change_deadline,
    mark_done,
    matches,
    parse_state_filter,
    pause,
    record_meeting,
    reopen,
    set_notice,
    sort_key,
    state_on,
    task_json,
    tasks_of,
)
from minutes_tui.errors import UserError

MEETING_DAY = date(2027, 3, 9)


def meeting() -> Meeting:
    return Meeting(
        id="m-0309",
        details=MeetingDetails(date="2027-03-09", body="Thường trực HĐND huyện", kind="Phiên họp tháng 3"),
        lines=[
            Line(Kind.SECTION, "Nhiệm vụ quý II"),
            Line(Kind.TASK, "Xây dựng kế hoạch giám sát", ["Ban Kinh tế - Xã hội", "Ban Pháp chế"], "31/03/2027", id="t-plan"),
            Line(Kind.FINDING, "Kỳ họp đúng quy định"),
            Line(Kind.DECISION, "Thống nhất tổ chức tập huấn", [], "quý II", id="d-no-owner"),
            Line(Kind.DECISION, "Giao tổ chức hội nghị cử tri", ["Văn phòng"], "tháng 5", id="d-owner"),
            Line(Kind.TASK, "Theo dõi thường xuyên", [], "", id="t-bare"),
        ],
    )


def task(meeting: Meeting, task_id: str) -> Task:
    return next(t for t in tasks_of(meeting) if t.id == task_id)


def commit(m: Meeting, ops: list[dict[str, object]]) -> None:
    edits.apply_all(m, json.loads(json.dumps(ops)))  # through JSON, as the journal does


def test_tasks_are_task_lines_and_decisions_with_an_owner() -> None:
    found = tasks_of(meeting())
    assert [t.id for t in found] == ["t-plan", "d-owner", "t-bare"]
    plan = found[0]
    assert (plan.meeting, plan.meeting_date, plan.body, plan.order) == ("m-0309", MEETING_DAY, "Thường trực HĐND huyện", 1)
    assert plan.lead == "Ban Kinh tế - Xã hội" and plan.cooperating == ("Ban Pháp chế",)
    assert plan.followup == FollowUp()  # nothing recorded yet
    assert found[1].deadline_on(None) is not None and found[1].deadline_on(None).due == date(2027, 5, 31)  # type: ignore[union-attr]


def test_the_view_is_a_copy() -> None:
    m = meeting()
    commit(m, mark_done(task(m, "t-plan"), date(2027, 3, 20)))
    view = task(m, "t-plan")
    commit(m, reopen(view, date(2027, 3, 21)))
    assert view.status is Status.DONE
    assert task(m, "t-plan").status is Status.NOT_STARTED


def test_mark_done_then_report_json() -> None:
    m = meeting()
    commit(m, add_progress(task(m, "t-plan"), date(2027, 3, 15), "Đã có dự thảo"))
    assert task(m, "t-plan").status is Status.IN_PROGRESS
    commit(m, mark_done(task(m, "t-plan"), date(2027, 4, 2), "Đã ban hành Kế hoạch số 12/KH-HĐND"))
    commit(m, set_notice(task(m, "t-plan"), "05/TB-HĐND", date(2027, 3, 12)))
    t = task(m, "t-plan")
    standing = state_on(t, date(2027, 4, 10))
    assert task_json(t, standing) == {
        "id": "t-plan",
        "meeting": "m-0309",
        "meeting_date": "09/03/2027",
        "notice": "05/TB-HĐND",
        "text": "Xây dựng kế hoạch giám sát",
        "lead": "Ban Kinh tế - Xã hội",
        "cooperating": ["Ban Pháp chế"],
        "deadline": "31/03/2027",
        "deadline_text": "31/03/2027",
        "status": "done",
        "state": "done_late",
        "days_late": 2,
        "progress": [{"date": "15/03/2027", "text": "Đã có dự thảo"}],
        "done_date": "02/04/2027",
    }


def test_json_of_an_untouched_task_without_deadline() -> None:
    t = task(meeting(), "t-bare")
    data = task_json(t, state_on(t, date(2027, 4, 1)))
    assert (data["deadline"], data["deadline_text"], data["state"], data["done_date"], data["notice"], data["lead"]) == (
        None, "", "no_deadline", None, None, None)


def test_change_deadline_keeps_history_and_reads_year_less_phrases_against_the_day() -> None:
    m = meeting()
    commit(m, change_deadline(task(m, "t-plan"), date(2027, 3, 25), "15/04", "chờ ý kiến các Ban"))
    commit(m, change_deadline(task(m, "t-plan"), date(2027, 4, 10), "tháng 5/2027", "bổ sung nội dung"))
    t = task(m, "t-plan")
    assert [(c.previous, c.deadline, c.reason) for c in t.followup.deadlines] == [
        ("31/03/2027", "15/04", "chờ ý kiến các Ban"), ("15/04", "tháng 5/2027", "bổ sung nội dung")]
    assert state_on(t, date(2027, 4, 1)).due == date(2027, 4, 15)
    assert state_on(t, date(2027, 5, 1)).due == date(2027, 5, 31)
    assert t.deadline_text() == "tháng 5/2027"
    assert t.deadline_text(date(2027, 3, 30)) == "15/04"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda t: change_deadline(t, date(2027, 3, 20), "khi nào xong"), "Chưa hiểu thời hạn"),
        (lambda t: mark_done(t, date(2027, 3, 1)), "trước ngày giao"),
        (lambda t: add_progress(t, date(2027, 3, 20), "   "), "để trống"),
        (lambda t: add_progress(t, date(2027, 3, 8), "sớm"), "trước ngày giao"),
        (lambda t: reopen(t, date(2027, 3, 20)), "đang mở"),
    ],
)
def test_builders_refuse_what_a_person_could_get_wrong(build, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TaskError, match=message) as caught:
        build(task(meeting(), "t-plan"))
    assert isinstance(caught.value, UserError)  # the CLI prints it as one line


def test_status_transitions() -> None:
    m = meeting()
    commit(m, pause(task(m, "t-plan"), date(2027, 3, 20), "chờ kinh phí"))
    t = task(m, "t-plan")
    assert t.status is Status.PAUSED and t.followup.status_date == date(2027, 3, 20)
    assert t.followup.progress == [ProgressNote(date(2027, 3, 20), "chờ kinh phí", "paused")]
    with pytest.raises(TaskError):
        pause(t, date(2027, 3, 21))
    commit(m, reopen(t, date(2027, 3, 25)))
    assert task(m, "t-plan").status is Status.NOT_STARTED  # a pause reason is not progress
    commit(m, cancel(task(m, "t-plan"), date(2027, 3, 26), "không còn phù hợp"))
    t = task(m, "t-plan")
    assert t.status is Status.CANCELLED
    with pytest.raises(TaskError):
        mark_done(t, date(2027, 3, 27))
    with pytest.raises(TaskError):
        change_deadline(t, date(2027, 3, 27), "30/04/2027")
    commit(m, reopen(t, date(2027, 3, 28)))
    commit(m, mark_done(task(m, "t-plan"), date(2027, 3, 29)))
    commit(m, mark_done(task(m, "t-plan"), date(2027, 3, 30)))  # a second mark corrects the date
    assert task(m, "t-plan").followup.done_date == date(2027, 3, 30)
    assert task(m, "d-owner").status is Status.NOT_STARTED  # other tasks untouched


def test_reopen_without_progress_is_not_started() -> None:
    m = meeting()
    commit(m, mark_done(task(m, "t-bare"), date(2027, 3, 10)))
    commit(m, reopen(task(m, "t-bare"), date(2027, 3, 11)))
    assert task(m, "t-bare").status is Status.NOT_STARTED


def test_reopen_after_a_pause_reason_alone_is_not_started() -> None:
    """The reason given with a pause is not progress (found by trying `tasks pause --note` then `reopen`)."""
    m = meeting()
    commit(m, pause(task(m, "t-bare"), date(2027, 3, 10), "chờ kinh phí"))
    assert task(m, "t-bare").followup.progress[-1].text == "chờ kinh phí"  # the reason is kept
    commit(m, reopen(task(m, "t-bare"), date(2027, 3, 11)))
    assert task(m, "t-bare").status is Status.NOT_STARTED
    commit(m, add_progress(task(m, "t-bare"), date(2027, 3, 12), "đã khảo sát"))
    commit(m, pause(task(m, "t-bare"), date(2027, 3, 13), "chờ ý kiến"))
    commit(m, reopen(task(m, "t-bare"), date(2027, 3, 14)))
    assert task(m, "t-bare").status is Status.IN_PROGRESS  # real progress was recorded


def test_record_meeting_once_per_role() -> None:
    m = meeting()
    t = task(m, "t-plan")
    commit(m, record_meeting(t, "m-0410", date(2027, 4, 10), CARRIED))
    t = task(m, "t-plan")
    assert t.followup.meetings == [MeetingRef("m-0410", date(2027, 4, 10), CARRIED)]
    assert record_meeting(t, "m-0410", date(2027, 4, 10), CARRIED) == []
    with pytest.raises(TaskError):
        record_meeting(t, "m-0309", None)


def test_index_entry_round_trip() -> None:
    m = meeting()
    commit(m, add_progress(task(m, "t-plan"), date(2027, 3, 15), "Đã có dự thảo"))
    commit(m, change_deadline(task(m, "t-plan"), date(2027, 3, 20), "15/04/2027", "chờ"))
    t = task(m, "t-plan")
    head, row = json.loads(json.dumps([t.head().to_dict(), t.to_row()], ensure_ascii=False))
    assert Task.from_row(MeetingHead.from_dict(head), row) == t
    assert Task.from_row(MeetingHead.from_dict(head), row).deadline_on() == t.deadline_on()


def test_state_filters() -> None:
    assert parse_state_filter("Overdue") == "overdue"
    assert parse_state_filter("due-soon") == "due_soon"
    with pytest.raises(TaskError, match="open, all"):
        parse_state_filter("late")
    m = meeting()
    commit(m, mark_done(task(m, "d-owner"), date(2027, 3, 20)))
    day = date(2027, 4, 5)
    standings = {t.id: (t, state_on(t, day)) for t in tasks_of(m)}
    chosen = {name: sorted(i for i, (t, s) in standings.items() if matches(t, s, state=name))
              for name in ("open", "all", "overdue", "done_on_time", "no_deadline")}
    assert chosen == {
        "open": ["t-bare", "t-plan"],
        "all": ["d-owner", "t-bare", "t-plan"],
        "overdue": ["t-plan"],
        "done_on_time": ["d-owner"],
        "no_deadline": ["t-bare"],
    }
    plan, plan_state = standings["t-plan"]
    assert matches(plan, plan_state, owner="ban phap che")  # a co-owner, accents and case ignored
    assert not matches(plan, plan_state, owner="Văn phòng")
    assert matches(plan, plan_state, meeting="m-03") and not matches(plan, plan_state, meeting="m-04")


def test_tracker_order_is_overdue_first_most_late_first() -> None:
    def make(task_id: str, deadline: str, record: FollowUp | None = None) -> Task:
        return Task(id=task_id, meeting="m", text=task_id, deadline=deadline, meeting_date=date(2027, 1, 5),
                    followup=record or FollowUp())

    day = date(2027, 3, 1)
    tasks = [
        make("done", "10/02/2027", FollowUp(status=Status.DONE, status_date=date(2027, 2, 1))),
        make("in-time", "30/04/2027"),
        make("late-3", "26/02/2027"),
        make("cancelled", "10/02/2027", FollowUp(status=Status.CANCELLED, status_date=date(2027, 2, 1))),
        make("soon", "05/03/2027"),
        make("late-20", "09/02/2027"),
        make("open-ended", ""),
        make("paused", "10/02/2027", FollowUp(status=Status.PAUSED, status_date=date(2027, 2, 1))),
        make("done-late", "10/01/2027", FollowUp(status=Status.DONE, status_date=date(2027, 2, 1))),
    ]
    ordered = sorted(tasks, key=lambda t: sort_key(t, state_on(t, day)))
    assert [t.id for t in ordered] == ["late-20", "late-3", "soon", "in-time", "open-ended", "paused", "done-late",
                                       "done", "cancelled"]
    assert state_on(ordered[0], day).state is State.OVERDUE


@pytest.mark.parametrize(("typed", "restated"), [
    ("15/12", "15/12/2026"),
    ("trước 05/12", "trước 05/12/2026"),
    ("quý I", "quý I/2027"),  # read against the meeting of 18/11/2026: next year's first quarter
    ("tháng 02", "tháng 02/2027"),
    ("cuối năm", "cuối năm 2026"),
    ("6 tháng đầu năm", "6 tháng đầu năm 2027"),
    ("31/01/2027", "31/01/2027"),
    ("quý IV/2026", "quý IV/2026"),
    ("thường xuyên", "thường xuyên"),
    ("", ""),
])
def test_a_carried_line_restates_the_task_with_its_year(typed: str, restated: str) -> None:
    from minutes_tui.core.tasks import carried_line

    given = Task(id="t-1", meeting="m-1118", text="Kiểm kê đất công", owners=("Phòng Kinh tế", "Địa chính"),
                 deadline=typed, meeting_date=date(2026, 11, 18))
    line = carried_line(given)
    assert (line.kind, line.text, line.owners, line.deadline, line.ref) == (
        Kind.TASK, "Kiểm kê đất công", ["Phòng Kinh tế", "Địa chính"], restated, "m-1118/t-1")
    later = Meeting(id="m-1202", details=MeetingDetails(date="2026-12-02"), lines=[line])
    assert tasks_of(later) == []  # the same task, not a new one
    if line.deadline and given.deadline_on() is not None and given.deadline_on().due is not None:
        from minutes_tui.core.dates import parse_deadline

        assert parse_deadline(line.deadline, date(2026, 12, 2)).due == given.deadline_on().due


def test_a_carried_line_takes_the_deadline_in_force() -> None:
    from minutes_tui.core.followup import DeadlineChange
    from minutes_tui.core.tasks import carried_line

    moved = Task(id="t-2", meeting="m-1118", text="Báo cáo", deadline="30/11/2026", meeting_date=date(2026, 11, 18),
                 followup=FollowUp(deadlines=[DeadlineChange(date(2026, 11, 25), "15/01", "chờ số liệu", "30/11/2026")]))
    assert carried_line(moved).deadline == "15/01/2027"
