"""The notice in the terminal, in print order (a Rich renderable; no Textual, no python-docx)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from minutes_tui.core.letterhead import NATIONAL_MOTTO
from minutes_tui.core.notice import SECTION, SUBSECTION, Notice

SIGNATURE_ROOM_ROWS = 4


def _header(notice: Notice) -> Table:
    table = Table.grid(expand=True)
    table.add_column(justify="center", ratio=2)
    table.add_column(justify="center", ratio=3)
    left = Text()
    if notice.parent_body:
        left.append(notice.parent_body + "\n")
    left.append(notice.issuer, style="bold")
    left.append("\n────────\n")
    left.append(notice.number)
    right = Text()
    right.append(NATIONAL_MOTTO[0] + "\n", style="bold")
    right.append(NATIONAL_MOTTO[1], style="bold")
    right.append("\n──────────────────────\n")
    right.append(notice.place_date, style="italic")
    table.add_row(left, right)
    return table


def _signature(notice: Notice) -> Table:
    table = Table.grid(expand=True)
    table.add_column(ratio=1)
    table.add_column(justify="center", ratio=1)
    left = Text("Nơi nhận:\n", style="bold italic")
    for name in notice.recipients:
        left.append(f"- {name};\n")
    left.append(f"- {notice.archive}.")
    right = Text()
    for line in [*notice.authority, notice.signer_title]:
        if line:
            right.append(line + "\n", style="bold")
    right.append("\n" * SIGNATURE_ROOM_ROWS)  # the e-office's signature and seal go here
    right.append(notice.signer_name, style="bold")
    table.add_row(left, right)
    return table


def notice_preview_parts(notice: Notice) -> list[RenderableType]:
    """The preview as a list of parts in print order (one per paragraph), so a view can
    render them a few at a time: a 10,000-line notice is ~8,000 paragraphs."""
    parts: list[RenderableType] = [
        _header(notice),
        Text(""),
        Text(notice.title, style="bold", justify="center"),
        Text(notice.summary.text, style="bold", justify="center"),
        Text("────────", justify="center"),
    ]
    for block in [*notice.intro, *notice.body, notice.closing]:
        heading = block.style in (SECTION, SUBSECTION)
        parts.append(Padding(Text(block.display, style="bold" if heading else "", justify="full"), (0, 0, 1, 4)))
    parts.append(_signature(notice))
    return parts


def render_notice_preview(notice: Notice) -> RenderableType:
    return Group(*notice_preview_parts(notice))
