"""kill -9 the real app (in a pseudo-terminal) at random instants while typing.

Each trial types lines, kills the process at a random moment (between keys, in
the middle of a commit, during the background fold), then opens the archive
with the store: every line seen on disk before the kill must be there, in
order, with nothing invented, and every file must load.

Seeds: fixed ones plus one random seed, printed (run with ``-s`` to see it;
``MINUTES_TUI_FAULT_SEED=N`` replays one).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from minutes_tui.store import Archive
from tests.faults.apprun import (
    disk_texts,
    open_existing,
    start_new_meeting,
    wait_for,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a POSIX pseudo-terminal")

FIXED_SEEDS = list(range(1, 25))
RANDOM_SEED = int(os.environ.get("MINUTES_TUI_FAULT_SEED") or random.SystemRandom().randrange(1, 2**31))
WORKERS = 3
WORDS = ("Thị ủy", "giao", "UBND", "phường", "kiểm tra", "hoàn thành", "báo cáo", "trước", "quý IV", "đầu tư")


def make_line(rng: random.Random, tag: str) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12)))
    return f"{tag} {words}"  # unique per trial and line; a plain note


def recovered(data: Path, meeting_id: str) -> list[str]:
    archive = Archive(data).open()
    try:
        store = archive.open_meeting(meeting_id)
        texts = [line.text for line in store.meeting.lines]
        store.close()
        archive.list()  # the index and every meeting summary load
        assert not archive.warnings, archive.warnings
    finally:
        archive.close()
    # A kill must never damage a file: nothing set aside, no damaged journal copy.
    damaged = [p.name for p in data.rglob("*") if ".corrupt-" in p.name or ".damaged-" in p.name]
    assert not damaged, damaged
    return texts


def check(seed: int, before: list[str], typed: list[str], committed: list[str], after: list[str]) -> None:
    """``after`` = ``before`` + a prefix of ``typed`` that holds every line seen committed."""
    where = f"seed {seed}"
    assert after[: len(before)] == before, f"{where}: earlier lines changed"
    tail = after[len(before):]
    assert tail == typed[: len(tail)], f"{where}: lines out of order, duplicated or invented: {tail!r}"
    assert len(tail) >= len(committed), f"{where}: committed lines lost: {committed[len(tail):]!r}"


def kill_while_typing(seed: int, data: Path) -> None:
    rng = random.Random(seed)
    app, meeting_id = start_new_meeting(data)
    meetings = data / "meetings"
    before = disk_texts(meetings, meeting_id)
    typed = [make_line(rng, f"s{seed}-l{i}") for i in range(rng.randint(4, 12))]
    kill_after = rng.randrange(len(typed))
    mode = rng.choice(("between", "during", "burst"))
    committed: list[str] = []
    try:
        for index, text in enumerate(typed):
            app.type_line(text)
            if mode == "between":
                wait_for(lambda: text in disk_texts(meetings, meeting_id), 5)
            elif mode == "during":
                time.sleep(rng.uniform(0, 0.008))  # kill lands around the fsync
            if index == kill_after:
                time.sleep(rng.uniform(0, 0.004))
                break
    finally:
        committed = disk_texts(meetings, meeting_id)[len(before):]
        app.kill9()
    check(seed, before, typed, committed, recovered(data, meeting_id))


@pytest.mark.parametrize("group", range(WORKERS))
def test_kill9_while_typing(tmp_path: Path, group: int) -> None:
    seeds = FIXED_SEEDS[group::WORKERS] + ([RANDOM_SEED] if group == 0 else [])
    if group == 0:
        print(f"\nkill -9 trials: fixed seeds {FIXED_SEEDS}, random seed {RANDOM_SEED}")
    data = tmp_path / "data"
    for seed in seeds:
        kill_while_typing(seed, data)  # meetings accumulate: the archive stays loadable


@pytest.fixture(scope="module")
def big_meeting(tmp_path_factory) -> tuple[Path, str]:
    """A 2,000-line meeting, so the background fold takes long enough to be hit."""
    from minutes_tui.services.importing import import_notes

    data = tmp_path_factory.mktemp("fold") / "data"
    rng = random.Random(7)
    text = "\n".join(make_line(rng, f"m{i}") for i in range(2000))
    with Archive(data) as archive:
        result = import_notes(archive, text)
        result.store.close()
    return data, result.store.id


FOLD_SEEDS = [101, 102, 103, 104, 105, 106]


def test_kill9_during_fold(big_meeting: tuple[Path, str]) -> None:
    """Type, wait for the fold (2 s of quiet), kill as it writes the database file."""
    data, meeting_id = big_meeting
    meetings = data / "meetings"
    hit = 0
    for seed in FOLD_SEEDS + [RANDOM_SEED + 1]:
        rng = random.Random(seed)
        app = open_existing(data, meeting_id)
        before = disk_texts(meetings, meeting_id)
        typed = [make_line(rng, f"f{seed}-l{i}") for i in range(rng.randint(1, 4))]
        try:
            for text in typed:
                app.type_line(text)
            assert wait_for(lambda: typed[-1] in disk_texts(meetings, meeting_id), 5)
            if seed % 2:
                # Kill the moment the fold's temp file shows up (mid atomic write).
                deadline = time.monotonic() + 4
                while time.monotonic() < deadline:
                    if any(e.name.endswith(".tmp-minutes") for e in os.scandir(meetings)):
                        hit += 1
                        break
            else:
                time.sleep(rng.uniform(1.95, 2.3))
        finally:
            committed = disk_texts(meetings, meeting_id)[len(before):]
            app.kill9()
        check(seed, before, typed, committed, recovered(data, meeting_id))
    assert hit, "never caught the fold in the act: the fold did not run"
    print(f"\nfold kills: {len(FOLD_SEEDS) + 1} trials, {hit} mid-write, seeds {FOLD_SEEDS} + {RANDOM_SEED + 1}")


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("MINUTES_TUI_SLOW") != "1", reason="long run: set MINUTES_TUI_SLOW=1")
def test_kill9_many_seeds(tmp_path: Path) -> None:
    """200 more kills (about 4 minutes); seeds derived from the printed random seed."""
    base = RANDOM_SEED * 1000
    print(f"\nslow kill -9 trials: seeds {base}..{base + 199}")
    for offset in range(200):
        kill_while_typing(base + offset, tmp_path / f"data{offset // 25}")


IMPORT_SEEDS = [201, 202, 203, 204, 205, 206, 207, 208]


def test_kill9_during_import(tmp_path: Path) -> None:
    """``minutes-tui import`` killed at random instants: a meeting is all or nothing."""
    import signal
    import subprocess
    import sys

    from tests.faults.apprun import ROOT

    rng = random.Random(7)
    notes = tmp_path / "notes.txt"
    count = 10000
    notes.write_text("\n".join(make_line(rng, f"i{i}") for i in range(count)), encoding="utf-8")
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    finished = 0
    for seed in IMPORT_SEEDS:
        delay = random.Random(seed).uniform(0.2, 0.8)
        proc = subprocess.Popen([sys.executable, "-m", "minutes_tui", "--data", str(data), "import", str(notes)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        finished += proc.returncode == 0
        printed = out.decode().strip()
        with Archive(data) as archive:
            for summary in archive.list():
                store = archive.open_meeting(summary.id)
                lines = len(store.meeting.lines)
                store.close()
                assert lines in (0, count), f"seed {seed}: a meeting with {lines} of {count} lines"
                if summary.id == printed:
                    assert lines == count, f"seed {seed}: the printed meeting is incomplete"
            assert not archive.warnings, archive.warnings
    with Archive(data, readonly=True) as archive:
        whole = sum(s.lines == count for s in archive.list())
    print(f"\nimport kills: {len(IMPORT_SEEDS)} trials, {finished} finished, {whole} whole meetings kept")
