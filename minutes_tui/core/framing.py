"""The paragraphs around the content: trích yếu, the two opening paragraphs, the closing.

They follow the meeting's details and who signs (``signature.py``):

* trích yếu ``Kết luận của <người/cơ quan kết luận> tại <loại họp> [ngày …]``,
  without repeating the body (``tại phiên họp Thường trực HĐND xã`` after
  ``Kết luận của Thường trực HĐND xã``) or the time the kind already gives;
* ``Tham dự … có đồng chí …`` for named people, groups as typed;
* the closing: ``Thừa lệnh <holder>, <announcer> thông báo …`` for ``TL.``; the
  body speaking for itself for ``KT.``, ``TM.`` or the head signing; "địa phương"
  only when local units are among the owners or recipients, or the body governs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from minutes_tui.core.dates import dmy
from minutes_tui.core.model import DEFAULT_CLOSING, Meeting, OfficeSettings
from minutes_tui.core.names import (
    ACRONYMS,
    canonical,
    capitalise,
    is_acronym,
    key,
    words_key,
)
from minutes_tui.core.signature import Signature, holder_of, is_collective, role_of

MEETING_NOUNS: Final = ("Phiên họp", "Hội nghị", "Cuộc họp", "Buổi làm việc", "Kỳ họp", "Buổi họp")
_TIME_IN_KIND: Final = re.compile(r"\b(?:tháng \d{1,2}|quý [IVX\d]+|năm \d{4}|\d{1,2}/\d{4})\b", re.IGNORECASE)
_YEAR_IN_KIND: Final = re.compile(r"\bnăm \d{4}\b|\d/\d{4}\b", re.IGNORECASE)
_PERSON_NAME: Final = re.compile(r"^(?:[^\W\d_][^\s]*\s+){1,5}[^\W\d_][^\s]*$")
# A name that is a locality, or the local government or head of one ("UBND các xã", "Trưởng thôn 5").
_LOCAL_UNITS: Final = re.compile(
    r"^(?:(?:thường trực )?(?:ủy ban nhân dân|hội đồng nhân dân) |trưởng |bí thư chi bộ |ban công tác mặt trận )?"
    r"(?:các (?:xã|phường|đặc khu)|(?:các )?(?:thôn|tổ dân phố|khu phố|ấp|bản|buôn|làng|địa phương))(?!\w)"
)
# A province (or, before 07/2025, a district) governs communes: its notices reach "địa phương".
_GOVERNS_COMMUNES: Final = re.compile(
    r"^(?:thường trực )?(?:ủy ban nhân dân|hội đồng nhân dân) (?:tỉnh|thành phố|huyện|thị xã|quận)(?!\w)"
)


def _lower_noun(text: str) -> str:
    first = text.split(maxsplit=1)[0] if text else ""
    return text if not first or is_acronym(first) else text[0].lower() + text[1:]


def meeting_noun(kind: str) -> str:
    """"Phiên họp" / "Hội nghị" / "Cuộc họp": how the text refers back to the meeting."""
    return next((noun for noun in MEETING_NOUNS if key(kind).startswith(key(noun))), "Cuộc họp")


def kind_without_body(kind: str, body: str) -> str:
    """``Phiên họp Thường trực HĐND xã tháng 3`` less the body → ``phiên họp tháng 3``."""
    kind = kind.strip()
    if body:
        kind_words, body_words = words_key(kind), words_key(body)
        # the body, or its first two words or more ("UBND xã" of "UBND xã Tân Hòa")
        for size in range(len(body_words), 1, -1):
            part = body_words[:size]
            index = next((i for i in range(1, len(kind_words) - size + 1) if kind_words[i : i + size] == part), None)
            if index is not None:
                typed = kind.split()
                kind = " ".join(typed[:index] + typed[index + size :])
                break
    return _lower_noun(kind) if kind else "phiên họp"


# -- the people ------------------------------------------------------------------------------------
def comrade(person: str) -> str:
    """``đồng chí Name - titles`` unless already introduced (đồng chí / ông / bà)."""
    if key(person).startswith(("đồng chí", "đ/c", "ông ", "bà ")):
        return person
    return f"đồng chí {person}"


def is_named_person(attendee: str) -> bool:
    """``Phan Văn Tùng - Phó Chủ tịch``: a person's name (capitalised words) before `` - ``."""
    name = attendee.split(" - ", 1)[0].strip()
    if " - " not in attendee or not _PERSON_NAME.match(name):
        return False
    return all(word[:1].isupper() and not is_acronym(word) for word in name.split())


def attendee_text(attendee: str) -> str:
    return comrade(attendee) if is_named_person(attendee) else attendee


def concluder(meeting: Meeting, signature: Signature) -> str:
    """Who concluded, as the trích yếu names them: the body when it concludes as a
    whole (``Thường trực HĐND xã``), else the concluding person's title."""
    details = meeting.details
    if signature.collective and details.body:
        return details.body
    role = role_of(details.concluder or details.chair)
    if role:
        return role
    if signature.holder:
        return holder_of(signature, details.body)
    return details.body or "cơ quan"


# -- trích yếu and intro ------------------------------------------------------------------------------
def summary_text(meeting: Meeting, signature: Signature) -> str:
    """``Kết luận của <concluder> tại <kind> [ngày dd/mm/yyyy]`` (``/title`` overrides)."""
    details = meeting.details
    if details.title:
        return details.title
    where = kind_without_body(details.kind, details.body) if details.kind else "phiên họp"
    if where.startswith("họp "):  # "/kind Họp giao ban tháng 12": "tại cuộc họp giao ban …", never "tại họp …"
        where = "cuộc " + where
    meeting_date = details.meeting_date
    if _TIME_IN_KIND.search(where):
        if meeting_date and not _YEAR_IN_KIND.search(where):
            where += f" năm {meeting_date.year}"
        when = ""
    else:
        when = f" ngày {dmy(meeting_date)}" if meeting_date else ""
    return f"Kết luận của {concluder(meeting, signature)} tại {where}{when}"


def intro_texts(meeting: Meeting) -> tuple[str, str]:
    """The paragraph of date, place, body, purpose, chair and attendees; then the
    ``Sau khi nghe …`` lead-in to the conclusions."""
    details = meeting.details
    kind = kind_without_body(details.kind, details.body) if details.kind else "phiên họp"
    opening = []
    if details.meeting_date:
        opening.append(f"Ngày {dmy(details.meeting_date)}")
    if details.place:
        opening.append(f"tại {details.place}")
    purpose = ""
    if details.purpose:
        purpose = details.purpose if key(details.purpose).startswith(("để ", "nhằm ")) else f"để {details.purpose}"
    holder = details.body
    action = " ".join(part for part in (holder, "tổ chức" if holder else "", kind, purpose) if part)
    first = ", ".join(opening + [action]) if opening else action
    parts = [capitalise(first).rstrip(".") + "."]
    noun = meeting_noun(details.kind)
    if details.chair:
        parts.append(f"{noun} do {comrade(details.chair)} chủ trì.")
    if details.attend:
        people = "; ".join(attendee_text(a) for a in details.attend)
        parts.append(f"Tham dự {noun[0].lower() + noun[1:]} có {people}.")
    heard = f"Sau khi nghe {'; '.join(details.heard)}; ý kiến" if details.heard else "Sau khi nghe ý kiến"
    who = details.concluder or (comrade(details.chair) if details.chair else "")
    if who and is_collective(details.body):
        who = f"{who} thay mặt {details.body}"  # a collective concludes through its chair
    who = who or details.body or "cuộc họp"
    second = f"{heard} tham gia của các thành viên dự họp, {who} kết luận một số nội dung sau:"
    return " ".join(parts), second


# -- closing -------------------------------------------------------------------------------------------
def audience(meeting: Meeting, settings: OfficeSettings) -> str:
    """``các cơ quan, đơn vị[, địa phương]``: "địa phương" only where it fits."""
    names: Iterable[str] = [*meeting.owners_used(), *settings.recipients]
    local = any(_LOCAL_UNITS.search(canonical(name)) for name in names)
    governs = any(_GOVERNS_COMMUNES.search(canonical(name)) for name in (meeting.details.body, settings.issuer))
    return "các cơ quan, đơn vị, địa phương" if local or governs else "các cơ quan, đơn vị"


_ORGANS: Final = frozenset({"sở", "phòng", "ban", "cục", "bộ", "trạm", "khoa", "tổ", "hội", "đoàn"})
_LEVEL_WORDS: Final = ("xã", "phường", "đặc khu", "thị trấn", "huyện", "thị xã", "quận", "tỉnh", "thành phố")


def issuer_name(settings: OfficeSettings) -> str:
    """The issuing body as a sentence writes it (``ỦY BAN NHÂN DÂN|XÃ TÂN HÒA`` →
    ``Ủy ban nhân dân xã Tân Hòa``): acronyms kept, the place after its level capitalised."""
    words = settings.issuer.replace("|", " ").split()
    cased = [word if word.upper() in ACRONYMS else word.lower() for word in words]
    if len(cased) > 1 and cased[0] in _ORGANS:  # "Sở Y tế", "Phòng Kinh tế"
        cased[1] = capitalise(cased[1])
    text = " ".join(cased)
    for level in _LEVEL_WORDS:
        found = f" {text} ".find(f" {level} ")
        if found >= 0:
            head, place = text[: found + len(level)], text[found + len(level) :]
            text = head + " ".join(capitalise(word) for word in place.split(" "))
            break
    return capitalise(text)


def closing_text(meeting: Meeting, settings: OfficeSettings, signature: Signature) -> str:
    """The last paragraph, ending with ``./.``; a closing the office wrote itself wins."""
    details = meeting.details
    template = settings.closing.strip()
    if template and template != DEFAULT_CLOSING:
        body = details.body or issuer_name(settings) or "cơ quan"
        return (template.replace("{body}", body).replace("{announcer}", settings.announcer or "Văn phòng")
                .replace("{holder}", holder_of(signature, details.body)))
    who = audience(meeting, settings)
    if signature.by_order:
        announcer = settings.announcer or issuer_name(settings) or "Văn phòng"
        return (f"{signature.lead_in} {holder_of(signature, details.body)}, {announcer} thông báo đến {who} "
                "liên quan biết, phối hợp thực hiện./.")
    speaker = settings.announcer or details.body or issuer_name(settings) or "Cơ quan"
    concluded = concluder(meeting, signature)
    if canonical(concluded) == canonical(speaker):
        return f"{speaker} thông báo để {who} liên quan biết, thực hiện./."
    return f"{speaker} thông báo kết luận của {concluded} để {who} liên quan biết, thực hiện./."
