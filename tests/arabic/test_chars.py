"""One glyph's text, normalized (``reader.arabic.chars``)."""

from __future__ import annotations

from reader.arabic.chars import is_mark, normalize_char


def test_isolated_forms_of_marks_are_marks_not_a_space_and_marks():
    """Fonts with a shadda-and-vowel glyph (Noto Sans Arabic, Nazli) are mapped to its
    isolated presentation form, whose compatibility decomposition starts with a space
    (ﱡ = space, damma, shadda): read so, سِرُّ came out سِر ُّ."""
    for form, marks in (("\ufc61", "\u064f\u0651"), ("\ufe7c", "\u0651"),
                        ("\ufe70", "\u064b"), ("\ufcf2", "\u064e\u0651")):
        assert normalize_char(form) == marks
        assert is_mark(normalize_char(form))
    # A ligature of words keeps its spaces.
    assert normalize_char("\ufdfb") == "جل جلاله"
