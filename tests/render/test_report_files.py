"""The register's report read back from the files: .docx (python-docx), .xlsx (openpyxl), .csv."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl import load_workbook

from minutes_tui.core.task_report import (
    COLUMNS,
    EXTRA_COLUMNS,
    Report,
    build_report,
    report_heading,
)
from minutes_tui.core.tasks import Task
from minutes_tui.render.csv_report import render_report_csv
from minutes_tui.render.docx_report import render_report_docx
from minutes_tui.render.xlsx_report import (
    SUMMARY_SHEET,
    TASKS_SHEET,
    render_report_xlsx,
)
from tests.report_data import AS_OF, PERIOD, many, office_settings, report_tasks


def quarter_report() -> Report:
    return build_report(report_tasks(), report_heading(office_settings(), AS_OF, PERIOD), AS_OF, period=PERIOD)


# -- .docx -----------------------------------------------------------------------------------------
def test_docx_has_a_landscape_appendix_with_one_row_per_task_and_a_repeated_header(tmp_path: Path) -> None:
    report = quarter_report()
    document = Document(str(render_report_docx(report, tmp_path / "bao-cao.docx")))
    first, appendix = document.sections
    assert first.orientation == WD_ORIENT.PORTRAIT and first.page_width < first.page_height
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert (round(appendix.page_width.mm), round(appendix.page_height.mm)) == (297, 210)
    table = document.tables[-1]
    assert len(table.rows) == len(report.rows) + 1 == 12
    header = table.rows[0]
    assert tuple(cell.text for cell in header.cells) == COLUMNS
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert [row.cells[1].text for row in table.rows[1:]] == [row.text for row in report.rows]
    assert tuple(cell.text for cell in table.rows[3].cells) == report.rows[2].cells()
    assert table.rows[3].cells[6].text == "Quá hạn 15 ngày"
    # fonts on all four slots in the table's runs (Vietnamese must not fall back to another font)
    fonts = table.rows[1].cells[1].paragraphs[0].runs[0]._r.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(slot)) for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}


def test_docx_first_page_is_the_nd30_report(tmp_path: Path) -> None:
    document = Document(str(render_report_docx(quarter_report(), tmp_path / "bao-cao.docx")))
    texts = [p.text.replace("\u00a0", " ") for p in document.paragraphs]  # names are kept on one line
    assert "BÁO CÁO" in texts
    assert "Tình hình thực hiện các kết luận, nhiệm vụ được giao quý IV năm 2026" in texts
    overall = next(t for t in texts if t.startswith("Tính đến ngày 15/12/2026"))
    assert "có 11 nhiệm vụ" in overall and "quá hạn 1" in overall
    assert "- Văn phòng HĐND và UBND huyện: 2 nhiệm vụ (hoàn thành quá hạn 1, trong hạn 1)." in texts
    band = document.tables[0]
    cells = [cell.text.replace("\u00a0", " ") for row in band.rows for cell in row.cells]
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in c for c in cells)
    assert "Số:       /BC-VP" in cells and "Sông Lam, ngày 15 tháng 12 năm 2026" in cells
    signature = [cell.text.replace("\u00a0", " ") for cell in document.tables[1].rows[0].cells]
    assert signature[0].startswith("Nơi nhận:") and signature[0].endswith("- Lưu: VT.")
    assert "CHÁNH VĂN PHÒNG" in signature[1] and "Đỗ Thị Hạnh" in signature[1]
    assert any(t.startswith("(Kèm theo Báo cáo số") and "của Văn phòng HĐND huyện Sông Lam" in t for t in texts)
    assert document.core_properties.author == "VĂN PHÒNG HĐND HUYỆN SÔNG LAM"


def test_docx_of_many_tasks(tmp_path: Path) -> None:
    report = many(300)
    document = Document(str(render_report_docx(report, tmp_path / "lon.docx")))
    rows = document.tables[-1].rows
    assert len(rows) == 301
    assert {row.cells[1].text for row in rows[1:]} == {row.text for row in report.rows}


# -- .xlsx -----------------------------------------------------------------------------------------
def test_xlsx_prints_landscape_with_the_header_on_every_page_and_holds_every_task(tmp_path: Path) -> None:
    report = quarter_report()
    workbook = load_workbook(render_report_xlsx(report, tmp_path / "bao-cao.xlsx"))
    assert workbook.sheetnames == [TASKS_SHEET, SUMMARY_SHEET]
    sheet = workbook[TASKS_SHEET]
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4 in the OOXML paper-size table
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and int(sheet.page_setup.fitToWidth) == 1
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (*COLUMNS, *EXTRA_COLUMNS)
    assert [r[9] for r in rows[1:]] == [row.task_id for row in report.rows]
    assert rows[3] == (3, *report.rows[2].cells()[1:], 15, report.rows[2].task_id)
    assert sheet["B2"].alignment.wrap_text and sheet["H4"].alignment.wrap_text
    assert sheet["A1"].font.b and sheet["B2"].font.name == "Times New Roman"
    assert sheet.column_dimensions["B"].width == 48
    # row heights written for the wrapped text (LibreOffice does not grow rows by itself):
    # row 3's 59-character task in the 48-wide column takes two lines; every cell of row 8
    # (the paused task) fits on one
    assert sheet.row_dimensions[3].height == 2 * 15 + 3
    assert sheet.row_dimensions[8].height == 1 * 15 + 3
    summary = list(workbook[SUMMARY_SHEET].iter_rows(values_only=True))
    assert summary[0][:4] == ("Đơn vị chủ trì", "Tổng số", "Hoàn thành đúng hạn", "Hoàn thành quá hạn")
    assert ("Văn phòng HĐND và UBND huyện", 2, 0, 1, 0, 0, 1, 0, 0, 0) in summary
    assert ("Tổng cộng", 11, 2, 1, 1, 1, 3, 1, 1, 1) in summary
    assert workbook[SUMMARY_SHEET].print_title_rows == "$1:$1"


def test_xlsx_keeps_a_text_that_looks_like_a_formula_as_text(tmp_path: Path) -> None:
    task = Task(id="t-eq", meeting="m", text="=SUM(A1:A9) không phải công thức", owners=("@Văn phòng",),
                meeting_date=date(2026, 12, 1))
    report = build_report([task], report_heading(office_settings(), AS_OF, None), AS_OF)
    cell = load_workbook(render_report_xlsx(report, tmp_path / "eq.xlsx"))[TASKS_SHEET]["B2"]
    assert (cell.value, cell.data_type) == ("=SUM(A1:A9) không phải công thức", "s")


def test_xlsx_of_many_tasks(tmp_path: Path) -> None:
    report = many(2000)
    sheet = load_workbook(render_report_xlsx(report, tmp_path / "lon.xlsx"), read_only=True)[TASKS_SHEET]
    ids = [row[0] for row in sheet.iter_rows(min_row=2, min_col=10, max_col=10, values_only=True)]
    assert ids == [row.task_id for row in report.rows]


# -- .csv ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("separator", [",", ";"])
def test_csv_is_utf8_with_bom_and_holds_every_task(tmp_path: Path, separator: str) -> None:
    report = quarter_report()
    raw = render_report_csv(report, tmp_path / "bao-cao.csv", separator).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=separator))
    assert rows[0] == [*COLUMNS, *EXTRA_COLUMNS]
    assert [r[-1] for r in rows[1:]] == [row.task_id for row in report.rows]
    assert rows[2][1:3] == ["Tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp cuối năm",
                            "Thông báo số 15/TB-VP ngày 14/10/2026"]  # the comma inside is quoted, not split
    assert rows[3][6:9] == ["Quá hạn 15 ngày", "20/11/2026: Đã rà soát 3/7 xã", "15"]


def test_csv_refuses_another_separator(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="separator"):
        render_report_csv(quarter_report(), tmp_path / "x.csv", "|")
