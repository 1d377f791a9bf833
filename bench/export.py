"""Export of a 2,000-line meeting through the path a user takes vs. a minimal python-docx script.

Goal (issues #9, #12): ≤ 1.5× the minimal script, measured in the same run.

Ours is what ``minutes-tui export MEETING`` does after its imports: open the
archive and the meeting (journal replay included), compile the changed notes,
store the new version beside the meeting, render the ``.docx`` with the ND30
layout, write it under a temporary name and rename it into place, close. The
notes change before every repetition (outside the timing), so each export really
compiles and stores. The baseline uses python-docx's public API only:
``Document()``, one ``add_paragraph`` per paragraph of the same notice, ``save``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import QUICK, TempDir, median, ms, row

LINES = 2000
GOAL = 1.5


def notes(count: int = LINES) -> str:
    """A meeting in the notes language: sections, findings, shortcomings, tasks with owners."""
    out = ["/date 09/03/2027", "/place Hội trường UBND phường", "/body UBND phường Hòa Bình",
           "/chair Nguyễn Văn An - Chủ tịch UBND phường", "/set issuer UBND PHƯỜNG HÒA BÌNH",
           "/set recipients Thường trực Đảng ủy; Thường trực HĐND phường"]
    sigils = "+!>="
    for n in range(count):
        if n % 100 == 0:
            out.append(f"# Nội dung thứ {n // 100 + 1} của phiên họp")
        sigil = sigils[n % 4]
        owners = " @Văn phòng HĐND và UBND phường @Phòng Kinh tế ^31/12/2027" if sigil == ">" else ""
        out.append(f"{sigil} Dòng {n}: tiếp tục rà soát, hoàn thiện hồ sơ thủ tục hành chính, bảo đảm tiến độ "
                   f"và chất lượng theo kế hoạch đề ra{owners}")
    return "\n".join(out)


def run() -> list[dict]:
    import docx

    from minutes_tui.core import edits
    from minutes_tui.locations import exports_dir
    from minutes_tui.services.export import export_meeting
    from minutes_tui.services.importing import import_notes
    from minutes_tui.services.notices import current_notice
    from minutes_tui.store import Archive

    repeats = 3 if QUICK else 7
    ours, minimal = [], []
    with TempDir() as tmp:
        root = tmp / "data"
        with Archive(root) as archive:
            store = import_notes(archive, notes()).store
            meeting_id, first = store.id, store.meeting.lines[-1]
            store.close()
        texts: list[str] = []
        for n in range(repeats):
            with Archive(root) as archive:  # the notes change: the export must compile again
                store = archive.open_meeting(meeting_id)
                store.commit([edits.update(first.id, text=f"{first.text} (lần {n})")])
                store.close()

            start = time.perf_counter()
            with Archive(root) as archive:
                store = archive.open_meeting(meeting_id)
                export_meeting(store, archive.settings, tmp / f"ours-{n}.docx", folder=exports_dir(archive.settings.export_folder))
                store.close()
            ours.append(time.perf_counter() - start)

            if not texts:
                with Archive(root, readonly=True) as archive:
                    notice = current_notice(archive.open_meeting(meeting_id))
                    assert notice is not None
                    texts = [block.display for block in notice.blocks()] + notice.recipients
            start = time.perf_counter()
            document = docx.Document()
            for text in texts:
                document.add_paragraph(text)
            document.save(str(tmp / f"minimal-{n}.docx"))
            minimal.append(time.perf_counter() - start)
    return [row(f"export a {LINES}-line meeting (CLI path: open, compile, store version, render, save)",
                ms(median(ours)), "minimal python-docx script, same paragraphs", ms(median(minimal)), GOAL)]


if __name__ == "__main__":
    for figure in run():
        ratio = figure["value"] / figure["baseline"]
        verdict = "PASS" if ratio <= figure["goal"] else "FAIL"
        print(f"{figure['figure']}: {figure['value']:.1f} ms vs {figure['baseline']:.1f} ms → {ratio:.2f}× (goal ≤ {figure['goal']}×) {verdict}")
        if verdict == "FAIL":
            raise SystemExit(1)
