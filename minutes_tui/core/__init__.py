"""The pure core: model, notes-language parser, compiler and text helpers.

Nothing under ``minutes_tui.core`` may import Textual, the store or a renderer
(tests/core/test_purity.py enforces it), so the core can be tested, fuzzed and
reused from scripts without a terminal.
"""
