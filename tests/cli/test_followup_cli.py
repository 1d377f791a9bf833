"""``tasks``, ``report`` and ``issue`` as DESIGN.md's "Command line" states them (in process: fast)."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.cli import main

NOTES = """\
/alias vp Văn phòng HĐND và UBND xã
/date 05/11/2026
/body UBND xã Tân Hòa
/set code TB-UBND
# Nhiệm vụ tháng 11
> Hoàn thành kiểm kê đất công @Phòng Kinh tế @Công chức Địa chính ^20/11/2026
> Báo cáo tiến độ giải ngân @vp ^quý IV/2026
= Thống nhất tổ chức hội nghị dân vận @Ban Dân vận
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit:  # argparse's own errors (one line, exit 2)
        code = int(exit.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys) -> Path:
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    root = tmp_path / "data"
    assert run(capsys, "--data", str(root), "import", str(notes))[0] == 0
    return root


def tasks_json(capsys, data: Path, *extra: str) -> list[dict]:
    code, out, err = run(capsys, "--data", str(data), "tasks", "--json", "--as-of", "25/11/2026", *extra)
    assert code == 0, err
    return json.loads(out)


def test_tasks_json_is_utf8_bytes_in_a_pipe_and_text_on_a_console(data: Path, capsys, monkeypatch) -> None:
    """A pipe gets the UTF-8 JSON is defined in, whatever the locale; a console its own encoding."""
    piped = tasks_json(capsys, data)
    assert any(item["lead"] == "Phòng Kinh tế" for item in piped)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert tasks_json(capsys, data) == piped


def test_tasks_list_and_json_fields(data: Path, capsys) -> None:
    code, out, _ = run(capsys, "--data", str(data), "tasks", "--as-of", "25/11/2026")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert "20/11/2026" in lines[0] and "Quá hạn 5 ngày" in lines[0] and "Phòng Kinh tế" in lines[0]
    items = tasks_json(capsys, data)
    assert set(items[0]) >= {"id", "meeting", "notice", "text", "lead", "cooperating", "deadline", "deadline_text",
                             "status", "state", "days_late", "progress", "done_date"}
    first = items[0]
    assert (first["state"], first["days_late"], first["deadline"], first["cooperating"]) == (
        "overdue", 5, "20/11/2026", ["Công chức Địa chính"])
    assert items[1]["deadline"] == "31/12/2026" and items[1]["lead"] == "Văn phòng HĐND và UBND xã"
    assert [i["state"] for i in tasks_json(capsys, data, "--state", "no_deadline")] == ["no_deadline"]
    assert len(tasks_json(capsys, data, "--owner", "@vp")) == 1
    assert len(tasks_json(capsys, data, "--owner", "dia chinh")) == 1


def test_follow_up_commands_are_durable(data: Path, capsys) -> None:
    first, second, third = (item["id"] for item in tasks_json(capsys, data))
    root = str(data)
    assert run(capsys, "--data", root, "tasks", "progress", first[:5], "Đã kiểm kê 30 thửa", "--date", "18/11/2026")[0] == 0
    assert run(capsys, "--data", root, "tasks", "done", first[:5], "--date", "22/11/2026", "--note", "Xong")[0] == 0
    assert run(capsys, "--data", root, "tasks", "deadline", second, "15/01/2027", "--reason", "chờ kho bạc",
               "--date", "20/11/2026")[0] == 0
    assert run(capsys, "--data", root, "tasks", "pause", third, "--note", "chờ chỉ đạo", "--date", "20/11/2026")[0] == 0
    by_id = {item["id"]: item for item in tasks_json(capsys, data)}
    assert (by_id[first]["status"], by_id[first]["state"], by_id[first]["done_date"]) == ("done", "done_late", "22/11/2026")
    assert by_id[first]["progress"] == [{"date": "18/11/2026", "text": "Đã kiểm kê 30 thửa"}]
    assert (by_id[second]["deadline"], by_id[second]["deadline_text"]) == ("15/01/2027", "15/01/2027")
    assert by_id[third]["state"] == "paused"
    assert run(capsys, "--data", root, "tasks", "reopen", third, "--date", "21/11/2026")[0] == 0
    assert run(capsys, "--data", root, "tasks", "cancel", third, "--date", "22/11/2026")[0] == 0
    assert {item["id"]: item for item in tasks_json(capsys, data)}[third]["state"] == "cancelled"


@pytest.mark.parametrize("args, words", [
    (["tasks", "done", "zzzz"], "Không có nhiệm vụ"),
    (["tasks", "done", ""], "Không có nhiệm vụ"),
    (["tasks", "done", "x", "--date", "32/13/2026"], "không phải ngày"),
    (["tasks", "--state", "soon"], "Không có tình trạng"),
    (["tasks", "deadline", "x", "khi nào xong"], None),
    (["report", "--docx", "notes.txt/inside-a-file.docx"], None),  # the parent is a file
    (["report", "--period", "quý V/2026", "--csv", "r.csv"], None),
])
def test_bad_input_is_one_line_and_changes_nothing(data: Path, capsys, args: list[str], words: str | None,
                                                   monkeypatch) -> None:
    monkeypatch.chdir(data.parent)
    before = tasks_json(capsys, data)
    code, out, err = run(capsys, "--data", str(data), *args)
    assert code != 0 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    if words:
        assert words in err
    assert tasks_json(capsys, data) == before


def test_reports(data: Path, capsys, tmp_path: Path) -> None:
    root = str(data)
    xlsx, docx_path, csv_path = tmp_path / "r.xlsx", tmp_path / "r.docx", tmp_path / "r.csv"
    assert run(capsys, "--data", root, "report", "--period", "quý IV/2026", "--xlsx", str(xlsx))[0] == 0
    assert run(capsys, "--data", root, "report", "--from", "01/11/2026", "--to", "30/11/2026", "--docx", str(docx_path))[0] == 0
    assert run(capsys, "--data", root, "report", "--as-of", "25/11/2026", "--csv", str(csv_path), "--separator", ";")[0] == 0
    rows = list(csv.reader(csv_path.read_bytes().decode("utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) == 4 and csv_path.read_bytes().startswith("\ufeff".encode())
    code, _, err = run(capsys, "--data", root, "report", "--csv", str(csv_path))
    assert code != 0 and "--force" in err  # never over an existing file
    from openpyxl import load_workbook

    assert load_workbook(xlsx).worksheets[0].max_row == 4


def test_issue_without_a_file_then_again(data: Path, capsys, tmp_path: Path) -> None:
    root = str(data)
    code, out, err = run(capsys, "--data", root, "issue", "last", "--number", "07", "--date", "10/11/2026")
    assert code == 0, err
    assert "07/TB-UBND" in out and "10/11/2026" in out
    assert {item["notice"] for item in tasks_json(capsys, data)} == {"07/TB-UBND"}
    code, out, _ = run(capsys, "--data", root, "issue", "last", "--number", "07", "--date", "10/11/2026")
    assert code == 0 and "không có gì thay đổi" in out
    code, _, err = run(capsys, "--data", root, "export", "last", "--out", str(tmp_path / "final.docx"))
    assert code == 0, err
    from minutes_tui.render.docx_reader import read_signed

    assert (read_signed(tmp_path / "final.docx").number, read_signed(tmp_path / "final.docx").issued) == (
        "07/TB-UBND", date(2026, 11, 10))


def test_issue_needs_a_number_and_speaks_english(data: Path, capsys) -> None:
    code, _, err = run(capsys, "--lang", "en", "--data", str(data), "issue", "last")
    assert code != 0 and "No notice number" in err


def test_a_broken_pipe_is_quiet(data: Path, capsys, monkeypatch) -> None:
    import sys

    class Closed:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            return sys.__stdout__.fileno()

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    monkeypatch.setattr("os.dup2", lambda *a: None)
    assert main(["--data", str(data), "tasks"]) == 141
    assert not list(data.glob("crash-reports/*"))
