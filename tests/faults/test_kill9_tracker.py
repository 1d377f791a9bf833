"""kill -9 the real app (in a pseudo-terminal) while the tracker records follow-up.

Each trial opens the tracker (Ctrl+L on the meeting list), records a progress
note on the first task (``t``, the text, Enter) and kills the process at a
random instant: around the commit's fsync, after it, or while the meeting is
written into its database file and the task side file (the checkpoint, two
seconds later). Then the archive is opened: the note is there whole or not at
all (and only with the status it sets), a note seen on disk before the kill is
never lost, every file loads, and the register — read from the side files, as
the tracker and ``tasks`` read it — agrees with the meeting itself.

Seeds as in test_kill9.py (``MINUTES_TUI_FAULT_SEED=N`` replays one).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from minutes_tui.core.followup import Status
from minutes_tui.core.tasks import tasks_of
from minutes_tui.services import followup
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from tests.faults.apprun import AppProcess, on_disk, wait_for
from tests.faults.test_kill9 import RANDOM_SEED

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a POSIX pseudo-terminal")

SEEDS = list(range(301, 313))
NOTES = """\
/date 05/11/2026
/body UBND xã Tân Hòa
> Hoàn thành kiểm kê đất công @Phòng Kinh tế ^20/11/2020
> Báo cáo tiến độ giải ngân @Văn phòng ^31/12/2030
"""
FIRST_TASK = "Hoàn thành kiểm kê đất công"  # overdue since 2020: always the tracker's first row
TRACKER_SHOWN = "theo dõi".encode()  # in the tracker's title
PROMPT_SHOWN = "Tiến độ ngày".encode()


def notes_on_disk(meetings: Path, meeting_id: str) -> list[str]:
    """Progress notes in the database file, then in the journal's newer records, right now."""
    tables, ops = on_disk(meetings, meeting_id)
    found: list[str] = []
    try:
        for row in tables.get("followup", {}).values():
            found += [note.get("text", "") for note in row.get("progress", [])]
    except (AttributeError, TypeError):
        pass
    return found + [op["item"].get("text", "") for op in ops
                    if op.get("op") == "followup_add" and op.get("list") == "progress"]


def recovered(data: Path, meeting_id: str) -> tuple[list[str], Status]:
    """The first task's notes and status after the kill; checks every file loads and the
    register (side files) agrees with the meeting."""
    archive = Archive(data).open()
    try:
        store = archive.open_meeting(meeting_id)
        live = {task.id: task for task in tasks_of(store.meeting)}
        store.close()
        listed = {task.id: task for task in followup.all_tasks(archive)}
        archive.list()
        assert not archive.warnings, archive.warnings
    finally:
        archive.close()
    assert {k: (t.followup.to_dict(), t.text) for k, t in listed.items()} == \
        {k: (t.followup.to_dict(), t.text) for k, t in live.items()}
    damaged = [p.name for p in data.rglob("*") if ".corrupt-" in p.name or ".damaged-" in p.name]
    assert not damaged, damaged
    (first,) = [task for task in live.values() if task.text == FIRST_TASK]
    return [note.text for note in first.followup.progress], first.status


def record_and_kill(seed: int, data: Path, meeting_id: str) -> tuple[str, bool]:
    """One trial; returns its mode and whether the note survived."""
    rng = random.Random(seed)
    meetings = data / "meetings"
    note = f"tiến độ s{seed} " + " ".join(rng.choice(("đã trình", "dự thảo", "UBND", "xã", "quý IV"))
                                          for _ in range(rng.randint(2, 8)))
    before = notes_on_disk(meetings, meeting_id)
    mode = rng.choice(("during", "after", "fold"))
    app = AppProcess(data)
    committed: list[str] = []
    try:
        shown = wait_for(lambda: (app.send(b"\x0c"), TRACKER_SHOWN in app.output)[1], 20, interval=0.3)
        assert shown, f"seed {seed}: the tracker never opened: {bytes(app.output[-1500:])!r}"
        time.sleep(0.3)
        app.send(b"t")
        assert wait_for(lambda: PROMPT_SHOWN in app.output, 10), f"seed {seed}: no progress prompt"
        time.sleep(0.2)
        app.type_line(note)
        if mode == "during":
            time.sleep(rng.uniform(0, 0.01))  # lands around the journal's fsync
        elif mode == "after":
            assert wait_for(lambda: note in notes_on_disk(meetings, meeting_id), 5), f"seed {seed}: never written"
            time.sleep(rng.uniform(0, 0.3))
        else:
            assert wait_for(lambda: note in notes_on_disk(meetings, meeting_id), 5), f"seed {seed}: never written"
            # the checkpoint (2 s of quiet) rewrites the meeting file, then the task side file
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                if any(e.name.endswith(".tmp-minutes") for folder in (meetings, data / "tasks") if folder.is_dir()
                       for e in os.scandir(folder)):
                    break
                time.sleep(0.002)
    finally:
        committed = notes_on_disk(meetings, meeting_id)
        app.kill9()
    notes, status = recovered(data, meeting_id)
    where = f"seed {seed} ({mode})"
    assert notes[: len(before)] == before, f"{where}: earlier notes changed"
    assert notes[len(before):] in ([], [note]), f"{where}: a note cut, doubled or invented: {notes[len(before):]!r}"
    if note in committed:
        assert notes[-1:] == [note], f"{where}: a note seen on disk before the kill was lost"
    assert status is (Status.IN_PROGRESS if notes else Status.NOT_STARTED), f"{where}: note and status disagree"
    return mode, notes[-1:] == [note]


def test_kill9_during_tracker_writes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Archive(data) as archive:
        result = import_notes(archive, NOTES)
        result.store.close()
        meeting_id = result.store.id
    seeds = SEEDS + [RANDOM_SEED + 2]
    trials = [record_and_kill(seed, data, meeting_id) for seed in seeds]
    print(f"\ntracker kill -9 trials: seeds {seeds}; (mode, note kept): {trials}")
    assert {"during", "after", "fold"} <= {mode for mode, _ in trials}
