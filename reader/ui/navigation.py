"""Pages: turning them, the page box and status, the page's Arabic text fetched for the pane,
and the text kept in step with the page image (selection, clicks, drags)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QSpinBox

from reader.arabic.model import PageText
from reader.session import DocumentSession
from reader.ui.context import WindowContext
from reader.ui.docks import OutlineTree, ThumbnailList
from reader.ui.page_images import PageImageCache
from reader.ui.panes import ArabicTextPane
from reader.ui.pdf_view import PdfView
from reader.ui.worker import PRIORITY_VISIBLE, TaskHandle


class NavigationController(QObject):
    page_turned = Signal(int)  # the page shown changed
    page_shown = Signal(object)  # PageText: the page's text is in the Arabic pane
    page_text_shown = Signal(int)  # ... and everything that follows it has been told

    def __init__(self, ctx: WindowContext, view: PdfView, cache: PageImageCache,
                 pane: ArabicTextPane, thumbnails: ThumbnailList, outline: OutlineTree,
                 side_docks: tuple[QDockWidget, QDockWidget]) -> None:
        super().__init__(ctx)
        self.ctx, self.view, self.cache, self.pane = ctx, view, cache, pane
        self.thumbnails, self.outline = thumbnails, outline
        self.thumbnails_dock, self.outline_dock = side_docks
        self._info = None  # the document whose position is kept
        self._text_task: TaskHandle | None = None
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageBox")
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda v: self.go_to_page(v - 1))
        self.page_total = QLabel()
        self.status_page = QLabel()
        self.status_zoom = QLabel()
        self.status_quality = QLabel()
        self.status_quality.setObjectName("textQuality")
        self._text_timer = QTimer(self, singleShot=True, interval=60)
        self._text_timer.timeout.connect(self.refresh)
        self._position_timer = QTimer(self, singleShot=True, interval=1500)
        self._position_timer.timeout.connect(self.save_position)
        view.current_page_changed.connect(self._page_changed)
        view.zoom_changed.connect(lambda _zoom: self.update_status())
        view.page_clicked.connect(self._page_clicked)
        view.page_dragged.connect(self._page_dragged)
        pane.selection_changed.connect(self._mirror_selection)
        thumbnails.page_activated.connect(self.go_to_page)
        outline.page_activated.connect(self.go_to_page)
        cache.render_failed.connect(lambda page, message: ctx.tell(
            self.tr("Page %1 cannot be displayed: %2").replace("%1", str(page + 1))
            .replace("%2", message), 8000))
        ctx.document_changed.connect(self._adopt)

    def _adopt(self, session: DocumentSession) -> None:
        self.save_position()  # of the document before
        self._info = info = session.info
        sizes = [(p.width, p.height) for p in info.pages]
        self.cache.set_renderer(session.render)
        self.view.set_pages(sizes)
        mode, zoom = self.ctx.settings.zoom()
        if mode == PdfView.FIT_PAGE:
            self.view.fit_page()
        elif mode == PdfView.FIT_NONE:
            self.view.set_zoom(zoom)
        else:
            self.view.fit_width()  # also the first open: the page as wide as its pane
        self.thumbnails.set_pages(sizes, [p.label for p in info.pages])
        self.outline.set_outline(info.outline)
        # The outline beside the thumbnails, when the reader keeps that side open (on a
        # small screen it starts closed: the page needs the room).
        left_open = self.thumbnails_dock.toggleViewAction().isChecked()
        self.outline_dock.setVisible(bool(info.outline) and left_open)
        self.outline_dock.toggleViewAction().setEnabled(bool(info.outline))
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(info.page_count)
        self.page_box.setValue(1)
        self.page_box.blockSignals(False)
        self.pane.clear()
        last = self.ctx.settings.last_page(info.sha256)
        if 0 < last < info.page_count:
            self.go_to_page(last)
        else:
            self._page_changed(0)

    def go_to_page(self, page: int) -> None:
        if self.ctx.info is not None:
            self.view.go_to_page(max(0, min(page, self.ctx.info.page_count - 1)))

    def focus_page_box(self) -> None:
        self.page_box.setFocus()
        self.page_box.selectAll()

    def save_position(self) -> None:
        if self._info is not None:
            self.ctx.settings.set_last_page(self._info.sha256, self.view.current_page)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.thumbnails.select_page(page)
        self.update_status()
        self.pane.show_loading(page)
        self.view.set_selection(page, [])
        self._text_timer.start()
        self._position_timer.start()
        self.page_turned.emit(page)

    def refresh(self) -> None:
        """Fetch the visible page's text (off the GUI thread) and show it."""
        ctx = self.ctx
        if ctx.session is None:
            return
        session, page = ctx.session, self.view.current_page
        ctx.worker.cancel(self._text_task)

        def shown(model: PageText) -> None:
            if session is ctx.session and page == self.view.current_page:
                self.pane.show_page(model)
                self._show_quality(model)
                self.page_shown.emit(model)
                self.page_text_shown.emit(page)

        def failed(_exc: object) -> None:
            if session is ctx.session and page == self.view.current_page:
                self.pane.show_error(page, self.tr("The text of this page cannot be read."))

        self._text_task = ctx.worker.submit(lambda: session.page_model(page), PRIORITY_VISIBLE,
                                            shown, failed)

    def refresh_if_shown(self, *pages: int) -> None:
        """Fetch the page's text again if it is one of ``pages`` (their text changed)."""
        if self.view.current_page in pages:
            self.refresh()

    def _show_quality(self, model: PageText) -> None:
        """A discreet word on how the page's text was obtained."""
        q = model.quality
        notes = []
        if q.ocr:
            notes.append(self.tr("Read by OCR"))
        elif q.no_text_layer:
            notes.append(self.tr("No text layer (a scanned page?)"))
        if q.visual_order:
            notes.append(self.tr("Text stored in visual order: reordered"))
        if q.recovered and q.ocr:
            # (Read by OCR: the text layer's glyphs OCR named, where it had them, with
            # those the fonts' tables and outlines named.)
            notes.append(self.tr("%n glyph(s) named by OCR and the fonts", "", q.recovered))
        elif q.recovered:
            notes.append(self.tr("%n glyph(s) recovered from the font", "", q.recovered))
        if q.unmapped:
            notes.append(self.tr("%n glyph(s) unreadable", "", q.unmapped))
        self.status_quality.setText(" · ".join(notes))
        self.status_quality.setToolTip(self.tr(
            "How the text of this page was obtained from the PDF's text layer."))

    def update_status(self) -> None:
        info = self.ctx.info
        if info is None:
            self.status_page.setText(self.tr("No document"))
            self.page_total.setText("")
            self.status_zoom.setText("")
            return
        self.page_total.setText(f" / {info.page_count} ")
        self.status_page.setText(self.tr("Page %1 of %2")
                                 .replace("%1", str(self.view.current_page + 1))
                                 .replace("%2", str(info.page_count)))
        self.status_zoom.setText(f"{round(self.view.zoom * 100)}%")

    # -- the text and the page image in step -----------------------------------------------------
    def _mirror_selection(self, page: int, start: int, end: int) -> None:
        model = self.pane.model
        if model is None or model.page != page or start == end:
            self.view.set_selection(page, [])
            return
        self.view.set_selection(page, model.rects_for(start, end))

    def _page_clicked(self, page: int, x: float, y: float) -> None:
        """Click-to-sync: put the Arabic pane's cursor on the word clicked on the page."""
        model = self.pane.model
        if model is None or model.page != page:
            return
        offset = model.offset_at(x, y)
        if offset is not None:
            self.pane.set_cursor(offset, select_word=True)

    def _page_dragged(self, page: int, x0: float, y0: float, x1: float, y1: float) -> None:
        """Select on the page: from the character under the press to the one under the
        pointer, in the text's own order."""
        model = self.pane.model
        if model is None or model.page != page:
            return
        a, b = model.offset_at(x0, y0), model.offset_at(x1, y1)
        if a is not None and b is not None:
            self.pane.select_range(min(a, b), max(a, b) + 1)
