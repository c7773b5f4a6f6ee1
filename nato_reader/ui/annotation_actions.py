"""The Highlight, Highlight as ▸, Add Note… and Manage Colours… actions.

`install_annotation_actions(window, session, reader)` makes them and returns them for
the main window's menus, toolbar and the reader's context menu. The actions read the
reader's selection (`reader.selection_range()`, body offsets) and the current article
through `current_article_id()`, which by default reads `reader.article_id` or, failing
that, `reader.article.id`; pass your own callable when the article lives elsewhere.

The last used colour is kept in `Settings` (a preference, not the user's data), so Ctrl+H
after a restart highlights in it; without settings it lasts as long as the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from nato_reader.ui.annotation_editor import add_annotation_with_note, colour_icon
from nato_reader.ui.undo_commands import AddAnnotationCommand, push


def reader_article_id(reader) -> Callable[[], int | None]:
    def current() -> int | None:
        article_id = getattr(reader, "article_id", None)
        if article_id is not None:
            return article_id
        return getattr(getattr(reader, "article", None), "id", None)

    return current


class AnnotationActions(QObject):
    """Owns the actions and the last used colour; a child of the window."""

    highlighted = Signal(int)  # annotation id, after a highlight or note was added
    last_colour_changed = Signal(str)

    def __init__(self, window, session, reader,
                 current_article_id: Callable[[], int | None] | None = None,
                 settings=None) -> None:
        super().__init__(window)
        # The main window holds the app's Settings; a bare test window has none.
        self.settings = settings if settings is not None else getattr(window, "settings", None)
        if not hasattr(self.settings, "last_highlight_colour"):
            self.settings = None
        self.window = window
        self.session = session
        self.reader = reader
        self.current_article_id = current_article_id or reader_article_id(reader)
        self.exec_dialog = None  # tests replace modal dialogs: exec_dialog(dialog) -> bool
        self._last_colour: str | None = (
            self.settings.last_highlight_colour() if self.settings else None)

        self.highlight = QAction("&Highlight", window)
        self.highlight.setShortcut(QKeySequence("Ctrl+H"))
        self.highlight.setStatusTip("Highlight the selected text in the last used colour")
        self.highlight.triggered.connect(lambda: self.highlight_selection(self.last_colour))
        self.colour_menu = QMenu("Highlight &as", window)
        self.highlight_as = self.colour_menu.menuAction()
        self.highlight_as.setStatusTip("Highlight the selected text in a named colour")
        self.add_note = QAction("Add &Note…", window)
        self.add_note.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.add_note.setStatusTip("Highlight the selected text and write a note on it")
        self.add_note.triggered.connect(self.note_selection)
        self.manage_colours = QAction("Manage &Colours…", window)
        self.manage_colours.setStatusTip("Add, rename and recolour the highlight colours")
        self.manage_colours.triggered.connect(self.open_colour_dialog)
        self.colour_actions: list[QAction] = []

        self._build_colour_menu()
        session.colours_changed.connect(self._build_colour_menu)
        session.colour_renamed.connect(self._colour_renamed)
        if hasattr(reader, "selection_changed"):
            reader.selection_changed.connect(self.update_enabled)
        self.update_enabled()

    # -- state --------------------------------------------------------------------------

    @property
    def actions(self) -> list[QAction]:
        return [self.highlight, self.highlight_as, self.add_note, self.manage_colours]

    @property
    def last_colour(self) -> str:
        names = [c.name for c in self.session.library.colours.all()]
        wanted = (self._last_colour or "").casefold()
        # The palette's spelling: names are case-insensitive, the remembered one may differ.
        match = next((name for name in names if name.casefold() == wanted), None)
        return match or (names[0] if names else "yellow")

    @last_colour.setter
    def last_colour(self, name: str) -> None:
        if name != self._last_colour:
            self._last_colour = name
            if self.settings is not None:
                self.settings.set_last_highlight_colour(name)
            self.last_colour_changed.emit(name)
            self._label_highlight()

    def _colour_renamed(self, old: str, new: str) -> None:
        # Ctrl+H follows a renamed colour (and its undo) instead of falling back.
        if (self._last_colour or "").casefold() == old.casefold():
            self.last_colour = new

    def target(self) -> tuple[int, int, int] | None:
        """(article id, start, end) of the selection, or None."""
        article_id = self.current_article_id()
        selection = self.reader.selection_range()
        if article_id is None or not selection:
            return None
        start, end = selection
        return (article_id, start, end) if end > start else None

    def update_enabled(self) -> None:
        enabled = self.target() is not None
        for action in (self.highlight, self.highlight_as, self.add_note, *self.colour_actions):
            action.setEnabled(enabled)

    # -- doing ----------------------------------------------------------------------------

    def highlight_selection(self, colour: str) -> AddAnnotationCommand | None:
        target = self.target()
        if target is None:
            return None
        self.last_colour = colour
        command = push(self.session.undo_stack, AddAnnotationCommand(self.session, *target,
                                                                     colour))
        self.highlighted.emit(command.annotation_id)
        return command

    def note_selection(self) -> AddAnnotationCommand | None:
        target = self.target()
        if target is None:
            return None
        command = add_annotation_with_note(self.window, self.session, *target, self.last_colour,
                                           exec_dialog=self.exec_dialog)
        if command is not None:
            self.last_colour = command.colour
            self.highlighted.emit(command.annotation_id)
        return command

    def open_colour_dialog(self) -> None:
        from nato_reader.ui.colour_dialog import ColourDialog

        dialog = ColourDialog(self.session, self.window)
        if self.exec_dialog:
            self.exec_dialog(dialog)
        else:
            dialog.exec()

    # -- the colour submenu -----------------------------------------------------------------

    def _build_colour_menu(self) -> None:
        for action in self.colour_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self.colour_menu.clear()
        self.colour_actions = []
        for number, colour in enumerate(self.session.library.colours.all(), start=1):
            action = QAction(colour_icon(colour.hex), colour.name, self.colour_menu)
            action.setData(colour.name)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, n=colour.name: self.highlight_selection(n))
            self.colour_menu.addAction(action)
            # Shortcuts must work while the submenu is closed: the window owns them too.
            self.window.addAction(action)
            self.colour_actions.append(action)
        self.colour_menu.addSeparator()
        self.colour_menu.addAction(self.manage_colours)
        self._label_highlight()
        self.update_enabled()

    def _label_highlight(self) -> None:
        colour = self.last_colour
        hex_ = next((c.hex for c in self.session.library.colours.all()
                     if c.name.casefold() == colour.casefold()), "#c8c8c8")
        self.highlight.setIcon(colour_icon(hex_))
        self.highlight.setToolTip(f"Highlight as {colour} (Ctrl+H)")


def install_annotation_actions(window, session, reader,
                               current_article_id: Callable[[], int | None] | None = None,
                               settings=None) -> list[QAction]:
    """Create the annotation actions on `window`; returns
    [Highlight, Highlight as ▸ (menu action), Add Note…, Manage Colours…].

    The colour actions (Ctrl+1..9) are added to `window` so their shortcuts work; the
    controller is `window.findChild(AnnotationActions)`. `settings` (default: the
    window's `settings` attribute, if any) remembers the last colour between runs.
    """
    controller = AnnotationActions(window, session, reader, current_article_id, settings)
    return controller.actions
