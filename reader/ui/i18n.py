"""UI languages: Qt Linguist translations, loaded before any widget exists."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from reader.paths import cache_dir
from reader.resources import translations_dir

RTL_LANGUAGES = {"ar", "fa", "he", "ur"}
# Qt flips the layout by itself when a catalogue translates this to "RTL"; the Arabic
# catalogue does, and install_translators sets the same direction explicitly.
QT_TRANSLATE_NOOP("QGuiApplication", "QT_LAYOUT_DIRECTION")


def resolve_language(requested: str) -> str:
    """'en' or 'ar' from a setting or flag ('system' follows the desktop locale)."""
    if requested in ("en", "ar"):
        return requested
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    import PySide6

    candidate = Path(PySide6.__file__).parent / "lrelease"
    return str(candidate) if candidate.exists() else None


def qm_file(language: str) -> Path | None:
    """The compiled catalogue: shipped in the wheel, or compiled once from a checkout's .ts."""
    folder = translations_dir()
    shipped = folder / f"qari_{language}.qm"
    source = folder / f"qari_{language}.ts"
    if shipped.exists():  # built into the wheel; a checkout never holds .qm files
        return shipped
    if not source.exists():
        return None
    compiled = cache_dir() / "i18n" / f"qari_{language}.qm"
    if compiled.exists() and compiled.stat().st_mtime >= source.stat().st_mtime:
        return compiled
    tool = _lrelease()
    if tool is None:
        return None
    compiled.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([tool, "-silent", str(source), "-qm", str(compiled)],
                            capture_output=True, check=False)
    return compiled if result.returncode == 0 and compiled.exists() else None


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install Qari's and Qt's own catalogues and set the layout direction."""
    installed: list[QTranslator] = []
    # English too: its catalogue holds the plural forms of the %n messages only.
    qari = QTranslator(app)
    path = qm_file(language)
    if path is not None and qari.load(str(path)):
        app.installTranslator(qari)
        installed.append(qari)
    if language != "en":
        qt_base = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(f"qtbase_{language}", qt_folder):
            app.installTranslator(qt_base)
            installed.append(qt_base)
    rtl = language in RTL_LANGUAGES
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)
    return installed

