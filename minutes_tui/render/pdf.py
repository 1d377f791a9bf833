"""PDF through LibreOffice (optional: ``apt install libreoffice-writer``)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from minutes_tui.errors import RenderError
from minutes_tui.i18n import tr

TIMEOUT_SECONDS = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_path: Path) -> Path:
    """Convert ``docx_path`` to a PDF next to it; a clear RenderError when it cannot."""
    program = soffice()
    if program is None:
        raise RenderError(tr("pdf.no_libreoffice"))
    target = docx_path.with_suffix(".pdf")
    # A private profile: works while another LibreOffice window is open.
    with tempfile.TemporaryDirectory(prefix="minutes-tui-lo-") as profile, tempfile.TemporaryDirectory() as out:
        command = [
            program, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", out, str(docx_path),
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
