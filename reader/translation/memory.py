"""The translation memory: every sentence pair a translator edited or confirmed, across
documents, in SQLite under the data folder (``memory.sqlite``).

A new sentence whose Arabic matches a kept one gets the translator's English instead of the
machine's (``exact``); near ones are offered with a score (``fuzzy``). Sources are compared
folded as the find bar folds them (harakat, tatweel, alef and hamza forms, digits of any
script), and the score is the one CAT tools show: the share of words that need no edit
(word-level Levenshtein, OmegaT's formula), so "87 %" means what a translator expects.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from reader.arabic.fold import fold
from reader.dbfiles import connect, open_or_set_aside, transaction
from reader.errors import QariError
from reader.paths import data_dir

SCHEMA = 1
FUZZY_THRESHOLD = 0.75  # the "≥ 75 % similar": below that a match helps no one
LIMIT = 3  # matches offered per sentence (Ctrl+1…3)
# A number stays one token (5.2, 4,300); words and single punctuation marks are the others.
_TOKEN = re.compile(r"\d+(?:[.,٫٬]\d+)*|\w+|[^\w\s]")
_MAX_TOKENS = 400  # longer "sentences" (a table run together) are cut for matching only


class MemoryStoreError(QariError):
    """The translation memory cannot be opened or written."""


@dataclass(frozen=True)
class Match:
    source: str  # the Arabic as the translator saw it then
    target: str
    score: float  # 0-1, 1 for an exact (folded) match
    document: str
    changed: float
    # Words of the kept source, each with whether it differs from the new sentence's
    # (the difference a translator checks before taking the match).
    words: tuple[tuple[str, bool], ...] = ()


def memory_key(text: str) -> str:
    """The folded sentence the memory compares (never shown, never exported)."""
    return " ".join(fold(text).split())


def _tokens(key: str) -> list[str]:
    return _TOKEN.findall(key)[:_MAX_TOKENS]


class TranslationMemory:
    """One store per data folder, shared by every document and window.

    Fuzzy search keeps each source as a string of one code point per distinct word, so
    rapidfuzz computes word-level distances at string speed; the strings are built on first
    use and kept up to date as pairs are added (a lock: the window adds from the GUI thread
    and looks up from its worker)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "memory.sqlite"
        self._db, self.set_aside = open_or_set_aside(self.path, _connect, MemoryStoreError)
        self._lock = threading.Lock()
        self._words: dict[str, str] = {}  # word -> its code point
        self._encoded: list[tuple[str, int]] | None = None  # (encoded key, rowid)

    def close(self) -> None:
        self._db.close()

    def add(self, source: str, target: str, document: str = "", status: str = "") -> None:
        """Keep a pair (replacing the English of the same folded source: the translator's
        latest word on a sentence is the one to reuse)."""
        self.add_many([(source, target, document, status)])

    def add_many(self, pairs: Iterable[tuple[str, str, str, str]]) -> int:
        """Keep (source, English, document, status) pairs in one transaction; returns how
        many were kept (empty ones are not)."""
        now = time.time()
        count = 0
        try:
            with self._lock, transaction(self._db):
                for source, target, document, status in pairs:
                    key = memory_key(source)
                    if not key or not target.strip():
                        continue
                    count += 1
                    row = self._db.execute("SELECT rowid FROM pairs WHERE key = ?",
                                           (key,)).fetchone()
                    if row is None:
                        cursor = self._db.execute(
                            "INSERT INTO pairs (key, source, target, document, status, "
                            "created, changed) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (key, source, target, document, status, now, now))
                        if self._encoded is not None:
                            self._encoded.append((self._encode(key),
                                                  int(cursor.lastrowid or 0)))
                    else:
                        self._db.execute(
                            "UPDATE pairs SET source = ?, target = ?, document = ?, "
                            "status = ?, changed = ? WHERE rowid = ?",
                            (source, target, document, status, now, row[0]))
        except sqlite3.Error as exc:
            raise MemoryStoreError(f"{self.path}: {exc}") from exc
        return count

    def remove(self, source: str, target: str) -> None:
        """Drop a pair if it still holds ``target`` (an edit undone before anything else
        replaced it)."""
        key = memory_key(source)
        try:
            with self._lock, transaction(self._db):
                row = self._db.execute("SELECT rowid FROM pairs WHERE key = ? AND target = ?",
                                       (key, target)).fetchone()
                if row is not None:
                    self._db.execute("DELETE FROM pairs WHERE rowid = ?", (row[0],))
                    if self._encoded is not None:
                        self._encoded = [e for e in self._encoded if e[1] != row[0]]
        except sqlite3.Error as exc:
            raise MemoryStoreError(f"{self.path}: {exc}") from exc

    def exact(self, sources: Iterable[str]) -> dict[str, Match]:
        """Kept pairs whose folded source equals each sentence's, by the sentence."""
        wanted = {memory_key(s): s for s in sources}
        wanted.pop("", None)
        found: dict[str, Match] = {}
        keys = list(wanted)
        for chunk in range(0, len(keys), 500):
            part = keys[chunk:chunk + 500]
            marks = ",".join("?" * len(part))
            for key, source, target, document, changed in self._db.execute(
                    f"SELECT key, source, target, document, changed FROM pairs "
                    f"WHERE key IN ({marks})", part):
                found[wanted[key]] = Match(source, target, 1.0, document, changed,
                                           tuple((w, False) for w in source.split()))
        return found

    def fuzzy(self, source: str, limit: int = LIMIT,
              threshold: float = FUZZY_THRESHOLD) -> list[Match]:
        """The kept pairs most like ``source`` (at least ``threshold`` alike), best first,
        an exact match included."""
        key = memory_key(source)
        if not key:
            return []
        with self._lock:
            if self._encoded is None:
                self._encoded = [(self._encode(k), rowid) for rowid, k in
                                 self._db.execute("SELECT rowid, key FROM pairs")]
            query = self._encode(key, grow=False)
            scored = []
            for encoded, rowid in self._encoded:
                longest = max(len(encoded), len(query))
                # The length alone bounds the score: most candidates stop here.
                if not longest or min(len(encoded), len(query)) / longest < threshold:
                    continue
                score = Levenshtein.normalized_similarity(query, encoded,
                                                          score_cutoff=threshold)
                if score >= threshold:
                    scored.append((score, rowid))
        scored.sort(key=lambda pair: -pair[0])
        out: list[Match] = []
        for score, rowid in scored[:limit]:
            row = self._db.execute("SELECT key, source, target, document, changed FROM pairs "
                                   "WHERE rowid = ?", (rowid,)).fetchone()
            if row is not None:
                out.append(Match(row[1], row[2], score, row[3], row[4],
                                 _differences(key, row[0], row[1])))
        return out

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM pairs").fetchone()[0])

    def pairs(self) -> list[tuple[str, str, str, float, float]]:
        """Every pair: source, target, status, created, changed (for exports)."""
        return list(self._db.execute(
            "SELECT source, target, status, created, changed FROM pairs ORDER BY rowid"))

    def _encode(self, key: str, grow: bool = True) -> str:
        """One private code point per distinct word (a word not seen yet, in a query, gets
        one that matches nothing)."""
        out = []
        for token in _tokens(key):
            code = self._words.get(token)
            if code is None:
                if not grow:
                    out.append("\U0010fffd")
                    continue
                code = self._words[token] = chr(0x10000 + len(self._words) % 0xEFFFD)
            out.append(code)
        return "".join(out)


def _differences(query_key: str, kept_key: str, kept_source: str
                 ) -> tuple[tuple[str, bool], ...]:
    """The kept source's words, each marked when its folded form is not in the query
    (what the translator must check). Folding keeps word boundaries, so the shown words
    and the folded ones pair up."""
    present = set(query_key.split())
    shown = kept_source.split()
    folded = kept_key.split()
    if len(shown) != len(folded):  # folding dropped a word made only of marks
        return tuple((w, memory_key(w) not in present) for w in shown)
    return tuple((w, f not in present) for w, f in zip(shown, folded, strict=True))


def _connect(path: Path) -> sqlite3.Connection:
    db, _version = connect(path, SCHEMA)
    try:
        with transaction(db):
            db.execute(
                "CREATE TABLE IF NOT EXISTS pairs (key TEXT NOT NULL UNIQUE, source TEXT NOT NULL, "
                "target TEXT NOT NULL, document TEXT NOT NULL DEFAULT '', "
                "status TEXT NOT NULL DEFAULT '', created REAL NOT NULL, changed REAL NOT NULL)")
            db.execute(f"PRAGMA user_version = {SCHEMA}")
    except sqlite3.Error:
        db.close()
        raise
    return db
