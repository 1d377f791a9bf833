"""Render the exported notice with LibreOffice to PDF and PNG (skipped without it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from minutes_tui.render.pdf import soffice, to_pdf

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


def test_notice_converts_to_pdf_and_png(notice_docx: Path, tmp_path: Path) -> None:
    pdf = to_pdf(notice_docx)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 5_000
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "A4" in info or "595.2" in info or "595" in info
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert 1 <= pages <= 3
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for phrase in ("THÔNG BÁO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:", "Đỗ Thị Hạnh", "./."):
            assert phrase in text  # every Vietnamese letter survived the font and the conversion
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
        assert list(tmp_path.glob("page*.png"))


def _pdfinfo(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("pdffonts") is None or shutil.which("pdfinfo") is None, reason="poppler-utils missing")
@pytest.mark.parametrize("pdf_a", [False, True], ids=["pdf", "pdf-a-2b"])
def test_pdf_for_the_e_office_embeds_fonts_and_is_not_encrypted(notice_docx: Path, pdf_a: bool) -> None:
    pdf = to_pdf(notice_docx, pdf_a=pdf_a)
    assert "Encrypted:       no" in _pdfinfo(pdf)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    marker = b"pdfaid:part>2<" in pdf.read_bytes() or b'pdfaid:part="2"' in pdf.read_bytes()
    assert marker is pdf_a
