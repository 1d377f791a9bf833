"""Privacy and least surprise (issue #10, items 12 and 13).

Only folders the app creates become 0700; an existing folder keeps its mode (a
warning says when others may write into it). Everything the app writes is
0600 — exports, damaged-journal copies and files set aside included.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.core.model import Kind, Line
from minutes_tui.crash import write_crash_report
from minutes_tui.locations import crash_dir
from minutes_tui.services.export import export_meeting
from minutes_tui.services.importing import import_notes
from minutes_tui.services.notices import compile_and_store
from minutes_tui.store import Archive


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.mark.parametrize("mode", [0o1777, 0o777, 0o775])
def test_an_existing_shared_folder_is_not_chmodded_but_reported(tmp_path: Path, mode: int) -> None:
    data = tmp_path / "shared"
    data.mkdir()
    os.chmod(data, mode)
    with Archive(data) as archive:
        assert any(str(data) in w for w in archive.warnings), archive.warnings
    assert _mode(data) == mode
    assert _mode(data / "meetings") == 0o700  # created by the app


def test_an_existing_private_enough_folder_gives_no_warning(tmp_path: Path) -> None:
    data = tmp_path / "mine"
    data.mkdir()
    os.chmod(data, 0o755)
    with Archive(data) as archive:
        assert not archive.warnings
    assert _mode(data) == 0o755


def test_folders_the_app_creates_are_0700_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        data = tmp_path / "a" / "b" / "data"
        Archive(data).open().close()
    finally:
        os.umask(previous)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", data, data / "meetings"):
        assert _mode(folder) == 0o700, folder


def test_everything_the_app_writes_is_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    previous = os.umask(0o022)  # the usual desktop umask: 0644 files unless the app says otherwise
    try:
        with Archive(data) as archive:
            store = import_notes(archive, "# Mục\n> Việc @Văn phòng ^31/12/2027\n+ Tốt\n").store
            compile_and_store(store, archive.settings)
            store.save_draft("đang gõ")
            export_meeting(store, archive.settings, None, folder=data / "exports")
            export_meeting(store, archive.settings, None, folder=data / "exports", record=True)
            store.commit([edits.insert(Line(Kind.NOTE, "thêm"), 0)])
            archive.close_meeting(store)
            meeting_id = store.id
        journal = data / "meetings" / f"{meeting_id}.journal"
        journal.write_bytes(b'{"seq": 99, "t": "do", "ops": [{"op": "delete", "id": "x"}]}\ngarbage\n')
        (data / "settings.json").write_bytes(b"{")
        with Archive(data) as archive:  # a damaged journal copy and a settings file set aside
            archive.open_meeting(meeting_id).close()
            from minutes_tui.store.search import SearchIndex

            SearchIndex(data).search("việc")
        write_crash_report(crash_dir(data), RuntimeError("thử"))
    finally:
        os.umask(previous)
    seen = {"damaged": False, "corrupt": False, "export": False, "draft": False, "crash": False}
    for path in data.rglob("*"):
        if path.is_dir():
            assert _mode(path) == 0o700, path
            continue
        assert _mode(path) == 0o600, f"{path.relative_to(data)} is {_mode(path):o}"
        name = path.name
        seen["damaged"] |= ".damaged-" in name
        seen["corrupt"] |= ".corrupt-" in name
        seen["export"] |= name.endswith(".docx")
        seen["draft"] |= name.endswith(".draft")
        seen["crash"] |= name.startswith("crash-")
    assert all(seen.values()), seen
