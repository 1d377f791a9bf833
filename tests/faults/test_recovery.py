"""Recovery picks the newest good state, says what it did, and readers see it (items 4, 15).

* A damaged meeting file right after an import used to recover to the empty
  meeting (``.bak`` held the meeting as created) and ``export`` said nothing.
* A read-only ``export`` while the app checkpoints could read the old file and
  the emptied journal, missing the lines in between.
* After a crash, ``export <id>`` replayed the journal into the file but left the
  index stale, so ``list`` showed the old counts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from minutes_tui import cli
from minutes_tui.core import edits
from minutes_tui.core.model import Kind, Line
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive, MeetingStore
from minutes_tui.store import journal as journal_io

ROOT = Path(__file__).resolve().parents[2]
NOTES = "# Mở đầu\n+ Đã hoàn thành kế hoạch quý\n! Còn chậm giải ngân\n> Báo cáo tiến độ @Văn phòng ^30/11/2027\n"
TEXTS = ["Mở đầu", "Đã hoàn thành kế hoạch quý", "Còn chậm giải ngân", "Báo cáo tiến độ"]


def _imported(root: Path) -> str:
    with Archive(root) as archive:
        result = import_notes(archive, NOTES)
        result.store.close()
        return result.store.id


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("MINUTES_TUI_DATA", None)
    return subprocess.run([sys.executable, "-m", "minutes_tui", "--data", str(root), *args],
                          capture_output=True, text=True, env=env, timeout=60, cwd=ROOT, check=False)


def test_damaged_file_after_an_import_recovers_every_line(tmp_path: Path) -> None:
    root = tmp_path / "data"
    meeting_id = _imported(root)
    path = root / "meetings" / f"{meeting_id}.json"
    path.write_bytes(path.read_bytes()[:40])  # damaged from outside
    with Archive(root, readonly=True) as archive:  # `list`/`export` while the app runs: in memory
        store = archive.open_meeting(meeting_id)
        assert [line.text for line in store.meeting.lines] == TEXTS
        assert len(archive.take_warnings()) >= 2  # the damage, and what was done about it
    with Archive(root) as archive:
        store = archive.open_meeting(meeting_id)
        assert [line.text for line in store.meeting.lines] == TEXTS
        warnings = archive.take_warnings()
        assert any(path.name in w for w in warnings) and any(f"{meeting_id}.json.bak" in w for w in warnings), warnings
        archive.close_meeting(store)
    with Archive(root) as archive:  # repaired for good: quiet from now on
        store = archive.open_meeting(meeting_id)
        assert [line.text for line in store.meeting.lines] == TEXTS and not archive.warnings
        store.close()


def test_recovered_file_recovers_again_after_more_damage(tmp_path: Path) -> None:
    """After a recovery the .bak is the recovered state: a second damage loses nothing either."""
    root = tmp_path / "data"
    meeting_id = _imported(root)
    path = root / "meetings" / f"{meeting_id}.json"
    path.write_bytes(b"{")
    with Archive(root) as archive:
        store = archive.open_meeting(meeting_id)
        store.commit([edits.insert(Line(Kind.NOTE, "sau khôi phục"), len(store.meeting.lines))])
        archive.close_meeting(store)
    path.write_bytes(b"")
    with Archive(root) as archive:
        assert [line.text for line in archive.open_meeting(meeting_id).meeting.lines] == TEXTS + ["sau khôi phục"]


def test_export_prints_the_store_warnings(tmp_path: Path) -> None:
    root = tmp_path / "data"
    meeting_id = _imported(root)
    path = root / "meetings" / f"{meeting_id}.json"
    path.write_bytes(b'{"meta": {"1": ')
    done = _cli(root, "export", meeting_id, "--out", str(tmp_path / "tb.docx"))
    assert done.returncode == 0, done.stderr
    assert path.name in done.stderr and "Traceback" not in done.stderr, done.stderr
    from docx import Document

    text = "\n".join(p.text for p in Document(str(tmp_path / "tb.docx")).paragraphs)
    assert "Báo cáo tiến độ" in text or "báo cáo tiến độ" in text


def test_list_prints_the_store_warnings_once(tmp_path: Path) -> None:
    root = tmp_path / "data"
    meeting_id = _imported(root)
    (root / "meetings" / f"{meeting_id}.json").write_bytes(b"[]")
    done = _cli(root, "list")
    assert done.returncode == 0 and meeting_id in done.stdout, done.stderr
    lines = done.stderr.splitlines()
    assert lines and len(lines) == len(set(lines)), done.stderr


# -- item 15: readers while the app writes --------------------------------------------------
def test_readonly_open_during_a_checkpoint_misses_nothing(tmp_path: Path, monkeypatch) -> None:
    """The app checkpoints between the reader's read of the file and of the journal."""
    root = tmp_path / "data"
    archive = Archive(root).open()
    writer = archive.create()
    for n in range(3):
        writer.commit([edits.insert(Line(Kind.NOTE, f"dòng {n}"), n)])
    archive.checkpoint(writer)
    for n in range(3, 6):
        writer.commit([edits.insert(Line(Kind.NOTE, f"dòng {n}"), n)])  # only in the journal

    real_read = journal_io.read
    raced = []

    def read_after_a_checkpoint(path: Path) -> journal_io.JournalRead:
        if not raced:
            raced.append(True)
            archive.checkpoint(writer)  # the app's background save, right now
        return real_read(path)

    monkeypatch.setattr(journal_io, "read", read_after_a_checkpoint)
    reader = MeetingStore.open(root / "meetings", writer.id, readonly=True)
    assert raced
    assert [line.text for line in reader.meeting.lines] == [f"dòng {n}" for n in range(6)]
    writer.close()
    archive.close()


def test_list_is_fresh_after_a_crash_then_export(tmp_path: Path, capsys) -> None:
    root = tmp_path / "data"
    meeting_id = _imported(root)
    with Archive(root) as archive:
        store = archive.open_meeting(meeting_id)
        store.commit([edits.insert(Line(Kind.TASK, "việc thêm sau cùng"), len(store.meeting.lines))])
        store._journal.close()  # killed before any checkpoint
        store._journal = store._db = None
    assert cli.main(["--data", str(root), "export", meeting_id, "--out", str(tmp_path / "x.docx")]) == 0
    capsys.readouterr()
    assert cli.main(["--data", str(root), "list"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.split()[-3:] == ["1", "1", "2"], line  # the task added before the crash is counted
