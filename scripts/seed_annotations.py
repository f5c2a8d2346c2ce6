"""Put a few annotations on the sample report (for screenshots and trying the panel):
    QARI_DATA_DIR=... python scripts/seed_annotations.py"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.annotations.review import Review
from reader.annotations.store import AnnotationStore
from reader.resources import sample_report
from reader.session import DocumentSession


def main() -> None:
    session = DocumentSession.open(sample_report())
    review = Review(session, AnnotationStore.open())
    text = session.page_model(0).text
    marks = []
    for phrase, kind, colour, comment, tags in (
        ("ثلاث وعشرين قرية جبلية", "highlight", "yellow", "Check the village count "
         "against the 2023 survey.", ("figures",)),
        ("أربع أسر من كل عشر", "highlight", "green", "Key finding for the summary.",
         ("summary",)),
        ("38 لترًا في اليوم", "underline", "red", "WHO minimum is 50-100 l/day.",
         ("figures", "WHO")),
        ("412,000 دولار أمريكي", "strike", "blue", "", ()),
    ):
        start = text.index(phrase)
        marks.append(review.text_mark(0, start, start + len(phrase), kind, colour)
                     .edited(comment=comment, tags=tags))
    marks.append(review.sticky(0, 60, 430, "orange", "Ask the authors for the raw data."))
    marks.append(review.note("Overall: clear report; numbers need sources."))
    review.apply(marks)
    print(f"{len(review.annotations)} annotations on {sample_report().name}")


if __name__ == "__main__":
    main()
