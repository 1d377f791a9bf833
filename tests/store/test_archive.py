from __future__ import annotations

import stat
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.core.model import Kind, Line
from minutes_tui.store import Archive, DataLocked, StoreError
from minutes_tui.store.files import TEMP_SUFFIX


def test_second_writer_gets_a_clear_message(tmp_path: Path) -> None:
    with Archive(tmp_path / "data"):
        with pytest.raises(DataLocked, match="đang được một minutes-tui khác"):
            Archive(tmp_path / "data").open()
        # a reader is allowed while the writer holds the lock
        assert Archive(tmp_path / "data", readonly=True).open().list() == []
    Archive(tmp_path / "data").open().close()  # released on close


def test_data_dir_is_private(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        archive.create()
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file() and path.name != ".lock":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_list_counts_lines_not_yet_folded(tmp_path: Path) -> None:
    root = tmp_path / "data"
    archive = Archive(root).open()
    store = archive.create()
    store.commit([edits.insert(Line(Kind.TASK, "việc"), 0), edits.insert(Line(Kind.FINDING, "kết quả"), 1)])
    # no fold, no close: as after a kill -9
    summary = Archive(root, readonly=True).open().list()[0]
    assert (summary.count(Kind.TASK), summary.count(Kind.FINDING)) == (1, 1)


def test_resolve(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        first = archive.create()
        second = archive.create()
        assert archive.resolve(first.id) == first.id
        assert archive.resolve(second.id[:8]) == second.id
        assert archive.resolve("last") == second.id
        with pytest.raises(StoreError, match="Không có cuộc họp"):
            archive.resolve("zzzz")


def test_settings_and_aliases_persist(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        archive.directory.aliases["vp"] = "Văn phòng thị xã"
        archive.save_settings(archive.settings.with_value("recipients", "TT Thị ủy; UBND thị xã"))
    with Archive(tmp_path / "data") as archive:
        assert archive.settings.recipients == ["TT Thị ủy", "UBND thị xã"]
        assert archive.directory.expand("VP") == "Văn phòng thị xã"


def test_corrupt_settings_are_set_aside_with_a_warning(tmp_path: Path) -> None:
    root = tmp_path / "data"
    Archive(root).open().close()
    (root / "settings.json").write_text("{not json", encoding="utf-8")
    with Archive(root) as archive:
        assert any("settings.json" in w for w in archive.warnings)
    assert any(p.name.startswith("settings.json.corrupt-") for p in root.iterdir())


def test_startup_removes_orphan_temp_files(tmp_path: Path) -> None:
    root = tmp_path / "data"
    Archive(root).open().close()
    orphan = root / f"index.json.1{TEMP_SUFFIX}"
    orphan.write_text("{", encoding="utf-8")
    Archive(root).open().close()
    assert not orphan.exists()


def test_unwritable_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="Không tạo được thư mục dữ liệu"):
        Archive(blocker / "data").open()


def test_a_refused_settings_write_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # /set and /alias once changed the settings in memory before writing them:
    # after a failed write they still took effect, until the next start.
    from minutes_tui.store import files
    from minutes_tui.store.errors import WriteFailed

    with Archive(tmp_path / "data") as archive:
        archive.save_settings(archive.settings.with_value("signer_name", "Trần Văn A"))

        def full_disk(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(files, "atomic_write", full_disk)
        monkeypatch.setattr("minutes_tui.store.tinydb_storage.atomic_write", full_disk)
        with pytest.raises(WriteFailed):
            archive.save_settings(archive.settings.with_value("signer_name", "Người khác"))
        with pytest.raises(WriteFailed):
            archive.save_settings(directory=archive.directory.with_alias("vp", "Văn phòng"))
        assert archive.settings.signer_name == "Trần Văn A"
        assert "vp" not in archive.directory.aliases
    with Archive(tmp_path / "data", readonly=True) as reopened:
        assert reopened.settings.signer_name == "Trần Văn A"
