"""Read a signed notice back from Word: its text as Word shows it with every change accepted.

python-docx's ``Paragraph.text`` skips runs inside ``<w:ins>`` (an accepted
insertion would be lost) and cannot tell a deleted run from a kept one, so the
paragraphs are walked in the XML: runs under ``w:ins``/``w:moveTo`` are kept,
runs under ``w:del``/``w:moveFrom`` dropped (and counted, so the user is told
how many tracked changes were accepted). The ``Số:`` and date lines live in the
header table; Nơi nhận in the bottom table.

A file that is not a Word document (not a zip, a zip without a document, a
password-protected file, damaged XML, a zip bomb) raises :class:`RenderError`
with one line saying so; nothing is changed anywhere.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final

from minutes_tui.core.dates import parse_date
from minutes_tui.errors import RenderError
from minutes_tui.i18n import tr

#: Larger files are refused before they are opened (a notice is a few hundred kB).
MAX_FILE_BYTES: Final = 30 * 1024 * 1024
#: The unpacked document part, guarded against zip bombs.
MAX_DOCUMENT_BYTES: Final = 200 * 1024 * 1024
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0"  # encrypted (password-protected) Office files are OLE containers

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED: Final = {_W + "del", _W + "moveFrom"}
_INSERTED: Final = {_W + "ins", _W + "moveTo"}
_NUMBER = re.compile(r"^\s*S[ốố]\s*:\s*(.*?)\s*$", re.IGNORECASE)
_DATE_LINE = re.compile(r"\bngày\b.*\btháng\b.*\bnăm\b", re.IGNORECASE)
_RECIPIENTS_LABEL = re.compile(r"^\s*nơi\s+nhận\s*:?\s*$", re.IGNORECASE)


@dataclass
class SignedDocument:
    """What the leader signed, in print order."""

    paragraphs: list[str]  # body paragraphs (outside tables), empty ones dropped
    number: str | None = None  # "05/TB-HĐND" once the office filled it in
    issued: date | None = None  # the date line's date, when it is filled in
    place_date: str = ""  # the date line as printed
    recipients: list[str] = field(default_factory=list)  # Nơi nhận entries, without "- " and ";"
    insertions: int = 0  # tracked insertions accepted
    deletions: int = 0  # tracked deletions dropped
    header: list[str] = field(default_factory=list)  # paragraphs of the header band


def _text(element: object, counts: dict[str, int]) -> str:
    """The text under ``element`` with tracked changes accepted (deleted runs skipped)."""
    parts: list[str] = []
    for child in element:  # type: ignore[attr-defined]
        tag = child.tag
        if not isinstance(tag, str):
            continue  # comments, processing instructions
        if tag in _SKIPPED:
            counts["deletions"] += 1
            continue
        if tag in _INSERTED:
            counts["insertions"] += 1
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append(" ")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag in (_W + "delText", _W + "instrText", _W + "pPr", _W + "rPr"):
            continue
        else:
            parts.append(_text(child, counts))
    return "".join(parts)


def _clean(text: str) -> str:
    # Word keeps non-breaking spaces the notice uses inside names; compare as plain text.
    text = unicodedata.normalize("NFC", text.replace("\u00a0", " ").replace("\t", " "))
    return " ".join(text.split())


def _check_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise RenderError(tr("signed.not_a_file", path=path))
        if size > MAX_FILE_BYTES:
            raise RenderError(tr("signed.too_big", path=path, mb=MAX_FILE_BYTES // (1024 * 1024)))
        with open(path, "rb") as handle:
            magic = handle.read(4)
    except FileNotFoundError:
        raise RenderError(tr("signed.missing", path=path)) from None
    except OSError as error:
        raise RenderError(tr("signed.unreadable", path=path, reason=error.strerror or error)) from None
    if magic == _OLE_MAGIC:
        raise RenderError(tr("signed.encrypted", path=path))
    if not zipfile.is_zipfile(path):
        raise RenderError(tr("signed.not_docx", path=path))
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
    except KeyError:
        raise RenderError(tr("signed.not_docx", path=path)) from None
    except (zipfile.BadZipFile, OSError):
        raise RenderError(tr("signed.damaged", path=path)) from None
    if info.file_size > MAX_DOCUMENT_BYTES:
        raise RenderError(tr("signed.too_big", path=path, mb=MAX_FILE_BYTES // (1024 * 1024)))


def read_signed(path: Path) -> SignedDocument:
    """The signed notice at ``path``, or :class:`RenderError` when it is not one."""
    _check_file(path)
    import docx  # lazily: ~110 ms, paid only when a signed file comes back

    try:
        document = docx.Document(str(path))
        body = document.element.body
    except Exception as error:  # python-docx raises many kinds on damaged parts
        raise RenderError(tr("signed.damaged", path=path)) from error
    counts = {"insertions": 0, "deletions": 0}
    signed = SignedDocument(paragraphs=[])
    tables = 0
    for child in body:
        if child.tag == _W + "p":
            text = _clean(_text(child, counts))
            if text:
                signed.paragraphs.append(text)
        elif child.tag == _W + "tbl":
            tables += 1
            _read_table(child, signed, counts, header=tables == 1 and not signed.paragraphs)
    signed.insertions, signed.deletions = counts["insertions"], counts["deletions"]
    return signed


def _read_table(table: object, signed: SignedDocument, counts: dict[str, int], *, header: bool) -> None:
    paragraphs = [_clean(_text(p, counts)) for p in table.iter(_W + "p")]  # type: ignore[attr-defined]
    paragraphs = [p for p in paragraphs if p]
    if header:
        signed.header = paragraphs
        for text in paragraphs:
            if (match := _NUMBER.match(text)) is not None:
                number = match.group(1).strip()
                # "Số:      /TB-HĐND" is the blank form: no number yet.
                signed.number = number if re.match(r"^\d", number) else None
            elif _DATE_LINE.search(text):
                signed.place_date = text
                signed.issued = parse_date(text)
        return
    in_recipients = False
    for text in paragraphs:
        if _RECIPIENTS_LABEL.match(text):
            in_recipients = True
        elif in_recipients and text.startswith(("-", "–", "+")):
            signed.recipients.append(text.lstrip("-–+ ").rstrip(";.,").strip())
        elif in_recipients:
            in_recipients = False  # the signature column follows
