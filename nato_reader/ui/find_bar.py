"""Find in the article (Ctrl+F): the bar under the text, and the search that marks every
match and steps through them. Enter/F3 next, Shift+Enter/Shift+F3 previous, Esc closes.

`FindInArticle` is a mixin of ReaderView: it uses the view's `browser`, `find_bar` and
`_update_extra()` (which paints `_find` and `_find_index` as extra selections).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

MAX_MATCHES = 5000


class FindBar(QWidget):
    """Find in the article: Enter/F3 next, Shift+Enter/Shift+F3 previous, Esc closes."""

    search_changed = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in article")
        self.edit.setAccessibleName("Find in article")
        self.edit.setClearButtonEnabled(True)
        self.case = QCheckBox("Match case", self)
        self.count = QLabel("", self)
        self.count.setAccessibleName("Matches")
        previous = QToolButton(self, text="↑", toolTip="Previous match (Shift+F3)")
        following = QToolButton(self, text="↓", toolTip="Next match (F3)")
        close = QToolButton(self, text="✕", toolTip="Close (Esc)")
        previous.setAccessibleName("Previous match")
        following.setAccessibleName("Next match")
        close.setAccessibleName("Close find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for widget in (self.edit, previous, following, self.case, self.count):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.edit.textChanged.connect(self.search_changed)
        self.case.toggled.connect(self.search_changed)
        self.edit.returnPressed.connect(self._enter)
        previous.clicked.connect(self.previous_requested)
        following.clicked.connect(self.next_requested)
        close.clicked.connect(self.close_bar)

    def _enter(self) -> None:
        from PySide6.QtWidgets import QApplication

        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.previous_requested.emit()
        else:
            self.next_requested.emit()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()



class FindInArticle:
    """Find in the article, for ReaderView."""

    _find: list[QTextCursor]
    _find_index: int

    def open_find(self) -> None:
        self.find_bar.show()
        selected = self.browser.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_bar.edit.setText(selected)
        self.find_bar.edit.setFocus()
        self.find_bar.edit.selectAll()
        self._search()

    def find_step(self, step: int) -> None:
        if not self.find_bar.isVisible():
            self.open_find()
            return
        if not self._find:
            return
        self._find_index = (self._find_index + step) % len(self._find)
        self._show_find_current()

    def _search(self) -> None:
        self._find, self._find_index = [], -1
        text = self.find_bar.edit.text()
        doc = self.browser.document()
        if text:
            flags = QTextDocument.FindFlag(0)
            if self.find_bar.case.isChecked():
                flags |= QTextDocument.FindFlag.FindCaseSensitively
            cursor = doc.find(text, 0, flags)
            while not cursor.isNull() and len(self._find) < MAX_MATCHES:
                self._find.append(cursor)
                cursor = doc.find(text, cursor, flags)
        if self._find:
            here = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
            self._find_index = next((i for i, c in enumerate(self._find)
                                     if c.position() >= here.position()), 0)
            self._show_find_current()
        else:
            self.find_bar.count.setText("No matches" if text else "")
            self._update_extra()

    def _show_find_current(self) -> None:
        cursor = self._find[self._find_index]
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        self.find_bar.count.setText(f"{self._find_index + 1} of {len(self._find)}")
        self._update_extra()

    def _escape(self) -> None:
        if self.find_bar.isVisible():
            self.find_bar.close_bar()

    def _find_closed(self) -> None:
        self._find, self._find_index = [], -1
        self._update_extra()
        self.browser.setFocus()
