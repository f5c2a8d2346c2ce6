"""Persian, Urdu and Pashto letter forms that fonts write into Arabic text.

Many fonts draw Arabic yeh, kaf and heh with the glyphs of Persian yeh (ی), keheh (ک), heh
doachashmee (ھ) or heh goal (ہ), and their Unicode maps give those letters: the Arabic
text then no longer matches a search, a dictionary or a translation model. Persian fonts
draw the Arabic-Indic digits (٤٥٦) with the Persian ones (۴۵۶) and map them so. On a page
that uses none of the letters only Persian, Urdu or Pashto have (پ چ ژ گ ٹ ڈ ڑ ں ے, ټ ډ ړ
ښ ګ), they are folded back to the Arabic letters and digits; in Persian, Urdu and Pashto
text they stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Letters only Persian, Urdu or Pashto write (پ چ ژ گ ٹ ڈ ڑ ں ے ۓ; Pashto's ټ ډ ړ ږ ښ ګ ڼ ۍ).
PERSIAN_ONLY = frozenset("\u067e\u0686\u0698\u06af\u0679\u0688\u0691\u06ba\u06d2\u06d3"
                         "\u067c\u0689\u0693\u0696\u069a\u06ab\u06bc\u06cd")
_PERSIAN_DIGITS = "".join(chr(c) for c in range(0x06F0, 0x06FA))
# ې (a yeh with its dots one above the other) is Pashto's E; Arabic fonts draw a yeh so
# where its dots have no room (Amiri's يبين), and a map read back from the font gives ې.
SUBSTITUTES = frozenset("\u06cc\u06a9\u06be\u06c1\u06d0" + _PERSIAN_DIGITS)
_ARABIC_LETTERS = "\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06fa-\u06ff"
# A Persian yeh ending a word is drawn dotless, as Arabic alef maksura is; inside a word it
# has its dots, as Arabic yeh does. Marks after it do not end the word.
_FINAL_YEH = re.compile(f"\u06cc(?=[\u064b-\u065f\u0670]*(?:[^{_ARABIC_LETTERS}\u064b-\u065f"
                        f"\u0670]|$))")
_FOLDS = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06be": "\u0647",
                        "\u06c1": "\u0647", "\u06d0": "\u064a"}
                       | {d: chr(0x0660 + i) for i, d in enumerate(_PERSIAN_DIGITS)})


def folds_persian_forms(texts: Iterable[str]) -> bool:
    """Should this page's Persian letter forms be read as Arabic letters?"""
    every = "".join(texts)
    return not SUBSTITUTES.isdisjoint(every) and PERSIAN_ONLY.isdisjoint(every)


def fold_persian_forms(text: str) -> str:
    """The Arabic letters for Persian forms; the same length (boxes stay aligned)."""
    return _FINAL_YEH.sub("\u0649", text).translate(_FOLDS)
