"""Full disk, read-only data dir, and a power cut, against the store and the app."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_tui.store import Archive, StoreError
from minutes_tui.store import files as files_mod
from minutes_tui.store import journal as journal_mod
from tests.faults.faultfs import faulty_store

ROOT = Path(__file__).resolve().parents[2]


# -- the app with an injected ENOSPC / EROFS / EIO ---------------------------------------
async def test_error_message_does_not_crash_the_app(tmp_path: Path, monkeypatch) -> None:
    from minutes_tui.tui.app import MinutesApp

    app = MinutesApp(Archive(tmp_path / "data").open(), new=True)
    with faulty_store(monkeypatch) as fake:
        async with app.run_test() as pilot:
            await pilot.pause()
            fake.fail("pwrite")
            await _type(pilot, "Dòng khi đĩa đầy")
            assert app.is_running and app.return_code is None
            assert app.screen.query_one("#capture-input").value == "Dòng khi đĩa đầy"
            await pilot.press("ctrl+q")
    app.archive.close()


async def _type(pilot, text: str) -> None:
    field = pilot.app.screen.query_one("#capture-input")
    field.value = text
    await pilot.press("enter")
    await pilot.pause()


def _message(app) -> str:
    return str(app.screen.query_one("#status-line").render())


def _lines(data: Path, meeting_id: str) -> list[str]:
    with Archive(data) as archive:
        store = archive.open_meeting(meeting_id)
        texts = [line.text for line in store.meeting.lines]
        store.close()
    return texts


@pytest.mark.parametrize(
    "names, code, partial",
    [
        (("pwrite",), errno.ENOSPC, False),
        (("pwrite",), errno.ENOSPC, True),  # half the record reached the disk
        (("fsync",), errno.EIO, False),  # the write went through, the fsync failed
        (("pwrite", "fsync", "write"), errno.EROFS, False),  # remounted read-only under us
    ],
)
async def test_enter_on_failing_disk_keeps_the_line(tmp_path: Path, monkeypatch, names, code, partial) -> None:
    from minutes_tui.tui.app import MinutesApp

    data = tmp_path / "data"
    app = MinutesApp(Archive(data).open(), new=True)
    with faulty_store(monkeypatch) as fake:
        async with app.run_test() as pilot:
            await pilot.pause()
            store = app.screen.store
            await _type(pilot, "Dòng một trước sự cố")
            size = store.journal_path.stat().st_size
            fake.fail(*names, code=code)
            fake.partial = partial
            for _attempt in range(3):  # Enter again and again while the disk refuses
                await _type(pilot, "Dòng hai khi đĩa đầy")
                field = app.screen.query_one("#capture-input")
                assert field.value == "Dòng hai khi đĩa đầy", "the line left the input although it was not saved"
                assert os.strerror(code) in _message(app), _message(app)
                assert [l.text for l in store.meeting.lines] == ["Dòng một trước sự cố"]
                assert store.journal_path.stat().st_size == size, "a failed append left bytes in the journal"
            fake.clear()
            await pilot.press("enter")  # the same text, still in the input
            await pilot.pause()
            assert app.screen.query_one("#capture-input").value == ""
            assert "error" not in app.screen.query_one("#status-line").classes
            await _type(pilot, "Dòng ba sau khi dọn đĩa")
            meeting_id = store.id
            await pilot.press("ctrl+q")
        app.archive.close()
    read = journal_mod.read(store.journal_path)
    assert read.damaged == 0 and not read.torn
    assert _lines(data, meeting_id) == ["Dòng một trước sự cố", "Dòng hai khi đĩa đầy", "Dòng ba sau khi dọn đĩa"]


def test_checkpoint_on_full_disk_keeps_journal(tmp_path: Path, monkeypatch) -> None:
    """The background fold fails: the journal still holds every line, no temp file is left."""
    data = tmp_path / "data"
    with faulty_store(monkeypatch) as fake:
        archive = Archive(data).open()
        store = archive.create()
        from minutes_tui.core import edits
        from minutes_tui.core.model import Kind, Line

        for i in range(5):
            store.commit([edits.insert(Line(Kind.NOTE, f"dòng {i}"), i)])
        fake.fail("write")
        with pytest.raises(StoreError) as caught:
            archive.checkpoint(store)
        assert "No space left" in str(caught.value)
        assert not [p for p in store.folder.iterdir() if p.name.endswith(files_mod.TEMP_SUFFIX)]
        assert store.journal_path.stat().st_size > 0
        store.commit([edits.insert(Line(Kind.NOTE, "dòng 5"), 5)])  # capture goes on
        fake.clear()
        store.close()
        archive.close()
    assert _lines(data, store.id) == [f"dòng {i}" for i in range(6)]


# -- a real small filesystem -----------------------------------------------------------
def _can_mount() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount")


@pytest.fixture
def small_fs(tmp_path: Path):
    if not _can_mount():
        pytest.skip("needs root and mount(8) for a real tmpfs")
    mount_point = tmp_path / "fs"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(mount_point)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"mount failed: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def _fill(path: Path) -> Path:
    filler = path / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


async def test_real_full_tmpfs(small_fs: Path) -> None:
    from minutes_tui.tui.app import MinutesApp

    data = small_fs / "data"
    app = MinutesApp(Archive(data).open(), new=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        store = app.screen.store
        await _type(pilot, "Khai mạc hội nghị")
        filler = _fill(small_fs)
        typed = ["Khai mạc hội nghị"]
        for i in range(40):  # the journal's last page fills up, then Enter fails
            text = f"Dòng {i} gõ khi đĩa sắp đầy " + "x" * 400
            await _type(pilot, text)
            if app.screen.query_one("#capture-input").value:
                break
            typed.append(text)
        else:
            pytest.fail("the disk never filled up")
        assert app.screen.query_one("#capture-input").value == text
        assert "No space left" in _message(app)
        # While full: the CLI still lists the meeting (read-only path)
        listed = subprocess.run([sys.executable, "-m", "minutes_tui", "--data", str(data), "list"],
                                capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
        filler.unlink()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#capture-input").value == ""
        typed.append(text)
        meeting_id = store.id
        await pilot.press("ctrl+q")
    app.archive.close()
    assert _lines(data, meeting_id) == typed


# -- a read-only data dir -----------------------------------------------------------------
def _cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minutes_tui", "--data", str(data), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=60, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def _one_clear_line(done: subprocess.CompletedProcess) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("minutes-tui: "), done.stderr


def test_read_only_data_dir(small_fs: Path) -> None:
    from minutes_tui.services.importing import import_notes

    data = small_fs / "data"
    with Archive(data) as archive:
        store = import_notes(archive, "# Mở đầu\n+ Đã hoàn thành kế hoạch\n> Báo cáo @Văn phòng ^30/11").store
        meeting_id = store.id
        store.close()
    remount = subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], capture_output=True)
    if remount.returncode != 0:
        pytest.skip(f"remount read-only failed: {remount.stderr.decode(errors='replace').strip()}")
    _one_clear_line(_cli(data, "new"))
    _one_clear_line(_cli(data))
    _one_clear_line(_cli(data, "import", str(ROOT / "minutes_tui" / "demo" / "demo_meeting.txt")))
    listed = _cli(data, "list")
    assert listed.returncode == 0, listed.stderr
    assert meeting_id in listed.stdout and "Traceback" not in listed.stderr
    with Archive(data, readonly=True) as archive:
        assert [l.text for l in archive.open_meeting(meeting_id).meeting.lines] == [
            "Mở đầu", "Đã hoàn thành kế hoạch", "Báo cáo"]


def test_read_only_data_dir_injected(tmp_path: Path, monkeypatch, capsys) -> None:
    """Without root: os.open refuses writes under the data dir with EROFS."""
    from minutes_tui import cli

    data = tmp_path / "data"
    with Archive(data) as archive:
        archive.create().close()
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if str(path).startswith(str(data)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    assert cli.main(["--data", str(data), "new"]) == cli.EXIT_FAILURE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("minutes-tui: ") and "Read-only" in err, err


# -- power cut: only what was fsync'd survives ---------------------------------------------
class DurableModel:
    """What a power cut would leave: file data as of each inode's last fsync,
    directory entries as of each directory's last fsync."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data: dict[int, bytes] = {}  # inode → bytes at its last fsync
        self.entries: dict[str, dict[str, tuple[int, bool]]] = {}  # dir → name → (inode, is_dir)
        self.states: list[tuple[int, dict[str, bytes | None]]] = []
        self.returned = 0  # operations whose call had returned when the state was taken
        for directory in [root, *[p for p in root.rglob("*") if p.is_dir()]] if root.exists() else []:
            self._sync_dir(directory)
            for entry in os.scandir(directory):
                if entry.is_file(follow_symlinks=False):
                    self.data[entry.inode()] = Path(entry.path).read_bytes()

    def _sync_dir(self, directory: Path) -> None:
        self.entries[str(directory)] = {
            e.name: (e.inode(), e.is_dir(follow_symlinks=False)) for e in os.scandir(directory)
        }

    def synced(self, fd: int) -> None:
        st = os.fstat(fd)
        path = os.readlink(f"/proc/self/fd/{fd}")
        if os.path.isdir(path):
            self._sync_dir(Path(path))
        else:
            with open(f"/proc/self/fd/{fd}", "rb") as handle:  # the fd may be write-only
                self.data[st.st_ino] = handle.read()
        self.states.append((self.returned, self.state()))
        # Metadata ahead of data (renames and new names persisted, file data only as of its fsync).
        self.states.append((self.returned, self.state(live=True)))

    def state(self, live: bool = False) -> dict[str, bytes | None]:
        """Relative path → bytes (None for a directory) reachable from the root."""
        out: dict[str, bytes | None] = {}

        def listing(directory: str) -> dict[str, tuple[int, bool]]:
            if not live:
                return self.entries.get(directory, {})
            return {e.name: (e.inode(), e.is_dir(follow_symlinks=False)) for e in os.scandir(directory)}

        def walk(directory: str, rel: str) -> None:
            for name, (inode, is_dir) in listing(directory).items():
                sub = f"{rel}{name}"
                if is_dir:
                    out[sub] = None
                    walk(os.path.join(directory, name), sub + "/")
                else:
                    out[sub] = self.data.get(inode, b"")  # never fsync'd: its data is lost

        walk(str(self.root), "")
        return out


def _restore(state: dict[str, bytes | None], target: Path) -> None:
    target.mkdir(parents=True)
    for rel, content in sorted(state.items()):
        path = target / rel
        if content is None:
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)


def test_power_cut_at_every_fsync(tmp_path: Path, monkeypatch) -> None:
    from minutes_tui.core import edits
    from minutes_tui.core.model import Kind, Line

    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    model = DurableModel(data)
    real_fsync, real_fdatasync = os.fsync, os.fdatasync

    def fsync(fd):
        real_fsync(fd)
        model.synced(fd)

    def fdatasync(fd):
        real_fdatasync(fd)
        model.synced(fd)

    with faulty_store(monkeypatch) as fake:
        monkeypatch.setattr(fake, "fsync", fsync, raising=False)
        monkeypatch.setattr(fake, "fdatasync", fdatasync, raising=False)
        monkeypatch.setattr(journal_mod, "_sync", fdatasync)
        expected: list[list[str]] = [[]]  # texts after each returned operation
        archive = Archive(data).open()
        store = archive.create()
        meeting_id = store.id

        def done(texts: list[str]) -> None:
            expected.append(texts)
            model.returned = len(expected) - 1

        texts: list[str] = []
        done([])  # the meeting exists
        for i in range(30):
            if i % 7 == 6:
                store.undo()
                texts = texts[:-1]
            elif i % 7 == 0 and i:
                store.redo() if store.history.redo else None
                texts = [l.text for l in store.meeting.lines]
            else:
                text = f"Dòng {i} — Thị ủy giao UBND"
                owners = [f"Phòng {i % 4}"] if i % 2 else []  # folds then also save the owner directory
                store.commit([edits.insert(Line(Kind.TASK, text, owners), len(store.meeting.lines))])
                texts = texts + [text]
            assert texts == [l.text for l in store.meeting.lines]
            done(list(texts))
            if i % 5 == 4:
                archive.checkpoint(store)
                done(list(texts))
        store.close()
        archive.close()
    assert len(model.states) > 80
    for number, (returned, state) in enumerate(list(model.states)):  # opening below may fsync too
        target = tmp_path / f"cut-{number}"
        _restore(state, target)
        meetings = target / "meetings" / f"{meeting_id}.json"
        if returned == 0 and not meetings.exists():
            continue  # cut before the meeting was created: nothing was promised
        with Archive(target) as archive:
            listed = {s.id for s in archive.list()}
            assert meeting_id in listed, f"cut {number}: meeting missing from the list"
            got = [l.text for l in archive.open_meeting(meeting_id).meeting.lines]
            assert not archive.warnings, f"cut {number}: {archive.warnings}"
        allowed = [expected[returned]] + ([expected[returned + 1]] if returned + 1 < len(expected) else [])
        assert got in allowed, f"cut {number} (after {returned} ops): {got[-3:]!r} not in {[a[-3:] for a in allowed]}"


def test_reopen_after_kill_on_full_disk(small_fs: Path) -> None:
    """Killed with lines only in the journal, restarted on a full disk: the meeting still
    opens with every line (replay cannot be folded yet); Enter fails clearly; after space
    is freed everything is written."""
    from minutes_tui.core import edits
    from minutes_tui.core.model import Kind, Line

    data = small_fs / "data"
    with Archive(data) as archive:
        store = archive.create()
        for i in range(3):
            store.commit([edits.insert(Line(Kind.NOTE, f"dòng {i}"), i)])
        meeting_id = store.id
        store._journal.close()  # killed: nothing folded
        store._journal = store._db = None
    filler = _fill(small_fs)
    with Archive(data) as archive:
        assert [s.id for s in archive.list()] == [meeting_id]
        store = archive.open_meeting(meeting_id)
        assert [l.text for l in store.meeting.lines] == ["dòng 0", "dòng 1", "dòng 2"]
        with pytest.raises(StoreError):
            for i in range(3, 200):  # the journal's last page fills up
                store.commit([edits.insert(Line(Kind.NOTE, f"dòng {i} " + "x" * 300), i)])
        committed = [l.text for l in store.meeting.lines]
        filler.unlink()
        store.close()
    assert _lines(data, meeting_id) == committed


def test_reopen_after_kill_with_injected_enospc(tmp_path: Path, monkeypatch) -> None:
    """Same as above without root: the replay's fold fails with ENOSPC; the meeting opens anyway."""
    from minutes_tui.core import edits
    from minutes_tui.core.model import Kind, Line

    data = tmp_path / "data"
    with Archive(data) as archive:
        store = archive.create()
        for i in range(3):
            store.commit([edits.insert(Line(Kind.NOTE, f"dòng {i}"), i)])
        meeting_id = store.id
        store._journal.close()  # killed: nothing folded
        store._journal = store._db = None
    with faulty_store(monkeypatch) as fake:
        fake.fail("write")
        with Archive(data) as archive:
            store = archive.open_meeting(meeting_id)
            assert [l.text for l in store.meeting.lines] == ["dòng 0", "dòng 1", "dòng 2"]
            assert any("nhật ký" in w for w in store.warnings)
            store.commit([edits.insert(Line(Kind.NOTE, "dòng 3"), 3)])  # the journal still takes lines
            fake.clear()
            store.close()
    assert _lines(data, meeting_id) == ["dòng 0", "dòng 1", "dòng 2", "dòng 3"]


def _screen_text(raw: bytes) -> str:
    import re

    return re.sub(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z]|[=>])", b"", raw).decode("utf-8", "replace")


def test_real_app_on_a_full_tmpfs(small_fs: Path) -> None:
    """The real app in a pseudo-terminal: the disk fills, Enter shows the error and keeps the
    line; space is freed, Enter again saves it; Ctrl+Q exits cleanly; nothing is lost."""
    from tests.faults.apprun import disk_texts, start_new_meeting, wait_for

    data = small_fs / "data"
    app, meeting_id = start_new_meeting(data)
    meetings = data / "meetings"
    try:
        app.type_line("Khai mạc")
        assert wait_for(lambda: "Khai mạc" in disk_texts(meetings, meeting_id), 5)
        filler = _fill(small_fs)
        saved = None
        for i in range(40):  # fill the journal's last page
            text = f"Dòng {i} " + "y" * 400
            before = len(app.output)
            app.type_line(text)
            if not wait_for(lambda: text in disk_texts(meetings, meeting_id), 1.5):
                saved = text
                break
        assert saved, "the disk never filled up"
        assert wait_for(lambda: "No space left" in _screen_text(bytes(app.output[before:])), 5), \
            _screen_text(bytes(app.output[-3000:]))
        assert app.proc.poll() is None
        filler.unlink()
        app.send(b"\r")  # the line is still in the input
        assert wait_for(lambda: saved in disk_texts(meetings, meeting_id), 5)
        code = app.quit()
    finally:
        if app.proc.poll() is None:
            app.kill9()
    assert code == 0
    texts = _lines(data, meeting_id)
    assert texts[-1] == saved and "Khai mạc" in texts


@pytest.mark.parametrize("typed, unchanged", [
    ("/alias bt Ban Tuyên giáo", lambda archive: "bt" not in archive.directory.aliases),
    ("/set signer_name Người Khác", lambda archive: archive.settings.signer_name == ""),
])
async def test_set_and_alias_on_a_full_disk_take_no_effect(tmp_path: Path, monkeypatch, typed, unchanged) -> None:
    # They once changed memory before the write: refused by the disk, they still took effect.
    from minutes_tui.tui.app import MinutesApp

    app = MinutesApp(Archive(tmp_path / "data").open(), new=True)
    with faulty_store(monkeypatch) as fake:
        async with app.run_test() as pilot:
            await pilot.pause()
            fake.fail("write")
            await _type(pilot, typed)
            assert unchanged(app.archive)
            assert app.screen.query_one("#capture-input").value == typed  # kept to try again
            fake.clear()
            await pilot.press("ctrl+q")
    app.archive.close()
    with Archive(tmp_path / "data", readonly=True) as reopened:
        assert unchanged(reopened)
