"""Rendered page images: a bounded LRU cache fed by the document worker.

Requests are tagged by their consumer ("view", "thumbs"); a new request list for a tag
cancels that tag's requests for pages no longer wanted, so fast flipping only renders the
page the user stopped on.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from reader.pdf import RenderedPage
from reader.ui.worker import DocumentWorker, TaskHandle

RenderFn = Callable[[int, float], RenderedPage]


def _key(page: int, scale: float) -> tuple[int, int]:
    return page, round(scale * 1000)


def to_qimage(rendered: RenderedPage) -> QImage:
    image = QImage(rendered.samples, rendered.width, rendered.height, rendered.stride,
                   QImage.Format.Format_RGB888)
    return image.copy()  # detach from the Python bytes buffer


class PageImageCache(QObject):
    """Images by (page, scale); ``image_ready(page)`` when one arrives."""

    image_ready = Signal(int)
    render_failed = Signal(int, str)

    def __init__(self, worker: DocumentWorker, budget_bytes: int = 80 << 20,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._budget = budget_bytes
        self._images: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._bytes = 0
        self._pending: dict[tuple[int, int], tuple[str, TaskHandle]] = {}
        self._render: RenderFn | None = None
        self._generation = 0
        self._failed: set[int] = set()

    def set_renderer(self, render: RenderFn | None) -> None:
        """A new document: forget everything of the old one."""
        for _, handle in self._pending.values():
            self._worker.cancel(handle)
        self._pending.clear()
        self._images.clear()
        self._bytes = 0
        self._failed.clear()
        self._generation += 1
        self._render = render

    @property
    def used_bytes(self) -> int:
        return self._bytes

    def get(self, page: int, scale: float) -> QImage | None:
        key = _key(page, scale)
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def best(self, page: int) -> QImage | None:
        """Any cached image of the page (the sharpest), to stretch while the right one renders."""
        found = [(k[1], img) for k, img in self._images.items() if k[0] == page]
        return max(found, key=lambda item: item[0])[1] if found else None

    def failed(self, page: int) -> bool:
        return page in self._failed

    def request(self, tag: str, wanted: Iterable[tuple[int, float, int]]) -> None:
        """Make ``wanted`` (page, scale, priority) this tag's only outstanding requests."""
        if self._render is None:
            return
        wanted_keys: dict[tuple[int, int], tuple[int, float, int]] = {}
        for page, scale, priority in wanted:
            wanted_keys.setdefault(_key(page, scale), (page, scale, priority))
        for key, (owner, handle) in list(self._pending.items()):
            if owner == tag and key not in wanted_keys:
                self._worker.cancel(handle)
                del self._pending[key]
        for key, (page, scale, priority) in wanted_keys.items():
            if key in self._images or key in self._pending or page in self._failed:
                continue
            self._pending[key] = (tag, self._submit(key, page, scale, priority))

    def _submit(self, key: tuple[int, int], page: int, scale: float, priority: int) -> TaskHandle:
        render = self._render
        assert render is not None
        generation = self._generation

        def job() -> QImage:
            # QImage (unlike QPixmap) may be built off the GUI thread: keep that work there.
            return to_qimage(render(page, scale))

        def done(image: QImage) -> None:
            if generation != self._generation:
                return
            self._pending.pop(key, None)
            self._store(key, image)
            self.image_ready.emit(page)

        def failed(exc: object) -> None:
            if generation != self._generation:
                return
            self._pending.pop(key, None)
            self._failed.add(page)
            self.render_failed.emit(page, str(exc))

        return self._worker.submit(job, priority, done, failed)

    def _store(self, key: tuple[int, int], image: QImage) -> None:
        old = self._images.pop(key, None)
        if old is not None:
            self._bytes -= old.sizeInBytes()
        self._images[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self._budget and len(self._images) > 1:
            _, evicted = self._images.popitem(last=False)
            self._bytes -= evicted.sizeInBytes()

