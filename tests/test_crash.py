"""Crash reports: unique, private, pruned, and about the real error."""

from __future__ import annotations

import stat
from pathlib import Path

from minutes_tui import crash


class WorkerFailed(Exception):
    """Shaped like Textual's: the worker's own error is in ``.error``."""

    def __init__(self, error: BaseException) -> None:
        super().__init__("worker failed")
        self.error = error


def _raise(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:
        return caught


def test_reports_in_the_same_second_never_overwrite(tmp_path: Path) -> None:
    paths = [crash.write_crash_report(tmp_path, _raise(ValueError(f"lỗi {n}"))) for n in range(5)]
    assert len({p for p in paths if p}) == 5
    assert sorted(p.read_text(encoding="utf-8").splitlines()[-1] for p in paths if p) == [
        f"ValueError: lỗi {n}" for n in range(5)
    ]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in paths if p)


def test_worker_failed_is_unwrapped(tmp_path: Path) -> None:
    inner = _raise(KeyError("khóa"))
    path = crash.write_crash_report(tmp_path, _raise(WorkerFailed(inner)))
    text = path.read_text(encoding="utf-8")
    assert "KeyError: 'khóa'" in text and "WorkerFailed" not in text


def test_only_the_newest_reports_are_kept(tmp_path: Path) -> None:
    for n in range(crash.KEEP_REPORTS + 5):
        (tmp_path / f"crash-20260101-0000{n:02d}-000000-1.txt").write_text("old", encoding="utf-8")
    newest = crash.write_crash_report(tmp_path, _raise(RuntimeError("mới")))
    kept = sorted(tmp_path.glob("crash-*.txt"))
    assert len(kept) == crash.KEEP_REPORTS and newest in kept


def test_an_unwritable_folder_gives_none(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert crash.write_crash_report(blocker / "reports", _raise(ValueError())) is None
