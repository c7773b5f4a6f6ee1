"""The library list's models: a table adapter over article summaries (loaded in batches
with fetchMore, so a large library opens at once) that also sorts them, and a proxy that
filters by full-text search, tag and entity.

The source model sorts, not the proxy: QSortFilterProxyModel sorts by calling data() for
every row, a Python call each, on every filter change and every batch fetched (about
220,000 calls per search on 10,000 articles). Sorting the summaries in Python once is a
few milliseconds, and lazy batches then work in every order."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from nato_reader.core.model import ArticleSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
BATCH = 200
STORE_ORDER = (1, Qt.SortOrder.DescendingOrder)  # by date, newest first: the store's order


class LibraryModel(QAbstractTableModel):
    TITLE, DATE, TAGS = range(3)
    HEADERS = ("Title", "Date", "Tags")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[ArticleSummary] = []
        self._rows: dict[int, int] = {}  # article id -> row
        self._loaded = 0
        self._sort: tuple[int, Qt.SortOrder] = STORE_ORDER

    def set_summaries(self, summaries: list[ArticleSummary]) -> None:
        """`summaries` in the store's order (newest first), kept as is in that order."""
        self.beginResetModel()
        summaries = list(summaries)
        if self._sort != STORE_ORDER:
            summaries = self._sorted(summaries, *self._sort)
        self._all = summaries
        self._rows = {s.id: row for row, s in enumerate(self._all)}
        self._loaded = min(BATCH, len(self._all))
        self.endResetModel()

    def summary(self, row: int) -> ArticleSummary:
        return self._all[row]

    def article_count(self) -> int:
        """All articles, loaded as rows or not."""
        return len(self._all)

    def row_of(self, article_id: int) -> int:
        """The row of an article, fetching batches until it is loaded; -1 if absent."""
        row = self._rows.get(article_id, -1)
        while row >= self._loaded and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        return row

    def all_ids(self) -> list[int]:
        return [s.id for s in self._all]

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort every summary (loaded as a row or not); selections follow their rows."""
        if column < 0 or column >= len(self.HEADERS):
            return
        order = Qt.SortOrder(order)
        self._sort = (column, order)
        new = self._sorted(self._all, column, order)
        new_rows = {s.id: row for row, s in enumerate(new)}
        persistent = self.persistentIndexList()
        # A selected row must stay a row: load as far as it moves.
        needed = max((new_rows[self._all[i.row()].id] for i in persistent if i.isValid()),
                     default=-1)
        while needed >= self._loaded and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = [self.index(new_rows[self._all[i.row()].id], i.column()) for i in persistent]
        self._all, self._rows = new, new_rows
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sorted(self, summaries: list[ArticleSummary], column: int,
                order: Qt.SortOrder) -> list[ArticleSummary]:
        descending = order == Qt.SortOrder.DescendingOrder
        if column == self.DATE:
            # Undated last either way; ties keep the store's order (newest imported first).
            dated = [s for s in summaries if s.published]
            undated = [s for s in summaries if not s.published]
            return sorted(dated, key=lambda s: s.published, reverse=descending) + undated
        if column == self.TITLE:
            key = lambda s: s.title.casefold()  # noqa: E731
        else:
            key = lambda s: " ".join(s.tags).casefold()  # noqa: E731
        return sorted(summaries, key=key, reverse=descending)

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

    def fetch_all(self) -> None:
        """Load every remaining row in one insertion (filters look at every article; one
        batch at a time would make the proxy filter and signal fifty times)."""
        if self._loaded >= len(self._all):
            return
        self.beginInsertRows(QModelIndex(), self._loaded, len(self._all) - 1)
        self._loaded = len(self._all)
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
    """Rows pass when they match the search (ids from FTS), the tag and the entity.
    Sorting is forwarded to the source model; the proxy keeps the source's order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.search_ids: set[int] | None = None
        self.entity_ids: set[int] | None = None
        self.tag: str = ""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None and column >= 0:
            source.sort(column, order)

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
