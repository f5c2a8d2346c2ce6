"""File → Export translation…, Import translations (XLIFF)…, the glossary's files, and the
translation memory as TMX: each runs off the GUI thread (with progress and cancel where it
takes a while), and reports in one message.

The controller receives what it needs (a parent for its dialogs, the worker, how to get
the open document and the stores) and speaks through signals; it knows nothing of the
window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from reader.exports.writing import FORMATS, format_for, write_translation
from reader.session import DocumentSession
from reader.translation.cache import TranslationCache
from reader.translation.glossary import Glossary
from reader.translation.memory import TranslationMemory
from reader.translation.report import ANY, CONFIRMED, make_report, report_pages
from reader.ui.worker import PRIORITY_VISIBLE, DocumentWorker, TaskHandle

Stores = Callable[[], tuple[TranslationCache | None, TranslationMemory | None]]
_SUFFIX = {"docx": ".docx", "odt": ".odt", "html": ".html", "md": ".md", "tmx": ".tmx",
           "xliff": ".xlf"}


class TranslationFiles(QObject):
    message = Signal(str)  # for the status bar
    failed = Signal(str)  # for an error box
    exported = Signal(str)  # the file written
    imported = Signal(int)  # how many translations changed (the window shows them)

    glossary_changed = Signal()

    def __init__(self, parent: QWidget, jobs: DocumentWorker,
                 session: Callable[[], DocumentSession | None], stores: Stores,
                 glossary: Callable[[], Glossary | None]) -> None:
        super().__init__(parent)
        self._parent, self._jobs, self._session, self._stores = parent, jobs, session, stores
        self._glossary = glossary
        self._task: TaskHandle | None = None
        self.progress: QProgressDialog | None = None
        self.last_unmatched: list[tuple[str, str, str]] = []

    # -- export ---------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        session = self._session()
        if session is None:
            return
        options = _ExportOptions(self._parent)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        fmt = options.format.currentData()
        suggested = str(Path(session.info.path).with_suffix(_SUFFIX[fmt]))
        path, _ = QFileDialog.getSaveFileName(self._parent, self.tr("Export translation"),
                                              suggested, f"{fmt.upper()} (*{_SUFFIX[fmt]})")
        if path:
            self.export_to(path, fmt, options.bilingual.isChecked(),
                           CONFIRMED if options.confirmed.isChecked() else ANY)

    def export_to(self, path: str, fmt: str | None = None, bilingual: bool = False,
                  status: str = ANY) -> None:
        """Build the report page by page (progress, cancel), then write it."""
        session = self._session()
        if session is None:
            return
        try:
            fmt = format_for(path, fmt)
        except Exception as exc:
            self.failed.emit(str(exc))
            return
        cache, memory = self._stores()

        def steps() -> Iterator[int]:
            pages = []
            for page in report_pages(session, cache, memory):
                pages.append(page)
                yield len(pages)
            write_translation(make_report(session, pages), path, fmt, bilingual, status)
            return None

        self._run(steps(), session.page_count, self.tr("Exporting the translation…"),
                  lambda _r: self._exported(path),
                  self.tr("The translation could not be exported: %1"))

    def _exported(self, path: str) -> None:
        self.message.emit(self.tr("Exported the translation to %1").replace("%1", path))
        self.exported.emit(path)

    def export_memory_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self._parent,
                                              self.tr("Export the translation memory"),
                                              str(Path.home() / "qari-memory.tmx"), "TMX (*.tmx)")
        if path:
            self.export_memory_to(path)

    def export_memory_to(self, path: str) -> None:
        _cache, memory = self._stores()
        if memory is None:
            return

        def write() -> int:
            from reader.exports.tmx import write_tmx

            temporary = Path(path).with_name(f".{Path(path).name}.qari-tmp")
            try:
                count = write_tmx(((s, t, st, c, ch, "") for s, t, st, c, ch in memory.pairs()),
                                  temporary)
                temporary.replace(path)
            finally:
                temporary.unlink(missing_ok=True)
            return count

        self._jobs.submit(write, PRIORITY_VISIBLE, lambda n: self.message.emit(
            self.tr("Wrote %1 translation units to %2").replace("%1", str(n))
            .replace("%2", path)), lambda exc: self.failed.emit(
            self.tr("The translation memory could not be exported: %1")
            .replace("%1", str(exc))))

    def import_memory_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._parent,
                                              self.tr("Add a TMX file to the translation memory"),
                                              str(Path.home()), "TMX (*.tmx);;All files (*)")
        if path:
            self.import_memory(path)

    def import_memory(self, path: str) -> None:
        _cache, memory = self._stores()
        if memory is None:
            return

        def work() -> int:
            from reader.exports.tmx import read_tmx

            return memory.add_many((s, t, "", "imported") for s, t in read_tmx(path))

        self._jobs.submit(work, PRIORITY_VISIBLE, lambda n: self.message.emit(
            self.tr("Added %1 translation units to the memory.").replace("%1", str(n))),
            lambda exc: self.failed.emit(self.tr("The TMX file could not be added: %1")
                                         .replace("%1", str(exc))))

    # -- glossary ---------------------------------------------------------------------------------
    def import_glossary_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import a glossary"), str(Path.home()),
            self.tr("Glossaries (*.tbx *.csv *.tsv *.txt *.tab *.utf8);;All files (*)"))
        if path:
            self.import_glossary(path)

    def import_glossary(self, path: str, scope: str = "") -> None:
        glossary = self._glossary()
        if glossary is None:
            return

        def done(count: object) -> None:
            self.message.emit(self.tr("Added %1 terms to the glossary.").replace(
                "%1", str(count)))
            self.glossary_changed.emit()

        self._jobs.submit(lambda: glossary.import_file(path, scope), PRIORITY_VISIBLE, done,
                          lambda exc: self.failed.emit(self.tr(
                              "The glossary could not be imported: %1").replace("%1", str(exc))))

    def export_glossary_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export the glossary"), str(Path.home() / "qari-glossary.tbx"),
            "TBX (*.tbx);;CSV (*.csv)")
        if path:
            self.export_glossary(path)

    def export_glossary(self, path: str) -> None:
        glossary = self._glossary()
        if glossary is None:
            return
        write = glossary.export_csv if path.lower().endswith(".csv") else glossary.export_tbx
        self._jobs.submit(lambda: write(path), PRIORITY_VISIBLE, lambda n: self.message.emit(
            self.tr("Wrote %1 terms to %2").replace("%1", str(n)).replace("%2", path)),
            lambda exc: self.failed.emit(self.tr("The glossary could not be exported: %1")
                                         .replace("%1", str(exc))))

    # -- import -----------------------------------------------------------------------------------
    def import_dialog(self) -> None:
        if self._session() is None:
            return
        path, _ = QFileDialog.getOpenFileName(self._parent, self.tr("Import translations"),
                                              str(Path.home()), "XLIFF (*.xlf *.xliff)")
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        """Read the XLIFF against this document's report; keep the changed targets."""
        session = self._session()
        cache, memory = self._stores()
        if session is None or cache is None:
            return

        def steps() -> Iterator[int]:
            from reader.exports.xliff import read_xliff, save_import

            pages = []
            for page in report_pages(session, cache, memory):
                pages.append(page)
                yield len(pages)
            result = read_xliff(path, make_report(session, pages))
            return save_import(result, session.info.sha256, cache, memory), result

        self._run(steps(), session.page_count, self.tr("Importing translations…"),
                  self._imported, self.tr("The translations could not be imported: %1"))

    def _imported(self, value: object) -> None:
        saved, result = value  # type: ignore[misc]
        self.last_unmatched = list(result.unmatched)
        text = self.tr("Imported %1 changed translations (%2 unchanged).").replace(
            "%1", str(saved)).replace("%2", str(result.unchanged))
        self.message.emit(text)
        if result.unmatched:
            # Listed, never dropped silently: the translator decides what to do with them.
            shown = "\n".join(f"• {i or '?'}: {source[:80]} → {target[:80]}"
                              for i, source, target in result.unmatched[:20])
            more = len(result.unmatched) - 20
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import translations"),
                              text + "\n\n" + self.tr(
                                  "%n unit(s) match no sentence of this document and were "
                                  "not imported:", "", len(result.unmatched)),
                              QMessageBox.StandardButton.Ok, self._parent)
            box.setDetailedText(shown + (f"\n… (+{more})" if more > 0 else ""))
            box.setObjectName("unmatchedUnits")
            box.open()
        self.imported.emit(saved)

    # -- running ----------------------------------------------------------------------------------
    def _run(self, steps: Iterator[int], total: int, label: str,
             done: Callable[[object], None], failure: str) -> None:
        self._jobs.cancel(self._task)
        progress = QProgressDialog(label, self.tr("Cancel"), 0, max(total, 1), self._parent)
        progress.setObjectName("translationFileProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(True)
        self.progress = progress

        def finished(value: object) -> None:
            self._task = None
            progress.reset()
            done(value)

        def failed(exc: object) -> None:
            self._task = None
            progress.reset()
            self.failed.emit(failure.replace("%1", str(exc)))

        self._task = self._jobs.submit_steps(
            steps, PRIORITY_VISIBLE, lambda n: progress.setValue(min(int(n), total)),
            finished, failed)
        progress.canceled.connect(self.cancel)

    def cancel(self) -> None:
        if self._task is not None:
            self._jobs.cancel(self._task)
            self._task = None
            self.message.emit(self.tr("Stopped: nothing was written."))


class _ExportOptions(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("exportOptions")
        self.setWindowTitle(self.tr("Export translation"))
        self.format = QComboBox(self)
        names = {"docx": self.tr("Word document (.docx)"),
                 "odt": self.tr("OpenDocument text (.odt)"), "html": self.tr("Web page (.html)"),
                 "md": self.tr("Markdown (.md)"),
                 "tmx": self.tr("Translation memory (TMX)"),
                 "xliff": self.tr("XLIFF 1.2 for a CAT tool (.xlf)")}
        for fmt in FORMATS:
            self.format.addItem(names[fmt], fmt)
        self.bilingual = QCheckBox(self.tr("Arabic beside English, sentence by sentence"),
                                   self)
        self.confirmed = QCheckBox(self.tr("Only English a translator confirmed"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow("", self.bilingual)
        form.addRow("", self.confirmed)
        form.addRow(buttons)
