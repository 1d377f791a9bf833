"""Screenshots of the review screen (Vietnamese text, every kind, a problem marker).

Textual is pinned in pyproject.toml: snapshots change between Textual releases.
Regenerate with ``pytest tests/tui/test_review_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp

NOTES = """\
/date 09/03/2027
/place Phòng họp số 2 Huyện ủy
/chair Lê Văn Sơn - Chủ tịch HĐND huyện
/body Thường trực HĐND huyện
/kind Phiên họp Thường trực tháng 3
Chủ tọa nêu mục đích cuộc họp
# Đánh giá công tác tổ chức kỳ họp thứ tư
+ Kỳ họp diễn ra đúng quy định, nội dung chuẩn bị chu đáo
! Thị uỷ đề nghị rút kinh nghiệm công tác tổng hợp ý kiến cử tri
# Nhiệm vụ quý II năm 2027
## Công tác giám sát
> Xây dựng kế hoạch giám sát chuyên đề về đất đai @Ban Kinh tế - Xã hội @Ban Pháp chế ^31/03/2027
> Tổng hợp ý kiến cử tri trước kỳ họp giữa năm
= Thống nhất tổ chức hội nghị tập huấn cho đại biểu trong quý II
"""


def review_app(tmp_path: Path) -> MinutesApp:
    archive = Archive(tmp_path / "data").open()
    meeting = import_notes(archive, NOTES).store
    meeting.close()
    return MinutesApp(archive, open_meeting=meeting.id)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_review_screen_snapshot(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def to_review(pilot) -> None:
        await pilot.press("ctrl+r")
        await pilot.press("g", "j", "j", "j")  # highlight the shortcoming line
        await pilot.pause()

    assert snap_compare(review_app(tmp_path), terminal_size=size, run_before=to_review)
