"""Every corpus notice and biên bản through LibreOffice to PDF and PNG: page 1 carries the
header, and the ending (closing, Nơi nhận, signature) never stands alone on a page.

Skipped without LibreOffice. One LibreOffice run converts every file (a run costs
seconds; one per file would cost a minute).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from minutes_tui.core.compiler import compile_notice
from minutes_tui.core.model import Kind, Line
from minutes_tui.render.docx_notice import render_notice
from minutes_tui.render.docx_record import render_record
from minutes_tui.render.pdf import soffice
from tests.corpus.reader import corpus, issued, load

pytestmark = pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                reason="LibreOffice or poppler-utils is not installed")

MEETINGS = corpus()
#: Bullets appended to one corpus meeting to walk its ending across a page boundary.
EXTRA_BULLETS = range(8, 30, 3)


def _convert(paths: list[Path], out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="minutes-tui-lo-") as profile:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(out), *map(str, paths)],
                       capture_output=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """name → the text of each page of its PDF (PNG images are written beside them)."""
    folder = tmp_path_factory.mktemp("pages")
    files: list[Path] = []
    for meeting_folder in MEETINGS:
        meeting, settings = load(meeting_folder)
        files.append(render_notice(compile_notice(meeting, settings, issued(meeting)),
                                   folder / f"{meeting_folder.name}.notice.docx"))
        files.append(render_record(meeting, settings, folder / f"{meeting_folder.name}.record.docx"))
    meeting, settings = load(MEETINGS[1])
    for extra in EXTRA_BULLETS:
        longer = meeting.lines + [Line(Kind.FINDING, f"Nội dung đánh giá bổ sung số {n} về tình hình thực hiện "
                                                     "nhiệm vụ của các cơ quan, đơn vị trong tháng") for n in range(extra)]
        meeting_longer = type(meeting)(details=meeting.details, lines=longer)
        files.append(render_notice(compile_notice(meeting_longer, settings, issued(meeting)), folder / f"long-{extra}.docx"))
    _convert(files, folder)
    result: dict[str, list[str]] = {}
    for docx in files:
        pdf = docx.with_suffix(".pdf")
        assert pdf.exists(), f"LibreOffice did not convert {docx.name}"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(docx.with_suffix(""))], check=True)
        result[docx.stem] = [page for page in text.split("\f") if page.strip()]
    return result


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("folder", MEETINGS, ids=[f.name for f in MEETINGS])
def test_notice_pages(folder: Path, pages: dict[str, list[str]]) -> None:
    meeting, settings = load(folder)
    notice = compile_notice(meeting, settings, issued(meeting))
    pdf = pages[f"{folder.name}.notice"]
    assert 1 <= len(pdf) <= 3
    first = _words(pdf[0])
    assert set(notice.issuer.split()) <= set(first.split())  # the two header columns interleave in the text
    assert "THÔNG BÁO" in first and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    last = _words(pdf[-1])
    assert notice.signer_name in last and "Nơi nhận:" in last
    assert "./." in last  # the closing sentence is on the signature's page, never left behind


@pytest.mark.parametrize("folder", MEETINGS, ids=[f.name for f in MEETINGS])
def test_record_pages(folder: Path, pages: dict[str, list[str]]) -> None:
    pdf = pages[f"{folder.name}.record"]
    assert "BIÊN BẢN" in _words(pdf[0])
    last = _words(pdf[-1])
    assert "kết thúc vào" in last and "CHỦ TỌA" in last and "THƯ KÝ" in last


@pytest.mark.parametrize("extra", EXTRA_BULLETS)
def test_the_ending_is_never_stranded_as_the_body_grows(extra: int, pages: dict[str, list[str]]) -> None:
    pdf = pages[f"long-{extra}"]
    last = _words(pdf[-1])
    assert "./." in last and "Nơi nhận:" in last
    before_closing = last.split("./.")[0]
    assert "- " in before_closing  # at least one content paragraph came along with the closing
