"""Finding LibreOffice and running it safely (issue #16), with a fake ``soffice`` on Linux.

The fake records its command line, then does what a real LibreOffice has been
seen to do: write the PDF; hang (with a child process, as ``soffice`` runs
``soffice.bin``); return at once having written nothing (a Writer window already
open took the job); write an empty file. The Windows look-ups (registry, Program
Files) run with a fake ``winreg`` and ``pdf.WINDOWS`` set.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import time
import types
from pathlib import Path, PureWindowsPath
from urllib.parse import unquote, urlparse

import pytest

from minutes_tui.errors import RenderError
from minutes_tui.render import pdf

FAKE_SOFFICE = f"""#!{sys.executable}
import json, os, subprocess, sys, time
from pathlib import Path

args = sys.argv[1:]
mode = os.environ.get("FAKE_SOFFICE_MODE", "pdf")
Path(os.environ["FAKE_SOFFICE_LOG"]).write_text(json.dumps(args), encoding="utf-8")
out = Path(args[args.index("--outdir") + 1])
target = out / (Path(args[-1]).stem + ".pdf")
if mode == "pdf":
    target.write_bytes(b"%PDF-1.7\\n% fake\\n%%EOF\\n")
elif mode == "empty":
    target.write_bytes(b"")
elif mode == "fail":
    print("Error: source file could not be loaded", file=sys.stderr)
    sys.exit(1)
elif mode == "hang":
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    Path(os.environ["FAKE_SOFFICE_CHILD"]).write_text(str(child.pid), encoding="utf-8")
    time.sleep(60)
# "nothing": return at once, as when an open Writer took the job
"""


@pytest.fixture
def docx(tmp_path: Path) -> Path:
    path = tmp_path / "thông báo.docx"
    path.write_bytes(b"PK fake docx")
    return path


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake ``soffice`` alone on PATH (no real LibreOffice found first)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "soffice"
    program.write_text(FAKE_SOFFICE, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(tmp_path / "args.json"))
    monkeypatch.setenv("FAKE_SOFFICE_CHILD", str(tmp_path / "child.pid"))
    monkeypatch.delenv(pdf.SOFFICE_ENV, raising=False)
    monkeypatch.setattr(pdf, "WINDOWS", False)
    return program


def fake_args(tmp_path: Path) -> list[str]:
    return json.loads((tmp_path / "args.json").read_text(encoding="utf-8"))


# -- the conversion --------------------------------------------------------------------------
def test_the_pdf_is_written_next_to_the_docx_with_a_private_profile(fake: Path, docx: Path, tmp_path: Path) -> None:
    produced = pdf.to_pdf(docx)
    assert produced == docx.with_suffix(".pdf") and produced.read_bytes().startswith(b"%PDF-")
    args = fake_args(tmp_path)
    assert args[-1] == str(docx) and "--headless" in args
    profile_arg = next(arg for arg in args if arg.startswith("-env:UserInstallation="))
    uri = profile_arg.removeprefix("-env:UserInstallation=")
    assert uri.startswith("file:///")
    profile = Path(unquote(urlparse(uri).path))
    assert profile.name == "profile" and profile.parent.name.startswith("minutes-tui-lo-")
    assert not profile.parent.exists()  # the private profile is thrown away afterwards
    pdf.to_pdf(docx)
    assert fake_args(tmp_path) != args  # a new profile for every conversion


def test_the_profile_uri_is_a_file_uri_on_windows_too() -> None:
    """``"file://" + path`` gives ``file://C:\\Users\\...``, which LibreOffice does not take."""
    profile = PureWindowsPath(r"C:\Users\Nguyễn Văn A\AppData\Local\Temp\minutes-tui-lo-1\profile")
    command = pdf.convert_command("soffice.exe", Path("x.docx"), profile, Path("out"), pdf_a=False)
    assert ("-env:UserInstallation=file:///C:/Users/Nguy%E1%BB%85n%20V%C4%83n%20A/AppData/Local/Temp/"
            "minutes-tui-lo-1/profile") in command


@pytest.mark.parametrize("mode", ["nothing", "empty"])
def test_no_pdf_is_a_clear_error_not_a_silent_success(fake: Path, docx: Path, monkeypatch: pytest.MonkeyPatch,
                                                       mode: str) -> None:
    monkeypatch.setenv("FAKE_SOFFICE_MODE", mode)
    with pytest.raises(RenderError, match="LibreOffice không tạo ra tệp PDF") as raised:
        pdf.to_pdf(docx)
    assert "mã thoát 0" in str(raised.value)
    assert not docx.with_suffix(".pdf").exists()


def test_libreoffice_s_own_error_is_quoted(fake: Path, docx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "fail")
    with pytest.raises(RenderError) as raised:
        pdf.to_pdf(docx)
    assert "mã thoát 1" in str(raised.value) and "source file could not be loaded" in str(raised.value)


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie is dead (a container's init may not reap it)


def test_a_hanging_libreoffice_is_stopped_with_its_children(fake: Path, docx: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "hang")
    started = time.monotonic()
    with pytest.raises(RenderError, match="sau 2 giây"):
        pdf.to_pdf(docx, timeout=2)
    assert time.monotonic() - started < 15  # not the fake's 60 s, nor a wait on a pipe its child holds
    child = int((tmp_path / "child.pid").read_text(encoding="utf-8"))
    deadline = time.monotonic() + 5
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(child)


def test_no_libreoffice_at_all(fake: Path, docx: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert pdf.soffice() is None
    with pytest.raises(RenderError, match="Chưa cài LibreOffice"):
        pdf.to_pdf(docx)


# -- finding it -------------------------------------------------------------------------------
class FakeWinreg(types.ModuleType):
    """``winreg`` with one key: ``UNO\\InstallPath`` in the views listed in ``values``."""

    HKEY_LOCAL_MACHINE = 0x80000002
    HKEY_CURRENT_USER = 0x80000001
    KEY_READ = 0x20019
    KEY_WOW64_64KEY = 0x0100
    KEY_WOW64_32KEY = 0x0200

    def __init__(self, values: dict[tuple[int, int], str]) -> None:
        super().__init__("winreg")
        self.values = values
        self.opened: list[tuple[int, str, int]] = []

    def OpenKey(self, hive: int, name: str, reserved: int, access: int):
        self.opened.append((hive, name, access))
        view = access & (self.KEY_WOW64_64KEY | self.KEY_WOW64_32KEY)
        if name != pdf.UNO_INSTALL_KEY or (hive, view) not in self.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        value = self.values[(hive, view)]

        class Key:
            def __enter__(self) -> str:
                return value

            def __exit__(self, *exc: object) -> None:
                return None

        return Key()

    def QueryValueEx(self, key: str, name: str) -> tuple[str, int]:
        assert name == ""  # the key's default value
        return key, 1  # REG_SZ


def install(folder: Path) -> Path:
    """A LibreOffice ``program`` folder with a ``soffice.exe`` in it."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "soffice.exe"
    program.write_bytes(b"MZ")
    return program


@pytest.fixture
def windows(fake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeWinreg:
    """Windows as far as finding LibreOffice goes: no key in the registry yet, empty Program Files."""
    registry = FakeWinreg({})
    monkeypatch.setitem(sys.modules, "winreg", registry)
    monkeypatch.setattr(pdf, "WINDOWS", True)
    for variable, folder in (("ProgramFiles", "pf"), ("ProgramW6432", "pf"), ("ProgramFiles(x86)", "pf86")):
        monkeypatch.setenv(variable, str(tmp_path / folder))
    return registry


def test_windows_registry_comes_first(windows: FakeWinreg, tmp_path: Path) -> None:
    install(tmp_path / "pf" / "LibreOffice" / "program")
    registered = install(tmp_path / "D drive" / "LibreOffice 24" / "program")
    windows.values[(windows.HKEY_LOCAL_MACHINE, windows.KEY_WOW64_64KEY)] = str(registered.parent)
    assert pdf.soffice() == str(registered)
    hive, name, access = windows.opened[0]
    assert (hive, name) == (windows.HKEY_LOCAL_MACHINE, r"SOFTWARE\LibreOffice\UNO\InstallPath")
    assert access & windows.KEY_READ == windows.KEY_READ


def test_windows_32_bit_libreoffice_in_the_registry(windows: FakeWinreg, tmp_path: Path) -> None:
    registered = install(tmp_path / "old" / "program")
    windows.values[(windows.HKEY_LOCAL_MACHINE, windows.KEY_WOW64_32KEY)] = str(registered.parent)
    assert pdf.soffice() == str(registered)


def test_windows_stale_registry_key_falls_back_to_program_files(windows: FakeWinreg, tmp_path: Path) -> None:
    windows.values[(windows.HKEY_LOCAL_MACHINE, windows.KEY_WOW64_64KEY)] = str(tmp_path / "uninstalled" / "program")
    in_program_files = install(tmp_path / "pf" / "LibreOffice" / "program")
    assert pdf.soffice() == str(in_program_files)


def test_windows_program_files_x86(windows: FakeWinreg, tmp_path: Path) -> None:
    in_x86 = install(tmp_path / "pf86" / "LibreOffice" / "program")
    assert pdf.soffice() == str(in_x86)


def test_windows_path_last(windows: FakeWinreg, fake: Path) -> None:
    assert pdf.soffice() == str(fake)  # nothing in the registry or Program Files: PATH


def test_windows_converts_with_the_program_found(windows: FakeWinreg, fake: Path, docx: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pf" / "LibreOffice" / "program"
    folder.mkdir(parents=True)
    (folder / "soffice.exe").symlink_to(fake)  # the fake, run through the Program Files name
    assert pdf.to_pdf(docx).read_bytes().startswith(b"%PDF-")
    assert fake_args(tmp_path)[-1] == str(docx)


def test_not_windows_never_reads_the_registry(windows: FakeWinreg, fake: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "WINDOWS", False)
    install(tmp_path / "pf" / "LibreOffice" / "program")
    assert pdf.soffice() == str(fake) and windows.opened == []


def test_without_winreg_the_windows_look_up_still_works(windows: FakeWinreg, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "winreg", None)  # import winreg raises ImportError
    in_program_files = install(tmp_path / "pf" / "LibreOffice" / "program")
    assert pdf.soffice() == str(in_program_files)


def test_the_environment_variable_wins(windows: FakeWinreg, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registered = install(tmp_path / "reg" / "program")
    windows.values[(windows.HKEY_LOCAL_MACHINE, windows.KEY_WOW64_64KEY)] = str(registered.parent)
    chosen = install(tmp_path / "portable" / "LibreOfficePortable" / "program")
    monkeypatch.setenv(pdf.SOFFICE_ENV, f'"{chosen}"')  # pasted with the quotes Explorer's "Copy as path" adds
    assert pdf.soffice() == str(chosen)


def test_a_wrong_environment_variable_is_said(fake: Path, docx: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(tmp_path / "nowhere" / "soffice.exe"))
    assert pdf.soffice() is None  # not the fake on PATH: the user asked for that one
    with pytest.raises(RenderError, match="MINUTES_TUI_SOFFICE") as raised:
        pdf.to_pdf(docx)
    assert "nowhere" in str(raised.value)
    assert not os.path.exists(tmp_path / "args.json")
