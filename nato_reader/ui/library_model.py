"""The library list's models: a table adapter over article summaries (loaded in batches
with fetchMore, so a large library opens at once) and a proxy that sorts and filters by
full-text search, tag and entity."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from nato_reader.core.model import ArticleSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
BATCH = 200


class LibraryModel(QAbstractTableModel):
    TITLE, DATE, TAGS = range(3)
    HEADERS = ("Title", "Date", "Tags")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[ArticleSummary] = []
        self._loaded = 0

    def set_summaries(self, summaries: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._all = list(summaries)
        self._loaded = min(BATCH, len(self._all))
        self.endResetModel()

    def summary(self, row: int) -> ArticleSummary:
        return self._all[row]

    def row_of(self, article_id: int) -> int:
        """The row of an article, fetching batches until it is loaded; -1 if absent."""
        for row, summary in enumerate(self._all):
            if summary.id == article_id:
                while row >= self._loaded and self.canFetchMore(QModelIndex()):
                    self.fetchMore(QModelIndex())
                return row
        return -1

    def all_ids(self) -> list[int]:
        return [s.id for s in self._all]

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent) -> bool:
        return not parent.isValid() and self._loaded < len(self._all)

    def fetchMore(self, parent) -> None:
        if parent.isValid():
            return
        more = min(BATCH, len(self._all) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._loaded:
            return None
        s = self._all[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return s.title
            if column == self.DATE:
                return s.published.strftime("%d %b %Y").lstrip("0") if s.published else "—"
            return " ".join(f"#{t}" for t in s.tags)
        if role == Qt.ItemDataRole.ToolTipRole:
            date = s.published.isoformat() if s.published else "undated"
            return f"{s.title}\n{date} · {s.source}"
        if role == SORT_ROLE:
            if column == self.TITLE:
                return s.title.casefold()
            if column == self.DATE:
                return s.published.isoformat() if s.published else ""
            return " ".join(s.tags).casefold()
        if role == ID_ROLE:
            return s.id
        return None


class LibraryFilter(QSortFilterProxyModel):
    """Rows pass when they match the search (ids from FTS), the tag and the entity."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.search_ids: set[int] | None = None
        self.entity_ids: set[int] | None = None
        self.tag: str = ""

    def set_search_ids(self, ids: set[int] | None) -> None:
        self.beginFilterChange()
        self.search_ids = ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_entity_ids(self, ids: set[int] | None) -> None:
        self.beginFilterChange()
        self.entity_ids = ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_tag(self, tag: str) -> None:
        self.beginFilterChange()
        self.tag = tag
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        summary = self.sourceModel().summary(source_row)
        if self.search_ids is not None and summary.id not in self.search_ids:
            return False
        if self.entity_ids is not None and summary.id not in self.entity_ids:
            return False
        return not self.tag or self.tag.casefold() in (t.casefold() for t in summary.tags)
