"""The report as an ``.xlsx`` workbook (openpyxl): the tasks sheet and a summary sheet by owner.

The tasks sheet prints as an office expects: A4 landscape, one page wide, the
header row repeated on every printed page, text wrapped in fixed-width
columns with row heights to match; on screen the header stays frozen and
filters are on. The workbook is streamed (openpyxl's ``write_only`` mode,
which keeps every print setting) so 10,000 rows are never held in memory.

Streaming styled rows through openpyxl's public ``append`` cost twice the
time of writing the bare values: it tries every styled cell as a plain value
first (an exception each), builds a new scratch cell after each, and looks
each cell's style up in the workbook's table. :class:`_Sheet` writes each row
with one prepared cell per column instead — their style looked up once — and
passes the row height straight to the writer. That leans on two internals of
openpyxl's write-only sheet (``_values_to_row`` and the row-dimension lookup
of the row writer); the tests read every file back, so a change there fails
loudly rather than writing a wrong file.

openpyxl is imported here and this module only when a report is written
(``import openpyxl`` would cost start-up time).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from minutes_tui.core.dates import dmy
from minutes_tui.core.task_report import COLUMNS, EXTRA_COLUMNS, REPORT_ORDER, Report
from minutes_tui.core.tasks import STATE_VI
from minutes_tui.core.text import xml_safe

TASKS_SHEET: Final = "Nhiệm vụ"
SUMMARY_SHEET: Final = "Tổng hợp theo đơn vị"
#: Widths in Excel character units: STT … Kết quả, then days late and the task id.
TASK_WIDTHS: Final[tuple[float, ...]] = (6, 48, 22, 22, 22, 14, 16, 40, 12, 14)
SUMMARY_NAME_WIDTH: Final = 40.0
SUMMARY_COUNT_WIDTH: Final = 14.0
#: Columns centred (STT, Thời hạn, Tình trạng, Số ngày quá hạn); the rest read left to right.
CENTRED: Final = frozenset({0, 5, 6, 8})
FONT_NAME: Final = "Times New Roman"
FONT_PT: Final = 12
HEADER_FILL: Final = "E7E6E6"
EXCEL_CELL_CHARS: Final = 32_767
#: Characters of 12 pt Times New Roman per unit of column width, and the height of a line:
#: measured on LibreOffice's rendering, rounded so that text is never cut off.
CHARS_PER_WIDTH: Final = 1.15
BOLD_FACTOR: Final = 0.8
LINE_PT: Final = 15.0
ROW_PADDING_PT: Final = 3.0
_THIN: Final = Side(style="thin", color="000000")
_BORDER: Final = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


class _ColumnCell(Cell):  # type: ignore[misc]
    """One cell reused for every row of its column: a row is written out before the next is
    filled, so only the value changes; the style id is looked up once, not per cell."""

    __slots__ = ("_style_id",)

    @property
    def style_id(self) -> int:
        return int(self._style_id)

    def put(self, value: object) -> _ColumnCell:
        """Store ``value`` as what it is: text stays text even when it starts with ``=``
        (never a formula) or reads ``#N/A``; what XML cannot hold is dropped and text is
        cut at Excel's 32,767 characters a cell."""
        # openpyxl's Cell keeps these in its own __slots__ (its stubs do not say so)
        if isinstance(value, str):
            self._value, self.data_type = xml_safe(value)[:EXCEL_CELL_CHARS], "s"  # type: ignore[misc]
        else:
            self._value, self.data_type = value, "n"  # type: ignore[misc,assignment]
        return self


class _Sheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A streaming sheet written row by row from prepared column cells, each row with its height."""

    def __init__(self, parent: Workbook, title: str) -> None:
        super().__init__(parent, title)
        self._rows_written = 0
        self.row_dimensions: dict[int, dict[str, str]] = {}  # the row being written, read by openpyxl's row writer

    def _values_to_row(self, values: Sequence[Cell], row_idx: int) -> Iterator[Cell]:
        for column, cell in enumerate(values, 1):
            cell.row, cell.column = row_idx, column
            yield cell

    def cells(self, *, bold: bool = False, fill: bool = False, italic: bool = False,
              centred: Sequence[bool] = ()) -> list[_ColumnCell]:
        """Prepared cells for the columns (``centred`` says which), styled alike otherwise."""
        prepared = []
        for centre in centred:
            cell = _ColumnCell(self)
            cell.font = Font(name=FONT_NAME, size=FONT_PT, bold=bold, italic=italic)
            cell.alignment = Alignment(wrap_text=True, vertical="center" if bold else "top",
                                       horizontal="center" if centre or bold else "left")
            if not italic:
                cell.border = _BORDER
            if fill:
                cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell._style_id = self.parent._cell_styles.add(cell._style)
            prepared.append(cell)
        return prepared

    def write(self, cells: Sequence[_ColumnCell], values: Sequence[object], widths: Sequence[float] = (),
              *, bold: bool = False) -> None:
        self._rows_written += 1
        height = _height(values, widths, bold=bold) if widths else None
        self.row_dimensions = {self._rows_written: {"ht": f"{height:g}", "customHeight": "1"}} if height else {}
        self.append([cell.put(value) for cell, value in zip(cells, values)])

    def skip(self) -> None:
        self._rows_written += 1
        self.row_dimensions = {}
        self.append([])


def _sheet(workbook: Workbook, title: str) -> _Sheet:
    sheet = _Sheet(workbook, title)
    workbook._add_sheet(sheet)
    return sheet


def _height(values: Sequence[object], widths: Sequence[float], *, bold: bool = False) -> float:
    """Row height (pt) for wrapped text: LibreOffice does not grow a row to its text on
    opening a file, so the height is written, estimated from the longest cell."""
    lines = 1
    factor = CHARS_PER_WIDTH * (BOLD_FACTOR if bold else 1.0)
    for value, width in zip(values, widths):
        if isinstance(value, str) and value:
            per_line = max(int(width * factor), 1)
            lines = max(lines, -(-len(value) // per_line))
    return lines * LINE_PT + ROW_PADDING_PT


def _print_setup(ws: _Sheet, title: str, widths: Sequence[float], rows: int) -> None:
    for number, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(number)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4  # the write-only sheet lacks the constant
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.print_title_rows = "1:1"  # the header row on every printed page
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{rows + 1}"
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddHeader.center.font = FONT_NAME
    ws.oddFooter.center.text = "Trang &P/&N"


def _title(report: Report) -> str:
    return f"{report.heading.title} {report.heading.summary}"


def _tasks_sheet(workbook: Workbook, report: Report) -> None:
    ws = _sheet(workbook, TASKS_SHEET)
    headers = (*COLUMNS, *EXTRA_COLUMNS)
    _print_setup(ws, _title(report), TASK_WIDTHS, len(report.rows))
    centred = [column in CENTRED for column in range(len(headers))]
    ws.write(ws.cells(bold=True, fill=True, centred=centred), headers, TASK_WIDTHS, bold=True)
    cells = ws.cells(centred=centred)
    for row in report.rows:
        ws.write(cells, (row.number, *row.cells()[1:], row.days_late, row.task_id), TASK_WIDTHS)


def _summary_sheet(workbook: Workbook, report: Report) -> None:
    summary = report.summary
    ws = _sheet(workbook, SUMMARY_SHEET)
    header = ("Đơn vị chủ trì", "Tổng số", *(STATE_VI[state] for state in REPORT_ORDER))
    widths = (SUMMARY_NAME_WIDTH, *[SUMMARY_COUNT_WIDTH] * (len(header) - 1))
    _print_setup(ws, _title(report), widths, len(summary.by_owner) + 1)
    counts_centred = [False] + [True] * (len(header) - 1)
    ws.write(ws.cells(bold=True, fill=True, centred=counts_centred), header, widths, bold=True)
    cells = ws.cells(centred=counts_centred)
    for owner in summary.by_owner:
        ws.write(cells, (owner.owner, owner.total, *(owner.count(state) for state in REPORT_ORDER)), widths)
    totals = ("Tổng cộng", summary.total, *(summary.count(state) for state in REPORT_ORDER))
    ws.write(ws.cells(bold=True, centred=counts_centred), totals, widths, bold=True)
    when = f"Tính đến ngày {dmy(summary.day)}"
    if summary.period is not None:
        when += f"; kỳ báo cáo: {summary.period.label}"
    ws.skip()
    ws.write(ws.cells(italic=True, centred=[False]), [when])


def render_report_xlsx(report: Report, path: Path) -> Path:
    workbook = Workbook(write_only=True)
    workbook.properties.title = f"{report.heading.title.capitalize()} {report.heading.summary}"
    workbook.properties.creator = report.heading.office or report.heading.issuer
    _tasks_sheet(workbook, report)
    _summary_sheet(workbook, report)
    workbook.save(str(path))
    return path
