"""Preferences: the UI language, the theme, translation settings; the translation memory's
export."""

from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from reader.ui.settings import LANGUAGES, THEMES, SettingsStore


class PreferencesDialog(QDialog):
    export_memory = Signal()  # the whole translation memory as TMX
    import_memory = Signal()  # a TMX file added to it

    def __init__(self, settings: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self._settings = settings
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        names = {"system": self.tr("As the system"), "en": "English", "ar": "العربية"}
        for code in LANGUAGES:
            self.language.addItem(names[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(settings.language()))
        self.theme = QComboBox(self)
        self.theme.setObjectName("themeChoice")
        themes = {"system": self.tr("Follow the system"), "light": self.tr("Light"),
                  "dark": self.tr("Dark")}
        for code in THEMES:
            self.theme.addItem(themes[code], code)
        self.theme.setCurrentIndex(THEMES.index(settings.theme()))
        self.threads = QSpinBox(self)
        self.threads.setRange(1, max(1, os.cpu_count() or 1))
        self.threads.setValue(settings.translation_threads())
        self.beam = QSpinBox(self)
        self.beam.setRange(1, 8)
        self.beam.setValue(settings.translation_beam())
        note = QLabel(self.tr("A new language applies the next time Qari starts."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow("", note)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Translation threads:"), self.threads)
        form.addRow(self.tr("Translation beam size:"), self.beam)
        memory = QPushButton(self.tr("Export the translation memory (TMX)…"), self)
        memory.setObjectName("exportMemory")
        memory.clicked.connect(self.export_memory)
        form.addRow(self.tr("Translation memory:"), memory)
        add = QPushButton(self.tr("Add a TMX file to the memory…"), self)
        add.setObjectName("importMemory")
        add.clicked.connect(self.import_memory)
        form.addRow("", add)
        form.addRow(buttons)
        self.setWindowTitle(self.tr("Preferences"))

    def accept(self) -> None:
        self._settings.set_language(self.language.currentData())
        self._settings.set_theme(self.theme.currentData())
        self._settings.set_translation(self.threads.value(), self.beam.value())
        self._settings.sync()
        super().accept()
