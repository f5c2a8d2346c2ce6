"""Page range parsing for the command line ("1-3,7" → [0, 1, 2, 6])."""

from __future__ import annotations


def parse_page_ranges(spec: str | None, page_count: int) -> list[int]:
    """0-based page indices for a 1-based spec; ``None`` means every page.

    Raises ValueError with a short reason for malformed or out-of-range specs.
    """
    if spec is None or not spec.strip():
        return list(range(page_count))
    pages: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        first, sep, last = part.partition("-")
        try:
            start = int(first) if first.strip() else 1
            end = (int(last) if last.strip() else page_count) if sep else start
        except ValueError:
            raise ValueError(f"bad page range {part!r}") from None
        if start < 1 or end > page_count or start > end:
            raise ValueError(f"page range {part!r} is outside 1-{page_count}")
        pages.extend(p for p in range(start - 1, end) if p not in pages)
    if not pages:
        raise ValueError("no pages selected")
    return pages
