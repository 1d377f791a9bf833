"""Ready-made office settings for the two-tier local government (since 01/07/2025).

There is no district level any more. A commune-level body — an UBND or HĐND of a
xã, phường or đặc khu — writes its own name with no province line above it
(``ỦY BAN NHÂN DÂN`` / ``XÃ TÂN HÒA``); a unit under it writes the commune in plain
capitals over its own name in bold (``UBND XÃ TÂN HÒA`` / ``VĂN PHÒNG HĐND VÀ
UBND``). The signers of a Thông báo kết luận and the ký hiệu follow format-nd30.md.

The screens offer these as choices; applying one only fills ordinary settings,
which stay editable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from minutes_tui.core.model import OfficeSettings

#: Commune-level units of local government.
LEVELS: Final = ("xã", "phường", "đặc khu")
#: The bodies that hold a commune's meetings, as their header writes them.
BODIES: Final = {"ubnd": "ỦY BAN NHÂN DÂN", "hdnd": "HỘI ĐỒNG NHÂN DÂN"}
#: Ký hiệu of a Thông báo: UBND, HĐND, Thường trực HĐND, Văn phòng.
CODES: Final = ("TB-UBND", "TB-HĐND", "TB-TTHĐND", "TB-VP")
#: The office every commune has (Nghị định 150/2025).
COMMUNE_OFFICE: Final = "VĂN PHÒNG HĐND VÀ UBND"


@dataclass(frozen=True)
class SignerPreset:
    """Authority and signer's title; ``warning_key`` names a UI caution (i18n)."""

    key: str
    authority: str
    signer_title: str
    label_key: str
    warning_key: str | None = None


SIGNERS: Final = (
    # Only where the working rules (quy chế làm việc) delegate it to the Chánh Văn phòng.
    SignerPreset("tl-chu-tich", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "preset.signer.tl", "preset.signer.tl_warning"),
    SignerPreset("kt-chu-tich", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "preset.signer.kt"),
    SignerPreset("tm-ubnd", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "preset.signer.tm"),
)


def signer(key: str) -> SignerPreset:
    for preset in SIGNERS:
        if preset.key == key:
            return preset
    raise KeyError(key)


def commune_name(level: str, name: str) -> str:
    """``XÃ TÂN HÒA``: the level and the commune's name, in capitals."""
    if level not in LEVELS:
        raise ValueError(f"{level!r} is not one of {', '.join(LEVELS)}")
    return f"{level} {name.strip()}".upper()


def body_header(body: str, level: str, name: str) -> tuple[str, str]:
    """(parent_body, issuer) of an UBND/HĐND of a commune: no line above it, its name
    broken after the body (``ỦY BAN NHÂN DÂN|XÃ TÂN HÒA``)."""
    return "", f"{BODIES[body]}|{commune_name(level, name)}"


def unit_header(level: str, name: str, unit: str = COMMUNE_OFFICE) -> tuple[str, str]:
    """(parent_body, issuer) of a unit under the commune's UBND: ``UBND XÃ TÂN HÒA``
    (plain) over the unit's own name (bold)."""
    return f"UBND {commune_name(level, name)}", unit.strip().upper()


def apply_signer(settings: OfficeSettings, key: str) -> OfficeSettings:
    preset = signer(key)
    return settings.with_value("authority", preset.authority).with_value("signer_title", preset.signer_title)


def apply_header(settings: OfficeSettings, header: tuple[str, str]) -> OfficeSettings:
    parent_body, issuer = header
    return settings.with_value("parent_body", parent_body).with_value("issuer", issuer)
