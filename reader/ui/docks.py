"""Side panels: page thumbnails, the outline and search results (annotations have their
own module)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.pdf import OutlineEntry
from reader.search import Hit
from reader.ui.page_images import PageImageCache
from reader.ui.worker import PRIORITY_BACKGROUND

THUMB_WIDTH = 110
PAGE_ROLE = Qt.ItemDataRole.UserRole


class ThumbnailList(QListWidget):
    """Small page images, rendered only for the items in view."""

    page_activated = Signal(int)

    def __init__(self, cache: PageImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self._sizes: list[tuple[float, float]] = []
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.setSpacing(4)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._timer = QTimer(self, singleShot=True, interval=60)
        self._timer.timeout.connect(self._request_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._timer.start())
        self.itemClicked.connect(lambda item: self.page_activated.emit(item.data(PAGE_ROLE)))
        self.itemActivated.connect(lambda item: self.page_activated.emit(item.data(PAGE_ROLE)))
        cache.image_ready.connect(self._on_image)

    def set_pages(self, sizes: Sequence[tuple[float, float]], labels: Sequence[str]) -> None:
        self.clear()
        self._sizes = list(sizes)
        placeholder = QPixmap(self.iconSize())
        placeholder.fill(QColor(235, 235, 235))
        icon = QIcon(placeholder)
        self.setUpdatesEnabled(False)
        for page, label in enumerate(labels):
            item = QListWidgetItem(icon, label)
            item.setData(PAGE_ROLE, page)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        self.setUpdatesEnabled(True)
        self._timer.start()

    def _scale(self, page: int) -> float:
        width = self._sizes[page][0] or 1.0
        return THUMB_WIDTH * self.devicePixelRatioF() / width

    def _visible_pages(self) -> list[int]:
        rect = self.viewport().rect()
        first = self.indexAt(rect.topLeft())
        pages = []
        start = first.row() if first.isValid() else 0
        for row in range(start, self.count()):
            item_rect = self.visualItemRect(self.item(row))
            if item_rect.top() > rect.bottom():
                break
            if item_rect.bottom() >= rect.top():
                pages.append(row)
        return pages

    def _request_visible(self) -> None:
        if not self.isVisible() or not self._sizes:
            return
        self._cache.request(
            "thumbs", [(p, self._scale(p), PRIORITY_BACKGROUND) for p in self._visible_pages()]
        )

    def _on_image(self, page: int) -> None:
        if not 0 <= page < self.count():
            return
        image = self._cache.get(page, self._scale(page))
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.item(page).setIcon(QIcon(pixmap))

    def select_page(self, page: int) -> None:
        if 0 <= page < self.count():
            self.setCurrentRow(page)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        super().showEvent(event)
        self._timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._timer.start()


class OutlineTree(QTreeWidget):
    """The PDF's bookmarks; a click goes to the page."""

    page_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)

    def set_outline(self, entries: Sequence[OutlineEntry]) -> None:
        self.clear()
        parents: list[QTreeWidgetItem] = []
        for entry in entries:
            level = max(1, entry.level)
            del parents[level - 1:]
            parent = parents[-1] if parents else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self)
            item.setText(0, entry.title)
            item.setData(0, PAGE_ROLE, entry.page)
            # Titles follow their own script's direction, not the UI's.
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeading)
            parents.append(item)
        self.expandAll()

    def _activate(self, item: QTreeWidgetItem) -> None:
        page = item.data(0, PAGE_ROLE)
        if isinstance(page, int) and page >= 0:
            self.page_activated.emit(page)


def around_match(hit: Hit, side: int = 14) -> str:
    """The match with a few words either side (the context holds up to 30 characters
    before it: ``find_in_page``), so a narrow list still shows the matched word."""
    before = hit.context[:min(hit.start, 30)]
    match = hit.context[len(before):len(before) + hit.end - hit.start]
    after = hit.context[len(before) + len(match):]
    before = " ".join(before.split())[-side:]
    after = " ".join(after.split())[:side]
    return f"…{before}«{match}»{after}…"


class SearchResultsList(QListWidget):
    """Find results: page and context; a click goes to the hit."""

    hit_activated = Signal(int)  # index into the hits list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Uniform, elided rows: measuring hundreds of wrapped Arabic rows on every batch of
        # hits kept the GUI thread busy for most of a second.
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        # The context is cut around the match, so the match always shows; what is too long
        # is cut at its end.
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.itemClicked.connect(lambda item: self.hit_activated.emit(self.row(item)))
        self.itemActivated.connect(lambda item: self.hit_activated.emit(self.row(item)))

    def add_hits(self, hits: Sequence[Hit], page_label: str) -> None:
        for hit in hits:
            context = around_match(hit)
            item = QListWidgetItem(f"{page_label.replace('%1', str(hit.page + 1))}  {context}")
            item.setToolTip(" ".join(hit.context.split()))
            item.setData(PAGE_ROLE, hit.page)
            self.addItem(item)
