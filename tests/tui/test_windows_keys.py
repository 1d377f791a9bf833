"""Keys on a Windows laptop (issue #16).

Windows Terminal keeps F11, Alt+Enter, Ctrl+Shift+letters, Ctrl+Tab and
Alt+arrows for itself: no binding of ours may need them. Bare letters, digits
and ``[`` ``]`` are what Telex and VNI turn into Vietnamese letters (``]`` is ư,
``[`` is ơ): while a text input has the focus, typing them must run no action
anywhere and land in the input; review's ``[``/``]`` move between sections only
from the list.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import threading
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input, TextArea

import minutes_tui.tui
from minutes_tui.services.importing import import_notes
from minutes_tui.store import Archive
from minutes_tui.tui import keymap
from minutes_tui.tui.app import MinutesApp
from minutes_tui.tui.screens.capture import CaptureScreen
from minutes_tui.tui.screens.meetings import MeetingsScreen
from minutes_tui.tui.screens.notice import NoticeScreen
from minutes_tui.tui.screens.review import ReviewScreen
from minutes_tui.tui.widgets.checks_panel import ChecksPanel
from minutes_tui.tui.widgets.review_list import ReviewList
from tests.notes import SAMPLE_SHAPED

ARROWS = {"up", "down", "left", "right"}
#: What Telex and VNI type with (every letter and digit, ``[`` ``]`` ``{`` ``}``), and the
#: signs the notes language uses.
TELEX = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789[]{}?/@+-"


def taken_by_windows_terminal(key: str) -> bool:
    """Keys Windows Terminal (and conhost) act on before an app sees them."""
    *modifiers, base = key.strip().lower().split("+")
    mods = set(modifiers)
    return (
        base == "f11"
        or (base == "enter" and "alt" in mods)
        or (base == "tab" and "ctrl" in mods)
        or ({"ctrl", "shift"} <= mods and len(base) == 1 and base.isalpha())
        or (base in ARROWS and "alt" in mods)
    )


@pytest.mark.parametrize("key", ["f11", "alt+enter", "ctrl+shift+t", "ctrl+shift+C", "ctrl+tab", "ctrl+shift+tab",
                                 "alt+left", "alt+shift+up"])
def test_the_check_knows_the_taken_keys(key: str) -> None:
    assert taken_by_windows_terminal(key)


@pytest.mark.parametrize("key", ["f2", "f6", "alt+1", "ctrl+t", "shift+up", "ctrl+left", "right_square_bracket", "G"])
def test_the_check_lets_free_keys_through(key: str) -> None:
    assert not taken_by_windows_terminal(key)


def _our_binding_classes() -> list[type[DOMNode]]:
    for module in pkgutil.walk_packages(minutes_tui.tui.__path__, "minutes_tui.tui."):
        importlib.import_module(module.name)
    found: list[type[DOMNode]] = [minutes_tui.tui.app.MinutesApp]
    for module_name, module in list(__import__("sys").modules.items()):
        if not module_name.startswith("minutes_tui.tui"):
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == module_name and "BINDINGS" in cls.__dict__:
                found.append(cls)
    return found


def test_no_binding_needs_a_key_windows_terminal_takes() -> None:
    keys = [(key.id, name) for section in keymap.KEYMAP.values() for key in section for name in key.keys.split(",")]
    keys += [(key_id, name) for choice in keymap.TAG_KEYMAPS.values() for key_id, names in choice.items()
             for name in names.split(",")]
    assert len(keys) > 100
    assert [(key_id, name) for key_id, name in keys if taken_by_windows_terminal(name)] == []


def test_every_binding_of_ours_comes_from_the_keymap() -> None:
    """A binding written straight into a class would escape the check above."""
    ids = {key.id for section in keymap.KEYMAP.values() for key in section}
    classes = _our_binding_classes()
    assert len(classes) > 10
    stray = []
    for cls in classes:
        for binding in cls.__dict__["BINDINGS"]:
            if not isinstance(binding, Binding) or binding.id not in ids:
                stray.append(f"{cls.__name__}: {binding}")
    assert stray == []


# -- Telex keys while an input has the focus ------------------------------------------------------
@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    archive = Archive(tmp_path / "data").open()
    import_notes(archive, SAMPLE_SHAPED).store.close()
    return archive


def spy_actions(app: MinutesApp) -> list[str]:
    """Every action a binding runs from now on (Textual runs them through ``App.run_action``)."""
    ran: list[str] = []
    original = app.run_action

    async def run_action(action, default_namespace=None):  # type: ignore[no-untyped-def]
        ran.append(str(action))
        return await original(action, default_namespace)

    app.run_action = run_action  # type: ignore[method-assign]
    return ran


async def type_telex(pilot) -> None:
    """Type every Telex key into the focused input (emptied first); nothing may run."""
    app = pilot.app
    for _ in range(100):  # a screen just pushed focuses its input on its next refresh
        if isinstance(app.focused, (Input, TextArea)):
            break
        await pilot.pause(0.05)
    field = app.focused
    assert isinstance(field, (Input, TextArea)), field
    if isinstance(field, Input):
        field.value = ""
    else:
        field.load_text("")
    stack = [type(screen) for screen in app.screen_stack]
    ran = spy_actions(app)
    await pilot.press(*TELEX)
    assert ran == []
    assert [type(screen) for screen in app.screen_stack] == stack
    assert app.focused is field
    assert (field.value if isinstance(field, Input) else field.text) == TELEX
    del app.run_action  # back to the class's


async def test_telex_in_capture_and_its_details_form(archive: Archive) -> None:
    app = MinutesApp(archive, new=True)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, CaptureScreen)
        await type_telex(pilot)
        app.screen.query_one(Input).value = ""
        await pilot.press("ctrl+o")  # the details form
        await pilot.pause()
        app.screen.query(Input).first().focus()
        await pilot.pause()
        await type_telex(pilot)
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    archive.close()


async def test_telex_in_the_meeting_search_settings_and_directory(archive: Archive) -> None:
    app = MinutesApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("slash")
        await type_telex(pilot)
        await pilot.press("escape", "escape")
        await pilot.press("s")  # settings: a field, then the abbreviations
        await pilot.pause()
        app.screen.query(Input).first().focus()
        await pilot.pause()
        await type_telex(pilot)
        app.screen.query_one("#typing-abbreviations", TextArea).focus()
        await pilot.pause()
        await type_telex(pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")  # the directory
        await pilot.pause()
        app.screen.query_one(TextArea).focus()
        await pilot.pause()
        await type_telex(pilot)
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    archive.close()


async def test_telex_in_review_search_tracker_search_and_paragraph_editor(archive: Archive) -> None:
    app = MinutesApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("slash")
        await pilot.pause()
        await type_telex(pilot)
        await pilot.press("escape")
        await pilot.press("ctrl+l")  # the tracker, and its search
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        await type_telex(pilot)
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("ctrl+n")  # the notice, and its paragraph editor
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await type_telex(pilot)
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    archive.close()


async def test_review_brackets_move_only_from_the_list(archive: Archive) -> None:
    app = MinutesApp(archive)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        review = screen.query_one(ReviewList)
        await pilot.press("right_square_bracket")
        on_list = review.highlighted
        assert on_list not in (None, 0)  # from the list, ] goes to the next section
        await pilot.press("c")  # the checks panel takes the focus
        await pilot.pause()
        assert screen.query_one(ChecksPanel).has_focus
        await pilot.press("right_square_bracket", "right_square_bracket", "left_square_bracket")
        assert review.highlighted == on_list
        await pilot.press("escape")  # back to the list: the keys move again
        await pilot.pause()
        assert review.has_focus
        await pilot.press("right_square_bracket")
        assert review.highlighted not in (None, on_list)
        await pilot.press("ctrl+q")
    archive.close()


async def test_a_list_read_late_does_not_take_the_focus_from_the_search(archive: Archive,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """``/`` and a word typed while a big archive is still being read: the keys stay in the search."""
    release = threading.Event()
    read = archive.list

    def slow_list(*args: object, **kwargs: object) -> object:
        release.wait(10)
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(archive, "list_if_cheap", lambda *args, **kwargs: None)  # a missing index: read on a worker
    monkeypatch.setattr(archive, "list", slow_list)
    app = MinutesApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", "t", "h", "i")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e", "e", "s")
        search = app.screen.query_one("#archive-search", Input)
        assert search.has_focus and search.value == "thiees"
        await pilot.press("ctrl+q")
    archive.close()
