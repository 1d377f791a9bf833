"""Typing less in capture, driven by keys: offers, accept keys, abbreviations, carried-over details."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region

from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.widgets.completing_input import CompletingCaptureInput
from minutes_tui.tui.widgets.meeting_header import DetailsPanel
from tests.tui.conftest import reopen_texts

LAST_MONTH = """/date 18/11/2026
/time 8 giờ 00
/place Hội trường UBND phường An Phú
/body UBND phường An Phú
/kind Giao ban tháng 11/2026
/chair Trần Quốc Bảo - Chủ tịch UBND phường
/attend Nguyễn Thị Mỹ Linh - Phó Chủ tịch UBND phường
/attend Công chức chuyên môn
> Giao Văn phòng thị xã chủ trì, phối hợp với Phòng Tư pháp rà soát hồ sơ @Văn phòng thị xã ^25/11/2026
"""


def archive_after_one_meeting(data_dir: Path) -> Archive:
    archive = Archive(data_dir).open()
    import_notes(archive, LAST_MONTH).store.close()
    return archive


async def settle(pilot) -> None:
    """Until the workers (index, offered details, meeting list) are done."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def ready(pilot) -> CompletingCaptureInput:
    """The capture input once the index is built and the details are offered."""
    await settle(pilot)
    return pilot.app.screen.query_one(CompletingCaptureInput)


def shown(field: CompletingCaptureInput) -> str:
    return field.render_line(0).text.strip()


async def test_accent_insensitive_offer_is_shown_and_not_inserted(data_dir: Path) -> None:
    app = MinutesApp(archive_after_one_meeting(data_dir), new=True)
    async with app.run_test() as pilot:
        field = await ready(pilot)
        await pilot.press("f4")
        for key in "giao van phong":
            await pilot.press("space" if key == " " else key)
        assert field.offer is not None and field.offer.value.startswith("Giao Văn phòng thị xã chủ trì")
        assert shown(field).startswith("giao van phong thị xã chủ trì")  # the ghost after the typed text
        await pilot.pause(0.3)
        assert field.value == "giao van phong"  # nothing entered by itself
        await pilot.press("enter")
        await pilot.press("ctrl+q")
    app.archive.close()
    assert reopen_texts(data_dir) == [("task", "giao van phong", [], "")]


async def test_the_offer_follows_the_tag_key(data_dir: Path) -> None:
    app = MinutesApp(archive_after_one_meeting(data_dir), new=True)
    async with app.run_test() as pilot:
        field = await ready(pilot)
        await pilot.press("G")
        assert field.offer is None  # a note: no note of the archive starts so
        await pilot.press("f4")  # a task: last month's task does
        assert field.offer is not None and field.offer.value.startswith("Giao Văn phòng thị xã")
        await pilot.press("f6")
        assert field.offer is None and field._suggestion == ""
        await pilot.press("ctrl+q")


async def test_accept_a_word_then_all(data_dir: Path) -> None:
    app = MinutesApp(archive_after_one_meeting(data_dir), new=True)
    async with app.run_test() as pilot:
        field = await ready(pilot)
        await pilot.press("f4", "g")
        await pilot.press("tab")
        assert field.value == "Giao "
        await pilot.press("tab")
        assert field.value == "Giao Văn "
        await pilot.press("right")  # at most a dozen words at a time
        assert field.value == "Giao Văn phòng thị xã chủ trì, phối hợp với Phòng Tư pháp rà"
        await pilot.press("ctrl+z")  # back to what was there before the accept
        assert field.value == "Giao Văn "
        await pilot.press("right", "right")
        assert field.value == "Giao Văn phòng thị xã chủ trì, phối hợp với Phòng Tư pháp rà soát hồ sơ @Văn phòng thị xã"
        await pilot.press("space", "circumflex_accent")
        assert field.offer is not None and field.offer.value.endswith("^25/12/2026")  # last month's, a month on
        await pilot.press("tab", "enter")
        await pilot.press("ctrl+q")
    app.archive.close()
    assert reopen_texts(data_dir) == [
        ("task", "Giao Văn phòng thị xã chủ trì, phối hợp với Phòng Tư pháp rà soát hồ sơ", ["Văn phòng thị xã"],
         "25/12/2026"),
    ]


async def test_abbreviation_expands_on_space_and_ctrl_z_restores_it(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        field = await ready(pilot)
        field.insert_text_at_cursor("/abbr ubnd Ủy ban nhân dân")
        await pilot.press("enter")
        await pilot.press(*"Họp", "space", *"ubnd")
        assert field.value == "Họp ubnd"
        await pilot.press("space")
        assert field.value == "Họp Ủy ban nhân dân "
        await pilot.press(*"xã", "enter")
        await pilot.press(*"UBND", "space")
        assert field.value == "UBND "  # the acronym in capitals stays as typed
        await pilot.press("ctrl+u", *"ubnd", "space", "ctrl+z")
        assert field.value == "ubnd " and field.cursor_position == 5
        await pilot.press(*"cũ", "enter")
        await pilot.press("ctrl+q")
    app.archive.close()
    assert [text for _, text, _, _ in reopen_texts(data_dir)] == ["Họp Ủy ban nhân dân xã", "ubnd cũ"]


async def test_carried_over_details_are_offered_not_copied(data_dir: Path) -> None:
    app = MinutesApp(archive_after_one_meeting(data_dir), new=True)
    async with app.run_test(size=(140, 40)) as pilot:
        field = await ready(pilot)
        screen = app.screen
        panel = screen.query_one(DetailsPanel)
        assert "→ Hội trường UBND phường An Phú" in panel.render().plain
        assert screen.store.meeting.details.place == ""  # offered, not written
        field.insert_text_at_cursor("/date 16/12/2026")
        await pilot.press("enter")
        await ready(pilot)
        await pilot.press("slash", *"ki")
        assert field.offer is not None and field.offer.value == "/kind Giao ban tháng 12/2026"
        await pilot.press("right", "enter")  # one key takes it, Enter records it
        assert screen.store.meeting.details.kind == "Giao ban tháng 12/2026"
        await pilot.press("ctrl+o")  # the details form: Ctrl+G fills the empty fields
        await pilot.pause()
        await pilot.press("ctrl+g", "ctrl+s")
        await pilot.pause()
        details = screen.store.meeting.details
        assert details.place == "Hội trường UBND phường An Phú" and details.time == "8 giờ 00"
        assert details.attend == ["Nguyễn Thị Mỹ Linh - Phó Chủ tịch UBND phường", "Công chức chuyên môn"]
        assert details.purpose == ""  # not carried: it differs every time
        rows = [line.text for line in panel.render_lines(Region(0, 0, panel.size.width, 30))]
        assert not any("→" in row for row in rows)  # nothing left to offer
        await pilot.press("ctrl+q")


async def test_meeting_from_a_template(data_dir: Path) -> None:
    archive = archive_after_one_meeting(data_dir)
    import_notes(archive, "/date 25/11/2026\n/body Đảng ủy phường\n/place Phòng họp Đảng ủy\n+ Kết nạp đảng viên\n").store.close()
    app = MinutesApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")  # no template yet: it says how to make one
        await pilot.press("end", "enter")  # the oldest meeting: last month's giao ban
        await ready(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Giao ban", "enter")
        await pilot.pause()
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")
        await ready(pilot)
        panel = app.screen.query_one(DetailsPanel)
        assert "→ Hội trường UBND phường An Phú" in panel.render().plain  # the template's, not the Đảng ủy's
        await pilot.press("ctrl+q")


async def test_settings_list_and_edit_abbreviations_and_switch_completion_off(data_dir: Path) -> None:
    from textual.widgets import Switch, TextArea

    app = MinutesApp(archive_after_one_meeting(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#typing-abbreviations", TextArea).text = "hdnd = Hội đồng nhân dân"
        app.screen.query_one("#typing-completion", Switch).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")
        field = await ready(pilot)
        await pilot.press(*"hdnd", "space", "f4", "g")
        assert field.value == "Hội đồng nhân dân g"
        assert field.offer is None  # completion off: no offer at all
        await pilot.press("ctrl+u", "escape")
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#typing-completion", Switch).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n", "f4", "g")  # switched on again: the index is read at the first key
        field = await ready(pilot)
        await pilot.press("i")
        assert field.offer is not None and field.offer.value.startswith("Giao Văn phòng thị xã")
        await pilot.press("ctrl+q")
