"""Storage: every change committed at once, safe against a killed process, a damaged
database kept aside, a folder that cannot be written read as it is."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.annotations.model import document_note
from reader.annotations.store import AnnotationStore, StoreError, StoreErrorCode

ROOT = Path(__file__).resolve().parents[2]


def test_saved_annotations_come_back_in_a_new_connection(tmp_path):
    path = tmp_path / "a.sqlite"
    store = AnnotationStore.open(path)
    notes = [document_note(f"note {i}") for i in range(3)]
    store.save("doc", notes)
    store.save("doc", deleted=[notes[1].id])
    store.close()
    again = AnnotationStore.open(path)
    assert {a.comment for a in again.load("doc")} == {"note 0", "note 2"}
    assert again.load("other") == []
    assert again._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


WRITER = """
import sys
from pathlib import Path
from reader.annotations.model import document_note
from reader.annotations.store import AnnotationStore
store = AnnotationStore.open(Path(sys.argv[1]))
print("ready", flush=True)
n = 0
while True:
    note = document_note("x" * 2000 + str(n))
    store.save("doc", [note])
    print(note.id, flush=True)  # only after the commit returned
    n += 1
"""


def test_a_writer_killed_at_any_moment_loses_nothing_committed(tmp_path):
    path = tmp_path / "a.sqlite"
    committed: set[str] = set()
    for round_ in range(12):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.02 + 0.013 * round_)  # kill at a different point each time
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        committed.update(line for line in out.split() if len(line) == 32)
    store = AnnotationStore.open(path)
    assert store.integrity() == "ok"
    kept = {a.id for a in store.load("doc")}
    assert committed and committed <= kept


def test_a_damaged_database_is_kept_aside_and_a_fresh_one_started(tmp_path):
    path = tmp_path / "a.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)  # a header and garbage
    store = AnnotationStore.open(path)
    assert store.set_aside is not None and store.set_aside.exists()
    assert store.set_aside.read_bytes().startswith(b"SQLite format 3")
    store.save("doc", [document_note("after")])
    assert [a.comment for a in store.load("doc")] == ["after"]


def test_not_a_database_at_all_is_kept_aside_too(tmp_path):
    path = tmp_path / "a.sqlite"
    path.write_text("my shopping list")
    store = AnnotationStore.open(path)
    assert store.set_aside is not None
    assert store.set_aside.read_text() == "my shopping list"
    assert not store.read_only


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_shows_what_is_there_and_refuses_to_save(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    store = AnnotationStore.open(folder / "a.sqlite")
    store.save("doc", [document_note("kept")])
    store.close()
    folder.chmod(0o500)
    try:
        store = AnnotationStore.open(folder / "a.sqlite")
        assert store.read_only
        assert [a.comment for a in store.load("doc")] == ["kept"]
        with pytest.raises(StoreError) as error:
            store.save("doc", [document_note("new")])
        assert error.value.code is StoreErrorCode.READ_ONLY
    finally:
        folder.chmod(0o700)


def test_a_full_disk_is_reported_and_leaves_the_saved_data_intact(tmp_path):
    path = tmp_path / "a.sqlite"
    store = AnnotationStore.open(path)
    store.save("doc", [document_note("before")])
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is now "full"
    with pytest.raises(StoreError) as error:
        store.save("doc", [document_note("y" * 20000) for _ in range(20)])
    assert error.value.code is StoreErrorCode.DISK_FULL
    store.close()
    again = AnnotationStore.open(path)
    assert [a.comment for a in again.load("doc")] == ["before"]


def test_rows_that_cannot_be_read_are_skipped(tmp_path):
    path = tmp_path / "a.sqlite"
    store = AnnotationStore.open(path)
    store.save("doc", [document_note("good")])
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO annotations VALUES ('bad', 'doc', '{not json', 'x')")
    assert [a.comment for a in store.load("doc")] == ["good"]


def test_a_data_folder_that_cannot_be_made_gives_a_store_that_says_so(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    store = AnnotationStore.open(blocker / "a.sqlite")
    assert store.read_only and store.load("doc") == []
    with pytest.raises(StoreError) as error:
        store.save("doc", [document_note("new")])
    assert error.value.code is StoreErrorCode.READ_ONLY


def test_one_id_in_two_documents_keeps_both(tmp_path):
    """Issue 11: importing document A's export into B moved A's annotations to B."""
    store = AnnotationStore.open(tmp_path / "a.sqlite")
    note = document_note("shared")
    store.save("A", [note])
    store.save("B", [note.edited(comment="copy in B")])
    assert [a.comment for a in store.load("A")] == ["shared"]
    assert [a.comment for a in store.load("B")] == ["copy in B"]
    store.save("B", deleted=[note.id])
    assert [a.comment for a in store.load("A")] == ["shared"]
    assert store.load("B") == []


def test_a_schema_1_store_is_migrated_with_its_rows(tmp_path):
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE annotations (id TEXT PRIMARY KEY, document TEXT NOT NULL, "
                "data TEXT NOT NULL, modified TEXT NOT NULL)")
    old.execute("CREATE INDEX annotations_document ON annotations (document)")
    old.execute("CREATE TABLE documents (sha256 TEXT PRIMARY KEY, path TEXT, title TEXT, "
                "seen REAL)")
    note = document_note("from the first release")
    import json
    old.execute("INSERT INTO annotations VALUES (?, ?, ?, ?)",
                (note.id, "doc", json.dumps(note.to_dict()), note.modified))
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    store = AnnotationStore.open(path)
    assert store.set_aside is None
    assert [a.comment for a in store.load("doc")] == ["from the first release"]
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == 2
    store.save("other", [note])
    assert store.count() == 2
