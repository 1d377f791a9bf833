"""A missing or stale index is rebuilt in one pass (issue #10, item 10).

It used to be rewritten once per meeting (2,000 meetings: over a minute, on a
blank screen). Now the meetings are read once, progress is reported, and the
index file is written once.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.archive_gen import generate
from minutes_tui.store import Archive, tinydb_storage

MEETINGS = 300


@pytest.fixture(scope="module")
def archive_without_index(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("big") / "data"
    generate(root, meetings=MEETINGS, lines=6000, owners=40, big=100, journaled=0)
    return root


def _writes_of(monkeypatch, name: str) -> list[Path]:
    written: list[Path] = []
    real = tinydb_storage.atomic_write

    def counting(path: Path, *args, **kwargs):
        if path.name == name:
            written.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(tinydb_storage, "atomic_write", counting)
    return written


def test_missing_index_is_rebuilt_with_one_write_and_progress(archive_without_index: Path, tmp_path: Path,
                                                               monkeypatch) -> None:
    import shutil

    root = tmp_path / "data"
    shutil.copytree(archive_without_index, root)
    (root / "index.json").unlink()
    writes = _writes_of(monkeypatch, "index.json")
    progress: list[tuple[int, int]] = []
    with Archive(root) as archive:
        started = time.perf_counter()
        listed = archive.list(progress=lambda done, total: progress.append((done, total)))
        took = time.perf_counter() - started
        assert len(listed) == MEETINGS and not archive.warnings
    assert len(writes) == 1, f"the index was written {len(writes)} times"
    assert progress[0] == (0, MEETINGS) and progress[-1] == (MEETINGS, MEETINGS)
    assert took < 15, f"rebuild took {took:.1f} s"
    writes.clear()
    with Archive(root) as archive:  # fresh now: nothing read again, nothing written
        calls: list[tuple[int, int]] = []
        assert len(archive.list(progress=lambda d, t: calls.append((d, t)))) == MEETINGS
    assert not writes and not calls


def test_a_meeting_changed_behind_the_index_is_read_again(tmp_path: Path) -> None:
    """The row keeps the meeting file's size and mtime: a file restored from a copy,
    or written by an older version, is summarised again."""
    from minutes_tui.core import edits
    from minutes_tui.core.model import Kind, Line

    root = tmp_path / "data"
    with Archive(root) as archive:
        store = archive.create()
        meeting_id = store.id
        store.close()  # closed without the archive: the index row is the empty meeting's
    other = Archive(root).open()
    store = other.open_meeting(meeting_id)
    store.commit([edits.insert(Line(Kind.TASK, "việc"), 0)])
    store.close()
    other.close()
    with Archive(root, readonly=True) as archive:
        (summary,) = archive.list()
        assert summary.lines == 1


async def test_the_app_shows_progress_while_it_rebuilds(archive_without_index: Path, tmp_path: Path,
                                                       monkeypatch) -> None:
    import shutil

    from minutes_tui.tui.app import MinutesApp
    from minutes_tui.tui.screens.meetings import MeetingsScreen
    from minutes_tui.tui.widgets.row_list import RowList

    root = tmp_path / "data"
    shutil.copytree(archive_without_index, root)
    (root / "index.json").unlink()
    shown: list[tuple[int, int, str]] = []
    real_progress = MeetingsScreen._progress

    def recording(screen: MeetingsScreen, done: int, total: int) -> None:
        real_progress(screen, done, total)
        shown.append((done, total, str(screen.query_one("#meetings-title").render())))

    monkeypatch.setattr(MeetingsScreen, "_progress", recording)
    app = MinutesApp(Archive(root).open())
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        assert screen.loaded and screen.query_one(RowList).option_count == MEETINGS
        await pilot.press("ctrl+q")
    app.archive.close()
    assert shown[0][:2] == (0, MEETINGS) and shown[-1][:2] == (MEETINGS, MEETINGS), shown
