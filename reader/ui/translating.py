"""The translation side of the window: the page's segments in the grid with what is known
of their English (the translator's, the memory's, the machine's), the document translated in
the background, the translator's edits, confirmations and fixes of the Arabic kept, the
glossary's terms, and the segments kept in step with the Arabic pane and the page."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from reader.annotations.model import ARABIC, TRANSLATION
from reader.arabic.model import PageText
from reader.arabic.repair import PIPELINE_VERSION
from reader.session import DocumentSession
from reader.translation.cache import EDITED, REVIEWED
from reader.translation.engine import Translation, TranslationEngine
from reader.translation.glossary import glossary_terms
from reader.translation.segment import Sentence
from reader.translation.source_fixes import EDIT, JOIN, SPLIT, SourceFix
from reader.translation.units import page_units, session_units
from reader.ui.context import WindowContext
from reader.ui.panes import ArabicTextPane
from reader.ui.pdf_view import PdfView
from reader.ui.segment_grid import Segment, SegmentGrid, Step, fill_segment
from reader.ui.stores import TranslationStores
from reader.ui.worker import PRIORITY_BACKGROUND, PRIORITY_VISIBLE, TaskHandle


class TranslationController(QObject):
    page_translated = Signal(int)
    document_translated = Signal(int)
    document_rows_loaded = Signal(int)  # the grid's document view has its rows (pages)
    page_requested = Signal(int)  # a row of another page was chosen: show that page

    def __init__(self, ctx: WindowContext, view: PdfView, pane: ArabicTextPane,
                 grid: SegmentGrid, stores: TranslationStores) -> None:
        super().__init__(ctx)
        self.ctx, self.view, self.pane, self.grid, self.stores = ctx, view, pane, grid, stores
        self.engine: TranslationEngine | None = None
        self.sentences: list[Sentence] = []
        self.status = QLabel()  # the document's translation progress, for the status bar
        self._kept_pairs: dict[str, str] = {}  # source -> English this window put in memory
        self._segment_total: int | None = None  # segments in the document, once counted
        self._pending_sentence: tuple[int, int] | None = None  # (page, index) to select
        self._rows_task: TaskHandle | None = None
        self._translate_task: TaskHandle | None = None
        self._text_read = False  # every page's text is read: the document can be translated
        self._selection_source = ARABIC  # the pane where text was selected last
        grid.sentence_activated.connect(self._sentence_activated)
        grid.sentence_hovered.connect(self._sentence_hovered)
        grid.edited.connect(self._save_edit)
        grid.alternatives_requested.connect(self._alternatives)
        grid.source_fix_requested.connect(self._fix_source)
        grid.page_requested.connect(self._sentence_on_page)
        grid.scope_changed.connect(self._grid_scope_changed)
        grid.view.selectionModel().selectionChanged.connect(
            lambda *_a: setattr(self, "_selection_source", TRANSLATION))
        pane.selection_changed.connect(lambda *_a: setattr(self, "_selection_source", ARABIC))
        pane.hovered.connect(self._arabic_hovered)
        pane.browser.cursorPositionChanged.connect(self._cursor_moved)
        ctx.document_changed.connect(self._adopt)

    def _adopt(self, _session: DocumentSession) -> None:
        self.ctx.jobs.cancel(self._translate_task)
        self._translate_task = None
        self._text_read = False
        self._segment_total = None
        self.grid.set_document_counts(None)
        self.grid.set_document({})  # the document view fills once text is read

    def text_read(self) -> None:
        """Every page's text is in: count, fill the document view, translate it all."""
        self._text_read = True
        self.count_segments(recount=True)
        if self.grid.document_view:
            self.load_document_rows()
        self.translate_document()

    def set_engine(self, engine: TranslationEngine | None) -> None:
        self.engine = engine
        if engine is not None and self.pane.model is not None:
            self.show_sentences(self.pane.model)
        # A model installed after the text was read: the whole document, not only the
        # visible page (otherwise the end of the background reading starts it).
        if engine is not None and self.ctx.session is not None and self._text_read:
            self.translate_document()

    def stop(self) -> None:
        """Stop translating the rest of the document (the visible page is still done)."""
        if self._translate_task is not None:
            self.ctx.jobs.cancel(self._translate_task)
            self._translate_task = None
            self.status.setText(self.tr("Translation of the document stopped"))

    def current_selection(self) -> tuple[PageText, int, int, str, str] | None:
        """What an annotation would cover: rows selected in the grid (when they were
        selected last), else the selection in the Arabic pane (made there or on the page)."""
        model = self.pane.model
        if model is None:
            return None
        rows = self.grid.selected_rows()
        if rows and self._selection_source == TRANSLATION:
            chosen = [self.sentences[r] for r in rows if r < len(self.sentences)]
            if chosen:
                english = " ".join(self.grid.target(r) for r in rows)
                return (model, min(s.start for s in chosen), max(s.end for s in chosen),
                        TRANSLATION, english)
        start, end = self.pane.selection()
        if start < end and self.pane.page == model.page:
            return model, start, end, ARABIC, ""
        return None

    def mark_annotated(self, marks: list[tuple[int, int, str, str]]) -> None:
        """Tint the rows whose Arabic carries an annotation (``marks``: start, end, kind,
        colour on the page shown)."""
        rows: dict[int, str] = {}
        for start, end, _kind, colour in marks:
            for row, sentence in enumerate(self.sentences):
                if sentence.start < end and sentence.end > start:
                    rows.setdefault(row, colour)
        self.grid.set_annotated_rows(rows)

    def show_sentences(self, model: PageText) -> None:
        body = sum(len(b.text) + 1 for b in model.body)
        info = self.ctx.info
        store = self.stores.translations()
        # The translator's fixes of the source, placed again on this reading of the page.
        fixes = (store.source_fixes.fixes(info.sha256, model.page)
                 if store is not None and info is not None else [])
        self.sentences, unplaced = page_units(model.text, body, model.spans(), fixes)
        if unplaced:
            self.ctx.tell(self.tr(
                "%n fix(es) of the Arabic on this page no longer match its text; "
                "they are kept.", "", len(unplaced)), 8000)
        self.grid.show_sentences(self.sentences, model.page)
        pending, self._pending_sentence = self._pending_sentence, None
        if pending is not None and pending[0] == model.page:  # a row chosen on another page
            self.grid.select_sentence(pending[1])
            self._sentence_activated(pending[1])
        engine = self.engine
        if info is None or not self.sentences:
            return
        page, sources = model.page, [s.text for s in self.sentences]
        cache, memory, glossary = store, self.stores.memory(), self.stores.glossary()

        def work() -> tuple[list, dict, dict, dict, int, dict]:
            # Edits made on an older engine's text are placed again on this page's.
            edits = cache.place(info.sha256, page, sources, PIPELINE_VERSION) if cache else {}
            exact = memory.exact(sources) if memory else {}
            fuzzy = {s: tuple(memory.fuzzy(s)) for s in sources} if memory else {}
            translations = (engine.translate(sources) if engine is not None
                            else [Translation(s, "") for s in sources])
            terms = {s: glossary_terms(glossary, s, info.sha256) for s in sources}
            return (translations, {k: (e.text, e.status) for k, e in edits.items()},
                    exact, fuzzy, page, terms)

        def done(result: tuple[list, dict, dict, dict, int, dict]) -> None:
            if self.pane.model is not None and self.pane.model.page == page:
                self.grid.show_translations(*result)
                self.page_translated.emit(page)

        self.ctx.jobs.submit(work, PRIORITY_VISIBLE, done, lambda exc: self.ctx.tell(
            self.tr("Translation failed: %1").replace("%1", str(exc)), 8000))

    def count_segments(self, recount: bool = False) -> None:
        """The document's confirmed segments of all its segments (the grid's counter), in
        the background: all segments counted once every page is read, and again after a
        fix of the source; confirmed ones after each change."""
        session, info, store = self.ctx.session, self.ctx.info, self.stores.translations()
        if session is None or info is None or store is None:
            return
        known = None if recount else self._segment_total

        def work() -> tuple[int, int] | None:
            total = known
            if total is None:
                fixes = store.source_fixes.by_page(info.sha256)
                total = 0
                for page in range(session.page_count):
                    found = session_units(session, page, fixes.get(page, ()))
                    if found is None:
                        return None  # not every page read yet: counted when they are
                    total += len(found[1])
            confirmed = sum(e.status == REVIEWED for e in store.edits(info.sha256).values())
            return min(confirmed, total), total

        def done(result: tuple[int, int] | None) -> None:
            if result is not None and session is self.ctx.session:
                self._segment_total = result[1]
                self.grid.set_document_counts(result)

        self.ctx.jobs.submit(work, PRIORITY_BACKGROUND, done, lambda _exc: None)

    def _sentence_on_page(self, page: int, index: int) -> None:
        """A row of another page chosen in the document view: go there, then select it."""
        self._pending_sentence = (page, index)
        self.page_requested.emit(page)

    def _grid_scope_changed(self, whole: bool) -> None:
        self.ctx.settings.set_whole_document_grid(whole)
        if whole:
            self.load_document_rows()

    def load_document_rows(self) -> None:
        """Every read page's segments with what is known of their English (the
        translator's, the memory's, the machine's already made), for the grid's document
        view; pages not translated yet show as such until the background pass reaches
        them."""
        session, info, store = self.ctx.session, self.ctx.info, self.stores.translations()
        if session is None or info is None or store is None:
            return
        engine, memory, glossary = self.engine, self.stores.memory(), self.stores.glossary()
        self.ctx.jobs.cancel(self._rows_task)

        def work() -> dict[int, list[Segment]]:
            fixes = store.source_fixes.by_page(info.sha256)
            edits = {k: (e.text, e.status) for k, e in store.edits(info.sha256).items()}
            pages: dict[int, list[Segment]] = {}
            for page in range(session.page_count):
                found = session_units(session, page, fixes.get(page, ()))
                if found is None:
                    continue
                sentences = found[1]
                sources = [s.text for s in sentences]
                known = store.get(engine.model.identity, sources) if engine else {}
                exact = memory.exact(sources) if memory else {}
                rows = []
                for i, sentence in enumerate(sentences):
                    found = known.get(" ".join(sentence.text.split()))
                    translation = (Translation(sentence.text, found[0], tuple(found[1]),
                                               found[2] or 0.0, True) if found
                                   else Translation(sentence.text, ""))
                    segment = Segment(sentence.text, page=page, index=i, start=sentence.start,
                                      end=sentence.end)
                    fill_segment(segment, translation, edits, exact, {})
                    segment.terms = glossary_terms(glossary, sentence.text, info.sha256)
                    rows.append(segment)
                pages[page] = rows
            return pages

        def done(pages: dict[int, list[Segment]]) -> None:
            self._rows_task = None
            if session is self.ctx.session:
                self.grid.set_document(pages)
                self.document_rows_loaded.emit(len(pages))

        self._rows_task = self.ctx.jobs.submit(work, PRIORITY_BACKGROUND, done, lambda _e: None)

    def refresh_all(self, _count: int = 0) -> None:
        """Translations brought back from an XLIFF: show them where they are shown."""
        if self.pane.model is not None:
            self.show_sentences(self.pane.model)
        if self.grid.document_view:
            self.load_document_rows()
        self.count_segments()

    def _fix_source(self, page: int, start: int, end: int, kind: str, texts: list,
                    cuts: list) -> None:
        """Keep a fix of the Arabic (an undoable step) and show the page's segments again:
        the changed ones are translated anew."""
        model, info, store, session = (self.pane.model, self.ctx.info, self.stores.translations(),
                                       self.ctx.session)
        if info is None or store is None or session is None:
            return
        text = model.text if model is not None and model.page == page else session.kept_text(
            page)
        if text is None or not 0 <= start < end <= len(text):
            return
        quote, fixes = text[start:end], store.source_fixes
        made: list[SourceFix] = []

        def refresh(_result: object = None) -> None:
            if self.pane.model is not None and self.pane.model.page == page:
                self.show_sentences(self.pane.model)
            if self.grid.document_view:
                self.load_document_rows()
            self.count_segments(recount=True)

        def failed(exc: object) -> None:
            self.ctx.fail(self.tr("The fix of the Arabic could not be saved: %1")
                            .replace("%1", str(exc)))

        def do() -> None:
            def save() -> None:
                if made:
                    fixes.restore(info.sha256, made[0])
                else:
                    made.append(fixes.add(info.sha256, page, start, end, quote, kind, texts,
                                          cuts))
            self.ctx.jobs.submit(save, PRIORITY_VISIBLE, refresh, failed)

        def undo() -> None:
            self.ctx.jobs.submit(lambda: made and fixes.remove(made[0].id), PRIORITY_VISIBLE,
                             refresh, failed)

        names = {EDIT: self.tr("Fix of the Arabic"), JOIN: self.tr("Join of two segments"),
                 SPLIT: self.tr("Split of a segment")}
        self.grid.undo_stack.push(Step(names.get(kind, kind), do, undo))

    def translate_document(self) -> None:
        """Translate every page in the background (its text is read by then), so that
        reopening or turning pages shows translations at once."""
        session, engine = self.ctx.session, self.engine
        if session is None or engine is None:
            return
        self.ctx.jobs.cancel(self._translate_task)
        total = session.page_count
        first = self.view.current_page
        store, info = self.stores.translations(), self.ctx.info
        fixes = store.source_fixes.by_page(info.sha256) if store and info else {}

        def pages() -> Iterator[int]:
            for step in range(total):
                page = (first + step) % total
                found = session_units(session, page, fixes.get(page, ()))
                if found is None:
                    continue
                engine.translate([s.text for s in found[1]])
                yield page

        done_pages: list[int] = []

        def progress(page: int) -> None:
            done_pages.append(page)
            self.status.setText(self.tr("Translated: %1 / %2 pages")
                                          .replace("%1", str(len(done_pages)))
                                          .replace("%2", str(total)))

        def finished(_value: object) -> None:
            self._translate_task = None
            self.status.setText("")
            if self.grid.document_view:
                self.load_document_rows()
            self.document_translated.emit(total)

        def failed(exc: object) -> None:
            self._translate_task = None
            self.status.setText(self.tr("Translation of the document stopped: %1")
                                          .replace("%1", str(exc)))

        self._translate_task = self.ctx.jobs.submit_steps(pages(), PRIORITY_BACKGROUND, progress,
                                                      finished, failed)

    def _sentence_activated(self, index: int) -> None:
        if 0 <= index < len(self.sentences):
            sentence = self.sentences[index]
            self.pane.select_range(sentence.start, sentence.end)

    def _sentence_hovered(self, index: int) -> None:
        """Hovering an English sentence tints its Arabic and its region on the page."""
        model = self.pane.model
        if model is None or not 0 <= index < len(self.sentences):
            self.pane.tint_range(-1, -1)
            self.view.set_hover(-1, [])
            return
        sentence = self.sentences[index]
        self.pane.tint_range(sentence.start, sentence.end)
        self.view.set_hover(model.page, model.rects_for(sentence.start, sentence.end))

    def _arabic_hovered(self, offset: int) -> None:
        index = next((i for i, s in enumerate(self.sentences) if s.start <= offset <= s.end),
                     -1)
        self.grid.hover_sentence(index)
        model = self.pane.model
        if model is not None and index >= 0:
            sentence = self.sentences[index]
            self.view.set_hover(model.page, model.rects_for(sentence.start, sentence.end))
        else:
            self.view.set_hover(-1, [])

    def _cursor_moved(self) -> None:
        position = self.pane.browser.textCursor().position()
        for index, sentence in enumerate(self.sentences):
            if sentence.start <= position <= sentence.end:
                self.grid.select_sentence(index)
                break

    def add_term_dialog(self) -> None:
        """The Arabic selected (in the text pane, on the page, or a grid row) as a
        glossary term, with the English the translator gives it."""
        model = self.pane.model
        start, end = self.pane.selection()
        term = model.text[start:end].strip() if model is not None and start < end else ""
        if not term:
            self.ctx.tell(self.tr("Select the Arabic of a term first."), 6000)
            return
        dialog = QDialog(self.ctx.widget)
        dialog.setObjectName("addTermDialog")
        dialog.setWindowTitle(self.tr("Add to the glossary"))
        english = QLineEdit(dialog)
        only_here = QCheckBox(self.tr("Only for this document"), dialog)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(self.tr("English for “%1”:").replace("%1", term), english)
        form.addRow("", only_here)
        form.addRow(buttons)
        dialog.accepted.connect(lambda: english.text().strip() and self.add_term(
            term, english.text(), only_here.isChecked()))
        dialog.open()
        self._term_dialog = dialog

    def add_term(self, term: str, english: str, this_document: bool = False) -> None:
        glossary, info = self.stores.glossary(), self.ctx.info
        if glossary is None:
            return
        scope = info.sha256 if this_document and info is not None else ""

        def added(_term: object) -> None:
            self.ctx.tell(
                self.tr("Added “%1” to the glossary.").replace("%1", term), 6000)
            self.refresh_all(0)

        # Written off the window's thread like every other store write (a synced commit).
        self.ctx.jobs.submit(lambda: glossary.add(term, english, scope=scope), PRIORITY_VISIBLE,
                         added, lambda exc: self.ctx.fail(str(exc)))

    def _save_edit(self, source: str, text: str, status: str, page: int = -1,
                   start: int = -1) -> None:
        """Keep a translator's edit with where it was made (page, offset, engine), so it
        can be placed again when a newer engine reads the page differently; an edited or
        confirmed pair goes into the translation memory. Another status is an edit undone."""
        info, model, cache = self.ctx.info, self.pane.model, self.stores.translations()
        if info is None or cache is None:
            return
        memory = self.stores.memory()
        if page < 0 and model is not None:
            page = model.page
            start = next((s.start for s in self.sentences if s.text == source), -1)
        previous = self._kept_pairs.pop(source, None)

        def save() -> None:
            if status in (EDITED, REVIEWED):
                cache.edit(info.sha256, source, text, status, page, start, PIPELINE_VERSION)
                if memory is not None:
                    memory.add(source, text, info.sha256, status)
            else:
                cache.forget(info.sha256, source)
                if memory is not None and previous is not None:
                    memory.remove(source, previous)

        if status in (EDITED, REVIEWED):
            self._kept_pairs[source] = text
        self.ctx.jobs.submit(save,
                         PRIORITY_VISIBLE, lambda _r: self.count_segments(),
                         lambda exc: self.ctx.fail(
                             self.tr("Your correction could not be saved: %1")
                             .replace("%1", str(exc))))

    def _alternatives(self, source: str) -> None:
        engine = self.engine
        if engine is None:
            return

        def done(result: list) -> None:
            alternatives = [result[0].target, *result[0].alternatives]
            self.grid.set_alternatives(source, alternatives)
            self.ctx.tell(self.tr("Other translations are ready in the "
                                                 "sentence's menu."), 5000)

        # Without the cache: the cache holds the best translation only.
        self.ctx.jobs.submit(lambda: TranslationEngine(engine.model).translate(
            [source], num_hypotheses=4), PRIORITY_VISIBLE, done, lambda _e: None)
