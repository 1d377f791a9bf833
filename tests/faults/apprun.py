"""Drive the real app in a pseudo-terminal: type lines, watch the disk, kill -9.

A line counts as *committed* once its text is on disk, in the meeting's
journal (``<id>.journal``) or its database file (``<id>.json``).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def on_disk(meetings: Path, meeting_id: str) -> tuple[dict, list[dict]]:
    """The meeting's database tables and the journal's ops newer than them, right now.

    Journal records the database already holds (a kill between its replace and
    the journal's truncation) are skipped, as replay skips them. Never raises
    on damaged content (files change under us).
    """
    tables: dict = {}
    seq = 0
    try:
        tables = json.loads((meetings / f"{meeting_id}.json").read_bytes())
        seq = int(tables.get("meta", {}).get("1", {}).get("seq", 0))
    except (OSError, ValueError, AttributeError):
        tables = {}
    try:
        data = (meetings / f"{meeting_id}.journal").read_bytes()
    except OSError:
        data = b""
    ops: list[dict] = []
    for chunk in data.split(b"\n"):
        try:
            record = json.loads(chunk)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("seq", 0) > seq:
            ops += record.get("ops", [])
    return tables if isinstance(tables, dict) else {}, ops


def disk_texts(meetings: Path, meeting_id: str) -> list[str]:
    """Texts of the meeting's lines as the files on disk hold them right now:
    database lines (by position), then journal inserts newer than the database."""
    tables, ops = on_disk(meetings, meeting_id)
    try:
        rows = sorted(tables.get("lines", {}).values(), key=lambda r: r.get("pos", 0))
        texts = [r.get("text", "") for r in rows]
    except (AttributeError, TypeError):
        texts = []
    return texts + [op["line"].get("text", "") for op in ops if op.get("op") == "insert"]


def meeting_ids(meetings: Path) -> set[str]:
    if not meetings.is_dir():
        return set()
    return {p.name[: -len(".json")] for p in meetings.iterdir() if p.name.endswith(".json")}


class AppProcess:
    """``python -m minutes_tui --data DIR [args]`` on a pty of ``cols``×``rows``."""

    def __init__(self, data: Path, *args: str, cols: int = 100, rows: int = 30, env: dict | None = None) -> None:
        self.data = data
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT), **(env or {})}
        full_env.pop("TEXTUAL", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "minutes_tui", "--data", str(data), *args],
            stdin=slave, stdout=slave, stderr=slave, env=full_env, cwd=str(ROOT),
            start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._drain = threading.Thread(target=self._read, daemon=True)
        self._drain.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk
            if len(self.output) > 4_000_000:
                del self.output[:2_000_000]

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def type_line(self, text: str) -> None:
        self.send(text.encode("utf-8") + b"\r")

    def kill9(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self.close()

    def close(self) -> None:
        try:
            os.close(self.master)
        except OSError:
            pass
        self._drain.join(timeout=2)

    def quit(self, timeout: float = 10) -> int:
        self.send(b"\x11")  # ctrl+q
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self.close()


def wait_for(predicate, timeout: float, interval: float = 0.005):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


def start_new_meeting(data: Path, timeout: float = 20) -> tuple[AppProcess, str]:
    """Start ``new``; return the app and the new meeting's id once it takes typing."""
    meetings = data / "meetings"
    before = meeting_ids(meetings)
    app = AppProcess(data, "new")
    created = wait_for(lambda: meeting_ids(meetings) - before, timeout)
    if not created:
        app.kill9()
        raise AssertionError(f"app did not create a meeting: {bytes(app.output[-2000:])!r}")
    (meeting_id,) = created
    wait_ready(app, meetings, meeting_id, timeout)
    return app, meeting_id


PROBE = "khởi đầu"  # no letter that is a key of the meeting list ("n" = new meeting)


def wait_ready(app: AppProcess, meetings: Path, meeting_id: str, timeout: float = 20, *, open_first: bool = False) -> None:
    """Type a probe line until one is committed: the capture input has focus.

    ``open_first``: the app starts on the meeting list; Enter opens the selected
    meeting (an empty Enter in capture records nothing, so repeating it is harmless).
    """
    start = len(disk_texts(meetings, meeting_id))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if open_first:
            app.send(b"\r")
            time.sleep(0.2)
        app.type_line(PROBE)
        if wait_for(lambda: len(disk_texts(meetings, meeting_id)) > start, 0.5):
            # Let any other probe typed before focus land too.
            time.sleep(0.2)
            return
    app.kill9()
    raise AssertionError(f"capture never became ready: {bytes(app.output[-2000:])!r}")


def open_existing(data: Path, meeting_id: str, timeout: float = 20) -> AppProcess:
    """Start on the meeting list (one meeting in ``data``) and open it."""
    app = AppProcess(data)
    wait_ready(app, data / "meetings", meeting_id, timeout, open_first=True)
    return app
