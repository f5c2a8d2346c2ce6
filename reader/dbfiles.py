"""Conventions for Qari's SQLite files (annotations, translations, memory).

Each change is a real transaction (the connections run in autocommit mode, where
``with db:`` would open none); a file that cannot be read is kept aside under a dated name
and a fresh one started, never deleted; each file carries its schema version in
``PRAGMA user_version`` and is migrated forward in one transaction.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error. (In autocommit mode, which
    these connections use, ``with db:`` opens no transaction: each statement would commit
    on its own.) IMMEDIATE takes the write lock at once, so two processes queue."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:  # SQLite rolls back by itself on some errors (a full disk)
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return any(s in text for s in ("malformed", "not a database", "file is encrypted",
                                   "newer qari", "corrupt"))


def move_aside(path: Path) -> Path:
    """Keep a damaged database (and its journal files) under a new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(path) + suffix)
        if source.exists():
            source.replace(Path(str(aside) + suffix))
    return aside


def connect(path: Path, schema: int) -> tuple[sqlite3.Connection, int]:
    """Open a Qari database for writing: WAL journal, every commit synced (a change
    committed is on disk), checked, and not made by a newer Qari (its schema). Returns the
    connection and the schema version found (0: a new file); raises ``sqlite3`` errors
    (``is_corrupt`` tells which mean a damaged file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Several threads of the window may use it, one at a time.
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        check = db.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > schema:
            raise sqlite3.DatabaseError(f"made by a newer Qari (schema {version})")
    except sqlite3.Error:
        db.close()
        raise
    return db, version


def open_or_set_aside(path: Path, opener: Callable[[Path], sqlite3.Connection],
                      error: Callable[[str], Exception]
                      ) -> tuple[sqlite3.Connection, Path | None]:
    """Open a store with ``opener``; a damaged file is kept aside (never deleted: what is
    in it can still be recovered by hand) and a fresh one started. Returns the connection
    and where a damaged file went; any other failure raises ``error(message)``."""
    try:
        return opener(path), None
    except sqlite3.DatabaseError as exc:
        if not is_corrupt(exc):
            raise error(f"{path}: {exc}") from exc
        aside = move_aside(path)
        try:
            return opener(path), aside
        except sqlite3.Error as again:
            raise error(f"{path}: {again}") from again
    except sqlite3.Error as exc:
        raise error(f"{path}: {exc}") from exc
