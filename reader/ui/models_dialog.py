"""Translation models: the installed packages, install from a file, remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.translation.packages import ModelPackage, installed_packages, remove_package


class ModelsDialog(QDialog):
    install_requested = Signal(str)  # a .argosmodel path
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelsDialog")
        self.setWindowTitle(self.tr("Translation models"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Languages"), self.tr("Version"), self.tr("Size"),
                                   self.tr("Folder")])
        self.tree.setRootIsDecorated(False)
        self.empty = QLabel(self.tr("No translation model is installed."), self)
        self.install_button = QPushButton(self.tr("Install from file…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.install_button.clicked.connect(self._install)
        self.remove_button.clicked.connect(self._remove)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.install_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(640, 280)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        self._packages: list[ModelPackage] = installed_packages()
        for package in self._packages:
            item = QTreeWidgetItem([f"{package.from_code} → {package.to_code}", package.version,
                                    f"{package.size_bytes / 2**20:.1f} MB", str(package.folder)])
            item.setData(0, Qt.ItemDataRole.UserRole, str(package.folder))
            self.tree.addTopLevelItem(item)
        self.empty.setVisible(not self._packages)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.tree.selectedItems()))

    def _install(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Install a translation model"), "",
            self.tr("Argos Translate models (*.argosmodel);;All files (*)"))
        if path:
            self.install_requested.emit(path)

    def _remove(self) -> None:
        for item in self.tree.selectedItems():
            folder = item.data(0, Qt.ItemDataRole.UserRole)
            for package in self._packages:
                if str(package.folder) == folder:
                    remove_package(package)
        self.refresh()
        self.changed.emit()
