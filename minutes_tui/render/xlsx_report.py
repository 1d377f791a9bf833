"""The report as an ``.xlsx`` workbook (openpyxl): the tasks sheet and a summary sheet by owner.

The tasks sheet prints as an office expects: A4 landscape, one page wide, the
header row repeated on every printed page, text wrapped in fixed-width
columns; on screen the header stays frozen and filters are on. The workbook
is written in openpyxl's streaming (``write_only``) mode, which keeps every
print setting and does not hold 10,000 rows of cell objects in memory.

openpyxl is imported here and this module only when a report is written
(``import openpyxl`` would cost start-up time).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final

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
#: Columns centred (STT, Thời hạn, Tình trạng, Số ngày quá hạn); the rest read left to right.
CENTRED: Final = frozenset({0, 5, 6, 8})
FONT_NAME: Final = "Times New Roman"
HEADER_FILL: Final = "E7E6E6"
#: Characters of 12 pt Times New Roman per unit of column width, and the height of a line:
#: measured on LibreOffice's rendering, rounded so that text is never cut off.
CHARS_PER_WIDTH: Final = 1.15
LINE_PT: Final = 15.0
BOLD_FACTOR: Final = 0.8
ROW_PADDING_PT: Final = 3.0
_THIN: Final = Side(style="thin", color="000000")
_BORDER: Final = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _styled(ws: WriteOnlyWorksheet, *, bold: bool = False, centred: bool = False, fill: bool = False) -> Any:
    """A styled cell whose style array is shared by copy: setting font/alignment/border
    per cell looks each up in the workbook's style tables, the slow part of a styled sheet."""
    cell = Cell(ws, row=1, column=1)
    cell.font = Font(name=FONT_NAME, size=12, bold=bold)
    cell.alignment = Alignment(wrap_text=True, vertical="top" if not bold else "center",
                               horizontal="center" if centred or bold else "left")
    cell.border = _BORDER
    if fill:
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    return cell._style


def _row(ws: WriteOnlyWorksheet, values: Sequence[object], styles: Sequence[Any]) -> list[Cell]:
    cells = []
    for value, style in zip(values, styles):
        cell = Cell(ws, row=1, column=1, value=xml_safe(value) if isinstance(value, str) else value, style_array=style)
        if isinstance(value, str):
            cell.data_type = "s"  # a text that starts with "=" stays text, never a formula
        cells.append(cell)
    return cells


def _height(values: Sequence[object], widths: Sequence[float], *, bold: bool = False) -> float:
    """Row height (pt) for wrapped text: LibreOffice does not grow a row to its text on
    opening a file, so the height is written, estimated from the longest cell."""
    lines = 1
    for value, width in zip(values, widths):
        if isinstance(value, str) and value:
            per_line = max(int(width * CHARS_PER_WIDTH * (BOLD_FACTOR if bold else 1.0)), 1)
            lines = max(lines, -(-len(value) // per_line))
    return lines * LINE_PT + ROW_PADDING_PT


def _print_setup(ws: WriteOnlyWorksheet, title: str, last_column: str, rows: int) -> None:
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
    ws.auto_filter.ref = f"A1:{last_column}{rows + 1}"
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddHeader.center.font = FONT_NAME
    ws.oddFooter.center.text = "Trang &P/&N"


def _tasks_sheet(workbook: Workbook, report: Report) -> None:
    ws = workbook.create_sheet(TASKS_SHEET)
    headers = (*COLUMNS, *EXTRA_COLUMNS)
    for number, width in enumerate(TASK_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(number)].width = width
    title = f"{report.heading.title} {report.heading.summary}"
    _print_setup(ws, title, get_column_letter(len(headers)), len(report.rows))
    header_style = _styled(ws, bold=True, fill=True)
    heights = ws.row_dimensions  # a row's height must be set before the row is streamed out
    heights[1].height = _height(headers, TASK_WIDTHS, bold=True)
    ws.append(_row(ws, headers, [header_style] * len(headers)))
    styles = [_styled(ws, centred=column in CENTRED) for column in range(len(headers))]
    for number, row in enumerate(report.rows, 2):
        values: list[object] = [row.number, *row.cells()[1:], row.days_late, row.task_id]
        heights[number].height = _height(values, TASK_WIDTHS)
        ws.append(_row(ws, values, styles))


def _summary_rows(report: Report) -> Iterable[list[object]]:
    summary = report.summary
    yield ["Đơn vị chủ trì", "Tổng số", *(STATE_VI[state] for state in REPORT_ORDER)]
    for owner in summary.by_owner:
        yield [owner.owner, owner.total, *(owner.count(state) for state in REPORT_ORDER)]
    yield ["Tổng cộng", summary.total, *(summary.count(state) for state in REPORT_ORDER)]


def _summary_sheet(workbook: Workbook, report: Report) -> None:
    ws = workbook.create_sheet(SUMMARY_SHEET)
    table = list(_summary_rows(report))
    widths = [40.0] + [14.0] * (len(table[0]) - 1)
    for number, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(number)].width = width
    ws.row_dimensions[1].height = _height(table[0], widths, bold=True)
    title = f"{report.heading.title} {report.heading.summary}"
    _print_setup(ws, title, get_column_letter(len(table[0])), len(table) - 1)
    header_style = _styled(ws, bold=True, fill=True)
    name_style, count_style = _styled(ws), _styled(ws, centred=True)
    total_name, total_count = _styled(ws, bold=True), _styled(ws, bold=True, centred=True)
    ws.append(_row(ws, table[0], [header_style] * len(table[0])))
    for values in table[1:-1]:
        ws.append(_row(ws, values, [name_style] + [count_style] * (len(values) - 1)))
    ws.append(_row(ws, table[-1], [total_name] + [total_count] * (len(table[-1]) - 1)))
    when = f"Tính đến ngày {dmy(report.summary.day)}"
    if report.summary.period is not None:
        when += f"; kỳ báo cáo: {report.summary.period.label}"
    ws.append([])
    plain = Cell(ws, row=1, column=1)
    plain.font = Font(name=FONT_NAME, size=12, italic=True)
    ws.append(_row(ws, [when], [plain._style]))


def render_report_xlsx(report: Report, path: Path) -> Path:
    workbook = Workbook(write_only=True)
    workbook.properties.title = f"{report.heading.title.capitalize()} {report.heading.summary}"
    workbook.properties.creator = report.heading.office or report.heading.issuer
    _tasks_sheet(workbook, report)
    _summary_sheet(workbook, report)
    workbook.save(str(path))
    return path
