"""The translation memory: exact and fuzzy matches across documents, kept across restarts."""

from __future__ import annotations

import sqlite3

import pytest

from reader.translation.memory import FUZZY_THRESHOLD, TranslationMemory, memory_key

SOURCE = "ارتفع معدل التضخم في البلاد إلى ٥٫٢٪ خلال العام الماضي"
TARGET = "Inflation in the country rose to 5.2% last year."


def test_an_exact_match_ignores_harakat_tatweel_alef_forms_and_digit_scripts(tmp_path):
    memory = TranslationMemory(tmp_path / "m.sqlite")
    memory.add(SOURCE, TARGET, document="doc-a", status="reviewed")
    vocalized = "اِرْتَفَعَ مُعـــدّل التضخم في البلاد إلى 5٫2٪ خلال العام الماضي"
    found = memory.exact([vocalized, "جملة لا علاقة لها"])
    assert list(found) == [vocalized]
    assert found[vocalized].target == TARGET and found[vocalized].score == 1.0
    assert found[vocalized].document == "doc-a"


def test_fuzzy_matches_are_scored_by_words_and_show_the_differences(tmp_path):
    memory = TranslationMemory(tmp_path / "m.sqlite")
    memory.add(SOURCE, TARGET)
    memory.add("تقرير عن المياه في القرى الجبلية", "A report on water in mountain villages.")
    # One word of eleven changed: 10/11 of the words need no edit.
    changed = SOURCE.replace("الماضي", "الحالي")
    [match] = memory.fuzzy(changed)
    assert match.target == TARGET
    assert match.score == pytest.approx(10 / 11)
    assert [w for w, differs in match.words if differs] == ["الماضي"]
    # A sentence with half its words changed is no match at all.
    half = "انخفض عدد السكان في المدينة إلى ٥٫٢٪ بعد سنوات طويلة"
    assert memory.fuzzy(half) == []
    assert all(m.score >= FUZZY_THRESHOLD for m in memory.fuzzy(SOURCE))


def test_the_memory_survives_a_restart_and_the_latest_english_wins(tmp_path):
    path = tmp_path / "m.sqlite"
    memory = TranslationMemory(path)
    memory.add(SOURCE, TARGET)
    assert memory.fuzzy(SOURCE)[0].target == TARGET  # builds the fuzzy index
    memory.add(SOURCE, "Inflation rose to 5.2% last year.")
    memory.add("جملة جديدة تماما عن الزراعة", "An entirely new sentence on farming.")
    memory.close()
    again = TranslationMemory(path)
    assert again.count() == 2
    assert again.exact([SOURCE])[SOURCE].target == "Inflation rose to 5.2% last year."
    assert again.fuzzy("جملة جديدة تماما عن الزراعة")[0].score == 1.0


def test_a_pair_added_after_the_index_was_built_is_found(tmp_path):
    memory = TranslationMemory(tmp_path / "m.sqlite")
    assert memory.fuzzy(SOURCE) == []
    memory.add(SOURCE, TARGET)
    assert memory.fuzzy(SOURCE)[0].target == TARGET


def test_empty_sources_and_targets_are_not_kept(tmp_path):
    memory = TranslationMemory(tmp_path / "m.sqlite")
    memory.add("  ", "Nothing")
    memory.add(SOURCE, "   ")
    assert memory.count() == 0 and memory_key("ـــ") == ""


def test_a_damaged_memory_file_is_kept_aside_and_a_new_one_started(tmp_path):
    path = tmp_path / "memory.sqlite"
    path.write_bytes(b"SQLite format 3\0" + b"\xff" * 4000)
    memory = TranslationMemory(path)
    assert memory.set_aside is not None and memory.set_aside.read_bytes().startswith(b"SQLite")
    memory.add(SOURCE, TARGET)
    assert TranslationMemory(path).count() == 1


def test_a_memory_from_a_newer_qari_is_not_touched(tmp_path):
    path = tmp_path / "memory.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    memory = TranslationMemory(path)  # set aside, never overwritten
    assert memory.set_aside is not None
    with sqlite3.connect(memory.set_aside) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 99
