"""Hostile text for the fuzz tests: what terminals, IMEs and pastes can send."""

from __future__ import annotations

from hypothesis import strategies as st

HOSTILE_CHARS = [
    "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f",  # controls
    "\ufffe", "\uffff", "\ud800", "\udfff",  # XML-invalid, lone surrogates
    "\u0300", "\u0301", "\u0303", "\u0309", "\u0323",  # lone combining marks (Vietnamese tones)
    "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\u00ad",  # invisible, RTL
    "😀", "👩‍👩‍👧", "🇻🇳", "\U0001F3FD",  # emoji, ZWJ sequences, flags, modifiers
    "\t", "\r", "\n", "\u2028", "\u00a0", "\u3000",
    " @", " ^", "@", "^", "/", "//", "+", "!", ">", "=", "#", "##", "- ", "• ",
]
VIETNAMESE = ["Thị ủy", "Thị uỷ", "UBND", "đồng chí", "Nguyễn Văn A", "phường", "kiểm tra", "quý IV", "31/12/2025"]
NFD = ["Thi\u0323 u\u0309y", "Nguye\u0302\u0303n", "ho\u0300a", "đa\u0302\u0300u tu\u031b"]


def _piece():
    return st.one_of(
        st.sampled_from(HOSTILE_CHARS),
        st.sampled_from(VIETNAMESE),
        st.sampled_from(NFD),
        st.text(max_size=8),
        st.characters(codec="utf-8"),
    )


hostile_text = st.lists(_piece(), max_size=30).map("".join)

#: Text the store is given after capture has cleaned it (no lone surrogates).
storable_text = hostile_text.map(lambda s: s.encode("utf-8", "replace").decode("utf-8"))


def huge_line(draw_size: int = 100_000) -> str:
    return ("Thị ủy giao UBND " * (draw_size // 17 + 1))[:draw_size]


def many_owners(count: int = 3000) -> str:
    return "> Báo cáo tiến độ " + " ".join(f"@Phòng số {i}" for i in range(count)) + " ^31/12/2025"
