"""The GUI entry point: ``qari [FILE.pdf] [--lang ar|en]``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from reader.errors import QariError

_START = time.perf_counter()


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="qari", description="Qari: offline reader for "
                                     "the bilingual review of Arabic PDF reports.")
    parser.add_argument("file", nargs="?", help="a PDF to open (default: the sample report)")
    parser.add_argument("--lang", choices=("ar", "en"), help="interface language")
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def _precheck(path: str) -> str | None:
    """One line for the terminal when the file given cannot be opened at all."""
    from reader.errors import DocumentError, DocumentErrorCode
    from reader.pdf import open_pdf

    try:
        open_pdf(path).close()
    except DocumentError as exc:
        if exc.code != DocumentErrorCode.ENCRYPTED:  # the window asks for the password
            return f"qari: {exc}"
    return None


def app_icon():  # noqa: ANN201 (a QIcon; Qt is imported lazily here)
    """Qari's icon (resources/icons, drawn by scripts/make_icon.py) at every size."""
    from PySide6.QtGui import QIcon

    from reader.desktop import APP_ID, ICON_SIZES
    from reader.resources import resources_dir

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resources_dir() / "icons" / f"{APP_ID}-{size}.png"))
    return icon


def create_app(argv: Sequence[str] = (), language: str | None = None):  # noqa: ANN201
    """The QApplication with fonts, translations, direction and style set up."""
    from PySide6.QtWidgets import QApplication

    from reader.ui.fonts import register_fonts
    from reader.ui.i18n import install_translators, resolve_language
    from reader.ui.settings import SettingsStore

    # The event loop re-enters Python for every slot and paint; with the default 5 ms GIL
    # switch interval each entry may wait for the document worker, which stalled the window
    # for 0.8 s during a 500-page search (1 ms: under 50 ms; benchmarks/bench_window.py).
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("Qari")
    app.setOrganizationName("Qari")
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    # Wayland names a window's app by this: the menu entry's icon and name go with it.
    app.setDesktopFileName("io.github.qari.Qari")
    register_fonts()
    chosen = resolve_language(language or SettingsStore().language())
    for old in getattr(app, "_qari_translators", []):  # a language set up before
        app.removeTranslator(old)
    app._qari_translators = install_translators(app, chosen)  # keep them alive
    app._qari_language = chosen
    return app


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    if args.file:
        problem = _precheck(args.file)
        if problem is not None:
            print(problem, file=sys.stderr)
            return 2
    try:
        app = create_app(language=args.lang)
    except QariError as exc:  # a data folder that cannot be used, say
        print(f"qari: {exc}", file=sys.stderr)
        return 2
    from reader.resources import sample_report
    from reader.ui.main_window import MainWindow
    from reader.ui.single_instance import InstanceGuard

    guard = InstanceGuard()
    if not guard.primary:
        return _hand_over(guard, args.file)
    window = MainWindow()

    def open_requested(path: str) -> None:
        if path:
            window.open_path(path)
        window.showNormal() if window.isMinimized() else window.show()
        window.raise_()
        window.activateWindow()

    guard.open_requested.connect(open_requested)
    app.aboutToQuit.connect(guard.release)
    window.show()
    path = args.file or str(sample_report())
    if args.screenshot or args.quit_after_paint:
        _arm_after_first_paint(window, args.screenshot, args.quit_after_paint)
    window.open_path(str(Path(path)))
    return int(app.exec())


def _hand_over(guard, file: str | None) -> int:  # noqa: ANN001 (an InstanceGuard)
    """Another window owns the data folder: it opens the file (or comes to the front)."""
    path = str(Path(file).resolve()) if file else ""
    if guard.forward(path):
        print("qari: opened in the Qari window already running" if file else
              "qari: Qari is already running; its window was brought to the front",
              file=sys.stderr)
        return 0
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    owner = guard.owner()
    message = QCoreApplication.translate("InstanceGuard",
        "Qari is already running with this data folder (process %1) and does not answer. "
        "Two windows on one data folder would overwrite each other's work: close the "
        "other window first.").replace("%1", str(owner or "?"))
    print(f"qari: {message}", file=sys.stderr)
    if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        QMessageBox.warning(None, "Qari", message)
    return 2


def _arm_after_first_paint(window, screenshot: str | None, quit_after: bool) -> None:  # noqa: ANN001
    """Benchmark and README helpers: act once page 1 and its text are on screen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def check() -> None:
        view = window.view
        pages = view.visible_pages()
        ready = bool(pages) and view._cache.get(pages[0], view.device_scale()) is not None
        if not ready or window.arabic_pane.page < 0 or not window.arabic_pane.text():
            QTimer.singleShot(20, check)
            return
        window.view.viewport().repaint()
        if quit_after:
            print(f"first-paint-seconds={time.perf_counter() - _START:.3f}", flush=True)
        if screenshot:
            QTimer.singleShot(400, lambda: _grab(screenshot))
        elif quit_after:
            QApplication.quit()

    def _grab(target: str) -> None:
        screen = window.screen()
        # The real window as the X server shows it, decorations and all.
        image = screen.grabWindow(0) if os.environ.get("DISPLAY") else window.grab()
        image.save(target)
        print(f"saved {target}", flush=True)
        QApplication.quit()

    window.documents.opened.connect(lambda _info: QTimer.singleShot(0, check))


if __name__ == "__main__":
    raise SystemExit(main())
