"""Annotations as plain data: what a reviewer marked, where, and what they wrote about it.

An annotation is anchored three ways at once, after the W3C Web Annotation selectors: the
quoted text with some context before and after (TextQuoteSelector), its offsets in the
page's repaired text (TextPositionSelector), and the page with its rectangles. The quote
and the page carry the meaning; offsets and rectangles are fast paths that a newer repair
engine may invalidate (see ``anchoring``). Values are frozen: a change makes a new value,
which is what undo keeps.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field, replace

Rect = tuple[float, float, float, float]

HIGHLIGHT, UNDERLINE, STRIKE, STICKY, NOTE = "highlight", "underline", "strike", "sticky", "note"
KINDS = (HIGHLIGHT, UNDERLINE, STRIKE, STICKY, NOTE)
TEXT_KINDS = (HIGHLIGHT, UNDERLINE, STRIKE)  # made from a text selection

# Eight colours, picked with the keys 1-8 (Zotero's palette: users know it).
COLOURS: tuple[tuple[str, str], ...] = (
    ("yellow", "#ffd400"), ("red", "#ff6666"), ("green", "#5fb236"), ("blue", "#2ea8e5"),
    ("purple", "#a28ae5"), ("magenta", "#e56eee"), ("orange", "#f19837"), ("grey", "#aaaaaa"),
)
COLOUR_NAMES = tuple(name for name, _ in COLOURS)
COLOUR_HEX = dict(COLOURS)

# Where an annotation stands after its document's text was extracted again.
ANCHORED, REVIEW, ORPHAN = "anchored", "review", "orphan"

ARABIC, TRANSLATION = "arabic", "translation"  # the layer a selection was made in
CONTEXT = 32  # characters of prefix and suffix kept with a quote


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Annotation:
    """One highlight, underline, strike-through, sticky note or document note.

    ``page`` is 0-based; None for a note on the whole document. ``start``/``end`` index the
    page's repaired text (``PageText.text``); ``exact``/``prefix``/``suffix`` quote it.
    ``point`` places a sticky note on the page (PDF points, top-left origin).
    """

    id: str
    kind: str
    colour: str = "yellow"
    page: int | None = None
    start: int = 0
    end: int = 0
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    rects: tuple[Rect, ...] = ()
    point: tuple[float, float] | None = None
    comment: str = ""
    tags: tuple[str, ...] = ()
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
    status: str = ANCHORED
    pipeline: str = ""  # the repair engine version whose text the offsets index
    layer: str = ARABIC
    translation: str = ""  # the English selected, when made in the translation pane

    def sort_key(self) -> tuple[int, int, float, str]:
        """Reading order: document notes first, then by page, place in the text, height."""
        top = self.rects[0][1] if self.rects else (self.point[1] if self.point else 0.0)
        return (-1 if self.page is None else self.page, self.start, top, self.created)

    def edited(self, **changes: object) -> Annotation:
        """A copy with ``changes`` and a new modification time."""
        return replace(self, modified=now_iso(), **changes)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "kind": self.kind, "colour": self.colour, "page": self.page,
            "start": self.start, "end": self.end, "exact": self.exact, "prefix": self.prefix,
            "suffix": self.suffix, "rects": [list(r) for r in self.rects],
            "point": list(self.point) if self.point else None, "comment": self.comment,
            "tags": list(self.tags), "created": self.created, "modified": self.modified,
            "status": self.status, "pipeline": self.pipeline, "layer": self.layer,
            "translation": self.translation,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Annotation:
        """Read what ``to_dict`` wrote; unknown keys are ignored, bad values raise."""
        kind = str(data["kind"])
        if kind not in KINDS:
            raise ValueError(f"unknown annotation kind {kind!r}")
        colour = str(data.get("colour") or "yellow")
        page = data.get("page")
        point = data.get("point")
        return cls(
            id=str(data["id"]), kind=kind,
            colour=colour if colour in COLOUR_HEX else "yellow",
            page=None if page is None else int(page),
            start=int(data.get("start") or 0), end=int(data.get("end") or 0),
            exact=str(data.get("exact") or ""), prefix=str(data.get("prefix") or ""),
            suffix=str(data.get("suffix") or ""),
            rects=tuple(_rect(r) for r in data.get("rects") or ()),
            point=(float(point[0]), float(point[1])) if point else None,
            comment=str(data.get("comment") or ""),
            tags=tuple(str(t) for t in data.get("tags") or ()),
            created=str(data.get("created") or now_iso()),
            modified=str(data.get("modified") or now_iso()),
            status=str(data.get("status") or ANCHORED), pipeline=str(data.get("pipeline") or ""),
            layer=str(data.get("layer") or ARABIC),
            translation=str(data.get("translation") or ""),
        )


def _rect(value: object) -> Rect:
    if not isinstance(value, list | tuple):
        raise TypeError("a box is a list of four numbers")
    x0, y0, x1, y1 = (float(v) for v in value)
    return (x0, y0, x1, y1)


def quote(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The exact text of a range with some context on either side."""
    return text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]


def text_annotation(kind: str, colour: str, page: int, text: str, start: int, end: int,
                    rects: list[Rect] | tuple[Rect, ...], pipeline: str, layer: str = ARABIC,
                    translation: str = "") -> Annotation:
    """A highlight, underline or strike-through over ``text[start:end]`` of a page."""
    if kind not in TEXT_KINDS:
        raise ValueError(f"not a text annotation: {kind}")
    start, end = max(0, start), min(len(text), end)
    # Spaces at the ends of a selection are not part of what was meant.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise ValueError("empty selection")
    exact, prefix, suffix = quote(text, start, end)
    return Annotation(new_id(), kind, colour, page, start, end, exact, prefix, suffix,
                      tuple(rects), pipeline=pipeline, layer=layer, translation=translation)


def sticky_note(page: int, x: float, y: float, colour: str = "yellow",
                comment: str = "") -> Annotation:
    return Annotation(new_id(), STICKY, colour, page, point=(x, y), comment=comment)


def document_note(comment: str, colour: str = "yellow") -> Annotation:
    return Annotation(new_id(), NOTE, colour, None, comment=comment)
