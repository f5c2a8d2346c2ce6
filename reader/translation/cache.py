"""Machine translations and translator edits, in SQLite under the data folder.

Machine translations are keyed by the model's identity and the normalized source sentence,
so reopening a document shows them at once. Translator edits are kept in a table of their
own, keyed by document and source sentence: machine translation never overwrites them.
Each edit also records where it was made (page, offset, engine version) and the source as
first seen: when a newer extraction engine gives a sentence slightly different text, the
edit is placed again on that page by similarity (``place``), and one that cannot be placed
stays on record (``unplaced``), never dropped.
"""

from __future__ import annotations

import difflib
import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.arabic.fold import fold
from reader.dbfiles import connect, open_or_set_aside, transaction
from reader.errors import QariError
from reader.paths import data_dir
from reader.translation.source_fixes import SourceFixStore

MACHINE, EDITED, REVIEWED = "machine", "edited", "reviewed"
# 1: edits keyed by document and source only; 2: with page, offset, engine and original;
# 3: the translator's fixes of the Arabic source (``source_fixes``).
SCHEMA = 3
# How alike (folded, 0-1) a sentence must be to an edit's source to take the edit when
# the exact source is gone: a re-extraction changes a letter or a space, not the meaning.
PLACE_SIMILARITY = 0.85


def normalize_source(text: str) -> str:
    return " ".join(text.split())


class TranslationStoreError(QariError):
    """The translations database cannot be opened or written."""


@dataclass(frozen=True)
class Edit:
    text: str
    status: str  # EDITED or REVIEWED
    modified: float
    source: str = ""  # the (normalized) sentence it belongs to now
    page: int = -1  # where it was made (-1: not recorded, an edit from schema 1)
    start: int = -1
    pipeline: str = ""
    original: str = ""  # the source sentence when the edit was first made


class TranslationCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "translations.sqlite"
        # ``set_aside``: where a damaged file was kept, if one was.
        self._db, self.set_aside = open_or_set_aside(self.path, _connect,
                                                     TranslationStoreError)
        self.source_fixes = SourceFixStore(self._db)

    def close(self) -> None:
        self._db.close()

    def get(self, model: str, sources: list[str]) -> dict[str, tuple[str, list[str], float]]:
        keys = [normalize_source(s) for s in sources]
        found: dict[str, tuple[str, list[str], float]] = {}
        for chunk in range(0, len(keys), 500):
            part = keys[chunk:chunk + 500]
            marks = ",".join("?" * len(part))
            for source, target, alternatives, score in self._db.execute(
                    f"SELECT source, target, alternatives, score FROM machine "
                    f"WHERE model = ? AND source IN ({marks})", [model, *part]):
                try:
                    found[source] = (target, json.loads(alternatives), score)
                except (ValueError, TypeError):
                    found[source] = (target, [], score)
        return found

    def any_model(self, sources: list[str]) -> dict[str, str]:
        """Machine translations by whatever model made them (the newest row wins)."""
        keys = [normalize_source(s) for s in sources]
        found: dict[str, str] = {}
        for chunk in range(0, len(keys), 500):
            part = keys[chunk:chunk + 500]
            marks = ",".join("?" * len(part))
            for source, target in self._db.execute(
                    f"SELECT source, target FROM machine WHERE source IN ({marks}) "
                    f"ORDER BY rowid", part):
                found[source] = target
        return found

    def put(self, model: str, rows: list[tuple[str, str, list[str], float]]) -> None:
        with transaction(self._db):
            self._db.executemany(
                "INSERT OR REPLACE INTO machine (model, source, target, alternatives, score) "
                "VALUES (?, ?, ?, ?, ?)",
                [(model, normalize_source(s), t, json.dumps(a, ensure_ascii=False), sc)
                 for s, t, a, sc in rows])

    def edit(self, document: str, source: str, text: str, status: str = EDITED,
             page: int = -1, start: int = -1, pipeline: str = "") -> None:
        """Keep the translator's English for a sentence (committed on return)."""
        self.edit_many(document, [(source, text, status, page, start)], pipeline)

    def edit_many(self, document: str, rows: Sequence[tuple[str, str, str, int, int]],
                  pipeline: str = "") -> None:
        """Keep many (source, English, status, page, start) at once: one transaction, so
        an import of thousands is as safe as one edit and costs one sync to disk."""
        now = time.time()
        with transaction(self._db):
            for source, text, status, page, start in rows:
                key = normalize_source(source)
                row = self._db.execute("SELECT original FROM edits WHERE document = ? AND "
                                       "source = ?", (document, key)).fetchone()
                self._db.execute(
                    "INSERT OR REPLACE INTO edits (document, source, target, status, "
                    "modified, page, start, pipeline, original) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (document, key, text, status, now, page, start, pipeline,
                     row[0] if row and row[0] else key))

    def forget(self, document: str, source: str) -> None:
        """Drop the translator's English for a sentence (an edit undone): the machine's
        shows again."""
        with transaction(self._db):
            self._db.execute("DELETE FROM edits WHERE document = ? AND source = ?",
                             (document, normalize_source(source)))

    def edits(self, document: str) -> dict[str, Edit]:
        return {e.source: e for e in self._edit_rows(document)}

    def _edit_rows(self, document: str, where: str = "", args: Sequence[object] = ()
                   ) -> list[Edit]:
        return [Edit(target, status, modified, source, page, start, pipeline, original)
                for source, target, status, modified, page, start, pipeline, original
                in self._db.execute(
                    "SELECT source, target, status, modified, page, start, pipeline, original "
                    f"FROM edits WHERE document = ? {where}", (document, *args))]

    def place(self, document: str, page: int, sentences: Sequence[str],
              pipeline: str = "") -> dict[str, Edit]:
        """The edits that belong to these sentences of a page, by normalized sentence.

        An edit whose sentence is there by its exact text is taken as it is. An edit made
        on this page (or saved without a page) whose sentence is no longer there takes the
        most similar sentence left, if it is alike enough (``PLACE_SIMILARITY``): it is
        then stored under that sentence (its original source stays on record)."""
        keys = [normalize_source(s) for s in sentences]
        exact = {k: e for k in keys if (e := self._edit(document, k)) is not None}
        free = [k for k in dict.fromkeys(keys) if k not in exact]
        if not free:
            return exact
        present = set(keys)
        strays = [e for e in self._edit_rows(document, "AND (page = ? OR page = -1)", (page,))
                  if e.source not in present]
        moved: list[tuple[Edit, str]] = []
        for edit in sorted(strays, key=lambda e: -e.modified):
            target = _most_similar(edit.source, free)
            if target is not None:
                free.remove(target)
                moved.append((edit, target))
        if moved:
            with transaction(self._db):
                for edit, target in moved:
                    self._db.execute(
                        "UPDATE OR IGNORE edits SET source = ?, page = ?, start = ?, "
                        "pipeline = ? WHERE document = ? AND source = ?",
                        (target, page, -1, pipeline, document, edit.source))
            for edit, target in moved:
                exact[target] = Edit(edit.text, edit.status, edit.modified, target, page, -1,
                                     pipeline, edit.original or edit.source)
        return exact

    def _edit(self, document: str, key: str) -> Edit | None:
        rows = self._edit_rows(document, "AND source = ?", (key,))
        return rows[0] if rows else None

    def unplaced(self, document: str, page: int, sentences: Sequence[str]) -> list[Edit]:
        """Edits made on this page whose sentence is not among ``sentences`` (after
        ``place``): the text they belong to changed beyond recognition."""
        present = {normalize_source(s) for s in sentences}
        return [e for e in self._edit_rows(document, "AND page = ?", (page,))
                if e.source not in present]


def _most_similar(source: str, candidates: list[str]) -> str | None:
    folded = fold(source)
    best, best_ratio = None, PLACE_SIMILARITY
    for candidate in candidates:
        other = fold(candidate)
        matcher = difflib.SequenceMatcher(None, folded, other, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = candidate, ratio
    return best


def _connect(path: Path) -> sqlite3.Connection:
    db, _version = connect(path, SCHEMA)
    try:
        with transaction(db):
            db.execute(
                "CREATE TABLE IF NOT EXISTS machine (model TEXT NOT NULL, source TEXT NOT NULL, "
                "target TEXT NOT NULL, alternatives TEXT NOT NULL DEFAULT '[]', score REAL, "
                "PRIMARY KEY (model, source))")
            db.execute(
                "CREATE TABLE IF NOT EXISTS edits (document TEXT NOT NULL, source TEXT NOT NULL, "
                "target TEXT NOT NULL, status TEXT NOT NULL, modified REAL NOT NULL, "
                "PRIMARY KEY (document, source))")
            columns = {row[1] for row in db.execute("PRAGMA table_info(edits)")}
            for name, kind in (("page", "INTEGER NOT NULL DEFAULT -1"),
                               ("start", "INTEGER NOT NULL DEFAULT -1"),
                               ("pipeline", "TEXT NOT NULL DEFAULT ''"),
                               ("original", "TEXT NOT NULL DEFAULT ''")):
                if name not in columns:  # schema 1 → 2: the rows keep their values
                    db.execute(f"ALTER TABLE edits ADD COLUMN {name} {kind}")
            SourceFixStore.create(db)  # 2 → 3
            db.execute(f"PRAGMA user_version = {SCHEMA}")
    except sqlite3.Error:
        db.close()
        raise
    return db
