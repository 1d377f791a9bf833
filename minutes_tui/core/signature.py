"""Who signs, read from the office settings: the wording of the notice follows it.

``TL. CHỦ TỊCH`` / ``CHÁNH VĂN PHÒNG``: the Văn phòng signs by order of the
chairman, so the closing says "Thừa lệnh Chủ tịch …". ``KT. GIÁM ĐỐC`` (a deputy
for the head), ``TM. ỦY BAN NHÂN DÂN`` (the head for a collective) or the head
signing himself: the body speaks for itself, with no "Thừa lệnh".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from minutes_tui.core.names import canonical, caps_to_title, key, starts_with_words

BY_ORDER: Final = "TL."  # thừa lệnh
BY_AUTHORISATION: Final = "TUQ."  # thừa ủy quyền
DEPUTY: Final = "KT."  # ký thay
ON_BEHALF: Final = "TM."  # thay mặt
ACTING: Final = "Q."  # quyền
_PREFIX: Final = re.compile(r"^(TL|TUQ|KT|TM|Q)\.\s*(.*)$", re.IGNORECASE)

#: Bodies that conclude as a whole (the notice is theirs, not one person's).
_COLLECTIVES: Final = tuple(
    canonical(name) for name in ("Thường trực", "Ủy ban nhân dân", "Hội đồng nhân dân", "Ban Thường vụ",
                                 "Ban Chấp hành", "Ban Chỉ đạo", "Hội đồng", "Tập thể", "Ban Giám đốc")
)
#: Words that begin a person's title (chức danh).
TITLES: Final = tuple(
    key(word) for word in ("Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Tổng Giám đốc", "Trưởng",
                           "Phó Trưởng", "Chánh", "Phó Chánh", "Bí thư", "Phó Bí thư", "Hiệu trưởng",
                           "Phó Hiệu trưởng", "Cục trưởng", "Chi cục trưởng", "Viện trưởng", "Thủ trưởng",
                           "Chủ nhiệm", "Chỉ huy trưởng")
)
#: What stands before the name of the body in a collective's name ("Thường trực HĐND xã" → "HĐND xã").
_COLLECTIVE_PREFIXES: Final = ("thường trực ", "ban thường vụ ", "tập thể ", "lãnh đạo ", "ban giám đốc ",
                               "ban giám hiệu ")


@dataclass(frozen=True)
class Signature:
    """The signature block as the wording needs it."""

    prefix: str  # "TL.", "KT.", "TM.", "TUQ.", "Q." or "" when the head signs himself
    holder: str  # the authority in sentence case: "Chủ tịch", "Thường trực HĐND"; or the signer's title

    @property
    def by_order(self) -> bool:
        return self.prefix in (BY_ORDER, BY_AUTHORISATION)

    @property
    def lead_in(self) -> str:
        return "Thừa ủy quyền" if self.prefix == BY_AUTHORISATION else "Thừa lệnh"

    @property
    def collective(self) -> bool:
        return is_collective(self.holder)


def is_collective(name: str) -> bool:
    """A body that decides as a whole (``Thường trực HĐND``, ``UBND xã``, ``Ban Thường vụ``)."""
    canon = canonical(name)
    return bool(canon) and any(starts_with_words(canon, c) for c in _COLLECTIVES)


def authority_lines(authority: str) -> list[str]:
    """The authority as printed, one entry per line (``|`` or a new line splits)."""
    return [line.strip().upper() for line in re.split(r"[|\n]", authority) if line.strip()]


def signature_of(authority: str, signer_title: str) -> Signature:
    """``TL. CHỦ TỊCH`` → (``TL.``, ``Chủ tịch``); no authority → (``""``, the signer's title)."""
    lines = authority_lines(authority)
    if lines and (match := _PREFIX.match(lines[0])):
        return Signature(match.group(1).upper() + ".", caps_to_title(match.group(2).strip()))
    if lines:
        return Signature("", caps_to_title(lines[0]))
    return Signature("", caps_to_title(signer_title.strip().split("|")[0].strip()))


def holder_of(signature: Signature, body: str) -> str:
    """Whose name the notice speaks in: ``Chủ tịch UBND xã Tân Hòa``, ``Thường trực HĐND xã``.

    The body's own spelling wins when it already holds the authority; a person's
    title is completed with the body it heads.
    """
    holder = signature.holder
    if not body:
        return holder
    if not holder or starts_with_words(canonical(body), canonical(holder)):
        return body
    body_key, holder_key = key(body), key(holder)
    found = f" {body_key} ".find(f" {holder_key} ")
    if found >= 0 and len(body_key) == len(body):
        return body[found:]
    organisation = body
    for prefix in _COLLECTIVE_PREFIXES:
        if body_key.startswith(prefix):
            organisation = body[len(prefix) :]
            break
    return f"{holder} {organisation}"


def role_of(person: str) -> str | None:
    """The title part of ``Name - titles``: the last title listed (``Tỉnh ủy viên, Bí thư
    Thị ủy, Chủ tịch HĐND thị xã`` → ``Chủ tịch HĐND thị xã``); None without one."""
    text = person.strip()
    for prefix in ("đồng chí ", "đ/c ", "ông ", "bà "):
        if key(text).startswith(prefix):
            text = text[len(prefix) :]
    if " - " in text:
        role = text.split(" - ", 1)[1].strip()
    elif key(text).startswith(TITLES):
        role = text
    else:
        return None
    parts = role.split(", ")
    starts = [index for index, part in enumerate(parts) if key(part).startswith(TITLES)]
    return ", ".join(parts[starts[-1] :]) if starts else role
