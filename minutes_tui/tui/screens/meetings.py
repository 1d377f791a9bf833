"""The meeting list: newest first, with counts of what each meeting produced."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from minutes_tui.core.dates import dmy, parse_date
from minutes_tui.core.model import Kind
from minutes_tui.i18n import tr
from minutes_tui.store import MeetingSummary
from minutes_tui.tui import keymap

COUNT_COLUMNS = (Kind.FINDING, Kind.SHORTCOMING, Kind.TASK, Kind.DECISION)


class MeetingsScreen(Screen[None]):
    BINDINGS = keymap.bindings("meetings")

    def compose(self) -> ComposeResult:
        yield Static(tr("meetings.title"), id="meetings-title")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static(tr("meetings.empty"), id="meetings-empty")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(tr("meetings.col.date"), key="date")
        table.add_column(tr("meetings.col.title"), key="title")
        for kind in COUNT_COLUMNS:
            table.add_column(tr("chip." + kind.value), key=kind.value)
        table.add_column(tr("meetings.col.lines"), key="lines")
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        table = self.query_one(DataTable)
        selected = self.selected_id()
        table.clear()
        summaries = self.app.archive.list()
        for summary in summaries:
            table.add_row(*self._row(summary), key=summary.id)
        self.query_one("#meetings-empty").display = not summaries
        if selected is not None and selected in {s.id for s in summaries}:
            table.move_cursor(row=table.get_row_index(selected))
        table.focus()

    @staticmethod
    def _row(summary: MeetingSummary) -> list[str]:
        parsed = parse_date(summary.date) if summary.date else None
        date = dmy(parsed) if parsed else "—"
        title = summary.title or "—"
        return [date, title, *(str(summary.count(kind)) for kind in COUNT_COLUMNS), str(summary.lines)]

    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_capture()

    def action_open_capture(self) -> None:
        if (meeting_id := self.selected_id()) is not None:
            self.app.open_capture(meeting_id)

    def action_open_review(self) -> None:
        if (meeting_id := self.selected_id()) is not None:
            self.app.switch_meeting_screen(meeting_id, "review")

    def action_open_notice(self) -> None:
        if (meeting_id := self.selected_id()) is not None:
            self.app.switch_meeting_screen(meeting_id, "notice")

    def action_new_meeting(self) -> None:
        self.app.new_meeting()
