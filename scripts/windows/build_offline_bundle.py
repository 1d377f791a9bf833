#!/usr/bin/env python3
"""Build the offline Windows bundle of minutes-tui, from Linux (or any OS).

For offices without internet: one folder to copy on a USB stick, installed by
``install.ps1`` with nothing else on the Windows machine::

    minutes-tui-windows/
      install.ps1            installs minutes-tui for the current user (no admin rights)
      windows-smoke.ps1      the IT person's smoke test (PASS/FAIL per step)
      sample-notes.txt       the meeting the smoke test imports
      uv.exe                 taken from uv's Windows wheel on PyPI
      wheels/                minutes-tui and every dependency, Windows wheels (lxml included)
      python/                <- a standalone CPython for Windows: the one piece fetched by hand

Usage::

    python scripts/windows/build_offline_bundle.py [--out DIR] [--python-version 3.12]

The standalone Python cannot be fetched here (it is not on PyPI): download
``cpython-<version>+<date>-x86_64-pc-windows-msvc-install_only.tar.gz`` from
https://github.com/astral-sh/python-build-standalone/releases and unpack it so
that ``python/python.exe`` exists in the bundle. The script says so at the end,
and ``install.ps1`` refuses to run without it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PLATFORM = "win_amd64"
#: pip evaluates environment markers for the machine it runs on, not for
#: ``--platform``: dependencies marked ``sys_platform == 'win32'`` must be named here.
WINDOWS_ONLY = ("filelock>=3.12",)


def pip_download(requirements: list[str], dest: Path, python_version: str, *, deps: bool = True) -> list[str]:
    """The pip command that fetches Windows wheels only (``--only-binary=:all:``)."""
    command = [sys.executable, "-m", "pip", "download", "--only-binary=:all:", "--platform", PLATFORM,
               "--python-version", python_version, "--implementation", "cp", "--dest", str(dest)]
    if not deps:
        command.append("--no-deps")
    return command + requirements


def extract_uv(wheel: Path, target: Path) -> Path:
    """Copy ``uv.exe`` out of uv's Windows wheel (``uv-*.data/scripts/uv.exe``)."""
    with zipfile.ZipFile(wheel) as archive:
        member = next((name for name in archive.namelist() if name.endswith("/scripts/uv.exe")), None)
        if member is None:
            raise SystemExit(f"{wheel.name} has no uv.exe: is it the win_amd64 wheel?")
        with archive.open(member) as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out)
    return target


def build(out: Path, python_version: str, run=subprocess.run) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    wheels = out / "wheels"
    wheels.mkdir(exist_ok=True)
    # 1. minutes-tui's own wheel (pure Python: the same file runs on Windows).
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(wheels), str(ROOT)], check=True)
    app_wheel = max(wheels.glob("minutes_tui-*.whl"), key=lambda p: p.stat().st_mtime)
    # 2. Its dependencies as Windows wheels, resolved from the wheel's own metadata.
    run(pip_download([str(app_wheel), *WINDOWS_ONLY], wheels, python_version), check=True)
    # 3. uv.exe, out of uv's Windows wheel (kept out of wheels/: it is not to be installed).
    scratch = out / ".uv-wheel"
    run(pip_download(["uv"], scratch, python_version, deps=False), check=True)
    extract_uv(next(scratch.glob("uv-*.whl")), out / "uv.exe")
    shutil.rmtree(scratch)
    # 4. The scripts and the sample meeting.
    for name in ("install.ps1", "windows-smoke.ps1"):
        shutil.copy2(HERE / name, out / name)
    shutil.copy2(ROOT / "minutes_tui" / "demo" / "demo_meeting.txt", out / "sample-notes.txt")
    (out / "python").mkdir(exist_ok=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline Windows bundle of minutes-tui.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "minutes-tui-windows")
    parser.add_argument("--python-version", default="3.12", help="the standalone Python's version (default 3.12)")
    args = parser.parse_args(argv)
    out = build(args.out, args.python_version)
    print(f"Bundle: {out}")
    if not (out / "python" / "python.exe").exists():
        print(
            "One piece left: a standalone CPython for Windows (not on PyPI, so not fetched here).\n"
            f"  Download cpython-{args.python_version}.*-x86_64-pc-windows-msvc-install_only.tar.gz from\n"
            "  https://github.com/astral-sh/python-build-standalone/releases\n"
            f"  and unpack it so that {out / 'python' / 'python.exe'} exists."
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
