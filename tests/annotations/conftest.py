from __future__ import annotations

import pytest

from reader.annotations.review import Review
from reader.annotations.store import AnnotationStore
from reader.resources import sample_report
from reader.session import DocumentSession


@pytest.fixture
def store(tmp_path):
    s = AnnotationStore.open(tmp_path / "annotations.sqlite")
    yield s
    s.close()


@pytest.fixture
def review(store):
    session = DocumentSession.open(sample_report())
    yield Review(session, store)
    session.close()


def find(review: Review, page: int, phrase: str) -> tuple[int, int]:
    text = review.session.page_model(page).text
    start = text.index(phrase)
    return start, start + len(phrase)
