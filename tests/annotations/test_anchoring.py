"""Re-anchoring after the text changed: exact place, folded quote, nearby pages, fuzzy,
orphans; and the approximate matcher against a plain edit-distance search."""

from __future__ import annotations

import random

from reader.annotations.anchoring import _approximate, _myers_ends, locate, reanchored
from reader.annotations.model import ANCHORED, ORPHAN, REVIEW, text_annotation

PAGE = ("يعرض هذا التقرير نتائج مسح ميداني أجراه فريق المبادرة في ثلاث وعشرين قرية جبلية. "
        "وقد تبيّن أن أربع أسر من كل عشر تعتمد على الصهاريج المتنقلة مصدرًا رئيسيًا للمياه.")


def mark(text: str, phrase: str, page: int = 0):
    start = text.index(phrase)
    return text_annotation("highlight", "yellow", page, text, start, start + len(phrase), [],
                           "old-engine")


def pages(*texts: str):
    return lambda page: texts[page] if 0 <= page < len(texts) else None


def test_unchanged_text_keeps_its_place():
    a = mark(PAGE, "الصهاريج المتنقلة")
    placed = locate(a, pages(PAGE), 1)
    assert (placed.page, placed.start, placed.end, placed.status) == (0, a.start, a.end,
                                                                       ANCHORED)


def test_text_that_moved_on_the_page_is_found_by_its_quote():
    a = mark(PAGE, "الصهاريج المتنقلة")
    new = "عنوان جديد في أعلى الصفحة\n" + PAGE
    placed = locate(a, pages(new), 1)
    assert new[placed.start:placed.end] == "الصهاريج المتنقلة" and placed.status == ANCHORED


def test_spelling_variants_do_not_stop_it():
    # The new engine keeps harakat and writes hamza forms differently: folded, they match.
    a = mark(PAGE, "أربع أسر من كل عشر")
    new = PAGE.replace("أربع أسر", "اَرْبع اسر")
    placed = locate(a, pages(new), 1)
    assert new[placed.start:placed.end] == "اَرْبع اسر من كل عشر"


def test_the_occurrence_with_the_right_context_wins():
    text = "المياه في القرية الأولى. " + PAGE + " المياه في القرية الثانية."
    a = mark(text, "المياه", 0)
    a = a.edited(start=text.rindex("المياه"), end=text.rindex("المياه") + 6,
                 prefix=text[text.rindex("المياه") - 20:text.rindex("المياه")],
                 suffix=" في القرية الثانية.")
    moved = "سطر جديد. " + text
    placed = locate(a, pages(moved), 1)
    assert placed.start == moved.rindex("المياه")


def test_text_that_moved_to_the_next_page_is_found_there_for_review():
    a = mark(PAGE, "ثلاث وعشرين قرية جبلية")
    placed = locate(a, pages("صفحة أخرى تماما", PAGE), 2)
    assert placed.page == 1 and placed.status == REVIEW


def test_a_changed_quote_is_found_approximately_for_review():
    a = mark(PAGE, "تعتمد على الصهاريج المتنقلة مصدرًا رئيسيًا")
    new = PAGE.replace("الصهاريج المتنقلة", "الصهريج المتنقل")
    placed = locate(a, pages(new), 1)
    assert placed.status == REVIEW
    assert new[placed.start:placed.end].startswith("تعتمد على الصهريج")


def test_what_is_gone_is_an_orphan_that_keeps_its_quote():
    a = mark(PAGE, "الصهاريج المتنقلة")
    placed = locate(a, pages("نص مختلف لا علاقة له بالموضوع إطلاقا"), 1)
    assert placed is None
    orphan = reanchored(a, placed, None, None, "new-engine")
    assert orphan.status == ORPHAN and orphan.exact == "الصهاريج المتنقلة"


def test_reanchoring_refreshes_offsets_context_and_engine():
    a = mark(PAGE, "الصهاريج المتنقلة")
    new = "مقدمة. " + PAGE
    placed = locate(a, pages(new), 1)
    moved = reanchored(a, placed, new, [(1.0, 2.0, 3.0, 4.0)], "new-engine")
    assert moved.start == a.start + 7 and moved.pipeline == "new-engine"
    assert moved.rects == ((1.0, 2.0, 3.0, 4.0),) and moved.prefix.endswith("على ")


def _distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[:], i
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
    return row[-1]


def test_the_bit_parallel_matcher_agrees_with_plain_edit_distance():
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice("ابت ") for _ in range(rng.randint(1, 14)))
        pattern = "".join(rng.choice("ابت") for _ in range(rng.randint(1, 6)))
        limit = rng.randint(0, 2)
        expected = []
        for end in range(len(text)):
            best = min(_distance(pattern, text[s:end + 1]) for s in range(end + 2))
            if best <= limit:
                expected.append((end, best))
        assert _myers_ends(text, pattern, limit) == expected
        for start, end, errors in _approximate(text, pattern, limit):
            assert _distance(pattern, text[start:end]) == errors <= limit
