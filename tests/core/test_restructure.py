"""Structure edits of review: examples, and properties over random op sequences."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from minutes_tui.core import edits, restructure
from minutes_tui.core.model import Kind, Line, Meeting, block_range


def meeting_of(spec: str) -> Meeting:
    """``"# a|+ b|c"``: one line per ``|``, sigils as typed (``#``, ``##``, ``+``, ``>``, none)."""
    kinds = {"#": Kind.SECTION, "##": Kind.SUBSECTION, "+": Kind.FINDING, ">": Kind.TASK, "!": Kind.SHORTCOMING}
    lines = []
    for part in spec.split("|"):
        sigil, _, text = part.partition(" ")
        lines.append(Line(kinds[sigil], text) if sigil in kinds else Line(Kind.NOTE, part))
    return Meeting(lines=lines)


def texts(meeting: Meeting) -> list[str]:
    return [line.text for line in meeting.lines]


def run(meeting: Meeting, ops: list[edits.Op]) -> Meeting:
    edits.apply_all(meeting, ops)
    return meeting


def by_text(meeting: Meeting, text: str) -> str:
    return next(line.id for line in meeting.lines if line.text == text)


# -- examples ---------------------------------------------------------------------------------
def test_move_line_and_section_block() -> None:
    meeting = meeting_of("# A|+ a1|+ a2|# B|> b1")
    run(meeting, restructure.move(meeting.lines, by_text(meeting, "a1"), 1))
    assert texts(meeting) == ["A", "a2", "a1", "B", "b1"]
    run(meeting, restructure.move(meeting.lines, by_text(meeting, "B"), -1))
    assert texts(meeting) == ["B", "b1", "A", "a2", "a1"]
    assert restructure.move(meeting.lines, by_text(meeting, "B"), -1) == []  # already first


def test_a_sub_section_stays_in_its_section() -> None:
    meeting = meeting_of("# A|## a|x|# B|## b|y")
    assert restructure.move(meeting.lines, by_text(meeting, "b"), -1) == []
    assert restructure.move(meeting.lines, by_text(meeting, "a"), 1) == []


def test_move_to_the_last_section_stays_before_the_closing_note() -> None:
    meeting = meeting_of("# A|> task|# B|+ b1|kết thúc cuộc họp lúc 11 giờ")
    run(meeting, restructure.move_to_section(meeting.lines, [by_text(meeting, "task")], by_text(meeting, "B")))
    assert texts(meeting) == ["A", "B", "b1", "task", "kết thúc cuộc họp lúc 11 giờ"]


def test_move_to_a_section_with_sub_sections_lands_before_the_first_one() -> None:
    meeting = meeting_of("# A|+ a1|## sub|> s1|# B|> b1|> b2")
    ops = restructure.move_to_section(meeting.lines, [by_text(meeting, "b1"), by_text(meeting, "b2")], by_text(meeting, "A"))
    assert texts(run(meeting, ops)) == ["A", "a1", "b1", "b2", "sub", "s1", "B"]


def test_lines_already_under_the_heading_do_not_move() -> None:
    meeting = meeting_of("# A|+ a1|+ a2|# B")
    assert restructure.move_to_section(meeting.lines, [by_text(meeting, "a1")], by_text(meeting, "A")) == []


def test_merge_punctuates_and_keeps_owners_and_first_deadline() -> None:
    meeting = meeting_of("# A|> Rà soát hồ sơ|> nộp báo cáo")
    meeting.lines[1].owners, meeting.lines[2].owners = ["Văn phòng"], ["Văn phòng", "Tư pháp"]
    meeting.lines[2].deadline = "31/03"
    run(meeting, restructure.merge(meeting.lines, meeting.lines[1].id))
    line = meeting.lines[1]
    assert (line.text, line.owners, line.deadline) == ("Rà soát hồ sơ; nộp báo cáo", ["Văn phòng", "Tư pháp"], "31/03")
    assert len(meeting.lines) == 2


def test_join_sentences() -> None:
    assert restructure.join_sentences("Thu đạt 92%", "cao hơn cùng kỳ") == "Thu đạt 92%; cao hơn cùng kỳ"
    assert restructure.join_sentences("Thu đạt 92%", "UBND huyện biểu dương") == "Thu đạt 92%. UBND huyện biểu dương"
    assert restructure.join_sentences("Thu đạt 92%.", "Chi tăng") == "Thu đạt 92%. Chi tăng"
    assert restructure.join_sentences("Gồm:", "a, b") == "Gồm: a, b"


def test_nothing_to_merge_across_a_heading() -> None:
    meeting = meeting_of("+ a|# B|+ b")
    assert restructure.merge(meeting.lines, meeting.lines[0].id) == []
    assert restructure.merge(meeting.lines, meeting.lines[2].id) == []


def test_split_makes_the_second_half_a_plain_note() -> None:
    meeting = meeting_of("> Rà soát hồ sơ và báo cáo kết quả")
    meeting.lines[0].owners, meeting.lines[0].deadline = ["Văn phòng"], "31/03"
    run(meeting, restructure.split(meeting.lines, meeting.lines[0].id, "Rà soát hồ sơ", "và báo cáo kết quả"))
    first, second = meeting.lines
    assert (first.kind, first.text, first.owners, first.deadline) == (Kind.TASK, "Rà soát hồ sơ", ["Văn phòng"], "31/03")
    assert (second.kind, second.text, second.owners, second.deadline) == (Kind.NOTE, "và báo cáo kết quả", [], "")
    assert restructure.split(meeting.lines, first.id, "  ", "x") == []


def test_split_undoes_the_mark_a_merge_put() -> None:
    meeting = meeting_of("+ Thu đạt 92%; cao hơn cùng kỳ")
    run(meeting, restructure.split(meeting.lines, meeting.lines[0].id, "Thu đạt 92%", "; cao hơn cùng kỳ"))
    assert texts(meeting) == ["Thu đạt 92%", "cao hơn cùng kỳ"]


# -- properties ---------------------------------------------------------------------------------
KINDS = st.sampled_from([Kind.SECTION, Kind.SUBSECTION, Kind.FINDING, Kind.TASK, Kind.NOTE, Kind.NOTE])
OPS = st.lists(
    st.tuples(st.sampled_from(["up", "down", "to_section", "merge", "split", "delete"]),
              st.integers(0, 50), st.integers(0, 50)),
    max_size=25,
)


@given(st.lists(KINDS, min_size=1, max_size=14), OPS)
def test_every_sequence_keeps_each_line_exactly_once_with_its_id(kinds: list[Kind], steps: list[tuple[str, int, int]]) -> None:
    meeting = Meeting(lines=[Line(kind, f"dòng {n}") for n, kind in enumerate(kinds)])
    expected = Counter(line.id for line in meeting.lines)
    for name, a, b in steps:
        lines = meeting.lines
        if not lines:
            break
        line = lines[a % len(lines)]
        before_ids = [l.id for l in lines]
        if name in ("up", "down"):
            block = [lines[i].id for i in block_range(lines, a % len(lines))]
            ops = restructure.move(lines, line.id, -1 if name == "up" else 1)
            run(meeting, ops)
            after = [l.id for l in meeting.lines]
            start = after.index(block[0])
            assert after[start : start + len(block)] == block  # a heading's block stays whole, in order
            assert (after != before_ids) == bool(ops)
        elif name == "to_section":
            headings = [l for l in lines if l.kind.is_heading]
            if not headings:
                continue
            target = headings[b % len(headings)]
            chosen = [l.id for n, l in enumerate(lines) if (n + b) % 3 == 0 and not l.kind.is_heading]
            run(meeting, restructure.move_to_section(lines, chosen, target.id))
            under = None
            for moved in meeting.lines:
                if moved.kind.is_heading:
                    under = moved.id
                elif moved.id in chosen:
                    assert under == target.id  # each chosen line now sits under the target
        elif name == "merge":
            following = lines[a % len(lines) + 1] if a % len(lines) + 1 < len(lines) else None
            ops = restructure.merge(lines, line.id)
            run(meeting, ops)
            if ops:
                assert following is not None
                expected[following.id] -= 1
        elif name == "split":
            ops = restructure.split(lines, line.id, line.text[: b % 8], line.text[b % 8 :])
            run(meeting, ops)
            if ops:
                expected[ops[1]["line"]["id"]] += 1
        else:
            run(meeting, restructure.delete(lines, [line.id]))
            expected[line.id] -= 1
        assert Counter(l.id for l in meeting.lines) == +expected  # every line exactly once, no new ids
