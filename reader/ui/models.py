"""Translation models: the installed ar→en model loaded off the GUI thread, installing one
from a file carried over, and the models dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog

from reader.translation import argos
from reader.translation.engine import TranslationEngine
from reader.translation.packages import (
    ModelPackageError,
    install_package,
    installed_packages,
    version_key,
)
from reader.ui.context import WindowContext
from reader.ui.segment_grid import SegmentGrid
from reader.ui.stores import TranslationStores
from reader.ui.worker import PRIORITY_VISIBLE


class ModelsController(QObject):
    model_ready = Signal(bool)  # a translation model is loaded (or not)
    engine_changed = Signal(object)  # TranslationEngine | None

    def __init__(self, ctx: WindowContext, grid: SegmentGrid, stores: TranslationStores) -> None:
        super().__init__(ctx)
        self.ctx, self.grid, self.stores = ctx, grid, stores
        grid.install_requested.connect(self.install_dialog)

    def refresh(self) -> None:
        """Find the installed ar→en package and load it on the jobs thread."""
        settings, stores = self.ctx.settings, self.stores
        threads, beam = settings.translation_threads(), settings.translation_beam()

        def load() -> tuple[list[str], TranslationEngine | None]:
            packages = [p for p in installed_packages() if (p.from_code, p.to_code) == ("ar",
                                                                                      "en")]
            if not packages:
                return [], None
            package = max(packages, key=lambda p: version_key(p.version))
            cache = stores.open_translations()
            model = argos.load_model(package.folder, package.version, package.target_prefix,
                                     intra_threads=threads, beam_size=beam)
            return [p.label for p in packages], TranslationEngine(model, cache)

        def loaded(result: tuple[list[str], TranslationEngine | None]) -> None:
            labels, engine = result
            self.grid.set_installed_models(labels)
            self.engine_changed.emit(engine)
            self.model_ready.emit(bool(engine))

        def failed(exc: object) -> None:
            self.grid.set_installed_models([])
            self.ctx.fail(self.tr("The translation model cannot be loaded: %1")
                          .replace("%1", str(exc)))

        self.ctx.jobs.submit(load, PRIORITY_VISIBLE, loaded, failed)

    def dialog(self) -> None:
        from reader.ui.models_dialog import ModelsDialog

        dialog = ModelsDialog(self.ctx.widget)
        # Deleted when closed; a bound slot is disconnected with it (a lambda kept every
        # closed dialog alive and refreshed them all at each model load).
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.install_requested.connect(self.install)
        dialog.changed.connect(self.refresh)
        self.model_ready.connect(dialog.refresh)
        dialog.open()

    def install_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.ctx.widget, self.tr("Install a translation model"), str(Path.home()),
            self.tr("Argos Translate models (*.argosmodel);;All files (*)"))
        if path:
            self.install(path)

    def install(self, path: str) -> None:
        ctx = self.ctx
        ctx.tell(self.tr("Installing %1…").replace("%1", Path(path).name))

        def done(package: object) -> None:
            ctx.tell(self.tr("Installed the translation model %1.")
                     .replace("%1", getattr(package, "label", "")), 8000)
            self.refresh()

        def failed(exc: object) -> None:
            ctx.tell("")
            if isinstance(exc, ModelPackageError):
                ctx.fail(self.tr("This translation model cannot be installed: %1")
                         .replace("%1", str(exc)))
            else:
                ctx.fail(self.tr("Installing the model failed: %1").replace("%1", str(exc)))

        ctx.jobs.submit(lambda: install_package(path), PRIORITY_VISIBLE, done, failed)
