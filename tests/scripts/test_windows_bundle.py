"""The offline Windows bundle builder and its PowerShell scripts (checked on Linux)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts" / "windows"


def _builder():
    spec = importlib.util.spec_from_file_location("build_offline_bundle", SCRIPTS / "build_offline_bundle.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _fake_wheel(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_uv_exe_comes_out_of_the_windows_wheel(tmp_path: Path) -> None:
    builder = _builder()
    wheel = _fake_wheel(tmp_path / "uv-0.9.0-py3-none-win_amd64.whl",
                        {"uv-0.9.0.data/scripts/uv.exe": b"MZ-uv", "uv/__init__.py": b""})
    assert builder.extract_uv(wheel, tmp_path / "uv.exe").read_bytes() == b"MZ-uv"
    linux = _fake_wheel(tmp_path / "uv-0.9.0-py3-none-manylinux.whl", {"uv-0.9.0.data/scripts/uv": b"ELF"})
    with pytest.raises(SystemExit, match="no uv.exe"):
        builder.extract_uv(linux, tmp_path / "other.exe")


def test_only_windows_binary_wheels_are_fetched() -> None:
    command = _builder().pip_download(["minutes_tui-0.1.0-py3-none-any.whl"], Path("w"), "3.12")
    joined = " ".join(command)
    for flag in ("--only-binary=:all:", "--platform win_amd64", "--python-version 3.12", "--implementation cp"):
        assert flag in joined
    assert "--no-deps" not in command


def test_bundle_layout(tmp_path: Path) -> None:
    builder = _builder()
    calls: list[list[str]] = []

    def fake_run(command: list[str], check: bool) -> None:
        # stands in for pip: writes the files pip would write
        calls.append(command)
        dest = Path(command[command.index("--dest" if "--dest" in command else "--wheel-dir") + 1])
        dest.mkdir(parents=True, exist_ok=True)
        if "wheel" in command:
            (dest / "minutes_tui-0.1.0-py3-none-any.whl").write_bytes(b"PK")
        elif "uv" in command:
            _fake_wheel(dest / "uv-0.9.0-py3-none-win_amd64.whl", {"uv-0.9.0.data/scripts/uv.exe": b"MZ"})
        else:
            (dest / "lxml-6.0-cp312-cp312-win_amd64.whl").write_bytes(b"PK")

    out = builder.build(tmp_path / "bundle", "3.12", run=fake_run)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["install.ps1", "python", "sample-notes.txt", "uv.exe", "wheels", "windows-smoke.ps1"]
    assert sorted(p.name for p in (out / "wheels").iterdir()) == [
        "lxml-6.0-cp312-cp312-win_amd64.whl", "minutes_tui-0.1.0-py3-none-any.whl"]
    # the dependencies are resolved from the app's own wheel, with the Windows-only ones named
    resolve = calls[1]
    assert resolve[-2].endswith("minutes_tui-0.1.0-py3-none-any.whl") and resolve[-1].startswith("filelock")


@pytest.mark.parametrize("name", ["install.ps1", "windows-smoke.ps1"])
def test_powershell_scripts_load_in_windows_powershell_5(name: str) -> None:
    raw = (SCRIPTS / name).read_bytes()
    # Windows PowerShell 5.1 reads a script without BOM in the ANSI code page: Vietnamese breaks.
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    # PowerShell 7-only syntax would not parse on the office laptops' 5.1
    for seven_only in ("&&", "||", "??", "?."):
        assert seven_only not in text, seven_only
    assert "#Requires -Version 5.1" in text
    assert "Set-StrictMode -Version Latest" in text


def test_install_uses_only_the_bundle() -> None:
    text = (SCRIPTS / "install.ps1").read_text(encoding="utf-8-sig")
    assert "--offline" in text and "--no-index" in text and "--find-links" in text
    assert "UV_PYTHON_DOWNLOADS" in text  # never downloads a Python either
    assert '$home ' not in text.lower()  # $HOME is read-only in PowerShell


@pytest.mark.skipif(os.environ.get("MINUTES_TUI_NETWORK_TESTS") != "1", reason="downloads wheels from PyPI")
def test_real_bundle_has_windows_lxml(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPTS / "build_offline_bundle.py"), "--out", str(tmp_path / "b")], check=True)
    wheels = [p.name for p in (tmp_path / "b" / "wheels").iterdir()]
    assert any(name.startswith("lxml-") and name.endswith("win_amd64.whl") for name in wheels)
    assert (tmp_path / "b" / "uv.exe").read_bytes()[:2] == b"MZ"
