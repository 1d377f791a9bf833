"""The report rendered by LibreOffice: a portrait first page, landscape Phụ lục pages each
starting with the header row, every task printed (skipped without LibreOffice)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from minutes_tui.render.docx_report import render_report_docx
from minutes_tui.render.pdf import soffice, to_pdf
from tests.report_data import many

pytestmark = pytest.mark.skipif(soffice() is None or shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice (soffice) and poppler-utils are not installed")

TASKS = 40


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def page_text(pdf: Path, page: int) -> str:
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(text.split())


def test_report_renders_with_a_landscape_appendix_whose_header_repeats(tmp_path: Path) -> None:
    report = many(TASKS)
    pdf = to_pdf(render_report_docx(report, tmp_path / "bao-cao.docx"))
    sizes = page_sizes(pdf)
    assert len(sizes) >= 3  # the report page and at least two pages of Phụ lục
    width, height = sizes[0]
    assert (round(width), round(height)) == (595, 842)  # A4 portrait
    assert all((round(w), round(h)) == (842, 595) for w, h in sizes[1:])  # A4 landscape

    first = page_text(pdf, 1)
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Tính đến ngày 31/12/2026", "Nơi nhận:",
                   "CHÁNH VĂN PHÒNG", "Đỗ Thị Hạnh"):
        assert phrase in first  # every Vietnamese letter survived the font and the conversion
    appendix = [page_text(pdf, number) for number in range(2, len(sizes) + 1)]
    assert "TÌNH HÌNH THỰC HIỆN CÁC KẾT LUẬN, NHIỆM VỤ ĐƯỢC GIAO" in appendix[0]
    for text in appendix:  # the header row at the top of every landscape page
        assert "Nội dung nhiệm vụ" in text and "Kết quả / lý do chậm" in text
    printed = " ".join(appendix)
    missing = [n for n in range(TASKS) if f"Nhiệm vụ số {n}:" not in printed]
    assert missing == []

    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
        assert len(list(tmp_path.glob("page*.png"))) == len(sizes)
