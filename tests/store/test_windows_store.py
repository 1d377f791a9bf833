"""The store on Windows, simulated on Linux (issue #16).

Busy files (Defender, the indexer, OneDrive, our own handles), no folder
fsync, text-mode descriptors, no ``pwrite``, no hard links on FAT/exFAT and
SMB, the filelock data-folder lock, and data folders on network shares. The
Windows code paths run here with :class:`tests.store.winsim.WindowsFiles`.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from minutes_tui.core import edits
from minutes_tui.core.model import Kind, Line
from minutes_tui.store import (
    Archive,
    DataLocked,
    MeetingStore,
    files,
    journal,
    lock,
    volumes,
)
from minutes_tui.store.errors import FileBusy, WriteFailed
from minutes_tui.store.files import REPLACE_RETRIES, TEMP_SUFFIX, atomic_write
from tests.store.winsim import ERROR_SHARING_VIOLATION, WindowsFiles


def add(store: MeetingStore, text: str) -> None:
    store.commit([edits.insert(Line(Kind.NOTE, text), len(store.meeting.lines))])


def texts(store: MeetingStore) -> list[str]:
    return [line.text for line in store.meeting.lines]


def busy_error(code: int = ERROR_SHARING_VIOLATION) -> PermissionError:
    error = PermissionError(errno.EACCES, "The process cannot access the file because it is being used by another process")
    error.winerror = code  # type: ignore[attr-defined]
    return error


class FlakyReplace:
    """``os.replace`` refused as Windows refuses it while another program has the file
    open, ``times`` times (None: always); records whether the temp file was there."""

    def __init__(self, times: int | None, code: int = ERROR_SHARING_VIOLATION) -> None:
        self.times = times
        self.code = code
        self.calls = 0
        self.source_present: list[bool] = []
        self.real = os.replace

    def __call__(self, source: object, target: object) -> None:
        self.calls += 1
        self.source_present.append(os.path.exists(source))  # type: ignore[arg-type]
        if self.times is None or self.calls <= self.times:
            raise busy_error(self.code)
        self.real(source, target)  # type: ignore[arg-type]


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr(files, "_sleep", waited.append)
    return waited


# -- os.replace refused while another program holds the file -----------------------------
@pytest.mark.parametrize("code", [5, 32, 33])
def test_replace_is_retried_with_a_growing_delay_until_the_file_is_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float], code: int
) -> None:
    target = tmp_path / "meeting.json"
    target.write_bytes(b"old")
    flaky = FlakyReplace(times=3, code=code)
    monkeypatch.setattr(os, "replace", flaky)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert flaky.calls == 4 and all(flaky.source_present)  # the temp file waited for every try
    assert sleeps == pytest.approx([0.025, 0.05, 0.075])
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))


def test_replace_gives_up_after_about_1_4_s_with_a_message_and_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    target = tmp_path / "meeting.json"
    target.write_bytes(b"old")
    flaky = FlakyReplace(times=None)
    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(FileBusy) as raised:
        atomic_write(target, b"new")
    assert flaky.calls == REPLACE_RETRIES + 1 == 11 and all(flaky.source_present)
    assert len(sleeps) == 10 and sum(sleeps) == pytest.approx(1.375)
    assert isinstance(raised.value, PermissionError)  # callers that catch OSError still do
    assert "meeting.json đang bị một chương trình khác mở" in raised.value.strerror
    assert "trình diệt virus" in raised.value.strerror and "1375 ms" in raised.value.strerror
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))  # given up: the temp file goes


def test_a_permission_error_that_is_not_windows_busy_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    def refused(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")  # Linux: a read-only folder, no winerror

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(PermissionError) as raised:
        atomic_write(tmp_path / "x.json", b"data")
    assert not isinstance(raised.value, FileBusy) and sleeps == []


def test_busy_meeting_file_never_loses_a_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]) -> None:
    folder = tmp_path / "meetings"
    folder.mkdir()
    store = MeetingStore.create(folder)
    add(store, "dòng một")
    store.checkpoint()
    add(store, "dòng hai — đã bấm Enter")
    flaky = FlakyReplace(times=None)
    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(WriteFailed) as raised:
        store.checkpoint()
    assert "đang bị một chương trình khác mở" in str(raised.value)
    assert store.dirty  # the checkpoint is still to do
    add(store, "dòng ba, gõ trong lúc tệp bị giữ")  # Enter still works: the journal takes it
    assert texts(MeetingStore.open(folder, store.id, readonly=True)) == [
        "dòng một", "dòng hai — đã bấm Enter", "dòng ba, gõ trong lúc tệp bị giữ"]
    monkeypatch.setattr(os, "replace", flaky.real)  # Defender let go
    assert store.checkpoint()
    store.close()
    assert texts(MeetingStore.open(folder, store.id)) == [
        "dòng một", "dòng hai — đã bấm Enter", "dòng ba, gõ trong lúc tệp bị giữ"]


async def test_the_app_says_why_the_meeting_file_is_not_updated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               sleeps: list[float]) -> None:
    from minutes_tui.tui.app import MinutesApp
    from minutes_tui.tui.widgets.capture_input import CaptureInput

    app = MinutesApp(Archive(tmp_path / "data").open(), new=True)
    async with app.run_test() as pilot:
        field = app.screen.query_one(CaptureInput)
        field.insert_text_at_cursor("Dòng khi Defender giữ tệp")
        await pilot.press("enter")
        monkeypatch.setattr(os, "replace", FlakyReplace(times=None))
        app.checkpoint_in_background(app.screen.store)
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = app.screen.status.message
        assert said.startswith("Chưa cập nhật được tệp cuộc họp (tệp ") and "đang bị một chương trình khác mở" in said
        assert "ô nhập" not in said  # not the message of a line that failed to record
        monkeypatch.undo()
        await pilot.press("ctrl+q")
    with Archive(tmp_path / "data", readonly=True) as archive:
        assert texts(archive.open_meeting(archive.resolve("last"))) == ["Dòng khi Defender giữ tệp"]


# -- the whole store under Windows' rules ---------------------------------------------------
def test_the_store_works_under_windows_file_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "data"
    win = WindowsFiles(monkeypatch, tmp_path)
    archive = Archive(root).open()
    store = archive.create()
    for n in range(3):
        add(store, f"dòng {n} – Thị uỷ")
    assert archive.checkpoint(store)
    # The journal was rotated although our own handle was open on it: closed first, opened again.
    assert store.journal_path.stat().st_size == 0
    assert [r["seq"] for r in journal.read(journal.prev_path(store.journal_path)).records] == [1, 2, 3]
    add(store, "sau khi xoay nhật ký")
    assert archive.checkpoint(store)
    assert store.backup_path.exists()
    store.save_draft("đang gõ dở")
    archive.save_settings(archive.settings.with_value("signer_name", "Nguyễn Văn A"))
    assert [summary.lines for summary in archive.list()] == [4]
    store.close()
    archive.close()
    assert win.refused == []  # nothing was replaced or deleted while a handle of ours was open
    assert win.text_mode == []  # every data file in binary mode
    assert win.read_only_fsyncs == [] and win.folder_opens == []
    assert win.kernel32.moves and {flags for _s, _t, flags in win.kernel32.moves} == {0x1 | 0x8}  # write-through
    raw = store.path.read_bytes()
    assert b"\r\n" not in raw and "Thị uỷ".encode() in raw
    with Archive(root) as again:
        reopened = again.open_meeting(store.id)
        assert texts(reopened) == ["dòng 0 – Thị uỷ", "dòng 1 – Thị uỷ", "dòng 2 – Thị uỷ", "sau khi xoay nhật ký"]
        assert reopened.draft() == "đang gõ dở" and again.settings.signer_name == "Nguyễn Văn A"
        reopened.close()


def test_journal_without_pwrite_cuts_a_torn_tail_and_appends_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "meetings"
    folder.mkdir()
    WindowsFiles(monkeypatch, tmp_path)
    store = MeetingStore.create(folder)
    add(store, "một")
    store.close()
    with open(store.journal_path, "ab") as handle:
        handle.write(b'{"seq": 2, "t": "do", "ops": [{"op": "ins')  # a kill mid-append
    reopened = MeetingStore.open(folder, store.id)
    add(reopened, "hai")
    assert texts(MeetingStore.open(folder, store.id, readonly=True)) == ["một", "hai"]
    assert b"\r" not in reopened.journal_path.read_bytes()
    reopened.close()


def test_antivirus_holding_the_meeting_file_delays_the_checkpoint_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "data"
    win = WindowsFiles(monkeypatch, tmp_path)
    archive = Archive(root).open()
    store = archive.create()
    add(store, "trước khi quét")
    archive.checkpoint(store)
    add(store, "trong khi Defender quét tệp")
    win.hold(store.path, by="Defender")
    win.on_sleep = lambda count: win.release() if count == 4 else None  # the scan ends after 4 waits
    assert archive.checkpoint(store)
    assert win.sleeps == pytest.approx([0.025, 0.05, 0.075, 0.1])
    assert ("replace", store.backup_path.name + ".bak" + TEMP_SUFFIX) not in win.refused
    assert texts(MeetingStore.open(store.folder, store.id, readonly=True))[-1] == "trong khi Defender quét tệp"
    # Held for good (OneDrive syncing a big file): the line stays safe, the user is told.
    win.sleeps.clear()
    win.on_sleep = None
    add(store, "trong khi OneDrive giữ tệp")
    win.hold(store.path, by="OneDrive")
    with pytest.raises(WriteFailed, match="đang bị một chương trình khác mở"):
        archive.checkpoint(store)
    assert sum(win.sleeps) == pytest.approx(1.375)
    win.release()
    store.close()
    archive.close()
    assert texts(MeetingStore.open(store.folder, store.id, readonly=True))[-1] == "trong khi OneDrive giữ tệp"


def test_a_journal_rotation_refused_on_windows_keeps_every_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,) -> None:
    folder = tmp_path / "meetings"
    folder.mkdir()
    win = WindowsFiles(monkeypatch, tmp_path)
    store = MeetingStore.create(folder)
    add(store, "một")
    store.checkpoint()
    add(store, "hai")
    win.hold(store.journal_path, by="the indexer")  # the journal itself: rotation cannot happen
    assert store.checkpoint()
    assert store.journal_path.stat().st_size > 0  # left whole
    win.release()
    add(store, "ba")  # the journal was opened again after the failed rotation
    assert texts(MeetingStore.open(folder, store.id, readonly=True)) == ["một", "hai", "ba"]
    store.close()


def test_folder_fsync_is_skipped_on_windows_and_the_move_is_write_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = WindowsFiles(monkeypatch, tmp_path)
    files.fsync_dir(tmp_path)
    assert win.folder_opens == []
    atomic_write(tmp_path / "a.json", b"{}")
    (source, target, flags), = win.kernel32.moves
    assert target == str(tmp_path / "a.json") and source.endswith(TEMP_SUFFIX) and flags == 0x9


def test_windows_errors_map_as_python_maps_them() -> None:
    for code in (5, 32, 33):
        error = files.windows_error(code, "a", "b")
        assert isinstance(error, PermissionError) and files.busy(error) and error.filename2 == "b"
    assert not files.busy(files.windows_error(112, "a"))  # disk full: not retried
    assert isinstance(files.windows_error(2, "a"), FileNotFoundError)


# -- no hard links: FAT32/exFAT sticks, SMB shares ------------------------------------------
@pytest.mark.parametrize("refusal", [
    OSError(errno.EPERM, "Operation not permitted"),  # vfat/exfat on Linux
    OSError(errno.EXDEV, "Invalid cross-device link"),
    OSError(errno.EOPNOTSUPP, "Operation not supported"),  # SMB, some FUSE
    files.windows_error(1, "a", "b"),  # ERROR_INVALID_FUNCTION: FAT32/exFAT on Windows
], ids=["EPERM", "EXDEV", "ENOTSUP", "winerror-1"])
def test_backups_and_journal_rotation_copy_where_there_are_no_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refusal: OSError
) -> None:
    def no_links(source: object, target: object) -> None:
        raise refusal

    monkeypatch.setattr(os, "link", no_links)
    folder = tmp_path / "meetings"
    folder.mkdir()
    store = MeetingStore.create(folder)
    add(store, "một")
    store.checkpoint()
    first = store.path.read_bytes()
    add(store, "hai")
    store.checkpoint()
    assert store.backup_path.read_bytes() == first  # the previous version, copied
    assert store.backup_path.stat().st_ino != store.path.stat().st_ino
    assert store.journal_path.stat().st_size == 0  # rotated although no link could be made
    assert [r["seq"] for r in journal.read(journal.prev_path(store.journal_path)).records] == [2]
    assert not list(folder.glob(f"*{TEMP_SUFFIX}"))
    store.close()
    assert texts(MeetingStore.open(folder, store.id)) == ["một", "hai"]


def test_a_failed_copy_leaves_no_half_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "link", lambda *a: (_ for _ in ()).throw(OSError(errno.EPERM, "no links")))
    real_fsync = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the temp file's fsync passes, the backup copy's fails
            raise OSError(errno.EIO, "I/O error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError):
        atomic_write(target, b"new", keep_backup=True)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


# -- the data-folder lock on Windows: filelock on a file of its own --------------------------
def test_windows_lock_is_a_separate_file_that_keeps_a_second_writer_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock, "fcntl", None)
    root = tmp_path / "data"
    with Archive(root) as archive:
        store = archive.create()
        add(store, "một")
        archive.checkpoint(store)
        held = archive._lock
        assert held is not None and held._fallback is not None
        lock_file = Path(held._fallback.lock_file)
        assert lock_file == root / ".lock"
        data_files = {p for p in root.rglob("*") if p.is_file()} - {lock_file, root / ".lock.owner"}
        assert data_files and all(p.name != ".lock" and p.suffix != ".lock" for p in data_files)
        with pytest.raises(DataLocked):
            Archive(root).open()
        assert texts(Archive(root, readonly=True).open().open_meeting(store.id)) == ["một"]  # reading is not locked
        store.close()
    Archive(root).open().close()  # released on close


# -- a data folder on a network share -----------------------------------------------------------
def test_network_mounts_on_linux_are_found_in_proc_mounts() -> None:
    mounts = (
        "/dev/vda1 / ext4 rw 0 0\n"
        "//nas/Van\\040phong /mnt/van\\040phong cifs rw 0 0\n"
        "nas:/export /srv/nfs nfs4 rw 0 0\n"
        "/dev/sdb1 /mnt/van\\040phong/usb vfat rw 0 0\n"
        "tmpfs /mnt/van tmpfs rw 0 0\n"
    )
    where = volumes.mount_network_location
    assert where("/mnt/van phong/data", mounts) == "cifs //nas/Van phong"
    assert where("/mnt/van phong", mounts) == "cifs //nas/Van phong"
    assert where("/srv/nfs/minutes", mounts) == "nfs4 nas:/export"
    assert where("/mnt/van phong/usb/data", mounts) is None  # a local stick mounted inside the share
    assert where("/mnt/vanx/data", mounts) is None  # a prefix of the name is not the mount
    assert where("/home/thu-ky/data", mounts) is None


def test_windows_unc_paths_and_mapped_network_drives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    win = WindowsFiles(monkeypatch, tmp_path)
    win.kernel32.drive_types = {"Z:\\": volumes.DRIVE_REMOTE, "E:\\": 2}  # Z: mapped, E: a USB stick
    where = volumes.windows_network_location
    assert where("\\\\server\\share\\minutes") == "\\\\server\\share"
    assert where("\\\\?\\UNC\\server\\share\\minutes") == "\\\\server\\share"
    assert where("Z:\\minutes-tui") == "Z:"
    assert where("\\\\?\\Z:\\minutes-tui") == "Z:"
    assert where("C:\\Users\\thuky\\AppData\\Local\\minutes-tui") is None
    assert where("E:\\minutes-tui") is None
    # The Archive's own check, through the Windows branch (a POSIX "//host/share" path is a UNC path).
    assert volumes.network_location(Path("//server/share/minutes")) == "//server/share"


def test_archive_on_a_network_share_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "data"
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/vda1 / ext4 rw 0 0\n//nas/hop {tmp_path} cifs rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(volumes, "MOUNTS", mounts)
    with Archive(root) as archive:
        warning, = archive.take_warnings()
    assert "ổ mạng (cifs //nas/hop)" in warning and "máy khác" in warning
    mounts.write_text(f"/dev/vda1 / ext4 rw 0 0\n/dev/sdb1 {tmp_path} ext4 rw 0 0\n", encoding="utf-8")
    with Archive(root) as archive:
        assert archive.take_warnings() == []


def test_settings_file_is_json_utf8_not_the_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    WindowsFiles(monkeypatch, tmp_path)
    with Archive(tmp_path / "data") as archive:
        archive.save_settings(archive.settings.with_value("place_name", "Thị xã Hương Trà"))
    raw = (tmp_path / "data" / "settings.json").read_bytes()
    assert json.loads(raw.decode("utf-8"))["office"]["1"]["place_name"] == "Thị xã Hương Trà"
