"""Sentence-by-sentence translation with a cache, independent of Qt and of Argos itself."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from reader.errors import Cancelled
from reader.translation.cache import TranslationCache, normalize_source

BATCH = 32  # sentences per translate_batch call: a page, roughly


class Model(Protocol):
    identity: str

    def translate_batch(self, sentences: list[str], num_hypotheses: int = 1
                        ) -> list[list[tuple[str, float]]]: ...


@dataclass(frozen=True)
class Translation:
    source: str
    target: str
    alternatives: tuple[str, ...] = ()
    score: float = 0.0
    cached: bool = False

    def warnings(self) -> list[str]:
        """Signs of a suspicious machine translation (codes the UI words)."""
        out = []
        if any(unicodedata.bidirectional(c) in ("AL", "R") for c in self.target):
            out.append("arabic_left")
        if normalize_source(self.target) == normalize_source(self.source):
            out.append("unchanged")
        ratio = (len(self.target) + 1) / (len(self.source) + 1)
        if ratio > 4 or ratio < 0.25:
            out.append("length")
        return out


class TranslationEngine:
    def __init__(self, model: Model, cache: TranslationCache | None = None) -> None:
        self.model = model
        self.cache = cache

    def translate(self, sentences: list[str], cancelled: Callable[[], bool] = lambda: False,
                  num_hypotheses: int = 1) -> list[Translation]:
        """Translations in the order of ``sentences``: cached ones at once, the others in
        batches; raises ``Cancelled`` between batches when asked to stop."""
        known = self.cache.get(self.model.identity, sentences) if self.cache else {}
        todo = [s for s in dict.fromkeys(sentences) if normalize_source(s) not in known]
        fresh: dict[str, tuple[str, list[str], float]] = {}
        for start in range(0, len(todo), BATCH):
            if cancelled():
                raise Cancelled()
            batch = todo[start:start + BATCH]
            results = self.model.translate_batch(batch, num_hypotheses)
            rows = []
            for source, hypotheses in zip(batch, results, strict=True):
                best, score = hypotheses[0] if hypotheses else ("", 0.0)
                alternatives = [text for text, _ in hypotheses[1:]]
                fresh[normalize_source(source)] = (best, alternatives, score)
                rows.append((source, best, alternatives, score))
            if self.cache is not None:
                self.cache.put(self.model.identity, rows)
        out = []
        for sentence in sentences:
            key = normalize_source(sentence)
            cached = key in known
            target, alternatives, score = known[key] if cached else fresh[key]
            out.append(Translation(sentence, target, tuple(alternatives), score or 0.0, cached))
        return out
