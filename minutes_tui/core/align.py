"""Align the signed notice with the stored one, paragraph by paragraph, then word by word.

The leader's edits are mostly small: a word changed, a deadline moved, a
paragraph struck out or added. So the two texts are first anchored on the
paragraphs that did not change at all (``difflib`` over whole paragraphs), and
only the stretches between anchors are aligned by similarity: two paragraphs
are the same paragraph, changed, when enough of their words survive
(:data:`SAME_PARAGRAPH`); otherwise one was removed and the other added.
Inside a changed paragraph the words are diffed for the view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Final

SAME = "same"
CHANGED = "changed"
ADDED = "added"
REMOVED = "removed"

#: Share of words two paragraphs must have in common to be one paragraph, edited.
SAME_PARAGRAPH: Final = 0.5


@dataclass(frozen=True)
class WordChange:
    op: str  # "equal", "insert" or "delete"
    text: str


@dataclass(frozen=True)
class ParagraphChange:
    kind: str  # SAME, CHANGED, ADDED or REMOVED
    key: str | None  # the stored paragraph's key (None for a paragraph the leader added)
    old: str  # the stored paragraph ("" when added)
    new: str  # the signed paragraph ("" when removed)
    words: tuple[WordChange, ...] = ()  # the word diff of a CHANGED paragraph


def _normal(text: str) -> str:
    return " ".join(text.split())


def similarity(old: str, new: str) -> float:
    """Share of words in common (difflib's ratio over words)."""
    matcher = SequenceMatcher(None, old.split(), new.split(), autojunk=False)
    if matcher.real_quick_ratio() < SAME_PARAGRAPH or matcher.quick_ratio() < SAME_PARAGRAPH:
        return matcher.quick_ratio()
    return matcher.ratio()


def word_diff(old: str, new: str) -> tuple[WordChange, ...]:
    """The words of ``new`` against ``old``: kept, inserted and deleted runs, in order."""
    before, after = old.split(), new.split()
    changes: list[WordChange] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            changes.append(WordChange("equal", " ".join(before[i1:i2])))
            continue
        if op in ("delete", "replace"):
            changes.append(WordChange("delete", " ".join(before[i1:i2])))
        if op in ("insert", "replace"):
            changes.append(WordChange("insert", " ".join(after[j1:j2])))
    return tuple(changes)


def _gap(stored: Sequence[tuple[str, str]], signed: Sequence[str]) -> list[ParagraphChange]:
    """Align a stretch with no unchanged paragraph: keep order, maximise similarity."""
    n, m = len(stored), len(signed)
    if not n or not m:
        return [ParagraphChange(REMOVED, key, text, "") for key, text in stored] + [
            ParagraphChange(ADDED, None, "", text) for text in signed]
    sim = [[similarity(stored[i][1], signed[j]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = best[i + 1][j + 1] + sim[i][j] if sim[i][j] >= SAME_PARAGRAPH else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    changes: list[ParagraphChange] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and sim[i][j] >= SAME_PARAGRAPH and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            key, old = stored[i]
            changes.append(ParagraphChange(CHANGED, key, old, signed[j], word_diff(old, signed[j])))
            i, j = i + 1, j + 1
        elif i < n and (j == m or best[i][j] == best[i + 1][j]):
            changes.append(ParagraphChange(REMOVED, stored[i][0], stored[i][1], ""))
            i += 1
        else:
            changes.append(ParagraphChange(ADDED, None, "", signed[j]))
            j += 1
    return changes


def align(stored: Sequence[tuple[str, str]], signed: Sequence[str]) -> list[ParagraphChange]:
    """Every stored paragraph ``(key, text)`` and every signed paragraph, matched up in order."""
    stored = [(key, _normal(text)) for key, text in stored]
    signed = [_normal(text) for text in signed]
    matcher = SequenceMatcher(None, [text for _, text in stored], signed, autojunk=False)
    changes: list[ParagraphChange] = []
    i = j = 0
    for block in matcher.get_matching_blocks():  # ends with a zero-size sentinel
        changes += _gap(stored[i : block.a], signed[j : block.b])
        changes += [ParagraphChange(SAME, key, text, text) for key, text in stored[block.a : block.a + block.size]]
        i, j = block.a + block.size, block.b + block.size
    return changes


def summary(changes: Sequence[ParagraphChange]) -> dict[str, int]:
    """How many paragraphs were kept, changed, added and removed."""
    counts = {SAME: 0, CHANGED: 0, ADDED: 0, REMOVED: 0}
    for change in changes:
        counts[change.kind] += 1
    return counts
