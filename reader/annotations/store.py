"""Annotations in SQLite under the data folder, keyed by the document's content hash.

Every change is its own transaction, committed before the call returns (WAL journal,
``synchronous=FULL``): a process killed at any moment keeps what was committed and leaves
a database that opens. A database that cannot be read is moved aside (kept, renamed with
the time) and a fresh one started; a folder that cannot be written is opened read-only.
Identity by content hash means a renamed or moved file keeps its annotations.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from reader.annotations.model import Annotation
from reader.dbfiles import connect, transaction
from reader.dbfiles import is_corrupt as _is_corrupt
from reader.dbfiles import move_aside as _move_aside
from reader.errors import QariError
from reader.paths import data_dir

# 1: rows keyed by annotation id alone (an import of another document's export moved its
# annotations away); 2: keyed by document and id.
SCHEMA = 2
FILE_NAME = "annotations.sqlite"


class StoreErrorCode(StrEnum):
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    FAILED = "failed"


class StoreError(QariError):
    """A change could not be saved; ``code`` says why. The change is not lost: the caller
    keeps it and tries again (see ``AnnotationSet``)."""

    def __init__(self, code: StoreErrorCode, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        messages = {StoreErrorCode.READ_ONLY: "the data folder cannot be written",
                    StoreErrorCode.DISK_FULL: "the disk is full",
                    StoreErrorCode.FAILED: "saving failed"}
        super().__init__(messages[code] + (f" ({detail})" if detail else ""))


def _classify(exc: sqlite3.Error) -> StoreError:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(StoreErrorCode.READ_ONLY, str(exc))
    if "full" in text:
        return StoreError(StoreErrorCode.DISK_FULL, str(exc))
    return StoreError(StoreErrorCode.FAILED, str(exc))


class AnnotationStore:
    """The annotation database. One connection, used under the caller's lock or thread."""

    def __init__(self, db: sqlite3.Connection, path: Path, read_only: bool = False,
                 set_aside: Path | None = None) -> None:
        self._db = db
        self.path = path
        self.read_only = read_only
        self.set_aside = set_aside  # where a corrupt database was moved, if one was

    @classmethod
    def open(cls, path: str | Path | None = None) -> AnnotationStore:
        path = Path(path) if path else data_dir() / FILE_NAME
        try:
            return cls(_connect(path), path)
        except OSError:  # the folder cannot be made (a file in the way, no permission)
            return cls(_connect_read_only(path), path, read_only=True)
        except sqlite3.DatabaseError as exc:
            if _is_corrupt(exc):
                aside = _move_aside(path)
                try:
                    return cls(_connect(path), path, set_aside=aside)
                except sqlite3.Error:
                    pass
            # A folder that cannot be written: read what is there, save nothing.
            return cls(_connect_read_only(path), path, read_only=True)

    def close(self) -> None:
        self._db.close()

    # -- reading -------------------------------------------------------------------------------
    def load(self, document: str) -> list[Annotation]:
        """The document's annotations; rows that cannot be read are skipped, not fatal."""
        out = []
        for (data,) in self._db.execute(
                "SELECT data FROM annotations WHERE document = ?", (document,)):
            try:
                out.append(Annotation.from_dict(json.loads(data)))
            except (ValueError, KeyError, TypeError):
                continue
        out.sort(key=Annotation.sort_key)
        return out

    def count(self, document: str | None = None) -> int:
        if document is None:
            return self._db.execute("SELECT COUNT(*) FROM annotations").fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM annotations WHERE document = ?",
                                (document,)).fetchone()[0]

    def integrity(self) -> str:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0]

    # -- writing -------------------------------------------------------------------------------
    def save(self, document: str, annotations: Iterable[Annotation] = (),
             deleted: Iterable[str] = ()) -> None:
        """Insert or replace ``annotations`` and delete the ids in ``deleted``, in one
        transaction, committed on return; raises ``StoreError`` (nothing half-written)."""
        if self.read_only:
            raise StoreError(StoreErrorCode.READ_ONLY)
        rows = [(a.id, document, json.dumps(a.to_dict(), ensure_ascii=False), a.modified)
                for a in annotations]
        gone = [(i,) for i in deleted]
        try:
            with transaction(self._db):  # all or nothing
                if rows:
                    self._db.executemany(
                        "INSERT OR REPLACE INTO annotations (id, document, data, modified) "
                        "VALUES (?, ?, ?, ?)", rows)
                if gone:
                    self._db.executemany(
                        "DELETE FROM annotations WHERE document = ? AND id = ?",
                        [(document, i) for (i,) in gone])
        except sqlite3.Error as exc:
            raise _classify(exc) from exc

    def remember_document(self, document: str, path: str, title: str) -> None:
        if self.read_only:
            return
        try:
            with transaction(self._db):
                self._db.execute("INSERT OR REPLACE INTO documents (sha256, path, title, seen) "
                                 "VALUES (?, ?, ?, ?)", (document, path, title, time.time()))
        except sqlite3.Error:
            pass  # only a convenience (which file a hash was last seen as)


def _connect(path: Path) -> sqlite3.Connection:
    db, version = connect(path, SCHEMA)
    try:
        with transaction(db):
            if version == 1:
                _migrate_1_to_2(db)
            db.execute(_TABLE.format(name="annotations"))
            db.execute("CREATE INDEX IF NOT EXISTS annotations_document "
                       "ON annotations (document)")
            db.execute("CREATE TABLE IF NOT EXISTS documents (sha256 TEXT PRIMARY KEY, "
                       "path TEXT, title TEXT, seen REAL)")
            db.execute(f"PRAGMA user_version = {SCHEMA}")
    except sqlite3.Error:
        db.close()
        raise
    return db


_TABLE = ("CREATE TABLE IF NOT EXISTS {name} (id TEXT NOT NULL, document TEXT NOT NULL, "
          "data TEXT NOT NULL, modified TEXT NOT NULL, PRIMARY KEY (document, id))")


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    """Schema 1 keyed rows by id alone: rebuild the table keyed by document and id (inside
    the caller's transaction: all or nothing)."""
    db.execute("DROP INDEX IF EXISTS annotations_document")
    db.execute("ALTER TABLE annotations RENAME TO annotations_v1")
    db.execute(_TABLE.format(name="annotations"))
    db.execute("INSERT INTO annotations (id, document, data, modified) "
               "SELECT id, document, data, modified FROM annotations_v1")
    db.execute("DROP TABLE annotations_v1")


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if path.is_file():
        # Read-only first; a WAL database in a folder that cannot be written may need
        # ``immutable`` (no shared-memory file can be made there).
        for mode in ("mode=ro", "immutable=1"):
            try:
                db = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True,
                                     check_same_thread=False)
                db.execute("SELECT COUNT(*) FROM annotations").fetchone()
                return db
            except sqlite3.Error:
                continue
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute(_TABLE.format(name="annotations"))
    return db
