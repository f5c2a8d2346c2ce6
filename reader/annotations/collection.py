"""The annotations of one open document: kept in memory, saved at every change.

The list in memory is what the session shows. Each change is written to the store at once;
when that fails (a read-only folder, a full disk) the change stays in memory, counted as
unsaved, and is written with the next change or ``flush`` — so a failed save loses nothing
and the reviewer is told.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.annotations.model import Annotation
from reader.annotations.store import AnnotationStore, StoreError
from reader.arabic.fold import search_key


class AnnotationSet:
    def __init__(self, store: AnnotationStore, document: str) -> None:
        self.store = store
        self.document = document
        self._items: dict[str, Annotation] = {a.id: a for a in store.load(document)}
        self._unsaved: dict[str, Annotation | None] = {}  # id -> to write, or None: delete
        self._sorted: list[Annotation] | None = None
        self._by_page: dict[int | None, list[Annotation]] | None = None
        self._folded: dict[str, tuple[str, str]] = {}  # id -> (modified, folded text)
        self._tags: list[str] | None = None
        self.version = 0  # grows with every change (views compare it)
        # Built now, where the set is made (off the GUI thread): the first view is quick.
        self.on_page(None)
        self.tags()
        search_key("")  # its table is built on first use

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._items

    def get(self, annotation_id: str) -> Annotation | None:
        return self._items.get(annotation_id)

    def all(self) -> list[Annotation]:
        """Every annotation in reading order (page, then place in the text)."""
        if self._sorted is None:
            self._sorted = sorted(self._items.values(), key=Annotation.sort_key)
        return self._sorted

    def on_page(self, page: int | None) -> list[Annotation]:
        if self._by_page is None:
            index: dict[int | None, list[Annotation]] = {}
            for a in self.all():
                index.setdefault(a.page, []).append(a)
            self._by_page = index
        return self._by_page.get(page, [])

    @property
    def unsaved(self) -> int:
        return len(self._unsaved)

    def apply(self, put: Iterable[Annotation] = (), delete: Iterable[str] = ()
              ) -> StoreError | None:
        """Make the changes in memory and save them; returns the error if saving failed
        (the changes are kept and saved later)."""
        changed = False
        for annotation in put:
            self._items[annotation.id] = annotation
            self._unsaved[annotation.id] = annotation
            changed = True
        for annotation_id in delete:
            if self._items.pop(annotation_id, None) is not None:
                self._unsaved[annotation_id] = None
                changed = True
        if changed:
            self._sorted = None
            self._by_page = None
            self._tags = None
            self.version += 1
        return self.flush()

    def flush(self) -> StoreError | None:
        if not self._unsaved:
            return None
        pending = dict(self._unsaved)
        try:
            self.store.save(self.document,
                            [a for a in pending.values() if a is not None],
                            [i for i, a in pending.items() if a is None])
        except StoreError as exc:
            return exc
        for annotation_id, value in pending.items():
            if self._unsaved.get(annotation_id, ...) is value:
                del self._unsaved[annotation_id]
        return None

    def prepare_search(self) -> None:
        """Fold every annotation's text now (slow for thousands: do it in the background),
        so that the first search does not have to."""
        for annotation in list(self._items.values()):
            self.matches(annotation, "")

    def matches(self, annotation: Annotation, folded_query: str) -> bool:
        """Does the quote, comment, tags or translation contain the (folded) query?"""
        cached = self._folded.get(annotation.id)
        if cached is None or cached[0] != annotation.modified:
            text = "\n".join((annotation.exact, annotation.comment, " ".join(annotation.tags),
                              annotation.translation))
            cached = (annotation.modified, search_key(text))
            self._folded[annotation.id] = cached
        return folded_query in cached[1]

    def filtered(self, colours: Iterable[str] = (), tags: Iterable[str] = (),
                 kinds: Iterable[str] = (), statuses: Iterable[str] = (),
                 text: str = "") -> list[Annotation]:
        """The annotations that pass every filter given (an empty filter passes all)."""
        colour_set, tag_set = set(colours), set(tags)
        kind_set, status_set = set(kinds), set(statuses)
        query = search_key(text)
        out = []
        for a in self.all():
            if colour_set and a.colour not in colour_set:
                continue
            if kind_set and a.kind not in kind_set:
                continue
            if status_set and a.status not in status_set:
                continue
            if tag_set and tag_set.isdisjoint(a.tags):
                continue
            if query and not self.matches(a, query):
                continue
            out.append(a)
        return out

    def tags(self) -> list[str]:
        if self._tags is None:
            self._tags = sorted({t for a in self._items.values() for t in a.tags})
        return self._tags
