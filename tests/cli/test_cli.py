"""The command line as scripts use it: real subprocesses, exit codes, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTES = """\
/date 12/01/2027
/kind Phiên họp Thường trực tháng 01
- Ý kiến mở đầu
# Đánh giá kết quả
+ Kết quả một
+ Kết quả hai
! Tồn tại một
# Nhiệm vụ
> Việc một @Văn phòng ^31/01
> Việc hai @vp
= Thống nhất chung
"""


def cli(*args: str, data: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("MINUTES_TUI_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "minutes_tui", "--data", str(data), *args],
        capture_output=True, text=True, env=env, timeout=60, input=stdin,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_import_then_list_shows_counts(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    imported = cli("import", str(notes), data=tmp_path / "data")
    assert imported.returncode == 0, imported.stderr
    meeting_id = imported.stdout.strip()
    assert len(meeting_id) == 12
    listed = cli("list", data=tmp_path / "data")
    assert listed.returncode == 0
    (line,) = listed.stdout.splitlines()
    columns = line.split()
    assert columns[0] == meeting_id
    assert columns[1] == "12/01/2027"
    assert "Phiên họp Thường trực tháng 01" in line
    assert columns[-3:] == ["2", "1", "2"]  # findings, shortcomings, tasks


def test_import_reports_bad_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("+ tốt\n/nosuch x\n> việc\n", encoding="utf-8")
    result = cli("import", str(notes), data=tmp_path / "data")
    assert result.returncode == 0
    assert "dòng 2" in result.stderr
    assert cli("list", data=tmp_path / "data").stdout.split()[-3:] == ["1", "0", "1"]


def test_import_utf16_and_bom_files(tmp_path: Path) -> None:
    for name, data in (("bom.txt", "\ufeff+ có BOM\n".encode("utf-8")), ("u16.txt", "+ UTF-16\n".encode("utf-16"))):
        path = tmp_path / name
        path.write_bytes(data)
        assert cli("import", str(path), data=tmp_path / "data").returncode == 0


@pytest.mark.parametrize(
    ("args", "setup"),
    [
        (("import", "missing.txt"), None),
        (("import", "."), None),
        (("import", "binary.bin"), b"\xff\xfe\x00\xd8" * 10 + b"\x80\x81"),
        (("export", "nosuch"), None),
        (("bogus",), None),
        (("list", "--nope"), None),
    ],
)
def test_bad_input_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], setup: bytes | None
) -> None:
    monkeypatch.chdir(tmp_path)
    if setup is not None:
        (tmp_path / "binary.bin").write_bytes(b"\x80\x81\xfe" + setup)
    assert_one_line_error(cli(*args, data=tmp_path / "data"))


def test_list_on_an_empty_or_missing_data_dir(tmp_path: Path) -> None:
    # A missing folder is a typo in --data (issue #10, item 16): said, non-zero, nothing created.
    result = cli("list", data=tmp_path / "nowhere")
    assert_one_line_error(result)
    assert not (tmp_path / "nowhere").exists()
    from minutes_tui.store import Archive

    Archive(tmp_path / "empty").open().close()  # an archive without meetings yet
    result = cli("list", data=tmp_path / "empty")
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_data_dir_from_environment(tmp_path: Path) -> None:
    notes = tmp_path / "n.txt"
    notes.write_text("+ x\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MINUTES_TUI_DATA": str(tmp_path / "envdata")}
    run = subprocess.run([sys.executable, "-m", "minutes_tui", "import", str(notes)], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "envdata" / "meetings").is_dir()


def test_export_notice_record_and_no_overwrite(tmp_path: Path) -> None:
    from docx import Document

    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    data = tmp_path / "data"
    meeting_id = cli("import", str(notes), data=data).stdout.strip()
    first = cli("export", "last", data=data)
    assert first.returncode == 0, first.stderr
    path = Path(first.stdout.strip())
    # issue #11: in the exports folder (Documents by default), ≤ 50 ASCII characters
    assert path.name == "2027-01-12 TB ket luan - Phien hop Thuong.docx"
    assert path.parent == Path(os.environ["MINUTES_TUI_EXPORTS"])
    texts = [p.text.replace("\u00a0", " ") for p in Document(str(path)).paragraphs]  # issue #12: NBSP in dates
    assert "THÔNG BÁO" in texts and "- Văn phòng việc một; hoàn thành trước ngày 31/01/2027." in texts
    again = cli("export", meeting_id[:6], data=data)
    assert_one_line_error(again)
    assert "--force" in again.stderr
    assert cli("export", "last", "--force", data=data).returncode == 0
    out = tmp_path / "bb"
    record = cli("export", "last", "--record", "--out", str(out), data=data)
    assert record.returncode == 0 and Path(record.stdout.strip()) == out.with_name("bb.docx")
    assert "BIÊN BẢN" in [p.text for p in Document(str(out.with_name("bb.docx"))).paragraphs]


def test_export_while_the_app_holds_the_lock_still_works(tmp_path: Path) -> None:
    from minutes_tui.store import Archive

    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    data = tmp_path / "data"
    cli("import", str(notes), data=data)
    with Archive(data):  # as if the app were open on the same data
        result = cli("export", "last", "--out", str(tmp_path / "n.docx"), data=data)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "n.docx").exists()


def test_export_pdf_without_libreoffice_is_one_clear_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    data = tmp_path / "data"
    cli("import", str(notes), data=data)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PATH": str(tmp_path / "empty-bin")}
    result = subprocess.run(
        [sys.executable, "-m", "minutes_tui", "--data", str(data), "export", "last", "--pdf", "--out", str(tmp_path / "x.docx")],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert_one_line_error(result)
    assert "LibreOffice" in result.stderr
