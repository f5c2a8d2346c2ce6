from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.app import create_app
from reader.ui.main_window import MainWindow


@pytest.fixture
def app(qapp):  # pytest-qt's application, set up as Qari sets up its own
    application = create_app(language="en")
    yield application
    from reader.ui.i18n import install_translators

    for translator in getattr(application, "_qari_translators", []):
        application.removeTranslator(translator)
    install_translators(application, "en")


@pytest.fixture
def make_window(app, qtbot):
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.isVisible():
            window.close()


@pytest.fixture
def window(make_window):
    return make_window()


def open_and_wait(qtbot, window: MainWindow, path: Path | str, timeout: int = 15000) -> None:
    with qtbot.waitSignal(window.documents.opened, timeout=timeout):
        window.open_path(str(path))


def fail_and_wait(qtbot, window: MainWindow, path: Path | str) -> str:
    with qtbot.waitSignal(window.ctx.error, timeout=15000) as blocker:
        window.open_path(str(path))
    return blocker.args[0]
