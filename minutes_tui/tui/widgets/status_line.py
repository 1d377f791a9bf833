"""One line of messages at the bottom of a meeting screen.

Replaces toasts on the meeting screens: ten ``/set`` lines in a row gave ten
toasts over the details panel. Here each message replaces the last one; an
information message clears itself after a while, a warning or an error stays
until the next message (or until the screen clears it).
"""

from __future__ import annotations

from typing import Any, Final

from textual.timer import Timer
from textual.widgets import Static

#: Seconds an information message stays when the caller gives no timeout.
INFO_SECONDS: Final = 8.0

SEVERITIES: Final = ("information", "warning", "error")


class StatusLine(Static):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", markup=False, **kwargs)
        self._timer: Timer | None = None
        self.message = ""
        self.severity = "information"

    def say(self, message: str, *, severity: str = "information", timeout: float | None = None) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.message, self.severity = message, severity
        self.update(message)
        for name in SEVERITIES:
            self.set_class(name == severity and name != "information", name)
        if severity == "information" and message:
            self._timer = self.set_timer(timeout or INFO_SECONDS, self.clear)

    def clear(self) -> None:
        self.say("")

    def clear_error(self) -> None:
        """Clear the line when it shows an error (the user fixed what it said)."""
        if self.severity == "error":
            self.clear()
