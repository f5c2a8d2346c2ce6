"""A page's translation units: its sentences, each table cell a text of its own, with the
translator's fixes of the source in place. Everything that lists a page's segments (the
grid, the background translation, exports, summaries) takes them from here, so that they
all agree on what a segment is."""

from __future__ import annotations

from collections.abc import Sequence

from reader.arabic.model import BlockSpan
from reader.session import DocumentSession
from reader.translation.segment import Sentence, page_sentences
from reader.translation.source_fixes import SourceFix, apply_fixes


def page_units(text: str, body_length: int, spans: Sequence[BlockSpan] = (),
               fixes: Sequence[SourceFix] = ()) -> tuple[list[Sentence], list[SourceFix]]:
    """The units of a page's text, and the fixes that could not be placed on it."""
    sentences = page_sentences(text, body_length, spans)
    if not fixes:
        return sentences, []
    return apply_fixes(sentences, fixes, text)


def session_units(session: DocumentSession, page: int, fixes: Sequence[SourceFix] = (),
                  read: bool = False) -> tuple[str, list[Sentence]] | None:
    """A page's text and units as the session has read it (``None`` if it has not, unless
    ``read``: then the page is read now)."""
    text = session.kept_text(page)
    if text is None:
        if not read:
            return None
        session.page_model(page)
        text = session.kept_text(page) or ""
    units, _ = page_units(text, session.kept_body_length(page), session.kept_spans(page), fixes)
    return text, units
