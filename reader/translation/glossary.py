"""The glossary: the translator's terms (Arabic → English), global or for one document, in
SQLite under the data folder (``glossary.sqlite``).

Terms are found in a segment's Arabic the way an Arabic reader finds them: spelling
variants folded (harakat, tatweel, alef and hamza forms, ta marbuta, alef maqsura, digits)
and light stemming, so «والتضخم», «بالتضخم» and «التضخم» all contain the term «تضخم». A
segment whose English lacks every translation of a term found in its Arabic gets a warning.

Files in and out: TSV and CSV in OmegaT's layout (source, target, comment), TBX v2
(``martif``, what OmegaT and translate-toolkit read) and v3 (``tbx``) on import; TBX v2
and CSV on export.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reader.arabic.fold import fold
from reader.dbfiles import connect, open_or_set_aside, transaction
from reader.errors import QariError
from reader.paths import data_dir

SCHEMA = 1
GLOBAL = ""  # the scope of a term for every document (else a document's SHA-256)
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_TERMS = 500_000  # a glossary file with more is no glossary
MAX_TERM_WORDS = 12
_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
# Folded: ة is ه by then, so «ية» is «يه».
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
_WORD = re.compile(r"\w+")
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufefc]")


class GlossaryError(QariError):
    """The glossary cannot be opened, or a file is no glossary Qari can read."""


@dataclass(frozen=True)
class Term:
    id: int
    source: str
    target: str  # alternatives separated by ";" (any of them counts as used)
    comment: str = ""
    scope: str = GLOBAL

    def targets(self) -> list[str]:
        return [t.strip() for t in self.target.split(";") if t.strip()]


@dataclass(frozen=True)
class Found:
    term: Term
    start: int  # where it is in the segment's Arabic
    end: int


def stem(word: str) -> str:
    """A folded word without its clitics and common endings (Lucene's light Arabic stemmer
    in spirit): what terms are compared by."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix):]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[:-len(suffix)]
            break
    return word


def _stems(text: str) -> list[tuple[str, int, int]]:
    """Each word's stem with where the word is in ``text`` (folding keeps word order and
    the words are found in the original, so ranges point at the Arabic as shown)."""
    out = []
    for match in _WORD.finditer(text):
        folded = fold(match.group())
        if folded:
            out.append((stem(folded.replace(" ", "")), match.start(), match.end()))
    return out


def term_key(text: str) -> tuple[str, ...]:
    return tuple(s for s, _a, _b in _stems(text))[:MAX_TERM_WORDS]


def lacks(english: str, targets: Sequence[str]) -> bool:
    """Is none of a term's translations in the English (whole words, any case)?"""
    lowered = english.casefold()
    return bool(targets) and not any(
        re.search(rf"(?<!\w){re.escape(t.casefold())}(?!\w)", lowered) for t in targets)


class Glossary:
    """One store per data folder; terms are kept in memory indexed by their first stem, so
    finding the terms of a segment costs a look-up per word, however long the glossary."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "glossary.sqlite"
        self._db, self.set_aside = open_or_set_aside(self.path, _connect, GlossaryError)
        self._lock = threading.Lock()
        self._index: dict[str, list[tuple[tuple[str, ...], Term]]] | None = None

    def close(self) -> None:
        self._db.close()

    # -- terms --------------------------------------------------------------------------------
    def add(self, source: str, target: str, comment: str = "", scope: str = GLOBAL) -> Term:
        source, target = " ".join(source.split()), " ".join(target.split())
        if not _ARABIC.search(source) or not term_key(source) or not target:
            raise GlossaryError("a term needs Arabic words and an English translation")
        return self.add_many([(source, target, comment)], scope)[0]

    def add_many(self, rows: Iterable[tuple[str, str, str]], scope: str = GLOBAL) -> list[Term]:
        """Add terms in one transaction (an import is all or nothing)."""
        made: list[Term] = []
        now = time.time()
        try:
            with self._lock, transaction(self._db):
                for source, target, comment in rows:
                    if len(made) >= MAX_TERMS:
                        raise GlossaryError(f"more than {MAX_TERMS} terms")
                    cursor = self._db.execute(
                        "INSERT INTO terms (scope, source, target, comment, created) "
                        "VALUES (?, ?, ?, ?, ?)", (scope, source, target, comment, now))
                    made.append(Term(int(cursor.lastrowid or 0), source, target, comment, scope))
                self._index = None
        except sqlite3.Error as exc:
            raise GlossaryError(f"{self.path}: {exc}") from exc
        return made

    def remove(self, term_id: int) -> None:
        with self._lock, transaction(self._db):
            self._db.execute("DELETE FROM terms WHERE id = ?", (term_id,))
            self._index = None

    def terms(self, scope: str | None = None) -> list[Term]:
        """Global terms and those of ``scope`` (all when ``None``)."""
        where, args = ("WHERE scope = '' OR scope = ?", (scope,)) if scope is not None else (
            "", ())
        return [Term(*row) for row in self._db.execute(
            f"SELECT id, source, target, comment, scope FROM terms {where} ORDER BY id", args)]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM terms").fetchone()[0])

    # -- finding ------------------------------------------------------------------------------
    def _terms_index(self) -> dict[str, list[tuple[tuple[str, ...], Term]]]:
        with self._lock:
            if self._index is None:
                index: dict[str, list[tuple[tuple[str, ...], Term]]] = {}
                for term in self.terms():
                    key = term_key(term.source)
                    if key:
                        index.setdefault(key[0], []).append((key, term))
                self._index = index
            return self._index

    def find(self, text: str, scope: str = GLOBAL) -> list[Found]:
        """The terms (global, and of ``scope``) in an Arabic text, longest first where two
        start at one word."""
        index = self._terms_index()
        words = _stems(text)
        found: list[Found] = []
        at = 0
        while at < len(words):
            best: tuple[int, Term] | None = None
            for key, term in index.get(words[at][0], ()):
                if term.scope not in (GLOBAL, scope):
                    continue
                size = len(key)
                if tuple(w for w, _a, _b in words[at:at + size]) == key and (
                        best is None or size > best[0]):
                    best = (size, term)
            if best is None:
                at += 1
                continue
            size, term = best
            found.append(Found(term, words[at][1], words[at + size - 1][2]))
            at += size
        return found

    def missing(self, source: str, english: str, scope: str = GLOBAL) -> list[Term]:
        """Terms in ``source`` none of whose translations is in ``english``."""
        out: list[Term] = []
        for found in self.find(source, scope):
            if found.term not in out and lacks(english, found.term.targets()):
                out.append(found.term)  # a term used twice is one warning
        return out

    # -- files --------------------------------------------------------------------------------
    def import_file(self, path: str | Path, scope: str = GLOBAL) -> int:
        """Add the terms of a TSV, CSV or TBX file; returns how many."""
        rows = read_glossary_file(Path(path))
        return len(self.add_many(rows, scope))

    def export_csv(self, path: str | Path, scope: str | None = None) -> int:
        terms = self.terms(scope)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for term in terms:
            writer.writerow([term.source, term.target, term.comment])
        _replace(Path(path), buffer.getvalue().encode("utf-8-sig"))
        return len(terms)

    def export_tbx(self, path: str | Path, scope: str | None = None) -> int:
        """TBX v2 (``martif``): what OmegaT and translate-toolkit read."""
        from reader.exports.tbx import tbx_bytes

        terms = self.terms(scope)
        _replace(Path(path), tbx_bytes(
            [(t.id, t.source, t.targets(), t.comment) for t in terms]))
        return len(terms)


def read_glossary_file(path: Path) -> list[tuple[str, str, str]]:
    """(source, target, comment) rows of a glossary file, or one clear ``GlossaryError``."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise GlossaryError(f"{path}: not a file")
        if size > MAX_FILE_BYTES:
            raise GlossaryError(f"{path.name} is too large for a glossary ({size} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise GlossaryError(f"{path}: {exc.strerror or exc}") from exc
    if path.suffix.lower() in (".tbx", ".xml") or data.lstrip()[:200].startswith(b"<"):
        from reader.exports.tbx import read_tbx

        try:
            rows = read_tbx(data, path.name)
        except ValueError as exc:
            raise GlossaryError(str(exc)) from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise GlossaryError(f"{path.name} is not UTF-8 text") from exc
        rows = _read_delimited(text, "\t" if path.suffix.lower() in (
            ".tsv", ".tab", ".txt", ".utf8") else None)
    rows = [(s, t, c) for s, t, c in rows if _ARABIC.search(s) and term_key(s) and t]
    if not rows:
        raise GlossaryError(f"{path.name} holds no Arabic term with an English translation")
    if len(rows) > MAX_TERMS:
        raise GlossaryError(f"{path.name} has more than {MAX_TERMS} terms")
    return rows


def _read_delimited(text: str, delimiter: str | None) -> list[tuple[str, str, str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if delimiter is None:
        sample = "\n".join(lines[:20])
        delimiter = max(("\t", ",", ";"), key=sample.count)
    quoting: Literal[0, 3] = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    rows = []
    try:
        for number, record in enumerate(csv.reader(lines, delimiter=delimiter,
                                                   quoting=quoting)):
            fields = [" ".join(f.split()) for f in record]
            if len(fields) < 2 or not fields[0]:
                continue
            if number == 0 and fields[0].casefold() in ("source", "arabic", "term", "ar"):
                continue  # a header row
            rows.append((fields[0], fields[1], fields[2] if len(fields) > 2 else ""))
    except csv.Error as exc:
        raise GlossaryError(f"not a glossary in CSV or TSV ({exc})") from exc
    return rows


def _replace(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.qari-tmp")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _connect(path: Path) -> sqlite3.Connection:
    db, _version = connect(path, SCHEMA)
    try:
        with transaction(db):
            db.execute("CREATE TABLE IF NOT EXISTS terms (id INTEGER PRIMARY KEY, "
                       "scope TEXT NOT NULL DEFAULT '', source TEXT NOT NULL, "
                       "target TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '', "
                       "created REAL NOT NULL)")
            db.execute(f"PRAGMA user_version = {SCHEMA}")
    except sqlite3.Error:
        db.close()
        raise
    return db


def glossary_terms(glossary: Glossary | None, source: str, scope: str = GLOBAL
                   ) -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    """The terms of a segment for display: (start, end, Arabic term, its English)."""
    if glossary is None:
        return ()
    return tuple((f.start, f.end, f.term.source, tuple(f.term.targets()))
                 for f in glossary.find(source, scope))
