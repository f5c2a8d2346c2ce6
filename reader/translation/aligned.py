"""The English that goes with a passage of a page, for summaries: the translator's own
version where there is one, else the machine translation already made. Nothing is
translated here (a summary must not wait for a model, nor need one)."""

from __future__ import annotations

from reader.arabic.repair import PIPELINE_VERSION
from reader.session import DocumentSession
from reader.translation.cache import TranslationCache, normalize_source
from reader.translation.segment import Sentence
from reader.translation.units import session_units


class AlignedTranslations:
    def __init__(self, session: DocumentSession, cache: TranslationCache | None = None) -> None:
        self.session = session
        self._cache = cache
        # by page: each sentence, its English, and whether a translator wrote or confirmed it
        self._pages: dict[int, list[tuple[Sentence, str, bool]]] = {}

    def _cache_or_none(self) -> TranslationCache | None:
        if self._cache is None:
            try:
                self._cache = TranslationCache()
            except Exception:  # no cache yet, or unreadable: no English, not an error
                return None
        return self._cache

    def sentences(self, page: int) -> list[tuple[Sentence, str, bool]]:
        """The page's sentences with their English ("" where there is none) and whether
        it is the translator's (not machine output)."""
        if page not in self._pages:
            cache = self._cache_or_none()
            fixes = (cache.source_fixes.fixes(self.session.info.sha256, page) if cache
                     else [])
            # Read now if the window has not read it in the background yet.
            found = session_units(self.session, page, fixes, read=True)
            sentences = found[1] if found else []
            english: dict[str, tuple[str, bool]] = {}
            if cache is not None:
                sources = [s.text for s in sentences]
                english = {k: (t, False) for k, t in cache.any_model(sources).items()}
                english.update({k: (e.text, True) for k, e in cache.place(
                    self.session.info.sha256, page, sources, PIPELINE_VERSION).items()})
            self._pages[page] = [(s, *english.get(normalize_source(s.text), ("", False)))
                                 for s in sentences]
        return self._pages[page]

    def for_range(self, page: int, start: int, end: int) -> str:
        """The English of the sentences that overlap ``[start, end)`` of a page."""
        parts = [english for s, english, _checked in self.sentences(page)
                 if english and s.start < end and s.end > start]
        return " ".join(parts)

    def machine_range(self, page: int, start: int, end: int) -> bool:
        """Is any of the English of ``[start, end)`` machine output (not the translator's)?"""
        return any(english and not checked for s, english, checked in self.sentences(page)
                   if s.start < end and s.end > start)

    def paragraphs(self, page: int) -> list[tuple[str, str, bool]]:
        """Each block of the page (body, then notes) with the English of its sentences, and
        whether any of that English is machine output."""
        model = self.session.page_model(page)
        out = []
        offset = 0
        for block in model.blocks():
            text = block.text
            start, end = offset, offset + len(text)
            out.append((text, self.for_range(page, start, end),
                        self.machine_range(page, start, end)))
            offset = end + 1
        return out
