"""The colours of the kinds of line: one table for the Rich styles of the rows
and the CSS of the capture prompt.

The stylesheet never names a colour for a kind: it uses the variables
``$kind-<kind>`` and ``$kind-<kind>-text`` that the app defines from this
table (``MinutesApp.get_theme_variable_defaults``).
"""

from __future__ import annotations

from typing import Final

from minutes_tui.core.model import Kind

#: (background, text) of the chip of each tag, as hex so Rich and Textual read them alike.
KIND_COLOURS: Final[dict[Kind, tuple[str, str]]] = {
    Kind.FINDING: ("#2e8b3d", "#000000"),
    Kind.SHORTCOMING: ("#e0782b", "#000000"),
    Kind.TASK: ("#2f5fd0", "#ffffff"),
    Kind.DECISION: ("#a33ea8", "#ffffff"),
}

#: Rich style of the chip (and of headings) in the line lists.
KIND_STYLE: Final[dict[Kind, str]] = {
    **{kind: f"bold {text} on {background}" for kind, (background, text) in KIND_COLOURS.items()},
    Kind.NOTE: "dim",
    Kind.SECTION: "bold reverse",
    Kind.SUBSECTION: "bold underline",
}


def kind_css_variables() -> dict[str, str]:
    """``kind-task`` → background, ``kind-task-text`` → text, for each tag."""
    variables: dict[str, str] = {}
    for kind, (background, text) in KIND_COLOURS.items():
        variables[f"kind-{kind.value}"] = background
        variables[f"kind-{kind.value}-text"] = text
    return variables
