"""The report as ``.csv``: the Phụ lục's columns plus days late and the task id, one task a row.

Written UTF-8 **with a BOM** (``utf-8-sig``): without it Excel reads the file
in the PC's code page and every Vietnamese letter comes out garbled. Excel
splits fields on the separator of the PC's regional settings, which on many
Vietnamese office PCs is ``;`` — so the separator is offered.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Final

from minutes_tui.core.task_report import COLUMNS, EXTRA_COLUMNS, Report

#: Separators offered: comma (the standard), semicolon (Excel with European or Vietnamese
#: regional settings), tab.
SEPARATORS: Final[tuple[str, ...]] = (",", ";", "\t")
ENCODING: Final = "utf-8-sig"


def render_report_csv(report: Report, path: Path, separator: str = ",") -> Path:
    if separator not in SEPARATORS:
        raise ValueError(f"separator must be one of {SEPARATORS!r}, not {separator!r}")
    with path.open("w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=separator, lineterminator="\r\n")
        writer.writerow((*COLUMNS, *EXTRA_COLUMNS))
        for row in report.rows:
            writer.writerow((*row.cells(), str(row.days_late), row.task_id))
    return path
