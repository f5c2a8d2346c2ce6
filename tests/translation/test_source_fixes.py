"""The translator's fixes of the Arabic source: applied, re-anchored, kept, never dropped."""

from __future__ import annotations

import sqlite3

import pytest

from reader.translation.cache import TranslationCache
from reader.translation.segment import page_sentences
from reader.translation.source_fixes import EDIT, JOIN, SPLIT, SourceFix, apply_fixes

TEXT = ("تعاني القرى الجبلية من نقص المياه. وتضطر الأسر إلى قطع مسافات\n"
        "بعيدة للوصول إلى الينابيع. توصي الدراسة ببناء خزانات صغيرة.")


def sentences(text=TEXT):
    return page_sentences(text, len(text) + 1)


def fix(kind, start, end, texts, cuts=(), created=1.0, fix_id=1, text=TEXT):
    return SourceFix(fix_id, 0, start, end, text[start:end], kind, tuple(texts), tuple(cuts),
                     created)


def test_a_join_an_edit_and_a_split_keep_their_page_ranges():
    found = sentences()
    assert len(found) == 4  # the line break cut a sentence in two: the extraction's fault
    second, third = found[1], found[2]
    joined = second.text + " " + third.text
    out, unplaced = apply_fixes(found, [fix(JOIN, second.start, third.end, [joined])], TEXT)
    assert unplaced == [] and len(out) == 3
    assert (out[1].start, out[1].end, out[1].text) == (second.start, third.end, joined)
    # An edit of the joined segment refines it (applied after the join).
    edited = joined.replace("مسافات بعيدة", "مسافات طويلة")
    out, _ = apply_fixes(found, [fix(JOIN, second.start, third.end, [joined]),
                                 fix(EDIT, second.start, third.end, [edited], created=2.0,
                                     fix_id=2)], TEXT)
    assert out[1].text == edited and (out[1].start, out[1].end) == (second.start, third.end)
    # A split gives two segments, each over its own part of the page text.
    first = found[0]
    cut = first.text.index("من")
    out, _ = apply_fixes(found, [fix(SPLIT, first.start, first.end,
                                     [first.text[:cut].strip(), first.text[cut:]], [cut])], TEXT)
    assert [s.text for s in out[:2]] == [first.text[:cut].strip(), first.text[cut:]]
    assert out[0].start == first.start and out[1].start == first.start + cut
    assert out[1].end == first.end


def test_a_fix_follows_its_quote_after_a_re_extraction_and_one_whose_quote_is_gone_is_listed():
    found = sentences()
    last = found[-1]
    edit = fix(EDIT, last.start, last.end, ["توصي الدراسة ببناء خزانات صغيرة للأمطار."])
    newer = "عنوان جديد في أعلى الصفحة\n" + TEXT  # the text moved by a heading read anew
    out, unplaced = apply_fixes(sentences(newer), [edit], newer)
    assert unplaced == [] and out[-1].text == edit.texts[0]
    assert newer[out[-1].start:out[-1].end] == last.text
    gone = "نص مختلف تماما عن النص الأول."
    out, unplaced = apply_fixes(sentences(gone), [edit], gone)
    assert unplaced == [edit] and [s.text for s in out] == [gone]


def test_fixes_are_kept_per_document_across_a_restart(tmp_path):
    path = tmp_path / "translations.sqlite"
    cache = TranslationCache(path)
    store = cache.source_fixes
    made = store.add("doc", 0, 0, 10, TEXT[:10], EDIT, ["نص مصحح"])
    store.add("other", 0, 0, 10, TEXT[:10], EDIT, ["نص آخر"])
    cache.close()
    again = TranslationCache(path).source_fixes
    assert [f.texts for f in again.fixes("doc")] == [("نص مصحح",)]
    assert again.fixes("doc", page=1) == []
    again.remove(made.id)
    assert again.fixes("doc") == []
    again.restore("doc", made)  # an undone removal comes back as it was
    assert again.fixes("doc") == [made]


def test_bad_fixes_are_refused(tmp_path):
    store = TranslationCache(tmp_path / "t.sqlite").source_fixes
    with pytest.raises(ValueError):
        store.add("doc", 0, 5, 5, "", EDIT, ["x"])
    with pytest.raises(ValueError):
        store.add("doc", 0, 0, 5, "abcde", SPLIT, ["a", "b"], [])
    with pytest.raises(ValueError):
        store.add("doc", 0, 0, 5, "abcde", EDIT, ["x" * 30_000])


def test_a_schema_2_file_gains_the_table_and_keeps_its_edits(tmp_path):
    path = tmp_path / "translations.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE machine (model TEXT NOT NULL, source TEXT NOT NULL, target TEXT "
               "NOT NULL, alternatives TEXT NOT NULL DEFAULT '[]', score REAL, "
               "PRIMARY KEY (model, source))")
    db.execute("CREATE TABLE edits (document TEXT NOT NULL, source TEXT NOT NULL, target TEXT "
               "NOT NULL, status TEXT NOT NULL, modified REAL NOT NULL, page INTEGER NOT NULL "
               "DEFAULT -1, start INTEGER NOT NULL DEFAULT -1, pipeline TEXT NOT NULL DEFAULT "
               "'', original TEXT NOT NULL DEFAULT '', PRIMARY KEY (document, source))")
    db.execute("INSERT INTO edits VALUES ('doc', 'جملة', 'A sentence.', 'reviewed', 1.0, 0, 0, "
               "'', 'جملة')")
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    cache = TranslationCache(path)
    assert cache.edits("doc")["جملة"].text == "A sentence."
    assert cache.source_fixes.fixes("doc") == []
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == 3
