"""minutes-tui: live meeting notes to a Vietnamese conclusion notice (Nghị định 30)."""

__version__ = "0.1.0"
