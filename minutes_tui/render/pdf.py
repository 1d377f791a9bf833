"""PDF through LibreOffice (optional: ``apt install libreoffice-writer``; on Windows the
installer from libreoffice.org).

For the e-office: the fonts are embedded (LibreOffice's default, checked by the
tests), the file is not encrypted, and PDF/A-2b is one option away (the
``pdf_a`` setting). The ``.docx`` stays the main output the office uploads.

Finding LibreOffice (:func:`soffice`): the ``MINUTES_TUI_SOFFICE`` environment
variable when set (a per-machine path: the office settings travel with the data
folder, which may be shared by several laptops); on Windows the installer's
registry key ``HKLM\\SOFTWARE\\LibreOffice\\UNO\\InstallPath``, then
``%ProgramFiles%`` / ``%ProgramFiles(x86)%``; then ``PATH``.

The conversion runs with a private profile (``-env:UserInstallation``): without
one, a Writer window the user has open takes the job over, and ``soffice``
returns at once having written nothing. It is stopped after
:data:`TIMEOUT_SECONDS` (with the child processes it started), and the PDF is
checked to exist and be a PDF before it is said to be written.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any, Final

from minutes_tui.core.model import OfficeSettings
from minutes_tui.core.text import fold
from minutes_tui.errors import RenderError
from minutes_tui.i18n import tr

TIMEOUT_SECONDS: Final = 120
#: Set to the full path of ``soffice`` (``soffice.exe``) to use that one.
SOFFICE_ENV: Final = "MINUTES_TUI_SOFFICE"
#: Where LibreOffice's Windows installer writes its ``program`` folder (the key's default value).
UNO_INSTALL_KEY: Final = r"SOFTWARE\LibreOffice\UNO\InstallPath"
#: Read at every call (like ``store.files.WINDOWS``) so tests can take the Windows paths on Linux.
WINDOWS = os.name == "nt"
#: LibreOffice's PDF export filter options (JSON form, LibreOffice ≥ 7.4).
PDF_A_2B: Final = {"SelectPdfVersion": {"type": "long", "value": "2"}, "EncryptFile": {"type": "boolean", "value": "false"}}
_YES: Final = frozenset({"co", "yes", "1", "pdf/a", "pdf/a-2b", "pdfa", "2b", "true"})
#: The last characters of LibreOffice's own output quoted in an error.
_QUOTED_OUTPUT: Final = 300


def _registry_program_dirs() -> Iterator[Path]:
    """The ``program`` folders LibreOffice's installer recorded (64-bit view, 32-bit view, per user)."""
    try:
        winreg: Any = importlib.import_module("winreg")  # Any: mypy knows winreg only for win32
    except ImportError:  # not Windows
        return
    views = (
        (winreg.HKEY_LOCAL_MACHINE, winreg.KEY_WOW64_64KEY),
        (winreg.HKEY_LOCAL_MACHINE, winreg.KEY_WOW64_32KEY),
        (winreg.HKEY_CURRENT_USER, 0),
    )
    for hive, view in views:
        try:
            with winreg.OpenKey(hive, UNO_INSTALL_KEY, 0, winreg.KEY_READ | view) as key:
                value, _kind = winreg.QueryValueEx(key, "")
        except OSError:
            continue
        if isinstance(value, str) and value.strip():
            yield Path(value.strip().strip('"'))


def _windows_candidates() -> Iterator[Path]:
    for program_dir in _registry_program_dirs():
        yield program_dir / "soffice.exe"
    for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        base = os.environ.get(variable)
        if base:
            yield Path(base) / "LibreOffice" / "program" / "soffice.exe"


def soffice_override() -> str | None:
    """The path ``MINUTES_TUI_SOFFICE`` names, or None when it is not set."""
    value = os.environ.get(SOFFICE_ENV, "").strip().strip('"')
    return value or None


def soffice() -> str | None:
    """The LibreOffice program to run, or None when there is none (see the module's text for the order)."""
    override = soffice_override()
    if override is not None:
        return override if Path(override).is_file() else None
    if WINDOWS:
        for candidate in _windows_candidates():
            if candidate.is_file():
                return str(candidate)
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_a_wanted(settings: OfficeSettings) -> bool:
    """The office asked for PDF/A-2b (``/set pdf_a có``)."""
    return fold(settings.pdf_a) in _YES


def convert_filter(pdf_a: bool) -> str:
    """The ``--convert-to`` argument: plain PDF, or PDF/A-2b through the filter options."""
    return f"pdf:writer_pdf_Export:{json.dumps(PDF_A_2B)}" if pdf_a else "pdf"


def convert_command(program: str, docx_path: Path, profile: PurePath, out: Path, *, pdf_a: bool) -> list[str]:
    """The command line: a private profile (an absolute path) as a ``file:///`` URI:
    ``as_uri`` gives ``file:///C:/Users/Nguy%E1%BB%85n...`` on Windows, where
    ``"file://" + path`` would give ``file://C:\\Users\\Nguyễn...``, not a URI."""
    return [
        program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--convert-to", convert_filter(pdf_a), "--outdir", str(out), str(docx_path),
    ]


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop ``process`` and what it started (``soffice`` runs ``soffice.bin`` as a child)."""
    try:
        if WINDOWS:
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False,
                           timeout=30)
        else:
            os.killpg(process.pid, signal.SIGKILL)
    except (OSError, subprocess.SubprocessError):
        pass
    process.kill()
    process.wait()


def _run(command: list[str], log: Path, timeout: float) -> int:
    """Run ``command`` with its output in ``log`` (a file, not a pipe: a child left
    behind would hold a pipe open and make the wait hang); stopped after ``timeout``."""
    with open(log, "wb") as output:
        kwargs: dict[str, object] = (
            {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | getattr(subprocess, "CREATE_NO_WINDOW", 0)}
            if WINDOWS and hasattr(subprocess, "CREATE_NEW_PROCESS_GROUP") else
            {"start_new_session": True}
        )
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                                   **kwargs)  # type: ignore[call-overload]
        try:
            status: int = process.wait(timeout=timeout)
            return status
        except subprocess.TimeoutExpired:
            _stop(process)
            raise


def _said(log: Path) -> str:
    """LibreOffice's own last words, for an error message (may be empty)."""
    try:
        text = log.read_bytes().decode("utf-8", "replace").strip()
    except OSError:
        return ""
    return " ".join(text[-_QUOTED_OUTPUT:].split())


def _is_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            return file.read(5) == b"%PDF-"
    except OSError:
        return False


def to_pdf(docx_path: Path, *, pdf_a: bool = False, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Convert ``docx_path`` to a PDF next to it; a clear RenderError when it cannot."""
    program = soffice()
    if program is None:
        override = soffice_override()
        raise RenderError(tr("pdf.override_missing", variable=SOFFICE_ENV, path=override) if override
                          else tr("pdf.no_libreoffice"))
    target = docx_path.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="minutes-tui-lo-", ignore_cleanup_errors=True) as work:
        profile, out, log = Path(work) / "profile", Path(work) / "out", Path(work) / "soffice.log"
        out.mkdir()
        command = convert_command(program, docx_path, profile, out, pdf_a=pdf_a)
        try:
            code = _run(command, log, timeout)
        except subprocess.TimeoutExpired as error:
            raise RenderError(tr("pdf.timeout", seconds=round(timeout))) from error
        except OSError as error:
            raise RenderError(tr("pdf.failed", error=error.strerror or error)) from error
        produced = out / (docx_path.stem + ".pdf")
        if not produced.is_file() or produced.stat().st_size == 0 or not _is_pdf(produced):
            said = _said(log)
            detail = tr("pdf.exit_code", code=code) + (f" — {said}" if said else "")
            raise RenderError(tr("pdf.no_output", detail=detail))
        try:
            shutil.move(str(produced), target)
        except OSError as error:  # on Windows: the old PDF is open in a PDF reader
            raise RenderError(tr("pdf.cannot_write", path=target, reason=error.strerror or error)) from error
    return target
