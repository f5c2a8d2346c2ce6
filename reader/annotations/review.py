"""The reviewer's side of a document session: making, placing, importing and exporting
annotations. Qt-free: the window and the command line both use it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.annotations import anchoring, markdown, w3c
from reader.annotations.collection import AnnotationSet
from reader.annotations.model import (
    ARABIC,
    COLOUR_HEX,
    COLOUR_NAMES,
    ORPHAN,
    STICKY,
    TEXT_KINDS,
    Annotation,
    Rect,
    document_note,
    sticky_note,
    text_annotation,
)
from reader.annotations.store import AnnotationStore, StoreError
from reader.arabic.model import PageText
from reader.arabic.repair import PIPELINE_VERSION
from reader.files import read_bytes, write_text
from reader.session import DocumentSession


@dataclass
class ImportReport:
    added: int = 0
    already: int = 0  # the same annotation was there (same id)
    orphans: int = 0  # imported, but their text was not found: listed as orphans
    skipped: list[str] = field(default_factory=list)
    other_document: int = 0
    save_error: StoreError | None = None
    annotations: list[Annotation] = field(default_factory=list)  # those added


class Review:
    """Annotations of one open document, with what it takes to place them."""

    def __init__(self, session: DocumentSession, store: AnnotationStore) -> None:
        self.session = session
        self.store = store
        self.annotations = AnnotationSet(store, session.info.sha256)
        store.remember_document(session.info.sha256, session.info.path, session.info.title)

    # -- making -------------------------------------------------------------------------------
    def text_mark(self, page: int, start: int, end: int, kind: str, colour: str,
                  layer: str = ARABIC, translation: str = "") -> Annotation:
        """A new (unsaved) highlight, underline or strike-through of a text range."""
        return mark_text(self.session.page_model(page), start, end, kind, colour, layer,
                         translation)

    def sticky(self, page: int, x: float, y: float, colour: str = "yellow",
               comment: str = "") -> Annotation:
        return sticky_on(self.session.page_model(page), x, y, colour, comment)

    @staticmethod
    def note(comment: str, colour: str = "yellow") -> Annotation:
        return document_note(comment, colour)

    def range_under(self, page: int, rects: Iterable[Rect]) -> tuple[int, int] | None:
        """The text range whose characters sit inside ``rects`` (marks made elsewhere)."""
        boxes = self.session.page_model(page).char_boxes()
        hits = []
        for rx0, ry0, rx1, ry1 in rects:
            pad = 0.2 * (ry1 - ry0)
            for index, box in enumerate(boxes):
                if box is None:
                    continue
                cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
                if rx0 - pad <= cx <= rx1 + pad and ry0 - pad <= cy <= ry1 + pad:
                    hits.append(index)
        return (min(hits), max(hits) + 1) if hits else None

    # -- changing -----------------------------------------------------------------------------
    def apply(self, put: Iterable[Annotation] = (), delete: Iterable[str] = ()
              ) -> StoreError | None:
        return self.annotations.apply(put, delete)

    # -- placing again ------------------------------------------------------------------------
    def needs_anchoring(self, annotation: Annotation) -> bool:
        """Text made by another repair engine may have moved (same engine, same file: the
        same text, so nothing to do)."""
        return annotation.kind in TEXT_KINDS and annotation.page is not None and (
            annotation.pipeline != PIPELINE_VERSION)

    def anchor(self, annotation: Annotation) -> Annotation:
        """The annotation placed in the current text (maybe unchanged, maybe an orphan)."""
        count = self.session.page_count

        def text(page: int) -> str | None:
            try:
                return self.session.page_text(page)
            except Exception:  # an unreadable page: nothing to find there
                return None

        placement = anchoring.locate(annotation, text, count)
        if placement is None:
            return anchoring.reanchored(annotation, None, None, None, PIPELINE_VERSION)
        model = self.session.page_model(placement.page)
        rects = model.rects_for(placement.start, placement.end) if (
            annotation.kind in TEXT_KINDS) else None
        return anchoring.reanchored(annotation, placement, model.text, rects, PIPELINE_VERSION)

    def anchor_all(self, pages: Iterable[int] | None = None,
                   cancelled: Callable[[], bool] = lambda: False) -> StoreError | None:
        """Re-place the annotations that need it (on ``pages``, or everywhere)."""
        wanted = None if pages is None else set(pages)
        changed = []
        for a in list(self.annotations.all()):
            if cancelled():
                break
            if (wanted is None or a.page in wanted) and self.needs_anchoring(a):
                placed = self.anchor(a)
                if placed is not a:
                    changed.append(placed)
        return self.apply(changed) if changed else None

    # -- interchange --------------------------------------------------------------------------
    def import_w3c(self, path: str | Path, apply: bool = True) -> ImportReport:
        """Add the annotations of a W3C file; with ``apply=False`` only prepare them (in
        ``report.annotations``), for the caller to add (the window, as one undo step)."""
        data = read_bytes(path, w3c.MAX_BYTES, "W3C annotation file")
        found = w3c.from_w3c(data, self.session.info.sha256)
        report = ImportReport(skipped=list(found.skipped), other_document=found.other_document)
        return self._add_imported(found.annotations, report, apply)

    def import_pdf(self, path: str | Path, password: str | None = None,
                   apply: bool = True) -> ImportReport:
        from reader.pdf.annots import read_marks

        marks = read_marks(path, password)
        report = ImportReport()
        if marks.skipped:
            report.skipped.append(f"{marks.skipped} annotations of other kinds or unreadable")
        made: list[Annotation] = []
        for mark in marks.marks:
            if not 0 <= mark.page < self.session.page_count:
                report.skipped.append(f"an annotation on page {mark.page + 1}, "
                                      f"which this document does not have")
                continue
            colour = _nearest_colour(mark.colour)
            if mark.kind == "sticky":
                x, y = mark.point or (0.0, 0.0)
                made.append(self.sticky(mark.page, x, y, colour, mark.comment))
                continue
            span = self.range_under(mark.page, mark.rects)
            if span is None:
                report.skipped.append(f"a {mark.kind} on page {mark.page + 1} over no text")
                continue
            annotation = self.text_mark(mark.page, span[0], span[1], mark.kind, colour)
            made.append(annotation.edited(comment=mark.comment, rects=tuple(mark.rects)))
        return self._add_imported(made, report, apply)

    def _add_imported(self, annotations: list[Annotation], report: ImportReport,
                      apply: bool = True) -> ImportReport:
        fresh = []
        ids: set[str] = set()
        repeated = 0
        for a in annotations:
            if a.id in ids:  # one id twice in the file: the store would keep one of them
                repeated += 1
                continue
            ids.add(a.id)
            if a.id in self.annotations or self._same_as_existing(a):
                report.already += 1
                continue
            if a.kind in TEXT_KINDS and a.page is not None:
                a = self.anchor(a.edited(pipeline=a.pipeline or "imported"))
                report.orphans += a.status == ORPHAN
            fresh.append(a)
        if repeated:
            report.skipped.append(f"{repeated} annotations that repeat another's id")
        report.added = len(fresh)
        report.annotations = fresh
        if apply and fresh:
            report.save_error = self.apply(fresh)
        return report

    def _same_as_existing(self, a: Annotation) -> bool:
        """An import of marks Qari itself exported: the same kind over the same text, or
        the same note at the same place."""
        for b in self.annotations.on_page(a.page):
            if b.kind != a.kind:
                continue
            if a.kind in TEXT_KINDS and (b.start, b.end) == (a.start, a.end):
                return True
            if a.kind not in TEXT_KINDS and b.comment == a.comment and (
                    a.point is None or b.point is None
                    or abs(a.point[0] - b.point[0]) + abs(a.point[1] - b.point[1]) < 2):
                return True
        return False

    def export_w3c(self, target: str | Path) -> int:
        items = self.annotations.all()
        data = w3c.to_w3c(items, self.session.info.sha256, self.session.info.title)
        write_text(target, json.dumps(data, ensure_ascii=False, indent=1))
        return len(items)

    def export_pdf(self, target: str | Path, password: str | None = None) -> int:
        from reader.pdf.annots import PdfMark, write_marked_copy

        marks = []
        for a in self.annotations.all():
            if a.page is None or a.status == ORPHAN:
                continue
            colour = _rgb(COLOUR_HEX.get(a.colour, "#ffd400"))
            if a.kind == STICKY:
                marks.append(PdfMark(STICKY, a.page, (), a.point, a.comment, colour))
            elif a.rects:
                marks.append(PdfMark(a.kind, a.page, a.rects, None, a.comment, colour))
        return write_marked_copy(self.session.info.path, target, marks, password)

    def summary(self, group: str = "page", bilingual_pages: Iterable[int] = (),
                english: Callable[[int, int, int], str] | None = None,
                paragraphs_english: Callable[[int], list[tuple[str, str, bool]]] | None = None,
                machine: Callable[[int, int, int], bool] | None = None,
                exported: str = "", generator: str = "Qari") -> str:
        """The Markdown summary. ``english(page, start, end)`` gives the translation aligned
        with a range of a page; ``paragraphs_english(page)`` a page's (Arabic, English)
        paragraphs."""
        info = self.session.info
        facts = markdown.DocumentFacts(
            title=info.title, file_name=Path(info.path).name, sha256=info.sha256,
            page_count=info.page_count, author=info.author, metadata=dict(info.metadata))

        def aligned(a: Annotation) -> str:
            if english is None or a.page is None or a.kind not in TEXT_KINDS:
                return ""
            return english(a.page, a.start, a.end)

        def by_machine(a: Annotation) -> bool:
            if machine is None or a.page is None or a.kind not in TEXT_KINDS:
                return False
            return machine(a.page, a.start, a.end)

        pages = []
        for p in bilingual_pages:
            rows = paragraphs_english(p) if paragraphs_english else [
                (b.text, "", False) for b in self.session.page_model(p).body]
            pages.append(markdown.BilingualPage(p, [(ar, en) for ar, en, _m in rows],
                                                [m for _ar, _en, m in rows]))
        return markdown.summary(facts, self.annotations.all(), english=aligned,
                                machine=by_machine, group=group, bilingual=pages,
                                exported=exported, generator=generator)


def dated_summary(review: Review, group: str = "page",
                  bilingual_pages: Iterable[int] = ()) -> str:
    """The summary as the window and the command line write it: dated, with the English of
    the translator's edits or of the machine translations already made."""
    from reader import __version__
    from reader.translation.aligned import AlignedTranslations

    aligned = AlignedTranslations(review.session)
    return review.summary(group=group, bilingual_pages=bilingual_pages,
                          english=aligned.for_range, paragraphs_english=aligned.paragraphs,
                          machine=aligned.machine_range,
                          exported=time.strftime("%Y-%m-%d"), generator=f"Qari {__version__}")


def write_summary(review: Review, target: str | Path, group: str = "page",
                  bilingual_pages: Iterable[int] = ()) -> int:
    """Write ``dated_summary`` to ``target``; returns how many annotations it holds."""
    write_text(target, dated_summary(review, group, bilingual_pages))
    return len(review.annotations)


def mark_text(model: PageText, start: int, end: int, kind: str, colour: str,
              layer: str = ARABIC, translation: str = "") -> Annotation:
    """A highlight, underline or strike-through of ``model.text[start:end]``, with the
    rectangles of its glyphs (``ValueError`` for an empty range)."""
    made = text_annotation(kind, colour, model.page, model.text, start, end, [],
                           PIPELINE_VERSION, layer, translation)
    return made.edited(rects=tuple(model.rects_for(made.start, made.end)))


def sticky_on(model: PageText, x: float, y: float, colour: str = "yellow",
              comment: str = "") -> Annotation:
    """A note at a point of a page, placed in reading order at the text nearest to it."""
    offset = model.offset_at(x, y) or 0
    return sticky_note(model.page, x, y, colour, comment).edited(
        start=offset, end=offset, pipeline=PIPELINE_VERSION)


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _nearest_colour(rgb: tuple[float, float, float] | None) -> str:
    if rgb is None:
        return COLOUR_NAMES[0]

    def distance(name: str) -> float:
        r, g, b = _rgb(COLOUR_HEX[name])
        return (r - rgb[0]) ** 2 + (g - rgb[1]) ** 2 + (b - rgb[2]) ** 2

    return min(COLOUR_NAMES, key=distance)


__all__ = ["ImportReport", "Review", "dated_summary", "mark_text", "sticky_on", "write_summary"]
