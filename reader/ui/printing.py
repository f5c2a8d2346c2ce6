"""File → Print… (Ctrl+P): the pages as printed, each page image drawn to fit the paper.

Pages are rendered (by the render child process) and painted onto the printer in the
background, a page per step, with progress and cancel: a long report never holds the
window. Painting on a QPrinter away from the GUI thread is allowed (it is no widget)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.pdf import RenderedPage
from reader.ui.page_images import to_qimage
from reader.ui.worker import PRIORITY_VISIBLE, DocumentWorker, TaskHandle

PRINT_DPI = 200  # pixels per inch of the page images sent to the printer


class Printing(QObject):
    message = Signal(str)
    failed = Signal(str)
    printed = Signal(int)  # pages printed

    def __init__(self, parent: QWidget, jobs: DocumentWorker,
                 render: Callable[[], Callable[[int, float], RenderedPage] | None],
                 page_count: Callable[[], int]) -> None:
        super().__init__(parent)
        self._parent, self._jobs, self._render, self._count = parent, jobs, render, page_count
        self._task: TaskHandle | None = None
        self.printer: QPrinter | None = None

    def print_dialog(self) -> None:
        if self._render() is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFromTo(1, self._count())
        dialog = QPrintDialog(printer, self._parent)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            first, last = printer.fromPage(), printer.toPage()
            pages = list(range(first - 1, last)) if first and last else list(
                range(self._count()))
            self.print_pages(printer, pages)

    def print_pages(self, printer: QPrinter, pages: list[int]) -> None:
        """Render and print ``pages`` (0-based) in the background."""
        render = self._render()
        if render is None or not pages:
            return
        self.printer = printer
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, len(pages),
                                   self._parent)
        progress.setObjectName("printProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def steps() -> Iterator[int]:
            painter = QPainter()
            if not painter.begin(printer):
                raise OSError("the printer cannot be opened")
            try:
                for done, page in enumerate(pages, 1):
                    if done > 1:
                        printer.newPage()
                    image = to_qimage(render(page, PRINT_DPI / 72.0))
                    area = painter.viewport()
                    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    target = QRect(area.x() + (area.width() - size.width()) // 2,
                                   area.y() + (area.height() - size.height()) // 2,
                                   size.width(), size.height())
                    painter.drawImage(target, image)
                    yield done
            finally:
                painter.end()
            return len(pages)

        def finished(count: object) -> None:
            self._task = None
            progress.reset()
            self.message.emit(self.tr("%n page(s) printed.", "", int(count)))  # type: ignore[call-overload]
            self.printed.emit(int(count))  # type: ignore[call-overload]

        def failed(exc: object) -> None:
            self._task = None
            progress.reset()
            self.failed.emit(self.tr("Printing failed: %1").replace("%1", str(exc)))

        self._task = self._jobs.submit_steps(steps(), PRIORITY_VISIBLE,
                                             lambda n: progress.setValue(int(n)), finished,
                                             failed)
        progress.canceled.connect(self.cancel)

    def cancel(self) -> None:
        if self._task is not None:
            self._jobs.cancel(self._task)
            self._task = None
            self.message.emit(self.tr("Printing stopped."))
