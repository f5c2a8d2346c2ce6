from __future__ import annotations

import pytest

from reader.errors import Cancelled
from reader.search import SearchablePage, find_in_page, find_in_pages
from reader.session import DocumentSession


def test_hit_maps_back_to_word_boxes():
    page = SearchablePage.from_words(3, [("تقرير", (10, 10, 50, 20)), ("المياه", (60, 10, 99, 20))])
    [hit] = find_in_page(page, "المِيَاه")
    assert hit.page == 3
    assert page.text[hit.start:hit.end] == "المياه"
    assert hit.rects == ((60, 10, 99, 20),)


def test_phrase_across_words_gets_both_boxes():
    page = SearchablePage.from_words(0, [("مياه", (1, 1, 2, 2)), ("الشرب", (3, 1, 4, 2))])
    [hit] = find_in_page(page, "مياه الشرب")
    assert hit.rects == ((1, 1, 2, 2), (3, 1, 4, 2))


def test_empty_query_finds_nothing():
    page = SearchablePage.from_words(0, [("مياه", (1, 1, 2, 2))])
    assert find_in_page(page, " َ ") == []


def test_cancel_stops_between_pages():
    pages = [SearchablePage.from_words(i, [("مياه", (1, 1, 2, 2))]) for i in range(3)]
    calls = iter([False, True])
    with pytest.raises(Cancelled):
        list(find_in_pages(pages, "مياه", cancelled=lambda: next(calls)))


@pytest.mark.parametrize("query", ["الصفصاف", "الصَّفْصَاف", "الصفصـــاف"])
def test_find_in_sample_with_and_without_harakat(sample_pdf, query):
    session = DocumentSession.open(sample_pdf)
    pages = sorted({hit.page for hit in session.find(query)})
    # The village appears in the testimonies (page 4) and the recommendations (page 5).
    assert pages == [3, 4]


def test_find_folds_taa_marbuta(sample_pdf):
    session = DocumentSession.open(sample_pdf)
    assert {hit.page for hit in session.find("المنهجيه")} == {1}
