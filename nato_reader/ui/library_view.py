"""The library list (left): search box (full text, debounced), tag filter, entity filter
chip, and a sortable table navigable with the keyboard."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nato_reader.store.search import matching_article_ids
from nato_reader.ui.library_model import ID_ROLE, LibraryFilter, LibraryModel

SEARCH_DELAY_MS = 250


class LibraryView(QWidget):
    article_selected = Signal(int)
    filter_changed = Signal()  # the set of visible articles changed

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Library")
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search articles")
        self.search.setAccessibleName("Search articles")
        self.search.setClearButtonEnabled(True)
        self.tag_box = QComboBox(self)
        self.tag_box.setAccessibleName("Filter by tag")
        self.tag_box.setToolTip("Show only articles with this tag")
        self.entity_chip = QLabel(self)
        self.entity_chip.setAccessibleName("Entity filter")
        self.entity_clear = QToolButton(self, text="✕")
        self.entity_clear.setToolTip("Show all articles again")
        self.entity_clear.setAccessibleName("Clear entity filter")
        self.count = QLabel(self)
        self.count.setAccessibleName("Article count")

        self.table = QTableView(self)
        self.table.setAccessibleName("Articles")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        # Titles are long: two lines each, elided after that.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().lineSpacing() * 2 + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LibraryModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LibraryModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LibraryModel.TAGS, QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.resizeSection(LibraryModel.TAGS, 64)
        # The source model sorts all summaries (the proxy forwards sort()), so lazy
        # batches work in any order.
        self.table.sortByColumn(LibraryModel.DATE, Qt.SortOrder.DescendingOrder)

        filters = QHBoxLayout()
        filters.addWidget(self.tag_box, 1)
        chip = QHBoxLayout()
        chip.addWidget(self.entity_chip, 1)
        chip.addWidget(self.entity_clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(chip)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._set_chip_visible(False)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._run_search)
        self.tag_box.currentIndexChanged.connect(self._tag_changed)
        self.entity_clear.clicked.connect(lambda: self.set_entity_filter("", None))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        session.articles_changed.connect(self.reload)
        session.tags_changed.connect(self._reload_tags)
        self.reload()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.current_article_id()
        summaries = self.session.library.articles.summaries()
        self.model.set_summaries(summaries)
        # The tags column only when some article has tags: titles need the room.
        self.table.setColumnHidden(LibraryModel.TAGS, not any(s.tags for s in summaries))
        self._reload_tags()
        if self.search.text().strip():
            self._run_search()
        elif self.filtering():
            self._filters_changed()
        if current is not None:
            self.select_article(current, emit=False)
        self._update_count()

    def _reload_tags(self) -> None:
        chosen = self.tag_box.currentData() or ""
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem("All tags", "")
        for name in self.session.library.articles.all_tag_names():
            self.tag_box.addItem(f"#{name}", name)
        found = self.tag_box.findData(chosen)
        self.tag_box.setCurrentIndex(max(0, found))
        self.tag_box.setEnabled(self.tag_box.count() > 1)
        self.tag_box.blockSignals(False)

    # -- selection --------------------------------------------------------------------------

    def current_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_article_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(ID_ROLE) for r in rows]

    def visible_article_ids(self) -> list[int]:
        self.model.fetch_all()
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def select_article(self, article_id: int, emit: bool = True) -> bool:
        row = self.model.row_of(article_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        if not emit:
            self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(index)
        return True

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.article_selected.emit(current.data(ID_ROLE))

    # -- filters ----------------------------------------------------------------------------

    def _run_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip()
        ids = matching_article_ids(self.session.library.db, text) if text else None
        self.proxy.set_search_ids(ids)
        self._filters_changed()

    def _tag_changed(self) -> None:
        self.proxy.set_tag(self.tag_box.currentData() or "")
        self._filters_changed()

    def set_entity_filter(self, canonical: str, article_ids: set[int] | None,
                          unanalysed: int = 0) -> None:
        """Show only `article_ids` (those mentioning `canonical`); None shows all.
        `unanalysed`: how many articles could not be looked at yet (said in the chip)."""
        self.proxy.set_entity_ids(article_ids if canonical else None)
        if canonical:
            count = len(article_ids or ())
            text = f"Mentioning <b>{html.escape(canonical)}</b> ({count})"
            if unanalysed:
                text += f"<br><small>{unanalysed} not analysed yet</small>"
            self.entity_chip.setText(text)
        self._set_chip_visible(bool(canonical))
        self._filters_changed()

    def _set_chip_visible(self, visible: bool) -> None:
        self.entity_chip.setVisible(visible)
        self.entity_clear.setVisible(visible)

    def filtering(self) -> bool:
        p = self.proxy
        return p.search_ids is not None or p.entity_ids is not None or bool(p.tag)

    def _filters_changed(self) -> None:
        if self.filtering():  # a filter looks at every article, not the first batch only
            self.model.fetch_all()
        self._update_count()
        self.filter_changed.emit()

    def _update_count(self, *_args) -> None:
        total = self.model.article_count()
        if self.filtering():
            self.count.setText(f"{self.proxy.rowCount():,} of {total:,} articles")
        else:
            self.count.setText(f"{total:,} article{'s' if total != 1 else ''}")
