"""A rendered .docx read back as plain text, in three parts, to compare with a golden file.

``[header]``: the header band's cells (left column, then right), ``[body]``: the
document's paragraphs, ``[signature]``: the last table's cells (left, then right).
Empty paragraphs are skipped, trailing spaces dropped, non-breaking spaces read as
spaces (where they go is checked on the files themselves).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from docx import Document

from minutes_tui.core.model import Meeting, OfficeSettings
from tests.notes import meeting_from_notes

MEETINGS = Path(__file__).parent / "meetings"
#: A corpus notice is dated two days after its meeting (unless the office leaves it blank).
ISSUED_AFTER = timedelta(days=2)


def _lines(paragraphs) -> list[str]:
    texts = (p.text.replace("\u00a0", " ").rstrip() for p in paragraphs)
    return [text for text in texts if text.strip()]


def _cells(table, rows: range) -> list[str]:
    lines: list[str] = []
    for column in (0, 1):
        for row in rows:
            lines += _lines(table.rows[row].cells[column].paragraphs)
    return lines


def document_text(path: Path) -> str:
    document = Document(str(path))
    header, signature = document.tables[0], document.tables[-1]
    parts = ["[header]", *_cells(header, range(len(header.rows))), "[body]", *_lines(document.paragraphs),
             "[signature]", *_cells(signature, range(len(signature.rows)))]
    return "\n".join(parts) + "\n"


def corpus() -> list[Path]:
    return sorted(path for path in MEETINGS.iterdir() if (path / "notes.txt").exists())


def load(folder: Path) -> tuple[Meeting, OfficeSettings]:
    return meeting_from_notes((folder / "notes.txt").read_text(encoding="utf-8"))


def issued(meeting: Meeting):
    day = meeting.details.meeting_date
    return day + ISSUED_AFTER if day else None
