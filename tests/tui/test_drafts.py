"""The half-typed line is never lost (issues #10 item 5, #11): Esc, switching screens,
quitting and a pause in typing keep it as the meeting's draft; Enter clears it; every
rejected line of a paste is kept (issue #10 item 2)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from minutes_tui.store import Archive, MeetingStore
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.capture import DRAFT_EVERY, CaptureScreen
from minutes_tui.tui.widgets.capture_input import CaptureInput
from tests.tui.conftest import reopen_texts

HALF = "Giải quyết dứt điểm hồ sơ đất đai tồn đọng của Thị uỷ"


def _draft_on_disk(root: Path) -> str:
    with Archive(root, readonly=True) as archive:
        return archive.open_meeting(archive.resolve("last")).draft()


async def _capture_text(pilot) -> str:
    await pilot.pause()
    return pilot.app.screen.query_one(CaptureInput).value


async def test_esc_switching_and_quitting_keep_the_half_typed_line(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await pilot.press(*"> mot dong", "enter")
        app.screen.query_one(CaptureInput).insert_text_at_cursor(HALF)
        await pilot.press("escape")  # back to the list
        assert _draft_on_disk(data_dir) == HALF
        await pilot.press("enter")  # open it again
        assert isinstance(app.screen, CaptureScreen) and await _capture_text(pilot) == HALF
        await pilot.press("ctrl+r", "ctrl+g")  # review and back
        assert await _capture_text(pilot) == HALF
        await pilot.press("ctrl+q")
    app.archive.close()
    app = MinutesApp(Archive(data_dir).open(), open_meeting=None)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert await _capture_text(pilot) == HALF
        await pilot.press("enter")  # recorded: the draft goes with it
        await pilot.press("ctrl+q")
    app.archive.close()
    assert _draft_on_disk(data_dir) == ""
    assert [text for _, text, _, _ in reopen_texts(data_dir)] == ["mot dong", HALF]


async def test_a_pause_in_typing_writes_the_draft(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await pilot.press(*"dang go")
        await asyncio.sleep(DRAFT_EVERY * 1.6)
        await app.workers.wait_for_complete()
        assert _draft_on_disk(data_dir) == "dang go"  # as a kill -9 now would find it
        await pilot.press("enter")
        assert _draft_on_disk(data_dir) == ""  # in the same journal record as the line
        await pilot.press("ctrl+q")
    app.archive.close()


async def test_every_rejected_line_of_a_paste_is_kept_and_comes_back_in_turn(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    pasted = "+ dòng tốt một\n/khonglenh một\n+ dòng tốt hai\n/sai hai\n/sai ba"
    async with app.run_test() as pilot:
        from textual import events

        field = app.screen.query_one(CaptureInput)
        field.post_message(events.Paste(pasted))
        await pilot.pause()
        assert field.value == "/khonglenh một"
        assert app.screen.rejected == ["/sai hai", "/sai ba"]
        await pilot.press("escape")  # leaving keeps all three
        assert _draft_on_disk(data_dir) == "/khonglenh một\n/sai hai\n/sai ba"
        await pilot.press("enter")
        field = app.screen.query_one(CaptureInput)
        assert field.value == "/khonglenh một" and app.screen.rejected == ["/sai hai", "/sai ba"]
        field.value = "+ sửa một"
        await pilot.press("enter")
        assert field.value == "/sai hai"  # the next one, in the same key handling
        field.value = "+ sửa hai"
        await pilot.press("enter")
        assert field.value == "/sai ba"
        field.value = "+ sửa ba"
        await pilot.press("enter")
        assert field.value == "" and app.screen.rejected == []
        await pilot.press("ctrl+q")
    app.archive.close()
    assert [text for _, text, _, _ in reopen_texts(data_dir)] == [
        "dòng tốt một", "dòng tốt hai", "sửa một", "sửa hai", "sửa ba"]


def test_the_draft_survives_kill_9_in_a_real_terminal(tmp_path: Path) -> None:
    from tests.faults.apprun import start_new_meeting, wait_for

    data = tmp_path / "data"
    app, meeting_id = start_new_meeting(data)
    try:
        app.send("nửa dòng đang gõ".encode())
        assert wait_for(lambda: MeetingStore.open(data / "meetings", meeting_id, readonly=True).draft()
                        == "nửa dòng đang gõ", DRAFT_EVERY * 4)
    finally:
        app.kill9()
    assert MeetingStore.open(data / "meetings", meeting_id, readonly=True).draft() == "nửa dòng đang gõ"
