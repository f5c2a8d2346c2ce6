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
    error: str = ""  # the model failed on this sentence (the others went on)

    def warnings(self) -> list[str]:
        """Signs of a suspicious machine translation (codes the UI words)."""
        if self.error:
            return ["failed"]
        out = []
        if any(unicodedata.bidirectional(c) in ("AL", "R") for c in self.target):
            out.append("arabic_left")
        if normalize_source(self.target) == normalize_source(self.source):
            out.append("unchanged")
        ratio = (len(self.target) + 1) / (len(self.source) + 1)
        if ratio > 4 or ratio < 0.25:
            out.append("length")
        return out


# Where an over-long sentence is cut, best first: clause punctuation (Arabic and Latin),
# then any space. The pieces are translated alone and their English joined.
_CLAUSE_BREAKS = ("؛;", "،,:", "—–", " ")


def split_long(text: str, fits: Callable[[str], bool]) -> list[str]:
    """``text`` cut into pieces that each ``fits``, at clause punctuation where it can,
    else between words, else anywhere; every character is kept, in order."""
    if fits(text) or len(text) < 2:
        return [text]
    for marks in _CLAUSE_BREAKS:
        cuts = [i + 1 for i, ch in enumerate(text[:-1]) if ch in marks]
        if cuts:
            middle = min(cuts, key=lambda i: abs(i - len(text) / 2))
            if 0 < middle < len(text):
                return split_long(text[:middle], fits) + split_long(text[middle:], fits)
    half = len(text) // 2
    return split_long(text[:half], fits) + split_long(text[half:], fits)


class TranslationEngine:
    def __init__(self, model: Model, cache: TranslationCache | None = None) -> None:
        self.model = model
        self.cache = cache

    def _pieces(self, sentence: str) -> list[str]:
        """The sentence, or its pieces when it is longer than the model takes at once."""
        limit = getattr(self.model, "max_tokens", None)
        count = getattr(self.model, "count_tokens", None)
        if limit is None or count is None or len(sentence) + 1 < limit:  # a token: 1+ chars
            return [sentence]
        return [p for p in split_long(sentence, lambda t: count(t) <= limit) if p.strip()]

    def _run(self, batch: list[str], num_hypotheses: int
             ) -> list[tuple[list[tuple[str, float]], str]]:
        """Hypotheses for each sentence of a batch, or the error it alone gives: a batch
        that fails is tried sentence by sentence, so one bad sentence fails alone."""
        try:
            return [(h, "") for h in self.model.translate_batch(batch, num_hypotheses)]
        except (RuntimeError, ValueError, MemoryError) as exc:
            if len(batch) == 1:
                return [([], str(exc).strip().splitlines()[0] if str(exc).strip()
                         else type(exc).__name__)]
        return [result for sentence in batch for result in self._run([sentence],
                                                                     num_hypotheses)]

    def _translate_pieces(self, pieces: list[str], num_hypotheses: int
                          ) -> tuple[str, list[str], float, str]:
        results = self._run(pieces, num_hypotheses)
        errors = [error for _, error in results if error]
        if errors:
            return "", [], 0.0, errors[0]
        best = [h[0] if h else ("", 0.0) for h, _ in results]
        if len(pieces) == 1:
            hypotheses = results[0][0]
            return best[0][0], [text for text, _ in hypotheses[1:]], best[0][1], ""
        # Joined pieces: alternatives would mix; the score is the pieces' mean.
        return (" ".join(text for text, _ in best if text), [],
                sum(score for _, score in best) / len(best), "")

    def translate(self, sentences: list[str], cancelled: Callable[[], bool] = lambda: False,
                  num_hypotheses: int = 1) -> list[Translation]:
        """Translations in the order of ``sentences``: cached ones at once, the others in
        batches; raises ``Cancelled`` between batches when asked to stop. A sentence the
        model fails on gets ``error`` (and is not cached); the others go on."""
        known = self.cache.get(self.model.identity, sentences) if self.cache else {}
        todo = [s for s in dict.fromkeys(sentences) if normalize_source(s) not in known]
        fresh: dict[str, tuple[str, list[str], float, str]] = {}
        pieces = {s: self._pieces(s) for s in todo}
        long = {s for s in todo if len(pieces[s]) > 1}
        short = [s for s in todo if s not in long]
        work: list[list[str]] = [short[i:i + BATCH] for i in range(0, len(short), BATCH)]
        work += [[s] for s in long]
        for batch in work:
            if cancelled():
                raise Cancelled()
            if len(batch) == 1 and batch[0] in long:
                results = [self._translate_pieces(pieces[batch[0]], num_hypotheses)]
            else:
                results = [(h[0][0] if h else "", [t for t, _ in h[1:]],
                            h[0][1] if h else 0.0, error)
                           for h, error in self._run(batch, num_hypotheses)]
            rows = []
            for source, (best, alternatives, score, error) in zip(batch, results, strict=True):
                fresh[normalize_source(source)] = (best, alternatives, score, error)
                if not error:
                    rows.append((source, best, alternatives, score))
            if self.cache is not None and rows:
                self.cache.put(self.model.identity, rows)
        out = []
        for sentence in sentences:
            key = normalize_source(sentence)
            if key in known:
                target, alternatives, score = known[key]
                out.append(Translation(sentence, target, tuple(alternatives), score or 0.0,
                                       True))
            else:
                target, alternatives, score, error = fresh[key]
                out.append(Translation(sentence, target, tuple(alternatives), score or 0.0,
                                       False, error))
        return out
