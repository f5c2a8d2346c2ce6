"""The translator's fixes of the Arabic source: a segment's text corrected, two segments
joined, one split in two. Kept per document (in the translations database), they survive
restarts and are placed again after a re-extraction the way annotations are: by the quote
they replaced, near where it was, never dropped (a fix whose quote is gone is listed).

A fix covers a range of the page's text (offsets into the repaired text, so the page map
keeps pointing at the glyphs) and gives the segments that replace the sentences in that
range: one (an edit or a join) or several (a split), each with its own sub-range.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass

from reader.dbfiles import transaction
from reader.translation.segment import Sentence

EDIT, JOIN, SPLIT = "edit", "join", "split"
MAX_TEXT = 20_000  # characters of a fixed segment: a source is a sentence, not a book


@dataclass(frozen=True)
class SourceFix:
    id: int
    page: int
    start: int  # the range of the page text the fix covers
    end: int
    quote: str  # the page text there when the fix was made
    kind: str
    texts: tuple[str, ...]  # the segments that replace the sentences in the range
    cuts: tuple[int, ...] = ()  # offsets (in the range) where each segment after the first starts
    created: float = 0.0


def place(fix: SourceFix, text: str) -> tuple[int, int] | None:
    """Where the fix's quote is in the page text now: at its recorded place, else the
    occurrence nearest to it; ``None`` when the quote is gone."""
    if text[fix.start:fix.end] == fix.quote:
        return fix.start, fix.end
    found: list[int] = []
    at = text.find(fix.quote)
    while at >= 0 and len(found) < 1000:  # bounded: a page holds few copies of a sentence
        found.append(at)
        at = text.find(fix.quote, at + 1)
    if not found:
        return None
    best = min(found, key=lambda i: abs(i - fix.start))
    return best, best + len(fix.quote)


def apply_fixes(sentences: Sequence[Sentence], fixes: Sequence[SourceFix], text: str
                ) -> tuple[list[Sentence], list[SourceFix]]:
    """The page's sentences with the fixes in place, and the fixes that could not be placed.

    Fixes apply oldest first; a later fix can refine an earlier one's segments (an edit of
    a joined segment) because its range is found among the sentences as they are then."""
    out = list(sentences)
    unplaced: list[SourceFix] = []
    for fix in sorted(fixes, key=lambda f: (f.created, f.id)):
        where = place(fix, text)
        if where is None:
            unplaced.append(fix)
            continue
        start, end = where
        inside = [i for i, s in enumerate(out) if s.start < end and s.end > start]
        if not inside:
            unplaced.append(fix)
            continue
        first, last = inside[0], inside[-1]
        bounds = [start, *(start + c for c in fix.cuts), end]
        note = out[first].note
        made = [Sentence(a, b, t, note) for (a, b), t in
                zip(itertools.pairwise(bounds), fix.texts, strict=False) if t.strip()]
        out[first:last + 1] = made
    return out, unplaced


class SourceFixStore:
    """The ``source_fixes`` table of a translations database (see ``TranslationCache``)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    @staticmethod
    def create(db: sqlite3.Connection) -> None:
        """The table (in the caller's transaction)."""
        db.execute(
            "CREATE TABLE IF NOT EXISTS source_fixes (id INTEGER PRIMARY KEY, "
            "document TEXT NOT NULL, page INTEGER NOT NULL, start INTEGER NOT NULL, "
            "end INTEGER NOT NULL, quote TEXT NOT NULL, kind TEXT NOT NULL, "
            "texts TEXT NOT NULL, cuts TEXT NOT NULL, created REAL NOT NULL)")

    def add(self, document: str, page: int, start: int, end: int, quote: str, kind: str,
            texts: Sequence[str], cuts: Sequence[int] = ()) -> SourceFix:
        if kind not in (EDIT, JOIN, SPLIT) or not texts or len(cuts) != len(texts) - 1:
            raise ValueError(f"not a source fix: {kind} with {len(texts)} texts")
        if any(len(t) > MAX_TEXT for t in texts) or not 0 <= start < end:
            raise ValueError("a source fix must cover some text and stay a sentence long")
        now = time.time()
        with transaction(self._db):
            cursor = self._db.execute(
                "INSERT INTO source_fixes (document, page, start, end, quote, kind, texts, "
                "cuts, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (document, page, start, end, quote, kind, json.dumps(list(texts),
                                                                       ensure_ascii=False),
                 json.dumps(list(cuts)), now))
        return SourceFix(int(cursor.lastrowid or 0), page, start, end, quote, kind,
                         tuple(texts), tuple(cuts), now)

    def remove(self, fix_id: int) -> None:
        with transaction(self._db):
            self._db.execute("DELETE FROM source_fixes WHERE id = ?", (fix_id,))

    def restore(self, document: str, fix: SourceFix) -> None:
        """Put back a removed fix under its own id (an undo of its removal)."""
        with transaction(self._db):
            self._db.execute(
                "INSERT OR REPLACE INTO source_fixes (id, document, page, start, end, quote, "
                "kind, texts, cuts, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (fix.id, document, fix.page, fix.start, fix.end, fix.quote, fix.kind,
                 json.dumps(list(fix.texts), ensure_ascii=False), json.dumps(list(fix.cuts)),
                 fix.created))

    def by_page(self, document: str) -> dict[int, list[SourceFix]]:
        out: dict[int, list[SourceFix]] = {}
        for fix in self.fixes(document):
            out.setdefault(fix.page, []).append(fix)
        return out

    def fixes(self, document: str, page: int | None = None) -> list[SourceFix]:
        where, args = ("AND page = ?", (page,)) if page is not None else ("", ())
        out = []
        for row in self._db.execute(
                "SELECT id, page, start, end, quote, kind, texts, cuts, created FROM "
                f"source_fixes WHERE document = ? {where} ORDER BY created, id",
                (document, *args)):
            try:
                texts = tuple(str(t) for t in json.loads(row[6]))
                cuts = tuple(int(c) for c in json.loads(row[7]))
            except (ValueError, TypeError):
                continue  # a row damaged by hand: skipped, kept in the file
            out.append(SourceFix(row[0], row[1], row[2], row[3], row[4], row[5], texts, cuts,
                                 row[8]))
        return out
