"""The translator's stores (translations and source fixes, the memory, the glossary), each
opened on first use; a store that cannot be opened is said once and left closed."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from reader.errors import QariError
from reader.translation.cache import TranslationCache
from reader.translation.glossary import Glossary
from reader.translation.memory import TranslationMemory
from reader.ui.context import WindowContext


class TranslationStores(QObject):
    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self._lock = threading.Lock()  # the model loader opens the cache on the jobs thread
        self._cache: TranslationCache | None = None
        self._memory: TranslationMemory | None = None
        self._glossary: Glossary | None = None

    def open_translations(self) -> TranslationCache:
        """The translations database, opened here if it is not yet (raises QariError)."""
        with self._lock:
            if self._cache is None:
                self._cache = TranslationCache()
            return self._cache

    def translations(self) -> TranslationCache | None:
        """The translations database (edits, source fixes), or None when it cannot open."""
        try:
            return self.open_translations()
        except QariError as exc:
            self.ctx.fail(str(exc))
            return None

    def memory(self) -> TranslationMemory | None:
        """The translation memory (a damaged file is set aside and said)."""
        with self._lock:
            if self._memory is None:
                try:
                    self._memory = memory = TranslationMemory()
                except QariError as exc:
                    self.ctx.fail(str(exc))
                else:
                    if memory.set_aside is not None:
                        self.ctx.tell(self.tr(
                            "The translation memory was damaged. It was kept as %1 and a new "
                            "one was started.").replace("%1", str(memory.set_aside)), 15000)
            return self._memory

    def glossary(self) -> Glossary | None:
        with self._lock:
            if self._glossary is None:
                try:
                    self._glossary = Glossary()
                except QariError as exc:
                    self.ctx.fail(str(exc))
            return self._glossary
