"""How the register follows the signed notice (table tests of the pure rule)."""

from __future__ import annotations

from datetime import date

import pytest

from minutes_tui.core import edits
from minutes_tui.core.align import ADDED, CHANGED, REMOVED, ParagraphChange
from minutes_tui.core.model import Kind, Line, Meeting, MeetingDetails
from minutes_tui.core.signed_tasks import (
    ADDED_TASK,
    CANCELLED,
    DEADLINE_CHANGED,
    FLAGGED,
    OWNERS_CHANGED,
    REWORDED,
    _owner_at_start,
    deadline_phrases,
    follow_signed,
    split_owners,
)
from minutes_tui.core.tasks import tasks_of

DAY = date(2027, 3, 16)


@pytest.mark.parametrize("text, expected", [
    ("- A làm việc x; hoàn thành trước ngày 31/03/2027.", ["31/03/2027"]),
    ("- A làm việc x trong tháng 05/2027.", ["thang 05/2027"]),
    ("- A làm việc x trong quý II năm 2027.", ["quy ii nam 2027"]),
    ("- A làm việc x trong 6 tháng đầu năm 2027.", ["6 thang dau nam 2027"]),
    ("- A thực hiện thường xuyên.", []),
])
def test_deadline_phrases(text: str, expected: list[str]) -> None:
    assert deadline_phrases(text) == expected


@pytest.mark.parametrize("sentence, owner", [
    ("Ban Pháp chế rà soát văn bản", "Ban Pháp chế"),
    ("Giao Ban Pháp chế rà soát văn bản", "Ban Pháp chế"),
    ("Đề nghị Văn phòng HĐND và UBND huyện tổng hợp", "Văn phòng HĐND và UBND huyện"),
    ("Văn phòng HĐND và UBND huyện lập báo cáo", "Văn phòng HĐND và UBND huyện"),  # the longest name wins
    ("Cần quan tâm hơn nữa", None),
])
def test_owner_at_the_start(sentence: str, owner: str | None) -> None:
    found = _owner_at_start(sentence, ["Ban Pháp chế", "Văn phòng HĐND và UBND huyện", "Văn phòng"])
    assert (found[0] if found else None) == owner


def _meeting() -> tuple[Meeting, Line, Line]:
    first = Line(Kind.TASK, "Xây dựng kế hoạch", ["Ban Kinh tế"], "31/03/2027")
    second = Line(Kind.TASK, "Tổng hợp ý kiến", ["Văn phòng"], "tháng 5/2027")
    return Meeting(details=MeetingDetails(date="2027-03-09"), lines=[first, second]), first, second


def test_every_kind_of_change_and_idempotence() -> None:
    meeting, first, second = _meeting()
    changes = [
        ParagraphChange(CHANGED, f"line:{first.id}", "- Ban Kinh tế xây dựng kế hoạch; hoàn thành trước ngày 31/03/2027.",
                        "- Ban Kinh tế xây dựng kế hoạch; hoàn thành trước ngày 15/04/2027."),
        ParagraphChange(REMOVED, f"line:{second.id}", "- Văn phòng tổng hợp ý kiến; hoàn thành trong tháng 05/2027.", ""),
        ParagraphChange(ADDED, None, "", "- Văn phòng lập báo cáo tổng kết; hoàn thành trước ngày 30/06/2027."),
        ParagraphChange(ADDED, None, "", "- Cần quan tâm hơn nữa."),
    ]
    listed, ops = follow_signed(meeting, changes, names=["Ban Kinh tế", "Văn phòng"], number="05/TB-VP",
                                issued=DAY, today=DAY)
    assert [(c.kind, c.task_id is None) for c in listed] == [
        (DEADLINE_CHANGED, False), (CANCELLED, False), (ADDED_TASK, False), (FLAGGED, True)]
    edits.apply_all(meeting, ops)
    again, more = follow_signed(meeting, changes, names=["Ban Kinh tế", "Văn phòng"], number="05/TB-VP",
                                issued=DAY, today=DAY)
    assert more == [] and [c.kind for c in again] == [FLAGGED]


def test_a_reworded_task_takes_the_signed_words_without_its_deadline_clause() -> None:
    meeting, first, _ = _meeting()
    change = ParagraphChange(CHANGED, f"line:{first.id}",
                             "- Ban Kinh tế xây dựng kế hoạch; hoàn thành trước ngày 31/03/2027.",
                             "- Ban Kinh tế xây dựng kế hoạch chi tiết; hoàn thành trước ngày 31/03/2027.")
    listed, ops = follow_signed(meeting, [change], names=[], number="05", issued=DAY, today=DAY)
    # the owner stands before the words in the notice, not inside the task's own text
    assert [(c.kind, c.after) for c in listed] == [(REWORDED, "Xây dựng kế hoạch chi tiết")]
    assert ops[0]["changes"] == {"issued_text": "Xây dựng kế hoạch chi tiết"}


NAMES = ["Công an xã", "Ban Chỉ huy Quân sự xã", "Văn phòng", "Trạm Y tế xã", "Ban Kinh tế"]


@pytest.mark.parametrize("sentence, owners, rest", [
    ("Công an xã tổ chức diễn tập", ["Công an xã"], "Tổ chức diễn tập"),
    ("Giao Văn phòng tham mưu tổ chức hội nghị", ["Văn phòng"], "Tham mưu tổ chức hội nghị"),
    ("Công an xã chủ trì, phối hợp với Ban Chỉ huy Quân sự xã tổ chức diễn tập",
     ["Công an xã", "Ban Chỉ huy Quân sự xã"], "Tổ chức diễn tập"),
    ("Công an xã chủ trì, phối hợp với Ban Chỉ huy Quân sự xã, Văn phòng và Trạm Y tế xã tổ chức diễn tập",
     ["Công an xã", "Ban Chỉ huy Quân sự xã", "Văn phòng", "Trạm Y tế xã"], "Tổ chức diễn tập"),
    # a partner the office does not know stays in the words: nothing is lost
    ("Công an xã chủ trì, phối hợp với Hội Cựu chiến binh tổ chức diễn tập", ["Công an xã"],
     "Chủ trì, phối hợp với Hội Cựu chiến binh tổ chức diễn tập"),
    ("Cần quan tâm hơn nữa", [], "Cần quan tâm hơn nữa"),
])
def test_split_owners(sentence: str, owners: list[str], rest: str) -> None:
    assert split_owners(sentence, NAMES) == (owners, rest)


def test_a_partner_the_leader_added_joins_the_task_and_stays_out_of_its_text() -> None:
    """Found by trying: the signed "Công an xã chủ trì, phối hợp với …" became the task's text, owner and all."""
    task = Line(Kind.TASK, "Tổ chức diễn tập phòng cháy", ["Công an xã"], "30/04/2027")
    meeting = Meeting(details=MeetingDetails(date="2027-03-09"), lines=[task])
    change = ParagraphChange(
        CHANGED, f"line:{task.id}", "- Công an xã tổ chức diễn tập phòng cháy; hoàn thành trước ngày 30/04/2027.",
        "- Công an xã chủ trì, phối hợp với Ban Chỉ huy Quân sự xã tổ chức diễn tập phòng cháy; "
        "hoàn thành trước ngày 30/04/2027.")
    listed, ops = follow_signed(meeting, [change], names=NAMES, number="07", issued=DAY, today=DAY)
    assert [(c.kind, c.after) for c in listed] == [(OWNERS_CHANGED, "Công an xã, Ban Chỉ huy Quân sự xã")]
    edits.apply_all(meeting, ops)
    [registered] = tasks_of(meeting)
    assert registered.owners == ("Công an xã", "Ban Chỉ huy Quân sự xã")
    assert registered.text == "Tổ chức diễn tập phòng cháy"
    assert meeting.lines[0].owners == ["Công an xã"]  # the notes stay as typed
    again, more = follow_signed(meeting, [change], names=NAMES, number="07", issued=DAY, today=DAY)
    assert again == [] and more == []


def test_a_task_the_leader_added_starts_with_a_capital() -> None:
    meeting, _, _ = _meeting()
    change = ParagraphChange(ADDED, None, "", "- Giao Văn phòng tham mưu tổ chức hội nghị; hoàn thành trước ngày 30/06/2027.")
    listed, ops = follow_signed(meeting, [change], names=NAMES, number="05", issued=DAY, today=DAY)
    assert [(c.kind, c.after) for c in listed] == [(ADDED_TASK, "Giao Văn phòng tham mưu tổ chức hội nghị; hoàn thành trước ngày 30/06/2027.")]
    edits.apply_all(meeting, ops)
    added = meeting.lines[-1]
    assert (added.text, added.owners, added.deadline) == ("Tham mưu tổ chức hội nghị", ["Văn phòng"], "30/06/2027")
