"""PDF through LibreOffice (optional: ``apt install libreoffice-writer``).

For the e-office: the fonts are embedded (LibreOffice's default, checked by the
tests), the file is not encrypted, and PDF/A-2b is one option away (the
``pdf_a`` setting). The ``.docx`` stays the main output the office uploads.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Final

from minutes_tui.core.model import OfficeSettings
from minutes_tui.core.text import fold
from minutes_tui.errors import RenderError
from minutes_tui.i18n import tr

TIMEOUT_SECONDS: Final = 120
#: LibreOffice's PDF export filter options (JSON form, LibreOffice ≥ 7.4).
PDF_A_2B: Final = {"SelectPdfVersion": {"type": "long", "value": "2"}, "EncryptFile": {"type": "boolean", "value": "false"}}
_YES: Final = frozenset({"co", "yes", "1", "pdf/a", "pdf/a-2b", "pdfa", "2b", "true"})


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_a_wanted(settings: OfficeSettings) -> bool:
    """The office asked for PDF/A-2b (``/set pdf_a có``)."""
    return fold(settings.pdf_a) in _YES


def convert_filter(pdf_a: bool) -> str:
    """The ``--convert-to`` argument: plain PDF, or PDF/A-2b through the filter options."""
    return f"pdf:writer_pdf_Export:{json.dumps(PDF_A_2B)}" if pdf_a else "pdf"


def to_pdf(docx_path: Path, *, pdf_a: bool = False) -> Path:
    """Convert ``docx_path`` to a PDF next to it; a clear RenderError when it cannot."""
    program = soffice()
    if program is None:
        raise RenderError(tr("pdf.no_libreoffice"))
    target = docx_path.with_suffix(".pdf")
    # A private profile: works while another LibreOffice window is open.
    with tempfile.TemporaryDirectory(prefix="minutes-tui-lo-") as profile, tempfile.TemporaryDirectory() as out:
        command = [
            program, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", convert_filter(pdf_a), "--outdir", out, str(docx_path),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise RenderError(tr("pdf.failed", error=error)) from error
        produced = Path(out) / (docx_path.stem + ".pdf")
        if not produced.exists():
            raise RenderError(tr("pdf.no_output"))
        shutil.move(str(produced), target)
    return target
