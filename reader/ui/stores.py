"""The translator's stores (translations and source fixes, the memory, the glossary), opened
off the GUI thread when the window starts (opening and checking a database takes tens of
milliseconds), or on first use if that comes sooner; a store that cannot be opened is said
once and left closed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject

from reader.errors import QariError
from reader.translation.cache import TranslationCache
from reader.translation.glossary import Glossary
from reader.translation.memory import TranslationMemory
from reader.ui.context import WindowContext
from reader.ui.worker import PRIORITY_BACKGROUND

T = TypeVar("T")


class TranslationStores(QObject):
    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        # Held while a store opens: the jobs thread opens them at start, and the GUI thread
        # that asks meanwhile waits for that one opening instead of starting a second.
        self._lock = threading.Lock()
        self._opened: dict[str, object] = {}
        self._failed: set[str] = set()

    def prepare(self) -> None:
        """Open every store on the jobs thread now, before the first page asks."""
        def work() -> None:
            self.translations()
            self.memory()
            self.glossary()

        self.ctx.jobs.submit(work, PRIORITY_BACKGROUND, None, lambda _exc: None)

    def _open(self, name: str, make: Callable[[], T]) -> tuple[T, bool]:
        """The store, made here if it is not yet (raises QariError); True when just made."""
        with self._lock:
            if name in self._opened:
                return self._opened[name], False  # type: ignore[return-value]
            store = self._opened[name] = make()
            self._failed.discard(name)
            return store, True

    def _store(self, name: str, make: Callable[[], T], opened: Callable[[T], None] | None = None,
               ) -> T | None:
        """The store, or None when it cannot open (said the first time)."""
        if name in self._failed:
            return None
        try:
            store, fresh = self._open(name, make)
        except QariError as exc:
            self._failed.add(name)
            self.ctx.fail(str(exc))  # a signal: shown by the GUI thread
            return None
        if fresh and opened is not None:
            opened(store)
        return store

    def open_translations(self) -> TranslationCache:
        """The translations database, opened here if it is not yet (raises QariError)."""
        return self._open("translations", TranslationCache)[0]

    def translations(self) -> TranslationCache | None:
        """The translations database (edits, source fixes), or None when it cannot open."""
        return self._store("translations", TranslationCache)

    def memory(self) -> TranslationMemory | None:
        """The translation memory (a damaged file is set aside and said)."""
        def opened(memory: TranslationMemory) -> None:
            if memory.set_aside is not None:
                self.ctx.fail(self.tr(
                    "The translation memory was damaged. It was kept as %1 and a new one "
                    "was started.").replace("%1", str(memory.set_aside)))

        return self._store("memory", TranslationMemory, opened)

    def glossary(self) -> Glossary | None:
        return self._store("glossary", Glossary)
