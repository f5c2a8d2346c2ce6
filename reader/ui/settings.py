"""Window and preference settings (QSettings); the only module that touches them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.paths import settings_file

MAX_RECENT = 10
LANGUAGES = ("system", "en", "ar")
THEMES = ("system", "light", "dark")


class SettingsStore:
    def __init__(self) -> None:
        explicit = settings_file()
        if explicit is not None:
            explicit.parent.mkdir(parents=True, exist_ok=True)
            self._qs = QSettings(str(explicit), QSettings.Format.IniFormat)
        else:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                 "Qari", "qari")

    def sync(self) -> None:
        self._qs.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # window state
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def save_window(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)
        self._qs.setValue("window/splitter", splitter)

    def pane_visible(self, name: str) -> bool:
        return str(self._qs.value(f"panes/{name}", "true")).lower() == "true"

    def set_pane_visible(self, name: str, visible: bool) -> None:
        self._qs.setValue(f"panes/{name}", "true" if visible else "false")

    def text_size(self) -> float:
        """The Arabic text pane's font size in points (0: the default)."""
        try:
            return float(self._qs.value("text/size", 0.0))
        except (TypeError, ValueError):
            return 0.0

    def set_text_size(self, points: float) -> None:
        self._qs.setValue("text/size", points)

    def whole_document_grid(self) -> bool:
        return str(self._qs.value("grid/document", "false")).lower() == "true"

    def set_whole_document_grid(self, whole: bool) -> None:
        self._qs.setValue("grid/document", "true" if whole else "false")

    # documents
    def recent_files(self) -> list[str]:
        value = self._qs.value("documents/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or [] if v]

    def add_recent(self, path: str) -> list[str]:
        path = str(Path(path).resolve())
        recent = [p for p in self.recent_files() if p != path]
        recent.insert(0, path)
        self._qs.setValue("documents/recent", recent[:MAX_RECENT])
        return recent[:MAX_RECENT]

    def clear_recent(self) -> None:
        self._qs.setValue("documents/recent", [])

    def last_page(self, sha256: str) -> int:
        try:
            return int(self._qs.value(f"positions/{sha256}", 0))
        except (TypeError, ValueError):
            return 0

    def set_last_page(self, sha256: str, page: int) -> None:
        self._qs.setValue(f"positions/{sha256}", page)

    def last_document(self) -> str:
        return str(self._qs.value("documents/last", ""))

    def set_last_document(self, path: str) -> None:
        self._qs.setValue("documents/last", path)

    # preferences
    def language(self) -> str:
        value = str(self._qs.value("ui/language", "system"))
        return value if value in LANGUAGES else "system"

    def set_language(self, value: str) -> None:
        self._qs.setValue("ui/language", value)

    def theme(self) -> str:
        value = str(self._qs.value("ui/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, value: str) -> None:
        self._qs.setValue("ui/theme", value)

    def translation_threads(self) -> int:
        try:
            return max(1, int(self._qs.value("translation/threads", 1)))
        except (TypeError, ValueError):
            return 1

    def translation_beam(self) -> int:
        try:
            return max(1, int(self._qs.value("translation/beam", 2)))
        except (TypeError, ValueError):
            return 2

    def set_translation(self, threads: int, beam: int) -> None:
        self._qs.setValue("translation/threads", threads)
        self._qs.setValue("translation/beam", beam)

    def zoom(self) -> tuple[str, float]:
        mode = str(self._qs.value("view/fit", "width"))
        try:
            zoom = float(self._qs.value("view/zoom", 1.0))
        except (TypeError, ValueError):
            zoom = 1.0
        return mode, zoom

    def set_zoom(self, mode: str, zoom: float) -> None:
        self._qs.setValue("view/fit", mode)
        self._qs.setValue("view/zoom", zoom)
