"""SIGHUP (terminal closed), SIGTERM and SIGINT end the app the way Ctrl+Q does.

By default each of them kills the process where it stands: the line being
typed is lost, the meeting is not checkpointed, and (SIGTERM, SIGINT) the
terminal is left in raw mode on the alternate screen. Here the handler only
records the signal and asks the event loop to run :meth:`MinutesApp.exit_on_signal`
— which saves the half-typed line as the meeting's draft, checkpoints every
open meeting and leaves through ``App.exit``, so Textual restores the terminal.

A Python signal handler runs in the main thread between two bytecodes, which
is the event loop's thread but at an arbitrary point of it: it must not touch
the app. ``loop.call_soon_threadsafe`` is the one safe hand-over (it only
writes a byte to the loop's self-pipe). A signal that arrives before the loop
runs is kept and acted on as soon as the app is mounted.
"""

from __future__ import annotations

import asyncio
import signal
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, Final, Protocol

HANDLED: Final = tuple(
    sig for sig in (getattr(signal, "SIGHUP", None), signal.SIGTERM, signal.SIGINT) if sig is not None
)


class SignalTarget(Protocol):
    signal_received: int | None

    def exit_on_signal(self, signum: int) -> None: ...


@dataclass
class ExitOnSignals:
    """Context manager: while the app runs, the signals in :data:`HANDLED` exit it cleanly.

    ``signal`` is the first signal received (None when the app ended otherwise);
    the previous handlers are put back on exit.
    """

    app: SignalTarget
    signal: int | None = None
    _previous: dict[int, Any] = field(default_factory=dict)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.signal is None:
            self.signal = signum
        self.app.signal_received = self.signal
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # not running yet (or any more): the app checks signal_received on mount
        loop.call_soon_threadsafe(self.app.exit_on_signal, signum)

    def __enter__(self) -> ExitOnSignals:
        for sig in HANDLED:
            try:
                self._previous[sig] = signal.signal(sig, self._handle)
            except (OSError, ValueError):  # not the main thread, or not supported here
                continue
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, previous in self._previous.items():
            try:
                signal.signal(sig, previous)
            except (OSError, ValueError):
                pass
        self._previous.clear()


def exit_on_signals(app: SignalTarget) -> ExitOnSignals:
    return ExitOnSignals(app)


__all__ = ["HANDLED", "ExitOnSignals", "SignalTarget", "exit_on_signals"]
