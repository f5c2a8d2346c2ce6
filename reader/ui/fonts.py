"""Register the bundled Arabic font so a bare machine still renders Arabic."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from reader.resources import fonts

FALLBACK_FAMILY = "Noto Naskh Arabic"
_family: str | None = None


def register_fonts() -> list[str]:
    """Add every bundled font to Qt's database; returns the families registered."""
    global _family
    families: list[str] = []
    for path in fonts():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families:
        _family = families[0]
    return sorted(set(families))


def arabic_family() -> str:
    return _family or FALLBACK_FAMILY
