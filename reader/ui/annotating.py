"""The window's side of annotating: commands with undo, painting, files in and out.

Every change is one ``QUndoCommand`` holding the annotations before and after, applied to
the Qt-free ``Review``; the panel, the page and both text panes are repainted from it.
Work that reads the PDF (importing marks, exporting a copy, bilingual pages) runs on the
document thread; the rest is quick and runs here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from reader.annotations.model import (
    COLOUR_HEX,
    COLOUR_NAMES,
    ORPHAN,
    TEXT_KINDS,
    Annotation,
    document_note,
)
from reader.annotations.review import ImportReport, Review, mark_text, sticky_on, write_summary
from reader.annotations.store import AnnotationStore, StoreError, StoreErrorCode
from reader.annotations.w3c import W3CError
from reader.arabic.model import PageText
from reader.ui.annotations_panel import AnnotationsPanel, kind_label
from reader.ui.context import WindowContext
from reader.ui.panes import ArabicTextPane
from reader.ui.pdf_view import PdfView
from reader.ui.worker import PRIORITY_BACKGROUND, PRIORITY_VISIBLE, DocumentWorker

if TYPE_CHECKING:
    from reader.session import DocumentSession


Change = list[tuple[str, Annotation | None, Annotation | None]]  # id, before, after


class ChangeCommand(QUndoCommand):
    def __init__(self, controller: AnnotationController, change: Change, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self.change = change

    def redo(self) -> None:
        self.controller._apply([(i, after) for i, _before, after in self.change])

    def undo(self) -> None:
        self.controller._apply([(i, before) for i, before, _after in self.change])


class AnnotationController(QObject):
    """Annotations of the open document: made, changed, undone, imported and exported here,
    listed in the side panel, drawn on the page and in the Arabic pane."""

    changed = Signal()  # annotations were added, changed or removed
    loaded = Signal(int)  # a document's annotations are in (how many)
    text_marks_shown = Signal(list)  # (start, end, kind, colour) on the page in the pane
    page_requested = Signal(int)  # an annotation with no place on its page: show the page

    def __init__(self, ctx: WindowContext, panel: AnnotationsPanel, view: PdfView,
                 pane: ArabicTextPane,
                 selection: Callable[[], tuple[PageText, int, int, str, str] | None]) -> None:
        super().__init__(ctx)
        self.ctx, self.panel, self.view, self.pane = ctx, panel, view, pane
        self._selection = selection  # what an annotation would cover now
        self._pending: tuple[int, int, int] | None = None  # (page, start, end) to select
        self.undo_stack = QUndoStack(self)
        self.review: Review | None = None
        self._store: AnnotationStore | None = None
        self.colour = COLOUR_NAMES[0]
        self._warned: StoreErrorCode | None = None
        view.annotation_marks = self.page_marks
        panel.activated.connect(self.go_to)
        panel.delete_requested.connect(self.delete)
        panel.comment_edited.connect(self.set_comment)
        panel.recolour_requested.connect(self.recolour)
        panel.tags_requested.connect(self.edit_tags)
        panel.note_requested.connect(self.add_document_note)
        self.loaded.connect(self._loaded)
        self.changed.connect(self._changed)
        ctx.document_changed.connect(self.open)

    # -- shown -----------------------------------------------------------------------------------
    def _loaded(self, _count: int) -> None:
        self.panel.set_annotations(self.review.annotations if self.review else None)
        self.view.viewport().update()
        self.paint_text()

    def _changed(self) -> None:
        self.panel.refresh()
        self.view.viewport().update()
        self.paint_text()

    def paint_text(self) -> None:
        """The page's text annotations in the Arabic pane (and, by signal, the grid)."""
        model = self.pane.model
        if model is not None:
            marks = self.text_marks(model.page)
            self.pane.set_annotation_marks(marks)
            self.text_marks_shown.emit(marks)

    def page_shown(self, model: PageText) -> None:
        self.paint_text()
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == model.page and pending[2] > pending[1]:
            self.pane.select_range(pending[1], pending[2])

    def go_to(self, annotation_id: str) -> None:
        """Show an annotation: its place on the page, its text selected in the pane."""
        annotation = self.review.annotations.get(annotation_id) if self.review else None
        if annotation is None or annotation.page is None:
            return
        page = annotation.page
        if annotation.rects:
            self.view.ensure_visible(page, annotation.rects[0])
        elif annotation.point is not None:
            x, y = annotation.point
            self.view.ensure_visible(page, (x, y, x + 10, y + 10))
        else:
            self.page_requested.emit(page)
        model = self.pane.model
        if model is not None and model.page == page and annotation.end > annotation.start:
            self.pane.select_range(annotation.start, annotation.end)
        else:
            self._pending = (page, annotation.start, annotation.end)

    # -- documents -----------------------------------------------------------------------------
    def store(self) -> AnnotationStore:
        if self._store is None:
            self._store = AnnotationStore.open()
            if self._store.set_aside is not None:
                self.ctx.fail(self.tr(
                    "The annotation database was damaged. It was kept as %1 and a new one "
                    "was started.").replace("%1", str(self._store.set_aside)))
            elif self._store.read_only:
                self.ctx.fail(self.tr(
                    "Qari cannot write to its data folder (%1). Annotations are shown but "
                    "new ones cannot be saved: export them before closing.").replace(
                    "%1", str(self._store.path.parent)))
        return self._store

    def open(self, session: DocumentSession) -> None:
        """Load the document's annotations off the GUI thread; until they are in there is
        nothing to annotate with."""
        self.panel.set_annotations(None)
        self.close()
        store = self.store()

        def done(review: Review) -> None:
            if self.ctx.session is not session:
                return
            self.review = review
            self.loaded.emit(len(review.annotations))
            self._place_again(session)
            self.ctx.jobs.submit(review.annotations.prepare_search, PRIORITY_BACKGROUND)

        def failed(exc: object) -> None:
            self.ctx.fail(self.tr("The annotations of this document cannot be "
                                           "read: %1").replace("%1", str(exc)))

        # On the document thread, queued before the first page's rendering: reading a few
        # thousand rows takes tens of milliseconds there, and several times that on another
        # thread competing with the rendering for the interpreter.
        self.ctx.worker.submit(lambda: Review(session, store), PRIORITY_VISIBLE, done,
                                  failed)

    def _place_again(self, session: DocumentSession) -> None:
        """Annotations made on text from another repair engine are placed again, on the
        document thread (it reads pages); the result is applied here."""
        review = self.review
        if review is None:
            return
        waiting = [a for a in review.annotations.all() if review.needs_anchoring(a)]
        if not waiting:
            return

        def work() -> list[Annotation]:
            return [placed for a in waiting if (placed := review.anchor(a)) is not a]

        def done(placed: list[Annotation]) -> None:
            if self.review is review and placed:
                self._report(review.apply(placed))
                self.changed.emit()

        self.ctx.worker.submit(work, PRIORITY_BACKGROUND, done, lambda _e: None)

    def close(self) -> bool:
        """Save what is pending; False if something could not be saved."""
        ok = True
        if self.review is not None:
            ok = self.review.annotations.flush() is None
        self.undo_stack.clear()
        self.review = None
        self.changed.emit()
        return ok

    # -- changes -------------------------------------------------------------------------------
    def push(self, before: list[Annotation | None], after: list[Annotation | None],
             text: str) -> None:
        ids = [(b or a).id for b, a in zip(before, after, strict=True)]  # type: ignore[union-attr]
        change = list(zip(ids, before, after, strict=True))
        self.undo_stack.push(ChangeCommand(self, change, text))

    def _apply(self, pairs: list[tuple[str, Annotation | None]]) -> None:
        if self.review is None:
            return
        put = [a for _i, a in pairs if a is not None]
        delete = [i for i, a in pairs if a is None]
        self._report(self.review.apply(put, delete))
        self.changed.emit()

    def _report(self, error: StoreError | None) -> None:
        if error is None:
            self._warned = None
            return
        if self._warned == error.code:
            return  # said once; the change is kept and retried with the next one
        self._warned = error.code
        reason = {StoreErrorCode.READ_ONLY: self.tr("the data folder cannot be written"),
                  StoreErrorCode.DISK_FULL: self.tr("the disk is full")}.get(
            error.code, self.tr("saving failed"))
        self.ctx.fail(self.tr(
            "Annotations could not be saved: %1. They are kept and Qari will try again with "
            "the next change; to be safe, export them (File → Export annotations).")
            .replace("%1", reason))

    def add(self, annotation: Annotation, text: str) -> None:
        self.push([None], [annotation], text)

    def mark_selection(self, kind: str, colour: str | None = None) -> Annotation | None:
        """Highlight, underline or strike through what is selected (Arabic pane, page or
        translation rows)."""
        if self.review is None:
            return None
        colour = colour or self.colour
        selection = self._selection()
        if selection is None:
            self.ctx.tell(
                self.tr("Select some text first (in the Arabic pane, on the page or in the "
                        "translation)."), 5000)
            return None
        model, start, end, layer, english = selection
        try:
            annotation = mark_text(model, start, end, kind, colour, layer, english)
        except ValueError:
            return None
        self.add(annotation, self.tr("Add %1").replace("%1", kind_label(kind)))
        return annotation

    def add_sticky(self, model: PageText, x: float, y: float) -> Annotation | None:
        if self.review is None:
            return None
        text, ok = QInputDialog.getMultiLineText(self.ctx.widget, self.tr("Note on the page"),
                                                 self.tr("Note:"))
        if not ok:
            return None
        note = sticky_on(model, x, y, self.colour, text)
        self.add(note, self.tr("Add a note"))
        return note

    def add_document_note(self) -> Annotation | None:
        if self.review is None:
            return None
        text, ok = QInputDialog.getMultiLineText(self.ctx.widget, self.tr("Note on the document"),
                                                 self.tr("Note:"))
        if not ok or not text.strip():
            return None
        note = document_note(text, self.colour)
        self.add(note, self.tr("Add a note"))
        return note

    def _edit(self, ids: list[str], text: str, **changes: object) -> None:
        if self.review is None:
            return
        before = [self.review.annotations.get(i) for i in ids]
        before = [a for a in before if a is not None]
        if before:
            self.push(list(before), [a.edited(**changes) for a in before], text)

    def set_comment(self, annotation_id: str, comment: str) -> None:
        self._edit([annotation_id], self.tr("Edit comment"), comment=comment)

    def recolour(self, ids: list[str], colour: str) -> None:
        self._edit(ids, self.tr("Change colour"), colour=colour)

    def edit_tags(self, ids: list[str]) -> None:
        if self.review is None or not ids:
            return
        first = self.review.annotations.get(ids[0])
        current = ", ".join(first.tags) if first else ""
        text, ok = QInputDialog.getText(self.ctx.widget, self.tr("Tags"),
                                        self.tr("Tags, separated by commas:"), text=current)
        if ok:
            tags = tuple(dict.fromkeys(t.strip() for t in text.replace("،", ",").split(",")
                                       if t.strip()))
            self._edit(ids, self.tr("Edit tags"), tags=tags)

    def delete(self, ids: list[str]) -> None:
        if self.review is None:
            return
        before = [a for a in (self.review.annotations.get(i) for i in ids) if a is not None]
        if before:
            self.push(list(before), [None] * len(before),
                      self.tr("Delete annotations"))

    def pick_colour(self, number: int) -> None:
        """Keys 1-8: the colour for what comes next; with text selected, highlight it in
        that colour; with annotations selected in the panel, recolour them."""
        self.colour = COLOUR_NAMES[number - 1]
        panel = self.panel
        if panel.list.hasFocus() and panel.selected_ids():
            self.recolour(panel.selected_ids(), self.colour)
        elif self._selection() is not None:
            self.mark_selection("highlight", self.colour)
        self.ctx.tell(self.tr("Colour: %1").replace(
            "%1", self.colour), 3000)

    # -- painting ------------------------------------------------------------------------------
    def page_marks(self, page: int) -> list[tuple[str, str, tuple, tuple | None]]:
        """(kind, colour, rects, point) of the annotations drawn on a page."""
        if self.review is None:
            return []
        return [(a.kind, COLOUR_HEX.get(a.colour, "#ffd400"), a.rects, a.point)
                for a in self.review.annotations.on_page(page) if a.status != ORPHAN]

    def text_marks(self, page: int) -> list[tuple[int, int, str, str]]:
        """(start, end, kind, colour) of the text annotations of a page."""
        if self.review is None:
            return []
        return [(a.start, a.end, a.kind, COLOUR_HEX.get(a.colour, "#ffd400"))
                for a in self.review.annotations.on_page(page)
                if a.kind in TEXT_KINDS and a.status != ORPHAN]

    # -- files ---------------------------------------------------------------------------------
    def _folder(self) -> str:
        info = self.ctx.info
        return str(Path(info.path).parent) if info else str(Path.home())

    def _stem(self) -> str:
        info = self.ctx.info
        return Path(info.path).stem if info else "annotations"

    def import_dialog(self) -> None:
        if self.review is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.ctx.widget, self.tr("Import annotations"), self._folder(),
            self.tr("Annotations (*.json *.pdf);;W3C Web Annotations (*.json);;"
                    "Annotated PDF (*.pdf)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        review = self.review
        if review is None:
            return
        # Read and place on the document thread; add here, as one step of undo.
        def work() -> ImportReport:
            return review.import_pdf(path, apply=False) if path.lower().endswith(".pdf") \
                else review.import_w3c(path, apply=False)

        def done(report: ImportReport) -> None:
            if self.review is not review:
                return
            fresh = [a for a in report.annotations if a.id not in review.annotations]
            if fresh:
                self.push([None] * len(fresh), list(fresh), self.tr("Import annotations"))
            lines = [self.tr("%n annotation(s) imported.", "", report.added)]
            if report.orphans:
                lines.append(self.tr("%1 could not be placed in the text; they are listed "
                                     "as “not found”.").replace("%1", str(report.orphans)))
            if report.already:
                lines.append(self.tr("%1 were there already.").replace("%1",
                                                                       str(report.already)))
            if report.skipped:
                lines.append(self.tr("%1 were left out (unreadable, or of a kind Qari does "
                                     "not use).").replace("%1", str(len(report.skipped))))
            QMessageBox.information(self.ctx.widget, self.tr("Import annotations"),
                                    "\n".join(lines))

        def failed(exc: object) -> None:
            if isinstance(exc, W3CError):
                reason = self.tr("it is not a W3C Web Annotation file (%1)").replace(
                    "%1", str(exc))
            else:
                reason = str(exc)
            self.ctx.fail(self.tr("Cannot import annotations from %1: %2")
                                   .replace("%1", Path(path).name).replace("%2", reason))

        self.ctx.worker.submit(work, PRIORITY_VISIBLE, done, failed)

    def _written(self, path: str, count: int) -> None:
        self.ctx.tell(
            self.tr("%n annotation(s) written to %1", "", count).replace(
                "%1", Path(path).name), 6000)

    def _not_written(self, path: str, exc: object) -> None:
        reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
        self.ctx.fail(self.tr("Cannot write %1: %2").replace("%1", path)
                               .replace("%2", reason))

    def _save_path(self, title: str, name: str, kinds: str) -> str:
        """A path the user chose to write to ("" if none), starting beside the document."""
        path, _ = QFileDialog.getSaveFileName(self.ctx.widget, title,
                                              str(Path(self._folder()) / name), kinds)
        return path

    def _write(self, path: str, write: Callable[[], int], worker: DocumentWorker) -> None:
        """Write in the background (thousands of annotations take a few hundred ms), then
        say how many were written or why none were."""
        worker.submit(write, PRIORITY_VISIBLE, lambda count: self._written(path, count),
                      lambda exc: self._not_written(path, exc))

    def export_w3c_dialog(self) -> None:
        review = self.review
        if review is None:
            return
        path = self._save_path(self.tr("Export annotations"),
                               f"{self._stem()}.annotations.json",
                               self.tr("W3C Web Annotations (*.json)"))
        if path:
            self._write(path, lambda: review.export_w3c(path), self.ctx.jobs)

    def export_pdf_dialog(self) -> None:
        review = self.review
        if review is None:
            return
        path = self._save_path(self.tr("Export an annotated copy of the PDF"),
                               f"{self._stem()} (annotated).pdf",
                               self.tr("PDF documents (*.pdf)"))
        if path:
            self._write(path, lambda: review.export_pdf(path), self.ctx.jobs)

    def export_markdown_dialog(self) -> None:
        if self.review is None:
            return
        path = self._save_path(self.tr("Export notes"), f"{self._stem()} notes.md",
                               self.tr("Markdown (*.md)"))
        if not path:
            return
        groups = [self.tr("by page"), self.tr("by colour"), self.tr("by tag")]
        choice, ok = QInputDialog.getItem(self.ctx.widget, self.tr("Export notes"),
                                          self.tr("Group the annotations:"), groups, 0, False)
        if not ok:
            return
        group = ("page", "colour", "tag")[groups.index(choice)]
        self.export_markdown(path, group)

    def export_markdown(self, path: str, group: str = "page",
                        bilingual_pages: list[int] | None = None) -> None:
        review = self.review
        if review is None:
            return
        self._write(path, lambda: write_summary(review, path, group, bilingual_pages or []),
                    self.ctx.worker)
