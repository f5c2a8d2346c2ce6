"""Light and dark palettes; 'system' follows the desktop colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 31, 34), QColor(43, 45, 48), QColor(223, 225, 229)
    role = QPalette.ColorRole
    for r, c in (
        (role.Window, window), (role.WindowText, text), (role.Base, base),
        (role.AlternateBase, QColor(50, 52, 56)), (role.ToolTipBase, window),
        (role.ToolTipText, text), (role.Text, text), (role.Button, window),
        (role.ButtonText, text), (role.BrightText, QColor(255, 90, 90)),
        (role.Highlight, QColor(53, 116, 240)), (role.HighlightedText, QColor(255, 255, 255)),
        (role.Link, QColor(110, 160, 255)), (role.PlaceholderText, QColor(140, 140, 145)),
        (role.Dark, QColor(22, 23, 25)), (role.Mid, QColor(60, 62, 66)),
        (role.Light, QColor(70, 72, 76)),
    ):
        p.setColor(r, c)
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.ButtonText, role.WindowText):
        p.setColor(disabled, r, QColor(120, 120, 125))
    return p


def light_palette(app: QApplication) -> QPalette:
    p = app.style().standardPalette()
    p.setColor(QPalette.ColorRole.Dark, QColor(150, 152, 156))
    return p


def is_dark(mode: str) -> bool:
    return mode == "dark" or (mode == "system" and system_is_dark())


def apply_theme(app: QApplication, mode: str) -> bool:
    """Apply the palette for ``mode`` ('system', 'light' or 'dark'); True when dark."""
    dark = is_dark(mode)
    app.setPalette(dark_palette() if dark else light_palette(app))
    return dark


def tinted(icon: QIcon, colour: QColor, sizes: tuple[int, ...] = (16, 22, 24, 32, 48)) -> QIcon:
    """The icon's shapes in one colour (its alpha kept): dark-drawn icons made readable
    on a dark palette."""
    out = QIcon()
    for size in sizes:
        source = icon.pixmap(size, size)
        if source.isNull():
            continue
        pixmap = QPixmap(source.size())
        pixmap.setDevicePixelRatio(source.devicePixelRatio())
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.drawPixmap(0, 0, source)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), colour)
        painter.end()
        out.addPixmap(pixmap)
    return out
