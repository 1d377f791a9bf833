"""What Vietnamese IMEs (Unikey, EVKey, OpenKey) send, fed to capture as a terminal would.

An IME does not compose in the terminal: it sends the keys typed, then takes
back what it already sent with fake Backspaces (0x08 on some machines, 0x7F on
others, or Ctrl+H where the terminal reports modifiers) and sends the composed
letters as Unicode characters. ``dduwowcj`` (Telex) arrives as d, ⌫, đ, u, ⌫,
ư, o, ⌫, ơ, c, ⌫, ⌫, ợ, c. In "Unicode tổ hợp" mode the letters are NFD (a base
letter and combining marks) and the IME counts its Backspaces in code points.
Pastes (Shift+Insert, the mouse) arrive as a bracketed paste.

The raw bytes go through Textual's own parser (``XTermParser``, which the Linux
and Windows drivers both use) and reach the app as the driver's events do;
what is checked is the line stored on disk.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from textual import events
from textual._xterm_parser import XTermParser
from textual.app import App, ComposeResult

from minutes_tui.store import Archive
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.widgets.capture_input import CaptureInput
from minutes_tui.tui.widgets.text_area import ComposedTextArea
from tests.tui.conftest import reopen_texts

BACKSPACES = {"0x08": "\x08", "0x7f": "\x7f"}


async def feed(pilot, raw: str) -> None:
    """``raw`` as the terminal sends it: parsed by Textual and handed on as the drivers do."""
    driver = pilot.app._driver
    for event in XTermParser().feed(raw):
        driver.process_message(event)
    await pilot.pause()


def unikey(bs: str) -> str:
    """Unikey (Telex, Unicode dựng sẵn) typing ``dduwowcj dduwowcj``: "được được"."""
    word = f"d{bs}đu{bs}ưo{bs}ơc{bs}{bs}ợc"
    return f"{word} {word}"


async def stored_after(data_dir: Path, *raw: str) -> tuple[str, str]:
    """Feed each of ``raw``; Enter; return (the input's value before Enter, the stored text)."""
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        field = app.screen.query_one(CaptureInput)
        for chunk in raw:
            await feed(pilot, chunk)
        value = field.value
        await feed(pilot, "\r")
        await pilot.press("ctrl+q")
    app.archive.close()
    lines = reopen_texts(data_dir)
    return value, lines[-1][1] if lines else ""


@pytest.mark.parametrize("bs", BACKSPACES.values(), ids=BACKSPACES.keys())
async def test_fake_backspaces_then_unicode_letters(data_dir: Path, bs: str) -> None:
    value, stored = await stored_after(data_dir, unikey(bs))
    assert value == stored == "được được"


@pytest.mark.parametrize("bs", BACKSPACES.values(), ids=BACKSPACES.keys())
async def test_an_ime_burst_in_one_read(data_dir: Path, bs: str) -> None:
    """EVKey sends the Backspaces and the new letters in one burst, often right before Enter."""
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        await feed(pilot, f"+ Ho{bs}ôi nghi{bs}ị{bs}{bs}hị\rdòng sau")
        assert app.screen.query_one(CaptureInput).value == "dòng sau"
        await pilot.press("ctrl+q")
    app.archive.close()
    assert reopen_texts(data_dir)[0][:2] == ("finding", "Hôi nghị")


async def test_ctrl_h_is_a_backspace(data_dir: Path) -> None:
    """Where the terminal reports modifiers (the kitty protocol), 0x08 arrives as Ctrl+H."""
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        field = app.screen.query_one(CaptureInput)
        await pilot.press("d", "ctrl+h", "đ", "u", "ctrl+h", "ư", "o", "ctrl+h", "ơ", "c", "ctrl+h", "ctrl+h", "ợ", "c")
        assert field.value == "được"
        await feed(pilot, "\x1b[104;5u")  # Ctrl+H in the kitty keyboard protocol
        assert field.value == "đượ"
        await pilot.press("enter", "ctrl+q")
    app.archive.close()
    assert reopen_texts(data_dir)[0][1] == "đượ"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("bs", BACKSPACES.values(), ids=BACKSPACES.keys())
async def test_combining_marks_are_stored_composed(data_dir: Path, bs: str) -> None:
    """Unicode tổ hợp: ``tieengs`` is t, i, e, ⌫, e+◌̂, n, g, ⌫, ⌫, ◌́, n, g."""
    value, stored = await stored_after(data_dir, f"Tie{bs}e\u0302ng{bs}{bs}\u0301ng {nfd('Việt')}")
    assert value == stored == "Tiếng Việt"
    assert unicodedata.is_normalized("NFC", stored)


@pytest.mark.parametrize("bs", BACKSPACES.values(), ids=BACKSPACES.keys())
async def test_an_ime_counting_code_points_changes_a_tone(data_dir: Path, bs: str) -> None:
    """``tieengsf`` in Unicode tổ hợp: to change ế to ề the IME takes back ``ng`` and
    the acute, three code points, and sends the grave; the input shows the NFC ``ế``
    (one character), and three Backspaces must still leave ``tiê``."""
    value, stored = await stored_after(data_dir, f"tie{bs}e\u0302ng{bs}{bs}\u0301ng", f"{bs}{bs}{bs}\u0300ng")
    assert value == stored == "tiềng"


async def test_a_person_s_backspace_still_takes_a_whole_letter(data_dir: Path) -> None:
    """Precomposed letters (Unikey's default): one Backspace, one letter — accents and all."""
    value, stored = await stored_after(data_dir, "tiếng\x7f\x7f\x7f")
    assert value == stored == "ti"


async def test_editing_in_the_middle_is_by_letters(data_dir: Path) -> None:
    """Code-point Backspaces only at the end of what was typed; moved elsewhere, a letter goes."""
    value, stored = await stored_after(data_dir, f"ve{nfd('ệ')}c", "\x1b[D", "\x7f")  # ←, then ⌫ on ệ
    assert value == stored == "vec"


async def test_bracketed_paste_of_nfd_text(data_dir: Path) -> None:
    """Shift+Insert in Windows Terminal (and a mouse paste) arrive as a bracketed paste."""
    value, stored = await stored_after(data_dir, "+ ", f"\x1b[200~{nfd('Thị ủy chỉ đạo')}\x1b[201~", " rõ")
    assert value == "+ Thị ủy chỉ đạo rõ"
    assert stored == "Thị ủy chỉ đạo rõ"


async def test_paste_event_of_several_nfd_lines(data_dir: Path) -> None:
    app = MinutesApp(Archive(data_dir).open(), new=True)
    async with app.run_test() as pilot:
        field = app.screen.query_one(CaptureInput)
        field.post_message(events.Paste(nfd("+ Tỷ lệ đạt 87%\r\n! Còn chậm trễ\n")))
        await pilot.pause()
        await pilot.press("ctrl+q")
    app.archive.close()
    assert [(kind, text) for kind, text, _, _ in reopen_texts(data_dir)] == [
        ("finding", "Tỷ lệ đạt 87%"), ("shortcoming", "Còn chậm trễ")]
    assert all(unicodedata.is_normalized("NFC", text) for _, text, _, _ in reopen_texts(data_dir))


async def test_the_paragraph_editor_takes_ime_bursts_and_composes() -> None:
    """The notice's paragraph editor, the directory and the abbreviations are TextAreas."""

    class Editor(App[None]):
        def compose(self) -> ComposeResult:
            yield ComposedTextArea(id="editor")

    app = Editor()
    async with app.run_test() as pilot:
        area = app.query_one(ComposedTextArea)
        area.focus()
        await pilot.pause()
        await feed(pilot, unikey("\x08") + " Tie\x7fe\u0302ng\x7f\x7f\u0301ng\r")
        await feed(pilot, f"\x1b[200~{nfd('Thị ủy')}\x1b[201~")
        assert area.text == "được được Tiếng\nThị ủy"
        assert unicodedata.is_normalized("NFC", area.text)
