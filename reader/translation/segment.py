"""Arabic sentence segmentation of repaired page text, keeping offsets into the page.

Sentences end at . ! ? ؟ ؛ … (with any closing quote or bracket after them) and at every
block boundary (the page text has one block per line: paragraph, heading, list item, table
row, footnote). A full stop does not end a sentence inside a number (3.5, 26.1.2022), after
a one-letter abbreviation (د. for doctor, م. for metre or year), after a Latin
abbreviation (U.S., e.g., Dr.), after the number that starts a heading or list item, or in
a leader (a table of contents' dots: the entry, its leader and its page are one segment).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from reader.arabic.model import LEADER, BlockSpan

TERMINATORS = set(".!?؟؛…")
CLOSERS = set(")»\"'”’]")
_LATIN_ABBREVIATIONS = {"e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "no", "vol", "p", "pp",
                        "u.s", "u.k", "u.n", "fig", "al", "st", "jr", "vs"}


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into the page text
    end: int
    text: str
    note: bool = False  # from a footnote: translated as a unit of its own


def _word_before(text: str, index: int) -> str:
    start = index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:index]


def _ends_sentence(text: str, i: int) -> bool:
    ch = text[i]
    if ch != ".":
        return True
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isdigit() and after.isdigit():
        return False  # 3.5, 26.1.2022
    line_start = text.rfind("\n", 0, i) + 1
    if text[line_start:i].strip().replace(".", "").isdigit():
        return False  # numbering: "4. التوصيات", "1.2 المنهجية"
    word = _word_before(text, i)
    letters = re.sub(r"[\W\d_]", "", word)
    if len(letters) == 1 and word.isalpha():
        return False  # د. م. J.
    return word.lower().rstrip(".") not in _LATIN_ABBREVIATIONS


def split_sentences(text: str, notes_from: int | None = None,
                    breaks: Collection[int] = frozenset()) -> list[Sentence]:
    """Sentences of ``text``; those starting at or after ``notes_from`` are notes. A
    sentence also ends before each offset in ``breaks`` (where a table cell starts)."""
    sentences: list[Sentence] = []
    start = 0
    i = 0
    n = len(text)

    def emit(end: int) -> None:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(c.isalnum() for c in text[s:e]):
            note = notes_from is not None and s >= notes_from
            sentences.append(Sentence(s, e, text[s:e], note))

    leaders = {m.start(): m.end() for m in LEADER.finditer(text)}
    while i < n:
        ch = text[i]
        if i in leaders:
            i = leaders[i]
            continue
        if i in breaks and i > start:  # a table cell starts here: the one before ends
            emit(i)
            start = i
        if ch == "\n":
            emit(i)
            start = i + 1
        elif ch in TERMINATORS and _ends_sentence(text, i):
            end = i + 1
            while end < n and (text[end] in TERMINATORS or text[end] in CLOSERS):
                end += 1
            if end >= n or text[end].isspace():
                emit(end)
                start = end
                i = end
                continue
        i += 1
    emit(n)
    return sentences


def page_sentences(page_text: str, body_length: int,
                   spans: Sequence[BlockSpan] = ()) -> list[Sentence]:
    """Sentences of a page whose first ``body_length`` characters are the body; each cell
    of a table row (``spans``, from the page model) is a text of its own."""
    breaks = {start for span in spans for start, _end in span.cells[1:]}
    return split_sentences(page_text, notes_from=body_length, breaks=breaks)
