"""Export of a 1,000-line meeting vs. a minimal python-docx script writing the same paragraphs.

Goal (notice issue): ≤ 1.5× the minimal script, measured in the same run. Both
sides start from ``Document()`` and end with ``save()``; ours adds what a real
notice needs (styles, fonts on all four slots, header and signature tables,
rules, the page-number field).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import QUICK, TempDir, median, ms, row  # noqa: E402

LINES = 1000
GOAL = 1.5


def _meeting():
    from minutes_tui.core.model import Kind, Line, Meeting, MeetingDetails

    kinds = [Kind.FINDING, Kind.SHORTCOMING, Kind.TASK, Kind.DECISION]
    lines = []
    for n in range(LINES):
        if n % 100 == 0:
            lines.append(Line(Kind.SECTION, f"Nội dung thứ {n // 100 + 1} của phiên họp"))
        kind = kinds[n % 4]
        owners = ["Văn phòng HĐND và UBND huyện", "Phòng Tài chính - Kế hoạch"] if kind is Kind.TASK else []
        text = f"Dòng {n}: tiếp tục rà soát, hoàn thiện hồ sơ thủ tục hành chính, bảo đảm tiến độ và chất lượng theo kế hoạch đề ra"
        lines.append(Line(kind, text, owners, "31/12/2027" if owners else ""))
    return Meeting(details=MeetingDetails(date="2027-03-09", body="Thường trực HĐND huyện"), lines=lines)


def run() -> list[dict]:
    import docx  # noqa: F401  (import cost is not part of either figure)

    from minutes_tui.core.compiler import compile_notice
    from minutes_tui.core.model import OfficeSettings
    from minutes_tui.render.docx_notice import render_notice

    meeting = _meeting()
    settings = OfficeSettings(issuer="Văn phòng HĐND huyện", recipients=["UBND huyện"], signer_name="Đỗ Thị Hạnh")
    repeats = 3 if QUICK else 7
    ours, minimal = [], []
    with TempDir() as tmp:
        notice = compile_notice(meeting, settings)
        texts = [block.display for block in notice.blocks()]
        for n in range(repeats):
            start = time.perf_counter()
            render_notice(compile_notice(meeting, settings), tmp / f"ours-{n}.docx")
            ours.append(time.perf_counter() - start)

            start = time.perf_counter()
            document = docx.Document()
            for text in texts:
                document.add_paragraph(text)
            document.save(str(tmp / f"minimal-{n}.docx"))
            minimal.append(time.perf_counter() - start)
    return [row(f"export {LINES}-line meeting to .docx (compile + render + save)", ms(median(ours)),
                "minimal python-docx script, same paragraphs", ms(median(minimal)), GOAL)]


if __name__ == "__main__":
    for figure in run():
        ratio = figure["value"] / figure["baseline"]
        verdict = "PASS" if ratio <= figure["goal"] else "FAIL"
        print(f"{figure['figure']}: {figure['value']:.1f} ms vs {figure['baseline']:.1f} ms → {ratio:.2f}× (goal ≤ {figure['goal']}×) {verdict}")
        if verdict == "FAIL":
            raise SystemExit(1)
