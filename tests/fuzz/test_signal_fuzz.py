"""Signals during typing: SIGHUP, SIGTERM or SIGINT at a random instant while the real
app (in a pseudo-terminal) takes lines and a half-typed one (issue #10, item 5).

Every trial: the app exits with 128 + signal and restores the terminal; every line
seen committed is on disk, in order, nothing invented; the draft is what the input
held — a prefix of the line being typed when the signal came (keys still in the
terminal's buffer were never typed into the app). Seeds: fixed ones plus one
random seed, printed (``MINUTES_TUI_FAULT_SEED=N`` replays one); 40 more trials with
``MINUTES_TUI_SLOW=1``.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from minutes_tui.store import Archive
from tests.faults.apprun import disk_texts, start_new_meeting
from tests.faults.test_kill9 import check, make_line

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a POSIX pseudo-terminal")

SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)
FIXED_SEEDS = [11, 12, 13, 14]
RANDOM_SEED = int(os.environ.get("MINUTES_TUI_FAULT_SEED") or random.SystemRandom().randrange(1, 2**31))
LEAVE_ALT_SCREEN = b"\x1b[?1049l"


def signal_while_typing(seed: int, data: Path) -> None:
    rng = random.Random(seed)
    app, meeting_id = start_new_meeting(data)
    meetings = data / "meetings"
    before = disk_texts(meetings, meeting_id)
    typed = [make_line(rng, f"g{seed}-l{i}") for i in range(rng.randint(1, 5))]
    half = make_line(rng, f"g{seed}-half")
    stream = [(text, True) for text in typed] + [(half, False)]
    signum = rng.choice(SIGNALS)
    stop_at = rng.randrange(sum(len(text) + 1 for text in typed) + len(half))
    sent = 0
    output_mark = 0
    try:
        for text, enter in stream:
            for char in text + ("\r" if enter else ""):
                app.send(char.encode("utf-8"))
                sent += 1
                if rng.random() < 0.3:
                    time.sleep(rng.uniform(0, 0.01))
                if sent >= stop_at:
                    break
            if sent >= stop_at:
                break
        time.sleep(rng.choice((0, 0.001, 0.05, 0.3)))
        committed = disk_texts(meetings, meeting_id)[len(before):]
        output_mark = len(app.output)
        os.kill(app.proc.pid, signum)
        code = app.proc.wait(timeout=20)
    finally:
        if app.proc.poll() is None:
            app.kill9()
        app.close()
    where = f"seed {seed} ({signal.Signals(signum).name})"
    assert code == 128 + signum, f"{where}: exit status {code}"
    assert LEAVE_ALT_SCREEN in bytes(app.output[output_mark:]), f"{where}: terminal not restored"
    archive = Archive(data).open()
    try:
        store = archive.open_meeting(meeting_id)
        after = [line.text for line in store.meeting.lines]
        draft = store.draft()
        archive.close_meeting(store)
        archive.list()
        assert not archive.warnings, f"{where}: {archive.warnings}"
    finally:
        archive.close()
    check(seed, before, typed, committed, after)
    done = len(after) - len(before)
    being_typed = typed[done] if done < len(typed) else half
    assert being_typed.startswith(draft), f"{where}: draft {draft!r} is not what was being typed ({being_typed!r})"


def test_signals_while_typing(tmp_path: Path) -> None:
    print(f"\nsignal trials: fixed seeds {FIXED_SEEDS}, random seed {RANDOM_SEED}")
    for seed in FIXED_SEEDS + [RANDOM_SEED]:
        signal_while_typing(seed, tmp_path / "data")  # meetings accumulate: the archive stays loadable


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("MINUTES_TUI_SLOW") != "1", reason="long run: set MINUTES_TUI_SLOW=1")
def test_signals_while_typing_many_seeds(tmp_path: Path) -> None:
    base = RANDOM_SEED * 1000
    print(f"\nslow signal trials: seeds {base}..{base + 39}")
    for offset in range(40):
        signal_while_typing(base + offset, tmp_path / f"data{offset // 10}")
