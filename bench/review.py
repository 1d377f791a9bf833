"""Review with a 2,000-line meeting vs. a 20-line one (same run, headless).

Goals (issue #9): cursor move, retag and a search keystroke each ≤ 1.5× the same
on a 20-line meeting — no full re-render per key. Each figure is the CPU time of
the process for one key, sent as the terminal driver sends it, until the screen
has handled and drawn it (``common.key_cpu``: wall time would be dominated by
Pilot's idle waits, and Pilot's own per-widget synchronisation after each key is
work no keystroke does); the search keys are typed into review's search bar,
whose live filter redraws the list.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import QUICK, TempDir, key_cpu, median, ms, row

GOAL = 1.5


def _notes(count: int) -> str:
    lines = ["/date 09/03/2027", "/place P", "/chair C", "/body B"]
    for n in range(count):
        if n % 50 == 0:
            lines.append(f"# Mục {n // 50 + 1}")
        sigil = "+!>=+"[n % 5]
        owner = " @Văn phòng HĐND và UBND huyện ^31/12/2027" if sigil == ">" else ""
        lines.append(f"{sigil} Dòng {n}: rà soát hồ sơ thủ tục hành chính của Thị uỷ và các xã{owner}")
    return "\n".join(lines)


async def _measure(root: Path, count: int, presses: int) -> dict[str, float]:
    from minutes_tui.services.importing import import_notes
    from minutes_tui.store import Archive
    from minutes_tui.tui.app import MinutesApp

    archive = Archive(root).open()
    store = import_notes(archive, _notes(count)).store
    store.close()
    app = MinutesApp(archive)
    figures: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("g", "j")

        async def timed(*keys: str) -> list[float]:
            return [await key_cpu(pilot, key) for key in keys]

        figures["move"] = median(await timed(*(["j"] * presses)))
        figures["retag"] = median(await timed(*(["f4", "f2"] * (presses // 2))))
        await pilot.press("slash")
        await pilot.pause()
        query = ["space" if char == " " else char for char in "thi uy va cac xa"]
        figures["search"] = median(await timed(*query, *["backspace"] * len(query), *query))
        await pilot.press("ctrl+q")
    archive.close()
    return figures


def run() -> list[dict]:
    presses = 10 if QUICK else 30
    with TempDir() as tmp:
        small = asyncio.run(_measure(tmp / "small", 20, presses))
        big = asyncio.run(_measure(tmp / "big", 2000, presses))
    return [
        row("review: cursor move, 2,000-line meeting", ms(big["move"]), "same, 20-line meeting", ms(small["move"]), GOAL),
        row("review: retag, 2,000-line meeting", ms(big["retag"]), "same, 20-line meeting", ms(small["retag"]), GOAL),
        row("review: search keystroke, 2,000-line meeting (filter + list)", ms(big["search"]),
            "same, 20-line meeting", ms(small["search"]), GOAL),
    ]


if __name__ == "__main__":
    failed = False
    for figure in run():
        ratio = figure["value"] / figure["baseline"]
        ok = ratio <= figure["goal"]
        failed |= not ok
        print(f"{figure['figure']}: {figure['value']:.2f} ms vs {figure['baseline_label']} {figure['baseline']:.2f} ms "
              f"→ {ratio:.2f}× (goal ≤ {figure['goal']}×) {'PASS' if ok else 'FAIL'}")
    raise SystemExit(1 if failed else 0)
