"""Put a few annotations and the translator's English of a few sentences on the sample
report (for screenshots and trying the panel and the grid):
    QARI_DATA_DIR=... python scripts/seed_annotations.py"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.annotations.review import Review
from reader.annotations.store import AnnotationStore
from reader.resources import sample_report
from reader.session import DocumentSession
from reader.translation.cache import EDITED, REVIEWED, TranslationCache
from reader.translation.segment import page_sentences

# The first sentences of page 1 as a translator would render them (written for Qari).
ENGLISH = (
    ("مبادرة نبع", "Nabaa Initiative for Community Development, Field Report Series, No. 7",
     REVIEWED),
    ("الوصول إلى مياه", "Access to Drinking Water in Mountain Villages", REVIEWED),
    ("تقرير ميداني", "Field report for the period January to June 2025", REVIEWED),
    ("ملخص تنفيذي", "Executive summary", REVIEWED),
    ("يعرض هذا التقرير", "This report presents the results of a field survey carried out by "
     "the Nabaa Initiative team in twenty-three mountain villages, covering 1,840 households "
     "home to about 9,600 people.", EDITED),
)


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
    cache = TranslationCache()
    sentences = page_sentences(text, session.kept_body_length(0))
    for start, english, status in ENGLISH:
        sentence = next(s for s in sentences if s.text.startswith(start))
        cache.edit(session.info.sha256, sentence.text, english, status, 0, sentence.start)
    print(f"{len(review.annotations)} annotations and {len(ENGLISH)} translated sentences on "
          f"{sample_report().name}")


if __name__ == "__main__":
    main()
