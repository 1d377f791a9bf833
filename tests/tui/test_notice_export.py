"""Re-exporting from the notice screen, where the file went, and hand edits whose
notes changed — driven by keys as the secretary presses them."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static, TextArea

from minutes_tui import desktop
from minutes_tui.core import edits
from minutes_tui.render import pdf
from minutes_tui.render.docx_reader import read_signed
from minutes_tui.services.export import MAX_NAME
from minutes_tui.services.importing import import_notes
from minutes_tui.services.notices import (
    current_notice,
    editable_paragraphs,
    pending_conflicts,
)
from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.conflicts import ConflictsDialog
from minutes_tui.tui.screens.export_prompt import ExportExistsDialog
from minutes_tui.tui.screens.notice import NoticeScreen
from minutes_tui.tui.widgets.status_line import StatusLine
from tests.notes import SAMPLE_SHAPED

SIZE = (120, 40)


def exports() -> Path:
    return Path(os.environ["MINUTES_TUI_EXPORTS"])  # tests/conftest.py


def files(suffix: str = ".docx") -> list[str]:
    return sorted(path.name for path in exports().glob(f"*{suffix}"))


def status(app: MinutesApp) -> str:
    return app.screen.query_one(StatusLine).message


def path_label(app: MinutesApp) -> Static:
    return app.screen.query_one("#notice-path", Static)


async def settle(app: MinutesApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def notice_app(tmp_path: Path) -> tuple[MinutesApp, str]:
    archive = Archive(tmp_path / "data").open()
    meeting_id = import_notes(archive, SAMPLE_SHAPED).store.id
    return MinutesApp(archive, open_meeting=meeting_id), meeting_id


@pytest.fixture
def fake_pdf(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """LibreOffice stands aside (seconds per file): the "PDF" is a copy of the .docx."""
    converted: list[Path] = []

    def to_pdf(docx_path: Path, *, pdf_a: bool = False) -> Path:
        converted.append(docx_path)
        target = docx_path.with_suffix(".pdf")
        target.write_bytes(docx_path.read_bytes())
        return target

    monkeypatch.setattr(pdf, "to_pdf", to_pdf)
    return converted


async def test_a_second_export_asks_overwrite_new_file_or_cancel(tmp_path: Path) -> None:
    app, _ = notice_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert not path_label(app).display  # nothing exported yet
        await pilot.press("x")
        await settle(app, pilot)
        [first] = files()
        # the full path stays under the preview, not in a toast that goes away
        label = path_label(app)
        assert label.display and str(exports() / first) in str(label.render())

        await pilot.press("x")  # once "dùng --force"; now a question
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportExistsDialog)
        numbered = first.removesuffix(".docx") + " (2).docx"
        assert numbered in str(dialog.query_one("#export-exists-choices", Static).render())
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, NoticeScreen)
        assert files() == sorted([first, numbered]) and len(numbered) <= MAX_NAME
        assert str(exports() / numbered) in str(path_label(app).render())

        (exports() / first).write_bytes(b"stands for the old file")
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("escape")  # cancel: the old file stays as it was
        await settle(app, pilot)
        assert isinstance(app.screen, NoticeScreen)
        assert (exports() / first).read_bytes() == b"stands for the old file"
        assert "huỷ" in status(app)

        await pilot.press("x", "o")  # overwrite
        await settle(app, pilot)
        assert isinstance(app.screen, NoticeScreen)
        assert zipfile.is_zipfile(exports() / first)
        assert files() == sorted([first, numbered])
        assert str(exports() / first) in str(path_label(app).render())

        # leaving and coming back: the path is still there
        await pilot.press("ctrl+g", "ctrl+n")
        await settle(app, pilot)
        assert path_label(app).display and str(exports() / first) in str(path_label(app).render())
        await pilot.press("ctrl+q")


async def test_pdf_after_docx_just_works_but_a_changed_docx_is_asked_about(tmp_path: Path, fake_pdf) -> None:
    app, _ = notice_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        [docx] = files()
        await pilot.press("p")  # the .docx is there and the same: no question
        await settle(app, pilot)
        assert isinstance(app.screen, NoticeScreen)
        assert files(".pdf") == [docx.removesuffix(".docx") + ".pdf"]
        assert docx.removesuffix(".docx") + ".pdf" in str(path_label(app).render())

        await pilot.press("p")  # both there now: asked
        await settle(app, pilot)
        assert isinstance(app.screen, ExportExistsDialog)
        await pilot.press("escape")
        await settle(app, pilot)

        # she changed the .docx in Word and made no PDF: a PDF now would overwrite her changes
        (exports() / docx.removesuffix(".docx")).with_suffix(".pdf").unlink()
        (exports() / docx).write_bytes(b"her own version")
        await pilot.press("p")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportExistsDialog)
        assert docx in str(app.screen.query_one("#export-exists-names", Static).render())
        await pilot.press("n")
        await settle(app, pilot)
        assert (exports() / docx).read_bytes() == b"her own version"
        stem = docx.removesuffix(".docx")
        assert files(".pdf") == [f"{stem} (2).pdf"] and f"{stem} (2).docx" in files()
        await pilot.press("ctrl+q")


class Launched:
    def __init__(self) -> None:
        self.commands: list[list[str]] = []

    def __call__(self, command: list[str], **kwargs) -> Launched:
        self.commands.append(command)
        return self

    def wait(self) -> int:
        return 0


async def test_f_opens_the_export_folder_where_a_desktop_is(tmp_path: Path, monkeypatch) -> None:
    launched = Launched()
    monkeypatch.setattr(subprocess, "Popen", launched)
    monkeypatch.setattr(desktop.sys, "platform", "linux")
    monkeypatch.setattr(desktop.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app, _ = notice_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("f")  # over SSH: said in the status line, nothing started
        await settle(app, pilot)
        assert "Không có màn hình đồ hoạ" in status(app) and str(exports()) in status(app)
        assert launched.commands == []

        monkeypatch.setenv("DISPLAY", ":0")
        await pilot.press("f")
        await settle(app, pilot)
        assert launched.commands == [["/usr/bin/xdg-open", str(exports())]]
        assert "Đang mở thư mục" in status(app)

        monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
        await pilot.press("f")  # no opener installed: a message, no traceback
        await settle(app, pilot)
        assert "xdg-open" in status(app) and isinstance(app.screen, NoticeScreen)
        await pilot.press("ctrl+q")


# -- hand edits whose notes changed ----------------------------------------------------------

TASKS = ("Xây dựng kế hoạch", "Tổng hợp ý kiến cử tri")


def line_of(app: MinutesApp, meeting_id: str, start: str):
    return next(line for line in app.stores[meeting_id].meeting.lines if line.text.startswith(start))


async def edit_by_keys(app: MinutesApp, pilot, key: str, text: str) -> None:
    """``e``, down to the paragraph in the picker, Enter, the new text, Ctrl+S."""
    screen = app.screen
    assert isinstance(screen, NoticeScreen)
    keys = [k for k, _, _ in editable_paragraphs(screen.notice)]
    await pilot.press("e")
    await pilot.pause()
    await pilot.press(*["down"] * keys.index(key), "enter")
    await pilot.pause()
    app.screen.query_one(TextArea).text = text
    await pilot.press("ctrl+s")
    await pilot.pause()


async def conflicts_app(tmp_path: Path, pilot, app: MinutesApp, meeting_id: str) -> list[str]:
    """Two task paragraphs rewritten by hand, then both deadlines changed in the notes."""
    await pilot.press("ctrl+n")
    await settle(app, pilot)
    keys = []
    for number, start in enumerate(TASKS, start=1):
        key = f"line:{line_of(app, meeting_id, start).id}"
        await edit_by_keys(app, pilot, key, f"Bản sửa tay số {number}.")
        keys.append(key)
    store = app.stores[meeting_id]
    store.commit([edits.update(line_of(app, meeting_id, start).id, deadline="30/06/2027") for start in TASKS])
    return keys


async def test_conflicts_are_offered_and_settled_one_by_one(tmp_path: Path) -> None:
    app, meeting_id = notice_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        first, second = await conflicts_app(tmp_path, pilot, app, meeting_id)
        await pilot.press("r")
        await settle(app, pilot)
        assert "2 đoạn sửa tay" in status(app) and "nhấn c" in status(app)  # offered, not just counted

        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConflictsDialog)
        assert dialog.query_one(OptionList).option_count == 2
        # hers and the new one, side by side
        assert str(dialog.query_one("#conflict-mine", Static).render()) == "Bản sửa tay số 1."
        assert "30/06/2027" in str(dialog.query_one("#conflict-now", Static).render())
        assert "31/03/2027" in str(dialog.query_one("#conflict-before", Static).render())

        await pilot.press("s")  # later: the second one is shown
        await pilot.pause()
        assert str(dialog.query_one("#conflict-mine", Static).render()) == "Bản sửa tay số 2."
        await pilot.press("m")  # take the new text for the second
        await settle(app, pilot)
        assert dialog.query_one(OptionList).option_count == 1
        assert str(dialog.query_one("#conflict-mine", Static).render()) == "Bản sửa tay số 1."
        await pilot.press("escape")  # the first stays for later
        await settle(app, pilot)
        assert isinstance(app.screen, NoticeScreen)
        assert "Còn 1 đoạn sửa tay" in status(app)
        store = app.stores[meeting_id]
        assert [conflict.key for conflict in pending_conflicts(store)] == [first]
        assert "30/06/2027" in current_notice(store).block(second).text

        await pilot.press("c", "k")  # keep hers: re-applied over the new notes
        await settle(app, pilot)
        assert isinstance(app.screen, NoticeScreen)
        assert pending_conflicts(store) == []
        assert current_notice(store).block(first).text == "Bản sửa tay số 1."
        assert app.screen.notice.block(first).text == "Bản sửa tay số 1."  # the preview shows it
        await pilot.press("r")  # and it stays across a recompile
        await settle(app, pilot)
        assert current_notice(store).block(first).text == "Bản sửa tay số 1."
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen) and "Không có đoạn sửa tay" in status(app)
        await pilot.press("ctrl+q")


async def test_export_waits_for_the_hand_edits_then_writes_her_text(tmp_path: Path) -> None:
    app, meeting_id = notice_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await conflicts_app(tmp_path, pilot, app, meeting_id)
        await pilot.press("x")  # stale: the export compiles, finds the conflicts, and asks
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictsDialog)
        assert files() == []  # nothing written with her wording silently left out

        await pilot.press("escape")  # decide later: still not exported
        await settle(app, pilot)
        assert files() == [] and "Chưa xuất" in status(app)

        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("e")  # edit hers, adding the new deadline, then keep
        await pilot.pause()
        editor = app.screen.query_one(TextArea)
        assert editor.text == "Bản sửa tay số 1."
        editor.text = "Bản sửa tay số 1, hoàn thành trước ngày 30/06/2027."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("k")
        await settle(app, pilot)  # none left: the export goes on by itself
        assert isinstance(app.screen, NoticeScreen)
        [written] = files()
        text = "\n".join(read_signed(exports() / written).paragraphs)
        assert "Bản sửa tay số 1, hoàn thành trước ngày 30/06/2027." in text
        assert "Bản sửa tay số 2." in text
        await pilot.press("ctrl+q")


async def test_an_edit_whose_paragraph_is_gone_can_be_dropped_not_kept(tmp_path: Path) -> None:
    app, meeting_id = notice_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        line = line_of(app, meeting_id, TASKS[0])
        await edit_by_keys(app, pilot, f"line:{line.id}", "Bản sửa tay.")
        app.stores[meeting_id].commit([edits.delete(line.id)])
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConflictsDialog)
        assert "dòng gốc đã xoá" in str(dialog.query_one("#conflict-now", Static).render())
        await pilot.press("k")  # nothing to keep it on: said, and still hers to decide
        await settle(app, pilot)
        assert app.screen is dialog and dialog.query_one("#conflict-error").display
        assert "không còn tạo ra đoạn này" in str(dialog.query_one("#conflict-error", Static).render())
        assert len(pending_conflicts(app.stores[meeting_id])) == 1
        await pilot.press("m")
        await settle(app, pilot)
        assert isinstance(app.screen, NoticeScreen) and pending_conflicts(app.stores[meeting_id]) == []
        await pilot.press("ctrl+q")
