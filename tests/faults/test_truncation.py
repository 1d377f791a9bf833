"""Every file of a small archive truncated at every byte offset, and with garbage appended.

Opening never raises anything but a :class:`StoreError`, never loses a line
that the other file still holds, sets the damaged file aside (byte for byte,
never overwritten), and ``minutes-tui list`` prints clear lines, no traceback.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from minutes_tui import cli
from minutes_tui.core import edits
from minutes_tui.core.directory import Directory
from minutes_tui.core.model import Kind, Line
from minutes_tui.store import Archive, StoreError

GARBAGE = [b"\x00\x00\x00", b"}", b"\xff\xfe garbage", b'{"seq": "x"}\n', b"\n\n{\"seq\":99,\"t\":\"do\",\"ops\":[{\"op\"", b" "]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, str, dict]:
    root = tmp_path_factory.mktemp("pristine") / "data"
    with Archive(root) as archive:
        archive.save_settings(archive.settings.with_value("issuer", "UBND thị xã"), Directory())
        store = archive.create()
        def add(text):
            return store.commit([edits.insert(Line(Kind.TASK, text, owners=["Văn phòng"]), len(store.meeting.lines))])
        for text in ("Một", "Hai", "Ba"):
            add(text)
        archive.checkpoint(store)
        add("Bốn")
        archive.checkpoint(store)  # .bak = Một Hai Ba ; .json = Một…Bốn
        add("Năm")
        add("Sáu")  # only in the journal
        store._journal.close()  # leave it as a kill would: journal not folded
        store._journal = None
        store._db = None
    meetings = root / "meetings"
    facts = {
        "db": ["Một", "Hai", "Ba", "Bốn"],
        "bak": ["Một", "Hai", "Ba"],
        "journal": ["Năm", "Sáu"],
    }
    assert (meetings / f"{store.id}.journal").stat().st_size > 0
    assert (meetings / f"{store.id}.json.bak").exists()
    return root, store.id, facts


def _copy(pristine_root: Path, target: Path) -> Path:
    shutil.copytree(pristine_root, target)
    return target


def _open_lines(root: Path, meeting_id: str) -> tuple[list[str], list[str]]:
    try:
        with Archive(root) as archive:
            ids = {s.id for s in archive.list()}
            assert meeting_id in ids
            store = archive.open_meeting(meeting_id)
            texts = [l.text for l in store.meeting.lines]
            store.close()
            return texts, list(archive.warnings)
    except StoreError:
        raise
    except Exception as error:  # anything else is a bug: say which
        raise AssertionError(f"opening raised {error!r}, not a StoreError") from error


def _cli_list(root: Path, capsys) -> None:
    code = cli.main(["--data", str(root), "list"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    assert all(line.startswith("minutes-tui: ") for line in err.splitlines()), err
    assert code in (0, 1)


def _journal_complete(data: bytes) -> list[str]:
    texts = []
    for chunk in data.split(b"\n"):
        try:
            record = json.loads(chunk)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("seq"), int) and record["seq"] > 4:
            texts += [op["line"]["text"] for op in record.get("ops", [])]
    return texts


def _variants(data: bytes):
    for offset in range(len(data)):
        yield f"cut@{offset}", data[:offset]
    for junk in GARBAGE:
        yield f"junk{junk[:6]!r}", data + junk


def _parses(data: bytes) -> bool:
    try:
        return isinstance(json.loads(data), dict)
    except ValueError:
        return False


def _set_aside(directory: Path, name: str) -> list[Path]:
    return [p for p in directory.iterdir() if p.name.startswith(name + ".corrupt-")]


def test_meeting_database_truncated(pristine, tmp_path: Path, capsys) -> None:
    root0, meeting_id, facts = pristine
    original = (root0 / "meetings" / f"{meeting_id}.json").read_bytes()
    for number, (label, damaged) in enumerate(_variants(original)):
        root = _copy(root0, tmp_path / str(number))
        path = root / "meetings" / f"{meeting_id}.json"
        path.write_bytes(damaged)
        _cli_list(root, capsys)
        texts, warnings = _open_lines(root, meeting_id)
        if _parses(damaged):  # e.g. a trailing space: not damage at all
            assert texts == facts["db"] + facts["journal"], label
            continue
        # .bak + .journal.prev + the journal: the newest state, not only the backup's.
        assert texts == facts["db"] + facts["journal"], f"{label}: lines lost in recovery: {texts}"
        kept = _set_aside(path.parent, path.name)
        assert len(kept) == 1 and kept[0].read_bytes() == damaged, f"{label}: damaged file not kept as it was"
        assert any("hỏng" in w for w in warnings), f"{label}: no message"


def test_journal_truncated(pristine, tmp_path: Path, capsys) -> None:
    root0, meeting_id, facts = pristine
    original = (root0 / "meetings" / f"{meeting_id}.journal").read_bytes()
    for number, (label, damaged) in enumerate(_variants(original)):
        root = _copy(root0, tmp_path / str(number))
        path = root / "meetings" / f"{meeting_id}.journal"
        path.write_bytes(damaged)
        _cli_list(root, capsys)
        texts, _ = _open_lines(root, meeting_id)
        assert texts == facts["db"] + _journal_complete(damaged), f"{label}: {texts}"
        # A second open (after the first one repaired things) sees the same lines.
        assert _open_lines(root, meeting_id)[0] == texts, label


@pytest.mark.parametrize("name", ["index.json", "settings.json"])
def test_archive_file_truncated(pristine, tmp_path: Path, capsys, name: str) -> None:
    root0, meeting_id, facts = pristine
    original = (root0 / name).read_bytes()
    for number, (label, damaged) in enumerate(_variants(original)):
        root = _copy(root0, tmp_path / str(number))
        path = root / name
        path.write_bytes(damaged)
        _cli_list(root, capsys)
        texts, warnings = _open_lines(root, meeting_id)
        assert texts == facts["db"] + facts["journal"], f"{label}: {texts}"
        kept = _set_aside(root, name)
        if not _parses(damaged):
            assert len(kept) == 1 and kept[0].read_bytes() == damaged, f"{label}: damaged file not kept"
            assert warnings, f"{label}: no message"


def test_damaged_meeting_stays_in_the_list(pristine, tmp_path: Path) -> None:
    """Regression: a meeting whose database file is damaged while its journal holds
    unfolded lines (the state a crash leaves) used to vanish from ``Archive.list()``,
    so the app could not open it and its committed lines were unreachable."""
    root0, meeting_id, facts = pristine
    root = _copy(root0, tmp_path / "data")
    (root / "meetings" / f"{meeting_id}.json").write_bytes(b'{"meta": {"1": {"se')
    with Archive(root, readonly=True) as archive:  # `minutes-tui list`: still listed, with a warning
        assert meeting_id in {s.id for s in archive.list()}
        assert archive.warnings
    with Archive(root) as archive:  # the app's list: repaired and listed with its real counts
        summary = {s.id: s for s in archive.list()}[meeting_id]
        assert summary.lines == len(facts["db"] + facts["journal"])  # nothing lost: .bak + .journal.prev + journal
