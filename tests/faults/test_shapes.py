"""Data files of the wrong shape, and settings the app cannot start with (items 7 and 8).

Each crashed the app or every command: now the file is checked on load, what
can be kept is kept, the file is named in a warning (and kept aside when it was
mended), the index is rebuilt from the meeting files, every other meeting stays
usable, and the app always starts.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from minutes_tui import cli
from minutes_tui.core import edits
from minutes_tui.core.model import Kind, Line
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive, InvalidSetting, StoreError
from minutes_tui.store import files as files_mod

NOTES = "# Mở đầu\n+ Kết quả tốt\n> Việc cần làm @Văn phòng ^31/12/2027\n"


def _two_meetings(root: Path) -> tuple[str, str]:
    with Archive(root) as archive:
        ids = []
        for _ in range(2):
            result = import_notes(archive, NOTES)
            result.store.close()
            ids.append(result.store.id)
    return ids[0], ids[1]


def _cli_ok(root: Path, capsys, *args: str) -> tuple[str, str]:
    code = cli.main(["--data", str(root), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == 0, err
    return out, err


def _tables(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _lines_of(tables: dict) -> list[dict]:
    return sorted(tables["lines"].values(), key=lambda row: row["pos"])


# -- meeting files -------------------------------------------------------------------
MEETING_DAMAGE = {
    "bogus kind": lambda t: _lines_of(t)[1].update(kind="bogus"),
    "string pos": lambda t: _lines_of(t)[0].update(pos="một"),
    "huge created": lambda t: t["meta"]["1"].update(created=10 ** 400),
    "huge line created": lambda t: _lines_of(t)[2].update(created=1e308 * 10),
    "owners not a list": lambda t: _lines_of(t)[2].update(owners="Văn phòng"),
    "text a number": lambda t: _lines_of(t)[1].update(text=12345),
    "row not a dict": lambda t: t["lines"].update({"99": ["không", "phải", "dòng"]}),
    "details wrong": lambda t: t["meta"]["1"]["details"].update(attend="một người", date={"x": 1}),
    "history wrong": lambda t: t["history"]["1"].update(undo=[[1, 2], "x", [{"op": {"nested": [[[[[[1]]]]]]}}]]),
    "duplicate ids": lambda t: _lines_of(t)[1].update(id=_lines_of(t)[0]["id"]),
}


@pytest.mark.parametrize("name", sorted(MEETING_DAMAGE))
def test_meeting_file_of_the_wrong_shape(tmp_path: Path, capsys, name: str) -> None:
    root = tmp_path / "data"
    damaged_id, other_id = _two_meetings(root)
    path = root / "meetings" / f"{damaged_id}.json"
    tables = _tables(path)
    MEETING_DAMAGE[name](tables)
    raw = json.dumps(tables, ensure_ascii=False).encode("utf-8")
    path.write_bytes(raw)
    (root / "index.json").unlink()  # and the index must be rebuilt from the files

    out, _ = _cli_ok(root, capsys, "list")
    assert damaged_id in out and other_id in out
    with Archive(root) as archive:
        store = archive.open_meeting(damaged_id)
        texts = [line.text for line in store.meeting.lines]
        warnings = archive.take_warnings()
        assert any(path.name in w for w in warnings), warnings
        assert len(texts) >= 3 or name == "row not a dict", texts
        try:
            store.undo()  # a damaged history never crashes: undone, or refused with a message
        except StoreError:
            pass
        archive.close_meeting(store)
        other = archive.open_meeting(other_id)
        assert [line.text for line in other.meeting.lines] == ["Mở đầu", "Kết quả tốt", "Việc cần làm"]
    kept = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".corrupt-")]
    assert kept and kept[0].read_bytes() == raw, "the original must be kept aside as it was"
    _cli_ok(root, capsys, "export", damaged_id, "--out", str(tmp_path / "x.docx"))


def test_meeting_file_nested_200000_deep(tmp_path: Path, capsys) -> None:
    root = tmp_path / "data"
    damaged_id, other_id = _two_meetings(root)
    path = root / "meetings" / f"{damaged_id}.json"
    path.write_bytes(b'{"meta": {"1": {"details": ' + b"[" * 200_000 + b"]" * 200_000 + b"}}}")
    out, err = _cli_ok(root, capsys, "list")
    assert damaged_id in out and other_id in out and path.name in err
    with Archive(root) as archive:
        assert [line.text for line in archive.open_meeting(damaged_id).meeting.lines] == [
            "Mở đầu", "Kết quả tốt", "Việc cần làm"]


def test_journal_ops_that_are_not_lists(tmp_path: Path, capsys) -> None:
    root = tmp_path / "data"
    damaged_id, _ = _two_meetings(root)
    journal = root / "meetings" / f"{damaged_id}.journal"
    journal.write_bytes(b'{"seq": 5, "t": "do", "ops": "insert"}\n{"seq": 6, "t": "do", "ops": [1, 2]}\n'
                        b'{"seq": "7", "t": "undo"}\n{"seq": 8, "t": "jump"}\n[{"seq": 9}]\n')
    out, err = _cli_ok(root, capsys, "list")
    assert damaged_id in out and journal.name in err
    with Archive(root) as archive:
        store = archive.open_meeting(damaged_id)
        assert len(store.meeting.lines) == 3


# -- the index --------------------------------------------------------------------------
@pytest.mark.parametrize("rows", [
    {"1": ["a list"], "2": {"id": 7}, "3": {"id": "x", "counts": "many"}},
    {"1": {"id": "abc", "lines": "ba", "counts": {}}},
    {"1": {"id": "abc", "created": 10 ** 400}},
])
def test_index_rows_of_the_wrong_type(tmp_path: Path, capsys, rows: dict) -> None:
    root = tmp_path / "data"
    first, second = _two_meetings(root)
    (root / "index.json").write_text(json.dumps({"meetings": rows}), encoding="utf-8")
    out, err = _cli_ok(root, capsys, "list")
    assert first in out and second in out and "index.json" in err
    assert cli.main(["--data", str(root), "export", "last", "--out", str(tmp_path / "x.docx")]) == 0


# -- settings ---------------------------------------------------------------------------
@pytest.mark.parametrize("office", [
    {"recipients": 5, "theme": ["x"], "code": {"a": 1}},
    {"language": "fr"},
    {"theme": "tối"},
    {"recipients": [1, [2]], "closing": None},
])
def test_settings_of_the_wrong_type_fall_back(tmp_path: Path, capsys, office: dict) -> None:
    root = tmp_path / "data"
    first, _ = _two_meetings(root)
    (root / "settings.json").write_text(json.dumps({"office": {"1": office}, "directory": {"1": {"aliases": 3}}}),
                                        encoding="utf-8")
    _, err = _cli_ok(root, capsys, "export", first, "--out", str(tmp_path / "x.docx"))
    assert "settings.json" in err
    with Archive(root) as archive:
        assert archive.settings.language in ("vi", "en") and archive.settings.theme == "textual-dark"


async def test_the_app_starts_with_any_saved_settings(tmp_path: Path) -> None:
    from minutes_tui.tui.app import MinutesApp

    root = tmp_path / "data"
    _two_meetings(root)
    (root / "settings.json").write_text(json.dumps({"office": {"1": {"theme": "tối", "language": "fr"}}}),
                                        encoding="utf-8")
    app = MinutesApp(Archive(root).open())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.is_running and app.theme == "textual-dark"
        await pilot.press("ctrl+q")
    app.archive.close()


@pytest.mark.parametrize("typed", ["/set theme tối", "/set language fr", "/set export_access everyone"])
async def test_an_invalid_setting_is_refused_on_input(tmp_path: Path, typed: str) -> None:
    from minutes_tui.tui.app import MinutesApp

    root = tmp_path / "data"
    app = MinutesApp(Archive(root).open(), new=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        field = app.screen.query_one("#capture-input")
        field.value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert field.value == typed, "a refused line stays in the input"
        assert "error" in app.screen.query_one("#status-line").classes
        await pilot.press("ctrl+q")
    app.archive.close()
    with Archive(root, readonly=True) as archive:
        assert archive.settings.theme == "textual-dark" and archive.settings.language == "vi"


def test_save_settings_refuses_a_value_the_app_cannot_start_with(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        with pytest.raises(InvalidSetting, match="theme"):
            archive.save_settings(archive.settings.with_value("theme", "tối"))
        assert archive.settings.theme == "textual-dark"


def test_import_with_an_invalid_setting_reports_the_line(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "n.txt"
    notes.write_text("/set language fr\n+ một kết quả\n", encoding="utf-8")
    root = tmp_path / "data"
    _, err = _cli_ok(root, capsys, "import", str(notes))
    assert "1" in err and "language" in err
    with Archive(root) as archive:
        assert archive.settings.language == "vi"


# -- files the system will not let us read ------------------------------------------------
def _refuse(monkeypatch, name: str) -> None:
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if Path(path).name == name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


@pytest.mark.parametrize("which", ["meeting", "journal", "index.json", "settings.json"])
def test_permission_denied_names_the_file(tmp_path: Path, capsys, monkeypatch, which: str) -> None:
    root = tmp_path / "data"
    first, second = _two_meetings(root)
    name = {"meeting": f"{first}.json", "journal": f"{first}.journal"}.get(which, which)
    (root / "index.json").unlink()  # the list has to read every meeting again
    _refuse(monkeypatch, name)
    code = cli.main(["--data", str(root), "list"])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in err
    assert second in out
    assert name in err and os.strerror(errno.EACCES) in err, err
    if which in ("meeting", "journal"):
        with Archive(root) as archive, pytest.raises(StoreError, match=name):
            archive.open_meeting(first)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads mode-000 files")
def test_mode_000_meeting_file(tmp_path: Path, capsys) -> None:
    root = tmp_path / "data"
    first, second = _two_meetings(root)
    path = root / "meetings" / f"{first}.json"
    path.chmod(0)
    try:
        out, err = _cli_ok(root, capsys, "list")
        assert second in out and path.name in err
    finally:
        path.chmod(0o600)


def test_the_fault_os_can_refuse_an_open(monkeypatch) -> None:
    """The harness itself: the store's reads go through files.os (so faultfs can refuse them)."""
    from tests.faults.faultfs import faulty_store

    with faulty_store(monkeypatch) as fake:
        fake.fail("open", code=errno.EACCES)
        with pytest.raises(StoreError):
            files_mod.read_regular(Path(__file__))
        fake.clear()
        assert files_mod.read_regular(Path(__file__)) is not None


def test_undo_of_a_damaged_history_is_a_message(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Archive(root) as archive:
        store = archive.create()
        store.commit([edits.insert(Line(Kind.NOTE, "một"), 0)])
        store.history.undo[-1] = [{"op": "delete", "id": "không-có"}]  # as a damaged file would load
        with pytest.raises(StoreError):
            store.undo()
        assert [line.text for line in store.meeting.lines] == ["một"]
        assert not store.history.undo
