"""What one glyph's text is, once normalized: shared by the glyph reader and the repair."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reader.arabic.bidi import N, cluster_class

TATWEEL = "\u0640"
# Invisible characters and justification tatweel: never part of the text.
DROP = frozenset("\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                 "\u2066\u2067\u2068\u2069\ufeff\u00ad\u2060" + TATWEEL)


_SUPERSCRIPT_DIGITS = {ch: str(unicodedata.digit(ch)) for ch in "\u2070\u00b9\u00b2\u00b3"
                       "\u2074\u2075\u2076\u2077\u2078\u2079"}


@lru_cache(maxsize=8192)
def normalize_char(ch: str) -> str:
    """Base letters for presentation forms and ligatures; nothing for invisible characters;
    one plain space for any space. ``ch`` may be several characters (a recovered ligature)."""
    if len(ch) > 1:
        return "".join(normalize_char(c) for c in ch).strip()
    if ch.isspace():
        return " "
    if ch in _SUPERSCRIPT_DIGITS:  # a note call the producer wrote as ¹ ²: the number
        return _SUPERSCRIPT_DIGITS[ch]
    if ch in DROP or (ord(ch) < 0x20):
        return ""
    code = ord(ch)
    # Arabic presentation forms and ligatures, and the Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) that
    # producers write for an English word: stored as drawn, searched as letters.
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF or 0xFB00 <= code <= 0xFB06:
        text = "".join(c for c in unicodedata.normalize("NFKC", ch) if c not in DROP)
        # The isolated forms of marks (a shadda with its vowel as one glyph: ﱡ) decompose
        # to a space and the marks: they are marks of the letter they are drawn on.
        return text.lstrip(" ") if text.startswith(" ") and all(
            unicodedata.combining(c) for c in text[1:]) else text
    return ch


@lru_cache(maxsize=8192)
def is_mark(text: str) -> bool:
    """Only combining marks (harakat and the like): they belong on a letter."""
    return bool(text) and all(unicodedata.combining(c) for c in text)


@lru_cache(maxsize=8192)
def char_info(ch: str) -> tuple[str, str]:
    """A glyph's normalized text and its bidi class (``cluster_class``).

    The class never changes when marks join the glyph: they are NSM, and skipped."""
    text = normalize_char(ch)
    return text, cluster_class(text) if text else N
