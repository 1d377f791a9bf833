"""A bare Textual app with one Input: the baseline for start-up and memory."""

from textual.app import App
from textual.widgets import Input, Static


class Bare(App):
    def compose(self):
        yield Static("bare-ready")
        yield Input()


if __name__ == "__main__":
    Bare().run()
