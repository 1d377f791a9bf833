"""Vietnamese text helpers: normalisation, cleaning and folding for search.

Three different jobs, kept apart on purpose:

* :func:`nfc` / :func:`clean_line` make what the user typed safe to store: NFC
  (terminals and IMEs may send NFD), no control or invisible formatting
  characters, one line.
* :func:`xml_safe` makes stored text safe to put in a ``.docx`` (XML 1.0 cannot
  hold most C0 controls, U+FFFE/U+FFFF or lone surrogates).
* :func:`fold` is only for comparing: case, accents and tone placement removed,
  so ``Thị uỷ``, ``Thị ủy`` and ``THI UY`` are equal. Output always keeps what
  the user typed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# C0/C1 controls and DEL; tab and newline are handled separately by callers.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Invisible formatting characters that only cause trouble in a notice:
# zero-width space/joiners, bidi marks and embeddings, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffe\uffff]")
# Code points XML 1.0 cannot hold at all (besides the controls above).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (composed) form."""
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """Normalise one line as typed or pasted: NFC, no controls, single spaces.

    Lone surrogates (which cannot be encoded to UTF-8 and would break the
    journal) are replaced with U+FFFD so nothing the user typed vanishes silently.
    """
    text = _SURROGATE.sub("\ufffd", text)
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    text = _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return nfc(text).strip()


def xml_safe(text: str) -> str:
    """Drop the characters an XML 1.0 document cannot contain.

    Removing one can bring a base letter and a combining mark together
    (``y`` U+FFFE U+0309), so the result is composed again.
    """
    cleaned = _XML_INVALID.sub("", text)
    return nfc(cleaned) if len(cleaned) != len(text) else cleaned


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold ``text`` for matching: lower case, no accents or tone marks, đ → d.

    Tone placement (``uỷ`` vs ``ủy``, ``hoà`` vs ``hòa``) disappears with the
    marks, so both spellings fold to the same key. Spaces are collapsed.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d")
    return " ".join(stripped.split())


def ascii_text(text: str) -> str:
    """``Phiên họp Đảng ủy`` → ``Phien hop Dang uy``: no diacritics, case kept (file names
    that provincial e-office systems and every USB stick accept)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.encode("ascii", "ignore").decode("ascii")


def folded_contains(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` ignoring case, accents, tones."""
    return fold(needle) in fold(haystack)


def same_name(a: str, b: str) -> bool:
    """True when two names are the same under folding (``Thị uỷ`` == ``thi Ủy``)."""
    return fold(a) == fold(b)
