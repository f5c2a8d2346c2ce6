"""The page view: every page in one continuous vertical scroll, rendered off the GUI thread.

Coordinates: PDF points on the page; ``zoom`` 1.0 is the printed size (96 logical pixels
per inch, 72 points per inch); images are rendered at zoom × device pixel ratio so the page
stays sharp on HiDPI screens. The page is content, never mirrored in a right-to-left UI.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from reader.ui.page_images import PageImageCache
from reader.ui.worker import PRIORITY_PREFETCH, PRIORITY_VISIBLE

PdfRect = tuple[float, float, float, float]

POINT_TO_PIXEL = 96.0 / 72.0
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
              5.0)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]
GAP = 10  # pixels between pages and around them


class PdfView(QAbstractScrollArea):
    current_page_changed = Signal(int)
    zoom_changed = Signal(float)
    page_clicked = Signal(int, float, float)  # page, x and y in PDF points
    page_dragged = Signal(int, float, float, float, float)  # page, from x, y to x, y
    context_requested = Signal(int, float, float, QPoint)  # page, x, y, global position

    FIT_NONE, FIT_WIDTH, FIT_PAGE = "none", "width", "page"

    def __init__(self, cache: PageImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self._sizes: list[tuple[float, float]] = []
        self._tops: list[float] = []
        self._content_width = 0.0
        self._content_height = 0.0
        self._zoom = 1.0
        self._fit = self.FIT_NONE
        self._current = 0
        self._hits: dict[int, list[PdfRect]] = {}
        self._current_hit: tuple[int, PdfRect] | None = None
        self._marks: dict[int, list[PdfRect]] = {}
        # Annotations to draw on a page: (kind, colour, rects, point); set by the window.
        self.annotation_marks: Callable[[int], list[tuple]] = lambda _page: []
        self._press: tuple[int, float, float] | None = None  # where a drag started
        self._hover: dict[int, list[PdfRect]] = {}
        # The page is content: keep it (and its scroll bars) left to right in any UI language.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAutoFillBackground(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._request_timer = QTimer(self, singleShot=True, interval=0)
        self._request_timer.timeout.connect(self._request_visible)
        cache.image_ready.connect(self._on_image_ready)
        cache.render_failed.connect(lambda page, _msg: self._on_image_ready(page))

    # -- document ----------------------------------------------------------------------------
    def set_pages(self, sizes: Sequence[tuple[float, float]]) -> None:
        self._sizes = list(sizes)
        self._hits.clear()
        self._marks.clear()
        self._current_hit = None
        self._current = 0
        self._relayout(keep_position=False)
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
        self._update_current()

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def fit_mode(self) -> str:
        return self._fit

    @property
    def current_page(self) -> int:
        return self._current

    def device_scale(self) -> float:
        """Pixels per PDF point for rendering at the current zoom on this screen."""
        return self._zoom * POINT_TO_PIXEL * self.devicePixelRatioF()

    # -- zoom --------------------------------------------------------------------------------
    def set_zoom(self, zoom: float, fit: str | None = None, anchor: QPointF | None = None) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._fit = fit or self.FIT_NONE
        if abs(zoom - self._zoom) < 1e-4:
            return
        # Keep the point under the anchor (or the top of the view) where it is.
        if anchor is None:
            anchor = QPointF(self.viewport().width() / 2, 0)
        page, pt = self.point_at(anchor, clamp=True)
        self._zoom = zoom
        self._relayout(keep_position=False)
        if page is not None and pt is not None:
            rect = self.page_rect(page)
            scale = self._zoom * POINT_TO_PIXEL
            self.verticalScrollBar().setValue(round(rect.top() + pt[1] * scale - anchor.y()))
            self.horizontalScrollBar().setValue(round(rect.left() + pt[0] * scale - anchor.x()))
        self.zoom_changed.emit(self._zoom)
        self.viewport().update()
        self._schedule_requests()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom + 1e-3), MAX_ZOOM))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self._zoom - 1e-3), MIN_ZOOM))

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit_width(self) -> None:
        self.set_zoom(self._fit_width_zoom(), self.FIT_WIDTH)

    def fit_page(self) -> None:
        self.set_zoom(self._fit_page_zoom(), self.FIT_PAGE)
        self.go_to_page(self._current)

    def _fit_width_zoom(self) -> float:
        if not self._sizes:
            return self._zoom
        widest = max(w for w, _ in self._sizes)
        room = self.viewport().width() - 2 * GAP
        return room / (widest * POINT_TO_PIXEL)

    def _fit_page_zoom(self) -> float:
        if not self._sizes:
            return self._zoom
        w, h = self._sizes[self._current]
        room_w = self.viewport().width() - 2 * GAP
        room_h = self.viewport().height() - 2 * GAP
        return min(room_w / (w * POINT_TO_PIXEL), room_h / (h * POINT_TO_PIXEL))

    # -- layout ------------------------------------------------------------------------------
    def _relayout(self, keep_position: bool = True) -> None:
        scale = self._zoom * POINT_TO_PIXEL
        self._tops = []
        y = float(GAP)
        widest = 0.0
        for w, h in self._sizes:
            self._tops.append(y)
            y += h * scale + GAP
            widest = max(widest, w * scale)
        self._content_height = y
        self._content_width = widest + 2 * GAP
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        vp = self.viewport()
        vbar.setRange(0, max(0, round(self._content_height - vp.height())))
        vbar.setPageStep(vp.height())
        vbar.setSingleStep(40)
        hbar.setRange(0, max(0, round(self._content_width - vp.width())))
        hbar.setPageStep(vp.width())
        hbar.setSingleStep(40)

    def page_rect(self, page: int) -> QRectF:
        """The page's rectangle in content pixels (before scrolling)."""
        scale = self._zoom * POINT_TO_PIXEL
        w, h = self._sizes[page]
        width = w * scale
        left = max(GAP, (max(self._content_width, self.viewport().width()) - width) / 2)
        return QRectF(left, self._tops[page], width, h * scale)

    def _view_rect(self, page: int) -> QRectF:
        return self.page_rect(page).translated(-self.horizontalScrollBar().value(),
                                               -self.verticalScrollBar().value())

    def visible_pages(self) -> list[int]:
        if not self._tops:
            return []
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(0, bisect_right(self._tops, top) - 1)
        pages = []
        for page in range(first, len(self._tops)):
            if self._tops[page] > bottom:
                break
            if self.page_rect(page).bottom() >= top:
                pages.append(page)
        return pages

    def point_at(self, pos: QPointF, clamp: bool = False) -> tuple[int | None, PdfRect | None]:
        """The page and PDF point under a viewport position (nearest page when ``clamp``)."""
        if not self._tops:
            return None, None
        y = pos.y() + self.verticalScrollBar().value()
        page = max(0, bisect_right(self._tops, y) - 1)
        rect = self.page_rect(page)
        x = pos.x() + self.horizontalScrollBar().value()
        if not clamp and not rect.contains(QPointF(x, y)):
            return None, None
        scale = self._zoom * POINT_TO_PIXEL
        px = min(max(x - rect.left(), 0.0), rect.width()) / scale
        py = min(max(y - rect.top(), 0.0), rect.height()) / scale
        return page, (px, py, px, py)

    # -- navigation --------------------------------------------------------------------------
    def go_to_page(self, page: int, y_points: float | None = None) -> None:
        if not self._sizes:
            return
        page = max(0, min(page, len(self._sizes) - 1))
        top = self.page_rect(page).top() - GAP
        if y_points is not None:
            top += y_points * self._zoom * POINT_TO_PIXEL
        self.verticalScrollBar().setValue(round(top))
        self._set_current(page)
        self._schedule_requests()

    def ensure_visible(self, page: int, rect: PdfRect) -> None:
        """Scroll the least needed to show ``rect`` of ``page`` (a search hit, say)."""
        scale = self._zoom * POINT_TO_PIXEL
        prect = self.page_rect(page)
        top = prect.top() + rect[1] * scale
        bottom = prect.top() + rect[3] * scale
        vbar = self.verticalScrollBar()
        height = self.viewport().height()
        if top < vbar.value() or bottom > vbar.value() + height:
            vbar.setValue(round(top - height / 3))
        left = prect.left() + rect[0] * scale
        hbar = self.horizontalScrollBar()
        if left < hbar.value() or left > hbar.value() + self.viewport().width():
            hbar.setValue(round(left - 40))
        self._set_current(page)

    def _update_current(self) -> None:
        if not self._tops:
            return
        # The page under a line a third of the way down the view is the one being read.
        probe = self.verticalScrollBar().value() + self.viewport().height() / 3
        self._set_current(max(0, bisect_right(self._tops, probe) - 1))

    def _set_current(self, page: int) -> None:
        if page != self._current:
            self._current = page
            self.current_page_changed.emit(page)

    # -- marks -------------------------------------------------------------------------------
    def set_search_hits(self, hits: dict[int, list[PdfRect]],
                        current: tuple[int, PdfRect] | None = None) -> None:
        self._hits = hits
        self._current_hit = current
        self.viewport().update()

    def search_hits(self) -> dict[int, list[PdfRect]]:
        return self._hits

    def set_selection(self, page: int, rects: list[PdfRect]) -> None:
        """Mark the glyphs of the text selected in the Arabic pane."""
        self._marks = {page: rects} if rects else {}
        self.viewport().update()

    def selection_marks(self) -> dict[int, list[PdfRect]]:
        return self._marks

    def set_hover(self, page: int, rects: list[PdfRect]) -> None:
        """A light outline on the region of the sentence under the pointer."""
        self._hover = {page: rects} if rects else {}
        self.viewport().update()

    def hover_marks(self) -> dict[int, list[PdfRect]]:
        return self._hover

    # -- rendering ---------------------------------------------------------------------------
    def _schedule_requests(self) -> None:
        self._request_timer.start()

    def _request_visible(self) -> None:
        visible = self.visible_pages()
        scale = self.device_scale()
        wanted = [(p, scale, PRIORITY_VISIBLE) for p in visible]
        if visible:
            # Prefetch the neighbours so the next page turn is a cache hit.
            for p in (visible[-1] + 1, visible[0] - 1):
                if 0 <= p < len(self._sizes):
                    wanted.append((p, scale, PRIORITY_PREFETCH))
        self._cache.request("view", wanted)

    def _on_image_ready(self, page: int) -> None:
        if page in self.visible_pages():
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self.viewport())
        palette = self.palette()
        painter.fillRect(self.viewport().rect(), palette.color(palette.ColorRole.Dark))
        scale_needed = self.device_scale()
        dpr = self.devicePixelRatioF()
        missing = False
        for page in self.visible_pages():
            target = self._view_rect(page)
            painter.fillRect(target.translated(2, 2), QColor(0, 0, 0, 60))
            image = self._cache.get(page, scale_needed)
            if image is None:
                missing = True
                image = self._cache.best(page)
            if image is not None:
                image.setDevicePixelRatio(dpr)
                painter.drawImage(target, image)
            else:
                painter.fillRect(target, Qt.GlobalColor.white)
                painter.setPen(QColor(150, 150, 150))
                text = "\u26a0" if self._cache.failed(page) else "…"
                painter.drawText(target, Qt.AlignmentFlag.AlignCenter, text)
            self._paint_rects(painter, page, target)
        painter.end()
        if missing:
            self._schedule_requests()

    def _paint_annotations(self, painter: QPainter, page: int, target: QRectF) -> None:
        scale = self._zoom * POINT_TO_PIXEL
        for kind, colour, rects, point in self.annotation_marks(page):
            base = QColor(colour)
            for x0, y0, x1, y1 in rects:
                box = QRectF(target.left() + x0 * scale, target.top() + y0 * scale,
                             (x1 - x0) * scale, (y1 - y0) * scale)
                if kind == "highlight":
                    fill = QColor(base)
                    fill.setAlpha(95)
                    painter.fillRect(box, fill)
                else:
                    pen = QPen(base, max(1.5, 0.08 * box.height()))
                    painter.setPen(pen)
                    y = box.bottom() - 1 if kind == "underline" else box.center().y()
                    painter.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
            if point is not None:
                size = max(10.0, 14 * self._zoom)
                x, y = target.left() + point[0] * scale, target.top() + point[1] * scale
                note = QRectF(x, y, size, size * 0.9)
                painter.setPen(QPen(base.darker(160), 1))
                painter.setBrush(base)
                painter.drawRoundedRect(note, 2, 2)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for line in (0.3, 0.5, 0.7):
                    painter.drawLine(QPointF(note.left() + 3, note.top() + note.height() * line),
                                     QPointF(note.right() - 3, note.top() + note.height() * line))
        painter.setPen(Qt.PenStyle.NoPen)

    def _paint_rects(self, painter: QPainter, page: int, target: QRectF) -> None:
        scale = self._zoom * POINT_TO_PIXEL
        self._paint_annotations(painter, page, target)
        painter.setPen(Qt.PenStyle.NoPen)
        for rect in self._hover.get(page, ()):
            painter.fillRect(QRectF(target.left() + rect[0] * scale, target.top() + rect[1] * scale,
                                    (rect[2] - rect[0]) * scale, (rect[3] - rect[1]) * scale),
                             QColor(0, 160, 120, 45))
        for rect in self._marks.get(page, ()):
            painter.fillRect(QRectF(target.left() + rect[0] * scale, target.top() + rect[1] * scale,
                                    (rect[2] - rect[0]) * scale, (rect[3] - rect[1]) * scale),
                             QColor(40, 110, 255, 80))
        for rect in self._hits.get(page, ()):
            is_current = self._current_hit == (page, rect)
            colour = QColor(255, 120, 0, 110) if is_current else QColor(255, 220, 0, 90)
            painter.fillRect(QRectF(target.left() + rect[0] * scale, target.top() + rect[1] * scale,
                                    (rect[2] - rect[0]) * scale, (rect[3] - rect[1]) * scale),
                             colour)

    # -- events ------------------------------------------------------------------------------
    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        self.viewport().update()
        self._update_current()
        self._schedule_requests()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit == self.FIT_WIDTH:
            self.set_zoom(self._fit_width_zoom(), self.FIT_WIDTH)
        elif self._fit == self.FIT_PAGE:
            self.set_zoom(self._fit_page_zoom(), self.FIT_PAGE)
        self._relayout()
        self._schedule_requests()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self._zoom * (1.1 ** steps), anchor=event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        page, point = self.point_at(event.position())
        self._press = None
        if page is not None and point is not None:
            if event.button() == Qt.MouseButton.LeftButton:
                self._press = (page, point[0], point[1])
            self.page_clicked.emit(page, point[0], point[1])
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Dragging over the page selects text in its own order (through the glyph map),
        so right-to-left lines select the way they read."""
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            page, x, y = self._press
            rect = self.page_rect(page)
            scale = self._zoom * POINT_TO_PIXEL
            px = (event.position().x() + self.horizontalScrollBar().value() - rect.left()) / scale
            py = (event.position().y() + self.verticalScrollBar().value() - rect.top()) / scale
            if abs(px - x) + abs(py - y) > 2:
                self.page_dragged.emit(page, x, y, px, py)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = None
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        page, point = self.point_at(QPointF(event.pos()))
        if page is not None and point is not None:
            self.context_requested.emit(page, point[0], point[1], event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        vbar = self.verticalScrollBar()
        key = event.key()
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            vbar.setValue(vbar.value() + vbar.pageStep() - 40)
        elif key == Qt.Key.Key_PageUp:
            vbar.setValue(vbar.value() - vbar.pageStep() + 40)
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(self.page_count - 1)
        else:
            super().keyPressEvent(event)
