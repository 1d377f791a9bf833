"""SIGHUP (terminal closed), SIGTERM and SIGINT to the real app in a pseudo-terminal (item 5).

Each used to kill the app where it stood: the half-typed line was lost, the
meeting not checkpointed, and the terminal left in raw mode on the alternate
screen. Now the line is kept as the meeting's draft, the meeting is written
into its file, the terminal is restored, and the exit status is 128 + signal.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from minutes_tui.store import Archive, MeetingStore
from tests.faults.apprun import disk_texts, start_new_meeting, wait_for

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a POSIX pseudo-terminal")

LEAVE_ALT_SCREEN = b"\x1b[?1049l"


def _draft(meetings: Path, meeting_id: str) -> str:
    return MeetingStore.open(meetings, meeting_id, readonly=True).draft()


@pytest.mark.parametrize("signame, hang_up", [
    ("SIGTERM", False),
    ("SIGINT", False),
    ("SIGHUP", False),
    ("SIGHUP", True),  # the terminal window really closed: the pty is gone first
])
def test_signal_keeps_the_half_typed_line_and_restores_the_terminal(tmp_path: Path, signame: str,
                                                                     hang_up: bool) -> None:
    signum = getattr(signal, signame)
    data = tmp_path / "data"
    meetings = data / "meetings"
    app, meeting_id = start_new_meeting(data)
    try:
        app.type_line("Dòng đã ghi trước tín hiệu")
        assert wait_for(lambda: "Dòng đã ghi trước tín hiệu" in disk_texts(meetings, meeting_id), 5)
        half = "Chủ tịch yêu cầu Phòng Tài chính báo"
        app.send(half.encode("utf-8"))
        time.sleep(0.6)  # the keys reach the input
        before = len(app.output)
        if hang_up:
            os.close(app.master)
        os.kill(app.proc.pid, signum)
        code = app.proc.wait(timeout=15)
    finally:
        if app.proc.poll() is None:
            app.kill9()
        app.close()
    assert code == 128 + signum, f"exit status {code}"
    assert _draft(meetings, meeting_id) == half, "the half-typed line was lost"
    if not hang_up:
        assert LEAVE_ALT_SCREEN in bytes(app.output[before:]), "the terminal was not restored"
    # the meeting was written into its file: nothing left for a replay
    assert (meetings / f"{meeting_id}.journal").stat().st_size == 0
    tables = json.loads((meetings / f"{meeting_id}.json").read_text(encoding="utf-8"))
    assert "Dòng đã ghi trước tín hiệu" in {row["text"] for row in tables["lines"].values()}
    with Archive(data) as archive:
        archive.list()
        assert not archive.warnings


def test_signal_with_an_empty_input_leaves_no_draft(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app, meeting_id = start_new_meeting(data)
    try:
        app.type_line("Một dòng")
        assert wait_for(lambda: "Một dòng" in disk_texts(data / "meetings", meeting_id), 5)
        time.sleep(0.3)
        os.kill(app.proc.pid, signal.SIGTERM)
        code = app.proc.wait(timeout=15)
    finally:
        if app.proc.poll() is None:
            app.kill9()
        app.close()
    assert code == 128 + signal.SIGTERM
    assert _draft(data / "meetings", meeting_id) == ""
    assert not (data / "meetings" / f"{meeting_id}.draft").exists()
