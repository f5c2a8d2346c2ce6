"""Arabic-aware find over a document's pages (Qt-free)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from reader.arabic.fold import fold, fold_with_map
from reader.errors import Cancelled

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class SearchablePage:
    """A page's text with, for each character, the box it occupies (None for gaps)."""

    page: int
    text: str
    boxes: tuple[Rect | None, ...]

    @classmethod
    def from_words(cls, page: int, words: Iterable[tuple[str, Rect]]) -> SearchablePage:
        parts: list[str] = []
        boxes: list[Rect | None] = []
        for text, rect in words:
            if parts:
                parts.append(" ")
                boxes.append(None)
            parts.append(text)
            boxes.extend([rect] * len(text))
        return cls(page, "".join(parts), tuple(boxes))


@dataclass(frozen=True)
class Hit:
    page: int
    start: int  # offsets into SearchablePage.text
    end: int
    rects: tuple[Rect, ...]
    context: str


def _merge_rects(boxes: Iterable[Rect | None]) -> tuple[Rect, ...]:
    seen: list[Rect] = []
    for box in boxes:
        if box is not None and box not in seen:
            seen.append(box)
    return tuple(seen)


def find_in_page(page: SearchablePage, query: str, context: int = 30) -> list[Hit]:
    """All non-overlapping hits of ``query`` in ``page``, compared after folding."""
    needle = fold(query)
    if not needle:
        return []
    haystack, index = fold_with_map(page.text)
    hits: list[Hit] = []
    pos = haystack.find(needle)
    while pos >= 0:
        start = index[pos]
        end = index[pos + len(needle) - 1] + 1
        # Marks after the last matched letter belong to it.
        while end < len(page.text) and fold(page.text[end]) == "" and not page.text[end].isspace():
            end += 1
        snippet = page.text[max(0, start - context): end + context].replace("\n", " ")
        hits.append(Hit(page.page, start, end, _merge_rects(page.boxes[start:end]), snippet))
        pos = haystack.find(needle, pos + len(needle))
    return hits


def find_in_pages(
    pages: Iterable[SearchablePage],
    query: str,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[Hit]:
    """Hits page by page; raises ``Cancelled`` between pages when asked to stop."""
    for page in pages:
        if cancelled():
            raise Cancelled()
        yield from find_in_page(page, query)
