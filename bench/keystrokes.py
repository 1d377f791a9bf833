"""Keys per character: a notes file typed into a new meeting by a careful typist.

    python bench/keystrokes.py --data DIR NOTES_FILE [--no-completion]

Types NOTES_FILE into a new meeting of the archive DIR through the real capture
screen (Pilot), one key at a time. At each point the typist looks at the offer
shown in the input: if taking all of it (→) or its next word (Tab) would give
exactly the next text of the line, she presses that key; otherwise she types
the next character. A line with a sigil (``+ ! > =``) is tagged with the tag
keys instead (F2–F5; twice to keep the tag on for the lines that follow, F6 for
a plain note again); Enter ends each line. A detail carried over from the last
meeting is taken the same way: ``/`` then → when the offered command is the
line. Every key counts. An abbreviation expanded by mistake costs a Ctrl+Z.

At the end the stored meeting must equal what ``import`` makes of the same file
in a copy of DIR (lines, kinds, owners, deadlines, details), or the bench
fails. The last line printed is ``keys=K chars=C ratio=R``.

``run()`` (for ``bench/run``):

* keys per character for the December giao ban of a phường typed after three
  earlier months (``bench/fixtures/giao-ban``, written for this bench): goal ≤ 0.6;
* CPU time per keystroke with completion on vs off, 2,000 lines shown, in a
  100,000-line archive: goal ≤ 1.2×;
* building the completion index of that archive (cold and from its side file),
  on a worker: the first frame of capture with it vs with completion off, goal ≤ 1.2×.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import QUICK, TempDir, big_archive, emit, median, ms, row

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "giao-ban"
EARLIER = ("2026-09.txt", "2026-10.txt", "2026-11.txt")
TYPED = "2026-12.txt"
GOAL_KEYS_PER_CHAR = 0.6

#: Sigil → the tag key's binding id; the typist uses the key instead of typing the sigil.
_TAG_IDS = {"finding": "capture.finding", "shortcoming": "capture.shortcoming", "task": "capture.task",
            "decision": "capture.decision", "note": "capture.note"}
_KEY_NAMES = {" ": "space"}


class BenchFailed(Exception):
    pass


_SHAPE_MARKS = frozenset("\u0306\u0302\u031b")  # ă â ê ô: aw aa ee oo; ơ ư: ow uw
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # f s x r j


def telex_keys(char: str) -> int:
    """Keys Telex needs for one character: its letter, one more for its shape
    (ă â ê ô ơ ư đ), one more for its tone (``ệ`` = e e j: 3)."""
    import unicodedata

    marks = set(unicodedata.normalize("NFD", char))
    return 1 + bool(marks & _SHAPE_MARKS) + bool(marks & _TONE_MARKS) + (char in "đĐ")


@dataclass
class Typed:
    keys: int
    chars: int
    accepts: int = 0
    telex: int = 0  # the same typing, each typed letter counted as Telex keys it takes

    @property
    def ratio(self) -> float:
        return self.keys / self.chars if self.chars else 0.0


def stored(meeting) -> tuple[dict, list[tuple[str, str, list[str], str]]]:
    return meeting.details.to_dict(), [(line.kind.value, line.text, list(line.owners), line.deadline)
                                       for line in meeting.lines]


def imported(data: Path, notes: str) -> tuple[dict, list]:
    """What ``import`` makes of ``notes`` in a copy of ``data``."""
    from minutes_tui.services.importing import import_notes
    from minutes_tui.store import Archive

    with TempDir("minutes-keys-import-") as tmp:
        copy = tmp / "data"
        if data.exists():
            shutil.copytree(data, copy, ignore=shutil.ignore_patterns(".lock", ".lock.owner"))
        with Archive(copy) as archive:
            result = import_notes(archive, notes)
            facts = stored(result.store.meeting)
            result.store.close()
    return facts


def plan(raw: str) -> tuple[str | None, str, int] | None:
    """(kind to tag, text to type, characters of the line) for one line of the
    notes file, or None when import skips it. The kind is None for a line typed
    as written (a command, a heading)."""
    from minutes_tui.core.parser import ParsedLine, Rejected, parse
    from minutes_tui.core.text import clean_line

    line = clean_line(raw)
    parsed = parse(line)
    if parsed is None or isinstance(parsed, Rejected):
        return None
    if isinstance(parsed, ParsedLine) and not parsed.kind.is_heading:
        kind = parsed.kind.value
        if kind != "note" and line[:1] in "+!>=" and line[1:2] == " ":
            return kind, line[2:].lstrip(), len(line)
        return "note", line, len(line)
    return None, line, len(line)


async def type_notes(data: Path, notes: str, *, completion: bool = True, size=(140, 40)) -> tuple[Typed, object]:
    """Type ``notes`` into a new meeting of ``data``; the count and the stored meeting."""
    from minutes_tui.core.completion import accept_word
    from minutes_tui.services.typing import aids_for
    from minutes_tui.store import Archive
    from minutes_tui.tui import keymap
    from minutes_tui.tui.app import MinutesApp
    from minutes_tui.tui.widgets.completing_input import CompletingCaptureInput

    archive = Archive(data).open()
    aids_for(archive).prefs.completion = completion
    app = MinutesApp(archive, new=True)
    plans = [p for p in (plan(raw) for raw in notes.splitlines()) if p is not None]
    typed = Typed(0, 0)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        field = screen.query_one(CompletingCaptureInput)

        def key_of(binding_id: str) -> str:
            return app.key_overrides.get(binding_id, keymap.find(binding_id).keys).split(",")[0]

        accept_all, accept_one = key_of("capture.accept_all"), key_of("capture.accept_word")
        undo = key_of("capture.undo")

        async def press(key: str, telex: int = 1) -> None:
            typed.keys += 1
            typed.telex += telex
            await pilot.press(key)

        for number, (kind, text, chars) in enumerate(plans):
            typed.chars += chars
            if kind == "note" and screen.tag is not None:
                await press(key_of(_TAG_IDS["note"]))
            elif kind not in (None, "note") and (screen.tag is None or screen.tag.value != kind):
                await press(key_of(_TAG_IDS[kind]))
                following = plans[number + 1][0] if number + 1 < len(plans) else None
                if not screen.sticky and following not in (None, "note"):
                    await press(key_of(_TAG_IDS[kind]))  # twice: kept on for the next lines
            while field.value != text:
                value = field.value
                if not text.startswith(value):
                    if value.endswith(" "):
                        await press(undo)  # an abbreviation expanded where the text says otherwise
                        if text.startswith(field.value):
                            continue
                    raise BenchFailed(f"line {number + 1}: the input holds {value!r}, not the start of {text!r}")
                offer = field.offer
                if offer is not None and field.cursor_at_end:
                    if offer.value != value and text.startswith(offer.value):
                        await press(accept_all)
                        typed.accepts += 1
                        continue
                    word = accept_word(value, offer)
                    if word != value and text.startswith(word):
                        await press(accept_one)
                        typed.accepts += 1
                        continue
                char = text[len(value)]
                await press(_KEY_NAMES.get(char, char), telex_keys(char))
            await press("enter")
            if field.value:
                raise BenchFailed(f"line {number + 1} was not recorded: {field.value!r}")
        meeting = screen.store.meeting
        result = stored(meeting)
        await pilot.press("ctrl+q")
    archive.close()
    return typed, result


def check(data: Path, notes: str, typed_meeting) -> None:
    expected = imported(data, notes)
    if typed_meeting != expected:
        want_details, want_lines = expected
        got_details, got_lines = typed_meeting
        for name in want_details:
            if want_details[name] != got_details.get(name):
                raise BenchFailed(f"detail {name}: typed {got_details.get(name)!r}, imported {want_details[name]!r}")
        for index, (want, got) in enumerate(zip(want_lines, got_lines)):
            if want != got:
                raise BenchFailed(f"line {index + 1}: typed {got!r}, imported {want!r}")
        raise BenchFailed(f"typed {len(got_lines)} lines, import made {len(want_lines)}")


def keystrokes(data: Path, notes_file: Path, *, completion: bool = True) -> Typed:
    from minutes_tui.services.importing import read_notes_file

    notes = read_notes_file(notes_file)
    expected_first = imported(data, notes)  # before typing: the typed meeting joins DIR
    result, meeting = asyncio.run(type_notes(data, notes, completion=completion))
    if meeting != expected_first:
        check(data, notes, meeting)  # says where they differ
    return result


def fixture_archive(target: Path) -> Path:
    """The phường's archive with the three earlier giao ban imported."""
    from minutes_tui.services.importing import import_notes
    from minutes_tui.store import Archive

    with Archive(target) as archive:
        for name in EARLIER:
            import_notes(archive, (FIXTURES / name).read_text(encoding="utf-8")).store.close()
    return target


# -- keystroke CPU time and first frame with the completion index ------------------------------------
KEY_LINES = [
    "Khẩn trương hoàn thành giải phóng mặt bằng tại phường Hoà Bình @Phòng Quản lý đô thị ^31/12/2025",
    "Rà soát, tổng hợp thu ngân sách nhà nước tại xã Tân Lập @Văn phòng",
    "Kiểm tra, đôn đốc chuyển đổi số tại thôn Quang Trung",
]


async def _keystroke_cpu(root: Path, meeting_id: str) -> tuple[list[float], list[float], float]:
    """CPU seconds per key with completion on and off, interleaved line by line; the build's seconds."""
    from minutes_tui.services.typing import aids_for
    from minutes_tui.store import Archive
    from minutes_tui.tui.app import MinutesApp
    from minutes_tui.tui.widgets.completing_input import CompletingCaptureInput

    archive = Archive(root).open()
    aids = aids_for(archive)
    app = MinutesApp(archive, open_meeting=meeting_id)
    on: list[float] = []
    off: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert aids.learned is not None, "the index was not built"
        build = aids.learned.seconds
        field = app.screen.query_one(CompletingCaptureInput)
        await pilot.press("f4")
        offered = 0
        rounds = 1 if QUICK else 3
        for _ in range(rounds):
            for line in KEY_LINES:
                for completion, times in ((True, on), (False, off)):
                    aids.prefs.completion = completion
                    field.value = ""
                    await pilot.pause()
                    for char in line:
                        t = time.process_time()
                        await pilot.press(_KEY_NAMES.get(char, char))
                        times.append(time.process_time() - t)
                        offered += completion and field.offer is not None
        assert offered, "completion offered nothing: the figure would not measure it"
        field.value = ""
        await pilot.press("ctrl+q")
    archive.close()
    return on, off, build


async def _first_frame(root: Path, meeting_id: str, completion: bool) -> tuple[float, bool]:
    """Seconds from start to the capture screen's first refresh; whether the index was ready by then
    (it should not be: it is built on a worker started after that refresh)."""
    from minutes_tui.services.typing import aids_for
    from minutes_tui.store import Archive
    from minutes_tui.tui.app import MinutesApp
    from minutes_tui.tui.screens.capture import CaptureScreen

    archive = Archive(root).open()
    aids = aids_for(archive)
    aids.prefs.completion = completion
    marks: dict[str, float] = {}
    original = CaptureScreen.on_mount

    def on_mount(screen: CaptureScreen) -> None:
        original(screen)
        screen.call_after_refresh(lambda: marks.setdefault("frame", time.perf_counter()))
        screen.call_after_refresh(lambda: marks.setdefault("ready", float(aids.learned is not None)))

    CaptureScreen.on_mount = on_mount  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        app = MinutesApp(archive, open_meeting=meeting_id)
        async with app.run_test(size=(120, 40)) as pilot:
            while "frame" not in marks:
                await asyncio.sleep(0.001)
            await app.workers.wait_for_complete()
            await pilot.press("ctrl+q")
    finally:
        CaptureScreen.on_mount = original  # type: ignore[method-assign]
    archive.close()
    return marks["frame"] - start, bool(marks.get("ready"))


def run() -> list[dict]:
    rows: list[dict] = []
    with TempDir() as tmp:
        data = fixture_archive(tmp / "giao-ban")
        result = keystrokes(data, FIXTURES / TYPED)
        rows.append(row(f"Keys per character, 4th monthly giao ban ({result.chars} chars, {result.accepts} accepts)",
                        result.ratio, "one key per character", 1.0, GOAL_KEYS_PER_CHAR, unit="k"))

        facts = big_archive(tmp / "big")
        big, root = facts["big"], tmp / "big"
        repeat = 1 if QUICK else 3
        asyncio.run(_first_frame(root, big, False))  # warm-up: imports and disk caches for all that follow
        frame_off = median([asyncio.run(_first_frame(root, big, False))[0] for _ in range(repeat)])
        colds = []
        for _ in range(repeat):  # no side file: a cold build each time (one sample alone varied 0.9–2.8×)
            (root / "completion-index.json").unlink(missing_ok=True)
            colds.append(asyncio.run(_first_frame(root, big, True)))
        cold_frame, ready = median([frame for frame, _ in colds]), any(was_ready for _, was_ready in colds)
        frame_on = median([asyncio.run(_first_frame(root, big, True))[0] for _ in range(repeat)])
        on, off, warm_build = asyncio.run(_keystroke_cpu(root, big))
        (root / "completion-index.json").unlink()
        cold = asyncio.run(_cold_build(root))
    rows.append(row("Keystroke in capture, completion on, 2,000 lines shown, 100k-line archive (CPU)",
                    ms(median(on)), "completion off", ms(median(off)), 1.2))
    rows.append(row("Completion index, 100k-line archive, cold: reads 500 meetings (worker)", ms(cold),
                    "—", ms(cold), None))
    rows.append(row("Completion index, 100k-line archive, from its side file (worker)", ms(warm_build),
                    "cold build", ms(cold), None))
    rows.append(row(f"First frame of capture, index building cold (ready at first frame: {ready})",
                    ms(cold_frame), "completion off", ms(frame_off), 1.2))
    rows.append(row("First frame of capture, completion on, side file present", ms(frame_on),
                    "completion off", ms(frame_off), 1.2))
    return rows


async def _cold_build(root: Path) -> float:
    from minutes_tui.services.typing import TypingAids
    from minutes_tui.store import Archive

    with Archive(root) as archive:
        return TypingAids(archive).build({}, None).seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, type=Path, help="the archive to type the meeting into")
    parser.add_argument("--no-completion", action="store_true", help="type with completion switched off")
    parser.add_argument("notes", type=Path)
    args = parser.parse_args(argv)
    try:
        result = keystrokes(args.data, args.notes, completion=not args.no_completion)
    except BenchFailed as error:
        print(f"FAILED: {error}")
        return 1
    print(f"accepted offers: {result.accepts}; with Telex the same typing takes {result.telex} keys "
          f"({result.telex / result.chars:.3f} per character)")
    print(f"keys={result.keys} chars={result.chars} ratio={result.ratio:.3f}")
    return 0


if __name__ == "__main__":
    if "--json" in sys.argv:
        emit(run())
    else:
        raise SystemExit(main(sys.argv[1:]))
