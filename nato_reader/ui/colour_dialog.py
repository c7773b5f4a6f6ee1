"""Manage the named highlight palette: add, rename and recolour.

Names carry meaning ("claim", "evidence", "question"), so renaming a colour renames it
on every highlight that uses it. Each change is one undo step on the session's stack.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nato_reader.ui.annotation_editor import colour_icon
from nato_reader.ui.undo_commands import (
    AddColourCommand,
    RecolourCommand,
    RenameColourCommand,
    push,
)

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def check_name(name: str, existing, current: str | None = None) -> str | None:
    """The reason `name` cannot be used, or None."""
    name = name.strip()
    if not name:
        return "A colour needs a name."
    if len(name) > 40:
        return "Keep the name under 40 characters."
    taken = {n.casefold() for n in existing} - ({current.casefold()} if current else set())
    if name.casefold() in taken:
        return f"There is already a colour called “{name}”."
    return None


class ColourDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Highlight Colours")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Highlight colours")
        self.list.itemDoubleClicked.connect(lambda _item: self._rename_clicked())
        hint = QLabel("Give each colour a meaning: “claim”, “evidence”, “question”…", self)
        hint.setWordWrap(True)
        self.add_button = QPushButton("Add…", self)
        self.rename_button = QPushButton("Rename…", self)
        self.recolour_button = QPushButton("Change Colour…", self)
        self.add_button.clicked.connect(self._add_clicked)
        self.rename_button.clicked.connect(self._rename_clicked)
        self.recolour_button.clicked.connect(self._recolour_clicked)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.recolour_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._update_buttons)
        session.colours_changed.connect(self.reload)
        self.reload()
        self.resize(380, 320)

    # -- prompts: tests replace these --------------------------------------------------------

    def ask_name(self, title: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, "Name:", text=text)
        return name.strip() if ok else None

    def ask_colour(self, initial: str) -> str | None:
        colour = QColorDialog.getColor(QColor(initial), self, "Highlight Colour")
        return colour.name() if colour.isValid() else None

    def warn(self, message: str) -> None:
        QMessageBox.warning(self, "Highlight Colours", message)

    # -- actions (callable directly) -----------------------------------------------------------

    def names(self) -> list[str]:
        return [c.name for c in self.session.library.colours.all()]

    def add_colour(self, name: str, hex_: str) -> bool:
        problem = check_name(name, self.names()) or (
            None if HEX.match(hex_) else f"“{hex_}” is not a colour like #ffcc00.")
        if problem:
            self.warn(problem)
            return False
        push(self.session.undo_stack, AddColourCommand(self.session, name.strip(), hex_))
        self.select(name.strip())
        return True

    def rename_colour(self, old: str, new: str) -> bool:
        if new.strip() == old:
            return False
        problem = check_name(new, self.names(), current=old)
        if problem:
            self.warn(problem)
            return False
        push(self.session.undo_stack, RenameColourCommand(self.session, old, new.strip()))
        self.select(new.strip())
        return True

    def recolour(self, name: str, hex_: str) -> bool:
        if not HEX.match(hex_):
            self.warn(f"“{hex_}” is not a colour like #ffcc00.")
            return False
        push(self.session.undo_stack, RecolourCommand(self.session, name, hex_))
        return True

    # -- list -----------------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.current_name()
        self.list.clear()
        for number, colour in enumerate(self.session.library.colours.all(), start=1):
            shortcut = f"   Ctrl+{number}" if number <= 9 else ""
            item = QListWidgetItem(colour_icon(colour.hex, 18), f"{colour.name}{shortcut}")
            item.setData(Qt.ItemDataRole.UserRole, colour.name)
            item.setToolTip(colour.hex)
            self.list.addItem(item)
        if current:
            self.select(current)
        elif self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current_hex(self) -> str:
        name = self.current_name()
        return next((c.hex for c in self.session.library.colours.all() if c.name == name),
                    "#ffff00")

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole).casefold() == name.casefold():
                self.list.setCurrentRow(row)
                return

    def _update_buttons(self, *_args) -> None:
        has = self.current_name() is not None
        self.rename_button.setEnabled(has)
        self.recolour_button.setEnabled(has)

    def _add_clicked(self) -> None:
        name = self.ask_name("New Colour")
        if not name:
            return
        hex_ = self.ask_colour("#ffe08a")
        if hex_:
            self.add_colour(name, hex_)

    def _rename_clicked(self) -> None:
        old = self.current_name()
        if old:
            new = self.ask_name("Rename Colour", old)
            if new:
                self.rename_colour(old, new)

    def _recolour_clicked(self) -> None:
        name = self.current_name()
        if name:
            hex_ = self.ask_colour(self.current_hex())
            if hex_:
                self.recolour(name, hex_)
