"""signature.py and framing.py: the wording follows who signs."""

from __future__ import annotations

import pytest

from minutes_tui.core.framing import (
    attendee_text,
    audience,
    closing_text,
    kind_without_body,
    meeting_noun,
    summary_text,
)
from minutes_tui.core.model import (
    DEFAULT_CLOSING,
    Kind,
    Line,
    Meeting,
    MeetingDetails,
    OfficeSettings,
)
from minutes_tui.core.signature import Signature, holder_of, role_of, signature_of


@pytest.mark.parametrize(
    ("authority", "title", "prefix", "holder", "by_order", "collective"),
    [
        ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "TL.", "Chủ tịch", True, False),
        ("TL. THƯỜNG TRỰC HĐND", "CHÁNH VĂN PHÒNG", "TL.", "Thường trực HĐND", True, True),
        ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "KT.", "Giám đốc", False, False),
        ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "TM.", "Ủy ban nhân dân", False, True),
        ("TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ", "TUQ.", "Chủ tịch", True, False),
        ("TL. CHỦ TỊCH|KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "TL.", "Chủ tịch", True, False),
        ("", "GIÁM ĐỐC", "", "Giám đốc", False, False),
        ("", "", "", "", False, False),
    ],
)
def test_signature_of(authority: str, title: str, prefix: str, holder: str, by_order: bool, collective: bool) -> None:
    signature = signature_of(authority, title)
    assert (signature.prefix, signature.holder, signature.by_order, signature.collective) == (
        prefix, holder, by_order, collective)


@pytest.mark.parametrize(
    ("holder", "body", "expected"),
    [
        ("Chủ tịch", "UBND xã Tân Hòa", "Chủ tịch UBND xã Tân Hòa"),
        ("Thường trực HĐND", "Thường trực HĐND thị xã", "Thường trực HĐND thị xã"),
        ("Chủ tịch", "Thường trực HĐND xã", "Chủ tịch HĐND xã"),
        ("Giám đốc", "Ban Giám đốc Trung tâm Y tế", "Giám đốc Trung tâm Y tế"),
        ("Ủy ban nhân dân", "UBND phường An Phú", "UBND phường An Phú"),
        ("Chủ tịch", "", "Chủ tịch"),
    ],
)
def test_holder_of(holder: str, body: str, expected: str) -> None:
    assert holder_of(Signature("TL.", holder), body) == expected


@pytest.mark.parametrize(
    ("person", "role"),
    [
        ("Nguyễn Kiên - Tỉnh ủy viên, Bí thư Thị ủy, Chủ tịch HĐND thị xã", "Chủ tịch HĐND thị xã"),
        ("Lê Minh Hải - Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
        ("đồng chí Chủ tịch UBND xã", "Chủ tịch UBND xã"),
        ("đồng chí Trần Quốc Bảo - Chủ tịch UBND phường", "Chủ tịch UBND phường"),
        ("Trần Quốc Bảo", None),
        ("", None),
    ],
)
def test_role_of(person: str, role: str | None) -> None:
    assert role_of(person) == role


@pytest.mark.parametrize(
    ("kind", "body", "where"),
    [
        ("Phiên họp Thường trực HĐND thị xã", "Thường trực HĐND thị xã", "phiên họp"),
        ("Phiên họp UBND xã thường kỳ tháng 3", "UBND xã", "phiên họp thường kỳ tháng 3"),
        ("Cuộc họp giao ban", "Sở Y tế", "cuộc họp giao ban"),
        ("HĐND xã họp liên tịch", "Thường trực HĐND xã", "HĐND xã họp liên tịch"),
        ("Phiên họp UBND xã thường kỳ tháng 3", "UBND xã Tân Hòa", "phiên họp thường kỳ tháng 3"),  # a short form
        ("Cuộc họp giao ban Văn phòng", "Văn phòng HĐND và UBND xã", "cuộc họp giao ban"),
    ],
)
def test_kind_without_body(kind: str, body: str, where: str) -> None:
    assert kind_without_body(kind, body) == where


def test_meeting_noun() -> None:
    assert [meeting_noun(k) for k in ("Phiên họp thường kỳ", "hội nghị sơ kết", "Giao ban", "")] == [
        "Phiên họp", "Hội nghị", "Cuộc họp", "Cuộc họp"]


@pytest.mark.parametrize(
    ("attendee", "written"),
    [
        ("Phan Văn Tùng - Phó Chủ tịch UBND xã", "đồng chí Phan Văn Tùng - Phó Chủ tịch UBND xã"),
        ("đồng chí Phan Văn Tùng - Phó Chủ tịch", "đồng chí Phan Văn Tùng - Phó Chủ tịch"),
        ("Ban Kinh tế - Xã hội", "Ban Kinh tế - Xã hội"),
        ("Trưởng, Phó các Ban HĐND", "Trưởng, Phó các Ban HĐND"),
        ("lãnh đạo Phòng Kế hoạch - Tài chính", "lãnh đạo Phòng Kế hoạch - Tài chính"),
    ],
)
def test_named_people_are_comrades_groups_stay_as_typed(attendee: str, written: str) -> None:
    assert attendee_text(attendee) == written


def _meeting(body: str, kind: str = "", chair: str = "", owners: tuple[str, ...] = (), date: str = "2027-03-05") -> Meeting:
    return Meeting(details=MeetingDetails(date=date, body=body, kind=kind, chair=chair),
                   lines=[Line(Kind.TASK, "Việc", list(owners))] if owners else [])


CLOSINGS = [
    # authority, signer title, announcer, meeting, closing
    ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Văn phòng HĐND và UBND xã", _meeting("UBND xã Tân Hòa"),
     ("Thừa lệnh Chủ tịch UBND xã Tân Hòa, Văn phòng HĐND và UBND xã thông báo đến các cơ quan, đơn vị liên quan "
     "biết, phối hợp thực hiện./.")),
    ("TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Văn phòng", _meeting("UBND xã Tân Hòa"),
     ("Thừa ủy quyền Chủ tịch UBND xã Tân Hòa, Văn phòng thông báo đến các cơ quan, đơn vị liên quan biết, phối hợp "
     "thực hiện./.")),
    ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "UBND xã Tân Hòa", _meeting("UBND xã Tân Hòa", owners=("Trưởng thôn 3",)),
     "UBND xã Tân Hòa thông báo để các cơ quan, đơn vị, địa phương liên quan biết, thực hiện./."),
    ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "UBND xã Tân Hòa",
     _meeting("UBND xã Tân Hòa", chair="Lê Văn Tư - Phó Chủ tịch UBND xã"),
     ("UBND xã Tân Hòa thông báo kết luận của Phó Chủ tịch UBND xã để các cơ quan, đơn vị liên quan biết, thực "
     "hiện./.")),
    ("", "HIỆU TRƯỞNG", "", _meeting("Trường THCS Tân Hòa", chair="Võ Thị Hằng - Hiệu trưởng"),
     "Trường THCS Tân Hòa thông báo kết luận của Hiệu trưởng để các cơ quan, đơn vị liên quan biết, thực hiện./."),
]


@pytest.mark.parametrize(("authority", "title", "announcer", "meeting", "closing"), CLOSINGS,
                         ids=["TL", "TUQ", "TM", "KT", "head"])
def test_closing_follows_the_signature(authority: str, title: str, announcer: str, meeting: Meeting, closing: str) -> None:
    settings = OfficeSettings(authority=authority, signer_title=title, announcer=announcer)
    assert closing_text(meeting, settings, signature_of(authority, title)) == closing


def test_a_closing_the_office_wrote_wins() -> None:
    settings = OfficeSettings(closing="Trên đây là kết luận của {holder}; {announcer} thông báo để biết./.",
                              authority="TL. CHỦ TỊCH", announcer="Văn phòng")
    meeting = _meeting("UBND xã Tân Hòa")
    assert closing_text(meeting, settings, signature_of("TL. CHỦ TỊCH", "")) == (
        "Trên đây là kết luận của Chủ tịch UBND xã Tân Hòa; Văn phòng thông báo để biết./.")
    assert DEFAULT_CLOSING.startswith("Thừa lệnh")  # the stored default means: worded by the signature


@pytest.mark.parametrize(
    ("body", "owners", "recipients", "local"),
    [
        ("UBND xã Tân Hòa", (), [], False),
        ("UBND xã Tân Hòa", ("Trưởng các thôn",), [], True),
        ("UBND xã Tân Hòa", (), ["Các tổ dân phố"], True),
        ("Thường trực HĐND tỉnh", (), [], True),
        ("Sở Y tế", (), [], False),
        ("Sở Y tế", ("UBND các xã, phường",), [], True),
        ("UBND xã Tân Hòa", (), ["TT HĐND xã", "UBND xã Tân Hòa"], False),  # the commune itself is no locality
        ("Trung tâm Y tế", (), ["Các trạm y tế xã, phường"], False),
        ("UBND phường", ("Tổ dân phố 2",), [], True),
    ],
)
def test_dia_phuong_only_where_it_fits(body: str, owners: tuple[str, ...], recipients: list[str], local: bool) -> None:
    result = audience(_meeting(body, owners=owners), OfficeSettings(recipients=recipients))
    assert result == ("các cơ quan, đơn vị, địa phương" if local else "các cơ quan, đơn vị")


SUMMARIES = [
    ("TL. THƯỜNG TRỰC HĐND", _meeting("Thường trực HĐND thị xã", "Phiên họp Thường trực HĐND thị xã", date="2027-01-12"),
     "Kết luận của Thường trực HĐND thị xã tại phiên họp ngày 12/01/2027"),
    ("TL. CHỦ TỊCH", _meeting("UBND xã", "Phiên họp UBND xã thường kỳ quý I", chair="A - Chủ tịch UBND xã"),
     "Kết luận của Chủ tịch UBND xã tại phiên họp thường kỳ quý I năm 2027"),
    ("TL. CHỦ TỊCH", _meeting("UBND xã", "", chair="A - Chủ tịch UBND xã"),
     "Kết luận của Chủ tịch UBND xã tại phiên họp ngày 05/03/2027"),
    ("TL. CHỦ TỊCH", _meeting("UBND xã Tân Hòa", "Buổi làm việc với Hợp tác xã Tân Thành"),
     "Kết luận của Chủ tịch UBND xã Tân Hòa tại buổi làm việc với Hợp tác xã Tân Thành ngày 05/03/2027"),
    # "/kind Họp giao ban …" reads "tại cuộc họp giao ban …", never "tại họp …"
    ("TL. CHỦ TỊCH", _meeting("UBND xã", "Họp giao ban tháng 12 năm 2026", chair="A - Chủ tịch UBND xã"),
     "Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 12 năm 2026"),
]


@pytest.mark.parametrize(("authority", "meeting", "summary"), SUMMARIES)
def test_summary_text(authority: str, meeting: Meeting, summary: str) -> None:
    assert summary_text(meeting, signature_of(authority, "")) == summary


@pytest.mark.parametrize(
    ("body", "on_behalf"),
    [("Thường trực HĐND tỉnh", True), ("UBND xã Tân Hòa", True), ("Sở Y tế", False), ("Trường THCS Hòa An", False)],
)
def test_the_chair_concludes_on_behalf_of_a_collective_only(body: str, on_behalf: bool) -> None:
    from minutes_tui.core.framing import intro_texts

    meeting = _meeting(body, chair="Lê Văn Tư - Phó Chủ tịch Thường trực HĐND tỉnh")
    second = intro_texts(meeting)[1]
    assert (f"thay mặt {body}" in second) is on_behalf
    assert second.endswith("kết luận một số nội dung sau:")


@pytest.mark.parametrize(
    ("issuer", "name"),
    [
        ("ỦY BAN NHÂN DÂN|XÃ TÂN HÒA", "Ủy ban nhân dân xã Tân Hòa"),
        ("VĂN PHÒNG HĐND VÀ UBND", "Văn phòng HĐND và UBND"),
        ("SỞ Y TẾ", "Sở Y tế"),
        ("", ""),
    ],
)
def test_issuer_name_for_sentences(issuer: str, name: str) -> None:
    from minutes_tui.core.framing import issuer_name

    assert issuer_name(OfficeSettings(issuer=issuer)) == name
