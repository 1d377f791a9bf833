"""The prose check itself: each rule finds what it is for (so the corpus test can fail)."""

from __future__ import annotations

import pytest

from tests.corpus.prose import check

OFFICE = """\
/set authority TL. CHỦ TỊCH
/set recipients TT HĐND xã; UBND xã
/set announcer Văn phòng
/body UBND xã Tân Hòa
"""
HEAD = ["THÔNG BÁO", "Kết luận của Chủ tịch UBND xã tại phiên họp"]
GOOD_CLOSING = "Thừa lệnh Chủ tịch UBND xã Tân Hòa, Văn phòng thông báo đến các cơ quan, đơn vị liên quan biết./."

CASES = [
    ("verb capitalised after the owner", "> Bảo đảm tiến độ @Văn phòng HĐND và UBND xã\n",
     ["- Văn phòng HĐND và UBND xã Bảo đảm tiến độ."], [], "capitalised mid-sentence"),
    ("doubled punctuation", "> Rà soát hồ sơ; @Công an xã\n", ["- Công an xã rà soát hồ sơ;; kịp thời."], [],
     "doubled punctuation"),
    ("phối hợp với twice", "> Kiểm tra @Công an xã @Trạm Y tế xã\n",
     ["- Công an xã chủ trì, phối hợp với Trạm Y tế xã phối hợp với Trạm Y tế xã kiểm tra."], [], "twice"),
    ("recipient twice", "", [], ["TT HĐND xã", "Thường trực HĐND xã"], "Nơi nhận lists twice"),
    ("lost deadline", "> Rà soát hồ sơ đất đai @Công an xã ^20/03\n", ["- Công an xã rà soát hồ sơ đất đai."], [],
     "lost"),
    ("lost quarter", "> Rà soát hồ sơ đất đai @Công an xã ^quý II\n",
     ["- Công an xã rà soát hồ sơ đất đai; hoàn thành trong quý III năm 2027."], [], "lost"),
]


@pytest.mark.parametrize(("name", "lines", "bullets", "recipients", "found"), CASES, ids=[c[0] for c in CASES])
def test_each_rule_finds_its_problem(name: str, lines: str, bullets: list[str], recipients: list[str], found: str) -> None:
    problems = check(OFFICE + lines, [*HEAD, *bullets, GOOD_CLOSING], recipients)
    assert any(found in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("authority", "closing", "wrong"),
    [
        ("TL. CHỦ TỊCH", "Văn phòng thông báo đến các cơ quan, đơn vị liên quan biết./.", True),
        ("KT. CHỦ TỊCH", GOOD_CLOSING, True),
        ("", GOOD_CLOSING, True),
        ("TL. CHỦ TỊCH", GOOD_CLOSING, False),
        ("KT. CHỦ TỊCH", "UBND xã Tân Hòa thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.", False),
    ],
)
def test_closing_against_the_signature(authority: str, closing: str, wrong: bool) -> None:
    office = OFFICE.replace("TL. CHỦ TỊCH", authority)
    problems = check(office, [*HEAD, closing], [])
    assert any("closing" in problem for problem in problems) is wrong


def test_a_notice_a_head_signs_as_it_is_passes() -> None:
    lines = ("> Rà soát hồ sơ đất đai @Công an xã @Trạm Y tế xã ^20/03\n"
             "> Kiểm tra thường xuyên các chợ @Trạm Y tế xã ^thường xuyên\n")
    bullets = ["- Công an xã chủ trì, phối hợp với Trạm Y tế xã rà soát hồ sơ đất đai; hoàn thành trước ngày 20/03/2027.",
               "- Trạm Y tế xã kiểm tra thường xuyên các chợ."]
    assert check(OFFICE + lines, [*HEAD, *bullets, GOOD_CLOSING], ["TT HĐND xã", "UBND xã", "Công an xã"]) == []
