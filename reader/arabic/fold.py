"""Search folding: map Arabic text to a form where spelling variants compare equal.

Used by find (and later by annotation re-anchoring). ``fold_with_map`` keeps, for every
folded character, the index of the source character it came from, so a hit in folded text
maps back to a range of the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

TATWEEL = "\u0640"

# Harakat, Quranic annotation marks and superscript alef: ignored by search.
_MARKS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"} | {
    chr(c) for c in range(0x06D6, 0x06EE)
}
# Bidi controls and zero-width characters carry no letters.
_INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                 "\u2066\u2067\u2068\u2069\ufeff\u00ad")
_LETTER_FOLDS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {
    chr(0x06F0 + i): str(i) for i in range(10)
}


def _fold_char(ch: str) -> str:
    if ch in _MARKS or ch in _INVISIBLE or ch == TATWEEL:
        return ""
    if ch.isspace():
        return " "
    code = ord(ch)
    # Presentation forms (and ligatures such as lam-alef) decompose to base letters.
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "".join(_fold_char(c) for c in unicodedata.normalize("NFKC", ch))
    if ch in _LETTER_FOLDS:
        return _LETTER_FOLDS[ch]
    if ch in _DIGITS:
        return _DIGITS[ch]
    if unicodedata.combining(ch):
        return ""
    return ch.casefold() if ch.isascii() else unicodedata.normalize("NFKC", ch).casefold()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text``; ``index[i]`` is the source index of folded character ``i``.

    Runs of white space become one space; leading white space is dropped.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for piece in _fold_char(ch):
            if piece == " " and (not out or out[-1] == " "):
                continue
            out.append(piece)
            index.append(i)
    return "".join(out), index


def fold(text: str) -> str:
    """Fold ``text`` for comparison (see module docstring)."""
    return fold_with_map(text)[0].strip()


@lru_cache(maxsize=1)
def _search_table() -> dict[int, str | None]:
    """For ``search_key``: combining marks, invisibles and tatweel out; letter and digit
    variants to one form. Built once, on first use (the Basic Multilingual Plane is enough
    for the marks of the scripts Qari reads)."""
    table: dict[int, str | None] = {c: None for c in range(0x10000)
                                    if unicodedata.combining(chr(c))}
    table.update({ord(c): None for c in _MARKS | _INVISIBLE | {TATWEEL}})
    table.update({ord(k): v for k, v in _LETTER_FOLDS.items()})
    table.update({ord(k): v for k, v in _DIGITS.items()})
    return table


def search_key(text: str) -> str:
    """A fast fold for filtering many short texts (annotation quotes and comments): the same
    spirit as ``fold`` (harakat, tatweel, hamza and alef forms, presentation forms, digits,
    case), done with the C string functions. Accents of Latin letters go too. Compare only
    with other ``search_key`` results."""
    decomposed = unicodedata.normalize("NFKD", text).translate(_search_table())
    return " ".join(decomposed.casefold().split())
