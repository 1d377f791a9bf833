"""services.typing: the model learned from the archive, offered details, deadlines, /abbr on import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from minutes_tui.core.completion import suggest
from minutes_tui.core.model import Kind, Line, Meeting, MeetingDetails
from minutes_tui.services.importing import import_notes
from minutes_tui.services.typing import (
    aids_for,
    learn_entries,
    offered_details,
    ranked_deadlines,
)
from minutes_tui.store import Archive
from minutes_tui.store.completion_index import Entry

NOV = """/date 18/11/2026
/time 14 giờ 00
/place Hội trường UBND phường An Phú
/body UBND phường An Phú
/kind Phiên họp thường kỳ tháng 11 năm 2026
/attend Phó Chủ tịch UBND phường
> Giao Văn phòng HĐND và UBND phường tổng hợp báo cáo @Văn phòng HĐND và UBND phường ^25/11/2026
"""
OTHER_BODY = """/date 20/11/2026
/body Đảng ủy phường
/place Phòng họp Đảng ủy
+ Kết nạp 3 đảng viên mới
"""


def entry(day: str, lines: list[list], created: float = 0.0) -> Entry:
    return Entry([0], day, created, {}, lines)


def test_learn_entries_counts_the_newest_within_the_budget() -> None:
    old = entry("2020-01-01", [["note", "cũ cũ cũ cũ", [], ""]])
    new = entry("2026-11-01", [["task", "Giao Văn phòng tổng hợp", ["Văn phòng"], "30/11/2026"]])
    learned = learn_entries([old, new], budget=3)
    assert learned.meetings == 1 and learned.lines == 1  # the old meeting is past the budget
    assert "cu" not in learned.model.followers
    assert learned.owner_uses == [("Văn phòng", date(2026, 11, 1).toordinal())]
    assert learned.deadline_uses == [("30/11/2026", date(2026, 11, 1))]
    assert learn_entries([old, new]).meetings == 2


def test_ranked_deadlines_are_to_come_and_moved_to_the_meeting_month() -> None:
    uses = [("25/11/2026", date(2026, 11, 18)), ("thường xuyên", date(2026, 11, 18)), ("31/12/2026", date(2026, 11, 18)),
            ("15/01/2026", date(2026, 1, 10))]
    ranked = ranked_deadlines(uses, date(2026, 12, 16))
    assert "25/11/2026" not in ranked  # past
    assert "25/12/2026" in ranked  # moved a month, as the meeting
    assert "thường xuyên" in ranked and "31/12/2026" in ranked
    assert "31/01/2027" in ranked  # the last day stays the last day


def test_offered_details_come_from_the_last_meeting_of_the_same_body(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        import_notes(archive, NOV).store.close()
        import_notes(archive, OTHER_BODY).store.close()
        aids = aids_for(archive)
        new = Meeting(details=MeetingDetails(date="2026-12-16"))
        offered = offered_details(archive, aids, new)
        assert offered["body"] == ["Đảng ủy phường"]  # no body yet: the newest meeting's
        new.details.body = "ubnd phuong an phu"
        offered = offered_details(archive, aids, new)
        assert offered["place"] == ["Hội trường UBND phường An Phú"]
        assert offered["kind"] == ["Phiên họp thường kỳ tháng 12 năm 2026"]
        assert offered["attend"] == ["Phó Chủ tịch UBND phường"]
        template = aids.save_template("Giao ban", MeetingDetails(date="2026-11-18", kind="Giao ban tháng 11/2026"))
        aids.templates[new.id] = template
        assert offered_details(archive, aids, new) == {"kind": ["Giao ban tháng 12/2026"]}
        assert aids_for(archive) is aids


def test_build_learns_the_archive_and_the_current_meeting_joins_it(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        import_notes(archive, NOV).store.close()
        aids = aids_for(archive)
        current = Meeting(details=MeetingDetails(date="2026-12-16"))
        learned = aids.build({}, current.id)
        assert learned.lines == 1 and learned.read == 1
        aids.install(learned, current)
        context = aids.context(current, Kind.TASK)
        offer = suggest("giao van phong", context)
        assert offer is not None and offer.value.startswith("Giao Văn phòng HĐND và UBND phường tổng hợp báo cáo")
        assert context.owners[0] == "Văn phòng HĐND và UBND phường"
        assert "25/12/2026" in context.deadlines
        line = Line(Kind.NOTE, "Chủ tịch khai mạc phiên họp", owners=["Công an phường"])
        aids.learn_line(line)
        offer = suggest("chu tich k", aids.context(current, None))
        assert offer is not None and offer.value == "Chủ tịch khai mạc phiên họp @Công an phường"
        assert aids.owners()[0] == "Công an phường"  # just used: first


def test_import_saves_abbreviations(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        result = import_notes(archive, "/abbr ubnd Ủy ban nhân dân\nubnd họp\n")
        assert [line.text for line in result.store.meeting.lines] == ["ubnd họp"]  # import keeps the text as written
        result.store.close()
        assert aids_for(archive).abbreviations.get("ubnd") == "Ủy ban nhân dân"
    with Archive(tmp_path / "data") as archive:
        assert aids_for(archive).abbreviations.get("UBnd") == "Ủy ban nhân dân"
