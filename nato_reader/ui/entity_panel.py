"""The entity panel: the article's entities by type, a filter box, stepping through the
selected entity's mentions, and corrections (through undo commands) on right-click."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from nato_reader.core.model import Analysis
from nato_reader.ui import palette
from nato_reader.ui.entity_model import CANONICAL_ROLE, LABEL_ROLE, EntityModel
from nato_reader.ui.undo_commands import AddCorrectionCommand, RemoveCorrectionCommand

CORRECTABLE_LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW",
                      "PRODUCT", "WORK_OF_ART"]


class EntityPanel(QWidget):
    entity_selected = Signal(str)  # canonical name, "" when the selection is cleared
    step_requested = Signal(int)  # +1 next mention, -1 previous
    show_articles_requested = Signal(str)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Entities")
        self.model = EntityModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter entities")
        self.filter_edit.setAccessibleName("Filter entities")
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setAccessibleName("Entities by type")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.previous_button = QPushButton("‹ Previous", self)
        self.next_button = QPushButton("Next ›", self)
        self.previous_button.setToolTip("Previous mention (Shift+F4)")
        self.next_button.setToolTip("Next mention (F4)")
        self.position = QLabel("", self)
        self.position.setAccessibleName("Mention position")
        self.articles_button = QPushButton("Show articles", self)
        self.articles_button.setToolTip("Filter the library to articles mentioning this entity")
        self.empty = QLabel("", self)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        steps = QHBoxLayout()
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        steps.addWidget(self.position, 1, Qt.AlignmentFlag.AlignCenter)
        steps.addWidget(self.articles_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(steps)

        self.filter_edit.textChanged.connect(self._filter)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        # Enter or a double click on a row: go to its next mention.
        self.tree.activated.connect(self._activated)
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.articles_button.clicked.connect(self._show_articles)
        self._update_buttons()

    # -- state ---------------------------------------------------------------------------

    def set_analysis(self, analysis: Analysis | None, message: str = "") -> None:
        keep = self.selected_canonical()
        blocker = self.tree.selectionModel().blockSignals(True)
        self.model.set_analysis(analysis)
        self.tree.selectionModel().blockSignals(blocker)
        self._expand_groups()
        has_rows = bool(self.model.groups)
        self.tree.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.empty.setText(message or ("No entities found." if analysis else "Not analysed yet."))
        if keep and not self.select(keep):
            self.entity_selected.emit("")
        self._update_buttons()

    def _expand_groups(self) -> None:
        """Open every type group. expandAll() would walk every entity row through the
        Python model, a cost paid on each article opened."""
        for row in range(self.proxy.rowCount()):
            self.tree.expand(self.proxy.index(row, 0))

    def set_dark(self, dark: bool) -> None:
        self.model.set_dark(dark)

    def selected_canonical(self) -> str:
        index = self.tree.currentIndex()
        if not self.tree.selectionModel().hasSelection() or not index.isValid():
            return ""
        return index.siblingAtColumn(0).data(CANONICAL_ROLE) or ""

    def select(self, canonical: str) -> bool:
        source = self.model.index_of(canonical)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        return True

    def set_position(self, current: int, total: int) -> None:
        self.position.setText(f"{current} / {total}" if current else
                              (f"{total} mention{'s' if total != 1 else ''}" if total else ""))

    # -- slots ---------------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._expand_groups()

    def _selection_changed(self, *_args) -> None:
        self._update_buttons()
        self.entity_selected.emit(self.selected_canonical())

    def _activated(self, index) -> None:
        if index.siblingAtColumn(0).data(CANONICAL_ROLE):
            self.step_requested.emit(1)

    def _update_buttons(self) -> None:
        selected = bool(self.selected_canonical())
        for button in (self.previous_button, self.next_button, self.articles_button):
            button.setEnabled(selected)
        if not selected:
            self.position.setText("")

    def _show_articles(self) -> None:
        canonical = self.selected_canonical()
        if canonical:
            self.show_articles_requested.emit(canonical)

    # -- corrections -----------------------------------------------------------------------

    def _context_menu(self, pos) -> None:
        menu = self.context_menu(self.tree.indexAt(pos))
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, index) -> QMenu:
        """The corrections menu for the row at `index` (a proxy index)."""
        index = index.siblingAtColumn(0)
        canonical = index.data(CANONICAL_ROLE) if index.isValid() else None
        menu = QMenu(self)
        if canonical:
            label = index.data(LABEL_ROLE)
            retype = menu.addMenu("Change type")
            for new_label in CORRECTABLE_LABELS:
                action = retype.addAction(f"{palette.label_name(new_label)} ({new_label})")
                action.setEnabled(new_label != label)
                action.triggered.connect(
                    lambda _=False, v=new_label: self.correct("retype", canonical, v))
            menu.addAction("Rename…", lambda: self._rename(canonical))
            menu.addAction("Merge into…", lambda: self._merge(canonical))
            menu.addAction("Hide", lambda: self.correct("hide", canonical))
            menu.addSeparator()
            menu.addAction("Show articles mentioning it",
                           lambda: self.show_articles_requested.emit(canonical))
        hidden = [c for c in self.session.corrections() if c.kind == "hide"]
        if hidden:
            menu.addSeparator()
            restore = menu.addMenu("Hidden entities")
            for correction in hidden:
                action = QAction(f"Show “{correction.canonical}” again", restore)
                action.triggered.connect(lambda _=False, c=correction: self._unhide(c))
                restore.addAction(action)
        return menu

    def correct(self, kind: str, canonical: str, value: str = "") -> None:
        self.session.undo_stack.push(AddCorrectionCommand(self.session, kind, canonical, value))

    def _unhide(self, correction) -> None:
        self.session.undo_stack.push(RemoveCorrectionCommand(self.session, correction))

    def _rename(self, canonical: str) -> None:
        name, ok = QInputDialog.getText(self, "Rename entity",
                                        f"New name for “{canonical}” in every article:",
                                        text=canonical)
        name = " ".join(name.split())
        if ok and name and name != canonical:
            self.correct("rename", canonical, name)

    def _merge(self, canonical: str) -> None:
        others = [n for n in self.model.canonical_names() if n != canonical]
        if not others:
            return
        target, ok = QInputDialog.getItem(self, "Merge entity",
                                          f"Merge “{canonical}” into:", others, 0, True)
        target = " ".join(target.split())
        if ok and target and target != canonical:
            self.correct("merge", canonical, target)
