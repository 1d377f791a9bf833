from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_tui.core import checks, edits
from minutes_tui.core.checks import CheckCache, check_meeting
from minutes_tui.core.directory import Directory
from minutes_tui.core.model import Kind, Line, Meeting, MeetingDetails


def codes(meeting: Meeting, directory: Directory | None = None) -> list[tuple[str | None, str]]:
    return [(p.line_id, p.code) for p in check_meeting(meeting, directory)]


def test_missing_details_are_reported() -> None:
    assert [code for _, code in codes(Meeting())] == [
        "missing_date", "missing_place", "missing_chair", "missing_body",
        "record_missing_time", "record_missing_secretary",  # issue #12: the biên bản's blanks are flagged
    ]


def test_the_five_clear_rules_for_tasks() -> None:
    details = MeetingDetails(date="2027-03-09", place="P", chair="C", body="B", time="8 giờ", secretary="S")
    no_owner = Line(Kind.TASK, "a", [], "31/03/2027")
    no_deadline = Line(Kind.TASK, "b", ["Văn phòng"])
    past = Line(Kind.TASK, "c", ["Văn phòng"], "01/03/2027")
    unclear = Line(Kind.TASK, "d", ["Văn phòng"], "khi nào xong")
    fine = Line(Kind.TASK, "e", ["Văn phòng"], "quý II")
    meeting = Meeting(details=details, lines=[no_owner, no_deadline, past, unclear, fine])
    assert codes(meeting) == [
        (no_owner.id, "task_no_owner"),
        (no_deadline.id, "task_no_deadline"),
        (past.id, "deadline_past"),
        (unclear.id, "deadline_unclear"),
    ]


def test_sections_empty_and_lines_outside() -> None:
    details = MeetingDetails(date="2027-03-09", place="P", chair="C", body="B", time="8 giờ", secretary="S")
    stray = Line(Kind.FINDING, "trước mục")
    empty = Line(Kind.SECTION, "Mục trống")
    note_only = Line(Kind.NOTE, "chỉ ghi chú")
    full = Line(Kind.SECTION, "Mục có nội dung")
    empty_sub = Line(Kind.SUBSECTION, "Tiểu mục trống")
    sub = Line(Kind.SUBSECTION, "Tiểu mục")
    decision = Line(Kind.DECISION, "thống nhất")
    meeting = Meeting(details=details, lines=[stray, empty, note_only, full, empty_sub, sub, decision])
    assert codes(meeting) == [(stray.id, "outside_section"), (empty.id, "empty_section"), (empty_sub.id, "empty_section")]


def test_unknown_owner_suggests_the_closest_known_one_under_folding() -> None:
    directory = Directory(aliases={"vp": "Văn phòng thị xã"}, owners=["Thị ủy Đức Phổ"])
    details = MeetingDetails(date="2027-03-09", place="P", chair="C", body="B", time="8 giờ", secretary="S")
    typo = Line(Kind.TASK, "x", ["Van phong thi xa"], "31/03/2027")  # no accents: a known name
    other = Line(Kind.TASK, "y", ["Thị uỷ Đứ Phổ"], "31/03/2027")  # tone placement + a dropped letter
    problems = check_meeting(Meeting(details=details, lines=[typo, other]), directory)
    assert [(p.line_id, p.code, p.suggestion) for p in problems] == [(other.id, "unknown_owner", "Thị ủy Đức Phổ")]


def test_a_section_holding_only_sub_sections_with_content_is_not_empty() -> None:
    details = MeetingDetails(date="2027-03-09", time="8 giờ", place="P", chair="C", body="B", secretary="S")
    section, sub, empty_sub = Line(Kind.SECTION, "A"), Line(Kind.SUBSECTION, "a"), Line(Kind.SUBSECTION, "b")
    closing = Line(Kind.SECTION, "B")
    lines = [section, sub, Line(Kind.TASK, "x", ["V"], "quý II"), empty_sub, Line(Kind.NOTE, "ghi chú"), closing]
    assert codes(Meeting(details=details, lines=lines)) == [(empty_sub.id, "empty_section"), (closing.id, "empty_section")]


def test_messages_follow_the_ui_language() -> None:
    from minutes_tui.i18n import set_language

    meeting = Meeting(lines=[Line(Kind.SECTION, "Muc"), Line(Kind.TASK, "viec ^@x")])
    set_language("en")
    try:
        messages = [problem.message for problem in check_meeting(meeting)]
    finally:
        set_language("vi")
    assert messages and not any(ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ" for m in messages for ch in m.lower())


# -- the cache review re-checks with after each key ----------------------------------------------
_KINDS = list(Kind)
_TEXTS = ["Rà soát hồ sơ", "Kiểm tra @ai", "Báo cáo ^mai"]
_OWNERS = [[], ["Văn phòng"], ["Phòng Lạ"]]
_DEADLINES = ["", "31/03/2027", "01/01/2020", "khi nào xong"]


@st.composite
def _edited_meetings(draw: st.DrawFn) -> tuple[Meeting, list[list[tuple[int, dict[str, object]]]]]:
    """A meeting, then rounds of in-place edits (line index, changed fields)."""
    def line_fields() -> dict[str, object]:
        return {"kind": draw(st.sampled_from(_KINDS)).value, "text": draw(st.sampled_from(_TEXTS)),
                "owners": draw(st.sampled_from(_OWNERS)), "deadline": draw(st.sampled_from(_DEADLINES))}
    count = draw(st.integers(min_value=1, max_value=12))
    lines = [Line(Kind(fields["kind"]), str(fields["text"]), list(fields["owners"]),  # type: ignore[call-overload]
                  str(fields["deadline"])) for fields in (line_fields() for _ in range(count))]
    details = MeetingDetails(date="2027-03-09", place="P", chair="C", body="B")
    rounds = [[(draw(st.integers(min_value=0, max_value=count - 1)),
                {key: value for key, value in line_fields().items() if draw(st.booleans())})
               for _ in range(draw(st.integers(min_value=1, max_value=3)))]
              for _ in range(draw(st.integers(min_value=1, max_value=4)))]
    return Meeting(details=details, lines=lines), rounds


@settings(max_examples=300, deadline=None)
@given(_edited_meetings())
def test_rechecking_only_the_edited_lines_finds_what_a_full_check_finds(case) -> None:
    meeting, rounds = case
    directory = Directory.from_dict({"owners": ["Văn phòng"]})
    cache = CheckCache()
    assert check_meeting(meeting, directory, cache) == check_meeting(meeting, directory)
    for edits_of_round in rounds:
        changed = set()
        for index, fields in edits_of_round:
            line_id = meeting.lines[index].id
            edits.apply(meeting, edits.update(line_id, **fields))
            changed.add(line_id)
        assert check_meeting(meeting, directory, cache, changed) == check_meeting(meeting, directory)


def test_a_retag_rechecks_the_retagged_line_only(monkeypatch) -> None:
    lines = [Line(Kind.SECTION, "Mục"), *(Line(Kind.TASK, f"việc {n}", ["Văn phòng"], "31/03/2027") for n in range(50))]
    meeting = Meeting(details=MeetingDetails(date="2027-03-09", place="P", chair="C", body="B"), lines=lines)
    cache = CheckCache()
    check_meeting(meeting, None, cache)
    checked: list[str] = []
    real = checks._line_problems
    monkeypatch.setattr(checks, "_line_problems", lambda line, *args: checked.append(line.id) or real(line, *args))
    edits.apply(meeting, edits.update(lines[7].id, kind=Kind.FINDING))
    check_meeting(meeting, None, cache, {lines[7].id})
    assert checked == [lines[7].id]
    edits.apply(meeting, edits.update(lines[9].id, kind=Kind.NOTE))  # a note: its section may now be empty
    assert check_meeting(meeting, None, cache, {lines[9].id}) == check_meeting(meeting)
