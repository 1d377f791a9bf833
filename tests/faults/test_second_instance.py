"""A second minutes-tui on the same data while the first runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.faults.apprun import ROOT, disk_texts, start_new_meeting, wait_for

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a POSIX pseudo-terminal")


def test_second_instance_is_refused_and_first_keeps_working(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first, meeting_id = start_new_meeting(data)
    meetings = data / "meetings"
    try:
        first.type_line("Dòng trước khi mở cửa sổ thứ hai")
        assert wait_for(lambda: "Dòng trước khi mở cửa sổ thứ hai" in disk_texts(meetings, meeting_id), 5)
        for args in ([], ["new"], ["import", str(ROOT / "minutes_tui" / "demo" / "demo_meeting.txt")]):
            second = subprocess.run(
                [sys.executable, "-m", "minutes_tui", "--data", str(data), *args],
                capture_output=True, text=True, timeout=60, cwd=ROOT, stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            assert second.returncode != 0, args
            lines = [line for line in second.stderr.splitlines() if line.strip()]
            assert len(lines) == 1, second.stderr
            assert lines[0].startswith("minutes-tui: ") and "Traceback" not in second.stderr
            assert str(first.proc.pid) in lines[0], "the message should name the running process"
        # `list` is read-only and allowed while the app runs
        listed = subprocess.run([sys.executable, "-m", "minutes_tui", "--data", str(data), "list"],
                                capture_output=True, text=True, timeout=60, cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert listed.returncode == 0 and meeting_id in listed.stdout, listed.stderr
        # The first instance keeps working
        first.type_line("Dòng sau khi cửa sổ thứ hai bị từ chối")
        assert wait_for(lambda: "Dòng sau khi cửa sổ thứ hai bị từ chối" in disk_texts(meetings, meeting_id), 5)
        assert first.proc.poll() is None
        code = first.quit()
    finally:
        if first.proc.poll() is None:
            first.kill9()
    assert code == 0
    from minutes_tui.store import Archive

    with Archive(data) as archive:
        texts = [l.text for l in archive.open_meeting(meeting_id).meeting.lines]
    assert texts[-2:] == ["Dòng trước khi mở cửa sổ thứ hai", "Dòng sau khi cửa sổ thứ hai bị từ chối"]
