"""What a leader and an office do to the exported draft in Word, done with python-docx
and raw XML (tracked changes): shared by the reader tests and the issue round trip."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

AUTHOR = "Chánh Văn phòng"
STAMP = "2027-03-12T09:00:00Z"


def open_doc(path: Path):
    return docx.Document(str(path))


def plain(text: str) -> str:
    """Text as compared: the notice keeps names on one line with non-breaking spaces."""
    return text.replace("\u00a0", " ")


def body_paragraph(document, starts: str) -> Paragraph:
    return next(p for p in document.paragraphs if starts in plain(p.text))


def set_text(paragraph: Paragraph, text: str) -> None:
    """A plain edit: the paragraph's runs replaced by one run of ``text`` (formatting of the first kept)."""
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def _run(text: str, deleted: bool = False):
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def _mark(tag: str, change_id: int):
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(change_id))
    element.set(qn("w:author"), AUTHOR)
    element.set(qn("w:date"), STAMP)
    return element


def tracked_insert(paragraph: Paragraph, text: str, change_id: int = 101) -> None:
    """Word's track changes: ``text`` inserted at the end of the paragraph."""
    ins = _mark("w:ins", change_id)
    ins.append(_run(text))
    paragraph._p.append(ins)


def tracked_delete(paragraph: Paragraph, words: str, change_id: int = 102) -> None:
    """Word's track changes: ``words`` (found in one run) struck out, the rest kept."""
    for run in paragraph.runs:
        if words in run.text:
            before, after = run.text.split(words, 1)
            run.text = before
            deletion = _mark("w:del", change_id)
            deletion.append(_run(words, deleted=True))
            run._r.addnext(deletion)
            deletion.addnext(_run(after))
            return
    raise AssertionError(f"{words!r} not found in one run")


def tracked_delete_paragraph(paragraph: Paragraph, change_id: int = 103) -> None:
    """The whole paragraph struck out with track changes (runs and paragraph mark)."""
    for run in list(paragraph.runs):
        deletion = _mark("w:del", change_id)
        change_id += 1
        text = run.text
        run._r.addprevious(deletion)
        run._r.getparent().remove(run._r)
        deletion.append(_run(text, deleted=True))
    ppr = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    rpr.append(_mark("w:del", change_id))
    ppr.append(rpr)


def header_paragraph(document, starts: str) -> Paragraph:
    for cell in document.tables[0]._cells:
        for paragraph in cell.paragraphs:
            if starts in plain(paragraph.text):
                return paragraph
    raise AssertionError(f"{starts!r} not in the header band")


def fill_number_and_date(document, number: str, date_line: str) -> None:
    """What the office does after signing: the number, and the date line written in."""
    set_text(header_paragraph(document, "Số:"), f"Số: {number}")
    set_text(header_paragraph(document, "ngày"), date_line)
