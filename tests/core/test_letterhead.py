"""letterhead.py, typography.py and presets.py: header lines, date line, where lines break."""

from __future__ import annotations

from datetime import date

import pytest

from minutes_tui.core import presets
from minutes_tui.core.letterhead import header_lines, issue_date
from minutes_tui.core.model import OfficeSettings
from minutes_tui.core.typography import NBSP, keep_together


@pytest.mark.parametrize(
    ("typed", "lines"),
    [
        ("ỦY BAN NHÂN DÂN|XÃ TÂN HÒA", ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"]),
        ("Văn phòng HĐND | và UBND", ["VĂN PHÒNG HĐND", "VÀ UBND"]),
        ("UBND tỉnh Hòa Bình Xanh", ["UBND TỈNH HÒA BÌNH XANH"]),
        # the body's name on its own line, as the header band writes it, when no | is typed
        ("Ủy ban nhân dân phường An Phú", ["ỦY BAN NHÂN DÂN", "PHƯỜNG AN PHÚ"]),
        ("HỘI ĐỒNG NHÂN DÂN THỊ XÃ ĐỨC PHỔ", ["HỘI ĐỒNG NHÂN DÂN", "THỊ XÃ ĐỨC PHỔ"]),
        ("Uỷ ban nhân dân", ["UỶ BAN NHÂN DÂN"]),
        ("", []),
    ],
)
def test_header_lines(typed: str, lines: list[str]) -> None:
    assert header_lines(typed) == lines


MEETING = date(2027, 3, 5)


@pytest.mark.parametrize(
    ("policy", "issued", "blank", "printed"),
    [
        ("", date(2027, 3, 8), None, date(2027, 3, 8)),
        ("", date(2027, 3, 1), None, MEETING),  # never earlier than the meeting
        ("", None, None, None),
        ("trống", date(2027, 3, 8), None, None),
        ("Để trống", date(2027, 3, 8), None, None),
        ("trống", date(2027, 3, 8), False, date(2027, 3, 8)),  # export --date overrides the policy
        ("", date(2027, 3, 8), True, None),
    ],
)
def test_issue_date(policy: str, issued: date | None, blank: bool | None, printed: date | None) -> None:
    assert issue_date(OfficeSettings(date_line=policy), issued, MEETING, blank) == printed


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("ỦY BAN NHÂN DÂN THỊ XÃ ĐỨC PHỔ", f"ỦY BAN NHÂN DÂN THỊ{NBSP}XÃ ĐỨC{NBSP}PHỔ"),
        ("HĐND thị xã và các xã", f"HĐND thị{NBSP}xã và các xã"),
        ("UBND xã Tân Hòa chỉ đạo", f"UBND xã Tân{NBSP}Hòa chỉ đạo"),
        ("Ban Kinh tế - Xã hội", f"Ban Kinh tế{NBSP}- Xã hội"),
        ("xã hội hóa giáo dục", "xã hội hóa giáo dục"),
        ("đặc khu Cồn Sơn", f"đặc{NBSP}khu Cồn{NBSP}Sơn"),
        ("thành phố", f"thành{NBSP}phố"),
        ("- Lưu: VT.", "- Lưu: VT."),
        ("giao ban ngày 10/06/2027", f"giao ban ngày{NBSP}10/06/2027"),
        ("trong quý IV năm 2027", f"trong quý{NBSP}IV năm{NBSP}2027"),
        ("tháng này", "tháng này"),
    ],
)
def test_keep_together(text: str, bound: str) -> None:
    assert keep_together(text) == bound


def test_a_header_line_keeps_the_level_with_the_name() -> None:
    assert keep_together("ỦY BAN NHÂN DÂN THỊ XÃ ĐỨC PHỔ", header=True) == f"ỦY BAN NHÂN DÂN THỊ{NBSP}XÃ{NBSP}ĐỨC{NBSP}PHỔ"


def test_commune_level_headers_have_no_province_line() -> None:
    assert presets.body_header("ubnd", "xã", "Tân Hòa") == ("", "ỦY BAN NHÂN DÂN|XÃ TÂN HÒA")
    assert presets.body_header("hdnd", "đặc khu", "Cồn Sơn") == ("", "HỘI ĐỒNG NHÂN DÂN|ĐẶC KHU CỒN SƠN")
    assert presets.unit_header("phường", "An Phú") == ("UBND PHƯỜNG AN PHÚ", "VĂN PHÒNG HĐND VÀ UBND")
    with pytest.raises(ValueError):
        presets.commune_name("huyện", "Sông Lam")  # no district level since 01/07/2025


@pytest.mark.parametrize(
    ("key", "authority", "title", "warned"),
    [("tl-chu-tich", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", True), ("kt-chu-tich", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", False),
     ("tm-ubnd", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", False)],
)
def test_signer_presets(key: str, authority: str, title: str, warned: bool) -> None:
    settings = presets.apply_signer(OfficeSettings(signer_name="Hồ Thị Lan"), key)
    assert (settings.authority, settings.signer_title, settings.signer_name) == (authority, title, "Hồ Thị Lan")
    assert (presets.signer(key).warning_key is not None) is warned


def test_preset_labels_and_warnings_are_translated() -> None:
    from minutes_tui.i18n import STRINGS

    for preset in presets.SIGNERS:
        for key in (preset.label_key, preset.warning_key):
            assert key is None or key in STRINGS
    assert presets.CODES == ("TB-UBND", "TB-HĐND", "TB-TTHĐND", "TB-VP")
    header = presets.apply_header(OfficeSettings(), presets.unit_header("xã", "Tân Hòa"))
    assert (header.parent_body, header.issuer) == ("UBND XÃ TÂN HÒA", "VĂN PHÒNG HĐND VÀ UBND")


def test_every_setting_has_a_label_in_both_languages() -> None:
    from minutes_tui.core.model import SETTING_FIELDS
    from minutes_tui.i18n import STRINGS

    assert all(all(STRINGS[f"setting.{name}"]) for name in SETTING_FIELDS)
