"""The notice in the terminal, in print order (a Rich renderable; no Textual, no python-docx)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

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


class PreviewParts(Sequence[RenderableType]):
    """The preview as parts in print order (one per paragraph), each paragraph built
    when first asked for, so a view can render a few at a time and open a
    10,000-line notice (~8,000 paragraphs) without building them all first."""

    def __init__(self, notice: Notice) -> None:
        self.head: list[RenderableType] = [
            _header(notice),
            Text(""),
            Text(notice.title, style="bold", justify="center"),
            Text(notice.summary.text, style="bold", justify="center"),
            Text("────────", justify="center"),
        ]
        self.blocks = [*notice.intro, *notice.body, notice.closing]
        self.signature = _signature(notice)

    def __len__(self) -> int:
        return len(self.head) + len(self.blocks) + 1

    @overload
    def __getitem__(self, index: int) -> RenderableType: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RenderableType]: ...
    def __getitem__(self, index: int | slice) -> RenderableType | Sequence[RenderableType]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError(index)
        if position < len(self.head):
            return self.head[position]
        if position == len(self) - 1:
            return self.signature
        block = self.blocks[position - len(self.head)]
        heading = block.style in (SECTION, SUBSECTION)
        return Padding(Text(block.display, style="bold" if heading else "", justify="full"), (0, 0, 1, 4))


def notice_preview_parts(notice: Notice) -> PreviewParts:
    return PreviewParts(notice)


def render_notice_preview(notice: Notice) -> RenderableType:
    return Group(*notice_preview_parts(notice))
