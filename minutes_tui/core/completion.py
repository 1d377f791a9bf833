"""Completion learned from the office's own notes: a small n-gram index over folded words.

The secretary types a meeting's lines faster when the input offers what the
office usually writes next (ghost text she accepts with a key). This module is
the pure part:

* :class:`PhraseModel` counts which word follows each context of up to
  :data:`MAX_CONTEXT` words, the context taken **folded** (no case, accents or
  tone placement, :func:`~minutes_tui.core.text.fold`) and the word kept as it
  was written, so ``giao van phong`` finds ``Giao Văn phòng thị xã``. A line is
  learned as its text words followed by one ``@Owner`` token per owner; a
  start marker per kind (``^task`` …) makes the first words of a task differ
  from those of a finding.
* :func:`suggest` turns the value of the capture input into the value it
  would become if the secretary accepted the offer: the continuation of the
  phrase, an owner after `` @`` (ranked by :func:`frecency`), a deadline after
  `` ^``, a ``/command`` and the value carried over from the last meeting.
  Nothing here changes the record: a suggestion is only a string.

Every lookup costs O(length of the typed context) dictionary reads plus a scan
of one context's followers; nothing walks the whole model on a keystroke.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from minutes_tui.core.text import fold

#: Words of context a prediction looks at (a 4-gram model).
MAX_CONTEXT: Final = 3
#: The longest continuation offered, in words.
MAX_WORDS: Final = 12
#: Prefixes of a word kept for completing a word with no known context.
MIN_PREFIX: Final = 2
MAX_PREFIX: Final = 12
#: Contexts whose ranked followers are kept (the keystroke path's bounded cache).
RANKED_CACHE: Final = 4096
#: Half-life of an owner's or deadline's use, in days, for :func:`frecency`.
HALF_LIFE_DAYS: Final = 120.0

_JOIN: Final = "\x1f"  # joins context words: owner tokens hold spaces
_WORD = re.compile(r"\S+")
_BULLET = re.compile(r"^(?:[-•*–](?:\s+|$))+")
_SIGIL = re.compile(r"^(##+|#|\+|!|>|=)(?=\s|[^\W\d_]|$)\s*", re.UNICODE)
_SIGIL_MARKER: Final = {"+": "finding", "!": "shortcoming", ">": "task", "=": "decision", "#": "section"}


def marker(kind: str) -> str:
    """The start-of-line context of a line of ``kind`` (a :class:`Kind` value, or ``notice``)."""
    return "^" + kind


def line_tokens(text: str, owners: Sequence[str] = ()) -> list[str]:
    """The tokens a line is learned as: its words, then ``@Owner`` per owner."""
    return text.split() + ["@" + owner for owner in owners if owner]


@dataclass
class PhraseModel:
    """Followers of each folded context, with how often each was seen.

    ``followers[context][word] = count``: ``context`` is 1 to
    :data:`MAX_CONTEXT` folded tokens (the first may be a start marker) joined
    by ``\\x1f``; ``word`` is the token as written. ``prefixes`` completes a
    word that no context knows: folded prefix → (count, word) of the most
    frequent word starting so.
    """

    followers: dict[str, dict[str, int]] = field(default_factory=dict)
    prefixes: dict[str, tuple[int, str]] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    tokens: int = 0
    #: Followers of a context ranked by count (word, folded word, count) and their total:
    #: the bounded cache that keeps a keystroke's lookups from scanning whole buckets.
    _ranked: dict[str, tuple[list[tuple[str, str, int]], int]] = field(default_factory=dict, repr=False,
                                                                       compare=False)

    def learn(self, start: str, tokens: Sequence[str], *, prefixes: bool = True) -> None:
        """Count one line: ``start`` is its :func:`marker`, ``tokens`` its :func:`line_tokens`.

        ``prefixes=False`` leaves the word prefixes to one :meth:`index_words`
        after a batch (a tenth of the cost of learning a whole archive)."""
        folded = [start] + [fold(token) for token in tokens]
        followers = self.followers
        for position, token in enumerate(tokens, start=1):
            for size in range(1, MAX_CONTEXT + 1):
                if position - size < 0:
                    break
                key = _JOIN.join(folded[position - size : position])
                if self._ranked:
                    self._ranked.pop(key, None)
                bucket = followers.get(key)
                if bucket is None:
                    followers[key] = {token: 1}
                else:
                    bucket[token] = bucket.get(token, 0) + 1
            count = self.words.get(token, 0) + 1
            self.words[token] = count
            if prefixes:
                self._prefix(folded[position], token, count)
        self.tokens += len(tokens)

    def _prefix(self, key: str, token: str, count: int) -> None:
        for length in range(MIN_PREFIX, min(len(key), MAX_PREFIX) + 1):
            prefix = key[:length]
            best = self.prefixes.get(prefix)
            if best is None or best[0] <= count:
                self.prefixes[prefix] = (count, token)

    def index_words(self) -> None:
        """Rebuild the word prefixes from the word counts (after learning with ``prefixes=False``)."""
        self.prefixes = {}
        for token, count in self.words.items():
            self._prefix(fold(token), token, count)

    # -- lookups ---------------------------------------------------------------------
    def best(self, context: Sequence[str], prefix: str = "", *, min_size: int = 1,
             dominant: bool = False, exact: str = "") -> tuple[str, int] | None:
        """The most frequent follower of the longest known ``context`` (folded
        tokens) whose folded form starts with ``prefix``, and the context size
        used. ``dominant`` asks for a follower seen more than all others
        together (used to extend a phrase past the word being typed); ``exact``,
        a follower that starts with these very letters (case aside)."""
        exact = exact.lower()
        for size in range(min(MAX_CONTEXT, len(context)), min_size - 1, -1):
            ranked = self._ranked_followers(_JOIN.join(context[len(context) - size :]))
            if ranked is None:
                continue
            items, total = ranked
            found: tuple[str, str, int] | None = None
            if not prefix and not exact:
                found = items[0]
            else:
                for item in items:  # most frequent first: the first that fits is the best
                    if item[1].startswith(prefix) and (not exact or item[0][: len(exact)].lower() == exact):
                        found = item
                        break
            if found is None:
                continue
            best_count = found[2]
            if dominant and (best_count * 2 <= total or (size == 1 and best_count < 2)):
                return None  # one word of context must have been seen twice to lead on
            return found[0], size
        return None

    def _ranked_followers(self, key: str) -> tuple[list[tuple[str, str, int]], int] | None:
        ranked = self._ranked.get(key)
        if ranked is None:
            bucket = self.followers.get(key)
            if not bucket:
                return None
            items = sorted(((word, fold(word), count) for word, count in bucket.items()), key=lambda item: -item[2])
            if len(self._ranked) >= RANKED_CACHE:
                self._ranked.clear()
            ranked = self._ranked[key] = (items, sum(bucket.values()))
        return ranked

    def word_for(self, prefix: str) -> str | None:
        """The most frequent word whose folded form starts with ``prefix`` (no context)."""
        if len(prefix) < MIN_PREFIX:
            return None
        found = self.prefixes.get(prefix[:MAX_PREFIX])
        if found is None or not fold(found[1]).startswith(prefix):
            return None
        return found[1]

    def surface(self, context: Sequence[str], folded_word: str) -> str | None:
        """How ``folded_word`` was most often written after ``context``."""
        for size in range(min(MAX_CONTEXT, len(context)), 0, -1):
            ranked = self._ranked_followers(_JOIN.join(context[len(context) - size :]))
            if ranked is None:
                continue
            for word, folded, _count in ranked[0]:
                if folded == folded_word:
                    return word
        return None

    # -- persistence -------------------------------------------------------------------
    def to_dict(self) -> dict[str, object]:
        return {"followers": self.followers, "tokens": self.tokens}

    @classmethod
    def from_lines(cls, lines: Iterable[tuple[str, Sequence[str]]]) -> PhraseModel:
        """A model learned from ``(start marker, tokens)`` pairs, oldest first."""
        model = cls()
        for start, tokens in lines:
            model.learn(start, tokens, prefixes=False)
        model.index_words()
        return model


# -- ranking owners and deadlines -------------------------------------------------------------
def frecency(uses: Iterable[tuple[str, int]], today: int) -> list[str]:
    """Names ranked by how often and how lately they were used.

    ``uses`` holds one ``(name, day)`` per use (``day`` a date ordinal); each
    use weighs ``0.5 ** (age / HALF_LIFE_DAYS)``, so a name used ten times a
    year ago ranks below one used four times last month. Names that fold alike
    count as one, written as most lately used.
    """
    score: dict[str, float] = {}
    written: dict[str, tuple[int, str]] = {}
    for name, day in uses:
        key = fold(name)
        if not key:
            continue
        age = max(today - day, 0)
        score[key] = score.get(key, 0.0) + 0.5 ** (age / HALF_LIFE_DAYS)
        if key not in written or written[key][0] <= day:
            written[key] = (day, name)
    ranked = sorted(score, key=lambda key: (-score[key], key))
    return [written[key][1] for key in ranked]


# -- suggestions for the capture input --------------------------------------------------------
@dataclass(frozen=True)
class Context:
    """What a suggestion may draw on besides the typed value.

    ``kind`` is the tag chosen with a key for the line (a :class:`Kind`
    value, ``note`` when none); ``owners`` and ``deadlines`` are ranked (best
    first); ``commands`` maps a detail command to the values offered for it
    (carried over from the last meeting, not yet in this one), in the order of
    the commands offered after a bare ``/``; ``command_names`` are all the
    commands the input knows.
    """

    model: PhraseModel | None = None
    kind: str = "note"
    owners: Sequence[str] = ()
    deadlines: Sequence[str] = ()
    commands: Mapping[str, Sequence[str]] = field(default_factory=dict)
    command_names: Sequence[str] = ()


@dataclass(frozen=True)
class Suggestion:
    """The value the input would hold once the offer is accepted.

    ``value`` may differ from the typed text before its end only where a word
    typed without accents gets them back (``giao van`` → ``Giao Văn``); such
    words have the same length, so ``value[len(typed):]`` is the ghost text.
    """

    value: str

    def ghost(self, typed: str) -> str:
        return self.value[len(typed) :]

    def rewrites(self, typed: str) -> bool:
        """True when accepting changes some of what was typed (accents restored)."""
        return self.value[: len(typed)] != typed


def suggest(value: str, context: Context) -> Suggestion | None:
    """The suggestion for ``value`` (the whole input, cursor at its end), or None.

    A suggestion always adds text after ``value``, or restores accents of a
    word typed without them: never both nothing and the same text.
    """
    if not value.strip():
        return None
    if value.startswith("/") and not value.startswith("//"):
        return _command(value, context)
    head, kind = _head(value, context.kind)
    at, caret = value.rfind(" @"), value.rfind(" ^")
    if caret > at and caret >= head:
        return _offer(value, value[: caret + 2], _pick(value[caret + 2 :], context.deadlines))
    if at >= head:
        return _owner(value, head, kind, at, context)
    if value.startswith("@", head):
        return None  # "@vp" alone is not an owner trailer
    if context.model is None:
        return None
    return _phrase(value, head, kind, context.model)


def _head(value: str, kind: str) -> tuple[int, str]:
    """Where the line's text starts (after a bullet and a sigil), and its kind."""
    start = 0
    if bullet := _BULLET.match(value):
        start = bullet.end()
    rest = value[start:]
    if rest.startswith("//"):
        return start + 1, kind
    if sigil := _SIGIL.match(rest):
        mark = sigil.group(1)
        return start + sigil.end(), "subsection" if mark.startswith("##") else _SIGIL_MARKER[mark]
    return start, kind


def _offer(value: str, kept: str, choice: str | None) -> Suggestion | None:
    if choice is None:
        return None
    offered = kept + choice
    if offered == value or len(offered) < len(value) or fold(offered[: len(value)]) != fold(value):
        return None
    return Suggestion(offered)


def _pick(typed: str, candidates: Iterable[str]) -> str | None:
    """The first candidate that starts like ``typed`` (folded) and adds to it, or
    gives accents to a word typed without them."""
    key = fold(typed)
    for candidate in candidates:
        if candidate != typed and fold(candidate).startswith(key) and (len(candidate) > len(typed) or _plain(typed)):
            return candidate
    return None


def _plain(word: str) -> bool:
    """Typed without capitals or accents (so the archive's spelling may replace it)."""
    return fold(word) == word


def _command(value: str, context: Context) -> Suggestion | None:
    name, space, rest = value[1:].partition(" ")
    lowered = name.lower()
    if not space:
        names = [*context.commands, *context.command_names]
        for known in names:
            if known.startswith(lowered) and (known != lowered or context.commands.get(known)):
                offered = context.commands.get(known, ())
                tail = " " + offered[0] if offered else " "
                return Suggestion("/" + known + tail) if len(known) >= len(name) else None
        return None
    values = context.commands.get(lowered, ())
    choice = _pick(rest, values)
    if choice is not None:
        return _offer(value, value[: len(name) + 2], choice)
    if context.model is None or not rest.strip():
        return None
    return _phrase(value, len(name) + 2, "/" + lowered, context.model)  # details learned as phrases too


def _owner(value: str, head: int, kind: str, at: int, context: Context) -> Suggestion | None:
    text, *owners = value[head:at].split(" @")
    if not text.strip():
        return None
    typed = value[at + 2 :]
    candidates: list[str] = []
    if context.model is not None:
        tokens = line_tokens(text, [owner.strip() for owner in owners])
        found = context.model.best([marker(kind)] + [fold(token) for token in tokens], fold("@" + typed))
        if found is not None:
            candidates.append(found[0][1:])
    candidates.extend(context.owners)
    return _offer(value, value[: at + 2], _pick(typed, candidates))


def _phrase(value: str, head: int, kind: str, model: PhraseModel) -> Suggestion | None:
    spans = [(match.start(), match.group()) for match in _WORD.finditer(value, head)]
    partial = "" if value[-1:].isspace() or not spans else spans[-1][1]
    done = spans[:-1] if partial else spans
    start = [marker(kind)] + [fold(word) for _, word in done]
    context = list(start)
    key = fold(partial)
    added: list[str] = []
    if partial:
        found = model.best(context, key)
        if found is not None:
            current, size = found
        else:
            word = model.word_for(key)
            if word is None:
                return None
            current, size = word, 0
        if not _plain(partial):  # typed with capitals or accents of its own: keep them
            if current[: len(partial)].lower() != partial.lower():
                found = model.best(context, key, exact=partial)
                if found is None:
                    return None
                current, size = found
            current = partial + current[len(partial) :]
    else:
        found = model.best(context, min_size=min(2, len(context)), dominant=True)
        if found is None:
            return None
        current, size = found
        added.append(current)
    context.append(fold(current))
    while len(added) < MAX_WORDS:
        following = model.best(context, dominant=True)
        if following is None:
            break
        added.append(following[0])
        context.append(fold(following[0]))
    # Words typed without accents in the matched context take the archive's spelling.
    typed = list(value)
    for index in range(max(len(done) - size, 0), len(done)):
        offset, word = done[index]
        if _plain(word):
            spelled = model.surface(start[: index + 1], fold(word))
            if spelled is not None and len(spelled) == len(word):
                typed[offset : offset + len(word)] = list(spelled)
    prefix = "".join(typed)
    if partial:
        offered = prefix[: len(prefix) - len(partial)] + current + "".join(" " + word for word in added)
    else:
        offered = prefix + " ".join(added)
    if offered == value or fold(offered[: len(value)]) != fold(value):
        return None
    return Suggestion(offered)


# -- accepting -------------------------------------------------------------------------------
def accept_word(value: str, suggestion: Suggestion) -> str:
    """``value`` with the next word of ``suggestion`` accepted, and the space after
    it when the suggestion goes on; accents restored as the suggestion has them."""
    offered = suggestion.value
    position = len(value)
    while position < len(offered) and offered[position] == " ":
        position += 1
    end = offered.find(" ", position)
    return offered if end < 0 else offered[: end + 1]
