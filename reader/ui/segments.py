"""The rows of the segment grid: a segment (a sentence and its English, with its status)
and the list model that holds them, Qt's side of ``reader.translation``."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.translation.cache import MACHINE
from reader.translation.engine import Translation
from reader.translation.glossary import lacks
from reader.translation.memory import Match

NEW = "new"  # waiting for its translation
MEMORY = "memory"  # the translator's earlier English for the same sentence (not confirmed)
SEGMENT_ROLE = Qt.ItemDataRole.UserRole
ALTERNATIVES = 3  # Ctrl+1…3


@dataclass
class Segment:
    source: str
    target: str = ""
    status: str = NEW
    warnings: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()  # the model's other translations, once asked for
    matches: tuple[Match, ...] = ()  # fuzzy memory matches, best first
    annotated: str = ""  # the colour of an annotation on its Arabic
    # Glossary terms in the Arabic: (start, end, Arabic term, its English alternatives).
    terms: tuple[tuple[int, int, str, tuple[str, ...]], ...] = ()
    page: int = -1
    index: int = -1  # in its page's sentences; -1: the row that heads a page
    start: int = -1  # its range in the page text
    end: int = -1
    # (width, source, target, extra) -> height: the layout of a row is measured once.
    heights: dict[tuple[int, str, str, int], int] = field(default_factory=dict)

    @property
    def header(self) -> bool:
        return self.index < 0

    def missing_terms(self) -> list[tuple[str, tuple[str, ...]]]:
        """Glossary terms in the Arabic whose translation the English lacks (none while
        there is no English)."""
        if not self.target.strip():
            return []
        out: list[tuple[str, tuple[str, ...]]] = []
        for _start, _end, term, english in self.terms:
            if (term, english) not in out and lacks(self.target, english):
                out.append((term, english))
        return out

    def choices(self) -> list[str]:
        """What Ctrl+1…3 put in: memory matches, then the model's other translations."""
        out = list(dict.fromkeys([m.target for m in self.matches]
                                 + [a for a in self.alternatives if a.strip()]))
        return [c for c in out if c != self.target][:ALTERNATIVES]


class SegmentModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.segments: list[Segment] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None  # noqa: N802
                 ) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.segments)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.segments):
            return None
        segment = self.segments[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return segment.target
        if role == SEGMENT_ROLE:
            return segment
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if self.segments[index.row()].header:
            return Qt.ItemFlag.ItemIsEnabled
        return base | Qt.ItemFlag.ItemIsEditable

    def reset(self, segments: list[Segment]) -> None:
        self.beginResetModel()
        self.segments = segments
        self.endResetModel()

    def changed(self, row: int) -> None:
        index = self.index(row)
        self.dataChanged.emit(index, index)


def fill_segment(segment: Segment, translation: Translation, edits: dict[str, tuple[str, str]],
          memory: dict[str, Match], fuzzy: dict[str, tuple[Match, ...]]) -> None:
    """A row's English: the translator's edit, else the memory's exact match, else the
    machine's (with its warnings), else none yet."""
    edit = edits.get(" ".join(translation.source.split()))
    if edit is not None:
        segment.target, segment.status = edit
        segment.warnings = ()
    elif translation.source in memory:
        segment.target, segment.status = memory[translation.source].target, MEMORY
        segment.warnings = ()
    elif translation.target or translation.error:
        segment.target, segment.status = translation.target, MACHINE
        segment.warnings = tuple(translation.warnings())
    else:  # no model: the translator writes the English
        segment.target, segment.status, segment.warnings = "", NEW, ()
    segment.matches = tuple(m for m in fuzzy.get(translation.source, ())
                            if m.target != segment.target)
