"""The capture header: what meeting this is, how long it has run, save state."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from minutes_tui.core.clock import running_for
from minutes_tui.core.dates import dmy
from minutes_tui.core.model import Meeting, MeetingDetails, OfficeSettings
from minutes_tui.i18n import tr

#: Fields shown in the details panel, in this order.
PANEL_FIELDS = ("date", "time", "place", "body", "kind", "chair", "attend", "absent", "heard", "concluder", "secretary")


def format_detail(details: MeetingDetails, name: str) -> str:
    value = getattr(details, name)
    if name == "date" and details.meeting_date:
        return dmy(details.meeting_date)
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def format_setting(settings: OfficeSettings, name: str) -> str:
    value = getattr(settings, name)
    return "; ".join(value) if isinstance(value, list) else str(value)


class MeetingHeader(Static):
    """Title, date and place on the left; elapsed time and save state on the right."""

    saved_at: reactive[float | None] = reactive(None)

    def __init__(self, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.meeting = meeting

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh)

    def clock(self) -> str:
        """Time since the meeting started (core.clock); nothing when it is not running."""
        elapsed = running_for(self.meeting, datetime.now())
        if elapsed is None:
            return ""
        seconds = int(elapsed.total_seconds())
        return f"⏱ {seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}  "

    def render(self) -> Text:
        details = self.meeting.details
        parts = [self.meeting.title or tr("details.missing")]
        for name in ("date", "place"):
            if value := format_detail(details, name):
                parts.append(value)
        state = ""
        if self.saved_at is not None:
            state = f"  ● {tr('capture.saved')} {time.strftime('%H:%M:%S', time.localtime(self.saved_at))}"
        right = f"{self.clock()}{len(self.meeting.lines)} ▤{state}"
        left = " · ".join(parts)
        width = max(self.size.width, 1)
        room = max(width - len(right) - 2, 8)
        if len(left) > room:
            left = left[: room - 1] + "…"
        return Text.assemble((left, "bold"), " " * max(width - len(left) - len(right), 1), (right, "dim"))


class DetailsPanel(Static):
    """The meeting details set with ``/date``, ``/place`` … (missing ones marked)."""

    def __init__(self, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.meeting = meeting
        #: Details offered from the last meeting of the body (or a template), shown
        #: where the meeting has none yet; never written without a key.
        self.offered: dict[str, list[str]] = {}

    def offer(self, offered: dict[str, list[str]]) -> None:
        self.offered = offered
        self.refresh()

    def render(self) -> Text:
        text = Text()
        for name in PANEL_FIELDS:
            value = format_detail(self.meeting.details, name)
            text.append(f"{tr('details.' + name)}\n", style="bold")
            if value:
                text.append(f"  {value}\n")
            elif offered := self.offered.get(name):
                text.append(f"  → {'; '.join(offered)}\n", style="dim italic")
            else:
                text.append(f"  /{name} {tr('details.missing')}\n", style="dim italic")
        return text
