"""The command line against hostile input and typos (issue #10, items 9, 11, 13, 16 and i18n)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from minutes_tui import cli

ROOT = Path(__file__).resolve().parents[2]
NOTES = "/date 12/01/2027\n# Muc mot\n+ Ket qua mot\n> Viec mot @Van phong ^31/01\n"
#: Vietnamese letters that English text never has (user data in the tests is ASCII).
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)


def run(*args: str, data: Path | None = None, stdin: bytes | None = None, timeout: float = 60,
        env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("MINUTES_TUI_DATA", None)
    prefix = ["--data", str(data)] if data is not None else []
    return subprocess.run([sys.executable, "-m", "minutes_tui", *prefix, *args], capture_output=True,
                          env=full_env, timeout=timeout, input=stdin, cwd=cwd, check=False)


def one_line_error(done: subprocess.CompletedProcess[bytes]) -> str:
    err = done.stderr.decode("utf-8")
    assert done.returncode != 0, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("minutes-tui: "), err
    return lines[0]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    data = tmp_path / "data"
    assert run("import", str(notes), data=data).returncode == 0
    return data


# -- item 9: import reads with a cap and only regular files ------------------------------
@pytest.mark.parametrize("source", ["/dev/zero", "/dev/urandom", "fifo"])
def test_import_of_a_device_or_fifo_is_refused_at_once(tmp_path: Path, source: str) -> None:
    if source == "fifo":
        source = str(tmp_path / "fifo")
        os.mkfifo(source)
    started = time.monotonic()
    line = one_line_error(run("import", source, data=tmp_path / "data", timeout=30))
    assert time.monotonic() - started < 20
    assert source in line


def test_import_reads_with_a_byte_cap_not_the_reported_size(tmp_path: Path, monkeypatch) -> None:
    """A file whose size says 0 but which never ends (a /proc file, /dev/zero behind a check)."""
    from minutes_tui.services import importing

    big = tmp_path / "big.txt"
    big.write_bytes(b"+ x\n" * (importing.MAX_FILE_BYTES // 4 + 10))
    real_fstat = os.fstat

    def lying_fstat(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 0,
                               st.st_atime, st.st_mtime, st.st_ctime))

    monkeypatch.setattr(os, "fstat", lying_fstat)
    with pytest.raises(importing.StoreError, match="MB"):
        importing.read_notes_file(big)


# -- item 11: a meeting is at most 10,000 lines ----------------------------------------------
def test_import_over_the_line_limit_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    from minutes_tui.services.importing import MAX_LINES

    notes = tmp_path / "many.txt"
    notes.write_text("".join(f"+ dong {n}\n" for n in range(MAX_LINES + 1)), encoding="utf-8")
    data = tmp_path / "data"
    line = one_line_error(run("--lang", "en", "import", str(notes), data=data))
    assert str(MAX_LINES + 1) in line and "10000" in line.replace(",", "").replace(".", "")
    assert not list((data / "meetings").glob("*.json")) if (data / "meetings").exists() else True


def test_import_at_the_line_limit_is_accepted(tmp_path: Path) -> None:
    from minutes_tui.services.importing import MAX_LINES

    notes = tmp_path / "many.txt"
    notes.write_text("".join(f"+ dong {n}\n" for n in range(MAX_LINES)), encoding="utf-8")
    done = run("import", str(notes), data=tmp_path / "data")
    assert done.returncode == 0, done.stderr


# -- item 16: --out, --data, crash reports, --demo, list on a missing folder ------------------
def test_out_an_existing_directory_writes_into_it(archive: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ra"
    folder.mkdir()
    done = run("export", "last", "--out", str(folder), data=archive)
    assert done.returncode == 0, done.stderr
    written = Path(done.stdout.decode().strip())
    assert written.parent == folder and written.suffix == ".docx" and written.exists()
    assert not (tmp_path / "ra.docx").exists()


def test_out_dash_writes_the_document_to_stdout(archive: Path, tmp_path: Path) -> None:
    done = run("export", "last", "--out", "-", data=archive, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout[:2] == b"PK", "a .docx (zip) on stdout"
    assert not list(tmp_path.glob("-*")), "no file named after the dash"


def test_out_dash_with_pdf_is_a_clear_error(archive: Path) -> None:
    one_line_error(run("export", "last", "--out", "-", "--pdf", data=archive))


def test_out_empty_is_a_clear_error(archive: Path) -> None:
    line = one_line_error(run("--lang", "en", "export", "last", "--out", "", data=archive))
    assert "--out" in line and not (archive / "crash-reports").exists(), "a crash is not a clear error"


def test_data_empty_is_a_clear_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "minutes_tui", "--data", "", "list"], capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}, timeout=60, check=False)
    one_line_error(done)


def test_list_on_a_folder_that_does_not_exist_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "dat-typo"
    line = one_line_error(run("list", data=missing))
    assert str(missing) in line
    assert not missing.exists(), "a read-only command must not create the folder"


def test_export_on_a_folder_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "dat-typo"
    one_line_error(run("export", "last", data=missing))
    assert not missing.exists()


def test_crash_reports_from_the_cli_never_overwrite_each_other(tmp_path: Path, monkeypatch, capsys) -> None:
    data = tmp_path / "data"
    data.mkdir()

    def boom(args, root):
        raise RuntimeError("lỗi giả")

    monkeypatch.setattr(cli, "run", boom)
    for _ in range(3):
        assert cli.main(["--data", str(data), "list"]) == cli.EXIT_FAILURE
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 3
    reports = sorted((data / "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 3
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in reports)
    assert all(str(p) in err for p in reports)


def test_demo_removes_its_temporary_folder(tmp_path: Path) -> None:
    from tests.faults.apprun import AppProcess, wait_for

    parent = tmp_path / "parent"
    app = AppProcess(parent, "--demo")
    try:
        assert wait_for(lambda: any(parent.glob("minutes-tui-demo-*/meetings/*.json")), 20)
        assert wait_for(lambda: b"\x1b[?1049h" in bytes(app.output), 20)  # the app is on screen
        time.sleep(0.5)
        code = app.quit()
    finally:
        if app.proc.poll() is None:
            app.kill9()
    assert code == 0
    assert not list(parent.glob("minutes-tui-demo-*")), "the demo data was left behind"


# -- item 13: what the CLI writes is private -------------------------------------------------
def test_exports_and_their_folder_are_private(archive: Path, tmp_path: Path) -> None:
    os.chmod(archive, 0o755)  # an existing folder the user opened up: left as it is
    done = run("export", "last", data=archive)
    assert done.returncode == 0, done.stderr
    written = Path(done.stdout.decode().strip())
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(archive.stat().st_mode) == 0o755
    nested = tmp_path / "new" / "deeper" / "tb.docx"
    done = run("export", "last", "--record", "--out", str(nested), data=archive)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(nested.stat().st_mode) == 0o600
    for folder in (nested.parent, nested.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_export_access_shared_follows_the_umask(archive: Path, tmp_path: Path) -> None:
    from minutes_tui.store import Archive

    with Archive(archive) as opened:
        opened.save_settings(opened.settings.with_value("export_access", "shared"))
    out = tmp_path / "shared.docx"
    command = f'umask 022; exec "{sys.executable}" -m minutes_tui --data "{archive}" export last --out "{out}"'
    done = subprocess.run(["sh", "-c", command], capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


# -- every message in the chosen language ------------------------------------------------------
ENGLISH_CASES = [
    ("import", "missing.txt"),
    ("import", "/dev/zero"),
    ("export", "nosuch"),
    ("export", "last", "--out", ""),
    ("bogus",),
    ("list", "--nope"),
    ("export",),
    ("--lang", "fr", "list"),
    ("tasks", "--state", "bogus"),
    ("tasks", "done", "nosuchtask"),
    ("report", "--period", "Q5 2026"),
    ("report", "--period", "quý 5/2026"),
]


@pytest.mark.parametrize("args", ENGLISH_CASES)
def test_lang_en_shows_no_vietnamese(archive: Path, args: tuple[str, ...]) -> None:
    done = run("--lang", "en", *args, data=archive)
    err = done.stderr.decode("utf-8")
    assert done.returncode != 0 and "Traceback" not in err
    assert not VIETNAMESE.search(err), err


def test_help_in_english_and_vietnamese(tmp_path: Path) -> None:
    english = run("--lang", "en", "--help").stdout.decode("utf-8")
    assert "usage:" in english and not VIETNAMESE.search(english), english
    vietnamese = run("--lang", "vi", "--help").stdout.decode("utf-8")
    assert "usage:" not in vietnamese and VIETNAMESE.search(vietnamese), vietnamese


def test_language_comes_from_the_saved_setting(archive: Path) -> None:
    from minutes_tui.store import Archive

    with Archive(archive) as opened:
        opened.save_settings(opened.settings.with_value("language", "en"))
    err = run("export", "nosuch", data=archive).stderr.decode("utf-8")
    assert "No meeting" in err and not VIETNAMESE.search(err), err


def test_warnings_are_printed_in_english(archive: Path) -> None:
    meetings = archive / "meetings"
    (next(meetings.glob("*.json"))).write_bytes(b"{")
    done = run("--lang", "en", "list", data=archive)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 0 and "damaged" in err and not VIETNAMESE.search(err), err


def test_import_problems_in_english(tmp_path: Path) -> None:
    notes = tmp_path / "n.txt"
    notes.write_text("+ ok\n/nosuch x\n/date 32/13/2027\n>\n/set language fr\n/alias vp\n", encoding="utf-8")
    done = run("--lang", "en", "import", str(notes), data=tmp_path / "data")
    err = done.stderr.decode("utf-8")
    assert done.returncode == 0 and err.count("\n") == 5, err
    assert "line 2" in err and not VIETNAMESE.search(err), err
