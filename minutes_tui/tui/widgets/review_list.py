"""The review list: a RowList of meeting lines with outline labels, marks and problems."""

from __future__ import annotations

from rich.text import Text

from minutes_tui.core.model import Kind, Line
from minutes_tui.tui.kinds import KIND_STYLE
from minutes_tui.tui.widgets.line_list import line_prompt
from minutes_tui.tui.widgets.row_list import RowList


def review_prompt(line: Line, label: str, marked: bool, problems: int) -> Text:
    text = Text()
    text.append("● " if marked else "  ", style="bold yellow")  # a span: Text(style=) would colour it all
    if line.kind.is_heading:
        indent = "  " if line.kind is Kind.SUBSECTION else ""
        text.append(f"{indent}{label} {line.text}", style=KIND_STYLE[line.kind])
    else:
        text.append_text(line_prompt(line))
    if problems:
        text.append(f"  ⚠ {problems}", style="bold red")
    return text


class ReviewList(RowList[Line]):
    pass
