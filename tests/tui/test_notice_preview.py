"""The notice screen on a big meeting stays usable (issue #10, item 11).

The preview used to be one ``Static`` laid out whole: 6.8 s on a 10,000-line
meeting before the screen answered a key, and again at every resize. Now the
first screenful is rendered at once and the rest in short slices between keys.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from minutes_tui.render import docx_common, preview
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.notice import NoticePreview, NoticeScreen

LINES = 3000


def _big_meeting(root: Path) -> str:
    notes = "\n".join(
        (f"# Mục {n}" if n % 300 == 0 else f"+ Kết quả số {n}: các đơn vị đã hoàn thành chỉ tiêu giải ngân vốn đầu tư công")
        for n in range(LINES)
    )
    with Archive(root) as archive:
        store = import_notes(archive, notes).store
        archive.close_meeting(store)
        return store.id


async def test_big_notice_answers_keys_while_the_rest_renders(tmp_path: Path) -> None:
    root = tmp_path / "data"
    meeting_id = _big_meeting(root)
    app = MinutesApp(Archive(root).open(), open_meeting=meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        asyncio.create_task(pilot.press("ctrl+n"))  # pilot.press waits for idle: not here
        view: NoticePreview | None = None
        for _ in range(2000):
            await asyncio.sleep(0.005)
            screen = app.screen
            if isinstance(screen, NoticeScreen) and screen.query(NoticePreview) and screen.query_one(NoticePreview).line_count:
                view = screen.query_one(NoticePreview)
                break
        assert view is not None, "the notice never showed"
        assert not view.complete, "all rendered before the screen answered"
        before = view.scroll_offset.y
        asyncio.create_task(pilot.press("down"))
        for _ in range(400):
            await asyncio.sleep(0.005)
            if view.scroll_offset.y != before:
                break
        assert view.scroll_offset.y == before + 1, "a key waited for the whole preview"
        assert not view.complete, "the key was handled only once everything was rendered"
        for _ in range(6000):
            if view.complete:
                break
            await asyncio.sleep(0.01)
        assert view.complete
        shown = "\n".join(strip.text for strip in view._lines)
        for n in (1, LINES // 2 + 1, LINES - 1):
            assert f"Kết quả số {n}:" in shown, n
        assert shown.index("Kết quả số 1:") < shown.index(f"Kết quả số {LINES - 1}:")
        await pilot.press("ctrl+q")
    app.archive.close()


def test_the_preview_prints_the_same_national_motto_as_the_document() -> None:
    assert preview.NATIONAL_MOTTO == docx_common.NATIONAL_MOTTO
