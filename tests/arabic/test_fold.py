from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.arabic.fold import fold, fold_with_map


def test_harakat_and_tatweel_are_ignored():
    assert fold("الْمَدْرَسَةُ") == fold("المدرسة")
    assert fold("كـــتاب") == fold("كتاب")
    assert fold("مُحَمَّدٌ") == "محمد"


def test_letter_variants_fold_together():
    assert fold("أحمد") == fold("احمد") == fold("إحمد") == fold("آحمد")
    assert fold("مدرسة") == fold("مدرسه")
    assert fold("على") == fold("علي")
    assert fold("مسؤول") == fold("مسوول")
    assert fold("٢٠٢٥") == "2025"


def test_presentation_forms_fold_to_base_letters():
    assert fold("ﻣﻘﺪﻣﺔ") == fold("مقدمة")
    assert fold("ﻻ") == "لا"  # lam-alef ligature → lam + alef


def test_latin_is_case_insensitive_and_spaces_collapse():
    assert fold("  WHO   and\nUNICEF ") == "who and unicef"


def test_map_points_into_the_source():
    text = "الْكِتَابُ ﻻ"
    folded, index = fold_with_map(text)
    assert len(folded) == len(index)
    for ch, i in zip(folded, index, strict=True):
        assert 0 <= i < len(text)
        assert ch == " " if text[i].isspace() else ch in fold(text[i])


arabic_text = st.text(
    alphabet=st.sampled_from([*"ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى ـًٌٍَُِّْ٠١٢abcXYZ 12",
                              "ﻻ", "ﻣ", "ﺔ", "\u200f"]),
    max_size=60,
)


@given(arabic_text)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(arabic_text)
def test_map_is_monotone(text):
    _, index = fold_with_map(text)
    assert index == sorted(index)


def test_search_key_folds_like_fold_for_arabic():
    from reader.arabic.fold import search_key

    for text in ("أَرْبع أسر من كلّ عشر", "الإحصاءات قديمة", "ﻻ ﷲ", "مياه ٣٨ لترًا",
                 "الصـــهاريج  المتنقلة", "مؤسسة ومسؤول وشاطئ"):
        assert search_key(text) == fold(text)
    assert search_key("Café CAFE\u0301") == "cafe cafe"  # accents go too
