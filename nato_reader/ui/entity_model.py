"""The entity panel's model: a two-level tree, entity types with one row per canonical
entity under each, and the number of mentions in a second column."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from nato_reader.core.model import Analysis
from nato_reader.ui import palette

CANONICAL_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
NO_PARENT = 0xFFFFFFFF  # internalId of top-level (type) rows


@dataclass(frozen=True)
class EntityRow:
    canonical: str
    label: str
    count: int


@dataclass(frozen=True)
class TypeGroup:
    label: str
    rows: tuple[EntityRow, ...]

    @property
    def count(self) -> int:
        return sum(r.count for r in self.rows)


def group_entities(analysis: Analysis | None) -> list[TypeGroup]:
    """Types in reading order; entities by mention count, then name."""
    if analysis is None:
        return []
    counts = Counter((m.label, m.canonical) for m in analysis.mentions)
    by_label: dict[str, list[EntityRow]] = {}
    for (label, canonical), count in counts.items():
        by_label.setdefault(label, []).append(EntityRow(canonical, label, count))
    return [
        TypeGroup(label, tuple(sorted(rows, key=lambda r: (-r.count, r.canonical.casefold()))))
        for label, rows in sorted(by_label.items(), key=lambda kv: palette.label_sort_key(kv[0]))
    ]


class EntityModel(QAbstractItemModel):
    HEADERS = ("Entity", "Mentions")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.groups: list[TypeGroup] = []
        self.dark = False

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self.groups = group_entities(analysis)
        self.endResetModel()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        if self.groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.groups) - 1, 1))

    def canonical_names(self) -> list[str]:
        return sorted({r.canonical for g in self.groups for r in g.rows}, key=str.casefold)

    def index_of(self, canonical: str) -> QModelIndex:
        for g, group in enumerate(self.groups):
            for r, row in enumerate(group.rows):
                if row.canonical == canonical:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    # -- Qt model interface ---------------------------------------------------------------

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, NO_PARENT)
        return self.createIndex(row, column, parent.row())

    def parent(self, index=QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, NO_PARENT)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.column() != 0 or parent.internalId() != NO_PARENT:
            return 0
        return len(self.groups[parent.row()].rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == NO_PARENT:
            group = self.groups[index.row()]
            return self._group_data(group, index.column(), role)
        group = self.groups[int(index.internalId())]
        row = group.rows[index.row()]
        return self._row_data(row, index.column(), role)

    def _group_data(self, group: TypeGroup, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return palette.label_name(group.label) if column == 0 else str(group.count)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return palette.entity_background(group.label, self.dark, strong=True)
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{palette.label_name(group.label)} ({group.label}): {len(group.rows)} entities"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == LABEL_ROLE:
            return group.label
        if role == COUNT_ROLE:
            return group.count
        return None

    def _row_data(self, row: EntityRow, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return row.canonical if column == 0 else str(row.count)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            plural = "s" if row.count != 1 else ""
            return f"{row.canonical} — {row.label}, {row.count} mention{plural}"
        if role == CANONICAL_ROLE:
            return row.canonical
        if role == LABEL_ROLE:
            return row.label
        if role == COUNT_ROLE:
            return row.count
        return None
