"""The compiled notice (Thông báo kết luận) as data, in print order.

Every paragraph the user may edit is a :class:`Block` with a stable ``key``
(``line:<id>`` for a line, ``intro``, ``summary``, ``closing`` …) and a
``source`` fingerprint of what it was compiled from. A stored edit is applied
again on recompile only while its block's source is unchanged.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: Block styles, from the top of the body down.
SECTION = "section"  # "1. Title" (bold)
SUBSECTION = "subsection"  # "a) Title" (bold)
BULLET = "bullet"  # "- text"
PARAGRAPH = "paragraph"  # plain body paragraph (intro, closing)


@dataclass
class Block:
    key: str
    style: str
    text: str
    label: str = ""
    source: str = ""

    @property
    def display(self) -> str:
        """The paragraph as printed: label and text."""
        return f"{self.label} {self.text}" if self.label else self.text


@dataclass
class Notice:
    parent_body: str  # header lines joined by "\n" (a "|" in the settings breaks a line)
    issuer: str
    number: str  # "Số:      /TB-HĐND": the number is written in after signing
    place_date: str  # "Đức Phổ, ngày 13 tháng 01 năm 2022"
    summary: Block  # trích yếu
    intro: list[Block]
    body: list[Block]
    closing: Block
    recipients: list[str]  # entries of Nơi nhận, without "- " and ";"
    archive: str  # "Lưu: VT"
    authority: list[str]  # "TL. THƯỜNG TRỰC HĐND" (one or more lines)
    signer_title: str
    signer_name: str
    title: str = "THÔNG BÁO"
    office: str = ""  # the office as it writes its name: the author of the file
    fingerprint: str = ""  # of everything it was compiled from
    version: int = 0
    compiled_at: float = 0.0

    def blocks(self) -> list[Block]:
        """Every editable paragraph, in print order."""
        return [self.summary, *self.intro, *self.body, self.closing]

    def block(self, key: str) -> Block | None:
        return next((block for block in self.blocks() if block.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Notice:
        values = dict(data)
        values["summary"] = Block(**data["summary"])
        values["closing"] = Block(**data["closing"])
        values["intro"] = [Block(**b) for b in data.get("intro", [])]
        values["body"] = [Block(**b) for b in data.get("body", [])]
        return cls(**values)
