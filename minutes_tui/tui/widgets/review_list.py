"""The review list: every line with its outline label, selection mark and problems.

Changing one line re-renders one row: the option's prompt is swapped and only
its cached strips are dropped (``OptionList.replace_option_prompt`` would clear
every cache and re-measure all 2,000 rows).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from minutes_tui.core.model import Line
from minutes_tui.tui.widgets.line_list import line_prompt


def review_prompt(line: Line, label: str, marked: bool, problems: int) -> Text:
    text = Text("● " if marked else "  ", style="bold yellow")
    if line.kind.is_heading:
        indent = "" if label[:-1].isdigit() else "  "
        text.append(f"{indent}{label} {line.text}", style="bold reverse" if not indent else "bold underline")
    else:
        text.append_text(line_prompt(line))
    if problems:
        text.append(f"  ⚠ {problems}", style="bold red")
    return text


class ReviewList(OptionList):
    def show(self, lines: list[Line], labels: dict[str, str], marked: set[str], problems: dict[str, int]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(
            Option(review_prompt(line, labels.get(line.id, ""), line.id in marked, problems.get(line.id, 0)), id=line.id)
            for line in lines
        )
        if self.option_count:
            self.highlighted = min(highlighted or 0, self.option_count - 1)

    def update_row(self, line: Line, label: str, marked: bool, problems: int) -> None:
        """Re-render the row of ``line`` only (when it is shown)."""
        try:
            index = self.get_option_index(line.id)
        except Exception:
            return  # filtered out
        option = self.get_option_at_index(index)
        old_height = self._line_cache.heights.get(index)
        option._set_prompt(review_prompt(line, label, marked, problems))
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        padding = self.get_component_styles("option-list--option").padding
        new_height = self._get_visual(option).get_height(self.styles, width - padding.width)
        if old_height is None or new_height != old_height:
            self._clear_caches()  # the row grew or shrank: re-measure everything once
            return
        cache = self._option_render_cache
        for key in [key for key in cache.keys() if key[0] is option]:
            cache.discard(key)
        self.refresh()

    @property
    def current_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id
