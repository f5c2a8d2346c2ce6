"""Machine translations and translator edits, in SQLite under the data folder.

Machine translations are keyed by the model's identity and the normalized source sentence,
so reopening a document shows them at once. Translator edits are kept in a table of their
own, keyed by document and source sentence: machine translation never overwrites them.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from reader.paths import data_dir

MACHINE, EDITED, REVIEWED = "machine", "edited", "reviewed"


def normalize_source(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Edit:
    text: str
    status: str  # EDITED or REVIEWED
    modified: float


class TranslationCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "translations.sqlite"
        # The document worker and the translation worker may both use it.
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS machine (model TEXT NOT NULL, source TEXT NOT NULL, "
            "target TEXT NOT NULL, alternatives TEXT NOT NULL DEFAULT '[]', score REAL, "
            "PRIMARY KEY (model, source))")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS edits (document TEXT NOT NULL, source TEXT NOT NULL, "
            "target TEXT NOT NULL, status TEXT NOT NULL, modified REAL NOT NULL, "
            "PRIMARY KEY (document, source))")

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
                found[source] = (target, json.loads(alternatives), score)
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
        self._db.executemany(
            "INSERT OR REPLACE INTO machine (model, source, target, alternatives, score) "
            "VALUES (?, ?, ?, ?, ?)",
            [(model, normalize_source(s), t, json.dumps(a, ensure_ascii=False), sc)
             for s, t, a, sc in rows])

    def edit(self, document: str, source: str, text: str, status: str = EDITED) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO edits (document, source, target, status, modified) "
            "VALUES (?, ?, ?, ?, ?)", (document, normalize_source(source), text, status,
                                       time.time()))

    def edits(self, document: str) -> dict[str, Edit]:
        return {source: Edit(target, status, modified) for source, target, status, modified
                in self._db.execute("SELECT source, target, status, modified FROM edits "
                                    "WHERE document = ?", (document,))}
